//! The dataset's schema: every type a dataset is made of, declared once.
//!
//! The same file is compiled twice: into the core, where [`crate::read`] reads custom
//! datasets into these types, and into the core's build script, which reads the built-in
//! dataset into them and bakes it into Rust (see build.rs). So it may use only std, serde
//! and databake, never the rest of the crate.
//!
//! **A dataset lives as long as the program.** The built-in one is baked into it as
//! constant data; a custom one is read once (per text, per page: see `src/embed.rs`) and
//! kept. So its text and lists are `&'static` ([`Text`], [`List`]) and every type here is
//! `Copy`: a dataset is shared without reference counts, and reading one needs no code to
//! free what a refused one had read so far, code that serde's derive would repeat for
//! every field of every type (docs/performance.md).
//!
//! Serde's derive reads each type; `Serialize` and databake's `Bake` are derived only off
//! the wasm, for the build script and the tests, so the widget ships the reading half only.
//! Fields a dataset may leave out say so with `#[serde(default)]` (on `Option`s too: it
//! makes less code than serde's own handling of a missing `Option`); `Option`s may also be
//! `null`. Unknown fields are refused by the reader for every type at once
//! ([`crate::read`]), not here per type.

use std::fmt;
use std::marker::PhantomData;

use serde::de::{self, Deserializer, MapAccess, Visitor};
use serde::Deserialize;

/// Text in a dataset, kept for the whole program. Reading one keeps what it read; so does
/// making one from a `String`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Text(pub &'static str);

impl std::ops::Deref for Text {
    type Target = str;

    fn deref(&self) -> &str {
        self.0
    }
}

impl fmt::Display for Text {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str(self.0)
    }
}

impl From<&'static str> for Text {
    fn from(text: &'static str) -> Self {
        Text(text)
    }
}

impl From<String> for Text {
    fn from(text: String) -> Self {
        Text(Box::leak(text.into_boxed_str()))
    }
}

impl PartialEq<str> for Text {
    fn eq(&self, other: &str) -> bool {
        self.0 == other
    }
}

impl PartialEq<&str> for Text {
    fn eq(&self, other: &&str) -> bool {
        self.0 == *other
    }
}

impl PartialEq<String> for Text {
    fn eq(&self, other: &String) -> bool {
        self.0 == other
    }
}

impl PartialEq<Text> for &str {
    fn eq(&self, other: &Text) -> bool {
        *self == other.0
    }
}

impl PartialEq<Text> for String {
    fn eq(&self, other: &Text) -> bool {
        self == other.0
    }
}

impl<'de> Deserialize<'de> for Text {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        String::deserialize(deserializer).map(Text::from)
    }
}

/// A list in a dataset, kept for the whole program like [`Text`]. It reads as a slice; a
/// test that changes one builds a new one from a `Vec`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct List<T: 'static>(pub(crate) &'static [T]);

impl<T: 'static> Default for List<T> {
    fn default() -> Self {
        List(&[])
    }
}

impl<T: 'static> std::ops::Deref for List<T> {
    type Target = [T];

    fn deref(&self) -> &[T] {
        self.0
    }
}

impl<'a, T: 'static> IntoIterator for &'a List<T> {
    type Item = &'a T;
    type IntoIter = std::slice::Iter<'a, T>;

    fn into_iter(self) -> Self::IntoIter {
        self.0.iter()
    }
}

impl<T: 'static> From<Vec<T>> for List<T> {
    fn from(items: Vec<T>) -> Self {
        List(Box::leak(items.into_boxed_slice()))
    }
}

