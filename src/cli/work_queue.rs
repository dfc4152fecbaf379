use clap::{Args, Subcommand};

use super::{OutputArgs, QueueRefArgs, whole_in};
use crate::bounded::SERVER_INT_MAX;

#[derive(Debug, Subcommand)]
pub enum WorkQueueCommand {
    /// Create a work queue in a pool
    #[command(
        after_help = "Examples:\n  ot2ctl work-queue create high-priority --pool ot2-device-pool --priority 1 \\\n      --description \"Colour mixing\"\n  ot2ctl work-queue create standard -p ot2-device-pool --limit 2"
    )]
    Create(QueueCreateArgs),

    /// List work queues, most urgent first
    #[command(
        visible_alias = "list",
        after_help = "Examples:\n  ot2ctl work-queue ls --pool ot2-device-pool\n  ot2ctl work-queue ls --match high -o json"
    )]
    Ls(QueueListArgs),

    /// Show one work queue and its health
    #[command(
        after_help = "Examples:\n  ot2ctl work-queue inspect maintenance --pool ot2-device-pool\n  ot2ctl work-queue inspect maintenance -p ot2-device-pool -o json"
    )]
    Inspect {
        #[command(flatten)]
        queue: QueueRefArgs,
        #[command(flatten)]
        output: OutputArgs,
    },

    /// Change a queue's priority, description or concurrency limit
    #[command(
        after_help = "Examples:\n  ot2ctl work-queue update standard --pool ot2-device-pool --priority 2\n  ot2ctl work-queue update standard -p ot2-device-pool \\\n      --description \"Measurements\""
    )]
    Update(QueueUpdateArgs),

    /// Delete a work queue (a pool's default queue cannot be deleted)
    #[command(
        after_help = "Examples:\n  ot2ctl work-queue delete old-queue --pool ot2-device-pool --yes"
    )]
    Delete {
        #[command(flatten)]
        queue: QueueRefArgs,
        /// Do not ask for confirmation
        #[arg(long, short = 'y')]
        yes: bool,
    },

    /// Pause a work queue: workers get no new runs from it
    #[command(after_help = "Examples:\n  ot2ctl work-queue pause standard --pool ot2-device-pool")]
    Pause(QueueRefArgs),

    /// Resume a paused work queue
    #[command(after_help = "Examples:\n  ot2ctl work-queue resume standard --pool ot2-device-pool")]
    Resume(QueueRefArgs),

    /// Limit how many runs of the queue may be pending or running at once
    #[command(
        after_help = "Examples:\n  ot2ctl work-queue set-concurrency-limit high-priority 1 --pool ot2-device-pool"
    )]
    SetConcurrencyLimit {
        #[command(flatten)]
        queue: QueueRefArgs,
        /// Maximum number of runs in flight (0 holds every run back; at most 2147483647)
        #[arg(value_parser = whole_in::<u64>(0, SERVER_INT_MAX))]
        limit: u64,
    },

    /// Remove a work queue's concurrency limit
    #[command(
        after_help = "Examples:\n  ot2ctl work-queue clear-concurrency-limit high-priority --pool ot2-device-pool"
    )]
    ClearConcurrencyLimit(QueueRefArgs),

    /// List the scheduled runs a queue will hand out soon (does not mark the queue polled)
    #[command(
        after_help = "Examples:\n  ot2ctl work-queue preview high-priority --pool ot2-device-pool\n  ot2ctl work-queue preview maintenance -p ot2-device-pool --hours 24 -o json"
    )]
    Preview(QueuePreviewArgs),
}

#[derive(Debug, Args)]
pub struct QueueCreateArgs {
    /// Name of the new work queue
    pub name: String,
    /// Work pool to create the queue in
    #[arg(long, short = 'p', value_name = "POOL")]
    pub pool: String,
    /// Priority, 1 = most urgent (default: the lowest free number)
    #[arg(long, short = 'q', value_parser = whole_in::<u32>(1, SERVER_INT_MAX))]
    pub priority: Option<u32>,
    /// Maximum number of runs in flight
    #[arg(long, short = 'l', value_name = "N", value_parser = whole_in::<u64>(0, SERVER_INT_MAX))]
    pub limit: Option<u64>,
    /// What the queue is for
    #[arg(long)]
    pub description: Option<String>,
    /// Create the queue paused
    #[arg(long)]
    pub paused: bool,
}

#[derive(Debug, Args)]
pub struct QueueListArgs {
    /// Only the queues of this work pool (default: every pool)
    #[arg(long, short = 'p', value_name = "POOL")]
    pub pool: Option<String>,
    /// Only queues whose name starts with this
    #[arg(long, short = 'm', value_name = "PREFIX")]
    pub r#match: Option<String>,
    #[command(flatten)]
    pub output: OutputArgs,
}

#[derive(Debug, Args)]
pub struct QueueUpdateArgs {
    #[command(flatten)]
    pub queue: QueueRefArgs,
    /// New priority, 1 = most urgent (other queues move down to keep priorities unique)
    #[arg(long, short = 'q', value_parser = whole_in::<u32>(1, SERVER_INT_MAX))]
    pub priority: Option<u32>,
    /// New concurrency limit
    #[arg(long, short = 'l', value_name = "N", value_parser = whole_in::<u64>(0, SERVER_INT_MAX))]
    pub limit: Option<u64>,
    /// New description
    #[arg(long)]
    pub description: Option<String>,
}

#[derive(Debug, Args)]
pub struct QueuePreviewArgs {
    #[command(flatten)]
    pub queue: QueueRefArgs,
    /// How many hours ahead to look (1 to 87600, ten years)
    #[arg(long, default_value_t = 1, value_parser = whole_in::<u32>(1, 87_600))]
    pub hours: u32,
    #[command(flatten)]
    pub output: OutputArgs,
}
