// The widget inside a blog post: the answer stays in view while sliding at every width, the
// widget fits the post, and it looks like part of the host page (font, colour scheme,
// ::part()). Every page is a host page served from memory; nothing touches a network.
import { test } from "node:test";
import assert from "node:assert/strict";
import { CRITERIA, hostHtml, openHost, slider, snapshot, widget } from "./fixtures/widget.mjs";

/** A paragraph of a blog post, so the widget sits in the middle of text. */
const PARAGRAPH = `<p>${"A blog post about hiring backend developers goes on for a while. ".repeat(12)}</p>`;

/** A post with the widget in the middle, in a column `column` px wide (or the page's). */
function post(element, { column, head = "" } = {}) {
  const style = column ? `<style>main { width: ${column}px; margin: 0 auto; }</style>` : "";
  return hostHtml(`<main><h1>A post</h1>${PARAGRAPH}${element}${PARAGRAPH.repeat(3)}</main>`, { head: style + head });
}

/** Talent alone leans Node.js by one point; hiring cost, where the two are a quarter point
 * apart, dilutes that: at 1 it still leans, from 2 it is too close to call. So the last
 * slider, hiring cost, changes the answer within two steps. */
const TALENT_ONLY = `<stack-weigh id="w" weights="${CRITERIA.map((c) => `${c}:${c === "talent" ? 1 : 0}`).join(",")}"></stack-weigh>`;

/** Presses `key` on the focused slider, which then reads `value`, and checks what a reader
 * sees: the compact bar is inside the viewport, below the focused slider (never over it),
 * and says what the answer panel says, which is `headline`. */
async function pressAndSee(page, key, value, headline, viewport) {
  await page.keyboard.press(key);
  const bar = widget(page, ".sw-answer-bar");
  // The slider's value too: the first press leaves the headline as it was.
  await page.waitForFunction(
    ([value, expected]) => {
      const root = document.querySelector("stack-weigh").shadowRoot;
      return root.activeElement?.value === value && root.querySelector(".sw-answer-bar-headline").textContent.trim() === expected;
    },
    [value, headline],
  );
  const [box, focused] = [await bar.boundingBox(), await slider(page, CRITERIA.at(-1)).boundingBox()];
  assert.ok(box && box.y >= 0 && box.y + box.height <= viewport.height + 0.5, `after ${key}: the bar is in view (${JSON.stringify(box)})`);
  assert.ok(focused.y + focused.height <= box.y + 0.5, `after ${key}: the bar does not cover the focused slider (${focused.y + focused.height} > ${box.y})`);
  assert.equal((await widget(page, ".sw-verdict-text").textContent()).trim(), headline, `after ${key}: the panel agrees`);
  // Both scores, and how firm the answer is, in the bar.
  assert.match(
    await widget(page, ".sw-answer-bar-scores").textContent(),
    /^Node\.js\u00a0\d+\.\d · Python\u00a0\d+\.\d · (\d+ in 10|all) nearby agree$/,
  );
}

for (const [name, options, viewport] of [
  ["on a 360 × 740 phone", {}, { width: 360, height: 740 }],
  ["in a 360 px column of a 1,280 px desktop page", { column: 360 }, { width: 1280, height: 800 }],
]) {
  test(`${name}, the answer stays in view while the last slider moves`, async (t) => {
    const page = await openHost(t, post(TALENT_ONLY, options), viewport);
    const last = slider(page, CRITERIA.at(-1));
    await last.scrollIntoViewIfNeeded();
    await last.focus();
    const panel = await widget(page, ".sw-result").boundingBox();
    assert.ok(panel.y + panel.height < 0, "the answer panel itself is scrolled out of view");
    await pressAndSee(page, "ArrowRight", "1", "Leans Node.js", viewport);
    await pressAndSee(page, "ArrowRight", "2", "Too close to call", viewport);
    await pressAndSee(page, "End", "10", "Too close to call", viewport);
    await pressAndSee(page, "Home", "0", "Leans Node.js", viewport);
    // The bar is for the eye: the live region in the panel speaks each change, once.
    assert.equal(await widget(page, ".sw-answer-bar").getAttribute("aria-hidden"), "true");
    assert.equal(await widget(page, "[aria-live]").count(), 1);
    assert.deepEqual(page.errors, []);
  });
}

