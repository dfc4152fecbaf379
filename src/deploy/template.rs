//! `{{ ... }}` placeholders, filled in Prefect's order: blocks, variables, environment, then
//! the outputs of build and push steps.
//!
//! Prefect renders a missing environment variable or Prefect variable as an empty string and
//! carries on; ot2ctl stops and names the placeholder and its line, unless the user passes
//! `--allow-missing`, which restores Prefect's behaviour.

use std::collections::BTreeSet;

use serde_json::Value;

use super::yaml::{Kind, Node, Pos};

/// The kind of a placeholder, from its name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PlaceholderKind {
    /// `{{ prefect.blocks.<type>.<name>[.path] }}`
    Block,
    /// `{{ prefect.variables.<name> }}`
    Variable,
    /// `{{ $NAME }}`
    Env,
    /// `{{ step_id.field }}`, `{{ field }}`, `{{ ctx.* }}`
    Standard,
}

/// One `{{ name }}` in a string.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Placeholder {
    /// The text as written, braces included.
    pub full: String,
    pub name: String,
    pub kind: PlaceholderKind,
}

pub const BLOCK_PREFIX: &str = "prefect.blocks.";
pub const VARIABLE_PREFIX: &str = "prefect.variables.";

/// The placeholders of a string, as Prefect's `{{\s*([\w\.\-\[\]$]+)\s*}}` finds them.
pub fn placeholders(text: &str) -> Vec<Placeholder> {
    let mut found: Vec<Placeholder> = Vec::new();
    let mut rest = text;
    while let Some(start) = rest.find("{{") {
        let after = &rest[start + 2..];
        let trimmed = after.trim_start();
        let name_len = trimmed
            .char_indices()
            .find(|(_, c)| !(c.is_alphanumeric() || matches!(c, '_' | '.' | '-' | '[' | ']' | '$')))
            .map_or(trimmed.len(), |(i, _)| i);
        let name = &trimmed[..name_len];
        let tail = trimmed[name_len..].trim_start();
        if !name.is_empty() && tail.starts_with("}}") {
            let end = text.len() - rest.len() + start; // index of "{{" in text
            let consumed = after.len() - tail.len() + 2;
            let full = &text[end..end + 2 + consumed];
            let placeholder = Placeholder {
                full: full.to_string(),
                name: name.to_string(),
                kind: kind_of(name),
            };
            if !found.contains(&placeholder) {
                found.push(placeholder);
            }
            rest = &tail[2..];
        } else {
            rest = after;
        }
    }
    found
}

fn kind_of(name: &str) -> PlaceholderKind {
    if name.starts_with(BLOCK_PREFIX) {
        PlaceholderKind::Block
    } else if name.starts_with(VARIABLE_PREFIX) {
        PlaceholderKind::Variable
    } else if name.starts_with('$') {
        PlaceholderKind::Env
    } else {
        PlaceholderKind::Standard
    }
}

/// What a pass knows about one placeholder.
pub enum Lookup {
    /// Replace it with this value.
    Value(Value),
    /// Not this pass's business: leave it for a later one.
    Skip,
    /// It has no value: Prefect renders it empty (and drops a list item that was only it).
    Missing(String),
}

/// Why a placeholder has no value, with where it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MissingValue {
    pub pos: Pos,
    pub placeholder: String,
    pub reason: String,
}

/// Fills the placeholders of every string in `node` that `lookup` knows.
///
/// A string that is exactly one placeholder takes the value with its JSON type; placeholders
/// inside other text are replaced by the value as Python's `str()` writes it, as Prefect does.
/// Missing values are errors unless `allow_missing`.
pub fn fill(
    node: &mut Node,
    lookup: &dyn Fn(&Placeholder) -> Lookup,
    allow_missing: bool,
) -> Result<(), MissingValue> {
    match &mut node.kind {
        Kind::String(text) => {
            if let Some(replacement) = fill_string(text, node.pos, lookup, allow_missing)? {
                *node = replacement;
            }
            Ok(())
        }
        Kind::Seq(items) => {
            let mut kept = Vec::with_capacity(items.len());
            for mut item in std::mem::take(items) {
                let whole_missing = is_whole_missing(&item, lookup);
                fill(&mut item, lookup, allow_missing)?;
                if !(whole_missing && allow_missing) {
                    kept.push(item);
                }
            }
            *items = kept;
            Ok(())
        }
        Kind::Map(entries) => {
            let mut kept = Vec::with_capacity(entries.len());
            for (key, mut value) in std::mem::take(entries) {
                let whole_missing = is_whole_missing(&value, lookup);
                fill(&mut value, lookup, allow_missing)?;
                if !(whole_missing && allow_missing) {
                    kept.push((key, value));
                }
            }
            *entries = kept;
            Ok(())
        }
        _ => Ok(()),
    }
}

