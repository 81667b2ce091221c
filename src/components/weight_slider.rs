use stackweigh_core::dataset::Criterion;
use stackweigh_core::whose::{Rule, Whose};
use stackweigh_core::{explain, view, TippingPoint};
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::components::said::{mark, said};
use crate::components::score_chart::hundredths;
use crate::components::{use_kept_ref, Same};
use crate::hooks::use_dataset;

#[derive(Properties, PartialEq)]
pub struct WeightSliderProps {
    pub criterion: usize,
    pub weight: f64,
    /// This criterion's tipping points, if any.
    pub tipping: Vec<TippingPoint>,
    pub on_change: Callback<(usize, f64)>,
}

/// One tick per weight step under the track, taller at 0, 5 and 10: one path, not eleven
/// elements, for every slider on the page.
const TICKS: &str = "M0 0V4M100 0V2.5M200 0V2.5M300 0V2.5M400 0V2.5M500 0V4M600 0V2.5M700 0V2.5M800 0V2.5M900 0V2.5M1000 0V4";

/// A native range input, 0–10, labelled in words, with the evidence beside it (each
/// option's score from the sources and the note on it), and the tipping points marked on
/// a ruler under its track and said in a caption, where there are any.
#[component]
pub fn WeightSlider(props: &WeightSliderProps) -> Html {
    let dataset = use_dataset();
    let d = &*dataset;
    let criterion = &d.criteria[props.criterion];
    let c = props.criterion;
    let weight = props.weight.round();
    let note_id = note_id(criterion);
    let caption: Vec<String> = props
        .tipping
        .iter()
        .map(|p| explain::tipping(d, p))
        .collect();
    let marks = tip_marks(&props.tipping);
    // The parts a step of another slider rewrites keep their reference (`use_kept_ref`).
    let kept = use_kept_ref();
    // A step of another slider moves this one's tipping points and nothing else of it:
    // the name, the input, the ticks, the evidence and the caption's mark are components
    // or `Same`s that Yew skips then. (A `Same` around what holds a listener would never
    // be skipped: Yew compares listeners by identity, and `html!` makes them anew.)
    html! {
        <div ref={kept.clone()} class="sw-slider" data-criterion-row={criterion.id.0}>
            <SliderHead criterion={c} weight={weight} />
            <SliderInput criterion={c} weight={weight} on_change={props.on_change.clone()} />
            <svg ref={kept.clone()} class="sw-ruler" viewBox="-10 0 1020 8" preserveAspectRatio="none" aria-hidden="true" focusable="false">
                <Same><path class="sw-tick" d={TICKS} /></Same>
                <path ref={kept.clone()} class="sw-tip-mark" d={marks} />
            </svg>
            <div ref={kept.clone()} class="sw-slider-note" id={note_id}>
                <SliderEvidence criterion={c} />
                // Hidden rather than removed while there is nothing to say, so a step that
                // brings a tipping point in or out writes a word, not a paragraph.
                <p ref={kept.clone()} class="sw-tip-text" hidden={caption.is_empty()}>{ caption.join(" ") }{ " " }<Same>{ mark(&Whose::Ours(Rule::TippingPoints)) }</Same></p>
            </div>
        </div>
    }
}

#[derive(Properties, PartialEq)]
struct SliderInputProps {
    criterion: usize,
    /// Rounded to a step.
    weight: f64,
    on_change: Callback<(usize, f64)>,
}

/// The range input itself: a component of its own, so only the slider that moved
/// rewrites it.
#[component]
fn SliderInput(props: &SliderInputProps) -> Html {
    let dataset = use_dataset();
    let kept = use_kept_ref();
    let criterion = &dataset.criteria[props.criterion];
    let c = props.criterion;
    let label = explain::weight_label(props.weight);
    let value = explain::number(props.weight);
    let oninput = props.on_change.reform(move |e: InputEvent| {
        let input: HtmlInputElement = e.target_unchecked_into();
        (c, input.value_as_number())
    });
    html! {
        <input
            ref={kept}
            type="range"
            class="sw-range"
            part="slider"
            id={input_id(criterion)}
            min="0"
            max="10"
            step="1"
            value={value.clone()}
            aria-valuetext={format!("{value}, {label}")}
            aria-describedby={note_id(criterion)}
            data-criterion={criterion.id.0}
            {oninput}
        />
    }
}

#[derive(Properties, PartialEq)]
struct SliderHeadProps {
    criterion: usize,
    /// Rounded to a step.
    weight: f64,
}

/// The slider's name and its weight in a number and a word: a component of its own, so
/// only the slider that moved rewrites it.
#[component]
fn SliderHead(props: &SliderHeadProps) -> Html {
    let dataset = use_dataset();
    let kept = use_kept_ref();
    let criterion = &dataset.criteria[props.criterion];
    html! {
        <div ref={kept.clone()} class="sw-slider-head">
            <label ref={kept.clone()} class="sw-slider-label" for={input_id(criterion)}>{ &*criterion.name }</label>
            <span ref={kept.clone()} class="sw-slider-value" aria-hidden="true">
                <b ref={kept}>{ explain::number(props.weight) }</b>{ " · " }{ explain::weight_label(props.weight) }
            </span>
        </div>
    }
}

#[derive(Properties, PartialEq)]
struct SliderEvidenceProps {
    criterion: usize,
}

/// What a criterion means and each option's score from the sources, which no slider step
/// changes: a component of its own, so Yew skips it on every step.
#[component]
fn SliderEvidence(props: &SliderEvidenceProps) -> Html {
    let dataset = use_dataset();
    let d = &*dataset;
    let c = props.criterion;
    let criterion = &d.criteria[c];
    // Each option's score beside its note, one line each; with no notes, one line for all.
    let evidence = d.options.iter().enumerate().map(|(o, option)| {
        let score =
            html! { <>{ &*option.name }{ " " }<b>{ explain::number(d.score(c, o)) }</b></> };
        match criterion.notes.get(&option.id) {
            Some(note) => html! { <li>{ score }{ " · " }{ &**note }</li> },
            None => html! { <li>{ score }</li> },
        }
    });
    // Whose the scores and notes are, where it is not said once above the sliders, and
    // how converted scores were made.
    let whose = view::slider_evidence(d, c);
    html! {
        <>
            <p class="sw-slider-desc">{ &*criterion.description }</p>
            <ul class="sw-evidence" data-evidence={criterion.id.0} data-inline={criterion.notes.is_empty().then_some("")}>
                { for evidence }
                { for whose.iter().map(|line| html! { <li class="sw-source">{ said(line) }</li> }) }
            </ul>
        </>
    }
}

/// The tipping points' marks on the ruler, one small square each, as one path: a step
/// that moves, adds or removes marks then rewrites one attribute, where an element per
/// mark was created, moved and removed.
fn tip_marks(tipping: &[TippingPoint]) -> String {
    tipping
        .iter()
        .map(|p| format!("M{} 0h12v8h-12z", hundredths(p.at)))
        .collect()
}

/// The range input's id, which its label names.
fn input_id(criterion: &Criterion) -> String {
    format!("sw-w-{}", criterion.id)
}

/// The id of the note under a slider (its evidence and tipping points), which the input
/// is described by.
fn note_id(criterion: &Criterion) -> String {
    format!("sw-n-{}", criterion.id)
}
