//! What `prefect deploy` learns by importing a flow, learnt here from the source text alone:
//! the flow's name, description and version, and the parameter schema Prefect would generate.
//!
//! Signatures are read with their annotations and defaults; types are followed to where they
//! are defined (`module`): builtins and `typing` forms, and the project's own pydantic models,
//! dataclasses, TypedDicts, enums and type aliases, in the flow's file or imported from
//! another module of the project (`schema`). A type ot2ctl cannot read degrades the way
//! Prefect degrades a type it cannot describe: the parameter accepts any value, and ot2ctl
//! says so, with the line.

mod annotation;
mod module;
mod schema;

use std::path::Path;
use std::rc::Rc;

use serde_json::{Value, json};

pub use crate::pysource::SourceError;
use crate::pysource::{Tok, cleandoc, find_top_level, literal, matching, split_top_level};
use module::{Module, Modules};
pub use schema::SchemaRules;
use schema::{Default, SchemaWriter};

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

/// Reads the flow function `function` of Python source that imports nothing of its own.
pub fn read_flow(
    source: &str,
    function: &str,
    rules: SchemaRules,
) -> Result<FlowInfo, SourceError> {
    let module = Module::parse(source, "flow.py".into(), "flow.py".into())?;
    read_flow_in(&Modules::detached(), &Rc::new(module), function, rules)
}

/// Reads the flow function `function` of the file `path`, following the types of its
/// parameters into the project at `project` (the directory `prefect deploy` runs in).
pub fn read_flow_file(
    path: &Path,
    project: &Path,
    function: &str,
    rules: SchemaRules,
) -> Result<FlowInfo, SourceError> {
    let modules = Modules::new(path, project);
    let module = modules.load_entry(path)?;
    read_flow_in(&modules, &module, function, rules)
}

