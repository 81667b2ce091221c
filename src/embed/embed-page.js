// The page script of dist/embed.html, the widget alone for an iframe (assembled by
// xtask/src/dist/pages.rs). It runs before stackweigh.js, so the widget starts in the right
// theme. It is the page's, not the widget's: the widget reads its state from the
// fragment itself (`sync-url`).
//
// 1. The fragment's `theme=` goes to the widget's `theme` attribute (whose reader checks
//    it) and to the page, whose background then matches the widget's.
// 2. After every change of the document's height, the parent page hears it in the three
//    forms hosts listen for: Embedly's (Medium) JSON string, WordPress's object with the
//    secret WordPress put in the address (`#?secret=…`), and our own documented object.
//
// Nothing here may throw into the page: in a sandboxed frame (`sandbox="allow-scripts"`)
// the parent is another origin, and with no parent there is no one to tell.
(function () {
  "use strict";
  var widget = document.querySelector("stack-weigh");
  var fragment = location.hash.slice(1);
  // WordPress appends `#?secret=…` to the address it embeds, after any fragment of ours:
  // the same split as the widget's reader (stackweigh-core, encoding.rs).
  var ours = fragment.charAt(0) === "?" ? "" : fragment.split("#")[0];
  var added = fragment.slice(ours.length);
  var secret = (/[?&]secret=([A-Za-z0-9]+)/.exec(added) || [])[1];

  ours.split("&").forEach(function (part) {
    if (part.indexOf("theme=") !== 0) return;
    var theme = part.slice("theme=".length);
    if (widget) widget.setAttribute("theme", theme);
    document.documentElement.setAttribute("data-theme", theme);
  });

  if (window.parent === window) return;
  var sent = 0;

  function post(message) {
    try {
      window.parent.postMessage(message, "*");
    } catch (e) {
      // A message that cannot be sent changes nothing in the widget.
    }
  }

  // The document's own height, not the frame's: the root element is as tall as its
  // content, whatever height the host gave the frame.
  function tell() {
    var height = Math.ceil(document.documentElement.getBoundingClientRect().height);
    if (height === sent || height <= 0) return;
    sent = height;
    post(JSON.stringify({ src: location.href, context: "iframe.resize", height: height }));
    if (secret) post({ message: "height", value: height, secret: secret });
    post({ "stackweigh:height": height });
  }

  // WordPress's host script says "ready" once it listens, which may be after our first
  // message: it hears the height again then.
  window.addEventListener("message", function (e) {
    var data = e.data;
    if (e.source === window.parent && secret && data && data.message === "ready" && data.secret === secret) {
      sent = 0;
      tell();
    }
  });

  if (typeof ResizeObserver === "function") {
    new ResizeObserver(tell).observe(document.documentElement);
  } else {
    window.addEventListener("load", tell);
  }
})();