/// Read element by element, without serde's guess at the length to reserve: lists are
/// short, and the guess is more code per element type.
impl<'de, T: Deserialize<'de> + 'static> Deserialize<'de> for List<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Items<T>(PhantomData<T>);

        impl<'de, T: Deserialize<'de> + 'static> Visitor<'de> for Items<T> {
            type Value = List<T>;

            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("an array")
            }

            fn visit_seq<A: de::SeqAccess<'de>>(self, mut seq: A) -> Result<List<T>, A::Error> {
                let mut items = Vec::new();
                while let Some(item) = seq.next_element()? {
                    items.push(item);
                }
                Ok(List::from(items))
            }
        }

        deserializer.deserialize_seq(Items(PhantomData))
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Deserialize)]
#[cfg_attr(
    not(target_family = "wasm"),
    derive(serde::Serialize, databake::Bake),
    databake(path = crate::schema)
)]
pub struct Dataset {
    /// The question the widget answers, shown as its heading.
    pub title: Text,
    /// One or two sentences under the heading.
    #[serde(default)]
    pub intro: Text,
    pub options: List<Technology>,
    pub criteria: List<Criterion>,
    #[serde(default)]
    pub project_types: List<ProjectType>,
    /// The side-by-side table.
    #[serde(default)]
    pub comparison: List<ComparisonRow>,
    /// Hiring kits, one per role.
    #[serde(default)]
    pub roles: List<Role>,
    /// When and how to hire more than one option.
    #[serde(default)]
    pub both: Option<BothAdvice>,
    /// What the sources say about the team's existing stack.
    #[serde(default)]
    pub team_advice: Option<TeamAdvice>,
    #[serde(default)]
    pub faq: List<Faq>,
    #[serde(default)]
    pub sources: List<Source>,
}

/// One of the technologies being compared (an "option" in the JSON).
#[derive(Debug, Clone, Copy, PartialEq, Deserialize)]
#[cfg_attr(
    not(target_family = "wasm"),
    derive(serde::Serialize, databake::Bake),
    databake(path = crate::schema)
)]
pub struct Technology {
    pub id: Text,
    pub name: Text,
    /// A one-line portrait.
    #[serde(default)]
    pub summary: Text,
    /// The `team` attribute value meaning "our team mostly writes this" (e.g. `javascript`).
    #[serde(default)]
    pub team: Option<Text>,
    /// How the team choice is labelled ("Mostly JavaScript").
    #[serde(default)]
    pub team_label: Option<Text>,
    #[serde(default)]
    pub frameworks: List<Text>,
    #[serde(default)]
    pub use_cases: List<Text>,
    #[serde(default)]
    pub concurrency: Text,
    #[serde(default)]
    pub language: Text,
    /// Typical annual pay.
    #[serde(default)]
    pub salary: Option<PayRange>,
    /// Typical contract rate.
    #[serde(default)]
    pub contract_rate: Option<PayRange>,
}

#[derive(Debug, Clone, Copy, PartialEq, Deserialize)]
#[cfg_attr(
    not(target_family = "wasm"),
    derive(serde::Serialize, databake::Bake),
    databake(path = crate::schema)
)]
pub struct PayRange {
    pub low: f64,
    pub high: f64,
    /// ISO currency code, e.g. `USD`.
    pub currency: Text,
    /// `year` or `hour`.
    pub per: Text,
    /// Where the range applies, when it is regional ("India").
    #[serde(default)]
    pub region: Option<Text>,
    #[serde(default)]
    pub note: Option<Text>,
    /// The id of the source the range comes from.
    #[serde(default)]
    pub source: Option<Text>,
    /// The part of that source it comes from (a heading of the article), so the widget
    /// can say where to read it. Needs `source`.
    #[serde(default)]
    pub section: Option<Text>,
}

