// Hardening: the shipped script on hostile or locked-down host pages. Every page is
// served from memory under support.ORIGIN; nothing here touches a network.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { LOGGED, launch, onlyIn, pageWith, distFile, ORIGIN, STRICT_CSP, TRUSTED_TYPES } from "./support.mjs";
import { BUILTIN_TITLE, CRITERIA } from "./fixtures/dom.mjs";


let browser;
let script;

before(async () => {
  script = distFile("stackweigh.js");
  // Real host pages are https; treat the in-memory origin the same (navigator.clipboard
  // exists only in secure contexts). The plain-http case has its own test at the end.
  browser = await launch({ args: [`--unsafely-treat-insecure-origin-as-secure=${ORIGIN}`] });
});
after(async () => {
  await browser?.close();
});

// ---------------------------------------------------------------------------------------
// Helpers

/** Runs in every frame before any page script: records the widget's events and every
 * CSP violation (capture phase on document, so nothing the page does can hide them). */
function recorder() {
  const sw = (window.__sw = { ready: [], change: [], violations: [] });
  document.addEventListener(
    "securitypolicyviolation",
    (e) => sw.violations.push({ directive: e.violatedDirective, blocked: e.blockedURI, sample: e.sample, at: `${e.sourceFile}:${e.lineNumber}` }),
    true,
  );
  for (const name of ["ready", "change"]) {
    document.addEventListener(`stackweigh:${name}`, (e) => sw[name].push({ id: e.target.id, detail: JSON.parse(JSON.stringify(e.detail)) }), true);
  }
}

