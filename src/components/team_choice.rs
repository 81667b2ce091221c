use stackweigh_core::view;
use yew::prelude::*;

use crate::components::said::said;
use crate::hooks::use_dataset;

#[derive(Properties, PartialEq)]
pub struct TeamChoiceProps {
    /// The option whose language the team writes; `None` for neither.
    pub team: Option<usize>,
    pub on_change: Callback<Option<usize>>,
}

/// What the team writes today, as native radio buttons.
#[component]
pub fn TeamChoice(props: &TeamChoiceProps) -> Html {
    let dataset = use_dataset();
    let radio = |value: Option<usize>, key: String, label: String| {
        let onchange = props.on_change.reform(move |_: Event| value);
        html! {
            <label class="sw-radio" key={key.clone()}>
                <input type="radio" name="sw-team" value={key} checked={props.team == value} {onchange} />
                <span>{ label }</span>
            </label>
        }
    };
    let options = dataset
        .options
        .iter()
        .enumerate()
        .filter_map(|(o, option)| {
            let team = option.team.as_deref()?.to_string();
            let label = match &option.team_label {
                Some(label) => label.to_string(),
                None => format!("Mostly {}", option.name),
            };
            Some(radio(Some(o), team, label))
        });
    // With neither, the sources' advice on what to decide by instead.
    let advice = view::team_advice(&dataset).filter(|_| props.team.is_none());
    html! {
        <fieldset class="sw-group sw-team-choice">
            <legend class="sw-legend">{ "Your team today" }</legend>
            <div class="sw-radios">
                { for options }
                { radio(None, "neither".into(), "Neither".into()) }
            </div>
            if let Some(advice) = advice {
                <p class="sw-hint sw-team-advice">{ said(&advice) }</p>
            }
        </fieldset>
    }
}
