//! Every rule a dataset must meet, each failure naming the field at fault.

use crate::dataset::{
    ById, Dataset, DatasetError, Text, EITHER, MAX_CRITERIA, MAX_OPTIONS, MAX_SCORE, MAX_WEIGHT,
    MIN_OPTIONS, MIN_SCORE,
};
use crate::json::Path;
use crate::numbers::number;

fn refuse(at: &Path, problem: impl Into<String>) -> Result<(), DatasetError> {
    Err(DatasetError::new(at.to_string(), problem))
}

/// Ids appear in attributes and links (`performance:8,data-science:2`), so they are kept
/// to characters that need no escaping there.
fn check_id(at: &Path, id: &str) -> Result<(), DatasetError> {
    if id.is_empty() {
        return refuse(at, "is empty");
    }
    if id.len() > 40 {
        return refuse(at, "is longer than 40 characters");
    }
    if !id
        .bytes()
        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'_')
    {
        return refuse(
            at,
            format!("\"{id}\" may hold only lowercase letters, digits, - and _"),
        );
    }
    Ok(())
}

fn check_text(at: &Path, text: &str) -> Result<(), DatasetError> {
    if text.trim().is_empty() {
        refuse(at, "is empty")
    } else {
        Ok(())
    }
}

/// Each item's `id` is a valid id, and no two are the same. The ids, in order.
fn check_unique<'a>(
    at: &Path,
    ids: impl Iterator<Item = &'a str>,
) -> Result<Vec<&'a str>, DatasetError> {
    // A list, not a set: at most 40 ids, and a set type would cost the wasm kilobytes.
    let mut seen = Vec::new();
    for (i, id) in ids.enumerate() {
        let item = at.index(i);
        let field = item.key("id");
        check_id(&field, id)?;
        if seen.contains(&id) {
            refuse(&field, format!("\"{id}\" is used twice"))?;
        }
        seen.push(id);
    }
    Ok(seen)
}

fn check_range(at: &Path, value: f64, low: f64, high: f64) -> Result<(), DatasetError> {
    if value.is_finite() && (low..=high).contains(&value) {
        Ok(())
    } else {
        // `number` writes tenths: quote the value only when that is exact (10.01 is not "10").
        let range = format!("{}–{}", number(low), number(high));
        let exact = value.abs() < 1e12 && (value * 10.0).round() == value * 10.0;
        refuse(
            at,
            if exact {
                format!("{} is outside {range}", number(value))
            } else {
                format!("is outside {range}")
            },
        )
    }
}

fn check_known(at: &Path, id: &str, known: &[&str], what: &str) -> Result<(), DatasetError> {
    if known.contains(&id) {
        Ok(())
    } else {
        refuse(at, format!("\"{id}\" is not a known {what}"))
    }
}

/// Text keyed by option id (a criterion's notes, a comparison row's values): each key
/// names an option, and no text is empty.
fn check_text_per_option(
    at: &Path,
    texts: &ById<Text>,
    options: &[&str],
) -> Result<(), DatasetError> {
    for (key, text) in texts.iter() {
        let at = at.key(key);
        check_known(&at, key, options, "option")?;
        check_text(&at, text)?;
    }
    Ok(())
}

fn check_url(at: &Path, url: &str) -> Result<(), DatasetError> {
    let lower = url.trim().to_ascii_lowercase();
    if lower.starts_with("https://") || lower.starts_with("http://") {
        Ok(())
    } else {
        refuse(at, "only http:// and https:// links are allowed")
    }
}

/// Words that mean something in the `preset`, `team` and verdict vocabularies.
const RESERVED_IDS: [&str; 3] = ["either", "both", "neither"];