function html(body, { head = "", src = "/stackweigh.js" } = {}) {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>hardening</title>${head}</head>` +
    `<body>${body}<script src="${src}"></script></body></html>`;
}

/** Opens `path` from `files` (plus the shipped script) with the recorder installed and
 * every request the page makes listed in `page.requests`. */
async function open(files, { path = "/page.html", ...options } = {}) {
  const page = await pageWith(browser, { "/stackweigh.js": script, ...files }, options);
  page.requests = [];
  page.on("request", (r) => page.requests.push(r.url()));
  await page.addInitScript(recorder);
  await page.goto(ORIGIN + path);
  return page;
}

/** Runs `body(page)`, then checks that the console stayed free of errors and that no
 * widget shows the failure notice, and always closes the page. */
async function withPage(name, files, options, body) {
  const page = await open(files, options);
  try {
    await body(page).catch((e) => {
      // The console's errors explain most failures: a panic, a refused script.
      if (page.errors?.length) e.message += `\nthe console: ${JSON.stringify(page.errors)}`;
      throw e;
    });
    // What a panic leaves behind (src/embed.rs, show_failure_notice), in any frame.
    for (const frame of page.frames()) {
      const oops = await frame.evaluate(() => [...document.querySelectorAll("stack-weigh")].filter((w) => w.shadowRoot?.querySelector(".sw-oops")).length).catch(() => 0);
      if (oops > 0) page.errors.push(`${oops} widget(s) show the failure notice in ${frame.url()}`);
    }
    assert.deepEqual(page.errors, [], `${name}: the console stays free of errors, and no widget shows the failure notice`);
  } finally {
    await page.context().close();
  }
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Polls `fn(arg)` in the page or frame until it is truthy. Plain evaluate, so it works
 * under any CSP (no eval, no Trusted Types sink). */
async function until(scope, fn, arg, what = String(fn), timeout = 10_000) {
  const deadline = Date.now() + timeout;
  for (;;) {
    const value = await scope.evaluate(fn, arg);
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(25);
  }
}

/** Waits for `n` widgets in `scope` to have sent stackweigh:ready. */
async function ready(scope, n = 1) {
  try {
    return await until(scope, (n) => (window.__sw?.ready.length ?? 0) >= n, n, `${n} stackweigh:ready event(s)`);
  } catch (e) {
    // What the widgets show instead (the prerendered view has a verdict too), and whether
    // the recorder is there, so that a failure says where it stopped.
    const shown = await scope
      .evaluate(() => ({
        recorder: window.__sw ? `${window.__sw.ready.length} ready` : "missing",
        visibility: document.visibilityState,
        widgets: [...document.querySelectorAll("stack-weigh")].map((w) =>
          !w.shadowRoot ? "no shadow root" : w.shadowRoot.querySelector(".sw-oops") ? "the failure notice" : w.shadowRoot.querySelector("[data-placeholder]") ? "the room for its view" : w.shadowRoot.querySelector(".sw-verdict") ? "a verdict" : "something else",
        ),
      }))
      .catch((error) => String(error));
    throw new Error(`${e.message} in ${scope.url?.() ?? "the page"}; it shows ${JSON.stringify(shown)}`);
  }
}

const shadow = (scope, selector, n = 0) => scope.locator("stack-weigh").nth(n).locator(selector);

/** Moves one slider to the far end with the keyboard and checks that the widget followed:
 * the slider, its value text and a stackweigh:change event with the new weight. */
async function nudge(scope, criterion, n = 0) {
  const slider = shadow(scope, `input[type=range][data-criterion="${criterion}"]`, n);
  const before = await slider.inputValue();
  const target = before === "10" ? "0" : "10";
  const changes = await scope.evaluate(() => window.__sw.change.length);
  await slider.focus();
  await slider.press(target === "10" ? "End" : "Home");
  assert.equal(await slider.inputValue(), target, `${criterion} slider moved`);
  await until(
    scope,
    ([criterion, target, changes]) => window.__sw.change.slice(changes).some((e) => e.detail.weights[criterion] === Number(target)),
    [criterion, target, changes],
    `a stackweigh:change with ${criterion} = ${target}`,
  );
  const shown = await shadow(scope, `[data-criterion-row="${criterion}"] .sw-slider-value b`, n).textContent();
  assert.equal(shown, target, `${criterion} value text follows the slider`);
  return target;
}

/** Runs a deliberate policy probe in the page. The console errors it causes are the
 * probe's, not the widget's: they are returned and kept out of page.errors. The console
 * message reaches us over the driver some time after the probe ran (in WebKit under load,
 * more than 100 ms), so this waits for one matching `expected`, up to five seconds. */
async function probe(page, fn, expected) {
  const before = page.errors.length;
  const result = await page.evaluate(fn);
  for (let waited = 0; waited < 5000 && !expected.test(page.errors.slice(before).join("\n")); waited += 50) await sleep(50);
  return { result, logged: page.errors.splice(before) };
}

const noViolations = async (scope) => assert.deepEqual(await scope.evaluate(() => window.__sw.violations), [], "no CSP violation");

/** Everything inside the first widget's shadow root that should never be there. */
const injected = (scope) =>
  scope.evaluate(() => {
    const root = document.querySelector("stack-weigh").shadowRoot;
    return {
      elements: [...root.querySelectorAll("img, script, iframe, object, embed")].map((e) => e.outerHTML),
      jsLinks: [...root.querySelectorAll("[href], [src]")].map((e) => e.getAttribute("href") ?? e.getAttribute("src")).filter((u) => /^\s*javascript:/i.test(u)),
      pwned: window.__pwned,
    };
  });

/** Opens every panel, toggles every chip twice, picks each team and copies the snippet. */
async function exerciseEverything(page) {
  for (const criterion of CRITERIA) await nudge(page, criterion);
  const chips = shadow(page, "button[data-project-type]");
  const count = await chips.count();
  assert.ok(count > 0, "the chips are there");
  for (let i = 0; i < count; i++) {
    await chips.nth(i).click();
    await chips.nth(i).click();
  }
  const radios = shadow(page, "input[type=radio]");
  for (let i = 0; i < (await radios.count()); i++) await radios.nth(i).check();
  const summaries = shadow(page, "details:not([open]):not([hidden]) > summary");
  while ((await summaries.count()) > 0) await summaries.first().click();
  await shadow(page, 'button[data-copy="snippet"]').click();
  await until(page, () => document.querySelector("stack-weigh").shadowRoot.querySelector(".sw-status").textContent.trim() !== "", null, "the copy status");
}

// ---------------------------------------------------------------------------------------
// 1. Strict CSP

test("1. under a strict CSP the widget renders styled, responds, and violates nothing", async () => {
  const files = { "/page.html": { body: html("<stack-weigh></stack-weigh>"), headers: { "content-security-policy": STRICT_CSP } } };
  await withPage("strict CSP", files, {}, async (page) => {
    await ready(page);
    const style = await shadow(page, ".sw-verdict").evaluate((e) => {
      const s = getComputedStyle(e);
      return { weight: Number(s.fontWeight), size: parseFloat(s.fontSize) };
    });
    assert.ok(style.weight >= 700, `the stylesheet applies (verdict font-weight ${style.weight})`);
    const row = await shadow(page, '[data-criterion-row="performance"]').boundingBox();
    assert.ok(row && row.width > 150 && row.height > 30, `the slider row has layout (${JSON.stringify(row)})`);
    const before = await shadow(page, '[data-score="node"]').textContent();
    await nudge(page, "data-science");
    assert.notEqual(await shadow(page, '[data-score="node"]').textContent(), before, "the score follows the slider");
    await noViolations(page);
    // The policy really is in force (checked last: it reports a violation of its own).
    const inline = await probe(page, async () => {
      const s = document.createElement("script");
      s.textContent = "window.__inline = 1";
      document.head.append(s);
      await new Promise((r) => setTimeout(r, 50));
      return { ran: window.__inline === 1, reported: window.__sw.violations.length };
    }, LOGGED.csp);
    assert.deepEqual(inline.result, { ran: false, reported: 1 }, "the CSP is enforced: an inline script is blocked and reported");
    assert.match(inline.logged.join("\n"), LOGGED.csp);
  });
});

// ---------------------------------------------------------------------------------------
// 2. Hostile CSS

const HOSTILE_CSS = `
  * { all: unset !important; }
  html { font-size: 60px !important; }
  body { direction: rtl !important; }
  :not(:defined) { display: none !important; }
  stack-weigh { font-size: 300% !important; color: red !important; line-height: 0 !important; direction: rtl !important;
                --sw-text: transparent; --sw-bg: transparent; }
  /* Aimed at the widget's internals: must not reach through the shadow root. */
  .sw, .sw * { font-size: 1px !important; color: transparent !important; }
  .sw-verdict, input[type=range], .sw-slider { display: none !important; }
`;

test("2. hostile page CSS leaves the widget readable, usable and left-to-right", async () => {
  const body = html("<main><p>Host text</p><stack-weigh></stack-weigh></main>", { head: `<style>${HOSTILE_CSS}</style>` });
  await withPage("hostile CSS", { "/page.html": body }, {}, async (page) => {
    await ready(page);
    const box = await page.locator("stack-weigh").boundingBox();
    assert.ok(box && box.width > 300 && box.height > 300, `the element is a sizeable block (${JSON.stringify(box)})`);
    const verdict = shadow(page, ".sw-verdict");
    assert.ok(await verdict.isVisible(), "the verdict is visible");
    const look = await verdict.evaluate((e) => {
      const s = getComputedStyle(e);
      const root = getComputedStyle(e.getRootNode().querySelector(".sw"));
      return { size: parseFloat(s.fontSize), color: s.color, lineHeight: s.lineHeight, direction: root.direction, bg: root.backgroundColor };
    });
    assert.ok(look.size >= 20 && look.size <= 48, `the verdict has a sane size (${look.size}px)`);
    assert.ok(!/rgba\(.*, 0\)$/.test(look.color) && look.color !== "rgb(255, 0, 0)", `the verdict has the widget's colour (${look.color})`);
    assert.notEqual(look.lineHeight, "0px", "line height is the widget's");
    assert.equal(look.direction, "ltr", "the widget lays out left to right");
    // Layout, not just the property: the label sits left of its value, and a click near
    // the right end of a slider means "a lot".
    const label = await shadow(page, '[data-criterion-row="talent"] .sw-slider-label').boundingBox();
    const value = await shadow(page, '[data-criterion-row="talent"] .sw-slider-value').boundingBox();
    assert.ok(label.x < value.x, "label left of its value");
    const slider = shadow(page, 'input[type=range][data-criterion="talent"]');
    const s = await slider.boundingBox();
    assert.ok(s.width > 100 && s.height >= 10, `the slider is usable (${JSON.stringify(s)})`);
    await slider.click({ position: { x: s.width * 0.92, y: s.height / 2 } });
    const v = Number(await slider.inputValue());
    assert.ok(v >= 8, `a click at the right end sets a high weight (got ${v})`);
    await until(page, () => window.__sw.change.length > 0, null, "a stackweigh:change");
    await nudge(page, "performance");
  });
});

