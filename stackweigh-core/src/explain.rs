//! The outcome in words: labels, the headline, reasons, the sources' verdicts and tipping
//! points as sentences.

use crate::chart::{Part, Segment};
use crate::dataset::Dataset;
use crate::firmness::{Firmness, Recommendation, REACH};
pub use crate::numbers::{number, percent, score};
use crate::outcome::{Outcome, SourceVerdict};
use crate::score::Scores;
use crate::team::{TeamBonus, TEAM_BONUS};
use crate::tipping::{Direction, TippingPoint};
use crate::verdict::{Strength, Verdict, CLEAR, TOO_CLOSE};

/// How a weight reads in words.
pub fn weight_label(weight: f64) -> &'static str {
    match weight.round() as i64 {
        i64::MIN..=0 => "not important",
        1..=2 => "minor",
        3..=4 => "somewhat important",
        5..=6 => "important",
        7..=8 => "very important",
        _ => "critical",
    }
}

/// Points of a gap or a contribution, with their unit: "1 point", "0.4 points".
pub fn points(value: f64) -> String {
    let text = number(value.abs());
    if text == "1" {
        "1 point".into()
    } else {
        format!("{text} points")
    }
}

/// What one segment of a score bar stands for, as its tooltip says it.
pub fn segment(dataset: &Dataset, scores: &Scores, option: usize, segment: &Segment) -> String {
    match segment.part {
        // What the segment is made of, not its points: those move with every slider, and
        // the segment's length shows them; this changes only with its own slider.
        Part::Criterion(c) => {
            let name = dataset.criteria.get(c).map_or("", |c| &*c.name);
            let weight = number(scores.weights.get(c).copied().unwrap_or(0.0));
            let score = number(dataset.score(c, option));
            format!("{name}: scored {score} of 10, weight {weight}")
        }
        Part::Others(n) => format!("{n} other criteria: {}", points(segment.points)),
    }
}

fn name(dataset: &Dataset, option: usize) -> &str {
    dataset.options.get(option).map_or("", |o| &*o.name)
}

fn names(dataset: &Dataset, options: &[usize]) -> String {
    let names: Vec<&str> = options.iter().map(|&o| name(dataset, o)).collect();
    match names.as_slice() {
        [] => String::new(),
        [one] => (*one).to_string(),
        [init @ .., last] => format!("{} and {}", init.join(", "), last),
    }
}

/// The answer in a few words, with its strength.
pub fn headline(dataset: &Dataset, verdict: &Verdict) -> String {
    match verdict {
        Verdict::Start => "What are you building?".into(),
        Verdict::NoPriorities => "Nothing weighed yet".into(),
        Verdict::TooClose => "Too close to call".into(),
        Verdict::Lead(o, Strength::Leans) => format!("Leans {}", name(dataset, *o)),
        Verdict::Lead(o, Strength::Clear) => format!("Clear: hire {}", name(dataset, *o)),
        Verdict::Both(os) => format!("You may need both: {}", names(dataset, os)),
    }
}

/// "Node.js scores 7.4 and Python 7.0 out of 10": the first two, higher score first.
fn two_scores(dataset: &Dataset, outcome: &Outcome) -> String {
    let (mut first, mut second) = (outcome.ranking[0], outcome.ranking[1]);
    if outcome.scores.mean[second] > outcome.scores.mean[first] {
        (first, second) = (second, first);
    }
    format!(
        "{} scores {} and {} {} out of 10",
        name(dataset, first),
        score(outcome.scores.mean[first]),
        name(dataset, second),
        score(outcome.scores.mean[second])
    )
}

