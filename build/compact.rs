//! The stylesheet compactor build.rs runs, in a file of its own so that tests/styles.rs
//! can test it too.

/// Drops comments, folds each run of whitespace into one space, and drops the space next
/// to `{`, `}`, `;` and `,`, where CSS never needs it. Quoted strings are copied as they are.
/// Spaces around `:` stay: in a selector (`.a :focus`) they are a descendant combinator. A
/// comment is no space: where one alone keeps two tokens apart (`a/**/b`), an empty one
/// stays.
pub fn compact(css: &str) -> String {
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
                let next = chars.peek().copied();
                let apart = |c: char| c.is_whitespace() || tight(c);
                if !space
                    && next.is_some_and(|n| !apart(n))
                    && out.chars().last().is_some_and(|p| !apart(p))
                {
                    out.push_str("/**/");
                }
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

/// Where CSS never needs a space beside.
fn tight(c: char) -> bool {
    matches!(c, '{' | '}' | ';' | ',')
}

fn flush_space(out: &mut String, space: &mut bool, next: char) {
    if std::mem::take(space) && !out.is_empty() && !tight(next) && !out.ends_with(tight) {
        out.push(' ');
    }
}
