//! `ot2ctl completions SHELL`.

use anyhow::Result;
use clap::CommandFactory;
use clap_complete::Shell;

use crate::cli::Cli;

pub fn run(shell: Shell) -> Result<()> {
    clap_complete::generate(shell, &mut Cli::command(), "ot2ctl", &mut std::io::stdout());
    Ok(())
}
