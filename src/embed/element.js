// The <stack-weigh> custom element. Deliberately thin: it forwards the element's
// lifecycle to the Rust side (src/embed.rs), which owns the shadow root, the
// attributes, the events and the Yew app. `bindings` are the wasm-bindgen exports,
// from the inlined classic script (stackweigh.js) or from Trunk's module loader.
function defineStackWeigh(bindings) {
  if (!window.customElements || customElements.get("stack-weigh")) return;
  class StackWeigh extends HTMLElement {
    static get observedAttributes() {
      return ["preset", "weights", "team", "theme", "sync-url"];
    }
    connectedCallback() {
      if (!this._widget) this._widget = bindings.Widget.mount(this);
    }
    disconnectedCallback() {
      // A move within the page disconnects and reconnects in one task; only an element
      // that stays out of the document gives its instance back.
      queueMicrotask(() => {
        if (!this.isConnected && this._widget) {
          this._widget.free();
          this._widget = null;
        }
      });
    }
    attributeChangedCallback(name, oldValue, newValue) {
      if (this._widget && oldValue !== newValue) this._widget.attribute_changed(name, newValue);
    }
  }
  customElements.define("stack-weigh", StackWeigh);
}