test(
  "2b. inherited text properties of the page (writing-mode, white-space, letter-spacing…) stay outside",
  async () => {
    const css = `
      .vertical { writing-mode: vertical-rl; }
      .pre { white-space: pre; letter-spacing: 0.4em; word-spacing: 1em; text-transform: uppercase; text-indent: 6em; }`;
    const body = html(`<div class="vertical"><stack-weigh id="v"></stack-weigh></div><div class="pre"><stack-weigh id="p"></stack-weigh></div>`, { head: `<style>${css}</style>` });
    await withPage("inherited properties", { "/page.html": body }, {}, async (page) => {
      await ready(page, 2);
      const looks = await page.evaluate(() =>
        ["v", "p"].map((id) => {
          const root = document.getElementById(id).shadowRoot;
          const s = getComputedStyle(root.querySelector(".sw"));
          const verdict = root.querySelector(".sw-verdict").getBoundingClientRect();
          return {
            id, writingMode: s.writingMode, whiteSpace: s.whiteSpace, letterSpacing: s.letterSpacing, wordSpacing: s.wordSpacing,
            textTransform: s.textTransform, textIndent: s.textIndent, verdictWide: verdict.width > verdict.height,
          };
        }),
      );
      const clean = { writingMode: "horizontal-tb", whiteSpace: "normal", letterSpacing: "normal", wordSpacing: "0px", textTransform: "none", textIndent: "0px", verdictWide: true };
      assert.deepEqual(looks, [{ id: "v", ...clean }, { id: "p", ...clean }]);
    });
  },
);

