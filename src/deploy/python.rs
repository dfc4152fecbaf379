//! What `prefect deploy` learns by importing a flow, learnt here from the source text alone:
//! the flow's name, description and version, and the parameter schema Prefect would generate.
//!
//! Only the subset of Python that flow signatures use is understood: decorators, `def`
//! signatures with annotations (`int`, `float`, `str`, `bool`, `bytes`, `list[...]`, `dict[...]`,
//! `tuple[...]`, `set[...]`, `Optional`, `Union`, `X | None`, `Literal[...]`, `Any`, dates,
//! `UUID`, `Path`), literal defaults, and Google-style docstrings. Anything else degrades the way
//! Prefect degrades an unsupported type: the parameter accepts any value, and ot2ctl says so.

use serde_json::{Map, Value, json};

pub use crate::pysource::SourceError;
use crate::pysource::{Tok, literal, matching, split_on, split_top_level, tokenize};

/// What a flow looks like from the outside.
#[derive(Debug, Clone, PartialEq)]
pub struct FlowInfo {
    /// `@flow(name=...)`, else the function name with `_` replaced by `-`.
    pub name: String,
    /// `@flow(description=...)`, else the docstring as `inspect.getdoc` returns it.
    pub description: Option<String>,
    /// `@flow(version=...)`, if given as a literal.
    pub version: Option<String>,
    /// The schema Prefect's `parameter_schema(flow)` produces.
    pub parameter_schema: Value,
    /// Things that could not be understood and were made permissive.
    pub warnings: Vec<String>,
}

/// Reads the flow function `function` of a Python source file.
pub fn read_flow(source: &str, function: &str) -> Result<FlowInfo, SourceError> {
    let tokens = tokenize(source)?;
    let def = find_function(&tokens, function)
        .ok_or_else(|| SourceError(format!("no function named '{function}' is defined in it")))?;
    let decorator = flow_decorator(&tokens, def.def_index);
    let mut warnings = Vec::new();
    let params = parse_parameters(&tokens[def.params.clone()], &mut warnings)?;
    let docstring = docstring_after(&tokens, def.body_start);
    let doc = docstring.as_deref().map(cleandoc);
    let described = doc.as_deref().map(google_args).unwrap_or_default();
    let parameter_schema = schema(&params, &described);

    let keyword = |name: &str| {
        decorator
            .as_ref()
            .and_then(|d| d.iter().find(|(k, _)| k == name).map(|(_, v)| v.clone()))
    };
    let name = match keyword("name") {
        Some(Value::String(name)) => name,
        _ => function.replace('_', "-"),
    };
    let description = match keyword("description") {
        Some(Value::String(text)) => Some(text),
        _ => doc,
    };
    let version = match keyword("version") {
        Some(Value::String(v)) => Some(v),
        _ => None,
    };
    Ok(FlowInfo {
        name,
        description,
        version,
        parameter_schema,
        warnings,
    })
}

// ---------------------------------------------------------------------------------------------
// Finding the function

struct FunctionDef {
    /// Index of the `def` token.
    def_index: usize,
    /// Tokens between the parentheses of the signature.
    params: std::ops::Range<usize>,
    /// Index of the first token after the `:` that ends the signature.
    body_start: usize,
}

fn find_function(tokens: &[Tok], function: &str) -> Option<FunctionDef> {
    let def_index = tokens.windows(3).position(|w| {
        w[0] == Tok::Name("def".into())
            && w[1] == Tok::Name(function.into())
            && w[2] == Tok::Op("(".into())
    })?;
    let open = def_index + 2;
    let close = matching(tokens, open)?;
    // Skip a return annotation up to the ':' that ends the signature.
    let mut colon = close + 1;
    let mut depth = 0;
    while let Some(token) = tokens.get(colon) {
        match token {
            Tok::Op(op) if ["(", "[", "{"].contains(&op.as_str()) => depth += 1,
            Tok::Op(op) if [")", "]", "}"].contains(&op.as_str()) => depth -= 1,
            Tok::Op(op) if op == ":" && depth == 0 => break,
            _ => {}
        }
        colon += 1;
    }
    Some(FunctionDef {
        def_index,
        params: open + 1..close,
        body_start: colon + 1,
    })
}

