use web_sys::HtmlDetailsElement;
use yew::prelude::*;

/// Whether a `<details>` panel is open, and the `ontoggle` handler that keeps that known.
/// Panels build their body only while open: on page load that is DOM work, and time to
/// the first answer, spent for readers who may never open them.
#[hook]
pub fn use_details_open() -> (bool, Callback<Event>) {
    let open = use_state(|| false);
    let set = open.setter();
    let ontoggle = use_callback((), move |e: Event, _| {
        set.set(e.target_unchecked_into::<HtmlDetailsElement>().open())
    });
    (*open, ontoggle)
}
