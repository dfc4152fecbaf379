//! What each command does: one module per command group, each handed the parsed arguments,
//! a [`Printer`] for its output and, for commands that talk to the server, a [`Client`]
//! (`shared::with_api`). What several commands use lives in [`shared`]; no command module
//! imports another.

pub mod completions;
pub mod config;
pub mod deploy;
pub mod deployment;
pub mod flow_run;
pub mod inventory;
pub mod lab;
pub mod profile;
pub mod robot;
pub mod shared;
pub mod work_pool;
pub mod work_queue;
pub mod worker;

use anyhow::Result;

use crate::cli::{Cli, Command};
use crate::config::settings::Overrides;
use crate::output::Printer;
use shared::with_api;

/// Runs one parsed command line.
pub fn run(cli: Cli, printer: &Printer) -> Result<()> {
    let overrides = Overrides {
        api_url: cli.global.api_url,
        profile: cli.global.profile,
    };
    match cli.command {
        Command::Completions { shell } => completions::run(shell, printer),
        Command::Config(command) => config::run(command, &overrides, printer),
        Command::Profile(command) => profile::run(command, &overrides, printer),
        Command::WorkPool(command) => with_api(&overrides, printer, |api| {
            work_pool::run(command, api, printer)
        }),
        Command::WorkQueue(command) => with_api(&overrides, printer, |api| {
            work_queue::run(command, api, printer)
        }),
        Command::Lab(command) => lab::run(command, &overrides, printer),
        Command::Worker(command) => worker::run(command, &overrides, printer),
        Command::Robot(command) => robot::run(command, printer),
        Command::Inventory(command) => inventory::run(command, &overrides, printer),
        Command::Deploy(args) => deploy::run(args, &overrides, printer),
        // `run` is `deployment run`.
        Command::Run(args) => with_api(&overrides, printer, |api| async move {
            deployment::run::run(&api, args, printer).await
        }),
        Command::Deployment(command) => with_api(&overrides, printer, |api| {
            deployment::run(command, api, printer)
        }),
        Command::FlowRun(command) => with_api(&overrides, printer, |api| {
            flow_run::run(command, api, printer)
        }),
    }
}
