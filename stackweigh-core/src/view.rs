//! What every panel shows, as plain data with whose each sentence is ([`Said`]): the
//! answer, the compact answer bar, the hiring kits, the side-by-side table, the questions,
//! the sliders' sources and the credits. Headings and labels are here too. The components
//! turn each model into HTML and [`crate::share`] turns the same models into Markdown, so
//! each word is written once and a summary says what the widget shows.

use std::borrow::Cow;

use crate::combine::Combination;
use crate::dataset::{Dataset, PayRange, Role, Text};
use crate::explain;
use crate::firmness::Recommendation;
use crate::outcome::Outcome;
use crate::team::TeamBonus;
use crate::verdict::{Strength, Verdict, CLEAR, TOO_CLOSE};
use crate::whose::{cited, Rule, Said, Whose};

/// Most reasons the answer lists.
pub const REASONS_SHOWN: usize = 4;

/// A list under a heading whose items all share one owner.
#[derive(Debug, Clone, PartialEq)]
pub struct Listed<'a, T> {
    pub heading: &'static str,
    pub whose: Whose<'a>,
    pub items: Vec<T>,
}

/// The answer, as the verdict panel shows it.
#[derive(Debug, Clone, PartialEq)]
pub struct Answer<'a> {
    /// The kind of answer, for the stylesheet: `clear`, `leans`, `both`, `close`, `start`
    /// or `none`.
    pub state: &'static str,
    /// A shape beside the headline, so the answer never rests on colour alone.
    pub mark: &'static str,
    /// The option the answer names alone, whose colour the headline takes.
    pub leader: Option<usize>,
    /// The answer and its strength as the host events name them (`node`, `clear`).
    pub id: &'a str,
    pub strength: &'static str,
    /// What the panel is: "Recommendation".
    pub kicker: &'static str,
    pub headline: Said<'a>,
    pub sentence: Said<'a>,
    /// When the answer is both: the signs that call for it, the sources' advice, whom to
    /// hire first (ours) and the sources' note on ordering the hires.
    pub both: Vec<Said<'a>>,
    /// The heading over what the sources say.
    pub sources_heading: &'static str,
    /// What the sources say for each chosen project type.
    pub sources: Vec<SourceLine<'a>>,
    /// That the sources do not answer the chosen project types together, when they do not.
    pub together: Option<Said<'a>>,
    /// Whether the scores are charted: not while nothing is weighed.
    pub chart: bool,
    /// Each option's score out of 10, best first.
    pub scores: Vec<ScoreLine<'a>>,
    /// What the answer rests on, largest first; nothing where it rests on no comparison
    /// (the start, nothing weighed, or both).
    pub reasons: Option<Listed<'a, String>>,
    /// What the team setting does to the answer, when it does anything.
    pub team: Option<Said<'a>>,
    /// How firm the answer is over nearby weightings.
    pub firmness: FirmnessView<'a>,
}

/// How firm the answer is: a line, a bar of the shares, and what it means.
#[derive(Debug, Clone, PartialEq)]
pub struct FirmnessView<'a> {
    /// "Holds for 8 in 10 nearby weightings (each slider ±2). It rests most on
    /// Performance."
    pub line: Said<'a>,
    /// The shares as the bar shows them, largest first.
    pub parts: Vec<FirmnessPart>,
    /// What the link to the explanation says: "What this means".
    pub help_label: &'static str,
    pub help: Said<'a>,
}

/// One segment of the firmness bar.
#[derive(Debug, Clone, PartialEq)]
pub struct FirmnessPart {
    /// The option it stands for, whose colour it takes; `None` for too close or both.
    pub option: Option<usize>,
    /// `hire`, `close` or `both`, for the stylesheet.
    pub kind: &'static str,
    /// "Node.js 45%".
    pub label: String,
    /// The share, 0–1.
    pub share: f64,
}

