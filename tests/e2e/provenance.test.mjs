// Two project types at once, and whose each sentence is: the answer the sources give for a
// product that is two things, the "ours" mark on our own rules, and the same headings in
// the widget and in its Markdown summary.
import { test } from "node:test";
import assert from "node:assert/strict";
import { expectShown, hostHtml, openDist, openHost, openPanels, widget } from "./fixtures/widget.mjs";

test("a REST API with a data pipeline may need both, for the sources' reason", async (t) => {
  const page = await openDist(t);
  await widget(page, 'button[data-project-type="rest-api"]').click();
  await widget(page, 'button[data-project-type="data-pipeline"]').click();
  await expectShown(page, { verdict: "both", projectTypes: ["rest-api", "data-pipeline"] });
  assert.match(await widget(page, ".sw-verdict-text").innerText(), /^You may need both/);
  // CompanyBench's bottom line, with the heading it comes from, visible to the reader.
  const sign = page.locator("stack-weigh .sw-both-lines li").first();
  assert.match(await sign.innerText(), /web or mobile product backend .* data or AI dimension/);
  const mark = sign.locator(".sw-whose");
  assert.equal(await mark.getAttribute("data-whose"), "source");
  assert.equal(await mark.innerText(), "CompanyBench Editorial, “The Bottom Line”");
  assert.ok(await mark.isVisible(), "the source is shown, not only in a tooltip");
});

test("our hiring order carries a visible 'ours' mark; the sources' note beside it does not", async (t) => {
  const page = await openHost(t, hostHtml('<stack-weigh preset="real-time,machine-learning"></stack-weigh>'));
  const order = page.locator("stack-weigh .sw-both-lines li", { hasText: "start with" });
  const ours = order.locator('.sw-whose[data-whose="ours"]');
  assert.ok(await ours.isVisible(), "the hiring order is marked as ours");
  assert.equal(await ours.innerText(), "ours: Hiring order");
  const box = await ours.boundingBox();
  assert.ok(box && box.width > 10 && box.height > 5, `the mark has room on screen: ${JSON.stringify(box)}`);
  const note = page.locator("stack-weigh .sw-both-lines li", { hasText: "Node.js exposure" });
  assert.equal(await note.locator(".sw-whose").getAttribute("data-whose"), "source");
});

test("the widget and its Markdown summary show the same headings and marks", async (t) => {
  const page = await openHost(t, hostHtml('<stack-weigh preset="rest-api,machine-learning" team="python"></stack-weigh>'));
  await openPanels(page);
  const html = await page.evaluate(() => {
    const root = document.querySelector("stack-weigh").shadowRoot;
    const text = (el) => el.firstChild.textContent.trim();
    return {
      answer: [...root.querySelectorAll(".sw-result .sw-subhead")].map(text),
      kits: [...root.querySelectorAll(".sw-kit:not([hidden]) .sw-kit-head")].map(text),
      both: root.querySelector(".sw-both > summary")?.textContent ?? null,
      // The chart's caption stays out: the summary gives the scores as a table instead.
      ours: root.querySelectorAll('.sw-result .sw-whose[data-whose="ours"]:not(.sw-chart-caption *), .sw-kits > :not([hidden]) .sw-whose[data-whose="ours"]').length,
    };
  });
  const markdown = await widget(page, "textarea#sw-summary-text").inputValue();
  for (const heading of html.answer) {
    assert.match(markdown, new RegExp(`^### ${heading}\\b`, "m"), `the summary has the answer's heading “${heading}”`);
  }
  assert.ok(html.kits.length >= 4, `the kits have headings: ${html.kits}`);
  for (const heading of html.kits) {
    assert.match(markdown, new RegExp(`^\\*\\*${heading}\\*\\*`, "m"), `the summary has the kit heading “${heading}”`);
  }
  assert.ok(html.both, "the advice on hiring both is shown");
  assert.match(markdown, new RegExp(`^### ${html.both}$`, "m"), "and titled alike in the summary");
  // Every mark of ours in the widget is one in the summary too.
  const oursInMarkdown = (markdown.match(/_\(ours: /g) ?? []).length;
  assert.ok(html.ours > 0 && oursInMarkdown >= html.ours, `ours: ${html.ours} in the widget, ${oursInMarkdown} in the summary`);
  // No kit heading is shown without anything under it.
  assert.ok(!html.kits.includes("Pay") || /\$\d/.test(markdown), "a Pay heading comes with pay");
});
