//! `ot2ctl deploy`: prefect.yaml → deployments on the server.
//!
//! Two phases, so that bad input never leaves half a deploy behind: every selected entry is
//! prepared and checked first (templating, build steps, entrypoints, work pools); only then are
//! deployments created or updated, one by one, continuing past a server error and reporting
//! which failed. Each deployment's triggers become its automations (`deploy::automations`).

use crate::output::Printer;
use std::collections::HashMap;
use std::sync::Arc;

use futures_util::StreamExt;

use anyhow::{Result, anyhow};
use serde::Serialize;
use serde_json::json;
use uuid::Uuid;

use crate::api::automations::Automation;
use crate::api::models::{DeploymentCreate, DeploymentUpdate};
use crate::api::{ApiError, Client};
use crate::cli::DeployArgs;
use crate::commands::invocation::Invocation;
use crate::commands::shared::with_api;
use crate::deploy::automations::{Step, plan};
use crate::deploy::compare::{Change, changes, hide, keep_anchors, short};
use crate::deploy::prepare::{Fetched, Options, Prepared, prepare};
use crate::deploy::project::{ProjectFile, select};
use crate::deploy::python::SchemaRules;
use crate::output::OutputFormat;

pub fn run(args: DeployArgs, invocation: &Invocation) -> Result<()> {
    let printer = &invocation.printer;
    if let Some((option, instead)) = args.prefect_only.first_given() {
        return crate::error::usage(format!(
            "{option}: ot2ctl deploy takes every setting from prefect.yaml, not the command line; {instead}"
        ));
    }
    // The file's shape is checked before the server is contacted.
    let file = ProjectFile::load(&invocation.cwd, &args.prefect_file)?;
    for warning in &file.warnings {
        printer.warn(warning);
    }
    // What ot2ctl cannot create yet stops only the deployments it is asked for.
    for entry in select(&file, &file.deployments(), &args.name, args.all)? {
        file.check_supported(entry)?;
    }
    with_api(invocation, |api| async move {
        deploy(&api, &file, &args, invocation).await
    })
}

/// What deploy needs to know of the server.
struct Server {
    /// The parameter schema rules of its Prefect release.
    schema_rules: SchemaRules,
    /// Its release, when it says (a self-hosted server; Prefect Cloud does not).
    release: Option<String>,
}

/// The server's release and its schema rules; the newest rules when the server does not say
/// which (Prefect Cloud runs the newest release).
async fn server(api: &Client) -> Result<Server, ApiError> {
    match api.server_version().await {
        Ok(release) => Ok(Server {
            schema_rules: SchemaRules::for_release(&release).unwrap_or(SchemaRules::NEWEST),
            release: Some(release),
        }),
        Err(ApiError::NotFound { .. } | ApiError::NoRoute { .. } | ApiError::Decode { .. }) => {
            Ok(Server {
                schema_rules: SchemaRules::NEWEST,
                release: None,
            })
        }
        Err(err) => Err(err),
    }
}

/// A self-hosted Prefect server refuses metric triggers (a Prefect Cloud feature): `prefect
/// deploy` finds out after it has written the deployment and the automations before it.
fn check_triggers(file: &ProjectFile, server: &Server, deployment: &Prepared) -> Result<()> {
    let Some(release) = &server.release else {
        return Ok(());
    };
    match deployment.triggers.iter().find(|t| t.trigger.has_metric()) {
        Some(metric) => Err(file
            .error_at(
                metric.pos,
                format!(
                    "deployment '{}' has a metric trigger, which only Prefect Cloud runs; this                      self-hosted server (Prefect {release}) refuses it: use an event trigger, or                      deploy to Prefect Cloud",
                    deployment.name
                ),
            )
            .into()),
        None => Ok(()),
    }
}

/// What was (or, in a dry run, would be) done to one deployment; in `-o json` as the word.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
enum Action {
    /// Dry run: it does not exist yet.
    Create,
    /// Dry run: it differs.
    Update,
    Created,
    Updated,
    Unchanged,
    Failed,
}

