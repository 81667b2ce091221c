use yew::prelude::*;

use crate::hooks::use_dataset;

#[derive(Properties, PartialEq)]
pub struct ProjectTypeChipsProps {
    /// Chosen project types.
    pub project_types: Vec<usize>,
    pub on_toggle: Callback<usize>,
}

/// Project types as toggle buttons; several can be on at once.
#[component]
pub fn ProjectTypeChips(props: &ProjectTypeChipsProps) -> Html {
    let dataset = use_dataset();
    let chips = dataset.project_types.iter().enumerate().map(|(p, project)| {
        let pressed = props.project_types.contains(&p);
        // The short name where there is one; the full name is its accessible name, which
        // begins with the same words.
        let (shown, full) = if project.short_name.is_empty() {
            (&*project.name, None)
        } else {
            (&*project.short_name, Some(project.name.0))
        };
        let onclick = props.on_toggle.reform(move |_: MouseEvent| p);
        html! {
            <li key={&*project.id}>
                <button
                    type="button"
                    class="sw-chip"
                    part="chip"
                    aria-pressed={if pressed { "true" } else { "false" }}
                    aria-label={full}
                    data-project-type={project.id.0}
                    {onclick}
                >
                    <span class="sw-chip-mark" aria-hidden="true">{ if pressed { "✓" } else { "+" } }</span>
                    { shown }
                </button>
            </li>
        }
    });
    html! {
        <fieldset class="sw-group sw-project-types">
            <legend class="sw-legend">{ "What are you building?" }</legend>
            <p class="sw-hint">{ "Pick one or more: each sets the sliders to our reading of the sources." }</p>
            <ul class="sw-chips">{ for chips }</ul>
        </fieldset>
    }
}
