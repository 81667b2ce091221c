//! Whose every sentence is. Walks every view model the widget and the Markdown summary
//! render, for the start, every project type, every pair and every team, and fails on a
//! text that names no owner, a source the dataset lacks, a section that is not a heading of
//! that source's article, or a rule of ours that the README's "How it decides" does not
//! list.

use stackweigh_core::whose::{Rule, Said, Whose};
use stackweigh_core::{evaluate, view, Choices, Dataset, Verdict};

/// The articles' headings, as they stand in them: the only sections a sentence may cite.
const HEADINGS: [(&str, &[&str]); 2] = [
    (
        "CompanyBench Editorial",
        &[
            "What Each Technology Is Actually Used For",
            "Node.js vs Python: Side-by-Side Comparison",
            "What You're Building: The Hiring Decision Guide",
            "When You Actually Need Both",
            "The Candidate Market in 2026: What to Expect",
            "Key Interview Questions by Technology",
            "Red Flags Specific to Each Technology",
            "The Bottom Line",
        ],
    ),
    (
        "OfflinePixel",
        &[
            "Detailed Comparison",
            "Verdict",
            "In-Depth Analysis",
            "Making the Choice",
            "Frequently Asked Questions",
        ],
    ),
];

const README: &str = include_str!("../../README.md");

/// The README's "How it decides" section.
fn how_it_decides() -> &'static str {
    let start = README
        .find("## How it decides")
        .expect("the README has How it decides");
    let rest = &README[start + 1..];
    &rest[..rest.find("\n## ").unwrap_or(rest.len())]
}

/// Every owner the walk met, to show it met both kinds.
#[derive(Default)]
struct Walk {
    ours: usize,
    sources: usize,
}

impl Walk {
    fn check(&mut self, whose: &Whose, text: &str, at: &str) {
        assert!(!text.trim().is_empty(), "{at}: an empty text");
        match whose {
            Whose::Dataset => panic!("{at}: \"{text}\" says whose it is nowhere"),
            Whose::Source { publisher, section } => {
                let (_, headings) = HEADINGS
                    .iter()
                    .find(|(p, _)| p == publisher)
                    .unwrap_or_else(|| panic!("{at}: \"{text}\" cites {publisher}, no source"));
                let section =
                    section.unwrap_or_else(|| panic!("{at}: \"{text}\" names no section"));
                assert!(
                    headings.contains(&section),
                    "{at}: \"{text}\" cites “{section}”, not a heading of {publisher}'s article"
                );
                self.sources += 1;
            }
            Whose::Ours(rule) => {
                assert!(
                    how_it_decides().contains(&format!("- **{}**", rule.name())),
                    "{at}: \"{text}\" is ours by “{}”, which How it decides does not list",
                    rule.name()
                );
                self.ours += 1;
            }
        }
    }

    fn said(&mut self, said: &Said, at: &str) {
        self.check(&said.whose, &said.text, at);
    }
}

fn walk_outcome(walk: &mut Walk, d: &Dataset, choices: &Choices, at: &str) {
    let outcome = evaluate(d, choices);
    let answer = view::answer(d, &outcome, choices.team);
    walk.said(&answer.headline, at);
    walk.said(&answer.sentence, at);
    for line in &answer.both {
        walk.said(line, at);
    }
    for line in &answer.sources {
        walk.said(&line.says, at);
        walk.said(&line.reason, at);
        for said in line.rationale.iter().chain(&line.contradiction) {
            walk.said(said, at);
        }
    }
    for said in answer.together.iter().chain(&answer.team) {
        walk.said(said, at);
    }
    if let Some(reasons) = &answer.reasons {
        for item in &reasons.items {
            walk.check(&reasons.whose, item, at);
        }
    }
    walk.said(&answer.firmness.line, at);
    walk.said(&answer.firmness.help, at);
    let bar = view::answer_bar(d, &outcome);
    walk.said(&bar.headline, at);
    walk.said(&bar.scores, at);
    walk.said(&bar.firmness, at);
    let kits = view::kits(
        d,
        &outcome.roles,
        matches!(outcome.verdict, Verdict::Both(_)),
    );
    for line in kits.both.iter().flat_map(|b| &b.lines) {
        walk.said(line, at);
    }
    for kit in &kits.kits {
        if let Some(note) = &kit.note {
            walk.said(note, at);
        }
        for section in &kit.sections {
            for item in &section.listed.items {
                walk.check(&section.listed.whose, &item.text, at);
            }
        }
    }
}

#[test]
fn every_sentence_in_every_view_says_whose_it_is() {
    let d = Dataset::builtin();
    let mut walk = Walk::default();
    let n = d.project_types.len();
    let mut sets: Vec<Vec<usize>> = vec![vec![]];
    sets.extend((0..n).map(|p| vec![p]));
    sets.extend((0..n).flat_map(|a| (a + 1..n).map(move |b| vec![a, b])));
    for team in std::iter::once(None).chain((0..d.options.len()).map(Some)) {
        for set in &sets {
            let choices = if set.is_empty() && team.is_none() {
                Choices::defaults(d)
            } else {
                Choices::for_project_types(d, set.clone(), team)
            };
            walk_outcome(&mut walk, d, &choices, &format!("{set:?}, team {team:?}"));
        }
    }
    for entry in view::faq(d).entries {
        walk.said(&entry.answer, "the FAQ");
    }
    for said in view::slider_sources(d)
        .iter()
        .chain(&view::team_advice(d))
        .chain(&view::comparison_caption(d))
    {
        walk.said(said, "the controls");
    }
    for c in 0..d.criteria.len() {
        for said in view::slider_evidence(d, c) {
            walk.said(&said, "a slider");
        }
    }
    assert!(walk.ours > 0 && walk.sources > 0, "the walk met both kinds");
}

#[test]
fn how_it_decides_lists_every_rule_of_ours_in_order() {
    let section = how_it_decides();
    let mut at = 0;
    for rule in Rule::ALL {
        let bullet = format!("- **{}**", rule.name());
        let found = section[at..]
            .find(&bullet)
            .unwrap_or_else(|| panic!("How it decides lacks {bullet} after the rule before it"));
        at += found + bullet.len();
    }
}

#[test]
fn hiring_cost_scores_and_the_hiring_order_are_marked_ours() {
    let d = Dataset::builtin();
    let cost = d.criterion_index("hiring-cost").unwrap();
    let evidence = view::slider_evidence(d, cost);
    assert!(
        evidence
            .iter()
            .any(|s| s.whose == Whose::Ours(Rule::ConvertedScores)),
        "{evidence:?}"
    );
    let chosen = vec![
        d.project_index("rest-api").unwrap(),
        d.project_index("data-pipeline").unwrap(),
    ];
    let python = d.option_index("python");
    let outcome = evaluate(d, &Choices::for_project_types(d, chosen, python));
    let answer = view::answer(d, &outcome, python);
    let first = answer
        .both
        .iter()
        .find(|s| s.text.starts_with("Hire Node.js first"))
        .expect("the hiring order is shown");
    assert_eq!(first.whose, Whose::Ours(Rule::HiringOrder));
}
