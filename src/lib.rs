//! stackweigh: the Yew widget and its embedding as `<stack-weigh>`.
//!
//! Three layers, one direction of data:
//! attributes / link / sliders → [`state`] → `stackweigh_core` → [`components`].
//! - `stackweigh-core` (its own crate): every rule, tested natively.
//! - [`app`], [`state`], [`components`], [`hooks`]: the UI. Components render the core's
//!   outcome and send [`stackweigh_core::Action`]s to one reducer; side effects (change
//!   reports, the link, the clipboard) live in hooks and callbacks, never in the reducer.
//! - [`embed`]: the custom element's Rust half: shadow root, attributes, mount, cleanup,
//!   and the [`events`] it sends to the host page.

pub mod app;
pub mod components;
pub mod embed;
pub mod events;
pub mod hooks;
pub mod state;

pub use app::{App, AppProps};
pub use embed::Widget;

/// The widget's stylesheet (`styles/widget.css` and `print.css`, compacted by build.rs),
/// compiled in for builds whose JavaScript does not carry it (the `styles` feature).
#[cfg(feature = "styles")]
pub const STYLES: &str = include_str!(concat!(env!("OUT_DIR"), "/widget.min.css"));

// See Cargo.toml for why talc. The widget runs on one thread, which is what this
// allocator is made for.
#[cfg(all(not(target_feature = "atomics"), target_family = "wasm"))]
#[global_allocator]
static TALC: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();