/// Something a hiring decision can weigh, scored 1–10 per option.
#[derive(Debug, Clone, Copy, PartialEq, Deserialize)]
#[cfg_attr(
    not(target_family = "wasm"),
    derive(serde::Serialize, databake::Bake),
    databake(path = crate::schema)
)]
pub struct Criterion {
    /// Stable id, part of the public `weights` attribute and URL format.
    pub id: Text,
    pub name: Text,
    /// One line: what this criterion measures.
    pub description: Text,
    /// Score per option id, 1–10.
    pub scores: ById<f64>,
    /// A short note per option id explaining its score.
    #[serde(default)]
    pub notes: ById<Text>,
    /// Weight before any project type is chosen; the middle of the scale when left out.
    #[serde(default = "default_weight")]
    pub default_weight: f64,
    /// The id of the source the scores come from.
    #[serde(default)]
    pub source: Option<Text>,
    /// The part of that source it comes from (a heading of the article), so the widget
    /// can say where to read it. Needs `source`.
    #[serde(default)]
    pub section: Option<Text>,
    /// How the dataset turned the source's figures into these scores, when the source
    /// gives figures but no score (pay, say). Set, the scores are the dataset's own
    /// conversion, and the widget marks them so.
    #[serde(default)]
    pub converted: Option<Text>,
    /// The id of the source the notes come from, when it is not the scores' source.
    #[serde(default)]
    pub notes_source: Option<Text>,
    /// The part of the notes' source they come from. Needs `notes_source` or `source`.
    #[serde(default)]
    pub notes_section: Option<Text>,
}

/// A criterion's weight when the dataset gives none: the middle of the 0–10 scale.
pub const DEFAULT_WEIGHT: f64 = 5.0;

fn default_weight() -> f64 {
    DEFAULT_WEIGHT
}

/// A kind of project, with the verdict the sources give for it.
#[derive(Debug, Clone, Copy, PartialEq, Deserialize)]
#[cfg_attr(
    not(target_family = "wasm"),
    derive(serde::Serialize, databake::Bake),
    databake(path = crate::schema)
)]
pub struct ProjectType {
    pub id: Text,
    pub name: Text,
    /// What its chip says where room is short; the start of `name` ("REST API" for "REST
    /// API for a web or mobile app"), so the chip's words are in its accessible name.
    /// Empty when the dataset gives none: the chip says `name`.
    #[serde(default)]
    pub short_name: Text,
    /// An option id, or `either` when the sources leave it to the team.
    pub verdict: Text,
    /// The sources call the verdict's option essential or the natural fit, so a team
    /// that writes another option's language does not change the answer (see
    /// `team.rs`).
    #[serde(default)]
    pub firm: bool,
    /// One line: the sources' reason for the verdict.
    pub reason: Text,
    /// One line: why the preset weighs what it does (the preset is our interpretation).
    #[serde(default)]
    pub rationale: Text,
    /// The id of the source the verdict comes from.
    #[serde(default)]
    pub source: Option<Text>,
    /// The part of that source the verdict comes from.
    #[serde(default)]
    pub section: Option<Text>,
    /// The part of that source the reason comes from, when it is not the verdict's.
    #[serde(default)]
    pub reason_section: Option<Text>,
    /// Weight per criterion id; criteria left out weigh 0.
    pub preset: ById<f64>,
}

#[derive(Debug, Clone, Copy, PartialEq, Deserialize)]
#[cfg_attr(
    not(target_family = "wasm"),
    derive(serde::Serialize, databake::Bake),
    databake(path = crate::schema)
)]
pub struct ComparisonRow {
    pub aspect: Text,
    /// Text per option id.
    pub values: ById<Text>,
    /// The id of the source the row comes from.
    #[serde(default)]
    pub source: Option<Text>,
    /// The part of that source it comes from (a heading of the article), so the widget
    /// can say where to read it. Needs `source`.
    #[serde(default)]
    pub section: Option<Text>,
}

/// A hire to make, with what to ask and what to watch for.
#[derive(Debug, Clone, Copy, PartialEq, Deserialize)]
#[cfg_attr(
    not(target_family = "wasm"),
    derive(serde::Serialize, databake::Bake),
    databake(path = crate::schema)
)]
pub struct Role {
    pub id: Text,
    /// The option this role works in.
    pub option: Text,
    pub title: Text,
    /// The id of the source the questions, red flags and market notes come from.
    #[serde(default)]
    pub source: Option<Text>,
    /// The parts of that source the questions, the red flags and the market notes come
    /// from.
    #[serde(default)]
    pub questions_section: Option<Text>,
    #[serde(default)]
    pub red_flags_section: Option<Text>,
    #[serde(default)]
    pub market_section: Option<Text>,
    /// The questions and red flags are the dataset's own, adapted from the source's sets
    /// (`note` says how); the widget marks them so.
    #[serde(default)]
    pub adapted: bool,
    /// The dataset's own note on the kit: what it adapted, or what it stands in for. The
    /// widget shows it at the top of the kit, marked as the dataset's.
    #[serde(default)]
    pub note: Option<Text>,
    /// Project types that call for this role rather than a sibling role of the same option.
    #[serde(default)]
    pub project_types: List<Text>,
    /// Criteria that, weighted highly, call for this role.
    #[serde(default)]
    pub criteria: List<Text>,
    #[serde(default)]
    pub questions: List<Text>,
    #[serde(default)]
    pub red_flags: List<RedFlag>,
    /// What the candidate market looks like for this role.
    #[serde(default)]
    pub market: List<Text>,
}

