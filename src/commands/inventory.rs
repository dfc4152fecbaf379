//! `ot2ctl inventory status|init|restock|log|maintenance`: by default each runs the lab's
//! inventory deployment and prints its result when the run finishes (the work happens where
//! the worker keeps the stock); `--local` runs the same flow on this machine's store.

use crate::output::Printer;
use anyhow::{Context, Result, anyhow};
use jiff::Timestamp;
use serde_json::{Value, json};

use crate::api::Client;
use crate::api::states::{Proposal, StateType};
use crate::cli::{DeploymentRef, InventoryCommand, LogArgs, WhereArgs};
use crate::commands::invocation::Invocation;
use crate::commands::shared::{Show, follow, resolve, with_api};
use crate::config::Env;
use crate::error::UsageError;
use crate::inventory::Store;
use crate::inventory::flows::NativeFlow;
use crate::inventory::model::{self, Level};
use crate::inventory::ops;
use crate::inventory::results::{AuditChange, InitializeResult, RestockResult, StatusResult};
use crate::output::{self, OutputFormat};

/// What the orchestrator's `maintenance` did: check at 5 mL, restock 10 mL each, check again.
const MAINTENANCE_THRESHOLD_ML: f64 = 5.0;
const MAINTENANCE_RESTOCK_ML: f64 = 10.0;

pub fn run(command: InventoryCommand, invocation: &Invocation) -> Result<()> {
    let printer = &invocation.printer;
    match command {
        InventoryCommand::Log(args) => local(&invocation.env, |store| log(store, args, printer)),
        InventoryCommand::Status(args) => {
            let threshold = usage_of(model::check_low_threshold_ml(
                "LOW_THRESHOLD_ML",
                args.low_threshold_ml,
            ))?;
            let parameters = json!({"low_threshold_ml": threshold});
            one(
                NativeFlow::CheckInventoryStatus,
                parameters,
                &args.place,
                invocation,
                printer,
            )
        }
        InventoryCommand::Init(args) => {
            let parameters = json!({
                "red_volume": ul(args.red_ml, "RED_ML")?,
                "yellow_volume": ul(args.yellow_ml, "YELLOW_ML")?,
                "blue_volume": ul(args.blue_ml, "BLUE_ML")?,
                "evaporation_rate": usage_of(model::check_evaporation(
                    "--evaporation-rate",
                    args.evaporation_rate,
                ))?,
            });
            one(
                NativeFlow::InitializeInventory,
                parameters,
                &args.place,
                invocation,
                printer,
            )
        }
        InventoryCommand::Restock(args) => {
            let parameters =
                restock_parameters([args.red_ml, args.yellow_ml, args.blue_ml], &args.operator)?;
            one(
                NativeFlow::RestockMaintenance,
                parameters,
                &args.place,
                invocation,
                printer,
            )
        }
        InventoryCommand::Maintenance(args) => {
            let steps = [
                (
                    NativeFlow::CheckInventoryStatus,
                    json!({"low_threshold_ml": MAINTENANCE_THRESHOLD_ML}),
                ),
                (
                    NativeFlow::RestockMaintenance,
                    restock_parameters([MAINTENANCE_RESTOCK_ML; 3], &args.operator)?,
                ),
                (
                    NativeFlow::CheckInventoryStatus,
                    json!({"low_threshold_ml": MAINTENANCE_THRESHOLD_ML}),
                ),
            ];
            for (flow, parameters) in steps {
                one(flow, parameters, &args.place, invocation, printer)?;
            }
            Ok(())
        }
    }
}

/// mL from the command line to the µL the flows take, within what a tube holds.
fn ul(ml: f64, what: &str) -> Result<f64, UsageError> {
    let ul = (ml * 1000.0 * 1000.0).round() / 1000.0;
    model::check_volume_ul(what, ul).map_err(|_| {
        UsageError::new(format!(
            "{what} must be between 0 and 15 mL (a tube of the paint rack holds 15 mL: \
                 protocols/labware/ot2ctl_6_tuberack_15ml.json), not {}",
            model::shown(ml)
        ))
    })
}

