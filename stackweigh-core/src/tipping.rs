//! Where each slider would change the answer, solved exactly.
//!
//! Hold every weight but one, `x`. Each option's score is then a ratio of two linear
//! functions of `x` sharing one denominator (the weighted mean, see [`crate::score`]),
//! and the team bonus is a constant per option. So "option i is ahead of option j by
//! exactly L points" is `α + β·x = 0` once the denominator is cleared: one root per pair
//! and level. The answer can only change where two options swap places (L = 0) or where
//! a gap crosses one of the strength thresholds (L = ±[`TOO_CLOSE`], ±[`CLEAR`]); between
//! those roots it is constant, so we read it once in each gap and keep the roots where it
//! differs on the two sides.
//!
//! [`TOO_CLOSE`]: crate::verdict::TOO_CLOSE
//! [`CLEAR`]: crate::verdict::CLEAR

use crate::choices::Choices;
use crate::dataset::MAX_WEIGHT;
use crate::score::{clean_weight, Table};
use crate::team::TeamBonus;
use crate::verdict::{decide, Verdict, CLEAR_EDGE, TOO_CLOSE_EDGE};

/// Which way the slider has to move to reach the tipping point.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    Above,
    Below,
}

/// The answer changes when criterion `criterion` is weighted past `at`.
#[derive(Debug, Clone, PartialEq)]
pub struct TippingPoint {
    pub criterion: usize,
    /// The exact weight: above 0 and below 10, or exactly 0 when only a zero weight
    /// changes the verdict (nothing else that separates the options is weighed, or
    /// nothing else is weighed at all).
    pub at: f64,
    pub direction: Direction,
    /// The answer beyond the point.
    pub becomes: Verdict,
}

/// Roots closer than this are one point. The verdict can differ between them, where
/// several options sit on a gap of exactly a threshold at once, but only within a
/// hundred-thousandth of a weight: too narrow a target to offer as a tipping point (a
/// slider moves in whole steps). A millionth was not enough: property tests found an
/// answer that held for about two millionths beside a slider's own weight, among five
/// options on thirty criteria. So is an
/// answer that holds at one exact weight alone, where two trailing options tie just as
/// the leader's gap over both touches a threshold: no gap between runs reads it.
const SAME_ROOT: f64 = 1e-5;

/// The nearest tipping point on each side of every slider, for the answer the scores
/// give (`current`, from [`decide`]). The caller asks only while the scores decide: not
/// while the sources' signals call for both.
pub(crate) fn find(
    table: &Table,
    choices: &Choices,
    bonus: TeamBonus,
    current: &Verdict,
) -> Vec<TippingPoint> {
    let mut points = Vec::new();
    for (c, line) in Line::all(table, choices, bonus).into_iter().enumerate() {
        let x0 = clean_weight(choices.weights.get(c).copied());
        let mut below: Option<TippingPoint> = None;
        let mut above: Option<TippingPoint> = None;
        for (at, left, right) in line.flips() {
            let on_point = (at - x0).abs() < SAME_ROOT;
            if at > x0 || (on_point && *current != right) {
                if above.is_none() {
                    above = Some(TippingPoint {
                        criterion: c,
                        at,
                        direction: Direction::Above,
                        becomes: right,
                    });
                }
            } else if at < x0 || on_point {
                below = Some(TippingPoint {
                    criterion: c,
                    at,
                    direction: Direction::Below,
                    becomes: left,
                });
            }
        }
        points.extend(below);
        points.extend(above);
    }
    points
}

/// Roots from `first` to `last`, each closer than [`SAME_ROOT`] to the one before.
struct Run {
    first: f64,
    last: f64,
}

/// The compared values of every option as functions of one criterion's weight `x`:
/// `value_i(x) = (p_i + x e_i) / (q + x) + b_i`, where `b_i` is option i's team bonus.
struct Line {
    p: Vec<f64>,
    e: Vec<f64>,
    b: Vec<f64>,
    q: f64,
    /// Weights on all other criteria are zero: `x = 0` would weigh nothing.
    others_zero: bool,
}

/// The weighted sums over a run of criteria: Σ w·score for each option, and Σ w.
#[derive(Clone)]
struct Sums {
    weighted: Vec<f64>,
    weight: f64,
}

impl Sums {
    fn empty(options: usize) -> Sums {
        Sums {
            weighted: vec![0.0; options],
            weight: 0.0,
        }
    }

    fn add(&mut self, table: &Table, c: usize, weight: f64) {
        if weight == 0.0 {
            return;
        }
        self.weight += weight;
        for (o, sum) in self.weighted.iter_mut().enumerate() {
            *sum += weight * table.score(c, o);
        }
    }
}

impl Line {
    /// Every slider's line. Each holds the sums over all the other criteria; summed
    /// afresh for each slider, they would cost criteria² × options. The sums before and
    /// after each criterion take one pass each way instead, and none is made by
    /// subtraction, so a sum that should be zero is exactly zero.
    fn all(table: &Table, choices: &Choices, bonus: TeamBonus) -> Vec<Line> {
        let (n, m) = (table.options(), table.criteria());
        let weight = |c: usize| clean_weight(choices.weights.get(c).copied());
        let b: Vec<f64> = (0..n).map(|o| bonus.points(o)).collect();
        // after[c]: the criteria from c on.
        let mut after = vec![Sums::empty(n); m + 1];
        for c in (0..m).rev() {
            let mut sums = after[c + 1].clone();
            sums.add(table, c, weight(c));
            after[c] = sums;
        }
        let mut before = Sums::empty(n);
        let mut lines = Vec::with_capacity(m);
        for c in 0..m {
            let rest = &after[c + 1];
            let q = before.weight + rest.weight;
            lines.push(Line {
                p: before
                    .weighted
                    .iter()
                    .zip(&rest.weighted)
                    .map(|(x, y)| x + y)
                    .collect(),
                e: (0..n).map(|o| table.score(c, o)).collect(),
                b: b.clone(),
                q,
                others_zero: q == 0.0,
            });
            before.add(table, c, weight(c));
        }
        lines
    }