#[derive(Debug, Clone, Copy, PartialEq, Deserialize)]
#[cfg_attr(
    not(target_family = "wasm"),
    derive(serde::Serialize, databake::Bake),
    databake(path = crate::schema)
)]
pub struct RedFlag {
    pub flag: Text,
    pub why: Text,
}

/// When a product needs more than one option, and how to hire for it.
#[derive(Debug, Clone, Copy, PartialEq, Deserialize)]
#[cfg_attr(
    not(target_family = "wasm"),
    derive(serde::Serialize, databake::Bake),
    databake(path = crate::schema)
)]
pub struct BothAdvice {
    /// Why some products need both.
    pub summary: Text,
    /// The combinations of project types the sources say call for both.
    #[serde(default)]
    pub signals: List<Signal>,
    /// How the two usually split the work.
    #[serde(default)]
    pub architecture: Text,
    /// Whom to hire: the sources' advice.
    pub advice: Text,
    /// The option whose developers more often know the other's language too: the first
    /// hire when the team writes neither.
    #[serde(default)]
    pub easier_to_find: Option<Text>,
    /// The sources' note on ordering the hires, shown when the team writes neither.
    #[serde(default)]
    pub sequencing: Text,
    /// The id of the source the advice comes from.
    #[serde(default)]
    pub source: Option<Text>,
    /// The part of that source it comes from (a heading of the article), so the widget
    /// can say where to read it. Needs `source`.
    #[serde(default)]
    pub section: Option<Text>,
}

/// A sign on a roadmap that the product needs more than one option: it shows when every
/// group has at least one of its project types chosen.
#[derive(Debug, Clone, Copy, PartialEq, Deserialize)]
#[cfg_attr(
    not(target_family = "wasm"),
    derive(serde::Serialize, databake::Bake),
    databake(path = crate::schema)
)]
pub struct Signal {
    /// The sign, in words.
    pub text: Text,
    pub groups: List<SignalGroup>,
    /// The id of the source that gives the sign.
    #[serde(default)]
    pub source: Option<Text>,
    /// The part of that source it comes from (a heading of the article), so the widget
    /// can say where to read it. Needs `source`.
    #[serde(default)]
    pub section: Option<Text>,
}

/// One side of a [`Signal`]: project types that call for `option`.
#[derive(Debug, Clone, Copy, PartialEq, Deserialize)]
#[cfg_attr(
    not(target_family = "wasm"),
    derive(serde::Serialize, databake::Bake),
    databake(path = crate::schema)
)]
pub struct SignalGroup {
    pub option: Text,
    #[serde(default)]
    pub project_types: List<Text>,
}

/// What the sources say about hiring for the team's existing stack.
#[derive(Debug, Clone, Copy, PartialEq, Deserialize)]
#[cfg_attr(
    not(target_family = "wasm"),
    derive(serde::Serialize, databake::Bake),
    databake(path = crate::schema)
)]
pub struct TeamAdvice {
    /// What to decide by when the team writes none of the options.
    pub neither: Text,
    #[serde(default)]
    pub source: Option<Text>,
    /// The part of that source it comes from (a heading of the article), so the widget
    /// can say where to read it. Needs `source`.
    #[serde(default)]
    pub section: Option<Text>,
}

