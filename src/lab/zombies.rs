//! Prefect's zombie-run automation, as `lab setup` keeps it: a run whose heartbeats stop
//! (its worker and process died with no successor to say so) is marked CRASHED. It is the
//! automation Prefect's guide "Detect zombie flows" creates by hand, named so that `lab setup`
//! finds it again.

use serde_json::{Value, json};

use super::plan::{Action, FieldChange};
use super::spec::ZombieRuns;
use crate::api::states::StateType;

pub const NAME: &str = "ot2ctl: crash zombie flow runs";
const MESSAGE: &str = "Flow run marked as crashed due to missing heartbeats.";

/// The automation as the lab file wants it.
pub fn automation(spec: ZombieRuns) -> Value {
    json!({
        "name": NAME,
        "description": "Marks a flow run CRASHED when it stops sending heartbeats (kept by `ot2ctl lab setup`).",
        "enabled": true,
        "trigger": {
            "type": "event",
            "match": {"prefect.resource.id": ["prefect.flow-run.*"]},
            "match_related": {},
            "after": ["prefect.flow-run.heartbeat"],
            "expect": [
                "prefect.flow-run.heartbeat",
                "prefect.flow-run.Completed",
                "prefect.flow-run.Failed",
                "prefect.flow-run.Cancelled",
                "prefect.flow-run.Crashed",
            ],
            "for_each": ["prefect.resource.id"],
            "posture": "Proactive",
            "threshold": 1,
            "within": spec.crash_after_seconds,
        },
        "actions": [{"type": "change-flow-run-state", "state": StateType::Crashed, "message": MESSAGE}],
        "actions_on_trigger": [],
        "actions_on_resolve": [],
    })
}

/// What must change for the server's automation (`None`: there is none) to be the wanted one.
pub fn plan(spec: ZombieRuns, current: Option<&Value>) -> Action {
    let Some(current) = current else {
        return Action::Create;
    };
    let wanted = automation(spec);
    let mut changes = Vec::new();
    let seconds = |value: &Value| {
        value
            .as_f64()
            .map_or("none".into(), |s| format!("{s:.0} s"))
    };
    if current["trigger"]["within"].as_f64() != Some(spec.crash_after_seconds as f64) {
        changes.push(FieldChange {
            field: "crash_after_seconds",
            from: seconds(&current["trigger"]["within"]),
            to: seconds(&wanted["trigger"]["within"]),
        });
    }
    if current["enabled"] != true {
        changes.push(FieldChange {
            field: "enabled",
            from: current["enabled"].to_string(),
            to: "true".into(),
        });
    }
    let same_rule = ["type", "posture", "match", "threshold"]
        .iter()
        .all(|key| current["trigger"][key] == wanted["trigger"][key])
        && ["after", "expect", "for_each"]
            .iter()
            .all(|key| as_set(&current["trigger"][key]) == as_set(&wanted["trigger"][key]))
        && actions(current) == actions(&wanted);
    if !same_rule {
        changes.push(FieldChange {
            field: "rule",
            from: "edited".into(),
            to: "Prefect's zombie-run rule".into(),
        });
    }
    if changes.is_empty() {
        Action::Unchanged
    } else {
        Action::Update(changes)
    }
}

/// A list the server stores as a set (in its own order).
fn as_set(value: &Value) -> std::collections::BTreeSet<String> {
    value
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|item| item.as_str().map(str::to_string))
        .collect()
}

/// What each action does, without the defaults the server fills in (`name`, `force`).
fn actions(automation: &Value) -> Vec<[Value; 3]> {
    automation["actions"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|a| [a["type"].clone(), a["state"].clone(), a["message"].clone()])
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_automation_as_wanted_is_unchanged_and_a_new_delay_is_an_update() {
        let spec = ZombieRuns {
            crash_after_seconds: 90,
        };
        assert_eq!(plan(spec, None), Action::Create);
        // As the server returns it: lists in its own order, defaults filled in.
        let mut stored = automation(spec);
        stored["trigger"]["within"] = json!(90.0);
        stored["trigger"]["expect"]
            .as_array_mut()
            .unwrap()
            .reverse();
        stored["actions"][0]["force"] = json!(false);
        stored["actions"][0]["name"] = Value::Null;
        stored["id"] = json!("8c1b0b3e-0000-4000-8000-000000000000");
        assert_eq!(plan(spec, Some(&stored)), Action::Unchanged);
        let longer = ZombieRuns {
            crash_after_seconds: 120,
        };
        assert_eq!(
            plan(longer, Some(&stored)),
            Action::Update(vec![FieldChange {
                field: "crash_after_seconds",
                from: "90 s".into(),
                to: "120 s".into(),
            }])
        );
    }
}
