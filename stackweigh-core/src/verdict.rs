//! From scores and needs to a recommendation, the reasons for it, and whom to hire.

use crate::dataset::{Dataset, EITHER};
use crate::order::{sort_dedup, sort_descending};
use crate::score::{self, Scores};
use crate::tipping::{self, TippingPoint};
use crate::Choices;

/// A lead smaller than this many points (on the 0–100 scale) is too close to call:
/// with two options, anything closer than 55–45.
pub const CLOSE_CALL: f64 = 10.0;

/// The lead that counts as a call, a hair under [`CLOSE_CALL`] so that float noise
/// cannot decide a verdict that sits exactly on it (say after scaling every weight).
/// Tipping points are solved for this same edge.
pub(crate) const CALL_EDGE: f64 = CLOSE_CALL - 1e-9;

/// A weight at or above this counts as "very important" when choosing a role.
pub const ROLE_SIGNAL_WEIGHT: f64 = 7.0;

/// What stackweigh recommends.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Verdict {
    /// Every weight is zero: nothing to weigh yet.
    NoPriorities,
    /// The two best options are within [`CLOSE_CALL`] points of each other.
    TooClose,
    /// One option leads clearly.
    Lead(usize),
    /// The chosen needs point to different options (e.g. real-time features and ML):
    /// hire for each. Holds the options in dataset order.
    Both(Vec<usize>),
}

impl Verdict {
    /// The public name: an option id, `both`, or `either` (too close, or nothing weighed).
    pub fn id<'a>(&self, dataset: &'a Dataset) -> &'a str {
        match self {
            Verdict::Lead(o) => &dataset.options[*o].id,
            Verdict::Both(_) => "both",
            Verdict::TooClose | Verdict::NoPriorities => EITHER,
        }
    }
}

/// One criterion's share in the lead of the first-ranked option over the second.
#[derive(Debug, Clone, PartialEq)]
pub struct Reason {
    pub criterion: usize,
    /// Points of lead; positive favours the leader, negative the runner-up.
    pub points: f64,
}

/// Everything the widget shows for one set of choices.
#[derive(Debug, Clone, PartialEq)]
pub struct Outcome {
    pub scores: Scores,
    /// Option indices, best first; ties keep dataset order.
    pub ranking: Vec<usize>,
    pub verdict: Verdict,
    /// Points between the first and second option.
    pub margin: f64,
    /// Criteria behind the margin, largest effect first; zero effects left out.
    pub reasons: Vec<Reason>,
    /// Points the team pull adds to the margin (negative when it helps the runner-up).
    pub team_points: f64,
    /// Where each slider would flip the verdict, nearest first per criterion.
    pub tipping_points: Vec<TippingPoint>,
    /// Roles whose hiring kit fits the verdict.
    pub roles: Vec<usize>,
}

/// Options ranked by score, best first.
pub fn rank(total: &[f64]) -> Vec<usize> {
    let mut ranking: Vec<usize> = (0..total.len()).collect();
    // Stable, so ties keep dataset order.
    sort_descending(&mut ranking, |&o| total[o]);
    ranking
}

/// The options that the chosen needs point to, in dataset order.
pub fn needs_pull(dataset: &Dataset, needs: &[usize]) -> Vec<usize> {
    let mut pulled: Vec<usize> = needs
        .iter()
        .filter_map(|&p| dataset.project_types.get(p))
        .filter_map(|p| dataset.option_index(&p.verdict))
        .collect();
    sort_dedup(&mut pulled);
    pulled
}

/// The verdict for given scores. `pulled` are the options the needs point to; when they
/// point to more than one, that decides before any score does.
pub(crate) fn decide(total: &[f64], pulled: &[usize], nothing_weighed: bool) -> Verdict {
    if pulled.len() >= 2 {
        return Verdict::Both(pulled.to_vec());
    }
    if nothing_weighed {
        return Verdict::NoPriorities;
    }
    let (first, second) = top_two(total);
    if total[first] - total[second] >= CALL_EDGE {
        Verdict::Lead(first)
    } else {
        Verdict::TooClose
    }
}

