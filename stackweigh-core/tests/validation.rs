//! A dataset is refused for every kind of bad data, with a message that names the field
//! at fault; a valid custom dataset is accepted and gives a sensible recommendation.

mod common;

use proptest::prelude::*;
use serde_json::{json, Value};
use stackweigh_core::dataset::{Dataset, BUILTIN_JSON};
use stackweigh_core::encoding::{read_fragment, write_fragment};
use stackweigh_core::{evaluate, Choices, Strength, Verdict};

/// The built-in dataset, changed by `mutate`, as JSON text.
fn mutated(mutate: impl FnOnce(&mut Value)) -> String {
    let mut value = common::builtin_value().clone();
    mutate(&mut value);
    serde_json::to_string_pretty(&value).expect("a Value serializes")
}

/// Asserts that `json` is refused at `field`, and returns the whole message.
fn refused_at(json: &str, field: &str) -> String {
    let error = match common::from_json(json) {
        Ok(_) => panic!("accepted a dataset that should be refused at {field}"),
        Err(e) => e,
    };
    let message = error.to_string();
    assert_eq!(error.field, field, "wrong field in: {message}");
    assert!(
        !error.problem.trim().is_empty(),
        "no problem given for {field}"
    );
    assert!(
        message.starts_with(&format!("{field}: ")),
        "the message does not lead with the field: {message}"
    );
    message
}

/// A change to the built-in dataset, as a plain function so a table can list several.
type Mutation = fn(&mut Value);

fn refuses(mutate: impl FnOnce(&mut Value), field: &str) -> String {
    refused_at(&mutated(mutate), field)
}

#[test]
fn the_unmutated_builtin_round_trips_through_value() {
    // The harness itself: serializing the Value changes nothing that matters.
    let dataset = common::from_json(&mutated(|_| {})).expect("accepted");
    assert_eq!(dataset, *Dataset::builtin());
}

#[test]
fn an_unknown_criterion_in_a_preset_is_named() {
    let message = refuses(
        |v| v["project_types"][0]["preset"]["speed"] = json!(5),
        "project_types[0].preset.speed",
    );
    assert!(
        message.contains("\"speed\" is not a known criterion"),
        "{message}"
    );
}

#[test]
fn a_preset_weight_outside_0_to_10_is_named() {
    let message = refuses(
        |v| v["project_types"][2]["preset"]["performance"] = json!(11),
        "project_types[2].preset.performance",
    );
    assert!(message.contains("outside"), "{message}");
    refuses(
        |v| v["project_types"][2]["preset"]["talent"] = json!(-1),
        "project_types[2].preset.talent",
    );
}

#[test]
fn a_score_outside_1_to_10_is_named() {
    for bad in [
        json!(0),
        json!(0.99),
        json!(10.01),
        json!(11),
        json!(-3),
        json!(1e300),
    ] {
        let message = refuses(
            |v| v["criteria"][3]["scores"]["python"] = bad.clone(),
            "criteria[3].scores.python",
        );
        assert!(message.contains("outside 1–10"), "{bad}: {message}");
    }
    // The ends themselves are allowed.
    for good in [json!(1), json!(10), json!(5.5)] {
        let json = mutated(|v| v["criteria"][3]["scores"]["node"] = good.clone());
        assert!(common::from_json(&json).is_ok(), "{good} should be allowed");
    }
}

#[test]
fn the_refused_value_is_quoted_exactly_or_not_at_all() {
    for bad in [
        0.99,
        0.96,
        10.01,
        10.04,
        -0.01,
        1e300,
        -1e300,
        123_456_789_012_345.0,
    ] {
        let message = refuses(
            |v| v["criteria"][3]["scores"]["python"] = json!(bad),
            "criteria[3].scores.python",
        );
        let problem = message.trim_start_matches("criteria[3].scores.python: ");
        if let Some((quoted, _)) = problem.split_once(" is outside") {
            let quoted: f64 = quoted
                .parse()
                .unwrap_or_else(|_| panic!("{bad}: {message}"));
            assert_eq!(quoted, bad, "{message}");
        } else {
            assert_eq!(problem, "is outside 1–10", "{bad}");
        }
    }
    let message = refuses(
        |v| v["criteria"][3]["scores"]["python"] = json!(10.5),
        "criteria[3].scores.python",
    );
    assert!(message.ends_with("10.5 is outside 1–10"), "{message}");
}

