//! Everything the widget shows for one set of choices, worked out in one call:
//! [`evaluate`]. It puts the rules of the modules below together; it adds two of its own,
//! each small: which hiring kits fit the answer, and where the answer departs from what
//! the sources say for a chosen project type.

use crate::choices::Choices;
use crate::combine::{self, Combination};
use crate::dataset::{Dataset, Role};
use crate::firmness::{self, Firmness, Recommendation, POINTS};
use crate::order::sort_descending;
use crate::score::{self, Scores};
use crate::team::{self, TeamBonus};
use crate::tipping::{self, TippingPoint};
use crate::verdict::{self, Verdict};

/// A weight at or above this counts as "very important" when choosing a role.
pub const ROLE_SIGNAL_WEIGHT: f64 = 7.0;

/// One criterion's share in the gap between the first-ranked option and the second.
#[derive(Debug, Clone, PartialEq)]
pub struct Reason {
    pub criterion: usize,
    /// Points of the gap (1–10 scale); positive favours the first, negative the second.
    pub points: f64,
}

/// What the sources say about one chosen project type, and whether the answer agrees.
#[derive(Debug, Clone, PartialEq)]
pub struct SourceVerdict {
    pub project: usize,
    /// The option the sources recommend for it, or `None` where they leave it open.
    pub option: Option<usize>,
    /// Another option that the weights alone (before the team bonus) now favour by at
    /// least [`verdict::TOO_CLOSE`]: the reader's weights contradict the sources here.
    pub contradicted_by: Option<usize>,
}

/// Everything the widget shows for one set of choices.
#[derive(Debug, Clone, PartialEq)]
pub struct Outcome {
    pub scores: Scores,
    /// Who gets the team bonus, or why nobody does.
    pub team: TeamBonus,
    /// Option indices, best first on score plus team bonus; ties keep dataset order.
    pub ranking: Vec<usize>,
    /// The answer the widget shows.
    pub verdict: Verdict,
    /// The answer the scores give: the same as `verdict`, except before anything is
    /// chosen ([`Verdict::Start`] holds it back) and when the sources' signals call for
    /// both. Tipping points are about this one.
    pub scored: Verdict,
    /// Points between the first and second option, team bonus included.
    pub margin: f64,
    /// Criteria behind the margin, largest effect first; zero effects left out.
    pub reasons: Vec<Reason>,
    /// Where each slider would change the answer, nearest first per criterion. None
    /// while the sources' signals call for both: the weights cannot change that.
    pub tipping_points: Vec<TippingPoint>,
    /// Roles whose hiring kit fits the answer, in the order to hire.
    pub roles: Vec<usize>,
    /// What the sources say for the chosen project types together.
    pub combination: Combination,
    /// The sources' verdict for each chosen project type.
    pub source_verdicts: Vec<SourceVerdict>,
    /// How firm the answer is over nearby weightings.
    pub firmness: Firmness,
}

impl Outcome {
    /// What option `o` is compared on: its score plus its team bonus.
    pub fn compared(&self, o: usize) -> f64 {
        self.scores.mean[o] + self.team.points(o)
    }
}

/// Scores, decides, explains and finds the tipping points for one set of choices.
pub fn evaluate(dataset: &Dataset, choices: &Choices) -> Outcome {
    evaluate_over(dataset, choices, POINTS)
}

/// How firm the answer to these choices is, counted over `points` nearby weightings
/// instead of the widget's [`POINTS`]: how a test shows that more would change nothing.
pub fn firmness_over(dataset: &Dataset, choices: &Choices, points: usize) -> Firmness {
    evaluate_over(dataset, choices, points).firmness
}

