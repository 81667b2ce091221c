// Browser timings for `cargo xtask bench`: prints ONE JSON object on stdout (progress
// goes to stderr). Env: STACKWEIGH_DIST, CHROMIUM, STACKWEIGH_BENCH_RUNS (default 15).
// It is a measurement, not a test, so it lives with the xtask that runs it; it borrows
// the end-to-end tests' browser launcher and memory fixtures, whose own imports resolve
// from tests/e2e/node_modules, so no NODE_PATH is needed.
//
//   Every page opens in a new window, and is timed only once the browser has finished
//   setting that window up (see `quiet`): a reader's page opens in a window long set up.
//
//   startup_ms / static_ms     navigation start → stackweigh:ready for dist/stackweigh.html
//                              (file://), vs → DOMContentLoaded + one frame for a static
//                              copy of the same rendered page (declarative shadow DOM, no
//                              script). Medians over fresh pages.
//   shown_ms                   navigation start → the first animation frame with the
//                              widget on the page, in the same runs as startup_ms: the
//                              figure that matches static_ms. `ready` can come after it.
//   latency_*_ms               input event dispatched → the slider's value text updated
//                              (MutationObserver: Yew renders in a microtask, or after a
//                              setTimeout when a render runs past 16 ms), 500 inputs from
//                              ready on each of up to 5 fresh plain pages (no sync-url),
//                              pooled; *_large_* with 8 × 40. One page's p95 moves from
//                              load to load, so *_page_p95_min/max_ms give the spread of
//                              the pages' own p95s.
//   latency_*after_frame_*     the same inputs, only those that came right after the
//                              browser drew a frame (`*_after_frame_inputs` of them): every
//                              input of a reader's does, and it costs more, as the DOM it
//                              changes has its style and layout up to date.
//   latency_*settled_*_ms      500 inputs on fresh pages that first sat for 2 s after
//                              ready, as no reader is quicker: whatever the page still does
//                              after ready would show as the gap between these and the
//                              figures from ready.
//   latency_*warm_*_ms         the next 500 inputs on the first pages: the same work once
//                              V8 has warmed up to it, to tell our cost from warm-up.
//   calls_*per_input           calls from the wasm into JavaScript (wasm-bindgen's imports)
//                              per slider step, counted by V8's precise coverage over 100
//                              inputs: every DOM write, string and event crosses there.
//                              Deterministic, unlike the timings, so a change shows at once.
//   one/ten/fifty_instance(s)_ms  navigation start → the last of 1 / 10 / 50
//                              stackweigh:ready (fifty: median of at most 5 pages).
//   memory_after_*_bytes       the wasm linear memory (captured by wrapping
//                              WebAssembly.Instance) after start and after 1,000 inputs
//                              (same plain page);
//                              js_heap_* is the JS heap (CDP Runtime.getHeapUsage after GC).
//   per_instance_*             what each of 50 instances added at once to a page with the
//                              script and no widget costs, after GC: js (V8 heap), dom
//                              (Blink's heap: elements, their styles and layout), wasm, in
//                              bytes, and DOM nodes.
//   post_load_ms / post_plain_load_ms   main-thread time (CDP Performance TaskDuration)
//                              from navigation to a second after the load event, for a
//                              long post with the widget three screens down, and for the
//                              same post without it (and without the script). Medians.
//   post_empty_script_load_ms  the same for the post with an empty external script and no
//                              widget: what any script costs the post.
//   layout_shift_<snippet>_<width>  cumulative layout shift (PerformanceObserver, until a
//                              second after ready) of a post with a pasted snippet one
//                              paragraph in, its script a local file, at 360 and 1,024 px
//                              wide: `snippet` the share panel's script snippet for the
//                              default choices, `plain` the README's first snippet. The worst
//                              of up to 5 fresh pages: the shift depends on whether the
//                              script runs before or after the first paint.
//   churn_*                    a single-page site's navigations: add a widget, wait for
//                              ready, remove it, STACKWEIGH_BENCH_CHURN_CYCLES times (default
//                              1,000) on one page; after GC, after the first 50 (`*_after_50*`)
//                              and after all (`*_after_all*`): the JS heap, the wasm memory,
//                              and the page's DOM nodes and event listeners (counts, exact;
//                              Blink's heap in bytes moves by a tenth between collections).
//                              Growth between them is what freed instances left behind.
import { mkdtempSync, writeFileSync, readFileSync, copyFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { launch, dist } from "../../tests/e2e/support.mjs";
import { fileURLToPath } from "node:url";
import { addInstances, churn, memoryCatcher, memoryUsage } from "../../tests/e2e/fixtures/memory.mjs";
import { paragraph, post, widgetFarDown } from "./post.mjs";
import { inTurns, median } from "./sampling.mjs";

const RUNS = Math.max(1, Number(process.env.STACKWEIGH_BENCH_RUNS ?? 15) || 15);
const INPUTS = 500;
/** Fresh pages per latency figure, each with INPUTS inputs. */
const LATENCY_PAGES = Math.min(RUNS, 5);
const MEMORY_INPUTS = 1000;
const CHURN_CYCLES = Math.max(100, Number(process.env.STACKWEIGH_BENCH_CHURN_CYCLES ?? 1000) || 1000);
/** Churn figures compare the end with the page after this many cycles, once warm. */
const CHURN_BASELINE = 50;
const MANY = 50;
/** Pages per fifty-instance timing: each takes a while. */
const MANY_RUNS = Math.min(RUNS, 5);
/** How long after ready a reader could first move a slider, at the quickest. */
const SETTLE_MS = 2000;
/** A browser is quiet when its processes use under a fifth of a core (see `quiet`). */
const QUIET_EVERY_MS = 100;
const QUIET_CPU_MS = 20;
const QUIET_TIMEOUT_MS = 5000;

const t0 = Date.now();
const log = (...args) => console.error(`bench [${((Date.now() - t0) / 1000).toFixed(1)} s]:`, ...args);

// --- statistics --------------------------------------------------------------------------

function quantile(values, q) {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  // Nearest rank: the smallest value with at least q of the samples at or below it.
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
}
const round = (x, digits = 3) => (Number.isFinite(x) ? Number(x.toFixed(digits)) : null);

// --- pages ---------------------------------------------------------------------------------

const work = mkdtempSync(path.join(tmpdir(), "stackweigh-bench-"));
copyFileSync(path.join(dist, "stackweigh.js"), path.join(work, "stackweigh.js"));
writeFileSync(path.join(work, "empty.js"), "");
const demoPage = path.join(dist, "stackweigh.html");
/** Fresh pages per layout-shift figure. */
const SHIFT_RUNS = Math.min(RUNS, 5);
const url = (file) => pathToFileURL(file).href;

/** A page of `body`, then `<script src>` of `script` (none if false) at its end. */
function writePage(name, body, { script = "stackweigh.js" } = {}) {
  const file = path.join(work, name);
  writeFileSync(
    file,
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${name}</title></head>` +
      `<body>${body}${script ? `<script src="${script}"></script>` : ""}</body></html>`,
  );
  return url(file);
}

/** 8 options × 40 criteria, deterministic scores 1–10. */
function largeDataset() {
  const options = Array.from({ length: 8 }, (_, o) => ({ id: `option-${o}`, name: `Option ${o + 1}` }));
  const criteria = Array.from({ length: 40 }, (_, c) => ({
    id: `criterion-${c}`,
    name: `Criterion ${c + 1}`,
    description: `What criterion ${c + 1} measures, in one line.`,
    scores: Object.fromEntries(options.map((o, i) => [o.id, 1 + ((i * 7 + c * 13 + ((i * c) % 5)) % 10)])),
    default_weight: 1 + (c % 10),
  }));
  return { title: "Eight options on forty criteria", options, criteria };
}

const pages = {
  one: writePage("one.html", "<stack-weigh></stack-weigh>"),
  // Stacked instances run past the screen: eager, so all of them start at once.
  ten: writePage("ten.html", '<stack-weigh loading="eager"></stack-weigh>\n'.repeat(10)),
  many: writePage("many.html", '<stack-weigh loading="eager"></stack-weigh>\n'.repeat(MANY)),
  post: writePage("post.html", post(widgetFarDown)),
  postPlain: writePage("post-plain.html", post(""), { script: false }),
  // What any external script costs the post, for comparison: the parser waits for it.
  postEmptyScript: writePage("post-empty-script.html", post(""), { script: "empty.js" }),
  none: writePage("none.html", ""),
  large: writePage(
    "large.html",
    `<stack-weigh><script type="application/json">${JSON.stringify(largeDataset()).replace(/</g, "\\u003c")}</script></stack-weigh>`,
  ),
  demo: url(demoPage),
};

/** The README's plain snippet: the first HTML block under "Embed it". */
function readmeSnippet() {
  const readme = readFileSync(path.join(path.dirname(fileURLToPath(import.meta.url)), "../../README.md"), "utf8");
  const section = readme.slice(readme.indexOf("## Embed it"));
  const block = section.match(/```html\n([\s\S]*?)```/);
  if (!block || !block[1].includes("<stack-weigh")) throw new Error("README.md has no snippet under \"Embed it\"");
  return block[1];
}

/** A post with `snippet` pasted one paragraph in, as a blogger does. */
function postWithSnippet(name, snippet) {
  const file = path.join(work, name);
  writeFileSync(
    file,
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${name}</title></head>` +
      `<body><main style="max-width: 40em; margin: 0 auto"><h1>Our next hire</h1>${paragraph}${snippet}${paragraph.repeat(20)}</main></body></html>`,
  );
  return url(file);
}

/** The share panel's script snippet for the default choices, as a blogger copies it. */
async function shareSnippet(browser) {
  const page = await freshPage(browser);
  try {
    await page.goto(pages.one);
    await page.waitForFunction(() => window.__bench.ready.length >= 1);
    await page.locator("stack-weigh").locator(".sw-share > summary").click();
    return await page.locator("stack-weigh").locator("#sw-snippet-text").inputValue();
  } finally {
    await page.context().close();
  }
}

/** Cumulative layout shift while `pageUrl` loads at `width` px, until a second after the
 * widget is ready. */
async function layoutShift(browser, pageUrl, width) {
  const context = await browser.newContext({ viewport: { width, height: 800 } });
  const page = await context.newPage();
  try {
    page.on("pageerror", (e) => log("page error:", String(e)));
    await page.addInitScript(() => {
      const b = (window.__shift = { cls: 0, ready: 0 });
      document.addEventListener("stackweigh:ready", () => b.ready++, true);
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) if (!entry.hadRecentInput) b.cls += entry.value;
      }).observe({ type: "layout-shift", buffered: true });
    });
    await quiet(browser);
    await page.goto(pageUrl);
    await page.waitForFunction(() => window.__shift.ready >= 1, null, { timeout: 20_000 });
    await page.waitForTimeout(1000);
    return await page.evaluate(() => window.__shift.cls);
  } finally {
    await context.close();
  }
}

