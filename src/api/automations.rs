//! Automations, as types: what `lab setup` keeps (Prefect's zombie-run automation) and what
//! `deploy` makes of a deployment's `triggers:` (one automation per trigger, running the
//! deployment, owned by it).
//!
//! The types hold what a user sets; the server's extra fields (ids of triggers, `created`, an
//! action's `name`) are not kept, so two automations compare equal when they do the same thing.

use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};
use serde_json::{Value, json};
use uuid::Uuid;

use super::states::StateType;
use super::{ApiError, Client, Target};

/// An automation, as sent to `POST /automations/` and `PUT /automations/{id}` and as the
/// server returns it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Automation {
    /// The server's id; never sent.
    #[serde(default, skip_serializing)]
    pub id: Option<Uuid>,
    pub name: String,
    #[serde(default)]
    pub description: String,
    pub enabled: bool,
    #[serde(default)]
    pub tags: Vec<String>,
    pub trigger: Trigger,
    #[serde(default)]
    pub actions: Vec<Action>,
    #[serde(default)]
    pub actions_on_trigger: Vec<Action>,
    #[serde(default)]
    pub actions_on_resolve: Vec<Action>,
    /// `prefect.deployment.<id>` for a deployment's own automations. Only a creation may carry
    /// it (an update refuses the field), and the server never returns it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub owner_resource: Option<String>,
}

/// What fires an automation: Prefect's four trigger types, told apart by `type`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "lowercase")]
pub enum Trigger {
    Event(EventTrigger),
    Metric(MetricTrigger),
    Compound(CompoundTrigger),
    Sequence(SequenceTrigger),
}

impl Trigger {
    /// The word of `type:`.
    pub fn kind(&self) -> &'static str {
        match self {
            Trigger::Event(_) => "event",
            Trigger::Metric(_) => "metric",
            Trigger::Compound(_) => "compound",
            Trigger::Sequence(_) => "sequence",
        }
    }

    /// Whether this trigger, or one inside it, is a metric trigger.
    pub fn has_metric(&self) -> bool {
        match self {
            Trigger::Metric(_) => true,
            Trigger::Event(_) => false,
            Trigger::Compound(CompoundTrigger { triggers, .. })
            | Trigger::Sequence(SequenceTrigger { triggers, .. }) => {
                triggers.iter().any(Trigger::has_metric)
            }
        }
    }
}

/// Prefect's `EventTrigger`. The event lists are sets on the server (it returns them in any
/// order), so they are sets here.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EventTrigger {
    /// The resources it watches (`{"prefect.resource.id": ["prefect.flow-run.*"]}`).
    #[serde(rename = "match", default = "empty_object")]
    pub matches: Value,
    #[serde(default = "empty_object")]
    pub match_related: Value,
    #[serde(default)]
    pub after: BTreeSet<String>,
    #[serde(default)]
    pub expect: BTreeSet<String>,
    #[serde(default)]
    pub for_each: BTreeSet<String>,
    pub posture: Posture,
    pub threshold: i64,
    /// Seconds.
    pub within: f64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Posture {
    Reactive,
    Proactive,
    Metric,
}

/// Prefect's `MetricTrigger` (Prefect Cloud only: a self-hosted server refuses it).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MetricTrigger {
    #[serde(rename = "match", default = "empty_object")]
    pub matches: Value,
    #[serde(default = "empty_object")]
    pub match_related: Value,
    pub posture: Posture,
    pub metric: MetricQuery,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MetricQuery {
    /// `lateness`, `duration` or `successes`.
    pub name: String,
    pub threshold: f64,
    /// `<`, `<=`, `>` or `>=`.
    pub operator: String,
    /// Seconds.
    pub range: f64,
    /// Seconds.
    pub firing_for: f64,
}

/// Some number of triggers firing within a time.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CompoundTrigger {
    pub triggers: Vec<Trigger>,
    /// Seconds; `None` for no limit.
    pub within: Option<f64>,
    pub require: Require,
}

/// Triggers firing in order, within a time.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SequenceTrigger {
    pub triggers: Vec<Trigger>,
    /// Seconds; `None` for no limit.
    pub within: Option<f64>,
}

/// How many triggers of a compound trigger must fire.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Require {
    Count(u64),
    /// `any` or `all`.
    Word(String),
}

/// What an automation does. Action types ot2ctl never makes are kept only as `Other`, which is
/// enough to tell that an automation is not one of its own.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "kebab-case")]
pub enum Action {
    ChangeFlowRunState {
        state: StateType,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        message: Option<String>,
    },
    RunDeployment(RunDeployment),
    #[serde(other)]
    Other,
}

/// Runs a deployment: what a deployment's trigger does.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RunDeployment {
    /// `selected`: the deployment named here (`inferred` takes it from the event).
    pub source: String,
    #[serde(default)]
    pub deployment_id: Option<Uuid>,
    #[serde(default)]
    pub parameters: Option<Value>,
    #[serde(default)]
    pub job_variables: Option<Value>,
    /// Seconds.
    #[serde(default)]
    pub schedule_after: f64,
}

