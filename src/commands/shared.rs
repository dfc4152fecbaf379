//! What several commands share: the settings and client every server command starts from,
//! finding a deployment by `flow/deployment`, following a run to its end (`run --watch`,
//! `inventory`), and how a queue's status reads. No command module imports another.

use std::future::Future;
use std::time::{Duration, Instant};

use anyhow::{Context, Result, anyhow};
use uuid::Uuid;

use crate::api::flow_runs::LogOrder;
use crate::api::models::{Deployment, FlowRun, WorkQueue};
use crate::api::{Client, ClientOptions, Credential};
use crate::cli::DeploymentRef;
use crate::commands::invocation::Invocation;
use crate::config::Settings;
use crate::config::settings::{API_AUTH_STRING, API_KEY, API_URL};
use crate::error::UsageError;
use crate::output::{self, Printer};

/// How often a followed run is looked at.
const POLL: Duration = Duration::from_secs(1);
/// Logs can arrive a little after the final state; Prefect waits 3 s for them too.
const STRAGGLERS: Duration = Duration::from_secs(2);

/// Resolves settings, builds the API client and runs an async command to completion.
///
/// Settings (and so any OS keyring access, which blocks) are resolved before the runtime starts.
pub fn with_api<F, Fut>(invocation: &Invocation, command: F) -> Result<()>
where
    F: FnOnce(Client) -> Fut,
    Fut: Future<Output = Result<()>>,
{
    let settings = invocation.settings()?;
    print_warnings(&settings, &invocation.printer);
    let client = api_client(&settings)?;
    runtime()?.block_on(command(client))
}

/// The one-thread runtime a command's async work runs on.
pub fn runtime() -> Result<tokio::runtime::Runtime> {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .context("cannot start the async runtime")
}

/// A client for the configured API.
pub fn api_client(settings: &Settings) -> Result<Client> {
    let (api_url, credential) = settings.connection()?;
    let options = ClientOptions {
        api_url,
        credential,
        timeout: settings.request_timeout()?,
        max_retries: settings.max_retries()?,
    };
    // A malformed URL is a configuration mistake, not a failed operation.
    Client::new(options).map_err(|err| UsageError::new(err.to_string()).into())
}

pub fn print_warnings(settings: &Settings, printer: &Printer) {
    for warning in &settings.warnings {
        printer.warn(warning);
    }
}

/// `flow/deployment` → its two parts.
pub fn split_name(reference: &DeploymentRef) -> Result<(&str, &str), UsageError> {
    reference
        .name
        .split_once('/')
        .filter(|(flow, name)| !flow.is_empty() && !name.is_empty() && !name.contains('/'))
        .ok_or_else(|| {
            UsageError::new(format!(
                "'{}' is not FLOW/DEPLOYMENT (e.g. mix-color/mix-color; `ot2ctl deployment ls` lists them)",
                reference.name
            ))
        })
}

/// The deployment a `flow/deployment` argument names.
pub async fn resolve(api: &Client, reference: &DeploymentRef) -> Result<Deployment> {
    let (flow, name) = split_name(reference)?;
    Ok(api.read_deployment_by_name(flow, name).await?)
}

/// READY / NOT_READY / PAUSED as the server reports it.
pub fn queue_status(queue: &WorkQueue) -> String {
    if queue.is_paused {
        return "PAUSED".into();
    }
    output::or_dash(queue.status.as_deref())
}

/// The settings a Python flow's engine needs to report to the same server with the same
/// credential: the API URL and, if there is one, the credential.
pub fn api_env(settings: &Settings) -> Result<Vec<(String, String)>> {
    let (url, credential) = settings.connection()?;
    let mut env = vec![(API_URL.to_string(), url)];
    match credential {
        Credential::AuthString { secret, .. } => {
            env.push((API_AUTH_STRING.into(), secret.expose().to_string()))
        }
        Credential::ApiKey { secret, .. } => {
            env.push((API_KEY.into(), secret.expose().to_string()))
        }
        Credential::None => {}
    }
    Ok(env)
}

/// Prints the run's log lines after the first `printed`; returns how many it printed.
async fn print_new_logs(
    api: &Client,
    run: Uuid,
    printed: usize,
    spinner: &indicatif::ProgressBar,
    printer: &Printer,
) -> Result<usize> {
    let mut count = 0;
    loop {
        let page = api
            .read_logs(run, printed + count, 200, LogOrder::OldestFirst)
            .await?;
        count += page.len();
        spinner.suspend(|| {
            for line in &page {
                printer.line(output::log_line(line));
            }
        });
        if page.len() < 200 {
            return Ok(count);
        }
    }
}

/// What following a run prints besides its spinner.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Show {
    /// Nothing: the caller prints the result.
    Nothing,
    /// The run's log lines as they arrive.
    Logs,
    /// Log lines and each state change.
    LogsAndStates,
}

/// Follows a run until it reaches a final state (or `timeout` seconds pass), showing what
/// `show` asks for. Returns the final run.
pub async fn follow(
    api: &Client,
    run: &FlowRun,
    timeout: Option<u64>,
    show: Show,
    printer: &Printer,
) -> Result<FlowRun> {
    let show_states = show == Show::LogsAndStates;
    let started = Instant::now();
    let spinner = printer.spinner(format!(
        "{}: {}",
        run.name,
        run.state_name.as_deref().unwrap_or("?")
    ));
    let mut printed = 0usize;
    let mut last_state = run.state_name.clone();
    let mut final_seen: Option<(FlowRun, Instant)> = None;
    loop {
        // The state is read before the logs: a worker stores a run's logs before its final
        // state, so the logs read after a final state hold every line written before it.
        let current = api.read_flow_run(run.id).await?;
        let changed = current.state_name != last_state;
        if changed {
            last_state = current.state_name.clone();
            let state = last_state.as_deref().unwrap_or("?");
            spinner.set_message(format!("{}: {state}", current.name));
        }
        if show != Show::Nothing {
            printed += print_new_logs(api, run.id, printed, &spinner, printer).await?;
        }
        // A state is printed after the log lines written before it; the final one after the
        // last lines of all (a worker may log after the final state, e.g. the paint consumed).
        if changed && show_states && !current.is_final() {
            let state = last_state.as_deref().unwrap_or("?");
            spinner.suspend(|| printer.note(format_args!("{}: {state}", current.name)));
        }
        match &final_seen {
            Some((finished, when)) if when.elapsed() >= STRAGGLERS => {
                spinner.finish_and_clear();
                if show_states {
                    printer.note(format_args!(
                        "{}: {}",
                        finished.name,
                        finished.state_name.as_deref().unwrap_or("?")
                    ));
                }
                return Ok(finished.clone());
            }
            Some(_) => {}
            None if current.is_final() => final_seen = Some((current, Instant::now())),
            None => {}
        }
        if final_seen.is_none()
            && let Some(limit) = timeout
            && started.elapsed() >= Duration::from_secs(limit)
        {
            spinner.finish_and_clear();
            return Err(anyhow!(
                "flow run '{}' is still {} after {limit} s (--timeout); it goes on without \
                 this command (`ot2ctl flow-run cancel {}` stops it)",
                run.name,
                last_state.as_deref().unwrap_or("not finished"),
                run.id
            ));
        }
        tokio::time::sleep(POLL).await;
    }
}
