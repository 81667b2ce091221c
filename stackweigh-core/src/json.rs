//! A strict RFC 8259 reader for datasets, and the pieces the schema decoder in
//! [`crate::dataset`] is built from.
//!
//! Hand-written because the widget ships as WebAssembly: serde, serde_json and the
//! standard float parser cost far more kilobytes than reading one small, simple file
//! needs. Numbers are converted by hand for the same reason (see [`Parser::number`]).

use crate::validate::{json_path_at, DatasetError};

/// Far deeper than the schema nests (five levels); the limit turns hostile input such as
/// 100,000 `[` into a refusal instead of a stack overflow.
pub(crate) const MAX_DEPTH: usize = 64;

/// A value and the byte offset it starts at, so a schema error can say where it is.
#[derive(Debug, PartialEq)]
pub(crate) struct Json {
    pub at: usize,
    pub value: Value,
}

#[derive(Debug, PartialEq)]
pub(crate) enum Value {
    Null,
    Bool(bool),
    Number(f64),
    String(String),
    Array(Vec<Json>),
    /// Members in document order, duplicates kept: the decoder refuses those it reads.
    Object(Vec<Member>),
}

#[derive(Debug, PartialEq)]
pub(crate) struct Member {
    /// Where the key starts.
    pub at: usize,
    pub key: String,
    pub value: Json,
}

/// A refusal whose position is still a byte offset; [`Fault::into_error`] turns it into a
/// line and column once, at the top, so the decoder need not carry the text around.
#[derive(Debug)]
pub(crate) struct Fault {
    pub at: usize,
    pub field: String,
    pub problem: String,
}

impl Fault {
    pub(crate) fn new(at: usize, field: String, problem: String) -> Fault {
        Fault { at, field, problem }
    }

    pub(crate) fn into_error(self, json: &str) -> DatasetError {
        let (mut line, mut column) = (1usize, 1usize);
        for &b in json.as_bytes().iter().take(self.at) {
            if b == b'\n' {
                line += 1;
                column = 1;
            } else if b & 0xC0 != 0x80 {
                // Count characters, as editors do, not UTF-8 continuation bytes.
                column += 1;
            }
        }
        let mut problem = self.problem;
        problem.push_str(" at line ");
        problem.push_str(&line.to_string());
        problem.push_str(" column ");
        problem.push_str(&column.to_string());
        DatasetError {
            field: self.field,
            problem,
        }
    }
}

/// Parses a whole document. A syntax error is named by the path the text had reached,
/// found by [`json_path_at`]: the tree is not built yet, so there is nothing better.
pub(crate) fn parse(text: &str) -> Result<Json, Fault> {
    let mut parser = Parser {
        text,
        bytes: text.as_bytes(),
        pos: 0,
    };
    parser
        .value(0)
        .and_then(|json| {
            parser.skip_whitespace();
            if parser.pos < parser.bytes.len() {
                Err((parser.pos, "trailing characters"))
            } else {
                Ok(json)
            }
        })
        .map_err(|(at, problem)| Fault::new(at, json_path_at(text, at), problem.into()))
}

const END: &str = "unexpected end of input";

/// A syntax error: where, and what. Static text keeps every error path free of formatting.
type Step<T> = Result<T, (usize, &'static str)>;

struct Parser<'a> {
    text: &'a str,
    bytes: &'a [u8],
    /// Always at most `bytes.len()`.
    pos: usize,
}

