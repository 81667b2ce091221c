use stackweigh_core::chart;
use stackweigh_core::explain;
use stackweigh_core::whose::{Rule, Said};
use stackweigh_core::Outcome;
use yew::prelude::*;

use crate::components::said::said;
use crate::hooks::use_dataset;
use crate::state::Shared;

#[derive(Properties, PartialEq)]
pub struct ScoreChartProps {
    pub outcome: Shared<Outcome>,
}

/// One bar per option, best first, from 0 to its score out of 10, split into what each
/// criterion contributes. Drawn as SVG geometry rather than styled boxes: sizes set
/// through `style` would need `style-src 'unsafe-inline'` from every host page.
/// Coordinates are whole hundredths of a point (the viewBox is 1000 wide) so no float
/// formatting code ships.
///
/// Each segment runs from its start past the end of the bar, under the next one, and a
/// rect in the track's colour covers the bar beyond its score; the viewBox clips the rest.
/// So a slider step moves only where segments start: one attribute per segment, where a
/// start and a width were two (docs/performance.md, "What a step costs"). The fills are
/// opaque, since each segment lies over the one before it, and the thin gap at each
/// boundary is a segment's outline in the track's colour: its top, bottom and right edges
/// lie outside the viewBox. The covering rect reaches outside it too: with an edge on the
/// viewBox's, a bar whose height is not a whole number of pixels showed a hairline of its
/// colour along the track's bottom.
#[component]
pub fn ScoreChart(props: &ScoreChartProps) -> Html {
    let dataset = use_dataset();
    let d = &*dataset;
    let scores = &props.outcome.scores;
    let rows = props.outcome.ranking.iter().map(|&o| {
        let option = &d.options[o];
        let bar = chart::bar(scores, o);
        let end = bar.last().map_or(0.0, |s| s.start + s.points);
        let segments = bar.into_iter().enumerate().map(|(i, segment)| {
            // State in data attributes, classes fixed: a computed `class` goes through
            // Yew's `Classes` set on every render.
            let shade = (i % 2 == 1).then_some("alt");
            html! {
                <rect class="sw-seg" data-part={shade} x={per_mille(segment.start)} y="-5" width="1000" height="20">
                    <title>{ explain::segment(d, &segment) }</title>
                </rect>
            }
        });
        html! {
            <li class="sw-bar-row" data-option={colour(o)} key={&*option.id}>
                <span class="sw-bar-name">{ &*option.name }</span>
                <svg class="sw-bar" viewBox="0 0 1000 10" preserveAspectRatio="none" aria-hidden="true" focusable="false">
                    <rect class="sw-bar-bg" x="0" y="0" width="1000" height="10" />
                    { for segments }
                    <rect class="sw-bar-bg" x={per_mille(end)} y="-5" width="1000" height="20" />
                </svg>
                <span class="sw-bar-score" data-score={option.id.0}>{ explain::score(scores.mean[o]) }</span>
            </li>
        }
    });
    html! {
        <figure class="sw-chart">
            // The weighted mean is our rule: the caption says so, as every sentence does.
            <figcaption class="sw-chart-caption">{ said(&Said::ours(explain::chart_caption(d, &props.outcome), Rule::Scores)) }</figcaption>
            <ul class="sw-bars">{ for rows }</ul>
        </figure>
    }
}

/// Which of the eight option colours (`[data-option]` in the stylesheet) option `o` wears.
pub(crate) fn colour(o: usize) -> &'static str {
    ["0", "1", "2", "3", "4", "5", "6", "7"][o % 8]
}

/// A value on the 0–10 scale in thousandths of the scale, the chart's unit (the viewBox
/// and the sliders' rulers are 1000 wide).
pub(crate) fn per_mille(value: f64) -> String {
    ((value * 100.0).round() as i64).to_string()
}
