//! The command line: argument definitions only. What each command does lives in `commands`.

mod campaign;
mod config;
mod deploy;
mod deployment;
mod flow_run;
mod inventory;
mod lab;
mod plate;
mod profile;
mod robot;
mod sensor;
mod work_pool;
mod work_queue;
mod worker;

use clap::{Args, Parser, Subcommand};

pub use campaign::{
    CampaignCommand, CampaignLsArgs, CampaignResumeArgs, CampaignStartArgs, CampaignStatusArgs,
    CampaignWaitArgs, OptimiserChoice,
};
pub use config::{ConfigCommand, SetArgs, UnsetArgs, ViewArgs};
pub use deploy::DeployArgs;
pub use deployment::{DeploymentCommand, DeploymentListArgs, DeploymentRef, RunArgs};
pub use flow_run::{FlowRunCommand, FlowRunListArgs, FlowRunRef, LogsArgs};
pub use inventory::{
    InitArgs, InventoryCommand, LogArgs, MaintenanceArgs, RestockArgs, StatusArgs, WhereArgs,
};
pub use lab::{LabCommand, SetupArgs};
pub use plate::{
    ColorChoice, PlateCommand, PlateLocalArgs, PlateLogArgs, PlateMarkArgs, PlateNewArgs,
    PlateNextArgs, PlateStatusArgs,
};
pub use profile::{ProfileCommand, ProfileCreateArgs, ProfileDeleteArgs, ProfileNameArgs};
pub use robot::{OffsetsCommand, ProtocolsDirArg, RobotArgs, RobotCommand};
pub use sensor::{SensorCommand, SensorReadArgs};
pub use work_pool::{PoolCreateArgs, PoolUpdateArgs, WorkPoolCommand};
pub use work_queue::{
    QueueCreateArgs, QueueListArgs, QueuePreviewArgs, QueueUpdateArgs, WorkQueueCommand,
};
pub use worker::{
    DEFAULT_POLL, DEFAULT_POLL_WITH_EVENTS, InstallTarget, WorkerCommand, WorkerInstallArgs,
    WorkerSettings, WorkerStartArgs,
};

use crate::bounded::{self, Seconds};
use crate::output::OutputFormat;

/// ot2ctl: run an Opentrons OT-2 lab on Prefect 3, from one small static binary.
#[derive(Debug, Parser)]
#[command(
    name = "ot2ctl",
    version,
    about = "Run an Opentrons OT-2 lab on Prefect 3: work pools, queues and lab set-up from one static binary",
    long_about = "ot2ctl mirrors the `prefect` command line for the lab's work pools and queues and \
                  talks to a Prefect 3 server's REST API (self-hosted or Prefect Cloud).\n\n\
                  Settings come from flags, then PREFECT_* environment variables, then ot2ctl's \
                  profiles, then the active profile of ~/.prefect/profiles.toml.\n\n\
                  Exit codes: 0 success, 1 the operation failed, 2 usage error.",
    after_help = "Examples:\n  \
                  ot2ctl lab setup lab.yaml\n  \
                  ot2ctl work-pool ls\n  \
                  ot2ctl work-queue ls --pool ot2-device-pool --output json\n  \
                  ot2ctl --api-url http://127.0.0.1:4200/api config view",
    propagate_version = true
)]
pub struct Cli {
    #[command(flatten)]
    pub global: GlobalArgs,
    #[command(subcommand)]
    pub command: Command,
}

