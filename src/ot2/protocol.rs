//! An Opentrons protocol file read as text: its metadata, its runtime parameters (the
//! `add_parameters` function, API 2.18+) and its declared volume limit.

use serde_json::{Map, Value, json};

use super::paint::{AUTO_WELL, MIX_WELL, PAINT_PARAMETERS};
use crate::api::robot_models::Choice;

use crate::pysource::{SourceError, calls, constant, method_calls, tokenize};

/// What ot2ctl knows about a protocol without running it.
#[derive(Debug, Clone, PartialEq)]
pub struct Protocol {
    /// `metadata["protocolName"]`.
    pub name: Option<String>,
    /// `metadata["description"]`.
    pub description: Option<String>,
    /// `requirements["apiLevel"]`.
    pub api_level: Option<String>,
    pub parameters: Vec<RuntimeParameter>,
    /// `MAX_TOTAL_UL = ...`: the most the protocol's µL parameters may add up to.
    pub max_total_ul: Option<f64>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Int,
    Float,
    Str,
    Bool,
}

/// One `parameters.add_int(...)` (or float, str, bool).
#[derive(Debug, Clone, PartialEq)]
pub struct RuntimeParameter {
    pub name: String,
    pub kind: Kind,
    pub default: Value,
    pub minimum: Option<f64>,
    pub maximum: Option<f64>,
    /// Allowed values, when the protocol lists choices.
    pub choices: Vec<Value>,
    pub description: Option<String>,
    pub unit: Option<String>,
}

impl RuntimeParameter {
    /// A volume in µL: these add up to one mix.
    pub fn is_volume(&self) -> bool {
        self.unit
            .as_deref()
            .is_some_and(|u| matches!(u.trim(), "µL" | "uL" | "ul" | "μL"))
    }
}

/// A `protocol.load_labware(load_name, location, ..., namespace=, version=)` of a protocol,
/// as far as its arguments are literals.
#[derive(Debug, Clone, PartialEq)]
pub struct LoadedLabware {
    pub load_name: String,
    /// The deck slot, when it is a literal.
    pub slot: Option<String>,
    pub namespace: Option<String>,
    pub version: Option<u64>,
}

/// The labware a protocol loads with literal load names.
pub fn loaded_labware(source: &str) -> Result<Vec<LoadedLabware>, SourceError> {
    let tokens = tokenize(source)?;
    Ok(calls(&tokens, &["load_labware"])
        .iter()
        .filter_map(|call| {
            let text = |value: Option<&Value>| match value? {
                Value::String(text) => Some(text.clone()),
                Value::Number(number) => Some(number.to_string()),
                _ => None,
            };
            Some(LoadedLabware {
                load_name: text(call.argument(0, "load_name"))?,
                slot: text(call.argument(1, "location")),
                namespace: text(call.argument(3, "namespace")),
                version: call.argument(4, "version").and_then(Value::as_u64),
            })
        })
        .collect())
}

/// Reads a protocol's metadata and runtime parameters.
pub fn read_protocol(source: &str) -> Result<Protocol, SourceError> {
    let tokens = tokenize(source)?;
    let text = |map: &Option<Value>, key: &str| {
        map.as_ref()
            .and_then(|m| m.get(key))
            .and_then(Value::as_str)
            .map(str::to_string)
    };
    let metadata = constant(&tokens, "metadata");
    let requirements = constant(&tokens, "requirements");
    let mut parameters = Vec::new();
    for (method, keywords) in
        method_calls(&tokens, &["add_int", "add_float", "add_str", "add_bool"])
    {
        let kind = match method.as_str() {
            "add_int" => Kind::Int,
            "add_float" => Kind::Float,
            "add_str" => Kind::Str,
            _ => Kind::Bool,
        };
        let get = |key: &str| {
            keywords
                .iter()
                .find(|(k, _)| k == key)
                .map(|(_, v)| v.clone())
        };
        let Some(Value::String(name)) = get("variable_name") else {
            return Err(SourceError(format!(
                "a parameters.{method}(...) call has no literal variable_name"
            )));
        };
        let choices = match get("choices") {
            Some(Value::Array(items)) => items
                .iter()
                .map(|choice| {
                    serde_json::from_value::<Choice>(choice.clone())
                        .map_or(Value::Null, |choice| choice.value)
                })
                .collect(),
            _ => Vec::new(),
        };
        parameters.push(RuntimeParameter {
            name,
            kind,
            default: get("default").unwrap_or(Value::Null),
            minimum: get("minimum").and_then(|v| v.as_f64()),
            maximum: get("maximum").and_then(|v| v.as_f64()),
            choices,
            description: get("description").and_then(|v| v.as_str().map(str::to_string)),
            unit: get("unit").and_then(|v| v.as_str().map(str::to_string)),
        });
    }
    Ok(Protocol {
        name: text(&metadata, "protocolName"),
        description: text(&metadata, "description"),
        api_level: text(&requirements, "apiLevel"),
        parameters,
        max_total_ul: constant(&tokens, "MAX_TOTAL_UL").and_then(|v| v.as_f64()),
    })
}

