//! The context an executor runs a flow run in.

use std::future::Future;
use std::path::PathBuf;
use std::pin::Pin;
use std::process::Stdio;
use std::sync::Arc;
use std::time::Duration;

use serde_json::{Map, Value, json};
use tokio::process::Child;
use tokio::sync::{Notify, OwnedSemaphorePermit, broadcast, watch};
use uuid::Uuid;

use super::control::EngineControl;
use super::process::{ProcessRef, is_alive, kill_group, stop};
use super::retry::until_answered;
use crate::api::Client;
use crate::api::models::{Deployment, FlowRun, StateType, WorkPool};

/// How often a running run is checked for a cancellation request.
pub const CANCEL_CHECK: Duration = Duration::from_secs(1);

/// A run log line's level, as Prefect stores it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Level {
    Info,
    Warning,
    Error,
}

impl Level {
    /// Python's logging level number, which Prefect stores.
    pub fn number(self) -> u32 {
        match self {
            Level::Info => 20,
            Level::Warning => 30,
            Level::Error => 40,
        }
    }
}

/// What the worker does for an executor that the executor must not do itself: deliver its
/// log lines, and move the run to RUNNING (a state transition, which only the worker makes).
pub trait RunHost: Send + Sync {
    /// Queues a run log line; the worker delivers it.
    fn log(&self, run: Uuid, level: Level, message: String);
    /// Asks the server to move the run to RUNNING (waiting out a scheduled time in the
    /// future); true when it did.
    fn start(&self, run: Uuid) -> Pin<Box<dyn Future<Output = bool> + Send + '_>>;
    /// A line about the worker itself (not a run log line), for whoever watches the worker.
    fn notice(&self, text: String);
}

/// Where a run's code may come from.
#[derive(Debug, Clone, Default)]
pub struct Places {
    /// Local directories protocols may be run from.
    pub protocols_dirs: Vec<PathBuf>,
    /// Git repositories protocols may be checked out from.
    pub allowed_repos: Vec<String>,
    /// Where checkouts are cached.
    pub checkouts: PathBuf,
    /// How long one git command may take.
    pub git_timeout: Duration,
}

/// What every executor shares, set once when the worker starts.
#[derive(Debug, Clone)]
pub struct Settings {
    pub places: Places,
    /// Where ot2ctl keeps per-robot state (labware offsets).
    pub ot2ctl_home: PathBuf,
    /// Between SIGTERM and SIGKILL when a run's process is stopped.
    pub cancel_grace: Duration,
    /// The worker's stdout carries JSON lines: children write to stderr instead.
    pub children_to_stderr: bool,
    /// Between two `prefect.flow-run.heartbeat` events of a run.
    pub run_heartbeat: Duration,
}

impl Settings {
    /// Where a child's stdout goes.
    pub fn child_stdout(&self) -> Stdio {
        if self.children_to_stderr {
            Stdio::from(std::io::stderr())
        } else {
            Stdio::inherit()
        }
    }
}

/// One claimed flow run, as its executor sees it.
pub struct RunContext {
    pub run: FlowRun,
    pub deployment: Deployment,
    pub pool: WorkPool,
    pub worker_name: String,
    pub settings: Arc<Settings>,
    /// For reading the run and writing what is not a state (artifacts, the infrastructure id).
    pub api: Arc<Client>,
    pub host: Arc<dyn RunHost>,
    /// Turns true when the worker shuts down and its grace period is over.
    pub abort: watch::Receiver<bool>,
    /// What the server's event stream says about runs: hints, checked against the REST API
    /// at once rather than at the next [`CANCEL_CHECK`].
    pub hints: broadcast::Sender<RunHint>,
    /// The worker's slot the run holds.
    pub slot: Slot,
    /// Whether the run was moved to RUNNING: a run of several steps (a measurement) starts once.
    pub running: std::sync::atomic::AtomicBool,
}

/// One of the worker's `--limit` slots, held by a run. The executor may give it back before it
/// returns, once the run's work is done and only its process is still exiting.
pub struct Slot {
    permit: std::sync::Mutex<Option<OwnedSemaphorePermit>>,
    freed: Arc<Notify>,
}

impl Slot {
    /// `permit` is `None` for a run taken over beyond the limit; `freed` wakes whoever hands
    /// out slots.
    pub fn new(permit: Option<OwnedSemaphorePermit>, freed: Arc<Notify>) -> Slot {
        Slot {
            permit: std::sync::Mutex::new(permit),
            freed,
        }
    }

    pub fn release(&self) {
        let permit = self.permit.lock().map(|mut p| p.take()).unwrap_or(None);
        if permit.is_some() {
            drop(permit);
            self.freed.notify_one();
        }
    }
}