fn evaluate_over(dataset: &Dataset, choices: &Choices, points: usize) -> Outcome {
    let weights = &choices.weights;
    let table = score::Table::new(dataset);
    let scores = score::score_table(&table, weights);
    let team = team::bonus(dataset, choices);
    let compared: Vec<f64> = (0..dataset.options.len())
        .map(|o| scores.mean[o] + team.points(o))
        .collect();
    let ranking = verdict::rank(&compared);
    let (first, second) = (ranking[0], ranking[1]);
    let margin = compared[first] - compared[second];
    let scored = verdict::decide(&compared, score::nothing_weighed(weights));

    let combination = combine::combine(dataset, choices);
    let (verdict, tipping_points) = match &combination {
        Combination::Both(call) => (Verdict::Both(call.options.clone()), vec![]),
        _ => {
            let points = tipping::find(&table, choices, team, &scored);
            if choices.is_start(dataset) {
                (Verdict::Start, points)
            } else {
                (scored.clone(), points)
            }
        }
    };

    let mut reasons: Vec<Reason> = (0..dataset.criteria.len())
        .map(|c| Reason {
            criterion: c,
            points: scores.parts[first][c] - scores.parts[second][c],
        })
        .filter(|r| r.points.abs() > 1e-9)
        .collect();
    sort_descending(&mut reasons, |r| r.points.abs());

    // What the weights alone favour, before the team bonus: a Python team's lean toward
    // Python is the sources' own advice, not a contradiction of them.
    let favoured = verdict::rank(&scores.mean)[0];
    let source_verdicts = choices
        .project_types
        .iter()
        .filter_map(|&p| dataset.project_types.get(p).map(|t| (p, t)))
        .map(|(project, t)| {
            let option = dataset.option_index(&t.verdict);
            let contradicted_by = option
                .filter(|&o| {
                    favoured != o
                        && scores.mean[favoured] - scores.mean[o] >= verdict::TOO_CLOSE_EDGE
                })
                .map(|_| favoured);
            SourceVerdict {
                project,
                option,
                contradicted_by,
            }
        })
        .collect();

    let firmness = firmness::firmness(
        &table,
        choices,
        team,
        // Before anything is chosen the widget recommends nobody but shows the scores'
        // comparison: that is what the firmness is about.
        match verdict {
            Verdict::Both(_) => Recommendation::Both,
            _ => Recommendation::of(&scored),
        },
        points,
    );
    let roles = roles_for(dataset, choices, &verdict, &ranking);
    Outcome {
        scores,
        team,
        ranking,
        verdict,
        scored,
        margin,
        reasons,
        tipping_points,
        roles,
        combination,
        source_verdicts,
        firmness,
    }
}

/// Which hiring kits to show: the best-fitting role of each recommended option, in the
/// order to hire. When it is too close to call, the two front-runners'. None before the
/// reader has chosen anything, or weighed anything.
fn roles_for(
    dataset: &Dataset,
    choices: &Choices,
    verdict: &Verdict,
    ranking: &[usize],
) -> Vec<usize> {
    let options: Vec<usize> = match verdict {
        Verdict::Start | Verdict::NoPriorities => vec![],
        Verdict::TooClose => ranking[..2].to_vec(),
        Verdict::Lead(o, _) => vec![*o],
        Verdict::Both(os) => os.clone(),
    };
    options
        .into_iter()
        .filter_map(|o| best_role(dataset, choices, o))
        .collect()
}

/// The role of option `option` that fits the choices best.
///
/// A role earns 2 points for each chosen project type it lists and 1 for each of its
/// criteria weighted [`ROLE_SIGNAL_WEIGHT`] or more; the first listed role wins ties, so
/// it is the option's default hire. This is how a Python answer becomes a web, data, ML
/// or automation hire.
fn best_role(dataset: &Dataset, choices: &Choices, option: usize) -> Option<usize> {
    let option_id = &dataset.options.get(option)?.id;
    let fit = |role: &Role| -> usize {
        let project_types = choices
            .project_types
            .iter()
            .filter_map(|&p| dataset.project_types.get(p))
            .filter(|p| role.project_types.contains(&p.id))
            .count();
        let criteria = role
            .criteria
            .iter()
            .filter_map(|id| dataset.criterion_index(id))
            .filter(|&c| choices.weights.get(c).copied().unwrap_or(0.0) >= ROLE_SIGNAL_WEIGHT)
            .count();
        2 * project_types + criteria
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
