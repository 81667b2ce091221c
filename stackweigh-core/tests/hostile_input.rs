//! Whatever a page, a link or a custom dataset throws at the core: no panic, every
//! refusal says why, and hostile text stays text.
//!
//! Fuzz-style: each property runs 100,000 cases, so `cargo xtask test` runs them with the
//! optimised `fuzz` profile (`cargo test -p stackweigh-core --profile fuzz`).

mod common;

use proptest::prelude::*;
use proptest::sample::select;
use serde_json::{json, Map, Value};
use stackweigh_core::dataset::{
    Dataset, BUILTIN_JSON, MAX_CRITERIA, MAX_OPTIONS, MAX_WEIGHT, MIN_OPTIONS,
};
use stackweigh_core::encoding::{
    parse_preset, parse_team, parse_weights, read_fragment, write_fragment,
};
use stackweigh_core::{evaluate, explain, share, Choices, Theme, Verdict};
use std::sync::OnceLock;

const CASES: u32 = 100_000;

fn fuzz() -> ProptestConfig {
    ProptestConfig {
        cases: CASES,
        ..ProptestConfig::default()
    }
}

fn builtin() -> &'static Dataset {
    Dataset::builtin()
}

/// A small valid dataset that uses every part of the schema, cheap to parse many times.
const SMALL: &str = r#"{
  "title": "Go or Rust?",
  "intro": "Three backends.",
  "options": [
    { "id": "go", "name": "Go", "team": "go", "team_label": "Mostly Go", "frameworks": ["Gin"], "use_cases": ["APIs"],
      "salary": { "low": 120000, "high": 180000, "currency": "USD", "per": "year", "source": "notes" },
      "contract_rate": { "low": 30, "high": 70, "currency": "EUR", "per": "hour", "region": "EU", "note": "Varies." } },
    { "id": "rust", "name": "Rust", "team": "rust", "summary": "Fast and safe.", "concurrency": "async", "language": "Rust" },
    { "id": "java", "name": "Java" }
  ],
  "criteria": [
    { "id": "speed", "name": "Speed", "description": "How fast.", "scores": { "go": 8, "rust": 10, "java": 7 },
      "notes": { "rust": "No garbage collector." }, "source": "notes" },
    { "id": "ease", "name": "Ease", "description": "How easy.", "scores": { "go": 9, "rust": 3, "java": 6 }, "default_weight": 3 }
  ],
  "project_types": [
    { "id": "cli", "name": "CLI tool", "verdict": "go", "reason": "Quick to build.", "rationale": "Ease first.",
      "source": "notes", "preset": { "speed": 4, "ease": 9 } },
    { "id": "engine", "name": "Engine", "verdict": "rust", "firm": true, "reason": "Every cycle counts.", "preset": { "speed": 10 } },
    { "id": "web", "name": "Web app", "verdict": "either", "reason": "Any will do.", "preset": { "ease": 6 } }
  ],
  "comparison": [ { "aspect": "Typing", "values": { "go": "Static", "rust": "Static", "java": "Static" }, "source": "notes" } ],
  "roles": [
    { "id": "go-dev", "option": "go", "title": "Go developer", "source": "notes", "project_types": ["cli"], "criteria": ["ease"],
      "questions": ["Why channels?"], "red_flags": [ { "flag": "Ignores errors", "why": "Go returns them." } ],
      "market": ["Plenty."] },
    { "id": "rust-dev", "option": "rust", "title": "Rust developer" }
  ],
  "both": { "summary": "Sometimes both.",
            "signals": [ { "text": "A hot path in a CLI.", "groups": [ { "option": "go", "project_types": ["cli"] }, { "option": "rust", "project_types": ["engine"] } ] } ],
            "architecture": "Go around Rust.", "advice": "One of each.", "easier_to_find": "go",
            "sequencing": "Go developers are easier to find.", "source": "notes" },
  "team_advice": { "neither": "Decide by the hot path.", "source": "notes" },
  "faq": [ { "question": "Which is faster?", "answer": "Rust, usually.", "source": "notes" } ],
  "sources": [ { "id": "notes", "title": "Notes", "publisher": "Blog", "date": "2026", "url": "https://example.com/" } ]
}"#;

fn small() -> &'static Dataset {
    static D: OnceLock<Dataset> = OnceLock::new();
    D.get_or_init(|| common::from_json(SMALL).expect("SMALL is valid"))
}