/// The first two of [`rank`], found without ranking the rest: tipping points decide the
/// verdict thousands of times per change with many options.
fn top_two(total: &[f64]) -> (usize, usize) {
    let (mut first, mut second) = if total[1].total_cmp(&total[0]).is_gt() {
        (1, 0)
    } else {
        (0, 1)
    };
    for (o, score) in total.iter().enumerate().skip(2) {
        if score.total_cmp(&total[first]).is_gt() {
            (first, second) = (o, first);
        } else if score.total_cmp(&total[second]).is_gt() {
            second = o;
        }
    }
    (first, second)
}

fn all_zero(weights: &[f64]) -> bool {
    weights.iter().all(|&w| score::clean_weight(Some(w)) == 0.0)
}

/// Scores, decides, explains and finds the tipping points for one set of choices.
pub fn evaluate(dataset: &Dataset, choices: &Choices) -> Outcome {
    let weights = &choices.weights;
    let table = score::Table::new(dataset);
    let scores = score::score_table(&table, weights, choices.team);
    let ranking = rank(&scores.total);
    let pulled = needs_pull(dataset, &choices.needs);
    let verdict = decide(&scores.total, &pulled, all_zero(weights));
    let (first, second) = (ranking[0], ranking[1]);
    let margin = scores.total[first] - scores.total[second];

    let mut reasons: Vec<Reason> = (0..dataset.criteria.len())
        .map(|c| Reason {
            criterion: c,
            points: scores.parts[first][c] - scores.parts[second][c],
        })
        .filter(|r| r.points.abs() > 1e-9)
        .collect();
    sort_descending(&mut reasons, |r| r.points.abs());
    let team_points = scores.team[first] - scores.team[second];

    let tipping_points = tipping::find(dataset, &table, choices, &verdict);
    let roles = roles_for(dataset, choices, &verdict, &ranking);
    Outcome {
        scores,
        ranking,
        verdict,
        margin,
        reasons,
        team_points,
        tipping_points,
        roles,
    }
}

/// Which hiring kits to show: the best-fitting role of each recommended option.
/// When it is too close to call, the two front-runners'.
fn roles_for(
    dataset: &Dataset,
    choices: &Choices,
    verdict: &Verdict,
    ranking: &[usize],
) -> Vec<usize> {
    let options: Vec<usize> = match verdict {
        Verdict::NoPriorities => vec![],
        Verdict::TooClose => ranking[..2].to_vec(),
        Verdict::Lead(o) => vec![*o],
        Verdict::Both(os) => os.clone(),
    };
    options
        .into_iter()
        .filter_map(|o| best_role(dataset, choices, o))
        .collect()
}

/// The role of option `option` that fits the choices best.
///
/// A role earns 2 points for each chosen need it lists and 1 for each of its criteria
/// weighted [`ROLE_SIGNAL_WEIGHT`] or more; the first listed role wins ties, so it is the
/// option's default hire. This is how a Python win becomes a web or a data/ML hire.
pub fn best_role(dataset: &Dataset, choices: &Choices, option: usize) -> Option<usize> {
    let option_id = &dataset.options.get(option)?.id;
    let fit = |role: &crate::dataset::Role| -> usize {
        let needs = choices
            .needs
            .iter()
            .filter_map(|&p| dataset.project_types.get(p))
            .filter(|p| role.needs.contains(&p.id))
            .count();
        let criteria = role
            .criteria
            .iter()
            .filter_map(|id| dataset.criterion_index(id))
            .filter(|&c| choices.weights.get(c).copied().unwrap_or(0.0) >= ROLE_SIGNAL_WEIGHT)
            .count();
        2 * needs + criteria
    };
    let mut best: Option<(usize, usize)> = None;
    for (i, role) in dataset
        .roles
        .iter()
        .enumerate()
        .filter(|(_, r)| &r.option == option_id)
    {
        let f = fit(role);
        if best.is_none_or(|(_, top)| f > top) {
            best = Some((i, f));
        }
    }
    best.map(|(i, _)| i)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// Small whole numbers, so that ties are common: they must break as `rank` does.
        #[test]
        fn top_two_is_where_the_ranking_starts(total in prop::collection::vec(0u8..4, 2..=8)) {
            let total: Vec<f64> = total.into_iter().map(f64::from).collect();
            let ranking = rank(&total);
            prop_assert_eq!(top_two(&total), (ranking[0], ranking[1]));
        }
    }
}
