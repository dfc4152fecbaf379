//! Runs that touch the paint inventory: the native inventory flows (`ot2ctl:` entrypoints)
//! and protocols that reserve their paint first (`ot2+inventory:` entrypoints).

use std::future::Future;

use jiff::Timestamp;
use serde_json::{Map, Value};

use super::report::{ERROR, INFO, WARNING};
use super::run::{Ending, RunContext};
use crate::inventory::flows::NativeFlow;
use crate::inventory::model::{Amounts, Colour, DEFAULT_MIX_THRESHOLD_UL};
use crate::inventory::ops;
use crate::params;

/// Runs one of the native inventory flows.
pub async fn run_native(context: &RunContext, flow: NativeFlow) -> Ending {
    let values = context.parameters();
    let problems = params::problems(
        &context.deployment.parameter_openapi_schema,
        &Map::new(),
        &values,
    );
    if !problems.is_empty() {
        return context.refuse(&problems.join("\n")).await;
    }
    if !context.start_running().await {
        return context.not_started().await;
    }
    context.log(
        INFO,
        format!(
            "{} on the inventory in {}",
            flow.name(),
            context.executors.inventory.describe()
        ),
    );
    let store = &context.executors.inventory;
    match ops::run_flow(store, flow, &values, Timestamp::now()).await {
        Ok(report) => {
            for (warning, line) in &report.lines {
                context.log(if *warning { WARNING } else { INFO }, line.clone());
            }
            context.log(INFO, report.summary.clone());
            context.table_artifact(flow.name(), report.rows).await;
            context
                .finish(
                    "COMPLETED",
                    "Completed",
                    &report.summary,
                    Some(report.result),
                )
                .await
        }
        Err(error) => {
            let message = error.to_string();
            context.log(ERROR, message.clone());
            context.finish("FAILED", "Failed", &message, None).await
        }
    }
}

/// Reserves the paint a mix takes (its R, Y and B parameters), runs it, then consumes the
/// paint if the run completed and releases it otherwise. A mix the stock cannot cover fails
/// before anything starts.
pub async fn with_paint_reserved<F, Fut>(context: &RunContext, run: F) -> Ending
where
    F: FnOnce() -> Fut,
    Fut: Future<Output = Ending>,
{
    let required = match required_paint(context) {
        Ok(required) => required,
        Err(reason) => return context.refuse(&reason).await,
    };
    let store = &context.executors.inventory;
    let run_id = context.id().to_string();
    if let Err(error) = store
        .reserve(
            &run_id,
            required,
            DEFAULT_MIX_THRESHOLD_UL,
            Timestamp::now(),
        )
        .await
    {
        return context.refuse(&error.to_string()).await;
    }
    context.log(
        INFO,
        format!(
            "Reserved red {} µL, yellow {} µL, blue {} µL in {}",
            required.get(Colour::Red),
            required.get(Colour::Yellow),
            required.get(Colour::Blue),
            store.describe()
        ),
    );
    let ending = run().await;
    settle(context, required, ending).await
}

/// The paint a mix takes: its `R`, `Y` and `B` parameters in µL.
fn required_paint(context: &RunContext) -> Result<Amounts, String> {
    let values = context.parameters();
    let mut required = Amounts::default();
    for colour in Colour::ALL {
        match values.get(colour.key()) {
            None | Some(Value::Null) => {}
            Some(value) => match value.as_f64() {
                Some(volume) if volume >= 0.0 => required.set(colour, volume),
                _ => {
                    return Err(format!(
                        "parameter '{}' must be a volume in µL, not {value}",
                        colour.key()
                    ));
                }
            },
        }
    }
    Ok(required)
}

/// After a mix that reserved paint: consumes the reservation if the run completed, releases
/// it otherwise.
async fn settle(context: &RunContext, required: Amounts, ending: Ending) -> Ending {
    let store = &context.executors.inventory;
    let completed = ending.state == "COMPLETED";
    match store
        .settle(
            &context.id().to_string(),
            required,
            completed,
            Timestamp::now(),
        )
        .await
    {
        Ok(stocks) if completed => {
            let now = Timestamp::now();
            let left: Vec<String> = stocks
                .iter()
                .map(|s| format!("{} {:.1} µL", s.colour.name(), s.current(now)))
                .collect();
            context.log(
                INFO,
                format!("Paint consumed; the inventory holds {}", left.join(", ")),
            );
        }
        Ok(_) => context.log(
            INFO,
            "The run did not complete: its reservation is released and no paint is consumed",
        ),
        Err(error) => context.log(
            ERROR,
            format!("the inventory could not be updated after the run: {error}"),
        ),
    }
    context.reporter.flush().await;
    ending
}

/// Settles the reservation of a mix a restarted worker followed to its end (the reservation
/// was made by the worker that started it, on this machine's store).
pub async fn settle_resumed(context: &RunContext, ending: Ending) -> Ending {
    match required_paint(context) {
        Ok(required) => settle(context, required, ending).await,
        Err(_) => ending,
    }
}

/// Releases reservations whose runs have ended (or are gone): a worker that was killed during
/// a mix leaves its reservation behind, and that paint would otherwise stay set aside.
pub async fn release_abandoned(api: &crate::api::Client, store: &crate::inventory::Store) {
    let runs = match store.reserving_runs().await {
        Ok(runs) => runs,
        Err(error) => {
            eprintln!("ot2ctl worker: cannot read the inventory's reservations: {error}");
            return;
        }
    };
    for run in runs {
        let Ok(id) = run.parse::<uuid::Uuid>() else {
            continue;
        };
        let ended = match api.read_flow_run(id).await {
            Ok(flow_run) => flow_run.is_final(),
            Err(crate::api::ApiError::NotFound { .. }) => true,
            Err(_) => false,
        };
        if ended {
            match store
                .settle(&run, Amounts::default(), false, Timestamp::now())
                .await
            {
                Ok(_) => eprintln!(
                    "ot2ctl worker: released the paint reserved by flow run {run}, which ended without settling it"
                ),
                Err(error) => {
                    eprintln!("ot2ctl worker: cannot release flow run {run}'s reservation: {error}")
                }
            }
        }
    }
}
