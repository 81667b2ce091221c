//! How firm the answer is: the share of nearby weightings that give each recommendation,
//! and the slider the answer rests on most. The method is ours ("How firm" in the README's
//! How it decides); decision analysts call it acceptability analysis (SMAA).
//!
//! **Nearby** means every weight anywhere within [`REACH`] steps of where it is, inside
//! 0–10: a box around the reader's weights. What they are building and their team stay as
//! chosen, so the team bonus, firm project types and the sources' signals for both apply as
//! usual; where the signals call for both, every weighting gives both.
//!
//! **The shares** are counted over a fixed low-discrepancy point set spread evenly over the
//! box: Roberts' R-sequence (a Kronecker set, `x_i = frac(½ + i·α)` with `α` the powers of
//! the inverse of the generalised golden ratio for the box's dimension). It is the same set
//! every time, so the same choices always show the same figure, and it covers the box far
//! more evenly than random points.
//! - With two options, as in the built-in data, half as many lines as [`POINTS`] run
//!   through the box along the slider that moves the gap most, and each is split exactly
//!   where the answer changes (every boundary is linear in the weights). Averaging exact
//!   lengths instead of yes-or-no counts, doubling the lines moves no share by more than a
//!   point in a hundred: for every project type and pair of the built-in data with each
//!   team, and for any two-option dataset of up to seven criteria (both are tested).
//! - With more options each line would be split by every pair's gap, which costs more than
//!   counting [`POINTS`] weightings plainly. Then, in many dimensions, doubling can move a
//!   share by a point or two in a hundred (docs/performance.md, "How firm").
//!
//! **The slider it rests on** is worked out exactly: with one weight free, each option's
//! score is a ratio of linear functions of it, so every place where the answer changes in
//! that slider's range (who leads, or the too-close threshold) is the root of a linear
//! equation, as for tipping points. The range splits there, and the share of it with
//! another answer is summed.

use crate::choices::Choices;
use crate::dataset::MAX_WEIGHT;
use crate::score::{clean_weight, Table};
use crate::team::TeamBonus;
use crate::verdict::{self, Verdict, TOO_CLOSE_EDGE};

/// How far each slider may move either way, in steps, for a weighting to count as nearby.
pub const REACH: f64 = 2.0;

/// How many weightings the shares are counted over (with two options, half as many exact
/// lines through the box).
pub const POINTS: usize = 1024;

/// What a weighting recommends, as the host events name it: an option, too close to call
/// (`either`, which nothing weighed counts as too), or both.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Recommendation {
    Hire(usize),
    TooClose,
    Both,
}

impl Recommendation {
    /// What the widget recommends for a verdict. Before anything is chosen it recommends
    /// nobody: `either`, as the host events say.
    pub fn of(verdict: &Verdict) -> Recommendation {
        match verdict {
            Verdict::Lead(o, _) => Recommendation::Hire(*o),
            Verdict::Both(_) => Recommendation::Both,
            Verdict::Start | Verdict::NoPriorities | Verdict::TooClose => Recommendation::TooClose,
        }
    }
}

/// How firm the answer is.
#[derive(Debug, Clone, PartialEq)]
pub struct Firmness {
    /// Each recommendation that nearby weightings give, with its share (0–1), largest
    /// first (ties in option order, too close last). The shares sum to 1.
    pub shares: Vec<(Recommendation, f64)>,
    /// The share that gives the widget's own recommendation.
    pub agreement: f64,
    /// The criterion whose range alone changes the answer for the largest share of that
    /// range, and the share; `None` when no single slider's range changes it.
    pub rests_on: Option<(usize, f64)>,
}