#[test]
fn a_value_of_the_wrong_type_is_named() {
    let cases: [(&str, &str, Mutation); 6] = [
        (
            "criteria[0].scores.node",
            "expected a number, found a string",
            |v| v["criteria"][0]["scores"]["node"] = json!("8"),
        ),
        (
            "criteria[0].scores.node",
            "expected a number, found an array",
            |v| v["criteria"][0]["scores"]["node"] = json!([8]),
        ),
        (
            "criteria[0].scores.node",
            "expected a number, found an object",
            |v| v["criteria"][0]["scores"]["node"] = json!({ "a": [1, { "b": 2 }] }),
        ),
        ("faq[2].answer", "expected a string, found a number", |v| {
            v["faq"][2]["answer"] = json!(3)
        }),
        ("sources[1].url", "expected a string, found a number", |v| {
            v["sources"][1]["url"] = json!(5)
        }),
        ("options", "expected an array, found a string", |v| {
            v["options"] = json!("x")
        }),
    ];
    for (field, problem, mutate) in cases {
        let message = refuses(mutate, field);
        assert!(
            message.contains(problem) && message.contains(" line ") && message.contains(" column "),
            "{message}"
        );
    }
}

#[test]
fn a_missing_score_for_an_option_is_named() {
    let message = refuses(
        |v| {
            v["criteria"][4]["scores"]
                .as_object_mut()
                .unwrap()
                .remove("python");
        },
        "criteria[4].scores.python",
    );
    assert!(message.ends_with("is missing"), "{message}");
}

#[test]
fn a_score_for_an_unknown_option_is_named() {
    refuses(
        |v| v["criteria"][1]["scores"]["ruby"] = json!(5),
        "criteria[1].scores.ruby",
    );
}

#[test]
fn duplicate_option_ids_are_named() {
    let message = refuses(|v| v["options"][1]["id"] = json!("node"), "options[1].id");
    assert!(message.contains("\"node\" is used twice"), "{message}");
}

#[test]
fn duplicate_criterion_ids_are_named() {
    let message = refuses(
        |v| v["criteria"][5]["id"] = json!("performance"),
        "criteria[5].id",
    );
    assert!(
        message.contains("\"performance\" is used twice"),
        "{message}"
    );
}

#[test]
fn duplicate_project_type_ids_are_named() {
    let message = refuses(
        |v| v["project_types"][3]["id"] = json!("rest-api"),
        "project_types[3].id",
    );
    assert!(message.contains("\"rest-api\" is used twice"), "{message}");
}

#[test]
fn duplicate_role_ids_are_named() {
    let message = refuses(
        |v| v["roles"][2]["id"] = json!("node-backend"),
        "roles[2].id",
    );
    assert!(
        message.contains("\"node-backend\" is used twice"),
        "{message}"
    );
}

#[test]
fn an_id_with_characters_that_need_escaping_is_named() {
    for bad in [
        "Perf",
        "per formance",
        "perf&x=1",
        "perf:8",
        "perf,x",
        "ümlaut",
        "",
    ] {
        refuses(|v| v["criteria"][0]["id"] = json!(bad), "criteria[0].id");
    }
    refuses(
        |v| v["criteria"][0]["id"] = json!("a".repeat(41)),
        "criteria[0].id",
    );
}

