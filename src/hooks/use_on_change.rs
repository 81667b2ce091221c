use stackweigh_core::{Choices, Outcome};
use yew::prelude::*;

use crate::state::Shared;

/// Calls `on_change` after every change of the choices, once the DOM shows it. Not for
/// the choices the widget starts from: the mount announces those as soon as the widget
/// is on the page (see [`crate::embed`]), and effects can run a frame later.
#[hook]
pub fn use_on_change(
    on_change: Callback<(Choices, Shared<Outcome>)>,
    choices: Choices,
    outcome: Shared<Outcome>,
) {
    let first = use_mut_ref(|| true);
    use_effect_with(choices, move |choices| {
        if std::mem::take(&mut *first.borrow_mut()) {
            return;
        }
        on_change.emit((choices.clone(), outcome));
    });
}
