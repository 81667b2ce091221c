// How hosts treat the element, and what the widget must do about it: single-page sites
// add and remove it on every navigation, move it, hide it, remove it before it has
// started, and set attributes in bursts. Each case checks the events the page hears (on
// the element itself too, which hears even a detached element) and that nothing was
// thrown or logged as an error. Pages are served from memory under support.ORIGIN.
import { test } from "node:test";
import assert from "node:assert/strict";
import {
  afterWidgetTimers, eventually, expectShown, hostHtml, openHost, press, recordedEvents, rendered, slider, snapshot, widget,
} from "./fixtures/widget.mjs";
import { churn, memoryCatcher, memoryUsage } from "./fixtures/memory.mjs";
import { onlyIn } from "./support.mjs";

/** Init script: `hear(element)` records that element's own events in `window.__heard`. */
function hearing() {
  window.__heard = [];
  window.hear = (element) => {
    for (const type of ["stackweigh:ready", "stackweigh:change"]) {
      element.addEventListener(type, (e) => window.__heard.push({ name: `${e.type}#${element.id}`, recommendation: e.detail?.recommendation }));
    }
  };
}

const heard = (page) => page.evaluate(() => window.__heard.map((e) => e.name));
const names = (events) => events.map((e) => `${e.type}#${e.id}`);
/** Moves a slider of the first widget one step, whichever way it can go: a change. */
async function nudge(page, criterion) {
  const value = Number(await slider(page, criterion).inputValue());
  await press(page, criterion, value > 0 ? "ArrowLeft" : "ArrowRight");
}


test("a widget moved within the page in one task keeps its instance and state, and says nothing", async (t) => {
  const page = await openHost(t, hostHtml('<div id="left"><stack-weigh id="w" preset="real-time"></stack-weigh></div><div id="right"></div>'), { events: true });
  await nudge(page, "talent");
  await eventually(async () => assert.deepEqual(names(await recordedEvents(page)), ["stackweigh:ready#w", "stackweigh:change#w"]));
  const before = await snapshot(page);

  await page.evaluate(() => {
    right.append(w);
    left.append(w);
    right.append(w);
  });
  await afterWidgetTimers(page);
  assert.equal(await page.evaluate(() => w.parentElement.id), "right");
  assert.deepEqual(await snapshot(page), before, "moved, not reset");
  assert.equal(await page.evaluate(() => w.shadowRoot.querySelectorAll(".sw").length), 1, "one widget in the shadow root");
  assert.deepEqual(names(await recordedEvents(page)), ["stackweigh:ready#w", "stackweigh:change#w"], "no second ready, no change");

  await nudge(page, "talent");
  await eventually(async () =>
    assert.deepEqual(names(await recordedEvents(page)), ["stackweigh:ready#w", "stackweigh:change#w", "stackweigh:change#w"], "it still responds"),
  );
  assert.deepEqual(page.errors, []);
});

// The widget's own `display: block !important` (its defence against host CSS such as
// `* { all: unset !important }`) wins over `display: none` set on the element itself, so a
// host hides it with the `hidden` attribute or by hiding an ancestor, as tabs do.
test("hidden with display: none and shown again, a widget keeps its state and keeps working", async (t) => {
  const page = await openHost(t, hostHtml('<div id="box"><stack-weigh id="w" preset="real-time"></stack-weigh></div>'), { events: true });
  await nudge(page, "talent");
  await eventually(async () => assert.equal((await recordedEvents(page)).length, 2));
  const before = await snapshot(page);
  const visible = () => widget(page, ".sw-verdict").isVisible();

  await page.evaluate(() => (box.style.display = "none"));
  await eventually(async () => assert.equal(await visible(), false, "hidden with its parent"));
  await afterWidgetTimers(page);
  assert.deepEqual(await snapshot(page), before, "nothing changed while hidden");
  await page.evaluate(() => w.setAttribute("preset", "machine-learning"));
  const events = await eventually(async () => {
    const events = await recordedEvents(page);
    assert.deepEqual(names(events), ["stackweigh:ready#w", "stackweigh:change#w", "stackweigh:change#w"], "an attribute set while hidden applies");
    return events;
  });
  assert.equal(events[2].detail.recommendation, "python");
  await page.evaluate(() => (box.style.display = ""));
  await expectShown(page, { verdict: "python", projectTypes: ["machine-learning"] }, 0, "shown again, as it was left");
  await eventually(async () => assert.equal(await visible(), true, "shown again"));

  await page.evaluate(() => (w.hidden = true));
  await eventually(async () => assert.equal(await visible(), false, "hidden by its own hidden attribute"));
  await page.evaluate(() => (w.hidden = false));
  await eventually(async () => assert.equal(await visible(), true));
  await nudge(page, "talent");
  await eventually(async () => assert.equal((await recordedEvents(page)).length, 4, "it still responds"));
  assert.deepEqual(names(await recordedEvents(page)).filter((n) => n.startsWith("stackweigh:ready")), ["stackweigh:ready#w"], "never mounted again");
  assert.deepEqual(page.errors, []);
});

