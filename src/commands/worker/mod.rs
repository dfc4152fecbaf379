//! `ot2ctl worker start|install`.

pub mod install;
pub mod start;

use anyhow::Result;

use crate::cli::WorkerCommand;
use crate::config::settings::Overrides;
use crate::output::Printer;

pub fn run(command: WorkerCommand, overrides: &Overrides, printer: &Printer) -> Result<()> {
    match command {
        WorkerCommand::Start(args) => start::start(args, overrides, printer),
        WorkerCommand::Install(args) => install::install(args, overrides, printer),
    }
}
