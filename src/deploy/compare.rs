//! What differs between the deployment a file wants and the one the server has.

use serde::Serialize;
use serde_json::Value;

use super::schedule::same_schedule;
use crate::api::models::{Deployment, DeploymentCreate, DeploymentSchedule, Schedule};

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

/// The fields of `wanted` that differ from `stored` (the server's deployment), field by field
/// as the server keeps them.
pub fn changes(wanted: &DeploymentCreate, stored: &Deployment) -> Vec<Change> {
    let mut changes = Vec::new();
    let mut compare = |field: &str, to: Value, from: Value| {
        if to != from {
            changes.push(Change {
                field: field.to_string(),
                from,
                to,
            });
        }
    };
    compare("version", json(&wanted.version), json(&stored.version));
    // `prefect deploy` stores a flow without a description as the text "None" (Python's
    // `str(None)`): it means no description, so switching CLIs changes nothing (issue 23).
    let described = |text: &Option<String>| json(&text.as_deref().filter(|t| *t != "None"));
    compare(
        "description",
        described(&wanted.description),
        described(&stored.description),
    );
    compare(
        "entrypoint",
        json(&wanted.entrypoint),
        json(&stored.entrypoint),
    );
    compare("path", json(&wanted.path), json(&stored.path));
    compare(
        "parameters",
        json(&wanted.parameters),
        json(&stored.parameters),
    );
    compare(
        "parameter_openapi_schema",
        wanted.parameter_openapi_schema.clone(),
        stored.parameter_openapi_schema.clone(),
    );
    compare(
        "enforce_parameter_schema",
        json(&wanted.enforce_parameter_schema),
        json(&stored.enforce_parameter_schema),
    );
    compare("tags", json(&wanted.tags), json(&stored.tags));
    compare("paused", json(&wanted.paused), json(&stored.paused));
    compare(
        "job_variables",
        json(&wanted.job_variables),
        json(&stored.job_variables),
    );
    compare(
        "pull_steps",
        json(&wanted.pull_steps),
        json(&stored.pull_steps),
    );
    compare(
        "work_pool_name",
        json(&wanted.work_pool_name),
        json(&stored.work_pool_name),
    );
    compare(
        "work_queue_name",
        json(&wanted.work_queue_name),
        json(&stored.work_queue_name),
    );
    // The server fills in options left out (`grace_period_seconds: null`), read as absent.
    if wanted.concurrency_options != stored.concurrency_options {
        compare(
            "concurrency_options",
            json(&wanted.concurrency_options),
            json(&stored.concurrency_options),
        );
    }
    // The server keeps the deployment's limit in a global concurrency limit.
    let stored_limit = stored
        .global_concurrency_limit
        .as_ref()
        .and_then(|g| g.limit)
        .map_or(Value::Null, Value::from);
    compare(
        "concurrency_limit",
        wanted.concurrency_limit.clone(),
        stored_limit,
    );
    let stored_schedules = stored.schedule_requests();
    if !same_schedules(&wanted.schedules, &stored_schedules) {
        compare(
            "schedules",
            Value::Array(wanted.schedules.iter().map(schedule_summary).collect()),
            Value::Array(stored_schedules.iter().map(schedule_summary).collect()),
        );
    }
    changes
}

/// A field as JSON, for a [`Change`]: what the server sees.
pub fn json<T: Serialize>(value: &T) -> Value {
    serde_json::to_value(value).unwrap_or(Value::Null)
}

