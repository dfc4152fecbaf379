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
    /// The paint inventory that native flows and `ot2+inventory:` protocols use.
    pub inventory: crate::inventory::Store,
}

/// Whether the worker runs Python flows, and with which engine.
#[derive(Debug, Clone)]
pub enum PythonFlows {
    Off,
    Engine(python_flow::Engine),
}
