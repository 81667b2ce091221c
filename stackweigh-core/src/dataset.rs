//! The dataset: what is being compared, on which criteria, and what to do about it.
//!
//! The types are declared in `schema.rs` and re-exported here with what the rest of the
//! core asks of a dataset. The built-in dataset lives in `data/nodejs-vs-python.json`; a
//! blogger's custom dataset uses the same schema and is read by [`crate::read`], which
//! holds it to the rules in [`crate::validate`]. The core's tests hold the built-in one
//! to the same rules.

use std::fmt;

pub use crate::schema::{
    BothAdvice, ById, ComparisonRow, Criterion, Dataset, Faq, List, PayRange, ProjectType, RedFlag,
    Role, Signal, SignalGroup, Source, TeamAdvice, Technology, Text, DEFAULT_WEIGHT,
};

/// The built-in comparison, embedded at compile time.
pub const BUILTIN_JSON: &str = include_str!("../data/nodejs-vs-python.json");

/// Fewest and most options a dataset may compare.
pub const MIN_OPTIONS: usize = 2;
pub const MAX_OPTIONS: usize = 8;
/// Most criteria a dataset may weigh.
pub const MAX_CRITERIA: usize = 40;
/// Scores run from 1 (weak) to 10 (strong).
pub const MIN_SCORE: f64 = 1.0;
pub const MAX_SCORE: f64 = 10.0;
/// Weights run from 0 (ignore) to 10 (critical).
pub const MAX_WEIGHT: f64 = 10.0;

/// The verdict a project type's source gives when it leaves the choice to the team.
pub const EITHER: &str = "either";

/// Why a dataset was refused, and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DatasetError {
    /// Path to the field, e.g. `criteria[2].scores.python`; empty for the whole dataset.
    pub field: String,
    pub problem: String,
}

impl DatasetError {
    pub fn new(field: impl Into<String>, problem: impl Into<String>) -> Self {
        DatasetError {
            field: field.into(),
            problem: problem.into(),
        }
    }
}

impl fmt::Display for DatasetError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.field.is_empty() {
            write!(f, "{}", self.problem)
        } else {
            write!(f, "{}: {}", self.field, self.problem)
        }
    }
}

impl Dataset {
    /// The built-in Node.js vs Python comparison, baked into the program by build.rs (see
    /// [`BUILTIN_JSON`]) so that no page load parses it, or even builds it: it is static
    /// data, to be shared rather than copied.
    pub fn builtin() -> &'static Dataset {
        &BUILTIN
    }

    pub fn option_index(&self, id: &str) -> Option<usize> {
        self.options.iter().position(|o| o.id == id)
    }

    /// The option the sources give project type `p`: None where they leave the choice to
    /// the team (`either`), or for a type that does not exist. The one place the
    /// combination of project types and their presets read it.
    pub fn decided_option(&self, p: usize) -> Option<usize> {
        self.project_types
            .get(p)
            .and_then(|t| self.option_index(&t.verdict))
    }

    pub fn criterion_index(&self, id: &str) -> Option<usize> {
        self.criteria.iter().position(|c| c.id == id)
    }

    pub fn project_index(&self, id: &str) -> Option<usize> {
        self.project_types.iter().position(|p| p.id == id)
    }

    /// The score of option `option` on criterion `criterion`; validation guarantees it exists.
    pub fn score(&self, criterion: usize, option: usize) -> f64 {
        let id = &self.options[option].id;
        self.criteria[criterion]
            .scores
            .get(id)
            .copied()
            .unwrap_or(MIN_SCORE)
    }

    /// The weights each criterion starts at, rounded to whole steps (like combined presets)
    /// so the sliders and links can show them.
    pub fn default_weights(&self) -> Vec<f64> {
        self.criteria
            .iter()
            .map(|c| c.default_weight.round())
            .collect()
    }

    /// A project type's preset as a weight per criterion (criteria it leaves out weigh 0).
    pub fn preset_weights(&self, project: usize) -> Vec<f64> {
        let preset = &self.project_types[project].preset;
        self.criteria
            .iter()
            .map(|c| preset.get(&c.id).copied().unwrap_or(0.0))
            .collect()
    }

    /// The option whose team value is `team` (e.g. `javascript` → Node.js).
    pub fn option_for_team(&self, team: &str) -> Option<usize> {
        self.options
            .iter()
            .position(|o| o.team.as_deref() == Some(team))
    }
}

/// The built-in dataset as build.rs bakes it: constant data, so reading it costs nothing.
static BUILTIN: Dataset = include!(concat!(env!("OUT_DIR"), "/builtin.rs"));
