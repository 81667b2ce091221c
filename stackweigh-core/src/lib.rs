//! stackweigh's core: the dataset, the scoring and recommendation rules, tipping points,
//! and the text forms of a visitor's choices.
//!
//! Pure Rust with no browser and no I/O, so every rule is tested natively. The UI asks
//! [`evaluate`] for an [`Outcome`] and changes [`Choices`] only through [`update`].
//!
//! Where each rule lives:
//! - the dataset schema and the pay → `hiring-cost` rule: [`dataset`]
//! - what makes a dataset valid: [`validate`]
//! - presets combining and every state change: [`choices`]
//! - scores (the weighted mean): [`score`]; the team bonus and firm project types:
//!   [`team`]; how a score bar splits: [`chart`]
//! - the answer and its strength: [`verdict`]; "you may need both": [`both`]
//! - tipping points: [`tipping`]
//! - all of it for one set of choices, with the hiring kits and the sources' verdicts:
//!   [`outcome`]
//! - attributes and link fragments: [`encoding`]
//! - words: [`explain`]; Markdown, the embed snippet and the host events' detail: [`share`]

// The baked built-in dataset names `alloc::borrow::Cow`, as databake writes it.
extern crate alloc;

pub mod both;
pub mod chart;
pub mod choices;
pub mod dataset;
pub mod encoding;
pub mod explain;
pub mod json;
pub mod numbers;
mod order;
pub mod outcome;
pub mod read;
mod schema;
pub mod score;
pub mod share;
pub mod team;
pub mod tipping;
pub mod validate;
pub mod verdict;

pub use choices::{update, Action, Choices};
pub use dataset::Dataset;
pub use dataset::DatasetError;
pub use encoding::{Settings, Theme};
pub use outcome::{evaluate, Outcome, Reason, SourceVerdict};
pub use tipping::{Direction, TippingPoint};
pub use verdict::{Strength, Verdict};
