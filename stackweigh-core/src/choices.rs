//! What the visitor has said: how much each criterion matters, what they are building
//! (project types), and what their team writes today. Changed only through [`update`].
//!
//! **Presets.** Choosing project types sets the weights to their presets, averaged and
//! rounded to whole steps. The presets are our reading of the sources' reasons (each has
//! a one-line rationale in the dataset); moving a slider afterwards overrides them.
//! A type the sources leave open (its verdict is `either`) adds no weight beside one they
//! decide: the decided type's verdict stands, as [`crate::combine`] says. Averaging keeps
//! an answer that every chosen preset gives alone, since the lead of averaged weights lies
//! between the leads each preset gives (a mediant); only the rounding can move it, and the
//! table of pairs in `tests/sources_table.rs` checks the built-in data for that.

use crate::dataset::{Dataset, MAX_WEIGHT};

#[derive(Debug, Clone, PartialEq)]
pub struct Choices {
    /// One weight per criterion, 0–10, in dataset order.
    pub weights: Vec<f64>,
    /// Chosen project types (indices), ascending, no repeats.
    pub project_types: Vec<usize>,
    /// The option whose language the team mostly writes; `None` for neither.
    pub team: Option<usize>,
}

/// Something the visitor (or the host page) asks for.
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    SetWeight {
        criterion: usize,
        weight: f64,
    },
    /// Turn a project type on or off; the weights follow the chosen project types' presets.
    ToggleProjectType(usize),
    SetTeam(Option<usize>),
    /// Back to the dataset's defaults.
    Reset,
    /// Take choices wholesale (from attributes or a link).
    Replace(Choices),
}

impl Choices {
    pub fn defaults(dataset: &Dataset) -> Choices {
        Choices {
            weights: dataset.default_weights(),
            project_types: vec![],
            team: None,
        }
    }

    /// Whether nothing has been chosen yet: the dataset's starting weights, no project
    /// type, no team. The widget then invites a choice instead of recommending a hire.
    pub fn is_start(&self, dataset: &Dataset) -> bool {
        self.project_types.is_empty()
            && self.team.is_none()
            && self.weights == dataset.default_weights()
    }

    /// Choices for a set of project types: the weights are their presets combined.
    pub fn for_project_types(
        dataset: &Dataset,
        project_types: Vec<usize>,
        team: Option<usize>,
    ) -> Choices {
        let weights =
            combined_presets(dataset, &project_types).unwrap_or_else(|| dataset.default_weights());
        Choices {
            weights,
            project_types,
            team,
        }
    }
}

/// Several project types combine by averaging their presets, rounded to whole steps so the
/// sliders can show them, leaving out types the sources leave open when another is
/// decided; `None` when none is chosen.
pub fn combined_presets(dataset: &Dataset, project_types: &[usize]) -> Option<Vec<f64>> {
    let open = |p: usize| dataset.decided_option(p).is_none();
    let chosen: Vec<usize> = project_types
        .iter()
        .copied()
        .filter(|&p| p < dataset.project_types.len())
        .collect();
    let any_decided = chosen.iter().any(|&p| !open(p));
    let presets: Vec<Vec<f64>> = chosen
        .into_iter()
        .filter(|&p| !(any_decided && open(p)))
        .map(|p| dataset.preset_weights(p))
        .collect();
    if presets.is_empty() {
        return None;
    }
    let count = presets.len() as f64;
    Some(
        (0..dataset.criteria.len())
            .map(|c| {
                (presets.iter().map(|p| p[c]).sum::<f64>() / count)
                    .round()
                    .clamp(0.0, MAX_WEIGHT)
            })
            .collect(),
    )
}

/// Applies one action. Returns `None` when nothing changes, so the UI can skip a render.
pub fn update(dataset: &Dataset, choices: &Choices, action: Action) -> Option<Choices> {
    let next = match action {
        Action::SetWeight { criterion, weight } => {
            if criterion >= choices.weights.len() || !weight.is_finite() {
                return None;
            }
            let mut next = choices.clone();
            next.weights[criterion] = weight.clamp(0.0, MAX_WEIGHT);
            next
        }
        Action::ToggleProjectType(project) => {
            if project >= dataset.project_types.len() {
                return None;
            }
            let mut chosen = choices.project_types.clone();
            match chosen.binary_search(&project) {
                Ok(at) => {
                    chosen.remove(at);
                }
                Err(at) => chosen.insert(at, project),
            }
            Choices::for_project_types(dataset, chosen, choices.team)
        }
        Action::SetTeam(team) => {
            if team.is_some_and(|o| o >= dataset.options.len()) {
                return None;
            }
            Choices {
                team,
                ..choices.clone()
            }
        }
        Action::Reset => Choices::defaults(dataset),
        Action::Replace(next) => next,
    };
    (next != *choices).then_some(next)
}
