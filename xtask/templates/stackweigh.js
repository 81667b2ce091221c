{{! The one-file script, dist/stackweigh.js: see xtask/src/templates.rs for the
    placeholders and these comments, which are not shipped. The header names no end tag
    of a script: terser writes one in a comment as `<\/script>`, which a reader would copy.

    Everything lives inside one IIFE, so wasm-bindgen's `let wasm_bindgen` and
    `defineStackWeigh` stay private instead of becoming page globals. A second copy of
    the script returns at once: the first copy already defined the element. }}
/*! stackweigh {{version}}: the <stack-weigh> widget in one classic script.
 * Load it once, with a script element whose src is stackweigh.js, then add
 * <stack-weigh></stack-weigh> where the widget goes.
 * The WebAssembly is inlined below; nothing else is loaded. */
(function () {
"use strict";
if (typeof customElements === "undefined" || customElements.get("stack-weigh")) return;
{{glue}}
{{element}}
{{! `stackweighWasm()` returns the module's bytes. This is the one place that knows how
    the wasm is embedded, so the encoding can be swapped here alone.

    `packed_base64` is the module packed with LZMA before base64: base64 hides the byte
    patterns gzip would find, while base64 over packed bytes costs almost nothing after
    the server's gzip. `unpacker_hex` (the stackweigh-unpack crate, a small wasm inlined
    as it is) undoes it synchronously, in its own memory, which is dropped once the
    module's bytes are copied out. The unpacker itself is not packed, so it goes in as
    hex: each byte is two whole characters, and gzip still finds the module's repeats,
    which base64's 6-bit groups scatter. docs/performance.md has what each choice saves. }}
function stackweighBytes(b64) {
  if (typeof Uint8Array.fromBase64 === "function") return Uint8Array.fromBase64(b64);
  var bin = atob(b64), bytes = new Uint8Array(bin.length);
  for (var i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  return bytes;
}
function stackweighHex(hex) {
  if (typeof Uint8Array.fromHex === "function") return Uint8Array.fromHex(hex);
  var bytes = new Uint8Array(hex.length >> 1);
  for (var i = 0; i < bytes.length; i++) bytes[i] = parseInt(hex.substr(2 * i, 2), 16);
  return bytes;
}
function stackweighWasm() {
  var unpacker = new WebAssembly.Instance(new WebAssembly.Module(stackweighHex("{{unpacker_hex}}"))).exports;
  var packed = stackweighBytes("{{packed_base64}}"), size = {{wasm_len}};
  var memory = unpacker.memory, at = unpacker.base(), end = at + packed.length + size;
  if (end > memory.buffer.byteLength) memory.grow(Math.ceil((end - memory.buffer.byteLength) / 65536));
  new Uint8Array(memory.buffer, at, packed.length).set(packed);
  var damage = unpacker.unpack(packed.length, size);
  if (damage) throw new Error("the inlined module is damaged (code " + damage + ")");
  return new Uint8Array(memory.buffer, at + packed.length, size);
}
{{! The element is defined at once, but the module is unpacked, compiled and started
    only when the first widget mounts (see src/embed/element.js): a widget far down a
    post costs the post nothing until the reader gets near it. The script's address is
    read now, while `document.currentScript` still names it. A module that cannot start
    throws to the element, which logs it and leaves the fallback content in place; it is
    not tried again. }}
var stackweighScript = (document.currentScript && document.currentScript.src) || "";
var stackweighBindings = null, stackweighFailure = null;
function stackweighLoad() {
  if (stackweighFailure) throw stackweighFailure;
  if (!stackweighBindings) {
    try {
      wasm_bindgen.initSync({ module: new WebAssembly.Module(stackweighWasm()) });
      wasm_bindgen.set_script_address(stackweighScript);
      stackweighBindings = wasm_bindgen;
    } catch (e) {
      stackweighFailure = e;
      throw e;
    }
  }
  return stackweighBindings;
}
{{! The widget's stylesheet and its default view, rendered at build time (xtask/src/
    snapshot.rs): an element shows them before the module is unpacked. The view is
    returned by a function, so a page whose widget waits below the fold only pre-parses
    it; the first element to need it builds it. }}
defineStackWeigh(stackweighLoad, { css: {{css}}, view: function () { return {{view}}; } });
})();
