//! Where each slider would flip the verdict, solved exactly.
//!
//! Hold every weight but one, `x`. Each option's score is then a ratio of two linear
//! functions of `x` sharing one denominator (see [`crate::score`]), and the team pull
//! is affine in the score. So "option i leads option j by exactly L points" is
//! `α + β·x = 0` once the denominator is cleared: one root per pair and level. The
//! verdict can only change where two options swap places (L = 0) or where a lead
//! crosses [`CLOSE_CALL`] (L = ±CLOSE_CALL); between those roots it is constant, so we
//! read it once in each gap and keep the roots where it differs on the two sides.

use crate::dataset::{Dataset, MAX_WEIGHT};
use crate::score::{clean_weight, team_pull, Table};
use crate::verdict::{decide, needs_pull, Verdict, CALL_EDGE};
use crate::Choices;

/// Which way the slider has to move to reach the tipping point.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    Above,
    Below,
}

/// The verdict flips when criterion `criterion` is weighted past `at`.
#[derive(Debug, Clone, PartialEq)]
pub struct TippingPoint {
    pub criterion: usize,
    /// The exact weight: above 0 and below 10, or exactly 0 when only a zero weight
    /// changes the verdict (nothing else that separates the options is weighed, or
    /// nothing else is weighed at all).
    pub at: f64,
    pub direction: Direction,
    /// The verdict beyond the point.
    pub becomes: Verdict,
}

/// Roots closer than this are one point. The verdict can differ between them, where
/// several options sit on a lead of exactly [`crate::verdict::CLOSE_CALL`] at once, but
/// only within a millionth of a weight: too narrow a target to offer as a tipping point.
const SAME_ROOT: f64 = 1e-6;

