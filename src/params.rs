//! Flow run parameters: `--param k=v` read as Prefect reads it, and checked against the
//! deployment's parameter schema before any run is created.

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

/// Every problem with `parameters` for a deployment with this schema: unknown names (listing
/// the known ones), wrong types, missing required values. `defaults` are the deployment's own.
pub fn problems(
    schema: &Value,
    defaults: &Map<String, Value>,
    parameters: &Map<String, Value>,
) -> Vec<String> {
    let Some(properties) = schema.get("properties").and_then(Value::as_object) else {
        return Vec::new();
    };
    let mut found = Vec::new();
    let known: Vec<&str> = properties.keys().map(String::as_str).collect();
    for (name, value) in parameters {
        match properties.get(name) {
            None if known.is_empty() => found.push(format!(
                "unknown parameter '{name}': this deployment takes no parameters"
            )),
            None => found.push(format!(
                "unknown parameter '{name}'; the parameters are {}",
                known.join(", ")
            )),
            Some(property) => {
                if let Some(problem) = mismatch(property, value, schema) {
                    found.push(format!("parameter '{name}' {problem}"));
                }
            }
        }
    }
    for required in schema
        .get("required")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .filter_map(Value::as_str)
    {
        if !parameters.contains_key(required) && !defaults.contains_key(required) {
            found.push(format!(
                "parameter '{required}' is required (pass --param {required}=...)"
            ));
        }
    }
    found
}

/// What the server checks of a deployment's own parameters when it enforces their schema:
/// the type and bounds of each parameter the schema knows (not whether required ones are
/// there, nor unknown names).
pub fn value_problems(schema: &Value, parameters: &Map<String, Value>) -> Vec<String> {
    let Some(properties) = schema.get("properties").and_then(Value::as_object) else {
        return Vec::new();
    };
    parameters
        .iter()
        .filter_map(|(name, value)| {
            let problem = mismatch(properties.get(name)?, value, schema)?;
            Some(format!("parameter '{name}' {problem}"))
        })
        .collect()
}

/// Why `value` does not fit `property`, if it does not. Covers what flow signatures produce:
/// type, anyOf, enum, const, items, additionalProperties, $ref to definitions.
fn mismatch(property: &Value, value: &Value, root: &Value) -> Option<String> {
    if let Some(reference) = property.get("$ref").and_then(Value::as_str) {
        let name = reference.rsplit('/').next().unwrap_or("");
        let target = root
            .get("definitions")
            .or_else(|| root.get("$defs"))
            .and_then(|d| d.get(name));
        return target.and_then(|t| mismatch(t, value, root));
    }
    if let Some(options) = property.get("anyOf").and_then(Value::as_array) {
        if options.iter().any(|o| mismatch(o, value, root).is_none()) {
            return None;
        }
        let expected: Vec<String> = options.iter().map(describe).collect();
        return Some(format!(
            "must be {}, not {}",
            expected.join(" or "),
            show(value)
        ));
    }
    if let Some(allowed) = property.get("enum").and_then(Value::as_array)
        && !allowed.contains(value)
    {
        return Some(format!(
            "must be one of {}, not {}",
            choice_list(allowed),
            show(value)
        ));
    }
    if let Some(constant) = property.get("const")
        && constant != value
    {
        return Some(format!("must be {constant}, not {}", show(value)));
    }
    if let Some(expected) = property.get("type").and_then(Value::as_str)
        && !has_type(value, expected)
    {
        return Some(format!(
            "must be {}, not {}",
            describe(property),
            show(value)
        ));
    }
    if let Some(problem) = out_of_bounds(property, value) {
        return Some(problem);
    }
    if let (Some(items), Value::Array(values)) = (property.get("items"), value) {
        for (index, item) in values.iter().enumerate() {
            if let Some(problem) = mismatch(items, item, root) {
                return Some(format!("item {index} {problem}"));
            }
        }
    }
    if let (Some(values_schema @ Value::Object(_)), Value::Object(map)) =
        (property.get("additionalProperties"), value)
    {
        for (key, item) in map {
            if let Some(problem) = mismatch(values_schema, item, root) {
                return Some(format!("key '{key}' {problem}"));
            }
        }
    }
    None
}