// ---------------------------------------------------------------------------------------
// 3. <base href>

const BASE = `<base href="https://elsewhere.invalid/sub/">`;

test("3. under <base href> elsewhere the widget works and asks for nothing", async () => {
  const body = html("<stack-weigh></stack-weigh>", { head: BASE, src: `${ORIGIN}/stackweigh.js` });
  await withPage("base href", { "/page.html": body }, {}, async (page) => {
    await ready(page);
    await exerciseEverything(page);
    const hrefs = await shadow(page, ".sw-credits a").evaluateAll((links) => links.map((a) => a.href));
    assert.ok(hrefs.length > 0 && hrefs.every((h) => /^https:\/\/(companybench|offlinepixel)\.com\//.test(h)), `credits keep their own addresses (${hrefs})`);
    await sleep(200);
    assert.deepEqual(page.requests, [`${ORIGIN}/page.html`, `${ORIGIN}/stackweigh.js`], "only the page and the script were requested");
    assert.deepEqual(page.outside, []);
  });
});

test(
  "3b. with sync-url under <base href>, the link written is the page's own",
  async () => {
    // Cross-origin base: replaceState("#…") resolves to https://elsewhere.invalid/sub/#… and throws.
    const cross = html("<stack-weigh sync-url></stack-weigh>", { head: BASE, src: `${ORIGIN}/stackweigh.js` });
    // Same-origin base: replaceState("#…") silently moves the address bar to /elsewhere/#….
    const same = html("<stack-weigh sync-url></stack-weigh>", { head: `<base href="${ORIGIN}/elsewhere/">`, src: `${ORIGIN}/stackweigh.js` });
    for (const [name, body] of [["cross-origin base", cross], ["same-origin base", same]]) {
      await withPage(`sync-url, ${name}`, { "/page.html": body }, {}, async (page) => {
        await ready(page);
        await nudge(page, "performance");
        // The link follows once the choices settle.
        await page.waitForFunction(() => location.hash.includes("performance"));
        const where = await page.evaluate(() => ({ path: location.pathname, hash: location.hash }));
        assert.equal(where.path, "/page.html", `${name}: the page's address is kept`);
        assert.match(where.hash, /weights=[^&]*performance:10/, `${name}: the link carries the choice`);
      });
    }
  },
);

// ---------------------------------------------------------------------------------------
// 4. Inside iframes

test("4. inside iframes (same-origin page, sandboxed page, srcdoc) the widget works", { skip: onlyIn(["chromium"], "its recorder must run first in each frame, and neither Firefox's BiDi (which runs it on a frame's first, empty document only) nor WebKit's WebDriver can put it into a srcdoc frame; iframe.test.mjs has the sandboxed frame in every engine") }, async () => {
  const frame = html("<stack-weigh></stack-weigh>");
  const srcdoc = html("<stack-weigh></stack-weigh>", { src: `${ORIGIN}/stackweigh.js` }).replace(/&/g, "&amp;").replace(/"/g, "&quot;");
  // (A sandboxed srcdoc frame is left out: Playwright cannot route its requests, so the
  // script would be fetched from the network, not from memory.)
  const host =
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>host</title></head><body><h1>Host</h1>` +
    `<iframe src="/frame.html" width="420" height="900" title="same-origin"></iframe>` +
    `<iframe sandbox="allow-scripts" src="/sandboxed.html" width="800" height="900" title="sandboxed"></iframe>` +
    `<iframe srcdoc="${srcdoc}" width="600" height="900" title="srcdoc"></iframe>` +
    `</body></html>`;
  const files = { "/page.html": host, "/frame.html": frame, "/sandboxed.html": frame };
  await withPage("iframes", files, {}, async (page) => {
    await page.waitForLoadState("load");
    const frames = {
      "same-origin": page.frames().find((f) => f.url() === `${ORIGIN}/frame.html`),
      "sandboxed (opaque origin)": page.frames().find((f) => f.url() === `${ORIGIN}/sandboxed.html`),
      srcdoc: page.frames().find((f) => f.url() === "about:srcdoc"),
    };
    for (const [name, f] of Object.entries(frames)) {
      assert.ok(f, `the ${name} frame is there`);
      await ready(f);
      const origin = await f.evaluate(() => self.origin);
      assert.equal(origin, name.startsWith("sandboxed") ? "null" : ORIGIN, `${name}: the frame's origin`);
      assert.equal(await f.evaluate(() => document.querySelectorAll("stack-weigh").length), 1);
      const verdict = await shadow(f, ".sw-verdict").getAttribute("data-verdict");
      assert.ok(["node", "python", "both", "either"].includes(verdict), `${name}: a verdict (${verdict})`);
      await nudge(f, "data-science");
      await nudge(f, "full-stack-js");
      const box = await shadow(f, ".sw-verdict").boundingBox();
      assert.ok(box && box.height > 0 && box.width > 0, `${name}: the verdict is laid out`);
      assert.ok(await shadow(f, 'input[data-criterion="talent"]').isVisible(), `${name}: the sliders are visible`);
    }
    assert.equal(await page.evaluate(() => window.__sw.ready.length), 0, "the host page hears nothing from inside the frames");
    assert.deepEqual(page.outside, []);
  });
});