test("an element added and removed in the same task never starts and sends nothing", async (t) => {
  const page = await openHost(t, hostHtml('<stack-weigh id="stays" preset="machine-learning"></stack-weigh>'), { events: true, init: [hearing] });
  const address = await page.evaluate(() => location.href);
  await page.evaluate(() => {
    const gone = (window.gone = document.createElement("stack-weigh"));
    gone.id = "gone";
    gone.setAttribute("preset", "real-time");
    gone.setAttribute("sync-url", "");
    hear(gone);
    document.body.append(gone);
    gone.setAttribute("weights", "performance:9");
    gone.remove();
  });
  await afterWidgetTimers(page);
  // A detached element still takes attribute changes; they must not start it either.
  await page.evaluate(() => gone.setAttribute("preset", "machine-learning"));
  await afterWidgetTimers(page);
  assert.deepEqual(await heard(page), [], "the element itself heard nothing");
  assert.deepEqual(names(await recordedEvents(page)), ["stackweigh:ready#stays"]);
  assert.equal(await page.evaluate(() => gone.shadowRoot), null, "it never mounted");
  assert.equal(await page.evaluate(() => location.href), address, "the page link was left alone");
  assert.deepEqual(page.errors, []);
});

test("an element removed while the script is still starting sends nothing; the others start", async (t) => {
  const page = await openHost(
    t,
    hostHtml('<stack-weigh id="early" preset="real-time" sync-url></stack-weigh><stack-weigh id="stays" preset="machine-learning"></stack-weigh>', { script: null }),
    { wait: false, init: [hearing] },
  );
  const address = await page.evaluate(() => location.href);
  await page.evaluate(async () => {
    const code = await (await fetch("/stackweigh.js")).text();
    hear(early);
    hear(stays);
    // One task: the script runs (it defines <stack-weigh>, which starts both elements) and
    // the host removes one before the script's first render.
    const script = document.createElement("script");
    script.textContent = code;
    document.head.append(script);
    window.removed = early;
    early.remove();
  });
  await rendered(page);
  await afterWidgetTimers(page);
  assert.deepEqual(await heard(page), ["stackweigh:ready#stays"]);
  assert.equal(await page.evaluate(() => window.__heard[0].recommendation), "python");
  assert.equal(await page.evaluate(() => removed.shadowRoot?.childNodes.length ?? 0), 0, "nothing rendered for the removed element");
  assert.equal(await page.evaluate(() => location.href), address, "the page link was left alone");
  await expectShown(page, { verdict: "python", projectTypes: ["machine-learning"] });
  assert.deepEqual(page.errors, []);
});

test("a widget removed in the task of a change sends nothing more: no event, no link update", async (t) => {
  const page = await openHost(t, hostHtml('<stack-weigh id="w" preset="real-time" sync-url></stack-weigh>'), { events: true, init: [hearing] });
  const address = await page.evaluate(() => location.href);
  await page.evaluate(() => {
    hear(w);
    // A reader's slider step, then the host navigates away within the same task.
    const slider = w.shadowRoot.querySelector('input[type=range][data-criterion="performance"]');
    slider.value = slider.value === "5" ? "6" : "5";
    slider.dispatchEvent(new Event("input", { bubbles: true }));
    window.removed = w;
    w.remove();
  });
  await afterWidgetTimers(page);
  assert.deepEqual(await heard(page), [], "the element itself heard nothing after it was removed");
  assert.deepEqual(names(await recordedEvents(page)), ["stackweigh:ready#w"]);
  assert.equal(await page.evaluate(() => location.href), address, "the pending link update went with the widget");
  assert.equal(await page.evaluate(() => removed.shadowRoot.childNodes.length), 0, "the shadow root is emptied");
  assert.deepEqual(page.errors, []);
});

test("a thousand attribute changes in one task make one update and one change event", async (t) => {
  const page = await openHost(t, hostHtml('<stack-weigh id="w" preset="real-time"></stack-weigh>'), { events: true });
  await expectShown(page, { verdict: "node", projectTypes: ["real-time"] });
  await page.evaluate(() => {
    // Every change of the shown verdict, however briefly it was shown.
    window.__verdicts = [];
    new MutationObserver((records) => window.__verdicts.push(...records.map((r) => r.target.dataset.verdict))).observe(w.shadowRoot, {
      subtree: true,
      attributes: true,
      attributeFilter: ["data-verdict"],
    });
    const values = {
      preset: ["machine-learning", "nope", "real-time,machine-learning", "", "real-time"],
      weights: ["performance:abc", "talent:99", "data-science:10", ""],
      team: ["python", "cobol", "javascript", "neither"],
      theme: ["dark", "neon", "light", "auto"],
      "sync-url": [""],
    };
    const attributes = Object.keys(values);
    for (let i = 0; i < 1000; i++) {
      const name = attributes[i % attributes.length];
      const options = values[name];
      if (name === "sync-url") w.toggleAttribute(name);
      else w.setAttribute(name, options[Math.floor(i / attributes.length) % options.length]);
    }
    // The last word on each.
    w.setAttribute("preset", "machine-learning");
    w.removeAttribute("weights");
    w.setAttribute("team", "neither");
    w.setAttribute("theme", "auto");
    w.removeAttribute("sync-url");
  });
  await expectShown(page, { verdict: "python", projectTypes: ["machine-learning"], team: "neither", theme: "auto", notices: [] });
  await afterWidgetTimers(page);
  const events = await recordedEvents(page);
  assert.deepEqual(names(events), ["stackweigh:ready#w", "stackweigh:change#w"]);
  assert.equal(events[1].detail.recommendation, "python");
  assert.deepEqual(await page.evaluate(() => window.__verdicts), ["python"], "the verdict changed once, straight to the last one");
  assert.deepEqual(page.errors, [], "no panic, nothing thrown");
});

