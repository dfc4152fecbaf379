//! What Prefect's server checks of parameters against a deployment's parameter schema (JSON
//! Schema, as flow signatures produce it), checked here before a run is created so that a bad
//! value is one line instead of a server 422. The schema is a document of JSON Schema keywords,
//! read as such.

use serde_json::{Map, Value};

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

/// Whether a schema describes a list (`"type": "array"`).
pub fn is_array_schema(schema: &Map<String, Value>) -> bool {
    schema.get("type").and_then(Value::as_str) == Some("array")
}

/// The default a schema declares for one parameter.
pub fn default_of<'a>(schema: &'a Value, name: &str) -> Option<&'a Value> {
    schema.get("properties")?.get(name)?.get("default")
}

/// The names of the parameters a schema declares, in its order.
pub fn parameter_names(schema: &Value) -> Vec<&str> {
    schema
        .get("properties")
        .and_then(Value::as_object)
        .map(|p| p.keys().map(String::as_str).collect())
        .unwrap_or_default()
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
