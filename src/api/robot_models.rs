//! What robot-server (and Opentrons' analyzer, which writes the same shapes) answers, as
//! types: runs, commands, protocols, analyses, health, labware offsets and definitions.
//! Field names are robot-server 8.1.0's (camelCase on the wire); statuses are enums with a
//! catch-all, so that a status a newer robot-server adds reads as "not one we know" rather
//! than as a failure to decode. Numbers the robot sends as decimals (`120.0`) stay `f64`.

use serde::{Deserialize, Serialize};
use serde_json::Value;

/// `GET /health`.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct Health {
    pub name: Option<String>,
    pub robot_model: Option<String>,
    pub api_version: Option<String>,
    /// `[major, minor]` of the newest protocol API the robot runs.
    #[serde(default)]
    pub maximum_protocol_api_version: Vec<u64>,
}

impl Health {
    /// The newest protocol API level the robot runs, if it says.
    pub fn maximum_api_level(&self) -> Option<(u64, u64)> {
        match self.maximum_protocol_api_version.as_slice() {
            [major, minor, ..] => Some((*major, *minor)),
            _ => None,
        }
    }
}

/// `data` of `POST /protocols` and `GET /protocols/{id}`.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ProtocolRecord {
    pub id: String,
    #[serde(default)]
    pub analysis_summaries: Vec<AnalysisSummary>,
    #[serde(default)]
    pub metadata: ProtocolMetadata,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ProtocolMetadata {
    pub protocol_name: Option<String>,
}

/// One analysis of a protocol, as listed with it (`analysisSummaries`, the newest last).
#[derive(Debug, Clone, Deserialize)]
pub struct AnalysisSummary {
    pub id: String,
}

/// Whether an analysis has finished.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum AnalysisStatus {
    Pending,
    Completed,
    #[serde(other)]
    Unknown,
}

/// What a completed analysis found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum AnalysisResult {
    Ok,
    NotOk,
    ParameterValueRequired,
    #[serde(other)]
    Other,
}

/// `GET /protocols/{id}/analyses/{analysis}`, and what `opentrons.cli analyze` writes.
#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Analysis {
    /// Absent from the analyzer's file, which is only written once it is done.
    #[serde(default = "completed")]
    pub status: AnalysisStatus,
    pub result: Option<AnalysisResult>,
    #[serde(default)]
    pub errors: Vec<ErrorOccurrence>,
    #[serde(default)]
    pub run_time_parameters: Vec<RunTimeParameter>,
    #[serde(default)]
    pub labware: Vec<LoadedLabware>,
    #[serde(default)]
    pub pipettes: Vec<LoadedPipette>,
    #[serde(default)]
    pub commands: Vec<RobotCommand>,
}

fn completed() -> AnalysisStatus {
    AnalysisStatus::Completed
}

/// An error the robot reports: of a run, an analysis or a command.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ErrorOccurrence {
    pub error_type: Option<String>,
    pub detail: Option<String>,
}

/// The `detail` of each error, joined; `None` when there are none.
pub fn error_details(errors: &[ErrorOccurrence]) -> Option<String> {
    let details: Vec<&str> = errors
        .iter()
        .map(|e| e.detail.as_deref().unwrap_or("unknown error"))
        .collect();
    (!details.is_empty()).then(|| details.join("; "))
}

/// A runtime parameter as the robot declares it (of an analysis or a run), with the value it
/// took.
#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct RunTimeParameter {
    pub variable_name: String,
    /// `int`, `float`, `bool`, `str`, `csv_file`.
    #[serde(rename = "type")]
    pub kind: Option<String>,
    #[serde(default)]
    pub value: Value,
    pub min: Option<f64>,
    pub max: Option<f64>,
    pub choices: Option<Vec<Choice>>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct Choice {
    #[serde(default)]
    pub value: Value,
}

/// Labware a run or an analysis loaded, under the id the robot gave it.
#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct LoadedLabware {
    pub id: String,
    pub load_name: Option<String>,
    pub definition_uri: Option<String>,
    #[serde(default)]
    pub location: Value,
}

impl LoadedLabware {
    /// The deck slot, or the location as the robot wrote it (a module, another labware).
    pub fn slot(&self) -> String {
        match self.location.get("slotName").and_then(Value::as_str) {
            Some(slot) => slot.to_string(),
            None => self.location.to_string(),
        }
    }

    /// The deck slot, when the labware sits directly in one.
    pub fn slot_name(&self) -> Option<&str> {
        self.location.get("slotName").and_then(Value::as_str)
    }
}

