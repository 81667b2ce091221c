// The shipped files as a visitor meets them: dist/stackweigh.html from disk, the hosted
// Trunk build from a web server, and a saved copy of a host page opened offline.
import { test } from "node:test";
import assert from "node:assert/strict";
import path from "node:path";
import { ORIGIN, dist, distFile, distUrl } from "./support.mjs";
import {
  CRITERIA, DEFAULT_WEIGHTS, PROJECT_TYPES, expectShown, filesOf, fixture, openDist, openHost, openUrl, press, savedFolder, slider,
  snapshot, widget,
} from "./fixtures/widget.mjs";

test("stackweigh.html from file:// opens on an invitation, tells no one to hire, and requests nothing but itself", async (t) => {
  const page = await openDist(t);
  const shown = await snapshot(page);
  assert.equal(shown.verdict, "either");
  assert.equal(shown.strength, "none");
  assert.equal(shown.headline, "What are you building?");
  assert.deepEqual(shown.weights, DEFAULT_WEIGHTS);
  assert.deepEqual(Object.keys(shown.scores).sort(), ["node", "python"]);
  // The equal-weights comparison, labelled as such, on the sources' 10-point scale.
  for (const score of Object.values(shown.scores)) assert.match(score, /^\d{1,2}\.\d$/);
  const sentence = await widget(page, ".sw-sentence").textContent();
  assert.match(sentence, /every criterion weighted equally/);
  assert.match(sentence, /too close to call/);
  assert.doesNotMatch(await widget(page, ".sw-result").textContent(), /hire/i, "no one is told to hire");
  assert.equal(await widget(page, "[data-role]").count(), 0, "no hiring kit before a choice");
  assert.deepEqual(await widget(page, "button[data-project-type]").evaluateAll((b) => b.map((e) => e.dataset.projectType)), PROJECT_TYPES, "every project type chip");
  assert.equal(await widget(page, 'button[data-project-type][aria-pressed="false"]').count(), PROJECT_TYPES.length, "none picked");
  assert.equal(await page.getByText("stackweigh needs JavaScript").isVisible(), false, "the no-JS fallback is hidden");
  assert.deepEqual(page.requested, [distUrl("stackweigh.html")], "the page is the only request");
  assert.deepEqual(page.errors, []);
});

test("the real keyboard moves a slider and the verdict follows", async (t) => {
  const page = await openDist(t);
  const performance = slider(page, "performance");
  const steps = [
    ["ArrowRight", "6"],
    ["ArrowLeft", "5"],
    ["ArrowLeft", "4"],
    ["End", "10"],
    ["Home", "0"],
  ];
  await performance.focus();
  for (const [key, value] of steps) {
    await page.keyboard.press(key);
    assert.equal(await performance.inputValue(), value, `${key} moves the slider to ${value}`);
    await expectShown(page, { weights: { ...DEFAULT_WEIGHTS, performance: value } }, 0, `the widget takes ${key}`);
    assert.match(await performance.getAttribute("aria-valuetext"), new RegExp(`^${value}, \\w`), "the value is said in words");
  }
  for (let i = 0; i < 5; i++) await page.keyboard.press("ArrowRight");
  const before = await expectShown(page, { verdict: "either", headline: "What are you building?", weights: DEFAULT_WEIGHTS });

  await press(page, "data-science", "End");
  await press(page, "full-stack-js", "Home");
  const after = await expectShown(page, {
    verdict: "python",
    strength: "leans",
    headline: "Leans Python",
    weights: { ...DEFAULT_WEIGHTS, "data-science": "10", "full-stack-js": "0" },
  });
  assert.ok(Number(after.scores.python) > Number(before.scores.python), "Python's score rose");
  assert.ok(Number(after.scores.python) > Number(after.scores.node), `Python leads (${JSON.stringify(after.scores)})`);
  assert.equal(await slider(page, "data-science").getAttribute("aria-valuetext"), "10, critical");
  assert.deepEqual(page.requested, [distUrl("stackweigh.html")], "moving sliders requests nothing");
  assert.deepEqual(page.errors, []);
});

test("the hosted Trunk build works from a web server", async (t) => {
  const files = await filesOf(path.join(dist, "hosted"));
  assert.ok(Object.keys(files).some((f) => f.endsWith(".wasm")), "dist/hosted has its .wasm");
  const page = await openHost(t, undefined, { files, path: "/" });
  await expectShown(page, { verdict: "either", weights: DEFAULT_WEIGHTS });
  await press(page, "data-science", "End");
  await press(page, "full-stack-js", "Home");
  await expectShown(page, { verdict: "python", headline: "Leans Python" });
  assert.ok(page.requested.some((u) => u.endsWith(".wasm")), "the wasm was fetched as its own file");
  assert.deepEqual(page.outside, [], "nothing outside the build was requested");
  assert.deepEqual(page.errors, []);
  assert.deepEqual(page.warnings.filter((w) => /wasm|mime/i.test(w)), [], "the wasm streamed without a MIME-type fallback");
});

test("a saved copy of a host page works from disk with the network off", async (t) => {
  const saved = await savedFolder(t, { "index.html": await fixture("saved-page.html") });
  const page = await openUrl(t, saved.url("index.html"), { offline: true });
  await expectShown(page, {
    verdict: "both",
    headline: "You may need both: Node.js and Python",
    projectTypes: ["real-time", "machine-learning"],
    team: "python",
  });
  await widget(page, 'button[data-project-type="machine-learning"]').click();
  await expectShown(page, { projectTypes: ["real-time"], verdict: "node" }, 0, "the widget still responds");
  assert.deepEqual([...page.requested].sort(), [saved.url("index.html"), saved.url("stackweigh.js")].sort(), "only the page and the script");
  assert.deepEqual(page.errors, []);
  assert.equal(CRITERIA.length, Object.keys((await snapshot(page)).weights).length, "every slider is there");
});

