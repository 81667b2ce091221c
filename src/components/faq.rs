use stackweigh_core::view;
use yew::prelude::*;

use crate::components::said::said;
use crate::hooks::{use_dataset, use_details_open};

/// The questions and answers, as the core's [`view::faq`] has them: the sources' and ours,
/// each answer marked with whose it is.
#[component]
pub fn Faq() -> Html {
    let dataset = use_dataset();
    let (open, ontoggle) = use_details_open();
    let model = view::faq(&dataset);
    if model.entries.is_empty() {
        return html! {};
    }
    html! {
        <details part="panel" class="sw-panel sw-faq" {ontoggle}>
            <summary class="sw-summary">{ &model.summary }</summary>
            if open {
                <dl class="sw-panel-body">
                    { for model.entries.iter().map(|entry| html! {
                        <>
                            <dt>{ entry.question.to_string() }</dt>
                            <dd>{ said(&entry.answer) }</dd>
                        </>
                    }) }
                </dl>
            }
        </details>
    }
}
