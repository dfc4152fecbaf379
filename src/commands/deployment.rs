//! `ot2ctl deployment ...`.

use anyhow::Result;
use serde_json::{Map, Value, json};

use super::run as run_command;
use crate::api::Client;
use crate::api::models::Deployment;
use crate::cli::{DeploymentCommand, DeploymentListArgs, DeploymentRef};
use crate::deploy::compare::schedule_summary;
use crate::error::UsageError;
use crate::output::{self, OutputFormat};

pub async fn run(command: DeploymentCommand, api: Client) -> Result<()> {
    match command {
        DeploymentCommand::Ls(args) => list(&api, args).await,
        DeploymentCommand::Inspect { deployment, output } => {
            inspect(&api, &deployment, output.output).await
        }
        DeploymentCommand::Delete { deployment, yes } => delete(&api, &deployment, yes).await,
        DeploymentCommand::Pause(deployment) => set_paused(&api, &deployment, true).await,
        DeploymentCommand::Resume(deployment) => set_paused(&api, &deployment, false).await,
        DeploymentCommand::Run(args) => run_command::run(&api, args).await,
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

async fn list(api: &Client, args: DeploymentListArgs) -> Result<()> {
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
        return output::print_json(&deployments);
    }
    if deployments.is_empty() {
        println!("No deployments found. Create them with `ot2ctl deploy`.");
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
    output::print_table(table);
    Ok(())
}

fn schedules_text(deployment: &Deployment) -> String {
    if deployment.schedules.is_empty() {
        return "-".into();
    }
    deployment
        .schedules
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

async fn inspect(api: &Client, reference: &DeploymentRef, format: OutputFormat) -> Result<()> {
    let deployment = resolve(api, reference).await?;
    if format == OutputFormat::Json {
        return output::print_json(&deployment);
    }
    let text = |key: &str| {
        deployment
            .extra
            .get(key)
            .and_then(Value::as_str)
            .map_or_else(|| "-".to_string(), str::to_string)
    };
    let parameters = serde_json::to_string(&deployment.parameters).unwrap_or_default();
    let limit = deployment.extra["global_concurrency_limit"]["limit"]
        .as_u64()
        .map_or_else(|| "none".to_string(), |l| l.to_string());
    output::print_table(output::details(vec![
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
        ("Entrypoint", text("entrypoint")),
        ("Version", text("version")),
        ("Description", text("description")),
        ("Parameters", parameters),
        ("Schedules", schedules_text(&deployment)),
        ("Concurrency", limit),
        ("Tags", deployment.tags.join(", ")),
        (
            "UI",
            format!("{}/deployments/deployment/{}", api.ui_url(), deployment.id),
        ),
    ]));
    Ok(())
}

async fn delete(api: &Client, reference: &DeploymentRef, yes: bool) -> Result<()> {
    let deployment = resolve(api, reference).await?;
    let question = format!(
        "Delete deployment '{}' and its scheduled runs?",
        reference.name
    );
    if !output::confirm(&question, yes)? {
        println!("Nothing deleted.");
        return Ok(());
    }
    api.delete_deployment(deployment.id, &reference.name)
        .await?;
    println!("Deleted deployment '{}'.", reference.name);
    Ok(())
}

async fn set_paused(api: &Client, reference: &DeploymentRef, paused: bool) -> Result<()> {
    let deployment = resolve(api, reference).await?;
    let mut body = Map::new();
    body.insert("paused".into(), json!(paused));
    api.update_deployment(deployment.id, &body, &reference.name)
        .await?;
    let done = if paused { "Paused" } else { "Resumed" };
    println!("{done} deployment '{}'.", reference.name);
    Ok(())
}
