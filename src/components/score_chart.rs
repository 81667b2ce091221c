use stackweigh_core::explain::points;
use stackweigh_core::{Dataset, Outcome};
use yew::prelude::*;

use crate::state::Shared;

#[derive(Properties, PartialEq)]
pub struct ScoreChartProps {
    pub dataset: Shared<Dataset>,
    pub outcome: Shared<Outcome>,
}

/// One bar per option, best first, split into what each criterion contributes. Drawn as
/// SVG geometry rather than styled boxes: sizes set through `style` would need
/// `style-src 'unsafe-inline'` from every host page. Coordinates are whole tenths of a
/// point (the viewBox is 1000 wide) so no float formatting code ships.
#[component]
pub fn ScoreChart(props: &ScoreChartProps) -> Html {
    let d = &*props.dataset;
    let scores = &props.outcome.scores;
    let rows = props.outcome.ranking.iter().map(|&o| {
        let option = &d.options[o];
        let mut x = 0.0;
        let mut segments = Vec::new();
        for (c, &part) in scores.parts[o].iter().enumerate() {
            if part < 0.05 {
                continue;
            }
            let tip = format!("{}: {} points", d.criteria[c].name, points(part));
            let shade = if segments.len() % 2 == 0 { "sw-seg" } else { "sw-seg sw-seg-alt" };
            segments.push(html! {
                <rect class={shade} x={tenths(x)} y="0" width={tenths((part - 0.4).max(0.2))} height="10">
                    <title>{ tip }</title>
                </rect>
            });
            x += part;
        }
        if scores.team[o] >= 0.05 {
            let tip = format!("Your team's language: {} points", points(scores.team[o]));
            segments.push(html! {
                <rect class="sw-seg sw-seg-team" x={tenths(x)} y="0" width={tenths(scores.team[o])} height="10">
                    <title>{ tip }</title>
                </rect>
            });
        }
        html! {
            <li class={classes!("sw-bar-row", format!("sw-option-{}", o % 8))} key={option.id.clone()}>
                <span class="sw-bar-name">{ &option.name }</span>
                <svg class="sw-bar" viewBox="0 0 1000 10" preserveAspectRatio="none" aria-hidden="true" focusable="false">
                    <rect class="sw-bar-bg" x="0" y="0" width="1000" height="10" />
                    { for segments }
                </svg>
                <span class="sw-bar-score" data-score={option.id.clone()}>{ points(scores.total[o]) }</span>
            </li>
        }
    });
    html! {
        <figure class="sw-chart">
            <figcaption class="sw-chart-caption">{ "Score out of 100: each option's share of what sets them apart, weighted by you" }</figcaption>
            <ul class="sw-bars">{ for rows }</ul>
        </figure>
    }
}

/// A 0–100 value as whole tenths, the chart's unit.
pub(crate) fn tenths(value: f64) -> String {
    ((value * 10.0).round() as i64).to_string()
}