fn small_value() -> &'static Value {
    static V: OnceLock<Value> = OnceLock::new();
    V.get_or_init(|| serde_json::from_str(SMALL).expect("SMALL parses"))
}

// ---------------------------------------------------------------------------------------
// Text generators

/// Ids and words that mean something to the parsers and the datasets above.
const WORDS: &[&str] = &[
    "performance",
    "data-science",
    "full-stack-js",
    "talent",
    "learning-curve",
    "ecosystem",
    "hiring-cost",
    "rest-api",
    "real-time",
    "machine-learning",
    "enterprise-web",
    "llm-integration",
    "node",
    "python",
    "javascript",
    "neither",
    "either",
    "both",
    "auto",
    "light",
    "dark",
    "go",
    "rust",
    "java",
    "speed",
    "ease",
    "cli",
    "engine",
    "PERFORMANCE",
    "Real-Time",
    "-",
    "_",
];

/// Pieces of the attribute and link syntax, escapes good and broken, and awkward unicode.
const SYNTAX: &[&str] = &[
    "preset=", "weights=", "team=", "theme=", "#", ":", ",", "&", "=", "%", " ", "%2C", "%3A",
    "%26", "%3D", "%23", "%25", "%20", "%zz", "%e", "%C3%A9", "%E2%82", "%FF", "%00", "%+1", "%-1",
    "+", "-", ".", "0", "00", "10", "11", "255", "256", "-1", "+5", "1e1", "5.0", "NaN", "é", "ß",
    "İ", "ﬃ", "\u{200b}", "\u{feff}", "\u{a0}", "\u{2028}", "\u{301}", "🦀", "\u{0}", "\n", "\r\n",
    "\t", "\"", "\\", "<", ">", "…",
];

/// One piece of near-syntax, drawn as plain numbers: a tuple strategy generates (and
/// shrinks) far faster than a union of mapped strategies, which matters at 100,000 cases.
type PieceSeed = (u8, u32, char);

fn piece_seed() -> impl Strategy<Value = PieceSeed> {
    (0u8..10, 0u32..1000, any::<char>())
}

/// Syntax 4 in 10, words 3 in 10, numbers 2 in 10, any character 1 in 10.
fn piece_text(out: &mut String, (kind, n, ch): PieceSeed) {
    match kind {
        0..=3 => out.push_str(SYNTAX[n as usize % SYNTAX.len()]),
        4..=6 => out.push_str(WORDS[n as usize % WORDS.len()]),
        7..=8 => out.push_str(&n.to_string()),
        _ => out.push(ch),
    }
}

fn piece() -> impl Strategy<Value = String> {
    piece_seed().prop_map(|seed| {
        let mut out = String::new();
        piece_text(&mut out, seed);
        out
    })
}

/// Strings that look almost like settings: fragments of valid syntax in any order.
fn syntaxish() -> impl Strategy<Value = String> {
    prop::collection::vec(piece_seed(), 0..24).prop_map(|seeds| {
        let mut out = String::new();
        for seed in seeds {
            piece_text(&mut out, seed);
        }
        out
    })
}

/// Anything: arbitrary characters (controls, surrogate neighbours and all), near-syntax,
/// and the occasional very long string to reach the length limits.
fn hostile_text() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => prop::collection::vec(any::<char>(), 0..48).prop_map(|cs| cs.into_iter().collect()),
        6 => syntaxish(),
        1 => (syntaxish(), 1usize..120).prop_map(|(s, n)| s.repeat(n)),
    ]
}

// ---------------------------------------------------------------------------------------
// What an accepted result must look like

fn assert_valid_choices(d: &Dataset, c: &Choices) {
    assert_eq!(c.weights.len(), d.criteria.len());
    for &w in &c.weights {
        assert!(
            w.is_finite() && (0.0..=MAX_WEIGHT).contains(&w) && w.fract() == 0.0,
            "weight {w}"
        );
    }
    assert!(
        c.project_types.windows(2).all(|w| w[0] < w[1]),
        "project types {:?}",
        c.project_types
    );
    assert!(c.project_types.iter().all(|&p| p < d.project_types.len()));
    if let Some(o) = c.team {
        assert!(d.options[o].team.is_some());
    }
}

fn assert_message(message: &str) {
    assert!(!message.trim().is_empty(), "a refusal without a message");
}

