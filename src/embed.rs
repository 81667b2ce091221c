//! The Rust half of `<stack-weigh>` (the JS half, `embed/element.js`, only forwards the
//! element's lifecycle here). It gives each element a shadow root with the shared
//! stylesheet, reads the attributes and an optional custom dataset, mounts the Yew app,
//! and frees it when the element leaves the page, keeping nothing of it but an empty Yew
//! root for the next instance (see [`Root`]).

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use stackweigh_core::read::{read_json, Json, Kind};
use stackweigh_core::start::{resolve, Requested};
use stackweigh_core::{evaluate, Choices, Dataset, DatasetError, Outcome, Settings};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
#[cfg(feature = "styles")]
use web_sys::CssStyleSheet;
use web_sys::{Element, HtmlElement, ShadowRoot, ShadowRootInit, ShadowRootMode};
use yew::{html, AppHandle, AttrValue, Callback, Html, Properties, Renderer};

use crate::app::{App, AppProps};
use crate::events::{self, HostEvent};
use crate::state::Shared;

/// A custom dataset larger than this is refused unread: no comparison needs it.
const MAX_DATASET_BYTES: usize = 512 * 1024;

thread_local! {
    /// One parsed stylesheet, adopted by every instance's shadow root.
    #[cfg(feature = "styles")]
    static SHEET: RefCell<Option<CssStyleSheet>> = const { RefCell::new(None) };
    /// Shadow roots of live instances, for the panic notice.
    pub(crate) static SHADOWS: RefCell<Vec<ShadowRoot>> = const { RefCell::new(Vec::new()) };
    /// Every custom dataset text read on this page, and what it gave. A dataset is kept for
    /// the life of the page (see the core's schema.rs), so an element mounted again with
    /// the same text, as single-page sites do on every navigation, reads nothing anew.
    static READ: RefCell<Vec<(String, Result<&'static Dataset, String>)>> =
        const { RefCell::new(Vec::new()) };
    /// Yew roots that freed instances left behind, for the next mounts (see [`Root`]).
    static IDLE_ROOTS: RefCell<Vec<Root>> = const { RefCell::new(Vec::new()) };
    /// Numbers each mount, so an instance rendered into a reused root starts afresh.
    static MOUNTS: Cell<u64> = const { Cell::new(0) };
    /// Where `embed.html` is, for the share panel's iframe snippet and link.
    static EMBED_PAGE: RefCell<AttrValue> = const { RefCell::new(AttrValue::Static("embed.html")) };
}

/// The element a Yew app renders into, with the app. Yew (0.23) puts its event listeners on
/// that element and never takes them off, even when the app is destroyed: they are
/// forgotten closures holding the app's event registry, which holds the element, so the
/// element, its listeners and the registry stay in memory for good, in JavaScript and in
/// the wasm, and every mount would add another set. So a root is never destroyed: a freed
/// instance empties it and leaves it in [`IDLE_ROOTS`], and the next mount renders into
/// it once Yew has emptied it. A page holds about as many roots as it ever showed
/// instances at once.
struct Root {
    element: Element,
    app: AppHandle<Host>,
}

#[derive(Properties, PartialEq)]
struct HostProps {
    /// The instance to show, numbered by its mount; `None` while the root is idle.
    app: Option<(u64, AppProps)>,
}

/// What a [`Root`] shows: one instance's [`App`], or nothing. The mount's number is the
/// App's key: should one Yew pass ever take an instance out and put the next one in, the
/// next still gets a new App (new state), never the last one's with new props.
#[yew::component]
fn Host(props: &HostProps) -> Html {
    match &props.app {
        Some((mount, app)) => html! { <App key={*mount} ..app.clone() /> },
        None => Html::default(),
    }
}

/// One `<stack-weigh>` element's instance. Freed from JS when the element is removed.
#[wasm_bindgen]
pub struct Widget {
    host: HtmlElement,
    root: Option<Root>,
    mount: u64,
    shadow: Option<ShadowRoot>,
    dataset: Shared<Dataset>,
    dataset_problem: Option<String>,
    on_first_render: Callback<()>,
    /// Set once `on_first_render` has put the root on the page, or when the instance is
    /// freed before that: later calls (App's first effect can come after either) must
    /// not put the root back into this element's shadow root.
    first_render_done: Rc<Cell<bool>>,
    on_change: Callback<(Choices, Shared<Outcome>)>,
}

#[wasm_bindgen]
impl Widget {
    /// Renders the widget into `host`'s shadow root. Never throws into the host page: a
    /// failure is logged and leaves the element's fallback content in place.
    pub fn mount(host: HtmlElement) -> Widget {
        let (dataset, dataset_problem) = read_dataset(&host);
        let on_change = Callback::from({
            let (host, dataset) = (host.clone(), dataset.clone());
            move |(choices, outcome): (Choices, Shared<Outcome>)| {
                // Taken off the page in the task of the change: the element frees this
                // instance in a moment, and a removed widget sends nothing.
                if host.is_connected() {
                    events::send(&host, HostEvent::Change, &dataset, &choices, &outcome)
                }
            }
        });
        let mount = MOUNTS.with(|mounts| {
            mounts.set(mounts.get() + 1);
            mounts.get()
        });
        let mut widget = Widget {
            host,
            root: None,
            mount,
            shadow: None,
            dataset,
            dataset_problem,
            on_first_render: Callback::noop(),
            first_render_done: Rc::default(),
            on_change,
        };
        match widget.render() {
            Ok(()) => {}
            Err(e) => {
                web_sys::console::error_2(&JsValue::from_str("stackweigh: could not start"), &e)
            }
        }
        widget
    }

    /// Called by the element once after any number of changes to the observed attributes
    /// (it gathers a task's changes into one call): reads them all again.
    /// The link decided the start only: from now on the attributes do.
    pub fn attributes_changed(&mut self) {
        let props = self.host_props(self.props(false));
        if let Some(root) = self.root.as_mut() {
            root.app.update(props);
        }
    }
}

impl Widget {
    fn render(&mut self) -> Result<(), JsValue> {
        let shadow = shadow_root(&self.host)?;
        adopt_styles(&shadow)?;
        let document = self
            .host
            .owner_document()
            .ok_or("the element has no document")?;
        // An idle root whose last App Yew has not taken out yet (it does so in its next
        // pass) is left for a later mount: `on_first_render` below takes an empty root
        // for one not rendered yet.
        let reused = IDLE_ROOTS.with(|idle| {
            let mut idle = idle.borrow_mut();
            let empty = idle.iter().position(|r| !r.element.has_child_nodes())?;
            Some(idle.swap_remove(empty))
        });
        let root = match &reused {
            Some(reused) => reused.element.clone(),
            None => {
                let root = document.create_element("div")?;
                root.set_class_name("sw-root");
                root
            }
        };
        SHADOWS.with(|shadows| shadows.borrow_mut().push(shadow.clone()));
        // The first render builds the DOM off the page, so the browser never styles and
        // lays out a half-built widget. The root goes in, and `stackweigh:ready` goes out,
        // once that render is complete: from the task queued below, which runs right
        // after Yew's first pass, or from App's first effect if that comes sooner. A first
        // render past Yew's 16 ms budget makes it yield before running effects, and
        // without the queued task the browser would paint an empty widget in that gap.
        let props = self.props(true);
        self.on_first_render = Callback::from({
            let (shadow, root, host) = (shadow.clone(), root.clone(), self.host.clone());
            let done = Rc::clone(&self.first_render_done);
            let (dataset, start) = (props.dataset.clone(), props.start.clone());
            move |()| {
                // Already on the page, or freed. Or not yet rendered (the root is empty):
                // Yew was already mid-yield for another instance when this one mounted,
                // so the queued task came first, and App's effect follows.
                if done.get() || !root.has_child_nodes() {
                    return;
                }
                done.set(true);
                // A re-mount (the element was removed and put back) replaces the old root.
                shadow.replace_children_with_node_1(&root);
                // Taken off the page before its first render: the element frees this
                // instance in a moment, and the page hears nothing from it.
                if !host.is_connected() {
                    return;
                }
                // What App starts from: its own effects may not have run yet.
                let outcome = evaluate(&dataset, &start.choices);
                events::send(&host, HostEvent::Ready, &dataset, &start.choices, &outcome);
            }
        });
        let props = self.host_props(AppProps {
            on_first_render: self.on_first_render.clone(),
            ..props
        });
        self.root = Some(match reused {
            Some(mut reused) => {
                reused.app.update(props);
                reused
            }
            None => Root {
                app: Renderer::<Host>::with_root_and_props(root.clone(), props).render(),
                element: root,
            },
        });
        let attach = self.on_first_render.clone();
        yew::platform::spawn_local(async move { attach.emit(()) });
        self.shadow = Some(shadow);
        Ok(())
    }

    fn host_props(&self, props: AppProps) -> HostProps {
        HostProps {
            app: Some((self.mount, props)),
        }
    }

    /// The App's props for the element as it is now; the page link is read only when it
    /// may decide the start (`at_start`), and only with `sync-url`.
    fn props(&self, at_start: bool) -> AppProps {
        let attribute = |name: &str| self.host.get_attribute(name);
        let sync_url = self.host.has_attribute("sync-url");
        let link = (at_start && sync_url)
            .then(|| web_sys::window().and_then(|w| w.location().hash().ok()))
            .flatten();
        let requested = Requested {
            settings: Settings {
                preset: attribute("preset"),
                weights: attribute("weights"),
                team: attribute("team"),
            },
            theme: attribute("theme"),
            link,
            dataset_problem: self.dataset_problem.clone(),
        };
        AppProps {
            dataset: self.dataset.clone(),
            start: Rc::new(resolve(&self.dataset, &requested)).into(),
            embed_page: EMBED_PAGE.with(|page| page.borrow().clone()),
            sync_url,
            on_first_render: self.on_first_render.clone(),
            on_change: self.on_change.clone(),
        }
    }
}

impl Drop for Widget {
    /// Takes the App out of its root, which ends everything it started (the link's
    /// pending update, its callbacks), and leaves the root, off the page, for the next
    /// mount. The Widget's own callbacks go with it.
    fn drop(&mut self) {
        self.first_render_done.set(true);
        if let Some(shadow) = self.shadow.take() {
            SHADOWS.with(|shadows| shadows.borrow_mut().retain(|s| s != &shadow));
        }
        if let Some(mut root) = self.root.take() {
            root.app.update(HostProps { app: None });
            root.element.remove();
            IDLE_ROOTS.with(|idle| idle.borrow_mut().push(root));
        }
    }
}

fn shadow_root(host: &HtmlElement) -> Result<ShadowRoot, JsValue> {
    match host.shadow_root() {
        Some(shadow) => Ok(shadow),
        None => host.attach_shadow(&ShadowRootInit::new(ShadowRootMode::Open)),
    }
}

/// A constructed stylesheet rather than a `<style>` element: it is parsed once for all
/// instances, and a strict `style-src` policy on the host page does not block it. The
/// one-file script adopts it itself, with the prerendered view, before the wasm starts;
/// its wasm has no stylesheet of its own (no `styles` feature) and keeps that one.
fn adopt_styles(shadow: &ShadowRoot) -> Result<(), JsValue> {
    if shadow.adopted_style_sheets().length() > 0 {
        return Ok(());
    }
    #[cfg(feature = "styles")]
    {
        let sheet = SHEET.with(|cell| -> Result<CssStyleSheet, JsValue> {
            if let Some(sheet) = cell.borrow().as_ref() {
                return Ok(sheet.clone());
            }
            let sheet = CssStyleSheet::new()?;
            sheet.replace_sync(crate::STYLES)?;
            *cell.borrow_mut() = Some(sheet.clone());
            Ok(sheet)
        })?;
        shadow.set_adopted_style_sheets(&js_sys::Array::of1(&sheet));
    }
    Ok(())
}

/// A custom dataset from its JSON text: the core checks the text and reads the values the
/// browser's `JSON.parse` makes of it.
pub fn dataset_from_json(text: &str) -> Result<Dataset, DatasetError> {
    read_json(text, |text| {
        js_sys::JSON::parse(text)
            .map(Parsed)
            .map_err(|e| String::from(js_sys::Error::from(e).message()))
    })
}

/// A value `JSON.parse` made, as the core's reader asks about it.
struct Parsed(JsValue);

impl Json for Parsed {
    fn kind(&self) -> Kind {
        let value = &self.0;
        if value.as_bool().is_some() {
            Kind::Bool
        } else if value.as_f64().is_some() {
            Kind::Number
        } else if value.is_string() {
            Kind::String
        } else if js_sys::Array::is_array(value) {
            Kind::Array
        } else if value.is_object() {
            Kind::Object
        } else {
            Kind::Null
        }
    }

    fn as_bool(&self) -> Option<bool> {
        self.0.as_bool()
    }

    fn as_f64(&self) -> Option<f64> {
        self.0.as_f64()
    }

    fn as_text(&self) -> Option<String> {
        self.0.as_string()
    }

    fn into_elements(self) -> Vec<Self> {
        match self.0.dyn_into::<js_sys::Array>() {
            Ok(items) => items.iter().map(Parsed).collect(),
            Err(_) => Vec::new(),
        }
    }

    fn into_members(self) -> Vec<(String, Self)> {
        if !self.0.is_object() {
            return Vec::new();
        }
        js_sys::Object::entries(self.0.unchecked_ref())
            .iter()
            .map(|entry| {
                let entry: js_sys::Array = entry.unchecked_into();
                (
                    entry.get(0).as_string().unwrap_or_default(),
                    Parsed(entry.get(1)),
                )
            })
            .collect()
    }
}

/// The built-in dataset, or the custom one in a `<script type="application/json">` child.
/// A refused custom dataset falls back to the built-in one, with the reason.
fn read_dataset(host: &HtmlElement) -> (Shared<Dataset>, Option<String>) {
    let builtin = Shared::Static(Dataset::builtin());
    let script = host
        .query_selector(":scope > script[type='application/json']")
        .ok()
        .flatten();
    let Some(json) = script.and_then(|s| s.text_content()) else {
        return (builtin, None);
    };
    if json.len() > MAX_DATASET_BYTES {
        return (builtin, Some("It is larger than 512 KB.".to_string()));
    }
    let read = READ.with(|read| {
        if let Some((_, done)) = read.borrow().iter().find(|(text, _)| *text == json) {
            return done.clone();
        }
        let done = dataset_from_json(&json)
            .map(|dataset| &*Box::leak(Box::new(dataset)))
            .map_err(|problem| problem.to_string());
        read.borrow_mut().push((json, done.clone()));
        done
    });
    match read {
        Ok(dataset) => (Shared::Static(dataset), None),
        Err(problem) => (builtin, Some(problem)),
    }
}

/// Runs once when the module starts.
#[wasm_bindgen(start)]
pub fn start() {
    yew::set_custom_panic_hook(Box::new(on_panic));
    set_script_address(None);
}

/// `embed.html` sits next to the script that defines the element (in dist/ and in the
/// package). The one-file script passes its own address here after it starts the module:
/// it starts it only when the first widget mounts, when `document.currentScript` no longer
/// names it, so it reads that address while it runs. An inline script has no address of
/// its own and a module (the hosted build) no current script: the page's address stands
/// in for theirs (`None` or empty). The browser resolves the name against it; where it
/// cannot (`about:srcdoc`, `data:`), the bare name stays, to be read next to the page that
/// embeds the snippet.
#[wasm_bindgen]
pub fn set_script_address(script: Option<String>) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let page = script
        .filter(|src| !src.is_empty())
        .or_else(|| document.url().ok())
        .and_then(|base| web_sys::Url::new_with_base("embed.html", &base).ok());
    if let Some(page) = page {
        EMBED_PAGE.with(|cell| *cell.borrow_mut() = page.href().into());
    }
}

/// The wasm should never panic. If it does, the module is done for: every instance on
/// the page shares it. Say so in the console and in each widget, instead of leaving
/// frozen controls that silently ignore the visitor.
fn on_panic(info: &std::panic::PanicHookInfo<'_>) {
    web_sys::console::error_1(&JsValue::from_str(&format!("stackweigh stopped: {info}")));
    show_failure_notice();
}

/// Replaces every live instance with a short notice (what a panic leaves behind). It
/// goes straight into the shadow root: a panic during the first render leaves the
/// widget's own root off the page.
pub fn show_failure_notice() {
    SHADOWS.with(|shadows| {
        let Ok(shadows) = shadows.try_borrow() else {
            return;
        };
        for shadow in shadows.iter() {
            let Some(document) = shadow.host().owner_document() else {
                continue;
            };
            if let Ok(notice) = document.create_element("p") {
                notice.set_class_name("sw-oops");
                notice.set_attribute("role", "alert").ok();
                notice.set_text_content(Some(
                    "Something went wrong in this comparison. Reload the page to use it again.",
                ));
                shadow.replace_children_with_node_1(&notice);
            }
        }
    });
}
