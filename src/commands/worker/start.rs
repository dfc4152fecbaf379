//! `ot2ctl worker start`.

use std::time::Duration;

use anyhow::Result;

use crate::api::robot::robot_url;
use crate::cli::{DEFAULT_POLL, DEFAULT_POLL_WITH_EVENTS, WorkerStartArgs};
use crate::commands::invocation::Invocation;
use crate::commands::shared::{api_client, api_env, print_warnings};
use crate::config::paths::{ot2ctl_dir, ot2ctl_home};
use crate::error::UsageError;
use crate::executor;
use crate::executor::source::bare_repository;
use crate::ot2::Runner;
use crate::output::OutputFormat;
use crate::store::Database;
use crate::worker::python_flow::Engine;
use crate::worker::{Executors, PythonFlows, WorkerOptions, default_name};

pub fn start(args: WorkerStartArgs, invocation: &Invocation) -> Result<()> {
    let printer = &invocation.printer;
    let settings = invocation.settings()?;
    print_warnings(&settings, printer);
    let api = api_client(&settings)?;
    let api_env = api_env(&settings)?;
    let json = args.output.output == OutputFormat::Json;
    let args_run_once = args.run_once;
    let mut args = args.settings;
    if let Some(reason) = preflight(&mut args)? {
        printer.warn(reason);
    }
    let robot = args
        .robot
        .as_deref()
        .map(robot_url)
        .transpose()
        .map_err(|e| UsageError::new(e.to_string()))?;
    let env = |name: &str| invocation.env.var(name);
    let home = ot2ctl_home(&env)?;
    let checkouts = args.checkouts_dir.clone().unwrap_or_else(|| {
        // A cache, except on a robot where OT2CTL_HOME is the one writable place.
        ot2ctl_dir(&env, dirs::cache_dir())
            .unwrap_or_else(|| std::env::temp_dir().join("ot2ctl"))
            .join("checkouts")
    });
    let options = WorkerOptions {
        pool: args.pool,
        queues: args.queue,
        name: args.name.unwrap_or_else(default_name),
        limit: args.limit as usize,
        prefetch: Duration::from_secs(args.prefetch_seconds),
        // A value given is kept whatever the event stream does.
        poll_interval: args.poll_seconds.unwrap_or(DEFAULT_POLL).duration(),
        poll_interval_with_events: args
            .poll_seconds
            .unwrap_or(DEFAULT_POLL_WITH_EVENTS)
            .duration(),
        heartbeat_interval: Duration::from_secs(args.heartbeat_seconds),
        run_once: args_run_once,
        shutdown_grace: Duration::from_secs(args.shutdown_grace_seconds),
        json,
    };
    let settings = executor::Settings {
        places: executor::Places {
            protocols_dirs: args.protocols_dir,
            allowed_repos: args.allow_repo.iter().map(|r| bare_repository(r)).collect(),
            checkouts,
            git_timeout: Duration::from_secs(args.git_timeout_seconds),
        },
        ot2ctl_home: home,
        cancel_grace: Duration::from_secs(args.cancel_grace_seconds),
        children_to_stderr: json,
        run_heartbeat: Duration::from_secs(args.heartbeat_seconds),
    };
    let python = if args.no_python_flows {
        PythonFlows::Off
    } else {
        PythonFlows::Engine(Engine {
            python: args.python,
            api_env,
        })
    };
    let ot2 = Runner::choose(
        robot,
        args.opentrons_execute,
        args.opentrons_python,
        args.force_stop,
        args.stop_robot_server,
    );
    if matches!(ot2, Runner::Unavailable) {
        // The trap of a first `worker start`: nothing runs protocols by default.
        printer.warn(
            "no way to run OT-2 protocols (no --robot, --opentrons-execute or \
             --opentrons-python): an OT-2 run this worker claims fails before any motion",
        );
    }
    let sensor =
        crate::sensor::SensorSettings::from_env(&invocation.env).map_err(UsageError::new)?;
    let executors = |database| Executors::new(settings, ot2, python, database).with_sensor(sensor);
    crate::commands::shared::runtime()?.block_on(async move {
        let database = Database::open(&env)
            .await
            .map_err(|e| UsageError::new(e.to_string()))?;
        crate::worker::run(api, options, executors(database), printer).await
    })
}

/// What the worker will need, checked before it claims anything: each problem is one line,
/// and the worker does not start (exit 2). A Python without prefect turns Python flows off
/// with a warning (returned) instead: most robots run OT-2 protocols only.
fn preflight(args: &mut crate::cli::WorkerSettings) -> Result<Option<String>, UsageError> {
    let mut problems = Vec::new();
    for dir in &args.protocols_dir {
        if let Err(error) = std::fs::read_dir(dir) {
            problems.push(format!(
                "--protocols-dir {}: not a readable directory ({error})",
                dir.display()
            ));
        }
    }
    if let Some(python) = &args.opentrons_python
        && args.robot.is_none()
        && args.opentrons_execute.is_none()
        && let Err(reason) = python_has(python, "opentrons")
    {
        problems.push(format!(
            "--opentrons-python {}: {reason} (it simulates OT-2 protocols: point it at a Python \
             with opentrons 8.2.0)",
            python.display()
        ));
    }
    if let Some(tool) = &args.opentrons_execute
        && !is_executable(tool)
    {
        problems.push(format!(
            "--opentrons-execute {}: not an executable file",
            tool.display()
        ));
    }
    if !problems.is_empty() {
        return Err(UsageError::new(problems.join("\n")));
    }
    if args.no_python_flows {
        return Ok(None);
    }
    match python_has(&args.python, "prefect") {
        Ok(()) => Ok(None),
        Err(reason) => {
            args.no_python_flows = true;
            Ok(Some(format!(
                "Python flows are off: {} {reason} (pass --python with a Python that has \
                 prefect to run them, or --no-python-flows to say so)",
                args.python.display()
            )))
        }
    }
}

/// Whether `python` runs and can import `module` (looked up, not imported: fast).
fn python_has(python: &std::path::Path, module: &str) -> Result<(), String> {
    let probe = format!(
        "import importlib.util, sys; sys.exit(0 if importlib.util.find_spec({module:?}) else 3)"
    );
    match std::process::Command::new(python)
        .args(["-c", &probe])
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .status()
    {
        Ok(status) if status.success() => Ok(()),
        Ok(status) if status.code() == Some(3) => Err(format!("has no {module}")),
        Ok(status) => Err(format!("does not run as Python ({status})")),
        Err(error) => Err(format!("cannot be run ({error})")),
    }
}

fn is_executable(path: &std::path::Path) -> bool {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(path).is_ok_and(|m| m.is_file() && m.permissions().mode() & 0o111 != 0)
}