/// The server does not keep the order of schedules: each wanted one must match a stored one.
fn same_schedules(wanted: &[DeploymentSchedule], stored: &[DeploymentSchedule]) -> bool {
    if wanted.len() != stored.len() {
        return false;
    }
    let mut unmatched: Vec<&DeploymentSchedule> = stored.iter().collect();
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

/// Keeps an interval schedule without `anchor_date` on the anchor the server already has, so
/// that deploying the same file twice changes nothing (Prefect would re-anchor it to "now").
pub fn keep_anchors(wanted: &mut DeploymentCreate, stored: &Deployment) {
    let stored_schedules = stored.schedule_requests();
    for schedule in &mut wanted.schedules {
        let Schedule::Interval {
            interval,
            anchor_date: anchor @ None,
            timezone,
        } = &mut schedule.schedule
        else {
            continue;
        };
        let same_interval = stored_schedules
            .iter()
            .find_map(|existing| match &existing.schedule {
                Schedule::Interval {
                    interval: stored_interval,
                    anchor_date: Some(stored_anchor),
                    timezone: stored_timezone,
                } if stored_interval == interval && stored_timezone == timezone => {
                    Some(stored_anchor.clone())
                }
                _ => None,
            });
        if let Some(existing) = same_interval {
            *anchor = Some(existing);
        }
    }
}

/// A schedule in a few words, for diffs and lists.
pub fn schedule_summary(schedule: &DeploymentSchedule) -> Value {
    let (text, timezone) = match &schedule.schedule {
        Schedule::Cron { cron, timezone, .. } => (format!("cron {cron}"), timezone.clone()),
        Schedule::Interval {
            interval, timezone, ..
        } => (format!("every {interval} s"), timezone.clone()),
        Schedule::RRule { rrule, timezone } => (
            format!("rrule {}", rrule.rsplit('\n').next().unwrap_or(rrule)),
            timezone.clone(),
        ),
        Schedule::Other(other) => (other.to_string(), None),
    };
    let timezone = timezone.map(|tz| format!(" ({tz})")).unwrap_or_default();
    let state = if schedule.active { "" } else { ", inactive" };
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
        let stored_json = json!({
            "id": "8c1b0b3e-0000-4000-8000-000000000000", "name": "d",
            "flow_id": "8c1b0b3e-0000-4000-8000-000000000001",
            "version": "1", "description": "d", "entrypoint": "f.py:f", "path": null,
            "parameters": {"R": 1}, "parameter_openapi_schema": {}, "enforce_parameter_schema": true,
            "tags": ["a"], "paused": false, "job_variables": {}, "pull_steps": [],
            "work_pool_name": "p", "work_queue_name": "q", "concurrency_options": null,
            "global_concurrency_limit": {"limit": 2}, "schedules": []
        });
        let stored: Deployment = serde_json::from_value(stored_json.clone()).unwrap();
        let wanted = DeploymentCreate {
            name: "d".into(),
            work_queue_name: Some("q".into()),
            work_pool_name: "p".into(),
            version: "1".into(),
            version_info: crate::api::models::VersionInfo {
                kind: "prefect:simple".into(),
                version: "1".into(),
                commit_sha: None,
                message: None,
                branch: None,
                repository: None,
                url: None,
            },
            paused: false,
            schedules: Vec::new(),
            concurrency_limit: json!(2),
            concurrency_options: None,
            parameters: json!({"R": 1}).as_object().unwrap().clone(),
            description: Some("d".into()),
            tags: vec!["a".into()],
            labels: serde_json::Map::new(),
            path: None,
            entrypoint: "f.py:f".into(),
            storage_document_id: None,
            infrastructure_document_id: None,
            parameter_openapi_schema: json!({}),
            enforce_parameter_schema: true,
            job_variables: serde_json::Map::new(),
            pull_steps: Vec::new(),
            flow_id: None,
        };
        assert!(changes(&wanted, &stored).is_empty());
        let mut edited = stored_json;
        edited["tags"] = json!(["b"]);
        edited["global_concurrency_limit"] = Value::Null;
        let stored: Deployment = serde_json::from_value(edited).unwrap();
        let found: Vec<String> = changes(&wanted, &stored)
            .into_iter()
            .map(|c| c.field)
            .collect();
        assert_eq!(found, ["tags", "concurrency_limit"]);

        // Prefect's "None" for no description is no description.
        let mut by_prefect = stored_json_without_description();
        by_prefect["description"] = json!("None");
        let stored: Deployment = serde_json::from_value(by_prefect).unwrap();
        let undescribed = DeploymentCreate {
            description: None,
            ..wanted
        };
        assert!(changes(&undescribed, &stored).is_empty());
    }

    fn stored_json_without_description() -> Value {
        json!({
            "id": "8c1b0b3e-0000-4000-8000-000000000000", "name": "d",
            "flow_id": "8c1b0b3e-0000-4000-8000-000000000001",
            "version": "1", "description": null, "entrypoint": "f.py:f", "path": null,
            "parameters": {"R": 1}, "parameter_openapi_schema": {}, "enforce_parameter_schema": true,
            "tags": ["a"], "paused": false, "job_variables": {}, "pull_steps": [],
            "work_pool_name": "p", "work_queue_name": "q", "concurrency_options": null,
            "global_concurrency_limit": {"limit": 2}, "schedules": []
        })
    }
}