proptest! {
    #![proptest_config(fuzz())]

    #[test]
    fn any_link_is_read_or_refused_with_a_message(text in hostile_text()) {
        let d = builtin();
        match read_fragment(d, &text) {
            Ok(c) => {
                assert_valid_choices(d, &c);
                // What was read can be shared again, and reads back the same.
                prop_assert_eq!(read_fragment(d, &write_fragment(d, &c)), Ok(c));
            }
            Err(message) => {
                assert_message(&message);
                prop_assert!(message.ends_with("showing the defaults"), "{}", message);
            }
        }
    }

    #[test]
    fn any_preset_is_read_or_refused_with_a_message(text in hostile_text()) {
        let d = builtin();
        match parse_preset(d, &text) {
            Ok(chosen) => {
                prop_assert!(chosen.windows(2).all(|w| w[0] < w[1]));
                prop_assert!(chosen.iter().all(|&p| p < d.project_types.len()));
            }
            Err(message) => {
                assert_message(&message);
                prop_assert!(message.starts_with("preset: "), "{}", message);
            }
        }
    }

    #[test]
    fn any_weights_are_read_or_refused_with_a_message(text in hostile_text()) {
        let d = builtin();
        match parse_weights(d, &text) {
            Ok(weights) => {
                for (c, w) in weights {
                    prop_assert!(c < d.criteria.len());
                    prop_assert!((0.0..=MAX_WEIGHT).contains(&w) && w.fract() == 0.0);
                }
            }
            Err(message) => {
                assert_message(&message);
                prop_assert!(message.starts_with("weights: "), "{}", message);
            }
        }
    }

    #[test]
    fn any_team_is_read_or_refused_with_a_message(text in hostile_text()) {
        let d = builtin();
        match parse_team(d, &text) {
            Ok(Some(o)) => prop_assert!(d.options[o].team.as_deref() == Some(text.trim())),
            Ok(None) => prop_assert!(matches!(text.trim(), "" | "neither")),
            Err(message) => {
                assert_message(&message);
                prop_assert!(message.starts_with("team: "), "{}", message);
            }
        }
    }

    #[test]
    fn any_theme_is_read_or_refused_with_a_message(text in hostile_text()) {
        match Theme::parse(&text) {
            Ok(theme) => prop_assert!(matches!(text.trim(), "" | "auto" | "light" | "dark"), "{:?} → {:?}", text, theme),
            Err(message) => {
                assert_message(&message);
                prop_assert!(message.starts_with("theme: "), "{}", message);
            }
        }
    }
}

// ---------------------------------------------------------------------------------------
// Datasets

/// Everything the widget does with an accepted dataset, none of which may panic.
fn exercise(d: &Dataset) {
    assert!((MIN_OPTIONS..=MAX_OPTIONS).contains(&d.options.len()));
    assert!((1..=MAX_CRITERIA).contains(&d.criteria.len()));
    // The defaults, every project type at once, the last alone with the last team.
    let all_project_types: Vec<usize> = (0..d.project_types.len()).collect();
    let last_project_type: Vec<usize> = all_project_types.last().copied().into_iter().collect();
    let last_team = (0..d.options.len())
        .rev()
        .find(|&o| d.options[o].team.is_some());
    let cases = [
        Choices::defaults(d),
        Choices::for_project_types(d, all_project_types, None),
        Choices::for_project_types(d, last_project_type, last_team),
    ];
    for c in cases {
        let outcome = evaluate(d, &c);
        assert!(outcome
            .scores
            .mean
            .iter()
            .all(|s| s.is_finite() && (1.0..=10.0).contains(s)));
        if let Verdict::Lead(o, _) = outcome.verdict {
            assert_eq!(o, outcome.ranking[0]);
        }
        let _ = explain::announcement(d, &outcome);
        let _ = explain::reasons(d, &outcome, 5);
        for point in &outcome.tipping_points {
            let _ = explain::tipping(d, point);
        }
        let _ = share::markdown_summary(d, &c, &outcome);
        common::checked_event_detail(d, &c, &outcome);
        let snippet = share::embed_snippet(d, &c, &outcome, "https://example.com/stackweigh.js");
        assert_only_template_markup(&snippet);
        assert_eq!(read_fragment(d, &write_fragment(d, &c)), Ok(c));
    }
}