/// The firmness of an outcome, as the answer panel shows it.
pub fn firmness<'a>(dataset: &'a Dataset, outcome: &Outcome) -> FirmnessView<'a> {
    let f = &outcome.firmness;
    let parts = f
        .shares
        .iter()
        .map(|&(r, share)| {
            let (option, kind) = match r {
                Recommendation::Hire(o) => (Some(o), "hire"),
                Recommendation::TooClose => (None, "close"),
                Recommendation::Both => (None, "both"),
            };
            FirmnessPart {
                option,
                kind,
                label: format!(
                    "{} {}",
                    explain::recommendation(dataset, r),
                    explain::percent(share)
                ),
                share,
            }
        })
        .collect();
    FirmnessView {
        line: Said::ours(
            explain::firmness(dataset, f, &outcome.verdict),
            Rule::HowFirm,
        ),
        parts,
        help_label: "What this means",
        help: Said::ours(explain::firmness_help(), Rule::HowFirm),
    }
}

/// What the sources say for one chosen project type.
#[derive(Debug, Clone, PartialEq)]
pub struct SourceLine<'a> {
    /// The project type's id.
    pub project: &'a str,
    /// "Real-time app: hire Node.js."
    pub says: Said<'a>,
    /// The sources' reason.
    pub reason: Said<'a>,
    /// Why our preset weighs what it does, when the dataset says.
    pub rationale: Option<Said<'a>>,
    /// That the reader's weights now favour another option, when they do.
    pub contradiction: Option<Said<'a>>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ScoreLine<'a> {
    pub option: usize,
    pub name: &'a str,
    /// With one decimal ("7.0").
    pub score: String,
}

/// The answer for an outcome; `team` is the option the team writes, which decides whom to
/// hire first when the answer is both.
pub fn answer<'a>(dataset: &'a Dataset, outcome: &Outcome, team: Option<usize>) -> Answer<'a> {
    let verdict = &outcome.verdict;
    let (mark, state) = match verdict {
        Verdict::Lead(_, Strength::Clear) => ("✔", "clear"),
        Verdict::Lead(_, Strength::Leans) => ("›", "leans"),
        Verdict::Both(_) => ("+", "both"),
        Verdict::TooClose => ("≈", "close"),
        Verdict::Start => ("?", "start"),
        Verdict::NoPriorities => ("…", "none"),
    };
    let sources: Vec<SourceLine> = outcome
        .source_verdicts
        .iter()
        .filter_map(|source| {
            let project = dataset.project_types.get(source.project)?;
            let src = project.source.as_deref();
            let section = project.section.as_deref();
            Some(SourceLine {
                project: &project.id,
                says: Said::new(
                    explain::source_verdict(dataset, source),
                    cited(dataset, src, section),
                ),
                reason: Said::new(
                    &*project.reason,
                    cited(dataset, src, project.reason_section.as_deref().or(section)),
                ),
                rationale: (!project.rationale.is_empty()).then(|| {
                    Said::ours(format!("Our preset {}", project.rationale), Rule::Presets)
                }),
                contradiction: explain::contradiction(dataset, source)
                    .map(|line| Said::ours(line, Rule::Presets)),
            })
        })
        .collect();
    let scores = outcome
        .ranking
        .iter()
        .map(|&o| ScoreLine {
            option: o,
            name: &dataset.options[o].name,
            score: explain::score(outcome.scores.mean[o]),
        })
        .collect();
    let reasons = match verdict {
        Verdict::Lead(..) | Verdict::TooClose => Some(Listed {
            heading: "Why",
            whose: Whose::Ours(Rule::Scores),
            items: explain::reasons(dataset, outcome, REASONS_SHOWN),
        }),
        _ => None,
    };
    let team_line = match verdict {
        Verdict::Lead(..) | Verdict::TooClose => explain::team(dataset, outcome).map(|line| {
            let rule = match outcome.team {
                TeamBonus::Overruled { .. } => Rule::FirmProjectTypes,
                _ => Rule::TeamBonus,
            };
            Said::ours(line, rule)
        }),
        _ => None,
    };
    let together = match &outcome.combination {
        Combination::Unanswered(options) => Some(Said::ours(
            explain::unanswered(dataset, options),
            Rule::Combinations,
        )),
        _ => None,
    };
    Answer {
        state,
        mark,
        leader: verdict.leader(),
        id: verdict.id(dataset),
        strength: verdict.strength(),
        kicker: "Recommendation",
        headline: Said::new(
            explain::headline(dataset, verdict),
            verdict_whose(dataset, verdict),
        ),
        sentence: Said::new(
            explain::sentence(dataset, outcome),
            sentence_whose(dataset, verdict),
        ),
        both: both_lines(dataset, outcome, team),
        sources_heading: "What the sources say",
        sources,
        together,
        chart: *verdict != Verdict::NoPriorities,
        scores,
        reasons,
        team: team_line,
        firmness: firmness(dataset, outcome),
    }
}

