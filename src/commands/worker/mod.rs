//! `ot2ctl worker start|install`.

pub mod install;
pub mod start;

use anyhow::Result;

use crate::cli::{WorkerCommand, WorkerSettings};
use crate::commands::invocation::Invocation;
use crate::error::UsageError;

pub fn run(command: WorkerCommand, invocation: &Invocation) -> Result<()> {
    match command {
        WorkerCommand::Start(args) => {
            check_combination(&args.settings)?;
            start::start(args, invocation)
        }
        WorkerCommand::Install(args) => {
            check_combination(&args.settings)?;
            install::install(args, invocation)
        }
    }
}

/// Flags that mean something only together. clap's own `requires` lets `--force-stop` pass
/// beside `--opentrons-execute` (which conflicts with `--robot`), so it is said here.
fn check_combination(settings: &WorkerSettings) -> Result<(), UsageError> {
    if settings.force_stop && settings.robot.is_none() {
        return Err(UsageError::new(
            "--force-stop applies to runs on the robot's HTTP API (--robot): it lets a \
             cancellation stop a robot run while the colour sensor is held; leave it out",
        ));
    }
    Ok(())
}
