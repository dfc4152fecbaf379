//! `ot2ctl flow-run ...`, and following a run until it ends (shared with `run --watch`).

use std::time::{Duration, Instant};

use anyhow::{Result, anyhow};
use serde_json::{Map, Value, json};
use uuid::Uuid;

use crate::api::Client;
use crate::api::flow_runs::LogOrder;
use crate::api::models::FlowRun;
use crate::api::states::{Decision, StateType};
use crate::cli::{FlowRunCommand, FlowRunListArgs, FlowRunRef, LogsArgs};
use crate::error::UsageError;
use crate::output::{self, OutputFormat};
use crate::worker::states;

/// How often a followed run is looked at.
const POLL: Duration = Duration::from_secs(1);
/// Logs can arrive a little after the final state; Prefect waits 3 s for them too.
const STRAGGLERS: Duration = Duration::from_secs(2);

pub async fn run(command: FlowRunCommand, api: Client) -> Result<()> {
    match command {
        FlowRunCommand::Ls(args) => list(&api, args).await,
        FlowRunCommand::Inspect { run, output } => inspect(&api, &run, output.output).await,
        FlowRunCommand::Logs(args) => logs(&api, args).await,
        FlowRunCommand::Cancel(run) => cancel(&api, &run).await,
        FlowRunCommand::Delete { run, yes } => delete(&api, &run, yes).await,
    }
}

fn run_id(reference: &FlowRunRef) -> Result<Uuid, UsageError> {
    reference.id.trim().parse().map_err(|_| {
        UsageError::new(format!(
            "'{}' is not a flow run id (a UUID; `ot2ctl flow-run ls` shows them)",
            reference.id
        ))
    })
}

async fn list(api: &Client, args: FlowRunListArgs) -> Result<()> {
    let mut filter = Map::new();
    if !args.flow_name.is_empty() {
        filter.insert("flows".into(), json!({"name": {"any_": args.flow_name}}));
    }
    let mut state = Map::new();
    if !args.state.is_empty() {
        // Prefect's state names are capitalised: late → Late, awaitingretry stays as typed.
        let names: Vec<String> = args.state.iter().map(|s| capitalise(s)).collect();
        state.insert("name".into(), json!({"any_": names}));
    }
    if !args.state_type.is_empty() {
        let mut types = Vec::new();
        for text in &args.state_type {
            let kind = StateType::parse(text).ok_or_else(|| {
                let known: Vec<&str> = StateType::ALL.iter().map(|t| t.as_str()).collect();
                UsageError::new(format!(
                    "unknown state type '{}'; the types are {}",
                    text.to_ascii_uppercase(),
                    known.join(", ")
                ))
            })?;
            types.push(kind);
        }
        state.insert("type".into(), json!({"any_": types}));
    }
    if !state.is_empty() {
        filter.insert("flow_runs".into(), json!({"state": state}));
    }
    let runs = api
        .list_flow_runs(
            Value::Object(filter),
            "EXPECTED_START_TIME_DESC",
            args.limit,
        )
        .await?;
    if args.output.output == OutputFormat::Json {
        return output::print_json(&runs);
    }
    if runs.is_empty() {
        println!("No flow runs found.");
        return Ok(());
    }
    let flow_ids: Vec<Uuid> = runs.iter().filter_map(|r| r.flow_id).collect();
    let flows = api.flow_names(&flow_ids).await?;
    let mut table = output::table(&["ID", "FLOW", "NAME", "STATE", "WHEN"]);
    for run in &runs {
        let when = if run.is(StateType::Scheduled) {
            &run.next_scheduled_start_time
        } else {
            &run.start_time
        };
        table.add_row(vec![
            run.id.to_string(),
            output::or_dash(run.flow_id.and_then(|id| flows.get(&id))),
            run.name.clone(),
            output::or_dash(run.state_name.as_deref()),
            output::timestamp(when),
        ]);
    }
    output::print_table(table);
    Ok(())
}

fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first
            .to_uppercase()
            .chain(chars.flat_map(char::to_lowercase))
            .collect(),
        None => String::new(),
    }
}