/// The keyword arguments of a `@flow(...)` / `@prefect.flow(...)` decorator on the function
/// whose `def` is at `def_index` (literal values only), `Some(empty)` for a bare `@flow`.
fn flow_decorator(tokens: &[Tok], def_index: usize) -> Option<Vec<(String, Value)>> {
    // Walk back over `async` and the decorator lines just above the def.
    let mut line_end = def_index;
    if line_end > 0 && tokens[line_end - 1] == Tok::Name("async".into()) {
        line_end -= 1;
    }
    let mut found = None;
    loop {
        if line_end == 0 || tokens[line_end - 1] != Tok::Newline {
            return found;
        }
        let end = line_end - 1;
        let start = tokens[..end]
            .iter()
            .rposition(|t| *t == Tok::Newline)
            .map_or(0, |i| i + 1);
        let line = &tokens[start..end];
        if line.first() != Some(&Tok::Op("@".into())) {
            return found;
        }
        let mut rest = &line[1..];
        if rest.len() >= 2
            && rest[0] == Tok::Name("prefect".into())
            && rest[1] == Tok::Op(".".into())
        {
            rest = &rest[2..];
        }
        if rest.first() == Some(&Tok::Name("flow".into())) {
            let mut keywords = Vec::new();
            if rest.get(1) == Some(&Tok::Op("(".into())) {
                for argument in split_top_level(&rest[2..rest.len().saturating_sub(1)]) {
                    if let [Tok::Name(key), Tok::Op(eq), value @ ..] = argument
                        && eq == "="
                        && let Some(value) = literal(value)
                    {
                        keywords.push((key.clone(), value));
                    }
                }
            }
            found = Some(keywords);
        }
        line_end = start;
    }
}

/// The docstring: a string literal alone on the first logical line of the body.
fn docstring_after(tokens: &[Tok], body_start: usize) -> Option<String> {
    let mut index = body_start;
    if tokens.get(index) == Some(&Tok::Newline) {
        index += 1;
    }
    let mut text = String::new();
    let mut any = false;
    while let Some(Tok::Str { value, .. }) = tokens.get(index) {
        text.push_str(value);
        any = true;
        index += 1;
    }
    (any && tokens.get(index) == Some(&Tok::Newline)).then_some(text)
}

/// `inspect.cleandoc`: strip the first line's leading blanks, the common indentation of the
/// others, and blank lines at both ends.
pub fn cleandoc(doc: &str) -> String {
    let expanded = doc.replace('\t', "        ");
    let lines: Vec<&str> = expanded.split('\n').collect();
    let margin = lines
        .iter()
        .skip(1)
        .filter(|l| !l.trim().is_empty())
        .map(|l| l.len() - l.trim_start().len())
        .min()
        .unwrap_or(0);
    let mut cleaned: Vec<String> = Vec::with_capacity(lines.len());
    cleaned.push(lines[0].trim_start().to_string());
    for line in &lines[1..] {
        cleaned.push(line.get(margin..).unwrap_or("").to_string());
    }
    while cleaned.first().is_some_and(|l| l.trim().is_empty()) {
        cleaned.remove(0);
    }
    while cleaned.last().is_some_and(|l| l.trim().is_empty()) {
        cleaned.pop();
    }
    cleaned
        .iter()
        .map(|l| l.trim_end())
        .collect::<Vec<_>>()
        .join("\n")
}

/// Parameter descriptions from a Google-style `Args:` section, the way griffe reads them.
fn google_args(doc: &str) -> Vec<(String, String)> {
    let mut described = Vec::new();
    let mut lines = doc.lines().peekable();
    while let Some(line) = lines.next() {
        if !matches!(
            line.trim(),
            "Args:" | "Arguments:" | "Parameters:" | "Params:"
        ) {
            continue;
        }
        let section_indent = indent(line);
        let mut item_indent = None;
        while let Some(next) = lines.peek() {
            if next.trim().is_empty() {
                lines.next();
                continue;
            }
            let depth = indent(next);
            if depth <= section_indent {
                break;
            }
            let item = *item_indent.get_or_insert(depth);
            let text = lines.next().expect("peeked").trim();
            if depth == item {
                let Some((head, description)) = text.split_once(':') else {
                    continue;
                };
                let name = head
                    .split_whitespace()
                    .next()
                    .unwrap_or("")
                    .trim_start_matches('*');
                described.push((name.to_string(), description.trim().to_string()));
            } else if let Some((_, description)) = described.last_mut() {
                description.push('\n');
                description.push_str(text);
            }
        }
    }
    described
}

fn indent(line: &str) -> usize {
    line.len() - line.trim_start().len()
}

// ---------------------------------------------------------------------------------------------
// Parameters

#[derive(Debug, Clone, PartialEq)]
enum Default {
    None,
    Literal(Value),
    /// A default ot2ctl cannot evaluate (a call, a name): the parameter is optional but its
    /// default value is unknown.
    Opaque,
}

#[derive(Debug, Clone)]
struct Param {
    name: String,
    annotation: Option<Ann>,
    default: Default,
}

