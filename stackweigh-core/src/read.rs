//! Reading a custom dataset from its JSON text.
//!
//! [`read_json`] checks the text as strict JSON ([`crate::json`]), has a parser turn it
//! into values, reads those into the schema with serde's derived `Deserialize`, and holds
//! the result to [`crate::validate`]'s rules. The parser is the caller's: the widget has
//! the browser parse (`JSON.parse`), the core's tests serde_json. Either hands over its
//! values through the small [`Json`] trait, so both go through the same reader and say
//! the same things.
//!
//! The reader is a serde `Deserializer` of our own rather than serde-wasm-bindgen with
//! serde_path_to_error: those two, wrapped once more to refuse unknown fields, cost far
//! more of the script's size budget than it has (docs/performance.md has the figures).
//! This one does in one layer what they would do for us: every refusal names its field
//! (`criteria[0].scores.rust`), says what was expected and what was found in plain words,
//! and refuses a key its struct does not declare, for every type of the schema at once.

use std::fmt;

use serde::de::{self, DeserializeSeed, Deserializer, IntoDeserializer, MapAccess, SeqAccess};
use serde::Deserialize;

use crate::dataset::{Dataset, DatasetError};
use crate::json::{self, Path, Step};
use crate::validate;

/// What a parsed JSON value is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Null,
    Bool,
    Number,
    String,
    Array,
    Object,
}

impl Kind {
    fn words(self) -> &'static str {
        match self {
            Kind::Null => "null",
            Kind::Bool => "a boolean",
            Kind::Number => "a number",
            Kind::String => "a string",
            Kind::Array => "an array",
            Kind::Object => "an object",
        }
    }
}

/// A parsed JSON value, as the reader asks about it.
pub trait Json: Sized {
    fn kind(&self) -> Kind;
    fn as_bool(&self) -> Option<bool>;
    fn as_f64(&self) -> Option<f64>;
    fn as_text(&self) -> Option<String>;
    /// An array's elements, in order; nothing for anything else.
    fn into_elements(self) -> Vec<Self>;
    /// An object's members, in the order of the text; nothing for anything else.
    fn into_members(self) -> Vec<(String, Self)>;
}

/// Reads and validates a custom dataset. `parse` turns the text into values; it is
/// called only once the text is known to be strict JSON, so a refusal from it is unlikely
/// and is passed on as it is. Every other refusal names its field, and those of the
/// schema and the syntax also say where the field is in the text.
pub fn read_json<V: Json>(
    text: &str,
    parse: impl FnOnce(&str) -> Result<V, String>,
) -> Result<Dataset, DatasetError> {
    check_json(text)?;
    let value = parse(text).map_err(|problem| DatasetError::new("", problem))?;
    let dataset = Dataset::deserialize(Reader {
        value,
        path: &Path::Root,
    })
    .map_err(|refusal| refusal.located(text))?;
    validate::check(&dataset)?;
    Ok(dataset)
}

/// Checks that `text` is strict JSON with no key given twice in an object, and no number
/// too large to hold.
fn check_json(text: &str) -> Result<(), DatasetError> {
    json::check(text).map_err(|fault| {
        let (line, column) = json::line_column(text, fault.at);
        DatasetError::new(
            fault.field,
            format!("{} at line {line} column {column}", fault.problem),
        )
    })
}

/// Why a value was refused, and (once known) where.
#[derive(Debug)]
struct Refusal {
    steps: Option<Vec<Step>>,
    problem: String,
}

impl Refusal {
    fn new(path: &Path, problem: impl Into<String>) -> Refusal {
        Refusal {
            steps: Some(path.steps()),
            problem: problem.into(),
        }
    }

    /// Places a refusal made without its place (by serde's derived code) at `path`; one
    /// placed deeper down keeps its place.
    fn at(mut self, path: &Path) -> Refusal {
        if self.steps.is_none() {
            self.steps = Some(path.steps());
        }
        self
    }

    /// The refusal as the widget shows it, with the line and column of the field.
    fn located(self, text: &str) -> DatasetError {
        let steps = self.steps.unwrap_or_default();
        let mut problem = self.problem;
        if let Some(at) = json::locate(text, &steps) {
            let (line, column) = json::line_column(text, at);
            problem.push_str(&format!(" at line {line} column {column}"));
        }
        DatasetError::new(json::path(&steps), problem)
    }
}

impl fmt::Display for Refusal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.problem)
    }
}

