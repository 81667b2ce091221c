// WebKit for the end-to-end tests: Debian's WebKitGTK MiniBrowser, driven through
// WebKitWebDriver over W3C WebDriver (plain HTTP; a few commands, so no client library).
// MiniBrowser has no headless mode: run the tests under `xvfb-run -a` (cargo xtask test
// does). One MiniBrowser per colour scheme (`--dark-mode` is how it says the reader
// prefers dark), each with its own WebKitWebDriver (which takes one session at a time),
// its one window reused by each test's page in turn.
//
// What classic WebDriver lacks, the adapter makes up for in the page: console errors and
// uncaught errors are recorded by an init script the proxy puts into every page it serves
// (proxy.mjs) and read back with each script's outcome; a file:// page gets the recorder
// once loaded. Frames are listed by visiting each (WebDriver has no frame events), so
// `page.frames()` returns what was last seen and looks again in the background.
import { spawn } from "node:child_process";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { element, errorRecorder } from "./adapter.mjs";

const DRIVER = process.env.WEBKIT_WEBDRIVER ?? "/usr/bin/WebKitWebDriver";
const MINIBROWSER = process.env.MINIBROWSER ?? "/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser";
const ELEMENT = "element-6066-11e4-a52e-4f735466cecf";

/** A GTK user stylesheet for MiniBrowser's own toolbar: at its normal size it keeps the
 * window at least 447 px wide, and the tests need a 320 px viewport. Only GTK's widgets
 * shrink; the page inside is WebKit's and does not read it. */
const SMALL_TOOLBAR = `headerbar, headerbar *, toolbar, toolbar *, entry, button {
  min-width: 0; min-height: 0; padding: 0; margin: 0; font-size: 1px; border: 0;
}
`;

/** WebDriver's code points for Playwright's key names. */
const KEYS = {
  ArrowLeft: "\uE012", ArrowUp: "\uE013", ArrowRight: "\uE014", ArrowDown: "\uE015",
  Home: "\uE011", End: "\uE010", PageUp: "\uE00E", PageDown: "\uE00F",
  Enter: "\uE007", Tab: "\uE004", Escape: "\uE00C", Backspace: "\uE003", Space: " ",
};

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

export class WebKit {
  name = "WebKit";
  /** Classic WebDriver has no console events or init scripts: record them in the page. */
  recordsInPage = true;

  constructor(proxy) {
    this.proxy = proxy;
    this.sessions = {};
    this.servers = {};
  }

  /** A WebKitWebDriver for a colour scheme: each takes one session at a time. */
  async driver(colorScheme) {
    this.servers[colorScheme] ??= (async () => {
      if (!process.env.DISPLAY) throw new Error("WebKit's MiniBrowser needs a display: run the tests under xvfb-run -a");
      const port = await freePort();
      const config = await mkdtemp(path.join(os.tmpdir(), "stackweigh-webkit-"));
      await mkdir(path.join(config, "gtk-3.0"));
      await writeFile(path.join(config, "gtk-3.0", "gtk.css"), SMALL_TOOLBAR);
      const child = spawn(DRIVER, [`--port=${port}`], { stdio: "ignore", env: { ...process.env, XDG_CONFIG_HOME: config } });
      // However the test process ends, the driver ends with it.
      process.on("exit", () => child.kill());
      const url = `http://127.0.0.1:${port}`;
      for (let i = 0; ; i++) {
        try {
          if ((await fetch(`${url}/status`)).ok) return { child, url, config };
        } catch (e) {
          if (i > 100) throw new Error(`WebKitWebDriver did not start: ${e}`);
        }
        await new Promise((r) => setTimeout(r, 50));
      }
    })();
    return this.servers[colorScheme];
  }

  /** The MiniBrowser session for a colour scheme, started on first use. */
  session(colorScheme) {
    this.sessions[colorScheme] ??= (async () => {
      const { url } = await this.driver(colorScheme);
      const args = ["--automation", `--proxy=http://127.0.0.1:${this.proxy.port}`];
      if (colorScheme === "dark") args.push("--dark-mode");
      const created = await request(url, "POST", "/session", {
        capabilities: { alwaysMatch: { browserName: "MiniBrowser", "webkitgtk:browserOptions": { binary: MINIBROWSER, args } } },
      });
      return new Session(`${url}/session/${created.sessionId}`);
    })();
    return this.sessions[colorScheme];
  }

  async newPage({ colorScheme, viewport }) {
    const session = await this.session(colorScheme);
    await session.goto("about:blank");
    await session.setViewport(viewport);
    return new WebKitPage(session, viewport);
  }

  async close() {
    for (const session of Object.values(this.sessions)) await (await session.catch(() => null))?.quit().catch(() => {});
    for (const server of Object.values(this.servers)) {
      const started = await server.catch(() => null);
      started?.child.kill();
      if (started) await rm(started.config, { recursive: true, force: true });
    }
  }
}