test("in a wide column the answer panel stays beside the sliders, and the bar is not shown", async (t) => {
  const page = await openHost(t, post(TALENT_ONLY, { column: 1024 }), { width: 1280, height: 800 });
  const last = slider(page, CRITERIA.at(-1));
  await last.scrollIntoViewIfNeeded();
  const panel = await widget(page, ".sw-verdict-text").boundingBox();
  assert.ok(panel && panel.y >= 0 && panel.y + panel.height <= 800, `the headline is in view (${JSON.stringify(panel)})`);
  assert.equal(await widget(page, ".sw-answer-bar").isVisible(), false);
});

for (const colorScheme of ["light", "dark"]) {
  test(`in its default state the widget fits a post (${colorScheme}): ≤ 1,550 px tall at 1,024 px, ≤ 3,100 px at 360 px, no sideways scroll at 320 px`, async (t) => {
    // Firefox's and WebKit's default fonts run wider than Chromium's: the widget is about
    // 10% taller there (docs/performance.md has the figures).
    for (const [column, most] of [[1024, 1550], [360, 3100]]) {
      const page = await openHost(t, post('<stack-weigh id="w"></stack-weigh>', { column }), { width: Math.max(column + 40, 400), height: 900, colorScheme });
      const height = await page.evaluate(() => w.getBoundingClientRect().height);
      t.diagnostic(`${column} px column: ${Math.round(height)} px tall`);
      assert.ok(height <= most, `${column} px column: ${height} px tall, at most ${most}`);
      assert.equal((await snapshot(page)).verdict, "either", "the default state");
    }
    const page = await openHost(t, post('<stack-weigh id="w"></stack-weigh>'), { width: 320, height: 640, colorScheme });
    const layout = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, clientWidth: document.documentElement.clientWidth }));
    assert.ok(layout.scrollWidth <= layout.clientWidth, `no horizontal scroll at 320 px (${JSON.stringify(layout)})`);
  });
}

test("in its default state the main view is the answer, project types, team and sliders; the rest is collapsed and says what is inside", async (t) => {
  const page = await openHost(t, post('<stack-weigh id="w" preset="real-time"></stack-weigh>'));
  const summaries = await widget(page, "details > summary").allInnerTexts();
  assert.deepEqual(summaries, [
    "Hiring kit: Node.js backend developer, 5 questions, 4 red flags",
    "Side by side: 12 aspects",
    "Questions and answers (5)",
    "Share, embed or print",
  ]);
  assert.equal(await widget(page, "details[open]").count(), 0, "every panel starts closed");
});

test("theme=auto follows a host page that declares a colour scheme, and the reader's setting otherwise", async (t) => {
  const background = (page) => widget(page, ".sw").evaluate((e) => getComputedStyle(e).backgroundColor);
  const widgetHtml = '<stack-weigh id="w"></stack-weigh>';
  const cases = [
    // [page declares, reader prefers, the widget shows]
    ["dark", "light", "dark"],
    ["light", "dark", "light"],
    [null, "dark", "auto"],
    [null, "light", "auto"],
  ];
  const colours = {};
  for (const [declared, colorScheme, expected] of cases) {
    const head = declared ? `<style>:root { color-scheme: ${declared}; }</style>` : "";
    const page = await openHost(t, hostHtml(widgetHtml, { head }), { colorScheme });
    assert.equal((await snapshot(page)).theme, expected, `page ${declared}, reader ${colorScheme}`);
    colours[`${declared ?? "none"}/${colorScheme}`] = await background(page);
  }
  assert.equal(colours["dark/light"], colours["none/dark"], "a dark page gets the dark widget");
  assert.equal(colours["light/dark"], colours["none/light"], "a light page gets the light widget");
  assert.notEqual(colours["none/dark"], colours["none/light"]);

  // A page that switches its own theme switches the widget too.
  const page = await openHost(t, hostHtml(widgetHtml, { head: "<style>.night { color-scheme: dark; }</style>" }), { colorScheme: "light" });
  await page.evaluate(() => document.documentElement.classList.add("night"));
  await page.waitForFunction(() => w.shadowRoot.querySelector(".sw").dataset.theme === "dark");
  // The attribute still wins over the page.
  await page.evaluate(() => w.setAttribute("theme", "light"));
  await page.waitForFunction(() => w.shadowRoot.querySelector(".sw").dataset.theme === "light");
  assert.deepEqual(page.errors, []);
});