impl std::error::Error for Refusal {}

impl de::Error for Refusal {
    fn custom<T: fmt::Display>(problem: T) -> Self {
        Refusal {
            steps: None,
            problem: problem.to_string(),
        }
    }

    // Serde's own wording names Rust types ("expected f64") and writes the value found,
    // which would bring float formatting into the wasm: the widget says kinds instead.
    fn invalid_type(found: de::Unexpected, expected: &dyn de::Expected) -> Self {
        let found = match found {
            de::Unexpected::Bool(_) => Kind::Bool,
            de::Unexpected::Unsigned(_) | de::Unexpected::Signed(_) | de::Unexpected::Float(_) => {
                Kind::Number
            }
            de::Unexpected::Char(_) | de::Unexpected::Str(_) => Kind::String,
            de::Unexpected::Seq => Kind::Array,
            de::Unexpected::Map => Kind::Object,
            _ => Kind::Null,
        };
        let expected = match expected.to_string().as_str() {
            "f64" => "a number".to_string(),
            "a boolean" => "true or false".to_string(),
            other => other.to_string(),
        };
        de::Error::custom(format_args!("expected {expected}, found {}", found.words()))
    }

    fn invalid_value(found: de::Unexpected, expected: &dyn de::Expected) -> Self {
        Self::invalid_type(found, expected)
    }

    fn duplicate_field(_: &'static str) -> Self {
        de::Error::custom("duplicate key")
    }
}

/// The deserializer: one value and where it is.
struct Reader<'p, V> {
    value: V,
    path: &'p Path<'p>,
}

impl<V: Json> Reader<'_, V> {
    fn expected(&self, expected: &str) -> Refusal {
        Refusal::new(
            self.path,
            format!("expected {expected}, found {}", self.value.kind().words()),
        )
    }
}

impl<'de, J: Json> Deserializer<'de> for Reader<'_, J> {
    type Error = Refusal;

    fn deserialize_any<W: de::Visitor<'de>>(self, visitor: W) -> Result<W::Value, Refusal> {
        let path = self.path;
        match self.value.kind() {
            Kind::Null => visitor.visit_unit(),
            Kind::Bool => self.deserialize_bool(visitor),
            Kind::Number => self.deserialize_f64(visitor),
            Kind::String => self.deserialize_string(visitor),
            Kind::Array => self.deserialize_seq(visitor),
            Kind::Object => self.deserialize_map(visitor),
        }
        .map_err(|refusal: Refusal| refusal.at(path))
    }

    fn deserialize_bool<W: de::Visitor<'de>>(self, visitor: W) -> Result<W::Value, Refusal> {
        match self.value.as_bool() {
            Some(value) => visitor
                .visit_bool(value)
                .map_err(|r: Refusal| r.at(self.path)),
            None => Err(self.expected("true or false")),
        }
    }

    fn deserialize_f64<W: de::Visitor<'de>>(self, visitor: W) -> Result<W::Value, Refusal> {
        match self.value.as_f64() {
            Some(value) => visitor
                .visit_f64(value)
                .map_err(|r: Refusal| r.at(self.path)),
            None => Err(self.expected("a number")),
        }
    }

    fn deserialize_string<W: de::Visitor<'de>>(self, visitor: W) -> Result<W::Value, Refusal> {
        match self.value.as_text() {
            Some(value) => visitor
                .visit_string(value)
                .map_err(|r: Refusal| r.at(self.path)),
            None => Err(self.expected("a string")),
        }
    }

    fn deserialize_str<W: de::Visitor<'de>>(self, visitor: W) -> Result<W::Value, Refusal> {
        self.deserialize_string(visitor)
    }

    fn deserialize_identifier<W: de::Visitor<'de>>(self, visitor: W) -> Result<W::Value, Refusal> {
        self.deserialize_string(visitor)
    }

    fn deserialize_option<W: de::Visitor<'de>>(self, visitor: W) -> Result<W::Value, Refusal> {
        let path = self.path;
        if self.value.kind() == Kind::Null {
            visitor.visit_none()
        } else {
            visitor.visit_some(self)
        }
        .map_err(|r: Refusal| r.at(path))
    }

    fn deserialize_seq<W: de::Visitor<'de>>(self, visitor: W) -> Result<W::Value, Refusal> {
        let path = self.path;
        visitor
            .visit_seq(self.array()?)
            .map_err(|r: Refusal| r.at(path))
    }

    fn deserialize_map<W: de::Visitor<'de>>(self, visitor: W) -> Result<W::Value, Refusal> {
        self.members(None, visitor)
    }

    fn deserialize_struct<W: de::Visitor<'de>>(
        self,
        _name: &'static str,
        fields: &'static [&'static str],
        visitor: W,
    ) -> Result<W::Value, Refusal> {
        self.members(Some(fields), visitor)
    }

    // Serde's derive skips a value whose key it does not know; the members refuse such a
    // key first, so nothing is ever skipped.
    fn deserialize_ignored_any<W: de::Visitor<'de>>(self, _: W) -> Result<W::Value, Refusal> {
        Err(Refusal::new(self.path, "unknown field"))
    }

    // The schema asks for nothing else; these read whatever the value is.
    serde::forward_to_deserialize_any! {
        i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 char bytes byte_buf unit unit_struct
        newtype_struct tuple tuple_struct enum
    }
}

