//! What each command does: one module per command group, each handed the parsed arguments,
//! a [`Printer`] for its output and, for commands that talk to the server, a [`Client`]
//! (`shared::with_api`). What several commands use lives in [`shared`] and [`native_flow`] (the
//! flows on the lab's database); no other command module imports another.

pub mod campaign;
pub mod completions;
pub mod config;
pub mod deploy;
pub mod deployment;
pub mod flow_run;
pub mod inventory;
pub mod invocation;
pub mod lab;
pub mod native_flow;
pub mod plate;
pub mod profile;
pub mod robot;
pub mod sensor;
pub mod shared;
pub mod work_pool;
pub mod work_queue;
pub mod worker;

use std::ffi::OsString;
use std::path::PathBuf;

use anyhow::Result;
use clap::Parser;
use clap::error::ErrorKind;

use crate::cli::{Cli, Command};
use crate::config::Env;
use crate::config::settings::Overrides;
use crate::error::{EXIT_FAILURE, EXIT_USAGE, exit_code_for, render_error};
use crate::output::Printer;
pub use invocation::Invocation;
use shared::with_api;

/// Runs a command line as the binary does, with its output on `printer`: parses it, runs it,
/// prints the error (one line, `error: ...`), and returns the exit code.
pub fn invoke(args: Vec<OsString>, printer: &Printer, env: Env, cwd: PathBuf) -> u8 {
    let cli = match Cli::try_parse_from(&args) {
        Ok(cli) => cli,
        Err(error) => return usage(error, &args, printer),
    };
    let printer = if cli.global.no_prompt {
        printer.clone().without_prompts()
    } else {
        printer.clone()
    };
    let invocation = Invocation {
        printer: printer.clone(),
        env,
        cwd,
        overrides: Overrides {
            api_url: cli.global.api_url.clone(),
            profile: cli.global.profile.clone(),
        },
    };
    let outcome = run(cli.command, &invocation);
    let delivered = printer.finish();
    match outcome {
        Ok(()) => match delivered {
            Ok(()) => 0,
            // A reader that stopped reading (`ot2ctl ... | head`) wanted no more: quiet, as
            // when SIGPIPE ends a program.
            Err(err) if err.kind() == std::io::ErrorKind::BrokenPipe => 0,
            Err(err) => {
                printer.note(format_args!(
                    "error: cannot write to standard output: {err}"
                ));
                EXIT_FAILURE
            }
        },
        Err(err) => {
            for line in render_error(&err).lines() {
                printer.note(format_args!("error: {line}"));
            }
            exit_code_for(&err)
        }
    }
}

/// What clap could not parse, as one line like every other error (help and version are
/// printed as clap prints them).
fn usage(error: clap::Error, args: &[OsString], printer: &Printer) -> u8 {
    if matches!(
        error.kind(),
        ErrorKind::DisplayHelp
            | ErrorKind::DisplayVersion
            | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand
    ) {
        // The process's own streams keep clap's colours on a terminal; a captured printer gets
        // the plain text.
        let written = if printer.is_stdio() {
            error.print()
        } else {
            let text = error.render().to_string();
            if error.use_stderr() {
                printer.note(text.trim_end());
            } else {
                printer.text(&text);
            }
            printer.finish()
        };
        return match written {
            Err(err) if err.kind() != std::io::ErrorKind::BrokenPipe => {
                printer.note(format_args!("error: cannot write the help: {err}"));
                EXIT_FAILURE
            }
            _ if error.use_stderr() => EXIT_USAGE,
            _ => 0,
        };
    }
    let text = error.to_string();
    // The first paragraph: the message, and what it lists (the arguments not provided).
    let first = text
        .lines()
        .take_while(|line| !line.trim().is_empty())
        .map(str::trim)
        .collect::<Vec<_>>()
        .join(" ");
    let first = first.trim_start_matches("error: ");
    let args: Vec<String> = args
        .iter()
        .map(|a| a.to_string_lossy().to_string())
        .collect();
    printer.note(format_args!(
        "error: {first}{}",
        crate::cli::usage_hint(&text, &args)
    ));
    EXIT_USAGE
}

/// Runs one parsed command.
pub fn run(command: Command, invocation: &Invocation) -> Result<()> {
    let printer = &invocation.printer;
    match command {
        Command::Completions { shell } => completions::run(shell, printer),
        Command::Config(command) => config::run(command, invocation),
        Command::Profile(command) => profile::run(command, invocation),
        Command::WorkPool(command) => {
            with_api(invocation, |api| work_pool::run(command, api, invocation))
        }
        Command::WorkQueue(command) => {
            with_api(invocation, |api| work_queue::run(command, api, printer))
        }
        Command::Lab(command) => lab::run(command, invocation),
        Command::Worker(command) => worker::run(command, invocation),
        Command::Robot(command) => robot::run(command, invocation),
        Command::Inventory(command) => inventory::run(command, invocation),
        Command::Plate(command) => plate::run(command, invocation),
        Command::Sensor(command) => sensor::run(command, invocation),
        Command::Campaign(command) => campaign::run(command, invocation),
        Command::Deploy(args) => deploy::run(args, invocation),
        // `run` is `deployment run`.
        Command::Run(args) => with_api(invocation, |api| async move {
            deployment::run::run(&api, args, printer).await
        }),
        Command::Deployment(command) => {
            with_api(invocation, |api| deployment::run(command, api, printer))
        }
        Command::FlowRun(command) => {
            with_api(invocation, |api| flow_run::run(command, api, printer))
        }
    }
}