#[test]
fn empty_text_is_named() {
    let cases: [(&str, Mutation); 8] = [
        ("title", |v| v["title"] = json!("")),
        ("options[0].name", |v| v["options"][0]["name"] = json!(" ")),
        ("criteria[2].description", |v| {
            v["criteria"][2]["description"] = json!("  \n\t ")
        }),
        ("criteria[0].name", |v| v["criteria"][0]["name"] = json!("")),
        ("project_types[1].reason", |v| {
            v["project_types"][1]["reason"] = json!("")
        }),
        ("faq[1].question", |v| v["faq"][1]["question"] = json!("")),
        ("roles[0].questions[0]", |v| {
            v["roles"][0]["questions"][0] = json!(" ")
        }),
        ("sources[1].publisher", |v| {
            v["sources"][1]["publisher"] = json!("")
        }),
    ];
    for (field, mutate) in cases {
        let message = refuses(mutate, field);
        assert!(message.ends_with("is empty"), "{message}");
    }
}

#[test]
fn fewer_than_two_options_are_refused() {
    let message = refuses(
        |v| {
            v["options"].as_array_mut().unwrap().truncate(1);
        },
        "options",
    );
    assert!(
        message.contains("has 1 options") && message.contains("2 to 8"),
        "{message}"
    );
    refuses(|v| v["options"] = json!([]), "options");
}

/// The built-in dataset with `n` options: node, python, then copies of node `x2`, `x3`, …
fn with_options(n: usize) -> String {
    mutated(|v| {
        let node = v["options"][0].clone();
        let options = v["options"].as_array_mut().unwrap();
        for i in 2..n {
            let mut extra = node.clone();
            extra["id"] = json!(format!("x{i}"));
            extra["team"] = json!(format!("team-x{i}"));
            options.push(extra);
        }
        for criterion in v["criteria"].as_array_mut().unwrap() {
            for i in 2..n {
                criterion["scores"][format!("x{i}")] = json!(5);
            }
        }
    })
}

#[test]
fn more_than_eight_options_are_refused_and_eight_are_allowed() {
    assert!(common::from_json(&with_options(8)).is_ok());
    let message = refused_at(&with_options(9), "options");
    assert!(message.contains("has 9 options"), "{message}");
}

/// The built-in dataset with `m` criteria: its own, then generated ones.
fn with_criteria(m: usize) -> String {
    mutated(|v| {
        let criteria = v["criteria"].as_array_mut().unwrap();
        let first = criteria[0].clone();
        for i in criteria.len()..m {
            let mut extra = first.clone();
            extra["id"] = json!(format!("extra-{i}"));
            criteria.push(extra);
        }
    })
}

#[test]
fn more_than_forty_criteria_are_refused_and_forty_are_allowed() {
    assert!(common::from_json(&with_criteria(40)).is_ok());
    let message = refused_at(&with_criteria(41), "criteria");
    assert!(message.contains("has 41 criteria"), "{message}");
    refuses(|v| v["criteria"] = json!([]), "criteria");
}

#[test]
fn an_unknown_option_in_a_verdict_is_named() {
    let message = refuses(
        |v| v["project_types"][4]["verdict"] = json!("ruby"),
        "project_types[4].verdict",
    );
    assert!(
        message.contains("\"ruby\" is not a known option"),
        "{message}"
    );
    // `either` is the one verdict that is not an option, and a firm project type needs an
    // option: "firm" means the sources call that option the natural fit.
    assert!(common::from_json(&mutated(
        |v| v["project_types"][5]["verdict"] = json!("either")
    ))
    .is_ok());
    let message = refuses(
        |v| v["project_types"][4]["verdict"] = json!("either"),
        "project_types[4].firm",
    );
    assert!(
        message.contains("needs a verdict that names an option"),
        "{message}"
    );
}

#[test]
fn every_source_reference_names_a_source() {
    for (path, edit) in [
        (
            "criteria[0].source",
            &(|v: &mut Value| v["criteria"][0]["source"] = json!("nobody")) as &dyn Fn(&mut Value),
        ),
        ("project_types[0].source", &|v: &mut Value| {
            v["project_types"][0]["source"] = json!("nobody")
        }),
        ("options[1].salary.source", &|v: &mut Value| {
            v["options"][1]["salary"]["source"] = json!("nobody")
        }),
        ("roles[0].source", &|v: &mut Value| {
            v["roles"][0]["source"] = json!("nobody")
        }),
        ("both.source", &|v: &mut Value| {
            v["both"]["source"] = json!("nobody")
        }),
        ("faq[0].source", &|v: &mut Value| {
            v["faq"][0]["source"] = json!("nobody")
        }),
    ] {
        let message = refuses(edit, path);
        assert!(
            message.contains("\"nobody\" is not a known source id"),
            "{message}"
        );
    }
}