// --- in-page instrumentation ----------------------------------------------------------------

/** Init script: when each widget said ready, when the page was first ready to paint, and
 * the first frame that had a widget's content in it. */
function timingRecorder() {
  const b = (window.__bench = { ready: [], dcl: null, frame: null, shown: null });
  document.addEventListener("stackweigh:ready", () => b.ready.push(performance.now()), true);
  const watch = () => {
    if (document.querySelector("stack-weigh")?.shadowRoot?.firstElementChild) b.shown = performance.now();
    else requestAnimationFrame(watch);
  };
  requestAnimationFrame(watch);
  document.addEventListener("DOMContentLoaded", () => {
    b.dcl = performance.now();
    requestAnimationFrame(() => (b.frame = performance.now()));
  });
}

/** In the page: `n` slider inputs on widget `index`, alternating each slider between 2 and 8.
 * Each is timed from just before dispatch to the mutation that shows the new value. */
async function timeInputs({ n, index }) {
  const root = document.querySelectorAll("stack-weigh")[index].shadowRoot;
  const sliders = [...root.querySelectorAll("input[type=range]")];
  if (sliders.length === 0) throw new Error("no sliders");
  const shown = (slider) => slider.closest(".sw-slider").querySelector(".sw-slider-value b")?.textContent;
  let waiting = null;
  const settle = () => {
    if (waiting && waiting.done()) {
      const at = performance.now();
      const { resolve } = waiting;
      waiting = null;
      resolve(at);
    }
  };
  const observer = new MutationObserver(settle);
  observer.observe(root, { subtree: true, childList: true, characterData: true, attributes: true });
  const channel = new MessageChannel();
  const yieldToLoop = () => new Promise((r) => ((channel.port1.onmessage = r), channel.port2.postMessage(0)));
  // Which inputs come right after the browser drew a frame: a reader's always do, and
  // they meet a page with its style and layout up to date.
  let frames = 0;
  let frameSeen = 0;
  let frameRequest = requestAnimationFrame(function count() {
    frames++;
    frameRequest = requestAnimationFrame(count);
  });
  const times = [];
  const framed = [];
  try {
    for (let i = 0; i < n; i++) {
      const slider = sliders[i % sliders.length];
      const target = slider.value === "2" ? "8" : "2";
      let timer;
      const updated = new Promise((resolve, reject) => {
        waiting = { done: () => shown(slider) === target, resolve };
        timer = setTimeout(() => reject(new Error(`input ${i} on ${slider.dataset.criterion} never showed ${target}`)), 5000);
      });
      framed.push(frames !== frameSeen);
      frameSeen = frames;
      const start = performance.now();
      slider.value = target;
      slider.dispatchEvent(new Event("input", { bubbles: true }));
      settle(); // a synchronous render has already happened
      times.push((await updated) - start);
      clearTimeout(timer);
      // Give the event loop a turn now and then (timers, GC, a frame), as between real
      // inputs; every input would double the bench's run time for no change in what is
      // measured (dispatch → DOM, which never spans a frame).
      if (i % 10 === 9) await yieldToLoop();
    }
  } finally {
    observer.disconnect();
    channel.port1.close();
    cancelAnimationFrame(frameRequest);
  }
  return { times, framed };
}

