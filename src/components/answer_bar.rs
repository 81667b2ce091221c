use stackweigh_core::{view, Outcome};
use yew::prelude::*;

use crate::components::said::mark;
use crate::components::score_chart::colour;
use crate::components::{use_kept_ref, Same};
use crate::hooks::use_dataset;
use crate::state::Shared;

#[derive(Properties, PartialEq)]
pub struct AnswerBarProps {
    pub outcome: Shared<Outcome>,
}

/// The answer in one line, with both scores, for narrow layouts where the answer panel
/// sits above the controls: the stylesheet sticks it to the bottom of the screen while the
/// controls are on it, so a reader sees what each move does. Hidden from screen readers:
/// the answer panel's live region already says every change of the answer, once.
#[component]
pub fn AnswerBar(props: &AnswerBarProps) -> Html {
    let dataset = use_dataset();
    // The elements a step re-renders keep their reference (`use_kept_ref`).
    let kept = use_kept_ref();
    let bar = view::answer_bar(&dataset, &props.outcome);
    // The headline changes when the answer flips, the scores on every step.
    html! {
        <div ref={kept.clone()} class="sw-answer-bar" part="answer-bar" aria-hidden="true" data-strength={bar.strength}>
            <Same>
                <span ref={kept.clone()}>
                    <span ref={kept.clone()} class="sw-answer-bar-headline" data-option={bar.leader.map(colour)}>
                        { bar.headline.text.to_string() }
                    </span>
                    { " " }{ mark(&bar.headline.whose) }
                </span>
            </Same>
            <span ref={kept.clone()} class="sw-answer-bar-scores">
                { bar.scores.text.to_string() }
                <span ref={kept.clone()} class="sw-answer-bar-firm">{ " · " }{ bar.firmness.text.to_string() }</span>
            </span>
        </div>
    }
}
