//! How weights and scores become one number per option.
//!
//! **The rule.** On each criterion an option earns its distance above the weakest option
//! there (`score − lowest score`); the most it could earn is the criterion's spread
//! (`highest − lowest`). An option's score is its weighted earnings as a share of the
//! weighted spreads, times 100:
//!
//! ```text
//! score(i) = 100 × Σc w_c (s_ic − min_c) / Σc w_c (max_c − min_c)
//! ```
//!
//! So 100 means "best on everything you care about" and 0 "worst on everything"; with two
//! options the scores add up to 100 and read as a tug of war. Criteria on which all
//! options tie move nothing, whatever their weight. Two properties follow and are tested:
//! scaling every weight by the same factor changes nothing, and (with two options) raising
//! the weight of a criterion an option wins never shrinks that option's lead. A plain
//! weighted average would break the second: a criterion won by a small gap would dilute a
//! larger lead.
//!
//! **Team pull.** When the team already writes one option's language, that option closes
//! [`TEAM_PULL`] of its gap to 100: `score' = score + TEAM_PULL × (100 − score)`. The
//! sources say existing skills often decide; this makes them count, at most 20 points and
//! about 10 for an even contest, without letting them override a clear case.

use crate::dataset::Dataset;

/// Share of the gap to a perfect score that the team's own language closes.
pub const TEAM_PULL: f64 = 0.2;

/// Each option's score, and what it is made of.
#[derive(Debug, Clone, PartialEq)]
pub struct Scores {
    /// Per option, 0–100 (team pull included).
    pub total: Vec<f64>,
    /// Per option, per criterion: points that criterion adds to the option's score.
    pub parts: Vec<Vec<f64>>,
    /// Per option: points added by the team pull (0 for all but the team's option).
    pub team: Vec<f64>,
}

/// True when no weight falls on a criterion that separates the options.
pub fn weighs_nothing(dataset: &Dataset, weights: &[f64]) -> bool {
    weighted_spread(dataset, weights) <= 0.0
}

fn spread(dataset: &Dataset, criterion: usize) -> (f64, f64) {
    let mut low = f64::INFINITY;
    let mut high = f64::NEG_INFINITY;
    for o in 0..dataset.options.len() {
        let s = dataset.score(criterion, o);
        low = low.min(s);
        high = high.max(s);
    }
    (low, high)
}

fn weighted_spread(dataset: &Dataset, weights: &[f64]) -> f64 {
    (0..dataset.criteria.len())
        .map(|c| {
            let (low, high) = spread(dataset, c);
            clean_weight(weights.get(c).copied()) * (high - low)
        })
        .sum()
}

/// Weights outside 0–10 or not numbers at all are treated as the nearest valid weight.
pub(crate) fn clean_weight(weight: Option<f64>) -> f64 {
    match weight {
        Some(w) if w.is_finite() => w.clamp(0.0, crate::dataset::MAX_WEIGHT),
        _ => 0.0,
    }
}

/// The affine team pull on one option's score: `a × score + b`.
pub(crate) fn team_pull(option: usize, team: Option<usize>) -> (f64, f64) {
    if team == Some(option) {
        (1.0 - TEAM_PULL, 100.0 * TEAM_PULL)
    } else {
        (1.0, 0.0)
    }
}

/// Scores every option. When the weights fall on nothing that separates the options,
/// every option sits at 50 before the team pull: nothing you care about tells them apart.
pub fn score(dataset: &Dataset, weights: &[f64], team: Option<usize>) -> Scores {
    let n = dataset.options.len();
    let m = dataset.criteria.len();
    let total_spread = weighted_spread(dataset, weights);
    let mut parts = vec![vec![0.0; m]; n];
    let mut base = vec![50.0; n];
    if total_spread > 0.0 {
        for c in 0..m {
            let (low, _) = spread(dataset, c);
            let w = clean_weight(weights.get(c).copied());
            for (o, row) in parts.iter_mut().enumerate() {
                row[c] = 100.0 * w * (dataset.score(c, o) - low) / total_spread;
            }
        }
        for (o, row) in parts.iter().enumerate() {
            base[o] = row.iter().sum::<f64>().clamp(0.0, 100.0);
        }
    }
    let mut total = Vec::with_capacity(n);
    let mut team_points = Vec::with_capacity(n);
    for (o, &s) in base.iter().enumerate() {
        let (a, b) = team_pull(o, team);
        let pulled = (a * s + b).clamp(0.0, 100.0);
        total.push(pulled);
        team_points.push(pulled - s);
    }
    Scores { total, parts, team: team_points }
}