/// The answer in one or two plain sentences.
pub fn sentence(dataset: &Dataset, outcome: &Outcome) -> String {
    let leader = name(dataset, outcome.ranking[0]);
    let gap = points(outcome.margin);
    // The bonus is named where it counts in the gap between the first two.
    let bonus = outcome.ranking[..2]
        .iter()
        .find(|&&o| outcome.team.points(o) > 0.0)
        .map(|&o| format!("With your team's bonus for {}, ", name(dataset, o)));
    let gap_is = |rest: &str| match &bonus {
        Some(bonus) => format!("{bonus}{rest}"),
        None => {
            let mut rest = rest.to_string();
            if let Some(first) = rest.get_mut(..1) {
                first.make_ascii_uppercase();
            }
            rest
        }
    };
    match &outcome.verdict {
        Verdict::Start => {
            let weights = starting_weights(dataset);
            let call = if outcome.margin < TOO_CLOSE {
                "too close to call".to_string()
            } else {
                format!("{leader} ahead by {gap}")
            };
            format!(
                "Pick what you are building, or move a slider to say what matters. With {weights}, {}: {call}.",
                two_scores(dataset, outcome)
            )
        }
        Verdict::NoPriorities => {
            "Every slider is at 0, so nothing is weighed. Raise one, or pick what you are building."
                .into()
        }
        Verdict::TooClose => format!(
            "{} on what you weighed. {}",
            two_scores(dataset, outcome),
            gap_is(&format!(
                "the gap is {gap}, under the {} a lean needs.",
                points(TOO_CLOSE)
            ))
        ),
        Verdict::Lead(_, Strength::Leans) => format!(
            "{} on what you weighed. {}",
            two_scores(dataset, outcome),
            gap_is(&format!(
                "{leader} is ahead by {gap}: a lean, short of the {} a clear call needs.",
                points(CLEAR)
            ))
        ),
        Verdict::Lead(_, Strength::Clear) => format!(
            "{} on what you weighed. {}",
            two_scores(dataset, outcome),
            gap_is(&format!("{leader} is ahead by {gap}: a clear call."))
        ),
        Verdict::Both(_) => {
            "The sources give what you are building as a sign that you may need both.".into()
        }
    }
}

/// How the weights the widget starts with read: "every criterion weighted equally" when
/// they are.
fn starting_weights(dataset: &Dataset) -> &'static str {
    let equal = dataset
        .criteria
        .windows(2)
        .all(|w| w[0].default_weight == w[1].default_weight);
    if equal {
        "every criterion weighted equally"
    } else {
        "the starting weights"
    }
}

/// What the score chart shows, as its caption says it.
pub fn chart_caption(dataset: &Dataset, outcome: &Outcome) -> String {
    match outcome.verdict {
        Verdict::Start => format!("Out of 10, with {}", starting_weights(dataset)),
        _ => "Out of 10: the sources' scores, averaged with your weights".into(),
    }
}

/// Whom to hire first when the answer is both (our rule): the stack the team lacks, or
/// the dataset's `easier_to_find` when the team writes neither.
pub fn first_hire(dataset: &Dataset, outcome: &Outcome, team: Option<usize>) -> Option<String> {
    let Verdict::Both(options) = &outcome.verdict else {
        return None;
    };
    let first = name(dataset, *options.first()?);
    Some(match team.filter(|t| options.contains(t)) {
        Some(t) => format!(
            "Hire {first} first: your team already writes {}.",
            name(dataset, t)
        ),
        None => format!("If you hire one at a time, start with {first}."),
    })
}

/// One reason per criterion that moved the gap, largest first. What the team setting does
/// is [`team`].
pub fn reasons(dataset: &Dataset, outcome: &Outcome, most: usize) -> Vec<String> {
    let (first, second) = (outcome.ranking[0], outcome.ranking[1]);
    outcome
        .reasons
        .iter()
        .filter(|r| r.points.abs() >= 0.05)
        .take(most)
        .map(|r| {
            let (favoured, other) = if r.points > 0.0 {
                (first, second)
            } else {
                (second, first)
            };
            format!(
                "{}: {} for {} (scored {} against {}).",
                dataset.criteria[r.criterion].name,
                points(r.points),
                name(dataset, favoured),
                number(dataset.score(r.criterion, favoured)),
                number(dataset.score(r.criterion, other))
            )
        })
        .collect()
}

