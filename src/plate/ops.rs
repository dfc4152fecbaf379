//! The plate flows' work, shared by the worker (which runs them as flow runs) and `ot2ctl
//! plate --local` (which runs them on this machine's store): each returns its summary, its
//! result (the run's state data) and table rows.

use jiff::Timestamp;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value, json};

use super::flows::PlateFlow;
use super::model::Mark;
use super::model::{Layout, MissingWell, Plate, PlateError, PlateSpec, Well, WellRecord};
use super::store::Plates;
use crate::sensor::Measurement;
use crate::store::Report;

/// What `plate-status` (and `plate-new`, of the new plate) returns.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StatusResult {
    pub plate: Plate,
    pub free: usize,
    pub reserved: usize,
    pub used: usize,
    pub next: Option<Well>,
    /// The colour sensor's readings of the plate's wells, oldest first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub readings: Vec<Measurement>,
}

impl StatusResult {
    pub fn of(plate: Plate) -> StatusResult {
        let (free, reserved, used) = plate.counts();
        StatusResult {
            next: plate.next_free(),
            plate,
            free,
            reserved,
            used,
            readings: Vec::new(),
        }
    }
}

/// What `plate-next` returns.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NextResult {
    pub well: Well,
    pub plate: String,
    pub free: usize,
}

/// What `plate-mark` returns.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MarkResult {
    pub well: Well,
    pub status: String,
    /// Whether the well changed (false: it was in that state already).
    pub changed: bool,
    pub plate: String,
}

/// Runs a plate flow with its parameters (already checked against its schema).
pub async fn run_flow(
    plates: &Plates,
    flow: PlateFlow,
    values: &Map<String, Value>,
    now: Timestamp,
) -> Result<Report, PlateError> {
    match flow {
        PlateFlow::Status => {
            let plate = match text(values, "plate").filter(|id| !id.is_empty()) {
                Some(id) => plates.plate(id).await?,
                None => plates.current().await?.ok_or(PlateError::NoPlate)?,
            };
            let readings = plates.readings(&plate.id).await?;
            let result = StatusResult {
                readings,
                ..StatusResult::of(plate)
            };
            Ok(report(
                super::picture::count_line(&result.plate),
                &result,
                rows(&result.plate.wells),
            ))
        }
        PlateFlow::Next => {
            let plate = plates.current().await?.ok_or(PlateError::NoPlate)?;
            let well = plate.next_free().ok_or_else(|| PlateError::Full {
                plate: plate.id.clone(),
            })?;
            let result = NextResult {
                well,
                free: plate.counts().0,
                plate: plate.id,
            };
            Ok(report(
                format!("The next free well is {well}"),
                &result,
                vec![json!({"well": well, "plate": result.plate, "free": result.free})],
            ))
        }
        PlateFlow::New => {
            let spec = spec_of(values)?;
            let operator = text(values, "operator").unwrap_or("system");
            let plate = plates.create(&spec, operator, now).await?;
            let summary = format!(
                "Plate {} recorded ({}, project {}) by {operator}",
                plate.id,
                spec.layout.describe(),
                plate.project
            );
            Ok(report(summary, &StatusResult::of(plate), Vec::new()))
        }
        PlateFlow::Mark => {
            let mark = mark_of(values)?;
            let changed = plates.mark(&mark, now).await?;
            let plate = plates.current().await?.ok_or(PlateError::NoPlate)?;
            let status = if mark.used { "used" } else { "empty" };
            let summary = match changed {
                Some(_) => format!(
                    "Well {} marked {status} by {}: {}",
                    mark.well, mark.operator, mark.reason
                ),
                None => format!("Well {} is {status} already; nothing changed", mark.well),
            };
            let result = MarkResult {
                well: mark.well,
                status: status.into(),
                changed: changed.is_some(),
                plate: plate.id,
            };
            Ok(report(summary, &result, Vec::new()))
        }
    }
}

fn report<T: Serialize>(summary: String, result: &T, rows: Vec<Value>) -> Report {
    Report {
        lines: vec![(false, summary.clone())],
        summary,
        result: serde_json::to_value(result).expect("results are plain data"),
        rows,
    }
}

/// One table row per well that is not free.
fn rows(wells: &[WellRecord]) -> Vec<Value> {
    wells
        .iter()
        .filter(|r| !r.state.is_empty())
        .map(|r| serde_json::to_value(r).expect("records are plain data"))
        .collect()
}

fn text<'a>(values: &'a Map<String, Value>, name: &str) -> Option<&'a str> {
    values.get(name).and_then(Value::as_str)
}

fn boolean(values: &Map<String, Value>, name: &str) -> Option<bool> {
    values.get(name).and_then(Value::as_bool)
}

/// A new plate's spec from `plate-new`'s parameters.
pub fn spec_of(values: &Map<String, Value>) -> Result<PlateSpec, PlateError> {
    let defaults = PlateSpec::default();
    let project = text(values, "project").unwrap_or(&defaults.project).trim();
    if project.is_empty() {
        return Err(PlateError::Invalid(
            "the plate's project must not be empty".into(),
        ));
    }
    let layout = Layout::parse(
        text(values, "rows").unwrap_or(&defaults.layout.rows_text()),
        text(values, "columns").unwrap_or(&defaults.layout.columns_text()),
    )?;
    let missing_well = match text(values, "missing_well") {
        Some(choice) => MissingWell::parse(choice)?,
        None => defaults.missing_well,
    };
    Ok(PlateSpec {
        project: project.to_string(),
        layout,
        missing_well,
    })
}

fn mark_of(values: &Map<String, Value>) -> Result<Mark, PlateError> {
    let well = Well::parse(text(values, "well").unwrap_or_default())?;
    let used = boolean(values, "used")
        .ok_or_else(|| PlateError::Invalid("parameter 'used' must be true or false".into()))?;
    let reason = text(values, "reason").unwrap_or_default().trim();
    if reason.is_empty() {
        return Err(PlateError::Invalid(
            "a mark needs a reason, for the plate's log (--reason TEXT)".into(),
        ));
    }
    Ok(Mark {
        well,
        used,
        reason: reason.to_string(),
        operator: text(values, "operator").unwrap_or("system").to_string(),
    })
}
