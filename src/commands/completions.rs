//! `ot2ctl completions SHELL`.

use anyhow::Result;
use clap::CommandFactory;
use clap_complete::Shell;

use crate::cli::Cli;
use crate::output::Printer;

pub fn run(shell: Shell, printer: &Printer) -> Result<()> {
    let mut script = Vec::new();
    clap_complete::generate(shell, &mut Cli::command(), "ot2ctl", &mut script);
    printer.text(&String::from_utf8_lossy(&script));
    Ok(())
}
