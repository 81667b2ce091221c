//! What stackweigh recommends, and how firmly.
//!
//! **The rule.** Options are compared on their scores plus the team bonus. The gap between
//! the first two decides the strength of the answer, on the sources' 10-point scale:
//! - under [`TOO_CLOSE`] points: *too close to call*;
//! - from [`TOO_CLOSE`] to under [`CLEAR`]: *leans* toward the first;
//! - from [`CLEAR`]: *clear*, hire the first.
//!
//! Both thresholds are ours. [`TOO_CLOSE`] sits above the gap that equal weights give the
//! built-in data (about half a point), so nobody is told to hire anything before saying
//! what matters; [`CLEAR`] asks for half again as much as one 1-point criterion alone.
//! "You may need both" comes only from the sources' signals ([`crate::both`]), and "Start"
//! is the view before anything is chosen ([`crate::choices::Choices::is_start`]).

use crate::dataset::{Dataset, EITHER};
use crate::order::sort_descending;

/// A gap under this many points (1–10 scale) is too close to call.
pub const TOO_CLOSE: f64 = 0.6;
/// A gap of at least this many points is a clear call.
pub const CLEAR: f64 = 1.5;

/// The thresholds as the comparisons use them, a hair lower, so that float noise cannot
/// decide a verdict sitting exactly on one (say after scaling every weight). Tipping
/// points are solved for these same edges.
pub(crate) const TOO_CLOSE_EDGE: f64 = TOO_CLOSE - 1e-9;
pub(crate) const CLEAR_EDGE: f64 = CLEAR - 1e-9;

/// How firmly one option leads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Strength {
    Leans,
    Clear,
}

/// What stackweigh recommends.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Verdict {
    /// Nothing chosen yet: the dataset's starting weights, no project type, no team.
    /// The widget invites a choice and tells no one to hire.
    Start,
    /// Every weight is zero: nothing to weigh.
    NoPriorities,
    /// The first two options are under [`TOO_CLOSE`] points apart.
    TooClose,
    /// One option leads.
    Lead(usize, Strength),
    /// The sources' signals call for more than one option: these, in hiring order.
    Both(Vec<usize>),
}

impl Verdict {
    /// The public name: an option id, `both`, or `either` (no single answer).
    pub fn id<'a>(&self, dataset: &'a Dataset) -> &'a str {
        match self {
            Verdict::Lead(o, _) => &dataset.options[*o].id,
            Verdict::Both(_) => "both",
            Verdict::Start | Verdict::NoPriorities | Verdict::TooClose => EITHER,
        }
    }

    /// The strength's public name: `clear`, `leans`, `too-close`, or `none` where there is
    /// no single-stack call (the start, nothing weighed, or both).
    pub fn strength(&self) -> &'static str {
        match self {
            Verdict::Lead(_, Strength::Clear) => "clear",
            Verdict::Lead(_, Strength::Leans) => "leans",
            Verdict::TooClose => "too-close",
            Verdict::Start | Verdict::NoPriorities | Verdict::Both(_) => "none",
        }
    }

    /// The option this verdict recommends on its own, if any.
    pub fn leader(&self) -> Option<usize> {
        match self {
            Verdict::Lead(o, _) => Some(*o),
            _ => None,
        }
    }
}

/// Options ranked by what they are compared on (score plus team bonus), best first.
/// Ties keep dataset order.
pub fn rank(compared: &[f64]) -> Vec<usize> {
    let mut ranking: Vec<usize> = (0..compared.len()).collect();
    sort_descending(&mut ranking, |&o| compared[o]);
    ranking
}

/// The verdict from what options are compared on, before the start view and the signals
/// for both are considered.
pub(crate) fn decide(compared: &[f64], nothing_weighed: bool) -> Verdict {
    if nothing_weighed {
        return Verdict::NoPriorities;
    }
    let (first, second) = top_two(compared);
    let gap = compared[first] - compared[second];
    if gap >= CLEAR_EDGE {
        Verdict::Lead(first, Strength::Clear)
    } else if gap >= TOO_CLOSE_EDGE {
        Verdict::Lead(first, Strength::Leans)
    } else {
        Verdict::TooClose
    }
}

/// The first two of [`rank`], found without ranking the rest: tipping points decide the
/// verdict thousands of times per change with many options.
fn top_two(compared: &[f64]) -> (usize, usize) {
    let (mut first, mut second) = if compared[1].total_cmp(&compared[0]).is_gt() {
        (1, 0)
    } else {
        (0, 1)
    };
    for (o, value) in compared.iter().enumerate().skip(2) {
        if value.total_cmp(&compared[first]).is_gt() {
            (first, second) = (o, first);
        } else if value.total_cmp(&compared[second]).is_gt() {
            second = o;
        }
    }
    (first, second)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// Small whole numbers, so that ties are common: they must break as `rank` does.
        #[test]
        fn top_two_is_where_the_ranking_starts(compared in prop::collection::vec(0u8..4, 2..=8)) {
            let compared: Vec<f64> = compared.into_iter().map(f64::from).collect();
            let ranking = rank(&compared);
            prop_assert_eq!(top_two(&compared), (ranking[0], ranking[1]));
        }
    }

    #[test]
    fn the_gap_decides_the_strength() {
        assert_eq!(decide(&[7.0, 7.5], false), Verdict::TooClose);
        assert_eq!(
            decide(&[7.0, 7.6], false),
            Verdict::Lead(1, Strength::Leans)
        );
        assert_eq!(
            decide(&[8.5, 7.0], false),
            Verdict::Lead(0, Strength::Clear)
        );
        assert_eq!(decide(&[5.5, 5.5], true), Verdict::NoPriorities);
    }
}
