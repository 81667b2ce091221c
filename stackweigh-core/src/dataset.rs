//! The dataset: what is being compared, on which criteria, and what to do about it.
//!
//! The built-in dataset lives in `data/nodejs-vs-python.json`; a blogger's custom
//! dataset uses the same schema. Both go through [`Dataset::from_json`], so a custom
//! dataset is held to exactly the rules the built-in one is.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::validate::{self, DatasetError};

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

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Dataset {
    /// The question the widget answers, shown as its heading.
    pub title: String,
    /// One or two sentences under the heading.
    #[serde(default)]
    pub intro: String,
    pub options: Vec<Choice>,
    pub criteria: Vec<Criterion>,
    #[serde(default)]
    pub project_types: Vec<ProjectType>,
    /// The side-by-side table.
    #[serde(default)]
    pub comparison: Vec<ComparisonRow>,
    /// Hiring kits, one per role.
    #[serde(default)]
    pub roles: Vec<Role>,
    /// Advice for when the needs call for more than one option.
    #[serde(default)]
    pub both: Option<BothAdvice>,
    #[serde(default)]
    pub faq: Vec<Faq>,
    #[serde(default)]
    pub sources: Vec<Source>,
}

/// One of the technologies being compared (an "option" in the JSON).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Choice {
    pub id: String,
    pub name: String,
    /// A one-line portrait.
    #[serde(default)]
    pub summary: String,
    /// The `team` attribute value meaning "our team mostly writes this" (e.g. `javascript`).
    #[serde(default)]
    pub team: Option<String>,
    /// How the team choice is labelled ("Mostly JavaScript").
    #[serde(default)]
    pub team_label: Option<String>,
    #[serde(default)]
    pub frameworks: Vec<String>,
    #[serde(default)]
    pub use_cases: Vec<String>,
    #[serde(default)]
    pub concurrency: String,
    #[serde(default)]
    pub language: String,
    /// Typical annual pay.
    #[serde(default)]
    pub salary: Option<PayRange>,
    /// Typical contract rate.
    #[serde(default)]
    pub contract_rate: Option<PayRange>,
}

impl Choice {
    /// An option with only an id and a name, as the schema's minimum allows.
    pub fn new(id: impl Into<String>, name: impl Into<String>) -> Choice {
        Choice {
            id: id.into(),
            name: name.into(),
            summary: String::new(),
            team: None,
            team_label: None,
            frameworks: vec![],
            use_cases: vec![],
            concurrency: String::new(),
            language: String::new(),
            salary: None,
            contract_rate: None,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PayRange {
    pub low: f64,
    pub high: f64,
    /// ISO currency code, e.g. `USD`.
    pub currency: String,
    /// `year` or `hour`.
    pub per: String,
    /// Where the range applies, when it is regional ("India").
    #[serde(default)]
    pub region: Option<String>,
    #[serde(default)]
    pub note: Option<String>,
}

/// Something a hiring decision can weigh, scored 1–10 per option.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Criterion {
    /// Stable id, part of the public `weights` attribute and URL format.
    pub id: String,
    pub name: String,
    /// One line: what this criterion measures.
    pub description: String,
    /// Score per option id, 1–10.
    pub scores: BTreeMap<String, f64>,
    /// A short note per option id explaining its score.
    #[serde(default)]
    pub notes: BTreeMap<String, String>,
    /// Weight before any project need is chosen.
    #[serde(default = "default_weight")]
    pub default_weight: f64,
}

fn default_weight() -> f64 {
    5.0
}

/// A kind of project, with the verdict the sources give for it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProjectType {
    pub id: String,
    pub name: String,
    /// An option id, or `either` when the sources leave it to the team.
    pub verdict: String,
    /// One line: why.
    pub reason: String,
    /// Weight per criterion id; criteria left out weigh 0.
    pub preset: BTreeMap<String, f64>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ComparisonRow {
    pub aspect: String,
    /// Text per option id.
    pub values: BTreeMap<String, String>,
}

/// A hire to make, with what to ask and what to watch for.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Role {
    pub id: String,
    /// The option this role works in.
    pub option: String,
    pub title: String,
    /// Project types that call for this role rather than a sibling role of the same option.
    #[serde(default)]
    pub needs: Vec<String>,
    /// Criteria that, weighted highly, call for this role.
    #[serde(default)]
    pub criteria: Vec<String>,
    #[serde(default)]
    pub questions: Vec<String>,
    #[serde(default)]
    pub red_flags: Vec<RedFlag>,
    /// What the candidate market looks like for this role.
    #[serde(default)]
    pub market: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RedFlag {
    pub flag: String,
    pub why: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BothAdvice {
    /// Why some products need both.
    pub summary: String,
    /// Signs on a roadmap that point to both.
    #[serde(default)]
    pub signals: Vec<String>,
    /// How the two usually split the work.
    #[serde(default)]
    pub architecture: String,
    /// The option to hire first.
    pub first_hire: String,
    /// Why that one first.
    pub hiring_order: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Faq {
    pub question: String,
    pub answer: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    pub title: String,
    pub publisher: String,
    #[serde(default)]
    pub date: Option<String>,
    /// http(s) only; anything else is refused by validation.
    #[serde(default)]
    pub url: Option<String>,
}

/// The verdict a project type's source gives when it leaves the choice to the team.
pub const EITHER: &str = "either";

impl Dataset {
    /// Parses and validates a dataset. Every failure names the field at fault.
    pub fn from_json(json: &str) -> Result<Dataset, DatasetError> {
        let dataset: Dataset =
            serde_json::from_str(json).map_err(|e| DatasetError::from_json(json, &e))?;
        validate::check(&dataset)?;
        Ok(dataset)
    }

    /// The built-in Node.js vs Python comparison.
    pub fn builtin() -> Dataset {
        // The built-in file is checked by the core's tests, so this cannot fail in a
        // shipped build; fall back to a minimal dataset rather than panic regardless.
        Dataset::from_json(BUILTIN_JSON).unwrap_or_else(|_| Dataset::minimal())
    }

    /// Two options and one criterion: only reachable if the built-in file were broken.
    fn minimal() -> Dataset {
        Dataset {
            title: "Node.js or Python?".into(),
            intro: String::new(),
            options: vec![
                Choice::new("node", "Node.js"),
                Choice::new("python", "Python"),
            ],
            criteria: vec![Criterion {
                id: "performance".into(),
                name: "Performance".into(),
                description: "Throughput and concurrency.".into(),
                scores: [("node".to_string(), 8.0), ("python".to_string(), 7.0)].into(),
                notes: BTreeMap::new(),
                default_weight: 5.0,
            }],
            project_types: vec![],
            comparison: vec![],
            roles: vec![],
            both: None,
            faq: vec![],
            sources: vec![],
        }
    }

    pub fn option_index(&self, id: &str) -> Option<usize> {
        self.options.iter().position(|o| o.id == id)
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

/// How pay turns into the `hiring-cost` score: cheaper scores higher.
///
/// The midpoint of the annual range is taken, and every $20k above $100k costs a
/// point from a perfect 10 (floored at 1). So $130k–$200k (midpoint $165k) scores
/// 6.75 and $130k–$190k (midpoint $160k) scores 7.0. The anchor and slope are ours,
/// chosen so the real ranges land mid-scale and a $10k gap moves the score by half a point.
pub fn cost_score(salary: &PayRange) -> f64 {
    let midpoint = (salary.low + salary.high) / 2.0;
    (MAX_SCORE - (midpoint - 100_000.0) / 20_000.0).clamp(MIN_SCORE, MAX_SCORE)
}
