//! Checks shared by the core's integration tests (`mod common;` in each that uses them).

use serde_json::Value;
use stackweigh_core::share::event_detail;
use stackweigh_core::{Choices, Dataset, Outcome};

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
        d.options.iter().map(|o| o.id.as_str()),
        outcome.scores.mean.iter().map(|&s| shown(s)),
    );
    assert_by_id(
        &detail,
        "weights",
        d.criteria.iter().map(|c| c.id.as_str()),
        c.weights.iter().copied(),
    );
    assert_eq!(detail.as_object().map(|o| o.len()), Some(4), "{text}");
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
