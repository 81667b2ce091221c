//! The dataset: what is being compared, on which criteria, and what to do about it.
//!
//! The built-in dataset lives in `data/nodejs-vs-python.json`; a blogger's custom
//! dataset uses the same schema. Both go through [`Dataset::from_json`], so a custom
//! dataset is held to exactly the rules the built-in one is.

use crate::json::{self, Fault, Fields, Json};
use crate::validate::{self, DatasetError};

/// The built-in comparison, embedded at compile time.
pub const BUILTIN_JSON: &str = include_str!("../data/nodejs-vs-python.json");

/// Fewest and most options a dataset may compare.
pub const MIN_OPTIONS: usize = 2;
pub const MAX_OPTIONS: usize = 8;
/// Most criteria a dataset may weigh.
pub const MAX_CRITERIA: usize = 40;
/// Scores run from 1 (weak) to 10 (strong).
pub const MIN_SCORE: f64 = 1.0;
pub const MAX_SCORE: f64 = 10.0;
/// Weights run from 0 (ignore) to 10 (critical).
pub const MAX_WEIGHT: f64 = 10.0;

#[derive(Debug, Clone, PartialEq)]
pub struct Dataset {
    /// The question the widget answers, shown as its heading.
    pub title: String,
    /// One or two sentences under the heading.
    pub intro: String,
    pub options: Vec<Choice>,
    pub criteria: Vec<Criterion>,
    pub project_types: Vec<ProjectType>,
    /// The side-by-side table.
    pub comparison: Vec<ComparisonRow>,
    /// Hiring kits, one per role.
    pub roles: Vec<Role>,
    /// When and how to hire more than one option.
    pub both: Option<BothAdvice>,
    /// What the sources say about the team's existing stack.
    pub team_advice: Option<TeamAdvice>,
    pub faq: Vec<Faq>,
    pub sources: Vec<Source>,
}

/// One of the technologies being compared (an "option" in the JSON).
#[derive(Debug, Clone, PartialEq)]
pub struct Choice {
    pub id: String,
    pub name: String,
    /// A one-line portrait.
    pub summary: String,
    /// The `team` attribute value meaning "our team mostly writes this" (e.g. `javascript`).
    pub team: Option<String>,
    /// How the team choice is labelled ("Mostly JavaScript").
    pub team_label: Option<String>,
    pub frameworks: Vec<String>,
    pub use_cases: Vec<String>,
    pub concurrency: String,
    pub language: String,
    /// Typical annual pay.
    pub salary: Option<PayRange>,
    /// Typical contract rate.
    pub contract_rate: Option<PayRange>,
}

