use clap::{Args, Subcommand};

use super::OutputArgs;

#[derive(Debug, Subcommand)]
pub enum DeploymentCommand {
    /// List deployments with their pool, queue, schedules and status
    #[command(
        visible_alias = "list",
        after_help = "Examples:\n  ot2ctl deployment ls\n  ot2ctl deployment ls --pool ot2-device-pool --queue high-priority\n  ot2ctl deployment ls --tag inventory -o json"
    )]
    Ls(DeploymentListArgs),

    /// Show one deployment
    #[command(
        after_help = "Examples:\n  ot2ctl deployment inspect mix-color/mix-color\n  ot2ctl deployment inspect mix-color/mix-color -o json"
    )]
    Inspect {
        #[command(flatten)]
        deployment: DeploymentRef,
        #[command(flatten)]
        output: OutputArgs,
    },

    /// Delete a deployment and its scheduled runs
    #[command(after_help = "Examples:\n  ot2ctl deployment delete mix-color/old --yes")]
    Delete {
        #[command(flatten)]
        deployment: DeploymentRef,
        /// Do not ask for confirmation
        #[arg(long, short = 'y')]
        yes: bool,
    },

    /// Pause a deployment: its schedules stop creating runs
    #[command(
        after_help = "Examples:\n  ot2ctl deployment pause check-inventory-status/check-inventory-status"
    )]
    Pause(DeploymentRef),

    /// Resume a paused deployment
    #[command(
        after_help = "Examples:\n  ot2ctl deployment resume check-inventory-status/check-inventory-status"
    )]
    Resume(DeploymentRef),

    /// Create a flow run of a deployment (the same as `ot2ctl run`)
    #[command(
        after_help = "Examples:\n  ot2ctl deployment run mix-color/mix-color --param R=120 --param mix_well=B2 \\\n      --watch"
    )]
    Run(RunArgs),
}

/// A deployment named `flow/deployment`.
#[derive(Debug, Clone, Args)]
pub struct DeploymentRef {
    /// The deployment, as FLOW/DEPLOYMENT
    #[arg(value_name = "FLOW/DEPLOYMENT")]
    pub name: String,
}

#[derive(Debug, Args)]
pub struct DeploymentListArgs {
    /// Only deployments of this work pool
    #[arg(long, short = 'p', value_name = "POOL")]
    pub pool: Option<String>,
    /// Only deployments on this work queue
    #[arg(long, short = 'q', value_name = "QUEUE")]
    pub queue: Option<String>,
    /// Only deployments with this tag (repeatable: all must match)
    #[arg(long, short = 't', value_name = "TAG")]
    pub tag: Vec<String>,
    #[command(flatten)]
    pub output: OutputArgs,
}

/// `ot2ctl run FLOW/DEPLOYMENT`.
#[derive(Debug, Args)]
pub struct RunArgs {
    #[command(flatten)]
    pub deployment: DeploymentRef,
    /// A parameter as NAME=VALUE; VALUE is read as JSON, else as text (repeatable)
    #[arg(long = "param", short = 'p', value_name = "NAME=VALUE")]
    pub params: Vec<String>,
    /// All parameters as a JSON object, or - to read it from stdin (--param wins)
    #[arg(long = "params", value_name = "JSON|-")]
    pub params_json: Option<String>,
    /// A tag for the run, on top of the deployment's (repeatable)
    #[arg(long, value_name = "TAG")]
    pub tag: Vec<String>,
    /// A job variable as NAME=VALUE, read like --param (repeatable)
    #[arg(long = "job-variable", short = 'j', value_name = "NAME=VALUE")]
    pub job_variables: Vec<String>,
    /// Start after this long: "5m", "2 hours", "1h30m"
    #[arg(long, value_name = "DURATION", conflicts_with = "start_at")]
    pub start_in: Option<String>,
    /// Start at this time: RFC 3339 ("2026-08-01T17:30:00+02:00") or "2026-08-01 17:30" (UTC)
    #[arg(long, value_name = "TIME")]
    pub start_at: Option<String>,
    /// Name of the run; {param} is replaced by a parameter's value
    #[arg(long, value_name = "NAME")]
    pub flow_run_name: Option<String>,
    /// A key that makes repeating this command return the same run
    #[arg(long, value_name = "KEY")]
    pub idempotency_key: Option<String>,
    /// Follow the run, print its logs, and exit 0 if it completes, 1 otherwise
    #[arg(long)]
    pub watch: bool,
    /// With --watch: give up after this many seconds (1 to 604800, a week; exit 1)
    #[arg(long, value_name = "SECONDS", requires = "watch", value_parser = super::whole_in::<u64>(1, crate::bounded::WEEK as u64))]
    pub timeout: Option<u64>,
    #[command(flatten)]
    pub output: OutputArgs,
}
