use stackweigh_core::{view, Outcome};
use yew::prelude::*;

use crate::components::firmness::firmness;
use crate::components::said::{mark, said, said_changing};
use crate::components::score_chart::colour;
use crate::components::{use_kept_ref, Same, ScoreChart};
use crate::hooks::use_dataset;
use crate::state::Shared;

#[derive(Properties, PartialEq)]
pub struct VerdictPanelProps {
    pub outcome: Shared<Outcome>,
    /// The option the team writes, for who to hire first when the answer is both.
    pub team: Option<usize>,
    /// What the polite live region says; changes only with the answer.
    pub announcement: AttrValue,
}

/// The answer: its headline and strength, one or two sentences, what the sources say for
/// each chosen project type, the chart and the reasons, as the core's [`view::answer`]
/// has them, each sentence marked with whose it is.
#[component]
pub fn VerdictPanel(props: &VerdictPanelProps) -> Html {
    let dataset = use_dataset();
    // The elements a step re-renders keep their reference (`use_kept_ref`).
    let kept = use_kept_ref();
    let answer = view::answer(&dataset, &props.outcome, props.team);
    let sources = answer.sources.iter().map(|source| {
        html! {
            <li key={source.project} data-project={source.project.to_string()}>
                <b>{ source.says.text.to_string() }</b>{ " " }{ mark(&source.says.whose) }{ " " }{ said(&source.reason) }
                if let Some(rationale) = &source.rationale {
                    <span class="sw-rationale">{ " " }{ said(rationale) }</span>
                }
                if let Some(line) = &source.contradiction {
                    <span class="sw-contradiction" role="note">{ said(line) }</span>
                }
            </li>
        }
    });
    // A slider step changes the sentence's scores, the firmness and the reasons' points,
    // whose elements keep their reference, so Yew writes what changed and calls nothing
    // else. The headline, the live region, the marks and what the sources say change only
    // with the answer or the project types, so they are each in a `Same`, skipped whole
    // while unchanged.
    html! {
        <div ref={kept.clone()} class="sw-result" part="answer" data-state={answer.state}>
            <Same>
                // Whose the answer is, beside the kicker: it reads before the headline, and
                // leaves the headline its width on a phone.
                <p ref={kept.clone()} class="sw-kicker">{ answer.kicker }{ " " }{ mark(&answer.headline.whose) }</p>
                <p ref={kept.clone()} class="sw-verdict" data-option={answer.leader.map(colour)} data-verdict={answer.id.to_string()} data-strength={answer.strength}>
                    <span ref={kept.clone()} class="sw-verdict-mark" aria-hidden="true">{ answer.mark }</span>
                    <span ref={kept.clone()} class="sw-verdict-text">{ answer.headline.text.to_string() }</span>
                </p>
            </Same>
            <p ref={kept.clone()} class="sw-sentence">{ said_changing(&answer.sentence) }</p>
            { firmness(&answer.firmness, &kept) }
            <Same>
                if !answer.both.is_empty() {
                    <ul class="sw-both-lines">
                        { for answer.both.iter().map(|line| html! { <li data-whose-kind={if line.whose.is_ours() { "ours" } else { "source" }}>{ said(line) }</li> }) }
                    </ul>
                }
                if !answer.sources.is_empty() {
                    <h3 class="sw-subhead">{ answer.sources_heading }</h3>
                    <ul class="sw-sources">
                        { for sources }
                        if let Some(together) = &answer.together {
                            <li class="sw-together">{ said(together) }</li>
                        }
                    </ul>
                }
            </Same>
            if answer.chart {
                <ScoreChart outcome={props.outcome.clone()} />
            }
            if let Some(reasons) = &answer.reasons {
                <Same><h3 class="sw-subhead">{ reasons.heading }{ " " }{ mark(&reasons.whose) }</h3></Same>
                <ul ref={kept.clone()} class="sw-reasons">
                    { for reasons.items.iter().map(|r| html! { <li ref={kept.clone()}>{ r }</li> }) }
                    if let Some(team) = &answer.team {
                        <li ref={kept.clone()} class="sw-team-line">{ said(team) }</li>
                    }
                </ul>
            }
            <Same>
                <p ref={kept.clone()} class="sw-visually-hidden" aria-live="polite" data-live="">{ props.announcement.clone() }</p>
            </Same>
        </div>
    }
}