impl Action {
    fn verdict(self) -> &'static str {
        match self {
            Action::Create => "would be created",
            Action::Update => "would be updated",
            Action::Created => "created",
            Action::Updated => "updated",
            Action::Unchanged => "unchanged",
            Action::Failed => "failed",
        }
    }
}

/// What happened to one deployment.
#[derive(Debug, Serialize)]
struct Outcome {
    deployment: String,
    action: Action,
    #[serde(skip_serializing_if = "Option::is_none")]
    id: Option<Uuid>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    changes: Vec<Change>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    automations: Vec<AutomationOutcome>,
    #[serde(skip_serializing_if = "Option::is_none")]
    error: Option<String>,
}

impl Outcome {
    fn new(deployment: String, action: Action, id: Option<Uuid>) -> Outcome {
        Outcome {
            deployment,
            action,
            id,
            changes: Vec::new(),
            automations: Vec::new(),
            error: None,
        }
    }
}

/// What was (or would be) done to one automation of a deployment.
#[derive(Debug, Serialize)]
struct AutomationOutcome {
    name: String,
    action: AutomationAction,
    #[serde(skip_serializing_if = "Option::is_none")]
    id: Option<Uuid>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    changes: Vec<Change>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
enum AutomationAction {
    /// Dry run.
    Create,
    Update,
    Delete,
    Created,
    Updated,
    Deleted,
    Unchanged,
    /// It runs the deployment and no trigger wants it, but it may not be the file's.
    Kept,
}

impl AutomationAction {
    fn verdict(self) -> &'static str {
        match self {
            AutomationAction::Create => "would be created",
            AutomationAction::Update => "would be updated",
            AutomationAction::Delete => "would be deleted",
            AutomationAction::Created => "created",
            AutomationAction::Updated => "updated",
            AutomationAction::Deleted => "deleted",
            AutomationAction::Unchanged => "unchanged",
            AutomationAction::Kept => "kept",
        }
    }
}

