//! Python Prefect flows, run the way Prefect's process worker runs them: the job
//! configuration from the pool's template and the job variables, then
//! `python -m prefect.engine` with `PREFECT__FLOW_RUN_ID`. The engine itself moves the run to
//! RUNNING and to its final state; the worker watches for crashes and cancellation.

use std::path::PathBuf;
use std::process::Stdio;

use super::job;
use crate::executor::control::EngineControl;
use crate::executor::process::{exit_after_report, own_process_group};
use crate::executor::{Level, Outcome, RunContext, Supervised};

/// How the Python engine is reached: the interpreter, and the settings it needs to report to
/// the same server with the same credential.
#[derive(Debug, Clone)]
pub struct Engine {
    pub python: PathBuf,
    pub api_env: Vec<(String, String)>,
}

pub async fn execute(context: &RunContext, engine: &Engine) -> Outcome {
    let template = &context.pool.base_job_template;
    let [(_, deployment_variables), (_, run_variables)] = context.job_variables();
    let config = job::resolve(
        template,
        &job::variables(template, &deployment_variables, &run_variables),
    );

    let argv: Vec<String> = match &config.command {
        Some(command) => match shlex::split(command) {
            Some(argv) if !argv.is_empty() => argv,
            _ => {
                return Outcome::refused(format!(
                    "the job's command `{command}` cannot be split into words"
                ));
            }
        },
        None => vec![
            engine.python.display().to_string(),
            "-m".into(),
            "prefect.engine".into(),
        ],
    };
    // Without a working directory the run gets a fresh one, removed afterwards.
    let scratch = match &config.working_dir {
        Some(_) => None,
        None => match tempfile::Builder::new().prefix("ot2ctl-run-").tempdir() {
            Ok(dir) => Some(dir),
            Err(error) => {
                return Outcome::refused(format!("cannot create a working directory: {error}"));
            }
        },
    };
    let cwd = config
        .working_dir
        .clone()
        .map(PathBuf::from)
        .or_else(|| scratch.as_ref().map(|d| d.path().to_path_buf()))
        .expect("one of the two");

    let mut command = tokio::process::Command::new(&argv[0]);
    command.args(&argv[1..]).current_dir(&cwd);
    for (name, value) in &engine.api_env {
        command.env(name, value);
    }
    // The engine emits the run's heartbeats (Prefect takes no less than 30 s); the job's own
    // environment may say otherwise.
    command.env(
        "PREFECT_FLOWS_HEARTBEAT_FREQUENCY",
        context.settings.run_heartbeat.as_secs().max(30).to_string(),
    );
    for (name, value) in &config.env {
        match value.as_str() {
            Some(text) => command.env(name, text),
            None if value.is_null() => command.env_remove(name),
            None => command.env(name, value.to_string()),
        };
    }
    command
        .env("PREFECT__FLOW_RUN_ID", context.id().to_string())
        .env("PREFECT__FLOW_ID", context.deployment.flow_id.to_string())
        .env("PREFECT__DEPLOYMENT_ID", context.deployment.id.to_string())
        .env("PREFECT__DEPLOYMENT_NAME", &context.deployment.name)
        .env("PREFECT__WORKER_NAME", &context.worker_name)
        .env("PREFECT__ENABLE_CANCELLATION_AND_CRASHED_HOOKS", "false")
        .stdin(Stdio::null());
    if config.stream_output {
        command
            .stdout(context.settings.child_stdout())
            .stderr(Stdio::inherit());
    } else {
        command.stdout(Stdio::null()).stderr(Stdio::null());
    }
    own_process_group(&mut command);
    // Without the control channel a cancellation still works, but the engine reports a crash.
    let control = EngineControl::open().await.ok();
    for (name, value) in control.iter().flat_map(|c| c.env()) {
        command.env(name, value);
    }

    let mut child = match command.spawn() {
        Ok(child) => child,
        Err(error) => {
            return Outcome::crashed(format!(
                "Failed to submit flow run to infrastructure: cannot start `{}`: {error}",
                argv[0]
            ));
        }
    };
    context.record_pid(&child).await;
    context.log(
        Level::Info,
        format!(
            "Flow run '{}' submitted: {}",
            context.run.name,
            argv.join(" ")
        ),
    );
    let outcome = match context.supervise(&mut child, control.as_ref()).await {
        Supervised::Stopped { message } => Outcome::cancelled(message),
        Supervised::Exited(status) => Outcome::Exited(status),
        Supervised::Reported => {
            // The engine's own teardown (flushing its logs) does not hold the worker's slot,
            // but the worker still waits for it before it exits.
            context.slot.release();
            exit_after_report(&mut child, context.settings.cancel_grace).await;
            Outcome::Reported
        }
    };
    drop(scratch);
    outcome
}
