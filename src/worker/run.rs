//! One claimed flow run, from PENDING to its final state: what every executor shares.

use std::sync::Arc;
use std::time::{Duration, Instant};

use serde_json::{Value, json};
use tokio::process::Child;
use tokio::sync::watch;

use super::process::{exit_message, stop};
use super::report::{ERROR, INFO, Reporter, accepted, state};
use super::{Executors, inventory, python_flow};
use crate::api::models::{Deployment, FlowRun, WorkPool};
use crate::ot2;

/// How often a running run is checked for a cancellation request.
pub const CANCEL_CHECK: Duration = Duration::from_secs(1);

/// Everything a run's execution needs.
pub struct RunContext {
    pub reporter: Arc<Reporter>,
    pub run: FlowRun,
    pub deployment: Deployment,
    pub pool: WorkPool,
    pub executors: Arc<Executors>,
    pub worker_name: String,
    /// Turns true when the worker shuts down and its grace period is over.
    pub abort: watch::Receiver<bool>,
}

/// How a run ended, for the worker's own summary line.
#[derive(Debug, Clone, PartialEq)]
pub struct Ending {
    pub state: String,
    pub message: Option<String>,
}

/// The message of a run the server would not move to RUNNING.
pub const NOT_STARTED: &str = "the server did not let the run start";

/// What a supervised child process came to.
pub enum Supervised {
    Exited(std::process::ExitStatus),
    /// Cancelled (by a user, or by the worker shutting down) and reported CANCELLED.
    Cancelled,
}

impl RunContext {
    pub fn id(&self) -> uuid::Uuid {
        self.run.id
    }

    pub fn log(&self, level: u32, message: impl Into<String>) {
        self.reporter.log(self.run.id, level, message);
    }

    /// Merged parameters: the deployment's defaults under the run's values.
    pub fn parameters(&self) -> serde_json::Map<String, Value> {
        let mut merged = self.deployment.parameters.clone();
        merged.extend(self.run.parameters.clone());
        merged
    }

    /// Ends the run in a final state the worker decides (logs are delivered first).
    pub async fn finish(
        &self,
        state_type: &str,
        name: &str,
        message: &str,
        data: Option<Value>,
    ) -> Ending {
        let ending = self
            .propose_final(state_type, name, message, data.clone(), false)
            .await;
        if ending.state != "CANCELLING" {
            return ending;
        }
        // A cancellation arrived as the run ended (or while it could not be stopped safely,
        // with the colour sensor held), and the server takes only CANCELLED from CANCELLING.
        // A run that stopped abnormally is what the user asked for; one that completed or
        // failed did what it did (a mix that moved paint must not read as one that did not).
        // Either way it must not stay CANCELLING.
        if !matches!(state_type, "COMPLETED" | "FAILED") {
            return self.report_cancelled(message).await;
        }
        let message = format!("{message} (the cancellation came too late to stop it)");
        self.propose_final(state_type, name, &message, data, true)
            .await
    }

    async fn propose_final(
        &self,
        state_type: &str,
        name: &str,
        message: &str,
        data: Option<Value>,
        force: bool,
    ) -> Ending {
        self.reporter.flush().await;
        let mut body = state(state_type, name, Some(message));
        if let Some(data) = data {
            body["data"] = data;
        }
        match self.reporter.propose(self.id(), body, force).await {
            Ok(result) if accepted(&result) => Ending {
                state: state_type.to_string(),
                message: Some(message.to_string()),
            },
            Ok(result) => {
                let current = result["state"]["type"].as_str().unwrap_or("?").to_string();
                Ending {
                    state: current,
                    message: result["details"]["reason"].as_str().map(str::to_string),
                }
            }
            Err(error) => Ending {
                state: "UNKNOWN".into(),
                message: Some(format!("the final state could not be reported: {error}")),
            },
        }
    }

    /// FAILED with a reason, each of its lines (one per problem) logged once. Nothing was
    /// started.
    pub async fn refuse(&self, reason: &str) -> Ending {
        for line in reason.lines() {
            self.log(ERROR, line.to_string());
        }
        eprintln!(
            "ot2ctl worker: refused flow run '{}': {reason}",
            self.run.name
        );
        self.finish("FAILED", "Failed", reason, None).await
    }

