//! The pages that carry the script inline: stackweigh.html (the demo) and embed.html (the
//! widget alone, for an iframe), each with its link-card tags, and oembed.json beside
//! them.
//!
//! Part of `cargo xtask dist`: mod.rs assembles the script (script.rs) and then calls
//! [`write_pages`]; card.rs says what the tags hold.

use anyhow::{Context, Result};
use stackweigh_core::Dataset;

use super::card::{png_size, Card, DESCRIPTION};
use super::{Outputs, CARD_IMAGE, EMBED_PAGE};
use crate::templates;
use crate::util::{self, say};

/// Makes script text safe inside an inline `<script>` element: `</script` would end the
/// element, and `<!--` can switch the HTML parser into a mode where it would not end.
/// Both escapes mean the same to JavaScript inside strings, regexes and comments.
pub fn escape_inline_script(script: &str) -> String {
    let mut out = String::with_capacity(script.len());
    let mut rest = script;
    while let Some(at) = rest.find('<') {
        out.push_str(&rest[..at]);
        let tail = &rest[at..];
        let closes_script = tail.len() >= 8
            && tail.as_bytes()[1] == b'/'
            && tail.as_bytes()[2..8].eq_ignore_ascii_case(b"script");
        if closes_script {
            out.push_str("<\\/");
            rest = &tail[2..];
        } else if let Some(after) = tail.strip_prefix("<!--") {
            out.push_str("<\\!--");
            rest = after;
        } else {
            out.push('<');
            rest = &tail[1..];
        }
    }
    out.push_str(rest);
    out
}

/// stackweigh.html, embed.html and, with a base URL, oembed.json (without one, an old
/// oembed.json would point at another address: it goes).
pub fn write_pages(out: &Outputs, script: &str, base_url: Option<&str>) -> Result<()> {
    let dataset = Dataset::builtin();
    let image = match std::fs::read(&out.card) {
        Ok(bytes) => Some(png_size(&bytes).with_context(|| {
            format!(
                "{} is not a PNG: run `cargo xtask screenshots` again",
                out.card.display()
            )
        })?),
        Err(_) => None,
    };
    if base_url.is_some() && image.is_none() {
        say!("no dist/{CARD_IMAGE} yet: the link cards go without a picture (`cargo xtask screenshots` renders it; then run this again)");
    }
    let card = Card {
        title: &dataset.title,
        description: DESCRIPTION,
        base_url,
        image,
    };
    let css = util::read_text(&util::root().join("styles/widget.css"))?;
    let background = widget_background(&css)
        .context("styles/widget.css sets no `--sw-bg`, which embed.html's background follows")?;
    let page_js = util::read_text(&util::root().join("src/embed/embed-page.js"))?;
    util::write(&out.page, demo_page(script, &card.tags("stackweigh.html"))?)?;
    util::write(
        &out.embed,
        embed_page(script, &page_js, background, &card.tags(EMBED_PAGE))?,
    )?;
    match card.oembed(dataset) {
        Some(json) => util::write(&out.oembed, json)?,
        None => match std::fs::remove_file(&out.oembed) {
            Ok(()) => say!("removed dist/oembed.json: without --base-url it would be wrong"),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => return Err(e).with_context(|| format!("removing {}", out.oembed.display())),
        },
    }
    Ok(())
}

/// The value of the widget's `--sw-bg` (its background in both themes), so embed.html's
/// page around the widget is the same colour.
pub fn widget_background(css: &str) -> Option<&str> {
    let start = css.find("--sw-bg:")? + "--sw-bg:".len();
    let value = css[start..].split(';').next()?.trim();
    (!value.is_empty()).then_some(value)
}

/// The widget alone, for an iframe, from xtask/templates/embed.html. `page_js` runs
/// first (theme, height messages); `background` is the widget's `--sw-bg`; `head`: the
/// link-card tags.
pub fn embed_page(script: &str, page_js: &str, background: &str, head: &str) -> Result<String> {
    templates::EMBED_PAGE.fill(&[
        ("head", head),
        ("background", background),
        ("page_script", &escape_inline_script(page_js)),
        ("script", &escape_inline_script(script)),
    ])
}

/// The self-contained demo page, from xtask/templates/demo.html: the whole script
/// inline, so it works from file://. `head`: the link-card tags.
pub fn demo_page(script: &str, head: &str) -> Result<String> {
    templates::DEMO_PAGE.fill(&[("head", head), ("script", &escape_inline_script(script))])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inline_scripts_cannot_close_their_element() {
        let js = r#"var a = "</script>"; var b = "</SCRIPT "; /* <!-- */ var c = "<p></p>";"#;
        let escaped = escape_inline_script(js);
        assert_eq!(
            escaped,
            r#"var a = "<\/script>"; var b = "<\/SCRIPT "; /* <\!-- */ var c = "<p></p>";"#
        );
        assert!(!escaped.to_ascii_lowercase().contains("</script"));
        assert_eq!(
            escape_inline_script("a < b && c </scrip"),
            "a < b && c </scrip"
        );
        assert_eq!(escape_inline_script("ends with <"), "ends with <");
    }

    #[test]
    fn the_page_holds_the_whole_script_escaped_once() {
        let page = demo_page("console.log(\"</script>\");\n", "<meta name=\"x\">\n").unwrap();
        assert!(page.contains("</title>\n<meta name=\"x\">\n<style>"));
        assert!(page.starts_with("<!doctype html>"));
        assert!(page.contains(r#"<html lang="en">"#));
        assert!(page.contains("<stack-weigh sync-url>"));
        assert!(page.contains(r#"console.log("<\/script>");"#));
        // Only the page's own closing tag remains.
        assert_eq!(page.matches("</script>").count(), 1);
    }

    #[test]
    fn the_embed_page_is_the_widget_alone_on_its_background() {
        let css = ".sw {\n  color-scheme: light dark;\n  --sw-bg: light-dark(#fff, #111);\n}";
        let background = widget_background(css).unwrap();
        assert_eq!(background, "light-dark(#fff, #111)");
        assert_eq!(widget_background(".sw { color: red; }"), None);
        let page = embed_page(
            "widget(\"</script>\");\n",
            "page();\n",
            background,
            "<meta name=\"x\">\n",
        )
        .unwrap();
        assert!(page.contains("background: light-dark(#fff, #111);"));
        assert!(page.contains("<stack-weigh sync-url>"));
        assert!(page.contains("</title>\n<meta name=\"x\">\n<style>"));
        // The page script runs first, so the widget starts in the fragment's theme.
        let page_at = page.find("page();").unwrap();
        assert!(page_at < page.find("widget(\"<\\/script>\");").unwrap());
        assert!(page.find("<stack-weigh").unwrap() < page_at);
        assert_eq!(page.matches("</script>").count(), 2);
        for chrome in ["<h1", "<main", "<header", "<footer"] {
            assert!(!page.contains(chrome), "{chrome}");
        }
    }
}
