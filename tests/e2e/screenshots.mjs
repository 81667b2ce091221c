// Screenshots of the shipped page for the docs (run by `cargo xtask screenshots`, not a
// test): dist/stackweigh.html at 360 and 1024 px, light and dark, full page, with the
// hiring kit open, into docs/screenshots/{width}-{scheme}.png.
import { mkdir } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { launch, dist, distUrl } from "./support.mjs";
import { rendered } from "./fixtures/dom.mjs";

const out = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../docs/screenshots");
await mkdir(out, { recursive: true });

const browser = await launch();
try {
  for (const width of [360, 1024]) {
    for (const colorScheme of ["light", "dark"]) {
      const context = await browser.newContext({ colorScheme, viewport: { width, height: 900 }, deviceScaleFactor: 1 });
      try {
        const page = await context.newPage();
        await page.goto(distUrl("stackweigh.html"));
        await rendered(page);
        const kits = await page.evaluate(() => {
          const kits = document.querySelector("stack-weigh").shadowRoot.querySelectorAll("details.sw-kit");
          for (const kit of kits) kit.open = true;
          return kits.length;
        });
        if (kits === 0) throw new Error("no hiring kit panel to open");
        // The focus ring and caret have no place in a picture.
        await page.evaluate(() => document.activeElement?.blur());
        const file = path.join(out, `${width}-${colorScheme}.png`);
        await page.screenshot({ path: file, fullPage: true, animations: "disabled", caret: "hide" });
        console.log(file);
      } finally {
        await context.close();
      }
    }
  }
  // The link cards' image: dist/embed.html as a card shows it (1200 × 630, the size Open
  // Graph and Twitter's large card ask for), into dist/card.png, where `cargo xtask dist
  // --base-url` finds it.
  const context = await browser.newContext({ colorScheme: "light", viewport: { width: 1200, height: 630 }, deviceScaleFactor: 1 });
  try {
    const page = await context.newPage();
    await page.goto(distUrl("embed.html"));
    await rendered(page);
    const card = path.join(dist, "card.png");
    await page.screenshot({ path: card, animations: "disabled", caret: "hide" });
    console.log(card);
  } finally {
    await context.close();
  }
} finally {
  await browser.close();
}