/// The bounds Prefect's server checks (JSON Schema): minimum, maximum and their exclusive
/// forms for numbers; minLength, maxLength and pattern for text; minItems and maxItems for
/// lists.
fn out_of_bounds(property: &Value, value: &Value) -> Option<String> {
    let bound = |key: &str| property.get(key).and_then(Value::as_f64);
    if let Some(number) = value.as_f64() {
        type Broken = fn(f64, f64) -> bool;
        let checks: [(&str, Broken, &str); 4] = [
            ("minimum", |v, b| v < b, "at least"),
            ("maximum", |v, b| v > b, "at most"),
            ("exclusiveMinimum", |v, b| v <= b, "more than"),
            ("exclusiveMaximum", |v, b| v >= b, "less than"),
        ];
        for (key, broken, wording) in checks {
            if let Some(limit) = bound(key)
                && broken(number, limit)
            {
                return Some(format!(
                    "must be {wording} {}, not {}",
                    property[key],
                    show(value)
                ));
            }
        }
    }
    if let Some(text) = value.as_str() {
        let length = text.chars().count() as f64;
        if let Some(minimum) = bound("minLength")
            && length < minimum
        {
            return Some(format!(
                "must be at least {} characters long, not {}",
                property["minLength"],
                show(value)
            ));
        }
        if let Some(maximum) = bound("maxLength")
            && length > maximum
        {
            return Some(format!(
                "must be at most {} characters long, not {} characters",
                property["maxLength"],
                text.chars().count()
            ));
        }
        if let Some(pattern) = property.get("pattern").and_then(Value::as_str) {
            // As Python's re.search, which Prefect's server uses: anywhere in the text.
            match regex_lite::Regex::new(pattern) {
                Ok(regex) if !regex.is_match(text) => {
                    return Some(format!("must match {pattern:?}, not {}", show(value)));
                }
                _ => {}
            }
        }
    }
    if let Some(items) = value.as_array() {
        let count = items.len() as f64;
        if let Some(minimum) = bound("minItems")
            && count < minimum
        {
            return Some(format!("must have at least {} items", property["minItems"]));
        }
        if let Some(maximum) = bound("maxItems")
            && count > maximum
        {
            return Some(format!("must have at most {} items", property["maxItems"]));
        }
    }
    None
}

/// The allowed values, shortened when there are many: `A1, A2, A3, … H12 (96 choices)`.
fn choice_list(allowed: &[Value]) -> String {
    const SHOWN: usize = 6;
    let text: Vec<String> = allowed.iter().map(Value::to_string).collect();
    if text.len() <= SHOWN + 2 {
        return text.join(", ");
    }
    format!(
        "{}, … {} ({} choices)",
        text[..SHOWN].join(", "),
        text[text.len() - 1],
        text.len()
    )
}

fn has_type(value: &Value, expected: &str) -> bool {
    match expected {
        "integer" => value.as_i64().is_some() || value.as_u64().is_some(),
        "number" => value.is_number(),
        "string" => value.is_string(),
        "boolean" => value.is_boolean(),
        "array" => value.is_array(),
        "object" => value.is_object(),
        "null" => value.is_null(),
        _ => true,
    }
}

/// "an integer", "a list of integers", "null".
fn describe(schema: &Value) -> String {
    match schema.get("type").and_then(Value::as_str) {
        Some("integer") => "an integer".into(),
        Some("number") => "a number".into(),
        Some("string") => "a string".into(),
        Some("boolean") => "true or false".into(),
        Some("array") => "a list".into(),
        Some("object") => "an object".into(),
        Some("null") => "null".into(),
        _ if schema.get("enum").is_some() => "one of the allowed values".into(),
        _ => "a valid value".into(),
    }
}

fn show(value: &Value) -> String {
    value.to_string()
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

    #[test]
    fn reports_unknown_wrong_and_missing_parameters() {
        let schema = json!({
            "type": "object",
            "properties": {
                "R": {"type": "integer", "default": 120},
                "well": {"type": "string"},
                "mode": {"enum": ["fast", "slow"], "type": "string"},
                "maybe": {"anyOf": [{"type": "integer"}, {"type": "null"}]},
                "tips": {"type": "array", "items": {"type": "integer"}}
            },
            "required": ["well"]
        });
        let params = |v: Value| v.as_object().unwrap().clone();
        assert!(problems(&schema, &Map::new(), &params(json!({"well": "B2", "R": 5}))).is_empty());
        let found = problems(
            &schema,
            &Map::new(),
            &params(json!({"R": "abc", "X": 1, "mode": "medium", "maybe": "no", "tips": [1, "x"]})),
        );
        assert_eq!(found.len(), 6, "{found:#?}");
        assert!(
            found[0].contains("'R' must be an integer, not \"abc\""),
            "{found:#?}"
        );
        assert!(found.iter().any(|p| {
            p.contains("unknown parameter 'X'; the parameters are R, well, mode, maybe, tips")
        }));
        assert!(found.iter().any(|p| p.contains("'well' is required")));
        let bounded = json!({
            "type": "object",
            "properties": {
                "R": {"type": "integer", "minimum": 0, "maximum": 300},
                "rate": {"type": "number", "exclusiveMinimum": 0},
                "name": {"type": "string", "minLength": 2, "maxLength": 4, "pattern": "^[A-H]"},
                "well": {"enum": (1..=96).map(|i| format!("W{i}")).collect::<Vec<_>>()}
            }
        });
        let found = problems(
            &bounded,
            &Map::new(),
            &params(json!({"R": 100000, "rate": 0, "name": "Zed", "well": "X"})),
        );
        assert_eq!(
            found,
            [
                "parameter 'R' must be at most 300, not 100000",
                "parameter 'rate' must be more than 0, not 0",
                "parameter 'name' must match \"^[A-H]\", not \"Zed\"",
                "parameter 'well' must be one of \"W1\", \"W2\", \"W3\", \"W4\", \"W5\", \"W6\", … \"W96\" (96 choices), not \"X\""
            ]
        );
        let with_default = params(json!({"well": "A1"}));
        assert!(problems(&schema, &with_default, &Map::new()).is_empty());
    }
}
