use stackweigh_core::Dataset;
use yew::prelude::*;

use crate::state::Shared;

#[derive(Properties, PartialEq)]
pub struct FaqProps {
    pub dataset: Shared<Dataset>,
}

#[component]
pub fn Faq(props: &FaqProps) -> Html {
    let d = &*props.dataset;
    if d.faq.is_empty() {
        return html! {};
    }
    html! {
        <details class="sw-panel sw-faq">
            <summary class="sw-summary">{ "Questions hiring managers ask" }</summary>
            <dl class="sw-panel-body">
                { for d.faq.iter().map(|f| html! { <><dt>{ &f.question }</dt><dd>{ &f.answer }</dd></> }) }
            </dl>
        </details>
    }
}
