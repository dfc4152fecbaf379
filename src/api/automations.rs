//! Automations: what `lab setup` keeps (Prefect's zombie-run automation), as types.

use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};
use serde_json::{Value, json};
use uuid::Uuid;

use super::states::StateType;
use super::{ApiError, Client, Target};

/// An automation, as sent to `POST /automations/` and `PUT /automations/{id}` and as the
/// server returns it (its extra fields, such as `created`, are not kept).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Automation {
    /// The server's id; never sent.
    #[serde(default, skip_serializing)]
    pub id: Option<Uuid>,
    pub name: String,
    #[serde(default)]
    pub description: String,
    pub enabled: bool,
    pub trigger: Trigger,
    #[serde(default)]
    pub actions: Vec<Action>,
    #[serde(default)]
    pub actions_on_trigger: Vec<Action>,
    #[serde(default)]
    pub actions_on_resolve: Vec<Action>,
}

/// What fires an automation: an event trigger, or one of the other kinds kept as the server
/// wrote it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Trigger {
    Event(Box<EventTrigger>),
    Other(Value),
}

/// Prefect's `EventTrigger`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EventTrigger {
    /// `event`.
    #[serde(rename = "type")]
    pub kind: String,
    /// The resources it watches (`{"prefect.resource.id": ["prefect.flow-run.*"]}`).
    #[serde(rename = "match", default)]
    pub matches: Value,
    #[serde(default)]
    pub match_related: Value,
    #[serde(default)]
    pub after: Vec<String>,
    #[serde(default)]
    pub expect: Vec<String>,
    #[serde(default)]
    pub for_each: Vec<String>,
    /// `Reactive` or `Proactive`.
    pub posture: String,
    pub threshold: u64,
    /// Seconds.
    pub within: f64,
}

impl EventTrigger {
    /// The event lists the server keeps as sets, in its own order.
    pub fn event_sets(&self) -> [BTreeSet<&str>; 3] {
        fn set(items: &[String]) -> BTreeSet<&str> {
            items.iter().map(String::as_str).collect()
        }
        [set(&self.after), set(&self.expect), set(&self.for_each)]
    }
}

/// What an automation does: the fields ot2ctl sets (the server fills in others, such as
/// `name` and `force`, which are not compared).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Action {
    #[serde(rename = "type")]
    pub kind: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub state: Option<StateType>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
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

    pub async fn create_automation(&self, automation: &Automation) -> Result<(), ApiError> {
        let _: Value = self
            .post("/automations/", automation, &automation_target(automation))
            .await?;
        Ok(())
    }

    /// `PUT /automations/{id}`: the whole automation, replaced.
    pub async fn replace_automation(
        &self,
        id: Uuid,
        automation: &Automation,
    ) -> Result<(), ApiError> {
        self.put(
            &format!("/automations/{id}"),
            automation,
            &automation_target(automation),
        )
        .await
    }
}

fn automation_target(automation: &Automation) -> Target {
    Target::Endpoint(format!("automation '{}'", automation.name))
}