/// An annotation, parsed.
#[derive(Debug, Clone, PartialEq)]
enum Ann {
    /// A dotted name with optional subscript arguments: `list[int]`, `typing.Optional[str]`.
    Generic(String, Vec<Ann>),
    /// `a | b`.
    Union(Vec<Ann>),
    /// A literal inside `Literal[...]` (or `None`).
    Literal(Value),
    /// `...` inside `tuple[int, ...]`.
    Ellipsis,
}

fn parse_parameters(tokens: &[Tok], warnings: &mut Vec<String>) -> Result<Vec<Param>, SourceError> {
    let mut params = Vec::new();
    for part in split_top_level(tokens) {
        let mut part = part;
        match part.first() {
            Some(Tok::Op(op)) if op == "/" || (op == "*" && part.len() == 1) => continue,
            Some(Tok::Op(op)) if op == "*" || op == "**" => part = &part[1..],
            _ => {}
        }
        let Some(Tok::Name(name)) = part.first() else {
            return Err(SourceError("cannot read the function's parameters".into()));
        };
        let rest = &part[1..];
        let equals = rest.iter().position(|t| *t == Tok::Op("=".into()));
        let (annotation_tokens, default_tokens) = match equals {
            Some(index) => (&rest[..index], Some(&rest[index + 1..])),
            None => (rest, None),
        };
        let annotation = match annotation_tokens {
            [] => None,
            [Tok::Op(colon), ann @ ..] if colon == ":" => match parse_annotation(ann) {
                Some(ann) => Some(ann),
                None => {
                    warnings.push(format!(
                        "parameter '{name}': its annotation is not understood, so any value is accepted"
                    ));
                    None
                }
            },
            _ => return Err(SourceError(format!("cannot read parameter '{name}'"))),
        };
        let default = match default_tokens {
            None => Default::None,
            Some(tokens) => match literal(tokens) {
                Some(value) => Default::Literal(value),
                None => {
                    warnings.push(format!(
                        "parameter '{name}': its default is not a literal, so the schema has no default"
                    ));
                    Default::Opaque
                }
            },
        };
        params.push(Param {
            name: name.clone(),
            annotation,
            default,
        });
    }
    Ok(params)
}

/// An annotation: `X`, `X[...]`, `X | Y`, or a string holding one.
fn parse_annotation(tokens: &[Tok]) -> Option<Ann> {
    let alternatives: Vec<Ann> = split_on(tokens, "|")
        .into_iter()
        .map(parse_annotation_atom)
        .collect::<Option<_>>()?;
    match alternatives.len() {
        0 => None,
        1 => alternatives.into_iter().next(),
        _ => Some(Ann::Union(alternatives)),
    }
}