test("attributes set in the task that adds an element are all read by its mount: one ready, no change", async (t) => {
  const page = await openHost(t, hostHtml('<stack-weigh id="first" preset="real-time"></stack-weigh>'), { events: true });
  await page.evaluate(() => {
    const late = document.createElement("stack-weigh");
    late.id = "late";
    document.body.append(late);
    for (let i = 0; i < 1000; i++) late.setAttribute("preset", i % 2 ? "real-time" : "real-time,machine-learning");
    late.setAttribute("preset", "machine-learning");
  });
  await rendered(page);
  await expectShown(page, { verdict: "python", projectTypes: ["machine-learning"] }, 1);
  await afterWidgetTimers(page);
  const events = (await recordedEvents(page)).filter((e) => e.id === "late");
  assert.deepEqual(names(events), ["stackweigh:ready#late"]);
  assert.equal(events[0].detail.recommendation, "python");
  assert.deepEqual(page.errors, []);
});

test("a widget added after another was removed starts afresh, from its own attributes", async (t) => {
  const page = await openHost(t, hostHtml('<stack-weigh id="a" preset="real-time"></stack-weigh>'), { events: true });
  const fresh = await snapshot(page);
  await nudge(page, "talent");
  await eventually(async () => assert.notDeepEqual((await snapshot(page)).weights, fresh.weights));
  await page.evaluate(() => a.remove());
  await eventually(async () => assert.equal(await page.evaluate(() => document.querySelectorAll("stack-weigh").length), 0));
  await afterWidgetTimers(page);

  // The new element gets the freed one's internal root, never its state.
  await page.evaluate(() => document.body.insertAdjacentHTML("beforeend", '<stack-weigh id="b" preset="real-time"></stack-weigh>'));
  await rendered(page);
  await afterWidgetTimers(page);
  assert.deepEqual(await snapshot(page), fresh, "as a first mount shows it");
  const events = (await recordedEvents(page)).filter((e) => e.id === "b");
  assert.deepEqual(names(events), ["stackweigh:ready#b"], "one ready, no change");

  // Replaced in one task, as a router swaps pages: the old one out, then the new one in.
  await nudge(page, "talent");
  await eventually(async () => assert.notDeepEqual((await snapshot(page)).weights, fresh.weights));
  await page.evaluate(() => {
    b.remove();
    document.body.insertAdjacentHTML("beforeend", '<stack-weigh id="c" preset="real-time"></stack-weigh>');
  });
  await rendered(page);
  await afterWidgetTimers(page);
  assert.deepEqual(await snapshot(page), fresh, "the replacement starts afresh too");
  assert.deepEqual(names((await recordedEvents(page)).filter((e) => e.id === "c")), ["stackweigh:ready#c"]);
  assert.deepEqual(page.errors, []);
});

// The bench reports these figures over many more cycles (`cargo xtask bench`); this checks
// only that a leak would show. docs/performance.md#memory-when-hosts-churn has what the
// leak this guards against looked like.
test("adding and removing a widget hundreds of times leaves nothing behind", { skip: onlyIn(["chromium"], "it reads Chromium's DevTools heap and DOM counters") }, async (t) => {
  const page = await openHost(t, hostHtml(""), { wait: false, init: [memoryCatcher] });
  const cdp = await page.context().newCDPSession(page);
  await page.evaluate(churn, { n: 50 }); // warm up
  await page.evaluate(churn, { n: 250 });
  const first = await memoryUsage(page, cdp);
  await page.evaluate(churn, { n: 250 });
  const second = await memoryUsage(page, cdp);
  const growth = (key) => `${key}: ${first[key]} → ${second[key]}`;
  assert.equal(second.nodes, first.nodes, growth("nodes"));
  assert.equal(second.listeners, first.listeners, growth("listeners"));
  assert.ok(first.wasm > 0 && second.wasm <= first.wasm * 1.05, growth("wasm"));
  assert.ok(second.js <= first.js * 1.05, growth("js"));
  assert.equal(await page.evaluate(() => document.querySelectorAll("stack-weigh").length), 0);
  assert.deepEqual(page.errors, []);
});
