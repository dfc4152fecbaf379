//! Flow runs and the deployments they belong to (read-only, for previews).

use std::collections::HashMap;

use jiff::Timestamp;
use serde_json::json;
use uuid::Uuid;

use super::client::PAGE_SIZE;
use super::models::{Deployment, Flow, FlowRun};
use super::{ApiError, Client, Target};

impl Client {
    /// SCHEDULED runs of one queue due before `before`, soonest first.
    ///
    /// Deliberately not `get_scheduled_flow_runs`: that call marks the queue as polled, so a
    /// preview would make an unattended queue look healthy.
    pub async fn scheduled_flow_runs(
        &self,
        pool: &str,
        queue: &str,
        before: Timestamp,
    ) -> Result<Vec<FlowRun>, ApiError> {
        let body = json!({
            "flow_runs": {
                "state": {"type": {"any_": ["SCHEDULED"]}},
                "next_scheduled_start_time": {"before_": before.to_string()},
            },
            "work_pools": {"name": {"any_": [pool]}},
            "work_pool_queues": {"name": {"any_": [queue]}},
            "sort": "NEXT_SCHEDULED_START_TIME_ASC",
            "limit": PAGE_SIZE,
            "offset": 0,
        });
        self.post(
            "/flow_runs/filter",
            &body,
            &Target::Endpoint("/flow_runs/filter".into()),
        )
        .await
    }

    /// `flow/deployment` names of the given deployments.
    pub async fn deployment_names(&self, ids: &[Uuid]) -> Result<HashMap<Uuid, String>, ApiError> {
        if ids.is_empty() {
            return Ok(HashMap::new());
        }
        let body = json!({"deployments": {"id": {"any_": ids}}, "limit": PAGE_SIZE, "offset": 0});
        let deployments: Vec<Deployment> = self
            .post(
                "/deployments/filter",
                &body,
                &Target::Endpoint("/deployments/filter".into()),
            )
            .await?;
        let flow_ids: Vec<Uuid> = deployments.iter().map(|d| d.flow_id).collect();
        let body = json!({"flows": {"id": {"any_": flow_ids}}, "limit": PAGE_SIZE, "offset": 0});
        let flows: Vec<Flow> = self
            .post(
                "/flows/filter",
                &body,
                &Target::Endpoint("/flows/filter".into()),
            )
            .await?;
        let flow_names: HashMap<Uuid, &str> =
            flows.iter().map(|f| (f.id, f.name.as_str())).collect();
        Ok(deployments
            .iter()
            .map(|d| {
                let flow = flow_names.get(&d.flow_id).copied().unwrap_or("?");
                (d.id, format!("{flow}/{}", d.name))
            })
            .collect())
    }
}