// --- measurements ---------------------------------------------------------------------------

async function freshPage(browser, init = [timingRecorder]) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  page.on("pageerror", (e) => log("page error:", String(e)));
  for (const script of init) await page.addInitScript(script);
  await quiet(browser);
  return page;
}

const cpuProbes = new WeakMap();

/** Returns once Chromium's processes together have used under QUIET_CPU_MS of CPU time in
 * QUIET_EVERY_MS. A new window costs Chromium about half a second of both cores (it builds
 * the window's omnibox popup, a page of its own, in another renderer), and a reader's page
 * opens in a window that was set up long before: timed during that, a page measures the
 * browser, most of all in the first few hundred inputs. */
async function quiet(browser) {
  let probe = cpuProbes.get(browser);
  if (!probe) cpuProbes.set(browser, (probe = await browser.newBrowserCDPSession()));
  const cpuMs = async () => {
    const { processInfo } = await probe.send("SystemInfo.getProcessInfo");
    return 1000 * processInfo.reduce((sum, p) => sum + p.cpuTime, 0);
  };
  const deadline = Date.now() + QUIET_TIMEOUT_MS;
  let before = await cpuMs();
  while (Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, QUIET_EVERY_MS));
    const now = await cpuMs();
    if (now - before < QUIET_CPU_MS) return;
    before = now;
  }
  log(`the browser was still busy after ${QUIET_TIMEOUT_MS} ms: measuring anyway`);
}

