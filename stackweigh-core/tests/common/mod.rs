//! What the core's integration tests share (`mod common;` in each): reading a dataset as
//! the widget does, and checks.

// Each test file uses its own part of this module.
#![allow(dead_code)]

use std::sync::OnceLock;

use proptest::prelude::*;
use serde_json::Value;
use stackweigh_core::dataset::{ById, Criterion, List, ProjectType, Technology, BUILTIN_JSON};
use stackweigh_core::read::{read_json, Json, Kind};
use stackweigh_core::share::event_detail;
use stackweigh_core::{Choices, Dataset, DatasetError, Outcome};

/// Reads a dataset the way the widget reads a custom one, with serde_json in the place of
/// the browser's `JSON.parse`.
pub fn from_json(text: &str) -> Result<Dataset, DatasetError> {
    read_json(text, |text| {
        serde_json::from_str(text)
            .map(Parsed)
            .map_err(|e| e.to_string())
    })
}

/// serde_json's values, as the reader asks about them.
pub struct Parsed(pub Value);

impl Json for Parsed {
    fn kind(&self) -> Kind {
        match self.0 {
            Value::Null => Kind::Null,
            Value::Bool(_) => Kind::Bool,
            Value::Number(_) => Kind::Number,
            Value::String(_) => Kind::String,
            Value::Array(_) => Kind::Array,
            Value::Object(_) => Kind::Object,
        }
    }

    fn as_bool(&self) -> Option<bool> {
        self.0.as_bool()
    }

    fn as_f64(&self) -> Option<f64> {
        self.0.as_f64()
    }

    fn as_text(&self) -> Option<String> {
        self.0.as_str().map(str::to_string)
    }

    fn into_elements(self) -> Vec<Self> {
        match self.0 {
            Value::Array(items) => items.into_iter().map(Parsed).collect(),
            _ => Vec::new(),
        }
    }

    fn into_members(self) -> Vec<(String, Self)> {
        match self.0 {
            Value::Object(members) => members.into_iter().map(|(k, v)| (k, Parsed(v))).collect(),
            _ => Vec::new(),
        }
    }
}

/// A copy of `list` with `edit` applied: a dataset's lists are kept as they are.
pub fn edited<T: Clone>(list: List<T>, edit: impl FnOnce(&mut Vec<T>)) -> List<T> {
    let mut items = list.to_vec();
    edit(&mut items);
    items.into()
}

/// The built-in dataset's JSON as a `serde_json::Value`, for tests that change it.
pub fn builtin_value() -> &'static Value {
    static VALUE: OnceLock<Value> = OnceLock::new();
    VALUE.get_or_init(|| serde_json::from_str(BUILTIN_JSON).expect("the built-in JSON parses"))
}

/// `d` written as JSON and read back as a custom dataset: it must be valid.
pub fn through_json(d: &Dataset) -> Dataset {
    let json = serde_json::to_string(d).expect("a dataset serializes");
    from_json(&json).unwrap_or_else(|e| panic!("a generated dataset was refused: {e}"))
}

/// A valid dataset of 2 to `max_options` options (some with a `team` value), 1–40
/// criteria scored in quarter steps from 1 to 10 with whole default weights, and 0–6
/// project types with partial presets. It is read back through JSON, as a custom dataset
/// would be.
pub fn arb_dataset(max_options: usize) -> impl Strategy<Value = Dataset> {
    (2..=max_options, 1usize..=40, 0usize..=6)
        .prop_flat_map(|(n, m, p)| {
            (
                prop::collection::vec(any::<bool>(), n),
                prop::collection::vec(prop::collection::vec(0u8..=36, n), m),
                prop::collection::vec(0u8..=10, m),
                prop::collection::vec(
                    (0..=n, prop::collection::vec(prop::option::of(0u8..=10), m)),
                    p,
                ),
            )
        })
        .prop_map(|(teams, scores, defaults, projects)| {
            let n = teams.len();
            let options: Vec<Technology> = teams
                .iter()
                .enumerate()
                .map(|(o, &team)| Technology {
                    team: team.then(|| format!("lang_{o}").into()),
                    ..technology(o)
                })
                .collect();
            let criteria: Vec<Criterion> = scores
                .iter()
                .zip(&defaults)
                .enumerate()
                .map(|(c, (row, &default))| generated_criterion(c, row, f64::from(default)))
                .collect();
            let project_types: Vec<ProjectType> = projects
                .iter()
                .enumerate()
                .map(|(i, (verdict, preset))| ProjectType {
                    id: format!("project_{i}").into(),
                    name: format!("Project {i}").into(),
                    short_name: "Project".into(),
                    verdict: if *verdict == n {
                        "either".into()
                    } else {
                        format!("opt-{verdict}").into()
                    },
                    firm: false,
                    reason: "generated".into(),
                    rationale: Default::default(),
                    source: None,
                    section: None,
                    reason_section: None,
                    preset: preset
                        .iter()
                        .enumerate()
                        .filter_map(|(c, w)| w.map(|w| (format!("crit-{c}"), f64::from(w))))
                        .collect(),
                })
                .collect();
            generated_dataset(options, criteria, project_types)
        })
}

