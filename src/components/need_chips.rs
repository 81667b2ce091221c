use stackweigh_core::Dataset;
use yew::prelude::*;

use crate::state::Shared;

#[derive(Properties, PartialEq)]
pub struct NeedChipsProps {
    pub dataset: Shared<Dataset>,
    /// Chosen project types.
    pub needs: Vec<usize>,
    pub on_toggle: Callback<usize>,
}

/// Project types as toggle buttons; several can be on at once.
#[component]
pub fn NeedChips(props: &NeedChipsProps) -> Html {
    let chips = props.dataset.project_types.iter().enumerate().map(|(p, project)| {
        let pressed = props.needs.contains(&p);
        // The short name where there is one; the full name is its accessible name, which
        // begins with the same words.
        let (shown, full) = if project.short_name.is_empty() {
            (&project.name, None)
        } else {
            (&project.short_name, Some(project.name.clone()))
        };
        let onclick = props.on_toggle.reform(move |_: MouseEvent| p);
        html! {
            <li key={project.id.clone()}>
                <button
                    type="button"
                    class="sw-chip"
                    part="chip"
                    aria-pressed={if pressed { "true" } else { "false" }}
                    aria-label={full}
                    data-need={project.id.clone()}
                    {onclick}
                >
                    <span class="sw-chip-mark" aria-hidden="true">{ if pressed { "✓" } else { "+" } }</span>
                    { shown }
                </button>
            </li>
        }
    });
    html! {
        <fieldset class="sw-group sw-needs">
            <legend class="sw-legend">{ "What are you building?" }</legend>
            <p class="sw-hint">{ "Pick one or more: each sets the sliders to our reading of the sources." }</p>
            <ul class="sw-chips">{ for chips }</ul>
        </fieldset>
    }
}
