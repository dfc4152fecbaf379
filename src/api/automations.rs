//! Automations: what `lab setup` keeps (Prefect's zombie-run automation).

use serde_json::{Value, json};
use uuid::Uuid;

use super::{ApiError, Client, Target};

impl Client {
    /// The automation of this name, if there is one (the first, if several share it).
    pub async fn find_automation(&self, name: &str) -> Result<Option<Value>, ApiError> {
        let found: Vec<Value> = self
            .post(
                "/automations/filter",
                &json!({"automations": {"name": {"any_": [name]}}, "limit": 1}),
                &Target::Endpoint(format!("automation '{name}'")),
            )
            .await?;
        Ok(found.into_iter().next())
    }

    pub async fn create_automation(&self, automation: &Value) -> Result<(), ApiError> {
        let _: Value = self
            .post("/automations/", automation, &automation_target(automation))
            .await?;
        Ok(())
    }

    /// `PUT /automations/{id}`: the whole automation, replaced.
    pub async fn replace_automation(&self, id: Uuid, automation: &Value) -> Result<(), ApiError> {
        self.put(
            &format!("/automations/{id}"),
            automation,
            &automation_target(automation),
        )
        .await
    }
}

fn automation_target(automation: &Value) -> Target {
    Target::Endpoint(format!(
        "automation '{}'",
        automation["name"].as_str().unwrap_or("?")
    ))
}
