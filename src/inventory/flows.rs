//! The inventory flows the ot2ctl worker runs itself, without Python: a deployment names one
//! with the entrypoint `ot2ctl:<flow name>`. Their parameters are the lab's inventory scripts',
//! written as the Python signatures they replace, so `ot2ctl deploy` gives them the same
//! parameter schema Prefect would.

/// A flow the worker runs natively.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InventoryFlow {
    InitializeInventory,
    RestockMaintenance,
    CheckInventoryStatus,
}

impl InventoryFlow {
    pub const ALL: [InventoryFlow; 3] = [
        InventoryFlow::InitializeInventory,
        InventoryFlow::RestockMaintenance,
        InventoryFlow::CheckInventoryStatus,
    ];

    /// The flow's (and its deployment's) name.
    pub fn name(self) -> &'static str {
        match self {
            InventoryFlow::InitializeInventory => "initialize-inventory",
            InventoryFlow::RestockMaintenance => "restock-maintenance",
            InventoryFlow::CheckInventoryStatus => "check-inventory-status",
        }
    }

    /// The function of [`SIGNATURES`] that declares its parameters.
    pub fn function(self) -> &'static str {
        match self {
            InventoryFlow::InitializeInventory => "initialize_inventory",
            InventoryFlow::RestockMaintenance => "restock_maintenance",
            InventoryFlow::CheckInventoryStatus => "check_inventory_status",
        }
    }
}

/// The parameter contract of the native flows, as Python signatures.
pub const SIGNATURES: &str = r#"
@flow(name="initialize-inventory")
def initialize_inventory(
    red_volume: float = 15000,
    yellow_volume: float = 15000,
    blue_volume: float = 15000,
    evaporation_rate: float = 5.0,
):
    """Set the stock of every colour, e.g. after filling fresh tubes.

    Args:
        red_volume: red paint in its tube, in µL
        yellow_volume: yellow paint in its tube, in µL
        blue_volume: blue paint in its tube, in µL
        evaporation_rate: how fast paint evaporates, in µL per hour
    """


@flow(name="restock-maintenance")
def restock_maintenance(
    red_volume: float = 0, yellow_volume: float = 0, blue_volume: float = 0, operator: str = "system"
):
    """Add paint to the reservoirs and record who did it.

    Args:
        red_volume: red paint added, in µL
        yellow_volume: yellow paint added, in µL
        blue_volume: blue paint added, in µL
        operator: who restocked, for the audit log
    """


@flow(name="check-inventory-status")
def check_inventory_status(low_threshold_ml: float = 2.0):
    """Report which colours are out of stock or running low.

    Args:
        low_threshold_ml: below this many mL a colour counts as low
    """
"#;
