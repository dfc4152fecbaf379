use std::path::PathBuf;

use clap::{Args, Subcommand};

use super::OutputArgs;

#[derive(Debug, Subcommand)]
pub enum LabCommand {
    /// Create or update the work pools and queues a lab file declares (idempotent)
    #[command(
        long_about = "Reads a lab file (YAML) declaring work pools and their queues, creates what is \
                      missing, updates what differs (priority, description, concurrency limit, \
                      paused) and leaves everything else alone. Running it again changes nothing.",
        after_help = "Examples:\n  ot2ctl lab setup lab.yaml --dry-run\n  ot2ctl lab setup lab.yaml\n  ot2ctl lab setup lab.yaml -o json"
    )]
    Setup(SetupArgs),
}

#[derive(Debug, Args)]
pub struct SetupArgs {
    /// The lab file
    #[arg(default_value = "lab.yaml")]
    pub file: PathBuf,
    /// Print what would change and write nothing
    #[arg(long)]
    pub dry_run: bool,
    #[command(flatten)]
    pub output: OutputArgs,
}
