//! Compacts the widget's stylesheet for the wasm: comments and indentation are for
//! readers of `styles/`, and every byte here ships inside `stackweigh.js`.

use std::path::Path;

const SHEETS: [&str; 2] = ["styles/widget.css", "styles/print.css"];

fn main() {
    let mut css = String::new();
    for sheet in SHEETS {
        println!("cargo:rerun-if-changed={sheet}");
        let text =
            std::fs::read_to_string(sheet).unwrap_or_else(|e| panic!("reading {sheet}: {e}"));
        css.push_str(&compact(&text));
    }
    let out = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    std::fs::write(Path::new(&out).join("widget.min.css"), css)
        .unwrap_or_else(|e| panic!("writing the compacted stylesheet: {e}"));
}

/// Drops comments, folds each run of whitespace into one space, and drops the space next
/// to `{`, `}`, `;` and `,`, where CSS never needs it. Quoted strings are copied as they are.
/// Spaces around `:` stay: in a selector (`.a :focus`) they are a descendant combinator.
fn compact(css: &str) -> String {
    let mut out = String::with_capacity(css.len());
    let mut chars = css.chars().peekable();
    let mut space = false;
    while let Some(c) = chars.next() {
        match c {
            '/' if chars.peek() == Some(&'*') => {
                chars.next();
                let mut last = ' ';
                for c in chars.by_ref() {
                    if last == '*' && c == '/' {
                        break;
                    }
                    last = c;
                }
                space = true;
            }
            '"' | '\'' => {
                flush_space(&mut out, &mut space, c);
                out.push(c);
                let mut escaped = false;
                for s in chars.by_ref() {
                    out.push(s);
                    if !escaped && s == c {
                        break;
                    }
                    escaped = !escaped && s == '\\';
                }
            }
            c if c.is_whitespace() => space = true,
            c => {
                flush_space(&mut out, &mut space, c);
                out.push(c);
            }
        }
    }
    out
}

fn flush_space(out: &mut String, space: &mut bool, next: char) {
    let tight = |c: char| matches!(c, '{' | '}' | ';' | ',');
    if std::mem::take(space) && !out.is_empty() && !tight(next) && !out.ends_with(tight) {
        out.push(' ');
    }
}
