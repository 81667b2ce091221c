//! Every pair of the built-in project types, with the answer the sources give for the two
//! together and the sentence behind it, and then every combination a reader can pick.
//! CB is CompanyBench's article, OP is OfflinePixel's. The rule is in `src/combine.rs` and
//! in the README's "How it decides" ("Several project types").

use stackweigh_core::combine::Combination;
use stackweigh_core::{evaluate, view, Choices, Dataset, Verdict};

/// What a pair must answer.
#[derive(Debug, Clone, Copy)]
enum Expect {
    /// Hire Node.js: it leans or is clear, never too close.
    Node,
    /// Hire Python.
    Python,
    /// You may need both, whatever the team writes.
    Both,
    /// What the other type alone answers, with each team: the sources leave enterprise web
    /// open, so the other type's verdict stands.
    Like(&'static str),
    /// The sources answer each type alone but say nothing of the two together: the widget
    /// must say so, and the weights decide.
    Unanswered,
}
use Expect::{Both as BOTH, Like, Node as NODE, Python as PYTHON, Unanswered as UNANSWERED};

const SAME_NODE: &str =
    "CB, What You're Building: both types are \"Verdict: Node.js\"; nothing in CB or OP sets them against each other.";
const SAME_PYTHON: &str =
    "CB, What You're Building: both types are \"Verdict: Python\"; nothing in CB or OP sets them against each other.";
const LEFT_OPEN: &str =
    "CB, What You're Building: enterprise web is \"Either — pick based on existing team skills and ecosystem\", so the other type's verdict stands.";
const REAL_TIME_AND_DATA: &str =
    "CB, When You Actually Need Both: \"A user-facing application with real-time features — Node.js territory\" with \"Any data enrichment, analytics, or AI-driven functionality — Python territory\": \"you may need both languages\".";
const MODEL_SERVING: &str =
    "CB, When You Actually Need Both: \"ML model serving integrated with a web backend — both languages typically work together here.\"";
const BOTTOM_LINE: &str =
    "CB, The Bottom Line: \"If you're building a web or mobile product backend: hire Node.js. If your product has a data or AI dimension: hire Python. If it has both: plan your team architecture accordingly.\"";
const AUTOMATION_BESIDE_NODE: &str =
    "CB gives the Node.js type to Node.js and automation to Python, but automation is no \"data or AI dimension\" (The Bottom Line) and no sign in When You Actually Need Both: the sources leave the pair open.";

/// Every pair of the eleven built-in project types, in dataset order: 55 rows.
#[rustfmt::skip]
const PAIRS: [(&str, &str, Expect, &str); 55] = [
    ("rest-api", "real-time", NODE, SAME_NODE),
    ("rest-api", "machine-learning", BOTH, MODEL_SERVING),
    ("rest-api", "data-pipeline", BOTH, BOTTOM_LINE),
    ("rest-api", "analytics", BOTH, BOTTOM_LINE),
    ("rest-api", "full-stack-small-team", NODE, SAME_NODE),
    ("rest-api", "enterprise-web", Like("rest-api"), LEFT_OPEN),
    ("rest-api", "microservices", NODE, SAME_NODE),
    ("rest-api", "automation", UNANSWERED, AUTOMATION_BESIDE_NODE),
    ("rest-api", "serverless", NODE, SAME_NODE),
    ("rest-api", "llm-integration", BOTH, MODEL_SERVING),
    ("real-time", "machine-learning", BOTH, REAL_TIME_AND_DATA),
    ("real-time", "data-pipeline", BOTH, REAL_TIME_AND_DATA),
    ("real-time", "analytics", BOTH, REAL_TIME_AND_DATA),
    ("real-time", "full-stack-small-team", NODE, SAME_NODE),
    ("real-time", "enterprise-web", Like("real-time"), LEFT_OPEN),
    ("real-time", "microservices", NODE, SAME_NODE),
    ("real-time", "automation", UNANSWERED, AUTOMATION_BESIDE_NODE),
    ("real-time", "serverless", NODE, SAME_NODE),
    ("real-time", "llm-integration", BOTH, REAL_TIME_AND_DATA),
    ("machine-learning", "data-pipeline", PYTHON, SAME_PYTHON),
    ("machine-learning", "analytics", PYTHON, SAME_PYTHON),
    ("machine-learning", "full-stack-small-team", BOTH, MODEL_SERVING),
    ("machine-learning", "enterprise-web", Like("machine-learning"), LEFT_OPEN),
    ("machine-learning", "microservices", BOTH, MODEL_SERVING),
    ("machine-learning", "automation", PYTHON, SAME_PYTHON),
    ("machine-learning", "serverless", BOTH, MODEL_SERVING),
    ("machine-learning", "llm-integration", PYTHON, SAME_PYTHON),
    ("data-pipeline", "analytics", PYTHON, SAME_PYTHON),
    ("data-pipeline", "full-stack-small-team", BOTH, BOTTOM_LINE),
    ("data-pipeline", "enterprise-web", Like("data-pipeline"), LEFT_OPEN),
    ("data-pipeline", "microservices", BOTH, BOTTOM_LINE),
    ("data-pipeline", "automation", PYTHON, SAME_PYTHON),
    ("data-pipeline", "serverless", BOTH, BOTTOM_LINE),
    ("data-pipeline", "llm-integration", PYTHON, SAME_PYTHON),
    ("analytics", "full-stack-small-team", BOTH, BOTTOM_LINE),
    ("analytics", "enterprise-web", Like("analytics"), LEFT_OPEN),
    ("analytics", "microservices", BOTH, BOTTOM_LINE),
    ("analytics", "automation", PYTHON, SAME_PYTHON),
    ("analytics", "serverless", BOTH, BOTTOM_LINE),
    ("analytics", "llm-integration", PYTHON, SAME_PYTHON),
    ("full-stack-small-team", "enterprise-web", Like("full-stack-small-team"), LEFT_OPEN),
    ("full-stack-small-team", "microservices", NODE, SAME_NODE),
    ("full-stack-small-team", "automation", UNANSWERED, AUTOMATION_BESIDE_NODE),
    ("full-stack-small-team", "serverless", NODE, SAME_NODE),
    ("full-stack-small-team", "llm-integration", BOTH, MODEL_SERVING),
    ("enterprise-web", "microservices", Like("microservices"), LEFT_OPEN),
    ("enterprise-web", "automation", Like("automation"), LEFT_OPEN),
    ("enterprise-web", "serverless", Like("serverless"), LEFT_OPEN),
    ("enterprise-web", "llm-integration", Like("llm-integration"), LEFT_OPEN),
    ("microservices", "automation", UNANSWERED, AUTOMATION_BESIDE_NODE),
    ("microservices", "serverless", NODE, SAME_NODE),
    ("microservices", "llm-integration", BOTH, MODEL_SERVING),
    ("automation", "serverless", UNANSWERED, AUTOMATION_BESIDE_NODE),
    ("automation", "llm-integration", PYTHON, SAME_PYTHON),
    ("serverless", "llm-integration", BOTH, MODEL_SERVING),
];

fn project(d: &Dataset, id: &str) -> usize {
    d.project_index(id)
        .unwrap_or_else(|| panic!("no project type {id}"))
}

#[test]
fn every_pair_of_project_types_gives_what_the_sources_say_of_the_two() {
    let d = Dataset::builtin();
    let node = d.option_index("node").unwrap();
    let python = d.option_index("python").unwrap();
    let teams = [None, Some(node), Some(python)];
    for (a, b, expect, because) in PAIRS {
        let chosen = vec![project(d, a), project(d, b)];
        let alone = Choices::for_project_types(d, chosen.clone(), None);
        let outcome = evaluate(d, &alone);
        let context = format!("{a} with {b} ({because})");
        match expect {
            Expect::Node | Expect::Python => {
                let option = if matches!(expect, Expect::Node) {
                    node
                } else {
                    python
                };
                assert!(
                    matches!(outcome.verdict, Verdict::Lead(o, _) if o == option),
                    "{context}: {:?}",
                    outcome.verdict
                );
                assert_eq!(outcome.combination, Combination::One(option), "{context}");
            }
            Expect::Both => {
                for team in teams {
                    let choices = Choices::for_project_types(d, chosen.clone(), team);
                    let outcome = evaluate(d, &choices);
                    assert!(
                        matches!(outcome.verdict, Verdict::Both(_)),
                        "{context}, team {team:?}: {:?}",
                        outcome.verdict
                    );
                    let answer = view::answer(d, &outcome, team);
                    assert!(
                        answer.both.iter().any(|line| !line.whose.is_ours()),
                        "{context}: the sources' reason is shown"
                    );
                }
            }
            Expect::Like(other) => {
                for team in teams {
                    let pair = evaluate(d, &Choices::for_project_types(d, chosen.clone(), team));
                    let single = evaluate(
                        d,
                        &Choices::for_project_types(d, vec![project(d, other)], team),
                    );
                    assert_eq!(pair.verdict, single.verdict, "{context}, team {team:?}");
                }
            }
            Expect::Unanswered => {
                assert!(
                    matches!(outcome.combination, Combination::Unanswered(_)),
                    "{context}: {:?}",
                    outcome.combination
                );
                let answer = view::answer(d, &outcome, None);
                let together = answer
                    .together
                    .expect("the widget says the sources do not answer the pair");
                assert!(together.whose.is_ours(), "{context}");
                assert!(
                    together.text.contains("say nothing of them together"),
                    "{context}"
                );
            }
        }
    }
    let n = d.project_types.len();
    assert_eq!(PAIRS.len(), n * (n - 1) / 2, "every pair has a row");
}

/// Any set of project types a reader can pick, with no team and with each: where the
/// sources give one option, the answer is that option; where their signals call for both,
/// it is both. Averaged presets keep a verdict every chosen preset gives (the lead of
/// averaged weights lies between theirs), so only rounding could break this.
#[test]
fn every_combination_a_reader_can_pick_agrees_with_the_sources() {
    let d = Dataset::builtin();
    let n = d.project_types.len();
    for set in 1u32..(1 << n) {
        let chosen: Vec<usize> = (0..n).filter(|p| set & (1 << p) != 0).collect();
        let choices = Choices::for_project_types(d, chosen.clone(), None);
        let outcome = evaluate(d, &choices);
        let names: Vec<&str> = chosen.iter().map(|&p| &*d.project_types[p].id).collect();
        match &outcome.combination {
            Combination::One(o) => assert!(
                matches!(outcome.verdict, Verdict::Lead(leader, _) if leader == *o),
                "{names:?}: the sources give {}, the widget says {:?}",
                d.options[*o].id,
                outcome.verdict
            ),
            Combination::Both(_) => {
                assert!(matches!(outcome.verdict, Verdict::Both(_)), "{names:?}")
            }
            Combination::LeftOpen | Combination::Unanswered(_) => {}
            Combination::Nothing => panic!("{names:?}: a choice was made"),
        }
    }
}
