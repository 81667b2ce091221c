//! A part of a panel that Yew leaves alone while what it shows is unchanged.

use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct SameProps {
    pub children: Html,
}

/// Renders its children, and nothing else. Yew compares a component's props before it
/// renders it again, and `Html` compares by what it shows (tags, attributes, listeners,
/// text; not the `NodeRef`s that `html!` makes anew), so a part wrapped in `Same` whose
/// content did not change is skipped whole: no diff, and none of the call into JavaScript
/// per element that Yew's diff makes to compare node references. A panel that changes
/// on every slider step then touches only the parts that did (docs/performance.md, "What
/// a step costs"). A listener made anew on each render compares unequal, so the parts
/// wrapped hold only text, or callbacks that are memoised.
#[component]
pub fn Same(props: &SameProps) -> Html {
    props.children.clone()
}
