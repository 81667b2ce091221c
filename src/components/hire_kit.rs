use stackweigh_core::share::pay_line;
use stackweigh_core::{explain, Dataset};
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
/// when that is the answer.
/// Kits are not keyed: when the verdict flips, the kit on screen is rewritten in place
/// rather than rebuilt, and a kit the visitor closed stays closed.
#[component]
pub fn HireKit(props: &HireKitProps) -> Html {
    let d = &*props.dataset;
    if props.roles.is_empty() {
        return html! {};
    }
    let kits = props.roles.iter().map(|&r| {
        let role = &d.roles[r];
        let option = d.option_index(&role.option).map(|o| &d.options[o]);
        let pay = option
            .into_iter()
            .flat_map(|o| [&o.salary, &o.contract_rate])
            .flatten()
            .map(|p| html! { <li>{ pay_line(d, p) }</li> });
        html! {
            <details class="sw-panel sw-kit" data-role={role.id.clone()} open=true>
                <summary class="sw-summary">{ format!("Hiring kit: {}", role.title) }</summary>
                <div class="sw-panel-body sw-kit-body">
                    <section>
                        <h4 class="sw-kit-head">{ "Pay" }</h4>
                        <ul class="sw-list">{ for pay }</ul>
                    </section>
                    if !role.questions.is_empty() {
                        <section>
                            <h4 class="sw-kit-head">{ "Interview questions" }</h4>
                            <ol class="sw-list">{ for role.questions.iter().map(|q| html! { <li>{ &**q }</li> }) }</ol>
                        </section>
                    }
                    if !role.red_flags.is_empty() {
                        <section>
                            <h4 class="sw-kit-head">{ "Red flags" }</h4>
                            <ul class="sw-list sw-flags">
                                { for role.red_flags.iter().map(|f| html! { <li><b>{ &*f.flag }</b>{ ". " }{ &*f.why }</li> }) }
                            </ul>
                        </section>
                    }
                    if !role.market.is_empty() {
                        <section>
                            <h4 class="sw-kit-head">{ "The candidate market" }</h4>
                            <ul class="sw-list">{ for role.market.iter().map(|m| html! { <li>{ &**m }</li> }) }</ul>
                        </section>
                    }
                </div>
                if role.source.is_some() {
                    <p class="sw-kit-source">{ format!("Questions, red flags and market notes: {}, in our words.", explain::source_name(d, role.source.as_deref())) }</p>
                }
            </details>
        }
    });
    let both = match (props.both, &d.both) {
        (true, Some(both)) => html! {
            <section class="sw-both">
                <h3 class="sw-subhead">{ "Hiring both" }</h3>
                <p>{ &*both.summary }</p>
                <p><b>{ &*both.advice }</b></p>
                if !both.architecture.is_empty() {
                    <p>{ &*both.architecture }</p>
                }
            </section>
        },
        _ => html! {},
    };
    html! {
        <div class="sw-kits">
            { both }
            { for kits }
        </div>
    }
}
