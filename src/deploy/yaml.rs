//! A YAML document as a tree whose every node knows its line and column.
//!
//! prefect.yaml needs Prefect's own leniency (anchors, aliases, `<<:` merge keys, YAML 1.1
//! booleans) and ot2ctl's strictness (every mistake reported at `file:line:column`), and the
//! templating pass must say where a placeholder was. serde-saphyr resolves anchors and merges;
//! wrapping every node in [`Spanned`] keeps the positions.

use std::fmt;

use serde::Deserialize;
use serde::de::{self, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_json::{Map, Number, Value};
use serde_saphyr::{Location, Spanned};

/// Parses a document the way PyYAML (which Prefect uses) reads it.
///
/// serde-saphyr's YAML 1.1 booleans include `y`/`n`, which PyYAML reads as strings, and the
/// lab's parameters are called `R`, `Y`, `B`, `G`. So YAML 1.2 booleans are parsed strictly and
/// PyYAML's extra spellings (`yes`, `No`, `ON`, ...) are turned into booleans here.
pub fn parse(text: &str) -> Result<Node, serde_saphyr::Error> {
    serde_saphyr::from_str_with_options(text, serde_saphyr::options! { strict_booleans: true })
}

/// PyYAML's YAML 1.1 boolean spellings beyond true/false.
fn pyyaml_bool(text: &str) -> Option<bool> {
    match text {
        "yes" | "Yes" | "YES" | "on" | "On" | "ON" => Some(true),
        "no" | "No" | "NO" | "off" | "Off" | "OFF" => Some(false),
        _ => None,
    }
}

/// Where a node is: 1-based line and column (0 when unknown).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Pos {
    pub line: u64,
    pub column: u64,
}

impl From<Location> for Pos {
    fn from(location: Location) -> Pos {
        Pos {
            line: location.line(),
            column: location.column(),
        }
    }
}

/// A YAML value with its position.
#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    pub pos: Pos,
    pub kind: Kind,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Kind {
    Null,
    Bool(bool),
    Number(Number),
    String(String),
    Seq(Vec<Node>),
    /// Keys in document order, each with its own position.
    Map(Vec<(Key, Node)>),
}

#[derive(Debug, Clone, PartialEq)]
pub struct Key {
    pub pos: Pos,
    pub name: String,
}

impl Node {
    /// The value without positions, as the API wants it.
    pub fn to_json(&self) -> Value {
        match &self.kind {
            Kind::Null => Value::Null,
            Kind::Bool(b) => Value::Bool(*b),
            Kind::Number(n) => Value::Number(n.clone()),
            Kind::String(s) => Value::String(s.clone()),
            Kind::Seq(items) => Value::Array(items.iter().map(Node::to_json).collect()),
            Kind::Map(entries) => Value::Object(
                entries
                    .iter()
                    .map(|(key, value)| (key.name.clone(), value.to_json()))
                    .collect::<Map<String, Value>>(),
            ),
        }
    }

    /// The key and value of a mapping's entry, if this is a mapping and has it.
    pub fn entry(&self, name: &str) -> Option<(&Key, &Node)> {
        match &self.kind {
            Kind::Map(entries) => entries
                .iter()
                .find(|(k, _)| k.name == name)
                .map(|(k, v)| (k, v)),
            _ => None,
        }
    }

    /// The value under a key of a mapping, if this is one and has it. (Named apart from
    /// JSON's `get`: this reads the positioned YAML of a file, not a server's answer.)
    pub fn field(&self, name: &str) -> Option<&Node> {
        match &self.kind {
            Kind::Map(entries) => entries.iter().find(|(k, _)| k.name == name).map(|(_, v)| v),
            _ => None,
        }
    }

    pub fn as_str(&self) -> Option<&str> {
        match &self.kind {
            Kind::String(s) => Some(s),
            _ => None,
        }
    }

    pub fn is_null(&self) -> bool {
        self.kind == Kind::Null
    }

    /// What kind of value this is, for error messages.
    pub fn describe(&self) -> &'static str {
        match self.kind {
            Kind::Null => "null",
            Kind::Bool(_) => "a boolean",
            Kind::Number(_) => "a number",
            Kind::String(_) => "a string",
            Kind::Seq(_) => "a list",
            Kind::Map(_) => "a mapping",
        }
    }
}

