// The tests' own footing in each engine: what every other test relies on the browser (or
// engines/adapter.mjs, in Firefox and WebKit) to report. If a page's errors or requests
// went unseen in an engine, every "no error" and "nothing requested" there would pass
// whatever the widget did; these fail instead. They run in Chromium too, which holds the
// adapter to what Playwright does.
import { test } from "node:test";
import assert from "node:assert/strict";
import { ORIGIN } from "./support.mjs";
import { eventually, hostHtml, openHost } from "./fixtures/widget.mjs";

test("an uncaught error, a console.error and a request that leaves the origin all show up", async (t) => {
  const page = await openHost(t, hostHtml("<p>A page with no widget.</p>", { script: null }), { wait: false });
  await page.evaluate(() => {
    setTimeout(() => {
      throw new Error("thrown by the page");
    });
    console.error("logged by the page");
    fetch("http://elsewhere.invalid/tracker.gif").catch(() => {});
  });
  await eventually(async () => {
    await page.evaluate(() => 0);
    assert.ok(page.errors.some((e) => /thrown by the page/.test(e)), `the thrown error (${JSON.stringify(page.errors)})`);
    assert.ok(page.errors.some((e) => /logged by the page/.test(e)), `the logged error (${JSON.stringify(page.errors)})`);
    assert.deepEqual(page.outside, ["http://elsewhere.invalid/tracker.gif"]);
  });
  assert.ok(page.requested.includes(`${ORIGIN}/page.html`), "the page's own request is seen too");
});

test("an init script runs before the page's own scripts, and a test's script runs in one task", async (t) => {
  const page = await openHost(t, hostHtml('<script>window.__seenByPage = window.__init === true;</script>', { script: null }), {
    wait: false,
    init: [() => (window.__init = true)],
  });
  assert.equal(await page.evaluate(() => window.__seenByPage), true, "the page saw what the init script set");
  const order = await page.evaluate(() => {
    const seen = [];
    queueMicrotask(() => seen.push("microtask"));
    customElements.define("x-probe", class extends HTMLElement {
      connectedCallback() {
        seen.push("connected");
      }
    });
    document.body.append(document.createElement("x-probe"));
    seen.push("after append");
    return new Promise((resolve) => setTimeout(() => resolve(seen)));
  });
  assert.deepEqual(order, ["connected", "after append", "microtask"], "no microtask ran inside the script's task");
});
