// The pasted snippet holds its place: a post with the share panel's script snippet one
// paragraph in must not jump when the widget appears, even when the script is slow, and
// shows its fallback table in the widget's room when the script is blocked. In every
// engine the post's text after the snippet must not move on screen; Chromium also
// measures the layout shift, the bench's figure. Served from memory under support.ORIGIN.
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

/** Init script: the layout shift where the browser measures it (Chromium's Layout
 * Instability API), and in every engine where the post's text after the snippet sits on
 * the page in each frame, from the first one it is in, and whether it is on the screen
 * there. */
function shiftRecorder() {
  const b = (window.__shift = { cls: null, ready: 0, places: [] });
  document.addEventListener("stackweigh:ready", () => b.ready++, true);
  if (PerformanceObserver.supportedEntryTypes?.includes("layout-shift")) {
    b.cls = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) if (!entry.hadRecentInput) b.cls += entry.value;
    }).observe({ type: "layout-shift", buffered: true });
  }
  const frame = () => {
    // The first paragraph after the snippet: the post's second.
    const after = document.querySelectorAll("main > p")[1];
    if (after) {
      const box = after.getBoundingClientRect();
      const top = Math.round(box.top + scrollY);
      if (b.places.at(-1)?.top !== top) b.places.push({ top, onScreen: box.top < innerHeight && box.bottom > 0 });
    }
    requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
}

/** Opens the post at `width`, its script answered after `delayMs` (or never, if null). */
async function openPost(width, delayMs) {
  const files = { "/post/page.html": post() };
  // The snippet names the script relative to the page it was copied on, as a blogger's
  // post would find it beside itself.
  if (delayMs !== null) files["/post/stackweigh.js"] = { body: script, delayMs };
  const page = await pageWith(browser, files, { width, height: 800 });
  await page.addInitScript(shiftRecorder);
  await page.goto(`${ORIGIN}/post/page.html`);
  return page;
}

/** Asserts that the post's text after the snippet never moved where a reader sees it (a
 * move wholly below the screen is not a jump: the widget is taller than the room it holds),
 * and, where the browser measures it, that the layout shift is within budget. */
function assertHeldItsPlace(shift, budget) {
  assert.ok(shift.places.length > 0, "the post's text was seen in a frame");
  const seen = shift.places.slice(1).filter((to, i) => to.onScreen || shift.places[i].onScreen);
  assert.deepEqual(seen, [], `the text after the snippet did not jump on screen (its places: ${JSON.stringify(shift.places)})`);
  if (shift.cls !== null) assert.ok(shift.cls <= budget, `layout shift ${shift.cls.toFixed(4)} ≤ ${budget}`);
}

for (const width of [360, 1024]) {
  test(`at ${width} px the post does not jump when the widget appears, with the script a second late`, async () => {
    const page = await openPost(width, 1000);
    try {
      await page.waitForFunction(() => window.__shift.ready > 0, null, { timeout: 20_000 });
      await page.waitForTimeout(500);
      assertHeldItsPlace(await page.evaluate(() => window.__shift), LAYOUT_SHIFT_BUDGET);
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
    assertHeldItsPlace(await page.evaluate(() => window.__shift), 0);
    const room = await page.locator("stack-weigh").evaluate((e) => e.getBoundingClientRect().height);
    assert.ok(room >= 700, `the widget's room is held (${room} px)`);
  } finally {
    await page.context().close();
  }
});
