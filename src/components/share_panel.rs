use stackweigh_core::share::{embed_link, embed_snippet, iframe_snippet, markdown_summary};
use stackweigh_core::{Choices, Outcome, Theme};
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

use crate::components::use_kept_ref;
use crate::hooks::{use_dataset, use_details_open};
use crate::state::Shared;

#[derive(Properties, PartialEq)]
pub struct SharePanelProps {
    pub choices: Choices,
    pub outcome: Shared<Outcome>,
    /// Where `embed.html` is, for the iframe snippet and the link.
    pub embed_page: AttrValue,
    /// The widget's colour scheme, which the iframe and the link keep.
    pub theme: Theme,
}

/// Where the embedded script is expected to sit next to the page that uses the snippet.
const SCRIPT_SRC: &str = "stackweigh.js";

/// What the embed builder offers: one snippet for each kind of host.
#[derive(Clone, Copy, PartialEq)]
enum Embed {
    /// Pages that take a script: the widget itself, with a static table inside.
    Script,
    /// Pages that take HTML but no scripts: `embed.html` in an iframe.
    Frame,
    /// Platforms that take only links.
    Link,
}

impl Embed {
    const ALL: [Embed; 3] = [Embed::Script, Embed::Frame, Embed::Link];

    fn id(self) -> &'static str {
        match self {
            Embed::Script => "script",
            Embed::Frame => "iframe",
            Embed::Link => "link",
        }
    }

    fn label(self) -> &'static str {
        match self {
            Embed::Script => "Script",
            Embed::Frame => "Iframe",
            Embed::Link => "Link",
        }
    }

    fn hint(self) -> &'static str {
        match self {
            Embed::Script => "For your own site, Ghost, and WordPress's Custom HTML block: put stackweigh.js next to your page. The snippet carries a plain table of the result for readers without JavaScript.",
            Embed::Frame => "For pages that take HTML but no scripts: the frame shows embed.html from the address in the snippet.",
            Embed::Link => "For Medium, Substack, Notion and WordPress: paste it on a line of its own. Platforms that embed links show the widget; the others show a card that opens it.",
        }
    }
}

/// `navigator.clipboard`, where this page may write to it. It is missing outside secure
/// contexts (plain http pages), and in a frame without the `clipboard-write` permission
/// (a sandboxed or a cross-origin iframe) writing is refused with an error in the
/// console: there we do not ask, and select the text instead.
fn clipboard() -> Option<web_sys::Clipboard> {
    let window = web_sys::window()?;
    let allowed = window
        .document()
        .and_then(|d| js_sys::Reflect::get(&d, &"featurePolicy".into()).ok())
        .filter(|policy| policy.is_object())
        .and_then(|policy| {
            let allows = js_sys::Reflect::get(&policy, &"allowsFeature".into()).ok()?;
            let allows = allows.dyn_into::<js_sys::Function>().ok()?;
            allows.call1(&policy, &"clipboard-write".into()).ok()
        })
        .is_none_or(|allowed| allowed.as_bool() != Some(false));
    if !allowed {
        return None;
    }
    js_sys::Reflect::get(&window.navigator(), &"clipboard".into())
        .ok()
        .filter(|c| !c.is_undefined() && !c.is_null())
        .map(|c| c.unchecked_into::<web_sys::Clipboard>())
}