impl Choice {
    /// An option with only an id and a name, as the schema's minimum allows.
    pub fn new(id: impl Into<String>, name: impl Into<String>) -> Choice {
        Choice {
            id: id.into(),
            name: name.into(),
            summary: String::new(),
            team: None,
            team_label: None,
            frameworks: vec![],
            use_cases: vec![],
            concurrency: String::new(),
            language: String::new(),
            salary: None,
            contract_rate: None,
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct PayRange {
    pub low: f64,
    pub high: f64,
    /// ISO currency code, e.g. `USD`.
    pub currency: String,
    /// `year` or `hour`.
    pub per: String,
    /// Where the range applies, when it is regional ("India").
    pub region: Option<String>,
    pub note: Option<String>,
    /// The id of the source the range comes from.
    pub source: Option<String>,
}

/// Something a hiring decision can weigh, scored 1–10 per option.
#[derive(Debug, Clone, PartialEq)]
pub struct Criterion {
    /// Stable id, part of the public `weights` attribute and URL format.
    pub id: String,
    pub name: String,
    /// One line: what this criterion measures.
    pub description: String,
    /// Score per option id, 1–10.
    pub scores: ById<f64>,
    /// A short note per option id explaining its score.
    pub notes: ById<String>,
    /// Weight before any project type is chosen; [`DEFAULT_WEIGHT`] when left out.
    pub default_weight: f64,
    /// The id of the source the scores come from.
    pub source: Option<String>,
}

/// A criterion's weight when the dataset gives none: the middle of the scale.
const DEFAULT_WEIGHT: f64 = 5.0;

/// A kind of project, with the verdict the sources give for it.
#[derive(Debug, Clone, PartialEq)]
pub struct ProjectType {
    pub id: String,
    pub name: String,
    /// What its chip says where room is short; the start of `name` ("REST API" for "REST
    /// API for a web or mobile app"), so the chip's words are in its accessible name.
    /// Empty when the dataset gives none: the chip says `name`.
    pub short_name: String,
    /// An option id, or `either` when the sources leave it to the team.
    pub verdict: String,
    /// The sources call the verdict's option essential or the natural fit, so a team
    /// that writes another option's language does not change the answer (see
    /// [`crate::team`]).
    pub firm: bool,
    /// One line: the sources' reason for the verdict.
    pub reason: String,
    /// One line: why the preset weighs what it does (the preset is our interpretation).
    pub rationale: String,
    /// The id of the source the verdict comes from.
    pub source: Option<String>,
    /// Weight per criterion id; criteria left out weigh 0.
    pub preset: ById<f64>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ComparisonRow {
    pub aspect: String,
    /// Text per option id.
    pub values: ById<String>,
    /// The id of the source the row comes from.
    pub source: Option<String>,
}

/// A hire to make, with what to ask and what to watch for.
#[derive(Debug, Clone, PartialEq)]
pub struct Role {
    pub id: String,
    /// The option this role works in.
    pub option: String,
    pub title: String,
    /// The id of the source the questions, red flags and market notes come from.
    pub source: Option<String>,
    /// Project types that call for this role rather than a sibling role of the same option.
    pub needs: Vec<String>,
    /// Criteria that, weighted highly, call for this role.
    pub criteria: Vec<String>,
    pub questions: Vec<String>,
    pub red_flags: Vec<RedFlag>,
    /// What the candidate market looks like for this role.
    pub market: Vec<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct RedFlag {
    pub flag: String,
    pub why: String,
}

/// When a product needs more than one option, and how to hire for it.
#[derive(Debug, Clone, PartialEq)]
pub struct BothAdvice {
    /// Why some products need both.
    pub summary: String,
    /// The combinations of project types the sources say call for both.
    pub signals: Vec<Signal>,
    /// How the two usually split the work.
    pub architecture: String,
    /// Whom to hire: the sources' advice.
    pub advice: String,
    /// The option whose developers more often know the other's language too: the first
    /// hire when the team writes neither.
    pub easier_to_find: Option<String>,
    /// The sources' note on ordering the hires, shown when the team writes neither.
    pub sequencing: String,
    /// The id of the source the advice comes from.
    pub source: Option<String>,
}

/// A sign on a roadmap that the product needs more than one option: it shows when every
/// group has at least one of its project types chosen.
#[derive(Debug, Clone, PartialEq)]
pub struct Signal {
    /// The sign, in words.
    pub text: String,
    pub groups: Vec<SignalGroup>,
}

/// One side of a [`Signal`]: project types that call for `option`.
#[derive(Debug, Clone, PartialEq)]
pub struct SignalGroup {
    pub option: String,
    pub needs: Vec<String>,
}

/// What the sources say about hiring for the team's existing stack.
#[derive(Debug, Clone, PartialEq)]
pub struct TeamAdvice {
    /// What to decide by when the team writes none of the options.
    pub neither: String,
    pub source: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Faq {
    pub question: String,
    pub answer: String,
    pub source: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Source {
    /// What `source` fields elsewhere refer to it by.
    pub id: Option<String>,
    pub title: String,
    pub publisher: String,
    pub date: Option<String>,
    /// http(s) only; anything else is refused by validation.
    pub url: Option<String>,
}

/// The verdict a project type's source gives when it leaves the choice to the team.
pub const EITHER: &str = "either";

impl Dataset {
    /// Parses and validates a dataset. Every failure names the field at fault.
    pub fn from_json(json: &str) -> Result<Dataset, DatasetError> {
        let dataset = json::parse(json)
            .and_then(decode_dataset)
            .map_err(|fault| fault.into_error(json))?;
        validate::check(&dataset)?;
        Ok(dataset)
    }

    /// The built-in Node.js vs Python comparison: [`BUILTIN_JSON`], turned into Rust at
    /// build time (see build.rs) so that no page load spends time parsing it. The core's
    /// tests check the file and that this is what reading it gives.
    pub fn builtin() -> Dataset {
        builtin::dataset()
    }

    pub fn option_index(&self, id: &str) -> Option<usize> {
        self.options.iter().position(|o| o.id == id)
    }

    pub fn criterion_index(&self, id: &str) -> Option<usize> {
        self.criteria.iter().position(|c| c.id == id)
    }

    pub fn project_index(&self, id: &str) -> Option<usize> {
        self.project_types.iter().position(|p| p.id == id)
    }

    /// The score of option `option` on criterion `criterion`; validation guarantees it exists.
    pub fn score(&self, criterion: usize, option: usize) -> f64 {
        let id = &self.options[option].id;
        self.criteria[criterion]
            .scores
            .get(id)
            .copied()
            .unwrap_or(MIN_SCORE)
    }

    /// The weights each criterion starts at, rounded to whole steps (like combined presets)
    /// so the sliders and links can show them.
    pub fn default_weights(&self) -> Vec<f64> {
        self.criteria
            .iter()
            .map(|c| c.default_weight.round())
            .collect()
    }

    /// A project type's preset as a weight per criterion (criteria it leaves out weigh 0).
    pub fn preset_weights(&self, project: usize) -> Vec<f64> {
        let preset = &self.project_types[project].preset;
        self.criteria
            .iter()
            .map(|c| preset.get(&c.id).copied().unwrap_or(0.0))
            .collect()
    }

    /// The option whose team value is `team` (e.g. `javascript` → Node.js).
    pub fn option_for_team(&self, team: &str) -> Option<usize> {
        self.options
            .iter()
            .position(|o| o.team.as_deref() == Some(team))
    }
}

/// Values keyed by an option or criterion id (scores, notes, presets, table cells), in
/// the dataset's order. A short list rather than a map: it holds at most 40 entries,
/// and std's BTreeMap cost about 20 KB of the wasm. Equality ignores the order.
#[derive(Debug, Clone)]
pub struct ById<T>(Vec<(String, T)>);

impl<T> ById<T> {
    pub fn get(&self, id: &str) -> Option<&T> {
        self.0
            .iter()
            .find(|(key, _)| key == id)
            .map(|(_, value)| value)
    }

    pub fn iter(&self) -> impl Iterator<Item = (&String, &T)> {
        self.0.iter().map(|(key, value)| (key, value))
    }

    pub fn keys(&self) -> impl Iterator<Item = &String> {
        self.0.iter().map(|(key, _)| key)
    }

    pub fn values_mut(&mut self) -> impl Iterator<Item = &mut T> {
        self.0.iter_mut().map(|(_, value)| value)
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Adds `value` under `id`, unless `id` is already there: false then.
    pub fn insert(&mut self, id: String, value: T) -> bool {
        let new = self.get(&id).is_none();
        if new {
            self.0.push((id, value));
        }
        new
    }
}

impl<T> Default for ById<T> {
    fn default() -> Self {
        ById(Vec::new())
    }
}

impl<T: PartialEq> PartialEq for ById<T> {
    fn eq(&self, other: &Self) -> bool {
        self.len() == other.len() && self.iter().all(|(id, value)| other.get(id) == Some(value))
    }
}

/// Like a map's index: panics when `id` is missing, so for tests and known ids only.
impl<T> std::ops::Index<&str> for ById<T> {
    type Output = T;

    fn index(&self, id: &str) -> &T {
        match self.get(id) {
            Some(value) => value,
            None => panic!("no entry for \"{id}\""),
        }
    }
}

/// The first of two entries with one id wins, as when decoding refuses the second.
impl<T> FromIterator<(String, T)> for ById<T> {
    fn from_iter<I: IntoIterator<Item = (String, T)>>(entries: I) -> Self {
        let mut map = ById::default();
        for (id, value) in entries {
            map.insert(id, value);
        }
        map
    }
}

impl<'a, T> IntoIterator for &'a ById<T> {
    type Item = (&'a String, &'a T);
    type IntoIter = std::iter::Map<
        std::slice::Iter<'a, (String, T)>,
        fn(&'a (String, T)) -> (&'a String, &'a T),
    >;

    fn into_iter(self) -> Self::IntoIter {
        self.0.iter().map(|(key, value)| (key, value))
    }
}

/// How pay turns into the `hiring-cost` score: cheaper scores higher.
///
/// The midpoint of the annual range is taken, and every $20k above $100k costs a
/// point from a perfect 10 (floored at 1). So $130k–$200k (midpoint $165k) scores
/// 6.75 and $130k–$190k (midpoint $160k) scores 7.0. The anchor and slope are ours,
/// chosen so the real ranges land mid-scale and a $10k gap moves the score by half a point.
pub fn cost_score(salary: &PayRange) -> f64 {
    let midpoint = (salary.low + salary.high) / 2.0;
    (MAX_SCORE - (midpoint - 100_000.0) / 20_000.0).clamp(MIN_SCORE, MAX_SCORE)
}

// ---------------------------------------------------------------------------------------
// Decoding: one plain function per type rather than derived code, which the wasm would
// carry a generic copy of per type. Fields are read in schema order and the first fault
// is the one reported (see [`Fields`]); an object inside another hands its fault up with
// [`Fields::absorb`].

fn decode_dataset(json: Json) -> Result<Dataset, Fault> {
    let mut f = Fields::new(json, String::new());
    let title = f.string("title");
    let intro = f.text("intro");
    let mut options = Vec::new();
    for (json, path) in f.list("options", true) {
        options.push(decode_choice(&mut f, json, path));
    }
    let mut criteria = Vec::new();
    for (json, path) in f.list("criteria", true) {
        criteria.push(decode_criterion(&mut f, json, path));
    }
    let mut project_types = Vec::new();
    for (json, path) in f.list("project_types", false) {
        project_types.push(decode_project_type(&mut f, json, path));
    }
    let mut comparison = Vec::new();
    for (json, path) in f.list("comparison", false) {
        let mut row = Fields::new(json, path);
        let aspect = row.string("aspect");
        let values = by_id(&mut row, "values", true, Fields::read_string);
        let source = row.optional_string("source");
        f.absorb(row);
        comparison.push(ComparisonRow {
            aspect,
            values,
            source,
        });
    }
    let mut roles = Vec::new();
    for (json, path) in f.list("roles", false) {
        roles.push(decode_role(&mut f, json, path));
    }
    let both = f
        .optional("both")
        .map(|(json, path)| decode_both(&mut f, json, path));
    let team_advice = f.optional("team_advice").map(|(json, path)| {
        let mut advice = Fields::new(json, path);
        let team_advice = TeamAdvice {
            neither: advice.string("neither"),
            source: advice.optional_string("source"),
        };
        f.absorb(advice);
        team_advice
    });
    let mut faq = Vec::new();
    for (json, path) in f.list("faq", false) {
        let mut entry = Fields::new(json, path);
        let question = entry.string("question");
        let answer = entry.string("answer");
        let source = entry.optional_string("source");
        f.absorb(entry);
        faq.push(Faq {
            question,
            answer,
            source,
        });
    }
    let mut sources = Vec::new();
    for (json, path) in f.list("sources", false) {
        let mut source = Fields::new(json, path);
        let id = source.optional_string("id");
        let title = source.string("title");
        let publisher = source.string("publisher");
        let date = source.optional_string("date");
        let url = source.optional_string("url");
        f.absorb(source);
        sources.push(Source {
            id,
            title,
            publisher,
            date,
            url,
        });
    }
    f.finish()?;
    Ok(Dataset {
        title,
        intro,
        options,
        criteria,
        project_types,
        comparison,
        roles,
        both,
        team_advice,
        faq,
        sources,
    })
}

fn decode_choice(parent: &mut Fields, json: Json, path: String) -> Choice {
    let mut f = Fields::new(json, path);
    let choice = Choice {
        id: f.string("id"),
        name: f.string("name"),
        summary: f.text("summary"),
        team: f.optional_string("team"),
        team_label: f.optional_string("team_label"),
        frameworks: f.strings("frameworks"),
        use_cases: f.strings("use_cases"),
        concurrency: f.text("concurrency"),
        language: f.text("language"),
        salary: decode_pay(&mut f, "salary"),
        contract_rate: decode_pay(&mut f, "contract_rate"),
    };
    parent.absorb(f);
    choice
}

fn decode_pay(parent: &mut Fields, name: &str) -> Option<PayRange> {
    let (json, path) = parent.optional(name)?;
    let mut f = Fields::new(json, path);
    let pay = PayRange {
        low: f.number("low"),
        high: f.number("high"),
        currency: f.string("currency"),
        per: f.string("per"),
        region: f.optional_string("region"),
        note: f.optional_string("note"),
        source: f.optional_string("source"),
    };
    parent.absorb(f);
    Some(pay)
}

fn decode_criterion(parent: &mut Fields, json: Json, path: String) -> Criterion {
    let mut f = Fields::new(json, path);
    let criterion = Criterion {
        id: f.string("id"),
        name: f.string("name"),
        description: f.string("description"),
        scores: by_id(&mut f, "scores", true, Fields::read_number),
        notes: by_id(&mut f, "notes", false, Fields::read_string),
        default_weight: match f.take("default_weight") {
            Some((json, path)) => f.read_number(json, &path),
            None => DEFAULT_WEIGHT,
        },
        source: f.optional_string("source"),
    };
    parent.absorb(f);
    criterion
}

fn decode_project_type(parent: &mut Fields, json: Json, path: String) -> ProjectType {
    let mut f = Fields::new(json, path);
    let project = ProjectType {
        id: f.string("id"),
        name: f.string("name"),
        short_name: f.text("short_name"),
        verdict: f.string("verdict"),
        firm: f.flag("firm"),
        reason: f.string("reason"),
        rationale: f.text("rationale"),
        source: f.optional_string("source"),
        preset: by_id(&mut f, "preset", true, Fields::read_number),
    };
    parent.absorb(f);
    project
}

fn decode_role(parent: &mut Fields, json: Json, path: String) -> Role {
    let mut f = Fields::new(json, path);
    let mut role = Role {
        id: f.string("id"),
        option: f.string("option"),
        title: f.string("title"),
        source: f.optional_string("source"),
        needs: f.strings("needs"),
        criteria: f.strings("criteria"),
        questions: f.strings("questions"),
        red_flags: Vec::new(),
        market: Vec::new(),
    };
    for (json, path) in f.list("red_flags", false) {
        let mut entry = Fields::new(json, path);
        let flag = RedFlag {
            flag: entry.string("flag"),
            why: entry.string("why"),
        };
        f.absorb(entry);
        role.red_flags.push(flag);
    }
    role.market = f.strings("market");
    parent.absorb(f);
    role
}

fn decode_both(parent: &mut Fields, json: Json, path: String) -> BothAdvice {
    let mut f = Fields::new(json, path);
    let summary = f.string("summary");
    let mut signals = Vec::new();
    for (json, path) in f.list("signals", false) {
        let mut signal = Fields::new(json, path);
        let text = signal.string("text");
        let mut groups = Vec::new();
        for (json, path) in signal.list("groups", true) {
            let mut group = Fields::new(json, path);
            let option = group.string("option");
            let needs = group.strings("needs");
            signal.absorb(group);
            groups.push(SignalGroup { option, needs });
        }
        f.absorb(signal);
        signals.push(Signal { text, groups });
    }
    let both = BothAdvice {
        summary,
        signals,
        architecture: f.text("architecture"),
        advice: f.string("advice"),
        easier_to_find: f.optional_string("easier_to_find"),
        sequencing: f.text("sequencing"),
        source: f.optional_string("source"),
    };
    parent.absorb(f);
    both
}

/// Values keyed by id: scores and presets (numbers), notes and comparison cells (text).
/// A repeated id is reported and its first value kept.
fn by_id<T>(
    f: &mut Fields,
    name: &str,
    required: bool,
    read: fn(&mut Fields, Json, &str) -> T,
) -> ById<T> {
    let mut map = ById::default();
    let found = if required { f.need(name) } else { f.take(name) };
    if let Some((json, path)) = found {
        for member in f.read_members(json, &path) {
            let field = json::child(&path, &member.key);
            let value = read(f, member.value, &field);
            if !map.insert(member.key, value) {
                f.duplicate(member.at, field);
            }
        }
    }
    map
}

/// The code build.rs generates, and the small constructors it calls. Lists are built
/// from static slices in one call each: far less code than a call per entry.
mod builtin {
    use super::*;

    fn text(s: &str) -> String {
        s.to_string()
    }

    fn texts(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| s.to_string()).collect()
    }

    fn texts_by_id(list: &[(&str, &str)]) -> ById<String> {
        list.iter()
            .map(|(id, s)| (id.to_string(), s.to_string()))
            .collect()
    }

    fn numbers_by_id(list: &[(&str, f64)]) -> ById<f64> {
        list.iter().map(|&(id, n)| (id.to_string(), n)).collect()
    }

    include!(concat!(env!("OUT_DIR"), "/builtin.rs"));
}

#[cfg(test)]
mod tests {
    use super::ById;

    #[test]
    fn the_generated_builtin_equals_the_parsed_file() {
        match super::Dataset::from_json(super::BUILTIN_JSON) {
            Ok(parsed) => assert_eq!(super::Dataset::builtin(), parsed),
            Err(e) => panic!("the built-in file is refused: {e}"),
        }
    }

    #[test]
    fn values_by_id_keep_the_first_entry_and_compare_without_order() {
        let mut scores: ById<f64> = [("node".to_string(), 8.0), ("python".to_string(), 7.0)]
            .into_iter()
            .collect();
        assert!(
            !scores.insert("node".into(), 1.0),
            "a second node is refused"
        );
        assert_eq!(scores.get("node"), Some(&8.0));
        assert_eq!(scores.get("go"), None);
        assert_eq!(scores.keys().collect::<Vec<_>>(), ["node", "python"]);

        let reversed: ById<f64> = [("python".to_string(), 7.0), ("node".to_string(), 8.0)]
            .into_iter()
            .collect();
        assert_eq!(scores, reversed);
        let changed: ById<f64> = [("python".to_string(), 7.0), ("node".to_string(), 9.0)]
            .into_iter()
            .collect();
        assert_ne!(scores, changed);
        assert_ne!(scores, ById::default());
    }
}