#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct LoadedPipette {
    pub id: String,
    pub pipette_name: Option<String>,
}

/// A robot run's status (the protocol engine's).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum RunStatus {
    Idle,
    Running,
    Paused,
    BlockedByOpenDoor,
    StopRequested,
    Finishing,
    AwaitingRecovery,
    AwaitingRecoveryPaused,
    AwaitingRecoveryBlockedByOpenDoor,
    Stopped,
    Failed,
    Succeeded,
    #[serde(other)]
    Unknown,
}

impl RunStatus {
    /// Whether the run has ended: nothing more will move.
    pub fn is_final(self) -> bool {
        matches!(
            self,
            RunStatus::Stopped | RunStatus::Failed | RunStatus::Succeeded
        )
    }

    /// As robot-server writes it.
    pub fn as_str(self) -> &'static str {
        match self {
            RunStatus::Idle => "idle",
            RunStatus::Running => "running",
            RunStatus::Paused => "paused",
            RunStatus::BlockedByOpenDoor => "blocked-by-open-door",
            RunStatus::StopRequested => "stop-requested",
            RunStatus::Finishing => "finishing",
            RunStatus::AwaitingRecovery => "awaiting-recovery",
            RunStatus::AwaitingRecoveryPaused => "awaiting-recovery-paused",
            RunStatus::AwaitingRecoveryBlockedByOpenDoor => {
                "awaiting-recovery-blocked-by-open-door"
            }
            RunStatus::Stopped => "stopped",
            RunStatus::Failed => "failed",
            RunStatus::Succeeded => "succeeded",
            RunStatus::Unknown => "unknown",
        }
    }
}

/// What was asked of a run (`POST /runs/{id}/actions`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ActionType {
    Play,
    Pause,
    Stop,
    ResumeFromRecovery,
    #[serde(other)]
    Other,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct RunAction {
    pub action_type: ActionType,
}

/// `data` of `POST /runs` and `GET /runs/{id}`, and the items of `GET /runs`.
#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Run {
    pub id: String,
    pub status: RunStatus,
    pub protocol_id: Option<String>,
    pub created_at: Option<String>,
    pub started_at: Option<String>,
    pub completed_at: Option<String>,
    #[serde(default)]
    pub errors: Vec<ErrorOccurrence>,
    #[serde(default)]
    pub actions: Vec<RunAction>,
    /// Set when robot-server lost the run's engine (it restarted during the run).
    pub data_error: Option<ErrorOccurrence>,
    #[serde(default)]
    pub labware: Vec<LoadedLabware>,
    #[serde(default)]
    pub pipettes: Vec<LoadedPipette>,
    #[serde(default)]
    pub run_time_parameters: Vec<RunTimeParameter>,
    /// Whether it is the robot's current run (the one that holds the robot).
    #[serde(default)]
    pub current: bool,
}

impl Run {
    /// Whether someone asked the robot to stop this run.
    pub fn was_stopped(&self) -> bool {
        self.actions
            .iter()
            .any(|a| a.action_type == ActionType::Stop)
    }
}

/// A command's status.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum CommandStatus {
    Queued,
    Running,
    Succeeded,
    Failed,
    #[serde(other)]
    Unknown,
}

impl CommandStatus {
    /// Whether the command is done, well or not.
    pub fn is_finished(self) -> bool {
        matches!(self, CommandStatus::Succeeded | CommandStatus::Failed)
    }

    pub fn as_str(self) -> &'static str {
        match self {
            CommandStatus::Queued => "queued",
            CommandStatus::Running => "running",
            CommandStatus::Succeeded => "succeeded",
            CommandStatus::Failed => "failed",
            CommandStatus::Unknown => "?",
        }
    }
}

/// One protocol command, as a run's command list or an analysis has it.
#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct RobotCommand {
    pub command_type: String,
    pub status: CommandStatus,
    #[serde(default)]
    pub params: CommandParams,
    pub error: Option<ErrorOccurrence>,
}

/// The parameters of the commands the lab's protocols use (every field is optional: each
/// command type has its own).
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CommandParams {
    pub labware_id: Option<String>,
    pub pipette_id: Option<String>,
    pub well_name: Option<String>,
    pub volume: Option<f64>,
    pub seconds: Option<f64>,
    pub message: Option<String>,
    pub load_name: Option<String>,
    pub pipette_name: Option<String>,
    pub mount: Option<String>,
    #[serde(default)]
    pub location: Value,
}

