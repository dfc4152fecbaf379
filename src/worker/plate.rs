//! Runs that mix into the plate (an OT-2 protocol whose deployment declares `mix_well` and
//! paint volumes `R`, `Y` or `B`): the well is reserved in the plate's store when the run is
//! claimed, before anything moves: the next free one for `mix_well=auto` (and, with the lab's
//! `missing_well: auto`, for a run that names no well), else the well named, which must be
//! free. The protocol then runs with that well. When the run ends, each well paint went into
//! (read from what the robot did) becomes used; a reservation no paint reached is given back.
//! The plate's picture is published as a markdown artifact after each mix.

use jiff::Timestamp;
use serde_json::Value;

use crate::api::parameters;
use crate::executor::{Level, Outcome, RunContext};
use crate::ot2::dispensed::Dispensed;
use crate::ot2::paint::{AUTO_WELL, MIX_WELL, PAINT_PARAMETERS};
use crate::plate::model::{MissingWell, Recipe, RunEnding, WellState};
use crate::plate::{Choice, Plates, Well, picture};

/// The well a mix holds while it runs.
#[derive(Debug, Clone)]
pub struct Claim {
    pub well: Well,
}

/// Whether the run mixes into the plate: its deployment declares the lab's `mix_well` and at
/// least one paint volume.
pub fn is_mix(context: &RunContext) -> bool {
    let names = parameters::parameter_names(&context.deployment.parameter_openapi_schema);
    names.contains(&MIX_WELL) && PAINT_PARAMETERS.iter().any(|p| names.contains(p))
}

/// Reserves the mix's well and gives it to the run as its `mix_well`. `Ok(None)` for a run
/// that is not a mix; `Err` refuses the run (before any motion) with one line.
pub async fn claim(context: &mut RunContext, plates: &Plates) -> Result<Option<Claim>, Outcome> {
    if !is_mix(context) {
        return Ok(None);
    }
    let refuse = |error: crate::plate::PlateError| Outcome::refused(error.to_string());
    let asked = context.parameters().get(MIX_WELL).cloned();
    let choice = match asked {
        Some(Value::String(text)) if text == AUTO_WELL => Choice::Next,
        Some(Value::String(text)) => Choice::Well(
            Well::parse(&text)
                .map_err(|error| Outcome::refused(format!("parameter '{MIX_WELL}': {error}")))?,
        ),
        Some(other) => {
            return Err(Outcome::refused(format!(
                "parameter '{MIX_WELL}' must be a well of the plate (e.g. B3) or {AUTO_WELL}, not {other}"
            )));
        }
        None => match missing_well(context, plates).await.map_err(refuse)? {
            Some(choice) => choice,
            None => return Ok(None),
        },
    };
    let reservation = plates
        .reserve(&context.id().to_string(), choice, Timestamp::now())
        .await
        .map_err(refuse)?;
    if reservation.created {
        context.log(
            Level::Info,
            format!(
                "No plate was recorded yet: recorded the lab's default plate {} (rows B-H, \
                 columns 1-12); `ot2ctl plate new` records yours",
                reservation.plate
            ),
        );
    }
    let well = reservation.well;
    let how = match choice {
        Choice::Next => format!("{MIX_WELL}={AUTO_WELL}: the next free well"),
        Choice::Well(_) => format!("{MIX_WELL}={well}"),
    };
    context.log(
        Level::Info,
        format!(
            "Well {well} of plate {} reserved for this mix ({how})",
            reservation.plate
        ),
    );
    context
        .run
        .parameters
        .insert(MIX_WELL.into(), Value::String(well.to_string()));
    Ok(Some(Claim { well }))
}

/// What a mix that names no well asks for: the next free well when the plate's
/// `missing_well` is `auto`, else the protocol's own default well (from the deployment's
/// schema); `None` when there is no default to check either.
async fn missing_well(
    context: &RunContext,
    plates: &Plates,
) -> Result<Option<Choice>, crate::plate::PlateError> {
    let setting = plates
        .current()
        .await?
        .map(|plate| plate.missing_well)
        .unwrap_or_default();
    if setting == MissingWell::Auto {
        return Ok(Some(Choice::Next));
    }
    match parameters::default_of(&context.deployment.parameter_openapi_schema, MIX_WELL) {
        Some(Value::String(text)) if text == AUTO_WELL => Ok(Some(Choice::Next)),
        Some(Value::String(text)) => Ok(Some(Choice::Well(Well::parse(text)?))),
        _ => Ok(None),
    }
}

