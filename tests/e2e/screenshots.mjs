// Screenshots of the shipped page for the docs (run by `cargo xtask screenshots`, not a
// test): dist/stackweigh.html at 360 and 1024 px, light and dark, full page, into
// docs/screenshots/{width}-{scheme}.png. The page opens on a link that chooses a project
// type (a real-time app), so the pictures show an answer, what the sources say for it,
// and its hiring kit, opened. Then one phone screen, scrolled to the sliders, with the
// compact answer bar: docs/screenshots/360-sliders.png. And the link cards' picture,
// dist/embed.html at 1200 × 630: dist/card.png.
//
// Run with STACKWEIGH_ENGINE=firefox or webkit (cargo xtask screenshots runs all three),
// the same pictures but the card come out as docs/screenshots/{engine}-{width}-….png,
// to compare the engines; the README shows Chromium's.
import { mkdir } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { ENGINE, launch, dist, distUrl } from "./support.mjs";
import { rendered } from "./fixtures/dom.mjs";

const out = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../docs/screenshots");
await mkdir(out, { recursive: true });

const browser = await launch();

/** In the page: takes the focus off whatever has it, inside the widget's shadow root too
 * (blurring the element alone leaves the control inside focused in Firefox). */
function blurAll() {
  let focused = document.activeElement;
  while (focused?.shadowRoot?.activeElement) focused = focused.shadowRoot.activeElement;
  focused?.blur();
  document.activeElement?.blur();
}
/** docs/screenshots/ file names: Chromium's as the README names them, others prefixed. */
const named = (name) => path.join(out, ENGINE === "chromium" ? name : `${ENGINE}-${name}`);

/** One viewport-sized picture of `url` in the light scheme, after `prepare(page)`. */
async function shoot(viewport, url, file, prepare = async () => {}) {
  const context = await browser.newContext({ colorScheme: "light", viewport, deviceScaleFactor: 1 });
  try {
    const page = await context.newPage();
    await page.goto(url);
    await rendered(page);
    await prepare(page);
    await page.evaluate(blurAll);
    await page.screenshot({ path: file, animations: "disabled", caret: "hide" });
    console.log(file);
  } finally {
    await context.close();
  }
}
try {
  for (const width of [360, 1024]) {
    for (const colorScheme of ["light", "dark"]) {
      const context = await browser.newContext({ colorScheme, viewport: { width, height: 900 }, deviceScaleFactor: 1 });
      try {
        const page = await context.newPage();
        await page.goto(distUrl("stackweigh.html") + "#preset=real-time");
        await rendered(page);
        const kits = await page.evaluate(() => {
          const kits = document.querySelector("stack-weigh").shadowRoot.querySelectorAll("details.sw-kit");
          for (const kit of kits) kit.open = true;
          return kits.length;
        });
        if (kits === 0) throw new Error("no hiring kit panel to open");
        // The focus ring and caret have no place in a picture.
        await page.evaluate(blurAll);
        const file = named(`${width}-${colorScheme}.png`);
        await page.screenshot({ path: file, fullPage: true, animations: "disabled", caret: "hide" });
        console.log(file);
      } finally {
        await context.close();
      }
    }
  }
  // A phone, scrolled to the sliders, with one of them moved: what a reader sees while
  // sliding, the answer bar stuck to the bottom of the screen.
  await shoot({ width: 360, height: 740 }, distUrl("stackweigh.html") + "#preset=real-time", named("360-sliders.png"), async (page) => {
    await page.locator("stack-weigh").locator('input[type=range][data-criterion="learning-curve"]').fill("9");
    await page.locator("stack-weigh").locator('[data-criterion-row="data-science"]').evaluate((e) => e.scrollIntoView({ block: "start" }));
  });
  // The link cards' image: dist/embed.html as a card shows it (1200 × 630, the size Open
  // Graph and Twitter's large card ask for), into dist/card.png, where `cargo xtask dist
  // --base-url` finds it.
  if (ENGINE === "chromium") await shoot({ width: 1200, height: 630 }, distUrl("embed.html"), path.join(dist, "card.png"));
} finally {
  await browser.close();
}