async fn deploy(
    api: &Client,
    file: &ProjectFile,
    args: &DeployArgs,
    invocation: &Invocation,
) -> Result<()> {
    let printer = &invocation.printer;
    let entries = file.deployments();
    let selected = select(file, &entries, &args.name, args.all)?;
    let server = server(api).await?;
    let options = Options {
        cwd: invocation.cwd.clone(),
        allow_missing: args.allow_missing,
        printer: printer.clone(),
        schema_rules: server.schema_rules,
        env: invocation.env.clone(),
    };

    // Phase 1: prepare and check everything; any problem stops here, before a single write.
    let mut fetched = Fetched::default();
    let mut default_queues: HashMap<String, String> = HashMap::new();
    let mut prepared: Vec<Prepared> = Vec::with_capacity(selected.len());
    for entry in selected {
        let mut deployment = prepare(api, file, entry, &options, &mut fetched).await?;
        let queue = match default_queues.get(&deployment.work_pool) {
            Some(queue) => queue.clone(),
            None => {
                let queue = default_queue(api, file, &deployment).await?;
                default_queues.insert(deployment.work_pool.clone(), queue.clone());
                queue
            }
        };
        deployment.body.work_queue_name.get_or_insert(queue);
        check_triggers(file, &server, &deployment)?;
        for warning in &deployment.warnings {
            printer.note(format_args!("warning: {warning}"));
        }
        prepared.push(deployment);
    }

    // Two entries for one deployment: the second would overwrite the first.
    for (index, deployment) in prepared.iter().enumerate() {
        if let Some(first) = prepared[..index]
            .iter()
            .find(|earlier| earlier.label() == deployment.label())
        {
            return Err(file
                .error_at(
                    deployment.entry_pos,
                    format!(
                        "deployment '{}' is defined twice (first at line {}); the second would \
                         overwrite the first: rename one",
                        deployment.label(),
                        first.entry_pos.line
                    ),
                )
                .into());
        }
    }

    // Phase 2: compare with the server and write what differs, a few deployments at once;
    // the report keeps the file's order.
    let progress = printer.progress(prepared.len() as u64);
    let flows = FlowIds::default();
    // What the server has, read in bulk: the deployments of the file that exist, and, when
    // some do, the automations (to find those of their triggers).
    let names: Vec<(String, String)> = prepared
        .iter()
        .map(|d| (d.flow_name.clone(), d.name.clone()))
        .collect();
    let existing = api.deployments_by_names(&names).await?;
    let automations = if existing.is_empty() {
        Vec::new()
    } else {
        api.all_automations().await?
    };
    let server = Existing {
        deployments: &existing,
        automations: &automations,
    };
    let outcomes: Vec<Outcome> =
        futures_util::stream::iter(prepared.iter_mut().map(|deployment| {
            let (flows, progress, server) = (&flows, &progress, &server);
            async move {
                let outcome = apply(api, flows, server, deployment, args.dry_run)
                    .await
                    .unwrap_or_else(|err| Outcome {
                        error: Some(crate::error::render_error(&err)),
                        ..Outcome::new(deployment.label(), Action::Failed, None)
                    });
                progress.set_message(outcome.deployment.clone());
                progress.inc(1);
                outcome
            }
        }))
        .buffered(usize::from(args.concurrency))
        .collect()
        .await;
    progress.finish_and_clear();

    if args.output.output == OutputFormat::Json {
        printer.json(&json!({"dry_run": args.dry_run, "items": outcomes}))?;
    } else {
        print_report(api, &outcomes, args.dry_run, printer);
    }
    let failed: Vec<String> = outcomes
        .iter()
        .filter(|o| o.action == Action::Failed)
        .map(|o| {
            format!(
                "{} ({})",
                o.deployment,
                o.error.as_deref().unwrap_or("failed")
            )
        })
        .collect();
    if failed.is_empty() {
        Ok(())
    } else {
        Err(anyhow!(
            "{} of {} deployments failed: {}",
            failed.len(),
            outcomes.len(),
            failed.join("; ")
        ))
    }
}

/// The pool must exist and be usable; its default queue is where an entry without
/// `work_queue_name` lands.
async fn default_queue(api: &Client, file: &ProjectFile, deployment: &Prepared) -> Result<String> {
    let pool = match api.read_work_pool(&deployment.work_pool).await {
        Ok(pool) => pool,
        Err(ApiError::NotFound { .. }) => {
            return Err(file
                .error_at(
                    deployment.work_pool_pos,
                    format!(
                        "work pool '{}' does not exist on the server; create it with \
                         `ot2ctl work-pool create` or `ot2ctl lab setup`",
                        deployment.work_pool
                    ),
                )
                .into());
        }
        Err(err) => return Err(err.into()),
    };
    if pool.pool_type == "prefect-agent" {
        return Err(file
            .error_at(
                deployment.work_pool_pos,
                format!(
                    "work pool '{}' is a prefect-agent pool, which workers cannot use",
                    pool.name
                ),
            )
            .into());
    }
    let queues = api.list_work_queues(&pool.name).await?;
    Ok(queues
        .iter()
        .find(|q| Some(q.id) == pool.default_queue_id)
        .map_or_else(|| "default".to_string(), |q| q.name.clone()))
}

/// The id of each flow the deploy needs, upserted once however many deployments share it
/// (`POST /flows/` answers with the existing flow).
#[derive(Default)]
struct FlowIds(tokio::sync::Mutex<HashMap<String, Arc<tokio::sync::OnceCell<Uuid>>>>);

impl FlowIds {
    async fn get(&self, api: &Client, name: &str) -> Result<Uuid, ApiError> {
        let cell = self
            .0
            .lock()
            .await
            .entry(name.to_string())
            .or_default()
            .clone();
        cell.get_or_try_init(|| async { api.ensure_flow(name).await.map(|flow| flow.id) })
            .await
            .copied()
    }
}

