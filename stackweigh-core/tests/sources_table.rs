//! The answers the built-in data gives, one row per case, each beside the source sentence
//! it must agree with. CB is CompanyBench's article, OP is OfflinePixel's (both in the
//! dataset's `sources`). Where a row needs our own rules (the thresholds, the team bonus,
//! firm project types), its comment says so; the README names them.

use stackweigh_core::{evaluate, Choices, Dataset, Verdict};

/// What a row expects: the public recommendation and strength, as the host events carry
/// them (`either`/`none` for the start, which tells no one to hire).
type Expect = (&'static str, &'static str);

const NODE_CLEAR: Expect = ("node", "clear");
const NODE_LEANS: Expect = ("node", "leans");
const PY_CLEAR: Expect = ("python", "clear");
const PY_LEANS: Expect = ("python", "leans");
const TOO_CLOSE: Expect = ("either", "too-close");
const BOTH: Expect = ("both", "none");
const START: Expect = ("either", "none");

/// A project type's expected answer with no team, a Python team and a JavaScript team.
struct Row {
    project: &'static str,
    alone: Expect,
    python_team: Expect,
    javascript_team: Expect,
}

const PROJECT_TYPES: [Row; 11] = [
    // CB: "REST API for a Web or Mobile App — Verdict: Node.js." OP: "Both can build
    // excellent APIs" and "Python teams should lean toward Python": a Python team makes it
    // too close, a JavaScript team makes it clear.
    Row {
        project: "rest-api",
        alone: NODE_LEANS,
        python_team: TOO_CLOSE,
        javascript_team: NODE_CLEAR,
    },
    // CB: "Real-Time App (chat, notifications, live data) — Verdict: Node.js." OP: "Real-time
    // applications → Node.js event loop excels." Firm (ours): a Python team does not flip it.
    Row {
        project: "real-time",
        alone: NODE_LEANS,
        python_team: NODE_LEANS,
        javascript_team: NODE_CLEAR,
    },
    // CB: "Machine Learning or AI Feature — Verdict: Python"; AI/ML capability "Industry
    // standard". Firm: a JavaScript team does not change it.
    Row {
        project: "machine-learning",
        alone: PY_CLEAR,
        python_team: PY_CLEAR,
        javascript_team: PY_CLEAR,
    },
    // CB: "Data Pipeline or ETL Process — Verdict: Python." Firm.
    Row {
        project: "data-pipeline",
        alone: PY_LEANS,
        python_team: PY_CLEAR,
        javascript_team: PY_LEANS,
    },
    // CB: "Data Analytics or BI Integration — Verdict: Python." Firm.
    Row {
        project: "analytics",
        alone: PY_CLEAR,
        python_team: PY_CLEAR,
        javascript_team: PY_CLEAR,
    },
    // CB: "Full-Stack Product With a Small Team — Verdict: Node.js." OP: "JavaScript
    // full-stack team sharing code with frontend → Node.js natural choice." A Python team
    // softens it to a lean, never to Python.
    Row {
        project: "full-stack-small-team",
        alone: NODE_CLEAR,
        python_team: NODE_LEANS,
        javascript_team: NODE_CLEAR,
    },
    // CB: "Enterprise Web Application — Verdict: Either — pick based on existing team
    // skills and ecosystem." The team decides, in both directions.
    Row {
        project: "enterprise-web",
        alone: TOO_CLOSE,
        python_team: PY_LEANS,
        javascript_team: NODE_LEANS,
    },
    // CB: "Microservices Architecture — Verdict: Node.js."
    Row {
        project: "microservices",
        alone: NODE_LEANS,
        python_team: TOO_CLOSE,
        javascript_team: NODE_CLEAR,
    },
    // CB: "Automation & Scripting — Verdict: Python." OP: "Readability and maintainability
    // priority → Python's syntax is cleaner."
    Row {
        project: "automation",
        alone: PY_LEANS,
        python_team: PY_CLEAR,
        javascript_team: TOO_CLOSE,
    },
    // CB: "Serverless / Cloud Functions — Verdict: Node.js"; Node.js has "strong serverless
    // support".
    Row {
        project: "serverless",
        alone: NODE_LEANS,
        python_team: TOO_CLOSE,
        javascript_team: NODE_CLEAR,
    },
    // CB: "LLM Integration or AI Product Feature — Verdict: Python." Firm.
    Row {
        project: "llm-integration",
        alone: PY_LEANS,
        python_team: PY_CLEAR,
        javascript_team: PY_LEANS,
    },
];

