// Taking a result elsewhere: the permalink in the address bar (sync-url), the embed
// snippet (with and without JavaScript), the copy buttons, and custom datasets.
import { test } from "node:test";
import assert from "node:assert/strict";
import { distUrl, onlyIn } from "./support.mjs";
import {
  afterWidgetTimers, DEFAULT_WEIGHTS, eventually, expectShown, fixture, hostHtml, openDist, openHost, openUrl, press, savedFolder, snapshot, widget,
} from "./fixtures/widget.mjs";

/** Moves away from the defaults the way a visitor would: keys, chips and the team radios. */
async function makeChoices(page) {
  await press(page, "performance", "End");
  await press(page, "data-science", ["ArrowLeft", "ArrowLeft"]);
  await press(page, "hiring-cost", ["ArrowRight"]);
  await widget(page, 'button[data-project-type="real-time"]').click();
  await widget(page, 'button[data-project-type="analytics"]').click();
  await widget(page, 'input[name=sw-team][value="javascript"]').check();
  return expectShown(page, {
    projectTypes: ["real-time", "analytics"],
    team: "javascript",
    verdict: "both",
  });
}

const scoresAndChoices = ({ verdict, headline, scores, weights, projectTypes, team }) => ({ verdict, headline, scores, weights, projectTypes, team });