/// Ends the mix's hold on the plate: the wells paint went into are used, the reservation is
/// given back if none reached it (kept as used when the runner lost sight of what the robot
/// did), and the plate's picture is published.
pub async fn settle(context: &RunContext, plates: &Plates, claim: &Claim, dispensed: &Dispensed) {
    let run_ending = RunEnding {
        dispensed: dispensed
            .wells()
            .into_iter()
            .filter_map(|(well, paint)| {
                let recipe = Recipe {
                    red: paint[0],
                    yellow: paint[1],
                    blue: paint[2],
                };
                Some((Well::parse(&well).ok()?, recipe))
            })
            .collect(),
        certain: dispensed.complete(),
    };
    let changes = match plates
        .settle(&context.id().to_string(), &run_ending, Timestamp::now())
        .await
    {
        Ok(changes) => changes,
        Err(error) => {
            context.log(
                Level::Error,
                format!("the plate could not be updated after the run: {error}"),
            );
            return;
        }
    };
    for record in &changes {
        let line = match &record.state {
            WellState::Empty => format!(
                "No paint went into well {}: its reservation is given back",
                record.well
            ),
            WellState::Used {
                recipe: Some(recipe),
                ..
            } => format!(
                "Well {} is used: red {} µL, yellow {} µL, blue {} µL",
                record.well, recipe.red, recipe.yellow, recipe.blue
            ),
            WellState::Used { .. } | WellState::Reserved { .. } => format!(
                "Well {} stays used: {}",
                record.well,
                record.note.as_deref().unwrap_or("")
            ),
        };
        let level = if record.note.is_some() {
            Level::Warning
        } else {
            Level::Info
        };
        context.log(level, line);
        if record.well != claim.well && !record.state.is_empty() {
            context.log(
                Level::Warning,
                format!(
                    "The protocol put paint into well {}, which this run had not reserved",
                    record.well
                ),
            );
        }
    }
    publish(context, plates, claim).await;
}

/// The plate after this run, as a markdown artifact under the plate's stable key, so the
/// Artifacts page shows its latest state and its history.
async fn publish(context: &RunContext, plates: &Plates, claim: &Claim) {
    let Ok(Some(plate)) = plates.current().await else {
        return;
    };
    let key = artifact_key(&plate.project);
    let description = format!("Plate {} after flow run {}", plate.id, context.run.name);
    context
        .markdown_artifact(
            &key,
            &description,
            &picture::markdown(&plate, Some(claim.well)),
        )
        .await;
}

/// `plate-<project>`, in the characters Prefect allows in a key.
pub fn artifact_key(project: &str) -> String {
    crate::executor::artifact_key(&format!("plate-{project}"))
}

/// Gives back reservations whose runs ended while no worker watched them (a worker killed
/// during a mix): what the robot did is unknown, so the well stays used, with a note.
pub async fn release_abandoned(
    api: &crate::api::Client,
    plates: &Plates,
    notify: &super::report::Notify,
) {
    let runs = match plates.reserving_runs().await {
        Ok(runs) => runs,
        Err(error) => {
            notify(format!("cannot read the plate's reservations: {error}"));
            return;
        }
    };
    for run in runs {
        if !super::states::has_ended(api, &run).await {
            continue;
        }
        let unknown = RunEnding {
            dispensed: Vec::new(),
            certain: false,
        };
        match plates.settle(&run, &unknown, Timestamp::now()).await {
            Ok(changes) => {
                for record in changes {
                    notify(format!(
                        "flow run {run} ended without settling well {}: kept as used, since \
                         whether paint went in is unknown",
                        record.well
                    ));
                }
            }
            Err(error) => notify(format!("cannot settle flow run {run}'s well: {error}")),
        }
    }
}