fn check_dataset_json(json: &str) {
    match common::from_json(json) {
        Ok(d) => exercise(&d),
        Err(e) => {
            assert_message(&e.problem);
            assert_message(&e.to_string());
        }
    }
}

/// Whether a field path such as `criteria[2].scores.python` (or `` for the whole
/// dataset) leads to something in `value`.
fn resolves(value: &Value, path: &str) -> bool {
    if path.is_empty() {
        return true;
    }
    let mut at = value;
    for segment in path.split('.') {
        let (key, indices) = segment
            .split_once('[')
            .map_or((segment, ""), |(k, rest)| (k, rest));
        if !key.is_empty() || indices.is_empty() {
            match at.get(key) {
                Some(next) => at = next,
                None => return false,
            }
        }
        for index in indices.split('[').filter(|i| !i.is_empty()) {
            let Ok(i) = index.trim_end_matches(']').parse::<usize>() else {
                return false;
            };
            match at.get(i) {
                Some(next) => at = next,
                None => return false,
            }
        }
    }
    true
}

/// Pieces of JSON and of this schema, for text that is almost a dataset.
const JSON_PIECES: &[&str] = &[
    "{",
    "}",
    "[",
    "]",
    ":",
    ",",
    "\"",
    "\"title\"",
    "\"options\"",
    "\"criteria\"",
    "\"id\"",
    "\"name\"",
    "\"scores\"",
    "\"description\"",
    "\"project_types\"",
    "\"preset\"",
    "\"verdict\"",
    "\"sources\"",
    "\"url\"",
    "\"node\"",
    "\"python\"",
    "\"x\"",
    "\"\"",
    "null",
    "true",
    "false",
    "0",
    "1",
    "10",
    "11",
    "-1",
    "1e999",
    "-0",
    "0.5",
    "1.",
    ".5",
    "01",
    "\"\\u0000\"",
    "\"\\ud800\"",
    "\"\\uZZZZ\"",
    "\\",
    " ",
    "\n",
    "é",
    "\u{0}",
    "\"javascript:alert(1)\"",
    "\"https://x.io\"",
];

/// JSON pieces 4 in 5, other near-syntax 1 in 5.
fn jsonish() -> impl Strategy<Value = String> {
    prop::collection::vec((0u8..5, piece_seed()), 0..40).prop_map(|seeds| {
        let mut out = String::new();
        for (kind, seed) in seeds {
            if kind < 4 {
                out.push_str(JSON_PIECES[seed.1 as usize % JSON_PIECES.len()]);
            } else {
                piece_text(&mut out, seed);
            }
        }
        out
    })
}

/// Known field names, so a renamed or added key is sometimes one the schema knows.
const KEYS: &[&str] = &[
    "id",
    "name",
    "title",
    "scores",
    "description",
    "preset",
    "verdict",
    "url",
    "team",
    "options",
    "criteria",
    "default_weight",
    "notes",
    "questions",
    "first_hire",
    "both",
    "extra",
    "",
    "__proto__",
    "constructor",
];

fn leaf() -> impl Strategy<Value = Value> {
    prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        select(vec![
            0.0, 1.0, 10.0, 10.5, 11.0, -1.0, 0.5, 0.999, 5.0, 1e308, -1e308, 5e-324, 255.0, 256.0,
            4.0e9, -0.0
        ])
        .prop_map(|f| json!(f)),
        any::<i64>().prop_map(Value::from),
        any::<u64>().prop_map(Value::from),
        any::<f64>().prop_map(|f| json!(f)),
        hostile_text().prop_map(Value::from),
        select(WORDS).prop_map(Value::from),
        select(vec![
            "",
            " ",
            "javascript:alert(1)",
            "JAVASCRIPT:x",
            "https://example.com/",
            "ftp://x",
            "either",
            "neither"
        ])
        .prop_map(Value::from),
    ]
}

fn json_value() -> impl Strategy<Value = Value> {
    leaf().prop_recursive(3, 12, 4, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
            prop::collection::vec((select(KEYS).prop_map(String::from), inner), 0..4)
                .prop_map(|entries| Value::Object(entries.into_iter().collect::<Map<_, _>>())),
        ]
    })
}