// ---------------------------------------------------------------------------------------
// 5. Trusted Types

test("5. with Trusted Types enforced the widget works without violations or errors", async () => {
  const csp = `${STRICT_CSP}; ${TRUSTED_TYPES}`;
  const files = { "/page.html": { body: html("<stack-weigh></stack-weigh>"), headers: { "content-security-policy": csp } } };
  await withPage("Trusted Types", files, {}, async (page) => {
    await ready(page);
    assert.equal(await page.evaluate(() => typeof window.trustedTypes), "object", "Trusted Types are available");
    await exerciseEverything(page);
    await noViolations(page);
    assert.deepEqual(page.errors, [], "no console errors");
    // Trusted Types really are enforced (checked last: it reports a violation of its own).
    const sink = await probe(page, () => { try { document.createElement("div").innerHTML = "<b>x</b>"; return "accepted a string"; } catch (e) { return e.name; } }, LOGGED.trustedTypes);
    assert.equal(sink.result, "TypeError", "an HTML sink refuses plain strings");
    assert.match(sink.logged.join("\n"), LOGGED.trustedTypes);
  });
});

// ---------------------------------------------------------------------------------------
// 6. XSS through a custom dataset

const IMG = `<img src=x onerror="window.__pwned=1">`;
const BREAKOUT = `</script><script>window.__pwned=1</script>`;

