//! `ot2ctl work-pool ...`.

use crate::output::Printer;
use std::path::Path;

use anyhow::{Result, anyhow};
use serde_json::Value;

use crate::api::models::{
    BaseJobTemplate, WorkPool, WorkPoolCreate, WorkPoolUpdate, WorkQueue, Worker,
};
use crate::api::names::work_pool_name_problem;
use crate::api::templates::{default_base_job_template, pool_type_problem};
use crate::api::{ApiError, Client};
use crate::cli::{PoolCreateArgs, PoolUpdateArgs, WorkPoolCommand};
use crate::commands::invocation::Invocation;
use crate::commands::shared::queue_status;
use crate::error::{UsageError, usage};
use crate::output::{self, OutputFormat};

pub async fn run(command: WorkPoolCommand, api: Client, invocation: &Invocation) -> Result<()> {
    let printer = &invocation.printer;
    match command {
        WorkPoolCommand::Create(mut args) => {
            args.base_job_template = args.base_job_template.map(|p| invocation.path(&p));
            create(&api, args, printer).await
        }
        WorkPoolCommand::Ls(args) => list(&api, args.output, printer).await,
        WorkPoolCommand::Inspect { pool, output } => {
            inspect(&api, &pool.name, output.output, printer).await
        }
        WorkPoolCommand::Update(mut args) => {
            args.base_job_template = args.base_job_template.map(|p| invocation.path(&p));
            update(&api, args, printer).await
        }
        WorkPoolCommand::Delete { pool, yes } => delete(&api, &pool.name, yes, printer).await,
        WorkPoolCommand::Pause(pool) => {
            let update = WorkPoolUpdate {
                is_paused: Some(true),
                ..Default::default()
            };
            apply(&api, &pool.name, &update, "Paused work pool", printer).await
        }
        WorkPoolCommand::Resume(pool) => {
            let update = WorkPoolUpdate {
                is_paused: Some(false),
                ..Default::default()
            };
            apply(&api, &pool.name, &update, "Resumed work pool", printer).await
        }
        WorkPoolCommand::SetConcurrencyLimit { pool, limit } => {
            let update = WorkPoolUpdate {
                concurrency_limit: Some(Some(limit)),
                ..Default::default()
            };
            let done = format!("Set the concurrency limit to {limit} on work pool");
            apply(&api, &pool.name, &update, &done, printer).await
        }
        WorkPoolCommand::ClearConcurrencyLimit(pool) => {
            let update = WorkPoolUpdate {
                concurrency_limit: Some(None),
                ..Default::default()
            };
            apply(
                &api,
                &pool.name,
                &update,
                "Cleared the concurrency limit of work pool",
                printer,
            )
            .await
        }
    }
}

/// Sends one change to a pool and says what was done ("Paused work pool 'x'.").
async fn apply(
    api: &Client,
    name: &str,
    update: &WorkPoolUpdate,
    done: &str,
    printer: &Printer,
) -> Result<()> {
    api.update_work_pool(name, update).await?;
    printer.line(format_args!("{done} '{name}'."));
    Ok(())
}

async fn create(api: &Client, args: PoolCreateArgs, printer: &Printer) -> Result<()> {
    if let Some(problem) = work_pool_name_problem(&args.name) {
        return usage(format!("invalid work pool name '{}': {problem}", args.name));
    }
    if let Some(problem) = pool_type_problem(&args.pool_type)
        && !args.force
    {
        return usage(format!("{problem} (--force creates it anyway)"));
    }
    let template = match &args.base_job_template {
        Some(path) => read_job_template(path)?,
        None => default_base_job_template(&args.pool_type).unwrap_or_else(|| {
            printer.warn(format_args!(
                "ot2ctl has no default job template for type '{}'; the pool gets an empty one \
                 (pass --base-job-template FILE to set it)",
                args.pool_type
            ));
            Value::Object(Default::default())
        }),
    };

    if args.overwrite
        && let Some(existing) = api.find_work_pool(&args.name).await?
    {
        if existing.pool_type != args.pool_type {
            return Err(anyhow!(
                "work pool '{}' exists with type '{}', not '{}'; a pool's type cannot change \
                 (delete the pool first)",
                args.name,
                existing.pool_type,
                args.pool_type
            ));
        }
        // Like `prefect work-pool create --overwrite`: every field but name and type is sent.
        let update = WorkPoolUpdate {
            description: args.description.clone().map(Some),
            is_paused: Some(args.paused),
            base_job_template: Some(template),
            concurrency_limit: args.concurrency_limit.map(Some),
        };
        api.update_work_pool(&args.name, &update).await?;
        printer.line(format_args!("Updated work pool '{}'.", args.name));
        return Ok(());
    }

    let request = WorkPoolCreate {
        name: args.name.clone(),
        pool_type: args.pool_type.clone(),
        description: args.description,
        base_job_template: template,
        is_paused: args.paused,
        concurrency_limit: args.concurrency_limit,
    };
    let pool = api
        .create_work_pool(&request)
        .await
        .map_err(|err| match err {
            ApiError::AlreadyExists { .. } => anyhow!("{err}; pass --overwrite to update it"),
            other => other.into(),
        })?;
    printer.line(format_args!(
        "Created work pool '{}' ({}).",
        pool.name, pool.pool_type
    ));
    printer.line(format_args!("  id:  {}", pool.id));
    printer.line(format_args!("  UI:  {}", pool_ui_url(api, &pool.name)));
    Ok(())
}

