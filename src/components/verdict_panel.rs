use stackweigh_core::{explain, Dataset, Outcome, Strength, Verdict};
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
/// each chosen project type, the chart and the reasons.
#[component]
pub fn VerdictPanel(props: &VerdictPanelProps) -> Html {
    let d = &*props.dataset;
    let outcome = &*props.outcome;
    let verdict_id = outcome.verdict.id(d).to_string();
    // A shape as well as a colour, so the state never rests on colour alone.
    let (mark, state) = match &outcome.verdict {
        Verdict::Lead(_, Strength::Clear) => ("✔", "clear"),
        Verdict::Lead(_, Strength::Leans) => ("›", "leans"),
        Verdict::Both(_) => ("+", "both"),
        Verdict::TooClose => ("≈", "close"),
        Verdict::Start => ("?", "start"),
        Verdict::NoPriorities => ("…", "none"),
    };
    let leader = outcome.verdict.leader().map(colour);
    let show_reasons = matches!(outcome.verdict, Verdict::Lead(..) | Verdict::TooClose);
    let reasons = if show_reasons {
        explain::reasons(d, outcome, 4)
    } else {
        vec![]
    };
    let sources = outcome.source_verdicts.iter().filter_map(|verdict| {
        let project = d.project_types.get(verdict.project)?;
        let contradiction = explain::contradiction(d, verdict);
        Some(html! {
            <li key={&*project.id} data-project={project.id.clone()}>
                <b>{ explain::source_verdict(d, verdict) }</b>{ " " }{ &*project.reason }
                if !project.rationale.is_empty() {
                    <span class="sw-rationale">{ " Our preset: " }{ &*project.rationale }</span>
                }
                if let Some(line) = contradiction {
                    <span class="sw-contradiction" role="note">{ line }</span>
                }
            </li>
        })
    });
    html! {
        <div class="sw-result" data-state={state}>
            <p class="sw-kicker">{ "Recommendation" }</p>
            <p class="sw-verdict" data-option={leader} data-verdict={verdict_id} data-strength={outcome.verdict.strength()}>
                <span class="sw-verdict-mark" aria-hidden="true">{ mark }</span>
                <span class="sw-verdict-text">{ explain::headline(d, &outcome.verdict) }</span>
            </p>
            <p class="sw-sentence">{ explain::sentence(d, outcome) }</p>
            if let Some(first) = explain::first_hire(d, outcome, props.team) {
                <p class="sw-first-hire">{ first }</p>
            }
            if !outcome.source_verdicts.is_empty() {
                <h3 class="sw-subhead">{ "What the sources say" }</h3>
                <ul class="sw-sources">{ for sources }</ul>
            }
            if outcome.verdict != Verdict::NoPriorities {
                <ScoreChart dataset={props.dataset.clone()} outcome={props.outcome.clone()} />
            }
            if !reasons.is_empty() {
                <h3 class="sw-subhead">{ "Why" }</h3>
                <ul class="sw-reasons">
                    { for reasons.into_iter().map(|r| html! { <li>{ r }</li> }) }
                </ul>
            }
            <p class="sw-visually-hidden" aria-live="polite" data-live="">{ props.announcement.clone() }</p>
        </div>
    }
}
