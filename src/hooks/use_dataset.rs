use stackweigh_core::Dataset;
use yew::prelude::*;

use crate::state::Shared;

/// The dataset the widget shows, which `App` provides to every component below it as a
/// context: every panel reads it, so it is not handed down as a prop through each one. It
/// never changes while a widget lives, so no component re-renders for it. Outside an
/// `App` (no widget mounts a component so) it is the built-in dataset.
#[hook]
pub fn use_dataset() -> Shared<Dataset> {
    use_context::<Shared<Dataset>>().unwrap_or(Shared::Static(Dataset::builtin()))
}
