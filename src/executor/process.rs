//! Child processes of runs: each in its own process group, so that cancelling a run stops
//! everything it started, and exit statuses explained the way Prefect explains them.

use std::fmt;
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

/// How long a child that reported its run's final state may take to exit before it is
/// stopped.
const EXIT_AFTER_REPORT: Duration = Duration::from_secs(60);

/// Waits for a child whose work is done (it reported its final state) to exit, stopping it if
/// it takes longer than a minute.
pub async fn exit_after_report(child: &mut tokio::process::Child, grace: Duration) {
    if tokio::time::timeout(EXIT_AFTER_REPORT, child.wait())
        .await
        .is_err()
    {
        stop(child, grace).await;
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

/// Set in the environment of a simulation's process to the flow run's id, so that a
/// restarted worker can tell it from an unrelated process that took its id.
pub const SIMULATION_MARK: &str = "OT2CTL_FLOW_RUN_ID";

/// What executes a flow run, as kept in its `infrastructure_pid`: `<host>:<pid> (worker
/// <name>)`, Prefect's process worker's `<host>:<pid>` with the worker's name, so that a
/// restarted worker knows which runs were its own. Right after a claim the pid is the
/// worker's own; once a child runs the flow, the child's.
#[derive(Debug, Clone, PartialEq)]
pub struct ProcessRef {
    pub host: String,
    pub pid: u32,
    pub worker: String,
}

impl fmt::Display for ProcessRef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{} (worker {})", self.host, self.pid, self.worker)
    }
}

impl ProcessRef {
    pub fn new(pid: u32, worker: &str) -> ProcessRef {
        ProcessRef {
            host: this_host(),
            pid,
            worker: worker.to_string(),
        }
    }

    pub fn parse(text: &str) -> Option<ProcessRef> {
        let (location, worker) = text.strip_suffix(')')?.rsplit_once(" (worker ")?;
        let (host, pid) = location.rsplit_once(':')?;
        Some(ProcessRef {
            host: host.to_string(),
            pid: pid.parse().ok()?,
            worker: worker.to_string(),
        })
    }

    /// Whether the process is on this machine and still there.
    pub fn is_alive_here(&self) -> bool {
        self.host == this_host() && is_alive(self.pid)
    }
}

/// This machine's name, as Prefect's process worker writes it into `infrastructure_pid`.
pub fn this_host() -> String {
    hostname().unwrap_or_else(|| "localhost".into())
}

/// This machine's name as the kernel has it (what Python's `socket.gethostname()` returns),
/// if it has one.
pub fn hostname() -> Option<String> {
    std::fs::read_to_string("/proc/sys/kernel/hostname")
        .or_else(|_| std::fs::read_to_string("/etc/hostname"))
        .map(|h| h.trim().to_string())
        .ok()
        .filter(|h| !h.is_empty())
        .or_else(|| std::env::var("HOSTNAME").ok())
}

/// Whether a process with this id exists and has not exited. A zombie (exited, not yet
/// reaped: an orphan under an init that does not reap) counts as exited.
pub fn is_alive(pid: u32) -> bool {
    #[cfg(unix)]
    {
        // SAFETY: signal 0 only checks that the process exists and may be signalled.
        let answer = unsafe { libc::kill(pid as i32, 0) };
        let exists =
            answer == 0 || std::io::Error::last_os_error().raw_os_error() == Some(libc::EPERM);
        exists && !is_zombie(pid)
    }
    #[cfg(not(unix))]
    {
        let _ = pid;
        false
    }
}

/// Whether the process has exited and waits to be reaped (state `Z` in `/proc/<pid>/stat`).
fn is_zombie(pid: u32) -> bool {
    std::fs::read_to_string(format!("/proc/{pid}/stat"))
        .ok()
        .and_then(|stat| {
            // The command name in parentheses may hold spaces; the state follows the last ')'.
            let after = stat.rsplit_once(')')?.1;
            after.split_whitespace().next().map(|state| state == "Z")
        })
        .unwrap_or(false)
}

/// Whether the process was started with `name=value` in its environment (Linux), which tells a
/// flow run's engine from an unrelated process that reused the id.
pub fn started_with_env(pid: u32, name: &str, value: &str) -> bool {
    let wanted = format!("{name}={value}");
    std::fs::read(format!("/proc/{pid}/environ"))
        .map(|environ| {
            environ
                .split(|byte| *byte == 0)
                .any(|entry| entry == wanted.as_bytes())
        })
        .unwrap_or(false)
}

/// The live processes (not zombies) started with `name=value` in their environment (Linux):
/// a run's engine or simulation found by the run id it was given, where the pid recorded
/// for the run is not its own (the worker was killed before it recorded it).
pub fn started_with(name: &str, value: &str) -> Vec<u32> {
    let Ok(entries) = std::fs::read_dir("/proc") else {
        return Vec::new();
    };
    entries
        .flatten()
        .filter_map(|entry| entry.file_name().to_str()?.parse::<u32>().ok())
        .filter(|pid| started_with_env(*pid, name, value) && is_alive(*pid))
        .collect()
}

/// The executable name the kernel keeps for a process (`/proc/<pid>/comm`, Linux).
pub fn command_name(pid: u32) -> Option<String> {
    std::fs::read_to_string(format!("/proc/{pid}/comm"))
        .ok()
        .map(|name| name.trim().to_string())
}

/// The process's parent (`PPid` in `/proc/<pid>/status`, Linux).
pub fn parent(pid: u32) -> Option<u32> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    status
        .lines()
        .find_map(|line| line.strip_prefix("PPid:"))
        .and_then(|ppid| ppid.trim().parse().ok())
}

/// SIGKILL to a process group that is not our child (a run left by an earlier worker), and
/// waits until it is gone. Not SIGTERM: a Prefect engine reports a crash on SIGTERM unless its
/// supervisor announced a cancellation first, and the channel for that went with the worker
/// that started it.
pub async fn kill_group(pid: u32) {
    #[cfg(unix)]
    signal_group(pid, libc::SIGKILL);
    for _ in 0..100 {
        if !is_alive(pid) {
            return;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn process_refs_read_back_what_they_write() {
        let reference = ProcessRef {
            host: "ot2-robot-1".into(),
            pid: 4242,
            worker: "ot2ctl-robot:1".into(),
        };
        assert_eq!(
            reference.to_string(),
            "ot2-robot-1:4242 (worker ot2ctl-robot:1)"
        );
        assert_eq!(ProcessRef::parse(&reference.to_string()), Some(reference));
        assert_eq!(ProcessRef::parse("ot2-robot-1:4242"), None);
        assert_eq!(ProcessRef::parse("http://robot/runs/1 (worker w)"), None);
    }

    #[test]
    fn this_process_is_alive_and_has_its_environment() {
        assert!(is_alive(std::process::id()));
        assert!(parent(std::process::id()).is_some_and(is_alive));
        assert!(command_name(std::process::id()).is_some());
        let path = std::env::var("PATH").unwrap_or_default();
        assert!(started_with_env(std::process::id(), "PATH", &path));
        assert!(!started_with_env(
            std::process::id(),
            "PATH",
            "not-the-path"
        ));
    }
}
