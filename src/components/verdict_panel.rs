use stackweigh_core::{explain, Dataset, Outcome, Verdict};
use yew::prelude::*;

use crate::components::score_chart::colour;
use crate::components::ScoreChart;
use crate::state::Shared;

#[derive(Properties, PartialEq)]
pub struct VerdictPanelProps {
    pub dataset: Shared<Dataset>,
    pub outcome: Shared<Outcome>,
    /// What the polite live region says; changes only with the verdict.
    pub announcement: AttrValue,
}

/// The answer: a large label, one sentence, the chart and the reasons.
#[component]
pub fn VerdictPanel(props: &VerdictPanelProps) -> Html {
    let d = &*props.dataset;
    let outcome = &*props.outcome;
    let verdict_id = outcome.verdict.id(d).to_string();
    // A shape as well as a colour, so the state never rests on colour alone.
    let (mark, state) = match &outcome.verdict {
        Verdict::Lead(_) => ("✔", "lead"),
        Verdict::Both(_) => ("+", "both"),
        Verdict::TooClose => ("≈", "close"),
        Verdict::NoPriorities => ("…", "none"),
    };
    let leader = match &outcome.verdict {
        Verdict::Lead(o) => Some(colour(*o)),
        _ => None,
    };
    let reasons = explain::reasons(d, outcome, 4);
    let show_reasons =
        matches!(outcome.verdict, Verdict::Lead(_) | Verdict::TooClose) && !reasons.is_empty();
    html! {
        <div class="sw-result" data-state={state}>
            <p class="sw-kicker">{ "Recommendation" }</p>
            <p class="sw-verdict" data-option={leader} data-verdict={verdict_id}>
                <span class="sw-verdict-mark" aria-hidden="true">{ mark }</span>
                <span class="sw-verdict-text">{ explain::headline(d, &outcome.verdict) }</span>
            </p>
            <p class="sw-sentence">{ explain::sentence(d, outcome) }</p>
            if outcome.verdict != Verdict::NoPriorities {
                <ScoreChart dataset={props.dataset.clone()} outcome={props.outcome.clone()} />
            }
            if show_reasons {
                <h3 class="sw-subhead">{ "Why" }</h3>
                <ul class="sw-reasons">
                    { for reasons.into_iter().map(|r| html! { <li>{ r }</li> }) }
                </ul>
            }
            <p class="sw-visually-hidden" aria-live="polite" data-live="">{ props.announcement.clone() }</p>
        </div>
    }
}
