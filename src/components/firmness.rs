//! How firm the answer is, as the core's [`view::firmness`] has it: a line, a thin bar of
//! the shares of nearby weightings, and what it means on hover and focus (and in print).

use stackweigh_core::view::FirmnessView;
use yew::prelude::*;

use crate::components::said::{said, said_changing};
use crate::components::score_chart::colour;
use crate::components::Same;

/// The firmness line, its bar and its explanation. The bar is SVG geometry, like the score
/// chart, so no `style` attribute needs `style-src 'unsafe-inline'`; each segment's share
/// is its title, and the line says the same in words for screen readers. Its elements carry
/// `kept`, the answer panel's reference (`use_kept_ref`).
pub fn firmness(view: &FirmnessView, kept: &NodeRef) -> Html {
    let mut x = 0u32;
    let segments = view.parts.iter().map(|part| {
        let width = (part.share * 1000.0).round() as u32;
        let at = x;
        x += width;
        html! {
            <rect ref={kept.clone()} x={at.to_string()} y="0" width={width.to_string()} height="8"
                data-kind={part.kind} data-option={part.option.map(colour)}>
                <title ref={kept.clone()}>{ &part.label }</title>
            </rect>
        }
    });
    // The line's words and the bar change on most steps, and their elements keep their
    // reference, so Yew writes what changed and calls nothing else; the marks and the
    // explanation, which do not change, are each in a `Same`.
    html! {
        <div ref={kept.clone()} class="sw-firm">
            // The explanation follows its trigger, so the stylesheet shows it with a sibling
            // selector while the trigger is hovered or focused.
            <p ref={kept.clone()} class="sw-firm-line">
                { said_changing(&view.line) }{ " " }
                <Same>
                    <span class="sw-help" tabindex="0" aria-describedby="sw-firm-help">{ view.help_label }</span>
                    <span class="sw-firm-help" id="sw-firm-help" role="tooltip">{ said(&view.help) }</span>
                </Same>
            </p>
            <svg ref={kept.clone()} class="sw-firm-bar" viewBox="0 0 1000 8" preserveAspectRatio="none" aria-hidden="true" focusable="false">
                { for segments }
            </svg>
        </div>
    }
}