/// A value that is nothing but a step-output placeholder without a value: Prefect drops it
/// (the key of a mapping, the item of a list); a missing env var or variable becomes "".
fn is_whole_missing(node: &Node, lookup: &dyn Fn(&Placeholder) -> Lookup) -> bool {
    let Kind::String(text) = &node.kind else {
        return false;
    };
    let found = placeholders(text);
    found.len() == 1
        && found[0].full == *text
        && found[0].kind == PlaceholderKind::Standard
        && matches!(lookup(&found[0]), Lookup::Missing(_))
}

fn fill_string(
    text: &str,
    pos: Pos,
    lookup: &dyn Fn(&Placeholder) -> Lookup,
    allow_missing: bool,
) -> Result<Option<Node>, MissingValue> {
    let found = placeholders(text);
    if found.is_empty() {
        return Ok(None);
    }
    if found.len() == 1 && found[0].full == text {
        return match lookup(&found[0]) {
            Lookup::Skip => Ok(None),
            Lookup::Value(value) => Ok(Some(from_json(&value, pos))),
            Lookup::Missing(_) if allow_missing => Ok(Some(Node {
                pos,
                kind: Kind::String(String::new()),
            })),
            Lookup::Missing(reason) => Err(MissingValue {
                pos,
                placeholder: found[0].full.clone(),
                reason,
            }),
        };
    }
    let mut result = text.to_string();
    let mut changed = false;
    for placeholder in &found {
        match lookup(placeholder) {
            Lookup::Skip => {}
            Lookup::Value(value) => {
                result = result.replace(&placeholder.full, &python_str(&value));
                changed = true;
            }
            Lookup::Missing(_) if allow_missing => {
                result = result.replace(&placeholder.full, "");
                changed = true;
            }
            Lookup::Missing(reason) => {
                return Err(MissingValue {
                    pos,
                    placeholder: placeholder.full.clone(),
                    reason,
                });
            }
        }
    }
    Ok(changed.then_some(Node {
        pos,
        kind: Kind::String(result),
    }))
}

/// Every placeholder of the given kind under `node`, by name.
pub fn collect(node: &Node, kind: PlaceholderKind, into: &mut BTreeSet<String>) {
    match &node.kind {
        Kind::String(text) => {
            for placeholder in placeholders(text) {
                if placeholder.kind == kind {
                    into.insert(placeholder.name);
                }
            }
        }
        Kind::Seq(items) => items.iter().for_each(|item| collect(item, kind, into)),
        Kind::Map(entries) => entries.iter().for_each(|(_, v)| collect(v, kind, into)),
        _ => {}
    }
}

/// A JSON value as a positioned node (all parts at `pos`).
pub fn from_json(value: &Value, pos: Pos) -> Node {
    let kind = match value {
        Value::Null => Kind::Null,
        Value::Bool(b) => Kind::Bool(*b),
        Value::Number(n) => Kind::Number(n.clone()),
        Value::String(s) => Kind::String(s.clone()),
        Value::Array(items) => Kind::Seq(items.iter().map(|v| from_json(v, pos)).collect()),
        Value::Object(map) => Kind::Map(
            map.iter()
                .map(|(k, v)| {
                    (
                        super::yaml::Key {
                            pos,
                            name: k.clone(),
                        },
                        from_json(v, pos),
                    )
                })
                .collect(),
        ),
    };
    Node { pos, kind }
}

