//! What differs between the deployment a file wants and the one the server has.

use serde::Serialize;
use serde_json::{Map, Value};

use super::schedule::same_schedule;

/// One field that differs.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Change {
    pub field: String,
    pub from: Value,
    pub to: Value,
}

/// What deploy shows instead of a field that holds a block's value.
pub const HIDDEN: &str = "(hidden: holds a block's value)";
/// What deploy shows instead of job variables that hold a value from `{{ $ENV }}`.
pub const HIDDEN_ENV: &str = "(hidden: holds an environment variable's value)";

/// Texts a deployment took from places that hold credentials.
#[derive(Debug, Clone, Default)]
pub struct Sensitive {
    /// Every string of the block values templated into the entry.
    pub block_texts: Vec<String>,
    /// The values of `{{ $ENV }}` placeholders: the user chose the environment for them.
    pub env_texts: Vec<String>,
}

/// `changes` with every field that holds a block's text, and job variables that hold an
/// environment value (now, or as stored), shown hidden on both sides: the stored side of a
/// rotated credential is the old one.
pub fn hide(changes: Vec<Change>, sensitive: &Sensitive) -> Vec<Change> {
    changes
        .into_iter()
        .map(|change| {
            let holds =
                |texts: &[String]| holds_any(&change.to, texts) || holds_any(&change.from, texts);
            let shown = if holds(&sensitive.block_texts) {
                HIDDEN
            } else if change.field == "job_variables" && holds(&sensitive.env_texts) {
                HIDDEN_ENV
            } else {
                return change;
            };
            Change {
                field: change.field,
                from: Value::String(shown.into()),
                to: Value::String(shown.into()),
            }
        })
        .collect()
}

fn holds_any(value: &Value, texts: &[String]) -> bool {
    match value {
        Value::String(text) => texts
            .iter()
            .any(|t| !t.is_empty() && text.contains(t.as_str())),
        Value::Array(items) => items.iter().any(|item| holds_any(item, texts)),
        Value::Object(map) => map.values().any(|item| holds_any(item, texts)),
        _ => false,
    }
}

/// Fields compared one to one with the server's record.
const PLAIN_FIELDS: &[&str] = &[
    "version",
    "description",
    "entrypoint",
    "path",
    "parameters",
    "parameter_openapi_schema",
    "enforce_parameter_schema",
    "tags",
    "paused",
    "job_variables",
    "pull_steps",
    "work_pool_name",
    "work_queue_name",
];

/// The fields of `wanted` (a DeploymentCreate body) that differ from `stored` (the server's
/// deployment as JSON).
pub fn changes(wanted: &Map<String, Value>, stored: &Value) -> Vec<Change> {
    let mut changes = Vec::new();
    for field in PLAIN_FIELDS {
        let to = wanted.get(*field).cloned().unwrap_or(Value::Null);
        let from = stored.get(*field).cloned().unwrap_or(Value::Null);
        if to != from {
            changes.push(Change {
                field: field.to_string(),
                from,
                to,
            });
        }
    }
    // The server fills in options left out (`grace_period_seconds: null`).
    let wanted_options = without_nulls(wanted.get("concurrency_options").unwrap_or(&Value::Null));
    let stored_options = without_nulls(&stored["concurrency_options"]);
    if wanted_options != stored_options {
        changes.push(Change {
            field: "concurrency_options".into(),
            from: stored["concurrency_options"].clone(),
            to: wanted
                .get("concurrency_options")
                .cloned()
                .unwrap_or(Value::Null),
        });
    }
    // The server keeps the deployment's limit in a global concurrency limit.
    let stored_limit = stored["global_concurrency_limit"]["limit"].clone();
    let wanted_limit = wanted
        .get("concurrency_limit")
        .cloned()
        .unwrap_or(Value::Null);
    if stored_limit != wanted_limit {
        changes.push(Change {
            field: "concurrency_limit".into(),
            from: stored_limit,
            to: wanted_limit,
        });
    }
    let wanted_schedules = wanted["schedules"].as_array().cloned().unwrap_or_default();
    let stored_schedules = stored["schedules"].as_array().cloned().unwrap_or_default();
    let schedules_equal = same_schedules(&wanted_schedules, &stored_schedules);
    if !schedules_equal {
        changes.push(Change {
            field: "schedules".into(),
            from: Value::Array(stored_schedules.iter().map(schedule_summary).collect()),
            to: Value::Array(wanted_schedules.iter().map(schedule_summary).collect()),
        });
    }
    changes
}

/// The server does not keep the order of schedules: each wanted one must match a stored one.
fn same_schedules(wanted: &[Value], stored: &[Value]) -> bool {
    if wanted.len() != stored.len() {
        return false;
    }
    let mut unmatched: Vec<&Value> = stored.iter().collect();
    wanted.iter().all(
        |w| match unmatched.iter().position(|s| same_schedule(w, s)) {
            Some(index) => {
                unmatched.remove(index);
                true
            }
            None => false,
        },
    )
}

/// An object without its null-valued keys; null stays null.
fn without_nulls(value: &Value) -> Value {
    match value {
        Value::Object(map) => Value::Object(
            map.iter()
                .filter(|(_, v)| !v.is_null())
                .map(|(k, v)| (k.clone(), v.clone()))
                .collect(),
        ),
        other => other.clone(),
    }
}

