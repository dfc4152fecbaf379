//! Flow runs and the deployments they belong to (read-only, for previews).

use std::collections::HashMap;

use jiff::Timestamp;
use serde_json::{Value, json};
use uuid::Uuid;

use super::client::PAGE_SIZE;
use super::models::FlowRun;
use super::states::{OrchestrationResult, Proposal, StateType};
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
                "state": {"type": {"any_": [StateType::Scheduled]}},
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
        let deployments = self
            .list_deployments(json!({"deployments": {"id": {"any_": ids}}}))
            .await?;
        let flow_ids: Vec<Uuid> = deployments.iter().map(|d| d.flow_id).collect();
        let flow_names = self.flow_names(&flow_ids).await?;
        Ok(deployments
            .iter()
            .map(|d| {
                let flow = flow_names.get(&d.flow_id).map_or("?", String::as_str);
                (d.id, format!("{flow}/{}", d.name))
            })
            .collect())
    }
}

/// A log line of a flow run.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct LogEntry {
    #[serde(default)]
    pub level: u32,
    #[serde(default)]
    pub message: String,
    #[serde(default)]
    pub timestamp: Option<super::models::ApiTime>,
    #[serde(default)]
    pub name: Option<String>,
    #[serde(default)]
    pub flow_run_id: Option<Uuid>,
    #[serde(flatten)]
    pub extra: serde_json::Map<String, serde_json::Value>,
}

/// A log line sent to `POST /logs/` (Prefect's `LogCreate`).
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct LogCreate {
    pub name: String,
    pub level: u32,
    pub message: String,
    /// As the server writes it back, so that a line can be found again after a failed send.
    pub timestamp: String,
    pub flow_run_id: Uuid,
    pub task_run_id: Option<Uuid>,
}

/// Which logs to read, oldest or newest first.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LogOrder {
    OldestFirst,
    NewestFirst,
}

impl Client {
    pub async fn read_flow_run(&self, id: Uuid) -> Result<FlowRun, ApiError> {
        self.get(
            &format!("/flow_runs/{id}"),
            &Target::FlowRun(id.to_string()),
        )
        .await
    }

    /// Flow runs matching a filter body (`flows`, `flow_runs`, `deployments`, ...), sorted.
    pub async fn list_flow_runs(
        &self,
        filter: Value,
        sort: &str,
        limit: usize,
    ) -> Result<Vec<FlowRun>, ApiError> {
        // The server answers at most a page at a time; more are read page by page.
        let mut body = filter;
        body["sort"] = json!(sort);
        let mut runs: Vec<FlowRun> = Vec::new();
        while runs.len() < limit {
            body["limit"] = json!((limit - runs.len()).min(PAGE_SIZE));
            body["offset"] = json!(runs.len());
            let page: Vec<FlowRun> = self
                .post(
                    "/flow_runs/filter",
                    &body,
                    &Target::Endpoint("/flow_runs/filter".into()),
                )
                .await?;
            let last = page.len() < PAGE_SIZE;
            runs.extend(page);
            if last {
                break;
            }
        }
        Ok(runs)
    }

    /// The pool's flow runs that are PENDING, RUNNING or CANCELLING: what a worker may have
    /// claimed or been executing when it stopped.
    pub async fn active_flow_runs(&self, pool: &str) -> Result<Vec<FlowRun>, ApiError> {
        let active = [
            StateType::Pending,
            StateType::Running,
            StateType::Cancelling,
        ];
        let filter = json!({
            "flow_runs": {"state": {"type": {"any_": active}}},
            "work_pools": {"name": {"any_": [pool]}},
        });
        self.list_flow_runs(filter, "START_TIME_ASC", PAGE_SIZE)
            .await
    }

    /// `POST /flow_runs/{id}/set_state`; returns the orchestration result.
    pub async fn set_flow_run_state<S: serde::Serialize>(
        &self,
        id: Uuid,
        state: &S,
        force: bool,
    ) -> Result<OrchestrationResult, ApiError> {
        self.post(
            &format!("/flow_runs/{id}/set_state"),
            &json!({"state": state, "force": force}),
            &Target::FlowRun(id.to_string()),
        )
        .await
    }

    /// Asks for a run's cancellation as `prefect flow-run cancel` does: CANCELLING, which
    /// its worker carries out. The one proposal outside the worker, made here so that a
    /// command never needs the worker's code.
    pub async fn cancel_flow_run(&self, id: Uuid) -> Result<OrchestrationResult, ApiError> {
        let mut proposal = Proposal::new(StateType::Cancelling, Some("Cancelled with ot2ctl"));
        proposal.state_details.transition_id = Some(Uuid::new_v4());
        self.set_flow_run_state(id, &proposal, false).await
    }

    pub async fn delete_flow_run(&self, id: Uuid) -> Result<(), ApiError> {
        self.delete(
            &format!("/flow_runs/{id}"),
            &Target::FlowRun(id.to_string()),
        )
        .await
    }

    /// One page of a flow run's logs.
    pub async fn read_logs(
        &self,
        flow_run: Uuid,
        offset: usize,
        limit: usize,
        order: LogOrder,
    ) -> Result<Vec<LogEntry>, ApiError> {
        let sort = match order {
            LogOrder::OldestFirst => "TIMESTAMP_ASC",
            LogOrder::NewestFirst => "TIMESTAMP_DESC",
        };
        self.post(
            "/logs/filter",
            &json!({
                "logs": {"operator": "and_", "flow_run_id": {"any_": [flow_run]}},
                "sort": sort,
                "limit": limit.min(PAGE_SIZE),
                "offset": offset,
            }),
            &Target::Endpoint("/logs/filter".into()),
        )
        .await
    }

    /// Names of flows by id.
    pub async fn flow_names(&self, ids: &[Uuid]) -> Result<HashMap<Uuid, String>, ApiError> {
        Ok(self
            .flows_by_id(ids)
            .await?
            .into_iter()
            .map(|flow| (flow.id, flow.name))
            .collect())
    }
}

impl Client {
    /// `POST /logs/`: log lines of flow runs (`name`, `level`, `message`, `timestamp`,
    /// `flow_run_id`).
    /// Logs of these flow runs stamped at or after `after`, oldest first, one page.
    pub async fn logs_since(
        &self,
        flow_runs: &[Uuid],
        after: &str,
        offset: usize,
    ) -> Result<Vec<LogEntry>, ApiError> {
        self.post(
            "/logs/filter",
            &json!({
                "logs": {
                    "operator": "and_",
                    "flow_run_id": {"any_": flow_runs},
                    "timestamp": {"after_": after},
                },
                "sort": "TIMESTAMP_ASC",
                "limit": PAGE_SIZE,
                "offset": offset,
            }),
            &Target::Endpoint("/logs/filter".into()),
        )
        .await
    }

    /// Posts run logs in one attempt: Prefect's logs carry no id, so a retry after a lost
    /// answer would store them twice; the caller checks what arrived before sending again.
    pub async fn create_logs(&self, logs: &[LogCreate]) -> Result<(), ApiError> {
        self.post_once("/logs/", &logs, &Target::Endpoint("/logs/".into()))
            .await
    }
}
