//! Where a JSON text stops being strict JSON, said so that a blogger can fix it: the line,
//! the column and the field it is in.
//!
//! Custom datasets are parsed by the browser (`JSON.parse`) or, in tests, by serde_json.
//! Neither says where every syntax error is, and `JSON.parse` keeps the last of two
//! repeated keys where a blogger most likely made a copying mistake. So the text is first
//! scanned here, once: the grammar of RFC 8259, keys given twice in one object, `\u`
//! escapes that leave half a character, and nesting deeper than any dataset goes. The
//! scan builds no values: numbers are read by whoever parses the text, and only those
//! too large for any parser to hold are refused here.
//!
//! [`locate`] finds where a field's value starts, so that a refusal made after parsing
//! can still say its line and column.

/// Far deeper than the schema nests (five levels); refusing deeper text keeps the
/// readers after this one from recursing without end.
pub const MAX_DEPTH: usize = 64;

/// Far more members than any object of the schema has (at most forty ids, or a dozen
/// fields). Looking for repeated keys takes time in the square of an object's size, and
/// the cap keeps that short for any text.
pub const MAX_MEMBERS: usize = 256;

/// Where a text stops being JSON, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fault {
    /// Byte offset of the character refused.
    pub at: usize,
    /// The path of the field the text had reached, `criteria[2].scores.python` style; empty
    /// outside any field.
    pub field: String,
    pub problem: &'static str,
}

/// One step of a path to a field: an object's key or an array's index.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Step {
    Key(String),
    Index(usize),
}

/// Where a value is: the keys and indices leading to it, as a list linked on the stack,
/// so that nothing is written out until a refusal needs it.
#[derive(Debug, Clone, Copy)]
pub enum Path<'a> {
    Root,
    Key(&'a Path<'a>, &'a str),
    Index(&'a Path<'a>, usize),
}

impl<'a> Path<'a> {
    pub fn key(&'a self, key: &'a str) -> Path<'a> {
        Path::Key(self, key)
    }

    pub fn index(&'a self, index: usize) -> Path<'a> {
        Path::Index(self, index)
    }

    pub fn steps(&self) -> Vec<Step> {
        let mut steps = Vec::new();
        let mut at = self;
        loop {
            match at {
                Path::Root => break,
                Path::Key(parent, key) => {
                    steps.push(Step::Key(key.to_string()));
                    at = parent;
                }
                Path::Index(parent, index) => {
                    steps.push(Step::Index(*index));
                    at = parent;
                }
            }
        }
        steps.reverse();
        steps
    }
}

/// `criteria[2].scores.python`.
impl std::fmt::Display for Path<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&path(&self.steps()))
    }
}

/// A path as the widget writes it: `criteria[2].scores.python`.
pub fn path(steps: &[Step]) -> String {
    let mut path = String::new();
    for step in steps {
        match step {
            Step::Key(key) => push_key(&mut path, key),
            Step::Index(index) => push_index(&mut path, *index),
        }
    }
    path
}

fn push_key(path: &mut String, key: &str) {
    if !path.is_empty() {
        path.push('.');
    }
    path.push_str(key);
}

fn push_index(path: &mut String, index: usize) {
    path.push('[');
    path.push_str(&index.to_string());
    path.push(']');
}

/// Checks that `text` is one strict JSON value with no key repeated within an object.
pub fn check(text: &str) -> Result<(), Fault> {
    let mut scan = Scan::new(text, None);
    scan.document().map_err(|(at, problem)| Fault {
        at,
        field: scan.path(),
        problem,
    })
}

/// Where the value at `steps` starts in `text` (already checked): a byte offset, or
/// `None` when the text has no such value.
pub fn locate(text: &str, steps: &[Step]) -> Option<usize> {
    let mut scan = Scan::new(text, Some(steps));
    match scan.document() {
        Err((at, FOUND)) => Some(at),
        _ => None,
    }
}

/// Line and column (both from 1) of byte offset `at`, counting characters as editors
/// do, not UTF-8 bytes.
pub fn line_column(text: &str, at: usize) -> (usize, usize) {
    let (mut line, mut column) = (1, 1);
    for &b in text.as_bytes().iter().take(at) {
        if b == b'\n' {
            line += 1;
            column = 1;
        } else if b & 0xC0 != 0x80 {
            column += 1;
        }
    }
    (line, column)
}

const END: &str = "unexpected end of input";
/// Not a refusal: [`locate`] stops the scan with it where the value it looks for starts.
const FOUND: &str = "found";

