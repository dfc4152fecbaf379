//! Flows and deployments: `/flows/...`, `/deployments/...`.

use serde_json::{Value, json};
use uuid::Uuid;

use super::client::segment;
use super::models::{Deployment, DeploymentCreate, DeploymentUpdate, Flow, FlowRun};
use super::{ApiError, Client, Target};

impl Client {
    /// `GET /admin/version`: the server's Prefect release, e.g. `3.8.8`.
    pub async fn server_version(&self) -> Result<String, ApiError> {
        self.get(
            "/admin/version",
            &Target::Endpoint("the server's version (/admin/version)".into()),
        )
        .await
    }

    /// Creates the flow if it does not exist (the server answers 200 with the existing one).
    pub async fn ensure_flow(&self, name: &str) -> Result<Flow, ApiError> {
        self.post(
            "/flows/",
            &json!({"name": name, "tags": [], "labels": {}}),
            &Target::Flow(name.into()),
        )
        .await
    }

    pub async fn read_deployment_by_name(
        &self,
        flow: &str,
        name: &str,
    ) -> Result<Deployment, ApiError> {
        self.get(
            &format!("/deployments/name/{}/{}", segment(flow), segment(name)),
            &Target::Deployment(format!("{flow}/{name}")),
        )
        .await
    }

    /// The deployment, or `None` when it does not exist.
    pub async fn find_deployment_by_name(
        &self,
        flow: &str,
        name: &str,
    ) -> Result<Option<Deployment>, ApiError> {
        match self.read_deployment_by_name(flow, name).await {
            Ok(deployment) => Ok(Some(deployment)),
            Err(ApiError::NotFound { .. }) => Ok(None),
            Err(err) => Err(err),
        }
    }

    pub async fn read_deployment(&self, id: Uuid) -> Result<Deployment, ApiError> {
        self.get(
            &format!("/deployments/{id}"),
            &Target::Deployment(id.to_string()),
        )
        .await
    }

    /// `POST /deployments/` with a complete DeploymentCreate body.
    pub async fn create_deployment(
        &self,
        body: &DeploymentCreate,
        label: &str,
    ) -> Result<Deployment, ApiError> {
        self.post("/deployments/", body, &Target::Deployment(label.into()))
            .await
    }

    /// `PATCH /deployments/{id}` with the complete specification.
    pub async fn update_deployment(
        &self,
        id: Uuid,
        body: &DeploymentUpdate<'_>,
        label: &str,
    ) -> Result<(), ApiError> {
        self.patch(
            &format!("/deployments/{id}"),
            body,
            &Target::Deployment(label.into()),
        )
        .await
    }

    /// `PATCH /deployments/{id}` with `paused` alone: the rest stays.
    pub async fn set_deployment_paused(
        &self,
        id: Uuid,
        paused: bool,
        label: &str,
    ) -> Result<(), ApiError> {
        self.patch(
            &format!("/deployments/{id}"),
            &json!({ "paused": paused }),
            &Target::Deployment(label.into()),
        )
        .await
    }

    pub async fn delete_deployment(&self, id: Uuid, label: &str) -> Result<(), ApiError> {
        self.delete(
            &format!("/deployments/{id}"),
            &Target::Deployment(label.into()),
        )
        .await
    }

    /// Deployments matching a `DeploymentFilter`-style body (`deployments`, `work_pools`, ...).
    pub async fn list_deployments(&self, filter: Value) -> Result<Vec<Deployment>, ApiError> {
        let mut filter = filter;
        filter["sort"] = json!("NAME_ASC");
        self.filter_all(
            "/deployments/filter",
            filter,
            &Target::Endpoint("/deployments/filter".into()),
        )
        .await
    }

    /// The deployments named by `(flow, deployment)` pairs that exist, keyed by the pair: one
    /// query for all of them (flows, then their deployments), instead of one per name.
    pub async fn deployments_by_names(
        &self,
        names: &[(String, String)],
    ) -> Result<std::collections::HashMap<(String, String), Deployment>, ApiError> {
        let mut found = std::collections::HashMap::new();
        if names.is_empty() {
            return Ok(found);
        }
        let flow_names: std::collections::BTreeSet<&str> =
            names.iter().map(|(flow, _)| flow.as_str()).collect();
        let flows: Vec<Flow> = self
            .filter_all(
                "/flows/filter",
                json!({"flows": {"name": {"any_": flow_names}}}),
                &Target::Endpoint("/flows/filter".into()),
            )
            .await?;
        if flows.is_empty() {
            return Ok(found);
        }
        let flow_ids: Vec<Uuid> = flows.iter().map(|flow| flow.id).collect();
        let deployment_names: std::collections::BTreeSet<&str> =
            names.iter().map(|(_, name)| name.as_str()).collect();
        let deployments = self
            .list_deployments(json!({
                "flows": {"id": {"any_": flow_ids}},
                "deployments": {"name": {"any_": deployment_names}},
            }))
            .await?;
        for deployment in deployments {
            if let Some(flow) = flows.iter().find(|flow| flow.id == deployment.flow_id) {
                let key = (flow.name.clone(), deployment.name.clone());
                if names.contains(&key) {
                    found.insert(key, deployment);
                }
            }
        }
        Ok(found)
    }

