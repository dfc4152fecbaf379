//! What a worker asks of the server: heartbeats, scheduled runs, claims, artifacts.

use jiff::Timestamp;
use serde::Deserialize;
use serde_json::{Value, json};
use uuid::Uuid;

use super::models::{FlowRun, StateType};
use super::work_pools::pool_path;
use super::{ApiError, Client, Target};

/// One entry of `get_scheduled_flow_runs`.
#[derive(Debug, Clone, Deserialize)]
pub struct ScheduledRun {
    pub flow_run: FlowRun,
}

impl Client {
    /// `POST /work_pools/{pool}/workers/heartbeat`: the worker is ONLINE (and the pool READY).
    pub async fn heartbeat(
        &self,
        pool: &str,
        worker: &str,
        interval_seconds: u64,
    ) -> Result<(), ApiError> {
        self.post_no_content(
            &format!("{}/workers/heartbeat", pool_path(pool)),
            &json!({"name": worker, "heartbeat_interval_seconds": interval_seconds}),
            &Target::WorkPool(pool.into()),
        )
        .await
    }

    /// Runs due before `before` on the given queues (all when empty), in the server's order:
    /// queue priority, then scheduled time. Limits of pool and queues are applied here.
    pub async fn scheduled_runs(
        &self,
        pool: &str,
        queues: &[String],
        before: Timestamp,
        limit: usize,
    ) -> Result<Vec<FlowRun>, ApiError> {
        let runs: Vec<ScheduledRun> = self
            .post(
                &format!("{}/get_scheduled_flow_runs", pool_path(pool)),
                &json!({
                    "work_queue_names": queues,
                    "scheduled_before": before.to_string(),
                    "limit": limit,
                }),
                &Target::WorkPool(pool.into()),
            )
            .await?;
        Ok(runs.into_iter().map(|r| r.flow_run).collect())
    }

    /// When the soonest scheduled run of the pool (in `queues`, or any queue) is due, so that
    /// a worker can wake for it instead of waiting for its next poll.
    pub async fn next_scheduled_start(
        &self,
        pool: &str,
        queues: &[String],
    ) -> Result<Option<Timestamp>, ApiError> {
        let mut filter = json!({
            "flow_runs": {"state": {"type": {"any_": [StateType::Scheduled]}}},
            "work_pools": {"name": {"any_": [pool]}},
        });
        if !queues.is_empty() {
            filter["work_pool_queues"] = json!({"name": {"any_": queues}});
        }
        let runs = self
            .list_flow_runs(filter, "NEXT_SCHEDULED_START_TIME_ASC", 1)
            .await?;
        Ok(runs
            .first()
            .and_then(|run| {
                run.next_scheduled_start_time
                    .as_ref()
                    .or(run.expected_start_time.as_ref())
            })
            .and_then(|time| time.parsed()))
    }

    /// `PATCH /flow_runs/{id}` with the fields given (e.g. `infrastructure_pid`).
    pub async fn update_flow_run(&self, id: Uuid, body: &Value) -> Result<(), ApiError> {
        self.patch(
            &format!("/flow_runs/{id}"),
            body,
            &Target::FlowRun(id.to_string()),
        )
        .await
    }

    /// `POST /artifacts/`: shown on the flow run's Artifacts tab.
    pub async fn create_artifact(&self, body: &Value) -> Result<Value, ApiError> {
        self.post("/artifacts/", body, &Target::Endpoint("/artifacts/".into()))
            .await
    }
}