#[test]
fn a_signal_for_both_needs_known_options_and_project_types_in_two_groups() {
    let message = refuses(
        |v| v["both"]["signals"][0]["groups"][1]["project_types"][0] = json!("blockchain"),
        "both.signals[0].groups[1].project_types[0]",
    );
    assert!(message.contains("not a known project type"), "{message}");
    refuses(
        |v| v["both"]["signals"][0]["groups"][0]["option"] = json!("ruby"),
        "both.signals[0].groups[0].option",
    );
    let message = refuses(
        |v| {
            let first = v["both"]["signals"][0]["groups"][0].clone();
            v["both"]["signals"][0]["groups"] = json!([first]);
        },
        "both.signals[0].groups",
    );
    assert!(message.contains("at least two options"), "{message}");
}

#[test]
fn unknown_options_elsewhere_are_named() {
    refuses(
        |v| v["roles"][1]["option"] = json!("ruby"),
        "roles[1].option",
    );
    refuses(
        |v| v["both"]["first_hire"] = json!("ruby"),
        "both.first_hire",
    );
    refuses(
        |v| v["comparison"][0]["values"]["ruby"] = json!("x"),
        "comparison[0].values.ruby",
    );
    refuses(
        |v| v["roles"][0]["project_types"][0] = json!("rocketry"),
        "roles[0].project_types[0]",
    );
}

#[test]
fn a_javascript_source_url_is_refused() {
    for bad in [
        "javascript:alert(1)",
        "JavaScript:alert(1)",
        "  javascript:alert(document.cookie)",
        "java\tscript:alert(1)",
    ] {
        let message = refuses(|v| v["sources"][0]["url"] = json!(bad), "sources[0].url");
        assert!(
            message.contains("only http:// and https:// links are allowed"),
            "{bad}: {message}"
        );
    }
}

#[test]
fn a_non_http_link_is_refused() {
    for bad in [
        "ftp://example.com/",
        "mailto:a@example.com",
        "data:text/html,<b>x</b>",
        "//example.com",
        "example.com",
        "file:///etc/passwd",
        "https:/x",
        "",
    ] {
        refuses(|v| v["sources"][1]["url"] = json!(bad), "sources[1].url");
    }
    for good in [
        "http://example.com/",
        "https://example.com/a?b=c#d",
        "HTTPS://EXAMPLE.COM/",
    ] {
        assert!(
            common::from_json(&mutated(|v| v["sources"][1]["url"] = json!(good))).is_ok(),
            "{good}"
        );
    }
}

#[test]
fn malformed_json_names_the_line_and_column() {
    let error = common::from_json("{\n  \"title\": \"x\",\n  oops\n}").expect_err("malformed");
    let message = error.to_string();
    assert!(message.contains("line 3 column 3"), "{message}");

    // Cut the built-in file short.
    let cut = &BUILTIN_JSON[..BUILTIN_JSON.len() / 2];
    let message = common::from_json(cut).expect_err("truncated").to_string();
    assert!(
        message.contains("line ") && message.contains("column "),
        "{message}"
    );

    // Text after the dataset.
    let trailing = format!("{BUILTIN_JSON}\n{{}}");
    let message = common::from_json(&trailing)
        .expect_err("trailing")
        .to_string();
    assert!(
        message.contains("trailing") && message.contains("line ") && message.contains("column "),
        "{message}"
    );

    for bad in ["", "   ", "null", "[]", "42", "\"title\""] {
        let message = common::from_json(bad).expect_err(bad).to_string();
        assert!(
            message.contains("line ") && message.contains("column "),
            "{bad:?}: {message}"
        );
    }
}