#[derive(Debug, Clone, Copy, PartialEq, Deserialize)]
#[cfg_attr(
    not(target_family = "wasm"),
    derive(serde::Serialize, databake::Bake),
    databake(path = crate::schema)
)]
pub struct Faq {
    pub question: Text,
    pub answer: Text,
    #[serde(default)]
    pub source: Option<Text>,
    /// The part of that source it comes from (a heading of the article), so the widget
    /// can say where to read it. Needs `source`.
    #[serde(default)]
    pub section: Option<Text>,
}

#[derive(Debug, Clone, Copy, PartialEq, Deserialize)]
#[cfg_attr(
    not(target_family = "wasm"),
    derive(serde::Serialize, databake::Bake),
    databake(path = crate::schema)
)]
pub struct Source {
    /// What `source` fields elsewhere refer to it by.
    #[serde(default)]
    pub id: Option<Text>,
    pub title: Text,
    pub publisher: Text,
    #[serde(default)]
    pub date: Option<Text>,
    /// http(s) only; anything else is refused by validation.
    #[serde(default)]
    pub url: Option<Text>,
}

/// Values keyed by an option or criterion id (scores, notes, presets, table cells), in
/// the dataset's order, each id once. A short list rather than a map: it holds at most 40
/// entries, and a map type would ship its own code for so few. Equality ignores the order.
#[derive(Debug, Clone, Copy)]
pub struct ById<T: Clone + 'static>(pub(crate) List<(Text, T)>);

impl<T: Clone + 'static> ById<T> {
    pub fn get(&self, id: &str) -> Option<&T> {
        self.0
            .iter()
            .find(|(key, _)| key == id)
            .map(|(_, value)| value)
    }

    pub fn iter(&self) -> impl Iterator<Item = (&str, &T)> {
        self.0.iter().map(|(key, value)| (&**key, value))
    }

    pub fn keys(&self) -> impl Iterator<Item = &str> {
        self.0.iter().map(|(key, _)| &**key)
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Adds `value` under `id`, unless `id` is already there: false then.
    pub fn insert(&mut self, id: Text, value: T) -> bool {
        let new = self.get(&id).is_none();
        if new {
            let mut entries = self.0.to_vec();
            entries.push((id, value));
            self.0 = List::from(entries);
        }
        new
    }
}

impl<T: Clone + 'static> Default for ById<T> {
    fn default() -> Self {
        ById(List::default())
    }
}

impl<T: Clone + PartialEq + 'static> PartialEq for ById<T> {
    fn eq(&self, other: &Self) -> bool {
        self.len() == other.len() && self.iter().all(|(id, value)| other.get(id) == Some(value))
    }
}

/// Like a map's index: panics when `id` is missing, so for tests and known ids only.
impl<T: Clone + 'static> std::ops::Index<&str> for ById<T> {
    type Output = T;

    fn index(&self, id: &str) -> &T {
        match self.get(id) {
            Some(value) => value,
            None => panic!("no entry for \"{id}\""),
        }
    }
}

/// The first of two entries with one id wins, as reading refuses the second.
impl<K: Into<Text>, T: Clone + 'static> FromIterator<(K, T)> for ById<T> {
    fn from_iter<I: IntoIterator<Item = (K, T)>>(entries: I) -> Self {
        let mut map = ById::default();
        for (id, value) in entries {
            map.insert(id.into(), value);
        }
        map
    }
}

/// An object read in document order; an id given twice is refused, naming it.
impl<'de, T: Clone + Deserialize<'de> + 'static> Deserialize<'de> for ById<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Entries<T>(PhantomData<T>);

        impl<'de, T: Clone + Deserialize<'de> + 'static> Visitor<'de> for Entries<T> {
            type Value = ById<T>;

            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("an object")
            }

            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<ById<T>, A::Error> {
                let mut entries = Vec::new();
                while let Some(id) = map.next_key::<String>()? {
                    if entries.iter().any(|(seen, _): &(Text, T)| *seen == id) {
                        // Refused while reading the value, so the error's path ends in the id.
                        return map.next_value_seed(Refuse {
                            reason: "duplicate key",
                            value: PhantomData,
                        });
                    }
                    let value = map.next_value()?;
                    entries.push((Text::from(id), value));
                }
                Ok(ById(List::from(entries)))
            }
        }

        deserializer.deserialize_map(Entries(PhantomData))
    }
}

