//! Measurements (`ot2+sensor:` entrypoints): the protocol holds the colour sensor over the
//! run's `mix_well`, the sensor is read over MQTT, and `move_sensor_back.py` beside the
//! protocol puts the sensor back on its charger whatever the reading did. The reading is kept
//! with the well, the recipe the plate knows for it, the run and the time, in the lab's
//! database beside the plate, and is the run's result, log and table artifact.

use std::path::Path;

use jiff::Timestamp;
use serde_json::Value;

use super::executors::Executors;
use super::report::Reporter;
use super::states::{self, Ending};
use crate::executor::{Level, Outcome, RunContext};
use crate::ot2::dispensed::Dispensed;
use crate::ot2::execution::{Step, Values};
use crate::plate::Well;
use crate::plate::model::{Plate, WellState};
use crate::sensor::contract::Command;
use crate::sensor::{Ask, Measurement, SensorSettings, settings};

/// The protocol that puts the sensor back, beside the measuring protocol.
pub const SENSOR_BACK: &str = "move_sensor_back.py";
const MIX_WELL: &str = "mix_well";

pub async fn measure(
    context: RunContext,
    path: &str,
    reporter: &Reporter,
    executors: &Executors,
) -> Ending {
    let (sensor, well) = match ready(&context, executors) {
        Ok(ready) => ready,
        Err(refused) => return states::finish(reporter, &context, refused).await,
    };
    let plate = executors.plates.current().await.ok().flatten();
    let recipe = plate
        .as_ref()
        .and_then(|plate| recipe_in(plate, well))
        .unwrap_or(Command {
            red: 0.0,
            yellow: 0.0,
            blue: 0.0,
        });
    let back = sibling(path, SENSOR_BACK);
    let to_well = executors.ot2.run(&context, path, &Dispensed::new()).await;
    match to_well {
        Outcome::Completed { .. } => {}
        // Refused or never started: nothing moved, nothing to put back.
        Outcome::Refused { .. } | Outcome::NotStarted => {
            return states::finish(reporter, &context, to_well).await;
        }
        // It may have stopped holding the sensor: put it back first, then say why.
        other => {
            let back_note = put_back(&context, executors, &back).await;
            let outcome = with_note(other, &back_note);
            return states::finish(reporter, &context, outcome).await;
        }
    }
    context.log(
        Level::Info,
        format!(
            "Reading sensor '{}' over {} for well {well} (R={} Y={} B={} µL as the plate has it)",
            sensor.sensor_id,
            sensor.broker(),
            recipe.red,
            recipe.yellow,
            recipe.blue
        ),
    );
    let ask = Ask {
        command: recipe,
        well: Some(well.to_string()),
        flow_run_id: Some(context.id()),
    };
    let note = |line: String| context.log(Level::Warning, line);
    let reading = crate::sensor::read(sensor, &ask, &note).await;
    let back_note = put_back(&context, executors, &back).await;
    let outcome = match reading {
        Err(error) => Outcome::failed(format!("{error}{back_note}")),
        Ok(reading) => {
            let measurement = Measurement::of(
                &reading,
                recipe,
                Some(well.to_string()),
                Some(context.id()),
                &sensor.white,
                Timestamp::now(),
            );
            record(&context, executors, plate.as_ref(), &measurement).await;
            let summary = format!(
                "Well {well} measured: {} (L* {:.1}, a* {:.1}, b* {:.1}){back_note}",
                measurement.colour, measurement.lab[0], measurement.lab[1], measurement.lab[2]
            );
            context.log(Level::Info, summary.clone());
            let row = serde_json::to_value(&measurement).expect("plain JSON");
            context
                .table_artifact("colour reading", vec![row.clone()])
                .await;
            if back_note.is_empty() {
                Outcome::Completed {
                    message: summary,
                    data: Some(row),
                }
            } else {
                Outcome::failed(summary)
            }
        }
    };
    states::finish(reporter, &context, outcome).await
}

/// The sensor and the well, or why the run is refused before anything moves.
fn ready<'a>(
    context: &RunContext,
    executors: &'a Executors,
) -> Result<(&'a SensorSettings, Well), Outcome> {
    let sensor = executors.sensor.as_ref().ok_or_else(|| {
        Outcome::refused(format!(
            "this worker reads no colour sensor: start it with {} and {} (and the broker's \
             user and password) in its environment",
            settings::HOST,
            settings::SENSOR_ID
        ))
    })?;
    let well = match context.parameters().get(MIX_WELL) {
        Some(Value::String(text)) => Well::parse(text)
            .map_err(|error| Outcome::refused(format!("parameter '{MIX_WELL}': {error}")))?,
        _ => {
            return Err(Outcome::refused(format!(
                "a measurement needs the well to measure as parameter '{MIX_WELL}' (e.g. B2)"
            )));
        }
    };
    Ok((sensor, well))
}

/// What the plate says was mixed into `well`.
fn recipe_in(plate: &Plate, well: Well) -> Option<Command> {
    match &plate.record(well)?.state {
        WellState::Used {
            recipe: Some(recipe),
            ..
        } => Some(Command {
            red: recipe.red,
            yellow: recipe.yellow,
            blue: recipe.blue,
        }),
        _ => None,
    }
}

/// Runs the protocol that seats the sensor on its charger; "" when it did, else the note
/// for the run's message.
async fn put_back(context: &RunContext, executors: &Executors, back: &str) -> String {
    context.log(Level::Info, format!("Putting the sensor back ({back})"));
    let step = Step {
        path: back,
        values: Values::None,
    };
    match executors
        .ot2
        .run_step(context, step, &Dispensed::new())
        .await
    {
        Outcome::Completed { .. } => String::new(),
        other => {
            let why = message_of(&other);
            context.log(Level::Error, format!("The sensor was not put back: {why}"));
            format!(
                "; the sensor was NOT put back ({why}): run move-sensor-back before the next motion"
            )
        }
    }
}

async fn record(
    context: &RunContext,
    executors: &Executors,
    plate: Option<&Plate>,
    measurement: &Measurement,
) {
    let Some(plate) = plate else {
        context.log(
            Level::Warning,
            "No plate is recorded: the reading is in this run's result only",
        );
        return;
    };
    if let Err(error) = executors
        .plates
        .record_reading(&plate.id, measurement)
        .await
    {
        context.log(
            Level::Error,
            format!("The reading could not be kept in the plate's store: {error}"),
        );
    }
}

fn sibling(path: &str, name: &str) -> String {
    match Path::new(path).parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir.join(name).display().to_string(),
        _ => name.to_string(),
    }
}

fn message_of(outcome: &Outcome) -> String {
    match outcome {
        Outcome::Completed { message, .. }
        | Outcome::Failed { message }
        | Outcome::Crashed { message }
        | Outcome::Cancelled { message } => message.clone(),
        Outcome::Refused { reason } => reason.clone(),
        Outcome::Exited(status) => status.to_string(),
        Outcome::Reported => "reported by its engine".into(),
        Outcome::NotStarted => "the server would not let it start".into(),
    }
}

/// `outcome` with `note` added to its message.
fn with_note(outcome: Outcome, note: &str) -> Outcome {
    match outcome {
        Outcome::Failed { message } => Outcome::failed(format!("{message}{note}")),
        Outcome::Crashed { message } => Outcome::crashed(format!("{message}{note}")),
        Outcome::Cancelled { message } => Outcome::cancelled(format!("{message}{note}")),
        other => other,
    }
}