/// What the team setting does to the answer, when it does anything.
pub fn team(dataset: &Dataset, outcome: &Outcome) -> Option<String> {
    match outcome.team {
        TeamBonus::NoTeam => None,
        TeamBonus::To(o) => Some(format!(
            "Team bonus: {} for {}, the stack your team writes.",
            points(TEAM_BONUS),
            name(dataset, o)
        )),
        TeamBonus::Overruled { team, project } => {
            let project = dataset.project_types.get(project)?;
            let firm = dataset.option_index(&project.verdict)?;
            Some(format!(
                "No team bonus for {}: the sources give “{}” to {}, and a firm project type keeps that answer whatever the team writes.",
                name(dataset, team),
                project.name,
                name(dataset, firm)
            ))
        }
    }
}

/// What the sources recommend for a chosen project type: "Real-time app (…): hire
/// Node.js."
pub fn source_verdict(dataset: &Dataset, verdict: &SourceVerdict) -> String {
    let Some(project) = dataset.project_types.get(verdict.project) else {
        return String::new();
    };
    match verdict.option {
        Some(o) => format!("{}: hire {}.", project.name, name(dataset, o)),
        None => format!("{}: either fits.", project.name),
    }
}

/// That the sources answer each chosen type alone but not these together.
pub fn unanswered(dataset: &Dataset, options: &[usize]) -> String {
    format!(
        "The sources give these project types to {} but say nothing of them together, so the answer weighs your sliders.",
        names(dataset, options)
    )
}

/// The line that says the reader's weights now disagree with the sources for a project
/// type, when they do.
pub fn contradiction(dataset: &Dataset, verdict: &SourceVerdict) -> Option<String> {
    let (o, favoured) = (verdict.option?, verdict.contradicted_by?);
    let project = dataset.project_types.get(verdict.project)?;
    Some(format!(
        "The sources recommend {} for “{}”; your weights now favour {}.",
        name(dataset, o),
        project.name,
        name(dataset, favoured)
    ))
}

/// "5 questions, 4 red flags": how much a list holds, for a collapsed panel's summary.
fn count(n: usize, one: &str, many: &str) -> Option<String> {
    match n {
        0 => None,
        1 => Some(format!("1 {one}")),
        n => Some(format!("{n} {many}")),
    }
}

/// A hiring kit's summary line: its title and what is inside, "Hiring kit: Node.js
/// backend developer, 5 questions, 4 red flags".
pub fn kit_summary(title: &str, questions: usize, red_flags: usize) -> String {
    let mut line = title.to_string();
    for part in [
        count(questions, "question", "questions"),
        count(red_flags, "red flag", "red flags"),
    ]
    .into_iter()
    .flatten()
    {
        line += ", ";
        line += &part;
    }
    line
}

/// The side-by-side table's summary line.
pub fn comparison_summary(dataset: &Dataset) -> String {
    format!(
        "Side by side: {}",
        count(dataset.comparison.len(), "aspect", "aspects").unwrap_or_default()
    )
}

/// The FAQ's summary line.
pub fn faq_summary(dataset: &Dataset) -> String {
    format!("Questions and answers ({})", dataset.faq.len())
}

/// The first two options' scores, as the compact answer bar shows them: "Node.js 8.2 ·
/// Python 7.4".
pub fn scores_line(dataset: &Dataset, outcome: &Outcome) -> String {
    outcome
        .ranking
        .iter()
        .take(2)
        // A no-break space: on a phone the line wraps between two scores, never inside one.
        .map(|&o| {
            format!(
                "{}\u{a0}{}",
                name(dataset, o),
                score(outcome.scores.mean[o])
            )
        })
        .collect::<Vec<_>>()
        .join(" · ")
}