#[derive(Debug, Clone)]
enum Op {
    Replace(Value),
    Remove,
    /// Arrays: insert a copy of the element (a duplicate id). Objects: copy the entry under a new key.
    Duplicate,
    /// Arrays: append `n` copies with fresh ids (past the option and criteria limits).
    Grow(usize),
    /// Objects: move the entry to another key. Arrays: replace the element by the string.
    Rename(String),
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        5 => json_value().prop_map(Op::Replace),
        2 => Just(Op::Remove),
        1 => Just(Op::Duplicate),
        1 => (1usize..40).prop_map(Op::Grow),
        1 => select(KEYS).prop_map(|k| Op::Rename(k.to_string())),
    ]
}

fn fresh_copy(item: &Value, j: usize) -> Value {
    let mut copy = item.clone();
    if let Some(Value::String(id)) = copy.get_mut("id") {
        *id = format!("{id}-{j}");
    }
    copy
}

/// Walks `path` (each step an index, taken modulo the container's size) and applies `op`
/// to the entry it ends on.
fn apply(v: &mut Value, path: &[usize], op: &Op) {
    let Some((&first, rest)) = path.split_first() else {
        if let Op::Replace(new) = op {
            *v = new.clone();
        }
        return;
    };
    match v {
        Value::Object(map) if !map.is_empty() => {
            let key = map
                .keys()
                .nth(first % map.len())
                .cloned()
                .unwrap_or_default();
            let descend = !rest.is_empty()
                && matches!(map.get(&key), Some(Value::Object(_) | Value::Array(_)));
            if descend {
                if let Some(child) = map.get_mut(&key) {
                    apply(child, rest, op);
                }
                return;
            }
            match op {
                Op::Replace(new) => {
                    map.insert(key, new.clone());
                }
                Op::Remove => {
                    map.remove(&key);
                }
                Op::Duplicate | Op::Grow(_) => {
                    let copy = map[&key].clone();
                    map.insert(format!("{key}_2"), copy);
                }
                Op::Rename(name) => {
                    if let Some(entry) = map.remove(&key) {
                        map.insert(name.clone(), entry);
                    }
                }
            }
        }
        Value::Array(items) if !items.is_empty() => {
            let i = first % items.len();
            let descend =
                !rest.is_empty() && matches!(items[i], Value::Object(_) | Value::Array(_));
            if descend {
                apply(&mut items[i], rest, op);
                return;
            }
            match op {
                Op::Replace(new) => items[i] = new.clone(),
                Op::Remove => {
                    items.remove(i);
                }
                Op::Duplicate => {
                    let copy = items[i].clone();
                    items.insert(i, copy);
                }
                Op::Grow(n) => {
                    let copies: Vec<Value> = (0..*n).map(|j| fresh_copy(&items[i], j)).collect();
                    items.extend(copies);
                }
                Op::Rename(name) => items[i] = Value::String(name.clone()),
            }
        }
        _ => {
            if let Op::Replace(new) = op {
                *v = new.clone();
            }
        }
    }
}

fn mutations() -> impl Strategy<Value = Vec<(Vec<usize>, Op)>> {
    prop::collection::vec((prop::collection::vec(0usize..64, 0..6), op()), 1..4)
}

/// Text edits: (position, bytes to cut, text to insert), positions taken modulo the length.
fn text_edits() -> impl Strategy<Value = Vec<(usize, usize, String)>> {
    prop::collection::vec(
        (any::<usize>(), 0usize..8, prop_oneof![jsonish(), piece()]),
        1..4,
    )
}

fn edit_text(base: &str, edits: &[(usize, usize, String)]) -> String {
    let mut chars: Vec<char> = base.chars().collect();
    for (at, cut, insert) in edits {
        let at = at % (chars.len() + 1);
        let end = (at + cut).min(chars.len());
        chars.splice(at..end, insert.chars());
    }
    chars.into_iter().collect()
}

