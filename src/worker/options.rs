//! How a worker was asked to behave (`worker start`'s flags, settled).

use std::time::Duration;

/// How the worker was asked to behave.
#[derive(Debug, Clone)]
pub struct WorkerOptions {
    pub pool: String,
    /// Queue names; empty means every queue of the pool.
    pub queues: Vec<String>,
    pub name: String,
    /// Runs executed at once.
    pub limit: usize,
    /// Runs scheduled this far ahead are claimed early.
    pub prefetch: Duration,
    /// Between two regular polls while the event stream is down.
    pub poll_interval: Duration,
    /// Between two regular polls while it is connected.
    pub poll_interval_with_events: Duration,
    pub heartbeat_interval: Duration,
    /// Poll once, run what was claimed, and exit.
    pub run_once: bool,
    /// After SIGINT/SIGTERM, running runs get this long before they are cancelled.
    pub shutdown_grace: Duration,
    pub json: bool,
}
