//! The inventory flows' results as types: what a run's state data holds (field for field as
//! the lab's scripts returned it), written by the flows and read back by `ot2ctl inventory`
//! whether the flow ran here or on a worker.

use jiff::Timestamp;
use serde::{Deserialize, Serialize};

use super::model::{Amounts, Colour, Restocked, Stock};

/// One colour's reservoir as a result shows it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StockView {
    pub color: String,
    pub position: String,
    /// After evaporation up to the result's time.
    pub volume_ul: f64,
    pub stored_volume_ul: f64,
    pub evaporation_loss_ul: f64,
    pub evaporation_rate_ul_per_hour: f64,
    pub last_updated: String,
}

impl StockView {
    pub fn of(stock: &Stock, now: Timestamp) -> StockView {
        StockView {
            color: stock.colour.name().into(),
            position: stock.colour.position().into(),
            volume_ul: stock.current(now),
            stored_volume_ul: stock.volume_ul,
            evaporation_loss_ul: stock.evaporated(now),
            evaporation_rate_ul_per_hour: stock.evaporation_rate_ul_per_hour,
            last_updated: stock.last_updated.to_string(),
        }
    }
}

/// Something per colour, keyed `R`, `Y`, `B` as the lab's documents are; a colour never
/// initialised is left out.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ByColour<T> {
    #[serde(rename = "R", skip_serializing_if = "Option::is_none")]
    pub red: Option<T>,
    #[serde(rename = "Y", skip_serializing_if = "Option::is_none")]
    pub yellow: Option<T>,
    #[serde(rename = "B", skip_serializing_if = "Option::is_none")]
    pub blue: Option<T>,
}

impl<T> Default for ByColour<T> {
    fn default() -> Self {
        ByColour {
            red: None,
            yellow: None,
            blue: None,
        }
    }
}

impl<T> ByColour<T> {
    pub fn get(&self, colour: Colour) -> Option<&T> {
        match colour {
            Colour::Red => self.red.as_ref(),
            Colour::Yellow => self.yellow.as_ref(),
            Colour::Blue => self.blue.as_ref(),
        }
    }

    pub fn set(&mut self, colour: Colour, value: T) {
        let slot = match colour {
            Colour::Red => &mut self.red,
            Colour::Yellow => &mut self.yellow,
            Colour::Blue => &mut self.blue,
        };
        *slot = Some(value);
    }

    /// The colours present, in the rack's order.
    pub fn iter(&self) -> impl Iterator<Item = (Colour, &T)> {
        Colour::ALL
            .into_iter()
            .filter_map(|colour| Some((colour, self.get(colour)?)))
    }
}

impl ByColour<StockView> {
    pub fn of(stocks: &[Stock], now: Timestamp) -> ByColour<StockView> {
        let mut views = ByColour::default();
        for stock in stocks {
            views.set(stock.colour, StockView::of(stock, now));
        }
        views
    }
}

impl From<Amounts> for ByColour<f64> {
    fn from(amounts: Amounts) -> Self {
        let mut each = ByColour::default();
        for (colour, volume) in amounts.iter() {
            each.set(colour, volume);
        }
        each
    }
}

/// What a restock did to one colour.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RestockView {
    pub color: String,
    pub previous_volume_ul: f64,
    pub added_ul: f64,
    pub new_volume_ul: f64,
    pub evaporation_ul: f64,
}

impl From<&Restocked> for RestockView {
    fn from(record: &Restocked) -> Self {
        RestockView {
            color: record.colour.name().into(),
            previous_volume_ul: record.previous_volume_ul,
            added_ul: record.added_ul,
            new_volume_ul: record.new_volume_ul,
            evaporation_ul: record.evaporation_ul,
        }
    }
}

/// The audit data of a restock as the lab's `restock_log` holds it.
pub fn restock_data(records: &[Restocked]) -> ByColour<RestockView> {
    let mut data = ByColour::default();
    for record in records {
        data.set(record.colour, RestockView::from(record));
    }
    data
}

/// The same, as the JSON an audit entry keeps.
pub fn restock_json(records: &[Restocked]) -> serde_json::Value {
    serde_json::to_value(restock_data(records)).expect("audit data is plain data")
}

/// One colour's change in an audit entry, as written by ot2ctl or by the lab's scripts
/// (which may leave fields out).
#[derive(Debug, Clone, Default, Deserialize)]
pub struct AuditChange {
    pub previous_volume_ul: Option<f64>,
    pub new_volume_ul: Option<f64>,
}

/// `initialize-inventory`'s result: the three colours and the audit entry.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct InitializeResult {
    #[serde(flatten)]
    pub inventory: ByColour<StockView>,
    pub log_id: String,
}

/// The µL added to each colour, as the lab's restock result names them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct VolumesAdded {
    pub red_ul: f64,
    pub yellow_ul: f64,
    pub blue_ul: f64,
}

/// `restock-maintenance`'s result.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RestockResult {
    pub status: String,
    pub operator: String,
    pub timestamp: String,
    pub volumes_added: VolumesAdded,
    pub inventory_before: ByColour<StockView>,
    pub inventory_after: ByColour<StockView>,
    pub restocked: ByColour<RestockView>,
    pub log_id: String,
}

/// `check-inventory-status`'s result.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StatusResult {
    pub timestamp: String,
    pub inventory: ByColour<StockView>,
    pub reserved_ul: ByColour<f64>,
    pub low_threshold_ml: f64,
    pub warnings: Vec<String>,
    pub recommendations: Vec<String>,
    pub overall_status: String,
}
