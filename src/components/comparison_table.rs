use stackweigh_core::{explain, view};
use yew::prelude::*;

use crate::components::said::said;
use crate::hooks::{use_dataset, use_details_open};

/// The side-by-side table. On narrow containers the stylesheet stacks each row, with
/// each cell labelled by its option, so nothing scrolls sideways.
#[component]
pub fn ComparisonTable() -> Html {
    let dataset = use_dataset();
    let (open, ontoggle) = use_details_open();
    let d = &*dataset;
    if d.comparison.is_empty() {
        return html! {};
    }
    let rows = d.comparison.iter().map(|row| {
        html! {
            <tr key={&*row.aspect}>
                <th scope="row">{ &*row.aspect }</th>
                { for d.options.iter().map(|o| html! {
                    <td data-label={o.name.0}>{ row.values.get(&o.id).map_or("—", |v| v.0) }</td>
                }) }
            </tr>
        }
    });
    html! {
        <details part="panel" class="sw-panel sw-compare" {ontoggle}>
            <summary class="sw-summary">{ explain::comparison_summary(d) }</summary>
            if open {
            <div class="sw-panel-body">
                <table class="sw-table">
                    if let Some(caption) = view::comparison_caption(d) {
                        <caption class="sw-table-source">{ said(&caption) }</caption>
                    }
                    <thead>
                        <tr>
                            <th scope="col"><span class="sw-visually-hidden">{ "Aspect" }</span></th>
                            { for d.options.iter().map(|o| html! { <th scope="col">{ &*o.name }</th> }) }
                        </tr>
                    </thead>
                    <tbody>{ for rows }</tbody>
                </table>
            </div>
            }
        </details>
    }
}
