//! Child processes of runs: each in its own process group, so that cancelling a run stops
//! everything it started, and exit statuses explained the way Prefect explains them.

use std::process::ExitStatus;
use std::time::Duration;

/// Puts the child in a new process group (its pid is the group id).
pub fn own_process_group(command: &mut tokio::process::Command) {
    #[cfg(unix)]
    command.process_group(0);
    command.kill_on_drop(true);
}

/// Sends a signal to a run's whole process group.
#[cfg(unix)]
pub fn signal_group(pid: u32, signal: i32) {
    // SAFETY: kill(2) with a negative pid addresses the process group; no memory is shared.
    unsafe {
        libc::kill(-(pid as i32), signal);
    }
}

/// SIGTERM, then SIGKILL if the group is still there after `grace`.
pub async fn stop(child: &mut tokio::process::Child, grace: Duration) -> Option<ExitStatus> {
    let Some(pid) = child.id() else {
        return child.wait().await.ok();
    };
    #[cfg(unix)]
    signal_group(pid, libc::SIGTERM);
    #[cfg(not(unix))]
    let _ = child.start_kill();
    match tokio::time::timeout(grace, child.wait()).await {
        Ok(status) => status.ok(),
        Err(_) => {
            #[cfg(unix)]
            signal_group(pid, libc::SIGKILL);
            let _ = child.start_kill();
            child.wait().await.ok()
        }
    }
}

/// Prefect's wording: "Process exited with status code: 1. <meaning>"; signals are given as
/// negative codes with their name.
pub fn exit_message(status: ExitStatus) -> String {
    #[cfg(unix)]
    {
        use std::os::unix::process::ExitStatusExt;
        if let Some(signal) = status.signal() {
            return format!(
                "Process exited with status code: -{signal}. It was killed by signal {} ({signal}){}.",
                signal_name(signal),
                match signal {
                    9 => ", for example by an operator or the out-of-memory killer",
                    15 => ", a request to stop",
                    _ => "",
                }
            );
        }
    }
    let code = status.code().unwrap_or(-1);
    let meaning = match code {
        1 => "A general error occurred in the run.",
        126 => "The command is not executable.",
        127 => "The command was not found.",
        137 => "It was killed (SIGKILL), for example by the out-of-memory killer.",
        143 => "It was terminated (SIGTERM).",
        _ => "Process exited with an unexpected status code.",
    };
    format!("Process exited with status code: {code}. {meaning}")
}

#[cfg(unix)]
fn signal_name(signal: i32) -> &'static str {
    match signal {
        1 => "SIGHUP",
        2 => "SIGINT",
        3 => "SIGQUIT",
        6 => "SIGABRT",
        9 => "SIGKILL",
        11 => "SIGSEGV",
        13 => "SIGPIPE",
        15 => "SIGTERM",
        _ => "a signal",
    }
}
