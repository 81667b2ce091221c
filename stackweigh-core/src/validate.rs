//! Every rule a dataset must meet, each failure naming the field at fault.

use crate::dataset::{
    Dataset, DatasetError, Text, EITHER, MAX_CRITERIA, MAX_OPTIONS, MAX_SCORE, MAX_WEIGHT,
    MIN_OPTIONS, MIN_SCORE,
};
use crate::numbers::number;

/// Ids appear in attributes and links (`performance:8,data-science:2`), so they are kept
/// to characters that need no escaping there.
fn check_id(field: &str, id: &str) -> Result<(), DatasetError> {
    if id.is_empty() {
        return Err(DatasetError::new(field, "is empty"));
    }
    if id.len() > 40 {
        return Err(DatasetError::new(field, "is longer than 40 characters"));
    }
    if !id
        .bytes()
        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'_')
    {
        return Err(DatasetError::new(
            field,
            format!("\"{id}\" may hold only lowercase letters, digits, - and _"),
        ));
    }
    Ok(())
}

fn check_text(field: &str, text: &str) -> Result<(), DatasetError> {
    if text.trim().is_empty() {
        Err(DatasetError::new(field, "is empty"))
    } else {
        Ok(())
    }
}

fn check_unique<'a>(
    field: &str,
    ids: impl Iterator<Item = &'a str>,
) -> Result<Vec<&'a str>, DatasetError> {
    // A list, not a set: at most 40 ids, and a set type would cost the wasm kilobytes.
    let mut seen = Vec::new();
    for (i, id) in ids.enumerate() {
        check_id(&format!("{field}[{i}].id"), id)?;
        if seen.contains(&id) {
            return Err(DatasetError::new(
                format!("{field}[{i}].id"),
                format!("\"{id}\" is used twice"),
            ));
        }
        seen.push(id);
    }
    Ok(seen)
}

fn check_range(field: &str, value: f64, low: f64, high: f64) -> Result<(), DatasetError> {
    if value.is_finite() && (low..=high).contains(&value) {
        Ok(())
    } else {
        // `number` writes tenths: quote the value only when that is exact (10.01 is not "10").
        let range = format!("{}–{}", number(low), number(high));
        let exact = value.abs() < 1e12 && (value * 10.0).round() == value * 10.0;
        Err(DatasetError::new(
            field,
            if exact {
                format!("{} is outside {range}", number(value))
            } else {
                format!("is outside {range}")
            },
        ))
    }
}

fn check_known(field: &str, id: &str, known: &[&str], what: &str) -> Result<(), DatasetError> {
    if known.contains(&id) {
        Ok(())
    } else {
        Err(DatasetError::new(
            field,
            format!("\"{id}\" is not a known {what}"),
        ))
    }
}

fn check_url(field: &str, url: &str) -> Result<(), DatasetError> {
    let lower = url.trim().to_ascii_lowercase();
    if lower.starts_with("https://") || lower.starts_with("http://") {
        Ok(())
    } else {
        Err(DatasetError::new(
            field,
            "only http:// and https:// links are allowed",
        ))
    }
}

/// Words that mean something in the `preset`, `team` and verdict vocabularies.
const RESERVED_IDS: [&str; 3] = ["either", "both", "neither"];

