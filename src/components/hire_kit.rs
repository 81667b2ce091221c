use stackweigh_core::view;
use yew::prelude::*;

use crate::components::said::{mark, said};
use crate::hooks::use_dataset;

#[derive(Properties, PartialEq)]
pub struct HireKitProps {
    /// Roles whose kits to show.
    pub roles: Vec<usize>,
    /// The answer is "both": show how to hire both.
    pub both: bool,
}

/// The hiring kit for each recommended role, in the order to hire, plus how to hire both
/// when that is the answer, as the core's [`view::kits`] has them: each part under its
/// heading with whose it is. Collapsed by default, each with a summary line that says what
/// is inside, so the widget fits a blog post. Kits are not keyed: when the answer flips,
/// the kit on screen is rewritten in place rather than rebuilt, and a kit the visitor
/// opened stays open.
#[component]
pub fn HireKit(props: &HireKitProps) -> Html {
    let dataset = use_dataset();
    if props.roles.is_empty() {
        return html! {};
    }
    let model = view::kits(&dataset, &props.roles, props.both);
    let kits = model.kits.iter().map(|kit| {
        let sections = kit.sections.iter().map(|section| {
            let listed = &section.listed;
            let items = listed.items.iter().map(|item| match item.why {
                Some(why) => html! { <li><b>{ item.text.to_string() }</b>{ ". " }{ why }</li> },
                None => html! { <li>{ item.text.to_string() }</li> },
            });
            // Red flags, each with why it is one, get their own list style.
            let class = if listed.items.iter().any(|i| i.why.is_some()) {
                "sw-list sw-flags"
            } else {
                "sw-list"
            };
            html! {
                <section>
                    <h4 class="sw-kit-head">{ listed.heading }{ " " }{ mark(&listed.whose) }</h4>
                    if section.numbered {
                        <ol class="sw-list">{ for items }</ol>
                    } else {
                        <ul {class}>{ for items }</ul>
                    }
                </section>
            }
        });
        html! {
            <details class="sw-panel sw-kit" part="panel" data-role={kit.role.to_string()}>
                <summary class="sw-summary">{ kit.summary() }</summary>
                <div class="sw-panel-body sw-kit-body">
                    if let Some(note) = &kit.note {
                        <p class="sw-kit-note">{ said(note) }</p>
                    }
                    { for sections }
                </div>
            </details>
        }
    });
    let both = match &model.both {
        Some(both) => html! {
            <details class="sw-panel sw-both" part="panel">
                <summary class="sw-summary">{ both.summary }</summary>
                <div class="sw-panel-body">
                    { for both.lines.iter().map(|line| html! { <p>{ said(line) }</p> }) }
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
