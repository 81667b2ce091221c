use stackweigh_core::{view, Action, Choices, Outcome};
use yew::prelude::*;

use crate::components::said::said;
use crate::components::{
    use_kept_ref, AnswerBar, ProjectTypeChips, Same, TeamChoice, WeightSlider,
};
use crate::hooks::use_dataset;
use crate::state::Shared;

#[derive(Properties, PartialEq)]
pub struct ControlsProps {
    pub choices: Choices,
    pub outcome: Shared<Outcome>,
    pub on_action: Callback<Action>,
}

/// Everything the visitor can set: what they are building, their team and "start over"
/// (together, so wide layouts can put them above the answer), and one slider per
/// criterion. The compact answer bar comes last: it sticks to the bottom of the screen while the
/// controls are on it, in layouts where the answer panel is above them.
#[component]
pub fn Controls(props: &ControlsProps) -> Html {
    let dataset = use_dataset();
    let d = &dataset;
    // The elements a step re-renders keep their reference (`use_kept_ref`).
    let kept = use_kept_ref();
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
    // Said once above the sliders where they all share a source, else by each slider.
    let sources = view::slider_sources(d);
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

                criterion={c}
                weight={props.choices.weights.get(c).copied().unwrap_or(0.0)}
                {tipping}
                on_change={on_weight.clone()}
            />
        }
    });
    // Every step re-renders this (the sliders' tipping points and the answer bar follow
    // the outcome); the parts that only the choices or the dataset change are in a `Same`.
    html! {
        <div ref={kept.clone()} class="sw-controls">
            <Same>
                <div class="sw-choose">
                    if !d.project_types.is_empty() {
                        <ProjectTypeChips project_types={props.choices.project_types.clone()} on_toggle={on_toggle_project_type} />
                    }
                    <div class="sw-team">
                        if d.options.iter().any(|o| o.team.is_some()) {
                            <TeamChoice team={props.choices.team} on_change={on_team} />
                        }
                        <StartOver on_action={props.on_action.clone()} />
                    </div>
                </div>
            </Same>
            <fieldset ref={kept.clone()} class="sw-group sw-weights">
                <Same>
                    <legend class="sw-legend">{ "How much does each matter?" }</legend>
                    if !sources.is_empty() {
                        <p class="sw-hint sw-slider-sources">
                            { for sources.iter().map(|line| html! { <>{ said(line) }{ " " }</> }) }
                        </p>
                    }
                </Same>
                { for sliders }
            </fieldset>
            <AnswerBar outcome={props.outcome.clone()} />
        </div>
    }
}

#[derive(Properties, PartialEq)]
struct StartOverProps {
    on_action: Callback<Action>,
}

/// "Start over": a component of its own, since a button's listener, made anew on each
/// render, would make the choices around it compare unequal on every step.
#[component]
fn StartOver(props: &StartOverProps) -> Html {
    let onclick = props.on_action.reform(|_: MouseEvent| Action::Reset);
    html! {
        <button type="button" class="sw-button sw-reset" part="button" {onclick}>{ "Start over" }</button>
    }
}