/** Navigation start → the `count`-th stackweigh:ready, in a fresh page. */
async function timeToReady(browser, pageUrl, count) {
  return (await timeToReadyAndShown(browser, pageUrl, count)).ready;
}

/** Navigation start → the `count`th stackweigh:ready, and → the first frame with a widget. */
async function timeToReadyAndShown(browser, pageUrl, count) {
  const page = await freshPage(browser);
  try {
    await page.goto(pageUrl);
    const done = (count) => window.__bench.ready.length >= count && window.__bench.shown !== null;
    await page.waitForFunction(done, count, { timeout: 20_000 });
    return await page.evaluate((count) => ({ ready: window.__bench.ready[count - 1], shown: window.__bench.shown }), count);
  } finally {
    await page.context().close();
  }
}

/** Navigation start → DOMContentLoaded + one animation frame. */
async function timeToFrame(browser, pageUrl) {
  const page = await freshPage(browser);
  try {
    await page.goto(pageUrl);
    await page.waitForFunction(() => window.__bench.frame !== null, null, { timeout: 20_000 });
    return await page.evaluate(() => window.__bench.frame);
  } finally {
    await page.context().close();
  }
}

/** Main-thread time (ms) while `pageUrl` loads: navigation to a second after `load`. */
async function mainThreadDuringLoad(browser, pageUrl) {
  const page = await freshPage(browser, []);
  try {
    const cdp = await page.context().newCDPSession(page);
    await cdp.send("Performance.enable");
    await page.goto(pageUrl, { waitUntil: "load" });
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const { metrics } = await cdp.send("Performance.getMetrics");
    return 1000 * metrics.find((m) => m.name === "TaskDuration").value;
  } finally {
    await page.context().close();
  }
}

