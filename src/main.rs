use std::process::ExitCode;

use clap::Parser;

use ot2ctl::cli::Cli;
use ot2ctl::error::{exit_code_for, render_error};

fn main() -> ExitCode {
    let cli = Cli::parse();
    match ot2ctl::commands::run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            for line in render_error(&err).lines() {
                eprintln!("error: {line}");
            }
            ExitCode::from(exit_code_for(&err))
        }
    }
}
