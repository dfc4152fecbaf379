use std::process::ExitCode;

use clap::Parser;

use ot2ctl::cli::Cli;
use ot2ctl::error::{exit_code_for, render_error};
use ot2ctl::output::Printer;

fn main() -> ExitCode {
    let cli = Cli::parse();
    let printer = Printer::stdio();
    match ot2ctl::commands::run(cli, &printer) {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            for line in render_error(&err).lines() {
                printer.note(format_args!("error: {line}"));
            }
            ExitCode::from(exit_code_for(&err))
        }
    }
}