/** The demo page as rendered, as a static page: the shadow root's HTML and the widget's
 * stylesheet in a declarative shadow root, and no script at all. */
async function makeStaticPage(browser) {
  const page = await freshPage(browser);
  try {
    await page.goto(pages.demo);
    await page.waitForFunction(() => window.__bench.ready.length >= 1);
    const { css, inner, text } = await page.evaluate(() => {
      const root = document.querySelector("stack-weigh").shadowRoot;
      const css = root.adoptedStyleSheets.flatMap((sheet) => [...sheet.cssRules].map((rule) => rule.cssText)).join("\n");
      const copy = document.createElement("div");
      for (const node of root.childNodes) copy.append(node.cloneNode(true));
      // A textarea's value is a property; as markup it is the element's text.
      const areas = root.querySelectorAll("textarea");
      copy.querySelectorAll("textarea").forEach((area, i) => (area.textContent = areas[i].value));
      // Likewise the state of form controls.
      const inputs = root.querySelectorAll("input");
      copy.querySelectorAll("input").forEach((input, i) => {
        input.setAttribute("value", inputs[i].value);
        input.toggleAttribute("checked", inputs[i].checked);
      });
      return { css, inner: copy.innerHTML, text: root.textContent.length };
    });
    const demo = readFileSync(demoPage, "utf8");
    const withoutScript = demo.replace(/<script>[\s\S]*<\/script>/, "");
    const widget = `<stack-weigh><template shadowrootmode="open"><style>${css.replace(/<\/style/gi, "<\\/style")}</style>${inner}</template></stack-weigh>`;
    const html = withoutScript.replace(/<stack-weigh[^>]*>[\s\S]*?<\/stack-weigh>/, () => widget);
    if (html === withoutScript || /<script/i.test(html)) throw new Error("could not build the static page from dist/stackweigh.html");
    const file = path.join(work, "static.html");
    writeFileSync(file, html);
    log(`static page: ${html.length} bytes, ${css.length} bytes of CSS, widget text ${text} characters`);
    return url(file);
  } finally {
    await page.context().close();
  }
}

/** On each of `pages` fresh pages, `n` timed inputs as soon as it is ready, then `n` more
 * on the same page; and `n` on as many other fresh pages after `SETTLE_MS`. Each is a list
 * of `timeInputs` results, one per page. */
async function latency(browser, pageUrl, n, pages) {
  const timed = async (settle, passes) => {
    const page = await freshPage(browser);
    try {
      await page.goto(pageUrl);
      await page.waitForFunction(() => window.__bench.ready.length >= 1);
      if (settle) await page.waitForTimeout(SETTLE_MS);
      const times = [];
      for (let pass = 0; pass < passes; pass++) times.push(await page.evaluate(timeInputs, { n, index: 0 }));
      return times;
    } finally {
      await page.context().close();
    }
  };
  const out = { first: [], warm: [], settled: [] };
  for (let i = 0; i < pages; i++) {
    const [first, warm] = await timed(false, 2);
    const [settled] = await timed(true, 1);
    out.first.push(first);
    out.warm.push(warm);
    out.settled.push(settled);
  }
  return out;
}

/** Calls into wasm-bindgen's imports per input, over `n` inputs after start-up. Coverage
 * slows the page, so it gets a page of its own. */
