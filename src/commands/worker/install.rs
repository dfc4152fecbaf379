//! `ot2ctl worker install`: the worker as a service that starts at boot and restarts on
//! failure, either a systemd unit or, on an OT-2 (read-only `/etc`), a `/var/data/boot.d`
//! script that starts a transient systemd unit.

use crate::output::Printer;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};

use crate::api::robot::robot_url;
use crate::cli::{InstallTarget, WorkerInstallArgs, WorkerSettings};
use crate::commands::invocation::Invocation;
use crate::commands::shared::api_env;
use crate::commands::shared::print_warnings;
use crate::config::paths::ot2ctl_home;
use crate::config::profiles::write_private_file;
use crate::config::settings::{is_secret, mask};
use crate::error::UsageError;
use crate::executor::source::bare_repository;
use crate::worker::default_name;

/// Seconds systemd waits after a failure before starting the worker again.
const RESTART_SECONDS: u64 = 10;

/// Everything a service needs to start the worker as `worker start` would.
struct Service {
    name: String,
    description: String,
    /// The full command line: binary, `worker start`, flags.
    command: Vec<String>,
    /// Settings that may be read by anyone who can read the unit.
    environment: Vec<(String, String)>,
    /// Settings that hold a secret, kept in `env_file` (mode 0600).
    secrets: Vec<(String, String)>,
    env_file: PathBuf,
    /// Start after robot-server when the worker drives the robot through it.
    after_robot_server: bool,
    /// Seconds a stop may take: the worker's grace periods plus a margin.
    stop_timeout: u64,
}

pub fn install(args: WorkerInstallArgs, invocation: &Invocation) -> Result<()> {
    let printer = &invocation.printer;
    let settings = invocation.settings()?;
    print_warnings(&settings, printer);
    let worker = settled(args.settings.clone(), printer)?;
    let (unit_dir, env_dir) = match args.target {
        InstallTarget::Systemd => ("/etc/systemd/system", "/etc/ot2ctl"),
        InstallTarget::Ot2 => ("/var/data/boot.d", "/var/data/ot2ctl"),
    };
    let unit_dir = args.unit_dir.clone().unwrap_or_else(|| unit_dir.into());
    let env_dir = args.env_dir.clone().unwrap_or_else(|| env_dir.into());
    let binary = match &args.binary {
        Some(binary) => absolute(binary)?,
        None => std::env::current_exe().context("cannot find this ot2ctl binary")?,
    };
    if !args
        .unit_name
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || "-_.@".contains(c))
    {
        return Err(UsageError::new(format!(
            "'{}' cannot name a unit; use letters, digits, '-', '_' and '.'",
            args.unit_name
        ))
        .into());
    }

    let (mut secrets, mut environment): (Vec<_>, Vec<_>) = api_env(&settings)?
        .into_iter()
        .partition(|(name, _)| is_secret(name));
    // The colour sensor this shell names goes with the worker, checked first; the broker's
    // password to the 0600 file with the other secrets, never into the unit.
    crate::sensor::SensorSettings::from_env(&invocation.env).map_err(UsageError::new)?;
    for name in crate::sensor::settings::ALL {
        if let Some(value) = invocation.setting(name) {
            let pair = (name.to_string(), value);
            if name == crate::sensor::settings::PASSWORD {
                secrets.push(pair);
            } else {
                environment.push(pair);
            }
        }
    }
    // The service must find the per-robot offsets and profiles `ot2ctl robot offsets` writes;
    // on an OT-2 only /var/data is writable and persistent.
    let home = match (args.target, invocation.setting("OT2CTL_HOME")) {
        (InstallTarget::Ot2, None) => env_dir.clone(),
        _ => ot2ctl_home(&|name| invocation.setting(name))?,
    };
    environment.push(("OT2CTL_HOME".into(), home.display().to_string()));
    let mut command = vec![
        binary.display().to_string(),
        "worker".into(),
        "start".into(),
    ];
    command.extend(worker.to_args());
    let service = Service {
        name: args.unit_name.clone(),
        description: format!("ot2ctl worker for Prefect work pool {}", worker.pool),
        command,
        environment,
        secrets,
        env_file: env_dir.join(format!("{}.env", args.unit_name)),
        after_robot_server: worker.robot.is_some(),
        stop_timeout: worker.shutdown_grace_seconds + worker.cancel_grace_seconds + 15,
    };

    let (path, text, mode) = match args.target {
        InstallTarget::Systemd => (
            unit_dir.join(format!("{}.service", service.name)),
            systemd_unit(&service),
            0o644,
        ),
        InstallTarget::Ot2 => (unit_dir.join(&service.name), boot_script(&service), 0o755),
    };
    if args.dry_run {
        printer.line(format_args!("# {}", path.display()));
        printer.text(&text);
        if !service.secrets.is_empty() {
            printer.line(format_args!(
                "\n# {} (mode 0600)",
                service.env_file.display()
            ));
            for (name, value) in &service.secrets {
                printer.line(format_args!("{name}={}", mask(value)));
            }
        }
        return Ok(());
    }

    if !service.secrets.is_empty() {
        write_private_file(&service.env_file, env_file(&service.secrets).as_bytes())?;
    }
    write_file(&path, &text, mode)?;
    printer.line(format_args!("Wrote {}", path.display()));
    if !service.secrets.is_empty() {
        printer.line(format_args!(
            "Wrote {} (mode 0600)",
            service.env_file.display()
        ));
    }
    match args.target {
        InstallTarget::Systemd => printer.line(format_args!(
            "Start it now and at every boot:\n  systemctl daemon-reload\n  systemctl enable --now {}\nFollow it with: journalctl -u {} -f",
            service.name, service.name
        )),
        InstallTarget::Ot2 => printer.line(format_args!(
            "It starts at the next boot; start it now with:\n  {}\nFollow it with: journalctl -u {} -f\n\
             In robot shells, export OT2CTL_HOME={} so `ot2ctl robot offsets` writes where the worker reads.",
            path.display(),
            service.name,
            home.display()
        )),
    }
    Ok(())
}

