use js_sys::{Object, Reflect};
use stackweigh_core::{Choices, Dataset, Outcome};
use wasm_bindgen::JsValue;
use web_sys::{CustomEvent, CustomEventInit, HtmlElement};
use yew::prelude::*;

use crate::state::Shared;

/// Tells the host page what the widget shows: `stackweigh:ready` after the first render,
/// then `stackweigh:change` after every change. Both bubble and cross the shadow
/// boundary, so a listener on `document` hears every instance.
#[hook]
pub fn use_host_events(
    host: Option<HtmlElement>,
    dataset: Shared<Dataset>,
    choices: Choices,
    outcome: Shared<Outcome>,
) {
    let ready_sent = use_mut_ref(|| false);
    use_effect_with(choices, move |choices| {
        if let Some(host) = host {
            let name = if *ready_sent.borrow() {
                "stackweigh:change"
            } else {
                "stackweigh:ready"
            };
            *ready_sent.borrow_mut() = true;
            if let Err(e) = dispatch(&host, name, &event_detail(&dataset, choices, &outcome)) {
                web_sys::console::warn_2(
                    &JsValue::from_str("stackweigh: could not send an event"),
                    &e,
                );
            }
        }
    });
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

/// `{ recommendation, scores: { id: number }, weights: { id: number } }`.
pub fn event_detail(dataset: &Dataset, choices: &Choices, outcome: &Outcome) -> JsValue {
    let detail = Object::new();
    let scores = Object::new();
    for (o, option) in dataset.options.iter().enumerate() {
        let score = (outcome.scores.total[o] * 10.0).round() / 10.0;
        let _ = Reflect::set(
            &scores,
            &JsValue::from_str(&option.id),
            &JsValue::from_f64(score),
        );
    }
    let _ = Reflect::set(
        &detail,
        &"recommendation".into(),
        &JsValue::from_str(outcome.verdict.id(dataset)),
    );
    let _ = Reflect::set(&detail, &"scores".into(), &scores);
    let _ = Reflect::set(
        &detail,
        &"weights".into(),
        &weights_object(dataset, &choices.weights),
    );
    detail.into()
}

fn weights_object(dataset: &Dataset, weights: &[f64]) -> Object {
    let object = Object::new();
    for (criterion, &w) in dataset.criteria.iter().zip(weights) {
        let _ = Reflect::set(
            &object,
            &JsValue::from_str(&criterion.id),
            &JsValue::from_f64(w),
        );
    }
    object
}