impl CommandParams {
    /// The deck slot of a `loadLabware`.
    pub fn slot_name(&self) -> Option<&str> {
        self.location.get("slotName").and_then(Value::as_str)
    }
}

/// `GET /runs/{id}/commands`.
#[derive(Debug, Clone, Deserialize)]
pub struct CommandsPage {
    #[serde(default)]
    pub data: Vec<RobotCommand>,
    pub meta: Option<PageMeta>,
}

impl CommandsPage {
    /// The page's commands from index `cursor` on. robot-server clamps a cursor at or past
    /// the end to the last command (`max(0, min(cursor, total - 1))`), so a page asked for
    /// beyond what exists starts with commands already read: those are left out.
    pub fn from_cursor(&self, cursor: usize) -> &[RobotCommand] {
        let actual = self
            .meta
            .as_ref()
            .and_then(|m| m.cursor)
            .map_or(cursor, |c| c as usize);
        self.data
            .get(cursor.saturating_sub(actual)..)
            .unwrap_or(&[])
    }
}

#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PageMeta {
    /// Where the page really starts.
    #[serde(default)]
    pub cursor: Option<u64>,
    pub total_length: u64,
}

/// A labware offset as robot-server takes it with `POST /runs` (and as ot2ctl stores it).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct LabwareOffset {
    pub definition_uri: String,
    pub location: OffsetLocation,
    pub vector: Vector,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct OffsetLocation {
    pub slot_name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub module_model: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Vector {
    pub x: f64,
    pub y: f64,
    pub z: f64,
}

/// The fields of an Opentrons labware definition that name it.
#[derive(Debug, Clone, Deserialize)]
pub struct LabwareDefinition {
    pub namespace: String,
    pub version: u64,
    pub parameters: LabwareParameters,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct LabwareParameters {
    pub load_name: String,
}

impl LabwareDefinition {
    /// `namespace/load_name/version`, as robot-server matches offsets.
    pub fn uri(&self) -> String {
        format!(
            "{}/{}/{}",
            self.namespace, self.parameters.load_name, self.version
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    /// robot-server 8.1 answers `cursor=13` on a 13-command run with command 12 and
    /// `meta.cursor` 12 (it clamps); that command was read already.
    #[test]
    fn a_page_asked_past_the_end_repeats_no_command() {
        let page = |cursor: Option<u64>| -> CommandsPage {
            serde_json::from_value(json!({
                "data": [{"commandType": "comment", "status": "succeeded", "params": {}}],
                "meta": {"cursor": cursor, "totalLength": 13}
            }))
            .unwrap()
        };
        assert!(page(Some(12)).from_cursor(13).is_empty());
        assert_eq!(page(Some(12)).from_cursor(12).len(), 1);
        assert_eq!(
            page(None).from_cursor(13).len(),
            1,
            "no cursor: taken as asked"
        );
    }

    #[test]
    fn statuses_read_as_robot_server_writes_them_and_new_ones_are_unknown() {
        let run: Run = serde_json::from_value(json!({
            "id": "r", "status": "stop-requested", "actions": [{"actionType": "stop"}],
            "errors": [], "labware": [{"id": "l", "loadName": "rack", "location": {"slotName": "3"}}]
        }))
        .unwrap();
        assert_eq!(run.status, RunStatus::StopRequested);
        assert!(!run.status.is_final());
        assert!(run.was_stopped());
        assert_eq!(run.labware[0].slot(), "3");
        let later: RunStatus = serde_json::from_value(json!("some-new-status")).unwrap();
        assert_eq!(later, RunStatus::Unknown);
        let command: RobotCommand = serde_json::from_value(json!({
            "commandType": "aspirate", "status": "succeeded",
            "params": {"labwareId": "l", "wellName": "B1", "volume": 120.0}
        }))
        .unwrap();
        assert!(command.status.is_finished());
        assert_eq!(command.params.volume, Some(120.0));
    }

    #[test]
    fn offsets_keep_their_wire_shape() {
        let offset = LabwareOffset {
            definition_uri: "a/b/1".into(),
            location: OffsetLocation {
                slot_name: "1".into(),
                module_model: None,
            },
            vector: Vector {
                x: 0.1,
                y: 0.0,
                z: -0.5,
            },
        };
        assert_eq!(
            serde_json::to_value(&offset).unwrap(),
            json!({"definitionUri": "a/b/1", "location": {"slotName": "1"}, "vector": {"x": 0.1, "y": 0.0, "z": -0.5}})
        );
    }
}