fn empty_object() -> Value {
    json!({})
}

impl Automation {
    /// Whether one of its actions runs the deployment `deployment_id`.
    pub fn runs_deployment(&self, deployment_id: Uuid) -> bool {
        self.actions.iter().any(|action| {
            matches!(action, Action::RunDeployment(RunDeployment { deployment_id: Some(id), .. })
                if *id == deployment_id)
        })
    }
}

/// The resource id of a deployment, as automations name their owner.
pub fn deployment_resource(deployment_id: Uuid) -> String {
    format!("prefect.deployment.{deployment_id}")
}

impl Client {
    /// The automation of this name, if there is one (the first, if several share it).
    pub async fn find_automation(&self, name: &str) -> Result<Option<Automation>, ApiError> {
        let found: Vec<Automation> = self
            .post(
                "/automations/filter",
                &json!({"automations": {"name": {"any_": [name]}}, "limit": 1}),
                &Target::Endpoint(format!("automation '{name}'")),
            )
            .await?;
        Ok(found.into_iter().next())
    }

    /// The automations related to a deployment: those it owns and those whose actions name it
    /// (the server does not say which is which).
    pub async fn automations_related_to_deployment(
        &self,
        deployment_id: Uuid,
    ) -> Result<Vec<Automation>, ApiError> {
        self.get(
            &format!(
                "/automations/related-to/{}",
                deployment_resource(deployment_id)
            ),
            &Target::Endpoint(format!("automations of deployment {deployment_id}")),
        )
        .await
    }

    /// Every automation of the workspace, page by page.
    pub async fn all_automations(&self) -> Result<Vec<Automation>, ApiError> {
        self.filter_all(
            "/automations/filter",
            json!({}),
            &Target::Endpoint("/automations/filter".into()),
        )
        .await
    }

    pub async fn create_automation(&self, automation: &Automation) -> Result<Uuid, ApiError> {
        #[derive(Deserialize)]
        struct Created {
            id: Uuid,
        }
        let created: Created = self
            .post("/automations/", automation, &automation_target(automation))
            .await?;
        Ok(created.id)
    }

    /// `PUT /automations/{id}`: the whole automation, replaced (its owner is kept).
    pub async fn replace_automation(
        &self,
        id: Uuid,
        automation: &Automation,
    ) -> Result<(), ApiError> {
        let body = Automation {
            owner_resource: None,
            ..automation.clone()
        };
        self.put(
            &format!("/automations/{id}"),
            &body,
            &automation_target(automation),
        )
        .await
    }

    pub async fn delete_automation(&self, id: Uuid, name: &str) -> Result<(), ApiError> {
        self.delete(
            &format!("/automations/{id}"),
            &Target::Endpoint(format!("automation '{name}'")),
        )
        .await
    }
}

fn automation_target(automation: &Automation) -> Target {
    Target::Endpoint(format!("automation '{}'", automation.name))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn automations_read_back_as_the_server_writes_them() {
        // Trimmed from a Prefect 3.8.8 server's answer for an automation `prefect deploy` made.
        let stored: Automation = serde_json::from_value(json!({
            "name": "d__automation_1", "description": "", "enabled": true, "tags": [],
            "trigger": {"type": "compound", "id": "b00e765d-3b0d-48f0-afdc-4ab08cd9203f",
                "triggers": [{"type": "event", "id": "37f5846f-18ff-413f-862b-729e517e0b44",
                    "match": {}, "match_related": {}, "after": [], "expect": ["b", "a"],
                    "for_each": [], "posture": "Reactive", "threshold": 1, "within": 0.0}],
                "within": 120.0, "require": "any"},
            "actions": [{"type": "run-deployment", "source": "selected",
                "deployment_id": "63ff24e2-4806-4ea5-bcfe-d5bfffb5df1b", "parameters": null,
                "job_variables": null, "schedule_after": 0.0}],
            "actions_on_trigger": [], "actions_on_resolve": [],
            "id": "55152e70-5a98-4844-8b2a-fa5b80fa5f55", "created": "2026-12-06T20:42:33Z"
        }))
        .unwrap();
        let Trigger::Compound(compound) = &stored.trigger else {
            panic!("{stored:?}")
        };
        assert_eq!(compound.require, Require::Word("any".into()));
        let Trigger::Event(inner) = &compound.triggers[0] else {
            panic!()
        };
        assert_eq!(
            inner.expect.iter().collect::<Vec<_>>(),
            ["a", "b"],
            "a set, whatever the server's order"
        );
        // Sent back, the trigger carries its type and no id.
        let sent = serde_json::to_value(&stored).unwrap();
        assert_eq!(sent["trigger"]["type"], "compound");
        assert!(sent["trigger"].get("id").is_none());
        assert!(sent.get("id").is_none() && sent.get("owner_resource").is_none());
        // An action ot2ctl does not make is still read.
        let other: Action = serde_json::from_value(json!({"type": "send-notification"})).unwrap();
        assert_eq!(other, Action::Other);
    }
}