/// What the server held before this deploy wrote anything.
struct Existing<'a> {
    deployments: &'a HashMap<(String, String), crate::api::models::Deployment>,
    automations: &'a [Automation],
}

impl Existing<'_> {
    /// The automations that run the deployment `id`: those of its triggers among them.
    fn automations_of(&self, id: Uuid) -> Vec<Automation> {
        self.automations
            .iter()
            .filter(|automation| automation.runs_deployment(id))
            .cloned()
            .collect()
    }
}

async fn apply(
    api: &Client,
    flows: &FlowIds,
    server: &Existing<'_>,
    deployment: &mut Prepared,
    dry_run: bool,
) -> Result<Outcome> {
    let label = deployment.label();
    let existing = server
        .deployments
        .get(&(deployment.flow_name.clone(), deployment.name.clone()))
        .cloned();
    let Some(existing) = existing else {
        if dry_run {
            let mut outcome = Outcome::new(label, Action::Create, None);
            outcome.automations = deployment
                .triggers
                .iter()
                .map(|trigger| AutomationOutcome {
                    // The id it names itself after is not known yet.
                    name: trigger.automation(Uuid::nil()).name,
                    action: AutomationAction::Create,
                    id: None,
                    changes: Vec::new(),
                })
                .collect();
            return Ok(outcome);
        }
        let flow_id = flows.get(api, &deployment.flow_name).await?;
        let body = DeploymentCreate {
            flow_id: Some(flow_id),
            ..deployment.body.clone()
        };
        let created = api.create_deployment(&body, &label).await?;
        let mut outcome = Outcome::new(label, Action::Created, Some(created.id));
        outcome.automations =
            sync_automations(api, deployment, created.id, Vec::new(), false).await?;
        return Ok(outcome);
    };
    keep_anchors(&mut deployment.body, &existing);
    let found = hide(changes(&deployment.body, &existing), &deployment.sensitive);
    let action = match (found.is_empty(), dry_run) {
        (true, _) => Action::Unchanged,
        (false, true) => Action::Update,
        (false, false) => Action::Updated,
    };
    if action == Action::Updated {
        // The complete specification: the server resets what an update leaves out.
        let body = DeploymentUpdate::from(&deployment.body);
        api.update_deployment(existing.id, &body, &label).await?;
    }
    let mut outcome = Outcome::new(label, action, Some(existing.id));
    outcome.changes = found;
    let related = server.automations_of(existing.id);
    outcome.automations = sync_automations(api, deployment, existing.id, related, dry_run).await?;
    Ok(outcome)
}

/// Makes the deployment's automations those of its triggers (in a dry run, says what that
/// would take); `related`: the server's automations that run it (none for a new one).
async fn sync_automations(
    api: &Client,
    deployment: &Prepared,
    deployment_id: Uuid,
    related: Vec<Automation>,
    dry_run: bool,
) -> Result<Vec<AutomationOutcome>> {
    let wanted: Vec<Automation> = deployment
        .triggers
        .iter()
        .map(|trigger| trigger.automation(deployment_id))
        .collect();
    let mut outcomes = Vec::new();
    for step in plan(&deployment.name, deployment_id, wanted, related) {
        let name = step.name().to_string();
        let (action, id, changes) = match step {
            Step::Unchanged { id, .. } => (AutomationAction::Unchanged, Some(id), Vec::new()),
            Step::Kept { id, .. } => (AutomationAction::Kept, Some(id), Vec::new()),
            Step::Create(_) if dry_run => (AutomationAction::Create, None, Vec::new()),
            Step::Create(automation) => {
                let id = api.create_automation(&automation).await?;
                (AutomationAction::Created, Some(id), Vec::new())
            }
            Step::Update { id, changes, .. } if dry_run => {
                (AutomationAction::Update, Some(id), changes)
            }
            Step::Update {
                id,
                wanted,
                changes,
            } => {
                api.replace_automation(id, &wanted).await?;
                (AutomationAction::Updated, Some(id), changes)
            }
            Step::Delete { id, .. } if dry_run => (AutomationAction::Delete, Some(id), Vec::new()),
            Step::Delete { id, name } => {
                api.delete_automation(id, &name).await?;
                (AutomationAction::Deleted, Some(id), Vec::new())
            }
        };
        outcomes.push(AutomationOutcome {
            name,
            action,
            id,
            changes: hide(changes, &deployment.sensitive),
        });
    }
    Ok(outcomes)
}