async fn list(api: &Client, format: OutputFormat, printer: &Printer) -> Result<()> {
    let mut pools = api.list_work_pools().await?;
    pools.sort_by(|a, b| a.name.cmp(&b.name));
    if format == OutputFormat::Json {
        return printer.json(&pools);
    }
    if pools.is_empty() {
        printer.line("No work pools. Create one with `ot2ctl work-pool create NAME`.");
        return Ok(());
    }
    let mut table = output::table(&["NAME", "TYPE", "STATUS", "CONCURRENCY", "DESCRIPTION", "ID"]);
    for pool in &pools {
        table.add_row(vec![
            pool.name.clone(),
            pool.pool_type.clone(),
            pool_status(pool),
            output::limit(pool.concurrency_limit, pool.active_slots),
            pool.description.clone().unwrap_or_default(),
            pool.id.to_string(),
        ]);
    }
    printer.table(table);
    Ok(())
}

async fn inspect(api: &Client, name: &str, format: OutputFormat, printer: &Printer) -> Result<()> {
    if format == OutputFormat::Json {
        return printer.json(&api.read_work_pool(name).await?);
    }
    let (pool, queues, workers) = tokio::try_join!(
        api.read_work_pool(name),
        api.list_work_queues(name),
        api.list_workers(name)
    )?;
    print_pool_details(api, &pool, &queues, &workers, printer);
    Ok(())
}

fn print_pool_details(
    api: &Client,
    pool: &WorkPool,
    queues: &[WorkQueue],
    workers: &[Worker],
    printer: &Printer,
) {
    let template = BaseJobTemplate::of(&pool.base_job_template);
    let template_variables = Some(&template.variables.properties)
        .filter(|vars| !vars.is_empty())
        .map(|vars| vars.keys().cloned().collect::<Vec<_>>().join(", "))
        .unwrap_or_else(|| "(empty template)".into());
    printer.table(output::details(vec![
        ("Name", pool.name.clone()),
        ("ID", pool.id.to_string()),
        ("Type", pool.pool_type.clone()),
        ("Status", pool_status(pool)),
        ("Description", output::or_dash(pool.description.as_deref())),
        (
            "Concurrency",
            output::limit(pool.concurrency_limit, pool.active_slots),
        ),
        ("Job variables", template_variables),
        ("Created", output::timestamp(&pool.created)),
        ("UI", pool_ui_url(api, &pool.name)),
    ]));

    printer.line("\nQueues");
    let mut table = output::table(&["NAME", "PRIORITY", "STATUS", "CONCURRENCY", "LAST POLLED"]);
    for queue in queues {
        table.add_row(vec![
            queue.name.clone(),
            queue.priority.to_string(),
            queue_status(queue),
            output::limit(queue.concurrency_limit, queue.active_slots),
            output::ago(&queue.last_polled),
        ]);
    }
    printer.table(table);

    printer.line("\nWorkers");
    if workers.is_empty() {
        printer.line("No worker has sent a heartbeat to this pool.");
        return;
    }
    let mut table = output::table(&["NAME", "STATUS", "LAST HEARTBEAT"]);
    for worker in workers {
        table.add_row(vec![
            worker.name.clone(),
            output::or_dash(worker.status.as_deref()),
            output::ago(&worker.last_heartbeat_time),
        ]);
    }
    printer.table(table);
}

async fn update(api: &Client, args: PoolUpdateArgs, printer: &Printer) -> Result<()> {
    let update = WorkPoolUpdate {
        description: args.description.map(Some),
        is_paused: None,
        base_job_template: args
            .base_job_template
            .as_deref()
            .map(read_job_template)
            .transpose()?,
        concurrency_limit: args.concurrency_limit.map(Some),
    };
    if update.is_empty() {
        return usage(
            "nothing to update: pass --description, --base-job-template or --concurrency-limit",
        );
    }
    apply(api, &args.name, &update, "Updated work pool", printer).await
}

async fn delete(api: &Client, name: &str, yes: bool, printer: &Printer) -> Result<()> {
    // Read first, so that a missing pool is reported before any question is asked.
    api.read_work_pool(name).await?;
    if !printer.confirm(&format!("Delete work pool '{name}'?"), yes)? {
        printer.line("Nothing deleted.");
        return Ok(());
    }
    api.delete_work_pool(name).await?;
    printer.line(format_args!("Deleted work pool '{name}'."));
    Ok(())
}

/// READY / NOT_READY / PAUSED as the server reports it.
pub fn pool_status(pool: &WorkPool) -> String {
    if pool.is_paused {
        return "PAUSED".into();
    }
    output::or_dash(pool.status.as_deref())
}

fn pool_ui_url(api: &Client, name: &str) -> String {
    format!("{}/work-pools/work-pool/{name}", api.ui_url())
}

/// A base job template from a JSON file, checked for the two keys the server requires.
fn read_job_template(path: &Path) -> Result<Value> {
    let text = crate::bounded::read_text(path)
        .map_err(|err| UsageError::new(format!("cannot read {}: {err}", path.display())))?;
    let value: Value = serde_json::from_str(&text).map_err(|err| {
        UsageError::new(format!(
            "{}:{}:{}: invalid JSON: {}",
            path.display(),
            err.line(),
            err.column(),
            strip_position(&err.to_string())
        ))
    })?;
    let is_template = value.as_object().is_some_and(|object| {
        object.is_empty()
            || (object.contains_key("job_configuration") && object.contains_key("variables"))
    });
    if !is_template {
        return usage(format!(
            "{}: a base job template is a JSON object with \"job_configuration\" and \"variables\"",
            path.display()
        ));
    }
    Ok(value)
}

/// serde_json appends " at line L column C", which the caller already put in front.
fn strip_position(message: &str) -> &str {
    message
        .rfind(" at line ")
        .map_or(message, |index| &message[..index])
}
