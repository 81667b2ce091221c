// <stack-weigh> embedded in host pages served under support.ORIGIN with the shipped
// dist/stackweigh.js: hostile CSS, two instances, the attribute and event contract, bad
// values, the fallback children, removal and a double load.
import { DETAIL_FIELDS } from "./fixtures/contract.mjs";
import { test } from "node:test";
import assert from "node:assert/strict";
import { CRITERIA, DEFAULT_WEIGHTS, expectShown, eventually, fixture, hostHtml, openHost, press, recordedEvents, rendered, slider, snapshot, widget } from "./fixtures/widget.mjs";

/** Every computed style of the elements with these ids, as { "id.property": value }. */
function computedStyles(page, ids) {
  return page.evaluate((ids) => {
    const out = {};
    for (const id of ids) {
      const style = getComputedStyle(document.getElementById(id));
      for (const property of style) out[`${id}.${property}`] = style.getPropertyValue(property);
    }
    return out;
  }, ids);
}

const changed = (before, after) => Object.keys(before).filter((k) => before[k] !== after[k]).map((k) => `${k}: ${before[k]} → ${after[k]}`);

test("two instances render on a hostile page, visible and independent", async (t) => {
  const page = await openHost(t, await fixture("hostile-host.html"));
  const a = await expectShown(page, { verdict: "python", projectTypes: ["machine-learning"], team: "neither", theme: "auto" }, 0);
  const b = await expectShown(page, { verdict: "node", projectTypes: [], team: "javascript", theme: "dark" }, 1);
  assert.equal(b.weights.performance, "9");
  assert.equal(b.weights["data-science"], "1");

  for (const n of [0, 1]) {
    assert.ok(await widget(page, ".sw-verdict", n).isVisible(), `widget ${n}: the verdict is visible`);
    for (const criterion of CRITERIA) {
      const box = await slider(page, criterion, n).boundingBox();
      assert.ok(box && box.width > 100 && box.height > 8, `widget ${n}: the ${criterion} slider is laid out (${JSON.stringify(box)})`);
    }
    const size = await widget(page, ".sw-verdict", n).evaluate((e) => parseFloat(getComputedStyle(e).fontSize));
    assert.ok(size >= 16 && size <= 48, `widget ${n}: the host's 80px font-size does not reach the verdict (${size}px)`);
  }

  await press(page, "performance", "End", 0);
  const a2 = await expectShown(page, { weights: { ...a.weights, performance: "10" } }, 0, "widget A took the key");
  assert.deepEqual(await snapshot(page, 1), b, "A's slider did not change B");
  await widget(page, 'button[data-project-type="machine-learning"]', 1).click();
  await expectShown(page, { projectTypes: ["machine-learning"], verdict: "python" }, 1, "widget B took the click");
  assert.deepEqual(await snapshot(page, 0), a2, "B's chip did not change A");
  assert.deepEqual(page.errors, []);
});

test("the widget's CSS stays inside its shadow root", async (t) => {
  const page = await openHost(t, await fixture("leak-host.html"), { wait: false });
  const ids = ["plain", "sw", "title", "verdict", "notice", "details", "range", "button", "code"];
  const before = await computedStyles(page, ids);
  const sheets = await page.evaluate(() => ({ sheets: document.styleSheets.length, adopted: document.adoptedStyleSheets.length }));
  await page.addScriptTag({ url: "/stackweigh.js" });
  await rendered(page);
  assert.ok(await widget(page, ".sw-title").isVisible(), "the widget rendered, styled");
  assert.deepEqual(changed(before, await computedStyles(page, ids)), [], "no host element's computed style changed");
  assert.deepEqual(
    await page.evaluate(() => ({ sheets: document.styleSheets.length, adopted: document.adoptedStyleSheets.length })),
    sheets,
    "no stylesheet was added to the document",
  );
});

test("the fallback children show until the widget renders, then take no space", async (t) => {
  const page = await openHost(t, await fixture("leak-host.html"), { wait: false });
  const fallback = page.getByText("The widget loads below.");
  assert.ok(await fallback.isVisible(), "without the script the fallback is shown");
  await page.addScriptTag({ url: "/stackweigh.js" });
  await rendered(page);
  await eventually(async () => assert.equal(await fallback.isVisible(), false, "the fallback is hidden"));
  assert.equal(await fallback.boundingBox(), null, "the fallback is not rendered at all");
  assert.equal(await fallback.count(), 1, "the fallback stays in the document for crawlers");
});

