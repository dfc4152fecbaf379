//! Runs that touch the paint inventory: the native inventory flows (`ot2ctl:` entrypoints)
//! and protocols that reserve their paint first (`ot2+inventory:` entrypoints).

use std::future::Future;

use jiff::Timestamp;
use serde_json::{Map, Value, json};

use super::report::{ERROR, INFO, WARNING};
use super::run::{Ending, RunContext};
use crate::inventory::flows::NativeFlow;
use crate::inventory::model::{
    self, Amounts, Colour, DEFAULT_MIX_THRESHOLD_UL, InventoryError, Stock,
};
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
        for problem in &problems {
            context.log(ERROR, problem.clone());
        }
        return context.refuse(&problems.join("\n")).await;
    }
    if !context.start_running().await {
        return Ending {
            state: "UNKNOWN".into(),
            message: Some("the server did not let the run start".into()),
        };
    }
    context.log(
        INFO,
        format!(
            "{} on the inventory in {}",
            flow.name(),
            context.executors.inventory.describe()
        ),
    );
    let outcome = match flow {
        NativeFlow::InitializeInventory => initialize(context, &values).await,
        NativeFlow::RestockMaintenance => restock(context, &values).await,
        NativeFlow::CheckInventoryStatus => check_status(context, &values).await,
    };
    match outcome {
        Ok((summary, result, rows)) => {
            context.log(INFO, summary.clone());
            context.table_artifact(flow.name(), rows).await;
            context
                .finish("COMPLETED", "Completed", &summary, Some(result))
                .await
        }
        Err(error) => {
            let message = error.to_string();
            context.log(ERROR, message.clone());
            context.finish("FAILED", "Failed", &message, None).await
        }
    }
}

/// A flow's summary line, its result (state data), and its table rows.
type Outcome = Result<(String, Value, Vec<Value>), InventoryError>;

fn number(values: &Map<String, Value>, name: &str, default: f64) -> f64 {
    values.get(name).and_then(Value::as_f64).unwrap_or(default)
}

fn volumes(values: &Map<String, Value>, default: f64) -> Amounts {
    Amounts::new(
        number(values, "red_volume", default),
        number(values, "yellow_volume", default),
        number(values, "blue_volume", default),
    )
}

/// One table row per colour: colour, volume, status.
fn rows(stocks: &[Stock], now: Timestamp, status: impl Fn(&Stock) -> String) -> Vec<Value> {
    stocks
        .iter()
        .map(|stock| {
            json!({
                "colour": stock.colour.name(),
                "volume_ul": round1(stock.current(now)),
                "status": status(stock),
            })
        })
        .collect()
}

fn round1(volume: f64) -> f64 {
    (volume * 10.0).round() / 10.0
}

fn inventory_json(stocks: &[Stock], now: Timestamp) -> Value {
    Value::Object(
        stocks
            .iter()
            .map(|s| (s.colour.key().to_string(), s.to_json(now)))
            .collect(),
    )
}

async fn initialize(context: &RunContext, values: &Map<String, Value>) -> Outcome {
    let store = &context.executors.inventory;
    let added = volumes(values, model::DEFAULT_VOLUME_UL);
    let rate = number(
        values,
        "evaporation_rate",
        model::DEFAULT_EVAPORATION_UL_PER_HOUR,
    );
    let now = Timestamp::now();
    let (stocks, entry) = store.initialize(added, rate, "system", now).await?;
    let summary = format!(
        "Inventory initialised: red {} µL, yellow {} µL, blue {} µL, evaporation {rate} µL/h",
        added.get(Colour::Red),
        added.get(Colour::Yellow),
        added.get(Colour::Blue)
    );
    let mut result = inventory_json(&stocks, now);
    result["log_id"] = json!(entry.id);
    Ok((
        summary,
        result,
        rows(&stocks, now, |_| "initialised".into()),
    ))
}

