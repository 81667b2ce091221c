use stackweigh_core::{view, Dataset};
use yew::prelude::*;

use crate::state::Shared;

#[derive(Properties, PartialEq)]
pub struct HireKitProps {
    pub dataset: Shared<Dataset>,
    /// Roles whose kits to show.
    pub roles: Vec<usize>,
    /// The answer is "both": show how to hire both.
    pub both: bool,
}

/// The hiring kit for each recommended role, in the order to hire, plus how to hire both
/// when that is the answer, as the core's [`view::kits`] has them. Collapsed by default,
/// each with a summary line that says what is inside, so the widget fits a blog post. Kits
/// are not keyed: when the answer flips, the kit on screen is rewritten in place rather
/// than rebuilt, and a kit the visitor opened stays open.
#[component]
pub fn HireKit(props: &HireKitProps) -> Html {
    if props.roles.is_empty() {
        return html! {};
    }
    let model = view::kits(&props.dataset, &props.roles, props.both);
    let kits = model.kits.iter().map(|kit| {
        html! {
            <details class="sw-panel sw-kit" part="panel" data-role={kit.role.to_string()}>
                <summary class="sw-summary">{ kit.summary() }</summary>
                <div class="sw-panel-body sw-kit-body">
                    <section>
                        <h4 class="sw-kit-head">{ "Pay" }</h4>
                        <ul class="sw-list">{ for kit.pay.iter().map(|p| html! { <li>{ p }</li> }) }</ul>
                    </section>
                    if !kit.questions.is_empty() {
                        <section>
                            <h4 class="sw-kit-head">{ "Interview questions" }</h4>
                            <ol class="sw-list">{ for kit.questions.iter().map(|q| html! { <li>{ *q }</li> }) }</ol>
                        </section>
                    }
                    if !kit.red_flags.is_empty() {
                        <section>
                            <h4 class="sw-kit-head">{ "Red flags" }</h4>
                            <ul class="sw-list sw-flags">
                                { for kit.red_flags.iter().map(|(flag, why)| html! { <li><b>{ *flag }</b>{ ". " }{ *why }</li> }) }
                            </ul>
                        </section>
                    }
                    if !kit.market.is_empty() {
                        <section>
                            <h4 class="sw-kit-head">{ "The candidate market" }</h4>
                            <ul class="sw-list">{ for kit.market.iter().map(|m| html! { <li>{ *m }</li> }) }</ul>
                        </section>
                    }
                </div>
                if let Some(credit) = &kit.credit {
                    <p class="sw-kit-source">{ credit }</p>
                }
            </details>
        }
    });
    let both = match &model.both {
        Some(both) => html! {
            <details class="sw-panel sw-both" part="panel">
                <summary class="sw-summary">{ "Hiring both: how the two share the work" }</summary>
                <div class="sw-panel-body">
                    <p>{ both.summary }</p>
                    <p><b>{ both.advice }</b></p>
                    if !both.architecture.is_empty() {
                        <p>{ both.architecture }</p>
                    }
                </div>
            </details>
        },
        None => html! {},
    };
    html! {
        <div class="sw-kits">
            { both }
            { for kits }
        </div>
    }
}