impl<'p, V: Json> Reader<'p, V> {
    /// An object, for a struct (which names its `fields`) or values by id (any key).
    fn members<'de, W: de::Visitor<'de>>(
        self,
        fields: Option<&'static [&'static str]>,
        visitor: W,
    ) -> Result<W::Value, Refusal> {
        let path = self.path;
        visitor
            .visit_map(self.object(fields)?)
            .map_err(|r: Refusal| r.at(path))
    }

    /// The members of an object, or a refusal if it is not one.
    fn object(self, fields: Option<&'static [&'static str]>) -> Result<Members<'p, V>, Refusal> {
        if self.value.kind() != Kind::Object {
            return Err(self.expected("an object"));
        }
        Ok(Members {
            members: self.value.into_members().into_iter(),
            fields,
            value: None,
            path: self.path,
        })
    }

    /// The elements of an array, or a refusal if it is not one.
    fn array(self) -> Result<Elements<'p, V>, Refusal> {
        if self.value.kind() != Kind::Array {
            return Err(self.expected("an array"));
        }
        Ok(Elements {
            items: self.value.into_elements().into_iter(),
            index: 0,
            path: self.path,
        })
    }
}

/// An object's members, read in the order of the text. A key its struct does not
/// declare is refused where it is met, so of several faults the first in the text is
/// the one named.
struct Members<'p, V> {
    members: std::vec::IntoIter<(String, V)>,
    fields: Option<&'static [&'static str]>,
    /// The member whose key was read and whose value is next.
    value: Option<(String, V)>,
    path: &'p Path<'p>,
}

impl<V: Json> Members<'_, V> {
    /// The next member's key, once it is known to be one its struct declares. Apart
    /// from the generic reading of each key, so that its code is there once.
    fn next_member(&mut self) -> Result<Option<&str>, Refusal> {
        let Some((key, value)) = self.members.next() else {
            return Ok(None);
        };
        if self
            .fields
            .is_some_and(|fields| !fields.contains(&key.as_str()))
        {
            let path = Path::Key(self.path, &key);
            return Err(Refusal::new(&path, format!("unknown field `{key}`")));
        }
        Ok(Some(&self.value.insert((key, value)).0))
    }
}

impl<'de, V: Json> MapAccess<'de> for Members<'_, V> {
    type Error = Refusal;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, Refusal> {
        match self.next_member()? {
            Some(key) => seed.deserialize(key.into_deserializer()).map(Some),
            None => Ok(None),
        }
    }

    fn next_value_seed<S: DeserializeSeed<'de>>(&mut self, seed: S) -> Result<S::Value, Refusal> {
        let Some((key, value)) = self.value.take() else {
            return Err(Refusal::new(self.path, "a value without its key"));
        };
        seed.deserialize(Reader {
            value,
            path: &Path::Key(self.path, &key),
        })
    }
}

struct Elements<'p, V> {
    items: std::vec::IntoIter<V>,
    index: usize,
    path: &'p Path<'p>,
}

impl<'de, V: Json> SeqAccess<'de> for Elements<'_, V> {
    type Error = Refusal;

    fn next_element_seed<S: DeserializeSeed<'de>>(
        &mut self,
        seed: S,
    ) -> Result<Option<S::Value>, Refusal> {
        let Some(value) = self.items.next() else {
            return Ok(None);
        };
        let index = self.index;
        self.index += 1;
        seed.deserialize(Reader {
            value,
            path: &Path::Index(self.path, index),
        })
        .map(Some)
    }
}
