//! How an execution ended, as the executor saw it.

use std::process::ExitStatus;

use serde_json::Value;

/// What an executor reports; the worker makes it the run's final state.
#[derive(Debug, Clone, PartialEq)]
pub enum Outcome {
    /// The work was done. `message` is the state message, `data` the result.
    Completed {
        message: String,
        data: Option<Value>,
    },
    /// The work failed on its own terms (the protocol's or the robot's error).
    Failed { message: String },
    /// What carried the work out broke: a process that could not start or was killed, a
    /// robot that went away.
    Crashed { message: String },
    /// A child that reports its own states (Prefect's engine) exited with this status; the
    /// run crashed unless it reached a final state itself.
    Exited(ExitStatus),
    /// A child that reports its own states reported the run's final state; it may still be
    /// exiting, which no longer holds the run up.
    Reported,
    /// Refused before anything started; one line per problem.
    Refused { reason: String },
    /// Stopped because the run was cancelled in Prefect or the worker was shutting down.
    Cancelled { message: String },
    /// The server would not let the run start (cancelled meanwhile, or away).
    NotStarted,
}

impl Outcome {
    pub fn refused(reason: impl Into<String>) -> Outcome {
        Outcome::Refused {
            reason: reason.into(),
        }
    }

    pub fn crashed(message: impl Into<String>) -> Outcome {
        Outcome::Crashed {
            message: message.into(),
        }
    }

    pub fn failed(message: impl Into<String>) -> Outcome {
        Outcome::Failed {
            message: message.into(),
        }
    }

    pub fn cancelled(message: impl Into<String>) -> Outcome {
        Outcome::Cancelled {
            message: message.into(),
        }
    }
}
