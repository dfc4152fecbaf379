//! Prefect objects as the server sends them, and the bodies ot2ctl sends.
//!
//! Responses keep every field the server adds (`extra`), so `--output json` shows the same
//! object the Python CLI shows. Request bodies are exact: the server forbids unknown fields.

use jiff::Timestamp;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use uuid::Uuid;

pub use super::states::{State, StateType};

/// A timestamp exactly as the server wrote it. Parsing and printing again would change the
/// text ("…03.478550Z" becomes "…03.47855Z"), and `--output json` must show the server's object.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct ApiTime(pub String);

impl ApiTime {
    pub fn parsed(&self) -> Option<Timestamp> {
        self.0.parse().ok()
    }
}

/// The parsed value of an optional server timestamp.
pub fn parsed(time: &Option<ApiTime>) -> Option<Timestamp> {
    time.as_ref().and_then(ApiTime::parsed)
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct WorkPool {
    pub id: Uuid,
    pub name: String,
    #[serde(default)]
    pub description: Option<String>,
    #[serde(rename = "type")]
    pub pool_type: String,
    #[serde(default)]
    pub base_job_template: Value,
    #[serde(default)]
    pub is_paused: bool,
    #[serde(default)]
    pub concurrency_limit: Option<u64>,
    /// READY, NOT_READY or PAUSED (none for legacy agent pools).
    #[serde(default)]
    pub status: Option<String>,
    #[serde(default)]
    pub default_queue_id: Option<Uuid>,
    /// Runs PENDING or RUNNING; only filled when a concurrency limit is set.
    #[serde(default)]
    pub active_slots: Option<u64>,
    #[serde(default)]
    pub created: Option<ApiTime>,
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct WorkQueue {
    pub id: Uuid,
    pub name: String,
    #[serde(default)]
    pub description: Option<String>,
    #[serde(default)]
    pub is_paused: bool,
    #[serde(default)]
    pub concurrency_limit: Option<u64>,
    /// 1 is the most urgent; unique within a pool.
    pub priority: u32,
    #[serde(default)]
    pub work_pool_id: Option<Uuid>,
    #[serde(default)]
    pub work_pool_name: Option<String>,
    #[serde(default)]
    pub last_polled: Option<ApiTime>,
    #[serde(default)]
    pub status: Option<String>,
    #[serde(default)]
    pub active_slots: Option<u64>,
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Worker {
    pub name: String,
    #[serde(default)]
    pub status: Option<String>,
    #[serde(default)]
    pub last_heartbeat_time: Option<ApiTime>,
    #[serde(default)]
    pub heartbeat_interval_seconds: Option<u64>,
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// `GET /work_queues/{id}/status`.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct WorkQueueHealth {
    pub healthy: bool,
    #[serde(default)]
    pub late_runs_count: u64,
    #[serde(default)]
    pub last_polled: Option<ApiTime>,
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct FlowRun {
    pub id: Uuid,
    pub name: String,
    #[serde(default)]
    pub deployment_id: Option<Uuid>,
    #[serde(default)]
    pub state_type: Option<StateType>,
    #[serde(default)]
    pub state_name: Option<String>,
    #[serde(default)]
    pub expected_start_time: Option<ApiTime>,
    #[serde(default)]
    pub next_scheduled_start_time: Option<ApiTime>,
    #[serde(default)]
    pub work_queue_name: Option<String>,
    #[serde(default)]
    pub flow_id: Option<Uuid>,
    #[serde(default)]
    pub parameters: Map<String, Value>,
    #[serde(default)]
    pub tags: Vec<String>,
    /// The current state, with its `message` and `data`.
    #[serde(default)]
    pub state: Option<State>,
    #[serde(default)]
    pub start_time: Option<ApiTime>,
    #[serde(default)]
    pub end_time: Option<ApiTime>,
    #[serde(default)]
    pub total_run_time: Option<f64>,
    /// What executes the run, as its worker recorded it (a process id, a robot run).
    #[serde(default)]
    pub infrastructure_pid: Option<String>,
    /// The run's own job variables (over the deployment's).
    #[serde(default)]
    pub job_variables: Option<Map<String, Value>>,
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

impl FlowRun {
    /// COMPLETED, FAILED, CANCELLED and CRASHED are final.
    pub fn is_final(&self) -> bool {
        self.state_type.is_some_and(StateType::is_final)
    }

    pub fn is(&self, kind: StateType) -> bool {
        self.state_type == Some(kind)
    }

    pub fn state_message(&self) -> Option<&str> {
        self.state
            .as_ref()?
            .message
            .as_deref()
            .filter(|m| !m.is_empty())
    }
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Deployment {
    pub id: Uuid,
    pub name: String,
    pub flow_id: Uuid,
    #[serde(default)]
    pub work_pool_name: Option<String>,
    #[serde(default)]
    pub work_queue_name: Option<String>,
    #[serde(default)]
    pub paused: bool,
    #[serde(default)]
    pub status: Option<String>,
    #[serde(default)]
    pub tags: Vec<String>,
    #[serde(default)]
    pub schedules: Vec<Value>,
    #[serde(default)]
    pub parameters: Map<String, Value>,
    #[serde(default)]
    pub parameter_openapi_schema: Value,
    #[serde(default)]
    pub enforce_parameter_schema: bool,
    /// `path/file.py:function`, `ot2:protocol.py`, ... (see [`crate::entrypoint`]).
    #[serde(default)]
    pub entrypoint: Option<String>,
    /// The steps that fetch the code before a run (`set_working_directory`, `git_clone`).
    #[serde(default)]
    pub pull_steps: Option<Vec<Value>>,
    #[serde(default)]
    pub job_variables: Option<Map<String, Value>>,
    #[serde(default)]
    pub version: Option<String>,
    #[serde(default)]
    pub description: Option<String>,
    #[serde(default)]
    pub path: Option<String>,
    #[serde(default)]
    pub concurrency_options: Option<ConcurrencyOptions>,
    /// Where the server keeps the deployment's concurrency limit.
    #[serde(default)]
    pub global_concurrency_limit: Option<GlobalConcurrencyLimit>,
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

impl Deployment {
    /// The schedules as the typed requests that would make them (the server's ids and times
    /// left out); a schedule of a shape ot2ctl does not know is kept as it is.
    pub fn schedule_requests(&self) -> Vec<DeploymentSchedule> {
        self.schedules
            .iter()
            .filter_map(|s| serde_json::from_value(s.clone()).ok())
            .collect()
    }
}

/// The global concurrency limit the server made for a deployment's `concurrency_limit`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GlobalConcurrencyLimit {
    #[serde(default)]
    pub limit: Option<u64>,
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// `concurrency_options` of a deployment.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ConcurrencyOptions {
    /// `ENQUEUE` or `CANCEL_NEW`, as the file wrote it.
    pub collision_strategy: Value,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub grace_period_seconds: Option<Value>,
}

/// `POST /deployments/`: the whole deployment, as `prefect deploy` sends it (field for field,
/// in its order).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DeploymentCreate {
    pub name: String,
    /// `None` until the pool's default queue is filled in.
    pub work_queue_name: Option<String>,
    pub work_pool_name: String,
    pub version: String,
    pub version_info: VersionInfo,
    pub paused: bool,
    pub schedules: Vec<DeploymentSchedule>,
    /// A whole number, or what the file's `concurrency_limit.limit` says.
    pub concurrency_limit: Value,
    pub concurrency_options: Option<ConcurrencyOptions>,
    pub parameters: Map<String, Value>,
    pub description: Option<String>,
    pub tags: Vec<String>,
    pub labels: Map<String, Value>,
    pub path: Option<String>,
    pub entrypoint: String,
    pub storage_document_id: Option<Uuid>,
    pub infrastructure_document_id: Option<Uuid>,
    pub parameter_openapi_schema: Value,
    pub enforce_parameter_schema: bool,
    pub job_variables: Map<String, Value>,
    pub pull_steps: Vec<Value>,
    /// Set when it is created, from the flow of that name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub flow_id: Option<Uuid>,
}

/// `PATCH /deployments/{id}`: the complete specification (an update resets what it leaves
/// out), without what an update cannot change (its name, labels and flow).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DeploymentUpdate<'a> {
    pub work_queue_name: &'a Option<String>,
    pub work_pool_name: &'a str,
    pub version: &'a str,
    pub version_info: &'a VersionInfo,
    pub paused: bool,
    pub schedules: &'a [DeploymentSchedule],
    pub concurrency_limit: &'a Value,
    pub concurrency_options: &'a Option<ConcurrencyOptions>,
    pub parameters: &'a Map<String, Value>,
    pub description: &'a Option<String>,
    pub tags: &'a [String],
    pub path: &'a Option<String>,
    pub entrypoint: &'a str,
    pub storage_document_id: Option<Uuid>,
    pub infrastructure_document_id: Option<Uuid>,
    pub parameter_openapi_schema: &'a Value,
    pub enforce_parameter_schema: bool,
    pub job_variables: &'a Map<String, Value>,
    pub pull_steps: &'a [Value],
}

impl<'a> From<&'a DeploymentCreate> for DeploymentUpdate<'a> {
    fn from(create: &'a DeploymentCreate) -> DeploymentUpdate<'a> {
        DeploymentUpdate {
            work_queue_name: &create.work_queue_name,
            work_pool_name: &create.work_pool_name,
            version: &create.version,
            version_info: &create.version_info,
            paused: create.paused,
            schedules: &create.schedules,
            concurrency_limit: &create.concurrency_limit,
            concurrency_options: &create.concurrency_options,
            parameters: &create.parameters,
            description: &create.description,
            tags: &create.tags,
            path: &create.path,
            entrypoint: &create.entrypoint,
            storage_document_id: create.storage_document_id,
            infrastructure_document_id: create.infrastructure_document_id,
            parameter_openapi_schema: &create.parameter_openapi_schema,
            enforce_parameter_schema: create.enforce_parameter_schema,
            job_variables: &create.job_variables,
            pull_steps: &create.pull_steps,
        }
    }
}

/// Where a deployment's version came from: `prefect:simple`, or a git commit (`vcs:git`).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct VersionInfo {
    #[serde(rename = "type")]
    pub kind: String,
    pub version: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub commit_sha: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub branch: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub repository: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}

/// One of a deployment's schedules (`DeploymentScheduleCreate`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DeploymentSchedule {
    pub schedule: Schedule,
    pub active: bool,
    #[serde(default)]
    pub max_scheduled_runs: Value,
    #[serde(default)]
    pub parameters: Value,
    #[serde(default)]
    pub slug: Option<String>,
    /// Sent, never stored.
    #[serde(default)]
    pub replaces: Option<String>,
}

/// A cron, interval or rrule schedule, field for field as the server keeps it; another shape
/// (an rrule written as JSON) is kept as it is.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Schedule {
    Cron {
        cron: String,
        timezone: Option<String>,
        day_or: bool,
    },
    Interval {
        interval: f64,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        anchor_date: Option<String>,
        timezone: Option<String>,
    },
    RRule {
        rrule: String,
        timezone: Option<String>,
    },
    Other(Value),
}

/// The inputs of a `set_working_directory` pull step.
#[derive(Debug, Clone, Deserialize)]
pub struct SetWorkingDirectoryStep {
    pub directory: String,
}

/// The inputs of a `git_clone` pull step.
#[derive(Debug, Clone, Deserialize)]
pub struct GitCloneStep {
    pub repository: String,
    #[serde(default)]
    pub branch: Option<String>,
    #[serde(default)]
    pub commit_sha: Option<String>,
    /// The step's id, by which later steps name its outputs (`{{ clone-step.directory }}`).
    #[serde(default)]
    pub id: Option<String>,
    #[serde(default)]
    pub access_token: Option<Value>,
    #[serde(default)]
    pub credentials: Option<Value>,
}

/// A work pool's base job template: the job configuration with its `{{ placeholders }}`, and
/// the schema of the variables that fill them.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct BaseJobTemplate {
    #[serde(default)]
    pub job_configuration: Option<Map<String, Value>>,
    #[serde(default)]
    pub variables: VariablesSchema,
}