/// An event about a run, as a hint.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RunHint {
    /// The run is being cancelled.
    Cancelling(Uuid),
    /// The run reached a final state.
    Ended(Uuid),
}

/// What a supervised child process came to.
pub enum Supervised {
    Exited(std::process::ExitStatus),
    /// The run reached a final state, reported by the child itself, which is still exiting.
    Reported,
    /// Stopped because the run was cancelled (by a user, or by the worker shutting down).
    Stopped {
        message: &'static str,
    },
}

impl RunContext {
    pub fn id(&self) -> Uuid {
        self.run.id
    }

    pub fn log(&self, level: Level, message: impl Into<String>) {
        self.host.log(self.run.id, level, message.into());
    }

    /// Merged parameters: the deployment's defaults under the run's values.
    pub fn parameters(&self) -> Map<String, Value> {
        let mut merged = self.deployment.parameters.clone();
        merged.extend(self.run.parameters.clone());
        merged
    }

    /// The job variables of the deployment and of the run, each with where it comes from.
    pub fn job_variables(&self) -> [(&'static str, Map<String, Value>); 2] {
        [
            (
                "deployment",
                self.deployment.job_variables.clone().unwrap_or_default(),
            ),
            (
                "flow run",
                self.run.job_variables.clone().unwrap_or_default(),
            ),
        ]
    }

    /// The deployment's entrypoint, empty when it has none.
    pub fn entrypoint(&self) -> &str {
        self.deployment.entrypoint.as_deref().unwrap_or("")
    }

    /// Asks the worker to move the run to RUNNING; false when the server would not (the run
    /// was cancelled meanwhile, or the server is away): then nothing may start.
    pub async fn start_running(&self) -> bool {
        use std::sync::atomic::Ordering;
        if self.running.load(Ordering::Acquire) {
            return true;
        }
        let started = self.host.start(self.run.id).await;
        self.running.store(started, Ordering::Release);
        started
    }

    /// Whether the run was cancelled in Prefect. A server that is away counts as not (yet):
    /// the question is asked again a moment later.
    pub async fn is_cancelling(&self) -> bool {
        self.current_run()
            .await
            .is_some_and(|run| run.is(StateType::Cancelling))
    }

    /// Whether the run reached a final state (reported by whatever runs it).
    async fn has_ended(&self) -> bool {
        self.current_run().await.is_some_and(|run| run.is_final())
    }

    /// The run as the server has it now; `None` when the server does not answer in time.
    async fn current_run(&self) -> Option<FlowRun> {
        let read = self.api.read_flow_run(self.id());
        tokio::time::timeout(CANCEL_CHECK * 2, read)
            .await
            .ok()?
            .ok()
    }

    /// A hint about this run; hints about other runs are `None`. Hints missed because too
    /// many came at once count as a cancellation to check.
    fn heard(&self, hint: Result<RunHint, broadcast::error::RecvError>) -> Option<RunHint> {
        match hint {
            Ok(hint @ (RunHint::Cancelling(id) | RunHint::Ended(id))) if id == self.id() => {
                Some(hint)
            }
            Err(broadcast::error::RecvError::Lagged(_)) => Some(RunHint::Cancelling(self.id())),
            _ => None,
        }
    }

    /// Records what executes the run (`infrastructure_pid`): a process id, or where a robot
    /// run is, so that a restarted worker finds it.
    pub async fn record_infrastructure(&self, id: &str) {
        let body = json!({"infrastructure_pid": id});
        let notice = |text| self.host.notice(text);
        let _ = until_answered("the run's infrastructure id", &notice, || {
            self.api.update_flow_run(self.id(), &body)
        })
        .await;
    }

    /// Records the child that runs the flow, so that the run can be cancelled from Prefect and
    /// a restarted worker finds it.
    pub async fn record_pid(&self, child: &Child) {
        if let Some(pid) = child.id() {
            let reference = ProcessRef::new(pid, &self.worker_name);
            self.record_infrastructure(&reference.to_string()).await;
        }
    }

    /// Follows a run's process that an earlier worker of this name started (the worker was
    /// killed and restarted): it is stopped if the run is cancelled or this worker shuts down;
    /// `None` when it ended by itself, whose exit status nobody can know.
    pub async fn supervise_orphan(&self, pid: u32) -> Option<&'static str> {
        let mut abort = self.abort.clone();
        let mut hints = self.hints.subscribe();
        let mut check = tokio::time::interval(CANCEL_CHECK);
        loop {
            tokio::select! {
                _ = check.tick() => {
                    if !is_alive(pid) {
                        return None;
                    }
                    if self.is_cancelling().await {
                        break;
                    }
                }
                hint = hints.recv() => {
                    if matches!(self.heard(hint), Some(RunHint::Cancelling(_)))
                        && self.is_cancelling().await
                    {
                        break;
                    }
                }
                changed = abort.changed() => {
                    if changed.is_ok() && *abort.borrow() {
                        self.log(Level::Info, "Cancelling: the worker is stopping; killing the run's process.");
                        kill_group(pid).await;
                        return Some("The worker was stopped before the run finished; it was cancelled.");
                    }
                }
            }
        }
        self.log(
            Level::Info,
            "Cancelling: killing the run's process (SIGKILL: it outlived the worker that could \
             have told it to end as cancelled).",
        );
        kill_group(pid).await;
        Some("Flow run was cancelled successfully.")
    }

