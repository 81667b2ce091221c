// The prerendered first view (src/embed/element.js, xtask/src/snapshot.rs): what a reader
// sees from the first frame after the script runs until the app is live, and that taking
// over changes nothing they can see or did. Every page is served from memory under
// support.ORIGIN.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { launch, pageWith, distFile, ORIGIN, STRICT_CSP, TRUSTED_TYPES } from "./support.mjs";
import { CRITERIA, PROJECT_TYPES } from "./fixtures/dom.mjs";


let browser;
let script;

before(async () => {
  script = distFile("stackweigh.js");
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

/** Init script: from the first frame after the element is defined until two frames after
 * `stackweigh:ready`, what each frame shows of the first widget. At the first frame it lets
 * the page's timers go (see `holdTimers`), unless the test does that itself. */
function frameRecorder() {
  const sw = (window.__sw = { ready: 0, changes: [], violations: [], frames: [] });
  document.addEventListener("securitypolicyviolation", (e) => sw.violations.push(`${e.violatedDirective} ${e.blockedURI}`), true);
  document.addEventListener("stackweigh:ready", () => sw.ready++, true);
  document.addEventListener("stackweigh:change", (e) => sw.changes.push(JSON.parse(JSON.stringify(e.detail))), true);
  customElements.whenDefined("stack-weigh").then(() => {
    let after = -1;
    const frame = () => {
      const host = document.querySelector("stack-weigh");
      const root = host?.shadowRoot;
      const verdict = root?.querySelector(".sw-verdict");
      sw.frames.push({
        ready: sw.ready > 0,
        sheets: root?.adoptedStyleSheets.length ?? 0,
        verdict: verdict?.textContent ?? null,
        visible: verdict ? verdict.checkVisibility({ visibilityProperty: true }) : false,
        sliders: root?.querySelectorAll("input[type=range]").length ?? 0,
        placeholder: root?.querySelector(".sw-root")?.hasAttribute("data-placeholder") ?? false,
        prerendered: root?.querySelector(".sw-root")?.hasAttribute("data-prerendered") ?? false,
        height: host ? host.getBoundingClientRect().height : 0,
        text: root?.textContent ?? "",
      });
      if (sw.frames.length === 1 && !window.__swReleasedByTest) window.__release();
      if (!root?.__first && root?.firstElementChild) root.__first = root.firstElementChild;
      if (sw.ready > 0 && ++after >= 2) {
        sw.replaced = root.firstElementChild !== root.__first;
        sw.done = true;
      } else requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
  });
}

/** Init script: holds every timer the page sets until `__release()`. The module starts
 * from a timer: after the first frame, or 100 ms after the script at the latest when no
 * frame comes sooner (a loaded machine: WebKit under Xvfb in CI once rendered none in
 * time). Every page here holds them, so the first frame recorded is always the first
 * view's, and the frame recorder lets them go at that frame. */
function holdTimers() {
  const real = window.setTimeout;
  const held = [];
  let holding = true;
  window.setTimeout = function (fn, ms, ...args) {
    if (!holding) return real.call(window, fn, ms, ...args);
    held.push(() => fn(...args));
    return 0;
  };
  window.__release = () => {
    holding = false;
    for (const fn of held.splice(0)) real.call(window, fn, 0);
  };
}

/** Init script: the test lets the timers go itself, so the module waits while it acts on
 * the prerendered view with real, trusted input. */
function releasedByTest() {
  window.__swReleasedByTest = true;
}

function html(body) {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>first view</title></head>` +
    `<body><p>Before the widget.</p>${body}<p>After the widget.</p><script src="/stackweigh.js"></script></body></html>`;
}

async function open(body, { width = 1024, headers = {}, init = [] } = {}) {
  const page = await pageWith(browser, { "/stackweigh.js": script, "/page.html": { body: html(body), headers } }, { width });
  for (const fn of [frameRecorder, holdTimers, ...init]) await page.addInitScript(fn);
  await page.goto(`${ORIGIN}/page.html`);
  return page;
}

async function recorded(page) {
  await page.waitForFunction(() => window.__sw?.done === true, null, { timeout: 15_000 });
  return page.evaluate(() => window.__sw);
}

test("the prerendered view is in the shadow root, styled, at the first frame after the script runs", async () => {
  const page = await open("<stack-weigh></stack-weigh>");
  try {
    const { frames } = await recorded(page);
    const first = frames[0];
    assert.equal(first.ready, false, "the module has not started yet");
    assert.equal(first.sheets, 1, "the stylesheet is adopted");
    assert.ok(first.verdict && first.visible, `the recommendation shows (${first.verdict})`);
    assert.equal(first.sliders, CRITERIA.length, "every slider shows");
    assert.equal(first.placeholder, false);
    assert.equal(first.prerendered, true, "the view's root is marked as prerendered");
    assert.ok(first.height > 400, `the widget takes its room (${first.height} px)`);
    assert.deepEqual(page.errors, []);
  } finally {
    await page.context().close();
  }
});

for (const width of [360, 1024]) {
  test(`at ${width} px the widget's height does not change when the app takes over, and no frame is blank`, async () => {
    const page = await open("<stack-weigh></stack-weigh>", { width });
    try {
      const sw = await recorded(page);
      assert.ok(sw.replaced, "the app replaced the prerendered view");
      assert.equal(sw.frames.at(-1).prerendered, false, "the live app's root is not marked as prerendered");
      const heights = [...new Set(sw.frames.map((f) => f.height))];
      assert.deepEqual(heights, [sw.frames[0].height], `one height in every frame: ${heights.join(", ")}`);
      assert.ok(sw.frames.every((f) => f.verdict && f.visible && f.sliders === CRITERIA.length), "every frame shows the widget");
      const verdicts = [...new Set(sw.frames.map((f) => f.verdict))];
      assert.equal(verdicts.length, 1, `the same answer before and after: ${verdicts.join(" | ")}`);
      assert.equal(sw.frames.at(-1).text, sw.frames[0].text, "the live widget says word for word what the first view said");
      assert.deepEqual(page.errors, []);
    } finally {
      await page.context().close();
    }
  });
}

test("what a reader does on the prerendered view before the module is live is done once it is", async () => {
  const page = await open("<stack-weigh></stack-weigh>", { init: [releasedByTest] });
  const inWidget = (selector) => page.locator("stack-weigh").locator(selector);
  try {
    await page.waitForFunction(() => document.querySelector("stack-weigh")?.shadowRoot?.querySelector(".sw-verdict"));
    const chip = PROJECT_TYPES[0];
    const criterion = CRITERIA[CRITERIA.length - 1];
    // Real input on the view: a chip, a panel, and a slider moved with the keyboard.
    await inWidget(`[data-project-type="${chip}"]`).click();
    await inWidget(".sw-faq > summary").click();
    await inWidget(`input[data-criterion="${criterion}"]`).focus();
    await page.keyboard.press("End");
    assert.equal(await page.evaluate(() => window.__sw.ready), 0, "the module is still held");
    await page.evaluate(() => window.__release());
    await page.waitForFunction(() => window.__sw.ready > 0 && window.__sw.changes.length > 0);
    await page.waitForFunction(
      (c) => document.querySelector("stack-weigh").shadowRoot.querySelector(`[data-criterion-row="${c}"] .sw-slider-value b`)?.textContent === "10",
      criterion,
    );
    assert.equal(await inWidget(`[data-project-type="${chip}"]`).getAttribute("aria-pressed"), "true", "the chip is on");
    assert.equal(await inWidget(`input[data-criterion="${criterion}"]`).inputValue(), "10", "the slider kept its place");
    assert.equal(await inWidget(".sw-faq").evaluate((d) => d.open), true, "the panel is open");
    const last = await page.evaluate(() => window.__sw.changes.at(-1));
    assert.equal(last.weights[criterion], 10, "the host heard the slider's weight");
    const focused = await page.evaluate(() => document.querySelector("stack-weigh").shadowRoot.activeElement?.dataset.criterion ?? null);
    assert.equal(focused, criterion, "the keyboard focus is on the live slider");
    assert.deepEqual(page.errors, []);
  } finally {
    await page.context().close();
  }
});

test("an element with its own state shows invisible room, never the default answer, until it is live", async () => {
  const page = await open(`<stack-weigh preset="${PROJECT_TYPES[0]}"></stack-weigh>`);
  try {
    const { frames } = await recorded(page);
    const before = frames.filter((f) => !f.ready);
    assert.ok(before.length > 0);
    assert.ok(before.every((f) => f.placeholder && !f.visible), `no answer shows before the app is live: ${JSON.stringify(before)}`);
    assert.ok(before[0].height > 400, `the room is taken at once (${before[0].height} px)`);
    const live = frames.at(-1);
    assert.ok(live.visible && !live.placeholder, "the live widget shows");
    assert.deepEqual(page.errors, []);
  } finally {
    await page.context().close();
  }
});

test("under a strict CSP with Trusted Types the prerendered view shows and the app takes over", async () => {
  const page = await open("<stack-weigh></stack-weigh>", {
    headers: { "content-security-policy": `${STRICT_CSP}; ${TRUSTED_TYPES}` },
  });
  try {
    const sw = await recorded(page);
    assert.equal(await page.evaluate(() => typeof window.trustedTypes), "object");
    assert.ok(sw.frames[0].verdict && sw.frames[0].visible && sw.frames[0].sheets === 1, "the styled view shows at the first frame");
    assert.ok(sw.replaced, "the app took over");
    const slider = page.locator("stack-weigh").locator(`input[data-criterion="${CRITERIA[0]}"]`);
    await slider.focus();
    await page.keyboard.press("Home");
    await page.waitForFunction(() => window.__sw.changes.length > 0);
    assert.deepEqual(sw.violations, [], "no CSP or Trusted Types violation");
    assert.deepEqual(await page.evaluate(() => window.__sw.violations), []);
    assert.deepEqual(page.errors, []);
  } finally {
    await page.context().close();
  }
});