impl BaseJobTemplate {
    /// The template of a pool; one of another shape reads as none (the variables are then the
    /// configuration).
    pub fn of(template: &Value) -> BaseJobTemplate {
        serde_json::from_value(template.clone()).unwrap_or_default()
    }

    /// Each variable's default, in the template's order (a null default is none).
    pub fn defaults(&self) -> Vec<(String, Value)> {
        self.variables
            .properties
            .iter()
            .filter_map(|(name, schema)| {
                let schema: VariableSchema = serde_json::from_value(schema.clone()).ok()?;
                Some((name.clone(), schema.default.filter(|d| !d.is_null())?))
            })
            .collect()
    }
}

#[derive(Debug, Clone, Default, Deserialize)]
pub struct VariablesSchema {
    #[serde(default)]
    pub properties: Map<String, Value>,
}

#[derive(Debug, Clone, Default, Deserialize)]
struct VariableSchema {
    #[serde(default)]
    default: Option<Value>,
}

/// The fields of a process job's configuration once its placeholders are filled; a field of
/// an unexpected type reads as not set.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct ProcessJobConfiguration {
    #[serde(default)]
    pub command: Value,
    #[serde(default)]
    pub env: Value,
    #[serde(default)]
    pub working_dir: Value,
    #[serde(default)]
    pub stream_output: Value,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Flow {
    pub id: Uuid,
    pub name: String,
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// `POST /work_pools/`.
#[derive(Debug, Clone, Serialize)]
pub struct WorkPoolCreate {
    pub name: String,
    #[serde(rename = "type")]
    pub pool_type: String,
    pub description: Option<String>,
    pub base_job_template: Value,
    pub is_paused: bool,
    pub concurrency_limit: Option<u64>,
}

/// `PATCH /work_pools/{name}`: only the fields present change; `Some(None)` clears.
#[derive(Debug, Clone, Default, Serialize, PartialEq)]
pub struct WorkPoolUpdate {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<Option<String>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub is_paused: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub base_job_template: Option<Value>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub concurrency_limit: Option<Option<u64>>,
}

impl WorkPoolUpdate {
    pub fn is_empty(&self) -> bool {
        *self == WorkPoolUpdate::default()
    }
}

/// `POST /work_pools/{pool}/queues`.
#[derive(Debug, Clone, Serialize)]
pub struct WorkQueueCreate {
    pub name: String,
    pub description: Option<String>,
    pub is_paused: bool,
    pub concurrency_limit: Option<u64>,
    /// None lets the server take the lowest free priority.
    pub priority: Option<u32>,
}

/// `PATCH /work_pools/{pool}/queues/{name}`: only the fields present change; `Some(None)` clears.
#[derive(Debug, Clone, Default, Serialize, PartialEq)]
pub struct WorkQueueUpdate {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub is_paused: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub concurrency_limit: Option<Option<u64>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub priority: Option<u32>,
}

impl WorkQueueUpdate {
    pub fn is_empty(&self) -> bool {
        *self == WorkQueueUpdate::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn updates_send_only_what_changes_and_null_to_clear() {
        let update = WorkPoolUpdate {
            concurrency_limit: Some(None),
            ..Default::default()
        };
        assert_eq!(
            serde_json::to_string(&update).unwrap(),
            r#"{"concurrency_limit":null}"#
        );
        let update = WorkQueueUpdate {
            priority: Some(2),
            ..Default::default()
        };
        assert_eq!(serde_json::to_string(&update).unwrap(), r#"{"priority":2}"#);
    }

    #[test]
    fn timestamps_keep_the_servers_text() {
        let json = r#"{"id":"065ff71a-e012-42f7-92ab-87f748facb49","name":"p","type":"process","created":"2026-11-24T00:58:03.478550Z"}"#;
        let pool: WorkPool = serde_json::from_str(json).unwrap();
        let back = serde_json::to_value(&pool).unwrap();
        assert_eq!(back["created"], "2026-11-24T00:58:03.478550Z");
        assert!(parsed(&pool.created).is_some());
    }

    #[test]
    fn unknown_response_fields_survive_a_round_trip() {
        let json = r#"{"id":"065ff71a-e012-42f7-92ab-87f748facb49","name":"q1","priority":1,"filter":null,"new_field":7}"#;
        let queue: WorkQueue = serde_json::from_str(json).unwrap();
        let back = serde_json::to_value(&queue).unwrap();
        assert_eq!(back["new_field"], 7);
        assert!(back.get("filter").is_some());
    }
}