async fn inspect(api: &Client, reference: &FlowRunRef, format: OutputFormat) -> Result<()> {
    let run = api.read_flow_run(run_id(reference)?).await?;
    if format == OutputFormat::Json {
        return output::print_json(&run);
    }
    let names = api
        .deployment_names(&run.deployment_id.into_iter().collect::<Vec<_>>())
        .await?;
    output::print_table(output::details(vec![
        ("Name", run.name.clone()),
        ("ID", run.id.to_string()),
        (
            "Deployment",
            output::or_dash(run.deployment_id.and_then(|id| names.get(&id))),
        ),
        ("State", output::or_dash(run.state_name.as_deref())),
        ("Message", output::or_dash(run.state_message())),
        (
            "Work queue",
            output::or_dash(run.work_queue_name.as_deref()),
        ),
        (
            "Parameters",
            serde_json::to_string(&run.parameters).unwrap_or_default(),
        ),
        ("Scheduled", output::timestamp(&run.expected_start_time)),
        ("Started", output::timestamp(&run.start_time)),
        ("Ended", output::timestamp(&run.end_time)),
        ("Tags", run.tags.join(", ")),
        ("URL", format!("{}/runs/flow-run/{}", api.ui_url(), run.id)),
    ]));
    Ok(())
}

async fn logs(api: &Client, args: LogsArgs) -> Result<()> {
    let id = run_id(&args.run)?;
    let json = args.output.output == OutputFormat::Json;
    if args.follow && json {
        return Err(UsageError::new(
            "--follow prints log lines as they come; leave out --output json, or read the \
             finished run's logs with --output json",
        )
        .into());
    }
    let run = api.read_flow_run(id).await?;
    if args.follow {
        follow(api, &run, None, Show::Logs).await?;
        return Ok(());
    }
    let newest_first = args.tail || args.reverse;
    let order = if newest_first {
        LogOrder::NewestFirst
    } else {
        LogOrder::OldestFirst
    };
    let wanted = (args.head || args.tail).then_some(args.lines);
    let mut lines = Vec::new();
    loop {
        let page = api.read_logs(id, lines.len(), 200, order).await?;
        let done = page.len() < 200;
        lines.extend(page);
        if done || wanted.is_some_and(|n| lines.len() >= n) {
            break;
        }
    }
    if let Some(n) = wanted {
        lines.truncate(n);
    }
    // --tail shows the last lines in time order unless --reverse asks otherwise.
    if args.tail && !args.reverse {
        lines.reverse();
    }
    if json {
        return output::print_json(&lines);
    }
    for line in &lines {
        println!("{}", output::log_line(line));
    }
    Ok(())
}

async fn cancel(api: &Client, reference: &FlowRunRef) -> Result<()> {
    let id = run_id(reference)?;
    let run = api.read_flow_run(id).await?;
    let result = states::request_cancellation(api, id).await?;
    match (result.status, result.current()) {
        (Decision::Accept, _) => {
            println!("Flow run '{}' is being cancelled.", run.name);
            Ok(())
        }
        // A run no worker holds yet is cancelled at once.
        (Decision::Reject, Some(StateType::Cancelled)) => {
            println!("Flow run '{}' is cancelled.", run.name);
            Ok(())
        }
        _ => Err(anyhow!(
            "flow run '{}' could not be cancelled: {}",
            run.name,
            result
                .details
                .reason
                .as_deref()
                .unwrap_or("the server refused")
        )),
    }
}

async fn delete(api: &Client, reference: &FlowRunRef, yes: bool) -> Result<()> {
    let id = run_id(reference)?;
    let run = api.read_flow_run(id).await?;
    if !output::confirm(&format!("Delete flow run '{}'?", run.name), yes)? {
        println!("Nothing deleted.");
        return Ok(());
    }
    api.delete_flow_run(id).await?;
    println!("Deleted flow run '{}'.", run.name);
    Ok(())
}

/// Prints the run's log lines after the first `printed`; returns how many it printed.
async fn print_new_logs(
    api: &Client,
    run: Uuid,
    printed: usize,
    spinner: &indicatif::ProgressBar,
) -> Result<usize> {
    let mut count = 0;
    loop {
        let page = api
            .read_logs(run, printed + count, 200, LogOrder::OldestFirst)
            .await?;
        count += page.len();
        spinner.suspend(|| {
            for line in &page {
                println!("{}", output::log_line(line));
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
) -> Result<FlowRun> {
    let show_states = show == Show::LogsAndStates;
    let started = Instant::now();
    let spinner = output::spinner(format!(
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
            printed += print_new_logs(api, run.id, printed, &spinner).await?;
        }
        // A state is printed after the log lines written before it; the final one after the
        // last lines of all (a worker may log after the final state, e.g. the paint consumed).
        if changed && show_states && !current.is_final() {
            let state = last_state.as_deref().unwrap_or("?");
            spinner.suspend(|| eprintln!("{}: {state}", current.name));
        }
        match &final_seen {
            Some((finished, when)) if when.elapsed() >= STRAGGLERS => {
                spinner.finish_and_clear();
                if show_states {
                    eprintln!(
                        "{}: {}",
                        finished.name,
                        finished.state_name.as_deref().unwrap_or("?")
                    );
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