fn parse_annotation_atom(tokens: &[Tok]) -> Option<Ann> {
    match tokens {
        [Tok::Str { value, .. }] => {
            // A forward reference: Prefect evaluates it.
            let inner = tokenize(value).ok()?;
            parse_annotation(&inner[..inner.len() - 1])
        }
        [Tok::Name(none)] if none == "None" => Some(Ann::Literal(Value::Null)),
        [Tok::Op(dots)] if dots == "..." => Some(Ann::Ellipsis),
        _ => {
            let mut name = String::new();
            let mut index = 0;
            while let Some(Tok::Name(part)) = tokens.get(index) {
                name.push_str(part);
                index += 1;
                if tokens.get(index) == Some(&Tok::Op(".".into())) {
                    name.push('.');
                    index += 1;
                } else {
                    break;
                }
            }
            if name.is_empty() {
                return None;
            }
            let rest = &tokens[index..];
            if rest.is_empty() {
                return Some(Ann::Generic(name, Vec::new()));
            }
            if rest.first() != Some(&Tok::Op("[".into()))
                || rest.last() != Some(&Tok::Op("]".into()))
            {
                return None;
            }
            let inner = &rest[1..rest.len() - 1];
            let short = name.rsplit('.').next().unwrap_or(&name);
            let args = if short == "Literal" {
                split_top_level(inner)
                    .into_iter()
                    .map(|t| literal(t).map(Ann::Literal))
                    .collect::<Option<Vec<_>>>()?
            } else {
                split_top_level(inner)
                    .into_iter()
                    .map(parse_annotation)
                    .collect::<Option<Vec<_>>>()?
            };
            Some(Ann::Generic(name, args))
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Schema, as pydantic v2 writes it for Prefect

fn schema(params: &[Param], described: &[(String, String)]) -> Value {
    let mut properties = Map::new();
    let mut required = Vec::new();
    for (position, param) in params.iter().enumerate() {
        if param.name == "self" || param.name == "cls" {
            continue;
        }
        let mut property = match &param.annotation {
            Some(ann) => type_schema(ann),
            None => Map::new(),
        };
        property.insert("title".into(), json!(param.name));
        property.insert("position".into(), json!(position));
        if let Some((_, description)) = described.iter().find(|(n, _)| *n == param.name) {
            property.insert("description".into(), json!(description));
        }
        match &param.default {
            Default::None => required.push(json!(param.name)),
            Default::Literal(value) => {
                property.insert("default".into(), value.clone());
            }
            Default::Opaque => {}
        }
        properties.insert(param.name.clone(), Value::Object(property));
    }
    let mut schema = Map::new();
    schema.insert("title".into(), json!("Parameters"));
    schema.insert("type".into(), json!("object"));
    schema.insert("properties".into(), Value::Object(properties));
    if !required.is_empty() {
        schema.insert("required".into(), Value::Array(required));
    }
    Value::Object(schema)
}

fn type_schema(ann: &Ann) -> Map<String, Value> {
    let object = |value: Value| match value {
        Value::Object(map) => map,
        _ => Map::new(),
    };
    match ann {
        Ann::Ellipsis => Map::new(),
        Ann::Literal(Value::Null) => object(json!({"type": "null"})),
        Ann::Literal(_) => Map::new(),
        Ann::Union(alternatives) => union(alternatives),
        Ann::Generic(name, args) => {
            let short = name.rsplit('.').next().unwrap_or(name);
            match (short, args.as_slice()) {
                ("int", []) => object(json!({"type": "integer"})),
                ("float", []) => object(json!({"type": "number"})),
                ("str", []) => object(json!({"type": "string"})),
                ("bool", []) => object(json!({"type": "boolean"})),
                ("bytes", []) => object(json!({"type": "string", "format": "binary"})),
                ("NoneType", []) => object(json!({"type": "null"})),
                ("datetime", []) => object(json!({"type": "string", "format": "date-time"})),
                ("date", []) => object(json!({"type": "string", "format": "date"})),
                ("time", []) => object(json!({"type": "string", "format": "time"})),
                ("timedelta", []) => object(json!({"type": "string", "format": "duration"})),
                ("UUID", []) => object(json!({"type": "string", "format": "uuid"})),
                ("Path" | "PosixPath" | "PurePath", []) => {
                    object(json!({"type": "string", "format": "path"}))
                }
                ("Any" | "object", []) => Map::new(),
                ("list" | "List" | "Sequence" | "Iterable", []) => {
                    object(json!({"type": "array", "items": {}}))
                }
                ("list" | "List" | "Sequence" | "Iterable", [item]) => {
                    object(json!({"type": "array", "items": type_schema(item)}))
                }
                ("set" | "Set" | "frozenset" | "FrozenSet", []) => {
                    object(json!({"type": "array", "items": {}, "uniqueItems": true}))
                }
                ("set" | "Set" | "frozenset" | "FrozenSet", [item]) => object(
                    json!({"type": "array", "items": type_schema(item), "uniqueItems": true}),
                ),
                ("tuple" | "Tuple", []) => object(json!({"type": "array", "items": {}})),
                ("tuple" | "Tuple", [item, Ann::Ellipsis]) => {
                    object(json!({"type": "array", "items": type_schema(item)}))
                }
                ("tuple" | "Tuple", items) => {
                    let prefix: Vec<Value> = items
                        .iter()
                        .map(|i| Value::Object(type_schema(i)))
                        .collect();
                    object(json!({
                        "type": "array",
                        "prefixItems": prefix,
                        "minItems": items.len(),
                        "maxItems": items.len(),
                    }))
                }
                ("dict" | "Dict" | "Mapping", []) => {
                    object(json!({"type": "object", "additionalProperties": true}))
                }
                ("dict" | "Dict" | "Mapping", [_, value]) => {
                    let values = match value {
                        Ann::Generic(n, a)
                            if a.is_empty() && matches!(n.rsplit('.').next(), Some("Any")) =>
                        {
                            json!(true)
                        }
                        other => Value::Object(type_schema(other)),
                    };
                    object(json!({"type": "object", "additionalProperties": values}))
                }
                ("Optional", [inner]) => union(&[inner.clone(), Ann::Literal(Value::Null)]),
                ("Union", alternatives) => union(alternatives),
                ("Literal", values) => literal_schema(values),
                _ => Map::new(),
            }
        }
    }
}

/// `anyOf` of the flattened alternatives, as pydantic writes a union.
fn union(alternatives: &[Ann]) -> Map<String, Value> {
    let mut flat: Vec<Ann> = Vec::new();
    flatten_union(alternatives, &mut flat);
    let mut schemas: Vec<Value> = Vec::new();
    for alternative in &flat {
        let schema = Value::Object(type_schema(alternative));
        if !schemas.contains(&schema) {
            schemas.push(schema);
        }
    }
    if schemas.len() == 1 {
        return match schemas.pop() {
            Some(Value::Object(map)) => map,
            _ => Map::new(),
        };
    }
    let mut map = Map::new();
    map.insert("anyOf".into(), Value::Array(schemas));
    map
}

fn flatten_union(alternatives: &[Ann], flat: &mut Vec<Ann>) {
    for alternative in alternatives {
        match alternative {
            Ann::Union(inner) => flatten_union(inner, flat),
            Ann::Generic(name, inner) if name.rsplit('.').next() == Some("Union") => {
                flatten_union(inner, flat)
            }
            Ann::Generic(name, inner)
                if name.rsplit('.').next() == Some("Optional") && inner.len() == 1 =>
            {
                flatten_union(&[inner[0].clone(), Ann::Literal(Value::Null)], flat)
            }
            other => flat.push(other.clone()),
        }
    }
}

/// `Literal[...]`: `const` for one value, `enum` for several, with `type` when they share one.
fn literal_schema(values: &[Ann]) -> Map<String, Value> {
    let values: Vec<Value> = values
        .iter()
        .filter_map(|v| match v {
            Ann::Literal(value) => Some(value.clone()),
            _ => None,
        })
        .collect();
    let json_type = |value: &Value| match value {
        Value::String(_) => Some("string"),
        Value::Bool(_) => Some("boolean"),
        Value::Number(n) if n.is_f64() => Some("number"),
        Value::Number(_) => Some("integer"),
        Value::Null => Some("null"),
        _ => None,
    };
    let mut map = Map::new();
    if values.len() == 1 {
        map.insert("const".into(), values[0].clone());
    } else {
        map.insert("enum".into(), Value::Array(values.clone()));
    }
    let types: Vec<_> = values.iter().map(json_type).collect();
    if let Some(Some(first)) = types.first()
        && types.iter().all(|t| *t == Some(*first))
    {
        map.insert("type".into(), json!(first));
    }
    map
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_native_flow_has_a_signature_under_its_name() {
        use crate::inventory::flows::{NativeFlow, SIGNATURES};
        for flow in NativeFlow::ALL {
            let info = read_flow(SIGNATURES, flow.function()).unwrap();
            assert_eq!(info.name, flow.name());
            assert!(info.warnings.is_empty(), "{:?}", info.warnings);
        }
    }

    const FLOWS: &str = r#"
from prefect import flow
import prefect

@flow(name="mix-color", log_prints=True)
def mix_color(R: int = 120, Y: int = 50, B: int = 80, G: int = 0, mix_well: str = "B2"):
    """Mix red, yellow and blue paint into a well.

    Args:
        R: red volume in µL
        mix_well: destination well,
            for example B2
    """
    return R

@prefect.flow
async def move_sensor_back():
    '''Put the sensor back.'''

def helper(x): pass
"#;

    #[test]
    fn reads_name_description_and_schema() {
        let flow = read_flow(FLOWS, "mix_color").unwrap();
        assert_eq!(flow.name, "mix-color");
        assert!(
            flow.description
                .as_deref()
                .unwrap()
                .starts_with("Mix red, yellow")
        );
        let schema = &flow.parameter_schema;
        assert_eq!(schema["properties"]["R"]["description"], "red volume in µL");
        assert_eq!(
            schema["properties"]["mix_well"]["description"],
            "destination well,\nfor example B2"
        );
        assert_eq!(schema["properties"]["mix_well"]["position"], 4);
        assert!(schema.get("required").is_none());
    }

    #[test]
    fn bare_decorators_and_async_functions_are_flows_too() {
        let flow = read_flow(FLOWS, "move_sensor_back").unwrap();
        assert_eq!(flow.name, "move-sensor-back");
        assert_eq!(flow.description.as_deref(), Some("Put the sensor back."));
        assert_eq!(
            flow.parameter_schema,
            json!({"title": "Parameters", "type": "object", "properties": {}})
        );
    }

    #[test]
    fn a_missing_function_is_named() {
        let err = read_flow(FLOWS, "nope").unwrap_err();
        assert!(err.0.contains("'nope'"));
    }

    #[test]
    fn cleandoc_matches_inspect() {
        assert_eq!(
            cleandoc("  First.\n\n    More\n      indented\n  "),
            "First.\n\nMore\n  indented"
        );
    }
}
