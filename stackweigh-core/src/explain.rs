//! The outcome in words: labels, the headline, reasons and tipping points as sentences.
//! Numbers are written by hand as whole numbers or tenths (see [`number`]).

use crate::chart::{Part, Segment};
use crate::dataset::Dataset;
use crate::tipping::{Direction, TippingPoint};
use crate::verdict::{Outcome, Verdict};

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

/// A number as a whole number, or with one decimal when it has a fraction ("6.5").
pub fn number(value: f64) -> String {
    if !value.is_finite() {
        return "0".into();
    }
    let tenths = (value * 10.0).round() as i64;
    let sign = if tenths < 0 { "-" } else { "" };
    let tenths = tenths.unsigned_abs();
    if tenths.is_multiple_of(10) {
        format!("{sign}{}", tenths / 10)
    } else {
        format!("{sign}{}.{}", tenths / 10, tenths % 10)
    }
}

/// Whole points, for scores and margins.
pub fn points(value: f64) -> String {
    number(value.round())
}

/// What one segment of a score bar adds, as its tooltip says it.
pub fn segment(dataset: &Dataset, segment: &Segment) -> String {
    let points = points(segment.points);
    match segment.part {
        Part::Criterion(c) => {
            let name = dataset.criteria.get(c).map_or("", |c| c.name.as_str());
            format!("{name}: {points} points")
        }
        Part::Others(n) => format!("{n} other criteria: {points} points"),
        Part::Team => format!("Your team's language: {points} points"),
    }
}

fn names(dataset: &Dataset, options: &[usize]) -> String {
    let names: Vec<&str> = options
        .iter()
        .filter_map(|&o| dataset.options.get(o))
        .map(|o| o.name.as_str())
        .collect();
    match names.as_slice() {
        [] => String::new(),
        [one] => (*one).to_string(),
        [init @ .., last] => format!("{} and {}", init.join(", "), last),
    }
}

/// The answer in a few words.
pub fn headline(dataset: &Dataset, verdict: &Verdict) -> String {
    match verdict {
        Verdict::NoPriorities => "No priorities yet".into(),
        Verdict::TooClose => "Too close to call".into(),
        Verdict::Lead(o) => format!("Hire {}", dataset.options[*o].name),
        Verdict::Both(os) => format!("Hire both: {}", names(dataset, os)),
    }
}

/// The answer in one plain sentence.
pub fn sentence(dataset: &Dataset, outcome: &Outcome) -> String {
    let first = &dataset.options[outcome.ranking[0]].name;
    let second = &dataset.options[outcome.ranking[1]].name;
    match &outcome.verdict {
        Verdict::NoPriorities => {
            "Every criterion is set to not important. Move a slider or pick what you are building.".into()
        }
        Verdict::TooClose => format!(
            "{first} and {second} are {} points apart on what you weighted, under the {} it takes to call it. Let your team's skills decide.",
            points(outcome.margin),
            points(crate::verdict::CLOSE_CALL)
        ),
        Verdict::Lead(_) => format!(
            "{first} scores {} to {second}'s {} on what matters to you.",
            points(outcome.scores.total[outcome.ranking[0]]),
            points(outcome.scores.total[outcome.ranking[1]])
        ),
        Verdict::Both(os) => {
            let first_hire = dataset
                .both
                .as_ref()
                .and_then(|b| dataset.option_index(&b.first_hire))
                .filter(|o| os.contains(o))
                .map(|o| format!(" Start with {}.", dataset.options[o].name))
                .unwrap_or_default();
            format!("What you are building needs {}: each does a part the other does poorly.{first_hire}", names(dataset, os))
        }
    }
}

/// One reason per criterion that moved the margin, largest first.
pub fn reasons(dataset: &Dataset, outcome: &Outcome, most: usize) -> Vec<String> {
    let first = outcome.ranking[0];
    let second = outcome.ranking[1];
    let mut lines: Vec<String> = outcome
        .reasons
        .iter()
        .filter(|r| r.points.abs() >= 0.5)
        .take(most)
        .map(|r| {
            let favoured = if r.points > 0.0 { first } else { second };
            format!(
                "{} favours {} by {} points.",
                dataset.criteria[r.criterion].name,
                dataset.options[favoured].name,
                points(r.points.abs())
            )
        })
        .collect();
    if outcome.team_points.abs() >= 0.5 {
        let favoured = if outcome.team_points > 0.0 {
            first
        } else {
            second
        };
        lines.push(format!(
            "Your team already writes {}'s language: {} points.",
            dataset.options[favoured].name,
            points(outcome.team_points.abs())
        ));
    }
    lines
}

/// What the verdict becomes, as the slider's caption says it.
pub fn becomes(dataset: &Dataset, verdict: &Verdict) -> String {
    match verdict {
        Verdict::Lead(o) => format!("{} takes the lead", dataset.options[*o].name),
        Verdict::TooClose => "it's too close to call".into(),
        Verdict::NoPriorities => "nothing is weighed".into(),
        Verdict::Both(_) => "both are needed".into(),
    }
}

/// "Python takes the lead above 7." The weight is the exact point, to a tenth.
pub fn tipping(dataset: &Dataset, point: &TippingPoint) -> String {
    let side = match point.direction {
        Direction::Below if point.at == 0.0 => "at",
        Direction::Above => "above",
        Direction::Below => "below",
    };
    let mut text = becomes(dataset, &point.becomes);
    // ASCII only: full Unicode case mapping would ship its tables (about 10 KB) to
    // capitalise "it's too close", and option names are written as their authors want.
    if let Some(first) = text.get_mut(..1) {
        first.make_ascii_uppercase();
    }
    format!("{text} {side} {}", number(point.at))
}

/// What the polite live region says when the verdict changes.
pub fn announcement(dataset: &Dataset, outcome: &Outcome) -> String {
    format!(
        "{}. {}",
        headline(dataset, &outcome.verdict),
        sentence(dataset, outcome)
    )
}
