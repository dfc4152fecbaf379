//! Which automations of a deployment to keep, update, create or delete so that the server
//! holds one per trigger of the file.
//!
//! `prefect deploy` deletes every automation the deployment owns and creates them again, so
//! each deploy gives them new ids and a new history. ot2ctl ends in the same automations but
//! writes only what differs: an automation equal to a trigger is left alone, one whose trigger
//! changed is updated in place, and one whose trigger is gone is deleted.
//!
//! The server does not say which automations a deployment owns (its API returns those related
//! to it, owned or not). An automation counts as the file's when it does what a trigger's
//! automation does (run this deployment, nothing else); one of those that no trigger wants is
//! deleted only if it carries Prefect's default name for the deployment
//! (`<deployment>__automation_<n>`): one named otherwise may have been made in the UI, so it is
//! kept and reported.

use serde_json::Value;
use uuid::Uuid;

use super::compare::{Change, json};
use super::triggers::is_default_name;
use crate::api::automations::{Action, Automation, RunDeployment};

/// What to do with one automation.
#[derive(Debug, Clone, PartialEq)]
pub enum Step {
    Unchanged {
        id: Uuid,
        name: String,
    },
    Update {
        id: Uuid,
        wanted: Automation,
        changes: Vec<Change>,
    },
    Create(Automation),
    Delete {
        id: Uuid,
        name: String,
    },
    /// Runs the deployment, no trigger wants it, and it may not be the file's: left alone.
    Kept {
        id: Uuid,
        name: String,
    },
}

impl Step {
    pub fn name(&self) -> &str {
        match self {
            Step::Unchanged { name, .. } | Step::Delete { name, .. } | Step::Kept { name, .. } => {
                name
            }
            Step::Update { wanted, .. } | Step::Create(wanted) => &wanted.name,
        }
    }
}

/// Whether a wanted automation and a stored one are the same automation.
type Matcher<'a> = dyn Fn(&Automation, &Automation) -> bool + 'a;

/// The steps that turn `related` (the server's automations related to the deployment
/// `deployment_id`, named `deployment`) into `wanted` (one per trigger, in file order), in that
/// order: the wanted ones first, then what is deleted or kept.
pub fn plan(
    deployment: &str,
    deployment_id: Uuid,
    wanted: Vec<Automation>,
    related: Vec<Automation>,
) -> Vec<Step> {
    let mut candidates: Vec<Option<Automation>> = related
        .into_iter()
        .filter(|a| a.id.is_some() && runs_only(a, deployment_id))
        .map(Some)
        .collect();
    let mut matched: Vec<Option<(Automation, Automation)>> = vec![None; wanted.len()];
    // Three passes, most certain first: equal in every field; equal but for a default name
    // (a trigger removed above this one renumbers it); then the same name.
    let passes: [&Matcher<'_>; 3] = [
        &|w, s| same(w, s),
        &|w, s| is_default_name(deployment, &s.name) && same_but_name(w, s),
        &|w, s| w.name == s.name,
    ];
    for pass in passes {
        for (index, wanted) in wanted.iter().enumerate() {
            if matched[index].is_some() {
                continue;
            }
            let found = candidates
                .iter_mut()
                .find(|slot| slot.as_ref().is_some_and(|stored| pass(wanted, stored)));
            if let Some(slot) = found {
                matched[index] = slot.take().map(|stored| (wanted.clone(), stored));
            }
        }
    }
    let mut steps: Vec<Step> = wanted
        .into_iter()
        .zip(matched)
        .map(|(wanted, pair)| match pair {
            None => Step::Create(wanted),
            Some((wanted, stored)) => {
                let id = stored.id.expect("candidates have ids");
                let changes = differences(&wanted, &stored);
                if changes.is_empty() {
                    Step::Unchanged {
                        id,
                        name: stored.name,
                    }
                } else {
                    Step::Update {
                        id,
                        wanted,
                        changes,
                    }
                }
            }
        })
        .collect();
    for stored in candidates.into_iter().flatten() {
        let id = stored.id.expect("candidates have ids");
        let name = stored.name;
        steps.push(if is_default_name(deployment, &name) {
            Step::Delete { id, name }
        } else {
            Step::Kept { id, name }
        });
    }
    steps
}

/// Whether an automation does what a trigger's does: run this one deployment, chosen by id,
/// and nothing else.
fn runs_only(automation: &Automation, deployment_id: Uuid) -> bool {
    automation.actions_on_trigger.is_empty()
        && automation.actions_on_resolve.is_empty()
        && matches!(
            automation.actions.as_slice(),
            [Action::RunDeployment(RunDeployment { source, deployment_id: Some(id), .. })]
                if source == "selected" && *id == deployment_id
        )
}

/// Equal as the server keeps them (ids and the owner, which it does not return, aside).
fn same(wanted: &Automation, stored: &Automation) -> bool {
    differences(wanted, stored).is_empty()
}

fn same_but_name(wanted: &Automation, stored: &Automation) -> bool {
    differences(wanted, stored)
        .iter()
        .all(|change| change.field == "name")
}