#[test]
fn an_unknown_field_is_refused_and_named() {
    let message = refuses(|v| v["colour"] = json!("red"), "colour");
    assert!(message.contains("unknown field `colour`"), "{message}");
    let message = refuses(
        |v| v["criteria"][2]["weight"] = json!(5),
        "criteria[2].weight",
    );
    assert!(message.contains("unknown field `weight`"), "{message}");
    let message = refuses(
        |v| v["options"][1]["salary"]["bonus"] = json!(1),
        "options[1].salary.bonus",
    );
    assert!(message.contains("unknown field `bonus`"), "{message}");
    // What a role's project types were once called.
    let message = refuses(
        |v| v["roles"][0]["needs"] = json!(["rest-api"]),
        "roles[0].needs",
    );
    assert!(message.contains("unknown field `needs`"), "{message}");
}

#[test]
fn a_missing_required_field_names_the_object_that_lacks_it() {
    let message = refuses(
        |v| {
            v["criteria"][1]
                .as_object_mut()
                .unwrap()
                .remove("description");
        },
        "criteria[1]",
    );
    assert!(message.contains("missing field `description`"), "{message}");
    let message = refuses(
        |v| {
            v["options"][0]["salary"]
                .as_object_mut()
                .unwrap()
                .remove("currency");
        },
        "options[0].salary",
    );
    assert!(message.contains("missing field `currency`"), "{message}");

    // An array where an object belongs: the array is named, not an element it lacks.
    let message = refuses(|v| v["comparison"][0] = json!([]), "comparison[0]");
    assert!(
        message.contains("expected an object, found an array"),
        "{message}"
    );
    refuses(|v| v["faq"][1] = json!({}), "faq[1]");

    // Missing at the top: no field to name but the message says which.
    let error = common::from_json(&mutated(|v| {
        v.as_object_mut().unwrap().remove("title");
    }))
    .expect_err("missing title");
    assert_eq!(error.field, "", "{error}");
    assert!(
        error.to_string().starts_with("missing field `title`"),
        "{error}"
    );
}

#[test]
fn a_key_given_twice_is_refused_and_named() {
    // A `Value` cannot hold a repeated key, so these are edits of the text.
    let twice = BUILTIN_JSON.replacen(
        "\"scores\": { \"node\": 8, \"python\": 7 }",
        "\"scores\": { \"node\": 8, \"python\": 7, \"node\": 2 }",
        1,
    );
    let message = refused_at(&twice, "criteria[0].scores.node");
    assert!(message.contains("duplicate key"), "{message}");
    assert!(message.contains(" line 71 column "), "{message}");

    let twice = BUILTIN_JSON.replacen(
        "\"name\": \"Performance\",",
        "\"name\": \"Performance\", \"name\": \"Speed\",",
        1,
    );
    let message = refused_at(&twice, "criteria[0].name");
    assert!(message.contains("duplicate key"), "{message}");

    let twice = BUILTIN_JSON.replacen("{", "{ \"title\": \"Again\",", 1);
    let message = refused_at(&twice, "title");
    assert!(
        message.contains("duplicate key at line 2 column 3"),
        "{message}"
    );
}

#[test]
fn null_is_accepted_where_a_field_is_optional_and_refused_elsewhere() {
    let dataset = common::from_json(&mutated(|v| {
        v["both"] = Value::Null;
        v["sources"][1]["url"] = Value::Null;
        v["options"][0]["salary"] = Value::Null;
        v["options"][1]["team"] = Value::Null;
    }))
    .unwrap_or_else(|e| panic!("refused: {e}"));
    assert_eq!(dataset.both, None);
    assert_eq!(dataset.sources[1].url, None);
    assert_eq!(dataset.options[0].salary, None);
    assert_eq!(dataset.options[1].team, None);

    for (field, mutate) in [
        ("intro", (|v| v["intro"] = Value::Null) as Mutation),
        ("roles[0].questions", |v| {
            v["roles"][0]["questions"] = Value::Null
        }),
        ("criteria[0].default_weight", |v| {
            v["criteria"][0]["default_weight"] = Value::Null
        }),
    ] {
        let message = refuses(mutate, field);
        assert!(message.contains(", found null"), "{message}");
    }
}

