//! How runs are executed, chosen once when the worker starts.

use std::sync::Arc;

use super::python_flow;

/// How runs are executed, chosen once when the worker starts.
#[derive(Debug, Clone)]
pub struct Executors {
    /// What every executor shares.
    pub settings: Arc<crate::executor::Settings>,
    /// How OT-2 protocols run.
    pub ot2: crate::ot2::Runner,
    pub python: PythonFlows,
    /// The lab's database, where the inventory and the plate are kept.
    pub database: crate::store::Database,
    /// The paint inventory that native flows and `ot2+inventory:` protocols use.
    pub inventory: crate::inventory::Store,
    /// The plate whose wells mixes reserve and use.
    pub plates: crate::plate::Plates,
    /// The colour sensor measurements read; `None` when the worker's environment names none.
    pub sensor: Option<crate::sensor::SensorSettings>,
}

impl Executors {
    /// Executors on `database`'s inventory and plate.
    pub fn new(
        settings: crate::executor::Settings,
        ot2: crate::ot2::Runner,
        python: PythonFlows,
        database: crate::store::Database,
    ) -> Executors {
        Executors {
            settings: Arc::new(settings),
            ot2,
            python,
            inventory: crate::inventory::Store::on(&database),
            plates: crate::plate::Plates::on(&database),
            database,
            sensor: None,
        }
    }

    /// The same, reading the colour sensor `sensor`.
    pub fn with_sensor(self, sensor: Option<crate::sensor::SensorSettings>) -> Executors {
        Executors { sensor, ..self }
    }
}

/// Whether the worker runs Python flows, and with which engine.
#[derive(Debug, Clone)]
pub enum PythonFlows {
    Off,
    Engine(python_flow::Engine),
}
