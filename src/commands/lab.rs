//! `ot2ctl lab setup FILE`: make the server's pools and queues (and, if the file asks, its
//! zombie-run automation) match a lab file.

use crate::output::Printer;
use anyhow::{Result, anyhow};
use serde::Serialize;

use crate::api::Client;
use crate::cli::{LabCommand, SetupArgs};
use crate::commands::invocation::Invocation;
use crate::commands::shared::with_api;
use crate::lab::plan::{Action, Current, FieldChange, Request, Step, plan_pool};
use crate::lab::spec::{self, LabSpec, PoolSpec};
use crate::lab::zombies;
use crate::output::OutputFormat;

/// Runs a lab command. The lab file is read and validated before the server is contacted,
/// so a broken file is reported even when no server is reachable.
pub fn run(command: LabCommand, invocation: &Invocation) -> Result<()> {
    let printer = &invocation.printer;
    match command {
        LabCommand::Setup(args) => {
            let lab = spec::load(&invocation.cwd, &args.file)?;
            with_api(invocation, |api| async move {
                setup(&api, &lab, args, printer).await
            })
        }
    }
}

/// One line of the report, as printed and as JSON.
#[derive(Serialize)]
struct Outcome {
    kind: &'static str,
    pool: String,
    name: String,
    #[serde(flatten)]
    action: Action,
}

async fn setup(api: &Client, lab: &LabSpec, args: SetupArgs, printer: &Printer) -> Result<()> {
    // Every pool is compared with the server before anything is written.
    let progress = printer.spinner("Reading the work pools from the server...");
    let mut steps: Vec<Step> = Vec::new();
    for pool in &lab.pools {
        let current = api.find_work_pool(&pool.name).await?;
        let queues = match &current {
            Some(_) => api.list_work_queues(&pool.name).await?,
            None => Vec::new(),
        };
        steps.extend(plan_pool(
            pool,
            Current {
                pool: current.as_ref(),
                queues: &queues,
            },
        )?);
    }

    let zombies = match lab.zombie_runs {
        Some(spec) => {
            let current = api.find_automation(zombies::NAME).await?;
            let action = zombies::plan(spec, current.as_ref());
            Some((spec, current, action))
        }
        None => None,
    };

    if !args.dry_run {
        progress.set_message("Applying the lab file...");
        for step in &steps {
            apply(api, step).await?;
        }
        if let Some((spec, current, action)) = &zombies {
            let wanted = zombies::automation(*spec);
            match (action, current.as_ref().and_then(|c| c.id)) {
                (Action::Create, _) => {
                    api.create_automation(&wanted).await?;
                }
                (Action::Update(_), Some(id)) => api.replace_automation(id, &wanted).await?,
                _ => {}
            }
        }
        progress.set_message("Checking the result...");
        for pool in &lab.pools {
            verify(api, pool).await?;
        }
    }
    progress.finish_and_clear();

    let mut outcomes: Vec<Outcome> = steps
        .into_iter()
        .map(|step| Outcome {
            kind: if step.queue.is_some() {
                "work_queue"
            } else {
                "work_pool"
            },
            name: step.queue.unwrap_or_else(|| step.pool.clone()),
            pool: step.pool,
            action: step.action,
        })
        .collect();
    if let Some((_, _, action)) = zombies {
        outcomes.push(Outcome {
            kind: "automation",
            pool: String::new(),
            name: zombies::NAME.into(),
            action,
        });
    }
    if args.output.output == OutputFormat::Json {
        return printer.json(&serde_json::json!({
            "file": args.file.display().to_string(),
            "dry_run": args.dry_run,
            "items": outcomes,
        }));
    }
    print_report(&outcomes, args.dry_run, printer);
    Ok(())
}

async fn apply(api: &Client, step: &Step) -> Result<()> {
    match &step.request {
        Request::CreatePool(create) => {
            api.create_work_pool(create).await?;
        }
        Request::UpdatePool(update) => api.update_work_pool(&step.pool, update).await?,
        Request::CreateQueue(create) => {
            api.create_work_queue(&step.pool, create).await?;
        }
        Request::UpdateQueue(update) => {
            let queue = step.queue.as_deref().expect("queue steps name their queue");
            api.update_work_queue(&step.pool, queue, update).await?;
        }
        Request::Nothing => {}
    }
    Ok(())
}

/// The server must now hold what the file says: a fresh plan has nothing left to do.
/// Anything else means someone changed the pool while we worked, and the user must know.
async fn verify(api: &Client, pool: &PoolSpec) -> Result<()> {
    let (current, queues) = tokio::try_join!(
        api.read_work_pool(&pool.name),
        api.list_work_queues(&pool.name)
    )?;
    let leftovers = plan_pool(
        pool,
        Current {
            pool: Some(&current),
            queues: &queues,
        },
    )?;
    for step in leftovers {
        let what = match &step.queue {
            Some(queue) => format!("work queue '{queue}' in work pool '{}'", step.pool),
            None => format!("work pool '{}'", step.pool),
        };
        let difference = match &step.action {
            Action::Unchanged => continue,
            Action::Create => "is missing".to_string(),
            Action::Update(changes) => format!("still differs ({})", describe(changes)),
        };
        return Err(anyhow!(
            "after set-up, {what} {difference}; was the pool changed meanwhile? Run the set-up again."
        ));
    }
    Ok(())
}

fn print_report(outcomes: &[Outcome], dry_run: bool, printer: &Printer) {
    let (mut created, mut updated, mut unchanged) = (0, 0, 0);
    for outcome in outcomes {
        let subject = match outcome.kind {
            "work_pool" => format!("work pool  {}", outcome.name),
            "automation" => format!("automation {}", outcome.name),
            _ => format!("work queue {}/{}", outcome.pool, outcome.name),
        };
        let verdict = match (&outcome.action, dry_run) {
            (Action::Create, false) => {
                created += 1;
                "created".to_string()
            }
            (Action::Create, true) => {
                created += 1;
                "would be created".to_string()
            }
            (Action::Update(changes), run) => {
                updated += 1;
                let verb = if run { "would be updated" } else { "updated" };
                format!("{verb}: {}", describe(changes))
            }
            (Action::Unchanged, _) => {
                unchanged += 1;
                "unchanged".to_string()
            }
        };
        printer.line(format_args!("{subject:<48} {verdict}"));
    }
    if dry_run {
        printer.line(format_args!(
            "Dry run: {created} to create, {updated} to update, {unchanged} unchanged; nothing was written."
        ));
    } else {
        printer.line(format_args!(
            "{created} created, {updated} updated, {unchanged} unchanged."
        ));
    }
}

fn describe(changes: &[FieldChange]) -> String {
    changes
        .iter()
        .map(|c| format!("{} {} -> {}", c.field, c.from, c.to))
        .collect::<Vec<_>>()
        .join(", ")
}