async function callsPerInput(browser, pageUrl, n) {
  const page = await freshPage(browser);
  try {
    const cdp = await page.context().newCDPSession(page);
    await cdp.send("Profiler.enable");
    await cdp.send("Profiler.startPreciseCoverage", { callCount: true, detailed: false });
    await page.goto(pageUrl);
    await page.waitForFunction(() => window.__bench.ready.length >= 1);
    // The imports are the functions defined directly in the glue's `__wbg_get_imports`,
    // found by where they are: `cargo xtask dist` renames them `a`, `b`, …. A take lists
    // only what ran since the last one, so the table's place comes from start-up's take.
    const span = (f) => [f.ranges[0].startOffset, f.ranges[0].endOffset];
    const within = (inner, outer) => outer[0] <= inner[0] && inner[1] <= outer[1] && (outer[0] < inner[0] || inner[1] < outer[1]);
    let table = null;
    const importCalls = async () => {
      const { result } = await cdp.send("Profiler.takePreciseCoverage");
      let calls = 0;
      for (const script of result) {
        if (!script.url.endsWith("stackweigh.js")) continue;
        const found = script.functions.find((f) => f.functionName === "__wbg_get_imports");
        table ??= found ? span(found) : null;
        if (!table) continue;
        const inside = script.functions.filter((f) => within(span(f), table));
        for (const f of inside) {
          if (!inside.some((g) => within(span(f), span(g)))) calls += f.ranges[0].count;
        }
      }
      return calls;
    };
    await importCalls(); // start-up's calls; each take resets the counts
    await page.evaluate(timeInputs, { n, index: 0 });
    const calls = await importCalls();
    if (calls === 0) throw new Error("no calls into the glue were counted: is `__wbg_get_imports` still where the imports are defined?");
    return calls / n;
  } finally {
    await page.context().close();
  }
}

async function memory(browser) {
  const page = await freshPage(browser, [timingRecorder, memoryCatcher]);
  try {
    const cdp = await page.context().newCDPSession(page);
    await page.goto(pages.one);
    await page.waitForFunction(() => window.__bench.ready.length >= 1);
    const start = await memoryUsage(page, cdp);
    if (start.wasm === null) log("warning: the wasm memory was not caught; memory_* will be null");
    await page.evaluate(timeInputs, { n: MEMORY_INPUTS, index: 0 });
    const end = await memoryUsage(page, cdp);
    return { start, end };
  } finally {
    await page.context().close();
  }
}

/** What each of MANY instances costs: added at once to a page with the script and none. */
async function perInstance(browser) {
  const page = await freshPage(browser, [timingRecorder, memoryCatcher]);
  try {
    const cdp = await page.context().newCDPSession(page);
    await page.goto(pages.none);
    // No widget has mounted, so the module has not started (element.js starts it on the
    // first mount): it has no memory yet, rather than memory the catcher missed.
    const before = { ...(await memoryUsage(page, cdp)), wasm: 0 };
    await page.evaluate(addInstances, { n: MANY });
    const after = await memoryUsage(page, cdp);
    const each = (key) => (before[key] === null || after[key] === null ? null : Math.round((after[key] - before[key]) / MANY));
    return { js: each("js"), dom: each("dom"), wasm: each("wasm"), nodes: each("nodes") };
  } finally {
    await page.context().close();
  }
}

/** Memory after CHURN_BASELINE and after CHURN_CYCLES mount/unmount cycles on one page. */
async function churnMemory(browser) {
  const page = await freshPage(browser, [timingRecorder, memoryCatcher]);
  try {
    const cdp = await page.context().newCDPSession(page);
    await page.goto(pages.none);
    await page.evaluate(churn, { n: CHURN_BASELINE });
    const baseline = await memoryUsage(page, cdp);
    await page.evaluate(churn, { n: CHURN_CYCLES - CHURN_BASELINE });
    const end = await memoryUsage(page, cdp);
    const show = (key) => `${key} ${baseline[key]} → ${end[key]}`;
    log(`churn: ${["js", "wasm", "dom", "nodes", "listeners"].map(show).join(", ")}`);
    return { baseline, end };
  } finally {
    await page.context().close();
  }
}

/** One dataset's latency figures, each page's inputs pooled: `<prefix>_p50_ms`, `_p95_ms`
 * (checked against the targets), `_max_ms`, the lowest and highest of the pages' own p95s,
 * the inputs right after a frame, then `_settled_p50_ms`, `_settled_p95_ms`,
 * `_warm_p50_ms` and `_warm_p95_ms`. */
