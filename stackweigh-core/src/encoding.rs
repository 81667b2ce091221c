//! The text forms of [`Choices`]: the element's attributes and the page link's fragment.
//!
//! Both use the same three settings, so a link and a snippet say the same thing:
//!
//! | setting  | example                              | meaning                                   |
//! |----------|--------------------------------------|-------------------------------------------|
//! | `preset` | `real-time,machine-learning`         | project types; their presets set weights  |
//! | `weights`| `performance:8,data-science:2`       | whole numbers 0–10; override the presets  |
//! | `team`   | `javascript`, `python` or `neither`  | the language the team writes today        |
//!
//! A fragment joins them as `#preset=…&weights=…&team=…`. Each reader reports what it
//! could not use in a sentence for the visitor, and falls back to defaults for it.
//!
//! A fragment may also carry `theme=…`, for the page that shows the widget: `embed.html`
//! gives it to the widget's `theme` attribute, whose reader checks it. It is not one of
//! the choices, so the fragment reader accepts it and leaves it be. And a host may add to
//! the address: WordPress embeds a page with `#?secret=…` appended, after any fragment of
//! ours. From such an addition on, the fragment is not ours to read, and rewriting the
//! link keeps it.

use crate::choices::{combined_presets, Choices};
use crate::dataset::{Dataset, MAX_WEIGHT};

/// The raw text of the three settings, as attributes or fragment parts carry them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Settings {
    pub preset: Option<String>,
    pub weights: Option<String>,
    pub team: Option<String>,
}

/// The team value meaning "no language in particular".
pub const NO_TEAM: &str = "neither";

/// Longest setting text we read; anything longer is not something we wrote.
const MAX_SETTING_LEN: usize = 4096;

/// Reads the settings, falling back to defaults per setting. Returns the choices and one
/// message per setting that could not be used.
pub fn read_settings(dataset: &Dataset, settings: &Settings) -> (Choices, Vec<String>) {
    let mut problems = Vec::new();
    let project_types = match settings
        .preset
        .as_deref()
        .map(|text| parse_preset(dataset, text))
    {
        Some(Ok(project_types)) => project_types,
        Some(Err(problem)) => {
            problems.push(problem);
            vec![]
        }
        None => vec![],
    };
    let mut weights =
        combined_presets(dataset, &project_types).unwrap_or_else(|| dataset.default_weights());
    if let Some(text) = settings.weights.as_deref() {
        match parse_weights(dataset, text) {
            Ok(overrides) => {
                for (c, w) in overrides {
                    weights[c] = w;
                }
            }
            Err(problem) => problems.push(problem),
        }
    }
    let team = match settings
        .team
        .as_deref()
        .map(|text| parse_team(dataset, text))
    {
        Some(Ok(team)) => team,
        Some(Err(problem)) => {
            problems.push(problem);
            None
        }
        None => None,
    };
    (
        Choices {
            weights,
            project_types,
            team,
        },
        problems,
    )
}

/// The settings that reproduce `choices` exactly (every weight is written out).
pub fn write_settings(dataset: &Dataset, choices: &Choices) -> Settings {
    let preset = (!choices.project_types.is_empty()).then(|| {
        choices
            .project_types
            .iter()
            .filter_map(|&p| dataset.project_types.get(p))
            .map(|p| &*p.id)
            .collect::<Vec<_>>()
            .join(",")
    });
    let weights = dataset
        .criteria
        .iter()
        .zip(&choices.weights)
        .map(|(c, &w)| format!("{}:{}", c.id, whole(w)))
        .collect::<Vec<_>>()
        .join(",");
    let team = Some(match choices.team.and_then(|o| dataset.options.get(o)) {
        Some(option) => option.team.as_deref().unwrap_or(NO_TEAM).to_string(),
        None => NO_TEAM.to_string(),
    });
    Settings {
        preset,
        weights: Some(weights),
        team,
    }
}

/// Weights travel as whole numbers: the sliders move in whole steps.
fn whole(weight: f64) -> u8 {
    if weight.is_finite() {
        weight.round().clamp(0.0, MAX_WEIGHT) as u8
    } else {
        0
    }
}

