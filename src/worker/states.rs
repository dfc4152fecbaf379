//! Every state the worker proposes, and why: the claim (PENDING), the start (RUNNING), and
//! the final state an executor's [`Outcome`] comes to. As in Prefect's own worker, executors
//! never propose states; this module is the only place that does.

use std::time::Duration;

use uuid::Uuid;

use super::report::Reporter;
use crate::api::ApiError;
use crate::api::models::FlowRun;
use crate::api::states::{Decision, OrchestrationResult, Proposal, StateType};
use crate::executor::process::exit_message;
use crate::executor::{Level, Outcome, RunContext};

/// The message of a run the server would not move to RUNNING.
pub const NOT_STARTED: &str = "the server did not let the run start";

/// How a run ended, for the worker's own lines and summary.
#[derive(Debug, Clone, PartialEq)]
pub struct Ending {
    /// The run's state type afterwards; `None` when the server could not be asked.
    pub state: Option<StateType>,
    pub message: Option<String>,
}

impl Ending {
    pub fn is(&self, kind: StateType) -> bool {
        self.state == Some(kind)
    }

    /// The state as the worker's lines show it.
    pub fn state_text(&self) -> &'static str {
        self.state.map_or("UNKNOWN", StateType::as_str)
    }
}

/// The claim: PENDING. True only when the server accepted it with a PENDING state, which is
/// what keeps two workers from running one run.
pub async fn claim(reporter: &Reporter, run: &FlowRun) -> bool {
    match decided(reporter, run.id, Proposal::new(StateType::Pending, None)).await {
        Ok(result) => result.accepted() && result.current() == Some(StateType::Pending),
        Err(error) => {
            reporter.notice(format!("claiming flow run '{}' failed: {error}", run.name));
            false
        }
    }
}

/// RUNNING, waiting out a scheduled time in the future. False if the server refused (the run
/// was cancelled meanwhile) or could not be asked.
pub async fn start(reporter: &Reporter, run: Uuid) -> bool {
    match decided(reporter, run, Proposal::new(StateType::Running, None)).await {
        Ok(result) => result.accepted(),
        Err(error) => {
            reporter.notice(format!("cannot set flow run {run} RUNNING: {error}"));
            false
        }
    }
}

/// A claimed run that has no deployment to run: FAILED.
pub async fn without_deployment(reporter: &Reporter, run: Uuid) {
    let message = "ot2ctl runs only flow runs of deployments";
    let _ = propose(
        reporter,
        run,
        Proposal::new(StateType::Failed, Some(message)),
        false,
    )
    .await;
}

/// A claimed run whose deployment was deleted: CANCELLED, as Prefect's worker does.
pub async fn deployment_gone(reporter: &Reporter, run: Uuid, deployment: Uuid) {
    let message = format!("Deployment {deployment} no longer exists, cancelled run.");
    let proposal = Proposal::new(StateType::Cancelled, Some(&message));
    let _ = propose(reporter, run, proposal, true).await;
}

/// A claimed run whose deployment could not be read: CRASHED, as Prefect's worker does.
pub async fn not_submitted(reporter: &Reporter, run: Uuid, error: &ApiError) {
    let message = format!("Failed to submit flow run to infrastructure: {error}");
    let proposal = Proposal::new(StateType::Crashed, Some(&message));
    let _ = propose(reporter, run, proposal, false).await;
}

/// A run an earlier start of this worker left with nothing behind it: CRASHED with what
/// happened (CANCELLED if a user was cancelling it).
pub async fn abandoned(reporter: &Reporter, run: Uuid, message: &str) -> Ending {
    reporter.log(run, Level::Error, message.to_string());
    settle(
        reporter,
        run,
        Proposal::new(StateType::Crashed, Some(message)),
    )
    .await
}

