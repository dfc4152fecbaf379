//! What a native flow on the lab's database did, for the worker to turn into the flow run's
//! log, result and table artifact, and for `--local` commands to print.

use serde_json::Value;

/// What a native flow did.
pub struct Report {
    pub summary: String,
    /// The run's result (its state data).
    pub result: Value,
    /// The run's table artifact, one object per row.
    pub rows: Vec<Value>,
    /// Lines for the run's log; `true` marks a warning.
    pub lines: Vec<(bool, String)>,
}
