//! What the sources say for the chosen project types together: one option, both, or
//! nothing; and, when it is both, whom to hire first.
//!
//! **The rule** is the sources' own logic, worked out from CompanyBench's "When You
//! Actually Need Both" and "The Bottom Line" (a web or mobile product backend: Node.js; a
//! data or AI dimension: Python; both: plan for both):
//! - chosen types that the sources give to one option, with or without types they leave
//!   open (enterprise web), get that option: a type left open adds nothing beside one the
//!   sources decide, and its preset is left out of the weights too
//!   ([`crate::choices::combined_presets`]);
//! - chosen types the sources give to different options call for both where one of the
//!   dataset's `both.signals` matches: a signal matches when each of its groups has at
//!   least one of its project types chosen. The scores do not come into it;
//! - chosen types the sources give to different options with no signal between them (for
//!   the built-in data, automation beside a Node.js type) are a combination the sources do
//!   not answer: the weights decide, and the widget says so;
//! - chosen types the sources all leave open are left to the team, as the sources say.
//!
//! **Who first** is ours. The first hire is the stack the team lacks; a team that writes
//! neither gets the option named `easier_to_find` first (for the built-in data, from
//! CompanyBench's note that Python developers with Node.js exposure are the more common
//! find, which it gives as something to weigh, not a rule).

use crate::choices::Choices;
use crate::dataset::{Dataset, Text};

/// What the sources say for the chosen project types together.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Combination {
    /// No project type is chosen.
    Nothing,
    /// The sources leave every chosen type open: the team decides.
    LeftOpen,
    /// The sources give every chosen type they decide to this option.
    One(usize),
    /// The sources' signals call for more than one option.
    Both(BothCall),
    /// The sources give the chosen types to these different options, and no signal of
    /// theirs covers them together: they do not answer this combination.
    Unanswered(Vec<usize>),
}

/// The sources' signals that the chosen project types match, and the options to hire.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BothCall {
    /// Indices into `both.signals`, in dataset order.
    pub signals: Vec<usize>,
    /// The options the signals call for, in the order to hire them.
    pub options: Vec<usize>,
}

/// Applies the rule above.
pub fn combine(dataset: &Dataset, choices: &Choices) -> Combination {
    let mut verdicts: Vec<usize> = Vec::new();
    for &p in &choices.project_types {
        if let Some(o) = dataset.decided_option(p) {
            if !verdicts.contains(&o) {
                verdicts.push(o);
            }
        }
    }
    match verdicts.as_slice() {
        [] if choices.project_types.is_empty() => Combination::Nothing,
        [] => Combination::LeftOpen,
        [one] => Combination::One(*one),
        _ => match both(dataset, choices) {
            Some(call) => Combination::Both(call),
            None => Combination::Unanswered(verdicts),
        },
    }
}

/// The signals the choices match, or `None` when none does.
fn both(dataset: &Dataset, choices: &Choices) -> Option<BothCall> {
    let both = dataset.both.as_ref()?;
    let chosen = |id: &Text| {
        choices
            .project_types
            .iter()
            .any(|&p| dataset.project_types.get(p).is_some_and(|t| t.id == *id))
    };
    let mut signals = Vec::new();
    let mut options: Vec<usize> = Vec::new();
    for (s, signal) in both.signals.iter().enumerate() {
        if !signal
            .groups
            .iter()
            .all(|g| g.project_types.iter().any(chosen))
        {
            continue;
        }
        signals.push(s);
        for group in signal.groups.iter() {
            if let Some(o) = dataset.option_index(&group.option) {
                if !options.contains(&o) {
                    options.push(o);
                }
            }
        }
    }
    if signals.is_empty() {
        return None;
    }
    let first = match choices.team {
        // The team's own stack goes last: the first hire brings what it lacks.
        Some(team) if options.contains(&team) => {
            options.retain(|&o| o != team);
            options.push(team);
            None
        }
        _ => both
            .easier_to_find
            .as_deref()
            .and_then(|id| dataset.option_index(id)),
    };
    if let Some(first) = first.filter(|o| options.contains(o)) {
        options.retain(|&o| o != first);
        options.insert(0, first);
    }
    Some(BothCall { signals, options })
}
