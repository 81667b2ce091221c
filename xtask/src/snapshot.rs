//! The widget's prerendered first view: `stackweigh-snapshot` (src/bin/snapshot.rs) renders
//! the default view to HTML natively with Yew's server renderer, and this module turns that
//! HTML into the compact node list `src/embed/element.js` builds with `createElement` and
//! `setAttribute` (no HTML parsing in the browser, so nothing there is a Trusted Types
//! sink): a text is a string, an element `[tag, [name, value, …], …children]`.
//!
//! The parser reads Yew's own output only (double-quoted attributes, void elements without
//! closing tags, text escaped with `&amp;`, `&lt;`, `&gt;`, `&quot;` and numeric
//! references) and refuses anything else, so a change in Yew's output stops the build
//! rather than shipping a damaged view.

use anyhow::{bail, Context, Result};
use serde_json::Value;

use crate::util::{self, run};

/// What the one-file script carries for the first view.
pub struct Snapshot {
    /// The widget's compacted stylesheet.
    pub css: String,
    /// The default view as a JSON node list.
    pub view: String,
    /// How many elements it builds.
    pub elements: usize,
}

/// Builds and runs `stackweigh-snapshot` (native, debug: it renders once) and reads what
/// it wrote.
pub fn render() -> Result<Snapshot> {
    let dir = util::target_dir().join("snapshot");
    std::fs::create_dir_all(&dir).with_context(|| format!("creating {}", dir.display()))?;
    run(util::cargo()
        .args([
            "run",
            "--quiet",
            "-p",
            "stackweigh",
            "--features",
            "ssr",
            "--bin",
            "stackweigh-snapshot",
            "--",
        ])
        .arg(&dir))
    .context("rendering the prerendered first view")?;
    let html = util::read_text(&dir.join("snapshot.html"))?;
    let css = util::read_text(&dir.join("widget.css"))?;
    let nodes = parse(&html).context("reading the server renderer's HTML")?;
    let elements = count_elements(&nodes);
    let view = serde_json::to_string(&Value::Array(nodes)).context("writing the view")?;
    Ok(Snapshot {
        css,
        view,
        elements,
    })
}

/// Elements that have no end tag.
const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track",
    "wbr",
];

/// Yew's server-rendered HTML as a node list.
pub fn parse(html: &str) -> Result<Vec<Value>> {
    // Each open element: its tag, attributes and children so far.
    let mut stack: Vec<(String, Vec<Value>, Vec<Value>)> = vec![(String::new(), vec![], vec![])];
    let mut rest = html;
    while !rest.is_empty() {
        if let Some(after) = rest.strip_prefix("<!--") {
            let end = after.find("-->").context("a comment is never closed")?;
            rest = &after[end + 3..];
        } else if let Some(after) = rest.strip_prefix("</") {
            let end = after.find('>').context("an end tag is never closed")?;
            let tag = &after[..end];
            rest = &after[end + 1..];
            let (open, attributes, children) = stack.pop().context("an end tag with no start")?;
            if open != tag || stack.is_empty() {
                bail!("</{tag}> closes <{open}>");
            }
            push_element(&mut stack, open, attributes, children);
        } else if let Some(after) = rest.strip_prefix('<') {
            let (tag, attributes, after) = start_tag(after)?;
            rest = after;
            if VOID.contains(&tag.as_str()) {
                push_element(&mut stack, tag, attributes, vec![]);
            } else {
                stack.push((tag, attributes, vec![]));
            }
        } else {
            let end = rest.find('<').unwrap_or(rest.len());
            let text = unescape(&rest[..end])?;
            rest = &rest[end..];
            let children = &mut stack.last_mut().context("text outside the view")?.2;
            // Adjacent texts are one text node in the page, as in parsed HTML.
            match children.last_mut() {
                Some(Value::String(last)) => last.push_str(&text),
                _ if text.is_empty() => {}
                _ => children.push(Value::String(text)),
            }
        }
    }
    match stack.pop() {
        Some((tag, _, children)) if tag.is_empty() && stack.is_empty() => Ok(children),
        Some((tag, _, _)) => bail!("<{tag}> is never closed"),
        None => bail!("the view is empty"),
    }
}

fn push_element(
    stack: &mut [(String, Vec<Value>, Vec<Value>)],
    tag: String,
    attributes: Vec<Value>,
    children: Vec<Value>,
) {
    let mut node = vec![Value::String(tag), Value::Array(attributes)];
    node.extend(children);
    if let Some(parent) = stack.last_mut() {
        parent.2.push(Value::Array(node));
    }
}

