//! The checks made before any motion: a run whose parameters break one moves nothing.

use serde_json::{Map, Value};

use super::protocol::{Kind, Protocol};

/// The volume a protocol's µL parameters may add up to when it declares no `MAX_TOTAL_UL`:
/// what a P300 tip and a 360 µL plate well take.
pub const DEFAULT_MAX_TOTAL_UL: f64 = 300.0;

/// Every problem with `values` for this protocol, one sentence each: unknown names, wrong
/// types, values outside the declared minimum/maximum or choices, and a total volume above
/// the protocol's limit.
pub fn problems(protocol: &Protocol, values: &Map<String, Value>) -> Vec<String> {
    let mut found = Vec::new();
    // A volume already out of range says enough; its total would only repeat it.
    let mut volume_reported = false;
    for (name, value) in values {
        let before = found.len();
        let Some(parameter) = protocol.parameter(name) else {
            let known: Vec<&str> = protocol
                .parameters
                .iter()
                .map(|p| p.name.as_str())
                .collect();
            found.push(if known.is_empty() {
                format!("parameter '{name}' is not a parameter of this protocol, which takes none")
            } else {
                format!(
                    "parameter '{name}' is not a parameter of this protocol ({})",
                    known.join(", ")
                )
            });
            continue;
        };
        let unit = parameter
            .unit
            .as_deref()
            .map(|u| format!(" {u}"))
            .unwrap_or_default();
        let fits_type = match parameter.kind {
            Kind::Int => {
                value.as_i64().is_some() || value.as_f64().is_some_and(|f| f.fract() == 0.0)
            }
            Kind::Float => value.is_number(),
            Kind::Str => value.is_string(),
            Kind::Bool => value.is_boolean(),
        };
        if !fits_type {
            let expected = match parameter.kind {
                Kind::Int => "a whole number",
                Kind::Float => "a number",
                Kind::Str => "text",
                Kind::Bool => "true or false",
            };
            found.push(format!(
                "parameter '{name}' must be {expected}, not {value}"
            ));
            continue;
        }
        if let Some(number) = value.as_f64() {
            if let Some(minimum) = parameter.minimum
                && number < minimum
            {
                found.push(format!(
                    "parameter '{name}' = {value}{unit} is below its minimum {minimum}{unit}"
                ));
            }
            if let Some(maximum) = parameter.maximum
                && number > maximum
            {
                found.push(format!(
                    "parameter '{name}' = {value}{unit} is above its maximum {maximum}{unit}"
                ));
            }
        }
        if !parameter.choices.is_empty() && !parameter.choices.contains(value) {
            let shown: Vec<String> = parameter.choices.iter().map(choice_text).collect();
            let list = if shown.len() > 12 {
                format!(
                    "{} … {}",
                    shown[..6].join(", "),
                    shown[shown.len() - 3..].join(", ")
                )
            } else {
                shown.join(", ")
            };
            found.push(format!(
                "parameter '{name}' = {value} is not one of its choices ({list})"
            ));
        }
        if found.len() > before && parameter.is_volume() {
            volume_reported = true;
        }
    }
    let volumes: Vec<(&str, f64)> = protocol
        .parameters
        .iter()
        .filter(|p| p.is_volume())
        .map(|p| {
            let value = values.get(&p.name).unwrap_or(&p.default);
            (p.name.as_str(), value.as_f64().unwrap_or(0.0))
        })
        .collect();
    if !volumes.is_empty() && !volume_reported {
        let limit = protocol.max_total_ul.unwrap_or(DEFAULT_MAX_TOTAL_UL);
        let total: f64 = volumes.iter().map(|(_, v)| v).sum();
        if total > limit {
            let names: Vec<&str> = volumes.iter().map(|(n, _)| *n).collect();
            found.push(format!(
                "the total volume {} = {total} µL is above the {limit} µL a mix may hold",
                names.join("+")
            ));
        }
    }
    found
}

fn choice_text(value: &Value) -> String {
    match value {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ot2::protocol::read_protocol;
    use serde_json::json;

    fn mix() -> Protocol {
        let source = std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/protocols/mix_color.py"
        ))
        .unwrap();
        read_protocol(&source).unwrap()
    }

    fn check(values: Value) -> Vec<String> {
        problems(&mix(), values.as_object().unwrap())
    }

    #[test]
    fn a_good_mix_passes() {
        assert!(check(json!({"R": 120, "Y": 50, "B": 80, "mix_well": "B2"})).is_empty());
    }

    #[test]
    fn each_bad_value_gets_its_own_line() {
        assert_eq!(
            check(json!({"R": 400, "Y": 0, "B": 0})),
            ["parameter 'R' = 400 µL is above its maximum 300 µL"]
        );
        let wells = check(json!({"mix_well": "Z9"}));
        assert_eq!(wells.len(), 1);
        assert!(
            wells[0].starts_with("parameter 'mix_well' = \"Z9\" is not one of its choices (A1, A2"),
            "{wells:?}"
        );
        assert_eq!(
            check(json!({"R": 200, "Y": 100, "B": 50})),
            ["the total volume R+Y+B+G = 350 µL is above the 300 µL a mix may hold"]
        );
        assert_eq!(
            check(json!({"R": "lots"})),
            ["parameter 'R' must be a whole number, not \"lots\""]
        );
        assert!(check(json!({"X": 1}))[0].contains("'X' is not a parameter"));
    }
}