/// What the answer becomes, as a slider's caption says it.
pub fn becomes(dataset: &Dataset, verdict: &Verdict) -> String {
    match verdict {
        Verdict::Lead(o, Strength::Leans) => format!("leans {}", name(dataset, *o)),
        Verdict::Lead(o, Strength::Clear) => format!("clear call for {}", name(dataset, *o)),
        Verdict::TooClose => "too close to call".into(),
        Verdict::NoPriorities => "nothing is weighed".into(),
        Verdict::Both(_) | Verdict::Start => String::new(),
    }
}

/// "Above 6.2: leans Python." The weight is the exact point, to a tenth.
pub fn tipping(dataset: &Dataset, point: &TippingPoint) -> String {
    let at = number(point.at);
    // A point that rounds to an end of the scale is reached at that end.
    let side = match point.direction {
        Direction::Below if at == "0" => "At",
        Direction::Above if at == "10" => "At",
        Direction::Above => "Above",
        Direction::Below => "Below",
    };
    format!("{side} {at}: {}.", becomes(dataset, &point.becomes))
}

/// What the polite live region says when the answer changes.
pub fn announcement(dataset: &Dataset, outcome: &Outcome) -> String {
    format!(
        "{} {}",
        ended(&headline(dataset, &outcome.verdict)),
        sentence(dataset, outcome)
    )
}

/// `text` ending as a sentence does: a full stop added unless it has its own.
pub fn ended(text: &str) -> String {
    if text.ends_with(['.', '?', '!']) {
        text.to_string()
    } else {
        format!("{text}.")
    }
}

/// What a recommendation is called in the firmness split: "Node.js", "too close", "both".
pub fn recommendation(dataset: &Dataset, r: Recommendation) -> String {
    match r {
        Recommendation::Hire(o) => name(dataset, o).to_string(),
        Recommendation::TooClose => "too close".into(),
        Recommendation::Both => "both".into(),
    }
}

/// How firm the answer is, in a line: "Holds for 8 in 10 nearby weightings (each slider
/// ±2). It rests most on Performance." Where it is too close to call, the split instead:
/// "Nearby weightings (each slider ±2): too close 67% · Node.js 33%."
pub fn firmness(dataset: &Dataset, firmness: &Firmness, verdict: &Verdict) -> String {
    let reach = number(REACH);
    let mut line = match verdict {
        Verdict::Both(_) => {
            return "Holds whatever the weights: what you are building calls for both.".into()
        }
        Verdict::Lead(..) => match tenths_of(firmness.agreement) {
            _ if firmness.agreement >= 1.0 => {
                format!("Holds for every nearby weighting (each slider ±{reach}).")
            }
            10 => format!("Holds for nearly all nearby weightings (each slider ±{reach})."),
            k => format!("Holds for {k} in 10 nearby weightings (each slider ±{reach})."),
        },
        _ => {
            let split: Vec<String> = firmness
                .shares
                .iter()
                .filter(|&&(_, s)| percent(s) != "0%")
                .map(|&(r, s)| format!("{} {}", recommendation(dataset, r), percent(s)))
                .collect();
            format!(
                "Nearby weightings (each slider ±{reach}): {}.",
                split.join(" · ")
            )
        }
    };
    if let Some(criterion) = firmness.rests_on.and_then(|(c, _)| dataset.criteria.get(c)) {
        line += &format!(" It rests most on {}.", criterion.name);
    }
    line
}

/// The same, short, for the compact answer bar: "8 in 10 nearby agree".
pub fn firmness_short(firmness: &Firmness) -> String {
    match tenths_of(firmness.agreement) {
        _ if firmness.agreement >= 1.0 => "all nearby agree".into(),
        k => format!("{k} in 10 nearby agree"),
    }
}

/// What the firmness line means, for a reader who has not met the idea.
pub fn firmness_help() -> String {
    format!(
        "Your weights are estimates, so we move every slider up to {} steps either way, all together, over a thousand evenly spread combinations, and count how many give each answer. The slider it rests on is the one whose range alone changes the answer most.",
        number(REACH)
    )
}

/// A share in tenths, 0–10.
fn tenths_of(share: f64) -> u32 {
    (share.clamp(0.0, 1.0) * 10.0).round() as u32
}
