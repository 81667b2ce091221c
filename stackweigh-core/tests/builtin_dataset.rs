//! The built-in Node.js vs Python dataset says what the sources say.

use stackweigh_core::dataset::{cost_score, Dataset, BUILTIN_JSON};
use stackweigh_core::{evaluate, Choices, Verdict};

fn builtin() -> Dataset {
    match Dataset::from_json(BUILTIN_JSON) {
        Ok(d) => d,
        Err(e) => panic!("the built-in dataset is invalid: {e}"),
    }
}

#[test]
fn the_builtin_dataset_is_valid() {
    builtin();
}

#[test]
fn criteria_ids_and_scores_match_the_sources() {
    let d = builtin();
    let expected = [
        ("performance", 7.0, 8.0),
        ("data-science", 9.0, 3.0),
        ("full-stack-js", 2.0, 9.0),
        ("talent", 8.0, 9.0),
        ("learning-curve", 8.0, 7.0),
        ("ecosystem", 8.0, 9.0),
    ];
    for (id, python, node) in expected {
        let c = d
            .criterion_index(id)
            .unwrap_or_else(|| panic!("missing criterion {id}"));
        assert_eq!(d.criteria[c].scores["python"], python, "{id} python");
        assert_eq!(d.criteria[c].scores["node"], node, "{id} node");
    }
    assert!(d.criterion_index("hiring-cost").is_some());
}

#[test]
fn hiring_cost_scores_follow_the_pay_ranges_and_cheaper_scores_higher() {
    let d = builtin();
    let c = d.criterion_index("hiring-cost").expect("hiring-cost");
    for option in &d.options {
        let salary = option
            .salary
            .as_ref()
            .expect("every built-in option has a salary");
        assert_eq!(
            d.criteria[c].scores[&option.id],
            cost_score(salary),
            "{}",
            option.id
        );
    }
    let python = d.option_index("python").expect("python");
    let node = d.option_index("node").expect("node");
    assert_eq!(
        (
            d.options[python].salary.as_ref().unwrap().low,
            d.options[python].salary.as_ref().unwrap().high
        ),
        (130_000.0, 200_000.0)
    );
    assert_eq!(
        (
            d.options[node].salary.as_ref().unwrap().low,
            d.options[node].salary.as_ref().unwrap().high
        ),
        (130_000.0, 190_000.0)
    );
    assert!(d.criteria[c].scores["node"] > d.criteria[c].scores["python"]);
}

#[test]
fn each_project_type_preset_alone_gives_its_source_verdict() {
    let d = builtin();
    let expected = [
        ("rest-api", "node"),
        ("real-time", "node"),
        ("machine-learning", "python"),
        ("data-pipeline", "python"),
        ("analytics", "python"),
        ("full-stack-small-team", "node"),
        ("enterprise-web", "either"),
        ("microservices", "node"),
        ("automation", "python"),
        ("serverless", "node"),
        ("llm-integration", "python"),
    ];
    assert_eq!(d.project_types.len(), expected.len());
    for (id, verdict) in expected {
        let p = d
            .project_index(id)
            .unwrap_or_else(|| panic!("missing project type {id}"));
        assert_eq!(d.project_types[p].verdict, verdict, "{id} in the dataset");
        let outcome = evaluate(&d, &Choices::for_needs(&d, vec![p], None));
        eprintln!("{id}: margin {:.1} {:?}", outcome.margin, outcome.verdict);
        assert_eq!(outcome.verdict.id(&d), verdict, "{id} preset alone");
    }
}

#[test]
fn real_time_and_machine_learning_together_call_for_both_python_first() {
    let d = builtin();
    let needs = vec![
        d.project_index("real-time").unwrap(),
        d.project_index("machine-learning").unwrap(),
    ];
    let outcome = evaluate(&d, &Choices::for_needs(&d, needs, None));
    assert!(matches!(outcome.verdict, Verdict::Both(ref os) if os.len() == 2));
    assert_eq!(
        d.both.as_ref().map(|b| b.first_hire.as_str()),
        Some("python")
    );
    // Both hiring kits: Node.js backend and Python data/ML.
    let roles: Vec<&str> = outcome
        .roles
        .iter()
        .map(|&r| d.roles[r].id.as_str())
        .collect();
    assert_eq!(roles, ["node-backend", "python-data"]);
}

#[test]
fn a_python_win_from_ml_needs_is_a_data_hire_and_from_automation_a_web_hire() {
    let d = builtin();
    let role_for = |need: &str| {
        let outcome = evaluate(
            &d,
            &Choices::for_needs(&d, vec![d.project_index(need).unwrap()], None),
        );
        outcome
            .roles
            .iter()
            .map(|&r| d.roles[r].id.clone())
            .collect::<Vec<_>>()
    };
    assert_eq!(role_for("machine-learning"), ["python-data"]);
    assert_eq!(role_for("automation"), ["python-web"]);
    assert_eq!(role_for("rest-api"), ["node-backend"]);
}

#[test]
fn the_hire_kits_carry_every_question_and_red_flag() {
    let d = builtin();
    let questions: Vec<(String, usize)> = d
        .roles
        .iter()
        .map(|r| (r.id.clone(), r.questions.len()))
        .collect();
    assert_eq!(
        questions,
        [
            ("node-backend".into(), 5),
            ("python-web".into(), 5),
            ("python-data".into(), 4)
        ]
    );
    let flags: usize = d.roles.iter().map(|r| r.red_flags.len()).sum();
    assert!(flags >= 8, "the sources list 8 red flags, found {flags}");
    assert_eq!(d.sources.len(), 2);
    assert!(d
        .comparison
        .iter()
        .any(|row| row.values["node"].contains("$20–55/hr")));
    assert!(d
        .comparison
        .iter()
        .any(|row| row.values["python"].contains("$20–60/hr")));
}
