use clap::{Args, Subcommand};

use super::{OutputArgs, whole_in};

#[derive(Debug, Subcommand)]
pub enum FlowRunCommand {
    /// List recent flow runs, newest first
    #[command(
        visible_alias = "list",
        after_help = "Examples:\n  ot2ctl flow-run ls\n  ot2ctl flow-run ls --flow-name mix-color --state-type FAILED --limit 50"
    )]
    Ls(FlowRunListArgs),

    /// Show one flow run
    #[command(
        after_help = "Examples:\n  ot2ctl flow-run inspect 0f6c2f0e-2a0b-4f54-9d3e-2f6c0c1b8a11 -o json"
    )]
    Inspect {
        #[command(flatten)]
        run: FlowRunRef,
        #[command(flatten)]
        output: OutputArgs,
    },

    /// Print a flow run's logs
    #[command(
        after_help = "Examples:\n  ot2ctl flow-run logs 0f6c2f0e-2a0b-4f54-9d3e-2f6c0c1b8a11\n  ot2ctl flow-run logs 0f6c2f0e-2a0b-4f54-9d3e-2f6c0c1b8a11 --tail -n 50\n  ot2ctl flow-run logs 0f6c2f0e-2a0b-4f54-9d3e-2f6c0c1b8a11 --follow"
    )]
    Logs(LogsArgs),

    /// Ask for a flow run to be cancelled
    #[command(
        after_help = "Examples:\n  ot2ctl flow-run cancel 0f6c2f0e-2a0b-4f54-9d3e-2f6c0c1b8a11"
    )]
    Cancel(FlowRunRef),

    /// Delete a flow run and its logs
    #[command(
        after_help = "Examples:\n  ot2ctl flow-run delete 0f6c2f0e-2a0b-4f54-9d3e-2f6c0c1b8a11 --yes"
    )]
    Delete {
        #[command(flatten)]
        run: FlowRunRef,
        /// Do not ask for confirmation
        #[arg(long, short = 'y')]
        yes: bool,
    },
}

#[derive(Debug, Clone, Args)]
pub struct FlowRunRef {
    /// The flow run's id
    #[arg(value_name = "ID")]
    pub id: String,
}

#[derive(Debug, Args)]
pub struct FlowRunListArgs {
    /// Only runs of this flow (repeatable)
    #[arg(long, value_name = "FLOW")]
    pub flow_name: Vec<String>,
    /// Only runs in this state, by name: Late, Completed, Failed, ... (repeatable)
    #[arg(long, value_name = "NAME")]
    pub state: Vec<String>,
    /// Only runs of this state type: SCHEDULED, PENDING, RUNNING, COMPLETED, FAILED, CANCELLED, CRASHED, PAUSED, CANCELLING (repeatable)
    #[arg(long, value_name = "TYPE")]
    pub state_type: Vec<String>,
    /// How many runs to show (1 to 10000)
    #[arg(long, default_value_t = 15, value_parser = whole_in::<usize>(1, 10_000))]
    pub limit: usize,
    #[command(flatten)]
    pub output: OutputArgs,
}

#[derive(Debug, Args)]
pub struct LogsArgs {
    #[command(flatten)]
    pub run: FlowRunRef,
    /// Only the first lines
    #[arg(long, conflicts_with = "tail")]
    pub head: bool,
    /// Only the last lines
    #[arg(long, short = 't')]
    pub tail: bool,
    /// How many lines --head or --tail show (1 to 1000000)
    #[arg(short = 'n', long = "num-logs", default_value_t = 20, value_name = "N", value_parser = whole_in::<usize>(1, 1_000_000))]
    pub lines: usize,
    /// Newest first
    #[arg(long, short = 'r')]
    pub reverse: bool,
    /// Keep printing new lines until the run ends
    #[arg(long, short = 'f', conflicts_with_all = ["head", "reverse"])]
    pub follow: bool,
    #[command(flatten)]
    pub output: OutputArgs,
}