/// Whose the headline is: the sources' where they call for both, else our strength
/// thresholds (or our start view).
fn verdict_whose<'a>(dataset: &'a Dataset, verdict: &Verdict) -> Whose<'a> {
    match verdict {
        Verdict::Both(_) => both_whose(dataset),
        Verdict::Start => Whose::Ours(Rule::Start),
        Verdict::NoPriorities => Whose::Ours(Rule::Scores),
        Verdict::TooClose | Verdict::Lead(..) => Whose::Ours(Rule::Strength),
    }
}

fn sentence_whose<'a>(dataset: &'a Dataset, verdict: &Verdict) -> Whose<'a> {
    match verdict {
        Verdict::Both(_) => both_whose(dataset),
        Verdict::Start => Whose::Ours(Rule::Start),
        _ => Whose::Ours(Rule::Scores),
    }
}

fn both_whose(dataset: &Dataset) -> Whose<'_> {
    match &dataset.both {
        Some(b) => cited(dataset, b.source.as_deref(), b.section.as_deref()),
        None => Whose::Dataset,
    }
}

/// The signs that call for both, the sources' advice, whom to hire first (ours) and the
/// sources' note on ordering the hires.
fn both_lines<'a>(dataset: &'a Dataset, outcome: &Outcome, team: Option<usize>) -> Vec<Said<'a>> {
    let (Combination::Both(call), Some(both)) = (&outcome.combination, &dataset.both) else {
        return vec![];
    };
    let mut lines: Vec<Said> = call
        .signals
        .iter()
        .filter_map(|&s| both.signals.get(s))
        .map(|s| {
            // A signal names its own source, or shares the advice's.
            let whose = match s.source {
                Some(source) => cited(dataset, Some(&source), s.section.as_deref()),
                None => both_whose(dataset),
            };
            Said::new(&*s.text, whose)
        })
        .collect();
    lines.push(Said::new(&*both.advice, both_whose(dataset)));
    if let Some(first) = explain::first_hire(dataset, outcome, team) {
        lines.push(Said::ours(first, Rule::HiringOrder));
    }
    let lacks_team = team.is_none_or(|t| !call.options.contains(&t));
    if lacks_team && !both.sequencing.is_empty() {
        lines.push(Said::new(&*both.sequencing, both_whose(dataset)));
    }
    lines
}

/// The compact answer bar of narrow layouts: the headline and the first two scores.
#[derive(Debug, Clone, PartialEq)]
pub struct AnswerBar<'a> {
    pub headline: Said<'a>,
    pub leader: Option<usize>,
    pub strength: &'static str,
    /// "Node.js 8.2 · Python 7.4", our weighted means.
    pub scores: Said<'a>,
    /// "8 in 10 nearby agree".
    pub firmness: Said<'a>,
}

pub fn answer_bar<'a>(dataset: &'a Dataset, outcome: &Outcome) -> AnswerBar<'a> {
    let verdict = &outcome.verdict;
    AnswerBar {
        headline: Said::new(
            explain::headline(dataset, verdict),
            verdict_whose(dataset, verdict),
        ),
        leader: verdict.leader(),
        strength: verdict.strength(),
        scores: Said::ours(explain::scores_line(dataset, outcome), Rule::Scores),
        firmness: Said::ours(explain::firmness_short(&outcome.firmness), Rule::HowFirm),
    }
}

/// The hiring kits, as the kit panels show them.
#[derive(Debug, Clone, PartialEq)]
pub struct Kits<'a> {
    /// How to hire more than one option, when that is the answer.
    pub both: Option<BothKit<'a>>,
    /// One kit per role, in the order to hire.
    pub kits: Vec<Kit<'a>>,
}

/// The sources' advice on hiring more than one option.
#[derive(Debug, Clone, PartialEq)]
pub struct BothKit<'a> {
    /// What the collapsed panel says.
    pub summary: &'static str,
    pub lines: Vec<Said<'a>>,
}

