//! Text to take elsewhere: a Markdown summary for a hiring doc (rendered from [`view`]'s
//! models, as the components render them), the embed snippets (the script with a static
//! fallback table for readers without JavaScript, the iframe of `embed.html`, and the plain
//! link), and the detail of the events the host page hears.

use crate::choices::Choices;
use crate::dataset::Dataset;
use crate::encoding::{write_settings, Theme};
use crate::explain;
use crate::numbers::number;
use crate::outcome::Outcome;
use crate::verdict::Verdict;
use crate::view;
use crate::whose::{Said, Whose};

/// The answer, what it rests on, what was weighed and the hiring kits, as Markdown: the
/// same [`view`] models the widget shows, each sentence followed by whose it is.
pub fn markdown_summary(dataset: &Dataset, choices: &Choices, outcome: &Outcome) -> String {
    let answer = view::answer(dataset, outcome, choices.team);
    let mut md = format!("## {}\n\n", dataset.title);
    md += &format!(
        "**{}** {}\n\n{}\n\n",
        explain::ended(&answer.headline.text),
        whose(&answer.headline.whose),
        said(&answer.sentence)
    );
    md += &format!("{}\n\n", said(&answer.firmness.line));
    for line in &answer.both {
        md += &format!("- {}\n", said(line));
    }
    if !answer.both.is_empty() {
        md += "\n";
    }
    if !answer.sources.is_empty() {
        md += &format!("### {}\n\n", answer.sources_heading);
        for source in &answer.sources {
            md += &format!("- {} {}", said(&source.says), said(&source.reason));
            if let Some(rationale) = &source.rationale {
                md += &format!(" {}", said(rationale));
            }
            md += "\n";
            if let Some(line) = &source.contradiction {
                md += &format!("- {}\n", said(line));
            }
        }
        if let Some(together) = &answer.together {
            md += &format!("- {}\n", said(together));
        }
        md += "\n";
    }
    md += "| Option | Score (out of 10) |\n| --- | --- |\n";
    for line in &answer.scores {
        md += &format!("| {} | {} |\n", line.name, line.score);
    }
    if let Some(reasons) = &answer.reasons {
        md += &format!("\n### {} {}\n\n", reasons.heading, whose(&reasons.whose));
        for line in &reasons.items {
            md += &format!("- {line}\n");
        }
        if let Some(team) = &answer.team {
            md += &format!("- {}\n", said(team));
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
    if !choices.project_types.is_empty() {
        let building: Vec<&str> = choices
            .project_types
            .iter()
            .filter_map(|&p| dataset.project_types.get(p))
            .map(|p| &*p.name)
            .collect();
        md += &format!("\nBuilding: {}.\n", building.join(", "));
    }
    let kits = view::kits(
        dataset,
        &outcome.roles,
        matches!(outcome.verdict, Verdict::Both(_)),
    );
    if let Some(both) = &kits.both {
        md += &format!("\n### {}\n\n", both.summary);
        for line in &both.lines {
            md += &format!("- {}\n", said(line));
        }
    }
    for kit in &kits.kits {
        md += &format!("\n### {}\n", kit.title);
        if let Some(note) = &kit.note {
            md += &format!("\n{}\n", said(note));
        }
        for section in &kit.sections {
            let listed = &section.listed;
            md += &format!("\n**{}** {}\n\n", listed.heading, whose(&listed.whose));
            for (i, item) in listed.items.iter().enumerate() {
                let bullet = if section.numbered {
                    format!("{}.", i + 1)
                } else {
                    "-".into()
                };
                match item.why {
                    Some(why) => md += &format!("{bullet} {}: {why}\n", item.text),
                    None => md += &format!("{bullet} {}\n", item.text),
                }
            }
        }
    }
    let credits = view::credits(dataset);
    if !credits.sources.is_empty() {
        let sources: Vec<String> = credits
            .sources
            .iter()
            .map(|s| format!("{}{}", s.title, s.by))
            .collect();
        md += &format!("\n_Facts from {}. {}_\n", sources.join("; "), credits.marks);
    }
    md += &format!(
        "\n_{}: {} {}_\n",
        answer.firmness.help_label,
        answer.firmness.help.text,
        whose(&answer.firmness.help.whose)
    );
    md += "\n_Made with stackweigh._\n";
    md
}

/// A sentence and whose it is, as Markdown.
fn said(said: &Said) -> String {
    format!("{} {}", said.text, whose(&said.whose))
}

/// Whose a text is, as Markdown: "_(CompanyBench Editorial, “When You Actually Need
/// Both”)_".
fn whose(whose: &Whose) -> String {
    format!("_({})_", whose.attribution())
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

/// What the pasted snippets put first inside `<stack-weigh>`: a declarative shadow root
/// that reserves the widget's room from the post's first paint, with the children (the
/// fallback) shown in its slot. The script is deferred, so it runs after that paint: without
/// the room, the post's text below would jump by the widget's height when it appears. The
/// widget is taller than a screen, so a screen's height (at most its shortest height,
/// in a wide column) puts the text below out of view until the widget is there; the
/// element then takes this root over (`attachShadow` empties it). A host whose CSP
/// forbids inline styles loses the room, not the widget. docs/performance.md, "The pasted
/// snippet holds its place", has the measurements.
pub const SNIPPET_ROOM: &str = "<template shadowrootmode=\"open\"><style>:host{display:block;min-height:min(100vh,1300px)}</style><slot></slot></template>";

/// The snippet that embeds the widget with these choices. Its children are a static
/// table of the result: what readers without JavaScript, RSS readers and crawlers see,
/// after the room the widget takes ([`SNIPPET_ROOM`]).
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
        "<script src=\"{src}\" defer></script>\n<stack-weigh{attributes}>\n  {SNIPPET_ROOM}\n  <table>\n    <caption>{caption}: {headline}</caption>\n    <thead><tr><th>Option</th><th>Score (out of 10)</th></tr></thead>\n    <tbody>\n{rows}    </tbody>\n  </table>\n</stack-weigh>\n",
        src = escape_html(script_src),
        caption = escape_html(&dataset.title),
        headline = escape_html(&explain::headline(dataset, &outcome.verdict)),
    )
}

/// The height the iframe snippet starts at, in CSS pixels: at a blog's column width, the
/// title, the recommendation and the first controls. The height listener (or a host's
/// own, such as WordPress's, which allows at most 1000) then fits the frame to the whole
/// widget; without one the frame scrolls.
pub const IFRAME_HEIGHT: u32 = 1000;

/// The address of `embed_page` (where `embed.html` is) showing these choices, in
/// `theme` unless that is the default: the plain link for platforms that take only links,
/// and the iframe snippet's `src`.
pub fn embed_link(dataset: &Dataset, choices: &Choices, embed_page: &str, theme: Theme) -> String {
    let fragment = crate::encoding::write_fragment(dataset, choices);
    let mut link = format!("{embed_page}#{fragment}");
    if theme != Theme::Auto {
        link += &format!("&theme={}", theme.as_str());
    }
    link
}

/// The iframe that shows these choices, for pages that take HTML but no scripts: lazy,
/// titled for screen readers, the column's full width and [`IFRAME_HEIGHT`] tall, with
/// the clipboard allowed for its copy buttons. With `resize`, a few lines of script
/// follow it that set the frame's height from the message `embed.html` posts after every
/// change of its own, so the frame always fits.
pub fn iframe_snippet(
    dataset: &Dataset,
    choices: &Choices,
    embed_page: &str,
    theme: Theme,
    resize: bool,
) -> String {
    let mut html = format!(
        "<iframe src=\"{src}\" title=\"{title}\" loading=\"lazy\" width=\"100%\" height=\"{IFRAME_HEIGHT}\" style=\"border: 0\" allow=\"clipboard-write\"></iframe>\n",
        src = escape_html(&embed_link(dataset, choices, embed_page, theme)),
        title = escape_html(&dataset.title),
    );
    if resize {
        html += concat!(
            "<script>\n",
            "  // Fits the frame to the widget: embed.html posts its height after every change.\n",
            "  addEventListener(\"message\", function (e) {\n",
            "    var height = e.data && e.data[\"stackweigh:height\"];\n",
            "    if (typeof height !== \"number\") return;\n",
            "    document.querySelectorAll(\"iframe\").forEach(function (frame) {\n",
            "      if (frame.contentWindow === e.source) frame.height = Math.ceil(height);\n",
            "    });\n",
            "  });\n",
            "</script>\n",
        );
    }
    html
}

/// The `detail` of the host page's events, as JSON:
/// `{"recommendation":id,"strength":level,"scores":{id:score},"agreement":share,"weights":{id:weight}}`.
/// Scores are out of 10, rounded to tenths, as the widget shows them; `agreement` is the
/// share of nearby weightings (0–1, two decimals) that give the same recommendation
/// ([`crate::firmness`]); weights are whole steps.
///
/// One text for the embed to parse in a single call: built key by key in the page, the
/// same object would cost a call into JavaScript per key and value, on every slider step
/// (docs/performance.md, "What a step costs").
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
    json.push_str(",\"agreement\":");
    json.push_str(&crate::numbers::share(outcome.firmness.agreement));
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
