//! The typed Prefect 3 REST client: the only code in ot2ctl that speaks HTTP.
//!
//! [`Client`] owns transport concerns (auth, exact paths, retries, CSRF, error mapping); one
//! module per resource adds typed calls on top of it.

pub mod automations;
mod client;
pub mod deployments;
mod error;
pub mod events;
pub mod flow_runs;
pub mod models;
pub mod names;
pub mod parameters;
pub mod redact;
pub mod robot;
pub mod robot_models;
mod secret;
pub mod states;
pub mod templates;
pub mod work_pools;
pub mod work_queues;
pub mod workers;

pub use client::{Client, ClientOptions, Credential, PAGE_SIZE};
pub use error::{ApiError, Target};
pub use secret::Secret;

/// The Prefect API version ot2ctl is written against (Prefect 3.8).
pub const API_VERSION: &str = "0.8.4";

/// What ot2ctl calls itself on the wire. Deliberately not `prefect/<version>`: the server
/// changes deployment-concurrency behaviour for Prefect clients it recognises.
pub fn user_agent() -> String {
    format!("ot2ctl/{}", env!("CARGO_PKG_VERSION"))
}
