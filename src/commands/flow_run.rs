//! `ot2ctl flow-run ...`.

use crate::output::Printer;

use anyhow::{Result, anyhow};
use serde_json::{Map, Value, json};
use uuid::Uuid;

use crate::api::Client;
use crate::api::flow_runs::LogOrder;
use crate::api::states::{Decision, StateType};
use crate::cli::{FlowRunCommand, FlowRunListArgs, FlowRunRef, LogsArgs};
use crate::commands::shared::{Show, follow};
use crate::error::UsageError;
use crate::output::{self, OutputFormat};

pub async fn run(command: FlowRunCommand, api: Client, printer: &Printer) -> Result<()> {
    match command {
        FlowRunCommand::Ls(args) => list(&api, args, printer).await,
        FlowRunCommand::Inspect { run, output } => {
            inspect(&api, &run, output.output, printer).await
        }
        FlowRunCommand::Logs(args) => logs(&api, args, printer).await,
        FlowRunCommand::Cancel(run) => cancel(&api, &run, printer).await,
        FlowRunCommand::Delete { run, yes } => delete(&api, &run, yes, printer).await,
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

async fn list(api: &Client, args: FlowRunListArgs, printer: &Printer) -> Result<()> {
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
        return printer.json(&runs);
    }
    if runs.is_empty() {
        printer.line("No flow runs found.");
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
    printer.table(table);
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

async fn inspect(
    api: &Client,
    reference: &FlowRunRef,
    format: OutputFormat,
    printer: &Printer,
) -> Result<()> {
    let run = api.read_flow_run(run_id(reference)?).await?;
    if format == OutputFormat::Json {
        return printer.json(&run);
    }
    let names = api
        .deployment_names(&run.deployment_id.into_iter().collect::<Vec<_>>())
        .await?;
    printer.table(output::details(vec![
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

async fn logs(api: &Client, args: LogsArgs, printer: &Printer) -> Result<()> {
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
        follow(api, &run, None, Show::Logs, printer).await?;
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
        return printer.json(&lines);
    }
    for line in &lines {
        printer.line(output::log_line(line));
    }
    Ok(())
}

async fn cancel(api: &Client, reference: &FlowRunRef, printer: &Printer) -> Result<()> {
    let id = run_id(reference)?;
    let run = api.read_flow_run(id).await?;
    let result = api.cancel_flow_run(id).await?;
    match (result.status, result.current()) {
        (Decision::Accept, _) => {
            printer.line(format_args!("Flow run '{}' is being cancelled.", run.name));
            Ok(())
        }
        // A run no worker holds yet is cancelled at once.
        (Decision::Reject, Some(StateType::Cancelled)) => {
            printer.line(format_args!("Flow run '{}' is cancelled.", run.name));
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

async fn delete(api: &Client, reference: &FlowRunRef, yes: bool, printer: &Printer) -> Result<()> {
    let id = run_id(reference)?;
    let run = api.read_flow_run(id).await?;
    if !printer.confirm(&format!("Delete flow run '{}'?", run.name), yes)? {
        printer.line("Nothing deleted.");
        return Ok(());
    }
    api.delete_flow_run(id).await?;
    printer.line(format_args!("Deleted flow run '{}'.", run.name));
    Ok(())
}
