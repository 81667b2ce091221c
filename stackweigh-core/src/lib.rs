//! stackweigh's core: the dataset, the scoring and recommendation rules, tipping points,
//! the text forms of a visitor's choices, and what the widget shows of it all.
//!
//! Pure Rust with no browser and no I/O, so every rule is tested natively. The UI asks
//! [`evaluate`] for an [`Outcome`], changes [`Choices`] only through [`update`], and
//! renders what [`view`] makes of them.
//!
//! # Layers
//!
//! The modules form layers, to be read from the first up. **A module uses only the modules
//! of the layers before its own, and those listed before it in its own layer.** So nothing
//! depends on what comes after it: a change of wording cannot reach validation, and the
//! rules do not know how they are shown. `tests/layers.rs` reads this list and every
//! module's `crate::` paths, and fails on a module that reaches forward.
//!
//! 1. text: `order`, `numbers`, `json`
//! 2. dataset: `schema`, `dataset`, `validate`, `read`
//! 3. decision: `choices`, `score`, `team`, `verdict`, `combine`, `tipping`, `firmness`
//! 4. outcome: `outcome`
//! 5. presentation: `chart`, `encoding`, `start`, `whose`, `explain`, `view`, `share`
//!
//! Where each rule lives:
//! - the dataset schema: `schema.rs`, re-exported by [`dataset`] with the pay →
//!   `hiring-cost` rule; reading a custom dataset: [`read`] (and [`json`] for where its
//!   text goes wrong); what makes a dataset valid: [`validate`]
//! - presets combining and every state change: [`choices`]
//! - scores (the weighted mean): [`score`]; the team bonus and firm project types:
//!   [`team`]; how a score bar splits: [`chart`]
//! - the answer and its strength: [`verdict`]; what the sources say for several project
//!   types together, "you may need both" and whom to hire first: [`combine`]
//! - tipping points: [`tipping`]; how firm the answer is over nearby weightings:
//!   [`firmness`]
//! - all of it for one set of choices, with the hiring kits and the sources' verdicts:
//!   [`outcome`]
//! - attributes and link fragments: [`encoding`]; what the widget starts from: [`start`]
//! - words: [`explain`] (numbers: [`numbers`]); whose each sentence is: [`whose`]; what
//!   every panel shows, with whose each sentence is: [`view`]; Markdown, the embed snippets and the host events' detail: [`share`]

// The baked built-in dataset names `alloc::borrow::Cow`, as databake writes it.
extern crate alloc;

pub mod chart;
pub mod choices;
pub mod combine;
pub mod dataset;
pub mod encoding;
pub mod explain;
pub mod firmness;
pub mod json;
pub mod numbers;
mod order;
pub mod outcome;
pub mod read;
mod schema;
pub mod score;
pub mod share;
pub mod start;
pub mod team;
pub mod tipping;
pub mod validate;
pub mod verdict;
pub mod view;
pub mod whose;

pub use choices::{update, Action, Choices};
pub use dataset::{Dataset, DatasetError};
pub use encoding::{Settings, Theme};
pub use outcome::{evaluate, firmness_over, Outcome, Reason, SourceVerdict};
pub use tipping::{Direction, TippingPoint};
pub use verdict::{Strength, Verdict};