impl<'de> Deserialize<'de> for Node {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Node, D::Error> {
        let spanned = Spanned::<Kind>::deserialize(deserializer)?;
        Ok(Node {
            pos: spanned.referenced.into(),
            kind: spanned.value,
        })
    }
}

impl<'de> Deserialize<'de> for Key {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Key, D::Error> {
        let spanned = Spanned::<KeyText>::deserialize(deserializer)?;
        Ok(Key {
            pos: spanned.referenced.into(),
            name: spanned.value.0,
        })
    }
}

/// A mapping key, kept as written (`Y:` stays "Y", `on:` stays "on").
struct KeyText(String);

impl<'de> Deserialize<'de> for KeyText {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<KeyText, D::Error> {
        String::deserialize(deserializer).map(KeyText)
    }
}

impl<'de> Deserialize<'de> for Kind {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Kind, D::Error> {
        deserializer.deserialize_any(KindVisitor)
    }
}

struct KindVisitor;

impl<'de> Visitor<'de> for KindVisitor {
    type Value = Kind;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any YAML value")
    }

    fn visit_unit<E>(self) -> Result<Kind, E> {
        Ok(Kind::Null)
    }

    fn visit_none<E>(self) -> Result<Kind, E> {
        Ok(Kind::Null)
    }

    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<Kind, D::Error> {
        Kind::deserialize(deserializer)
    }

    fn visit_bool<E>(self, v: bool) -> Result<Kind, E> {
        Ok(Kind::Bool(v))
    }

    fn visit_i64<E>(self, v: i64) -> Result<Kind, E> {
        Ok(Kind::Number(v.into()))
    }

    fn visit_u64<E>(self, v: u64) -> Result<Kind, E> {
        Ok(Kind::Number(v.into()))
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Kind, E> {
        Number::from_f64(v)
            .map(Kind::Number)
            .ok_or_else(|| E::custom(format!("{v} is not a finite number")))
    }

    fn visit_str<E>(self, v: &str) -> Result<Kind, E> {
        Ok(pyyaml_bool(v).map_or_else(|| Kind::String(v.to_string()), Kind::Bool))
    }

    fn visit_string<E>(self, v: String) -> Result<Kind, E> {
        Ok(match pyyaml_bool(&v) {
            Some(b) => Kind::Bool(b),
            None => Kind::String(v),
        })
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Kind, A::Error> {
        let mut items = Vec::new();
        while let Some(item) = seq.next_element::<Node>()? {
            items.push(item);
        }
        Ok(Kind::Seq(items))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Kind, A::Error> {
        let mut entries: Vec<(Key, Node)> = Vec::new();
        while let Some(key) = map.next_key::<Key>()? {
            let value = map.next_value::<Node>()?;
            // A later key wins, as in PyYAML (and after a merge, the explicit key wins).
            if let Some(existing) = entries.iter_mut().find(|(k, _)| k.name == key.name) {
                *existing = (key, value);
            } else {
                entries.push((key, value));
            }
        }
        Ok(Kind::Map(entries))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Node {
        super::parse(text).unwrap()
    }

    #[test]
    fn keeps_positions_of_values_and_keys() {
        let node = parse("a: 1\nb:\n  - x\n  - {c: true}\n");
        let b = node.field("b").unwrap();
        assert_eq!(b.pos.line, 3);
        let Kind::Seq(items) = &b.kind else { panic!() };
        assert_eq!(items[1].field("c").unwrap().pos, Pos { line: 4, column: 9 });
        let Kind::Map(entries) = &node.kind else {
            panic!()
        };
        assert_eq!(entries[1].0.pos.line, 2);
    }

    #[test]
    fn resolves_anchors_and_merge_keys() {
        let node = parse(
            "defs:\n  pool: &pool {name: p, queue: q}\nd:\n  work_pool:\n    <<: *pool\n    queue: r\n",
        );
        let pool = node.field("d").unwrap().field("work_pool").unwrap();
        assert_eq!(
            pool.to_json(),
            serde_json::json!({"name": "p", "queue": "r"})
        );
    }

    #[test]
    fn reads_booleans_and_numbers_as_pyyaml_does() {
        let node = parse("a: yes\nb: 3.5\nc: -2\nd: ~\nY: 50\ne: n\nf: Off\n");
        assert_eq!(
            node.to_json(),
            serde_json::json!({"a": true, "b": 3.5, "c": -2, "d": null, "Y": 50, "e": "n", "f": false})
        );
    }
}
