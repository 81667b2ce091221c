// Shared set-up for the end-to-end tests: the browser (headless Chromium from Debian,
// or Firefox or WebKit through engines/adapter.mjs, which gives them Playwright's API),
// the shipped files from dist/, and a fake origin served from memory so no test touches
// a network.
import { chromium } from "playwright-core";
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { launchWith } from "./engines/adapter.mjs";
import { Firefox } from "./engines/firefox.mjs";
import { WebKit } from "./engines/webkit.mjs";

const here = path.dirname(fileURLToPath(import.meta.url));
export const dist = process.env.STACKWEIGH_DIST ?? path.resolve(here, "../../dist");
const executablePath = process.env.CHROMIUM ?? "/usr/bin/chromium";

/** The engine this run tests in: `chromium` (the default), `firefox` or `webkit`. */
export const ENGINE = process.env.STACKWEIGH_ENGINE ?? "chromium";
const ENGINES = { chromium: null, firefox: Firefox, webkit: WebKit };
if (!(ENGINE in ENGINES)) throw new Error(`STACKWEIGH_ENGINE=${ENGINE}: use one of ${Object.keys(ENGINES).join(", ")}`);

/**
 * For node:test's `skip` option: runs the test only in `engines`, and otherwise skips it
 * with `why`, which the run's output shows. E.g.
 * `test("…", { skip: onlyIn(["chromium"], "it reads Chromium's heap counters") }, …)`.
 */
export function onlyIn(engines, why) {
  return engines.includes(ENGINE) ? false : `not in ${ENGINE}: ${why}`;
}

/**
 * How each engine words the console error it logs when a policy blocks something, for
 * the tests that check it was logged: CSP, and Trusted Types (Chromium names the type
 * refused; Firefox names the directive). WebKit's console cannot be read over WebDriver;
 * the adapter logs each policy violation report there instead (engines/adapter.mjs).
 */
export const LOGGED = {
  chromium: { csp: /Content Security Policy/, trustedTypes: /TrustedHTML/ },
  firefox: { csp: /Content-Security-Policy/, trustedTypes: /require-trusted-types-for/ },
  webkit: { csp: /Content Security Policy/, trustedTypes: /require-trusted-types-for/ },
}[ENGINE];

/** What a sandboxed frame (`sandbox="allow-scripts"`) may do: Firefox lets it write the
 * clipboard after a click, where Chromium and WebKit refuse. */
export const SANDBOX = { copies: ENGINE === "firefox" };

/** The origin our in-memory pages are served from; nothing ever resolves it. */
export const ORIGIN = "http://stackweigh.test";

/** The strictest policy a host can set that still lets the widget run: scripts only from
 * the page's origin, plus WebAssembly; styles only from it (the widget's are constructed). */
export const STRICT_CSP = "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";
/** Trusted Types enforced, with no policy allowed: no HTML sink may take a string. */
export const TRUSTED_TYPES = "require-trusted-types-for 'script'; trusted-types 'none'";

/** `args`: extra Chromium switches, e.g. to treat ORIGIN as a secure context. */
export async function launch({ args = [] } = {}) {
  // Firefox and WebKit take no Chromium switches. The one the tests pass, to make the
  // fake origin a secure context, has a pref in Firefox (engines/firefox.mjs); WebKit
  // has none, so there the origin stays plain http and copying falls back to selecting.
  const secure = args.find((a) => a.startsWith("--unsafely-treat-insecure-origin-as-secure="))?.split("=")[1];
  if (ENGINES[ENGINE]) return launchWith(ENGINES[ENGINE], { secure });
  return chromium.launch({
    executablePath,
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-dev-shm-usage",
      "--disable-background-networking",
      "--disable-component-update",
      "--no-first-run",
      "--disable-sync",
      ...args,
    ],
  });
}

export function distFile(name) {
  return readFileSync(path.join(dist, name));
}

export function distUrl(name) {
  return pathToFileURL(path.join(dist, name)).href;
}

/**
 * A page whose requests are all answered from `files` ({ "/path": body or {body, headers,
 * delayMs} }) under ORIGIN, a file with `delayMs` that much later, as a slow server would.
 * Anything else is aborted and recorded in `page.outside`, so a test can assert that the
 * widget asked for nothing.
 */
export async function pageWith(browser, files = {}, { colorScheme = "light", width = 1024, height = 900 } = {}) {
  const context = await browser.newContext({ colorScheme, viewport: { width, height } });
  const page = await context.newPage();
  page.outside = [];
  page.errors = [];
  page.on("pageerror", (e) => page.errors.push(String(e)));
  page.on("console", (m) => {
    if (m.type() === "error") page.errors.push(m.text());
  });
  await context.route("**/*", async (route) => {
    const url = new URL(route.request().url());
    const file = url.origin === ORIGIN ? files[url.pathname] : undefined;
    if (file === undefined) {
      if (!url.protocol.startsWith("file") && !url.protocol.startsWith("data")) page.outside.push(url.href);
      return url.protocol === "file:" ? route.continue() : route.abort();
    }
    const { body, headers = {}, delayMs = 0 } = typeof file === "object" && !Buffer.isBuffer(file) && "body" in file ? file : { body: file };
    if (delayMs > 0) await new Promise((resolve) => setTimeout(resolve, delayMs));
    const type = contentType(url.pathname);
    return route.fulfill({ status: 200, body, headers: { "content-type": type, ...headers } });
  });
  return page;
}

/** Content types by file extension; anything else is served as HTML. */
const CONTENT_TYPES = {
  ".js": "text/javascript",
  ".mjs": "text/javascript",
  ".wasm": "application/wasm",
  ".css": "text/css",
  ".json": "application/json",
  ".svg": "image/svg+xml",
  ".png": "image/png",
};

function contentType(pathname) {
  return CONTENT_TYPES[path.posix.extname(pathname)] ?? "text/html; charset=utf-8";
}