/// Each criterion weighted alone gives that criterion's scores from OP's table, so the
/// answer is the score gap read against our thresholds.
const ALONE: [(&str, Expect); 7] = [
    // OP: Performance, Python 7/10, Node.js 8/10: a 1-point edge leans.
    ("performance", NODE_LEANS),
    // OP: Data Science Ecosystem, Python 9/10, Node.js 3/10.
    ("data-science", PY_CLEAR),
    // OP: Full-Stack JavaScript, Python 2/10, Node.js 9/10.
    ("full-stack-js", NODE_CLEAR),
    // OP: Talent Availability 8 against 9: "Both have large pools; Node.js slightly larger."
    ("talent", NODE_LEANS),
    // OP: Learning Curve, Python 8/10, Node.js 7/10.
    ("learning-curve", PY_LEANS),
    // OP: Ecosystem Size, Python 8/10, Node.js 9/10.
    ("ecosystem", NODE_LEANS),
    // OP: Hiring Cost, $130k–$200k against $130k–$190k: 6.75 against 7 by our pay rule,
    // too close to call.
    ("hiring-cost", TOO_CLOSE),
];

/// The recommendation and strength for `choices`, as the host events name them.
fn answer<'d>(d: &'d Dataset, choices: &Choices) -> (&'d str, &'static str) {
    let verdict = evaluate(d, choices).verdict;
    (verdict.id(d), verdict.strength())
}

fn project(d: &Dataset, id: &str) -> usize {
    d.project_index(id)
        .unwrap_or_else(|| panic!("no project type {id}"))
}

#[test]
fn each_project_type_alone_and_with_each_team_gives_what_the_sources_say() {
    let d = Dataset::builtin();
    let (node, python) = (d.option_index("node"), d.option_index("python"));
    for row in &PROJECT_TYPES {
        let p = project(d, row.project);
        for (team, expected, label) in [
            (None, row.alone, "alone"),
            (python, row.python_team, "with a Python team"),
            (node, row.javascript_team, "with a JavaScript team"),
        ] {
            let choices = Choices::for_project_types(d, vec![p], team);
            assert_eq!(answer(d, &choices), expected, "{} {label}", row.project);
        }
    }
    assert_eq!(
        PROJECT_TYPES.len(),
        d.project_types.len(),
        "every project type has a row"
    );
}

#[test]
fn a_preset_alone_yields_the_sources_verdict() {
    let d = Dataset::builtin();
    for (p, project) in d.project_types.iter().enumerate() {
        let (id, _) = answer(d, &Choices::for_project_types(d, vec![p], None));
        assert_eq!(id, project.verdict, "{}", project.id);
    }
}

#[test]
fn the_start_with_equal_weights_tells_no_one_to_hire() {
    // Neither source names an overall winner.
    let d = Dataset::builtin();
    let start = Choices::defaults(d);
    assert!(
        start.weights.iter().all(|&w| w == start.weights[0]),
        "equal weights"
    );
    assert_eq!(answer(d, &start), START);
    assert_eq!(evaluate(d, &start).scored, Verdict::TooClose);
}

#[test]
fn each_criterion_weighted_alone_gives_the_sources_scores() {
    let d = Dataset::builtin();
    for (id, expected) in ALONE {
        let c = d.criterion_index(id).unwrap();
        let mut alone = Choices::defaults(d);
        alone.weights.iter_mut().for_each(|w| *w = 0.0);
        alone.weights[c] = 7.0;
        let outcome = evaluate(d, &alone);
        for o in 0..d.options.len() {
            assert_eq!(
                outcome.scores.mean[o],
                d.score(c, o),
                "{id}: the score is the source's"
            );
        }
        assert_eq!(answer(d, &alone), expected, "{id} alone");
    }
    assert_eq!(ALONE.len(), d.criteria.len(), "every criterion has a row");
}

#[test]
fn real_time_with_machine_learning_may_need_both() {
    // CB: "A user-facing application with real-time features — Node.js territory" together
    // with "any data enrichment, analytics, or AI-driven functionality — Python territory":
    // "you may need both languages".
    let d = Dataset::builtin();
    let chosen = vec![project(d, "real-time"), project(d, "machine-learning")];
    let (node, python) = (
        d.option_index("node").unwrap(),
        d.option_index("python").unwrap(),
    );
    for (team, order) in [
        // CB: "Python developers with Node.js exposure are more common than the reverse;
        // consider this when sequencing your hires."
        (None, vec![python, node]),
        // The first hire is the language the team lacks.
        (Some(node), vec![python, node]),
        (Some(python), vec![node, python]),
    ] {
        let choices = Choices::for_project_types(d, chosen.clone(), team);
        assert_eq!(answer(d, &choices), BOTH, "team {team:?}");
        let outcome = evaluate(d, &choices);
        assert_eq!(
            outcome.verdict,
            Verdict::Both(order.clone()),
            "team {team:?}"
        );
        let kits: Vec<&str> = outcome.roles.iter().map(|&r| &*d.roles[r].option).collect();
        let expected: Vec<&str> = order.iter().map(|&o| &*d.options[o].id).collect();
        assert_eq!(kits, expected, "the kits come in the order of the advice");
    }
}

#[test]
fn ml_serving_behind_a_web_backend_may_need_both() {
    // CB: "ML model serving integrated with a web backend — both languages typically work
    // together here."
    let d = Dataset::builtin();
    let chosen = vec![project(d, "rest-api"), project(d, "machine-learning")];
    assert_eq!(
        answer(d, &Choices::for_project_types(d, chosen, None)),
        BOTH
    );
}