/// A generated dataset of these parts and nothing else, read back through JSON as a custom
/// dataset would be.
fn generated_dataset(
    options: Vec<Technology>,
    criteria: Vec<Criterion>,
    project_types: Vec<ProjectType>,
) -> Dataset {
    through_json(&Dataset {
        title: "Generated".into(),
        intro: Default::default(),
        options: options.into(),
        criteria: criteria.into(),
        project_types: project_types.into(),
        comparison: Default::default(),
        roles: Default::default(),
        both: None,
        team_advice: None,
        faq: Default::default(),
        sources: Default::default(),
    })
}

/// Criterion `c` of a generated dataset, scoring option `o` at `quarters[o]` quarter points
/// above 1 (0 is 1.0, 36 is 10.0).
fn generated_criterion(c: usize, quarters: &[u8], default_weight: f64) -> Criterion {
    Criterion {
        id: format!("crit-{c}").into(),
        name: format!("Criterion {c}").into(),
        description: "generated".into(),
        scores: quarters
            .iter()
            .enumerate()
            .map(|(o, &s)| (format!("opt-{o}"), 1.0 + f64::from(s) / 4.0))
            .collect(),
        notes: ById::default(),
        default_weight,
        source: None,
        section: None,
        converted: None,
        notes_source: None,
        notes_section: None,
    }
}

/// Option `o` with only an id and a name, as the schema's minimum allows.
fn technology(o: usize) -> Technology {
    Technology {
        id: format!("opt-{o}").into(),
        name: format!("Option {o}").into(),
        summary: Default::default(),
        team: None,
        team_label: None,
        frameworks: Default::default(),
        use_cases: Default::default(),
        concurrency: Default::default(),
        language: Default::default(),
        salary: None,
        contract_rate: None,
    }
}

/// A dataset of `quarters.len()` criteria over `quarters[0].len()` options, each score
/// given in quarter points above 1 (0 is 1.0, 36 is 10.0), every default weight 5.
pub fn scored_dataset(quarters: &[Vec<u8>]) -> Dataset {
    let options: Vec<Technology> = (0..quarters[0].len()).map(technology).collect();
    let criteria: Vec<Criterion> = quarters
        .iter()
        .enumerate()
        .map(|(c, row)| generated_criterion(c, row, 5.0))
        .collect();
    generated_dataset(options, criteria, Vec::new())
}

/// Choices a visitor could make on `d`: whole weights 0–10, any set of project types, and
/// no team or the team of an option that has one (the only teams the widget offers).
pub fn arb_choices(d: &Dataset) -> impl Strategy<Value = Choices> {
    let m = d.criteria.len();
    let p = d.project_types.len();
    let teams: Vec<usize> = (0..d.options.len())
        .filter(|&o| d.options[o].team.is_some())
        .collect();
    let team = if teams.is_empty() {
        Just(None).boxed()
    } else {
        prop::option::of(prop::sample::select(teams)).boxed()
    };
    (
        prop::collection::vec((0u8..=10).prop_map(f64::from), m),
        prop::collection::vec(any::<bool>(), p),
        team,
    )
        .prop_map(|(weights, chosen, team)| Choices {
            weights,
            project_types: chosen
                .iter()
                .enumerate()
                .filter(|(_, &on)| on)
                .map(|(i, _)| i)
                .collect(),
            team,
        })
}

/// The host events' detail, parsed and checked against what the widget shows: the
/// verdict's id and strength, every option's score rounded to tenths and every
/// criterion's weight, each under its id, and nothing else.
pub fn checked_event_detail(d: &Dataset, c: &Choices, outcome: &Outcome) -> Value {
    let text = event_detail(d, c, outcome);
    let detail: Value =
        serde_json::from_str(&text).unwrap_or_else(|e| panic!("not JSON ({e}): {text}"));
    assert_eq!(detail["recommendation"], outcome.verdict.id(d), "{text}");
    assert_eq!(detail["strength"], outcome.verdict.strength(), "{text}");
    let shown = |score: f64| (score * 10.0).round() / 10.0;
    assert_by_id(
        &detail,
        "scores",
        d.options.iter().map(|o| &*o.id),
        outcome.scores.mean.iter().map(|&s| shown(s)),
    );
    assert_by_id(
        &detail,
        "weights",
        d.criteria.iter().map(|c| &*c.id),
        c.weights.iter().copied(),
    );
    let agreement = (outcome.firmness.agreement * 100.0).round() / 100.0;
    assert_eq!(detail["agreement"].as_f64(), Some(agreement), "{text}");
    // The fields xtask/src/contract.rs declares (a test there ties them to `event_detail`).
    let keys: Vec<&str> = detail
        .as_object()
        .map(|o| o.keys().map(String::as_str).collect())
        .unwrap_or_default();
    assert_eq!(
        keys,
        [
            "recommendation",
            "strength",
            "scores",
            "agreement",
            "weights"
        ],
        "{text}"
    );
    detail
}

/// `detail[field]` holds exactly these values under these ids.
fn assert_by_id<'a>(
    detail: &Value,
    field: &str,
    ids: impl ExactSizeIterator<Item = &'a str>,
    values: impl Iterator<Item = f64>,
) {
    let map = detail[field].as_object();
    assert_eq!(map.map(|m| m.len()), Some(ids.len()), "{field}: {detail}");
    for (id, value) in ids.zip(values) {
        assert_eq!(
            detail[field][id].as_f64(),
            Some(value),
            "{field}.{id}: {detail}"
        );
    }
}
