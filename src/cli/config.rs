use clap::{Args, Subcommand};

use super::OutputArgs;

#[derive(Debug, Subcommand)]
pub enum ConfigCommand {
    /// Show every setting, where its value came from, secrets masked
    #[command(
        after_help = "Examples:\n  ot2ctl config view\n  ot2ctl --profile lab config view -o json"
    )]
    View(ViewArgs),

    /// Set settings in the active profile (API keys go to the OS keyring when there is one)
    #[command(
        after_help = "Examples:\n  ot2ctl config set PREFECT_API_URL=http://127.0.0.1:4200/api\n  ot2ctl config set PREFECT_API_KEY=pnu_...   # stored in the OS keyring"
    )]
    Set(SetArgs),

    /// Remove settings from the active profile
    #[command(after_help = "Examples:\n  ot2ctl config unset PREFECT_API_KEY")]
    Unset(UnsetArgs),
}

#[derive(Debug, Args)]
pub struct ViewArgs {
    #[command(flatten)]
    pub output: OutputArgs,
}

#[derive(Debug, Args)]
pub struct SetArgs {
    /// Settings as NAME=VALUE
    #[arg(required = true, value_name = "NAME=VALUE")]
    pub settings: Vec<String>,
}

#[derive(Debug, Args)]
pub struct UnsetArgs {
    /// Setting names
    #[arg(required = true, value_name = "NAME")]
    pub names: Vec<String>,
}