    /// Flows by id, for showing `flow/deployment` names.
    pub async fn flows_by_id(&self, ids: &[Uuid]) -> Result<Vec<Flow>, ApiError> {
        if ids.is_empty() {
            return Ok(Vec::new());
        }
        self.filter_all(
            "/flows/filter",
            json!({"flows": {"id": {"any_": ids}}}),
            &Target::Endpoint("/flows/filter".into()),
        )
        .await
    }

    /// `POST /deployments/{id}/create_flow_run`.
    pub async fn create_flow_run(
        &self,
        deployment: &Deployment,
        body: &Value,
        label: &str,
    ) -> Result<FlowRun, ApiError> {
        self.post(
            &format!("/deployments/{}/create_flow_run", deployment.id),
            body,
            &Target::Deployment(label.into()),
        )
        .await
    }

    /// A Prefect variable's value, `None` when there is no such variable.
    pub async fn read_variable(&self, name: &str) -> Result<Option<Value>, ApiError> {
        let result: Result<Value, ApiError> = self
            .get(
                &format!("/variables/name/{}", segment(name)),
                &Target::Variable(name.into()),
            )
            .await;
        match result {
            Ok(variable) => Ok(Some(variable["value"].clone())),
            Err(ApiError::NotFound { .. }) => Ok(None),
            Err(err) => Err(err),
        }
    }

    /// A block document's `data`, `None` when there is no such block.
    pub async fn read_block_data(
        &self,
        block_type: &str,
        name: &str,
    ) -> Result<Option<Value>, ApiError> {
        let result: Result<Value, ApiError> = self
            .get(
                &format!(
                    "/block_types/slug/{}/block_documents/name/{}?include_secrets=true",
                    segment(block_type),
                    segment(name)
                ),
                &Target::Block(format!("{block_type}/{name}")),
            )
            .await;
        match result {
            Ok(document) => Ok(Some(document["data"].clone())),
            Err(ApiError::NotFound { .. }) => Ok(None),
            Err(err) => Err(err),
        }
    }
}

/// The value a block placeholder (`{{ prefect.blocks.<type>.<name>[.field] }}`) stands for,
/// as Prefect's templating reads a block document's data: a block holding a single `value`
/// unwraps to it, unless the placeholder asks for `value` itself.
pub fn block_value(data: Value, keypath: Option<&str>) -> Option<Value> {
    let unwrap = data
        .as_object()
        .is_some_and(|m| m.len() == 1 && m.contains_key("value"))
        && !keypath
            .is_some_and(|k| k == "value" || k.starts_with("value.") || k.starts_with("value["));
    let data = if unwrap { data["value"].clone() } else { data };
    match keypath {
        Some(path) => value_at(&data, path).cloned(),
        None => Some(data),
    }
}

/// Looks up a dotted key path (`step.stdout`, `a.b[0]`) as Prefect's `get_from_dict` does.
pub fn value_at<'a>(root: &'a Value, path: &str) -> Option<&'a Value> {
    let normalised = path.replace('[', ".").replace(']', "");
    let mut current = root;
    for key in normalised.split('.').filter(|k| !k.is_empty()) {
        current = match current {
            Value::Object(map) => map.get(key)?,
            Value::Array(items) => items.get(key.parse::<usize>().ok()?)?,
            _ => return None,
        };
    }
    Some(current)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn single_value_blocks_unwrap_unless_asked_for_value() {
        let data = json!({"value": {"url": "x"}});
        assert_eq!(block_value(data.clone(), None), Some(json!({"url": "x"})));
        assert_eq!(block_value(data.clone(), Some("url")), Some(json!("x")));
        assert_eq!(block_value(data, Some("value.url")), Some(json!("x")));
        assert_eq!(block_value(json!({"a": 1}), Some("b")), None);
        assert_eq!(
            value_at(&json!({"list": [1, {"x": 2}]}), "list[1].x"),
            Some(&json!(2))
        );
    }
}
