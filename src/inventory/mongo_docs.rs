//! The lab's MongoDB inventory, as documents and update operations: database `LCM-OT-2-SLD`,
//! collection `inventory` (one document per colour: `color_key`, `color`, `position`,
//! `volume_ul`, `last_updated` as a BSON date, `evaporation_rate_ul_per_hour`) and collection
//! `restock_log` (`timestamp`, `operator`, `restock_data`, `operation_type`), unchanged.
//!
//! Every change is one atomic single-document update whose pipeline applies evaporation up to
//! the given time on the server, from the document's own fields; a subtraction carries its
//! guard in the filter, so it matches nothing (and changes nothing) when the paint is not
//! there. Nothing is read and then written back. Built here without the driver, so that the
//! documents and operations are unit-tested in every build.

use bson::{Bson, DateTime, Document, doc};
use jiff::Timestamp;

use super::model::{AuditEntry, Colour, InventoryError, Stock};

pub const INVENTORY: &str = "inventory";
pub const RESTOCK_LOG: &str = "restock_log";

const MS_PER_HOUR: f64 = 3_600_000.0;

pub use crate::store::bson_time::date;

fn timestamp(date: DateTime) -> Result<Timestamp, InventoryError> {
    Ok(crate::store::bson_time::timestamp(date)?)
}

/// A colour's document, as the lab's `initialize_inventory` writes it.
pub fn stock_document(stock: &Stock) -> Document {
    doc! {
        "color_key": stock.colour.key(),
        "color": stock.colour.name(),
        "position": stock.colour.position(),
        "volume_ul": stock.volume_ul,
        "last_updated": date(stock.last_updated),
        "evaporation_rate_ul_per_hour": stock.evaporation_rate_ul_per_hour,
    }
}

/// The filter that finds a colour's document.
pub fn colour_filter(colour: Colour) -> Document {
    doc! { "color_key": colour.key() }
}

/// Reads a colour's document. Volumes and rates may be stored as any BSON number (the lab's
/// Python wrote the initial volumes as integers).
pub fn stock_from_document(document: &Document) -> Result<Stock, InventoryError> {
    let bad = |what: &str| {
        InventoryError::Store(format!(
            "an inventory document has no valid {what}: {document}"
        ))
    };
    let key = document
        .get_str("color_key")
        .map_err(|_| bad("color_key"))?;
    let colour = Colour::from_key(key).ok_or_else(|| bad("color_key (R, Y or B)"))?;
    let number = |field: &str| match document.get(field) {
        Some(Bson::Double(n)) => Some(*n),
        Some(Bson::Int32(n)) => Some(f64::from(*n)),
        Some(Bson::Int64(n)) => Some(*n as f64),
        _ => None,
    };
    let last_updated = match document.get_datetime("last_updated") {
        Ok(when) => timestamp(*when)?,
        Err(_) => return Err(bad("last_updated date")),
    };
    Ok(Stock {
        colour,
        volume_ul: number("volume_ul").ok_or_else(|| bad("volume_ul"))?,
        last_updated,
        evaporation_rate_ul_per_hour: number("evaporation_rate_ul_per_hour")
            .ok_or_else(|| bad("evaporation_rate_ul_per_hour"))?,
    })
}

/// `max(0, volume_ul − hours since last_updated × rate)` at `now`, computed by the server from
/// the document being updated.
pub fn current_volume(now: Timestamp) -> Bson {
    Bson::Document(doc! {
        "$max": [
            0.0,
            { "$subtract": [
                "$volume_ul",
                { "$multiply": [
                    { "$max": [0.0, { "$divide": [{ "$subtract": [date(now), "$last_updated"] }, MS_PER_HOUR] }] },
                    "$evaporation_rate_ul_per_hour",
                ] },
            ] },
        ]
    })
}

/// A guarded subtraction of `volume` µL (plus keeping `keep` µL in the reservoir) at `now`:
/// the filter matches only if the paint is there, the pipeline applies evaporation and takes
/// the volume. Zero matches means the colour is short (or not initialised).
pub fn take(colour: Colour, volume: f64, keep: f64, now: Timestamp) -> (Document, Vec<Document>) {
    let mut filter = colour_filter(colour);
    filter.insert(
        "$expr",
        doc! { "$gte": [current_volume(now), volume + keep] },
    );
    (filter, change(-volume, now))
}

