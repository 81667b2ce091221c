//! The shipped files' fixed text, kept as real files under xtask/templates/ (so an editor
//! reads them as JavaScript and HTML), and the one way they are filled in.
//!
//! A template holds two kinds of tag:
//! - `{{name}}` (a lower-case letter, then lower-case letters, digits and `_`): replaced by the value given for `name`.
//!   Values are inserted as they are, never scanned for tags, so a value may contain
//!   `{{`. Escaping (for an inline `<script>`, say) is the caller's job.
//! - `{{! … }}`: a comment for whoever edits the template, never shipped. It ends at the
//!   first `}}`. A comment that starts a line and ends one takes its line break with it,
//!   so it leaves no blank line behind.
//!
//! Anything else between `{{` and `}}`, a placeholder without a value and a value
//! without a placeholder are errors, so a template and its caller cannot drift apart.

use anyhow::{bail, Context, Result};

/// `dist/stackweigh.js`: the IIFE around the glue, the element and the inlined wasm.
pub const SCRIPT: Template = Template {
    path: "xtask/templates/stackweigh.js",
    text: include_str!("../templates/stackweigh.js"),
};

/// `dist/stackweigh.html`: the self-contained demo page.
pub const DEMO_PAGE: Template = Template {
    path: "xtask/templates/demo.html",
    text: include_str!("../templates/demo.html"),
};

/// `dist/embed.html`: the widget alone, for an iframe.
pub const EMBED_PAGE: Template = Template {
    path: "xtask/templates/embed.html",
    text: include_str!("../templates/embed.html"),
};

pub struct Template {
    /// Where it lives, for error messages.
    pub path: &'static str,
    pub text: &'static str,
}

impl Template {
    /// The template with every tag replaced: placeholders by `values`, comments by
    /// nothing.
    pub fn fill(&self, values: &[(&str, &str)]) -> Result<String> {
        let text = self.text;
        let path = self.path;
        let mut out =
            String::with_capacity(text.len() + values.iter().map(|(_, v)| v.len()).sum::<usize>());
        let mut used = vec![false; values.len()];
        let mut at = 0;
        while let Some(found) = text[at..].find("{{") {
            let open = at + found;
            out.push_str(&text[at..open]);
            let close = open
                + text[open..]
                    .find("}}")
                    .with_context(|| format!("{path}: a `{{{{` is never closed"))?;
            let tag = &text[open + 2..close];
            at = close + 2;
            if tag.starts_with('!') {
                let starts_line = open == 0 || text.as_bytes()[open - 1] == b'\n';
                if starts_line && text[at..].starts_with('\n') {
                    at += 1;
                }
                continue;
            }
            let is_name = tag.starts_with(|c: char| c.is_ascii_lowercase())
                && tag
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_');
            if !is_name {
                bail!("{path}: `{{{{{tag}}}}}` is neither a placeholder nor a comment");
            }
            let Some(index) = values.iter().position(|(name, _)| *name == tag) else {
                bail!("{path}: nothing fills `{{{{{tag}}}}}`");
            };
            used[index] = true;
            out.push_str(values[index].1);
        }
        out.push_str(&text[at..]);
        if let Some(index) = used.iter().position(|used| !used) {
            bail!("{path} has no `{{{{{}}}}}`", values[index].0);
        }
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn template(text: &'static str) -> Template {
        Template { path: "test", text }
    }

    #[test]
    fn placeholders_are_filled_once_and_values_are_not_scanned() {
        let filled = template("a {{x}} b {{y}} {{x}}\n")
            .fill(&[("x", "{{y}}"), ("y", "2")])
            .unwrap();
        assert_eq!(filled, "a {{y}} b 2 {{y}}\n");
    }

    #[test]
    fn comments_go_with_their_lines_when_they_fill_them() {
        let t =
            template("{{! top\n   two lines }}\nkeep {{! inline }}this\n  {{! indented }}\nend\n");
        assert_eq!(t.fill(&[]).unwrap(), "keep this\n  \nend\n");
        assert_eq!(template("{{! only }}").fill(&[]).unwrap(), "");
    }

    #[test]
    fn a_template_and_its_values_must_match() {
        assert!(template("{{x}}").fill(&[]).is_err(), "no value for x");
        assert!(template("x").fill(&[("x", "1")]).is_err(), "x is not used");
        assert!(
            template("{{ x }}").fill(&[("x", "1")]).is_err(),
            "not a name"
        );
        assert!(template("{{X}}").fill(&[("X", "1")]).is_err(), "not a name");
        assert!(
            template("{{1x}}").fill(&[("1x", "1")]).is_err(),
            "not a name"
        );
        assert_eq!(template("{{x_64}}").fill(&[("x_64", "1")]).unwrap(), "1");
        assert!(template("{{x").fill(&[("x", "1")]).is_err(), "never closed");
        assert!(
            template("{ {x} }").fill(&[]).is_ok(),
            "CSS and JS braces are text"
        );
    }

    #[test]
    fn shipped_templates_ship_no_comments_and_start_at_their_first_line() {
        for (t, first) in [
            (&SCRIPT, "/*! stackweigh "),
            (&DEMO_PAGE, "<!doctype html>"),
            (&EMBED_PAGE, "<!doctype html>"),
        ] {
            let names: Vec<&str> = t
                .text
                .match_indices("{{")
                .map(|(at, _)| &t.text[at + 2..])
                .filter(|rest| !rest.starts_with('!'))
                .map(|rest| rest.split("}}").next().unwrap())
                .collect();
            let values: Vec<(&str, &str)> = names.iter().map(|n| (*n, "")).collect();
            let mut unique = values.clone();
            unique.sort();
            unique.dedup();
            let filled = t.fill(&unique).unwrap();
            assert!(filled.starts_with(first), "{}", t.path);
            assert!(!filled.contains("{{"), "{}", t.path);
        }
    }
}
