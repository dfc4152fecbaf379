use clap::{Args, Subcommand};

use super::OutputArgs;

#[derive(Debug, Subcommand)]
pub enum InventoryCommand {
    /// Show each colour's stock, LOW / OUT OF STOCK warnings and what to restock
    #[command(
        visible_alias = "check",
        after_help = "Examples:\n  ot2ctl inventory status\n  ot2ctl inventory status 5.0\n  ot2ctl inventory status --local -o json"
    )]
    Status(StatusArgs),

    /// Set every colour's stock (mL) and the evaporation rate, e.g. after filling fresh tubes
    #[command(
        visible_alias = "initialize",
        after_help = "Examples:\n  ot2ctl inventory init\n  ot2ctl inventory init 15 15 15 --evaporation-rate 5"
    )]
    Init(InitArgs),

    /// Add paint (mL per colour), recorded in the audit log with the operator
    #[command(
        after_help = "Examples:\n  ot2ctl inventory restock 10 5 8 --operator lab_tech_1\n  ot2ctl inventory restock 0 0 15 --local"
    )]
    Restock(RestockArgs),

    /// List the audit log of restocks and initialisations (this machine's store)
    #[command(
        after_help = "Examples:\n  ot2ctl inventory log\n  ot2ctl inventory log --limit 5 -o json"
    )]
    Log(LogArgs),

    /// Check at 5 mL, restock 10 mL of each colour, check again
    #[command(after_help = "Examples:\n  ot2ctl inventory maintenance --operator lab_tech_1")]
    Maintenance(MaintenanceArgs),
}

/// Where an inventory or plate command acts.
#[derive(Debug, Clone, Args)]
pub struct WhereArgs {
    /// Act on this machine's store directly instead of running the deployment
    #[arg(long, conflicts_with = "deployment")]
    pub local: bool,
    /// Run this deployment of the flow instead of FLOW/FLOW (e.g. one per robot)
    #[arg(long, value_name = "FLOW/DEPLOYMENT")]
    pub deployment: Option<String>,
    /// Give up waiting for the deployment's run after this many seconds (1 to 604800, a week)
    #[arg(long, default_value_t = 600, value_name = "SECONDS", value_parser = super::whole_in::<u64>(1, crate::bounded::WEEK as u64))]
    pub timeout: u64,
    #[command(flatten)]
    pub output: OutputArgs,
}

#[derive(Debug, Args)]
#[command(allow_negative_numbers = true)]
pub struct StatusArgs {
    /// Below this many mL a colour is LOW
    #[arg(value_name = "LOW_THRESHOLD_ML", default_value_t = 2.0)]
    pub low_threshold_ml: f64,
    #[command(flatten)]
    pub place: WhereArgs,
}

#[derive(Debug, Args)]
#[command(allow_negative_numbers = true)]
pub struct InitArgs {
    /// Red paint in its tube, in mL (give all three volumes or none)
    #[arg(value_name = "RED_ML", default_value_t = 15.0, requires = "yellow_ml")]
    pub red_ml: f64,
    /// Yellow paint in its tube, in mL
    #[arg(value_name = "YELLOW_ML", default_value_t = 15.0, requires = "blue_ml")]
    pub yellow_ml: f64,
    /// Blue paint in its tube, in mL
    #[arg(value_name = "BLUE_ML", default_value_t = 15.0)]
    pub blue_ml: f64,
    /// Evaporation, in µL per hour
    #[arg(long, default_value_t = 5.0, value_name = "UL_PER_HOUR")]
    pub evaporation_rate: f64,
    #[command(flatten)]
    pub place: WhereArgs,
}

#[derive(Debug, Args)]
#[command(allow_negative_numbers = true)]
pub struct RestockArgs {
    /// Red paint added, in mL
    #[arg(value_name = "RED_ML")]
    pub red_ml: f64,
    /// Yellow paint added, in mL
    #[arg(value_name = "YELLOW_ML")]
    pub yellow_ml: f64,
    /// Blue paint added, in mL
    #[arg(value_name = "BLUE_ML")]
    pub blue_ml: f64,
    /// Who restocked, for the audit log (the original took it as a fourth argument)
    #[arg(long, value_name = "NAME", default_value = "system")]
    pub operator: String,
    #[command(flatten)]
    pub place: WhereArgs,
}

#[derive(Debug, Args)]
pub struct LogArgs {
    /// How many entries, newest first (1 to 100000)
    #[arg(long, short = 'n', default_value_t = 20, value_parser = super::whole_in::<usize>(1, 100_000))]
    pub limit: usize,
    #[command(flatten)]
    pub output: OutputArgs,
}

#[derive(Debug, Args)]
pub struct MaintenanceArgs {
    /// Who restocked, for the audit log
    #[arg(long, value_name = "NAME", default_value = "system")]
    pub operator: String,
    #[command(flatten)]
    pub place: WhereArgs,
}
