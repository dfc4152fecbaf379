//! Python Prefect flows, run the way Prefect's process worker runs them: the job
//! configuration from the pool's template and the job variables, then
//! `python -m prefect.engine` with `PREFECT__FLOW_RUN_ID`. The engine itself moves the run to
//! RUNNING and to its final state; the worker watches for crashes and cancellation.

use std::process::Stdio;

use super::job;
use super::process::own_process_group;
use super::report::INFO;
use super::run::{Ending, RunContext, Supervised};

pub async fn execute(context: &RunContext) -> Ending {
    let template = &context.pool.base_job_template;
    let deployment_variables = context.deployment.extra["job_variables"]
        .as_object()
        .cloned()
        .unwrap_or_default();
    let run_variables = context.run.extra["job_variables"]
        .as_object()
        .cloned()
        .unwrap_or_default();
    let config = job::resolve(
        template,
        &job::variables(template, &deployment_variables, &run_variables),
    );
    let executors = &context.executors;

    let argv: Vec<String> = match &config.command {
        Some(command) => match shlex::split(command) {
            Some(argv) if !argv.is_empty() => argv,
            _ => {
                return context
                    .refuse(&format!(
                        "the job's command `{command}` cannot be split into words"
                    ))
                    .await;
            }
        },
        None => vec![
            executors.python.display().to_string(),
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
                return context
                    .refuse(&format!("cannot create a working directory: {error}"))
                    .await;
            }
        },
    };
    let cwd = config
        .working_dir
        .clone()
        .map(std::path::PathBuf::from)
        .or_else(|| scratch.as_ref().map(|d| d.path().to_path_buf()))
        .expect("one of the two");

    let mut command = tokio::process::Command::new(&argv[0]);
    command.args(&argv[1..]).current_dir(&cwd);
    for (name, value) in &executors.api_env {
        command.env(name, value);
    }
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
            .stdout(executors.child_stdout())
            .stderr(Stdio::inherit());
    } else {
        command.stdout(Stdio::null()).stderr(Stdio::null());
    }
    own_process_group(&mut command);

    let mut child = match command.spawn() {
        Ok(child) => child,
        Err(error) => {
            let message = format!(
                "Failed to submit flow run to infrastructure: cannot start `{}`: {error}",
                argv[0]
            );
            return context.finish("CRASHED", "Crashed", &message, None).await;
        }
    };
    context.record_pid(&child).await;
    context.log(
        INFO,
        format!(
            "Flow run '{}' submitted: {}",
            context.run.name,
            argv.join(" ")
        ),
    );
    let ending = match context.supervise(&mut child).await {
        Supervised::Cancelled => Ending {
            state: "CANCELLED".into(),
            message: None,
        },
        Supervised::Exited(status) => context.crashed_unless_final(status).await,
    };
    drop(scratch);
    ending
}
