//! What each command does: one module per command group.

mod completions;
mod config;
mod deploy;
mod deployment;
mod flow_run;
mod inventory;
mod lab;
mod profile;
mod robot;
mod run;
mod work_pool;
mod work_queue;
mod worker;

use std::future::Future;

use anyhow::{Context, Result};

use crate::api::{Client, ClientOptions};
use crate::cli::{Cli, Command};
use crate::config::Settings;
use crate::config::settings::Overrides;
use crate::error::UsageError;

/// Runs one parsed command line.
pub fn run(cli: Cli) -> Result<()> {
    let overrides = Overrides {
        api_url: cli.global.api_url,
        profile: cli.global.profile,
    };
    match cli.command {
        Command::Completions { shell } => completions::run(shell),
        Command::Config(command) => config::run(command, &overrides),
        Command::Profile(command) => profile::run(command, &overrides),
        Command::WorkPool(command) => with_api(&overrides, |api| work_pool::run(command, api)),
        Command::WorkQueue(command) => with_api(&overrides, |api| work_queue::run(command, api)),
        Command::Lab(command) => lab::run(command, &overrides),
        Command::Worker(command) => worker::run(command, &overrides),
        Command::Robot(command) => robot::run(command),
        Command::Inventory(command) => inventory::run(command, &overrides),
        Command::Deploy(args) => deploy::run(args, &overrides),
        Command::Run(args) => with_api(&overrides, |api| async move { run::run(&api, args).await }),
        Command::Deployment(command) => with_api(&overrides, |api| deployment::run(command, api)),
        Command::FlowRun(command) => with_api(&overrides, |api| flow_run::run(command, api)),
    }
}

/// Resolves settings, builds the API client and runs an async command to completion.
///
/// Settings (and so any OS keyring access, which blocks) are resolved before the runtime starts.
pub(crate) fn with_api<F, Fut>(overrides: &Overrides, command: F) -> Result<()>
where
    F: FnOnce(Client) -> Fut,
    Fut: Future<Output = Result<()>>,
{
    let settings = Settings::load(overrides)?;
    print_warnings(&settings);
    let client = api_client(&settings)?;
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .context("cannot start the async runtime")?;
    runtime.block_on(command(client))
}

/// A client for the configured API.
pub(crate) fn api_client(settings: &Settings) -> Result<Client> {
    let options = ClientOptions {
        api_url: settings.api_url()?.value.clone(),
        credential: settings.credential(),
        timeout: settings.request_timeout()?,
        max_retries: settings.max_retries()?,
    };
    // A malformed URL is a configuration mistake, not a failed operation.
    Client::new(options).map_err(|err| UsageError::new(err.to_string()).into())
}

pub(crate) fn print_warnings(settings: &Settings) {
    for warning in &settings.warnings {
        eprintln!("warning: {warning}");
    }
}
