use std::path::PathBuf;

use clap::Args;

use super::OutputArgs;

/// `ot2ctl deploy`: prefect.yaml → deployments, without Python.
#[derive(Debug, Args)]
pub struct DeployArgs {
    /// Deploy every entry of the file
    #[arg(long)]
    pub all: bool,
    /// Entry to deploy: NAME, FLOW/NAME, or a glob with * (repeatable)
    #[arg(long, short = 'n', value_name = "NAME")]
    pub name: Vec<String>,
    /// The project file
    #[arg(long, value_name = "FILE", default_value = "prefect.yaml")]
    pub prefect_file: PathBuf,
    /// Print what would be created or updated (with a field-level diff) and write nothing
    #[arg(long)]
    pub dry_run: bool,
    /// Render missing environment variables and Prefect variables empty, as prefect deploy does
    #[arg(long)]
    pub allow_missing: bool,
    #[command(flatten)]
    pub output: OutputArgs,
}
