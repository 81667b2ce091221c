// dist/embed.html, the widget alone for an iframe, as the hosts that take no script embed
// it: in a sandboxed frame (WordPress's `sandbox="allow-scripts"`, with its `#?secret=…`),
// telling the host its height, and from the share panel's iframe snippet pasted into a page.
// And the link-card tags of the shipped pages.
import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import path from "node:path";
import { SANDBOX, dist, distFile } from "./support.mjs";
import {
  CRITERIA, eventually, expectShown, openDist, openHost, openUrl, rendered, savedFolder, slider, snapshot, widget,
} from "./fixtures/widget.mjs";

const SECRET = "Ab3dEf9hIj";

/** A host page with `frame` in it that records every message it hears, from the start. */
function hostWith(frame) {
  return (
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>host</title>` +
    `<script>window.__messages = []; addEventListener("message", (e) => __messages.push({ data: e.data, fromFrame: e.source === document.querySelector("iframe").contentWindow }));</script>` +
    `</head><body><h1>A blog post</h1>${frame}</body></html>`
  );
}

/** Opens `src` (under /embed.html) in a sandboxed frame `height` px tall on a host page. */
async function sandboxed(t, src, { height = 400, ...options } = {}) {
  const frame = `<iframe sandbox="allow-scripts" src="${src}" title="stackweigh" width="800" height="${height}" style="border: 0"></iframe>`;
  const page = await openHost(t, hostWith(frame), { files: { "/embed.html": distFile("embed.html") }, wait: false, ...options });
  const inner = await eventually(() => {
    const found = page.frames().find((f) => f.url().includes("/embed.html"));
    assert.ok(found, "the frame is there");
    return found;
  });
  await rendered(inner);
  return { page, frame: inner };
}

/** The height of the frame's document: what each message must say. */
const documentHeight = (frame) => frame.evaluate(() => Math.ceil(document.documentElement.getBoundingClientRect().height));

/** The heights the host heard in each of the three forms, in order. */
async function heights(page) {
  const messages = await page.evaluate(() => window.__messages);
  const forms = { embedly: [], wordpress: [], ours: [] };
  for (const { data, fromFrame } of messages) {
    assert.ok(fromFrame, `every message comes from the frame: ${JSON.stringify(data)}`);
    if (typeof data === "string") {
      const parsed = JSON.parse(data);
      assert.equal(parsed.context, "iframe.resize");
      assert.match(parsed.src, /\/embed\.html#/);
      forms.embedly.push(parsed.height);
    } else if (data && data.message === "height") {
      assert.equal(data.secret, SECRET, "WordPress's secret comes back");
      forms.wordpress.push(data.value);
    } else if (data && "stackweigh:height" in data) {
      forms.ours.push(data["stackweigh:height"]);
    } else {
      assert.fail(`an unexpected message: ${JSON.stringify(data)}`);
    }
  }
  return forms;
}

/** Waits until the last height in every form heard (WordPress's only with a secret) is
 * the frame document's height. */
function heardHeight(page, frame, message, { secret = true } = {}) {
  return eventually(async () => {
    const height = await documentHeight(frame);
    const forms = await heights(page);
    for (const [form, values] of Object.entries(forms)) {
      if (form === "wordpress" && !secret) continue;
      assert.equal(values.at(-1), height, `${message}: ${form} (${JSON.stringify(forms)})`);
    }
    return { height, forms };
  });
}

test("in a sandboxed frame, embed.html tells the host its height in the three forms, again after each change", async (t) => {
  const { page, frame } = await sandboxed(t, `/embed.html#preset=real-time#?secret=${SECRET}`);
  assert.equal(await frame.evaluate(() => self.origin), "null", "the frame is sandboxed");
  const shown = await expectShown(frame, { verdict: "node", projectTypes: ["real-time"], notices: [] }, 0, "the fragment's state, WordPress's addition ignored");

  const first = await heardHeight(page, frame, "the first height");
  const widgetHeight = await widget(frame, ".sw").evaluate((e) => e.getBoundingClientRect().height);
  assert.ok(first.height > 400, `the content's height (${first.height}), not the frame's 400 px`);
  assert.ok(Math.abs(first.height - widgetHeight) <= 2, `the document is the widget alone (${first.height} vs ${widgetHeight})`);

  // WordPress's host script says "ready" once it listens: it hears the height again.
  const before = first.forms.wordpress.length;
  await page.evaluate((secret) => document.querySelector("iframe").contentWindow.postMessage({ message: "ready", secret }, "*"), SECRET);
  await eventually(async () => assert.deepEqual((await heights(page)).wordpress.slice(before), [first.height]));

  // Opening a panel makes the widget taller: the host hears the new height, in each form.
  // The click returns before the panel has laid out, so wait for the document to grow
  // first; otherwise the old height, already heard, would satisfy the check below.
  await widget(frame, "details.sw-share > summary").click();
  await eventually(async () => {
    const height = await documentHeight(frame);
    assert.ok(height > first.height, `taller (${first.height} → ${height})`);
  });
  const taller = await heardHeight(page, frame, "after opening the share panel");
  assert.ok(taller.height > first.height, `the host heard the taller height (${first.height} → ${taller.height})`);
  for (const values of Object.values(taller.forms)) assert.ok(values.length >= 2, "a new message in each form");

  // A change of the state rewrites the frame's fragment, keeping WordPress's secret.
  await slider(frame, "performance").press("Home");
  await expectShown(frame, { weights: { ...shown.weights, performance: "0" } });
  await eventually(async () => {
    const hash = await frame.evaluate(() => location.hash);
    assert.match(hash, /^#preset=real-time&weights=performance:0,[^#]*#\?secret=Ab3dEf9hIj$/, hash);
  });
  assert.deepEqual(page.errors, []);
  assert.deepEqual(page.outside, [], "nothing was fetched");
});

test("a frame taller than the widget hears the widget's height, not its own", async (t) => {
  const { page, frame } = await sandboxed(t, "/embed.html#preset=real-time", { height: 4000 });
  const { height, forms } = await heardHeight(page, frame, "the first height", { secret: false });
  assert.ok(height < 4000, `the content's height (${height})`);
  assert.deepEqual(forms.wordpress, [], "no secret in the address, no WordPress message");
});

test("inside the sandbox every button works or degrades, without an error", async (t) => {
  const { page, frame } = await sandboxed(t, "/embed.html#preset=real-time&theme=dark");
  const shown = await expectShown(frame, { verdict: "node", theme: "dark", notices: [] });
  const [pageBackground, widgetBackground] = await frame.evaluate(() => [
    getComputedStyle(document.documentElement).backgroundColor,
    getComputedStyle(document.querySelector("stack-weigh").shadowRoot.querySelector(".sw")).backgroundColor,
  ]);
  assert.equal(pageBackground, widgetBackground, "the page around the widget has the widget's background");
  assert.notEqual(pageBackground, "rgb(255, 255, 255)", "dark, from theme=dark");

  for (const criterion of CRITERIA) await slider(frame, criterion).press("End");
  await expectShown(frame, { weights: Object.fromEntries(CRITERIA.map((c) => [c, "10"])) });
  const chips = widget(frame, "button[data-project-type]");
  for (let i = 0; i < (await chips.count()); i++) {
    const chip = chips.nth(i);
    const pressed = await chip.getAttribute("aria-pressed");
    await chip.click();
    await eventually(async () => assert.notEqual(await chip.getAttribute("aria-pressed"), pressed));
  }
  const radios = widget(frame, "input[name=sw-team]");
  for (let i = 0; i < (await radios.count()); i++) await radios.nth(i).check();
  await widget(frame, "button.sw-reset").click();
  await expectShown(frame, { projectTypes: [], team: "neither" }, 0, "reset");

  const summaries = widget(frame, "details:not([open]):not([hidden]) > summary");
  while ((await summaries.count()) > 0) await summaries.first().click();
  // Chromium and WebKit refuse the clipboard in the sandbox: each copy button selects its
  // text instead. Firefox lets the frame write it after the click: the button copies.
  const status = widget(frame, ".sw-status");
  const copies = [["summary", null], ["snippet", "script"], ["snippet", "iframe"], ["snippet", "link"]];
  const selected = () =>
    frame.evaluate(() => {
      const area = document.querySelector("stack-weigh").shadowRoot.activeElement;
      return area?.tagName === "TEXTAREA" ? area.selectionEnd - area.selectionStart : 0;
    });
  for (const [button, kind] of copies) {
    if (kind) await widget(frame, `input[name=sw-embed][value=${kind}]`).check();
    await widget(frame, `button[data-copy=${button}]`).focus();
    assert.equal(await selected(), 0);
    await widget(frame, `button[data-copy=${button}]`).click();
    if (SANDBOX.copies) {
      await eventually(async () => assert.match(await status.textContent(), /copied/, `${button} ${kind ?? ""}`));
      continue;
    }
    await eventually(async () => assert.match(await status.textContent(), /selected/, `${button} ${kind ?? ""}`));
    await eventually(async () => assert.ok((await selected()) > 0, `the ${kind ?? button} text is selected for a manual copy`));
  }
  assert.equal(await widget(frame, ".sw-oops").count(), 0);
  assert.notDeepEqual((await snapshot(frame)).scores, {}, "still showing a result");
  assert.equal(shown.theme, "dark");
  assert.deepEqual(page.errors, [], "no error, thrown or logged, in the page or the frame");
});

test("the share panel's iframe snippet, pasted into a blank page, shows the same state and fits its frame", async (t) => {
  const page = await openDist(t, "stackweigh.html");
  await widget(page, 'button[data-project-type="real-time"]').click();
  await slider(page, "talent").press("Home");
  const shown = await expectShown(page, { projectTypes: ["real-time"], verdict: "node" });
  await widget(page, "details.sw-share > summary").click();
  await widget(page, "input[name=sw-embed][value=iframe]").check();
  const snippet = await widget(page, "textarea#sw-snippet-text").inputValue();
  const src = /<iframe src="([^"]+)"/.exec(snippet)?.[1].replaceAll("&amp;", "&");
  assert.ok(src?.startsWith(new URL("embed.html", page.url()).href + "#preset=real-time&"), `embed.html next to the page: ${src}`);
  assert.match(snippet, /loading="lazy"/);
  assert.match(snippet, /<script>[\s\S]*stackweigh:height[\s\S]*<\/script>/, "with the height listener");
  await widget(page, "input[name=sw-embed][value=link]").check();
  assert.equal(await widget(page, "textarea#sw-snippet-text").inputValue(), src, "the link is the frame's address");

  const blank = `<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><title>A post</title></head><body>\n<p>Before.</p>\n${snippet}\n<p>After.</p>\n</body></html>\n`;
  const saved = await savedFolder(t, { "post.html": blank });
  const pasted = await openUrl(t, saved.url("post.html"), { wait: false });
  const frame = await eventually(() => {
    const found = pasted.frames().find((f) => f.url().includes("embed.html"));
    assert.ok(found);
    return found;
  });
  await rendered(frame);
  const inFrame = await expectShown(frame, { verdict: shown.verdict, projectTypes: shown.projectTypes, weights: shown.weights, team: shown.team, notices: [] }, 0, "the same state");
  assert.deepEqual(inFrame.scores, shown.scores);
  await eventually(async () => {
    const height = await documentHeight(frame);
    assert.equal(await pasted.locator("iframe").getAttribute("height"), String(height), "the listener fitted the frame");
  });
  assert.deepEqual(pasted.errors, []);
});

test("the pages carry link-card tags, and without a base URL no address that would be wrong", async (t) => {
  for (const name of ["embed.html", "stackweigh.html"]) {
    const page = await openDist(t, name, { wait: false });
    const tags = await page.evaluate(() =>
      Object.fromEntries([...document.querySelectorAll("meta[property], meta[name]")].map((m) => [m.getAttribute("property") ?? m.name, m.content])),
    );
    for (const key of ["og:title", "og:description", "twitter:title", "twitter:description", "description"]) {
      assert.ok(tags[key]?.length > 10, `${name}: ${key} (${JSON.stringify(tags)})`);
    }
    assert.equal(tags["twitter:card"], "summary", `${name}: no image, so the small card`);
    // `cargo xtask test` builds dist/ with no base URL: every tag that needs one is left out.
    for (const key of ["og:url", "og:image", "twitter:image"]) assert.equal(tags[key], undefined, `${name}: ${key}`);
    assert.equal(await page.locator('link[type="application/json+oembed"]').count(), 0, `${name}: no oEmbed link`);
  }
  assert.equal(existsSync(path.join(dist, "oembed.json")), false, "no oembed.json without a base URL");
});
