use std::process::ExitCode;

use clap::Parser;
use clap::error::ErrorKind;

use ot2ctl::cli::Cli;
use ot2ctl::error::{EXIT_FAILURE, EXIT_USAGE, exit_code_for, render_error};
use ot2ctl::output::Printer;

fn main() -> ExitCode {
    let printer = Printer::stdio();
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(error) => return usage(error, &printer),
    };
    let printer = if cli.global.no_prompt {
        printer.without_prompts()
    } else {
        printer
    };
    let outcome = ot2ctl::commands::run(cli, &printer);
    let delivered = printer.finish();
    match outcome {
        Ok(()) => match delivered {
            Ok(()) => ExitCode::SUCCESS,
            // A reader that stopped reading (`ot2ctl ... | head`) wanted no more: quiet, as
            // when SIGPIPE ends a program.
            Err(err) if err.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
            Err(err) => {
                printer.note(format_args!(
                    "error: cannot write to standard output: {err}"
                ));
                ExitCode::from(EXIT_FAILURE)
            }
        },
        Err(err) => {
            for line in render_error(&err).lines() {
                printer.note(format_args!("error: {line}"));
            }
            ExitCode::from(exit_code_for(&err))
        }
    }
}

/// What clap could not parse, as one line like every other error (help and version are
/// printed as clap prints them).
fn usage(error: clap::Error, printer: &Printer) -> ExitCode {
    if matches!(
        error.kind(),
        ErrorKind::DisplayHelp
            | ErrorKind::DisplayVersion
            | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand
    ) {
        match error.print() {
            Err(err) if err.kind() != std::io::ErrorKind::BrokenPipe => {
                printer.note(format_args!("error: cannot write the help: {err}"));
                return ExitCode::from(EXIT_FAILURE);
            }
            _ => {}
        }
        return ExitCode::from(if error.use_stderr() { EXIT_USAGE } else { 0 });
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
    let args: Vec<String> = std::env::args().collect();
    printer.note(format_args!(
        "error: {first}{}",
        ot2ctl::cli::usage_hint(&text, &args)
    ));
    ExitCode::from(EXIT_USAGE)
}
