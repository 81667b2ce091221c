//! Every dataset the old hand-written JSON reader was given by the core's tests gets the
//! same answer from today's reader: accepted, or refused at the same field.
//!
//! The old reader's answers were recorded before it was removed, in
//! `fixtures/old-reader-verdicts.json` (what the fixture holds is said at its top).

use serde_json::Value;
use stackweigh_core::Dataset;

/// One recorded dataset and the old reader's answer: `None` for accepted, or the field
/// and the problem.
struct Case {
    text: String,
    verdict: Option<(String, String)>,
}

fn cases() -> Vec<Case> {
    let fixture: Value =
        serde_json::from_str(include_str!("fixtures/old-reader-verdicts.json")).expect("JSON");
    let bases: Vec<&str> = fixture["bases"]
        .as_array()
        .expect("bases")
        .iter()
        .map(|b| b.as_str().expect("a base is text"))
        .collect();
    fixture["cases"]
        .as_array()
        .expect("cases")
        .iter()
        .map(|case| Case {
            text: match case["text"].as_str() {
                Some(text) => text.to_string(),
                None => rebuild(bases[case["base"].as_u64().expect("base") as usize], case),
            },
            verdict: case["verdict"].as_array().map(|v| {
                let text = |i: usize| v[i].as_str().expect("verdict text").to_string();
                (text(0), text(1))
            }),
        })
        .collect()
}

/// Applies a case's edits to its base: a number n ≥ 0 keeps the next n bytes, -n skips
/// them, and a string is inserted.
fn rebuild(base: &str, case: &Value) -> String {
    let base = base.as_bytes();
    let (mut at, mut out) = (0, Vec::new());
    for edit in case["edits"].as_array().expect("edits") {
        match edit {
            Value::String(insert) => out.extend_from_slice(insert.as_bytes()),
            number => {
                let n = number.as_i64().expect("a length");
                let len = n.unsigned_abs() as usize;
                if n >= 0 {
                    out.extend_from_slice(&base[at..at + len]);
                }
                at += len;
            }
        }
    }
    assert_eq!(at, base.len(), "the edits cover the whole base");
    String::from_utf8(out).expect("edits keep whole characters")
}

#[test]
fn every_recorded_dataset_gets_the_old_readers_answer() {
    let cases = cases();
    let mut differ = Vec::new();
    for case in &cases {
        let now = Dataset::from_json(&case.text).err();
        let agrees = match (&case.verdict, &now) {
            (None, None) => true,
            (Some((field, _)), Some(error)) => *field == error.field,
            _ => false,
        };
        if !agrees {
            differ.push(format!(
                "{:?}\n  old: {:?}\n  new: {:?}",
                case.text.chars().take(300).collect::<String>(),
                case.verdict,
                now.map(|e| e.to_string())
            ));
        }
    }
    assert!(
        differ.is_empty(),
        "{} of {} datasets get another answer:\n{}",
        differ.len(),
        cases.len(),
        differ.join("\n")
    );
}
