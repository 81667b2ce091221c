//! What spares Yew's diff work on a slider step: `Same`, for a part whose content did not
//! change, and `use_kept_ref`, for the elements of a part that did.

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
/// a step costs"). Where the part changes on most steps, a `Same` only adds a component
/// to render, and a pass of Yew's scheduler: such parts carry a kept reference
/// ([`use_kept_ref`]) instead. A listener made anew on each render compares unequal, so
/// the parts wrapped hold only text, or callbacks that are memoised.
#[component]
pub fn Same(props: &SameProps) -> Html {
    props.children.clone()
}

/// A node reference that a component's elements carry on every render.
///
/// `html!` gives each element a new `NodeRef`, and Yew's diff, finding that it differs from
/// the one the element had, asks JavaScript whether that old one still holds the element
/// (`Object.is`): one call per element on every render, a third of a slider step's calls
/// before the components that re-render on most steps took this. An element that carries
/// the same reference on every render skips it. Nothing reads this one, so all of a
/// component's elements can share it: it ends up naming whichever was made last, and is
/// dropped with the component (docs/performance.md, "What a step costs").
#[hook]
pub fn use_kept_ref() -> NodeRef {
    use_node_ref()
}