test("attributes changed after load update the widget", async (t) => {
  const page = await openHost(t, hostHtml('<stack-weigh id="w"></stack-weigh>'));
  const set = (name, value) =>
    page.evaluate(([name, value]) => (value === null ? w.removeAttribute(name) : w.setAttribute(name, value)), [name, value]);
  await expectShown(page, { verdict: "either", strength: "none", projectTypes: [], weights: DEFAULT_WEIGHTS, team: "neither", theme: "auto" });

  await set("preset", "real-time,machine-learning");
  await expectShown(page, { verdict: "both", projectTypes: ["real-time", "machine-learning"] }, 0, "preset");
  await set("preset", null);
  await set("weights", "data-science:10,full-stack-js:0");
  await expectShown(page, { verdict: "python", projectTypes: [], weights: { ...DEFAULT_WEIGHTS, "data-science": "10", "full-stack-js": "0" } }, 0, "weights");
  await set("team", "python");
  const shown = await expectShown(page, { team: "python" }, 0, "team");
  assert.ok(await widget(page, 'input[name=sw-team][value="python"]').isChecked());

  const background = () => widget(page, ".sw").evaluate((e) => getComputedStyle(e).backgroundColor);
  const light = await background();
  await set("theme", "dark");
  await expectShown(page, { theme: "dark" }, 0, "theme");
  await eventually(async () => assert.notEqual(await background(), light, "the dark theme changes the colours"));
  await set("theme", "light");
  await expectShown(page, { theme: "light" }, 0, "theme back to light");
  assert.equal(await background(), light);
  assert.deepEqual((await snapshot(page)).scores, shown.scores, "the theme does not touch the result");
  assert.deepEqual(page.errors, []);
});

test("events: ready once per instance, then one change per change, with the documented detail", async (t) => {
  const page = await openHost(t, await fixture("hostile-host.html"), { events: true });
  const ready = await eventually(async () => {
    const events = await recordedEvents(page);
    assert.deepEqual(events.map((e) => `${e.type}#${e.id}`).sort(), ["stackweigh:ready#a", "stackweigh:ready#b"]);
    return events;
  });
  for (const event of ready) {
    const n = event.id === "a" ? 0 : 1;
    const shown = await snapshot(page, n);
    assert.equal(event.bubbles, true);
    assert.equal(event.composed, true);
    assert.deepEqual(Object.keys(event.detail).sort(), [...DETAIL_FIELDS].sort());
    assert.equal(event.detail.recommendation, shown.verdict);
    assert.equal(event.detail.strength, shown.strength);
    assert.deepEqual(Object.keys(event.detail.scores).sort(), ["node", "python"]);
    for (const [id, score] of Object.entries(event.detail.scores)) {
      assert.equal(typeof score, "number");
      assert.ok(score >= 1 && score <= 10, `${event.id}: the ${id} score is on the sources' 1–10 scale (${score})`);
      assert.equal(score.toFixed(1), shown.scores[id], `${event.id}: the ${id} score is the one shown`);
    }
    assert.deepEqual(event.detail.weights, Object.fromEntries(Object.entries(shown.weights).map(([k, v]) => [k, Number(v)])));
  }

  const changesAfter = async (count, action) => {
    await action();
    return eventually(async () => {
      const events = (await recordedEvents(page)).slice(count);
      assert.ok(events.length > 0, "a change event came");
      return events;
    });
  };
  let seen = ready.length;
  let events = await changesAfter(seen, () => press(page, "performance", "ArrowRight", 0));
  await new Promise((r) => setTimeout(r, 100)); // room for a duplicate to show up
  events = (await recordedEvents(page)).slice(seen);
  assert.deepEqual(events.map((e) => `${e.type}#${e.id}`), ["stackweigh:change#a"], "one key, one event, from A only");
  assert.equal(events[0].detail.weights.performance, Number((await snapshot(page, 0)).weights.performance));
  seen += events.length;

  events = await changesAfter(seen, () => widget(page, 'button[data-project-type="real-time"]', 0).click());
  assert.deepEqual(events.map((e) => `${e.type}#${e.id}`), ["stackweigh:change#a"]);
  assert.equal(events[0].detail.recommendation, "both");
  seen += events.length;

  events = await changesAfter(seen, () => page.evaluate(() => b.setAttribute("weights", "data-science:10,full-stack-js:0,performance:0")));
  assert.deepEqual(events.map((e) => `${e.type}#${e.id}`), ["stackweigh:change#b"]);
  assert.equal(events[0].detail.recommendation, "python");
  assert.equal(events[0].detail.weights["data-science"], 10);
  seen += events.length;

  await page.evaluate(() => b.setAttribute("theme", "light"));
  await expectShown(page, { theme: "light" }, 1);
  assert.equal((await recordedEvents(page)).length, seen, "a theme change changes no result, so no event");
});