/// `tag name="value" flag>…`: the tag, its attributes as `[name, value, …]`, and the text
/// after the `>`.
fn start_tag(text: &str) -> Result<(String, Vec<Value>, &str)> {
    let name_end = text
        .find(|c: char| c.is_whitespace() || c == '>')
        .context("a start tag is never closed")?;
    let tag = &text[..name_end];
    if tag.is_empty() || !tag.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-') {
        bail!("`<{tag}` is not a tag Yew writes");
    }
    let mut attributes = Vec::new();
    let mut rest = text[name_end..].trim_start();
    loop {
        if let Some(after) = rest.strip_prefix('>') {
            return Ok((tag.to_string(), attributes, after));
        }
        let name_end = rest
            .find(|c: char| c.is_whitespace() || c == '=' || c == '>')
            .context("an attribute is never closed")?;
        let name = &rest[..name_end];
        if name.is_empty() || name.contains(['"', '\'', '<', '/']) {
            bail!("`{name}` in <{tag}> is not an attribute Yew writes");
        }
        rest = &rest[name_end..];
        let value = if let Some(after) = rest.strip_prefix("=\"") {
            let end = after
                .find('"')
                .with_context(|| format!("{name} in <{tag}> is never closed"))?;
            rest = &after[end + 1..];
            unescape(&after[..end])?
        } else {
            String::new()
        };
        attributes.push(Value::String(name.to_string()));
        attributes.push(Value::String(value));
        rest = rest.trim_start();
    }
}

/// Text with its character references replaced.
fn unescape(text: &str) -> Result<String> {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        let after = &rest[at + 1..];
        let end = after
            .find(';')
            .filter(|&end| end <= 10)
            .with_context(|| format!("a bare `&` in {text:?}"))?;
        let name = &after[..end];
        let c = match name {
            "amp" => '&',
            "lt" => '<',
            "gt" => '>',
            "quot" => '"',
            "apos" => '\'',
            _ => {
                let code = if let Some(hex) = name.strip_prefix("#x").or(name.strip_prefix("#X")) {
                    u32::from_str_radix(hex, 16).ok()
                } else if let Some(decimal) = name.strip_prefix('#') {
                    decimal.parse().ok()
                } else {
                    None
                };
                code.and_then(char::from_u32)
                    .with_context(|| format!("`&{name};` is not a reference Yew writes"))?
            }
        };
        out.push(c);
        rest = &after[end + 1..];
    }
    out.push_str(rest);
    Ok(out)
}

fn count_elements(nodes: &[Value]) -> usize {
    nodes
        .iter()
        .map(|node| match node {
            Value::Array(parts) => 1 + count_elements(parts.get(2..).unwrap_or_default()),
            _ => 0,
        })
        .sum()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn elements_attributes_and_text_become_nodes() {
        let html = r#"<section class="sw" data-theme="auto"><h2>Node &amp; &quot;Python&quot; &#x27;24</h2><input type="range" value="5" checked><svg viewBox="0 0 1 1"><path d="M0 0"></path></svg></section>"#;
        assert_eq!(
            Value::Array(parse(html).unwrap()),
            json!([[
                "section",
                ["class", "sw", "data-theme", "auto"],
                ["h2", [], "Node & \"Python\" '24"],
                ["input", ["type", "range", "value", "5", "checked", ""]],
                ["svg", ["viewBox", "0 0 1 1"], ["path", ["d", "M0 0"]]]
            ]])
        );
    }

    #[test]
    fn comments_go_and_texts_next_to_each_other_are_one() {
        let html = "<p>a<!--<[x]>-->b<b>c</b>d</p><!--end-->";
        assert_eq!(
            Value::Array(parse(html).unwrap()),
            json!([["p", [], "ab", ["b", [], "c"], "d"]])
        );
    }

    #[test]
    fn html_yew_does_not_write_is_refused() {
        for bad in [
            "<p>unclosed",
            "<p></b>",
            "</p>",
            "<p class=x>a</p>",
            "<p>a & b</p>",
            "<p>&nbsp;</p>",
            "<p class=\"a>b</p>",
        ] {
            assert!(parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn elements_are_counted_at_every_depth() {
        let nodes = parse("<div><p>a<b>b</b></p><br></div>text").unwrap();
        assert_eq!(count_elements(&nodes), 4);
    }
}