/// One role's hiring kit.
#[derive(Debug, Clone, PartialEq)]
pub struct Kit<'a> {
    /// The role's id.
    pub role: &'a str,
    /// "Hiring kit: Node.js backend developer".
    pub title: String,
    /// The dataset's note on the kit (what it adapted, or stands in for), marked as ours.
    pub note: Option<Said<'a>>,
    /// Pay, contract rate, questions, red flags and the market, each under its heading and
    /// with its owner; only those with something in them.
    pub sections: Vec<KitSection<'a>>,
}

/// One part of a kit.
#[derive(Debug, Clone, PartialEq)]
pub struct KitSection<'a> {
    pub listed: Listed<'a, KitItem<'a>>,
    /// Whether the items are numbered (the questions).
    pub numbered: bool,
}

/// One line of a kit: a question, a pay range, a market note, or a red flag and why.
#[derive(Debug, Clone, PartialEq)]
pub struct KitItem<'a> {
    pub text: Cow<'a, str>,
    pub why: Option<&'a str>,
}

impl Kit<'_> {
    /// The title and what is inside, for the collapsed kit: "Hiring kit: Node.js backend
    /// developer, 5 questions, 4 red flags".
    pub fn summary(&self) -> String {
        let count = |heading| {
            self.sections
                .iter()
                .find(|s| s.listed.heading == heading)
                .map_or(0, |s| s.listed.items.len())
        };
        explain::kit_summary(&self.title, count(QUESTIONS), count(RED_FLAGS))
    }
}

const QUESTIONS: &str = "Interview questions";
const RED_FLAGS: &str = "Red flags";

/// The kits for `roles` (an outcome's), with the advice on hiring more than one option
/// when the answer is `both`.
pub fn kits<'a>(dataset: &'a Dataset, roles: &[usize], both: bool) -> Kits<'a> {
    let kits = roles
        .iter()
        .filter_map(|&r| dataset.roles.get(r))
        .map(|role| kit(dataset, role))
        .collect();
    let both = dataset.both.as_ref().filter(|_| both).map(|b| {
        let whose = both_whose(dataset);
        let mut lines = vec![Said::new(&*b.summary, whose), Said::new(&*b.advice, whose)];
        if !b.architecture.is_empty() {
            lines.push(Said::new(&*b.architecture, whose));
        }
        BothKit {
            summary: "Hiring both: how the two share the work",
            lines,
        }
    });
    Kits { both, kits }
}

fn kit<'a>(dataset: &'a Dataset, role: &'a Role) -> Kit<'a> {
    let option = dataset
        .option_index(&role.option)
        .map(|o| &dataset.options[o]);
    let source = role.source.as_deref();
    let from = |section: &'a Option<Text>| cited(dataset, source, section.as_deref());
    // Adapted questions and red flags are the dataset's own, drawn from the source's.
    let adapted = |section: &'a Option<Text>| match role.adapted {
        true => Whose::Ours(Rule::HiringKits),
        false => from(section),
    };
    let pay = |heading, pay: Option<&'a PayRange>| {
        pay.map(|pay| KitSection {
            listed: Listed {
                heading,
                whose: cited(dataset, pay.source.as_deref(), pay.section.as_deref()),
                items: vec![KitItem {
                    text: pay_line(pay).into(),
                    why: None,
                }],
            },
            numbered: false,
        })
    };
    let texts = |items: &'a [Text]| -> Vec<KitItem<'a>> {
        items
            .iter()
            .map(|t| KitItem {
                text: Cow::Borrowed(&**t),
                why: None,
            })
            .collect()
    };
    let sections = [
        pay("Pay", option.and_then(|o| o.salary.as_ref())),
        pay(
            "Contract rate",
            option.and_then(|o| o.contract_rate.as_ref()),
        ),
        Some(KitSection {
            listed: Listed {
                heading: QUESTIONS,
                whose: adapted(&role.questions_section),
                items: texts(&role.questions),
            },
            numbered: true,
        }),
        Some(KitSection {
            listed: Listed {
                heading: RED_FLAGS,
                whose: adapted(&role.red_flags_section),
                items: role
                    .red_flags
                    .iter()
                    .map(|f| KitItem {
                        text: Cow::Borrowed(&*f.flag),
                        why: Some(&*f.why),
                    })
                    .collect(),
            },
            numbered: false,
        }),
        Some(KitSection {
            listed: Listed {
                heading: "The candidate market",
                whose: from(&role.market_section),
                items: texts(&role.market),
            },
            numbered: false,
        }),
    ]
    .into_iter()
    .flatten()
    .filter(|s| !s.listed.items.is_empty())
    .collect();
    Kit {
        role: &role.id,
        title: format!("Hiring kit: {}", role.title),
        note: role
            .note
            .as_deref()
            .map(|note| Said::ours(note, Rule::HiringKits)),
        sections,
    }
}

