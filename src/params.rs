//! Flow run parameters as a person types them: `--param k=v` read as Prefect reads it, and
//! JSON read strictly. (How they are checked against a deployment's schema is the server's
//! contract: [`crate::api::parameters`].)

use serde_json::{Map, Value};

/// `k=v` → (k, v), `v` read as JSON, else as a string when it contains no `"` (Prefect's rule:
/// `n=3` is 3, `name=Marvin` is "Marvin", `tips=[1,2]` is a list).
pub fn parse_assignment(text: &str) -> Result<(String, Value), String> {
    let (key, raw) = text
        .split_once('=')
        .ok_or_else(|| format!("'{text}' is not NAME=VALUE"))?;
    let key = key.trim();
    if key.is_empty() {
        return Err(format!("'{text}' has no name before '='"));
    }
    let value = match strict_json(raw) {
        Ok(value) => value,
        Err(StrictJsonError::Syntax(_)) if !raw.contains('"') => Value::String(raw.to_string()),
        Err(err) => return Err(format!("the value of '{key}' {err}")),
    };
    Ok((key.to_string(), value))
}

/// Why a JSON text was refused by [`strict_json`].
#[derive(Debug, Clone, PartialEq)]
pub enum StrictJsonError {
    /// Not JSON at all.
    Syntax(String),
    /// An object names the same key twice: which value was meant cannot be told.
    DuplicateKey(String),
    /// A whole number beyond 64 bits, which would otherwise be stored rounded (`1e+29`).
    HugeInteger(String),
}

impl std::fmt::Display for StrictJsonError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            StrictJsonError::Syntax(err) => write!(f, "is not valid JSON: {err}"),
            StrictJsonError::DuplicateKey(key) => write!(
                f,
                "names the key \"{key}\" twice; keep one (JSON does not say which would win)"
            ),
            StrictJsonError::HugeInteger(number) => write!(
                f,
                "holds the whole number {number}, beyond the 64-bit integers Prefect's parameters \
                 keep exactly; write it as a string, or as a decimal if rounding is meant"
            ),
        }
    }
}

/// JSON a person typed, read without guessing: a key written twice in one object and a
/// whole number too large to keep exactly are refused, where a plain parse would keep the
/// last key or round the number.
pub fn strict_json(text: &str) -> Result<Value, StrictJsonError> {
    let mut deserializer = serde_json::Deserializer::from_str(text);
    let value = <NoDuplicates as serde::Deserialize>::deserialize(&mut deserializer)
        .and_then(|value| deserializer.end().map(|()| value.0))
        .map_err(|err| {
            let message = err.to_string();
            match message.strip_prefix(DUPLICATE_MARK) {
                Some(rest) => StrictJsonError::DuplicateKey(
                    rest.split(" at line ").next().unwrap_or(rest).to_string(),
                ),
                None => StrictJsonError::Syntax(message),
            }
        })?;
    if let Some(number) = huge_integer(text) {
        return Err(StrictJsonError::HugeInteger(number));
    }
    Ok(value)
}

const DUPLICATE_MARK: &str = "duplicate key: ";

/// A JSON value whose objects were checked for repeated keys while they were read.
struct NoDuplicates(Value);

impl<'de> serde::Deserialize<'de> for NoDuplicates {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer
            .deserialize_any(NoDuplicatesVisitor)
            .map(NoDuplicates)
    }
}

struct NoDuplicatesVisitor;

