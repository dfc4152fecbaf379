//! Prefect's zombie-run automation, as `lab setup` keeps it: a run whose heartbeats stop
//! (its worker and process died with no successor to say so) is marked CRASHED. It is the
//! automation Prefect's guide "Detect zombie flows" creates by hand, named so that `lab setup`
//! finds it again.

use serde_json::json;

use super::plan::{Action, FieldChange};
use super::spec::ZombieRuns;
use crate::api::automations::{self, Automation, EventTrigger, Posture, Trigger};
use crate::api::states::StateType;

pub const NAME: &str = "ot2ctl: crash zombie flow runs";
const MESSAGE: &str = "Flow run marked as crashed due to missing heartbeats.";

/// The automation as the lab file wants it.
pub fn automation(spec: ZombieRuns) -> Automation {
    let events = |names: &[&str]| names.iter().map(|n| n.to_string()).collect();
    Automation {
        id: None,
        name: NAME.into(),
        description: "Marks a flow run CRASHED when it stops sending heartbeats (kept by \
                      `ot2ctl lab setup`)."
            .into(),
        enabled: true,
        tags: Vec::new(),
        trigger: Trigger::Event(EventTrigger {
            matches: json!({"prefect.resource.id": ["prefect.flow-run.*"]}),
            match_related: json!({}),
            after: events(&["prefect.flow-run.heartbeat"]),
            expect: events(&[
                "prefect.flow-run.heartbeat",
                "prefect.flow-run.Completed",
                "prefect.flow-run.Failed",
                "prefect.flow-run.Cancelled",
                "prefect.flow-run.Crashed",
            ]),
            for_each: events(&["prefect.resource.id"]),
            posture: Posture::Proactive,
            threshold: 1,
            within: spec.crash_after_seconds as f64,
        }),
        actions: vec![automations::Action::ChangeFlowRunState {
            state: StateType::Crashed,
            message: Some(MESSAGE.into()),
        }],
        actions_on_trigger: Vec::new(),
        actions_on_resolve: Vec::new(),
        owner_resource: None,
    }
}

/// What must change for the server's automation (`None`: there is none) to be the wanted one.
pub fn plan(spec: ZombieRuns, current: Option<&Automation>) -> Action {
    let Some(current) = current else {
        return Action::Create;
    };
    let wanted = automation(spec);
    let Trigger::Event(wanted_trigger) = &wanted.trigger else {
        unreachable!("the zombie automation has an event trigger")
    };
    let mut changes = Vec::new();
    let seconds = |within: Option<f64>| within.map_or("none".into(), |s| format!("{s:.0} s"));
    let current_trigger = match &current.trigger {
        Trigger::Event(trigger) => Some(trigger),
        _ => None,
    };
    let current_within = current_trigger.map(|t| t.within);
    if current_within != Some(wanted_trigger.within) {
        changes.push(FieldChange {
            field: "crash_after_seconds",
            from: seconds(current_within),
            to: seconds(Some(wanted_trigger.within)),
        });
    }
    if !current.enabled {
        changes.push(FieldChange {
            field: "enabled",
            from: "false".into(),
            to: "true".into(),
        });
    }
    let same_rule = current_trigger.is_some_and(|t| {
        t.posture == wanted_trigger.posture
            && t.matches == wanted_trigger.matches
            && t.threshold == wanted_trigger.threshold
            && (&t.after, &t.expect, &t.for_each)
                == (
                    &wanted_trigger.after,
                    &wanted_trigger.expect,
                    &wanted_trigger.for_each,
                )
    }) && current.actions == wanted.actions;
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
        let mut returned = serde_json::to_value(automation(spec)).unwrap();
        returned["trigger"]["within"] = json!(90.0);
        returned["trigger"]["expect"]
            .as_array_mut()
            .unwrap()
            .reverse();
        returned["actions"][0]["force"] = json!(false);
        returned["actions"][0]["name"] = serde_json::Value::Null;
        returned["id"] = json!("8c1b0b3e-0000-4000-8000-000000000000");
        let stored: Automation = serde_json::from_value(returned).unwrap();
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
