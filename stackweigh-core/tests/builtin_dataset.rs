//! The built-in Node.js vs Python dataset says what the sources say.

mod common;

use stackweigh_core::dataset::{Dataset, PayRange, BUILTIN_JSON};
use stackweigh_core::{evaluate, Choices, Verdict};

fn builtin() -> Dataset {
    match common::from_json(BUILTIN_JSON) {
        Ok(d) => d,
        Err(e) => panic!("the built-in dataset is invalid: {e}"),
    }
}

#[test]
fn the_builtin_dataset_is_valid() {
    builtin();
}

#[test]
fn the_baked_builtin_is_the_file_read_as_a_custom_dataset() {
    assert_eq!(builtin(), *Dataset::builtin());
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

/// How pay turns into the `hiring-cost` score (the README's "Converted scores", and the
/// dataset's `converted`): cheaper scores higher. The midpoint of the annual range is
/// taken, and every $20k above $100k costs a point from a perfect 10 (floored at 1). So
/// $130k–$200k (midpoint $165k) scores 6.75 and $130k–$190k (midpoint $160k) scores 7.0.
/// The anchor and slope are ours, chosen so the real ranges land mid-scale and a $10k gap
/// moves the score by half a point. The widget only reads the scores; this is where the
/// rule is held to them.
fn cost_score(salary: &PayRange) -> f64 {
    let midpoint = (salary.low + salary.high) / 2.0;
    (10.0 - (midpoint - 100_000.0) / 20_000.0).clamp(1.0, 10.0)
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
        let outcome = evaluate(&d, &Choices::for_project_types(&d, vec![p], None));
        eprintln!("{id}: margin {:.1} {:?}", outcome.margin, outcome.verdict);
        assert_eq!(outcome.verdict.id(&d), verdict, "{id} preset alone");
    }
}

#[test]
fn real_time_and_machine_learning_together_give_both_kits_in_hiring_order() {
    let d = builtin();
    let chosen = vec![
        d.project_index("real-time").unwrap(),
        d.project_index("machine-learning").unwrap(),
    ];
    let outcome = evaluate(&d, &Choices::for_project_types(&d, chosen, None));
    assert!(matches!(outcome.verdict, Verdict::Both(ref os) if os.len() == 2));
    // With neither language in the team, Python first: the sources' sequencing note.
    let roles: Vec<&str> = outcome.roles.iter().map(|&r| &*d.roles[r].id).collect();
    assert_eq!(roles, ["python-ml", "node-backend"]);
}

#[test]
fn each_kind_of_python_work_gets_its_own_kit() {
    let d = builtin();
    let role_for = |project_type: &str| {
        let outcome = evaluate(
            &d,
            &Choices::for_project_types(&d, vec![d.project_index(project_type).unwrap()], None),
        );
        outcome
            .roles
            .iter()
            .map(|&r| d.roles[r].id)
            .collect::<Vec<_>>()
    };
    assert_eq!(role_for("machine-learning"), ["python-ml"]);
    assert_eq!(role_for("llm-integration"), ["python-ml"]);
    assert_eq!(role_for("data-pipeline"), ["python-data"]);
    assert_eq!(role_for("analytics"), ["python-data"]);
    // Automation hires do not get the Django web kit.
    assert_eq!(role_for("automation"), ["python-automation"]);
    assert_eq!(role_for("rest-api"), ["node-backend"]);
    assert_eq!(role_for("enterprise-web"), ["node-backend", "python-web"]);
}

#[test]
fn the_data_kit_asks_no_questions_meant_for_ml_engineers() {
    let d = builtin();
    let data = &d.roles[d.roles.iter().position(|r| r.id == "python-data").unwrap()];
    for q in &data.questions {
        for ml in ["drift", "model", "versioning"] {
            assert!(!q.to_lowercase().contains(ml), "{q}");
        }
    }
    let ml = &d.roles[d.roles.iter().position(|r| r.id == "python-ml").unwrap()];
    assert!(ml.questions.iter().any(|q| q.contains("drift")));
}

#[test]
fn the_hire_kits_carry_every_question_and_red_flag_of_the_sources() {
    let d = builtin();
    let count = |id: &str| {
        let role = &d.roles[d.roles.iter().position(|r| r.id == id).unwrap()];
        (role.questions.len(), role.red_flags.len())
    };
    // CompanyBench: five Node.js questions and four red flags; five Python web questions
    // and two red flags; four ML/data questions and two ML red flags (plus the web/ML mix-up).
    assert_eq!(count("node-backend"), (5, 4));
    assert_eq!(count("python-web"), (5, 2));
    assert_eq!(count("python-ml"), (4, 3));
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

#[test]
fn the_facts_a_careful_read_found_are_right() {
    let d = builtin();
    let rest = &d.project_types[d.project_index("rest-api").unwrap()];
    assert_eq!(rest.name, "REST API for a web or mobile app");
    // ML specialists command a premium, which may be above the range; not "the top of it".
    let python = &d.options[d.option_index("python").unwrap()];
    let note = python
        .contract_rate
        .as_ref()
        .and_then(|p| p.note.as_deref())
        .unwrap();
    assert!(
        note.contains("premium") && !note.contains("top of the range"),
        "{note}"
    );
    // "Start with Python" was a suggestion to weigh, not a rule; and CompanyBench's advice
    // is one developer strong in one language with working knowledge of the other, not
    // "or make two hires".
    let both = d.both.as_ref().unwrap();
    assert!(!both.advice.contains("start with") && both.sequencing.contains("weighing"));
    assert!(!both.advice.contains("two hires"), "{}", both.advice);
    // OfflinePixel's address is not in its article: no link, only the title.
    let offlinepixel = d
        .sources
        .iter()
        .find(|s| s.publisher == "OfflinePixel")
        .unwrap();
    assert_eq!(offlinepixel.url, None);
    // No verdict is named "either" in what readers see; the FAQ speaks of "too close to
    // call", in an entry of ours, since the threshold is ours.
    assert!(stackweigh_core::view::faq(&d)
        .entries
        .iter()
        .any(|f| f.question.contains("too close to call") && f.answer.whose.is_ours()));
    assert!(d
        .faq
        .iter()
        .all(|f| !f.question.contains("verdict of either")));
    // Every pay range says which source and market it comes from.
    for option in &d.options {
        for pay in [&option.salary, &option.contract_rate]
            .into_iter()
            .flatten()
        {
            assert!(pay.source.is_some(), "{}", option.id);
        }
        assert_eq!(
            option.contract_rate.as_ref().unwrap().region.as_deref(),
            Some("India")
        );
    }
}

#[test]
fn no_preset_weighs_what_no_source_backs() {
    let d = builtin();
    let ds = "data-science";
    // Data science counts only where the sources' reason is data or AI work.
    for p in &d.project_types {
        let weight = p.preset.get(ds).copied().unwrap_or(0.0);
        let data_work = [
            "machine-learning",
            "data-pipeline",
            "analytics",
            "llm-integration",
        ]
        .contains(&&*p.id);
        assert_eq!(weight > 0.0, data_work, "{}: data science {weight}", p.id);
        assert!(!p.rationale.is_empty(), "{} has a rationale", p.id);
    }
}