/// A number the inventory refused, as a usage error: nothing is submitted.
fn usage_of(checked: Result<f64, model::InventoryError>) -> Result<f64, UsageError> {
    checked.map_err(|e| UsageError::new(e.to_string()))
}

fn restock_parameters(ml: [f64; 3], operator: &str) -> Result<Value> {
    Ok(json!({
        "red_volume": ul(ml[0], "RED_ML")?,
        "yellow_volume": ul(ml[1], "YELLOW_ML")?,
        "blue_volume": ul(ml[2], "BLUE_ML")?,
        "operator": operator,
    }))
}

/// Runs one inventory flow where `place` says, then prints its result.
fn one(
    flow: NativeFlow,
    parameters: Value,
    place: &WhereArgs,
    invocation: &Invocation,
    printer: &Printer,
) -> Result<()> {
    let format = place.output.output;
    if place.local {
        return local(&invocation.env, |store| async move {
            let values = parameters.as_object().cloned().unwrap_or_default();
            let report = ops::run_flow(&store, flow, &values, Timestamp::now()).await?;
            show(flow, &report.result, format, printer)
        });
    }
    let timeout = place.timeout;
    let deployment = place
        .deployment
        .clone()
        .unwrap_or_else(|| format!("{}/{}", flow.name(), flow.name()));
    with_api(invocation, |api| async move {
        let result = through_deployment(&api, &deployment, parameters, timeout, printer).await?;
        show(flow, &result, format, printer)
    })
}

fn local<F, Fut>(env: &Env, command: F) -> Result<()>
where
    F: FnOnce(Store) -> Fut,
    Fut: std::future::Future<Output = Result<()>>,
{
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .context("cannot start the async runtime")?;
    runtime.block_on(async move {
        let store = Store::open(&|name| env.setting(name))
            .await
            .map_err(|e| UsageError::new(e.to_string()))?;
        command(store).await
    })
}

/// Creates a run of the deployment, waits for it, and returns its result; a run that does
/// not complete is an error with its message.
async fn through_deployment(
    api: &Client,
    deployment: &str,
    parameters: Value,
    timeout: u64,
    printer: &Printer,
) -> Result<Value> {
    let reference = DeploymentRef {
        name: deployment.to_string(),
    };
    let deployment = resolve(api, &reference).await.map_err(|e| {
        anyhow!("{e}; deploy the lab's deployments first (`ot2ctl deploy --all`), or use --local")
    })?;
    let body = json!({
        "state": Proposal::scheduled(Timestamp::now()),
        "parameters": parameters,
        "context": {},
    });
    let run = api
        .create_flow_run(&deployment, &body, &reference.name)
        .await?;
    printer.note(format_args!(
        "Flow run '{}' of {} created; waiting for a worker of pool '{}'.",
        run.name,
        reference.name,
        deployment.work_pool_name.as_deref().unwrap_or("?")
    ));
    let finished = follow(api, &run, Some(timeout), Show::Nothing, printer).await?;
    if !finished.is(StateType::Completed) {
        return Err(anyhow!(
            "flow run '{}' of {} ended {}: {}",
            finished.name,
            reference.name,
            finished.state_type.map_or("?", StateType::as_str),
            finished.state_message().unwrap_or("no message")
        ));
    }
    Ok(finished
        .state
        .and_then(|state| state.data)
        .unwrap_or(Value::Null))
}