test(
  "the hiring kit and the Markdown summary punctuate each red flag once",
  async (t) => {
    const page = await openDist(t);
    // A kit shows once there is an answer to hire for.
    await widget(page, 'button[data-project-type="real-time"]').click();
    const flags = await widget(page, ".sw-flags li").allInnerTexts();
    assert.ok(flags.length > 0, "the kit lists red flags");
    // The share texts are written only while their panel is open.
    await widget(page, "details.sw-share summary").click();
    const summary = await widget(page, "textarea#sw-summary-text").inputValue();
    const doubled = [...flags, ...summary.split("\n")].filter((line) => /\.\.(?!\.)|\.:/.test(line));
    assert.deepEqual(doubled, [], "no doubled punctuation");
  },
);

test("pointing at a part of a score bar hits the segment that part belongs to", async (t) => {
  const page = await openDist(t);
  // The bars' geometry: each segment runs from its start to past the bar's end, under the
  // next, and a rect in the track's colour covers the bar beyond the score. What the
  // pointer hits (and so which tooltip shows) must be the segment drawn there.
  const misses = await page.evaluate(() => {
    const root = document.querySelector("stack-weigh").shadowRoot;
    const misses = [];
    let checked = 0;
    for (const bar of root.querySelectorAll("svg.sw-bar")) {
      // On screen, so that the point hits something.
      bar.scrollIntoView({ block: "center" });
      const box = bar.getBoundingClientRect();
      // The viewBox is 10 points wide, in the chart's units (the weights' sum per point).
      const wide = bar.viewBox.baseVal.width;
      const segments = [...bar.querySelectorAll(".sw-seg")];
      const cover = [...bar.querySelectorAll(".sw-bar-bg")].at(-1);
      const starts = [...segments, cover].map((rect) => Number(rect.getAttribute("x")));
      const hit = (x) => root.elementFromPoint(box.left + (x / wide) * box.width, box.top + box.height / 2);
      segments.forEach((segment, i) => {
        if (starts[i + 1] - starts[i] < wide / 100) return; // under a tenth of a point: too thin to aim at
        checked++;
        const got = hit((starts[i] + starts[i + 1]) / 2);
        if (got !== segment) misses.push(`${segment.textContent}: hit ${got?.textContent || got?.getAttribute("class")}`);
      });
      if (starts.at(-1) < wide * 0.99 && hit((starts.at(-1) + wide) / 2) !== cover) misses.push("past the score, a segment shows");
    }
    return checked >= 4 ? misses : [`only ${checked} segments were wide enough to check`];
  });
  assert.deepEqual(misses, []);
});

test("each slider shows the sources' scores, and a chosen project type shows the sources' verdict and reason without hovering", async (t) => {
  const page = await openDist(t);
  const evidence = await widget(page, '[data-evidence="data-science"] li').allInnerTexts();
  assert.deepEqual(evidence, ["Node.js 3 · limited: not a native ML environment", "Python 9 · the industry standard: TensorFlow, PyTorch"]);
  // Whose they are, said once above the sliders, with the part of each article.
  assert.equal(
    (await widget(page, ".sw-weights > .sw-hint").innerText()).trim(),
    "Scores out of 10. OfflinePixel, “Detailed Comparison” The notes beside them. CompanyBench Editorial, “Node.js vs Python: Side-by-Side Comparison”",
  );

  await widget(page, 'button[data-project-type="machine-learning"]').click();
  await expectShown(page, { verdict: "python", strength: "clear", headline: "Clear: hire Python" });
  const said = widget(page, '.sw-sources [data-project="machine-learning"]');
  assert.ok(await said.isVisible(), "the sources' verdict is on screen, not in a tooltip");
  assert.match(
    await said.innerText(),
    /^Machine learning or AI feature: hire Python\. CompanyBench Editorial, “What You're Building: The Hiring Decision Guide” .*no serious rival\. CompanyBench Editorial, “What Each Technology Is Actually Used For”/,
  );
  assert.equal(await widget(page, 'button[data-project-type="machine-learning"]').getAttribute("title"), null, "no hover-only text");

  // The Markdown summary carries the same verdict and reason.
  await widget(page, "details.sw-share summary").click();
  const summary = await widget(page, "textarea#sw-summary-text").inputValue();
  assert.match(summary, /\*\*Clear: hire Python\.\*\*/);
  assert.match(summary, /### What the sources say\n\n- Machine learning or AI feature: hire Python\. _\(CompanyBench Editorial, “What You're Building: The Hiring Decision Guide”\)_/);
  assert.match(summary, /\| Python \| \d\.\d \|/, "scores out of 10");
  assert.deepEqual(page.errors, []);
});

// Lighthouse docks Best Practices for any console error, and a page that names no icon
// gets one from the browser's request for /favicon.ico (a 404 on most hosts).
test("stackweigh.html and embed.html served over http name an inline icon and request nothing but themselves", async (t) => {
  for (const name of ["stackweigh.html", "embed.html"]) {
    const page = await openHost(t, undefined, { files: { [`/${name}`]: distFile(name) }, path: `/${name}` });
    await expectShown(page, { verdict: "either" });
    const icons = await page.evaluate(() => [...document.querySelectorAll('link[rel~="icon"]')].map((l) => l.getAttribute("href")));
    assert.deepEqual(icons, ["data:,"], `${name}: one icon, inline`);
    assert.deepEqual(page.requested, [`${ORIGIN}/${name}`], `${name}: the page is the only request`);
    assert.deepEqual(page.outside, [], `${name}: nothing failed or left the origin`);
    assert.deepEqual(page.errors, [], `${name}: the console stays clear`);
  }
});
