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
//
// The one-file script also passes `prerendered`: the widget's stylesheet as text and its
// default view (no attributes), rendered at build time by Yew's server renderer, as a
// function returning a compact node list (`[tag, [name, value, …], …children]` or a text). An element that is
// about to mount gets, synchronously and before the module is unpacked, its shadow root,
// the stylesheet and that view, so the reader sees the widget in the first frame; the
// module starts after that frame, and the app replaces the view in one step once its
// first render is complete (no blank frame; the same markup, so no shift). Nodes are
// built with createElement and setAttribute, never parsed from HTML: nothing here is a
// Trusted Types sink. An element whose state differs from the default (preset, weights,
// team, a custom dataset, a link with state) gets the same view invisible and inert
// instead: room of about the height it will take, never another state's answer.
// What the reader does on the view before the app is live (a click on a button, a chip, a
// radio or a panel's summary, a slider moved by mouse or keys) is recorded and done again
// on the live app, in order, once it is ready.
function defineStackWeigh(load, prerendered) {
  if (!window.customElements || customElements.get("stack-weigh")) return;

  /** How far outside the viewport a widget starts mounting: one screen. */
  const NEAR = "100% 0px";
  const SVG = "http://www.w3.org/2000/svg";
  /** How long the module waits for the frame with the prerendered view, at most. */
  const STARTING_AT_LATEST_MS = 100;
  /** The attributes that make an element's first view differ from the default one. */
  const STATEFUL = ["preset", "weights", "team"];

  /** The stylesheet and the default view, built once and cloned for each element; null
   * where they cannot be (no prerendered view, or no constructed stylesheets). */
  let shared;
  function prerenderedView() {
    if (shared !== undefined) return shared;
    shared = null;
    if (!prerendered) return null;
    try {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(prerendered.css);
      const root = document.createElement("div");
      root.className = "sw-root";
      // The app's own root replaces this one, so the mark goes with it: anyone looking
      // into the shadow root (the end-to-end tests) tells the view from the live app.
      root.setAttribute("data-prerendered", "");
      for (const node of prerendered.view()) root.append(build(node, false));
      shared = { sheet, root };
    } catch (e) {
      console.error("stackweigh: the prerendered view could not be built", e);
    }
    return shared;
  }
  function build(node, svg) {
    if (typeof node === "string") return document.createTextNode(node);
    const [tag, attributes, ...children] = node;
    const inSvg = svg || tag === "svg";
    const element = inSvg ? document.createElementNS(SVG, tag) : document.createElement(tag);
    for (let i = 0; i < attributes.length; i += 2) element.setAttribute(attributes[i], attributes[i + 1]);
    for (const child of children) element.append(build(child, inSvg));
    return element;
  }
  /** Where `element` is under `root`, as element-child indices: the live app renders the
   * same elements as the view, while its text nodes may be split differently. */
  function pathOf(element, root) {
    const path = [];
    for (let at = element; at !== root; at = at.parentNode) {
      if (!at || !at.parentNode) return null;
      path.unshift(Array.prototype.indexOf.call(at.parentNode.children, at));
    }
    return path;
  }
  function atPath(root, path) {
    let at = root;
    for (const i of path) at = at && at.children[i];
    return at || null;
  }

  class StackWeigh extends HTMLElement {
    /** The Rust instance (`Widget`) while the element is in the document. */
    #widget = null;
    #settling = false;
    #attributesChanged = false;
    /** Waiting to come near the viewport. */
    #waiting = false;
    /** The reader's actions on the prerendered view, to do again on the live app. */
    #early = null;

    /** Elements waiting to come near the viewport; one observer for all of them. */
    static #lazy = null;
    static #printing = false;
    /** Elements whose prerendered view is up, waiting for the frame that paints it. */
    static #afterFrame = null;

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
          if (this.#eager()) this.#start();
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
    /** Shows the prerendered view, then mounts once the frame with it is painted; without
     * a view (Trunk's build, whose module is already running), mounts at once. */
    #start() {
      this.#stopWaiting();
      if (!this.#prerender()) return this.#mount();
      StackWeigh.#mountAfterFrame(this);
    }
    /** Mounts `element` in the task after the next frame, with every other element waiting
     * for that frame: in one task, as before there was a first view, so ten widgets are
     * not laid out again between each one's mount. */
    static #mountAfterFrame(element) {
      if (StackWeigh.#afterFrame) return void StackWeigh.#afterFrame.add(element);
      const waiting = (StackWeigh.#afterFrame = new Set([element]));
      let atLatest = 0;
      const go = () => {
        // A pending timer would keep a removed element alive.
        clearTimeout(atLatest);
        if (StackWeigh.#afterFrame !== waiting) return;
        StackWeigh.#afterFrame = null;
        for (const e of waiting) if (e.isConnected && !e.#widget) e.#mount();
      };
      // rAF runs just before the frame is painted, and the task it queues just after. A
      // hidden page paints no frames: it starts at once. A frame the browser does not
      // render (an iframe out of view) runs no rAF either: the timer starts it then.
      if (document.visibilityState === "hidden") setTimeout(go);
      else requestAnimationFrame(() => setTimeout(go));
      atLatest = setTimeout(go, STARTING_AT_LATEST_MS);
    }
    /** Puts the prerendered view (or, for another state, the invisible room it takes) into
     * the shadow root, unless something is there already; false without a view. */
    #prerender() {
      const view = prerenderedView();
      if (!view) return false;
      let shadow = this.shadowRoot;
      // A declarative shadow root (the pasted snippet reserves the widget's room with one)
      // is emptied and handed over by attachShadow; any other root is kept as it is.
      if (!shadow || !shadow.adoptedStyleSheets.includes(view.sheet)) {
        try {
          shadow = this.attachShadow({ mode: "open" });
        } catch {
          if (!shadow) return false;
        }
        shadow.adoptedStyleSheets = [view.sheet];
      }
      if (shadow.childElementCount > 0 && shadow.querySelector(".sw-root")) return true;
      const root = view.root.cloneNode(true);
      const theme = this.getAttribute("theme");
      if (theme === "light" || theme === "dark") root.firstElementChild?.setAttribute("data-theme", theme);
      const stateful =
        STATEFUL.some((name) => this.hasAttribute(name)) ||
        this.querySelector(":scope > script[type='application/json']") !== null ||
        (this.hasAttribute("sync-url") && location.hash.length > 1);
      if (stateful) {
        root.setAttribute("data-placeholder", "");
        root.inert = true;
      } else {
        this.#record(shadow);
      }
      shadow.replaceChildren(root);
      return true;
    }
    /** Records what the reader does on the prerendered view until the app is ready, then
     * does it again there: the app renders the same elements, so each is found by its
     * place. A slider keeps only its last value; the focus follows to the live control. */
    #record(shadow) {
      const early = (this.#early = { actions: [], focus: null });
      const record = (event) => {
        const target = event.composedPath()[0];
        if (!(target instanceof Element)) return;
        if (event.type === "focusin") {
          early.focus = pathOf(target, shadow);
          return;
        }
        if (event.type === "focusout") {
          // Focus that leaves for the page stays there: only focus lost with the view
          // (the app replacing it, which may send a focusout of its own) is given back.
          if (event.relatedTarget && shadow.contains(event.relatedTarget)) return;
          queueMicrotask(() => {
            if (target.isConnected) early.focus = null;
          });
          return;
        }
        if (event.type === "input") {
          if (target.type !== "range") return;
          const path = pathOf(target, shadow);
          if (!path) return;
          const key = path.join();
          early.actions = early.actions.filter((a) => a.key !== key);
          early.actions.push({ key, path, tag: target.tagName, value: target.value });
          return;
        }
        // A click on a label reaches its control as a click of its own.
        const control = target.closest("button, summary, input[type=radio], input[type=checkbox]");
        const path = control && pathOf(control, shadow);
        if (path) early.actions.push({ key: null, path, tag: control.tagName, click: true });
      };
      const types = ["click", "input", "focusin", "focusout"];
      for (const type of types) shadow.addEventListener(type, record, true);
      this.addEventListener(
        "stackweigh:ready",
        () => {
          for (const type of types) shadow.removeEventListener(type, record, true);
          if (this.#early === early) this.#early = null;
          for (const action of early.actions) {
            const element = atPath(shadow, action.path);
            if (!element || element.tagName !== action.tag) continue;
            if (action.click) element.click();
            else {
              element.value = action.value;
              element.dispatchEvent(new Event("input", { bubbles: true }));
            }
          }
          const focused = early.focus && atPath(shadow, early.focus);
          if (focused && !shadow.activeElement && (document.activeElement === document.body || document.activeElement === this)) focused.focus();
        },
        { once: true },
      );
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
              if (entry.isIntersecting && entry.target.isConnected && !entry.target.#widget) entry.target.#start();
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