fn too_long(name: &str, text: &str) -> Result<(), String> {
    if text.len() > MAX_SETTING_LEN {
        Err(format!("{name}: the value is too long to be ours; ignored"))
    } else {
        Ok(())
    }
}

/// Shows at most a few ids, so a long list still fits one line of the message.
fn some_ids<'a>(ids: impl Iterator<Item = &'a str>) -> String {
    let ids: Vec<&str> = ids.collect();
    let shown = ids.iter().take(4).copied().collect::<Vec<_>>().join(", ");
    if ids.len() > 4 {
        format!("{shown}, …")
    } else {
        shown
    }
}

/// Shortens outside text before quoting it back in a message.
fn quote(text: &str) -> String {
    let short: String = text.chars().take(30).collect();
    if short.len() < text.len() {
        format!("\"{short}…\"")
    } else {
        format!("\"{short}\"")
    }
}

pub fn parse_preset(dataset: &Dataset, text: &str) -> Result<Vec<usize>, String> {
    too_long("preset", text)?;
    let mut chosen = Vec::new();
    for id in text.split(',').map(str::trim).filter(|id| !id.is_empty()) {
        match dataset.project_index(id) {
            Some(p) => chosen.push(p),
            None => {
                return Err(format!(
                    "preset: {} is not a project type (try {}); using the default weights",
                    quote(id),
                    some_ids(dataset.project_types.iter().map(|p| &*p.id))
                ))
            }
        }
    }
    crate::order::sort_dedup(&mut chosen);
    Ok(chosen)
}

pub fn parse_weights(dataset: &Dataset, text: &str) -> Result<Vec<(usize, f64)>, String> {
    too_long("weights", text)?;
    let mut weights = Vec::new();
    for pair in text
        .split(',')
        .map(str::trim)
        .filter(|pair| !pair.is_empty())
    {
        let Some((id, value)) = pair.split_once(':') else {
            return Err(format!(
                "weights: {} should look like performance:8; ignored",
                quote(pair)
            ));
        };
        let Some(c) = dataset.criterion_index(id.trim()) else {
            return Err(format!(
                "weights: {} is not a criterion (try {}); ignored",
                quote(id.trim()),
                some_ids(dataset.criteria.iter().map(|c| &*c.id))
            ));
        };
        // Digits only: `parse` would also take "+5", which we never write.
        let digits = value.trim();
        match digits
            .bytes()
            .all(|b| b.is_ascii_digit())
            .then(|| digits.parse::<u8>())
            .and_then(Result::ok)
        {
            Some(w) if f64::from(w) <= MAX_WEIGHT => weights.push((c, f64::from(w))),
            _ => {
                return Err(format!(
                    "weights: {} for {} must be a whole number from 0 to 10; ignored",
                    quote(value.trim()),
                    dataset.criteria[c].id
                ))
            }
        }
    }
    Ok(weights)
}

pub fn parse_team(dataset: &Dataset, text: &str) -> Result<Option<usize>, String> {
    let text = text.trim();
    if text.is_empty() || text == NO_TEAM {
        return Ok(None);
    }
    dataset.option_for_team(text).map(Some).ok_or_else(|| {
        let teams = dataset
            .options
            .iter()
            .filter_map(|o| o.team.as_deref())
            .chain([NO_TEAM]);
        format!(
            "team: {} is not one of {}; using neither",
            quote(text),
            some_ids(teams)
        )
    })
}

/// The link fragment for `choices`, without the leading `#`.
pub fn write_fragment(dataset: &Dataset, choices: &Choices) -> String {
    let settings = write_settings(dataset, choices);
    let mut parts = Vec::new();
    if let Some(preset) = settings.preset {
        parts.push(format!("preset={preset}"));
    }
    if let Some(weights) = settings.weights {
        parts.push(format!("weights={weights}"));
    }
    if let Some(team) = settings.team {
        parts.push(format!("team={team}"));
    }
    parts.join("&")
}

