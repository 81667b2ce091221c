// Accessibility: axe-core (WCAG 2.0–2.2 A and AA rules) over the shipped page and a host
// page, light and dark, with every panel open; and no sideways scrolling at 320 px.
import { test } from "node:test";
import assert from "node:assert/strict";
import { createRequire } from "node:module";
import { distUrl } from "./support.mjs";
import { hostHtml, openDist, openHost, openPanels, openUrl } from "./fixtures/widget.mjs";

const AXE = createRequire(import.meta.url).resolve("axe-core/axe.min.js");
const RULES = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

/** Opens every panel, runs axe over the document (it enters open shadow roots) and
 * returns the violations and how many nodes inside a shadow root it checked. */
async function audit(page) {
  await openPanels(page);
  await page.addScriptTag({ path: AXE });
  return page.evaluate(async (runOnly) => {
    const result = await axe.run(document, { runOnly });
    const inShadow = (node) => Array.isArray(node.target[0]) || node.target.length > 1;
    return {
      violations: result.violations.map((v) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        nodes: v.nodes.map((n) => ({ target: n.target.flat().join(" >>> "), html: n.html.slice(0, 160), summary: n.failureSummary })),
      })),
      shadowNodesChecked: result.passes.flatMap((p) => p.nodes).filter(inShadow).length,
      contrastChecked: result.passes.filter((p) => p.id === "color-contrast").flatMap((p) => p.nodes).filter(inShadow).length,
    };
  }, RULES);
}

function assertClean(report, where) {
  assert.ok(report.shadowNodesChecked > 50, `${where}: axe looked inside the shadow root (${report.shadowNodesChecked} nodes)`);
  assert.ok(report.contrastChecked > 20, `${where}: colour contrast was checked inside the widget (${report.contrastChecked} nodes)`);
  assert.deepEqual(report.violations, [], `${where}: axe violations:\n${JSON.stringify(report.violations, null, 2)}`);
}

for (const colorScheme of ["light", "dark"]) {
  test(`stackweigh.html has no axe violations in the ${colorScheme} scheme, panels open`, async (t) => {
    const page = await openDist(t, undefined, { colorScheme });
    assertClean(await audit(page), `stackweigh.html, ${colorScheme}`);
  });

  test(`a host page with theme="dark" and theme="light" widgets has no axe violations (${colorScheme} scheme)`, async (t) => {
    const body =
      '<main><h1>Two themed widgets</h1>' +
      '<stack-weigh theme="dark" preset="real-time,machine-learning"></stack-weigh>' +
      '<stack-weigh theme="light" weights="data-science:10,full-stack-js:0" team="python"></stack-weigh></main>';
    const page = await openHost(t, hostHtml(body), { colorScheme });
    assertClean(await audit(page), `host page, ${colorScheme} scheme`);
  });
}

test("stackweigh.html with a theme set to dark by attribute has no axe violations", async (t) => {
  const page = await openDist(t, undefined, { colorScheme: "light" });
  await page.evaluate(() => document.querySelector("stack-weigh").setAttribute("theme", "dark"));
  await page.waitForFunction(() => document.querySelector("stack-weigh").shadowRoot.querySelector(".sw").dataset.theme === "dark");
  // Buttons fade between themes; contrast measured mid-fade would be neither theme's.
  await page.waitForFunction(() => document.querySelector("stack-weigh").shadowRoot.getAnimations().length === 0);
  assertClean(await audit(page), "stackweigh.html, theme=dark");
});

for (const [name, fragment] of [
  ["the default result", ""],
  ["hire both, both hiring kits", "#preset=real-time,machine-learning&team=python"],
]) {
  test(`at 320 px wide nothing scrolls sideways with every panel open: ${name}`, async (t) => {
    const page = await openUrl(t, distUrl("stackweigh.html") + fragment, { width: 320, height: 640 });
    await openPanels(page);
    const layout = await page.evaluate(() => {
      const root = document.querySelector("stack-weigh").shadowRoot;
      // An SVG's content is clipped to the SVG (its overflow is hidden), and a score bar's
      // segments reach far past its end on purpose (`score_chart.rs`): measure them as drawn.
      const right = (e) => {
        const svg = e.parentElement?.closest("svg");
        const own = e.getBoundingClientRect().right;
        return svg ? Math.min(own, svg.getBoundingClientRect().right) : own;
      };
      const beyond = [...root.querySelectorAll("*")]
        .filter((e) => right(e) > document.documentElement.clientWidth + 0.5)
        .map((e) => `${e.tagName.toLowerCase()}.${e.getAttribute("class") ?? ""}`);
      return {
        scrollWidth: document.documentElement.scrollWidth,
        panels: root.querySelectorAll("details[open]").length,
        beyond,
      };
    });
    assert.ok(layout.panels >= 3, `the panels are open (${layout.panels})`);
    assert.ok(layout.scrollWidth <= 320, `no horizontal scroll (scrollWidth ${layout.scrollWidth})`);
    assert.deepEqual(layout.beyond, [], "no element of the widget sticks out past the viewport");
  });
}

test("at 360 px, scrolled to the sliders with the answer bar on screen, axe finds no violation", async (t) => {
  const page = await openDist(t, undefined, { width: 360, height: 740 });
  const root = page.locator("stack-weigh");
  await root.locator('input[type=range][data-criterion="hiring-cost"]').scrollIntoViewIfNeeded();
  const bar = await root.locator(".sw-answer-bar").boundingBox();
  assert.ok(bar && bar.y >= 0 && bar.y + bar.height <= 740, `the bar is on screen (${JSON.stringify(bar)})`);
  assertClean(await audit(page), "stackweigh.html at 360 px, answer bar showing");
});
