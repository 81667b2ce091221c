//! What the widget shows of an outcome, as plain data: one function for the answer, one
//! for the hiring kits. The components turn each into HTML and [`crate::share`] turns the
//! same into Markdown, so a summary says what the widget shows, decided in one place.

use crate::dataset::{Dataset, PayRange};
use crate::explain;
use crate::outcome::Outcome;
use crate::verdict::{Strength, Verdict};

/// Most reasons the answer lists.
pub const REASONS_SHOWN: usize = 4;

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
    pub headline: String,
    pub sentence: String,
    /// Whom to hire first, when the answer is both.
    pub first_hire: Option<String>,
    /// What the sources say for each chosen project type.
    pub sources: Vec<SourceLine<'a>>,
    /// Whether the scores are charted: not while nothing is weighed.
    pub chart: bool,
    /// Each option's score out of 10, best first.
    pub scores: Vec<ScoreLine<'a>>,
    /// What the answer rests on, largest first; nothing where it rests on no comparison
    /// (the start, nothing weighed, or both).
    pub reasons: Vec<String>,
}

/// What the sources say for one chosen project type.
#[derive(Debug, Clone, PartialEq)]
pub struct SourceLine<'a> {
    /// The project type's id.
    pub project: &'a str,
    /// "Real-time app: CompanyBench Editorial recommends Node.js."
    pub says: String,
    /// The sources' reason.
    pub reason: &'a str,
    /// Why our preset weighs what it does; empty when the dataset gives no reason.
    pub rationale: &'a str,
    /// That the reader's weights now favour another option, when they do.
    pub contradiction: Option<String>,
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
    let sources = outcome
        .source_verdicts
        .iter()
        .filter_map(|source| {
            let project = dataset.project_types.get(source.project)?;
            Some(SourceLine {
                project: &project.id,
                says: explain::source_verdict(dataset, source),
                reason: &project.reason,
                rationale: &project.rationale,
                contradiction: explain::contradiction(dataset, source),
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
        Verdict::Lead(..) | Verdict::TooClose => explain::reasons(dataset, outcome, REASONS_SHOWN),
        _ => vec![],
    };
    Answer {
        state,
        mark,
        leader: verdict.leader(),
        id: verdict.id(dataset),
        strength: verdict.strength(),
        headline: explain::headline(dataset, verdict),
        sentence: explain::sentence(dataset, outcome),
        first_hire: explain::first_hire(dataset, outcome, team),
        sources,
        chart: *verdict != Verdict::NoPriorities,
        scores,
        reasons,
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
    pub summary: &'a str,
    pub advice: &'a str,
    /// How the hires split the work; empty when the dataset does not say.
    pub architecture: &'a str,
}

/// One role's hiring kit.
#[derive(Debug, Clone, PartialEq)]
pub struct Kit<'a> {
    /// The role's id.
    pub role: &'a str,
    /// "Hiring kit: Node.js backend developer".
    pub title: String,
    /// Pay ranges, each with its note and source.
    pub pay: Vec<String>,
    pub questions: Vec<&'a str>,
    /// Each red flag and why it is one.
    pub red_flags: Vec<(&'a str, &'a str)>,
    /// What the candidate market looks like.
    pub market: Vec<&'a str>,
    /// Where the questions, red flags and market notes come from, when the dataset says.
    pub credit: Option<String>,
}

impl Kit<'_> {
    /// The title and what is inside, for the collapsed kit: "Hiring kit: Node.js backend
    /// developer, 5 questions, 4 red flags".
    pub fn summary(&self) -> String {
        explain::kit_summary(&self.title, self.questions.len(), self.red_flags.len())
    }
}

/// The kits for `roles` (an outcome's), with the advice on hiring more than one option
/// when the answer is `both`.
pub fn kits<'a>(dataset: &'a Dataset, roles: &[usize], both: bool) -> Kits<'a> {
    let kits = roles
        .iter()
        .filter_map(|&r| dataset.roles.get(r))
        .map(|role| {
            let option = dataset
                .option_index(&role.option)
                .map(|o| &dataset.options[o]);
            Kit {
                role: &role.id,
                title: format!("Hiring kit: {}", role.title),
                pay: option
                    .into_iter()
                    .flat_map(|o| [&o.salary, &o.contract_rate])
                    .flatten()
                    .map(|pay| pay_line(dataset, pay))
                    .collect(),
                questions: role.questions.iter().map(|q| &**q).collect(),
                red_flags: role.red_flags.iter().map(|f| (&*f.flag, &*f.why)).collect(),
                market: role.market.iter().map(|m| &**m).collect(),
                credit: role.source.as_deref().map(|source| {
                    format!(
                        "Questions, red flags and market notes: {}, in our words.",
                        explain::source_name(dataset, Some(source))
                    )
                }),
            }
        })
        .collect();
    let both = dataset.both.as_ref().filter(|_| both).map(|b| BothKit {
        summary: &b.summary,
        advice: &b.advice,
        architecture: &b.architecture,
    });
    Kits { both, kits }
}

/// A pay range with its note and where it comes from: "$130,000–$190,000 a year.
/// Typical annual compensation (OfflinePixel)".
fn pay_line(dataset: &Dataset, pay: &PayRange) -> String {
    let mut line = pay_range(pay);
    if let Some(note) = &pay.note {
        line += ". ";
        line += note.trim_end_matches('.');
    }
    if pay.source.is_some() {
        line += &format!(
            " ({})",
            explain::source_name(dataset, pay.source.as_deref())
        );
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
