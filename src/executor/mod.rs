//! What an executor gets and gives back: the floor between the worker, which claims runs and
//! owns every state transition, and the executors that do the work (OT-2 protocols in
//! [`crate::ot2`], Python flows and the native inventory flows in [`crate::worker`]).
//!
//! An executor is handed a [`RunContext`] (the run, its deployment, logging, the gate to
//! RUNNING, cancellation) and returns an [`Outcome`]; it never proposes a state. The worker
//! turns the outcome into the run's final state (`worker::states`), the way Prefect's base
//! worker alone proposes states for what its infrastructure reports.

mod context;
pub mod control;
mod outcome;
pub mod process;
pub mod retry;
pub mod source;

pub use context::{
    CANCEL_CHECK, Level, Places, RunContext, RunHint, RunHost, Settings, Slot, Supervised,
    artifact_key,
};
pub use outcome::Outcome;
