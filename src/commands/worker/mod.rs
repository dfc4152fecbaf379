//! `ot2ctl worker start|install`.

mod install;
mod start;

use anyhow::Result;

use crate::cli::WorkerCommand;
use crate::config::settings::Overrides;

pub fn run(command: WorkerCommand, overrides: &Overrides) -> Result<()> {
    match command {
        WorkerCommand::Start(args) => start::start(args, overrides),
        WorkerCommand::Install(args) => install::install(args, overrides),
    }
}
