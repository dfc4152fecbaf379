//! The lab's paint inventory rules, free of any store: three colours in reservoir positions
//! B1/B2/B3, volumes in µL that evaporate at a per-colour rate, the availability check before a
//! mix, and the status check with its warnings and recommendations. The wording of checks and
//! warnings is the lab's original scripts', so people and alerts that match on it keep working.

use jiff::Timestamp;
use serde::Serialize;
use serde_json::{Value, json};

/// Stock a colour starts with (15 mL).
pub const DEFAULT_VOLUME_UL: f64 = 15_000.0;
/// Evaporation from an open reservoir, µL per hour.
pub const DEFAULT_EVAPORATION_UL_PER_HOUR: f64 = 5.0;
/// What must stay in a reservoir after a mix.
pub const DEFAULT_MIX_THRESHOLD_UL: f64 = 100.0;
/// Below this a colour is LOW in the status check.
pub const DEFAULT_LOW_THRESHOLD_ML: f64 = 2.0;
/// What an empty colour should be restocked with, at least.
const REFILL_UL: f64 = 15_000.0;

/// What one tube of the paint rack holds: the `totalLiquidVolume` of every well of the lab's
/// rack definition (protocols/labware/ot2ctl_6_tuberack_15ml.json), 15 mL. No volume typed
/// for one colour (an initial stock, a restock) can be more.
pub const TUBE_CAPACITY_UL: f64 = 15_000.0;
/// Evaporation faster than this would empty a full tube within the hour: a typo, not a rate.
pub const MAX_EVAPORATION_UL_PER_HOUR: f64 = TUBE_CAPACITY_UL;
/// A LOW threshold above this is a typo: no reservoir of the rack holds a litre (a colour's
/// stock can exceed one tube, as restocks add to it, so the tube is not the bound here).
pub const MAX_LOW_THRESHOLD_ML: f64 = 1000.0;

/// Checks a number a person gave for a quantity: finite, and within `[0, max]`. The message
/// names the quantity, the limit and where the limit comes from.
pub fn check_quantity(
    what: &str,
    value: f64,
    max: f64,
    unit: &str,
    why: &str,
) -> Result<f64, InventoryError> {
    if value.is_finite() && (0.0..=max).contains(&value) {
        return Ok(value);
    }
    Err(InventoryError::Invalid(format!(
        "{what} must be between 0 and {max} {unit} ({why}), not {}",
        shown(value)
    )))
}

/// A number as a person reads it: `1e308`, not three hundred digits.
pub fn shown(value: f64) -> String {
    if value.is_finite() && value != 0.0 && !(1e-3..1e6).contains(&value.abs()) {
        format!("{value:e}")
    } else {
        format!("{value}")
    }
}

/// A volume for one colour, in µL: at most what a tube of the rack holds.
pub fn check_volume_ul(what: &str, value: f64) -> Result<f64, InventoryError> {
    check_quantity(
        what,
        value,
        TUBE_CAPACITY_UL,
        "µL",
        "a tube of the paint rack holds 15 mL",
    )
}

/// An evaporation rate, in µL per hour.
pub fn check_evaporation(what: &str, value: f64) -> Result<f64, InventoryError> {
    check_quantity(
        what,
        value,
        MAX_EVAPORATION_UL_PER_HOUR,
        "µL/h",
        "more would empty a full tube within the hour",
    )
}

/// The LOW threshold of the status check, in mL.
pub fn check_low_threshold_ml(what: &str, value: f64) -> Result<f64, InventoryError> {
    check_quantity(
        what,
        value,
        MAX_LOW_THRESHOLD_ML,
        "mL",
        "no reservoir of the rack holds a litre",
    )
}

/// A paint colour of the rack.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub enum Colour {
    Red,
    Yellow,
    Blue,
}

impl Colour {
    pub const ALL: [Colour; 3] = [Colour::Red, Colour::Yellow, Colour::Blue];