/// A refusal: where, and what. Static text keeps every error path free of formatting.
type Scanned<T> = Result<T, (usize, &'static str)>;

/// An object or array the scan is inside.
enum Frame {
    Object {
        /// Keys so far, to find one given twice.
        keys: Vec<String>,
        /// The key whose value is being read, until the next comma.
        key: Option<String>,
    },
    /// The index of the element being read.
    Array(usize),
}

struct Scan<'a> {
    text: &'a str,
    bytes: &'a [u8],
    /// Always at most `bytes.len()`.
    pos: usize,
    stack: Vec<Frame>,
    /// What [`locate`] looks for.
    target: Option<&'a [Step]>,
}

impl<'a> Scan<'a> {
    fn new(text: &'a str, target: Option<&'a [Step]>) -> Scan<'a> {
        Scan {
            text,
            bytes: text.as_bytes(),
            pos: 0,
            stack: Vec::new(),
            target,
        }
    }

    /// The path of the innermost field: the keys and indices of the open frames.
    fn path(&self) -> String {
        let mut path = String::new();
        for frame in &self.stack {
            match frame {
                Frame::Object { key: Some(key), .. } => push_key(&mut path, key),
                Frame::Object { key: None, .. } => {}
                Frame::Array(index) => push_index(&mut path, *index),
            }
        }
        path
    }

    /// Whether the value about to be read is the one [`locate`] looks for.
    fn at_target(&self) -> bool {
        let Some(target) = self.target else {
            return false;
        };
        target.len() == self.stack.len()
            && self
                .stack
                .iter()
                .zip(target)
                .all(|(frame, step)| match (frame, step) {
                    (Frame::Object { key: Some(key), .. }, Step::Key(want)) => key == want,
                    (Frame::Array(index), Step::Index(want)) => index == want,
                    _ => false,
                })
    }

    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    fn eat(&mut self, byte: u8) -> bool {
        let found = self.peek() == Some(byte);
        if found {
            self.pos += 1;
        }
        found
    }

    /// A refusal here; at the end of the text whatever was expected, the text was cut short.
    fn fail(&self, expected: &'static str) -> (usize, &'static str) {
        if self.pos < self.bytes.len() {
            (self.pos, expected)
        } else {
            (self.pos, END)
        }
    }

    fn skip_whitespace(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.pos += 1;
        }
    }

    /// One value and nothing after it. Nesting is followed with a stack rather than by
    /// recursion, so the frames double as the path for a refusal.
    fn document(&mut self) -> Scanned<()> {
        loop {
            while self.value()? {}
            // After a value: close what ends here, until a comma asks for the next value.
            loop {
                self.skip_whitespace();
                let comma = self.eat(b',');
                match self.stack.last_mut() {
                    None => {
                        return if comma || self.pos < self.bytes.len() {
                            Err((self.pos - usize::from(comma), "trailing characters"))
                        } else {
                            Ok(())
                        };
                    }
                    Some(Frame::Array(index)) => {
                        if comma {
                            *index += 1;
                            break;
                        }
                        if !self.eat(b']') {
                            return Err(self.fail("expected `,` or `]`"));
                        }
                    }
                    Some(Frame::Object { key, .. }) => {
                        if comma {
                            *key = None;
                            self.member()?;
                            break;
                        }
                        if !self.eat(b'}') {
                            return Err(self.fail("expected `,` or `}`"));
                        }
                    }
                }
                self.stack.pop();
            }
        }
    }

    /// A scalar or an empty object or array, read whole (false); or the opening of one
    /// that holds something, whose first value comes next (true).
    fn value(&mut self) -> Scanned<bool> {
        self.skip_whitespace();
        if self.at_target() {
            return Err((self.pos, FOUND));
        }
        match self.peek() {
            Some(b'{' | b'[') if self.stack.len() >= MAX_DEPTH => {
                Err((self.pos, "nested more than 64 levels deep"))
            }
            Some(b'{') => {
                self.pos += 1;
                self.skip_whitespace();
                if !self.eat(b'}') {
                    self.stack.push(Frame::Object {
                        keys: Vec::new(),
                        key: None,
                    });
                    self.member()?;
                    return Ok(true);
                }
                Ok(false)
            }
            Some(b'[') => {
                self.pos += 1;
                self.skip_whitespace();
                if !self.eat(b']') {
                    self.stack.push(Frame::Array(0));
                    return Ok(true);
                }
                Ok(false)
            }
            Some(b'"') => self.string(false).map(|_| false),
            Some(b'-' | b'0'..=b'9') => self.number().map(|()| false),
            Some(b't' | b'f' | b'n')
                if ["true", "false", "null"].iter().any(|w| self.literal(w)) =>
            {
                Ok(false)
            }
            _ => Err(self.fail("expected a value")),
        }
    }

    /// A member's key and colon, in the object on top of the stack.
    fn member(&mut self) -> Scanned<()> {
        self.skip_whitespace();
        let at = self.pos;
        if self.peek() != Some(b'"') {
            return Err(self.fail("expected a string key"));
        }
        let name = self.string(true)?;
        let Some(Frame::Object { keys, key }) = self.stack.last_mut() else {
            return Ok(());
        };
        let repeated = keys.contains(&name);
        let too_many = keys.len() >= MAX_MEMBERS;
        if !repeated && !too_many {
            keys.push(name.clone());
        }
        *key = Some(name);
        if repeated {
            return Err((at, "duplicate key"));
        }
        if too_many {
            return Err((at, "more than 256 members in one object"));
        }
        self.skip_whitespace();
        if !self.eat(b':') {
            return Err(self.fail("expected `:`"));
        }
        Ok(())
    }

    fn literal(&mut self, word: &str) -> bool {
        let found = self
            .bytes
            .get(self.pos..)
            .is_some_and(|rest| rest.starts_with(word.as_bytes()));
        if found {
            self.pos += word.len();
        }
        found
    }

    /// A string, starting at its opening quote. Its text is kept only for a `key`, which
    /// names the field and is compared with the object's other keys. Unescaped runs end
    /// only at ASCII `"` or `\`, so they are always whole UTF-8 characters.
    fn string(&mut self, key: bool) -> Scanned<String> {
        self.pos += 1;
        let mut out = String::new();
        let mut run = self.pos;
        loop {
            match self.peek() {
                None => return Err((self.pos, END)),
                Some(b @ (b'"' | b'\\')) => {
                    if key {
                        out.push_str(self.text.get(run..self.pos).unwrap_or_default());
                    }
                    self.pos += 1;
                    if b == b'"' {
                        return Ok(out);
                    }
                    let ch = self.escape()?;
                    if key {
                        out.push(ch);
                    }
                    run = self.pos;
                }
                Some(0..=0x1F) => return Err((self.pos, "control character in a string")),
                Some(_) => self.pos += 1,
            }
        }
    }

    /// The character an escape stands for, starting just after its backslash.
    fn escape(&mut self) -> Scanned<char> {
        let at = self.pos - 1;
        let Some(b) = self.peek() else {
            return Err((self.pos, END));
        };
        self.pos += 1;
        Ok(match b {
            b'"' => '"',
            b'\\' => '\\',
            b'/' => '/',
            b'b' => '\u{8}',
            b'f' => '\u{C}',
            b'n' => '\n',
            b'r' => '\r',
            b't' => '\t',
            b'u' => {
                let mut code = self.hex4()?;
                // Outside the Basic Multilingual Plane JSON writes a UTF-16 pair, which
                // must be complete: half a pair is not a character.
                if (0xD800..0xDC00).contains(&code) {
                    if !(self.eat(b'\\') && self.eat(b'u')) {
                        return Err((at, "unpaired surrogate in a \\u escape"));
                    }
                    let low = self.hex4()?;
                    if !(0xDC00..0xE000).contains(&low) {
                        return Err((at, "unpaired surrogate in a \\u escape"));
                    }
                    code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00);
                }
                // Only a lone low surrogate is left to refuse here.
                return char::from_u32(code).ok_or((at, "unpaired surrogate in a \\u escape"));
            }
            _ => return Err((at, "invalid escape")),
        })
    }

    fn hex4(&mut self) -> Scanned<u32> {
        let mut code = 0;
        for _ in 0..4 {
            let digit = match self.peek() {
                Some(b @ b'0'..=b'9') => b - b'0',
                Some(b @ b'a'..=b'f') => b - b'a' + 10,
                Some(b @ b'A'..=b'F') => b - b'A' + 10,
                _ => return Err(self.fail("invalid \\u escape: expected four hex digits")),
            };
            code = code * 16 + u32::from(digit);
            self.pos += 1;
        }
        Ok(code)
    }

    /// A number's grammar, and that it is not too large to hold; its value is for the
    /// parser to work out.
    fn number(&mut self) -> Scanned<()> {
        let at = self.pos;
        self.number_grammar()?;
        if too_large(&self.bytes[at..self.pos]) {
            return Err((at, "number out of range"));
        }
        Ok(())
    }

    fn number_grammar(&mut self) -> Scanned<()> {
        let at = self.pos;
        self.eat(b'-');
        match self.peek() {
            Some(b'0') => {
                self.pos += 1;
                if matches!(self.peek(), Some(b'0'..=b'9')) {
                    return Err((at, "invalid number: leading zero"));
                }
            }
            Some(b'1'..=b'9') => {
                self.digits();
            }
            _ => return Err(self.fail("invalid number")),
        }
        if self.eat(b'.') && self.digits() == 0 {
            return Err(self.fail("invalid number: expected a digit after `.`"));
        }
        if self.eat(b'e') || self.eat(b'E') {
            if !self.eat(b'-') {
                self.eat(b'+');
            }
            if self.digits() == 0 {
                return Err(self.fail("invalid number: expected a digit in the exponent"));
            }
        }
        Ok(())
    }

    /// Skips a run of digits, returning how many there were.
    fn digits(&mut self) -> usize {
        let start = self.pos;
        while matches!(self.peek(), Some(b'0'..=b'9')) {
            self.pos += 1;
        }
        self.pos - start
    }
}