pub(crate) fn check(d: &Dataset) -> Result<(), DatasetError> {
    check_text("title", &d.title)?;

    let n = d.options.len();
    if !(MIN_OPTIONS..=MAX_OPTIONS).contains(&n) {
        return Err(DatasetError::new(
            "options",
            format!("has {n} options; a comparison needs {MIN_OPTIONS} to {MAX_OPTIONS}"),
        ));
    }
    if d.criteria.is_empty() || d.criteria.len() > MAX_CRITERIA {
        return Err(DatasetError::new(
            "criteria",
            format!(
                "has {} criteria; allowed are 1 to {MAX_CRITERIA}",
                d.criteria.len()
            ),
        ));
    }

    // Sources first: everything else may refer to them by id.
    let mut sources: Vec<&str> = Vec::new();
    for (i, s) in d.sources.iter().enumerate() {
        check_text(&format!("sources[{i}].title"), &s.title)?;
        check_text(&format!("sources[{i}].publisher"), &s.publisher)?;
        if let Some(url) = &s.url {
            check_url(&format!("sources[{i}].url"), url)?;
        }
        if let Some(id) = &s.id {
            let field = format!("sources[{i}].id");
            check_id(&field, id)?;
            if sources.contains(&&**id) {
                return Err(DatasetError::new(field, format!("\"{id}\" is used twice")));
            }
            sources.push(id);
        }
    }
    let check_source = |field: String, source: &Option<Text>| match source {
        Some(id) => check_known(&field, id, &sources, "source id"),
        None => Ok(()),
    };

    let options = check_unique("options", d.options.iter().map(|o| &*o.id))?;
    let mut teams = Vec::new();
    for (i, o) in d.options.iter().enumerate() {
        if RESERVED_IDS.contains(&&*o.id) {
            return Err(DatasetError::new(
                format!("options[{i}].id"),
                format!("\"{}\" is a reserved word", o.id),
            ));
        }
        check_text(&format!("options[{i}].name"), &o.name)?;
        if let Some(team) = &o.team {
            let field = format!("options[{i}].team");
            check_id(&field, team)?;
            if team == "neither" || teams.contains(&&**team) {
                return Err(DatasetError::new(
                    field,
                    format!("\"{team}\" is reserved or used twice"),
                ));
            }
            teams.push(&**team);
        }
        for (name, pay) in [("salary", &o.salary), ("contract_rate", &o.contract_rate)] {
            if let Some(pay) = pay {
                let field = format!("options[{i}].{name}");
                if !(pay.low.is_finite()
                    && pay.high.is_finite()
                    && 0.0 <= pay.low
                    && pay.low <= pay.high)
                {
                    return Err(DatasetError::new(field, "needs 0 ≤ low ≤ high"));
                }
                check_source(format!("options[{i}].{name}.source"), &pay.source)?;
            }
        }
    }

    let criteria = check_unique("criteria", d.criteria.iter().map(|c| &*c.id))?;
    for (i, c) in d.criteria.iter().enumerate() {
        check_text(&format!("criteria[{i}].name"), &c.name)?;
        check_text(&format!("criteria[{i}].description"), &c.description)?;
        check_range(
            &format!("criteria[{i}].default_weight"),
            c.default_weight,
            0.0,
            MAX_WEIGHT,
        )?;
        check_source(format!("criteria[{i}].source"), &c.source)?;
        for o in d.options.iter() {
            match c.scores.get(&o.id) {
                Some(&score) => check_range(
                    &format!("criteria[{i}].scores.{}", o.id),
                    score,
                    MIN_SCORE,
                    MAX_SCORE,
                )?,
                None => {
                    return Err(DatasetError::new(
                        format!("criteria[{i}].scores.{}", o.id),
                        "is missing",
                    ))
                }
            }
        }
        for key in c.scores.keys() {
            check_known(
                &format!("criteria[{i}].scores.{key}"),
                key,
                &options,
                "option",
            )?;
        }
        for (key, note) in c.notes.iter() {
            check_known(
                &format!("criteria[{i}].notes.{key}"),
                key,
                &options,
                "option",
            )?;
            check_text(&format!("criteria[{i}].notes.{key}"), note)?;
        }
    }

    let projects = check_unique("project_types", d.project_types.iter().map(|p| &*p.id))?;
    for (i, p) in d.project_types.iter().enumerate() {
        check_text(&format!("project_types[{i}].name"), &p.name)?;
        check_text(&format!("project_types[{i}].reason"), &p.reason)?;
        check_source(format!("project_types[{i}].source"), &p.source)?;
        if p.verdict != EITHER {
            check_known(
                &format!("project_types[{i}].verdict"),
                &p.verdict,
                &options,
                "option (or \"either\")",
            )?;
        } else if p.firm {
            return Err(DatasetError::new(
                format!("project_types[{i}].firm"),
                "needs a verdict that names an option, not \"either\"",
            ));
        }
        for (key, &weight) in p.preset.iter() {
            let field = format!("project_types[{i}].preset.{key}");
            check_known(&field, key, &criteria, "criterion")?;
            check_range(&field, weight, 0.0, MAX_WEIGHT)?;
        }
    }

    for (i, row) in d.comparison.iter().enumerate() {
        check_text(&format!("comparison[{i}].aspect"), &row.aspect)?;
        check_source(format!("comparison[{i}].source"), &row.source)?;
        for (key, text) in row.values.iter() {
            check_known(
                &format!("comparison[{i}].values.{key}"),
                key,
                &options,
                "option",
            )?;
            check_text(&format!("comparison[{i}].values.{key}"), text)?;
        }
    }

    check_unique("roles", d.roles.iter().map(|r| &*r.id))?;
    for (i, r) in d.roles.iter().enumerate() {
        check_known(&format!("roles[{i}].option"), &r.option, &options, "option")?;
        check_text(&format!("roles[{i}].title"), &r.title)?;
        check_source(format!("roles[{i}].source"), &r.source)?;
        for (j, need) in r.needs.iter().enumerate() {
            check_known(
                &format!("roles[{i}].needs[{j}]"),
                need,
                &projects,
                "project type",
            )?;
        }
        for (j, criterion) in r.criteria.iter().enumerate() {
            check_known(
                &format!("roles[{i}].criteria[{j}]"),
                criterion,
                &criteria,
                "criterion",
            )?;
        }
        for (j, q) in r.questions.iter().enumerate() {
            check_text(&format!("roles[{i}].questions[{j}]"), q)?;
        }
        for (j, flag) in r.red_flags.iter().enumerate() {
            check_text(&format!("roles[{i}].red_flags[{j}].flag"), &flag.flag)?;
            check_text(&format!("roles[{i}].red_flags[{j}].why"), &flag.why)?;
        }
        for (j, note) in r.market.iter().enumerate() {
            check_text(&format!("roles[{i}].market[{j}]"), note)?;
        }
    }

    if let Some(both) = &d.both {
        check_text("both.summary", &both.summary)?;
        check_text("both.advice", &both.advice)?;
        check_source("both.source".into(), &both.source)?;
        if let Some(option) = &both.easier_to_find {
            check_known("both.easier_to_find", option, &options, "option")?;
        }
        for (i, signal) in both.signals.iter().enumerate() {
            check_text(&format!("both.signals[{i}].text"), &signal.text)?;
            let mut named: Vec<&str> = Vec::new();
            for (j, group) in signal.groups.iter().enumerate() {
                let field = format!("both.signals[{i}].groups[{j}]");
                check_known(
                    &format!("{field}.option"),
                    &group.option,
                    &options,
                    "option",
                )?;
                if named.contains(&&*group.option) {
                    return Err(DatasetError::new(
                        format!("{field}.option"),
                        format!("\"{}\" has a group already", group.option),
                    ));
                }
                named.push(&group.option);
                if group.needs.is_empty() {
                    return Err(DatasetError::new(format!("{field}.needs"), "is empty"));
                }
                for (k, need) in group.needs.iter().enumerate() {
                    check_known(
                        &format!("{field}.needs[{k}]"),
                        need,
                        &projects,
                        "project type",
                    )?;
                }
            }
            if named.len() < 2 {
                return Err(DatasetError::new(
                    format!("both.signals[{i}].groups"),
                    "needs groups for at least two options",
                ));
            }
        }
    }

    if let Some(advice) = &d.team_advice {
        check_text("team_advice.neither", &advice.neither)?;
        check_source("team_advice.source".into(), &advice.source)?;
    }

    for (i, f) in d.faq.iter().enumerate() {
        check_text(&format!("faq[{i}].question"), &f.question)?;
        check_text(&format!("faq[{i}].answer"), &f.answer)?;
        check_source(format!("faq[{i}].source"), &f.source)?;
    }
    Ok(())
}
