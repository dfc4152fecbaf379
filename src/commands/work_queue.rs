//! `ot2ctl work-queue ...`.

use crate::output::Printer;
use anyhow::{Result, anyhow};
use jiff::{SignedDuration, Timestamp};

use crate::api::Client;
use crate::api::models::{WorkQueueCreate, WorkQueueUpdate};
use crate::api::names::work_queue_name_problem;
use crate::cli::{
    QueueCreateArgs, QueueListArgs, QueuePreviewArgs, QueueRefArgs, QueueUpdateArgs,
    WorkQueueCommand,
};
use crate::commands::shared::queue_status;
use crate::error::usage;
use crate::output::{self, OutputFormat};

pub async fn run(command: WorkQueueCommand, api: Client, printer: &Printer) -> Result<()> {
    match command {
        WorkQueueCommand::Create(args) => create(&api, args, printer).await,
        WorkQueueCommand::Ls(args) => list(&api, args, printer).await,
        WorkQueueCommand::Inspect { queue, output } => {
            inspect(&api, &queue, output.output, printer).await
        }
        WorkQueueCommand::Update(args) => update(&api, args, printer).await,
        WorkQueueCommand::Delete { queue, yes } => delete(&api, &queue, yes, printer).await,
        WorkQueueCommand::Pause(queue) => {
            let update = WorkQueueUpdate {
                is_paused: Some(true),
                ..Default::default()
            };
            apply(&api, &queue, &update, "Paused work queue", printer).await
        }
        WorkQueueCommand::Resume(queue) => {
            let update = WorkQueueUpdate {
                is_paused: Some(false),
                ..Default::default()
            };
            apply(&api, &queue, &update, "Resumed work queue", printer).await
        }
        WorkQueueCommand::SetConcurrencyLimit { queue, limit } => {
            let update = WorkQueueUpdate {
                concurrency_limit: Some(Some(limit)),
                ..Default::default()
            };
            let done = format!("Set the concurrency limit to {limit} on work queue");
            apply(&api, &queue, &update, &done, printer).await
        }
        WorkQueueCommand::ClearConcurrencyLimit(queue) => {
            let update = WorkQueueUpdate {
                concurrency_limit: Some(None),
                ..Default::default()
            };
            apply(
                &api,
                &queue,
                &update,
                "Cleared the concurrency limit of work queue",
                printer,
            )
            .await
        }
        WorkQueueCommand::Preview(args) => preview(&api, args, printer).await,
    }
}

async fn create(api: &Client, args: QueueCreateArgs, printer: &Printer) -> Result<()> {
    if let Some(problem) = work_queue_name_problem(&args.name) {
        return usage(format!(
            "invalid work queue name '{}': {problem}",
            args.name
        ));
    }
    let request = WorkQueueCreate {
        name: args.name,
        description: args.description,
        is_paused: args.paused,
        concurrency_limit: args.limit,
        priority: args.priority,
    };
    let queue = api.create_work_queue(&args.pool, &request).await?;
    printer.line(format_args!(
        "Created work queue '{}' in work pool '{}' (priority {}, concurrency {}).",
        queue.name,
        args.pool,
        queue.priority,
        output::limit(queue.concurrency_limit, None)
    ));
    Ok(())
}

async fn list(api: &Client, args: QueueListArgs, printer: &Printer) -> Result<()> {
    let mut queues = match &args.pool {
        Some(pool) => api.list_work_queues(pool).await?,
        None => {
            let mut queues = api.list_all_work_queues().await?;
            queues.sort_by(|a, b| {
                (a.work_pool_name.as_deref(), a.priority)
                    .cmp(&(b.work_pool_name.as_deref(), b.priority))
            });
            queues
        }
    };
    if let Some(prefix) = &args.r#match {
        queues.retain(|queue| queue.name.starts_with(prefix.as_str()));
    }
    if args.output.output == OutputFormat::Json {
        return printer.json(&queues);
    }
    if queues.is_empty() {
        printer.line("No work queues found.");
        return Ok(());
    }
    let mut headers = vec![
        "NAME",
        "PRIORITY",
        "STATUS",
        "CONCURRENCY",
        "LAST POLLED",
        "DESCRIPTION",
    ];
    let all_pools = args.pool.is_none();
    if all_pools {
        headers.insert(0, "POOL");
    }
    let mut table = output::table(&headers);
    for queue in &queues {
        let mut row = vec![
            queue.name.clone(),
            queue.priority.to_string(),
            queue_status(queue),
            output::limit(queue.concurrency_limit, queue.active_slots),
            output::ago(&queue.last_polled),
            queue.description.clone().unwrap_or_default(),
        ];
        if all_pools {
            row.insert(0, output::or_dash(queue.work_pool_name.as_deref()));
        }
        table.add_row(row);
    }
    printer.table(table);
    Ok(())
}