/// Whether a number (already known to be grammatical) is beyond the largest a float
/// holds, about 1.8 × 10^308: `JSON.parse` makes it infinite, serde_json refuses it.
fn too_large(number: &[u8]) -> bool {
    let (mantissa, exponent) = match number.iter().position(|&b| b == b'e' || b == b'E') {
        Some(i) => (&number[..i], &number[i + 1..]),
        None => (number, &[][..]),
    };
    let mut e: i64 = 0;
    for &b in exponent.iter().filter(|b| b.is_ascii_digit()) {
        e = e.saturating_mul(10).saturating_add(i64::from(b - b'0'));
    }
    if exponent.first() == Some(&b'-') {
        e = -e;
    }
    let mantissa = mantissa.strip_prefix(b"-").unwrap_or(mantissa);
    let whole = mantissa.iter().take_while(|&&b| b != b'.').count();
    let digits: Vec<u8> = mantissa.iter().copied().filter(|&b| b != b'.').collect();
    let Some(first) = digits.iter().position(|&b| b != b'0') else {
        return false;
    };
    // The number is d.ddd × 10^e, d its first significant digit.
    let e = e.saturating_add(whole as i64 - first as i64 - 1);
    let significant = digits[first..]
        .iter()
        .rposition(|&b| b != b'0')
        .map_or(&digits[first..first], |last| &digits[first..=first + last]);
    e > 308 || (e == 308 && significant > &b"17976931348623157"[..])
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The refusal of `text` as "problem at line L column C", with its field.
    fn refusal(text: &str) -> (String, String) {
        match check(text) {
            Ok(()) => panic!("{text:?} accepted"),
            Err(fault) => {
                let (line, column) = line_column(text, fault.at);
                (
                    fault.field,
                    format!("{} at line {line} column {column}", fault.problem),
                )
            }
        }
    }

    /// Each text is refused, with a message that says its problem.
    fn refuses_each(cases: &[(&str, &str)]) {
        for (text, problem) in cases {
            let (_, refused) = refusal(text);
            assert!(refused.contains(problem), "{text:?}: {refused}");
        }
    }

    fn accepted(text: &str) {
        if let Err(fault) = check(text) {
            panic!("{text:?} refused: {fault:?}");
        }
    }

    #[test]
    fn accepts_every_kind_of_value() {
        for text in [
            " {\"a\": [null, true, false, 1, \"x\"], \"b\": {}} ",
            "[]",
            "\t\r\n 7 \n",
            "{}",
            "[[], {}, [[]]]",
            r#""q\" b\\ s\/ \b\f\n\r\t""#,
            r#""\u0041\u00e9\u20AC\u0000""#,
            "\"plain é 🦀 text\"",
            r#""\ud83e\udd80""#,
            "\"\u{7f}\u{80}\"",
            "-0",
            "6.75",
            "1.5e-3",
            "1E+1",
            "1.7976931348623157e308",
            "-179769313486231570000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000",
            "1e-999",
            "0e999",
            r#"{"a": 1, "b": {"a": 2}, "c": [{"a": 3}, {"a": 4}]}"#,
        ] {
            accepted(text);
        }
    }

    #[test]
    fn refuses_lone_surrogates() {
        for lone in [
            r#""\ud800""#,
            r#""\ud800x""#,
            r#""\ud800\n""#,
            r#""\ud800\u0041""#,
            r#""\ud800\ud800""#,
            r#""\udc00""#,
            r#""\udfff\ud800""#,
        ] {
            let (_, problem) = refusal(lone);
            assert!(problem.contains("unpaired surrogate"), "{lone}: {problem}");
        }
    }

    #[test]
    fn refuses_broken_strings() {
        refuses_each(&[
            ("\"a\u{0}b\"", "control character in a string"),
            ("\"a\nb\"", "control character in a string"),
            ("\"tab\there\"", "control character in a string"),
            ("\"\u{1f}\"", "control character in a string"),
            (r#""\x41""#, "invalid escape"),
            (r#""\'""#, "invalid escape"),
            (r#""\u12""#, "four hex digits"),
            (r#""\u12g4""#, "four hex digits"),
            ("\"abc", "unexpected end of input"),
            ("\"abc\\", "unexpected end of input"),
            ("\"\\u00", "unexpected end of input"),
        ]);
    }

    #[test]
    fn refuses_numbers_outside_the_grammar() {
        refuses_each(&[
            ("01", "leading zero"),
            ("-01", "leading zero"),
            ("00", "leading zero"),
            ("-", "unexpected end of input"),
            ("-a", "invalid number"),
            ("1.", "unexpected end of input"),
            ("1.e5", "expected a digit after `.`"),
            ("1e", "unexpected end of input"),
            ("1e+", "unexpected end of input"),
            ("1ex", "expected a digit in the exponent"),
            (".5", "expected a value"),
            ("+1", "expected a value"),
            ("NaN", "expected a value"),
            ("Infinity", "expected a value"),
            ("-Infinity", "invalid number"),
            ("0x10", "trailing characters"),
            ("1.5.2", "trailing characters"),
            ("1e999", "number out of range at line 1 column 1"),
            ("-1e400", "number out of range"),
            ("1e99999999999999999999", "number out of range"),
            ("1.7976931348623159e308", "number out of range"),
            ("0.1e310", "number out of range"),
        ]);
    }

    #[test]
    fn refuses_other_syntax_errors() {
        refuses_each(&[
            ("", "unexpected end of input at line 1 column 1"),
            ("   ", "unexpected end of input at line 1 column 4"),
            ("[1, 2", "unexpected end of input"),
            ("[1 2]", "expected `,` or `]` at line 1 column 4"),
            ("[1,]", "expected a value at line 1 column 4"),
            ("[,1]", "expected a value"),
            ("{\"a\" 1}", "expected `:`"),
            ("{\"a\": 1 \"b\": 2}", "expected `,` or `}`"),
            ("{\"a\": 1,}", "expected a string key"),
            ("{a: 1}", "expected a string key"),
            ("{'a': 1}", "expected a string key"),
            ("tru", "expected a value"),
            ("nul", "expected a value"),
            ("True", "expected a value"),
            ("[] []", "trailing characters at line 1 column 4"),
            ("{} x", "trailing characters"),
            ("\u{feff}{}", "expected a value"),
            ("// comment\n{}", "expected a value"),
        ]);
    }

    #[test]
    fn a_refusal_names_the_field_the_text_had_reached() {
        for (text, field) in [
            ("{\"title\": }", "title"),
            (
                "{\"criteria\": [{\"scores\": {\"node\": 8,}}]}",
                "criteria[0].scores",
            ),
            ("{\"options\": [1, ]}", "options[1]"),
            ("{\"title\": \"a\\qb\"}", "title"),
            ("{\"title\": 01}", "title"),
            ("{\"title\": \"x\"", "title"),
            ("{\"a\": [[1], [2, {\"b\": x}]]}", "a[1][1].b"),
            ("{\"a\": 1} 2", ""),
        ] {
            assert_eq!(refusal(text).0, field, "{text}");
        }
    }

    #[test]
    fn a_key_given_twice_in_one_object_is_refused_at_the_second() {
        let (field, problem) = refusal("{\"a\": 1,\n \"b\": {\"a\": 2, \"c\": 3},\n \"a\": 4}");
        assert_eq!(field, "a");
        assert_eq!(problem, "duplicate key at line 3 column 2");
        let (field, _) = refusal("{\"s\": {\"node\": 8, \"python\": 7, \"node\": 2}}");
        assert_eq!(field, "s.node");
        // Escapes are read before keys are compared.
        assert_eq!(refusal(r#"{"a": 1, "\u0061": 2}"#).0, "a");
    }

    #[test]
    fn the_line_and_column_count_characters_from_one() {
        let (_, problem) = refusal("{\n  \"title\": \"x\",\n  oops\n}");
        assert!(problem.ends_with("at line 3 column 3"), "{problem}");
        // A column counts characters, not bytes: `é` and `🦀` are one each.
        let (field, problem) = refusal("{\"é🦀\": x}");
        assert!(problem.ends_with("at line 1 column 8"), "{problem}");
        assert_eq!(field, "é🦀");
        let (_, problem) = refusal("[\r\n1,\r\n  x]");
        assert!(problem.ends_with("at line 3 column 3"), "{problem}");
    }

    #[test]
    fn nesting_and_object_size_are_limited() {
        accepted(&format!(
            "{}{}",
            "[".repeat(MAX_DEPTH),
            "]".repeat(MAX_DEPTH)
        ));
        let too_deep = format!("{}{}", "[".repeat(MAX_DEPTH + 1), "]".repeat(MAX_DEPTH + 1));
        assert_eq!(
            refusal(&too_deep).1,
            format!(
                "nested more than {MAX_DEPTH} levels deep at line 1 column {}",
                MAX_DEPTH + 1
            )
        );
        for hostile in ["[".repeat(100_000), "{\"a\":".repeat(100_000)] {
            assert!(refusal(&hostile).1.contains("nested more than"));
        }
        let members = |n: usize| {
            let members: Vec<String> = (0..n).map(|i| format!("\"k{i}\": {i}")).collect();
            format!("{{{}}}", members.join(", "))
        };
        accepted(&members(MAX_MEMBERS));
        let (field, problem) = refusal(&members(MAX_MEMBERS + 1));
        assert_eq!(field, format!("k{MAX_MEMBERS}"));
        assert!(problem.starts_with("more than 256 members"), "{problem}");
    }

    #[test]
    fn locate_finds_where_a_fields_value_starts() {
        let text = "{\"a\": [1, {\"b\": \"x\"}],\n \"c\": {\"d\": null}}";
        let key = |k: &str| Step::Key(k.into());
        for (steps, at) in [
            (vec![], 0),
            (vec![key("a")], 6),
            (vec![key("a"), Step::Index(1)], 10),
            (vec![key("a"), Step::Index(1), key("b")], 16),
            (vec![key("c"), key("d")], 35),
        ] {
            assert_eq!(locate(text, &steps), Some(at), "{}", path(&steps));
        }
        assert_eq!(locate(text, &[key("z")]), None);
        assert_eq!(locate(text, &[key("a"), Step::Index(2)]), None);
        assert_eq!(path(&[key("a"), Step::Index(1), key("b")]), "a[1].b");
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 20_000, ..ProptestConfig::default() })]

        /// Whatever serde_json reads is accepted, unless it repeats a key; whatever it
        /// refuses is refused.
        #[test]
        fn agrees_with_serde_json_on_the_grammar(text in "[\\[\\]{}\":,0-9a-z\\\\. -]{0,24}") {
            let serde = serde_json::from_str::<serde_json::Value>(&text);
            match check(&text) {
                Ok(()) => prop_assert!(serde.is_ok(), "{:?}: serde_json says {:?}", text, serde),
                Err(fault) => prop_assert!(
                    serde.is_err() || fault.problem == "duplicate key",
                    "{:?} refused: {:?}", text, fault
                ),
            }
        }

        /// Any string, however escaped, is accepted.
        #[test]
        fn any_string_is_accepted(s in any::<String>(), escape_all in any::<bool>()) {
            let mut text = String::from("\"");
            for ch in s.chars() {
                match ch {
                    '"' => text.push_str("\\\""),
                    '\\' => text.push_str("\\\\"),
                    c if escape_all || (c as u32) < 0x20 => {
                        let mut units = [0u16; 2];
                        for unit in c.encode_utf16(&mut units) {
                            text.push_str(&format!("\\u{:04x}", unit));
                        }
                    }
                    c => text.push(c),
                }
            }
            text.push('"');
            prop_assert_eq!(check(&text), Ok(()));
        }
    }
}