    /// The run's result as a table on its Artifacts tab (inline state data is hidden in the
    /// UI), keyed `ot2-<deployment>` so that the runs of a deployment line up.
    pub async fn table_artifact(&self, description: &str, rows: Vec<Value>) {
        let key = artifact_key(&format!("ot2-{}", self.deployment.name));
        let data = Value::Array(rows).to_string();
        self.artifact(&key, "table", description, data, "the result table")
            .await;
    }

    /// A markdown artifact of the run under `key` (the UI lists an artifact's versions by
    /// key: its latest state and its history).
    pub async fn markdown_artifact(&self, key: &str, description: &str, markdown: &str) {
        self.artifact(
            key,
            "markdown",
            description,
            markdown.to_string(),
            "the markdown artifact",
        )
        .await;
    }

    async fn artifact(&self, key: &str, kind: &str, description: &str, data: String, what: &str) {
        let body = json!({
            "key": key,
            "type": kind,
            "description": description,
            "data": data,
            "flow_run_id": self.id(),
        });
        let notice = |text| self.host.notice(text);
        if let Err(error) = until_answered(what, &notice, || self.api.create_artifact(&body)).await
        {
            self.log(Level::Error, format!("{what} could not be saved: {error}"));
        }
    }

    /// Waits for the child, stopping it if the run is cancelled in Prefect or the worker's
    /// shutdown grace period ends. With `control`, the engine is told that its SIGTERM is a
    /// cancellation, so that it does not report a crash.
    pub async fn supervise(
        &self,
        child: &mut Child,
        control: Option<&EngineControl>,
    ) -> Supervised {
        let mut abort = self.abort.clone();
        let mut hints = self.hints.subscribe();
        let mut check = tokio::time::interval(CANCEL_CHECK);
        check.tick().await;
        loop {
            tokio::select! {
                status = child.wait() => {
                    return match status {
                        Ok(status) => Supervised::Exited(status),
                        Err(error) => {
                            self.log(Level::Error, format!("lost the run's process: {error}"));
                            Supervised::Stopped { message: "The run's process was lost." }
                        }
                    };
                }
                _ = check.tick() => {
                    if self.is_cancelling().await {
                        self.stop_child(child, control).await;
                        return Supervised::Stopped { message: "Flow run was cancelled successfully." };
                    }
                }
                hint = hints.recv() => match self.heard(hint) {
                    Some(RunHint::Cancelling(_)) if self.is_cancelling().await => {
                        self.stop_child(child, control).await;
                        return Supervised::Stopped { message: "Flow run was cancelled successfully." };
                    }
                    Some(RunHint::Ended(_)) if self.has_ended().await => {
                        return Supervised::Reported;
                    }
                    _ => {}
                },
                changed = abort.changed() => {
                    if changed.is_ok() && *abort.borrow() {
                        self.stop_child(child, control).await;
                        return Supervised::Stopped {
                            message: "The worker was stopped before the run finished; it was cancelled.",
                        };
                    }
                }
            }
        }
    }

    async fn stop_child(&self, child: &mut Child, control: Option<&EngineControl>) {
        if let Some(control) = control
            && control.announce_cancel().await
        {
            self.log(
                Level::Info,
                "Cancelling: the engine acknowledged the cancellation; stopping its process.",
            );
        } else {
            self.log(
                Level::Info,
                "Cancelling: stopping the run's process (SIGTERM, then SIGKILL).",
            );
        }
        stop(child, self.settings.cancel_grace).await;
    }
}

/// `text` as an artifact key: lowercase letters, digits and dashes, as Prefect requires.
pub fn artifact_key(text: &str) -> String {
    text.to_ascii_lowercase()
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' {
                c
            } else {
                '-'
            }
        })
        .collect()
}