async fn inspect(
    api: &Client,
    queue: &QueueRefArgs,
    format: OutputFormat,
    printer: &Printer,
) -> Result<()> {
    let found = api.read_work_queue(&queue.pool, &queue.name).await?;
    if format == OutputFormat::Json {
        return printer.json(&found);
    }
    let health = api.work_queue_health(found.id).await?;
    let health_text = match (health.healthy, health.late_runs_count) {
        (true, _) => "healthy".to_string(),
        (false, 0) => "unhealthy: not polled by a worker in the last minute".to_string(),
        (false, late) => format!("unhealthy: {late} late run(s)"),
    };
    printer.table(output::details(vec![
        ("Name", found.name.clone()),
        ("ID", found.id.to_string()),
        (
            "Work pool",
            output::or_dash(found.work_pool_name.as_deref()),
        ),
        ("Priority", found.priority.to_string()),
        ("Status", queue_status(&found)),
        ("Health", health_text),
        (
            "Description",
            output::or_dash(found.description.as_deref().filter(|d| !d.is_empty())),
        ),
        (
            "Concurrency",
            output::limit(found.concurrency_limit, found.active_slots),
        ),
        ("Last polled", output::ago(&found.last_polled)),
    ]));
    Ok(())
}

async fn update(api: &Client, args: QueueUpdateArgs, printer: &Printer) -> Result<()> {
    let update = WorkQueueUpdate {
        description: args.description,
        is_paused: None,
        concurrency_limit: args.limit.map(Some),
        priority: args.priority,
    };
    if update.is_empty() {
        return usage("nothing to update: pass --priority, --limit or --description");
    }
    apply(api, &args.queue, &update, "Updated work queue", printer).await
}

/// Sends one change to a queue and says what was done ("Paused work queue 'q' in ...").
async fn apply(
    api: &Client,
    queue: &QueueRefArgs,
    update: &WorkQueueUpdate,
    done: &str,
    printer: &Printer,
) -> Result<()> {
    api.update_work_queue(&queue.pool, &queue.name, update)
        .await?;
    printer.line(format_args!(
        "{done} '{}' in work pool '{}'.",
        queue.name, queue.pool
    ));
    Ok(())
}

async fn delete(api: &Client, queue: &QueueRefArgs, yes: bool, printer: &Printer) -> Result<()> {
    let (pool, found) = tokio::try_join!(
        api.read_work_pool(&queue.pool),
        api.read_work_queue(&queue.pool, &queue.name)
    )?;
    // The server answers 500 to this; say why instead.
    if pool.default_queue_id == Some(found.id) {
        return Err(anyhow!(
            "work queue '{}' is the default queue of work pool '{}' and cannot be deleted",
            queue.name,
            queue.pool
        ));
    }
    let question = format!(
        "Delete work queue '{}' from work pool '{}'?",
        queue.name, queue.pool
    );
    if !printer.confirm(&question, yes)? {
        printer.line("Nothing deleted.");
        return Ok(());
    }
    api.delete_work_queue(&queue.pool, &queue.name).await?;
    printer.line(format_args!(
        "Deleted work queue '{}' from work pool '{}'.",
        queue.name, queue.pool
    ));
    Ok(())
}

async fn preview(api: &Client, args: QueuePreviewArgs, printer: &Printer) -> Result<()> {
    let queue = &args.queue;
    // Confirms the queue exists: an empty preview of a typo would be misleading.
    api.read_work_queue(&queue.pool, &queue.name).await?;
    let until = Timestamp::now() + SignedDuration::from_hours(i64::from(args.hours));
    let runs = api
        .scheduled_flow_runs(&queue.pool, &queue.name, until)
        .await?;
    if args.output.output == OutputFormat::Json {
        return printer.json(&runs);
    }
    if runs.is_empty() {
        printer.line(format_args!(
            "No runs scheduled on work queue '{}' in the next {} hour(s).",
            queue.name, args.hours
        ));
        return Ok(());
    }
    let deployment_ids: Vec<_> = runs.iter().filter_map(|r| r.deployment_id).collect();
    let names = api.deployment_names(&deployment_ids).await?;
    let mut table = output::table(&["SCHEDULED", "STATE", "FLOW RUN", "DEPLOYMENT", "ID"]);
    for run in &runs {
        table.add_row(vec![
            output::timestamp(if run.next_scheduled_start_time.is_some() {
                &run.next_scheduled_start_time
            } else {
                &run.expected_start_time
            }),
            output::or_dash(run.state_name.as_deref()),
            run.name.clone(),
            output::or_dash(run.deployment_id.and_then(|id| names.get(&id))),
            run.id.to_string(),
        ]);
    }
    printer.table(table);
    Ok(())
}