async fn restock(context: &RunContext, values: &Map<String, Value>) -> Outcome {
    let store = &context.executors.inventory;
    let added = volumes(values, 0.0);
    let operator = values
        .get("operator")
        .and_then(Value::as_str)
        .unwrap_or("system")
        .to_string();
    let now = Timestamp::now();
    let before = store.stocks().await?;
    let (records, entry) = store.restock(added, &operator, now).await?;
    let after = store.stocks().await?;
    for record in &records {
        context.log(
            INFO,
            format!(
                "{}: {:.1} µL + {} µL = {:.1} µL ({:.1} µL evaporated)",
                record.colour.name(),
                record.previous_volume_ul,
                record.added_ul,
                record.new_volume_ul,
                record.evaporation_ul
            ),
        );
    }
    let summary = format!(
        "Restocked by {operator}: red +{} µL, yellow +{} µL, blue +{} µL (audit entry {})",
        added.get(Colour::Red),
        added.get(Colour::Yellow),
        added.get(Colour::Blue),
        entry.id
    );
    let result = json!({
        "status": "success",
        "operator": operator,
        "timestamp": now.to_string(),
        "volumes_added": {
            "red_ul": added.get(Colour::Red),
            "yellow_ul": added.get(Colour::Yellow),
            "blue_ul": added.get(Colour::Blue),
        },
        "inventory_before": inventory_json(&before, now),
        "inventory_after": inventory_json(&after, now),
        "restocked": model::restock_data(&records),
        "log_id": entry.id,
    });
    let table = rows(&after, now, |stock| {
        let add = added.get(stock.colour);
        if add > 0.0 {
            format!("restocked +{add} µL")
        } else {
            "unchanged".into()
        }
    });
    Ok((summary, result, table))
}

async fn check_status(context: &RunContext, values: &Map<String, Value>) -> Outcome {
    let store = &context.executors.inventory;
    let threshold_ml = number(values, "low_threshold_ml", model::DEFAULT_LOW_THRESHOLD_ML);
    let now = Timestamp::now();
    let stocks = store.stocks().await?;
    if stocks.is_empty() {
        return Err(InventoryError::NotInitialised(Colour::Red));
    }
    let reserved = store.reserved().await?;
    let report = model::status(&stocks, threshold_ml, now);
    for (colour, volume, level) in &report.levels {
        context.log(
            INFO,
            format!(
                "{}: {:.2} ml ({volume:.0} ul), {}",
                colour.name(),
                volume / 1000.0,
                level.label()
            ),
        );
    }
    for warning in &report.warnings {
        context.log(WARNING, warning.clone());
    }
    let result = json!({
        "timestamp": now.to_string(),
        "inventory": inventory_json(&stocks, now),
        "reserved_ul": reserved.to_json(),
        "low_threshold_ml": threshold_ml,
        "warnings": report.warnings,
        "recommendations": report.recommendations,
        "overall_status": report.overall_status,
    });
    let table = rows(&stocks, now, |stock| {
        report
            .levels
            .iter()
            .find(|l| l.0 == stock.colour)
            .map_or("?", |l| l.2.label())
            .to_string()
    });
    Ok((report.overall_status.to_string(), result, table))
}

/// Reserves the paint a mix takes (its R, Y and B parameters), runs it, then consumes the
/// paint if the run completed and releases it otherwise. A mix the stock cannot cover fails
/// before anything starts.
pub async fn with_paint_reserved<F, Fut>(context: &RunContext, run: F) -> Ending
where
    F: FnOnce() -> Fut,
    Fut: Future<Output = Ending>,
{
    let values = context.parameters();
    let mut required = Amounts::default();
    for colour in Colour::ALL {
        match values.get(colour.key()) {
            None | Some(Value::Null) => {}
            Some(value) => match value.as_f64() {
                Some(volume) if volume >= 0.0 => required.set(colour, volume),
                _ => {
                    let reason = format!(
                        "parameter '{}' must be a volume in µL, not {value}",
                        colour.key()
                    );
                    context.log(ERROR, reason.clone());
                    return context.refuse(&reason).await;
                }
            },
        }
    }
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
        let reason = error.to_string();
        context.log(ERROR, reason.clone());
        return context.refuse(&reason).await;
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
    let completed = ending.state == "COMPLETED";
    let used = completed.then_some(required);
    match store.settle(&run_id, used, Timestamp::now()).await {
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
