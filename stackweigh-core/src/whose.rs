//! Whose each sentence the widget shows is: a source's, with the part of the article it
//! comes from, or ours, with the rule in the README's "How it decides" that makes it.
//!
//! Every view model ([`crate::view`]) pairs its text with a [`Whose`], so the panels, the
//! answer bar and the Markdown summary mark our rules the same way, and a test walks every
//! model for every project type, pair and team and fails on a sentence that names no
//! owner, a source the dataset lacks, or a rule the README does not list.

use std::borrow::Cow;

use crate::dataset::Dataset;

/// Whose a text is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Whose<'a> {
    /// A source's facts or advice, in our words: its publisher, and the heading of the part
    /// of the article it comes from where the dataset names one.
    Source {
        publisher: &'a str,
        section: Option<&'a str>,
    },
    /// One of our rules, as "How it decides" names it.
    Ours(Rule),
    /// A custom dataset's own words, which name no source. The built-in dataset has none.
    Dataset,
}

/// Our rules, each a bullet of the README's "How it decides", in its order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rule {
    Scores,
    Strength,
    Start,
    TeamBonus,
    FirmProjectTypes,
    Combinations,
    HiringOrder,
    Presets,
    ConvertedScores,
    TippingPoints,
    HowFirm,
    HiringKits,
}

impl Rule {
    pub const ALL: [Rule; 12] = [
        Rule::Scores,
        Rule::Strength,
        Rule::Start,
        Rule::TeamBonus,
        Rule::FirmProjectTypes,
        Rule::Combinations,
        Rule::HiringOrder,
        Rule::Presets,
        Rule::ConvertedScores,
        Rule::TippingPoints,
        Rule::HowFirm,
        Rule::HiringKits,
    ];

    /// The rule's name, as its bullet in "How it decides" begins.
    pub fn name(self) -> &'static str {
        match self {
            Rule::Scores => "Scores",
            Rule::Strength => "Strength",
            Rule::Start => "Start",
            Rule::TeamBonus => "Team bonus",
            Rule::FirmProjectTypes => "Firm project types",
            Rule::Combinations => "Several project types",
            Rule::HiringOrder => "Hiring order",
            Rule::Presets => "Presets",
            Rule::ConvertedScores => "Converted scores",
            Rule::TippingPoints => "Tipping points",
            Rule::HowFirm => "How firm",
            Rule::HiringKits => "Hiring kits",
        }
    }
}

impl Whose<'_> {
    pub fn is_ours(&self) -> bool {
        matches!(self, Whose::Ours(_))
    }

    /// Who, in a word: the publisher, "ours", or "this dataset".
    pub fn mark(&self) -> &str {
        match self {
            Whose::Source { publisher, .. } => publisher,
            Whose::Ours(_) => "ours",
            Whose::Dataset => "this dataset",
        }
    }

    /// The mark as the widget shows it after a sentence: "CompanyBench Editorial, “When
    /// You Actually Need Both”" or "ours: Team bonus".
    pub fn label(&self) -> String {
        match self {
            Whose::Ours(rule) => format!("ours: {}", rule.name()),
            _ => self.attribution(),
        }
    }

    /// The whole attribution, for a tooltip, print and Markdown: "CompanyBench Editorial,
    /// “When You Actually Need Both”" or "ours: Team bonus, in How it decides".
    pub fn attribution(&self) -> String {
        match self {
            Whose::Source {
                publisher,
                section: Some(section),
            } => format!("{publisher}, “{section}”"),
            Whose::Source {
                publisher,
                section: None,
            } => publisher.to_string(),
            Whose::Ours(rule) => format!(
                "ours: {}, in How it decides (stackweigh's README)",
                rule.name()
            ),
            Whose::Dataset => "this dataset's own words".into(),
        }
    }
}

/// Text and whose it is.
#[derive(Debug, Clone, PartialEq)]
pub struct Said<'a> {
    pub text: Cow<'a, str>,
    pub whose: Whose<'a>,
}

impl<'a> Said<'a> {
    pub fn ours(text: impl Into<Cow<'a, str>>, rule: Rule) -> Self {
        Said {
            text: text.into(),
            whose: Whose::Ours(rule),
        }
    }

    pub fn new(text: impl Into<Cow<'a, str>>, whose: Whose<'a>) -> Self {
        Said {
            text: text.into(),
            whose,
        }
    }
}

/// Whose a dataset text is that names `source` (an id) and `section`: the source's, or the
/// dataset's own when it names none (or one the dataset lacks, which validation refuses).
pub fn cited<'a>(
    dataset: &'a Dataset,
    source: Option<&str>,
    section: Option<&'a str>,
) -> Whose<'a> {
    let found = source.and_then(|id| dataset.sources.iter().find(|s| s.id.as_deref() == Some(id)));
    match found {
        Some(s) => Whose::Source {
            publisher: &s.publisher,
            section,
        },
        None => Whose::Dataset,
    }
}