test("the address bar is a permalink: same verdict, sliders and scores in a new page, no history flood", async (t) => {
  const page = await openDist(t);
  const history = await page.evaluate(() => history.length);
  const chosen = await makeChoices(page);
  // A later change, so the link must follow more than the first few steps.
  await press(page, "talent", ["Home"]);
  const shown = await expectShown(page, { weights: { ...chosen.weights, talent: "0" } });

  const hash = await eventually(async () => {
    const hash = await page.evaluate(() => location.hash);
    assert.match(hash, /talent:0/, "the link follows the last change");
    return hash;
  });
  assert.match(hash, /^#preset=[^&]*real-time[^&]*&weights=[^&]+&team=javascript$/, `the documented format (${hash})`);
  assert.equal(await page.evaluate(() => history.length), history, "replaceState: no history entry per change");

  const opened = await openUrl(t, distUrl("stackweigh.html") + hash);
  assert.deepEqual(scoresAndChoices(await snapshot(opened)), scoresAndChoices(shown));
  assert.deepEqual((await snapshot(opened)).notices, []);
  await afterWidgetTimers(opened);
  assert.equal(await opened.evaluate(() => location.hash), hash, "opening the link does not rewrite it");
});

test("a malformed link fragment shows a message and the starting view", async (t) => {
  const page = await openUrl(t, distUrl("stackweigh.html") + "#weights=performance:abc");
  await expectShown(page, { verdict: "either", weights: DEFAULT_WEIGHTS, projectTypes: [] });
  const text = await widget(page, ".sw-notices").innerText();
  assert.match(text, /performance/, `the message names the slider: ${JSON.stringify(text)}`);
  assert.match(text, /abc/, "and the bad value");
  await press(page, "data-science", "End");
  await press(page, "full-stack-js", "Home");
  await expectShown(page, { verdict: "python" }, 0, "the widget works");
  assert.deepEqual(page.errors, []);
});

/** The share panel's snippet after some choices, pasted into a page saved beside
 * stackweigh.js: the choices shown, and the saved folder. */
async function pastedSnippet(t) {
  const page = await openDist(t);
  const shown = await makeChoices(page);
  await widget(page, "details.sw-share > summary").click();
  const snippet = await widget(page, "textarea#sw-snippet-text").inputValue();
  assert.match(snippet, /^<script src="stackweigh\.js" defer><\/script>/);
  const html = `<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><title>Our hire</title></head><body>\n${snippet}\n</body></html>\n`;
  return { shown, saved: await savedFolder(t, { "index.html": html }) };
}

test("the embed snippet, pasted into a page next to stackweigh.js, shows the same result", async (t) => {
  const { shown, saved } = await pastedSnippet(t);
  const pasted = await openUrl(t, saved.url("index.html"));
  assert.deepEqual(scoresAndChoices(await snapshot(pasted)), scoresAndChoices(shown));
  assert.deepEqual((await snapshot(pasted)).notices, []);
  assert.equal(await pasted.locator("stack-weigh > table").isVisible(), false, "with JS the fallback table is hidden");
  assert.deepEqual(pasted.errors, []);
});

test("the embed snippet, pasted into a page, shows its table without JS", { skip: onlyIn(["chromium"], "neither Firefox's nor WebKit's driver can turn JavaScript off") }, async (t) => {
  const { shown, saved } = await pastedSnippet(t);
  const noJs = await openUrl(t, saved.url("index.html"), { javaScriptEnabled: false });
  const table = noJs.locator("stack-weigh > table");
  assert.ok(await table.isVisible(), "without JS the table is shown");
  assert.match(await table.locator("caption").innerText(), new RegExp(shown.headline));
  const rows = await table.locator("tbody tr").evaluateAll((trs) => trs.map((tr) => [...tr.cells].map((td) => td.textContent.trim())));
  const names = { node: "Node.js", python: "Python" };
  assert.deepEqual(
    rows.sort(),
    Object.entries(shown.scores).map(([id, score]) => [names[id], score]).sort(),
    "the table has the same scores",
  );
});

test("the copy buttons put the summary and the snippet on the clipboard", { skip: onlyIn(["chromium"], "it grants clipboard permissions, which neither Firefox's nor WebKit's driver can") }, async (t) => {
  const page = await openHost(t, hostHtml('<stack-weigh preset="machine-learning"></stack-weigh>'), {
    permissions: ["clipboard-read", "clipboard-write"],
  });
  await widget(page, "details.sw-share > summary").click();
  for (const [what, area, start] of [
    ["summary", "#sw-summary-text", "## "],
    ["snippet", "#sw-snippet-text", '<script src="stackweigh.js"'],
  ]) {
    await widget(page, `button[data-copy="${what}"]`).click();
    await eventually(async () => assert.match(await widget(page, ".sw-status").textContent(), /copied/i));
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    assert.ok(copied.startsWith(start), `the ${what} starts with ${start}: ${JSON.stringify(copied.slice(0, 60))}`);
    assert.equal(copied, await widget(page, `textarea${area}`).inputValue(), `the clipboard holds the ${what} shown`);
  }
  const snippet = await page.evaluate(() => navigator.clipboard.readText());
  assert.ok(snippet.includes('preset="machine-learning"'), "the copied snippet keeps the chosen project type");
});

test("a three-option custom dataset renders three bars and recommends per the weights", async (t) => {
  const json = await fixture("three-languages.json");
  const page = await openHost(
    t,
    hostHtml(`<stack-weigh weights="speed:10,simplicity:0,hiring:0"><script type="application/json">${json}</script></stack-weigh>`),
  );
  assert.equal(await widget(page, ".sw-title").textContent(), "Go, Rust or Java for the new service?");
  assert.equal(await widget(page, ".sw-bar-row").count(), 3, "three bars");
  assert.deepEqual(await widget(page, ".sw-bar-name").allTextContents().then((n) => n.sort()), ["Go", "Java", "Rust"]);
  const shown = await expectShown(page, { verdict: "rust", headline: "Clear: hire Rust", weights: { speed: "10", simplicity: "0", hiring: "0" } });
  assert.deepEqual(Object.keys(shown.scores).sort(), ["go", "java", "rust"]);

  await press(page, "speed", "Home");
  await press(page, "simplicity", "End");
  await expectShown(page, { verdict: "go", headline: "Clear: hire Go" });
  await press(page, "simplicity", "Home");
  await press(page, "hiring", "End");
  const java = await expectShown(page, { verdict: "java", headline: "Clear: hire Java" });
  assert.ok(Number(java.scores.java) > Number(java.scores.go) && Number(java.scores.java) > Number(java.scores.rust), JSON.stringify(java.scores));
  assert.deepEqual(page.errors, []);
});

test("an invalid custom dataset is refused with the field named; the built-in comparison works", async (t) => {
  const data = JSON.parse(await fixture("three-languages.json"));
  data.criteria[0].scores.rust = 12;
  const page = await openHost(t, hostHtml(`<stack-weigh><script type="application/json">${JSON.stringify(data)}</script></stack-weigh>`));
  const text = await widget(page, ".sw-notices").innerText();
  assert.match(text, /criteria\[0\]\.scores\.rust/, `the message names the field: ${JSON.stringify(text)}`);
  assert.match(text, /12/);
  assert.equal(await widget(page, ".sw-title").textContent(), "Node.js or Python: which backend developer should you hire?");
  await expectShown(page, { verdict: "either", weights: DEFAULT_WEIGHTS });
  await press(page, "data-science", "End");
  await press(page, "full-stack-js", "Home");
  await expectShown(page, { verdict: "python" });
});

test("without sync-url the page address is left alone, in both directions", async (t) => {
  const page = await openHost(t, hostHtml('<stack-weigh></stack-weigh>'), { path: "/page.html#weights=data-science:10,full-stack-js:0" });
  const history = await page.evaluate(() => history.length);
  await expectShown(page, { verdict: "either", weights: DEFAULT_WEIGHTS, notices: [] }, 0, "the fragment is not read");
  await press(page, "performance", ["End", "Home"]);
  await widget(page, 'button[data-project-type="rest-api"]').click();
  await expectShown(page, { projectTypes: ["rest-api"] });
  await afterWidgetTimers(page);
  assert.equal(await page.evaluate(() => location.hash), "#weights=data-science:10,full-stack-js:0", "the fragment is not written");
  assert.equal(await page.evaluate(() => history.length), history);
});