impl<'de> serde::de::Visitor<'de> for NoDuplicatesVisitor {
    type Value = Value;

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("a JSON value")
    }

    fn visit_bool<E>(self, v: bool) -> Result<Value, E> {
        Ok(Value::Bool(v))
    }

    fn visit_i64<E>(self, v: i64) -> Result<Value, E> {
        Ok(Value::from(v))
    }

    fn visit_u64<E>(self, v: u64) -> Result<Value, E> {
        Ok(Value::from(v))
    }

    fn visit_f64<E: serde::de::Error>(self, v: f64) -> Result<Value, E> {
        serde_json::Number::from_f64(v)
            .map(Value::Number)
            .ok_or_else(|| E::custom("number out of range"))
    }

    fn visit_str<E>(self, v: &str) -> Result<Value, E> {
        Ok(Value::String(v.to_string()))
    }

    fn visit_string<E>(self, v: String) -> Result<Value, E> {
        Ok(Value::String(v))
    }

    fn visit_unit<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let mut items = Vec::new();
        while let Some(NoDuplicates(item)) = seq.next_element()? {
            items.push(item);
        }
        Ok(Value::Array(items))
    }

    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut access: A) -> Result<Value, A::Error> {
        let mut map = Map::new();
        while let Some(key) = access.next_key::<String>()? {
            if map.contains_key(&key) {
                return Err(serde::de::Error::custom(format!("{DUPLICATE_MARK}{key}")));
            }
            let NoDuplicates(value) = access.next_value()?;
            map.insert(key, value);
        }
        Ok(Value::Object(map))
    }
}

/// The first whole-number literal of a JSON text (outside strings) that fits neither `i64`
/// nor `u64`.
fn huge_integer(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let mut index = 0;
    let mut in_string = false;
    while index < bytes.len() {
        let byte = bytes[index];
        if in_string {
            match byte {
                b'\\' => index += 1,
                b'"' => in_string = false,
                _ => {}
            }
            index += 1;
            continue;
        }
        if byte == b'"' {
            in_string = true;
            index += 1;
            continue;
        }
        if byte == b'-' || byte.is_ascii_digit() {
            let start = index;
            index += 1;
            while index < bytes.len()
                && (bytes[index].is_ascii_digit() || b".eE+-".contains(&bytes[index]))
            {
                index += 1;
            }
            let literal = &text[start..index];
            let whole = !literal.contains(['.', 'e', 'E']);
            if whole && literal.parse::<i64>().is_err() && literal.parse::<u64>().is_err() {
                return Some(literal.to_string());
            }
            continue;
        }
        index += 1;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn values_are_json_else_strings() {
        assert_eq!(parse_assignment("R=120").unwrap(), ("R".into(), json!(120)));
        assert_eq!(
            parse_assignment("well=B2").unwrap(),
            ("well".into(), json!("B2"))
        );
        assert_eq!(
            parse_assignment("tips=[1,2]").unwrap(),
            ("tips".into(), json!([1, 2]))
        );
        assert_eq!(parse_assignment("x=").unwrap(), ("x".into(), json!("")));
        assert!(parse_assignment("noequals").is_err());
        assert!(
            parse_assignment("n=99999999999999999999999999999")
                .unwrap_err()
                .contains("beyond the 64-bit integers")
        );
        assert!(parse_assignment("q=\"open").is_err());
    }

    #[test]
    fn strict_json_refuses_repeated_keys_and_numbers_it_would_round() {
        assert_eq!(
            strict_json(r#"{"a": 1, "b": {"c": [1, 2.5, -3, 18446744073709551615]}}"#).unwrap(),
            json!({"a": 1, "b": {"c": [1, 2.5, -3, 18446744073709551615u64]}})
        );
        assert_eq!(
            strict_json(r#"{"R": 1, "R": 2}"#),
            Err(StrictJsonError::DuplicateKey("R".into()))
        );
        assert_eq!(
            strict_json(r#"{"x": {"k": 1, "k": 1}}"#),
            Err(StrictJsonError::DuplicateKey("k".into()))
        );
        assert_eq!(
            strict_json(r#"{"n": 99999999999999999999999999999}"#),
            Err(StrictJsonError::HugeInteger(
                "99999999999999999999999999999".into()
            ))
        );
        assert_eq!(
            strict_json(r#"{"n": -9223372036854775809}"#),
            Err(StrictJsonError::HugeInteger("-9223372036854775809".into()))
        );
        // Inside strings, and as decimals, large numbers are what was written.
        assert!(strict_json(r#"{"s": "99999999999999999999999", "f": 1e29}"#).is_ok());
        assert!(strict_json(r#"{"s": "a\"99999999999999999999999"}"#).is_ok());
        assert!(matches!(
            strict_json("{\"a\": 1} x"),
            Err(StrictJsonError::Syntax(_))
        ));
        assert!(matches!(
            strict_json("1e999"),
            Err(StrictJsonError::Syntax(_))
        ));
    }
}
