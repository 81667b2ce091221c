use stackweigh_core::{Choices, Dataset, Outcome};
use web_sys::HtmlElement;
use yew::prelude::*;

use crate::events::{self, HostEvent};
use crate::state::Shared;

/// Tells the host page what the widget shows: `stackweigh:change` after every change of
/// the choices. The first choices are announced by the mount, with `stackweigh:ready`, as
/// soon as the widget is on the page (see [`crate::embed`]): effects can run a frame later.
#[hook]
pub fn use_host_events(
    host: Option<HtmlElement>,
    dataset: Shared<Dataset>,
    choices: Choices,
    outcome: Shared<Outcome>,
) {
    let first = use_mut_ref(|| true);
    use_effect_with(choices, move |choices| {
        if std::mem::replace(&mut *first.borrow_mut(), false) {
            return;
        }
        if let Some(host) = host {
            events::send(&host, HostEvent::Change, &dataset, choices, &outcome);
        }
    });
}
