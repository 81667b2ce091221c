use stackweigh_core::{explain, Dataset, Outcome};
use yew::prelude::*;

use crate::components::score_chart::colour;
use crate::state::Shared;

#[derive(Properties, PartialEq)]
pub struct AnswerBarProps {
    pub dataset: Shared<Dataset>,
    pub outcome: Shared<Outcome>,
}

/// The answer in one line, with both scores, for narrow layouts where the answer panel
/// sits above the controls: the stylesheet sticks it to the bottom of the screen while the
/// controls are on it, so a reader sees what each move does. Hidden from screen readers:
/// the answer panel's live region already says every change of the answer, once.
#[component]
pub fn AnswerBar(props: &AnswerBarProps) -> Html {
    let d = &*props.dataset;
    let outcome = &*props.outcome;
    html! {
        <div class="sw-answer-bar" part="answer-bar" aria-hidden="true" data-strength={outcome.verdict.strength()}>
            <span class="sw-answer-bar-headline" data-option={outcome.verdict.leader().map(colour)}>
                { explain::headline(d, &outcome.verdict) }
            </span>
            <span class="sw-answer-bar-scores">{ explain::scores_line(d, outcome) }</span>
        </div>
    }
}