/// Keeps an interval schedule without `anchor_date` on the anchor the server already has, so
/// that deploying the same file twice changes nothing (Prefect would re-anchor it to "now").
pub fn keep_anchors(wanted: &mut Map<String, Value>, stored: &Value) {
    let Some(Value::Array(schedules)) = wanted.get_mut("schedules") else {
        return;
    };
    let stored_schedules = stored["schedules"].as_array().cloned().unwrap_or_default();
    for schedule in schedules.iter_mut() {
        let inner = &mut schedule["schedule"];
        if inner.get("interval").is_none() || inner.get("anchor_date").is_some() {
            continue;
        }
        let same_interval = stored_schedules.iter().find(|existing| {
            existing["schedule"]["interval"].as_f64() == inner["interval"].as_f64()
                && existing["schedule"]["timezone"] == inner["timezone"]
        });
        if let Some(anchor) = same_interval.and_then(|e| e["schedule"].get("anchor_date")) {
            inner["anchor_date"] = anchor.clone();
        }
    }
}

/// A schedule in a few words, for diffs and lists.
pub fn schedule_summary(schedule: &Value) -> Value {
    let inner = &schedule["schedule"];
    let text = if let Some(cron) = inner["cron"].as_str() {
        format!("cron {cron}")
    } else if let Some(seconds) = inner["interval"].as_f64() {
        format!("every {seconds} s")
    } else if let Some(rrule) = inner["rrule"].as_str() {
        format!("rrule {}", rrule.rsplit('\n').next().unwrap_or(rrule))
    } else {
        inner.to_string()
    };
    let timezone = inner["timezone"]
        .as_str()
        .map(|tz| format!(" ({tz})"))
        .unwrap_or_default();
    let state = if schedule["active"] == Value::Bool(false) {
        ", inactive"
    } else {
        ""
    };
    Value::String(format!("{text}{timezone}{state}"))
}

/// A value in one short line for the terminal. Credentials in URLs are masked before the
/// line is cut: cut first, a URL loses the `@` that marks its password as one.
pub fn short(value: &Value) -> String {
    let text = match value {
        Value::String(s) => format!("{s:?}"),
        other => other.to_string(),
    };
    let text = crate::api::redact::redact(&text).into_owned();
    if text.chars().count() > 60 {
        format!("{}…", text.chars().take(59).collect::<String>())
    } else {
        text
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn a_field_holding_a_block_value_is_hidden_on_both_sides() {
        let shown = hide(
            vec![
                Change {
                    field: "job_variables".into(),
                    from: json!({"env": {"TOKEN": "old-secret"}}),
                    to: json!({"env": {"TOKEN": "Bearer new-secret"}}),
                },
                Change {
                    field: "tags".into(),
                    from: json!(["a"]),
                    to: json!(["b"]),
                },
            ],
            &Sensitive {
                block_texts: vec!["new-secret".to_string()],
                env_texts: Vec::new(),
            },
        );
        assert_eq!(shown[0].from, json!(HIDDEN));
        assert_eq!(shown[0].to, json!(HIDDEN));
        assert_eq!(shown[1].to, json!(["b"]));
    }

    #[test]
    fn job_variables_from_the_environment_are_hidden_and_urls_masked_before_cutting() {
        let sensitive = Sensitive {
            block_texts: Vec::new(),
            env_texts: vec!["s3cr3t-token".into()],
        };
        let shown = hide(
            vec![Change {
                field: "job_variables".into(),
                from: json!({}),
                to: json!({"env": {"TOKEN": "s3cr3t-token"}}),
            }],
            &sensitive,
        );
        assert_eq!(shown[0].to, json!(HIDDEN_ENV));
        let url = json!("postgresql://lab:LONGPASSWORDLONGPASSWORDLONGPASSWORD@db/lab");
        let line = short(&url);
        assert!(!line.contains("LONGPASS"), "{line}");
        assert!(
            line.starts_with("\"postgresql://lab:********@db/lab"),
            "{line}"
        );
    }

    #[test]
    fn reports_only_what_differs() {
        let wanted = json!({
            "version": "1", "description": "d", "entrypoint": "f.py:f", "path": null,
            "parameters": {"R": 1}, "parameter_openapi_schema": {}, "enforce_parameter_schema": true,
            "tags": ["a"], "paused": false, "job_variables": {}, "pull_steps": [],
            "work_pool_name": "p", "work_queue_name": "q", "concurrency_options": null,
            "concurrency_limit": 2, "schedules": []
        });
        let mut stored = wanted.clone();
        stored["global_concurrency_limit"] = json!({"limit": 2});
        stored["id"] = json!("x");
        let wanted = wanted.as_object().unwrap().clone();
        assert!(changes(&wanted, &stored).is_empty());
        stored["tags"] = json!(["b"]);
        stored["global_concurrency_limit"] = Value::Null;
        let found: Vec<String> = changes(&wanted, &stored)
            .into_iter()
            .map(|c| c.field)
            .collect();
        assert_eq!(found, ["tags", "concurrency_limit"]);
    }
}
