//! What the host page hears: the `detail` of `stackweigh:ready` and `stackweigh:change`.

mod common;

use common::checked_event_detail;
use serde_json::Value;
use stackweigh_core::{evaluate, update, Action, Choices, Dataset};

fn detail(d: &Dataset, c: &Choices) -> Value {
    checked_event_detail(d, c, &evaluate(d, c))
}

#[test]
fn the_detail_names_the_answer_and_every_score_and_weight_by_id() {
    let d = Dataset::builtin();
    // `checked_event_detail` holds the assertions, shared with the fuzz runs.
    detail(d, &Choices::defaults(d));
}

#[test]
fn a_moved_slider_shows_in_the_detail() {
    let d = Dataset::builtin();
    let c = Choices::defaults(d);
    let weight = if c.weights[0] == 9.0 { 2.0 } else { 9.0 };
    let moved = update(
        d,
        &c,
        Action::SetWeight {
            criterion: 0,
            weight,
        },
    );
    let Some(moved) = moved else {
        panic!("the weight did not change");
    };
    assert_eq!(
        detail(d, &moved)["weights"][&*d.criteria[0].id].as_f64(),
        Some(weight)
    );
}

#[test]
fn ids_are_escaped_whatever_they_hold() {
    let mut d = *Dataset::builtin();
    d.options = common::edited(d.options, |o| {
        o[0].id = "quote\" backslash\\ newline\n bell\u{7} é".into()
    });
    d.criteria = common::edited(d.criteria, |c| c[0].id = "</script>".into());
    let c = Choices::defaults(&d);
    let detail = detail(&d, &c);
    assert!(
        detail["scores"].get(&*d.options[0].id).is_some(),
        "{detail}"
    );
    assert!(detail["weights"].get("</script>").is_some(), "{detail}");
}