    /// Moves the run to RUNNING (waiting out a scheduled time in the future). False if the
    /// server refused, e.g. because the run was cancelled in the meantime.
    pub async fn start_running(&self) -> bool {
        match self
            .reporter
            .propose_until_decided(self.id(), state("RUNNING", "Running", None))
            .await
        {
            Ok(result) => accepted(&result),
            Err(error) => {
                eprintln!(
                    "ot2ctl worker: cannot set flow run '{}' RUNNING: {error}",
                    self.run.name
                );
                false
            }
        }
    }

    /// The ending of a run the server would not move to RUNNING (cancelled meanwhile, or the
    /// server away): whatever state the server holds, if it can be read.
    pub async fn not_started(&self) -> Ending {
        let current = self.reporter.api().read_flow_run(self.id()).await.ok();
        Ending {
            state: current
                .and_then(|r| r.state_type)
                .unwrap_or_else(|| "UNKNOWN".into()),
            message: Some(NOT_STARTED.into()),
        }
    }

    /// Whether the run was cancelled in Prefect. A server that is away counts as not (yet):
    /// the question is asked again a moment later.
    pub async fn is_cancelling(&self) -> bool {
        let current = tokio::time::timeout(
            CANCEL_CHECK * 2,
            self.reporter.api().read_flow_run(self.id()),
        )
        .await;
        matches!(current, Ok(Ok(run)) if run.state_type.as_deref() == Some("CANCELLING"))
    }

    /// The run's result as a table on its Artifacts tab (inline state data is hidden in the
    /// UI), keyed `ot2-<deployment>` so that the runs of a deployment line up.
    pub async fn table_artifact(&self, description: &str, rows: Vec<Value>) {
        let key: String = format!("ot2-{}", self.deployment.name)
            .to_ascii_lowercase()
            .chars()
            .map(|c| {
                if c.is_ascii_alphanumeric() || c == '-' {
                    c
                } else {
                    '-'
                }
            })
            .collect();
        let body = json!({
            "key": key,
            "type": "table",
            "description": description,
            "data": Value::Array(rows).to_string(),
            "flow_run_id": self.id(),
        });
        if let Err(error) = super::report::until_answered("the result artifact", || {
            self.reporter.api().create_artifact(&body)
        })
        .await
        {
            self.log(
                ERROR,
                format!("the result table could not be saved: {error}"),
            );
        }
    }

    /// Records the process id so that the run can be cancelled from Prefect.
    pub async fn record_pid(&self, child: &Child) {
        if let Some(pid) = child.id() {
            self.record_infrastructure(&pid.to_string()).await;
        }
    }

    /// Records what executes the run (`infrastructure_pid`): a process id, or where a robot
    /// run is, so that a restarted worker finds it.
    pub async fn record_infrastructure(&self, id: &str) {
        let body = json!({"infrastructure_pid": id});
        let _ = super::report::until_answered("the run's infrastructure id", || {
            self.reporter.api().update_flow_run(self.id(), &body)
        })
        .await;
    }

    /// Waits for the child, stopping it (and reporting CANCELLED) if the run is cancelled in
    /// Prefect or the worker's shutdown grace period ends.
    pub async fn supervise(&self, child: &mut Child) -> Supervised {
        let mut abort = self.abort.clone();
        let mut check = tokio::time::interval(CANCEL_CHECK);
        check.tick().await;
        loop {
            tokio::select! {
                status = child.wait() => {
                    return match status {
                        Ok(status) => Supervised::Exited(status),
                        Err(error) => {
                            self.log(ERROR, format!("lost the run's process: {error}"));
                            Supervised::Cancelled
                        }
                    };
                }
                _ = check.tick() => {
                    if self.is_cancelling().await {
                        self.cancel(child, "Flow run was cancelled successfully.").await;
                        return Supervised::Cancelled;
                    }
                }
                changed = abort.changed() => {
                    if changed.is_ok() && *abort.borrow() {
                        self.cancel(child, "The worker was stopped before the run finished; it was cancelled.").await;
                        return Supervised::Cancelled;
                    }
                }
            }
        }
    }