/// A value as Python's `str()` prints it (`True`, `None`, `{'a': 1}`), which is what Prefect
/// puts in a string around an embedded placeholder.
pub fn python_str(value: &Value) -> String {
    match value {
        Value::String(s) => s.clone(),
        other => python_repr(other),
    }
}

fn python_repr(value: &Value) -> String {
    match value {
        Value::Null => "None".into(),
        Value::Bool(true) => "True".into(),
        Value::Bool(false) => "False".into(),
        Value::Number(n) => match n.as_f64() {
            Some(f) if n.is_f64() && f.fract() == 0.0 && f.abs() < 1e16 => format!("{f:.1}"),
            _ => n.to_string(),
        },
        Value::String(s) => {
            if s.contains('\'') && !s.contains('"') {
                format!("\"{s}\"")
            } else {
                format!("'{}'", s.replace('\\', "\\\\").replace('\'', "\\'"))
            }
        }
        Value::Array(items) => format!(
            "[{}]",
            items.iter().map(python_repr).collect::<Vec<_>>().join(", ")
        ),
        Value::Object(map) => format!(
            "{{{}}}",
            map.iter()
                .map(|(k, v)| format!(
                    "{}: {}",
                    python_repr(&Value::String(k.clone())),
                    python_repr(v)
                ))
                .collect::<Vec<_>>()
                .join(", ")
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn node(text: &str) -> Node {
        super::super::yaml::parse(text).unwrap()
    }

    #[test]
    fn finds_placeholders_like_prefects_regex() {
        let found = placeholders(
            "a {{ $HOME }}-{{prefect.variables.x}} {{ step.stdout }} {{ no spaces allowed }}",
        );
        let names: Vec<_> = found.iter().map(|p| (p.name.as_str(), p.kind)).collect();
        assert_eq!(
            names,
            vec![
                ("$HOME", PlaceholderKind::Env),
                ("prefect.variables.x", PlaceholderKind::Variable),
                ("step.stdout", PlaceholderKind::Standard),
            ]
        );
    }

    #[test]
    fn whole_values_keep_their_type_and_embedded_ones_are_python_strings() {
        let mut doc = node("a: '{{ prefect.variables.v }}'\nb: 'v={{ prefect.variables.v }}'\n");
        let lookup = |_: &Placeholder| Lookup::Value(json!({"count": 4, "ok": true}));
        fill(&mut doc, &lookup, false).unwrap();
        assert_eq!(
            doc.to_json(),
            json!({"a": {"count": 4, "ok": true}, "b": "v={'count': 4, 'ok': True}"})
        );
    }

    #[test]
    fn missing_values_stop_with_their_position_unless_allowed() {
        let text = "tags:\n  - lit\n  - '{{ $NOPE }}'\nx: 'a{{ $NOPE }}b'\n";
        let lookup = |_: &Placeholder| Lookup::Missing("not set".into());
        let err = fill(&mut node(text), &lookup, false).unwrap_err();
        assert_eq!(err.pos.line, 3);
        assert_eq!(err.placeholder, "{{ $NOPE }}");
        let mut allowed = node(text);
        fill(&mut allowed, &lookup, true).unwrap();
        assert_eq!(allowed.to_json(), json!({"tags": ["lit", ""], "x": "ab"}));
        // A missing step output that is the whole value is dropped, as Prefect drops it.
        let mut outputs = node(
            "image: '{{ build.image }}'
tags: ['{{ build.tag }}', 'v{{ build.tag }}']
keep: 1
",
        );
        fill(&mut outputs, &lookup, true).unwrap();
        assert_eq!(outputs.to_json(), json!({"tags": ["v"], "keep": 1}));
    }

    #[test]
    fn key_paths_reach_into_outputs() {
        let outputs = json!({"get-commit": {"stdout": "abc"}, "list": [1, {"x": 2}]});
        assert_eq!(
            crate::api::deployments::value_at(&outputs, "get-commit.stdout"),
            Some(&json!("abc"))
        );
        assert_eq!(
            crate::api::deployments::value_at(&outputs, "list[1].x"),
            Some(&json!(2))
        );
        assert_eq!(crate::api::deployments::value_at(&outputs, "nope.x"), None);
    }
}
