//! How weights turn the sources' scores into one score per option.
//!
//! **The rule.** An option's score is the weighted mean of its criterion scores, on the
//! sources' own 1–10 scale:
//!
//! ```text
//! score(o) = Σc w_c s_oc / Σc w_c
//! ```
//!
//! So with one criterion weighted alone, the scores are that criterion's scores as the
//! sources give them, and a criterion scored 9 against 8 can move the gap between two
//! options by at most one point. Scaling every weight by the same factor changes nothing.
//! With every weight at zero nothing is weighed, and every option sits at the middle of
//! the scale.
//!
//! The team bonus ([`crate::team`]) is not part of a score: scores stay what the sources'
//! numbers give, and the bonus is added where options are compared.

use crate::dataset::{Dataset, MAX_SCORE, MAX_WEIGHT, MIN_SCORE};

/// Where every option sits when nothing is weighed: the middle of the scale.
pub const UNWEIGHED_SCORE: f64 = (MIN_SCORE + MAX_SCORE) / 2.0;

/// Each option's score, and what it is made of.
#[derive(Debug, Clone, PartialEq)]
pub struct Scores {
    /// Per option: the weighted mean of its criterion scores, 1–10.
    pub mean: Vec<f64>,
    /// Per option, per criterion: the points that criterion adds to the mean
    /// (`w_c s_oc / Σ w`). They sum to the mean.
    pub parts: Vec<Vec<f64>>,
    /// Per criterion, the weight as scored: clamped to 0–10, 0 for one not given.
    pub weights: Vec<f64>,
}

/// Every score, read out of the dataset once per evaluation: the dataset keys scores by
/// option id, and tipping points read each of them many times.
pub(crate) struct Table {
    options: usize,
    criteria: usize,
    scores: Vec<f64>,
}

impl Table {
    pub(crate) fn new(dataset: &Dataset) -> Table {
        let (n, m) = (dataset.options.len(), dataset.criteria.len());
        let mut scores = Vec::with_capacity(n * m);
        for c in 0..m {
            scores.extend((0..n).map(|o| dataset.score(c, o)));
        }
        Table {
            options: n,
            criteria: m,
            scores,
        }
    }

    pub(crate) fn options(&self) -> usize {
        self.options
    }

    pub(crate) fn criteria(&self) -> usize {
        self.criteria
    }

    /// Option `o`'s score on criterion `c`, 1–10.
    pub(crate) fn score(&self, c: usize, o: usize) -> f64 {
        self.scores[c * self.options + o]
    }
}

/// Weights outside 0–10 or not numbers at all are treated as the nearest valid weight.
pub(crate) fn clean_weight(weight: Option<f64>) -> f64 {
    match weight {
        Some(w) if w.is_finite() => w.clamp(0.0, MAX_WEIGHT),
        _ => 0.0,
    }
}

/// Whether `weights` weigh nothing at all.
pub(crate) fn nothing_weighed(weights: &[f64]) -> bool {
    weights.iter().all(|&w| clean_weight(Some(w)) == 0.0)
}

pub(crate) fn score_table(table: &Table, weights: &[f64]) -> Scores {
    let (n, m) = (table.options(), table.criteria());
    let weight = |c: usize| clean_weight(weights.get(c).copied());
    let weights: Vec<f64> = (0..m).map(weight).collect();
    let total: f64 = weights.iter().sum();
    if total == 0.0 {
        return Scores {
            mean: vec![UNWEIGHED_SCORE; n],
            parts: vec![vec![0.0; m]; n],
            weights,
        };
    }
    let parts: Vec<Vec<f64>> = (0..n)
        .map(|o| {
            (0..m)
                .map(|c| weights[c] * table.score(c, o) / total)
                .collect()
        })
        .collect();
    // Rounding can carry a sum a hair past the scale's ends; the scale is the promise.
    let mean = parts
        .iter()
        .map(|row| row.iter().sum::<f64>().clamp(MIN_SCORE, MAX_SCORE))
        .collect();
    Scores {
        mean,
        parts,
        weights,
    }
}