    async fn cancel(&self, child: &mut Child, message: &str) {
        self.log(
            INFO,
            "Cancelling: stopping the run's process (SIGTERM, then SIGKILL).",
        );
        stop(child, self.executors.cancel_grace).await;
        self.report_cancelled(message).await;
    }

    /// CANCELLED, after the run's logs so far: whatever ran for it has been stopped.
    pub async fn report_cancelled(&self, message: &str) -> Ending {
        self.reporter.flush().await;
        let _ = self
            .reporter
            .propose(
                self.id(),
                state("CANCELLED", "Cancelled", Some(message)),
                true,
            )
            .await;
        Ending {
            state: "CANCELLED".into(),
            message: Some(message.into()),
        }
    }

    /// After a child the worker started exits: CRASHED when it failed without a final state.
    pub async fn crashed_unless_final(&self, status: std::process::ExitStatus) -> Ending {
        let current = self.reporter.api().read_flow_run(self.id()).await.ok();
        let final_state = current.as_ref().filter(|r| r.is_final());
        if let Some(run) = final_state {
            return Ending {
                state: run.state_type.clone().unwrap_or_default(),
                message: run.state_message().map(str::to_string),
            };
        }
        if status.success() {
            return Ending {
                state: current
                    .and_then(|r| r.state_type)
                    .unwrap_or_else(|| "UNKNOWN".into()),
                message: Some("the process exited without reporting a final state".into()),
            };
        }
        let message = exit_message(status);
        self.log(ERROR, message.clone());
        self.finish("CRASHED", "Crashed", &message, None).await
    }
}

/// Runs an OT-2 protocol on the robot (HTTP API or opentrons_execute) or simulated.
async fn run_protocol(context: &RunContext, path: &str) -> Ending {
    let executors = &context.executors;
    match (&executors.robot, &executors.opentrons_execute) {
        (Some(robot), _) => ot2::robot::execute(context, path, robot).await,
        (None, Some(tool)) => ot2::opentrons_execute::execute(context, path, tool).await,
        (None, None) => ot2::simulate::execute(context, path).await,
    }
}

/// Follows the robot run of a flow run that a worker of this name was executing when it
/// stopped, and ends the flow run as the robot run ends.
pub async fn resume(context: RunContext, reference: ot2::robot::RobotRunRef) -> Ending {
    let entrypoint = context.deployment.extra["entrypoint"]
        .as_str()
        .unwrap_or("")
        .to_string();
    let ending = ot2::robot::resume(&context, reference).await;
    let ending = if ot2::reserves_paint(&entrypoint) {
        inventory::settle_resumed(&context, ending).await
    } else {
        ending
    };
    context.reporter.flush().await;
    ending
}

/// Runs one claimed flow run to its end and returns how it ended.
pub async fn execute(context: RunContext) -> Ending {
    let started = Instant::now();
    let entrypoint = context.deployment.extra["entrypoint"]
        .as_str()
        .unwrap_or("")
        .to_string();
    context.log(
        INFO,
        format!(
            "Worker '{}' runs flow run '{}' ({entrypoint})",
            context.worker_name, context.run.name
        ),
    );
    let ending = match (
        crate::inventory::flows::native_flow(&entrypoint),
        ot2::protocol_path(&entrypoint),
    ) {
        (Some(Ok(flow)), _) => inventory::run_native(&context, flow).await,
        (Some(Err(reason)), _) => context.refuse(&reason).await,
        (None, Some(path)) if ot2::reserves_paint(&entrypoint) => {
            inventory::with_paint_reserved(&context, || run_protocol(&context, path)).await
        }
        (None, Some(path)) => run_protocol(&context, path).await,
        (None, None) if !context.executors.python_flows => {
            context
                .refuse("this worker does not run Python flows (--no-python-flows)")
                .await
        }
        (None, None) => python_flow::execute(&context).await,
    };
    context.reporter.flush().await;
    let _ = started;
    ending
}
