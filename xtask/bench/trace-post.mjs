// Probe behind docs/performance.md's tables for a long post's load. `cargo xtask bench`
// does not run it: the bench measures the shipped script, and this asks what part of that
// script's cost is its bytes, its evaluation or the element it defines. It loads the
// bench's long post (xtask/bench/post.mjs), the widget three screens down, with each of:
//
//   plain         no script at all
//   empty         an empty external script: what any script costs the post
//   element-only  a one-line script that defines an empty <stack-weigh>
//   inert         dist/stackweigh.js inside a function that is never called: its bytes,
//                 nothing run
//   no-module     dist/stackweigh.js with the packed module and the unpacker left out:
//                 everything it runs on a post, without the inlined bytes
//   shipped       dist/stackweigh.js as it is
//
// Env: STACKWEIGH_DIST and CHROMIUM, as for the bench, and
//   N=20       rounds; each page takes every place in a round in turn, since the load
//              before a page moves its timing (see docs/performance.md)
//   HTTP=1     serve the pages from a local server instead of file://
//   ONLY=a,b   load only these pages (and `empty`, the baseline)
//   TRACE=1    also trace the renderer's main thread and print each trace event's median
//              self time per page (CATS= sets the trace categories)
// Prints each page's median main-thread time (CDP's TaskDuration, from navigation to a
// second after load, as the bench reads it) and its ratio to `empty`.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import http from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { launch, dist } from "../../tests/e2e/support.mjs";
import { post, widgetFarDown } from "./post.mjs";
import { inTurns, median } from "./sampling.mjs";

const ROUNDS = Math.max(1, Number(process.env.N ?? 20) || 20);
const CATEGORIES = process.env.CATS ?? "devtools.timeline,v8,blink,disabled-by-default-devtools.timeline";

const work = mkdtempSync(path.join(tmpdir(), "stackweigh-trace-post-"));
const shipped = readFileSync(path.join(dist, "stackweigh.js"), "utf8");

/** `script` with its one string literal matching `pattern` emptied; stops if there is none. */
function withoutLiteral(script, pattern, what) {
  const found = script.match(pattern);
  if (!found) throw new Error(`dist/stackweigh.js has no ${what} to leave out`);
  return script.replace(found[0], '""');
}

const scripts = {
  empty: "",
  "element-only": 'customElements.define("stack-weigh", class extends HTMLElement { connectedCallback() {} });',
  inert: `function neverCalled() {\n${shipped}\n}`,
  "no-module": withoutLiteral(withoutLiteral(shipped, /"[A-Za-z0-9+/=]{20000,}"/, "packed module"), /"[0-9a-f]{2000,}"/, "unpacker"),
  shipped,
};

const server = http.createServer((request, response) => {
  const file = path.join(work, path.basename(new URL(request.url, "http://localhost").pathname));
  try {
    const body = readFileSync(file);
    response.writeHead(200, { "content-type": file.endsWith(".js") ? "text/javascript" : "text/html; charset=utf-8" });
    response.end(body);
  } catch {
    response.writeHead(404);
    response.end();
  }
});
await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));

function writePage(name, body, script) {
  const file = path.join(work, `${name}.html`);
  const tag = script === null ? "" : `<script src="${name}.js"></script>`;
  if (script !== null) writeFileSync(path.join(work, `${name}.js`), script);
  writeFileSync(file, `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${name}</title></head><body>${body}${tag}</body></html>`);
  return process.env.HTTP ? `http://127.0.0.1:${server.address().port}/${name}.html` : pathToFileURL(file).href;
}

const pages = { plain: writePage("plain", post(""), null) };
for (const [name, script] of Object.entries(scripts)) pages[name] = writePage(name, post(name === "empty" ? "" : widgetFarDown), script);

/** Self time per trace event name on the renderer's main thread. */
function selfTimes(events) {
  const main = events.find(
    (e) => e.name === "thread_name" && e.args?.name === "CrRendererMain" && events.some((x) => x.pid === e.pid && x.tid === e.tid && x.name === "ParseHTML"),
  );
  const timed = events
    .filter((e) => main && e.pid === main.pid && e.tid === main.tid && e.ph === "X" && e.dur !== undefined)
    .sort((a, b) => a.ts - b.ts || b.dur - a.dur);
  const self = {};
  const open = [];
  for (const e of timed) {
    while (open.length && open.at(-1).ts + open.at(-1).dur <= e.ts) open.pop();
    if (open.length) self[open.at(-1).name] = (self[open.at(-1).name] ?? 0) - e.dur / 1000;
    self[e.name] = (self[e.name] ?? 0) + e.dur / 1000;
    open.push(e);
  }
  return self;
}

async function load(browser, url) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  try {
    const page = await context.newPage();
    // Let the new window settle before timing a page in it (see the bench's `quiet`).
    await new Promise((resolve) => setTimeout(resolve, 600));
    const cdp = await context.newCDPSession(page);
    await cdp.send("Performance.enable");
    const events = [];
    const traced = process.env.TRACE ? new Promise((resolve) => cdp.once("Tracing.tracingComplete", resolve)) : null;
    if (traced) {
      cdp.on("Tracing.dataCollected", (e) => events.push(...e.value));
      await cdp.send("Tracing.start", { categories: CATEGORIES, transferMode: "ReportEvents" });
    }
    await page.goto(url, { waitUntil: "load" });
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const { metrics } = await cdp.send("Performance.getMetrics");
    if (traced) {
      await cdp.send("Tracing.end");
      await traced;
    }
    return { task: 1000 * metrics.find((m) => m.name === "TaskDuration").value, self: traced ? selfTimes(events) : {} };
  } finally {
    await context.close();
  }
}

const browser = await launch();
const only = process.env.ONLY?.split(",");
const names = Object.keys(pages).filter((name) => !only || name === "empty" || only.includes(name));
const samples = Object.fromEntries(names.map((name) => [name, { task: [], self: {} }]));
for (let round = 0; round < ROUNDS; round++) {
  await inTurns(
    round,
    names.map((name) => async () => {
      const { task, self } = await load(browser, pages[name]);
      samples[name].task.push(task);
      for (const [event, ms] of Object.entries(self)) (samples[name].self[event] ??= []).push(ms);
    }),
  );
  process.stderr.write(`round ${round + 1} of ${ROUNDS}\n`);
}
await browser.close();
server.close();

const baseline = median(samples.empty.task);
for (const [name, { task, self }] of Object.entries(samples)) {
  console.log(`${name.padEnd(13)} ${median(task).toFixed(1).padStart(6)} ms  ${(median(task) / baseline).toFixed(3)}×`);
  const events = Object.entries(self)
    .map(([event, ms]) => [event, median(ms)])
    .filter(([, ms]) => ms > 0.15)
    .sort((a, b) => b[1] - a[1]);
  if (events.length) console.log(`  ${events.map(([event, ms]) => `${event}=${ms.toFixed(2)}`).join(" ")}`);
}
