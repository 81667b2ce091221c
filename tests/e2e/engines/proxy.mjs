// The in-memory origin for Firefox and WebKit: an HTTP proxy on loopback that the browser
// sends every http request to. Playwright answers Chromium's requests itself
// (context.route); the Debian Firefox and WebKit builds have no such hook that works the
// same way in both, but both take a proxy. The proxy hands each request to the route
// handler of the context that asked last (the tests run one at a time, and a test uses
// its newest page), so support.mjs's pageWith serves the same files in every engine.
//
// Engines without init scripts (WebKit's WebDriver) get them here instead: every HTML
// page the proxy serves starts with a same-origin <script src> that runs them, which
// strict CSP and Trusted Types both allow. Its requests are left out of what pages see.
import http from "node:http";

/** The path of the injected init script; never a file of a test. */
export const INIT_PATH = "/__stackweigh-engine-init.js";

export class Proxy {
  constructor() {
    /** Contexts that route, newest last; each has `handle(request)` and `initScript()`. */
    this.contexts = [];
    this.offline = false;
    /** Whether HTML pages get the init script (engines without init scripts of their own). */
    this.inject = false;
    /** Hosts only the browser itself calls (its own services): refused, never reported. */
    this.ownHosts = null;
    this.server = http.createServer((req, res) => this.serve(req, res).catch((e) => {
      res.writeHead(500);
      res.end(String(e));
    }));
    // HTTPS (CONNECT) is refused: nothing a test serves is https, and nothing may leave.
    this.server.on("connect", (req, socket) => {
      if (!this.ownHosts?.test(req.url)) this.current()?.outsideRequest(`https://${req.url}`);
      socket.end("HTTP/1.1 403 Forbidden\r\n\r\n");
    });
  }

  async start() {
    await new Promise((resolve) => this.server.listen(0, "127.0.0.1", resolve));
    this.port = this.server.address().port;
    return this;
  }

  close() {
    this.server.closeAllConnections?.();
    return new Promise((resolve) => this.server.close(resolve));
  }

  add(context) {
    this.contexts.push(context);
  }

  remove(context) {
    this.contexts = this.contexts.filter((c) => c !== context);
  }

  current() {
    return this.contexts.at(-1);
  }

  async serve(req, res) {
    const url = new URL(req.url, "http://unknown.invalid");
    const context = this.current();
    if (this.ownHosts?.test(url.host)) {
      res.writeHead(404);
      res.end();
      return;
    }
    if (url.pathname === INIT_PATH && context) {
      res.writeHead(200, { "content-type": "text/javascript", "cache-control": "no-store" });
      res.end(context.initScript());
      return;
    }
    // A page that names no icon gets the browser's own guess at /favicon.ico, for its
    // tab, which Chromium headless never makes: a 404, not shown as the page's request.
    // An icon the page names goes through like any other request.
    if (url.pathname === "/favicon.ico" && !(await context?.serves(url.href))) {
      res.writeHead(404);
      res.end();
      return;
    }
    if (!context || this.offline) {
      res.writeHead(502);
      res.end();
      return;
    }
    const answer = await context.handle({ url: url.href, method: req.method });
    if (!answer) {
      // Aborted: a connection reset is what the page would see of a failed request.
      req.socket.destroy();
      return;
    }
    let { status = 200, body = "", headers = {} } = answer;
    const type = Object.entries(headers).find(([k]) => k.toLowerCase() === "content-type")?.[1] ?? "";
    if (this.inject && type.startsWith("text/html")) {
      const text = Buffer.isBuffer(body) ? body.toString("utf8") : String(body);
      // MiniBrowser fetches an icon for its tab from every page that names none (Chromium
      // headless never does), at /favicon.ico against the page's <base href> and its CSP:
      // a request and a CSP violation that are the browser's, not the page's. An inline
      // empty icon stops it, even under default-src 'none'.
      const icon = /<link[^>]+rel=["']?[^"'>]*icon/i.test(text) ? "" : `<link rel="icon" href="data:,">`;
      const tag = `<script src="${INIT_PATH}"></script>${icon}`;
      // After <head>, or else after the doctype (a tag before it would mean quirks mode).
      const at = /<head[^>]*>/i.exec(text) ?? /^\s*<!doctype[^>]*>/i.exec(text);
      body = at ? text.slice(0, at.index + at[0].length) + tag + text.slice(at.index + at[0].length) : tag + text;
    }
    res.writeHead(status, { "cache-control": "no-store", ...headers });
    res.end(body);
  }
}