/// The Markdown summary and the embed builder (a script, an iframe or a link) for the
/// current choices, each with a copy button. Where the clipboard is refused, the text is
/// selected for a manual copy.
#[component]
pub fn SharePanel(props: &SharePanelProps) -> Html {
    let dataset = use_dataset();
    let status = use_state(AttrValue::default);
    // The texts are written only while the panel is open: no work on every slider step.
    let (open, ontoggle) = use_details_open();
    let summary_ref = use_node_ref();
    let snippet_ref = use_node_ref();
    let embed = use_state(|| Embed::Script);
    // The height listener starts on: only a host that strips scripts needs it off.
    let resize = use_state(|| true);
    // Closed, the panel re-renders on every step; its two elements keep their reference.
    let kept = use_kept_ref();

    let copy = |node: NodeRef, what: &'static str| {
        let status = status.clone();
        Callback::from(move |_: MouseEvent| {
            let Some(area) = node.cast::<HtmlTextAreaElement>() else {
                return;
            };
            let text = area.value();
            let status = status.clone();
            let clipboard = clipboard();
            yew::platform::spawn_local(async move {
                let copied = match clipboard {
                    Some(clipboard) => JsFuture::from(clipboard.write_text(&text)).await.is_ok(),
                    None => false,
                };
                if copied {
                    status.set(format!("{what} copied.").into());
                } else {
                    area.select();
                    status.set(
                        format!("Copying was blocked: the {what} is selected, press Ctrl+C (⌘C).")
                            .into(),
                    );
                }
            });
        })
    };

    html! {
        <details ref={kept.clone()} class="sw-panel sw-share" part="panel" {ontoggle}>
            <summary ref={kept.clone()} class="sw-summary">{ "Share, embed or print" }</summary>
            if open {
            <div class="sw-panel-body">
                <label class="sw-field-label" for="sw-summary-text">{ "Summary for a hiring doc (Markdown)" }</label>
                <textarea id="sw-summary-text" class="sw-code" readonly=true rows="6" ref={summary_ref.clone()} value={markdown_summary(&dataset, &props.choices, &props.outcome)} />
                <button type="button" class="sw-button" part="button" data-copy="summary" onclick={copy(summary_ref, "Summary")}>{ "Copy summary" }</button>
                <fieldset class="sw-group sw-embed">
                    <legend class="sw-legend">{ "Embed this result" }</legend>
                    <div class="sw-radios">
                        { for Embed::ALL.iter().map(|&kind| {
                            let onchange = { let embed = embed.clone(); Callback::from(move |_: Event| embed.set(kind)) };
                            html! {
                                <label class="sw-radio" key={kind.id()}>
                                    <input type="radio" name="sw-embed" value={kind.id()} checked={*embed == kind} {onchange} />
                                    <span>{ kind.label() }</span>
                                </label>
                            }
                        }) }
                    </div>
                </fieldset>
                <p class="sw-hint" id="sw-snippet-hint">{ embed.hint() }</p>
                if *embed == Embed::Frame {
                    <label class="sw-radio">
                        <input type="checkbox" data-resize="" checked={*resize} onchange={
                            let resize = resize.clone();
                            Callback::from(move |e: Event| resize.set(e.target_unchecked_into::<HtmlInputElement>().checked()))
                        } />
                        <span>{ "Fit the frame to the widget (adds a few lines of script)" }</span>
                    </label>
                }
                <label class="sw-field-label" for="sw-snippet-text">{ match *embed { Embed::Link => "Link to this result", _ => "Snippet for this result" } }</label>
                <textarea id="sw-snippet-text" class="sw-code" readonly=true rows={if *embed == Embed::Link { "3" } else { "6" }} aria-describedby="sw-snippet-hint" ref={snippet_ref.clone()} value={match *embed {
                    Embed::Script => embed_snippet(&dataset, &props.choices, &props.outcome, SCRIPT_SRC),
                    Embed::Frame => iframe_snippet(&dataset, &props.choices, &props.embed_page, props.theme, *resize),
                    Embed::Link => embed_link(&dataset, &props.choices, &props.embed_page, props.theme),
                }} />
                <button type="button" class="sw-button" part="button" data-copy="snippet" onclick={copy(snippet_ref, if *embed == Embed::Link { "Link" } else { "Snippet" })}>{ if *embed == Embed::Link { "Copy link" } else { "Copy snippet" } }</button>
                <p class="sw-hint">{ "Use your browser's Print to get the result and hiring kit on paper." }</p>
                <p class="sw-status" role="status" aria-live="polite">{ (*status).clone() }</p>
            </div>
            }
        </details>
    }
}