impl Protocol {
    /// The runtime parameters as a Prefect parameter schema, so runs are checked by the server
    /// and shown as a form in the UI.
    pub fn parameter_schema(&self) -> Value {
        let mut properties = Map::new();
        for (position, parameter) in self.parameters.iter().enumerate() {
            let mut property = Map::new();
            let json_type = match parameter.kind {
                Kind::Int => "integer",
                Kind::Float => "number",
                Kind::Str => "string",
                Kind::Bool => "boolean",
            };
            property.insert("type".into(), json!(json_type));
            property.insert("title".into(), json!(parameter.name));
            property.insert("position".into(), json!(position));
            property.insert("default".into(), parameter.default.clone());
            if let Some(description) = &parameter.description {
                property.insert("description".into(), json!(description));
            }
            if let Some(minimum) = parameter.minimum {
                property.insert("minimum".into(), number(minimum, parameter.kind));
            }
            if let Some(maximum) = parameter.maximum {
                property.insert("maximum".into(), number(maximum, parameter.kind));
            }
            if !parameter.choices.is_empty() {
                let mut choices = parameter.choices.clone();
                // The worker replaces `auto` with the next free well before the protocol sees it.
                if parameter.name == MIX_WELL && self.mixes_into_plate() {
                    choices.push(json!(AUTO_WELL));
                }
                property.insert("enum".into(), Value::Array(choices));
            }
            properties.insert(parameter.name.clone(), Value::Object(property));
        }
        json!({"title": "Parameters", "type": "object", "properties": properties})
    }

    /// Whether it is a mix into the plate, by the lab's names: a `mix_well` parameter and
    /// paint volumes `R`, `Y` or `B`. The worker reserves such a run's well (or chooses it, for
    /// `mix_well=auto`).
    pub fn mixes_into_plate(&self) -> bool {
        self.parameter(MIX_WELL).is_some()
            && PAINT_PARAMETERS
                .iter()
                .any(|name| self.parameter(name).is_some())
    }

    pub fn parameter(&self, name: &str) -> Option<&RuntimeParameter> {
        self.parameters.iter().find(|p| p.name == name)
    }
}

/// Integer limits stay integers in the schema.
fn number(value: f64, kind: Kind) -> Value {
    if kind == Kind::Int && value.fract() == 0.0 {
        json!(value as i64)
    } else {
        json!(value)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_labware_a_protocol_loads() {
        let source = "def run(protocol):\n    plate = protocol.load_labware('corning_96_wellplate_360ul_flat', 1)\n    rack = protocol.load_labware(\"ot2ctl_6_tuberack_15ml\", location='3', namespace='ot2ctl', version=1)\n    protocol.load_labware(name_of_the_day(), 4)\n";
        let loaded = loaded_labware(source).unwrap();
        assert_eq!(
            loaded,
            [
                LoadedLabware {
                    load_name: "corning_96_wellplate_360ul_flat".into(),
                    slot: Some("1".into()),
                    namespace: None,
                    version: None
                },
                LoadedLabware {
                    load_name: "ot2ctl_6_tuberack_15ml".into(),
                    slot: Some("3".into()),
                    namespace: Some("ot2ctl".into()),
                    version: Some(1)
                }
            ]
        );
    }

    #[test]
    fn reads_the_mix_protocol() {
        let source = std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/protocols/mix_color.py"
        ))
        .unwrap();
        let protocol = read_protocol(&source).unwrap();
        assert_eq!(protocol.name.as_deref(), Some("Mix colour"));
        assert_eq!(protocol.api_level.as_deref(), Some("2.20"));
        assert_eq!(protocol.max_total_ul, Some(300.0));
        let names: Vec<&str> = protocol
            .parameters
            .iter()
            .map(|p| p.name.as_str())
            .collect();
        assert_eq!(names, ["R", "Y", "B", "G", "mix_well"]);
        let red = protocol.parameter("R").unwrap();
        assert_eq!(
            (red.minimum, red.maximum, red.is_volume()),
            (Some(0.0), Some(300.0), true)
        );
        let well = protocol.parameter("mix_well").unwrap();
        assert_eq!(well.choices.len(), 96);
        let schema = protocol.parameter_schema();
        assert_eq!(schema["properties"]["R"]["maximum"], 300);
        assert_eq!(schema["properties"]["mix_well"]["default"], "B2");
    }
}