test("the widget takes the host's font; --stackweigh-font and ::part() still style it", async (t) => {
  const head = `<style>
    body { font-family: Georgia, serif; }
    #branded { --stackweigh-font: "Courier New", monospace; }
    stack-weigh::part(answer) { outline: 3px solid rgb(200, 0, 0); }
    stack-weigh::part(chip) { border-color: rgb(0, 120, 0); }
    stack-weigh::part(slider) { accent-color: rgb(0, 0, 200); }
  </style>`;
  const page = await openHost(t, hostHtml('<stack-weigh id="plain"></stack-weigh><stack-weigh id="branded"></stack-weigh>', { head }));
  const style = (n, selector, property) => widget(page, selector, n).first().evaluate((e, p) => getComputedStyle(e)[p], property);
  assert.match(await style(0, ".sw", "fontFamily"), /^Georgia/);
  assert.match(await style(1, ".sw", "fontFamily"), /^"Courier New"/);
  assert.equal(await style(0, ".sw-result", "outlineColor"), "rgb(200, 0, 0)");
  assert.equal(await style(0, ".sw-chip", "borderTopColor"), "rgb(0, 120, 0)");
  assert.equal(await style(0, ".sw-range", "accentColor"), "rgb(0, 0, 200)");
});

test("a widget three screens down costs nothing until the reader gets near: no ready, its fallback shows; then it mounts", async (t) => {
  const far = '<stack-weigh id="far"><p class="fallback">The comparison loads here.</p></stack-weigh>';
  const eager = '<stack-weigh id="eager" loading="eager"><p>Eager.</p></stack-weigh>';
  const body = `<main>${PARAGRAPH.repeat(20)}${far}${PARAGRAPH.repeat(16)}${eager}${PARAGRAPH}</main>`;
  const page = await openHost(t, hostHtml(body), { width: 1024, height: 700, wait: false, events: true });
  const ready = async () => (await page.evaluate(() => window.__events ?? [])).filter((e) => e.type === "stackweigh:ready").map((e) => e.id);
  await page.waitForFunction(() => (window.__events ?? []).some((e) => e.id === "eager"), null, { timeout: 10_000 });
  const top = await page.evaluate(() => far.getBoundingClientRect().top / innerHeight);
  assert.ok(top >= 3, `the widget is ${top.toFixed(1)} screens down`);
  await new Promise((r) => setTimeout(r, 300));
  assert.deepEqual(await ready(), ["eager"], "loading=eager mounts at once; the far one waits");
  assert.equal(await page.evaluate(() => far.shadowRoot), null, "not mounted");
  assert.ok(await page.locator("#far .fallback").isVisible(), "its fallback shows meanwhile");

  // Within a screen of it, it mounts, once.
  await page.evaluate(() => scrollTo(0, far.getBoundingClientRect().top + scrollY - 1.5 * innerHeight));
  await page.waitForFunction(() => window.__events.some((e) => e.id === "far"));
  await page.evaluate(() => far.scrollIntoView());
  await new Promise((r) => setTimeout(r, 200));
  assert.deepEqual((await ready()).sort(), ["eager", "far"], "one ready each");
  assert.equal(await page.locator("#far .fallback").isVisible(), false, "the widget replaced its fallback");
  assert.deepEqual(page.errors, []);
});

test("a waiting widget mounts at once for printing, and for a link that carries its state", async (t) => {
  const body = `<main>${PARAGRAPH.repeat(16)}<stack-weigh id="far"></stack-weigh></main>`;
  const page = await openHost(t, hostHtml(body), { width: 1024, height: 700, wait: false, events: true });
  await new Promise((r) => setTimeout(r, 300));
  assert.equal(await page.evaluate(() => far.shadowRoot), null, "waiting");
  await page.evaluate(() => dispatchEvent(new Event("beforeprint")));
  await page.waitForFunction(() => window.__events.some((e) => e.id === "far" && e.type === "stackweigh:ready"));

  const linked = await openHost(t, hostHtml(`<main>${PARAGRAPH.repeat(16)}<stack-weigh id="far" sync-url></stack-weigh></main>`), {
    path: "/page.html#preset=machine-learning", width: 1024, height: 700, wait: false, events: true,
  });
  await linked.waitForFunction(() => window.__events.some((e) => e.id === "far" && e.detail.recommendation === "python"));
  assert.deepEqual([...page.errors, ...linked.errors], []);
});