function latencyFigures(prefix, { first, settled, warm }) {
  const pooled = (pages) => pages.flatMap((page) => page.times);
  const [all, settledAll, warmAll] = [first, settled, warm].map(pooled);
  const pageP95s = first.map((page) => quantile(page.times, 0.95));
  const afterFrame = first.flatMap(({ times, framed }) => times.filter((_, i) => framed[i]));
  return {
    [`${prefix}_p50_ms`]: round(quantile(all, 0.5)),
    [`${prefix}_p95_ms`]: round(quantile(all, 0.95)),
    [`${prefix}_max_ms`]: round(Math.max(...all)),
    [`${prefix}_page_p95_min_ms`]: round(Math.min(...pageP95s)),
    [`${prefix}_page_p95_max_ms`]: round(Math.max(...pageP95s)),
    [`${prefix}_after_frame_inputs`]: afterFrame.length,
    [`${prefix}_after_frame_p50_ms`]: round(quantile(afterFrame, 0.5)),
    [`${prefix}_after_frame_p95_ms`]: round(quantile(afterFrame, 0.95)),
    [`${prefix}_settled_p50_ms`]: round(quantile(settledAll, 0.5)),
    [`${prefix}_settled_p95_ms`]: round(quantile(settledAll, 0.95)),
    [`${prefix}_warm_p50_ms`]: round(quantile(warmAll, 0.5)),
    [`${prefix}_warm_p95_ms`]: round(quantile(warmAll, 0.95)),
  };
}

async function repeat(label, fn) {
  const samples = [];
  for (let i = 0; i < RUNS; i++) samples.push(await fn());
  log(`${label}: ${samples.map((s) => s.toFixed(1)).join(" ")} ms`);
  return median(samples);
}