    /// The key the lab's database and the mix parameters use: R, Y, B.
    pub fn key(self) -> &'static str {
        match self {
            Colour::Red => "R",
            Colour::Yellow => "Y",
            Colour::Blue => "B",
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Colour::Red => "red",
            Colour::Yellow => "yellow",
            Colour::Blue => "blue",
        }
    }

    /// The reservoir's well in the paint rack.
    pub fn position(self) -> &'static str {
        match self {
            Colour::Red => "B1",
            Colour::Yellow => "B2",
            Colour::Blue => "B3",
        }
    }

    pub fn from_key(key: &str) -> Option<Colour> {
        Colour::ALL.into_iter().find(|c| c.key() == key)
    }

    fn index(self) -> usize {
        self as usize
    }

    fn capitalised(self) -> &'static str {
        match self {
            Colour::Red => "Red",
            Colour::Yellow => "Yellow",
            Colour::Blue => "Blue",
        }
    }
}

/// A volume per colour, in µL.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Amounts([f64; 3]);

impl Amounts {
    pub fn new(red: f64, yellow: f64, blue: f64) -> Amounts {
        Amounts([red, yellow, blue])
    }

    pub fn get(&self, colour: Colour) -> f64 {
        self.0[colour.index()]
    }

    pub fn set(&mut self, colour: Colour, volume: f64) {
        self.0[colour.index()] = volume;
    }

    pub fn iter(&self) -> impl Iterator<Item = (Colour, f64)> + '_ {
        Colour::ALL.into_iter().map(|c| (c, self.get(c)))
    }

    pub fn total(&self) -> f64 {
        self.0.iter().sum()
    }

    /// `{"R": .., "Y": .., "B": ..}`.
    pub fn to_json(self) -> Value {
        json!({"R": self.0[0], "Y": self.0[1], "B": self.0[2]})
    }
}

/// One colour's record as stored.
#[derive(Debug, Clone, PartialEq)]
pub struct Stock {
    pub colour: Colour,
    pub volume_ul: f64,
    pub last_updated: Timestamp,
    pub evaporation_rate_ul_per_hour: f64,
}

impl Stock {
    /// µL lost since the record was written. A clock that went backwards loses nothing.
    pub fn evaporated(&self, now: Timestamp) -> f64 {
        let hours = self.last_updated.duration_until(now).as_secs_f64() / 3600.0;
        hours.max(0.0) * self.evaporation_rate_ul_per_hour
    }

    /// What is in the reservoir now: `max(0, stored − hours × rate)`.
    pub fn current(&self, now: Timestamp) -> f64 {
        (self.volume_ul - self.evaporated(now)).max(0.0)
    }

    /// The record after evaporation up to `now` and `change` (negative: used).
    pub fn changed(&self, change: f64, now: Timestamp) -> Stock {
        Stock {
            volume_ul: (self.current(now) + change).max(0.0),
            last_updated: now,
            ..self.clone()
        }
    }
}

/// Why an inventory operation cannot be done; the message is for people.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum InventoryError {
    /// The lab's original wording, which alerts may match on.
    #[error(
        "Insufficient stock for: {}. Please restock before proceeding.",
        .0.join(", ")
    )]
    Insufficient(Vec<String>),
    #[error(
        "Inventory not initialized for color {}. Run initialize-inventory first (`ot2ctl inventory init`).",
        .0.key()
    )]
    NotInitialised(Colour),
    #[error("{0}")]
    Invalid(String),
    #[error("the inventory store failed: {0}")]
    Store(String),
}

impl From<crate::store::StoreError> for InventoryError {
    fn from(error: crate::store::StoreError) -> InventoryError {
        match error {
            crate::store::StoreError::Invalid(text) => InventoryError::Invalid(text),
            crate::store::StoreError::Failed(text) => InventoryError::Store(text),
        }
    }
}

