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

/// Every score and each criterion's range, read out of the dataset once per evaluation:
/// the dataset keys scores by option id, and a slider step reads each of them many times.
pub(crate) struct Table {
    options: usize,
    scores: Vec<f64>,
    /// Per criterion: the lowest score and the spread (highest − lowest).
    pub(crate) low: Vec<f64>,
    pub(crate) spread: Vec<f64>,
}

impl Table {
    pub(crate) fn new(dataset: &Dataset) -> Table {
        let n = dataset.options.len();
        let m = dataset.criteria.len();
        let mut scores = Vec::with_capacity(n * m);
        let (mut low, mut spread) = (Vec::with_capacity(m), Vec::with_capacity(m));
        for c in 0..m {
            let row: Vec<f64> = (0..n).map(|o| dataset.score(c, o)).collect();
            let lo = row.iter().copied().fold(f64::INFINITY, f64::min);
            let hi = row.iter().copied().fold(f64::NEG_INFINITY, f64::max);
            scores.extend(row);
            low.push(lo);
            spread.push(hi - lo);
        }
        Table {
            options: n,
            scores,
            low,
            spread,
        }
    }

    pub(crate) fn options(&self) -> usize {
        self.options
    }

    pub(crate) fn criteria(&self) -> usize {
        self.low.len()
    }

    /// How far option `o` sits above the weakest option on criterion `c`.
    pub(crate) fn earned(&self, c: usize, o: usize) -> f64 {
        self.scores[c * self.options + o] - self.low[c]
    }

    fn weighted_spread(&self, weights: &[f64]) -> f64 {
        self.spread
            .iter()
            .enumerate()
            .map(|(c, r)| clean_weight(weights.get(c).copied()) * r)
            .sum()
    }
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
    score_table(&Table::new(dataset), weights, team)
}

pub(crate) fn score_table(table: &Table, weights: &[f64], team: Option<usize>) -> Scores {
    let n = table.options();
    let m = table.criteria();
    let total_spread = table.weighted_spread(weights);
    let mut parts = vec![vec![0.0; m]; n];
    let mut base = vec![50.0; n];
    if total_spread > 0.0 {
        for c in 0..m {
            let w = clean_weight(weights.get(c).copied());
            for (o, row) in parts.iter_mut().enumerate() {
                row[c] = 100.0 * w * table.earned(c, o) / total_spread;
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
    Scores {
        total,
        parts,
        team: team_points,
    }
}