function hostileDataset(url) {
  return {
    title: `Title ${IMG}`,
    intro: `Intro ${BREAKOUT}`,
    options: [
      { id: "a", name: `Alpha ${IMG}` },
      { id: "b", name: `Beta ${BREAKOUT}` },
    ],
    criteria: [
      { id: "speed", name: `Speed ${IMG}`, description: `Fast ${BREAKOUT}`, scores: { a: 8, b: 3 } },
      { id: "cost", name: `Cost ${BREAKOUT}`, description: `Cheap ${IMG}`, scores: { a: 4, b: 9 } },
    ],
    sources: [{ title: `Source ${IMG}`, publisher: `Publisher ${BREAKOUT}`, url }],
  };
}

/** A `<script type="application/json">` child. Every `<` is written as \u003c (valid JSON),
 * otherwise the page's own HTML parser would end the element at `</script>`. */
const datasetChild = (data) => `<script type="application/json">${JSON.stringify(data).replace(/</g, "\\u003c")}</script>`;

test("6a. XSS: a javascript: source url is refused, naming sources[0].url, and the built-in dataset shows", async () => {
  const body = html(`<stack-weigh>${datasetChild(hostileDataset("javascript:window.__pwned=1"))}</stack-weigh>`);
  await withPage("XSS javascript: url", { "/page.html": body }, {}, async (page) => {
    await ready(page);
    const notice = await shadow(page, ".sw-notices").textContent();
    assert.match(notice, /sources\[0\]\.url/, `the message names the field (${notice})`);
    assert.equal(await shadow(page, ".sw-title").textContent(), BUILTIN_TITLE, "the built-in dataset is shown");
    assert.equal(await shadow(page, "input[type=range]").count(), CRITERIA.length);
    await nudge(page, "performance");
    await sleep(200);
    assert.deepEqual(await injected(page), { elements: [], jsLinks: [], pwned: undefined });
  });
});

test("6b. XSS: HTML in dataset text renders as literal text, never as markup", async () => {
  const url = `https://example.test/"><img src=x onerror="window.__pwned=1">`;
  const body = html(`<stack-weigh>${datasetChild(hostileDataset(url))}</stack-weigh>`);
  await withPage("XSS literal text", { "/page.html": body }, {}, async (page) => {
    await ready(page);
    assert.equal(await shadow(page, ".sw-notices").count(), 0, "the dataset is accepted");
    assert.equal(await shadow(page, ".sw-title").textContent(), `Title ${IMG}`);
    assert.equal(await shadow(page, ".sw-intro").textContent(), `Intro ${BREAKOUT}`);
    assert.equal(await shadow(page, '[data-criterion-row="speed"] .sw-slider-label').textContent(), `Speed ${IMG}`);
    assert.match(await shadow(page, '[data-criterion-row="speed"] .sw-slider-desc').textContent(), /^Fast <\/script><script>/);
    assert.ok(await shadow(page, ".sw-title").isVisible(), "the text is visible");
    const link = shadow(page, ".sw-credits a");
    assert.equal(await link.textContent(), `Source ${IMG}`);
    assert.equal(await link.getAttribute("href"), url, "the url is one attribute value, not markup");
    // Open everything and re-render, so every piece of text has been through the DOM.
    const summaries = shadow(page, "details:not([open]):not([hidden]) > summary");
    while ((await summaries.count()) > 0) await summaries.first().click();
    await nudge(page, "speed");
    const snippet = await shadow(page, "#sw-snippet-text").inputValue();
    assert.ok(snippet.includes("Alpha &lt;img") && !snippet.includes("<img"), "the embed snippet escapes the names");
    await sleep(200);
    assert.deepEqual(await injected(page), { elements: [], jsLinks: [], pwned: undefined });
  });
});