async function main() {
  const began = Date.now();
  const browser = await launch();
  try {
    log(`Chromium ${browser.version()}, ${RUNS} runs, dist ${dist}`);
    const staticPage = await makeStaticPage(browser);
    // Interleaved so a slow patch of the machine hits both sides alike, and in turns so
    // neither side always follows the other (see `inTurns`).
    const startupSamples = [];
    const shownSamples = [];
    const staticSamples = [];
    for (let i = 0; i < RUNS; i++) {
      await inTurns(i, [
        async () => {
          const { ready, shown } = await timeToReadyAndShown(browser, pages.demo, 1);
          startupSamples.push(ready);
          shownSamples.push(shown);
        },
        async () => staticSamples.push(await timeToFrame(browser, staticPage)),
      ]);
    }
    log(`startup: ${startupSamples.map((s) => s.toFixed(1)).join(" ")} ms`);
    log(`shown:   ${shownSamples.map((s) => s.toFixed(1)).join(" ")} ms`);
    log(`static:  ${staticSamples.map((s) => s.toFixed(1)).join(" ")} ms`);
    const startup = median(startupSamples);
    const staticMs = median(staticSamples);

    // Interleaved in turns, like start-up.
    const postSamples = [];
    const plainSamples = [];
    const emptyScriptSamples = [];
    for (let i = 0; i < RUNS; i++) {
      await inTurns(i, [
        async () => postSamples.push(await mainThreadDuringLoad(browser, pages.post)),
        async () => plainSamples.push(await mainThreadDuringLoad(browser, pages.postPlain)),
        async () => emptyScriptSamples.push(await mainThreadDuringLoad(browser, pages.postEmptyScript)),
      ]);
    }
    log(`post, widget 3 screens down: ${postSamples.map((s) => s.toFixed(1)).join(" ")} ms of main thread`);
    log(`post, no widget:             ${plainSamples.map((s) => s.toFixed(1)).join(" ")} ms of main thread`);
    log(`post, an empty script:       ${emptyScriptSamples.map((s) => s.toFixed(1)).join(" ")} ms of main thread`);

    const snippets = { snippet: await shareSnippet(browser), plain: readmeSnippet() };
    const shifts = {};
    for (const [name, snippet] of Object.entries(snippets)) {
      const pageUrl = postWithSnippet(`post-${name}.html`, snippet);
      for (const width of [360, 1024]) {
        const samples = [];
        for (let i = 0; i < SHIFT_RUNS; i++) samples.push(await layoutShift(browser, pageUrl, width));
        log(`layout shift, ${name} at ${width} px: ${samples.map((s) => s.toFixed(3)).join(" ")}`);
        shifts[`layout_shift_${name}_${width}`] = round(Math.max(...samples), 4);
      }
    }

    const one = await repeat("one instance", () => timeToReady(browser, pages.one, 1));
    const ten = await repeat("ten instances", () => timeToReady(browser, pages.ten, 10));
    const manySamples = [];
    for (let i = 0; i < MANY_RUNS; i++) manySamples.push(await timeToReady(browser, pages.many, MANY));
    log(`${MANY} instances: ${manySamples.map((s) => s.toFixed(1)).join(" ")} ms`);

    log(`latency: ${INPUTS} inputs at ready and ${INPUTS} more, ${INPUTS} after ${SETTLE_MS} ms, on ${LATENCY_PAGES} pages each; built-in dataset…`);
    const small = await latency(browser, pages.one, INPUTS, LATENCY_PAGES);
    log(`latency: the same with 8 options × 40 criteria…`);
    const large = await latency(browser, pages.large, INPUTS, LATENCY_PAGES);

    log("calls into JavaScript per input…");
    const calls = await callsPerInput(browser, pages.one, 100);
    const callsLarge = await callsPerInput(browser, pages.large, 100);

    log(`memory: ${MEMORY_INPUTS} inputs…`);
    const mem = await memory(browser);
    log(`memory: ${MANY} instances at once…`);
    const each = await perInstance(browser);
    log(`memory: ${CHURN_CYCLES} mount/unmount cycles…`);
    const churned = await churnMemory(browser);
    log(`done in ${((Date.now() - began) / 1000).toFixed(1)} s`);

    const result = {
      runs: RUNS,
      latency_pages: LATENCY_PAGES,
      chromium: browser.version(),
      startup_ms: round(startup, 2),
      static_ms: round(staticMs, 2),
      startup_ratio: round(startup / staticMs, 3),
      shown_ms: round(median(shownSamples), 2),
      post_load_ms: round(median(postSamples), 2),
      post_plain_load_ms: round(median(plainSamples), 2),
      post_empty_script_load_ms: round(median(emptyScriptSamples), 2),
      ...shifts,
      ...latencyFigures("latency", small),
      ...latencyFigures("latency_large", large),
      calls_per_input: round(calls, 1),
      calls_large_per_input: round(callsLarge, 1),
      one_instance_ms: round(one, 2),
      ten_instances_ms: round(ten, 2),
      ten_instances_ratio: round(ten / one, 3),
      fifty_instances_ms: round(median(manySamples), 2),
      memory_after_start_bytes: mem.start.wasm,
      memory_after_inputs_bytes: mem.end.wasm,
      js_heap_after_start_bytes: mem.start.js,
      js_heap_after_inputs_bytes: mem.end.js,
      per_instance_js_heap_bytes: each.js,
      per_instance_dom_heap_bytes: each.dom,
      per_instance_wasm_bytes: each.wasm,
      per_instance_dom_nodes: each.nodes,
      churn_cycles: CHURN_CYCLES,
      churn_js_heap_after_50_bytes: churned.baseline.js,
      churn_js_heap_after_all_bytes: churned.end.js,
      churn_wasm_after_50_bytes: churned.baseline.wasm,
      churn_wasm_after_all_bytes: churned.end.wasm,
      churn_dom_nodes_after_50: churned.baseline.nodes,
      churn_dom_nodes_after_all: churned.end.nodes,
      churn_listeners_after_50: churned.baseline.listeners,
      churn_listeners_after_all: churned.end.listeners,
      bench_seconds: round((Date.now() - began) / 1000, 1),
    };
    process.stdout.write(`${JSON.stringify(result)}\n`);
  } finally {
    await browser.close();
    rmSync(work, { recursive: true, force: true });
  }
}

main().catch((e) => {
  log(e?.stack ?? String(e));
  rmSync(work, { recursive: true, force: true });
  process.exit(1);
});
