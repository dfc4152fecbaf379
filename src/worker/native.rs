//! The flows the worker runs itself on the lab's database (`ot2ctl:` entrypoints): the
//! inventory's and the plate's. Their report becomes the run's log, table artifact and result.

use jiff::Timestamp;
use serde_json::Map;

use super::executors::Executors;
use crate::api::parameters;
use crate::entrypoint::NativeFlow;
use crate::executor::{Level, Outcome, RunContext};
use crate::store::Report;

/// Runs one native flow.
pub async fn run(context: &RunContext, executors: &Executors, flow: NativeFlow) -> Outcome {
    let values = context.parameters();
    let problems = parameters::problems(
        &context.deployment.parameter_openapi_schema,
        &Map::new(),
        &values,
    );
    if !problems.is_empty() {
        return Outcome::refused(problems.join("\n"));
    }
    if !context.start_running().await {
        return Outcome::NotStarted;
    }
    let now = Timestamp::now();
    let report: Result<Report, String> = match flow {
        NativeFlow::Inventory(flow) => {
            let store = &executors.inventory;
            context.log(
                Level::Info,
                format!("{} on the inventory in {}", flow.name(), store.describe()),
            );
            crate::inventory::ops::run_flow(store, flow, &values, now)
                .await
                .map_err(|e| e.to_string())
        }
        NativeFlow::Plate(flow) => {
            context.log(
                Level::Info,
                format!(
                    "{} on the plate in {}",
                    flow.name(),
                    executors.database.describe()
                ),
            );
            crate::plate::ops::run_flow(&executors.plates, flow, &values, now)
                .await
                .map_err(|e| e.to_string())
        }
    };
    match report {
        Ok(report) => {
            for (warning, line) in &report.lines {
                let level = if *warning {
                    Level::Warning
                } else {
                    Level::Info
                };
                context.log(level, line.clone());
            }
            if !report.rows.is_empty() {
                context.table_artifact(flow.name(), report.rows).await;
            }
            Outcome::Completed {
                message: report.summary,
                data: Some(report.result),
            }
        }
        Err(error) => Outcome::failed(error),
    }
}