/// The availability check before a mix: every colour must hold what the mix takes plus
/// `threshold`, counting what other runs have reserved as gone. `Err` names each short colour.
pub fn check_availability(
    stocks: &[Stock],
    reserved: Amounts,
    required: Amounts,
    threshold: f64,
    now: Timestamp,
) -> Result<(), InventoryError> {
    let mut short = Vec::new();
    for colour in Colour::ALL {
        let Some(stock) = stocks.iter().find(|s| s.colour == colour) else {
            return Err(InventoryError::NotInitialised(colour));
        };
        let available = (stock.current(now) - reserved.get(colour)).max(0.0);
        let needed = required.get(colour) + threshold;
        if available < needed {
            short.push(format!(
                "{} (available: {available:.1} ul, required: {needed:.1} ul)",
                colour.name()
            ));
        }
    }
    if short.is_empty() {
        Ok(())
    } else {
        Err(InventoryError::Insufficient(short))
    }
}

/// A colour's level in the status check.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum Level {
    #[serde(rename = "OUT OF STOCK")]
    OutOfStock,
    #[serde(rename = "LOW")]
    Low,
    #[serde(rename = "adequate")]
    Adequate,
}

impl Level {
    /// OUT OF STOCK at 0, LOW under the threshold, else adequate.
    pub fn of(volume_ul: f64, low_threshold_ul: f64) -> Level {
        if volume_ul <= 0.0 {
            Level::OutOfStock
        } else if volume_ul < low_threshold_ul {
            Level::Low
        } else {
            Level::Adequate
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Level::OutOfStock => "OUT OF STOCK",
            Level::Low => "LOW",
            Level::Adequate => "adequate",
        }
    }
}

/// The status check's answer.
#[derive(Debug, Clone, PartialEq)]
pub struct StatusReport {
    pub levels: Vec<(Colour, f64, Level)>,
    pub warnings: Vec<String>,
    pub recommendations: Vec<String>,
    pub overall_status: &'static str,
}

/// Levels, warnings and recommendations at `low_threshold_ml`, worded as the lab's scripts.
pub fn status(stocks: &[Stock], low_threshold_ml: f64, now: Timestamp) -> StatusReport {
    let low_threshold_ul = low_threshold_ml * 1000.0;
    let mut report = StatusReport {
        levels: Vec::new(),
        warnings: Vec::new(),
        recommendations: Vec::new(),
        overall_status: "All colors adequately stocked",
    };
    for stock in stocks {
        let colour = stock.colour;
        let volume = stock.current(now);
        let ml = volume / 1000.0;
        let level = Level::of(volume, low_threshold_ul);
        match level {
            Level::OutOfStock => {
                report.warnings.push(format!(
                    "{} is OUT OF STOCK (0 ml) - RESTOCK IMMEDIATELY",
                    colour.capitalised()
                ));
                report.recommendations.push(format!(
                    "Restock {} with at least {} ml ({} ul)",
                    colour.name(),
                    REFILL_UL / 1000.0,
                    REFILL_UL
                ));
            }
            Level::Low => {
                report.warnings.push(format!(
                    "{} is LOW ({ml:.2} ml) - restock recommended",
                    colour.capitalised()
                ));
                report.recommendations.push(format!(
                    "Restock {} soon (current: {ml:.2} ml)",
                    colour.name()
                ));
            }
            Level::Adequate => {}
        }
        report.levels.push((colour, volume, level));
    }
    if !report.warnings.is_empty() {
        report.overall_status = "Action required";
    }
    report
}

/// What a restock did to one colour, for its result and audit entry.
#[derive(Debug, Clone, PartialEq)]
pub struct Restocked {
    pub colour: Colour,
    pub previous_volume_ul: f64,
    pub added_ul: f64,
    pub new_volume_ul: f64,
    pub evaporation_ul: f64,
}