proptest! {
    #![proptest_config(fuzz())]

    #[test]
    fn any_text_as_a_dataset_is_refused_with_a_message(text in prop_oneof![hostile_text(), jsonish()]) {
        check_dataset_json(&text);
    }

    /// Structural changes to a valid dataset (1 in 20 the built-in one). The JSON stays
    /// well-formed, so a refusal from the parser names a field that is really there.
    #[test]
    fn a_mutated_dataset_is_accepted_whole_or_refused_with_a_message(
        small in prop::bool::weighted(0.95),
        mutations in mutations(),
        pretty in any::<bool>(),
    ) {
        let mut value = if small { small_value().clone() } else { common::builtin_value().clone() };
        for (path, op) in &mutations {
            apply(&mut value, path, op);
        }
        let json = if pretty { serde_json::to_string_pretty(&value) } else { serde_json::to_string(&value) };
        let json = json.expect("a Value serializes");
        check_dataset_json(&json);
        if let Err(error) = common::from_json(&json) {
            if error.problem.contains(" at line ") {
                prop_assert!(resolves(&value, &error.field), "{} names no field of {}", error, json);
            }
        }
    }

    #[test]
    fn an_edited_dataset_file_is_accepted_whole_or_refused_with_a_message(
        small in prop::bool::weighted(0.95),
        edits in text_edits(),
    ) {
        let base = if small { SMALL } else { BUILTIN_JSON };
        check_dataset_json(&edit_text(base, &edits));
    }
}

#[test]
fn deep_nesting_is_refused_without_overflowing_the_stack() {
    for json in [
        "[".repeat(100_000),
        "{\"title\":".repeat(100_000),
        format!("{{\"title\":\"x\",\"options\":{}", "[".repeat(50_000)),
    ] {
        let error = common::from_json(&json).expect_err("refused");
        assert_message(&error.to_string());
    }
}

// ---------------------------------------------------------------------------------------
// Hostile text in a dataset stays text

const IMG: &str = "<img src=x onerror=alert(1)>";
const END_SCRIPT: &str = "</script>";

/// The tags the embed snippet is made of; any other `<` would be markup we did not write.
const TEMPLATE_TAGS: &[&str] = &[
    "<script src=\"",
    "<template shadowrootmode=\"open\">",
    "</template>",
    "<style>",
    "</style>",
    "<slot>",
    "</slot>",
    "</script>",
    "<stack-weigh",
    "</stack-weigh>",
    "<table>",
    "</table>",
    "<caption>",
    "</caption>",
    "<thead>",
    "</thead>",
    "<tbody>",
    "</tbody>",
    "<tr>",
    "</tr>",
    "<td>",
    "</td>",
    "<th>",
    "</th>",
];

fn assert_only_template_markup(snippet: &str) {
    for (at, _) in snippet.match_indices('<') {
        let rest = &snippet[at..];
        assert!(
            TEMPLATE_TAGS.iter().any(|tag| rest.starts_with(tag)),
            "stray markup at {at}: {snippet}"
        );
    }
    assert_eq!(snippet.matches("<script").count(), 1, "{snippet}");
    assert_eq!(snippet.matches(END_SCRIPT).count(), 1, "{snippet}");
    // Attribute values stay inside their quotes: every `"` is one the template wrote.
    let quotes = snippet.matches('"').count();
    assert!(quotes.is_multiple_of(2) && quotes <= 10, "{snippet}");
}

fn unescape_html(text: &str) -> String {
    text.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}

#[test]
fn script_and_markup_in_a_dataset_survive_validation_as_plain_text() {
    let json = SMALL
        .replace(
            "\"Go or Rust?\"",
            &json!(format!("Go or Rust? {IMG}")).to_string(),
        )
        .replace(
            "\"name\": \"Go\"",
            &format!(
                "\"name\": {}",
                json!(format!("Go{END_SCRIPT}<script>alert(1)</script>"))
            ),
        )
        .replace(
            "\"How fast.\"",
            &json!(format!("{IMG} {END_SCRIPT}")).to_string(),
        )
        .replace(
            "\"Why channels?\"",
            &json!(format!("Why {END_SCRIPT}?")).to_string(),
        );
    let d = common::from_json(&json).unwrap_or_else(|e| panic!("refused: {e}"));
    assert_eq!(d.title, format!("Go or Rust? {IMG}"));
    assert_eq!(
        d.options[0].name,
        format!("Go{END_SCRIPT}<script>alert(1)</script>")
    );
    assert_eq!(d.criteria[0].description, format!("{IMG} {END_SCRIPT}"));
    assert_eq!(d.roles[0].questions[0], format!("Why {END_SCRIPT}?"));

    // Go leads on ease alone, so its name is in the table and the headline.
    let c = Choices {
        weights: vec![0.0, 10.0],
        project_types: vec![],
        team: None,
    };
    let outcome = evaluate(&d, &c);
    assert_eq!(outcome.verdict.leader(), Some(0));
    let snippet = share::embed_snippet(
        &d,
        &c,
        &outcome,
        "https://example.com/w.js\"><script>alert(1)</script>",
    );
    assert!(!snippet.contains(IMG), "{snippet}");
    assert!(!snippet.contains("<img"), "{snippet}");
    assert!(!snippet.contains("alert(1)</script>"), "{snippet}");
    assert!(
        snippet.contains("&lt;img src=x onerror=alert(1)&gt;"),
        "{snippet}"
    );
    assert!(
        snippet.contains("hire Go&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;"),
        "{snippet}"
    );
    assert!(
        snippet.contains("w.js&quot;&gt;&lt;script&gt;"),
        "{snippet}"
    );
    assert_only_template_markup(&snippet);
}

