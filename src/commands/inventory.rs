//! `ot2ctl inventory status|init|restock|log|maintenance`: by default each runs the lab's
//! inventory deployment and prints its result when the run finishes (the work happens where
//! the worker keeps the stock); `--local` runs the same flow on this machine's store.

use crate::output::Printer;
use anyhow::Result;
use serde_json::{Value, json};

use crate::cli::{InventoryCommand, LogArgs, WhereArgs};
use crate::commands::invocation::Invocation;
use crate::commands::native_flow;
use crate::entrypoint::NativeFlow;
use crate::error::UsageError;
use crate::inventory::Store;
use crate::inventory::flows::InventoryFlow;
use crate::inventory::model::{self, Level};
use crate::inventory::results::{AuditChange, InitializeResult, RestockResult, StatusResult};
use crate::output::{self, OutputFormat};

/// What the orchestrator's `maintenance` did: check at 5 mL, restock 10 mL each, check again.
const MAINTENANCE_THRESHOLD_ML: f64 = 5.0;
const MAINTENANCE_RESTOCK_ML: f64 = 10.0;

pub fn run(command: InventoryCommand, invocation: &Invocation) -> Result<()> {
    let printer = &invocation.printer;
    match command {
        InventoryCommand::Log(args) => native_flow::local(&invocation.env, |database| {
            log(Store::on(&database), args, printer)
        }),
        InventoryCommand::Status(args) => {
            let threshold = usage_of(model::check_low_threshold_ml(
                "LOW_THRESHOLD_ML",
                args.low_threshold_ml,
            ))?;
            let parameters = json!({"low_threshold_ml": threshold});
            one(
                InventoryFlow::CheckInventoryStatus,
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
                InventoryFlow::InitializeInventory,
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
                InventoryFlow::RestockMaintenance,
                parameters,
                &args.place,
                invocation,
                printer,
            )
        }
        InventoryCommand::Maintenance(args) => {
            let steps = [
                (
                    InventoryFlow::CheckInventoryStatus,
                    json!({"low_threshold_ml": MAINTENANCE_THRESHOLD_ML}),
                ),
                (
                    InventoryFlow::RestockMaintenance,
                    restock_parameters([MAINTENANCE_RESTOCK_ML; 3], &args.operator)?,
                ),
                (
                    InventoryFlow::CheckInventoryStatus,
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
    flow: InventoryFlow,
    parameters: Value,
    place: &WhereArgs,
    invocation: &Invocation,
    printer: &Printer,
) -> Result<()> {
    let result = native_flow::run(NativeFlow::Inventory(flow), parameters, place, invocation)?;
    show(flow, &result, place.output.output, printer)
}

/// Prints a flow's result: the JSON itself, or tables.
fn show(
    flow: InventoryFlow,
    result: &Value,
    format: OutputFormat,
    printer: &Printer,
) -> Result<()> {
    if format == OutputFormat::Json {
        return printer.json(result);
    }
    match flow {
        InventoryFlow::CheckInventoryStatus => show_status(&read_result(flow, result)?, printer),
        InventoryFlow::InitializeInventory => {
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
        InventoryFlow::RestockMaintenance => {
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

fn read_result<T: serde::de::DeserializeOwned>(flow: InventoryFlow, result: &Value) -> Result<T> {
    native_flow::read_result(NativeFlow::Inventory(flow), result)
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
