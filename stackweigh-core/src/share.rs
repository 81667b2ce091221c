//! Text to take elsewhere: a Markdown summary for a hiring doc, the embed snippet with a
//! static fallback table for readers without JavaScript, and the detail of the events
//! the host page hears.

use crate::choices::Choices;
use crate::dataset::{Dataset, PayRange};
use crate::encoding::write_settings;
use crate::explain::{self, number};
use crate::outcome::Outcome;

/// The result, its reasons and the hiring kit as Markdown.
pub fn markdown_summary(dataset: &Dataset, choices: &Choices, outcome: &Outcome) -> String {
    let mut md = format!("## {}\n\n", dataset.title);
    md += &format!(
        "**{}** {}\n\n",
        explain::ended(&explain::headline(dataset, &outcome.verdict)),
        explain::sentence(dataset, outcome)
    );
    if let Some(first) = explain::first_hire(dataset, outcome, choices.team) {
        md += &format!("{first}\n\n");
    }
    if !outcome.source_verdicts.is_empty() {
        md += "### What the sources say\n\n";
        for verdict in &outcome.source_verdicts {
            md += &format!("- {}", explain::source_verdict(dataset, verdict));
            if let Some(reason) = dataset
                .project_types
                .get(verdict.project)
                .map(|p| &p.reason)
            {
                md += &format!(" {reason}");
            }
            md += "\n";
            if let Some(line) = explain::contradiction(dataset, verdict) {
                md += &format!("- {line}\n");
            }
        }
        md += "\n";
    }
    md += "| Option | Score (out of 10) |\n| --- | --- |\n";
    for &o in &outcome.ranking {
        md += &format!(
            "| {} | {} |\n",
            dataset.options[o].name,
            explain::score(outcome.scores.mean[o])
        );
    }
    let reasons = explain::reasons(dataset, outcome, 5);
    if !reasons.is_empty() {
        md += "\n### Why\n\n";
        for line in reasons {
            md += &format!("- {line}\n");
        }
    }
    md += "\n### What you weighed\n\n";
    for (c, criterion) in dataset.criteria.iter().enumerate() {
        let w = choices.weights.get(c).copied().unwrap_or(0.0);
        md += &format!(
            "- {}: {} ({})\n",
            criterion.name,
            number(w),
            explain::weight_label(w)
        );
    }
    if !choices.needs.is_empty() {
        let needs: Vec<&str> = choices
            .needs
            .iter()
            .filter_map(|&p| dataset.project_types.get(p))
            .map(|p| &*p.name)
            .collect();
        md += &format!("\nBuilding: {}.\n", needs.join(", "));
    }
    if let (crate::verdict::Verdict::Both(_), Some(both)) = (&outcome.verdict, &dataset.both) {
        md += &format!("\n### Hiring both\n\n{}", both.advice);
        if !both.architecture.is_empty() {
            md += &format!(" {}", both.architecture);
        }
        md += "\n";
    }
    for &r in &outcome.roles {
        let role = &dataset.roles[r];
        md += &format!("\n### Hiring kit: {}\n\n", role.title);
        if let Some(option) = dataset
            .option_index(&role.option)
            .map(|o| &dataset.options[o])
        {
            for pay in [&option.salary, &option.contract_rate]
                .into_iter()
                .flatten()
            {
                md += &format!("- Pay: {}\n", pay_line(dataset, pay));
            }
        }
        if !role.questions.is_empty() {
            md += "\n**Interview questions**\n\n";
            for (i, q) in role.questions.iter().enumerate() {
                md += &format!("{}. {q}\n", i + 1);
            }
        }
        if !role.red_flags.is_empty() {
            md += "\n**Red flags**\n\n";
            for flag in role.red_flags.iter() {
                md += &format!("- {}: {}\n", flag.flag, flag.why);
            }
        }
        if !role.market.is_empty() {
            md += "\n**The candidate market**\n\n";
            for note in role.market.iter() {
                md += &format!("- {note}\n");
            }
        }
    }
    if !dataset.sources.is_empty() {
        let sources: Vec<String> = dataset
            .sources
            .iter()
            .map(|s| format!("{} ({})", s.title, s.publisher))
            .collect();
        md += &format!(
            "\n_Facts from {}. Made with stackweigh._\n",
            sources.join(" and ")
        );
    }
    md
}

/// A pay range with its note and where it comes from: "$130,000–$190,000 a year.
/// Typical annual compensation (OfflinePixel)".
pub fn pay_line(dataset: &Dataset, pay: &PayRange) -> String {
    let mut line = pay_range(pay);
    if let Some(note) = &pay.note {
        line += ". ";
        line += note.trim_end_matches('.');
    }
    if pay.source.is_some() {
        line += &format!(
            " ({})",
            explain::source_name(dataset, pay.source.as_deref())
        );
    }
    line
}

