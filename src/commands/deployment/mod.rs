//! `ot2ctl deployment ...`; `run` (also the top-level `ot2ctl run`) in [`run`].

pub mod run;

use crate::output::Printer;
use anyhow::Result;
use serde_json::{Map, Value, json};

use crate::api::Client;
use crate::api::models::Deployment;
use crate::cli::{DeploymentCommand, DeploymentListArgs, DeploymentRef};
use crate::commands::shared::resolve;
use crate::deploy::compare::schedule_summary;
use crate::output::{self, OutputFormat};

pub async fn run(command: DeploymentCommand, api: Client, printer: &Printer) -> Result<()> {
    match command {
        DeploymentCommand::Ls(args) => list(&api, args, printer).await,
        DeploymentCommand::Inspect { deployment, output } => {
            inspect(&api, &deployment, output.output, printer).await
        }
        DeploymentCommand::Delete { deployment, yes } => {
            delete(&api, &deployment, yes, printer).await
        }
        DeploymentCommand::Pause(deployment) => set_paused(&api, &deployment, true, printer).await,
        DeploymentCommand::Resume(deployment) => {
            set_paused(&api, &deployment, false, printer).await
        }
        DeploymentCommand::Run(args) => run::run(&api, args, printer).await,
    }
}

async fn list(api: &Client, args: DeploymentListArgs, printer: &Printer) -> Result<()> {
    let mut filter = Map::new();
    if let Some(pool) = &args.pool {
        filter.insert("work_pools".into(), json!({"name": {"any_": [pool]}}));
    }
    if let Some(queue) = &args.queue {
        filter.insert(
            "work_pool_queues".into(),
            json!({"name": {"any_": [queue]}}),
        );
    }
    if !args.tag.is_empty() {
        filter.insert("deployments".into(), json!({"tags": {"all_": args.tag}}));
    }
    let deployments = api.list_deployments(Value::Object(filter)).await?;
    if args.output.output == OutputFormat::Json {
        return printer.json(&deployments);
    }
    if deployments.is_empty() {
        printer.line("No deployments found. Create them with `ot2ctl deploy`.");
        return Ok(());
    }
    let flow_ids: Vec<_> = deployments.iter().map(|d| d.flow_id).collect();
    let flows = api.flow_names(&flow_ids).await?;
    let mut rows: Vec<(String, &Deployment)> = deployments
        .iter()
        .map(|d| {
            let flow = flows.get(&d.flow_id).map_or("?", String::as_str);
            (format!("{flow}/{}", d.name), d)
        })
        .collect();
    rows.sort_by(|a, b| a.0.cmp(&b.0));
    let mut table = output::table(&["DEPLOYMENT", "POOL", "QUEUE", "SCHEDULES", "STATUS", "TAGS"]);
    for (name, deployment) in rows {
        table.add_row(vec![
            name,
            output::or_dash(deployment.work_pool_name.as_deref()),
            output::or_dash(deployment.work_queue_name.as_deref()),
            schedules_text(deployment),
            status(deployment),
            deployment.tags.join(", "),
        ]);
    }
    printer.table(table);
    Ok(())
}

fn schedules_text(deployment: &Deployment) -> String {
    if deployment.schedules.is_empty() {
        return "-".into();
    }
    deployment
        .schedule_requests()
        .iter()
        .map(|s| schedule_summary(s).as_str().unwrap_or("").to_string())
        .collect::<Vec<_>>()
        .join("; ")
}

fn status(deployment: &Deployment) -> String {
    if deployment.paused {
        return "PAUSED".into();
    }
    output::or_dash(deployment.status.as_deref())
}

async fn inspect(
    api: &Client,
    reference: &DeploymentRef,
    format: OutputFormat,
    printer: &Printer,
) -> Result<()> {
    let deployment = resolve(api, reference).await?;
    // As `prefect deployment inspect`: the automations related to it (its triggers' among them).
    let automations = api.automations_related_to_deployment(deployment.id).await?;
    if format == OutputFormat::Json {
        #[derive(serde::Serialize)]
        struct Inspected<'a> {
            #[serde(flatten)]
            deployment: &'a Deployment,
            automations: Vec<AutomationSummary<'a>>,
        }
        #[derive(serde::Serialize)]
        struct AutomationSummary<'a> {
            id: Option<uuid::Uuid>,
            #[serde(flatten)]
            automation: &'a crate::api::automations::Automation,
        }
        return printer.json(&Inspected {
            deployment: &deployment,
            automations: automations
                .iter()
                .map(|automation| AutomationSummary {
                    id: automation.id,
                    automation,
                })
                .collect(),
        });
    }
    let automation_names: Vec<&str> = automations.iter().map(|a| a.name.as_str()).collect();
    let parameters = serde_json::to_string(&deployment.parameters).unwrap_or_default();
    let limit = deployment
        .global_concurrency_limit
        .as_ref()
        .and_then(|g| g.limit)
        .map_or_else(|| "none".to_string(), |l| l.to_string());
    printer.table(output::details(vec![
        ("Deployment", reference.name.clone()),
        ("ID", deployment.id.to_string()),
        ("Status", status(&deployment)),
        (
            "Work pool",
            output::or_dash(deployment.work_pool_name.as_deref()),
        ),
        (
            "Work queue",
            output::or_dash(deployment.work_queue_name.as_deref()),
        ),
        (
            "Entrypoint",
            output::or_dash(deployment.entrypoint.as_deref()),
        ),
        ("Version", output::or_dash(deployment.version.as_deref())),
        (
            "Description",
            output::or_dash(deployment.description.as_deref()),
        ),
        ("Parameters", parameters),
        ("Schedules", schedules_text(&deployment)),
        ("Concurrency", limit),
        ("Tags", deployment.tags.join(", ")),
        (
            "Automations",
            output::or_dash((!automation_names.is_empty()).then(|| automation_names.join(", "))),
        ),
        (
            "UI",
            format!("{}/deployments/deployment/{}", api.ui_url(), deployment.id),
        ),
    ]));
    Ok(())
}

async fn delete(
    api: &Client,
    reference: &DeploymentRef,
    yes: bool,
    printer: &Printer,
) -> Result<()> {
    let deployment = resolve(api, reference).await?;
    let question = format!(
        "Delete deployment '{}' and its scheduled runs?",
        reference.name
    );
    if !printer.confirm(&question, yes)? {
        printer.line("Nothing deleted.");
        return Ok(());
    }
    api.delete_deployment(deployment.id, &reference.name)
        .await?;
    printer.line(format_args!("Deleted deployment '{}'.", reference.name));
    Ok(())
}

async fn set_paused(
    api: &Client,
    reference: &DeploymentRef,
    paused: bool,
    printer: &Printer,
) -> Result<()> {
    let deployment = resolve(api, reference).await?;
    api.set_deployment_paused(deployment.id, paused, &reference.name)
        .await?;
    let done = if paused { "Paused" } else { "Resumed" };
    printer.line(format_args!("{done} deployment '{}'.", reference.name));
    Ok(())
}