/// The settings as the service will use them: the robot URL normalised, a fixed worker name
/// (Prefect tracks a worker by name) and absolute paths (a service has no working directory).
fn settled(mut worker: WorkerSettings, printer: &Printer) -> Result<WorkerSettings> {
    // The allowlist names repositories; a credential written into one would end up in a
    // unit anyone can read. The pull step's own URL carries what git needs.
    for repo in &mut worker.allow_repo {
        let bare = bare_repository(repo);
        if bare != *repo {
            printer.note(format_args!(
                "note: --allow-repo {repo} is written into the service without its credential \
                 ({bare}); the repository is allowed whatever credential its pull step's URL carries"
            ));
            *repo = bare;
        }
    }
    if let Some(robot) = &worker.robot {
        worker.robot = Some(robot_url(robot).map_err(|e| UsageError::new(e.to_string()))?);
    }
    worker.name.get_or_insert_with(default_name);
    for dir in &mut worker.protocols_dir {
        *dir = existing(dir)?;
    }
    for tool in [&mut worker.opentrons_python, &mut worker.opentrons_execute]
        .into_iter()
        .flatten()
    {
        *tool = command_path(tool)?;
    }
    worker.python = command_path(&worker.python)?;
    if let Some(dir) = &mut worker.checkouts_dir {
        *dir = absolute(dir)?;
    }
    Ok(worker)
}

fn absolute(path: &Path) -> Result<PathBuf> {
    std::path::absolute(path).with_context(|| format!("cannot resolve {}", path.display()))
}

/// A directory the service will read from, which must exist now.
fn existing(dir: &Path) -> Result<PathBuf> {
    dir.canonicalize()
        .map_err(|e| UsageError::new(format!("--protocols-dir {}: {e}", dir.display())).into())
}

/// A program: a bare name is looked up on the service's PATH, a path is made absolute.
fn command_path(program: &Path) -> Result<PathBuf> {
    if program.components().count() == 1 {
        return Ok(program.to_path_buf());
    }
    absolute(program)
}

