use stackweigh_core::view;
use yew::prelude::*;

use crate::components::said::{mark, said};
use crate::components::{use_kept_ref, Same};
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
/// is inside, so the widget fits a blog post.
///
/// A kit once shown stays in the page, hidden while its role is not recommended: a slider
/// that flips the answer then shows one kit and hides another, two attributes, where
/// rewriting or rebuilding a kit's forty-odd nodes for the other role cost about a hundred
/// calls into JavaScript per step (docs/performance.md, "What a step costs"). Each kit is
/// keyed by its role, so a new order of hiring moves kits rather than rewriting them.
#[component]
pub fn HireKit(props: &HireKitProps) -> Html {
    // The roles shown so far, in the order they first were. Only what the page shows: the
    // answer itself is the core's.
    let seen = use_mut_ref(Vec::<usize>::new);
    // A new answer re-renders the list; its element keeps its reference (`use_kept_ref`).
    let kept = use_kept_ref();
    let order = {
        let mut seen = seen.borrow_mut();
        for &role in &props.roles {
            if !seen.contains(&role) {
                seen.push(role);
            }
        }
        let hidden = seen.iter().filter(|r| !props.roles.contains(r));
        props
            .roles
            .iter()
            .map(|&r| (r, true))
            .chain(hidden.map(|&r| (r, false)))
            .collect::<Vec<_>>()
    };
    // Every child keyed, "how to hire both" too: Yew diffs a list by key only when all of
    // its children have one, and by position otherwise, which rebuilt moved kits.
    let both = props.both.then(|| html! { <BothKit key="both" /> });
    let kits = order
        .into_iter()
        .map(|(role, shown)| html! { <Kit key={role} {role} {shown} /> });
    html! {
        <div ref={kept} class="sw-kits">{ for both.into_iter().chain(kits) }</div>
    }
}

/// The sources' advice on hiring both, which no slider step changes.
#[component]
fn BothKit() -> Html {
    let dataset = use_dataset();
    let Some(both) = view::kits(&dataset, &[], true).both else {
        return html! {};
    };
    html! {
        <details class="sw-panel sw-both" part="panel">
            <summary class="sw-summary">{ both.summary }</summary>
            <div class="sw-panel-body">
                { for both.lines.iter().map(|line| html! { <p>{ said(line) }</p> }) }
            </div>
        </details>
    }
}

#[derive(Properties, PartialEq)]
struct KitProps {
    role: usize,
    /// Recommended now; otherwise the kit stays, hidden.
    shown: bool,
}

/// One role's kit: pay, questions, red flags and the market, each under its heading with
/// whose it is.
#[component]
fn Kit(props: &KitProps) -> Html {
    let dataset = use_dataset();
    // Shown or hidden again as the answer changes (`use_kept_ref`).
    let kept = use_kept_ref();
    let model = view::kits(&dataset, &[props.role], false);
    let Some(kit) = model.kits.first() else {
        return html! {};
    };
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
    // Shown or hidden, a kit says the same: its contents in a `Same`, so showing it again
    // writes one attribute and diffs nothing inside.
    html! {
        <details ref={kept} class="sw-panel sw-kit" part="panel" data-role={kit.role.to_string()} hidden={!props.shown}>
            <Same>
                <summary class="sw-summary">{ kit.summary() }</summary>
                <div class="sw-panel-body sw-kit-body">
                    if let Some(note) = &kit.note {
                        <p class="sw-kit-note">{ said(note) }</p>
                    }
                    { for sections }
                </div>
            </Same>
        </details>
    }
}