/// Prints a flow's result: the JSON itself, or tables.
fn show(flow: NativeFlow, result: &Value, format: OutputFormat, printer: &Printer) -> Result<()> {
    if format == OutputFormat::Json {
        return printer.json(result);
    }
    match flow {
        NativeFlow::CheckInventoryStatus => show_status(&read_result(flow, result)?, printer),
        NativeFlow::InitializeInventory => {
            let result: InitializeResult = read_result(flow, result)?;
            let mut table =
                output::table(&["COLOUR", "POSITION", "VOLUME (µL)", "EVAPORATION (µL/h)"]);
            for (_, stock) in result.inventory.iter() {
                table.add_row(vec![
                    stock.color.clone(),
                    stock.position.clone(),
                    format!("{:.1}", stock.volume_ul),
                    format!("{}", stock.evaporation_rate_ul_per_hour),
                ]);
            }
            printer.table(table);
            printer.line(format_args!(
                "Inventory initialised (audit entry {}).",
                result.log_id
            ));
        }
        NativeFlow::RestockMaintenance => {
            let result: RestockResult = read_result(flow, result)?;
            let mut table = output::table(&["COLOUR", "BEFORE (µL)", "ADDED (µL)", "AFTER (µL)"]);
            for (colour, stock) in result.inventory_after.iter() {
                let restocked = result.restocked.get(colour);
                let after = stock.volume_ul;
                let before = restocked.map_or(after, |r| r.previous_volume_ul);
                let added = restocked.map_or(0.0, |r| r.added_ul);
                table.add_row(vec![
                    stock.color.clone(),
                    format!("{before:.1}"),
                    format!("{added:.1}"),
                    format!("{after:.1}"),
                ]);
            }
            printer.table(table);
            printer.line(format_args!(
                "Restocked by {} (audit entry {}).",
                result.operator, result.log_id
            ));
        }
    }
    Ok(())
}

/// A flow run's result as the flow's own type; a result of another shape (a worker of
/// another version, a run someone else forced to COMPLETED) says so.
fn read_result<T: serde::de::DeserializeOwned>(flow: NativeFlow, result: &Value) -> Result<T> {
    serde_json::from_value(result.clone()).map_err(|error| {
        anyhow!(
            "the run's result is not what {} returns ({error}); `-o json` shows it as it is",
            flow.name()
        )
    })
}

fn show_status(result: &StatusResult, printer: &Printer) {
    let mut table = output::table(&[
        "COLOUR",
        "POSITION",
        "VOLUME (mL)",
        "VOLUME (µL)",
        "RESERVED (µL)",
        "STATUS",
    ]);
    let threshold_ul = result.low_threshold_ml * 1000.0;
    for (colour, stock) in result.inventory.iter() {
        let volume = stock.volume_ul;
        table.add_row(vec![
            stock.color.clone(),
            stock.position.clone(),
            format!("{:.2}", volume / 1000.0),
            format!("{volume:.1}"),
            result
                .reserved_ul
                .get(colour)
                .map_or_else(|| "-".into(), |n| format!("{n}")),
            Level::of(volume, threshold_ul).label().to_string(),
        ]);
    }
    printer.table(table);
    for warning in &result.warnings {
        printer.line(format_args!("warning: {warning}"));
    }
    for recommendation in &result.recommendations {
        printer.line(format_args!("recommendation: {recommendation}"));
    }
    printer.line(&result.overall_status);
}

async fn log(store: Store, args: LogArgs, printer: &Printer) -> Result<()> {
    let entries = store.audit_log(args.limit).await?;
    if args.output.output == OutputFormat::Json {
        let entries: Vec<Value> = entries.iter().map(|e| e.to_json()).collect();
        return printer.json(&entries);
    }
    if entries.is_empty() {
        printer.note(format_args!(
            "The audit log of {} is empty.",
            store.describe()
        ));
        return Ok(());
    }
    let mut table = output::table(&["ID", "TIME", "OPERATION", "OPERATOR", "CHANGES (µL)"]);
    for entry in &entries {
        let changes: Vec<String> = entry
            .restock_data
            .as_object()
            .map(|data| {
                data.iter()
                    .map(|(key, change)| {
                        let change: AuditChange =
                            serde_json::from_value(change.clone()).unwrap_or_default();
                        format!(
                            "{key} {:.1} → {:.1}",
                            change.previous_volume_ul.unwrap_or(0.0),
                            change.new_volume_ul.unwrap_or(0.0)
                        )
                    })
                    .collect()
            })
            .unwrap_or_default();
        table.add_row(vec![
            entry.id.clone(),
            entry
                .timestamp
                .strftime("%Y-%m-%d %H:%M:%S UTC")
                .to_string(),
            entry.operation_type.clone(),
            entry.operator.clone(),
            changes.join(", "),
        ]);
    }
    printer.table(table);
    Ok(())
}