/// The nearest tipping point on each side of every slider. None while the needs alone
/// decide (the verdict is "both" whatever the weights).
pub(crate) fn find(
    dataset: &Dataset,
    table: &Table,
    choices: &Choices,
    current: &Verdict,
) -> Vec<TippingPoint> {
    let pulled = needs_pull(dataset, &choices.needs);
    if pulled.len() >= 2 {
        return vec![];
    }
    let mut points = Vec::new();
    for (c, line) in Line::all(table, choices).into_iter().enumerate() {
        let x0 = clean_weight(choices.weights.get(c).copied());
        let mut below: Option<TippingPoint> = None;
        let mut above: Option<TippingPoint> = None;
        for (at, left, right) in line.flips(&pulled) {
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

/// The scores of every option as functions of one criterion's weight `x`:
/// `score_i(x) = a_i × 100 (p_i + x e_i) / (q + x r) + b_i`, where `(a_i, b_i)` is the
/// team pull on option i ([`team_pull`]).
struct Line {
    p: Vec<f64>,
    e: Vec<f64>,
    team: Option<usize>,
    q: f64,
    r: f64,
    /// Weights on all other criteria are zero: `x = 0` would weigh nothing.
    others_zero: bool,
}

/// The weighted sums over a run of criteria: Σ w·earned for each option, Σ w·spread,
/// and whether every weight in the run is zero.
#[derive(Clone)]
struct Sums {
    earned: Vec<f64>,
    spread: f64,
    all_zero: bool,
}

impl Sums {
    fn empty(options: usize) -> Sums {
        Sums {
            earned: vec![0.0; options],
            spread: 0.0,
            all_zero: true,
        }
    }

    fn add(&mut self, table: &Table, c: usize, weight: f64) {
        self.all_zero &= weight == 0.0;
        if weight == 0.0 {
            return;
        }
        self.spread += weight * table.spread[c];
        for (o, sum) in self.earned.iter_mut().enumerate() {
            *sum += weight * table.earned(c, o);
        }
    }
}

impl Line {
    /// Every slider's line. Each holds the sums over all the other criteria; summed
    /// afresh for each slider, they cost criteria² × options, over a third of the
    /// engine's time at 8 options × 40 criteria. The sums before and after each criterion
    /// take one pass each way instead, and none is made by subtraction, so a sum that
    /// should be zero is exactly zero.
    fn all(table: &Table, choices: &Choices) -> Vec<Line> {
        let (n, m) = (table.options(), table.criteria());
        let weight = |c: usize| clean_weight(choices.weights.get(c).copied());
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
            lines.push(Line {
                p: before
                    .earned
                    .iter()
                    .zip(&rest.earned)
                    .map(|(x, y)| x + y)
                    .collect(),
                e: (0..n).map(|o| table.earned(c, o)).collect(),
                team: choices.team,
                q: before.spread + rest.spread,
                r: table.spread[c],
                others_zero: before.all_zero && rest.all_zero,
            });
            before.add(table, c, weight(c));
        }
        lines
    }

    fn scores_at(&self, x: f64) -> Vec<f64> {
        let denominator = self.q + x * self.r;
        (0..self.p.len())
            .map(|o| {
                let base = if denominator > 0.0 {
                    100.0 * (self.p[o] + x * self.e[o]) / denominator
                } else {
                    50.0
                };
                let (a, b) = team_pull(o, self.team);
                a * base + b
            })
            .collect()
    }

    fn verdict_at(&self, x: f64, pulled: &[usize]) -> Verdict {
        decide(&self.scores_at(x), pulled, self.others_zero && x == 0.0)
    }

    /// Every root in (0, 10) where some lead equals 0 or ±CLOSE_CALL, as sorted runs:
    /// a root closer than [`SAME_ROOT`] to the one before it joins that one's run.
    fn runs(&self) -> Vec<Run> {
        // With no spread on this criterion, or nothing else weighed, the scores do not
        // depend on x (for x > 0): no root.
        if self.r == 0.0 || self.q == 0.0 {
            return vec![];
        }
        let n = self.p.len();
        let mut roots = Vec::new();
        for i in 0..n {
            let (a_i, b_i) = team_pull(i, self.team);
            for j in (i + 1)..n {
                let (a_j, b_j) = team_pull(j, self.team);
                for level in [0.0, CALL_EDGE, -CALL_EDGE] {
                    let k = b_i - b_j - level;
                    let alpha = 100.0 * (a_i * self.p[i] - a_j * self.p[j]) + k * self.q;
                    let beta = 100.0 * (a_i * self.e[i] - a_j * self.e[j]) + k * self.r;
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

    /// The runs where the verdict differs on the two sides, at each run's first root,
    /// with the verdicts left and right. Each verdict is read halfway between two runs,
    /// never inside one.
    fn flips(&self, pulled: &[usize]) -> Vec<(f64, Verdict, Verdict)> {
        // With nothing else that separates the options weighed, the scores are level at
        // x = 0 and fixed for any x > 0: the only possible flip is at 0 itself. With
        // nothing else weighed at all, x = 0 is "no priorities", so any weight flips it.
        if self.q == 0.0 {
            let (at_zero, beyond) = (
                self.verdict_at(0.0, pulled),
                self.verdict_at(MAX_WEIGHT / 2.0, pulled),
            );
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
            .map(|(end, start)| self.verdict_at((end + start) / 2.0, pulled))
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
    use crate::verdict::CLOSE_CALL;

    /// Option 0 leads options 1 and 2 by exactly [`CLOSE_CALL`] at `x = 5`, the first lead
    /// rising and the second falling, each by 0.003 points per unit of weight. So it
    /// leads by a call only within a third of a millionth either side of 5. Options 3 and
    /// 4 trail far behind and tie a little further on, at `5 + 8.7e-7`.
    fn three_leads_meet_at_five() -> Line {
        let (q, r, x) = (10.0, 1.0, 5.0);
        let denominator: f64 = q + x * r;
        // The lead over option j is 100 (dp + x de) / (q + x r), with dp and de what option
        // 0 has more than j. Solved for a lead of CLOSE_CALL and the given slope at x.
        let behind = |slope: f64| {
            let de = (CLOSE_CALL * r + slope * denominator) / 100.0;
            let dp = CLOSE_CALL * denominator / 100.0 - x * de;
            (5.0 - dp, 1.0 - de)
        };
        let (p1, e1) = behind(0.003);
        let (p2, e2) = behind(-0.003);
        let tie = x + 8.7e-7;
        Line {
            p: vec![5.0, p1, p2, 1.0, 1.0 - 0.01 * tie],
            e: vec![1.0, e1, e2, 0.0, 0.01],
            team: None,
            q,
            r,
            others_zero: false,
        }
    }

    #[test]
    fn a_verdict_that_holds_for_only_a_millionth_of_a_weight_is_no_tipping_point() {
        let line = three_leads_meet_at_five();
        assert_eq!(line.verdict_at(5.0, &[]), Verdict::Lead(0), "the setup");
        assert_eq!(line.verdict_at(4.999, &[]), Verdict::TooClose, "the setup");
        assert_eq!(line.verdict_at(5.001, &[]), Verdict::TooClose, "the setup");
        assert_eq!(line.flips(&[]), vec![]);
    }
}