/// Restocking `stocks` with `added` at `now`: colours with nothing added are skipped, and a
/// colour that was never initialised is an error (nothing is changed then).
pub fn restock(
    stocks: &[Stock],
    added: Amounts,
    now: Timestamp,
) -> Result<Vec<(Stock, Restocked)>, InventoryError> {
    let mut changes = Vec::new();
    for (colour, add) in added.iter() {
        if add < 0.0 {
            return Err(InventoryError::Invalid(format!(
                "cannot restock {} with a negative volume ({add} ul)",
                colour.name()
            )));
        }
        if add == 0.0 {
            continue;
        }
        let stock = stocks
            .iter()
            .find(|s| s.colour == colour)
            .ok_or(InventoryError::NotInitialised(colour))?;
        let updated = stock.changed(add, now);
        let record = Restocked {
            colour,
            previous_volume_ul: stock.current(now),
            added_ul: add,
            new_volume_ul: updated.volume_ul,
            evaporation_ul: stock.evaporated(now),
        };
        changes.push((updated, record));
    }
    Ok(changes)
}

/// The records `initialize-inventory` writes.
pub fn initial_stocks(
    volumes: Amounts,
    rate: f64,
    now: Timestamp,
) -> Result<Vec<Stock>, InventoryError> {
    if !(rate >= 0.0 && rate.is_finite()) {
        return Err(InventoryError::Invalid(format!(
            "the evaporation rate must be 0 or more ul per hour, not {rate}"
        )));
    }
    Colour::ALL
        .into_iter()
        .map(|colour| {
            let volume = volumes.get(colour);
            if !(volume >= 0.0 && volume.is_finite()) {
                return Err(InventoryError::Invalid(format!(
                    "the {} volume must be 0 or more ul, not {volume}",
                    colour.name()
                )));
            }
            Ok(Stock {
                colour,
                volume_ul: volume,
                last_updated: now,
                evaporation_rate_ul_per_hour: rate,
            })
        })
        .collect()
}

/// One audit entry: a restock or an initialisation.
#[derive(Debug, Clone, PartialEq)]
pub struct AuditEntry {
    pub id: String,
    pub timestamp: Timestamp,
    pub operator: String,
    /// `manual_restock` or `initialize`.
    pub operation_type: String,
    /// Per colour key: what was there, what was added, what is there now.
    pub restock_data: Value,
}