fn read_flow_in(
    modules: &Modules,
    module: &Rc<Module>,
    function: &str,
    rules: SchemaRules,
) -> Result<FlowInfo, SourceError> {
    let tokens = &module.code.tokens;
    let def = find_function(tokens, function)
        .ok_or_else(|| SourceError(format!("no function named '{function}' is defined in it")))?;
    let decorator = flow_decorator(tokens, def.def_index);
    let params = parse_parameters(module, def.params.clone())?;
    let docstring = docstring_after(tokens, def.body_start);
    let doc = docstring.as_deref().map(cleandoc);
    let described = doc.as_deref().map(google_args).unwrap_or_default();
    let (parameter_schema, warnings) = schema(modules, module, &params, &described, rules);

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

/// How a parameter takes its values.
#[derive(Debug, Clone, Copy, PartialEq)]
enum ParamKind {
    Single,
    /// `*args`.
    Positionals,
    /// `**kwargs`.
    Keywords,
}

/// One parameter of the flow function, as token ranges of its module.
#[derive(Debug, Clone)]
struct Param {
    name: String,
    kind: ParamKind,
    line: usize,
    annotation: Option<std::ops::Range<usize>>,
    default: Option<std::ops::Range<usize>>,
}

fn parse_parameters(
    module: &Module,
    range: std::ops::Range<usize>,
) -> Result<Vec<Param>, SourceError> {
    let tokens = &module.code.tokens;
    let mut params = Vec::new();
    let mut start = range.start;
    for part in split_top_level(&tokens[range.clone()]) {
        while tokens[start] == Tok::Op(",".into()) {
            start += 1;
        }
        let mut first = start;
        start += part.len();
        let mut part = part;
        let kind = match part.first() {
            Some(Tok::Op(op)) if op == "/" || (op == "*" && part.len() == 1) => continue,
            Some(Tok::Op(op)) if op == "*" || op == "**" => {
                part = &part[1..];
                first += 1;
                if op == "*" {
                    ParamKind::Positionals
                } else {
                    ParamKind::Keywords
                }
            }
            _ => ParamKind::Single,
        };
        let Some(Tok::Name(name)) = part.first() else {
            return Err(SourceError("cannot read the function's parameters".into()));
        };
        let equals = find_top_level(part, "=");
        let annotation_end = equals.map_or(first + part.len(), |e| first + e);
        let annotation = match part.get(1) {
            None => None,
            Some(Tok::Op(op)) if op == "=" => None,
            Some(Tok::Op(colon)) if colon == ":" => Some(first + 2..annotation_end),
            _ => return Err(SourceError(format!("cannot read parameter '{name}'"))),
        };
        params.push(Param {
            name: name.clone(),
            kind,
            line: module.line_of(first),
            annotation,
            default: equals.map(|e| first + e + 1..first + part.len()),
        });
    }
    Ok(params)
}

/// The schema Prefect's `parameter_schema` writes: each parameter titled by its name, with
/// its position, docstring description and default; `definitions` for the project's classes.
fn schema(
    modules: &Modules,
    module: &Rc<Module>,
    params: &[Param],
    described: &[(String, String)],
    rules: SchemaRules,
) -> (Value, Vec<String>) {
    let mut writer = SchemaWriter::new(modules, rules);
    let mut properties = serde_json::Map::new();
    let mut required = Vec::new();
    for (position, param) in params.iter().enumerate() {
        if param.name == "self" || param.name == "cls" {
            continue;
        }
        let annotated = match &param.annotation {
            Some(range) => writer.parameter(module, &param.name, module.tokens(range), param.line),
            None => serde_json::Map::new(),
        };
        let variadic = variadic_collection(rules, param.kind, &annotated);
        let mut property = match &variadic {
            Some((collection, _)) => collection.clone(),
            None => annotated,
        };
        // A `Field(...)` default gives the default and may give the description; Prefect
        // drops its constraints.
        let written = param.default.as_ref().map(|r| module.tokens(r).to_vec());
        let args = writer.field_args(module, written.as_deref());
        property.insert("title".into(), json!(param.name));
        property.insert("position".into(), json!(position));
        let description = args.description.clone().or_else(|| {
            described
                .iter()
                .find(|(n, _)| *n == param.name)
                .map(|(_, d)| d.clone())
        });
        if let Some(description) = description {
            property.insert("description".into(), json!(description));
        }
        let default = match variadic {
            Some((_, empty)) => Default::Value(empty),
            None => args.default,
        };
        match default {
            Default::Required => required.push(json!(param.name)),
            Default::Value(value) => {
                property.insert("default".into(), value);
            }
            Default::Factory | Default::Opaque => writer.warnings.push(format!(
                "{}:{}: parameter '{}': its default is not a literal, so the schema has no default",
                module.label, param.line, param.name
            )),
        }
        properties.insert(param.name.clone(), Value::Object(property));
    }
    let (definitions, warnings) = writer.into_definitions();
    let mut schema = serde_json::Map::new();
    schema.insert("title".into(), json!("Parameters"));
    schema.insert("type".into(), json!("object"));
    schema.insert("properties".into(), Value::Object(properties));
    if !required.is_empty() {
        schema.insert("required".into(), Value::Array(required));
    }
    if !definitions.is_empty() {
        schema.insert("definitions".into(), Value::Object(definitions));
    }
    (Value::Object(schema), warnings)
}

/// From Prefect 3.9, `*args: T` is a `list[T]` and `**kwargs: T` a `dict[str, T]`, each empty
/// by default (`None` cannot be unpacked): the collection's schema and that default. `None`
/// for other parameters, and under older rules (the annotation's own schema, required).
fn variadic_collection(
    rules: SchemaRules,
    kind: ParamKind,
    values: &serde_json::Map<String, Value>,
) -> Option<(serde_json::Map<String, Value>, Value)> {
    if !rules.variadic_collections() {
        return None;
    }
    let mut schema = serde_json::Map::new();
    let empty = match kind {
        ParamKind::Single => return None,
        ParamKind::Positionals => {
            schema.insert("type".into(), json!("array"));
            schema.insert("items".into(), Value::Object(values.clone()));
            json!([])
        }
        ParamKind::Keywords => {
            schema.insert("type".into(), json!("object"));
            // pydantic writes `dict[str, Any]` as `additionalProperties: true`.
            let values = match values.is_empty() {
                true => json!(true),
                false => Value::Object(values.clone()),
            };
            schema.insert("additionalProperties".into(), values);
            json!({})
        }
    };
    Some((schema, empty))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn variadic_parameters_follow_the_servers_release() {
        let source = "from prefect import flow\n@flow\ndef f(a, *args: int, **kwargs):\n    pass\n";
        let old = read_flow(source, "f", SchemaRules::Prefect38).unwrap();
        assert_eq!(
            old.parameter_schema["required"],
            json!(["a", "args", "kwargs"])
        );
        assert_eq!(
            old.parameter_schema["properties"]["args"]["type"],
            "integer"
        );
        let new = read_flow(source, "f", SchemaRules::Prefect39).unwrap();
        assert_eq!(new.parameter_schema["required"], json!(["a"]));
        let properties = &new.parameter_schema["properties"];
        assert_eq!(
            properties["args"],
            json!({"type": "array", "items": {"type": "integer"}, "default": [], "title": "args", "position": 1})
        );
        assert_eq!(
            properties["kwargs"],
            json!({"type": "object", "additionalProperties": true, "default": {}, "title": "kwargs", "position": 2})
        );
    }

    /// Black wraps a long default in parentheses; they change nothing (issue 23, item 3).
    #[test]
    fn a_field_default_in_parentheses_keeps_its_default_and_description() {
        let source = "from prefect import flow\nfrom pydantic import Field\n@flow\ndef f(\n    volume: int = (\n        Field(default=120, description=\"red volume in uL, a long description\")\n    ),\n    plain: int = (5),\n    pair: tuple = (1,),\n):\n    pass\n";
        let flow = read_flow(source, "f", SchemaRules::NEWEST).unwrap();
        let properties = &flow.parameter_schema["properties"];
        assert_eq!(properties["volume"]["default"], 120, "{properties}");
        assert_eq!(
            properties["volume"]["description"],
            "red volume in uL, a long description"
        );
        assert_eq!(properties["plain"]["default"], 5);
        assert_eq!(properties["pair"]["default"], json!([1]));
        assert!(flow.warnings.is_empty(), "{:?}", flow.warnings);
    }

    /// A default named by a module-level constant is the constant's value, as Prefect
    /// evaluates it; a name assigned something that is not a literal still warns.
    #[test]
    fn a_default_named_by_a_module_constant_is_its_value() {
        let source = "from prefect import flow\nimport os\nVOLUME = 120\nWELL = 'B2'\nSHADES = (VOLUME, 80)\nFROM_ENV = os.environ.get('X')\nLIMIT: int = 4\n@flow\ndef f(v: int = VOLUME, w: str = WELL, s: tuple = SHADES, e: str = FROM_ENV, l: int = LIMIT):\n    pass\n";
        let flow = read_flow(source, "f", SchemaRules::NEWEST).unwrap();
        let properties = &flow.parameter_schema["properties"];
        assert_eq!(properties["v"]["default"], 120, "{properties}");
        assert_eq!(properties["w"]["default"], "B2");
        assert_eq!(properties["l"]["default"], 4, "an annotated constant");
        assert!(properties["e"].get("default").is_none(), "{properties}");
        assert_eq!(flow.warnings.len(), 2, "{:?}", flow.warnings);
        assert!(
            flow.warnings.iter().any(|w| w.contains("parameter 'e'")),
            "{:?}",
            flow.warnings
        );
    }

    #[test]
    fn every_native_flow_has_a_signature_under_its_name() {
        use crate::entrypoint::NativeFlow;
        for flow in NativeFlow::all() {
            let info = read_flow(flow.signatures(), flow.function(), SchemaRules::NEWEST).unwrap();
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
        let flow = read_flow(FLOWS, "mix_color", SchemaRules::NEWEST).unwrap();
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
        let flow = read_flow(FLOWS, "move_sensor_back", SchemaRules::NEWEST).unwrap();
        assert_eq!(flow.name, "move-sensor-back");
        assert_eq!(flow.description.as_deref(), Some("Put the sensor back."));
        assert_eq!(
            flow.parameter_schema,
            json!({"title": "Parameters", "type": "object", "properties": {}})
        );
    }

    #[test]
    fn a_missing_function_is_named() {
        let err = read_flow(FLOWS, "nope", SchemaRules::NEWEST).unwrap_err();
        assert!(err.0.contains("'nope'"));
    }
}
