use stackweigh_core::share::{embed_snippet, markdown_summary};
use stackweigh_core::{Choices, Dataset, Outcome};
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

use crate::hooks::use_details_open;
use crate::state::Shared;

#[derive(Properties, PartialEq)]
pub struct SharePanelProps {
    pub dataset: Shared<Dataset>,
    pub choices: Choices,
    pub outcome: Shared<Outcome>,
}

/// Where the embedded script is expected to sit next to the page that uses the snippet.
const SCRIPT_SRC: &str = "stackweigh.js";

/// The Markdown summary and the embed snippet for the current choices, each with a copy
/// button. Where the clipboard is refused, the text is selected for a manual copy.
#[component]
pub fn SharePanel(props: &SharePanelProps) -> Html {
    let status = use_state(AttrValue::default);
    // The texts are written only while the panel is open: no work on every slider step.
    let (open, ontoggle) = use_details_open();
    let summary_ref = use_node_ref();
    let snippet_ref = use_node_ref();

    let copy = |node: NodeRef, what: &'static str| {
        let status = status.clone();
        Callback::from(move |_: MouseEvent| {
            let Some(area) = node.cast::<HtmlTextAreaElement>() else {
                return;
            };
            let text = area.value();
            let status = status.clone();
            // `navigator.clipboard` is missing outside secure contexts (plain http pages).
            let clipboard = web_sys::window()
                .map(|w| w.navigator())
                .and_then(|n| js_sys::Reflect::get(&n, &"clipboard".into()).ok())
                .filter(|c| !c.is_undefined() && !c.is_null())
                .map(|c| c.unchecked_into::<web_sys::Clipboard>());
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
        <details class="sw-panel sw-share" part="panel" {ontoggle}>
            <summary class="sw-summary">{ "Share, embed or print" }</summary>
            if open {
            <div class="sw-panel-body">
                <label class="sw-field-label" for="sw-summary-text">{ "Summary for a hiring doc (Markdown)" }</label>
                <textarea id="sw-summary-text" class="sw-code" readonly=true rows="6" ref={summary_ref.clone()} value={markdown_summary(&props.dataset, &props.choices, &props.outcome)} />
                <button type="button" class="sw-button" part="button" data-copy="summary" onclick={copy(summary_ref, "Summary")}>{ "Copy summary" }</button>
                <label class="sw-field-label" for="sw-snippet-text">{ "Embed this result on your page" }</label>
                <textarea id="sw-snippet-text" class="sw-code" readonly=true rows="6" ref={snippet_ref.clone()} value={embed_snippet(&props.dataset, &props.choices, &props.outcome, SCRIPT_SRC)} />
                <button type="button" class="sw-button" part="button" data-copy="snippet" onclick={copy(snippet_ref, "Snippet")}>{ "Copy snippet" }</button>
                <p class="sw-hint">{ "The snippet carries a plain table of the result for readers without JavaScript. Use your browser's Print to get the result and hiring kit on paper." }</p>
                <p class="sw-status" role="status" aria-live="polite">{ (*status).clone() }</p>
            </div>
            }
        </details>
    }
}