impl AuditEntry {
    pub fn to_json(&self) -> Value {
        json!({
            "id": self.id,
            "timestamp": self.timestamp.to_string(),
            "operator": self.operator,
            "operation_type": self.operation_type,
            "restock_data": self.restock_data,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str) -> Timestamp {
        text.parse().unwrap()
    }

    fn stock(colour: Colour, volume: f64, updated: &str) -> Stock {
        Stock {
            colour,
            volume_ul: volume,
            last_updated: at(updated),
            evaporation_rate_ul_per_hour: 5.0,
        }
    }

    #[test]
    fn evaporation_follows_the_formula_and_never_goes_below_zero() {
        let red = stock(Colour::Red, 14_880.0, "2026-01-01T00:00:00Z");
        let now = at("2026-01-01T02:30:00Z");
        assert_eq!(red.evaporated(now), 12.5);
        assert_eq!(red.current(now), 14_867.5);
        let nearly_empty = stock(Colour::Red, 3.0, "2026-01-01T00:00:00Z");
        assert_eq!(nearly_empty.current(now), 0.0);
        // A clock that went backwards does not add paint.
        assert_eq!(red.current(at("2025-12-31T00:00:00Z")), 14_880.0);
    }

    #[test]
    fn availability_needs_the_mix_plus_the_threshold_in_every_colour() {
        let now = at("2026-01-01T00:00:00Z");
        let stocks = vec![
            stock(Colour::Red, 1000.0, "2026-01-01T00:00:00Z"),
            stock(Colour::Yellow, 45.0, "2026-01-01T00:00:00Z"),
            stock(Colour::Blue, 1000.0, "2026-01-01T00:00:00Z"),
        ];
        let error = check_availability(
            &stocks,
            Amounts::default(),
            Amounts::new(120.0, 50.0, 80.0),
            100.0,
            now,
        )
        .unwrap_err();
        assert_eq!(
            error.to_string(),
            "Insufficient stock for: yellow (available: 45.0 ul, required: 150.0 ul). Please restock before proceeding."
        );
        // Exactly the mix plus the threshold is enough; reservations of other runs count.
        let stocks = vec![
            stock(Colour::Red, 220.0, "2026-01-01T00:00:00Z"),
            stock(Colour::Yellow, 150.0, "2026-01-01T00:00:00Z"),
            stock(Colour::Blue, 180.0, "2026-01-01T00:00:00Z"),
        ];
        let mix = Amounts::new(120.0, 50.0, 80.0);
        assert!(check_availability(&stocks, Amounts::default(), mix, 100.0, now).is_ok());
        let reserved = Amounts::new(0.1, 0.0, 0.0);
        let error = check_availability(&stocks, reserved, mix, 100.0, now).unwrap_err();
        assert!(
            error
                .to_string()
                .contains("red (available: 219.9 ul, required: 220.0 ul)")
        );
        assert_eq!(
            check_availability(&stocks[..2], Amounts::default(), mix, 100.0, now),
            Err(InventoryError::NotInitialised(Colour::Blue))
        );
    }

    #[test]
    fn status_levels_change_exactly_at_the_limits() {
        let now = at("2026-01-01T00:00:00Z");
        let report = status(
            &[
                stock(Colour::Red, 0.0, "2026-01-01T00:00:00Z"),
                stock(Colour::Yellow, 1999.0, "2026-01-01T00:00:00Z"),
                stock(Colour::Blue, 2000.0, "2026-01-01T00:00:00Z"),
            ],
            2.0,
            now,
        );
        let levels: Vec<Level> = report.levels.iter().map(|l| l.2).collect();
        assert_eq!(levels, [Level::OutOfStock, Level::Low, Level::Adequate]);
        assert_eq!(
            report.warnings,
            [
                "Red is OUT OF STOCK (0 ml) - RESTOCK IMMEDIATELY",
                "Yellow is LOW (2.00 ml) - restock recommended"
            ]
        );
        assert_eq!(
            report.recommendations,
            [
                "Restock red with at least 15 ml (15000 ul)",
                "Restock yellow soon (current: 2.00 ml)"
            ]
        );
        assert_eq!(report.overall_status, "Action required");
        let fine = status(
            &[stock(Colour::Red, 0.001, "2026-01-01T00:00:00Z")],
            0.000001,
            now,
        );
        assert_eq!(fine.overall_status, "All colors adequately stocked");
    }

    #[test]
    fn restock_adds_after_evaporation_and_skips_zero_amounts() {
        let now = at("2026-01-01T10:00:00Z");
        let stocks = vec![
            stock(Colour::Red, 1000.0, "2026-01-01T00:00:00Z"),
            stock(Colour::Yellow, 1000.0, "2026-01-01T00:00:00Z"),
        ];
        let changes = restock(&stocks, Amounts::new(10_000.0, 0.0, 0.0), now).unwrap();
        assert_eq!(changes.len(), 1);
        let (updated, record) = &changes[0];
        assert_eq!(updated.volume_ul, 10_950.0);
        assert_eq!(updated.last_updated, now);
        assert_eq!(record.previous_volume_ul, 950.0);
        assert_eq!(record.evaporation_ul, 50.0);
        assert_eq!(
            restock(&stocks, Amounts::new(0.0, 0.0, 5.0), now),
            Err(InventoryError::NotInitialised(Colour::Blue))
        );
        assert!(restock(&stocks, Amounts::new(-1.0, 0.0, 0.0), now).is_err());
    }
}
