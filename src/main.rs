use std::process::ExitCode;

use ot2ctl::config::Env;
use ot2ctl::output::Printer;

fn main() -> ExitCode {
    let cwd = std::env::current_dir().unwrap_or_default();
    let code = ot2ctl::commands::invoke(
        std::env::args_os().collect(),
        &Printer::stdio(),
        Env::process(),
        cwd,
    );
    ExitCode::from(code)
}