/// A pay range with its note: "$130,000–$190,000 a year. Typical annual compensation".
fn pay_line(pay: &PayRange) -> String {
    let mut line = pay_range(pay);
    if let Some(note) = &pay.note {
        line += ". ";
        line += note.trim_end_matches('.');
    }
    line
}

/// "$130,000–$190,000 a year" or "$20–$55 an hour in India".
fn pay_range(pay: &PayRange) -> String {
    let symbol = if pay.currency == "USD" { "$" } else { "" };
    let suffix = if symbol.is_empty() {
        format!(" {}", pay.currency)
    } else {
        String::new()
    };
    let per = match &*pay.per {
        "year" => "a year".to_string(),
        "hour" => "an hour".to_string(),
        other => format!("per {other}"),
    };
    let region = pay
        .region
        .as_ref()
        .map(|r| format!(" in {r}"))
        .unwrap_or_default();
    format!(
        "{symbol}{}–{symbol}{}{suffix} {per}{region}",
        thousands(pay.low),
        thousands(pay.high)
    )
}

fn thousands(value: f64) -> String {
    let digits = (value.round().max(0.0) as u64).to_string();
    let mut out = String::new();
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(ch);
    }
    out
}

/// The questions and answers panel.
#[derive(Debug, Clone, PartialEq)]
pub struct Faq<'a> {
    /// What the collapsed panel says: "Questions and answers (5)".
    pub summary: String,
    pub entries: Vec<FaqEntry<'a>>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct FaqEntry<'a> {
    pub question: Cow<'a, str>,
    pub answer: Said<'a>,
}

/// The dataset's questions, then two on our own rules: what "too close to call" means, and
/// what the team setting does (where the dataset has teams).
pub fn faq(dataset: &Dataset) -> Faq<'_> {
    let mut entries: Vec<FaqEntry> = dataset
        .faq
        .iter()
        .map(|f| FaqEntry {
            question: Cow::Borrowed(&*f.question),
            answer: Said::new(
                &*f.answer,
                cited(dataset, f.source.as_deref(), f.section.as_deref()),
            ),
        })
        .collect();
    if !dataset.faq.is_empty() {
        entries.push(FaqEntry {
            question: "What does “too close to call” mean?".into(),
            answer: Said::ours(
                format!(
                    "The two leading scores, with any team bonus, are less than {} apart on what you weighed, so neither is the call. From {} apart the answer leans one way; from {} it is clear.",
                    explain::points(TOO_CLOSE),
                    explain::number(TOO_CLOSE),
                    explain::number(CLEAR),
                ),
                Rule::Strength,
            ),
        });
        if dataset.options.iter().any(|o| o.team.is_some()) {
            entries.push(FaqEntry {
                question: "Does our current team change the answer?".into(),
                answer: Said::ours(
                    format!(
                        "The stack your team already writes gets {} when the scores are compared, whichever stack it is. While a chosen project type is firm, a team on another stack gets none, so it cannot overturn the sources' answer.",
                        explain::points(crate::team::TEAM_BONUS)
                    ),
                    Rule::TeamBonus,
                ),
            });
        }
    }
    Faq {
        summary: format!("Questions and answers ({})", entries.len()),
        entries,
    }
}

/// The side-by-side table's caption: whose it is, when its rows share a source.
pub fn comparison_caption(dataset: &Dataset) -> Option<Said<'_>> {
    let first = dataset.comparison.first()?;
    let shared = dataset
        .comparison
        .iter()
        .all(|r| r.source == first.source && r.section == first.section);
    shared.then(|| {
        Said::new(
            "The two side by side, in our words.",
            cited(dataset, first.source.as_deref(), first.section.as_deref()),
        )
    })
}

