use stackweigh_core::chart::{self, Part};
use stackweigh_core::explain::{self, points};
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
///
/// Each segment runs from its start past the end of the bar, under the next one, and a
/// rect in the track's colour covers the bar beyond its score; the viewBox clips the rest.
/// So a slider step moves only where segments start: one attribute per segment, where a
/// start and a width were two (about 40 fewer writes per step at 8 options × 40
/// criteria). The fills are opaque, since each segment lies over the one before it, and
/// the thin gap at each boundary is a segment's outline in the track's colour: its top,
/// bottom and right edges lie outside the viewBox. The covering rect reaches outside it
/// too: with an edge on the viewBox's, a bar whose height is not a whole number of pixels
/// showed a hairline of its colour along the track's bottom.
#[component]
pub fn ScoreChart(props: &ScoreChartProps) -> Html {
    let d = &*props.dataset;
    let scores = &props.outcome.scores;
    let rows = props.outcome.ranking.iter().map(|&o| {
        let option = &d.options[o];
        let bar = chart::bar(scores, o);
        let end = bar.last().map_or(0.0, |s| s.start + s.points);
        let segments = bar.into_iter().enumerate().map(|(i, segment)| {
            // State in data attributes, classes fixed: a computed `class` goes through
            // Yew's `Classes` set on every render.
            let shade = match segment.part {
                Part::Team => Some("team"),
                _ if i % 2 == 0 => None,
                _ => Some("alt"),
            };
            html! {
                <rect class="sw-seg" data-part={shade} x={tenths(segment.start)} y="-5" width="1000" height="20">
                    <title>{ explain::segment(d, &segment) }</title>
                </rect>
            }
        });
        html! {
            <li class="sw-bar-row" data-option={colour(o)} key={option.id.clone()}>
                <span class="sw-bar-name">{ &option.name }</span>
                <svg class="sw-bar" viewBox="0 0 1000 10" preserveAspectRatio="none" aria-hidden="true" focusable="false">
                    <rect class="sw-bar-bg" x="0" y="0" width="1000" height="10" />
                    { for segments }
                    <rect class="sw-bar-bg" x={tenths(end)} y="-5" width="1000" height="20" />
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

/// Which of the eight option colours (`[data-option]` in the stylesheet) option `o` wears.
pub(crate) fn colour(o: usize) -> &'static str {
    ["0", "1", "2", "3", "4", "5", "6", "7"][o % 8]
}

/// A 0–100 value as whole tenths, the chart's unit.
pub(crate) fn tenths(value: f64) -> String {
    ((value * 10.0).round() as i64).to_string()
}
