// The npm package `cargo xtask package` builds (staged in target/npm/package, packed next
// to it): exactly the files it should hold, TypeScript declarations a strict consumer
// compiles against, a manifest that names what the README's contract names, and the
// script loading from a CDN-style address with its integrity hash.
import { DETAIL_FIELDS } from "./fixtures/contract.mjs";
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { distFile } from "./support.mjs";
import { hostHtml, openHost, snapshot } from "./fixtures/widget.mjs";

const run = promisify(execFile);
const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, "../..");
const staged = process.env.STACKWEIGH_PACKAGE ?? path.join(root, "target/npm/package");
const TSC = path.join(here, "node_modules/.bin/tsc");

const FILES = ["LICENSE", "README.md", "custom-elements.json", "embed.html", "package.json", "stackweigh.d.ts", "stackweigh.js"];

async function packageJson() {
  return JSON.parse(await readFile(path.join(staged, "package.json"), "utf8"));
}

/** A temp folder removed after the test. */
async function tempDir(t) {
  const dir = await mkdtemp(path.join(os.tmpdir(), "stackweigh-package-"));
  t.after(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

/** The README's contract section, split into its `###` subsections by heading. */
async function readmeContract() {
  const readme = await readFile(path.join(root, "README.md"), "utf8");
  const section = readme.split("\n## The embed contract\n")[1].split("\n## ")[0];
  return Object.fromEntries(section.split("\n### ").slice(1).map((s) => [s.slice(0, s.indexOf("\n")), s]));
}

test("npm pack lists exactly the script, embed.html, the README, the licence, package.json, the manifest and the types", async () => {
  const { stdout } = await run("npm", ["pack", "--dry-run", "--json"], { cwd: staged });
  const [report] = JSON.parse(stdout);
  assert.deepEqual(report.files.map((f) => f.path).sort(), FILES);
  const pkg = await packageJson();
  const cargo = await readFile(path.join(root, "Cargo.toml"), "utf8");
  const version = /\[package\][^[]*?\nversion = "([^"]+)"/.exec(cargo)[1];
  assert.equal(pkg.version, version, "the version is Cargo's");
  assert.equal(report.name, "stackweigh");
  assert.equal(pkg.jsdelivr, "stackweigh.js");
  assert.equal(pkg.unpkg, "stackweigh.js");
  assert.equal(pkg.customElements, "custom-elements.json");
  assert.equal(pkg.types, "stackweigh.d.ts");
  assert.equal(pkg.sideEffects, true);
  assert.equal(pkg.exports["."].default, "./stackweigh.js");
  assert.deepEqual(await readFile(path.join(staged, "stackweigh.js")), distFile("stackweigh.js"), "the script is dist's");
  const tarballs = (await readdir(path.dirname(staged))).filter((f) => f === `stackweigh-${version}.tgz`);
  assert.equal(tarballs.length, 1, "the tarball is packed next to the staged package");
});

/** Compiles `source` against the packed package, unpacked into node_modules as npm would. */
async function compile(t, source) {
  const dir = await tempDir(t);
  const pkg = await packageJson();
  const modules = path.join(dir, "node_modules/stackweigh");
  await mkdir(modules, { recursive: true });
  await run("tar", ["-xzf", path.join(path.dirname(staged), `stackweigh-${pkg.version}.tgz`), "-C", modules, "--strip-components=1"]);
  await writeFile(path.join(dir, "consumer.ts"), source);
  const args = ["--noEmit", "--strict", "--target", "es2022", "--module", "esnext", "--moduleResolution", "bundler", "--lib", "es2022,dom", "consumer.ts"];
  return run(TSC, args, { cwd: dir }).then(
    ({ stdout }) => ({ ok: true, output: stdout }),
    (e) => ({ ok: false, output: `${e.stdout}${e.stderr}` }),
  );
}

test("a strict TypeScript consumer compiles against stackweigh.d.ts, and a wrong one does not", async (t) => {
  const good = `
import "stackweigh";
import type { StackWeighDetail, StackWeighElement } from "stackweigh";

const widget = document.querySelector("stack-weigh");
if (widget) {
  widget.setAttribute("preset", "real-time");
  widget.addEventListener("stackweigh:change", (e) => {
    const answer: string = e.detail.recommendation;
    const strength: "clear" | "leans" | "too-close" | "none" = e.detail.strength;
    const node: number | undefined = e.detail.scores.node;
    console.log(answer, strength, node, e.detail.weights["data-science"]);
  });
}
document.addEventListener("stackweigh:change", (e) => e.detail.recommendation);
document.addEventListener("stackweigh:ready", (e) => {
  const detail: StackWeighDetail = e.detail;
  console.log(detail.recommendation === "node", (e.target as StackWeighElement).tagName);
});
const made: StackWeighElement = document.createElement("stack-weigh");
console.log(made);
`;
  const compiled = await compile(t, good);
  assert.ok(compiled.ok, `tsc --strict failed:\n${compiled.output}`);

  // The same calls used wrongly: the types are really applied, not \`any\`.
  const bad = `
import "stackweigh";
document.addEventListener("stackweigh:change", (e) => {
  const wrong: number = e.detail.recommendation;
  console.log(wrong, e.detail.nope);
});
document.querySelector("stack-weigh")?.addEventListener("stackweigh:ready", (e) => e.detail.strength === "sure");
`;
  const refused = await compile(t, bad);
  assert.equal(refused.ok, false, "the wrong consumer compiled");
  for (const line of [4, 5, 7]) assert.match(refused.output, new RegExp(`consumer\\.ts\\(${line},`), `an error on line ${line}:\n${refused.output}`);
});

test("custom-elements.json names every attribute, event and custom property the README's contract names", async () => {
  const manifest = JSON.parse(await readFile(path.join(staged, "custom-elements.json"), "utf8"));
  const element = manifest.modules.flatMap((m) => m.declarations).find((d) => d.tagName === "stack-weigh");
  assert.ok(element?.customElement, "the manifest declares <stack-weigh>");
  const names = (list) => (element[list] ?? []).map((item) => item.name).sort();

  const contract = await readmeContract();
  const attributes = [...contract.Attributes.matchAll(/^\| `([^`]+)` \|/gm)].map((m) => m[1]).sort();
  const events = [...contract.Events.matchAll(/^- `([^`]+)`/gm)].map((m) => m[1]).sort();
  const properties = [...new Set(contract["Matching your brand"].match(/--stackweigh-[a-z-]+/g))].sort();
  assert.ok(attributes.length >= 5 && events.length === 2 && properties.length >= 4, "the README's contract was read");
  assert.deepEqual(names("attributes"), attributes);
  assert.deepEqual(names("events"), events);
  assert.deepEqual(names("cssProperties"), properties);
  for (const event of element.events) {
    for (const field of DETAIL_FIELDS) {
      assert.match(event.type.text, new RegExp(`\\b${field}:`), `${event.name}'s detail has ${field}`);
    }
  }
});

test("the packaged script loads from a versioned CDN-style address with its integrity hash, and not with a wrong one", async (t) => {
  const pkg = await packageJson();
  const script = await readFile(path.join(staged, "stackweigh.js"));
  const integrity = `sha384-${createHash("sha384").update(script).digest("base64")}`;
  const at = `/npm/stackweigh@${pkg.version}/stackweigh.js`;
  const tag = (hash) => `<script src="${at}" integrity="${hash}" crossorigin="anonymous" defer></script>`;
  const body = '<stack-weigh preset="real-time"><p>fallback</p></stack-weigh>';
  const files = { [at]: { body: script, headers: { "access-control-allow-origin": "*" } } };

  const page = await openHost(t, hostHtml(body + tag(integrity), { script: null }), { files });
  assert.equal((await snapshot(page)).verdict, "node");
  assert.deepEqual(page.errors, []);

  const wrong = integrity.replace(/.{4}$/, "AAAA");
  const refused = await openHost(t, hostHtml(body + tag(wrong), { script: null }), { files, wait: false });
  await refused.waitForLoadState("load");
  assert.equal(await refused.evaluate(() => customElements.get("stack-weigh")), undefined, "a changed hash is refused");
  assert.ok(await refused.getByText("fallback").isVisible(), "and the fallback stays");
});