/// Options every command takes.
#[derive(Debug, Clone, Args)]
pub struct GlobalArgs {
    /// Prefect API URL, ending in /api (overrides PREFECT_API_URL and profiles)
    #[arg(long, global = true, value_name = "URL")]
    pub api_url: Option<String>,
    /// Profile to use for this command (overrides PREFECT_PROFILE and the active profile)
    #[arg(long, global = true, value_name = "NAME")]
    pub profile: Option<String>,
    /// Never ask a question (as Prefect's `prefect --no-prompt`, used in CI scripts)
    #[arg(long, global = true)]
    pub no_prompt: bool,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Create, inspect and change work pools
    #[command(
        subcommand,
        after_help = "Examples:\n  ot2ctl work-pool create ot2-device-pool --type process\n  ot2ctl work-pool ls"
    )]
    WorkPool(WorkPoolCommand),

    /// Create, inspect and change the work queues of a pool
    #[command(
        subcommand,
        after_help = "Examples:\n  ot2ctl work-queue create maintenance --pool ot2-device-pool --priority 4\n  ot2ctl work-queue ls --pool ot2-device-pool"
    )]
    WorkQueue(WorkQueueCommand),

    /// Create or update deployments from prefect.yaml, without Python
    #[command(
        // `--version` here is prefect deploy's deployment version (refused with advice).
        disable_version_flag = true,
        long_about = "Reads prefect.yaml like `prefect deploy` (anchors, merge keys, templating, \
                      run_shell_script build steps) and creates or updates each selected \
                      deployment with its complete specification. The flow's name and parameter \
                      schema are read from the entrypoint's source text; no Python is needed. A \
                      deployment that already matches the file is left untouched.",
        after_help = "Examples:\n  ot2ctl deploy --all\n  ot2ctl deploy --name mix-color --dry-run\n  ot2ctl deploy --prefect-file lab/prefect.yaml --name 'mix-*' -o json"
    )]
    Deploy(DeployArgs),

    /// Create a flow run of a deployment, optionally following it to the end
    #[command(
        after_help = "Examples:\n  ot2ctl run mix-color/mix-color --param R=120 --param mix_well=B2 --watch\n  ot2ctl run check-inventory-status/check-inventory-status --start-in 10m\n  echo '{\"R\": 90}' | ot2ctl run mix-color/mix-color --params -"
    )]
    Run(RunArgs),

    /// List, inspect, pause, resume, delete and run deployments
    #[command(
        subcommand,
        after_help = "Examples:\n  ot2ctl deployment ls --pool ot2-device-pool\n  ot2ctl deployment inspect mix-color/mix-color"
    )]
    Deployment(DeploymentCommand),

    /// List flow runs, read their logs, cancel or delete them
    #[command(
        subcommand,
        after_help = "Examples:\n  ot2ctl flow-run ls --state-type FAILED\n  ot2ctl flow-run logs 0f6c2f0e-2a0b-4f54-9d3e-2f6c0c1b8a11 --follow"
    )]
    FlowRun(FlowRunCommand),

    /// Run a worker that claims and executes flow runs of a work pool
    #[command(
        subcommand,
        after_help = "Examples:\n  ot2ctl worker start --pool ot2-device-pool\n  ot2ctl worker start --pool ot2-device-pool --queue maintenance"
    )]
    Worker(WorkerCommand),

    /// The lab's paint inventory: status, initialise, restock, audit log
    #[command(
        subcommand,
        long_about = "Each command runs the lab's inventory deployment (check-inventory-status, \
                      initialize-inventory, restock-maintenance) and prints its result when the \
                      run finishes, so the work happens where the worker keeps the stock; \
                      --local acts on this machine's store directly. Volumes on the command \
                      line are in mL, as the lab's orchestrator took them.",
        after_help = "Examples:\n  ot2ctl inventory status\n  ot2ctl inventory restock 10 5 8 --operator lab_tech_1\n  ot2ctl inventory init 15 15 15 --local"
    )]
    Inventory(InventoryCommand),

    /// The 96-well plate: which wells are free, reserved or used; a fresh plate; corrections
    #[command(
        subcommand,
        long_about = "Mixes reserve their well when the worker claims them (mix_well=auto takes \
                      the next free one) and mark it used once paint went in. Like `inventory`, \
                      status, next, new and mark run the lab's plate deployments (plate-status, \
                      plate-next, plate-new, plate-mark) so the work happens where the worker \
                      keeps the plate; --local acts on this machine's store directly.",
        after_help = "Examples:\n  ot2ctl plate status\n  ot2ctl plate next\n  ot2ctl plate new --yes\n  ot2ctl plate mark B3 --empty --reason \"nothing dispensed\""
    )]
    Plate(PlateCommand),

    /// The wireless colour sensor over MQTT: one reading, to check it answers
    #[command(
        subcommand,
        after_help = "Examples:\n  ot2ctl sensor read\n  ot2ctl sensor read --red 120 --yellow 50 --blue 80 --well B2 -o json"
    )]
    Sensor(SensorCommand),

    /// Colour-matching campaigns: mix, measure, propose the next recipe, until the target is matched
    #[command(
        subcommand,
        after_help = "Examples:\n  ot2ctl campaign start --target '#7a4e2d' --budget 24\n  ot2ctl campaign status\n  ot2ctl campaign resume campaign-1a2b3c4d"
    )]
    Campaign(CampaignCommand),

    /// The OT-2 robots the worker drives: their stored labware offsets
    #[command(
        subcommand,
        after_help = "Examples:\n  ot2ctl robot offsets ls --robot http://10.0.0.5:31950\n  ot2ctl robot offsets import lpc-export.json --robot http://10.0.0.5:31950"
    )]
    Robot(RobotCommand),

    /// Set up the lab's work pools and queues from a declarative file
    #[command(
        subcommand,
        after_help = "Examples:\n  ot2ctl lab setup lab.yaml --dry-run\n  ot2ctl lab setup lab.yaml"
    )]
    Lab(LabCommand),

    /// View and change settings of the active profile
    #[command(
        subcommand,
        after_help = "Examples:\n  ot2ctl config view\n  ot2ctl config set PREFECT_API_URL=http://127.0.0.1:4200/api"
    )]
    Config(ConfigCommand),

    /// List, create and switch profiles
    #[command(
        subcommand,
        after_help = "Examples:\n  ot2ctl profile create lab\n  ot2ctl profile use lab"
    )]
    Profile(ProfileCommand),

    /// Print shell completions (bash, zsh, fish, powershell, elvish)
    #[command(
        after_help = "Examples:\n  ot2ctl completions bash > /etc/bash_completion.d/ot2ctl\n  ot2ctl completions zsh > \"${fpath[1]}/_ot2ctl\""
    )]
    Completions {
        /// Shell to generate completions for
        shell: clap_complete::Shell,
    },
}