/// Checks every rule, section by section in the dataset's order, so that of several faults
/// the first is named. Each section's ids are gathered as it is checked, for the sections
/// after it to refer to.
pub(crate) fn check(d: &Dataset) -> Result<(), DatasetError> {
    let root = Path::Root;
    check_text(&root.key("title"), &d.title)?;
    check_sizes(d)?;
    let sources = check_sources(d)?;
    let options = check_options(d, &sources)?;
    let criteria = check_criteria(d, &sources, &options)?;
    let projects = check_project_types(d, &sources, &options, &criteria)?;
    check_comparison(d, &sources, &options)?;
    check_roles(d, &sources, &options, &criteria, &projects)?;
    check_both(d, &sources, &options, &projects)?;
    check_team_advice(d, &sources)?;
    check_faq(d, &sources)
}

/// How many options and criteria a comparison may have.
fn check_sizes(d: &Dataset) -> Result<(), DatasetError> {
    let root = Path::Root;
    let n = d.options.len();
    if !(MIN_OPTIONS..=MAX_OPTIONS).contains(&n) {
        refuse(
            &root.key("options"),
            format!("has {n} options; a comparison needs {MIN_OPTIONS} to {MAX_OPTIONS}"),
        )?;
    }
    if d.criteria.is_empty() || d.criteria.len() > MAX_CRITERIA {
        refuse(
            &root.key("criteria"),
            format!(
                "has {} criteria; allowed are 1 to {MAX_CRITERIA}",
                d.criteria.len()
            ),
        )?;
    }
    Ok(())
}

/// The sources' ids, which everything else may cite.
struct Sources<'a>(Vec<&'a str>);

impl Sources<'_> {
    /// A `source` names a known source, and each section a part of it, which means nothing
    /// without one.
    fn check(
        &self,
        at: &Path,
        source: &Option<Text>,
        sections: &[(&str, &Option<Text>)],
    ) -> Result<(), DatasetError> {
        if let Some(id) = source {
            check_known(&at.key("source"), id, &self.0, "source id")?;
        }
        for &(key, section) in sections {
            if let Some(section) = section {
                check_text(&at.key(key), section)?;
                if source.is_none() {
                    refuse(&at.key(key), "needs a `source` to be a part of")?;
                }
            }
        }
        Ok(())
    }
}

fn check_sources(d: &Dataset) -> Result<Sources<'_>, DatasetError> {
    let at = Path::Root.key("sources");
    let mut sources: Vec<&str> = Vec::new();
    for (i, s) in d.sources.iter().enumerate() {
        let at = at.index(i);
        check_text(&at.key("title"), &s.title)?;
        check_text(&at.key("publisher"), &s.publisher)?;
        if let Some(url) = &s.url {
            check_url(&at.key("url"), url)?;
        }
        if let Some(id) = &s.id {
            let at = at.key("id");
            check_id(&at, id)?;
            if sources.contains(&&**id) {
                refuse(&at, format!("\"{id}\" is used twice"))?;
            }
            sources.push(id);
        }
    }
    Ok(Sources(sources))
}

fn check_options<'a>(d: &'a Dataset, sources: &Sources) -> Result<Vec<&'a str>, DatasetError> {
    let at = Path::Root.key("options");
    let options = check_unique(&at, d.options.iter().map(|o| &*o.id))?;
    let mut teams = Vec::new();
    for (i, o) in d.options.iter().enumerate() {
        let at = at.index(i);
        if RESERVED_IDS.contains(&&*o.id) {
            refuse(&at.key("id"), format!("\"{}\" is a reserved word", o.id))?;
        }
        check_text(&at.key("name"), &o.name)?;
        if let Some(team) = &o.team {
            let at = at.key("team");
            check_id(&at, team)?;
            if team == "neither" || teams.contains(&&**team) {
                refuse(&at, format!("\"{team}\" is reserved or used twice"))?;
            }
            teams.push(&**team);
        }
        for (name, pay) in [("salary", &o.salary), ("contract_rate", &o.contract_rate)] {
            if let Some(pay) = pay {
                let at = at.key(name);
                if !(pay.low.is_finite()
                    && pay.high.is_finite()
                    && 0.0 <= pay.low
                    && pay.low <= pay.high)
                {
                    refuse(&at, "needs 0 ≤ low ≤ high")?;
                }
                sources.check(&at, &pay.source, &[("section", &pay.section)])?;
            }
        }
    }
    Ok(options)
}

