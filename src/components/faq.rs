use stackweigh_core::{view, Dataset};
use yew::prelude::*;

use crate::components::said::said;
use crate::hooks::use_details_open;
use crate::state::Shared;

#[derive(Properties, PartialEq)]
pub struct FaqProps {
    pub dataset: Shared<Dataset>,
}

/// The questions and answers, as the core's [`view::faq`] has them: the sources' and ours,
/// each answer marked with whose it is.
#[component]
pub fn Faq(props: &FaqProps) -> Html {
    let (open, ontoggle) = use_details_open();
    let model = view::faq(&props.dataset);
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