#[test]
fn escape_html_leaves_nothing_that_is_markup() {
    assert_eq!(
        share::escape_html(IMG),
        "&lt;img src=x onerror=alert(1)&gt;"
    );
    assert_eq!(share::escape_html(END_SCRIPT), "&lt;/script&gt;");
    assert_eq!(
        share::escape_html("a&b \"c\" 'd'"),
        "a&amp;b &quot;c&quot; &#39;d&#39;"
    );
}

#[test]
fn javascript_urls_in_sources_are_refused() {
    for url in [
        "javascript:alert(1)",
        "JavaScript:alert(1)",
        " javascript:alert(1)",
        "\njavascript:alert(1)",
        "vbscript:x",
        "data:text/html,x",
    ] {
        let json = SMALL.replace("\"https://example.com/\"", &json!(url).to_string());
        let error = common::from_json(&json).expect_err(url);
        assert_eq!(error.field, "sources[0].url", "{url}: {error}");
    }
}

/// Case and whitespace games on the scheme, and anything after it.
fn scheme_games() -> impl Strategy<Value = String> {
    (
        select(vec!["", " ", "\t", "\n", "\u{a0}", "\u{feff}", "\u{200b}"]),
        prop::collection::vec(any::<bool>(), 10),
        select(vec![":", ":", " :", "%3A", "&#58;"]),
        hostile_text(),
    )
        .prop_map(|(lead, upper, colon, rest)| {
            let scheme: String = "javascript"
                .chars()
                .zip(upper)
                .map(|(ch, up)| if up { ch.to_ascii_uppercase() } else { ch })
                .collect();
            format!("{lead}{scheme}{colon}{rest}")
        })
}

proptest! {
    #![proptest_config(fuzz())]

    #[test]
    fn escaped_text_holds_no_markup_and_reads_back(text in prop_oneof![hostile_text(), select(vec![IMG, END_SCRIPT]).prop_map(String::from)]) {
        let escaped = share::escape_html(&text);
        prop_assert!(!escaped.contains(['<', '>', '"', '\'']), "{}", escaped);
        for (at, _) in escaped.match_indices('&') {
            let rest = &escaped[at..];
            prop_assert!(["&amp;", "&lt;", "&gt;", "&quot;", "&#39;"].iter().any(|e| rest.starts_with(e)));
        }
        prop_assert_eq!(unescape_html(&escaped), text);
    }

    /// Any text as the title, option names and script address: the snippet holds only its
    /// own markup.
    #[test]
    fn the_embed_snippet_never_lets_dataset_text_become_markup(
        title in hostile_text(),
        names in prop::collection::vec(prop_oneof![hostile_text(), Just(IMG.to_string()), Just(END_SCRIPT.to_string())], 3),
        script_src in hostile_text(),
        weights in prop::collection::vec((0u8..=10).prop_map(f64::from), 2),
        team in prop::option::of(0usize..2),
    ) {
        let mut d = *small();
        d.title = title.into();
        d.options = common::edited(d.options, |options| {
            for (option, name) in options.iter_mut().zip(names) {
                option.name = name.into();
            }
        });
        let c = Choices { weights, project_types: vec![], team };
        let outcome = evaluate(&d, &c);
        assert_only_template_markup(&share::embed_snippet(&d, &c, &outcome, &script_src));
    }

    #[test]
    fn a_script_url_in_sources_is_always_refused(url in scheme_games()) {
        let json = SMALL.replace("\"https://example.com/\"", &json!(url).to_string());
        let error = common::from_json(&json).expect_err("a javascript: url was accepted");
        prop_assert_eq!(error.field, "sources[0].url");
    }
}