async function request(base, method, path, body) {
  const response = await fetch(base + path, {
    method,
    headers: { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const { value } = await response.json();
  if (value?.error) throw new Error(`WebDriver ${method} ${path}: ${value.error}: ${value.message}`);
  return value;
}

/** One MiniBrowser window. Commands are queued: frame switching must not interleave. */
class Session {
  constructor(base) {
    this.base = base;
    this.queue = Promise.resolve();
    this.frame = [];
  }

  send(method, path, body) {
    return request(this.base, method, path, body);
  }

  /** Runs `steps(session)` alone, with `frame` (a list of indices) current. */
  exclusive(frame, steps) {
    const run = this.queue.then(async () => {
      if (frame && String(frame) !== String(this.frame)) {
        await this.send("POST", "/frame", { id: null });
        this.frame = [];
        for (const index of frame) {
          await this.send("POST", "/frame", { id: index });
          this.frame.push(index);
        }
      }
      return steps();
    });
    this.queue = run.catch(() => {});
    return run;
  }

  goto(url) {
    return this.exclusive([], async () => {
      await this.send("POST", "/url", { url });
      this.frame = [];
    });
  }

  /**
   * Sizes the window so the page's viewport is `width` × `height`.
   *
   * The window's frame is what the window is larger than its viewport, and it is measured
   * only while the viewport is still: a resize lands in the window's rect before it lands
   * in `innerWidth`, and in one dimension before the other, so a frame measured in between
   * is wrong. Measured so, the frame once came out negative and WebKitWebDriver refused the
   * width; a frame too tall would leave a late resize to land after this returned.
   */
  setViewport({ width, height }) {
    const viewport = () => this.send("POST", "/execute/sync", { script: "return [innerWidth, innerHeight]", args: [] });
    const pause = () => new Promise((resolve) => setTimeout(resolve, 25));
    const same = (a, b) => a[0] === b[0] && a[1] === b[1];
    const wanted = [width, height];
    // The viewport once it has read the same twice, 25 ms apart (at most about 2 s).
    const still = async () => {
      let last = await viewport();
      for (let i = 0; i < 80; i++) {
        await pause();
        const now = await viewport();
        if (same(now, last)) return now;
        last = now;
      }
      return last;
    };
    return this.exclusive([], async () => {
      let inner = await still();
      for (let i = 0; i < 3 && !same(inner, wanted); i++) {
        const outer = await this.send("GET", "/window/rect");
        const frame = [Math.max(0, outer.width - inner[0]), Math.max(0, outer.height - inner[1])];
        await this.send("POST", "/window/rect", { width: Math.round(width + frame[0]), height: Math.round(height + frame[1]) });
        // Wait for the wanted size, and if it does not come (a window has a minimum
        // size), for the viewport to settle before measuring the frame again.
        for (let wait = 0; wait < 80 && !same(inner, wanted); wait++) {
          await pause();
          inner = await viewport();
        }
        if (!same(inner, wanted)) inner = await still();
      }
      if (!same(inner, wanted)) {
        throw new Error(`MiniBrowser's viewport is ${inner[0]} × ${inner[1]}, not ${width} × ${height}: its window has a minimum size`);
      }
    });
  }

  quit() {
    return this.send("DELETE", "");
  }
}

class WebKitPage {
  recordsInPage = true;
  /** See adapter.mjs's `script`. */
  inTask = true;

  constructor(session, viewport) {
    this.session = session;
    this.viewport = viewport;
    this.seenFrames = [];
    /** The frames clicked in since the last navigation (see activateFrame). */
    this.activated = new Set();
  }

  evaluate(ref, source) {
    return this.session.exclusive(ref ?? [], () =>
      this.session.send("POST", "/execute/async", { script: `const done = arguments[0]; ${source}.then(done, (e) => done(JSON.stringify({ error: String(e) })));`, args: [] }),
    );
  }

  async goto(url) {
    this.activated = new Set();
    await this.session.goto(url);
    // The proxy gave pages it served the recorder; a file:// page gets it now.
    if (!url.startsWith("http:")) await this.evaluate(null, `Promise.resolve((${errorRecorder})())`);
    await this.refreshFrames();
  }

  frames() {
    this.refreshFrames().catch(() => {});
    return this.seenFrames;
  }

  /** Visits every frame, depth first, and keeps their addresses. */
  refreshFrames() {
    return this.session.exclusive([], async () => {
      const found = [];
      const visit = async (path) => {
        const count = await this.session.send("POST", "/execute/sync", { script: "return window.frames.length", args: [] });
        for (let i = 0; i < count; i++) {
          await this.session.send("POST", "/frame", { id: i });
          const url = await this.session.send("POST", "/execute/sync", { script: "return location.href", args: [] });
          found.push({ ref: [...path, i], url });
          await visit([...path, i]);
          await this.session.send("POST", "/frame/parent", {});
        }
      };
      try {
        await visit([]);
      } finally {
        await this.session.send("POST", "/frame", { id: null });
        this.session.frame = [];
      }
      this.seenFrames = found;
    });
  }

  click(ref, steps, position) {
    return this.session.exclusive(ref ?? [], async () => {
      const [target, box] = await this.session.send("POST", "/execute/sync", {
        script: `const e = ${element(steps)}; const r = e.getBoundingClientRect(); return [e, [r.width, r.height]];`,
        args: [],
      });
      if (!position) {
        await this.session.send("POST", `/element/${target[ELEMENT]}/click`, {});
        return;
      }
      // A pointer action's offset is from the element's centre.
      const x = Math.round(position.x - box[0] / 2);
      const y = Math.round(position.y - box[1] / 2);
      await this.pointer([{ type: "pointerMove", origin: target, x, y }]);
    });
  }

  clickAt(x, y) {
    return this.session.exclusive([], () => this.pointer([{ type: "pointerMove", origin: "viewport", x: Math.round(x), y: Math.round(y) }]));
  }

  pointer(moves) {
    return this.session.send("POST", "/actions", {
      actions: [{
        type: "pointer", id: "mouse", parameters: { pointerType: "mouse" },
        actions: [...moves, { type: "pointerDown", button: 0 }, { type: "pointerUp", button: 0 }],
      }],
    });
  }

  /** A key on the real keyboard, to whatever has focus. */
  press(_ref, key) {
    const value = KEYS[key] ?? key;
    return this.session.exclusive([], () =>
      this.session.send("POST", "/actions", { actions: [{ type: "key", id: "keyboard", actions: [{ type: "keyDown", value }, { type: "keyUp", value }] }] }),
    );
  }

  /** A key pressed on an element: WebDriver's Element Send Keys, which focuses the
   * element the way a reader would, frame included, before the key. */
  pressOn(ref, steps, key) {
    const value = KEYS[key] ?? key;
    return this.session.exclusive([], async () => {
      // WebKit lets no script focus an element in a cross-origin frame the reader has not
      // clicked in (nor WebDriver, which focuses by script): click its corner first.
      if (ref?.length) await this.activateFrame(ref);
      // WebKit finds an element outside its frame's viewport not focusable; focusing it
      // (as Playwright does before a key) would scroll it into view anyway.
      const target = await this.session.send("POST", "/execute/sync", {
        script: `const e = ${element(steps)}; e.scrollIntoView({ block: "nearest" }); return e;`,
        args: [],
      });
      await this.session.send("POST", `/element/${target[ELEMENT]}/value`, { text: value });
    });
  }

  /** Clicks each frame on the way down to `ref` in its top left corner (its page's
   * margin, away from any control), once per frame and page. Leaves `ref` current. */
  async activateFrame(ref) {
    const send = (method, path, body) => this.session.send(method, path, body);
    await send("POST", "/frame", { id: null });
    this.session.frame = [];
    for (const [depth, index] of ref.entries()) {
      const path = String(ref.slice(0, depth + 1));
      if (!this.activated.has(path)) {
        const [frame, box] = await send("POST", "/execute/sync", {
          script: "const f = [...document.querySelectorAll('iframe, frame')][arguments[0]]; f.scrollIntoView({ block: 'nearest' }); const r = f.getBoundingClientRect(); return [f, [r.width, r.height]];",
          args: [index],
        });
        await this.pointer([{ type: "pointerMove", origin: frame, x: Math.round(-box[0] / 2 + 2), y: Math.round(-box[1] / 2 + 2) }]);
        this.activated.add(path);
      }
      await send("POST", "/frame", { id: index });
      this.session.frame.push(index);
    }
  }

  /** A PNG of the viewport, or of the whole page: the window made as tall as the page. */
  async screenshot({ path, fullPage = false } = {}) {
    let png;
    if (fullPage) {
      const height = await this.session.exclusive([], () => this.session.send("POST", "/execute/sync", { script: "return Math.ceil(document.documentElement.scrollHeight)", args: [] }));
      await this.session.setViewport({ width: this.viewport.width, height });
      // The resized window paints in frames of its own: a picture taken at once can be
      // blank where the page has not been painted yet.
      await this.session.exclusive([], () =>
        this.session.send("POST", "/execute/async", {
          script: "const done = arguments[0]; requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(done, 100)));",
          args: [],
        }),
      );
      png = await this.session.exclusive([], () => this.session.send("GET", "/screenshot"));
      await this.session.setViewport(this.viewport);
    } else {
      png = await this.session.exclusive([], () => this.session.send("GET", "/screenshot"));
    }
    const buffer = Buffer.from(png, "base64");
    if (path) await writeFile(path, buffer);
    return buffer;
  }

  async close() {
    await this.session.goto("about:blank").catch(() => {});
  }
}
