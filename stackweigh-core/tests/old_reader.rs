//! Every dataset the old hand-written JSON reader was given by the core's tests gets the
//! same answer from today's reader: accepted, or refused at the same field for the same
//! reason.
//!
//! The old reader's answers were recorded before it was removed, in
//! `fixtures/old-reader-verdicts.json` (what the fixture holds is said at its top). Where
//! a document has several faults, the readers name different ones: the old reader read
//! fields in the schema's order, today's reads the text in order. The fixture gives
//! today's answer for those too, with the reason, so that they are held to it as well.
//!
//! Since the recording, the schema has renamed roles' and signal groups' `needs` to
//! `project_types`: the recorded datasets and fields are read with that one rename.

mod common;

use serde_json::Value;

/// One recorded dataset and the old reader's answer: `None` for accepted, or the field
/// and the problem; and where today's reader names another of several faults, that one.
struct Case {
    text: String,
    verdict: Option<(String, String)>,
    now: Option<(String, String)>,
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
            text: renamed(&match case["text"].as_str() {
                Some(text) => text.to_string(),
                None => rebuild(bases[case["base"].as_u64().expect("base") as usize], case),
            }),
            verdict: case["verdict"].as_array().map(|v| pair(v)),
            now: case["now"].as_array().map(|v| pair(v)),
        })
        .collect()
}

fn pair(values: &[Value]) -> (String, String) {
    let text = |i: usize| renamed(values[i].as_str().expect("text"));
    (text(0), text(1))
}

/// `needs`, as the schema called a role's and a signal group's project types, renamed.
fn renamed(text: &str) -> String {
    text.replace("\"needs\":", "\"project_types\":")
        .replace(".needs[", ".project_types[")
        .replace(".needs:", ".project_types:")
}

/// A problem without where it is: line and column come from whichever parser read the
/// text, and differ between them by a few characters.
fn words(problem: &str) -> &str {
    problem.split(" at line ").next().unwrap_or(problem)
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
        let now = common::from_json(&case.text).err();
        let agrees = match (case.now.as_ref().or(case.verdict.as_ref()), &now) {
            (None, None) => true,
            (Some((field, problem)), Some(error)) => {
                *field == error.field && words(problem) == words(&error.problem)
            }
            _ => false,
        };
        if !agrees {
            differ.push(format!(
                "{:?}\n  old: {:?} (now: {:?})\n  new: {:?}",
                case.text.chars().take(300).collect::<String>(),
                case.verdict,
                case.now,
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