    fn values_at(&self, x: f64) -> Vec<f64> {
        let denominator = self.q + x;
        (0..self.p.len())
            .map(|o| {
                let score = if denominator > 0.0 {
                    (self.p[o] + x * self.e[o]) / denominator
                } else {
                    crate::score::UNWEIGHED_SCORE
                };
                score + self.b[o]
            })
            .collect()
    }

    fn verdict_at(&self, x: f64) -> Verdict {
        decide(&self.values_at(x), self.others_zero && x == 0.0)
    }

    /// Every root in (0, 10) where some gap equals 0 or a threshold, as sorted runs: a
    /// root closer than [`SAME_ROOT`] to the one before it joins that one's run.
    fn runs(&self) -> Vec<Run> {
        // With nothing else weighed, the scores do not depend on x (for x > 0): no root.
        if self.q == 0.0 {
            return vec![];
        }
        let n = self.p.len();
        let mut roots = Vec::new();
        for i in 0..n {
            for j in (i + 1)..n {
                for level in [
                    0.0,
                    TOO_CLOSE_EDGE,
                    -TOO_CLOSE_EDGE,
                    CLEAR_EDGE,
                    -CLEAR_EDGE,
                ] {
                    let k = self.b[i] - self.b[j] - level;
                    let alpha = self.p[i] - self.p[j] + k * self.q;
                    let beta = self.e[i] - self.e[j] + k;
                    if beta != 0.0 {
                        let x = -alpha / beta;
                        if x > 0.0 && x < MAX_WEIGHT {
                            roots.push(x);
                        }
                    }
                }
            }
        }
        crate::order::sort_by(&mut roots, |a, b| a.total_cmp(b).is_lt());
        let mut runs: Vec<Run> = Vec::with_capacity(roots.len());
        for x in roots {
            match runs.last_mut() {
                Some(run) if x - run.last < SAME_ROOT => run.last = x,
                _ => runs.push(Run { first: x, last: x }),
            }
        }
        runs
    }

    /// The runs where the answer differs on the two sides, at each run's first root, with
    /// the answers left and right. Each answer is read halfway between two runs, never
    /// inside one.
    fn flips(&self) -> Vec<(f64, Verdict, Verdict)> {
        // With nothing else weighed, x = 0 weighs nothing and any x > 0 gives this
        // criterion's own scores: the only possible flip is at 0 itself.
        if self.q == 0.0 {
            let (at_zero, beyond) = (self.verdict_at(0.0), self.verdict_at(MAX_WEIGHT / 2.0));
            return if at_zero != beyond {
                vec![(0.0, at_zero, beyond)]
            } else {
                vec![]
            };
        }
        let runs = self.runs();
        let starts = runs.iter().map(|run| run.first).chain([MAX_WEIGHT]);
        let ends = [0.0].into_iter().chain(runs.iter().map(|run| run.last));
        let gaps: Vec<Verdict> = ends
            .zip(starts)
            .map(|(end, start)| self.verdict_at((end + start) / 2.0))
            .collect();
        runs.iter()
            .enumerate()
            .filter(|(k, _)| gaps[*k] != gaps[k + 1])
            .map(|(k, run)| (run.first, gaps[k].clone(), gaps[k + 1].clone()))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::verdict::{Strength, TOO_CLOSE};

    /// Option 0 leads options 1 and 2 by exactly [`TOO_CLOSE`] at `x = 5`, the first gap
    /// rising and the second falling, each by 0.003 points per unit of weight. So it
    /// leans its way only within a third of a millionth either side of 5. Options 3 and 4
    /// trail far behind and tie a little further on, at `5 + 8.7e-7`.
    fn three_gaps_meet_at_five() -> Line {
        let (q, x) = (10.0, 5.0);
        let denominator: f64 = q + x;
        // The gap to option j is (dp + x de) / (q + x), with dp and de what option 0 has
        // more than j. Solved for a gap of TOO_CLOSE and the given slope at x.
        let behind = |slope: f64| {
            let de = slope * denominator + TOO_CLOSE;
            let dp = TOO_CLOSE * q - x * slope * denominator;
            (70.0 - dp, 8.0 - de)
        };
        let (p1, e1) = behind(0.003);
        let (p2, e2) = behind(-0.003);
        let tie = x + 8.7e-7;
        Line {
            p: vec![70.0, p1, p2, 10.0, 10.0 - 0.01 * tie],
            e: vec![8.0, e1, e2, 1.0, 1.01],
            b: vec![0.0; 5],
            q,
            others_zero: false,
        }
    }

    #[test]
    fn an_answer_that_holds_for_only_a_millionth_of_a_weight_is_no_tipping_point() {
        let line = three_gaps_meet_at_five();
        let leans = Verdict::Lead(0, Strength::Leans);
        assert_eq!(line.verdict_at(5.0), leans, "the setup");
        assert_eq!(line.verdict_at(4.999), Verdict::TooClose, "the setup");
        assert_eq!(line.verdict_at(5.001), Verdict::TooClose, "the setup");
        assert_eq!(line.flips(), vec![]);
    }
}