/// The link fragment for `choices` in place of `current` (the fragment the address has
/// now), keeping what else it carries: the embed page's `theme=…` and a host's addition.
pub fn rewrite_fragment(dataset: &Dataset, choices: &Choices, current: &str) -> String {
    let (ours, host) = split_host_addition(current);
    let mut fragment = write_fragment(dataset, choices);
    for theme in ours.split('&').filter(|part| part.starts_with("theme=")) {
        fragment.push('&');
        fragment.push_str(theme);
    }
    if let Some(host) = host {
        fragment.push('#');
        fragment.push_str(host);
    }
    fragment
}

/// Splits a fragment (with or without its leading `#`) into ours and what a host added
/// after it. WordPress appends `#?secret=…` to the address it embeds: after our fragment
/// that makes a second `#` (which we never write), and alone a fragment starting with `?`.
fn split_host_addition(fragment: &str) -> (&str, Option<&str>) {
    let fragment = fragment.strip_prefix('#').unwrap_or(fragment);
    if fragment.starts_with('?') {
        return ("", Some(fragment));
    }
    match fragment.split_once('#') {
        Some((ours, host)) => (ours, Some(host)),
        None => (fragment, None),
    }
}

/// Reads a link fragment (with or without the leading `#`). An empty fragment means
/// defaults; anything we cannot read whole is refused with a message, and the caller
/// shows defaults: half a link would show a result nobody shared.
pub fn read_fragment(dataset: &Dataset, fragment: &str) -> Result<Choices, String> {
    let (fragment, _) = split_host_addition(fragment);
    if fragment.is_empty() {
        return Ok(Choices::defaults(dataset));
    }
    if fragment.len() > MAX_SETTING_LEN {
        return Err("the link is too long to be ours; showing the defaults".into());
    }
    let decoded = percent_decode(fragment)
        .ok_or("the link's settings are not valid text; showing the defaults")?;
    let mut settings = Settings::default();
    for part in decoded.split('&').filter(|part| !part.is_empty()) {
        let (key, value) = part.split_once('=').unwrap_or((part, ""));
        let slot = match key {
            "preset" => &mut settings.preset,
            "weights" => &mut settings.weights,
            "team" => &mut settings.team,
            // The page's, not a choice: see the module's documentation.
            "theme" => continue,
            _ => {
                return Err(format!(
                    "the link has an unknown setting {}; showing the defaults",
                    quote(key)
                ))
            }
        };
        *slot = Some(value.to_string());
    }
    let (choices, problems) = read_settings(dataset, &settings);
    match problems.into_iter().next() {
        Some(problem) => Err(format!(
            "the link could not be read ({problem}); showing the defaults"
        )),
        None => Ok(choices),
    }
}

/// `%XX` escapes, as a browser may add them to a fragment it copies. `None` for broken
/// escapes or bytes that are not UTF-8.
fn percent_decode(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = text
                .get(i + 1..i + 3)
                .filter(|hex| hex.bytes().all(|b| b.is_ascii_hexdigit()))?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

/// The colour scheme a host asks for with the `theme` attribute.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Theme {
    /// Follows the host page's own colour scheme when it declares one, and the reader's
    /// system setting otherwise (see [`Theme::on_host`]).
    #[default]
    Auto,
    Light,
    Dark,
}

impl Theme {
    pub fn parse(text: &str) -> Result<Theme, String> {
        match text.trim() {
            "" | "auto" => Ok(Theme::Auto),
            "light" => Ok(Theme::Light),
            "dark" => Ok(Theme::Dark),
            other => Err(format!(
                "theme: {} is not auto, light or dark; using auto",
                quote(other)
            )),
        }
    }

    /// The theme to show on a host page whose computed `color-scheme` (on the element, so
    /// inherited from the page) is `computed`. `auto` takes the page's scheme when it names
    /// exactly one ("dark", "only light"): a dark widget on a light blog is the embed that
    /// looks broken. "normal" or "light dark" leave it to the reader's setting. A theme
    /// the host set with the attribute always wins.
    pub fn on_host(self, computed: &str) -> Theme {
        if self != Theme::Auto {
            return self;
        }
        let mut words = computed.split_whitespace().filter(|w| *w != "only");
        match (words.next(), words.next()) {
            (Some("light"), None) => Theme::Light,
            (Some("dark"), None) => Theme::Dark,
            _ => Theme::Auto,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Theme::Auto => "auto",
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }
}
