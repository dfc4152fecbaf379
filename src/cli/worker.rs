use std::path::PathBuf;

use clap::{Args, Subcommand};

use super::OutputArgs;

#[derive(Debug, Subcommand)]
pub enum WorkerCommand {
    /// Claim flow runs of a work pool in priority order and execute them
    #[command(
        long_about = "Polls a work pool like `prefect worker start`, claims runs in the server's \
                      priority order and executes them: OT-2 protocols (deployments whose \
                      entrypoint is ot2:path/to/protocol.py, simulated with Opentrons' analyzer) \
                      and Python Prefect flows (python -m prefect.engine). Every state and log \
                      line goes to Prefect; SIGINT/SIGTERM stop claiming and let running runs \
                      finish within a grace period.",
        after_help = "Examples:\n  ot2ctl worker start --pool ot2-device-pool\n  ot2ctl worker start --pool ot2-device-pool --queue maintenance --limit 2\n  ot2ctl worker start -p ot2-device-pool --protocols-dir ./protocols --opentrons-python .venv-opentrons/bin/python --run-once"
    )]
    Start(WorkerStartArgs),
}

#[derive(Debug, Args)]
pub struct WorkerStartArgs {
    /// The work pool to take runs from
    #[arg(long, short = 'p', value_name = "POOL")]
    pub pool: String,
    /// A queue of the pool to take runs from (repeatable; default: every queue)
    #[arg(long, short = 'q', value_name = "QUEUE")]
    pub queue: Vec<String>,
    /// The worker's name in Prefect; keep it stable across restarts
    #[arg(long, short = 'n', value_name = "NAME")]
    pub name: Option<String>,
    /// How many runs may execute at once
    #[arg(long, default_value_t = 1, value_parser = clap::value_parser!(u32).range(1..))]
    pub limit: u32,
    /// Claim runs scheduled up to this many seconds ahead
    #[arg(long, default_value_t = 10, value_name = "SECONDS")]
    pub prefetch_seconds: u64,
    /// Seconds between two polls of the pool
    #[arg(long, default_value_t = 10, value_name = "SECONDS", value_parser = clap::value_parser!(u64).range(1..))]
    pub poll_seconds: u64,
    /// Seconds between two heartbeats
    #[arg(long, default_value_t = 30, value_name = "SECONDS", value_parser = clap::value_parser!(u64).range(1..))]
    pub heartbeat_seconds: u64,
    /// Poll once, run what was claimed, then exit
    #[arg(long)]
    pub run_once: bool,
    /// Python with prefect installed, for Python flows
    #[arg(
        long,
        env = "OT2CTL_PYTHON",
        default_value = "python3",
        value_name = "PATH"
    )]
    pub python: PathBuf,
    /// Do not run Python flows; they are failed with the reason
    #[arg(long)]
    pub no_python_flows: bool,
    /// Python with opentrons (8.2.0) installed, to simulate OT-2 protocols
    #[arg(long, env = "OT2CTL_OPENTRONS_PYTHON", value_name = "PATH")]
    pub opentrons_python: Option<PathBuf>,
    /// A directory protocols may be run from (repeatable)
    #[arg(long, value_name = "DIR")]
    pub protocols_dir: Vec<PathBuf>,
    /// A git repository whose checkouts protocols may be run from (repeatable)
    #[arg(long, value_name = "URL")]
    pub allow_repo: Vec<String>,
    /// Where git_clone pull steps keep their checkouts
    #[arg(long, value_name = "DIR")]
    pub checkouts_dir: Option<PathBuf>,
    /// The OT-2 to run protocols on, by its robot-server URL (without it they are simulated)
    #[arg(long, env = "OT2CTL_ROBOT", value_name = "URL")]
    pub robot: Option<String>,
    /// Stop a cancelled robot run at once, even while the colour sensor is held
    #[arg(long, requires = "robot")]
    pub force_stop: bool,
    /// Seconds between SIGTERM and SIGKILL when a run is cancelled
    #[arg(long, default_value_t = 10, value_name = "SECONDS")]
    pub cancel_grace_seconds: u64,
    /// Seconds running runs get to finish after SIGINT/SIGTERM before they are cancelled
    #[arg(long, default_value_t = 30, value_name = "SECONDS")]
    pub shutdown_grace_seconds: u64,
    #[command(flatten)]
    pub output: OutputArgs,
}
