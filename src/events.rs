//! The events a widget sends to its host page, and what they carry.

use js_sys::JSON;
use stackweigh_core::share::event_detail;
use stackweigh_core::{Choices, Dataset, Outcome};
use wasm_bindgen::JsValue;
use web_sys::{CustomEvent, CustomEventInit, HtmlElement};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HostEvent {
    /// Once per mount, when the widget is on the page, with the choices it starts from.
    Ready,
    /// After every change of the choices.
    Change,
}

impl HostEvent {
    fn name(self) -> &'static str {
        match self {
            HostEvent::Ready => "stackweigh:ready",
            HostEvent::Change => "stackweigh:change",
        }
    }
}

/// Sends `event` from the host element. It bubbles and crosses the shadow boundary, so a
/// listener on `document` hears every instance. A failure is logged: the widget itself
/// keeps working.
pub fn send(
    host: &HtmlElement,
    event: HostEvent,
    dataset: &Dataset,
    choices: &Choices,
    outcome: &Outcome,
) {
    let detail = detail(dataset, choices, outcome);
    if let Err(e) = dispatch(host, event.name(), &detail) {
        web_sys::console::warn_2(
            &JsValue::from_str("stackweigh: could not send an event"),
            &e,
        );
    }
}

fn dispatch(host: &HtmlElement, name: &str, detail: &JsValue) -> Result<(), JsValue> {
    let init = CustomEventInit::new();
    init.set_bubbles(true);
    init.set_composed(true);
    init.set_detail(detail);
    let event = CustomEvent::new_with_event_init_dict(name, &init)?;
    host.dispatch_event(&event)?;
    Ok(())
}

/// The detail the core writes (`share::event_detail`, which says what each field holds),
/// parsed here in one call. Should the text ever fail to parse, the event still
/// goes out, with no detail.
fn detail(dataset: &Dataset, choices: &Choices, outcome: &Outcome) -> JsValue {
    JSON::parse(&event_detail(dataset, choices, outcome)).unwrap_or(JsValue::NULL)
}
