//! Prefect's state types, the states ot2ctl proposes, and the server's orchestration answers.
//!
//! Prefect writes state types in capitals (`COMPLETED`) and state names capitalised
//! (`Completed`); a run's history is a list of such states, each proposed and then accepted,
//! rejected, aborted or told to wait.

use std::fmt;

use serde::{Deserialize, Serialize};
use serde_json::Value;
use uuid::Uuid;

/// The type of a flow run's state.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum StateType {
    Scheduled,
    Pending,
    Running,
    Completed,
    Failed,
    Cancelled,
    Crashed,
    Paused,
    Cancelling,
    /// A type this version of ot2ctl does not know (a newer server).
    #[serde(other)]
    Unknown,
}

impl StateType {
    pub const ALL: [StateType; 9] = [
        StateType::Scheduled,
        StateType::Pending,
        StateType::Running,
        StateType::Completed,
        StateType::Failed,
        StateType::Cancelled,
        StateType::Crashed,
        StateType::Paused,
        StateType::Cancelling,
    ];

    /// As the server writes it: `COMPLETED`.
    pub fn as_str(self) -> &'static str {
        match self {
            StateType::Scheduled => "SCHEDULED",
            StateType::Pending => "PENDING",
            StateType::Running => "RUNNING",
            StateType::Completed => "COMPLETED",
            StateType::Failed => "FAILED",
            StateType::Cancelled => "CANCELLED",
            StateType::Crashed => "CRASHED",
            StateType::Paused => "PAUSED",
            StateType::Cancelling => "CANCELLING",
            StateType::Unknown => "UNKNOWN",
        }
    }

    /// The name Prefect gives a state of this type: `Completed`.
    pub fn default_name(self) -> &'static str {
        match self {
            StateType::Scheduled => "Scheduled",
            StateType::Pending => "Pending",
            StateType::Running => "Running",
            StateType::Completed => "Completed",
            StateType::Failed => "Failed",
            StateType::Cancelled => "Cancelled",
            StateType::Crashed => "Crashed",
            StateType::Paused => "Paused",
            StateType::Cancelling => "Cancelling",
            StateType::Unknown => "Unknown",
        }
    }

    /// COMPLETED, FAILED, CANCELLED and CRASHED: nothing happens to the run after them.
    pub fn is_final(self) -> bool {
        matches!(
            self,
            StateType::Completed | StateType::Failed | StateType::Cancelled | StateType::Crashed
        )
    }

    /// A type as a user types it, in any case: `failed`, `FAILED`.
    pub fn parse(text: &str) -> Option<StateType> {
        StateType::ALL
            .into_iter()
            .find(|t| t.as_str().eq_ignore_ascii_case(text.trim()))
    }
}

impl fmt::Display for StateType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A state as the server holds it (a flow run's current state, the state in an answer).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct State {
    #[serde(rename = "type")]
    pub kind: StateType,
    #[serde(default)]
    pub name: Option<String>,
    #[serde(default)]
    pub message: Option<String>,
    /// The result a worker attached (ot2ctl: the protocol's result).
    #[serde(default)]
    pub data: Option<Value>,
    #[serde(flatten)]
    pub extra: serde_json::Map<String, Value>,
}

/// A state to propose: `POST /flow_runs/{id}/set_state`'s `state`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Proposal {
    #[serde(rename = "type")]
    pub kind: StateType,
    pub name: String,
    pub message: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub data: Option<Value>,
    pub state_details: ProposalDetails,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct ProposalDetails {
    /// The same for every attempt of one proposal: the server applies it once.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub transition_id: Option<Uuid>,
    /// When a SCHEDULED run is due.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub scheduled_time: Option<String>,
}

impl Proposal {
    /// A state of `kind` with Prefect's name for it.
    pub fn new(kind: StateType, message: Option<&str>) -> Proposal {
        Proposal {
            kind,
            name: kind.default_name().to_string(),
            message: message.map(str::to_string),
            data: None,
            state_details: ProposalDetails::default(),
        }
    }

    /// The state a new flow run starts in: SCHEDULED, due at `time`.
    pub fn scheduled(time: jiff::Timestamp) -> Proposal {
        let mut proposal = Proposal::new(StateType::Scheduled, None);
        proposal.state_details.scheduled_time = Some(time.to_string());
        proposal
    }

    pub fn with_data(mut self, data: Value) -> Proposal {
        self.data = Some(data);
        self
    }
}

/// What the server did with a proposed state.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum Decision {
    Accept,
    Reject,
    Abort,
    /// Not yet: try again after `details.delay_seconds`.
    Wait,
}

/// The server's answer to a proposed state.
#[derive(Debug, Clone, Deserialize)]
pub struct OrchestrationResult {
    pub status: Decision,
    /// The run's state after the answer.
    #[serde(default)]
    pub state: Option<State>,
    #[serde(default)]
    pub details: OrchestrationDetails,
}

#[derive(Debug, Clone, Default, Deserialize)]
pub struct OrchestrationDetails {
    #[serde(default)]
    pub reason: Option<String>,
    #[serde(default)]
    pub delay_seconds: Option<f64>,
}

impl OrchestrationResult {
    /// Whether the proposal took effect: accepted, or refused because the run already made
    /// exactly this transition (a retry of a request the server had received).
    pub fn accepted(&self) -> bool {
        self.status == Decision::Accept
            || self
                .details
                .reason
                .as_deref()
                .is_some_and(|r| r.contains("already made this state transition"))
    }

    /// The run's state type after the answer.
    pub fn current(&self) -> Option<StateType> {
        self.state.as_ref().map(|s| s.kind)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn types_read_and_write_as_the_server_spells_them() {
        for kind in StateType::ALL {
            let text = serde_json::to_value(kind).unwrap();
            assert_eq!(text, kind.as_str());
            assert_eq!(serde_json::from_value::<StateType>(text).unwrap(), kind);
            assert_eq!(StateType::parse(&kind.as_str().to_lowercase()), Some(kind));
        }
        assert_eq!(
            serde_json::from_value::<StateType>(json!("SUSPENDED")).unwrap(),
            StateType::Unknown
        );
    }

    #[test]
    fn a_proposal_is_the_body_prefect_takes() {
        let proposal = Proposal::new(StateType::Completed, Some("done")).with_data(json!({"a": 1}));
        assert_eq!(
            serde_json::to_value(&proposal).unwrap(),
            json!({"type": "COMPLETED", "name": "Completed", "message": "done",
                   "data": {"a": 1}, "state_details": {}})
        );
    }

    #[test]
    fn a_retried_transition_counts_as_accepted() {
        let answer: OrchestrationResult = serde_json::from_value(json!({
            "status": "REJECT",
            "state": {"type": "RUNNING", "name": "Running"},
            "details": {"reason": "This run has already made this state transition."}
        }))
        .unwrap();
        assert!(answer.accepted());
        assert_eq!(answer.current(), Some(StateType::Running));
    }
}
