use stackweigh_core::chart;
use stackweigh_core::explain;
use stackweigh_core::whose::{Rule, Said};
use stackweigh_core::Outcome;
use yew::prelude::*;

use crate::components::said::said;
use crate::components::{use_kept_ref, Same};
use crate::hooks::use_dataset;
use crate::state::Shared;

#[derive(Properties, PartialEq)]
pub struct ScoreChartProps {
    pub outcome: Shared<Outcome>,
}

/// One bar per option, best first, from 0 to its score out of 10, split into what each
/// criterion contributes. Drawn as SVG geometry rather than styled boxes: sizes set
/// through `style` would need `style-src 'unsafe-inline'` from every host page.
/// Coordinates are whole hundredths of a chart unit, so no float formatting code ships.
///
/// Each segment runs from its start past the end of the bar, under the next one, and a
/// rect in the track's colour covers the bar beyond its score; the viewBox clips the rest.
/// The bar is drawn in the core's [`chart::scale`] (a point is the weights' sum in units),
/// and the viewBox is 10 points wide: a slider step then moves only the starts of the
/// segments after its criterion, and the viewBox, where every start and width used to
/// move; the others Yew compares and leaves alone, with no call into JavaScript, as every
/// element here keeps its reference ([`use_kept_ref`]; docs/performance.md, "What a step
/// costs"). The fills are opaque, since each segment lies over the one before
/// it, and the thin gap at each boundary is a segment's outline in the track's colour: its
/// top, bottom and right edges lie outside the viewBox. The covering rect reaches outside
/// it too: with an edge on the viewBox's, a bar whose height is not a whole number of
/// pixels showed a hairline of its colour along the track's bottom.
#[component]
pub fn ScoreChart(props: &ScoreChartProps) -> Html {
    let dataset = use_dataset();
    let d = &*dataset;
    let scores = &props.outcome.scores;
    // Every element a step re-renders keeps its reference (`use_kept_ref`).
    let kept = use_kept_ref();
    let scale = chart::scale(scores);
    let at = |points: f64| hundredths(points * scale);
    let width = at(10.0);
    // Wider than any viewBox (10 points at the largest scale, 40 criteria weighed 10, is
    // 400,000): a segment's far edge then never moves.
    const PAST_THE_END: &str = "10000000";
    let rows = props.outcome.ranking.iter().map(|&o| {
        let option = &d.options[o];
        let bar = chart::bar(scores, o);
        let end = bar.last().map_or(0.0, |s| s.start + s.points);
        let segments = bar.into_iter().enumerate().map(|(i, segment)| {
            // State in data attributes, classes fixed: a computed `class` goes through
            // Yew's `Classes` set on every render.
            let shade = (i % 2 == 1).then_some("alt");
            html! {
                <rect ref={kept.clone()} class="sw-seg" data-part={shade} x={at(segment.start)} y="-5" width={PAST_THE_END} height="20">
                    <title ref={kept.clone()}>{ explain::segment(d, scores, o, &segment) }</title>
                </rect>
            }
        });
        html! {
            <li ref={kept.clone()} class="sw-bar-row" data-option={colour(o)} key={&*option.id}>
                <Same><span class="sw-bar-name">{ &*option.name }</span></Same>
                <svg ref={kept.clone()} class="sw-bar" viewBox={format!("0 0 {width} 10")} preserveAspectRatio="none" aria-hidden="true" focusable="false">
                    <Same><rect class="sw-bar-bg" x="0" y="0" width={PAST_THE_END} height="10" /></Same>
                    { for segments }
                    <rect ref={kept.clone()} class="sw-bar-bg" x={at(end)} y="-5" width={PAST_THE_END} height="20" />
                </svg>
                <span ref={kept.clone()} class="sw-bar-score" data-score={option.id.0}>{ explain::score(scores.mean[o]) }</span>
            </li>
        }
    });
    html! {
        <figure ref={kept.clone()} class="sw-chart">
            // The weighted mean is our rule: the caption says so, as every sentence does.
            <Same><figcaption class="sw-chart-caption">{ said(&Said::ours(explain::chart_caption(d, &props.outcome), Rule::Scores)) }</figcaption></Same>
            <ul ref={kept.clone()} class="sw-bars">{ for rows }</ul>
        </figure>
    }
}

/// Which of the eight option colours (`[data-option]` in the stylesheet) option `o` wears.
pub(crate) fn colour(o: usize) -> &'static str {
    ["0", "1", "2", "3", "4", "5", "6", "7"][o % 8]
}

/// A value in hundredths, whole: on the 0–10 scale, thousandths of the scale (the
/// sliders' rulers are 1000 wide); in the chart, hundredths of its unit.
pub(crate) fn hundredths(value: f64) -> String {
    ((value * 100.0).round() as i64).to_string()
}