/// `--output table|json`, for every command that reads.
#[derive(Debug, Clone, Args)]
pub struct OutputArgs {
    /// Output format
    #[arg(long, short = 'o', value_enum, default_value_t = OutputFormat::Table)]
    pub output: OutputFormat,
}

/// A work pool named on the command line.
#[derive(Debug, Clone, Args)]
pub struct PoolNameArgs {
    /// Name of the work pool
    pub name: String,
}

/// A queue and the pool it belongs to.
#[derive(Debug, Clone, Args)]
pub struct QueueRefArgs {
    /// Name of the work queue
    pub name: String,
    /// Work pool the queue belongs to
    #[arg(long, short = 'p', value_name = "POOL")]
    pub pool: String,
}

/// A clap value parser for seconds between `min` and `max` ([`bounded::seconds`]).
pub fn seconds_in(
    min: f64,
    max: f64,
) -> impl Fn(&str) -> Result<Seconds, String> + Clone + Send + Sync + 'static {
    move |text| bounded::seconds(text, min, max)
}

/// A clap value parser for a whole number between `min` and `max` ([`bounded::whole`]), as
/// the integer type the field holds (which the range must fit).
pub fn whole_in<T: TryFrom<u64>>(
    min: u64,
    max: u64,
) -> impl Fn(&str) -> Result<T, String> + Clone + Send + Sync + 'static {
    move |text| {
        let value = bounded::whole(text, min, max)?;
        T::try_from(value).map_err(|_| format!("must be at most {max}"))
    }
}

/// What to add to clap's first error line so that it says how to fix it: for a negative
/// number taken for a flag, the spelling that works (`--priority=-3`; clap's own tip,
/// `-- -3`, does not work for an option's value); otherwise where the usage is.
pub fn usage_hint(clap_message: &str, args: &[String]) -> String {
    let negative = args.iter().enumerate().find(|(_, arg)| {
        arg.len() > 1
            && arg.starts_with('-')
            && arg[1..].parse::<f64>().is_ok()
            && clap_message.contains(&format!("'{arg}'"))
    });
    if let Some((index, value)) = negative
        && let Some(flag) = index
            .checked_sub(1)
            .and_then(|i| args.get(i))
            .filter(|flag| flag.starts_with("--"))
    {
        return format!("; write a negative value with '=': {flag}={value}");
    }
    // clap's "tip: a similar subcommand exists: 'deploy'".
    if let Some(similar) = clap_message
        .lines()
        .find(|line| line.contains("a similar"))
        .and_then(|line| line.split_once("exists: "))
    {
        return format!("; did you mean {}?", similar.1.trim());
    }
    "; see --help".into()
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn definitions_are_consistent() {
        Cli::command().debug_assert();
    }

    /// Every command, nested ones included, has a one-line summary and an example.
    #[test]
    fn every_command_has_a_summary_and_an_example() {
        fn visit(command: &clap::Command, path: &str, missing: &mut Vec<String>) {
            let path = format!("{path} {}", command.get_name());
            let about = command
                .get_about()
                .map(|a| a.to_string())
                .unwrap_or_default();
            let examples = command
                .get_after_help()
                .map(|h| h.to_string())
                .unwrap_or_default();
            if about.trim().is_empty() || about.contains('\n') {
                missing.push(format!("{path}: one-line summary"));
            }
            if !examples.contains("Examples:\n  ot2ctl ") {
                missing.push(format!("{path}: example"));
            }
            for sub in command.get_subcommands() {
                if sub.get_name() != "help" {
                    visit(sub, &path, missing);
                }
            }
        }
        let mut missing = Vec::new();
        visit(&Cli::command(), "", &mut missing);
        assert!(missing.is_empty(), "missing: {missing:#?}");
    }
}
