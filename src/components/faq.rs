use stackweigh_core::{explain, Dataset};
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
        <details part="panel" class="sw-panel sw-faq" {ontoggle}>
            <summary class="sw-summary">{ explain::faq_summary(d) }</summary>
            if open {
                <dl class="sw-panel-body">
                    { for d.faq.iter().map(|f| html! {
                        <>
                            <dt>{ &*f.question }</dt>
                            <dd>
                                { &*f.answer }
                                if f.source.is_some() {
                                    <span class="sw-source">{ format!(" ({})", explain::source_name(d, f.source.as_deref())) }</span>
                                }
                            </dd>
                        </>
                    }) }
                </dl>
            }
        </details>
    }
}
