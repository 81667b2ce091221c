//! The team's existing stack: a bonus, the same whichever stack it is.
//!
//! **The rule.** OfflinePixel says a team's existing skills often decide: Python teams
//! should lean toward Python, JavaScript teams toward Node.js. So the option the team
//! already writes gets [`TEAM_BONUS`] points where options are compared (never in its
//! score, which stays the sources' numbers). The bonus is ours, and so is its size: big
//! enough to decide where the sources leave the choice to the team (enterprise web), small
//! enough that it never turns a clear call for one stack into a clear call for the other.
//!
//! **Firm project types.** Where the sources call a stack essential or the natural fit
//! (machine learning, data and LLM work for Python; real-time apps for Node.js), a team
//! that writes another stack does not change that. While such a project type is chosen,
//! the bonus goes to no option unless it goes to the type's own.

use crate::choices::Choices;
use crate::dataset::Dataset;

/// Points added to the team's own option when options are compared (1–10 scale).
pub const TEAM_BONUS: f64 = 1.0;

/// Who gets the team bonus for a set of choices.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TeamBonus {
    /// The team writes none of the options.
    NoTeam,
    /// The option the team writes gets the bonus.
    To(usize),
    /// The team writes option `team`, but the chosen project type `project` is firm for
    /// another option: no bonus.
    Overruled { team: usize, project: usize },
}

impl TeamBonus {
    /// The bonus option `o` gets.
    pub fn points(self, o: usize) -> f64 {
        match self {
            TeamBonus::To(team) if team == o => TEAM_BONUS,
            _ => 0.0,
        }
    }
}

/// Applies the rule above.
pub fn bonus(dataset: &Dataset, choices: &Choices) -> TeamBonus {
    let Some(team) = choices.team.filter(|&o| o < dataset.options.len()) else {
        return TeamBonus::NoTeam;
    };
    let team_id = &dataset.options[team].id;
    let firm_elsewhere = choices.project_types.iter().copied().find(|&p| {
        dataset
            .project_types
            .get(p)
            .is_some_and(|project| project.firm && project.verdict != *team_id)
    });
    match firm_elsewhere {
        Some(project) => TeamBonus::Overruled { team, project },
        None => TeamBonus::To(team),
    }
}