impl Parser<'_> {
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

    /// An error here; at the end of the text whatever was expected, the text was cut short.
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

    fn value(&mut self, depth: usize) -> Step<Json> {
        self.skip_whitespace();
        let at = self.pos;
        let value = match self.peek() {
            Some(b'{' | b'[') if depth >= MAX_DEPTH => {
                return Err((at, "nested more than 64 levels deep"))
            }
            Some(b'{') => self.object(depth + 1)?,
            Some(b'[') => self.array(depth + 1)?,
            Some(b'"') => Value::String(self.string()?),
            Some(b'-' | b'0'..=b'9') => Value::Number(self.number()?),
            Some(b't') if self.literal("true") => Value::Bool(true),
            Some(b'f') if self.literal("false") => Value::Bool(false),
            Some(b'n') if self.literal("null") => Value::Null,
            _ => return Err(self.fail("expected a value")),
        };
        Ok(Json { at, value })
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

    fn array(&mut self, depth: usize) -> Step<Value> {
        self.pos += 1;
        let mut items = Vec::new();
        self.skip_whitespace();
        if self.eat(b']') {
            return Ok(Value::Array(items));
        }
        loop {
            items.push(self.value(depth)?);
            self.skip_whitespace();
            if self.eat(b']') {
                return Ok(Value::Array(items));
            }
            if !self.eat(b',') {
                return Err(self.fail("expected `,` or `]`"));
            }
        }
    }

    fn object(&mut self, depth: usize) -> Step<Value> {
        self.pos += 1;
        let mut members = Vec::new();
        self.skip_whitespace();
        if self.eat(b'}') {
            return Ok(Value::Object(members));
        }
        loop {
            self.skip_whitespace();
            let at = self.pos;
            if self.peek() != Some(b'"') {
                return Err(self.fail("expected a string key"));
            }
            let key = self.string()?;
            self.skip_whitespace();
            if !self.eat(b':') {
                return Err(self.fail("expected `:`"));
            }
            let value = self.value(depth)?;
            members.push(Member { at, key, value });
            self.skip_whitespace();
            if self.eat(b'}') {
                return Ok(Value::Object(members));
            }
            if !self.eat(b',') {
                return Err(self.fail("expected `,` or `}`"));
            }
        }
    }

    /// A string, starting at its opening quote. Unescaped runs are copied whole: they end
    /// only at ASCII `"` or `\`, so they are always whole UTF-8 characters.
    fn string(&mut self) -> Step<String> {
        self.pos += 1;
        let mut out = String::new();
        let mut run = self.pos;
        loop {
            match self.peek() {
                None => return Err((self.pos, END)),
                Some(b @ (b'"' | b'\\')) => {
                    out.push_str(self.text.get(run..self.pos).unwrap_or_default());
                    self.pos += 1;
                    if b == b'"' {
                        return Ok(out);
                    }
                    out.push(self.escape()?);
                    run = self.pos;
                }
                Some(0..=0x1F) => return Err((self.pos, "control character in a string")),
                Some(_) => self.pos += 1,
            }
        }
    }

    /// The character an escape stands for, starting just after its backslash.
    fn escape(&mut self) -> Step<char> {
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

    fn hex4(&mut self) -> Step<u32> {
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

    /// A number, by hand rather than `str::parse::<f64>`, whose tables alone are larger than
    /// this whole reader. Up to 19 significant digits are held exactly in a `u64` with a
    /// decimal exponent; one multiplication or division by an exact power of ten (10^k is
    /// exact for k ≤ 22) then rounds once, so anything a dataset holds (6.75, 0.1, 185000)
    /// comes out exactly as `str::parse` would give it. Past 2^53 or 10^±22 the result may
    /// be off in the last bit or two: no score, weight or salary is written that way.
    fn number(&mut self) -> Step<f64> {
        let at = self.pos;
        let negative = self.eat(b'-');
        let mut mantissa = 0u64;
        let mut significant = 0u32;
        let mut exponent = 0i64;
        match self.peek() {
            Some(b'0') => {
                self.pos += 1;
                if matches!(self.peek(), Some(b'0'..=b'9')) {
                    return Err((at, "invalid number: leading zero"));
                }
            }
            Some(b'1'..=b'9') => {
                self.digits(&mut mantissa, &mut significant, &mut exponent, false);
            }
            _ => return Err(self.fail("invalid number")),
        }
        if self.eat(b'.') && self.digits(&mut mantissa, &mut significant, &mut exponent, true) == 0
        {
            return Err(self.fail("invalid number: expected a digit after `.`"));
        }
        if self.eat(b'e') || self.eat(b'E') {
            let minus = self.eat(b'-');
            if !minus {
                self.eat(b'+');
            }
            let mut written = 0i64;
            let mut count = 0;
            while let Some(b @ b'0'..=b'9') = self.peek() {
                written = written
                    .saturating_mul(10)
                    .saturating_add(i64::from(b - b'0'));
                count += 1;
                self.pos += 1;
            }
            if count == 0 {
                return Err(self.fail("invalid number: expected a digit in the exponent"));
            }
            exponent = exponent.saturating_add(if minus { -written } else { written });
        }

        let mut value = mantissa as f64;
        if mantissa != 0 {
            // Beyond ±400 any 19-digit mantissa is zero or infinite: the clamp only keeps
            // the loops short.
            let mut e = exponent.clamp(-400, 400);
            while e > 22 {
                value *= 1e22;
                e -= 22;
            }
            while e < -22 {
                value /= 1e22;
                e += 22;
            }
            let mut power = 1.0;
            for _ in 0..e.unsigned_abs() {
                power *= 10.0;
            }
            value = if e < 0 { value / power } else { value * power };
        }
        if !value.is_finite() {
            return Err((at, "number out of range"));
        }
        Ok(if negative { -value } else { value })
    }

    /// Reads a run of digits into `mantissa`, returning how many there were. Digits past
    /// the 19th would overflow the `u64` and move the value by under a hundredth of an
    /// `f64`'s last bit, so they are dropped; in the whole part they still count as places.
    fn digits(
        &mut self,
        mantissa: &mut u64,
        significant: &mut u32,
        exponent: &mut i64,
        fraction: bool,
    ) -> usize {
        let mut count = 0;
        while let Some(b @ b'0'..=b'9') = self.peek() {
            if *significant < 19 {
                *mantissa = *mantissa * 10 + u64::from(b - b'0');
                if *mantissa != 0 {
                    *significant += 1;
                }
                if fraction {
                    *exponent -= 1;
                }
            } else if !fraction {
                *exponent += 1;
            }
            count += 1;
            self.pos += 1;
        }
        count
    }
}

// ---------------------------------------------------------------------------------------
// Decoding helpers, for the schema decoder in `dataset`. Every value is read with its path,
// so every refusal names the field exactly (`criteria[2].scores.python`).

/// The path of an object's member.
pub(crate) fn child(path: &str, key: &str) -> String {
    let mut out = String::with_capacity(path.len() + 1 + key.len());
    out.push_str(path);
    if !path.is_empty() {
        out.push('.');
    }
    out.push_str(key);
    out
}

fn kind(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

fn wrong_type(json: &Json, path: &str, expected: &str) -> Fault {
    let mut problem = String::from("expected ");
    problem.push_str(expected);
    problem.push_str(", found ");
    problem.push_str(kind(&json.value));
    Fault::new(json.at, path.into(), problem)
}

/// An object read as a struct: fields are taken by name, and whatever is left at the end
/// is not in the schema. Taking rather than looking up means a field the decoder forgets
/// is refused as unknown instead of silently dropped.
///
/// Reads never fail on the spot: the first fault is kept, later reads give empty values,
/// and [`Fields::finish`] reports it. The decoder is then straight-line code with no
/// early return per field, each of which would carry its own cleanup into the wasm.
pub(crate) struct Fields {
    path: String,
    at: usize,
    members: Vec<Member>,
    fault: Option<Fault>,
}

impl Fields {
    pub(crate) fn new(json: Json, path: String) -> Fields {
        let mut fields = Fields {
            at: json.at,
            members: Vec::new(),
            fault: None,
            path,
        };
        match json.value {
            Value::Object(members) => fields.members = members,
            _ => fields.fault = Some(wrong_type(&json, &fields.path, "an object")),
        }
        fields
    }

    /// Keeps `fault` unless an earlier one is already kept: the first in schema order is
    /// the one reported.
    pub(crate) fn fail(&mut self, fault: Fault) {
        if self.fault.is_none() {
            self.fault = Some(fault);
        }
    }

    /// Takes on the fault of an object read inside this one, if it had one.
    pub(crate) fn absorb(&mut self, inner: Fields) {
        if let Err(fault) = inner.finish() {
            self.fail(fault);
        }
    }

    /// The first fault, or else the first field nobody took.
    pub(crate) fn finish(self) -> Result<(), Fault> {
        if let Some(fault) = self.fault {
            return Err(fault);
        }
        match self.members.first() {
            None => Ok(()),
            Some(member) => {
                let mut problem = String::from("unknown field `");
                problem.push_str(&member.key);
                problem.push('`');
                Err(Fault::new(
                    member.at,
                    child(&self.path, &member.key),
                    problem,
                ))
            }
        }
    }

    /// The field `name` and its path, when present (and nothing has failed yet).
    pub(crate) fn take(&mut self, name: &str) -> Option<(Json, String)> {
        if self.fault.is_some() {
            return None;
        }
        let i = self.members.iter().position(|m| m.key == name)?;
        let member = self.members.remove(i);
        let path = child(&self.path, name);
        // Readers disagree on which of two copies wins, so neither is guessed at.
        if let Some(again) = self.members.iter().find(|m| m.key == name) {
            let at = again.at;
            self.duplicate(at, path);
            return None;
        }
        Some((member.value, path))
    }

    /// A field that must be present; when it is not, the object lacking it is named.
    pub(crate) fn need(&mut self, name: &str) -> Option<(Json, String)> {
        let found = self.take(name);
        if found.is_none() && self.fault.is_none() {
            let mut problem = String::from("missing field `");
            problem.push_str(name);
            problem.push('`');
            self.fail(Fault::new(self.at, self.path.clone(), problem));
        }
        found
    }

    /// A field that may be left out or `null` (as serde read `Option`).
    pub(crate) fn optional(&mut self, name: &str) -> Option<(Json, String)> {
        self.take(name)
            .filter(|(json, _)| !matches!(json.value, Value::Null))
    }

    pub(crate) fn read_string(&mut self, json: Json, path: &str) -> String {
        match json.value {
            Value::String(s) => s,
            _ => {
                self.fail(wrong_type(&json, path, "a string"));
                String::new()
            }
        }
    }

    pub(crate) fn read_number(&mut self, json: Json, path: &str) -> f64 {
        match json.value {
            Value::Number(n) => n,
            _ => {
                self.fail(wrong_type(&json, path, "a number"));
                0.0
            }
        }
    }

    /// An array's elements, each with its path (`path[i]`).
    pub(crate) fn read_elements(&mut self, json: Json, path: &str) -> Vec<(Json, String)> {
        match json.value {
            Value::Array(items) => items
                .into_iter()
                .enumerate()
                .map(|(i, item)| {
                    let mut at = String::with_capacity(path.len() + 4);
                    at.push_str(path);
                    at.push('[');
                    at.push_str(&i.to_string());
                    at.push(']');
                    (item, at)
                })
                .collect(),
            _ => {
                self.fail(wrong_type(&json, path, "an array"));
                Vec::new()
            }
        }
    }

    /// An object's members, for maps keyed by id.
    pub(crate) fn read_members(&mut self, json: Json, path: &str) -> Vec<Member> {
        match json.value {
            Value::Object(members) => members,
            _ => {
                self.fail(wrong_type(&json, path, "an object"));
                Vec::new()
            }
        }
    }

    /// Refuses a map key given twice, at its second occurrence.
    pub(crate) fn duplicate(&mut self, at: usize, path: String) {
        self.fail(Fault::new(at, path, "duplicate key".into()));
    }

    pub(crate) fn string(&mut self, name: &str) -> String {
        match self.need(name) {
            Some((json, path)) => self.read_string(json, &path),
            None => String::new(),
        }
    }

    pub(crate) fn number(&mut self, name: &str) -> f64 {
        match self.need(name) {
            Some((json, path)) => self.read_number(json, &path),
            None => 0.0,
        }
    }

    /// Text that may be left out, read as empty.
    pub(crate) fn text(&mut self, name: &str) -> String {
        match self.take(name) {
            Some((json, path)) => self.read_string(json, &path),
            None => String::new(),
        }
    }

    /// A yes/no that may be left out, read as no.
    pub(crate) fn flag(&mut self, name: &str) -> bool {
        match self.take(name) {
            Some((json, path)) => match json.value {
                Value::Bool(b) => b,
                _ => {
                    self.fail(wrong_type(&json, &path, "true or false"));
                    false
                }
            },
            None => false,
        }
    }

    pub(crate) fn optional_string(&mut self, name: &str) -> Option<String> {
        let (json, path) = self.optional(name)?;
        Some(self.read_string(json, &path))
    }

    /// An array's elements with their paths; empty when the array is left out, unless it
    /// is `required`.
    pub(crate) fn list(&mut self, name: &str, required: bool) -> Vec<(Json, String)> {
        let found = if required {
            self.need(name)
        } else {
            self.take(name)
        };
        match found {
            Some((json, path)) => self.read_elements(json, &path),
            None => Vec::new(),
        }
    }

    /// A list of text that may be left out.
    pub(crate) fn strings(&mut self, name: &str) -> Vec<String> {
        let mut out = Vec::new();
        for (json, path) in self.list(name, false) {
            let text = self.read_string(json, &path);
            out.push(text);
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn value(text: &str) -> Value {
        match parse(text) {
            Ok(json) => json.value,
            Err(fault) => panic!("{text:?} refused: {}", fault.into_error(text)),
        }
    }

    fn refusal(text: &str) -> DatasetError {
        match parse(text) {
            Ok(json) => panic!("{text:?} accepted as {json:?}"),
            Err(fault) => fault.into_error(text),
        }
    }

    fn num(text: &str) -> f64 {
        match value(text) {
            Value::Number(n) => n,
            other => panic!("{text:?} read as {other:?}"),
        }
    }

    fn text(json: &str) -> String {
        match value(json) {
            Value::String(s) => s,
            other => panic!("{json:?} read as {other:?}"),
        }
    }

    #[test]
    fn reads_every_kind_of_value_with_its_offset() {
        let json = parse(" {\"a\": [null, true, false, 1, \"x\"], \"b\": {}} ").unwrap();
        assert_eq!(json.at, 1);
        let Value::Object(members) = json.value else {
            panic!("not an object")
        };
        assert_eq!(members.len(), 2);
        assert_eq!((members[0].at, members[0].key.as_str()), (2, "a"));
        assert_eq!(members[1].key, "b");
        assert_eq!(members[1].value.value, Value::Object(vec![]));
        let Value::Array(items) = &members[0].value.value else {
            panic!("not an array")
        };
        let kinds: Vec<&Value> = items.iter().map(|j| &j.value).collect();
        assert_eq!(
            kinds,
            [
                &Value::Null,
                &Value::Bool(true),
                &Value::Bool(false),
                &Value::Number(1.0),
                &Value::String("x".into())
            ]
        );
        assert_eq!(items[4].at, 30);
        assert_eq!(value("[]"), Value::Array(vec![]));
        assert_eq!(value("\t\r\n 7 \n"), Value::Number(7.0));
    }

    #[test]
    fn reads_every_escape() {
        assert_eq!(
            text(r#""q\" b\\ s\/ \b\f\n\r\t""#),
            "q\" b\\ s/ \u{8}\u{c}\n\r\t"
        );
        assert_eq!(text(r#""\u0041\u00e9\u20AC\u0000""#), "Aé€\u{0}");
        assert_eq!(text("\"plain é 🦀 text\""), "plain é 🦀 text");
        assert_eq!(text(r#""a\nb""#), "a\nb");
        assert_eq!(text(r#""""#), "");
    }

    #[test]
    fn reads_surrogate_pairs_and_refuses_lone_halves() {
        assert_eq!(text(r#""\ud83e\udd80""#), "🦀");
        assert_eq!(text(r#""\uD834\uDD1E!""#), "𝄞!");
        for lone in [
            r#""\ud800""#,
            r#""\ud800x""#,
            r#""\ud800\n""#,
            r#""\ud800\u0041""#,
            r#""\ud800\ud800""#,
            r#""\udc00""#,
            r#""\udfff\ud800""#,
        ] {
            let error = refusal(lone);
            assert!(
                error.problem.contains("unpaired surrogate"),
                "{lone}: {error}"
            );
        }
    }

    #[test]
    fn refuses_broken_strings() {
        for (json, problem) in [
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
        ] {
            let error = refusal(json);
            assert!(error.problem.contains(problem), "{json:?}: {error}");
        }
        // DEL and everything above are text.
        assert_eq!(text("\"\u{7f}\u{80}\""), "\u{7f}\u{80}");
    }

    #[test]
    fn numbers_come_out_as_the_standard_parser_gives_them() {
        for (json, expected) in [
            ("6.75", 6.75),
            ("1e1", 10.0),
            ("1E1", 10.0),
            ("1e+1", 10.0),
            ("1.5e-3", 0.0015),
            ("0.1", 0.1),
            ("0.2", 0.2),
            ("0.3", 0.3),
            ("10.01", 10.01),
            ("0.99", 0.99),
            ("0", 0.0),
            ("0.0", 0.0),
            ("0e5", 0.0),
            ("185000", 185000.0),
            ("-3", -3.0),
            ("123456789012345.0", 123_456_789_012_345.0),
            ("9007199254740993", 9_007_199_254_740_992.0),
            ("0.000001", 1e-6),
            ("1e22", 1e22),
            ("1e-22", 1e-22),
            ("1e-400", 0.0),
            ("1e-99999999999999999999", 0.0),
        ] {
            assert_eq!(num(json), expected, "{json}");
            assert_eq!(num(json), json.parse::<f64>().unwrap(), "{json}");
        }
        // Past 10^±22 or 19 digits several roundings add up, but stay far below any
        // difference a dataset could mean.
        for json in [
            "12345678901234567890123",
            "1.2345678901234567890123",
            "0.00000000000000000000000000001",
            "1e300",
            "-1.7976931348623157e308",
            "2.2250738585072014e-308",
        ] {
            let expected: f64 = json.parse().unwrap();
            assert!(
                (num(json) - expected).abs() <= expected.abs() * 1e-15,
                "{json}"
            );
        }
        let minus_zero = num("-0");
        assert!(minus_zero == 0.0 && minus_zero.is_sign_negative());
    }

    #[test]
    fn refuses_numbers_outside_the_grammar() {
        for (json, problem) in [
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
            ("1e999", "number out of range"),
            ("-1e400", "number out of range"),
            ("1e99999999999999999999", "number out of range"),
        ] {
            let error = refusal(json);
            assert!(error.problem.contains(problem), "{json}: {error}");
        }
    }

    #[test]
    fn refuses_other_syntax_errors() {
        for (json, problem) in [
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
        ] {
            let error = refusal(json);
            assert!(
                error.problem.ends_with(problem) || error.problem.contains(problem),
                "{json:?}: {error}"
            );
        }
    }

    #[test]
    fn the_line_and_column_count_characters_from_one() {
        let json = "{\n  \"title\": \"x\",\n  oops\n}";
        let error = refusal(json);
        assert!(error.problem.ends_with("at line 3 column 3"), "{error}");
        // A column counts characters, not bytes: `é` and `🦀` are one each.
        let error = refusal("{\"é🦀\": x}");
        assert!(error.problem.ends_with("at line 1 column 8"), "{error}");
        assert_eq!(error.field, "é🦀");
        let error = refusal("[\r\n1,\r\n  x]");
        assert!(error.problem.ends_with("at line 3 column 3"), "{error}");
    }

    #[test]
    fn nesting_is_limited_without_overflowing_the_stack() {
        let deepest = format!("{}{}", "[".repeat(MAX_DEPTH), "]".repeat(MAX_DEPTH));
        assert!(parse(&deepest).is_ok());
        let too_deep = format!("{}{}", "[".repeat(MAX_DEPTH + 1), "]".repeat(MAX_DEPTH + 1));
        let error = refusal(&too_deep);
        assert_eq!(
            error.problem,
            format!(
                "nested more than {MAX_DEPTH} levels deep at line 1 column {}",
                MAX_DEPTH + 1
            )
        );
        for hostile in ["[".repeat(100_000), "{\"a\":".repeat(100_000)] {
            assert!(refusal(&hostile).problem.contains("nested more than"));
        }
    }

    fn fields(json: &str) -> Fields {
        Fields::new(parse(json).unwrap(), "top".into())
    }

    fn fault(f: Fields) -> (usize, String, String) {
        let fault = f.finish().expect_err("a fault");
        (fault.at, fault.field, fault.problem)
    }

    fn says(at: usize, field: &str, problem: &str) -> (usize, String, String) {
        (at, field.into(), problem.into())
    }

    #[test]
    fn fields_are_taken_once_and_leftovers_refused() {
        let mut f = fields(r#"{"a": "x", "n": 2, "l": ["p", "q"], "z": null, "extra": 1}"#);
        assert_eq!(f.string("a"), "x");
        assert_eq!(f.number("n"), 2.0);
        assert_eq!(f.strings("l"), ["p", "q"]);
        assert_eq!(f.optional_string("z"), None);
        assert_eq!(f.optional_string("absent"), None);
        assert_eq!(f.text("absent"), "");
        assert!(f.strings("absent").is_empty());
        assert!(f.list("absent", false).is_empty());
        assert_eq!(fault(f), says(47, "top.extra", "unknown field `extra`"));
        assert!(fields("{}").finish().is_ok());
    }

    #[test]
    fn a_missing_field_names_the_object_that_lacks_it() {
        let mut f = fields(r#"{"a": 1}"#);
        assert!(f.need("gone").is_none());
        assert_eq!(fault(f), says(0, "top", "missing field `gone`"));
        let mut f = fields(r#"{"a": 1}"#);
        assert!(f.list("items", true).is_empty());
        assert_eq!(fault(f), says(0, "top", "missing field `items`"));
    }

    #[test]
    fn the_first_fault_is_kept_and_later_reads_come_back_empty() {
        let mut f = fields(r#"{"a": 1, "b": "x", "c": 2}"#);
        assert_eq!(f.string("a"), "");
        assert_eq!(f.string("b"), "", "a read after a fault");
        assert_eq!(f.optional_string("b"), None);
        let mut inner = fields("[]");
        inner.string("x");
        f.absorb(inner);
        assert_eq!(
            fault(f),
            says(6, "top.a", "expected a string, found a number")
        );

        let mut f = fields(r#"{"a": "x"}"#);
        assert_eq!(f.string("a"), "x");
        f.absorb(fields(r#"{"b": 1}"#));
        assert_eq!(fault(f), says(1, "top.b", "unknown field `b`"));
    }

    #[test]
    fn a_field_given_twice_is_refused_at_the_second() {
        let mut f = fields(r#"{"a": 1, "b": 2, "a": 3}"#);
        assert!(f.take("a").is_none());
        assert_eq!(fault(f), says(17, "top.a", "duplicate key"));
    }

    #[test]
    fn a_wrong_type_names_what_was_expected_and_found() {
        for (json, read, problem) in [
            (r#"{"v": []}"#, 0, "expected a string, found an array"),
            (r#"{"v": "1"}"#, 1, "expected a number, found a string"),
            (r#"{"v": {}}"#, 2, "expected an array, found an object"),
            (r#"{"v": true}"#, 3, "expected a string, found a boolean"),
            (r#"{"v": null}"#, 0, "expected a string, found null"),
            (r#"{"v": [1]}"#, 4, "expected a string, found a number"),
        ] {
            let mut f = fields(json);
            // Each read gives an empty value on a fault; only the fault is looked at.
            match read {
                0 => assert_eq!(f.string("v"), ""),
                1 => assert_eq!(f.number("v"), 0.0),
                2 => assert!(f.list("v", true).is_empty()),
                3 => assert_eq!(f.optional_string("v"), Some(String::new())),
                _ => assert_eq!(f.strings("v"), [""]),
            }
            let path = if read == 4 { "top.v[0]" } else { "top.v" };
            let at = if read == 4 { 7 } else { 6 };
            assert_eq!(fault(f), says(at, path, problem), "{json}");
        }
        let mut f = fields(r#"{"o": 3}"#);
        let (json, path) = f.need("o").unwrap();
        assert_eq!(
            fault(Fields::new(json, path)),
            says(6, "top.o", "expected an object, found a number")
        );
        let mut f = fields(r#"{"m": [3]}"#);
        let (json, path) = f.need("m").unwrap();
        assert!(f.read_members(json, &path).is_empty());
        assert_eq!(
            fault(f),
            says(6, "top.m", "expected an object, found an array")
        );
    }

    #[test]
    fn element_paths_carry_their_index() {
        let mut f = fields(r#"{"b": [1, 2, 3]}"#);
        let items = f.list("b", true);
        let paths: Vec<&str> = items.iter().map(|(_, p)| p.as_str()).collect();
        assert_eq!(paths, ["top.b[0]", "top.b[1]", "top.b[2]"]);
        assert_eq!(child("", "title"), "title");
        assert_eq!(child("criteria[2]", "scores"), "criteria[2].scores");
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 20_000, ..ProptestConfig::default() })]

        /// Up to 15 significant digits and an exponent within ±22, as any dataset writes
        /// numbers: exactly what `str::parse` gives, however the number is spelled.
        #[test]
        fn short_numbers_match_the_standard_parser(
            digits in 0u64..1_000_000_000_000_000,
            point in 0usize..16,
            exponent in -7i32..=7,
            negative in any::<bool>(),
            upper in any::<bool>(),
        ) {
            let digits = digits.to_string();
            let point = point.min(digits.len() - 1);
            let (whole, fraction) = digits.split_at(digits.len() - point);
            let mut json = String::new();
            if negative {
                json.push('-');
            }
            json.push_str(whole);
            if !fraction.is_empty() {
                json.push('.');
                json.push_str(fraction);
            }
            if exponent != 0 {
                json.push(if upper { 'E' } else { 'e' });
                json.push_str(&exponent.to_string());
            }
            if whole.len() > 1 && whole.starts_with('0') {
                prop_assert!(parse(&json).is_err(), "{}", json);
            } else {
                let expected: f64 = json.parse().unwrap();
                prop_assert_eq!(num(&json).to_bits(), expected.to_bits(), "{}", json);
            }
        }

        /// Any `f64` as Rust writes it shortest: within a few units in the last place, or
        /// refused as out of range only at the very top of the range.
        #[test]
        fn any_number_reads_back_closely(x in any::<f64>().prop_filter("finite", |x| x.is_finite())) {
            for json in [format!("{x}"), format!("{x:e}")] {
                match parse(&json) {
                    Ok(Json { value: Value::Number(n), .. }) => {
                        let off = (n - x).abs();
                        prop_assert!(off <= x.abs() * 1e-14 || (x.abs() < 1e-300 && off < 1e-300), "{} read as {}", json, n);
                    }
                    Ok(other) => prop_assert!(false, "{} read as {:?}", json, other),
                    Err(fault) => prop_assert!(
                        x.abs() > 1e307 && fault.problem == "number out of range",
                        "{} refused: {}", json, fault.problem
                    ),
                }
            }
        }

        /// Any string, however escaped, reads back as itself.
        #[test]
        fn any_string_reads_back(s in any::<String>(), escape_all in any::<bool>()) {
            let mut json = String::from("\"");
            for ch in s.chars() {
                match ch {
                    '"' => json.push_str("\\\""),
                    '\\' => json.push_str("\\\\"),
                    c if escape_all || (c as u32) < 0x20 => {
                        let mut units = [0u16; 2];
                        for unit in c.encode_utf16(&mut units) {
                            json.push_str(&format!("\\u{:04x}", unit));
                        }
                    }
                    c => json.push(c),
                }
            }
            json.push('"');
            prop_assert_eq!(text(&json), s);
        }
    }
}