test("bad attribute values show a message and fall back to defaults; the widget keeps working", async (t) => {
  const page = await openHost(t, hostHtml('<stack-weigh id="w" preset="nope" weights="performance:abc,talent:99" team="cobol" theme="neon"></stack-weigh>'));
  const shown = await expectShown(page, { verdict: "either", projectTypes: [], weights: DEFAULT_WEIGHTS, team: "neither", theme: "auto" });
  const text = await widget(page, ".sw-notices").innerText();
  for (const word of ["preset", "nope", "weights", "abc", "team", "cobol", "theme", "neon"]) {
    assert.ok(text.includes(word), `the notices mention ${word}: ${JSON.stringify(text)}`);
  }
  assert.ok(await widget(page, ".sw-notices").isVisible());
  assert.ok(shown.notices.length >= 4, `one notice per bad setting (${shown.notices.length})`);

  await press(page, "data-science", "End");
  await press(page, "full-stack-js", "Home");
  await expectShown(page, { verdict: "python" }, 0, "the sliders still work");

  await page.evaluate(() => {
    for (const name of ["preset", "weights", "team", "theme"]) w.removeAttribute(name);
  });
  await expectShown(page, { notices: [] }, 0, "the messages go once the values are gone");
  await page.evaluate(() => w.setAttribute("weights", "talent:99"));
  await eventually(async () => assert.match(await widget(page, ".sw-notices").innerText(), /talent.*99|99.*talent/));
  await expectShown(page, { weights: DEFAULT_WEIGHTS }, 0, "an out-of-range weight set after load is not used");
  assert.deepEqual(page.errors, [], "nothing thrown or logged as an error");
});

test("removing an element frees its instance; putting it back renders it again", async (t) => {
  const page = await openHost(t, await fixture("hostile-host.html"), { events: true });
  await page.evaluate(() => {
    window.removed = a;
    a.remove();
  });
  await eventually(async () =>
    assert.equal(await page.evaluate(() => removed.shadowRoot.childNodes.length), 0, "the shadow root is emptied"),
  );
  await press(page, "data-science", "Home", 0); // widget B is now the first
  await expectShown(page, { weights: { ...DEFAULT_WEIGHTS, performance: "9", "data-science": "0" } }, 0, "the other widget still works");

  await page.evaluate(() => document.body.prepend(removed));
  await rendered(page);
  await expectShown(page, { verdict: "python", projectTypes: ["machine-learning"] }, 0, "re-added, it renders from its attributes");
  await press(page, "full-stack-js", "End", 0);
  await expectShown(page, { weights: { ...(await snapshot(page, 0)).weights, "full-stack-js": "10" } }, 0, "and responds");
  const readies = (await recordedEvents(page)).filter((e) => e.type === "stackweigh:ready").map((e) => e.id);
  assert.deepEqual(readies.sort(), ["a", "a", "b"], "the new instance announced itself");

  // A move within the page keeps the instance (and its state).
  const before = await snapshot(page, 0);
  await page.evaluate(() => document.body.append(removed));
  await expectShown(page, before, 1, "moved, not reset");
  assert.deepEqual(page.errors, []);
});

test("loading the script twice throws nothing and changes nothing", async (t) => {
  const page = await openHost(t, await fixture("hostile-host.html"));
  const before = [await snapshot(page, 0), await snapshot(page, 1)];
  await page.addScriptTag({ url: "/stackweigh.js" });
  await page.addScriptTag({ url: "/stackweigh.js?again" });
  await page.evaluate(() => document.body.insertAdjacentHTML("beforeend", '<stack-weigh id="c" team="javascript" loading="eager"></stack-weigh>'));
  await rendered(page);
  assert.deepEqual([await snapshot(page, 0), await snapshot(page, 1)], before);
  await expectShown(page, { team: "javascript", verdict: "node" }, 2, "a widget added later renders");
  await press(page, "data-science", "End", 2);
  await press(page, "full-stack-js", "Home", 2);
  await press(page, "performance", "Home", 2);
  await expectShown(page, { verdict: "python" }, 2);
  assert.deepEqual(page.errors, []);
});