fn systemd_unit(service: &Service) -> String {
    let command: Vec<String> = service.command.iter().map(|a| systemd_quote(a)).collect();
    let after = if service.after_robot_server {
        "network-online.target opentrons-robot-server.service"
    } else {
        "network-online.target"
    };
    let mut unit = format!(
        "# Written by `ot2ctl worker install`; run it again to change the settings.\n\
         [Unit]\n\
         Description={}\n\
         Wants=network-online.target\n\
         After={after}\n\
         \n\
         [Service]\n\
         Type=simple\n\
         ExecStart={}\n",
        service.description,
        command.join(" ")
    );
    for (name, value) in &service.environment {
        unit.push_str(&format!(
            "Environment={}\n",
            systemd_quote(&format!("{name}={value}"))
        ));
    }
    if !service.secrets.is_empty() {
        unit.push_str(&format!(
            "EnvironmentFile={}\n",
            systemd_quote(&service.env_file.display().to_string())
        ));
    }
    unit.push_str(&format!(
        "Restart=on-failure\n\
         RestartSec={RESTART_SECONDS}\n\
         # SIGTERM to the worker only: it lets running runs finish, then cancels them itself.\n\
         KillMode=mixed\n\
         TimeoutStopSec={}\n\
         \n\
         [Install]\n\
         WantedBy=multi-user.target\n",
        service.stop_timeout
    ));
    unit
}

/// An OT-2 boot script: `run-parts /var/data/boot.d` runs it at boot, and it hands the worker
/// to systemd as a transient unit, so it still restarts on failure and logs to the journal.
fn boot_script(service: &Service) -> String {
    let mut run = vec![
        "systemd-run".to_string(),
        format!("--unit={}", service.name),
        format!("--description={}", service.description),
        "--property=Restart=on-failure".into(),
        "--property=KillMode=mixed".into(),
        format!("--property=RestartSec={RESTART_SECONDS}"),
        format!("--property=TimeoutStopSec={}", service.stop_timeout),
    ];
    if service.after_robot_server {
        run.push("--property=After=opentrons-robot-server.service".into());
    }
    for (name, value) in &service.environment {
        run.push(format!("--setenv={name}={value}"));
    }
    if !service.secrets.is_empty() {
        run.push(format!(
            "--property=EnvironmentFile={}",
            service.env_file.display()
        ));
    }
    let options: Vec<String> = run.iter().map(|a| shell_quote(a)).collect();
    let command: Vec<String> = service.command.iter().map(|a| shell_quote(a)).collect();
    format!(
        "#!/bin/sh\n\
         # Written by `ot2ctl worker install --target ot2`; run it again to change the settings.\n\
         # The OT-2's /etc is read-only: this boot script starts the worker as a transient\n\
         # systemd unit that restarts on failure. Logs: journalctl -u {}\n\
         {} \\\n  {}\n",
        service.name,
        options.join(" \\\n  "),
        command.join(" ")
    )
}

/// `NAME=value` lines for an `EnvironmentFile=`.
fn env_file(secrets: &[(String, String)]) -> String {
    secrets
        .iter()
        .map(|(name, value)| format!("{name}={}\n", systemd_quote(value)))
        .collect()
}

/// A word of a systemd command line or assignment: bare when it is plain, else double-quoted
/// with C escapes; `%` is doubled because systemd expands specifiers.
fn systemd_quote(word: &str) -> String {
    let word = word.replace('%', "%%");
    let plain = !word.is_empty()
        && word
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "-_./:=,@+%".contains(c));
    if plain {
        return word;
    }
    let escaped = word
        .replace('\\', "\\\\")
        .replace('"', "\\\"")
        .replace('\n', "\\n");
    format!("\"{escaped}\"")
}

/// A word of a POSIX shell command line: bare when it is plain, else single-quoted.
fn shell_quote(word: &str) -> String {
    let plain = !word.is_empty()
        && word
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "-_./:=,@+%".contains(c));
    if plain {
        word.to_string()
    } else {
        format!("'{}'", word.replace('\'', "'\\''"))
    }
}

fn write_file(path: &Path, text: &str, mode: u32) -> Result<()> {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir)
            .with_context(|| format!("cannot create {} (run with sudo?)", dir.display()))?;
    }
    std::fs::write(path, text)
        .with_context(|| format!("cannot write {} (run with sudo?)", path.display()))?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode))
            .with_context(|| format!("cannot set the mode of {}", path.display()))?;
    }
    #[cfg(not(unix))]
    let _ = mode;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn systemd_words_are_quoted_only_when_needed() {
        assert_eq!(systemd_quote("--pool"), "--pool");
        assert_eq!(
            systemd_quote("http://127.0.0.1:31950"),
            "http://127.0.0.1:31950"
        );
        assert_eq!(systemd_quote("my queue"), "\"my queue\"");
        assert_eq!(systemd_quote("a\"b"), "\"a\\\"b\"");
        assert_eq!(systemd_quote("50%"), "50%%");
    }
}