// ---------------------------------------------------------------------------------------
// 7. Network

test("7. loading and using every control requests nothing beyond the page and the script", async () => {
  await withPage("network", { "/page.html": html("<stack-weigh></stack-weigh>") }, {}, async (page) => {
    await ready(page);
    await exerciseEverything(page);
    await sleep(300);
    assert.deepEqual(page.requests, [`${ORIGIN}/page.html`, `${ORIGIN}/stackweigh.js`]);
    assert.deepEqual(page.outside, []);
  });
});

// ---------------------------------------------------------------------------------------
// Hostile attribute values after load

const HOSTILE_VALUES = {
  "a very long string": "performance:".repeat(20_000),
  unicode: "p\u0435rformance:８,🚀\u202e\u0000\ud800",
  "a script tag": "<script>window.__pwned=1</script>",
  "a javascript: url": "javascript:window.__pwned=1",
  "an img tag": `<img src=x onerror="window.__pwned=1">`,
};

test("hostile attribute values set after load each show a message and the widget keeps working", async () => {
  await withPage("hostile attributes", { "/page.html": html('<stack-weigh id="w"></stack-weigh>') }, {}, async (page) => {
    await ready(page);
    let i = 0;
    for (const name of ["preset", "weights", "team", "theme"]) {
      for (const [what, value] of Object.entries(HOSTILE_VALUES)) {
        await page.evaluate(([name, value]) => document.getElementById("w").setAttribute(name, value), [name, value]);
        const notice = shadow(page, ".sw-notices");
        await until(page, (name) => document.getElementById("w").shadowRoot.querySelector(".sw-notices")?.textContent.includes(`${name}:`), name, `a message about ${name} (${what})`);
        const text = await notice.textContent();
        assert.ok(text.length < 400, `${name} = ${what}: the message stays short (${text.length} characters)`);
        // Still working: a slider moves the result, and the page is untouched.
        await nudge(page, CRITERIA[i++ % CRITERIA.length]);
        assert.deepEqual(await injected(page), { elements: [], jsLinks: [], pwned: undefined }, `${name} = ${what}`);
        await page.evaluate((name) => document.getElementById("w").removeAttribute(name), name);
        await until(page, () => !document.getElementById("w").shadowRoot.querySelector(".sw-notices"), null, `the ${name} message to go`);
      }
    }
    // A sane value is still honoured after all that.
    await page.evaluate(() => document.getElementById("w").setAttribute("weights", "performance:3,talent:7"));
    await until(page, () => window.__sw.change.at(-1)?.detail.weights.talent === 7, null, "weights honoured");
    assert.equal(await shadow(page, 'input[data-criterion="performance"]').inputValue(), "3");
  });
});

// ---------------------------------------------------------------------------------------
// Plain http: no navigator.clipboard

test(
  "copying on a plain-http page falls back to selecting the text, without an uncaught error",
  async () => {
    const plain = await launch(); // no secure-context switch: http://stackweigh.test is not secure
    try {
      const page = await pageWith(plain, { "/page.html": html("<stack-weigh></stack-weigh>"), "/stackweigh.js": script });
      await page.addInitScript(recorder);
      await page.goto(`${ORIGIN}/page.html`);
      await ready(page);
      assert.equal(await page.evaluate(() => typeof navigator.clipboard), "undefined", "the page is not a secure context");
      await shadow(page, ".sw-share > summary").click();
      await shadow(page, 'button[data-copy="snippet"]').click();
      await sleep(300);
      assert.deepEqual(page.errors, [], "no uncaught error");
      assert.match(await shadow(page, ".sw-status").textContent(), /Copying was blocked/, "the fallback message shows");
      const selected = await shadow(page, "#sw-snippet-text").evaluate((a) => a.selectionEnd - a.selectionStart);
      assert.ok(selected > 0, "the snippet is selected for a manual copy");
    } finally {
      await plain.close();
    }
  },
);
