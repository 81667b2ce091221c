use stackweigh_core::{Action, Choices, Dataset, Outcome};
use yew::prelude::*;

use crate::components::{ProjectTypeChips, TeamChoice, WeightSlider};
use crate::state::Shared;

#[derive(Properties, PartialEq)]
pub struct ControlsProps {
    pub dataset: Shared<Dataset>,
    pub choices: Choices,
    pub outcome: Shared<Outcome>,
    pub on_action: Callback<Action>,
}

/// Everything the visitor can set: project types, team, one slider per criterion, reset.
#[component]
pub fn Controls(props: &ControlsProps) -> Html {
    let d = &props.dataset;
    // Memoised so that a slider whose weight and tipping points did not change skips its render.
    let on_toggle_project_type = use_callback(props.on_action.clone(), |p, on_action| {
        on_action.emit(Action::ToggleProjectType(p))
    });
    let on_team = use_callback(props.on_action.clone(), |team, on_action| {
        on_action.emit(Action::SetTeam(team))
    });
    let on_weight = use_callback(props.on_action.clone(), |(criterion, weight), on_action| {
        on_action.emit(Action::SetWeight { criterion, weight })
    });
    let on_reset = props.on_action.reform(|_: MouseEvent| Action::Reset);
    let sliders = d.criteria.iter().enumerate().map(|(c, criterion)| {
        let tipping = props
            .outcome
            .tipping_points
            .iter()
            .filter(|p| p.criterion == c)
            .cloned()
            .collect::<Vec<_>>();
        html! {
            <WeightSlider
                key={&*criterion.id}
                dataset={d.clone()}
                criterion={c}
                weight={props.choices.weights.get(c).copied().unwrap_or(0.0)}
                {tipping}
                on_change={on_weight.clone()}
            />
        }
    });
    html! {
        <div class="sw-controls">
            if !d.project_types.is_empty() {
                <ProjectTypeChips dataset={d.clone()} project_types={props.choices.project_types.clone()} on_toggle={on_toggle_project_type} />
            }
            if d.options.iter().any(|o| o.team.is_some()) {
                <TeamChoice dataset={d.clone()} team={props.choices.team} on_change={on_team} />
            }
            <fieldset class="sw-group sw-weights">
                <legend class="sw-legend">{ "How much does each matter?" }</legend>
                { for sliders }
            </fieldset>
            <button type="button" class="sw-button sw-reset" onclick={on_reset}>{ "Reset to defaults" }</button>
        </div>
    }
}