/// Where the sliders' scores and notes come from, said once above them: each owner that
/// every criterion shares.
pub fn slider_sources(dataset: &Dataset) -> Vec<Said<'_>> {
    let (scores, notes) = shared_owners(dataset);
    let mut lines = Vec::new();
    if let Some(whose) = scores {
        lines.push(Said::new(SCORES, whose));
    }
    if let Some(whose) = notes {
        lines.push(Said::new(NOTES, whose));
    }
    lines
}

const SCORES: &str = "Scores out of 10.";
const NOTES: &str = "The notes beside them.";

/// The owners of the scores and of the notes that every criterion shares, if any.
fn shared_owners(dataset: &Dataset) -> (Option<Whose<'_>>, Option<Whose<'_>>) {
    let n = dataset.criteria.len();
    let scores = shared((0..n).map(|c| scores_whose(dataset, c)));
    let notes = shared(
        (0..n)
            .filter(|&c| !dataset.criteria[c].notes.is_empty())
            .map(|c| notes_whose(dataset, c)),
    );
    (scores, notes)
}

/// The one owner all of `owners` share, if they do.
fn shared<'a>(mut owners: impl Iterator<Item = Whose<'a>>) -> Option<Whose<'a>> {
    let first = owners.next()?;
    owners.all(|w| w == first).then_some(first)
}

fn scores_whose(dataset: &Dataset, c: usize) -> Whose<'_> {
    let criterion = &dataset.criteria[c];
    cited(
        dataset,
        criterion.source.as_deref(),
        criterion.section.as_deref(),
    )
}

fn notes_whose(dataset: &Dataset, c: usize) -> Whose<'_> {
    let criterion = &dataset.criteria[c];
    cited(
        dataset,
        criterion.notes_source.or(criterion.source).as_deref(),
        criterion.notes_section.as_deref(),
    )
}

/// What one slider says of where its evidence comes from, beyond what is said once above
/// the sliders: how converted scores were made (ours), and its scores' and notes' owners
/// where the criteria do not share them.
pub fn slider_evidence(dataset: &Dataset, c: usize) -> Vec<Said<'_>> {
    let (shared_scores, shared_notes) = shared_owners(dataset);
    let criterion = &dataset.criteria[c];
    let scores = scores_whose(dataset, c);
    let mut lines = Vec::new();
    if let Some(how) = &criterion.converted {
        lines.push(Said::ours(
            format!(
                "These scores are our conversion of {}'s figures: {}",
                scores.mark(),
                explain::ended(how)
            ),
            Rule::ConvertedScores,
        ));
    }
    if shared_scores.is_none() {
        lines.push(Said::new(SCORES, scores));
    }
    if shared_notes.is_none() && !criterion.notes.is_empty() {
        lines.push(Said::new(NOTES, notes_whose(dataset, c)));
    }
    lines
}

/// What the sources advise a team that writes none of the options.
pub fn team_advice(dataset: &Dataset) -> Option<Said<'_>> {
    let advice = dataset.team_advice.as_ref()?;
    Some(Said::new(
        &*advice.neither,
        cited(dataset, advice.source.as_deref(), advice.section.as_deref()),
    ))
}

/// The credits at the foot of the widget and the summary.
#[derive(Debug, Clone, PartialEq)]
pub struct Credits<'a> {
    /// The sources, each with its title, publisher and date, and a link where it has one.
    pub sources: Vec<CreditedSource<'a>>,
    /// How to read the marks: what is the sources' and what is ours.
    pub marks: &'static str,
    pub privacy: &'static str,
}

#[derive(Debug, Clone, PartialEq)]
pub struct CreditedSource<'a> {
    pub title: &'a str,
    pub url: Option<&'a str>,
    /// " (CompanyBench Editorial, May 2026)".
    pub by: String,
}

pub fn credits(dataset: &Dataset) -> Credits<'_> {
    Credits {
        sources: dataset
            .sources
            .iter()
            .map(|s| CreditedSource {
                title: &s.title,
                url: s.url.as_deref(),
                by: match &s.date {
                    Some(date) => format!(" ({}, {date})", s.publisher),
                    None => format!(" ({})", s.publisher),
                },
            })
            .collect(),
        marks: "Each fact and piece of advice names its source and section, in our words. Text marked “ours” is stackweigh's own rule (thresholds, the team bonus, presets, hiring order), listed under How it decides in stackweigh's README.",
        privacy: "It runs entirely in your browser: nothing you set leaves this page.",
    }
}