/// The run's final state for what its executor reported. Logs written so far are delivered
/// first, so that the final state is the last thing the run's log shows.
pub async fn finish(reporter: &Reporter, context: &RunContext, outcome: Outcome) -> Ending {
    let run = context.id();
    match outcome {
        Outcome::Completed { message, data } => {
            context.log(Level::Info, message.clone());
            let mut proposal = Proposal::new(StateType::Completed, Some(&message));
            proposal.data = data;
            settle(reporter, run, proposal).await
        }
        Outcome::Failed { message } => {
            context.log(Level::Error, message.clone());
            let proposal = Proposal::new(StateType::Failed, Some(&message));
            settle(reporter, run, proposal).await
        }
        Outcome::Crashed { message } => {
            context.log(Level::Error, message.clone());
            let proposal = Proposal::new(StateType::Crashed, Some(&message));
            settle(reporter, run, proposal).await
        }
        Outcome::Refused { reason } => {
            for line in reason.lines() {
                context.log(Level::Error, line.to_string());
            }
            reporter.notice(format!("refused flow run '{}': {reason}", context.run.name));
            let proposal = Proposal::new(StateType::Failed, Some(&reason));
            settle(reporter, run, proposal).await
        }
        Outcome::Cancelled { message } => cancelled(reporter, run, &message).await,
        Outcome::NotStarted => {
            let current = context.api.read_flow_run(run).await.ok();
            Ending {
                state: current.and_then(|r| r.state_type),
                message: Some(NOT_STARTED.into()),
            }
        }
        Outcome::Reported => {
            let current = context.api.read_flow_run(run).await.ok();
            Ending {
                state: current.as_ref().and_then(|r| r.state_type),
                message: current
                    .as_ref()
                    .and_then(|r| r.state_message().map(str::to_string)),
            }
        }
        Outcome::Exited(status) => {
            // The engine in the child reports its own states; a child that failed without
            // one crashed.
            let current = context.api.read_flow_run(run).await.ok();
            if let Some(run) = current.as_ref().filter(|r| r.is_final()) {
                return Ending {
                    state: run.state_type,
                    message: run.state_message().map(str::to_string),
                };
            }
            if status.success() {
                return Ending {
                    state: current.and_then(|r| r.state_type),
                    message: Some("the process exited without reporting a final state".into()),
                };
            }
            let message = exit_message(status);
            context.log(Level::Error, message.clone());
            let proposal = Proposal::new(StateType::Crashed, Some(&message));
            settle(reporter, run, proposal).await
        }
    }
}

/// CANCELLED (forced, as Prefect's worker does), after the run's logs so far: whatever ran
/// for it has been stopped.
async fn cancelled(reporter: &Reporter, run: Uuid, message: &str) -> Ending {
    reporter.flush().await;
    let proposal = Proposal::new(StateType::Cancelled, Some(message));
    let _ = propose(reporter, run, proposal, true).await;
    Ending {
        state: Some(StateType::Cancelled),
        message: Some(message.into()),
    }
}

/// Proposes a final state. A run that a user cancelled while it ended (or while it could not
/// be stopped safely, with the colour sensor held) is CANCELLING, and the server takes only
/// CANCELLED from there: a run that stopped abnormally becomes CANCELLED, as the user asked;
/// one that completed or failed is recorded as what it did (a mix that moved paint must not
/// read as one that did not). Either way it does not stay CANCELLING.
async fn settle(reporter: &Reporter, run: Uuid, proposal: Proposal) -> Ending {
    reporter.flush().await;
    let ending = propose_final(reporter, run, proposal.clone(), false).await;
    if !ending.is(StateType::Cancelling) {
        return ending;
    }
    let message = proposal.message.clone().unwrap_or_default();
    if !matches!(proposal.kind, StateType::Completed | StateType::Failed) {
        return cancelled(reporter, run, &message).await;
    }
    let mut late = proposal;
    late.message = Some(format!(
        "{message} (the cancellation came too late to stop it)"
    ));
    propose_final(reporter, run, late, true).await
}

async fn propose_final(reporter: &Reporter, run: Uuid, proposal: Proposal, force: bool) -> Ending {
    let kind = proposal.kind;
    let message = proposal.message.clone();
    match propose(reporter, run, proposal, force).await {
        Ok(result) if result.accepted() => Ending {
            state: Some(kind),
            message,
        },
        Ok(result) => Ending {
            state: result.current(),
            message: result.details.reason,
        },
        Err(error) => Ending {
            state: None,
            message: Some(format!("the final state could not be reported: {error}")),
        },
    }
}

async fn propose(
    reporter: &Reporter,
    run: Uuid,
    proposal: Proposal,
    force: bool,
) -> Result<OrchestrationResult, ApiError> {
    reporter.propose(run, proposal, force).await
}

/// Proposes a state and waits out WAIT answers (the run's scheduled time not reached yet).
async fn decided(
    reporter: &Reporter,
    run: Uuid,
    proposal: Proposal,
) -> Result<OrchestrationResult, ApiError> {
    loop {
        let result = propose(reporter, run, proposal.clone(), false).await?;
        if result.status != Decision::Wait {
            return Ok(result);
        }
        let delay = result.details.delay_seconds.unwrap_or(1.0).clamp(0.1, 30.0);
        tokio::time::sleep(Duration::from_secs_f64(delay)).await;
    }
}

/// Whether the flow run with this id (as a store keeps it) has ended or is gone: a store's
/// reservation for it is abandoned. An id that is not a flow run's, or a server that does not
/// answer, counts as not ended.
pub async fn has_ended(api: &crate::api::Client, run: &str) -> bool {
    let Ok(id) = run.parse::<uuid::Uuid>() else {
        return false;
    };
    match api.read_flow_run(id).await {
        Ok(flow_run) => flow_run.is_final(),
        Err(crate::api::ApiError::NotFound { .. }) => true,
        Err(_) => false,
    }
}
