use stackweigh_core::{explain, Dataset, TippingPoint};
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::components::score_chart::tenths;
use crate::state::Shared;

#[derive(Properties, PartialEq)]
pub struct WeightSliderProps {
    pub dataset: Shared<Dataset>,
    pub criterion: usize,
    pub weight: f64,
    /// This criterion's tipping points, if any.
    pub tipping: Vec<TippingPoint>,
    pub on_change: Callback<(usize, f64)>,
}

/// One tick per weight step under the track, taller at 0, 5 and 10: one path, not eleven
/// elements, for every slider on the page.
const TICKS: &str = "M0 0V4M100 0V2.5M200 0V2.5M300 0V2.5M400 0V2.5M500 0V4M600 0V2.5M700 0V2.5M800 0V2.5M900 0V2.5M1000 0V4";

/// A native range input, 0–10, labelled in words, with the tipping points marked on a
/// ruler under its track and said in a caption.
#[component]
pub fn WeightSlider(props: &WeightSliderProps) -> Html {
    let d = &*props.dataset;
    let criterion = &d.criteria[props.criterion];
    let c = props.criterion;
    let weight = props.weight.round();
    let label = explain::weight_label(weight);
    let value = explain::number(weight);
    let input_id = format!("sw-w-{}", criterion.id);
    let note_id = format!("sw-n-{}", criterion.id);
    let oninput = props.on_change.reform(move |e: InputEvent| {
        let input: HtmlInputElement = e.target_unchecked_into();
        (c, input.value_as_number())
    });
    let caption = if props.tipping.is_empty() {
        "On its own, this slider does not change the answer.".to_string()
    } else {
        let parts: Vec<String> = props
            .tipping
            .iter()
            .map(|p| explain::tipping(d, p))
            .collect();
        format!("{}.", parts.join("; "))
    };
    let marks = props.tipping.iter().map(|p| {
        html! { <rect class="sw-tip-mark" x={tenths(p.at * 10.0)} y="0" width="12" height="8" /> }
    });
    html! {
        <div class="sw-slider" data-criterion-row={criterion.id.clone()}>
            <div class="sw-slider-head">
                <label class="sw-slider-label" for={input_id.clone()}>{ &criterion.name }</label>
                <span class="sw-slider-value" aria-hidden="true">
                    <b>{ value.clone() }</b>{ " · " }{ label }
                </span>
            </div>
            <input
                type="range"
                class="sw-range"
                id={input_id}
                min="0"
                max="10"
                step="1"
                value={value.clone()}
                aria-valuetext={format!("{value}, {label}")}
                aria-describedby={note_id.clone()}
                data-criterion={criterion.id.clone()}
                {oninput}
            />
            <svg class="sw-ruler" viewBox="-10 0 1020 8" preserveAspectRatio="none" aria-hidden="true" focusable="false">
                <path class="sw-tick" d={TICKS} />
                // In their own group, so marks coming and going never move the ticks.
                <g>{ for marks }</g>
            </svg>
            <p class="sw-slider-note" id={note_id}>
                <span class="sw-slider-desc">{ &criterion.description }</span>
                { " " }
                <span class="sw-tip-text" data-has-tip={(!props.tipping.is_empty()).then_some("")}>{ caption }</span>
            </p>
        </div>
    }
}
