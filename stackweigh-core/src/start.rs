//! What the widget starts from: the host's attributes, the reader's link and the theme
//! turned into choices, a theme, and a notice for each thing that could not be used.
//! Worked out here once, for the first render and the `ready` event alike, and again
//! whenever the host changes an attribute.

use crate::choices::Choices;
use crate::dataset::Dataset;
use crate::encoding::{read_fragment, read_settings, Settings, Theme};

/// What the host and the reader asked for, as the widget received it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Requested {
    /// The `preset`, `weights` and `team` attributes as written.
    pub settings: Settings,
    /// The `theme` attribute as written.
    pub theme: Option<String>,
    /// The page link's fragment, when it is to decide the choices: only at the start, and
    /// only when the host asked for links (`sync-url`).
    pub link: Option<String>,
    /// Why a custom dataset was refused, when it was; the built-in one is shown instead.
    pub dataset_problem: Option<String>,
}

/// The choices, the theme, and what could not be used, in a sentence each.
#[derive(Debug, Clone, PartialEq)]
pub struct Start {
    pub choices: Choices,
    /// The attributes the choices were read from. When the host changes them, the widget
    /// takes the new choices, whatever the reader had set; other changes (a theme) leave
    /// the reader's choices alone.
    pub settings: Settings,
    pub theme: Theme,
    pub notices: Vec<String>,
}

/// A readable link wins over the attributes; each setting that cannot be used falls back
/// to its default and says so.
pub fn resolve(dataset: &Dataset, requested: &Requested) -> Start {
    let mut notices: Vec<String> = requested
        .dataset_problem
        .iter()
        .map(|p| format!("Custom dataset refused, showing the built-in one. {p}"))
        .collect();
    let (mut choices, problems) = read_settings(dataset, &requested.settings);
    notices.extend(problems);
    if let Some(link) = requested
        .link
        .as_deref()
        .filter(|link| !link.trim_start_matches('#').is_empty())
    {
        match read_fragment(dataset, link) {
            Ok(linked) => choices = linked,
            Err(problem) => notices.push(problem),
        }
    }
    let theme = match Theme::parse(requested.theme.as_deref().unwrap_or_default()) {
        Ok(theme) => theme,
        Err(problem) => {
            notices.push(problem);
            Theme::default()
        }
    };
    Start {
        choices,
        settings: requested.settings.clone(),
        theme,
        notices,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn settings(preset: &str) -> Settings {
        Settings {
            preset: Some(preset.into()),
            ..Settings::default()
        }
    }

    #[test]
    fn a_readable_link_wins_over_the_attributes() {
        let d = Dataset::builtin();
        let requested = Requested {
            settings: settings("real-time"),
            link: Some("#preset=machine-learning".into()),
            ..Requested::default()
        };
        let start = resolve(d, &requested);
        let ml = d.project_index("machine-learning").unwrap();
        assert_eq!(start.choices.project_types, [ml]);
        assert!(start.notices.is_empty(), "{:?}", start.notices);
    }

    #[test]
    fn each_thing_that_cannot_be_used_says_so_in_order() {
        let d = Dataset::builtin();
        let requested = Requested {
            settings: settings("rocketry"),
            theme: Some("neon".into()),
            link: Some("#colour=red".into()),
            dataset_problem: Some("title: is empty".into()),
        };
        let start = resolve(d, &requested);
        assert_eq!(start.choices, Choices::defaults(d));
        assert_eq!(start.theme, Theme::Auto);
        let said: Vec<&str> = start
            .notices
            .iter()
            .map(|n| n.split([':', ' ']).next().unwrap_or(""))
            .collect();
        assert_eq!(
            said,
            ["Custom", "preset", "the", "theme"],
            "{:?}",
            start.notices
        );
    }
}
