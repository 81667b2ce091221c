// Firefox for the end-to-end tests: Debian's firefox-esr, driven by puppeteer-core over
// WebDriver BiDi (no geckodriver: Debian has none, and BiDi needs none). One browser per
// colour scheme, since Firefox takes prefers-color-scheme from a pref read at launch and
// BiDi cannot emulate it; each test context is a BiDi user context of its own.
import puppeteer from "puppeteer-core";
import { element } from "./adapter.mjs";

const executablePath = process.env.FIREFOX ?? "/usr/bin/firefox-esr";

/** Playwright's key names that puppeteer spells otherwise. */
const KEYS = { " ": "Space" };

export class Firefox {
  name = "Firefox";
  /** Hosts Firefox's own services call (settings, updates, and puppeteer's dummy.test
   * stand-ins for them): the browser's requests, never a page's, so not reported. */
  ownHosts = /(^|\.)(mozilla\.(com|net|org)|firefox\.com|mozaws\.net|dummy\.test)(:\d+)?$/;
  /** BiDi gives us the console, errors and init scripts: nothing to record in the page. */
  recordsInPage = false;

  constructor(proxy, { secure } = {}) {
    this.proxy = proxy;
    this.secure = secure;
    this.browsers = {};
  }

  /** The browser for a colour scheme, launched on first use. */
  browser(colorScheme) {
    this.browsers[colorScheme] ??= puppeteer.launch({
      browser: "firefox",
      executablePath,
      headless: true,
      extraPrefsFirefox: {
        // Every http request goes to the proxy, loopback and the fake origin included.
        "network.proxy.type": 1,
        "network.proxy.http": "127.0.0.1",
        "network.proxy.http_port": this.proxy.port,
        "network.proxy.ssl": "127.0.0.1",
        "network.proxy.ssl_port": this.proxy.port,
        "network.proxy.allow_hijacking_localhost": true,
        "network.proxy.no_proxies_on": "",
        // Real host pages are https: the fake origin is a secure context too, when asked
        // (the Clipboard API needs one), as Chromium's switch for it makes it.
        ...(this.secure ? { "dom.securecontext.allowlist": new URL(this.secure).hostname } : {}),
        // 0 is dark, 1 light: what the page sees as the reader's setting.
        "layout.css.prefers-color-scheme.content-override": colorScheme === "dark" ? 0 : 1,
        // Plain http stays plain http: no upgrade to https, no https-first.
        "dom.security.https_first": false,
        "dom.security.https_first_schemeless": false,
        "network.dns.disableIPv6": true,
        // A request the proxy refuses (it closes the connection) fails once, as an aborted
        // route does in Chromium, instead of being tried again up to ten times.
        "network.http.request.max-attempts": 1,
        // No tab icon: a page that names none would have Firefox fetch /favicon.ico for
        // its tab (against the page's CSP, too), which Chromium headless never does. The
        // shipped pages name an inline icon, which a test checks.
        "browser.chrome.site_icons": false,
        // Scrollbars over the page, as on a phone and in headless Chromium: a classic one
        // would take 12 px of a 360 px viewport's width.
        "ui.useOverlayScrollbars": 1,
        "widget.gtk.overlay-scrollbars.enabled": true,
        "browser.shell.checkDefaultBrowser": false,
      },
    });
    return this.browsers[colorScheme];
  }

  async newPage({ colorScheme, viewport }) {
    const browser = await this.browser(colorScheme);
    const context = await browser.createBrowserContext();
    const page = await context.newPage();
    await page.setViewport({ width: viewport.width, height: viewport.height, deviceScaleFactor: 1 });
    return new FirefoxPage(page, context);
  }

  async close() {
    for (const browser of Object.values(this.browsers)) await (await browser).close().catch(() => {});
  }
}

class FirefoxPage {
  recordsInPage = false;

  constructor(page, context) {
    this.raw = page;
    this.context = context;
    page.on("console", (m) => {
      const type = m.type() === "warn" ? "warning" : m.type();
      this.page?.emit("console", { type: () => type, text: () => m.text() });
    });
    page.on("pageerror", (e) => this.page?.emit("pageerror", e));
  }

  frame(ref) {
    return ref ?? this.raw.mainFrame();
  }

  evaluate(ref, source) {
    return this.frame(ref).evaluate(source);
  }

  addInitScript(source) {
    return this.raw.evaluateOnNewDocument(source);
  }

  async goto(url) {
    await this.raw.goto(url, { waitUntil: "load" });
  }

  frames() {
    return this.raw
      .mainFrame()
      .childFrames()
      .flatMap(function all(f) {
        return [f, ...f.childFrames().flatMap(all)];
      })
      .map((f) => ({ ref: f, url: f.url() }));
  }

  async click(ref, steps, position) {
    const handle = await this.frame(ref).evaluateHandle(element(steps));
    try {
      await handle.click(position ? { offset: position } : {});
    } finally {
      await handle.dispose();
    }
  }

  clickAt(x, y) {
    return this.raw.mouse.click(x, y);
  }

  press(_ref, key) {
    return this.raw.keyboard.press(KEYS[key] ?? key);
  }

  screenshot({ path, fullPage = false }) {
    return this.raw.screenshot({ path, fullPage });
  }

  async close() {
    await this.context.close();
  }
}

