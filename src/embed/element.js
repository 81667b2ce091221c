// The <stack-weigh> custom element. Deliberately thin: it forwards the element's
// lifecycle to the Rust side (src/embed.rs), which owns the shadow root, the
// attributes, the events and the Yew app. `load()` returns the wasm-bindgen exports,
// starting the module the first time it is called: from the inlined classic script
// (stackweigh.js), which unpacks and compiles it then, or from Trunk's module loader.
//
// Hosts add, move, hide and remove elements in every way (a single-page site does it on
// each navigation), so the element acts on the state it is left in, not on each callback:
// every callback only asks for one `#settle()`, a microtask later, when the task that
// moved the element or changed its attributes is over. Then
// - an element in the document without an instance gets one (mount), or waits until it
//   comes near the screen (see below);
// - an element out of the document with an instance gives it back (free), and the
//   instance keeps nothing alive after that;
// - an element that stayed gets one update for all its attribute changes.
// So a move (out and back in within one task) keeps the instance and its state; an
// element added and removed within one task never mounts and never sends an event; and
// a thousand setAttribute calls in one task make one update and at most one change
// event. `display: none` changes nothing: the element stays in the document.
//
// A widget far down a long post costs the post nothing until the reader gets near it: it
// mounts (and the first one starts the module) only within a screen of the viewport, and
// its children, the fallback, show until then. It mounts at once with `loading="eager"`,
// for printing, when the page's link carries its state (`sync-url` with a fragment), and
// where the browser has no IntersectionObserver.
function defineStackWeigh(load) {
  if (!window.customElements || customElements.get("stack-weigh")) return;

  /** How far outside the viewport a widget starts mounting: one screen. */
  const NEAR = "100% 0px";

  class StackWeigh extends HTMLElement {
    /** The Rust instance (`Widget`) while the element is in the document. */
    #widget = null;
    #settling = false;
    #attributesChanged = false;
    /** Waiting to come near the viewport. */
    #waiting = false;

    /** Elements waiting to come near the viewport; one observer for all of them. */
    static #lazy = null;
    static #printing = false;

    static get observedAttributes() {
      return ["preset", "weights", "team", "theme", "sync-url", "loading"];
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
          this.#stopWaiting();
          if (this.#widget) {
            this.#widget.free();
            this.#widget = null;
          }
        } else if (!this.#widget) {
          if (this.#eager()) this.#mount();
          else this.#wait();
        } else if (attributesChanged) {
          this.#widget.attributes_changed();
        }
      });
    }
    /** Whether to mount now rather than when the reader gets near. */
    #eager() {
      if (this.getAttribute("loading") === "eager" || StackWeigh.#printing) return true;
      if (typeof IntersectionObserver !== "function") return true;
      if (this.hasAttribute("sync-url") && location.hash.length > 1) return true;
      // Near the screen already (or not laid out, as when hidden): no reason to wait.
      const box = this.getBoundingClientRect();
      return box.top < 2 * innerHeight && box.bottom > -innerHeight;
    }
    #wait() {
      if (this.#waiting) return;
      this.#waiting = true;
      StackWeigh.#observer().observe(this);
    }
    #stopWaiting() {
      if (!this.#waiting) return;
      this.#waiting = false;
      StackWeigh.#lazy?.unobserve(this);
    }
    #mount() {
      this.#stopWaiting();
      // A module that cannot start must not throw into the host page: the fallback stays.
      try {
        this.#widget = load().Widget.mount(this);
      } catch (e) {
        console.error("stackweigh: the widget could not start", e);
      }
    }
    static #observer() {
      if (!StackWeigh.#lazy) {
        StackWeigh.#lazy = new IntersectionObserver(
          (entries) => {
            for (const entry of entries) {
              if (entry.isIntersecting && entry.target.isConnected && !entry.target.#widget) entry.target.#mount();
            }
          },
          { rootMargin: NEAR },
        );
        // Paper shows every widget: mount the waiting ones before the page is printed.
        addEventListener("beforeprint", () => {
          StackWeigh.#printing = true;
          for (const element of document.querySelectorAll("stack-weigh")) {
            if (element instanceof StackWeigh && element.#waiting) element.#mount();
          }
        });
      }
      return StackWeigh.#lazy;
    }
  }
  customElements.define("stack-weigh", StackWeigh);
}