/// The firmness of `recommendation`, the widget's, for these choices, over `points`
/// weightings ([`POINTS`] in the widget; tests also count over more).
pub(crate) fn firmness(
    table: &Table,
    choices: &Choices,
    team: TeamBonus,
    recommendation: Recommendation,
    points: usize,
) -> Firmness {
    if recommendation == Recommendation::Both {
        return Firmness {
            shares: vec![(Recommendation::Both, 1.0)],
            agreement: 1.0,
            rests_on: None,
        };
    }
    let (n, m) = (table.options(), table.criteria());
    let bonus: Vec<f64> = (0..n).map(|o| team.points(o)).collect();
    let weights: Vec<f64> = (0..m)
        .map(|c| clean_weight(choices.weights.get(c).copied()))
        .collect();
    let range = |c: usize| {
        let w = weights[c];
        ((w - REACH).max(0.0), (w + REACH).min(MAX_WEIGHT))
    };

    // The shares, over the point set. With two options, along the slider that moves the
    // gap most, each point's line through the box is split exactly where the answer
    // changes: that smooths what the points average, so a few hundred points agree
    // closely. With more, each line would be split by every pair's gap, which costs more
    // than plainly counting the points.
    let mut counts = vec![0.0; n + 1];
    let mut count = |r: Recommendation, share: f64| {
        let slot = match r {
            Recommendation::Hire(o) => o,
            _ => n,
        };
        counts[slot] += share;
    };
    let mut point = weights.clone();
    let mut scratch = Scratch::new(n);
    if n == 2 {
        let exact = (0..m)
            .max_by(|&a, &b| spread(table, a, range(a)).total_cmp(&spread(table, b, range(b))))
            .unwrap_or(0);
        let (lo, hi) = range(exact);
        let alpha = kronecker_steps(m.saturating_sub(1).max(1));
        for i in 1..=points / 2 {
            for (k, c) in (0..m).filter(|&c| c != exact).enumerate() {
                let (lo, hi) = range(c);
                point[c] = lo + (0.5 + alpha[k] * i as f64).fract() * (hi - lo);
            }
            along(
                table,
                &point,
                &bonus,
                exact,
                (lo, hi),
                &mut scratch,
                |r, length| count(r, length / (hi - lo)),
            );
        }
    } else {
        let alpha = kronecker_steps(m);
        for i in 1..=points {
            for (c, w) in point.iter_mut().enumerate() {
                let (lo, hi) = range(c);
                *w = lo + (0.5 + alpha[c] * i as f64).fract() * (hi - lo);
            }
            count(recommend(table, &point, &bonus, &mut scratch), 1.0);
        }
    }
    // Each point's pieces add up to one; dividing by the sum of all of them keeps float
    // rounding from carrying the shares' total past 1, and one answer alone at exactly 1.
    let total: f64 = counts.iter().sum();
    let mut shares: Vec<(Recommendation, f64)> = counts
        .iter()
        .enumerate()
        .filter(|&(_, &count)| count > 1e-9 * total)
        .map(|(slot, &count)| {
            let r = if slot < n {
                Recommendation::Hire(slot)
            } else {
                Recommendation::TooClose
            };
            (r, count / total)
        })
        .collect();
    crate::order::sort_descending(&mut shares, |&(_, share)| share);
    let agreement = shares
        .iter()
        .find(|(r, _)| *r == recommendation)
        .map_or(0.0, |&(_, share)| share);

    // The slider it rests on, exactly.
    let mut rests_on: Option<(usize, f64)> = None;
    for c in 0..m {
        let (lo, hi) = range(c);
        let changed = changed_share(table, &weights, &bonus, c, lo, hi, recommendation);
        if changed > 1e-9 && rests_on.is_none_or(|(_, best)| changed > best + 1e-12) {
            rests_on = Some((c, changed));
        }
    }
    Firmness {
        shares,
        agreement,
        rests_on,
    }
}

/// What `weights` recommend: the option that leads, or too close to call.
fn recommend(
    table: &Table,
    weights: &[f64],
    bonus: &[f64],
    scratch: &mut Scratch,
) -> Recommendation {
    let total: f64 = weights.iter().sum();
    if total <= 0.0 {
        return Recommendation::TooClose;
    }
    let sums = &mut scratch.compared;
    sums.iter_mut().for_each(|s| *s = 0.0);
    for (c, &w) in weights.iter().enumerate() {
        for (o, sum) in sums.iter_mut().enumerate() {
            *sum += w * table.score(c, o);
        }
    }
    for (sum, b) in sums.iter_mut().zip(bonus) {
        *sum = *sum / total + b;
    }
    Recommendation::of(&verdict::decide(sums, false))
}

/// How far criterion `c` can move the gap between two options within `range`: its
/// widest difference of scores times the range's width.
fn spread(table: &Table, c: usize, (lo, hi): (f64, f64)) -> f64 {
    let n = table.options();
    let scores = (0..n).map(|o| table.score(c, o));
    let (min, max) = scores.fold((f64::MAX, f64::MIN), |(a, b), s| (a.min(s), b.max(s)));
    (max - min) * (hi - lo)
}

