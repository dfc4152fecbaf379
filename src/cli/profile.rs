use clap::{Args, Subcommand};

use super::OutputArgs;

#[derive(Debug, Subcommand)]
pub enum ProfileCommand {
    /// List profiles (ot2ctl's and Prefect's); the active one is marked
    #[command(
        visible_alias = "list",
        after_help = "Examples:\n  ot2ctl profile ls\n  ot2ctl profile ls -o json"
    )]
    Ls(OutputArgs),

    /// Create a profile, empty or copied from another
    #[command(
        after_help = "Examples:\n  ot2ctl profile create lab\n  ot2ctl profile create robot-2 --from lab"
    )]
    Create(ProfileCreateArgs),

    /// Make a profile the active one
    #[command(after_help = "Examples:\n  ot2ctl profile use lab")]
    Use(ProfileNameArgs),

    /// Delete one of ot2ctl's profiles
    #[command(after_help = "Examples:\n  ot2ctl profile delete old-lab --yes")]
    Delete(ProfileDeleteArgs),

    /// Show a profile's settings (default: the active profile), secrets masked
    #[command(
        after_help = "Examples:\n  ot2ctl profile inspect\n  ot2ctl profile inspect lab -o json"
    )]
    Inspect {
        /// Profile name (default: the active profile)
        name: Option<String>,
        #[command(flatten)]
        output: OutputArgs,
    },
}

#[derive(Debug, Args)]
pub struct ProfileNameArgs {
    /// Profile name
    pub name: String,
}

#[derive(Debug, Args)]
pub struct ProfileCreateArgs {
    /// Name of the new profile
    pub name: String,
    /// Copy the settings of this profile
    #[arg(long, value_name = "PROFILE")]
    pub from: Option<String>,
}

#[derive(Debug, Args)]
pub struct ProfileDeleteArgs {
    /// Profile name
    pub name: String,
    /// Do not ask for confirmation
    #[arg(long, short = 'y')]
    pub yes: bool,
}
