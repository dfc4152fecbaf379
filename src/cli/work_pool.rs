use std::path::PathBuf;

use clap::{Args, Subcommand};

use super::{OutputArgs, PoolNameArgs, whole_in};
use crate::bounded::SERVER_INT_MAX;

#[derive(Debug, Subcommand)]
pub enum WorkPoolCommand {
    /// Create a work pool (a `process` pool gets Prefect's default job template)
    #[command(
        after_help = "Examples:\n  ot2ctl work-pool create ot2-device-pool --type process \\\n      --description \"OT-2 robots\"\n  ot2ctl work-pool create ot2-device-pool --concurrency-limit 1 --overwrite"
    )]
    Create(PoolCreateArgs),

    /// List work pools with their status and limits
    #[command(
        visible_alias = "list",
        after_help = "Examples:\n  ot2ctl work-pool ls\n  ot2ctl work-pool ls --output json"
    )]
    Ls(OutputArgs),

    /// Show one work pool, its queues and its workers
    #[command(
        after_help = "Examples:\n  ot2ctl work-pool inspect ot2-device-pool\n  ot2ctl work-pool inspect ot2-device-pool -o json"
    )]
    Inspect {
        #[command(flatten)]
        pool: PoolNameArgs,
        #[command(flatten)]
        output: OutputArgs,
    },

    /// Change a work pool's description, job template or concurrency limit
    #[command(
        after_help = "Examples:\n  ot2ctl work-pool update ot2-device-pool --description \"OT-2 robots\"\n  ot2ctl work-pool update ot2-device-pool --base-job-template template.json"
    )]
    Update(PoolUpdateArgs),

    /// Delete a work pool (its deployments lose their pool)
    #[command(after_help = "Examples:\n  ot2ctl work-pool delete old-pool --yes")]
    Delete {
        #[command(flatten)]
        pool: PoolNameArgs,
        /// Do not ask for confirmation
        #[arg(long, short = 'y')]
        yes: bool,
    },

    /// Pause a work pool: workers get no new runs from it
    #[command(after_help = "Examples:\n  ot2ctl work-pool pause ot2-device-pool")]
    Pause(PoolNameArgs),

    /// Resume a paused work pool
    #[command(after_help = "Examples:\n  ot2ctl work-pool resume ot2-device-pool")]
    Resume(PoolNameArgs),

    /// Limit how many runs of the pool may be pending or running at once
    #[command(after_help = "Examples:\n  ot2ctl work-pool set-concurrency-limit ot2-device-pool 1")]
    SetConcurrencyLimit {
        #[command(flatten)]
        pool: PoolNameArgs,
        /// Maximum number of runs in flight (0 holds every run back; at most 2147483647)
        #[arg(value_parser = whole_in::<u64>(0, SERVER_INT_MAX))]
        limit: u64,
    },

    /// Remove a work pool's concurrency limit
    #[command(after_help = "Examples:\n  ot2ctl work-pool clear-concurrency-limit ot2-device-pool")]
    ClearConcurrencyLimit(PoolNameArgs),
}

#[derive(Debug, Args)]
pub struct PoolCreateArgs {
    /// Name of the new work pool
    pub name: String,
    /// Worker type of the pool
    #[arg(
        long = "type",
        short = 't',
        default_value = "process",
        value_name = "TYPE"
    )]
    pub pool_type: String,
    /// What the pool is for
    #[arg(long)]
    pub description: Option<String>,
    /// JSON file with the base job template (default: the type's own template)
    #[arg(long, value_name = "FILE")]
    pub base_job_template: Option<PathBuf>,
    /// Create the pool paused
    #[arg(long)]
    pub paused: bool,
    /// Maximum number of runs in flight
    #[arg(long, value_name = "N", value_parser = whole_in::<u64>(0, SERVER_INT_MAX))]
    pub concurrency_limit: Option<u64>,
    /// Update the pool if it already exists instead of failing
    #[arg(long)]
    pub overwrite: bool,
    /// Create a pool of a type ot2ctl does not know (a worker type of a newer Prefect)
    #[arg(long)]
    pub force: bool,
}

#[derive(Debug, Args)]
pub struct PoolUpdateArgs {
    /// Name of the work pool
    pub name: String,
    /// New description
    #[arg(long)]
    pub description: Option<String>,
    /// JSON file with the new base job template
    #[arg(long, value_name = "FILE")]
    pub base_job_template: Option<PathBuf>,
    /// New concurrency limit
    #[arg(long, value_name = "N", value_parser = whole_in::<u64>(0, SERVER_INT_MAX))]
    pub concurrency_limit: Option<u64>,
}