/// The fields a user sets in a trigger that differ, as JSON for the report.
fn differences(wanted: &Automation, stored: &Automation) -> Vec<Change> {
    let mut changes = Vec::new();
    let mut compare = |field: &str, to: Value, from: Value| {
        leaf_changes(field, &from, &to, &mut changes);
    };
    compare("name", json(&wanted.name), json(&stored.name));
    compare(
        "description",
        json(&wanted.description),
        json(&stored.description),
    );
    compare("enabled", json(&wanted.enabled), json(&stored.enabled));
    compare("tags", json(&wanted.tags), json(&stored.tags));
    // The JSON of two equal triggers may differ (a set's order): compared as types first.
    if wanted.trigger != stored.trigger {
        compare("trigger", json(&wanted.trigger), json(&stored.trigger));
    }
    let action = |automation: &Automation| match automation.actions.as_slice() {
        [Action::RunDeployment(run)] => Some(run.clone()),
        _ => None,
    };
    match (action(wanted), action(stored)) {
        (Some(to), Some(from)) => {
            compare("parameters", json(&to.parameters), json(&from.parameters));
            compare(
                "job_variables",
                json(&to.job_variables),
                json(&from.job_variables),
            );
            compare(
                "schedule_after",
                json(&to.schedule_after),
                json(&from.schedule_after),
            );
        }
        _ => compare("actions", json(&wanted.actions), json(&stored.actions)),
    }
    changes
}

/// The differences between two JSON values, down to the first field that is not a mapping
/// on both sides (`trigger.triggers` is one change, `trigger.within` another).
fn leaf_changes(field: &str, from: &Value, to: &Value, into: &mut Vec<Change>) {
    match (from, to) {
        (Value::Object(old), Value::Object(new)) => {
            let keys: std::collections::BTreeSet<&String> = old.keys().chain(new.keys()).collect();
            for key in keys {
                let missing = Value::Null;
                let (before, after) = (
                    old.get(key.as_str()).unwrap_or(&missing),
                    new.get(key.as_str()).unwrap_or(&missing),
                );
                leaf_changes(&format!("{field}.{key}"), before, after, into);
            }
        }
        _ if from != to => into.push(Change {
            field: field.to_string(),
            from: from.clone(),
            to: to.clone(),
        }),
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::automations::{EventTrigger, Posture, Trigger};
    use crate::deploy::triggers::default_name;

    const DEPLOYMENT: &str = "mix";

    fn deployment_id() -> Uuid {
        Uuid::from_u128(7)
    }

    fn automation(name: &str, event: &str) -> Automation {
        Automation {
            id: None,
            name: name.into(),
            description: String::new(),
            enabled: true,
            tags: Vec::new(),
            trigger: Trigger::Event(EventTrigger {
                matches: serde_json::json!({}),
                match_related: serde_json::json!({}),
                after: Default::default(),
                expect: [event.to_string()].into(),
                for_each: Default::default(),
                posture: Posture::Reactive,
                threshold: 1,
                within: 0.0,
            }),
            actions: vec![Action::RunDeployment(RunDeployment {
                source: "selected".into(),
                deployment_id: Some(deployment_id()),
                parameters: None,
                job_variables: None,
                schedule_after: 0.0,
            })],
            actions_on_trigger: Vec::new(),
            actions_on_resolve: Vec::new(),
            owner_resource: None,
        }
    }

    fn stored(name: &str, event: &str, id: u128) -> Automation {
        Automation {
            id: Some(Uuid::from_u128(id)),
            ..automation(name, event)
        }
    }

    fn summary(steps: &[Step]) -> Vec<String> {
        steps
            .iter()
            .map(|step| match step {
                Step::Unchanged { id, .. } => format!("unchanged {}", id.as_u128()),
                Step::Update { id, changes, .. } => format!(
                    "update {} ({})",
                    id.as_u128(),
                    changes
                        .iter()
                        .map(|c| c.field.as_str())
                        .collect::<Vec<_>>()
                        .join(",")
                ),
                Step::Create(a) => format!("create {}", a.name),
                Step::Delete { id, .. } => format!("delete {}", id.as_u128()),
                Step::Kept { id, .. } => format!("kept {}", id.as_u128()),
            })
            .collect()
    }

    fn name(index: usize) -> String {
        default_name(DEPLOYMENT, index)
    }

    #[test]
    fn equal_automations_are_unchanged_and_a_changed_trigger_is_updated_in_place() {
        let related = vec![stored(&name(1), "a", 1), stored(&name(2), "b", 2)];
        let wanted = vec![automation(&name(1), "a"), automation(&name(2), "b2")];
        let steps = plan(DEPLOYMENT, deployment_id(), wanted, related);
        assert_eq!(
            summary(&steps),
            ["unchanged 1", "update 2 (trigger.expect)"]
        );
    }

    #[test]
    fn removing_a_trigger_deletes_its_automation_and_renames_the_ones_after_it() {
        let related = vec![
            stored(&name(1), "a", 1),
            stored(&name(2), "b", 2),
            stored(&name(3), "c", 3),
        ];
        let wanted = vec![automation(&name(1), "b"), automation(&name(2), "c")];
        let steps = plan(DEPLOYMENT, deployment_id(), wanted, related);
        assert_eq!(
            summary(&steps),
            ["update 2 (name)", "update 3 (name)", "delete 1"]
        );
    }

    #[test]
    fn automations_that_may_not_be_the_files_are_never_deleted() {
        let mut other_action = stored(&name(4), "x", 4);
        other_action.actions = vec![Action::Other];
        let mut other_deployment = stored(&name(5), "x", 5);
        other_deployment.actions = vec![Action::RunDeployment(RunDeployment {
            source: "selected".into(),
            deployment_id: Some(Uuid::from_u128(99)),
            parameters: None,
            job_variables: None,
            schedule_after: 0.0,
        })];
        let related = vec![
            stored("made in the UI", "a", 1),
            other_action,
            other_deployment,
            stored(&name(2), "b", 2),
        ];
        let wanted = vec![automation("custom", "z")];
        let steps = plan(DEPLOYMENT, deployment_id(), wanted, related);
        assert_eq!(summary(&steps), ["create custom", "kept 1", "delete 2"]);
    }
}
