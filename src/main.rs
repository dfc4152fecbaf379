use std::process::ExitCode;

use ot2ctl::config::Env;
use ot2ctl::output::Printer;

fn main() -> ExitCode {
    let cwd = std::env::current_dir().unwrap_or_default();
    let code = ot2ctl::commands::invoke(
        std::env::args_os().collect(),
        &Printer::stdio(stdout_given::at_start()),
        Env::process(),
        cwd,
    );
    ExitCode::from(code)
}

/// Whether the process was started with a standard output. Rust's runtime puts `/dev/null` in
/// place of a closed descriptor before `main`, which then cannot tell `ot2ctl ... >&-` from
/// `>/dev/null` (or Python's `subprocess.DEVNULL`); an ELF constructor runs before the
/// runtime and looks first.
mod stdout_given {
    use std::sync::atomic::{AtomicBool, Ordering};

    static GIVEN: AtomicBool = AtomicBool::new(true);

    #[cfg(target_os = "linux")]
    #[used]
    #[unsafe(link_section = ".init_array")]
    static LOOK: extern "C" fn() = look;

    #[cfg(target_os = "linux")]
    extern "C" fn look() {
        // SAFETY: F_GETFD only reads the descriptor's flags; -1 means it is not open.
        let open = unsafe { libc::fcntl(libc::STDOUT_FILENO, libc::F_GETFD) } != -1;
        GIVEN.store(open, Ordering::Relaxed);
    }

    /// What the constructor saw (elsewhere than Linux: taken as given).
    pub fn at_start() -> bool {
        GIVEN.load(Ordering::Relaxed)
    }
}