fn check_criteria<'a>(
    d: &'a Dataset,
    sources: &Sources,
    options: &[&str],
) -> Result<Vec<&'a str>, DatasetError> {
    let at = Path::Root.key("criteria");
    let criteria = check_unique(&at, d.criteria.iter().map(|c| &*c.id))?;
    for (i, c) in d.criteria.iter().enumerate() {
        let at = at.index(i);
        check_text(&at.key("name"), &c.name)?;
        check_text(&at.key("description"), &c.description)?;
        check_range(&at.key("default_weight"), c.default_weight, 0.0, MAX_WEIGHT)?;
        sources.check(&at, &c.source, &[("section", &c.section)])?;
        sources.check(&at, &c.notes_source, &[])?;
        sources.check(
            &at,
            &c.notes_source.or(c.source),
            &[("notes_section", &c.notes_section)],
        )?;
        if let Some(converted) = &c.converted {
            check_text(&at.key("converted"), converted)?;
        }
        let scores = at.key("scores");
        for o in d.options.iter() {
            let at = scores.key(&o.id);
            match c.scores.get(&o.id) {
                Some(&score) => check_range(&at, score, MIN_SCORE, MAX_SCORE)?,
                None => refuse(&at, "is missing")?,
            }
        }
        for key in c.scores.keys() {
            check_known(&scores.key(key), key, options, "option")?;
        }
        check_text_per_option(&at.key("notes"), &c.notes, options)?;
    }
    Ok(criteria)
}

fn check_project_types<'a>(
    d: &'a Dataset,
    sources: &Sources,
    options: &[&str],
    criteria: &[&str],
) -> Result<Vec<&'a str>, DatasetError> {
    let at = Path::Root.key("project_types");
    let projects = check_unique(&at, d.project_types.iter().map(|p| &*p.id))?;
    for (i, p) in d.project_types.iter().enumerate() {
        let at = at.index(i);
        check_text(&at.key("name"), &p.name)?;
        check_text(&at.key("reason"), &p.reason)?;
        if !p.name.starts_with(&*p.short_name) {
            refuse(
                &at.key("short_name"),
                "must be how `name` begins, so the chip's words are in its accessible name",
            )?;
        }
        sources.check(
            &at,
            &p.source,
            &[
                ("section", &p.section),
                ("reason_section", &p.reason_section),
            ],
        )?;
        if p.verdict != EITHER {
            check_known(
                &at.key("verdict"),
                &p.verdict,
                options,
                "option (or \"either\")",
            )?;
        } else if p.firm {
            refuse(
                &at.key("firm"),
                "needs a verdict that names an option, not \"either\"",
            )?;
        }
        let preset = at.key("preset");
        for (key, &weight) in p.preset.iter() {
            let at = preset.key(key);
            check_known(&at, key, criteria, "criterion")?;
            check_range(&at, weight, 0.0, MAX_WEIGHT)?;
        }
    }
    Ok(projects)
}

fn check_comparison(d: &Dataset, sources: &Sources, options: &[&str]) -> Result<(), DatasetError> {
    let at = Path::Root.key("comparison");
    for (i, row) in d.comparison.iter().enumerate() {
        let at = at.index(i);
        check_text(&at.key("aspect"), &row.aspect)?;
        sources.check(&at, &row.source, &[("section", &row.section)])?;
        check_text_per_option(&at.key("values"), &row.values, options)?;
    }
    Ok(())
}

