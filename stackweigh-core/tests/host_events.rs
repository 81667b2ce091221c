//! What the host page hears: the `detail` of `stackweigh:ready` and `stackweigh:change`.

use serde_json::Value;
use stackweigh_core::share::event_detail;
use stackweigh_core::{evaluate, update, Action, Choices, Dataset};

fn detail(d: &Dataset, c: &Choices) -> Value {
    let text = event_detail(d, c, &evaluate(d, c));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("not JSON ({e}): {text}"))
}

#[test]
fn the_detail_names_the_answer_and_every_score_and_weight_by_id() {
    let d = Dataset::builtin();
    let c = Choices::defaults(&d);
    let outcome = evaluate(&d, &c);
    let detail = detail(&d, &c);
    assert_eq!(detail["recommendation"], outcome.verdict.id(&d));
    // As shown: rounded to tenths.
    for (option, &score) in d.options.iter().zip(&outcome.scores.total) {
        let shown = (score * 10.0).round() / 10.0;
        assert_eq!(
            detail["scores"][&option.id].as_f64(),
            Some(shown),
            "{detail}"
        );
    }
    assert_eq!(
        detail["scores"].as_object().map(|s| s.len()),
        Some(d.options.len())
    );
    for (criterion, &weight) in d.criteria.iter().zip(&c.weights) {
        assert_eq!(
            detail["weights"][&criterion.id].as_f64(),
            Some(weight),
            "{detail}"
        );
    }
    assert_eq!(
        detail["weights"].as_object().map(|w| w.len()),
        Some(d.criteria.len())
    );
    assert_eq!(
        detail.as_object().map(|o| o.len()),
        Some(3),
        "nothing else: {detail}"
    );
}

#[test]
fn a_moved_slider_shows_in_the_detail() {
    let d = Dataset::builtin();
    let c = Choices::defaults(&d);
    let weight = if c.weights[0] == 9.0 { 2.0 } else { 9.0 };
    let moved = update(
        &d,
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
        detail(&d, &moved)["weights"][&d.criteria[0].id].as_f64(),
        Some(weight)
    );
}

#[test]
fn ids_are_escaped_whatever_they_hold() {
    let mut d = Dataset::builtin();
    d.options[0].id = "quote\" backslash\\ newline\n bell\u{7} é".into();
    d.criteria[0].id = "</script>".into();
    let c = Choices::defaults(&d);
    let detail = detail(&d, &c);
    assert!(detail["scores"].get(&d.options[0].id).is_some(), "{detail}");
    assert!(detail["weights"].get("</script>").is_some(), "{detail}");
}
