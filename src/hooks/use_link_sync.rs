//! The permalink: the page's fragment follows the choices (with `sync-url`).

use std::cell::Cell;

use gloo_timers::callback::Timeout;
use stackweigh_core::encoding::rewrite_fragment;
use stackweigh_core::{Choices, Dataset};
use wasm_bindgen::JsValue;
use yew::prelude::*;

use crate::state::Shared;

/// How long the choices must rest before the link follows. Browsers ignore history calls
/// made too often (Chromium: about 200 in 10 s), which a slider drag would exceed, and
/// each call costs time the slider should have.
const SETTLE_MS: u32 = 250;

/// Keeps the page link's fragment in step with the choices, so the address bar is always
/// a permalink. `replaceState` rather than `pushState`: a slider drag must not fill the
/// history. Only when the host opted in (`sync-url`), and not on the first render, so
/// opening a link does not rewrite it.
#[hook]
pub fn use_link_sync(enabled: bool, dataset: Shared<Dataset>, choices: Choices) {
    let first = use_mut_ref(|| true);
    // Replacing the timer drops, and so cancels, the one still waiting.
    let pending = use_mut_ref(|| None::<Timeout>);
    use_effect_with(choices, move |choices| {
        if std::mem::take(&mut *first.borrow_mut()) || !enabled {
            return;
        }
        // The fragment is written only when the timer fires: a drag's earlier steps are
        // never shown, so they need not be encoded.
        let (dataset, choices) = (dataset.clone(), choices.clone());
        *pending.borrow_mut() = Some(Timeout::new(SETTLE_MS, move || {
            write_link(|current| rewrite_fragment(&dataset, &choices, current))
        }));
    });
}

thread_local! {
    /// Whether the page has been told the link cannot follow: once is enough.
    static WARNED: Cell<bool> = const { Cell::new(false) };
}

/// Replaces the page's fragment with `fragment(current fragment)`: the rewrite keeps what
/// is not ours in it (the embed page's theme, a host's `#?secret=…`). Where the page
/// refuses (a sandboxed frame may), the widget works on with the link as it was, and the
/// console hears of it once, as a warning: nothing the host page could take for an error.
fn write_link(fragment: impl FnOnce(&str) -> String) {
    let result = web_sys::window()
        .ok_or_else(|| JsValue::from_str("no window"))
        .and_then(|w| {
            let location = w.location();
            let fragment = fragment(&location.hash()?);
            // A full address, not a bare "#…": a relative one resolves against the page's
            // <base href>, which may point elsewhere.
            let href = location.href()?;
            let page = href.split('#').next().unwrap_or_default();
            w.history()?.replace_state_with_url(
                &JsValue::NULL,
                "",
                Some(&format!("{page}#{fragment}")),
            )
        });
    if let Err(e) = result {
        if !WARNED.with(|warned| warned.replace(true)) {
            web_sys::console::warn_2(
                &JsValue::from_str("stackweigh: could not update the link"),
                &e,
            );
        }
    }
}