#[test]
fn a_left_out_default_weight_is_five() {
    let dataset = common::from_json(&mutated(|v| {
        v["criteria"][0]
            .as_object_mut()
            .unwrap()
            .remove("default_weight");
        v["criteria"][1]["default_weight"] = json!(7.5);
    }))
    .unwrap_or_else(|e| panic!("refused: {e}"));
    assert_eq!(dataset.criteria[0].default_weight, 5.0);
    assert_eq!(dataset.criteria[1].default_weight, 7.5);
}

#[test]
fn a_syntax_error_names_the_field_it_is_in() {
    let cases = [
        (
            "{\"title\": }",
            "title",
            "expected a value at line 1 column 11",
        ),
        (
            "{\"criteria\": [{\"scores\": {\"node\": 8,}}]}",
            "criteria[0].scores",
            "expected a string key at line 1 column 37",
        ),
        ("{\"options\": [1, ]}", "options[1]", "expected a value"),
        ("{\"title\": \"a\\qb\"}", "title", "invalid escape"),
        ("{\"title\": 01}", "title", "leading zero"),
        ("{\"title\": 1e999}", "title", "number out of range"),
        (
            "{\"title\": \"x\"",
            "title",
            "unexpected end of input at line 1 column 14",
        ),
    ];
    for (json, field, problem) in cases {
        let error = common::from_json(json).expect_err(json);
        assert_eq!(error.field, field, "{json}: {error}");
        assert!(error.problem.contains(problem), "{json}: {error}");
    }
}

#[test]
fn reserved_and_repeated_team_values_are_refused() {
    refuses(
        |v| v["options"][1]["team"] = json!("javascript"),
        "options[1].team",
    );
    refuses(
        |v| v["options"][0]["team"] = json!("neither"),
        "options[0].team",
    );
    refuses(|v| v["options"][0]["id"] = json!("either"), "options[0].id");
}

#[test]
fn a_pay_range_upside_down_is_refused() {
    refuses(
        |v| v["options"][0]["salary"]["low"] = json!(500_000),
        "options[0].salary",
    );
    refuses(
        |v| v["options"][1]["contract_rate"]["low"] = json!(-1),
        "options[1].contract_rate",
    );
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 500, ..ProptestConfig::default() })]

    /// Any score outside 1–10, on any criterion and option, is refused at exactly that score.
    #[test]
    fn every_score_outside_the_scale_is_refused_where_it_is(
        criterion in 0usize..7,
        option in prop::sample::select(vec!["node", "python"]),
        score in prop_oneof![-1e6f64..1.0, 10.000_001f64..1e6],
    ) {
        let field = format!("criteria[{criterion}].scores.{option}");
        let json = mutated(|v| v["criteria"][criterion]["scores"][option] = json!(score));
        refused_at(&json, &field);
    }

    /// Any score inside 1–10 is fine.
    #[test]
    fn every_score_on_the_scale_is_accepted(
        criterion in 0usize..7,
        option in prop::sample::select(vec!["node", "python"]),
        score in 1.0f64..=10.0,
    ) {
        let json = mutated(|v| v["criteria"][criterion]["scores"][option] = json!(score));
        prop_assert!(common::from_json(&json).is_ok());
    }
}