/// Adds `volume` µL after evaporation at `now` (a restock, or a reservation given back).
pub fn give(colour: Colour, volume: f64, now: Timestamp) -> (Document, Vec<Document>) {
    (colour_filter(colour), change(volume, now))
}

fn change(delta: f64, now: Timestamp) -> Vec<Document> {
    vec![doc! {
        "$set": {
            "volume_ul": { "$max": [0.0, { "$add": [current_volume(now), delta] }] },
            "last_updated": date(now),
        }
    }]
}

/// The `restock_log` document of an audit entry.
pub fn audit_document(entry: &AuditEntry) -> Result<Document, InventoryError> {
    let data = bson::serialize_to_bson(&entry.restock_data)
        .map_err(|e| InventoryError::Store(format!("cannot encode the audit entry: {e}")))?;
    Ok(doc! {
        "timestamp": date(entry.timestamp),
        "operator": entry.operator.as_str(),
        "restock_data": data,
        "operation_type": entry.operation_type.as_str(),
    })
}

/// An audit entry read back from `restock_log`.
pub fn audit_from_document(document: &Document) -> Result<AuditEntry, InventoryError> {
    let bad = |what: &str| {
        InventoryError::Store(format!(
            "a restock_log document has no valid {what}: {document}"
        ))
    };
    // MongoDB gives every document an ObjectId `_id` unless it was written with another.
    let id = document
        .get_object_id("_id")
        .map(|id| id.to_hex())
        .unwrap_or_default();
    let timestamp = match document.get_datetime("timestamp") {
        Ok(when) => timestamp(*when)?,
        Err(_) => return Err(bad("timestamp")),
    };
    let data = document
        .get_document("restock_data")
        .map_or(Bson::Null, |data| Bson::Document(data.clone()))
        .into_relaxed_extjson();
    Ok(AuditEntry {
        id,
        timestamp,
        operator: document.get_str("operator").unwrap_or("").to_string(),
        operation_type: document
            .get_str("operation_type")
            .map_err(|_| bad("operation_type"))?
            .to_string(),
        restock_data: data,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    /// Evaluates the aggregation expressions the updates use, against one document, the way
    /// the server does: enough to check what the filters and pipelines mean.
    fn eval(expression: &Bson, document: &Document) -> Bson {
        match expression {
            Bson::String(path) if path.starts_with('$') => {
                document.get(&path[1..]).cloned().unwrap_or(Bson::Null)
            }
            Bson::Document(operator) => {
                let (name, arguments) = operator.iter().next().unwrap();
                let values: Vec<Bson> = arguments
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|a| eval(a, document))
                    .collect();
                let n = |b: &Bson| match b {
                    Bson::Double(x) => *x,
                    Bson::Int32(x) => f64::from(*x),
                    Bson::Int64(x) => *x as f64,
                    Bson::DateTime(d) => d.timestamp_millis() as f64,
                    other => panic!("not a number: {other}"),
                };
                match name.as_str() {
                    "$max" => Bson::Double(n(&values[0]).max(n(&values[1]))),
                    "$add" => Bson::Double(n(&values[0]) + n(&values[1])),
                    "$subtract" => Bson::Double(n(&values[0]) - n(&values[1])),
                    "$multiply" => Bson::Double(n(&values[0]) * n(&values[1])),
                    "$divide" => Bson::Double(n(&values[0]) / n(&values[1])),
                    "$gte" => Bson::Boolean(n(&values[0]) >= n(&values[1])),
                    other => panic!("operator {other} is not evaluated here"),
                }
            }
            literal => literal.clone(),
        }
    }

    /// Applies an update (filter + pipeline) to a document: `None` if the filter does not match.
    fn apply(update: &(Document, Vec<Document>), document: &Document) -> Option<Document> {
        let (filter, pipeline) = update;
        for (key, wanted) in filter {
            let matches = if key == "$expr" {
                eval(wanted, document) == Bson::Boolean(true)
            } else {
                document.get(key) == Some(wanted)
            };
            if !matches {
                return None;
            }
        }
        let mut updated = document.clone();
        for stage in pipeline {
            for (field, expression) in stage.get_document("$set").unwrap() {
                updated.insert(field, eval(expression, document));
            }
        }
        Some(updated)
    }

    fn at(text: &str) -> Timestamp {
        text.parse().unwrap()
    }

    /// A document as the lab's Python wrote it: integer volume, float rate.
    fn lab_document(volume: i32, updated: &str) -> Document {
        doc! {
            "_id": bson::oid::ObjectId::new(),
            "color_key": "R",
            "color": "red",
            "position": "B1",
            "volume_ul": volume,
            "last_updated": date(at(updated)),
            "evaporation_rate_ul_per_hour": 5.0,
        }
    }

    #[test]
    fn documents_have_the_labs_fields_and_types() {
        let stock = Stock {
            colour: Colour::Yellow,
            volume_ul: 15_000.0,
            last_updated: at("2026-01-01T08:00:00.123Z"),
            evaporation_rate_ul_per_hour: 5.0,
        };
        let document = stock_document(&stock);
        let fields: Vec<(&str, bson::spec::ElementType)> = document
            .iter()
            .map(|(k, v)| (k.as_str(), v.element_type()))
            .collect();
        use bson::spec::ElementType as T;
        assert_eq!(
            fields,
            [
                ("color_key", T::String),
                ("color", T::String),
                ("position", T::String),
                ("volume_ul", T::Double),
                ("last_updated", T::DateTime),
                ("evaporation_rate_ul_per_hour", T::Double),
            ]
        );
        assert_eq!(document.get_str("position").unwrap(), "B2");
        assert_eq!(stock_from_document(&document).unwrap(), stock);
        // The lab's own documents, with integer volumes, read the same way.
        let read = stock_from_document(&lab_document(15_000, "2026-01-01T00:00:00Z")).unwrap();
        assert_eq!(read.volume_ul, 15_000.0);

        let entry = AuditEntry {
            id: String::new(),
            timestamp: at("2026-01-01T09:00:00Z"),
            operator: "lab_tech_1".into(),
            operation_type: "manual_restock".into(),
            restock_data: json!({"R": {"color": "red", "previous_volume_ul": 100.0,
                "added_ul": 10000.0, "new_volume_ul": 10100.0, "evaporation_ul": 0.5}}),
        };
        let log = audit_document(&entry).unwrap();
        let keys: Vec<&str> = log.keys().map(String::as_str).collect();
        assert_eq!(
            keys,
            ["timestamp", "operator", "restock_data", "operation_type"]
        );
        assert!(matches!(log.get("timestamp"), Some(Bson::DateTime(_))));
        assert_eq!(
            log.get_document("restock_data")
                .unwrap()
                .get_document("R")
                .unwrap()
                .get_f64("added_ul")
                .unwrap(),
            10_000.0
        );
        let back = audit_from_document(&log).unwrap();
        assert_eq!(back.restock_data, entry.restock_data);
        assert_eq!(back.operator, "lab_tech_1");
    }

    #[test]
    fn the_guarded_subtraction_applies_evaporation_and_refuses_to_go_below_what_must_stay() {
        // 1000 µL written at 00:00; at 02:00, 10 µL have evaporated: 990 µL are there.
        let document = lab_document(1000, "2026-01-01T00:00:00Z");
        let now = at("2026-01-01T02:00:00Z");
        let taken = apply(&take(Colour::Red, 890.0, 100.0, now), &document).unwrap();
        assert_eq!(taken.get_f64("volume_ul").unwrap(), 100.0);
        assert_eq!(taken.get("last_updated"), Some(&Bson::DateTime(date(now))));
        // 890.1 + 100 > 990: the filter matches nothing, so nothing changes.
        assert_eq!(
            apply(&take(Colour::Red, 890.1, 100.0, now), &document),
            None
        );
        // Another colour's document is never touched.
        assert_eq!(apply(&take(Colour::Blue, 1.0, 0.0, now), &document), None);
        // Giving back (or restocking) adds after evaporation.
        let given = apply(&give(Colour::Red, 500.0, now), &document).unwrap();
        assert_eq!(given.get_f64("volume_ul").unwrap(), 1490.0);
        // An empty reservoir stays at zero, never negative.
        let dry = lab_document(3, "2026-01-01T00:00:00Z");
        let given = apply(&give(Colour::Red, 0.0, now), &dry).unwrap();
        assert_eq!(given.get_f64("volume_ul").unwrap(), 0.0);
    }
}
