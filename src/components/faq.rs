use stackweigh_core::Dataset;
use yew::prelude::*;

use crate::hooks::use_details_open;
use crate::state::Shared;

#[derive(Properties, PartialEq)]
pub struct FaqProps {
    pub dataset: Shared<Dataset>,
}

#[component]
pub fn Faq(props: &FaqProps) -> Html {
    let (open, ontoggle) = use_details_open();
    let d = &*props.dataset;
    if d.faq.is_empty() {
        return html! {};
    }
    html! {
        <details class="sw-panel sw-faq" {ontoggle}>
            <summary class="sw-summary">{ "Questions hiring managers ask" }</summary>
            if open {
                <dl class="sw-panel-body">
                    { for d.faq.iter().map(|f| html! { <><dt>{ &*f.question }</dt><dd>{ &*f.answer }</dd></> }) }
                </dl>
            }
        </details>
    }
}