/// A blogger's own comparison, written by hand: three options, four criteria, one project type.
const GO_RUST_JAVA: &str = r#"{
  "title": "Go, Rust or Java: which backend hire?",
  "intro": "Three compiled backends, weighed on what matters to you.",
  "options": [
    { "id": "go", "name": "Go", "team": "go", "summary": "Simple, fast to build, good at network services." },
    { "id": "rust", "name": "Rust", "team": "rust", "team_label": "Mostly Rust" },
    { "id": "java", "name": "Java", "team": "java" }
  ],
  "criteria": [
    { "id": "performance", "name": "Performance", "description": "Latency and throughput under load.",
      "scores": { "go": 8, "rust": 10, "java": 7 } },
    { "id": "safety", "name": "Memory safety", "description": "Whole classes of bugs ruled out by the compiler.",
      "scores": { "go": 6, "rust": 10, "java": 6 } },
    { "id": "talent", "name": "Talent pool", "description": "How many experienced developers are looking.",
      "scores": { "go": 6, "rust": 4, "java": 10 } },
    { "id": "learning-curve", "name": "Learning curve", "description": "How quickly a new hire ships.",
      "scores": { "go": 9, "rust": 3, "java": 6 }, "default_weight": 5 }
  ],
  "project_types": [
    { "id": "low-latency", "name": "Low-latency service", "verdict": "rust",
      "reason": "Predictable latency and no garbage collector.",
      "preset": { "performance": 10, "safety": 8, "talent": 2 } }
  ],
  "sources": [ { "title": "Our own notes", "publisher": "The blog", "url": "https://example.com/notes" } ]
}"#;

#[test]
fn a_three_option_custom_dataset_is_accepted_and_recommends_sensibly() {
    let d = common::from_json(GO_RUST_JAVA).unwrap_or_else(|e| panic!("refused: {e}"));
    assert_eq!(d.options.len(), 3);
    assert_eq!(d.criteria.len(), 4);
    let (go, rust, java) = (
        d.option_index("go").unwrap(),
        d.option_index("rust").unwrap(),
        d.option_index("java").unwrap(),
    );

    // For a low-latency service, Rust leads clearly.
    let low_latency = Choices::for_project_types(&d, vec![0], None);
    assert_eq!(low_latency.weights, vec![10.0, 8.0, 2.0, 0.0]);
    let outcome = evaluate(&d, &low_latency);
    assert_eq!(
        outcome.verdict,
        Verdict::Lead(rust, Strength::Clear),
        "{outcome:?}"
    );
    assert_eq!(outcome.ranking[0], rust);

    // Caring only about hiring quickly, Java leads; only about learning curve, Go.
    let talent = Choices {
        weights: vec![0.0, 0.0, 10.0, 0.0],
        project_types: vec![],
        team: None,
    };
    assert_eq!(
        evaluate(&d, &talent).verdict,
        Verdict::Lead(java, Strength::Clear)
    );
    let learning = Choices {
        weights: vec![0.0, 0.0, 0.0, 10.0],
        project_types: vec![],
        team: None,
    };
    assert_eq!(
        evaluate(&d, &learning).verdict,
        Verdict::Lead(go, Strength::Clear)
    );

    // With every weight equal, Go and Java tie: too close to call (held back as the start),
    // until the team writes Java and its bonus makes Java the lean.
    let defaults = Choices::defaults(&d);
    let outcome = evaluate(&d, &defaults);
    assert_eq!(outcome.verdict, Verdict::Start, "{outcome:?}");
    assert_eq!(outcome.scored, Verdict::TooClose, "{outcome:?}");
    let java_team = Choices {
        team: Some(java),
        ..defaults.clone()
    };
    assert_eq!(
        evaluate(&d, &java_team).verdict,
        Verdict::Lead(java, Strength::Leans)
    );

    // Nothing weighed: no priorities.
    let nothing = Choices {
        weights: vec![0.0; 4],
        project_types: vec![],
        team: None,
    };
    assert_eq!(evaluate(&d, &nothing).verdict, Verdict::NoPriorities);

    // Its links work like the built-in dataset's.
    let fragment = write_fragment(&d, &java_team);
    assert_eq!(read_fragment(&d, &fragment), Ok(java_team));
}

#[test]
fn a_section_without_a_source_is_refused() {
    // A section names a part of a source: the first criterion keeps its section and loses
    // its source.
    let text = BUILTIN_JSON.replacen(
        "\"default_weight\": 5,\n      \"source\": \"offlinepixel\",",
        "\"default_weight\": 5,",
        1,
    );
    assert_ne!(text, BUILTIN_JSON, "the edit applies");
    let message = refused_at(&text, "criteria[0].section");
    assert!(message.contains("needs a `source`"), "{message}");
}