fn check_roles(
    d: &Dataset,
    sources: &Sources,
    options: &[&str],
    criteria: &[&str],
    projects: &[&str],
) -> Result<(), DatasetError> {
    let at = Path::Root.key("roles");
    check_unique(&at, d.roles.iter().map(|r| &*r.id))?;
    for (i, r) in d.roles.iter().enumerate() {
        let at = at.index(i);
        check_known(&at.key("option"), &r.option, options, "option")?;
        check_text(&at.key("title"), &r.title)?;
        sources.check(
            &at,
            &r.source,
            &[
                ("questions_section", &r.questions_section),
                ("red_flags_section", &r.red_flags_section),
                ("market_section", &r.market_section),
            ],
        )?;
        if let Some(note) = &r.note {
            check_text(&at.key("note"), note)?;
        }
        let project_types = at.key("project_types");
        for (j, id) in r.project_types.iter().enumerate() {
            check_known(&project_types.index(j), id, projects, "project type")?;
        }
        let at_criteria = at.key("criteria");
        for (j, criterion) in r.criteria.iter().enumerate() {
            check_known(&at_criteria.index(j), criterion, criteria, "criterion")?;
        }
        let questions = at.key("questions");
        for (j, q) in r.questions.iter().enumerate() {
            check_text(&questions.index(j), q)?;
        }
        let red_flags = at.key("red_flags");
        for (j, flag) in r.red_flags.iter().enumerate() {
            let at = red_flags.index(j);
            check_text(&at.key("flag"), &flag.flag)?;
            check_text(&at.key("why"), &flag.why)?;
        }
        let market = at.key("market");
        for (j, note) in r.market.iter().enumerate() {
            check_text(&market.index(j), note)?;
        }
    }
    Ok(())
}

fn check_both(
    d: &Dataset,
    sources: &Sources,
    options: &[&str],
    projects: &[&str],
) -> Result<(), DatasetError> {
    let Some(both) = &d.both else {
        return Ok(());
    };
    let at = Path::Root.key("both");
    check_text(&at.key("summary"), &both.summary)?;
    check_text(&at.key("advice"), &both.advice)?;
    sources.check(&at, &both.source, &[("section", &both.section)])?;
    if let Some(option) = &both.easier_to_find {
        check_known(&at.key("easier_to_find"), option, options, "option")?;
    }
    let signals = at.key("signals");
    for (i, signal) in both.signals.iter().enumerate() {
        let at = signals.index(i);
        check_text(&at.key("text"), &signal.text)?;
        sources.check(&at, &signal.source, &[("section", &signal.section)])?;
        let groups = at.key("groups");
        let mut named: Vec<&str> = Vec::new();
        for (j, group) in signal.groups.iter().enumerate() {
            let at = groups.index(j);
            let option = at.key("option");
            check_known(&option, &group.option, options, "option")?;
            if named.contains(&&*group.option) {
                refuse(&option, format!("\"{}\" has a group already", group.option))?;
            }
            named.push(&group.option);
            let project_types = at.key("project_types");
            if group.project_types.is_empty() {
                refuse(&project_types, "is empty")?;
            }
            for (k, id) in group.project_types.iter().enumerate() {
                check_known(&project_types.index(k), id, projects, "project type")?;
            }
        }
        if named.len() < 2 {
            refuse(&groups, "needs groups for at least two options")?;
        }
    }
    Ok(())
}

fn check_team_advice(d: &Dataset, sources: &Sources) -> Result<(), DatasetError> {
    if let Some(advice) = &d.team_advice {
        let at = Path::Root.key("team_advice");
        check_text(&at.key("neither"), &advice.neither)?;
        sources.check(&at, &advice.source, &[("section", &advice.section)])?;
    }
    Ok(())
}

fn check_faq(d: &Dataset, sources: &Sources) -> Result<(), DatasetError> {
    let at = Path::Root.key("faq");
    for (i, f) in d.faq.iter().enumerate() {
        let at = at.index(i);
        check_text(&at.key("question"), &f.question)?;
        check_text(&at.key("answer"), &f.answer)?;
        sources.check(&at, &f.source, &[("section", &f.section)])?;
    }
    Ok(())
}
