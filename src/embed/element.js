// The <stack-weigh> custom element. Deliberately thin: it forwards the element's
// lifecycle to the Rust side (src/embed.rs), which owns the shadow root, the
// attributes, the events and the Yew app. `bindings` are the wasm-bindgen exports,
// from the inlined classic script (stackweigh.js) or from Trunk's module loader.
//
// Hosts add, move, hide and remove elements in every way (a single-page site does it on
// each navigation), so the element acts on the state it is left in, not on each callback:
// every callback only asks for one `#settle()`, a microtask later, when the task that
// moved the element or changed its attributes is over. Then
// - an element in the document without an instance gets one (mount);
// - an element out of the document with an instance gives it back (free), and the
//   instance keeps nothing alive after that;
// - an element that stayed gets one update for all its attribute changes.
// So a move (out and back in within one task) keeps the instance and its state; an
// element added and removed within one task never mounts and never sends an event; and
// a thousand setAttribute calls in one task make one update and at most one change
// event. `display: none` changes nothing: the element stays in the document.
function defineStackWeigh(bindings) {
  if (!window.customElements || customElements.get("stack-weigh")) return;
  class StackWeigh extends HTMLElement {
    /** The Rust instance (`Widget`) while the element is in the document. */
    #widget = null;
    #settling = false;
    #attributesChanged = false;

    static get observedAttributes() {
      return ["preset", "weights", "team", "theme", "sync-url"];
    }
    connectedCallback() {
      this.#settle();
    }
    disconnectedCallback() {
      this.#settle();
    }
    attributeChangedCallback(name, oldValue, newValue) {
      if (oldValue === newValue) return;
      this.#attributesChanged = true;
      this.#settle();
    }
    #settle() {
      if (this.#settling) return;
      this.#settling = true;
      queueMicrotask(() => {
        this.#settling = false;
        // A mount reads every attribute, so changes made before it need no update.
        const attributesChanged = this.#attributesChanged;
        this.#attributesChanged = false;
        if (!this.isConnected) {
          if (this.#widget) {
            this.#widget.free();
            this.#widget = null;
          }
        } else if (!this.#widget) {
          this.#widget = bindings.Widget.mount(this);
        } else if (attributesChanged) {
          this.#widget.attributes_changed();
        }
      });
    }
  }
  customElements.define("stack-weigh", StackWeigh);
}
