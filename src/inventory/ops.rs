//! The inventory flows' work, shared by the worker (which runs them as flow runs) and
//! `ot2ctl inventory --local` (which runs them on this machine's store): each returns its
//! summary, its result (the run's state data) and one table row per colour.

use jiff::Timestamp;
use serde_json::{Map, Value, json};

use super::flows::InventoryFlow;
use super::model::{self, Amounts, Colour, InventoryError, Stock};
use super::results::{
    ByColour, InitializeResult, RestockResult, StatusResult, StockView, VolumesAdded, restock_data,
};
use super::store::Store;
pub use crate::store::Report;

/// Runs a native flow with its parameters (already checked against its schema).
pub async fn run_flow(
    store: &Store,
    flow: InventoryFlow,
    values: &Map<String, Value>,
    now: Timestamp,
) -> Result<Report, InventoryError> {
    match flow {
        InventoryFlow::InitializeInventory => {
            let rate = number(
                values,
                "evaporation_rate",
                model::DEFAULT_EVAPORATION_UL_PER_HOUR,
            )?;
            let rate = model::check_evaporation("parameter 'evaporation_rate'", rate)?;
            let added = volumes(values, model::DEFAULT_VOLUME_UL)?;
            initialize(store, added, rate, now).await
        }
        InventoryFlow::RestockMaintenance => {
            let operator = text(values, "operator").unwrap_or("system");
            restock(store, volumes(values, 0.0)?, operator, now).await
        }
        InventoryFlow::CheckInventoryStatus => {
            let threshold = number(values, "low_threshold_ml", model::DEFAULT_LOW_THRESHOLD_ML)?;
            let threshold =
                model::check_low_threshold_ml("parameter 'low_threshold_ml'", threshold)?;
            check_status(store, threshold, now).await
        }
    }
}

/// A parameter's number; its default only when it was not given at all. A value that is not
/// a number (JSON has no infinity: 1e308 mL in µL arrives as null) is an error, never the
/// default in disguise.
fn number(values: &Map<String, Value>, name: &str, default: f64) -> Result<f64, InventoryError> {
    match values.get(name) {
        None => Ok(default),
        Some(value) => value.as_f64().ok_or_else(|| {
            InventoryError::Invalid(format!("parameter '{name}' must be a number, not {value}"))
        }),
    }
}

/// A parameter's text, if it was given as text.
fn text<'a>(values: &'a Map<String, Value>, name: &str) -> Option<&'a str> {
    values.get(name).and_then(Value::as_str)
}

fn volumes(values: &Map<String, Value>, default: f64) -> Result<Amounts, InventoryError> {
    let volume = |name: &str| model::check_volume_ul(name, number(values, name, default)?);
    Ok(Amounts::new(
        volume("red_volume")?,
        volume("yellow_volume")?,
        volume("blue_volume")?,
    ))
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

/// A result as the run's state data.
fn as_data<T: serde::Serialize>(result: &T) -> Value {
    serde_json::to_value(result).expect("results are plain data")
}

pub async fn initialize(
    store: &Store,
    added: Amounts,
    rate: f64,
    now: Timestamp,
) -> Result<Report, InventoryError> {
    let (stocks, entry) = store.initialize(added, rate, "system", now).await?;
    let summary = format!(
        "Inventory initialised: red {} µL, yellow {} µL, blue {} µL, evaporation {rate} µL/h",
        added.get(Colour::Red),
        added.get(Colour::Yellow),
        added.get(Colour::Blue)
    );
    let result = InitializeResult {
        inventory: ByColour::<StockView>::of(&stocks, now),
        log_id: entry.id,
    };
    Ok(Report {
        summary,
        result: as_data(&result),
        rows: rows(&stocks, now, |_| "initialised".into()),
        lines: Vec::new(),
    })
}

pub async fn restock(
    store: &Store,
    added: Amounts,
    operator: &str,
    now: Timestamp,
) -> Result<Report, InventoryError> {
    let before = store.stocks().await?;
    let (records, entry) = store.restock(added, operator, now).await?;
    let after = store.stocks().await?;
    let mut lines = Vec::new();
    for record in &records {
        lines.push((
            false,
            format!(
                "{}: {:.1} µL + {} µL = {:.1} µL ({:.1} µL evaporated)",
                record.colour.name(),
                record.previous_volume_ul,
                record.added_ul,
                record.new_volume_ul,
                record.evaporation_ul
            ),
        ));
    }
    let summary = format!(
        "Restocked by {operator}: red +{} µL, yellow +{} µL, blue +{} µL (audit entry {})",
        added.get(Colour::Red),
        added.get(Colour::Yellow),
        added.get(Colour::Blue),
        entry.id
    );
    let result = RestockResult {
        status: "success".into(),
        operator: operator.to_string(),
        timestamp: now.to_string(),
        volumes_added: VolumesAdded {
            red_ul: added.get(Colour::Red),
            yellow_ul: added.get(Colour::Yellow),
            blue_ul: added.get(Colour::Blue),
        },
        inventory_before: ByColour::<StockView>::of(&before, now),
        inventory_after: ByColour::<StockView>::of(&after, now),
        restocked: restock_data(&records),
        log_id: entry.id,
    };
    let table = rows(&after, now, |stock| {
        let add = added.get(stock.colour);
        if add > 0.0 {
            format!("restocked +{add} µL")
        } else {
            "unchanged".into()
        }
    });
    Ok(Report {
        summary,
        result: as_data(&result),
        rows: table,
        lines,
    })
}

pub async fn check_status(
    store: &Store,
    threshold_ml: f64,
    now: Timestamp,
) -> Result<Report, InventoryError> {
    let stocks = store.stocks().await?;
    if stocks.is_empty() {
        return Err(InventoryError::NotInitialised(Colour::Red));
    }
    let reserved = store.reserved().await?;
    let report = model::status(&stocks, threshold_ml, now);
    let mut lines = Vec::new();
    for (colour, volume, level) in &report.levels {
        lines.push((
            false,
            format!(
                "{}: {:.2} ml ({volume:.0} ul), {}",
                colour.name(),
                volume / 1000.0,
                level.label()
            ),
        ));
    }
    lines.extend(report.warnings.iter().map(|w| (true, w.clone())));
    let result = StatusResult {
        timestamp: now.to_string(),
        inventory: ByColour::<StockView>::of(&stocks, now),
        reserved_ul: reserved.into(),
        low_threshold_ml: threshold_ml,
        warnings: report.warnings.clone(),
        recommendations: report.recommendations.clone(),
        overall_status: report.overall_status.to_string(),
    };
    let table = rows(&stocks, now, |stock| {
        report
            .levels
            .iter()
            .find(|l| l.0 == stock.colour)
            .map_or("?", |l| l.2.label())
            .to_string()
    });
    Ok(Report {
        summary: report.overall_status.to_string(),
        result: as_data(&result),
        rows: table,
        lines,
    })
}