/// The share of `[lo, hi]` where criterion `c` alone, the other weights as they are, gives
/// another recommendation than `current`.
fn changed_share(
    table: &Table,
    weights: &[f64],
    bonus: &[f64],
    c: usize,
    lo: f64,
    hi: f64,
    current: Recommendation,
) -> f64 {
    let mut scratch = Scratch::new(table.options());
    let mut changed = 0.0;
    along(
        table,
        weights,
        bonus,
        c,
        (lo, hi),
        &mut scratch,
        |r, length| {
            if r != current {
                changed += length;
            }
        },
    );
    changed / (hi - lo)
}

/// Room [`along`] reuses from call to call: it runs once per point.
struct Scratch {
    /// Each option's weighted sum without the free criterion.
    rest: Vec<f64>,
    compared: Vec<f64>,
    cuts: Vec<f64>,
}

impl Scratch {
    fn new(options: usize) -> Scratch {
        Scratch {
            rest: vec![0.0; options],
            compared: vec![0.0; options],
            cuts: Vec::with_capacity(2 + 3 * options * options),
        }
    }
}

/// Splits criterion `c`'s range `(lo, hi)`, the other weights as in `weights`, where the
/// recommendation changes, and hands each piece's recommendation and length to `piece`.
fn along(
    table: &Table,
    weights: &[f64],
    bonus: &[f64],
    c: usize,
    (lo, hi): (f64, f64),
    scratch: &mut Scratch,
    mut piece: impl FnMut(Recommendation, f64),
) {
    let n = table.options();
    let Scratch {
        rest,
        compared,
        cuts,
    } = scratch;
    // Option o compares at (rest[o] + x·s_oc) / (others + x) + bonus[o].
    let mut others = 0.0;
    rest.iter_mut().for_each(|r| *r = 0.0);
    for (k, &w) in weights.iter().enumerate() {
        if k == c || w == 0.0 {
            continue;
        }
        others += w;
        for (o, r) in rest.iter_mut().enumerate() {
            *r += w * table.score(k, o);
        }
    }
    // Where any two options' gap crosses 0 or the too-close threshold: a linear equation
    // in x once both sides are multiplied by (others + x).
    cuts.clear();
    cuts.extend([lo, hi]);
    for o in 0..n {
        for p in o + 1..n {
            let (da, ds, db) = (
                rest[o] - rest[p],
                table.score(c, o) - table.score(c, p),
                bonus[o] - bonus[p],
            );
            for t in [0.0, TOO_CLOSE_EDGE, -TOO_CLOSE_EDGE] {
                let k = t - db;
                let slope = ds - k;
                if slope.abs() > 1e-12 {
                    let x = (k * others - da) / slope;
                    if x > lo && x < hi {
                        cuts.push(x);
                    }
                }
            }
        }
    }
    crate::order::sort_by(cuts, |a, b| a < b);
    for i in 1..cuts.len() {
        let (a, b) = (cuts[i - 1], cuts[i]);
        if b - a <= 0.0 {
            continue;
        }
        let x = (a + b) / 2.0;
        let total = others + x;
        let r = if total <= 0.0 {
            Recommendation::TooClose
        } else {
            for o in 0..n {
                compared[o] = (rest[o] + x * table.score(c, o)) / total + bonus[o];
            }
            Recommendation::of(&verdict::decide(compared, false))
        };
        piece(r, b - a);
    }
}

/// The step of each coordinate of Roberts' R-sequence in `d` dimensions: the powers of
/// 1/φ_d, where φ_d is the one positive root of x^(d+1) = x + 1.
fn kronecker_steps(d: usize) -> Vec<f64> {
    let mut phi = 2.0_f64;
    for _ in 0..64 {
        let power = (0..d).fold(1.0, |p, _| p * phi);
        // Newton's step for f(x) = x^(d+1) - x - 1.
        let f = power * phi - phi - 1.0;
        let df = (d as f64 + 1.0) * power - 1.0;
        phi -= f / df;
    }
    let mut step = 1.0;
    (0..d)
        .map(|_| {
            step /= phi;
            step
        })
        .collect()
}