/// "$130,000–$190,000 a year" or "$20–$55 an hour in India".
pub fn pay_range(pay: &PayRange) -> String {
    let symbol = if pay.currency == "USD" { "$" } else { "" };
    let suffix = if symbol.is_empty() {
        format!(" {}", pay.currency)
    } else {
        String::new()
    };
    let per = match &*pay.per {
        "year" => "a year".to_string(),
        "hour" => "an hour".to_string(),
        other => format!("per {other}"),
    };
    let region = pay
        .region
        .as_ref()
        .map(|r| format!(" in {r}"))
        .unwrap_or_default();
    format!(
        "{symbol}{}–{symbol}{}{suffix} {per}{region}",
        thousands(pay.low),
        thousands(pay.high)
    )
}

fn thousands(value: f64) -> String {
    let digits = (value.round().max(0.0) as u64).to_string();
    let mut out = String::new();
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(ch);
    }
    out
}

/// Escapes text for HTML element content and double-quoted attributes.
pub fn escape_html(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for ch in text.chars() {
        match ch {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(ch),
        }
    }
    out
}

/// The snippet that embeds the widget with these choices. Its children are a static
/// table of the result: what readers without JavaScript, RSS readers and crawlers see.
pub fn embed_snippet(
    dataset: &Dataset,
    choices: &Choices,
    outcome: &Outcome,
    script_src: &str,
) -> String {
    let settings = write_settings(dataset, choices);
    let mut attributes = String::new();
    for (name, value) in [
        ("preset", &settings.preset),
        ("weights", &settings.weights),
        ("team", &settings.team),
    ] {
        if let Some(value) = value {
            attributes += &format!(" {name}=\"{}\"", escape_html(value));
        }
    }
    let mut rows = String::new();
    for &o in &outcome.ranking {
        rows += &format!(
            "      <tr><td>{}</td><td>{}</td></tr>\n",
            escape_html(&dataset.options[o].name),
            explain::score(outcome.scores.mean[o])
        );
    }
    format!(
        "<script src=\"{src}\" defer></script>\n<stack-weigh{attributes}>\n  <table>\n    <caption>{caption}: {headline}</caption>\n    <thead><tr><th>Option</th><th>Score (out of 10)</th></tr></thead>\n    <tbody>\n{rows}    </tbody>\n  </table>\n</stack-weigh>\n",
        src = escape_html(script_src),
        caption = escape_html(&dataset.title),
        headline = escape_html(&explain::headline(dataset, &outcome.verdict)),
    )
}

/// The `detail` of the host page's events, as JSON:
/// `{"recommendation":id,"strength":level,"scores":{id:score},"weights":{id:weight}}`.
/// Scores are out of 10, rounded to tenths, as the widget shows them; weights are whole
/// steps.
///
/// One text for the embed to parse in a single call: built key by key in the page, the
/// same object cost a call into JavaScript per key and value, about 150 per slider step
/// with forty criteria.
pub fn event_detail(dataset: &Dataset, choices: &Choices, outcome: &Outcome) -> String {
    let mut json = String::from("{\"recommendation\":");
    push_json_string(&mut json, outcome.verdict.id(dataset));
    json.push_str(",\"strength\":");
    push_json_string(&mut json, outcome.verdict.strength());
    json.push_str(",\"scores\":");
    push_json_object(
        &mut json,
        dataset.options.iter().map(|o| &*o.id),
        &outcome.scores.mean,
    );
    json.push_str(",\"weights\":");
    push_json_object(
        &mut json,
        dataset.criteria.iter().map(|c| &*c.id),
        &choices.weights,
    );
    json.push('}');
    json
}

fn push_json_object<'a>(json: &mut String, keys: impl Iterator<Item = &'a str>, values: &[f64]) {
    json.push('{');
    for (i, (key, &value)) in keys.zip(values).enumerate() {
        if i > 0 {
            json.push(',');
        }
        push_json_string(json, key);
        json.push(':');
        // `number` writes tenths with no exponent and never NaN: valid JSON.
        json.push_str(&number(value));
    }
    json.push('}');
}

/// `text` as a JSON string. Ids are checked to be plain ASCII, but the writer does not
/// count on it.
fn push_json_string(json: &mut String, text: &str) {
    json.push('"');
    for ch in text.chars() {
        match ch {
            '"' => json.push_str("\\\""),
            '\\' => json.push_str("\\\\"),
            c if u32::from(c) < 0x20 => {
                json.push_str("\\u00");
                json.push(char::from(
                    b"0123456789abcdef"[(u32::from(c) >> 4) as usize],
                ));
                json.push(char::from(
                    b"0123456789abcdef"[(u32::from(c) & 15) as usize],
                ));
            }
            c => json.push(c),
        }
    }
    json.push('"');
}