/// A value refused whatever it holds.
struct Refuse<T> {
    reason: &'static str,
    value: PhantomData<T>,
}

impl<'de, T> de::DeserializeSeed<'de> for Refuse<T> {
    type Value = T;

    fn deserialize<D: Deserializer<'de>>(self, _: D) -> Result<T, D::Error> {
        Err(de::Error::custom(self.reason))
    }
}

#[cfg(not(target_family = "wasm"))]
impl serde::Serialize for Text {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.0)
    }
}

#[cfg(not(target_family = "wasm"))]
impl databake::Bake for Text {
    fn bake(&self, _: &databake::CrateEnv) -> databake::TokenStream {
        let text = self.0;
        databake::quote!(crate::schema::Text(#text))
    }
}

#[cfg(not(target_family = "wasm"))]
impl databake::BakeSize for Text {
    fn borrows_size(&self) -> usize {
        self.0.len()
    }
}

#[cfg(not(target_family = "wasm"))]
impl<T: serde::Serialize + 'static> serde::Serialize for List<T> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.iter())
    }
}

#[cfg(not(target_family = "wasm"))]
impl<T: databake::Bake + 'static> databake::Bake for List<T> {
    fn bake(&self, env: &databake::CrateEnv) -> databake::TokenStream {
        let items = self.0.bake(env);
        databake::quote!(crate::schema::List(#items))
    }
}

#[cfg(not(target_family = "wasm"))]
impl<T: databake::BakeSize + 'static> databake::BakeSize for List<T> {
    fn borrows_size(&self) -> usize {
        self.0.borrows_size()
    }
}

#[cfg(not(target_family = "wasm"))]
impl<T: Clone + serde::Serialize + 'static> serde::Serialize for ById<T> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_map(self.iter())
    }
}

#[cfg(not(target_family = "wasm"))]
impl<T: Clone + databake::Bake + 'static> databake::Bake for ById<T> {
    fn bake(&self, env: &databake::CrateEnv) -> databake::TokenStream {
        let entries = self.0.bake(env);
        databake::quote!(crate::schema::ById(#entries))
    }
}

#[cfg(not(target_family = "wasm"))]
impl<T: Clone + databake::BakeSize + 'static> databake::BakeSize for ById<T> {
    fn borrows_size(&self) -> usize {
        self.0.borrows_size()
    }
}

#[cfg(test)]
mod tests {
    use super::ById;

    #[test]
    fn values_by_id_keep_the_first_entry_and_compare_without_order() {
        let mut scores: ById<f64> = [("node", 8.0), ("python", 7.0)].into_iter().collect();
        assert!(
            !scores.insert("node".into(), 1.0),
            "a second node is refused"
        );
        assert_eq!(scores.get("node"), Some(&8.0));
        assert_eq!(scores.get("go"), None);
        assert_eq!(scores.keys().collect::<Vec<_>>(), ["node", "python"]);

        let reversed: ById<f64> = [("python", 7.0), ("node", 8.0)].into_iter().collect();
        assert_eq!(scores, reversed);
        let changed: ById<f64> = [("python", 7.0), ("node", 9.0)].into_iter().collect();
        assert_ne!(scores, changed);
        assert_ne!(scores, ById::default());
    }

    #[test]
    fn values_by_id_read_in_document_order_and_refuse_an_id_given_twice() {
        let scores: ById<f64> = serde_json::from_str(r#"{"b": 1, "a": 2}"#).unwrap();
        assert_eq!(scores.keys().collect::<Vec<_>>(), ["b", "a"]);
        let twice = serde_json::from_str::<ById<f64>>(r#"{"a": 1, "a": 2}"#).unwrap_err();
        assert!(twice.to_string().starts_with("duplicate key"), "{twice}");
    }
}
