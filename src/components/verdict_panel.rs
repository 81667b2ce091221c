use stackweigh_core::{view, Dataset, Outcome};
use yew::prelude::*;

use crate::components::score_chart::colour;
use crate::components::ScoreChart;
use crate::state::Shared;

#[derive(Properties, PartialEq)]
pub struct VerdictPanelProps {
    pub dataset: Shared<Dataset>,
    pub outcome: Shared<Outcome>,
    /// The option the team writes, for who to hire first when the answer is both.
    pub team: Option<usize>,
    /// What the polite live region says; changes only with the answer.
    pub announcement: AttrValue,
}

/// The answer: its headline and strength, one or two sentences, what the sources say for
/// each chosen project type, the chart and the reasons, as the core's [`view::answer`]
/// has them.
#[component]
pub fn VerdictPanel(props: &VerdictPanelProps) -> Html {
    let answer = view::answer(&props.dataset, &props.outcome, props.team);
    let sources = answer.sources.iter().map(|source| {
        html! {
            <li key={source.project} data-project={source.project.to_string()}>
                <b>{ &source.says }</b>{ " " }{ source.reason }
                if !source.rationale.is_empty() {
                    <span class="sw-rationale">{ " Our preset: " }{ source.rationale }</span>
                }
                if let Some(line) = &source.contradiction {
                    <span class="sw-contradiction" role="note">{ line }</span>
                }
            </li>
        }
    });
    html! {
        <div class="sw-result" part="answer" data-state={answer.state}>
            <p class="sw-kicker">{ "Recommendation" }</p>
            <p class="sw-verdict" data-option={answer.leader.map(colour)} data-verdict={answer.id.to_string()} data-strength={answer.strength}>
                <span class="sw-verdict-mark" aria-hidden="true">{ answer.mark }</span>
                <span class="sw-verdict-text">{ &answer.headline }</span>
            </p>
            <p class="sw-sentence">{ &answer.sentence }</p>
            if let Some(first) = &answer.first_hire {
                <p class="sw-first-hire">{ first }</p>
            }
            if !answer.sources.is_empty() {
                <h3 class="sw-subhead">{ "What the sources say" }</h3>
                <ul class="sw-sources">{ for sources }</ul>
            }
            if answer.chart {
                <ScoreChart dataset={props.dataset.clone()} outcome={props.outcome.clone()} />
            }
            if !answer.reasons.is_empty() {
                <h3 class="sw-subhead">{ "Why" }</h3>
                <ul class="sw-reasons">
                    { for answer.reasons.iter().map(|r| html! { <li>{ r }</li> }) }
                </ul>
            }
            <p class="sw-visually-hidden" aria-live="polite" data-live="">{ props.announcement.clone() }</p>
        </div>
    }
}
