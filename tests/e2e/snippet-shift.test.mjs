// The pasted snippet holds its place: a post with the share panel's script snippet one
// paragraph in must not jump when the widget appears, even when the script is slow, and
// shows its fallback table in the widget's room when the script is blocked. Served from
// memory under support.ORIGIN.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { launch, pageWith, distFile, ORIGIN } from "./support.mjs";

const LAYOUT_SHIFT_BUDGET = 0.02;

let browser;
let script;
let snippet;

before(async () => {
  script = distFile("stackweigh.js");
  browser = await launch();
  // The snippet as a blogger copies it from the share panel.
  const page = await pageWith(browser, {
    "/stackweigh.js": script,
    "/page.html": `<!doctype html><html lang="en"><body><stack-weigh></stack-weigh><script src="/stackweigh.js"></script></body></html>`,
  });
  await page.goto(`${ORIGIN}/page.html`);
  await page.locator("stack-weigh").locator(".sw-share > summary").click();
  snippet = await page.locator("stack-weigh").locator("#sw-snippet-text").inputValue();
  await page.context().close();
});
after(async () => {
  await browser?.close();
});

function post() {
  const paragraph = `<p>${"A post about hiring backend developers goes on for a while, as posts do. ".repeat(8)}</p>\n`;
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>post</title></head>` +
    `<body><main style="max-width: 40em; margin: 0 auto"><h1>Our next hire</h1>${paragraph}${snippet}${paragraph.repeat(12)}</main></body></html>`;
}

function shiftRecorder() {
  const b = (window.__shift = { cls: 0, ready: 0 });
  document.addEventListener("stackweigh:ready", () => b.ready++, true);
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) if (!entry.hadRecentInput) b.cls += entry.value;
  }).observe({ type: "layout-shift", buffered: true });
}

/** Opens the post at `width`, its script answered after `delayMs` (or never, if null). */
async function openPost(width, delayMs) {
  const page = await pageWith(browser, { "/post/page.html": post() }, { width, height: 800 });
  await page.route("**/stackweigh.js", async (route) => {
    if (delayMs === null) return route.abort();
    await new Promise((resolve) => setTimeout(resolve, delayMs));
    await route.fulfill({ status: 200, body: script, headers: { "content-type": "text/javascript" } });
  });
  await page.addInitScript(shiftRecorder);
  await page.goto(`${ORIGIN}/post/page.html`);
  return page;
}

for (const width of [360, 1024]) {
  test(`at ${width} px the post does not jump when the widget appears, with the script a second late`, async () => {
    const page = await openPost(width, 1000);
    try {
      await page.waitForFunction(() => window.__shift.ready > 0, null, { timeout: 20_000 });
      await page.waitForTimeout(500);
      const { cls } = await page.evaluate(() => window.__shift);
      assert.ok(cls <= LAYOUT_SHIFT_BUDGET, `layout shift ${cls.toFixed(4)} ≤ ${LAYOUT_SHIFT_BUDGET}`);
      assert.equal(await page.locator("stack-weigh > table").isVisible(), false, "the widget replaced its fallback");
      assert.deepEqual(page.errors, []);
    } finally {
      await page.context().close();
    }
  });
}

test("with the script blocked, the fallback table shows in the widget's room and nothing moves", async () => {
  const page = await openPost(1024, null);
  try {
    await page.waitForLoadState("load");
    await page.waitForTimeout(500);
    assert.ok(await page.locator("stack-weigh > table").isVisible(), "the fallback table shows");
    const { cls } = await page.evaluate(() => window.__shift);
    assert.equal(cls, 0, "no layout shift");
    const room = await page.locator("stack-weigh").evaluate((e) => e.getBoundingClientRect().height);
    assert.ok(room >= 700, `the widget's room is held (${room} px)`);
  } finally {
    await page.context().close();
  }
});