fn print_changes(changes: &[Change], width: usize, printer: &Printer) {
    for change in changes {
        printer.line(format_args!(
            "{:<width$}    {}: {} -> {}",
            "",
            change.field,
            short(&change.from),
            short(&change.to)
        ));
    }
}

fn print_report(api: &Client, outcomes: &[Outcome], dry_run: bool, printer: &Printer) {
    let width = outcomes
        .iter()
        .map(|o| o.deployment.len())
        .max()
        .unwrap_or(0);
    for outcome in outcomes {
        let verdict = outcome.action.verdict();
        let id = outcome.id.map(|id| id.to_string()).unwrap_or_default();
        match &outcome.error {
            Some(error) => printer.line(format_args!(
                "{:<width$}  failed: {error}",
                outcome.deployment
            )),
            None => printer.line(format_args!(
                "{:<width$}  {verdict:<16}  {id}",
                outcome.deployment
            )),
        }
        print_changes(&outcome.changes, width, printer);
        for automation in &outcome.automations {
            let id = automation.id.map(|id| id.to_string()).unwrap_or_default();
            printer.line(format_args!(
                "{:<width$}    automation '{}'  {}  {id}",
                "",
                automation.name,
                automation.action.verdict()
            ));
            if automation.action == AutomationAction::Kept {
                printer.line(format_args!(
                    "{:<width$}      it runs this deployment and no trigger wants it, but its \
                     name is not one Prefect gives a trigger's automation, so it may have been \
                     made in the UI; delete it there if prefect.yaml made it",
                    ""
                ));
            }
            print_changes(&automation.changes, width + 2, printer);
        }
    }
    let count = |actions: &[Action]| {
        outcomes
            .iter()
            .filter(|o| actions.contains(&o.action))
            .count()
    };
    let automations = |actions: &[AutomationAction]| {
        outcomes
            .iter()
            .flat_map(|o| &o.automations)
            .filter(|a| actions.contains(&a.action))
            .count()
    };
    if outcomes.iter().any(|o| !o.automations.is_empty()) {
        let line = if dry_run {
            format!(
                "Automations: {} to create, {} to update, {} to delete, {} unchanged.",
                automations(&[AutomationAction::Create]),
                automations(&[AutomationAction::Update]),
                automations(&[AutomationAction::Delete]),
                automations(&[AutomationAction::Unchanged, AutomationAction::Kept]),
            )
        } else {
            format!(
                "Automations: {} created, {} updated, {} deleted, {} unchanged.",
                automations(&[AutomationAction::Created]),
                automations(&[AutomationAction::Updated]),
                automations(&[AutomationAction::Deleted]),
                automations(&[AutomationAction::Unchanged, AutomationAction::Kept]),
            )
        };
        printer.line(line);
    }
    if dry_run {
        printer.line(format_args!(
            "Dry run: {} to create, {} to update, {} unchanged; nothing was written.",
            count(&[Action::Create]),
            count(&[Action::Update]),
            count(&[Action::Unchanged])
        ));
    } else {
        printer.line(format_args!(
            "{} created, {} updated, {} unchanged, {} failed. Deployments: {}/deployments",
            count(&[Action::Created]),
            count(&[Action::Updated]),
            count(&[Action::Unchanged]),
            count(&[Action::Failed]),
            api.ui_url()
        ));
    }
}
