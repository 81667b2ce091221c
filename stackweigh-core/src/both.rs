//! "You may need both": when what is being built calls for more than one option, and
//! whom to hire first.
//!
//! **The rule.** Only the sources' own signals call for both (the dataset's
//! `both.signals`): for the built-in data, user-facing real-time features together with
//! data, analytics or AI work, and ML model serving behind a web backend. A signal shows
//! when each of its groups has at least one of its project types chosen; the scores do
//! not come into it.
//!
//! **Who first.** The first hire is the stack the team lacks. A team that writes neither
//! gets the sources' note instead: the option named `easier_to_find` (for the built-in
//! data, Python developers with Node.js exposure are the more common find) comes first.

use crate::choices::Choices;
use crate::dataset::{Dataset, Text};

/// The sources' signals that the chosen project types match, and the options to hire.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BothCall {
    /// Indices into `both.signals`, in dataset order.
    pub signals: Vec<usize>,
    /// The options the signals call for, in the order to hire them.
    pub options: Vec<usize>,
}

/// The signals the choices match, or `None` when none does.
pub fn call(dataset: &Dataset, choices: &Choices) -> Option<BothCall> {
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
