//! `ot2ctl campaign start|resume|status|ls`: the colour-matching loop. Each step is two flow
//! runs of the lab's deployments (the mix into the next free well, then the measurement of
//! that well), made with an idempotency key of the campaign, the step and the kind: a
//! campaign killed after asking for a run and before writing its id down finds the same run
//! again on resume, never a second one. The record (`crate::campaign`) is written after every
//! change.

use anyhow::{Context, Result, anyhow};
use jiff::Timestamp;
use serde::Deserialize;
use serde_json::json;

use crate::api::Client;
use crate::api::models::{Deployment, FlowRun};
use crate::api::states::{Proposal, StateType};
use crate::campaign::optimiser::recipe_of;
use crate::campaign::picture;
use crate::campaign::{Campaign, CampaignError, CampaignStore, Ending, Optimiser, Step};
use crate::cli::{
    CampaignCommand, CampaignLsArgs, CampaignStartArgs, CampaignStatusArgs, DeploymentRef,
    OptimiserChoice,
};
use crate::colour::ciede2000::delta_e;
use crate::colour::lab::Lab;
use crate::colour::srgb::Rgb;
use crate::commands::invocation::Invocation;
use crate::commands::plate::in_colour;
use crate::commands::shared::{Show, follow, resolve, with_api};
use crate::config::paths::ot2ctl_home;
use crate::error::UsageError;
use crate::lab::spec;
use crate::output::{self, OutputFormat, Printer};
use crate::sensor::Measurement;

/// µL in a mix when neither the flag nor the lab file says.
const DEFAULT_TOTAL_UL: u32 = 250;

/// A campaign id that names no campaign is the user's typo: exit 2, as other bad input.
fn load(store: &CampaignStore, id: &str) -> Result<Campaign> {
    store.load(id).map_err(|error| match error {
        CampaignError::Unknown(_) => UsageError::new(error.to_string()).into(),
        other => other.into(),
    })
}

pub fn run(command: CampaignCommand, invocation: &Invocation) -> Result<()> {
    let store = CampaignStore::under(&ot2ctl_home(&|name| invocation.env.var(name))?);
    match command {
        CampaignCommand::Start(args) => {
            let campaign = new_campaign(&args, invocation)?;
            store.save(&campaign)?;
            invocation.printer.note(format_args!(
                "Campaign {} started: target {}, up to {} mixes of {} µL, ΔE below {}, {} \
                 optimiser (seed {}); `ot2ctl campaign resume {}` goes on if it is stopped.",
                campaign.id,
                campaign.target,
                campaign.budget,
                campaign.total_ul,
                campaign.tolerance,
                campaign.optimiser.name(),
                campaign.seed,
                campaign.id
            ));
            drive(&store, campaign, args.wait.run_timeout, invocation)
        }
        CampaignCommand::Resume(args) => {
            let campaign = load(&store, &args.id)?;
            if let Some(ending) = &campaign.ended {
                return Err(UsageError::new(
                    CampaignError::Ended {
                        id: campaign.id.clone(),
                        why: ending.describe(),
                    }
                    .to_string(),
                )
                .into());
            }
            drive(&store, campaign, args.wait.run_timeout, invocation)
        }
        CampaignCommand::Status(args) => status(&store, args, invocation),
        CampaignCommand::Ls(args) => list(&store, args, &invocation.printer),
    }
}

fn new_campaign(args: &CampaignStartArgs, invocation: &Invocation) -> Result<Campaign> {
    let target: Rgb = args
        .target
        .parse()
        .map_err(|e: crate::colour::srgb::NotAColour| UsageError::new(format!("--target: {e}")))?;
    let optimiser = match args.optimiser {
        Some(OptimiserChoice::Random) => Optimiser::Random,
        Some(OptimiserChoice::Bayesian) => Optimiser::Bayesian,
        None if Optimiser::Bayesian.available().is_ok() => Optimiser::Bayesian,
        None => Optimiser::Random,
    };
    optimiser
        .available()
        .map_err(|e| UsageError::new(format!("--optimiser bayesian: {e}")))?;
    for (flag, name) in [("--mix", &args.mix), ("--measure", &args.measure)] {
        if name.split('/').filter(|p| !p.is_empty()).count() != 2 {
            return Err(UsageError::new(format!(
                "{flag} '{name}' must name a deployment as FLOW/DEPLOYMENT"
            ))
            .into());
        }
    }
    let wells = wells(&args.wells, args.budget)?;
    let lab = Lab::of(target);
    Ok(Campaign {
        id: crate::campaign::model::new_campaign_id(),
        target: target.hex(),
        target_lab: [lab.l, lab.a, lab.b],
        budget: args.budget,
        tolerance: args.tolerance,
        total_ul: total_ul(args, invocation)?,
        optimiser,
        seed: args.seed.unwrap_or_else(|| fastrand::u64(..)),
        wells,
        mix_deployment: args.mix.clone(),
        measure_deployment: args.measure.clone(),
        created_at: Timestamp::now(),
        ended: None,
        steps: Vec::new(),
    })
}

/// `auto` (no list), or the wells listed, each a well of the plate, none twice, one per step.
fn wells(text: &str, budget: u32) -> Result<Vec<String>, UsageError> {
    if text.trim().eq_ignore_ascii_case("auto") {
        return Ok(Vec::new());
    }
    let mut wells: Vec<String> = Vec::new();
    for part in text.split(',') {
        let well = crate::plate::Well::parse(part)
            .map_err(|e| UsageError::new(format!("--wells: {e}")))?
            .to_string();
        if wells.contains(&well) {
            return Err(UsageError::new(format!("--wells lists {well} twice")));
        }
        wells.push(well);
    }
    if wells.len() != budget as usize {
        return Err(UsageError::new(format!(
            "--wells lists {} well(s) for a budget of {budget}: list one per step, or use auto",
            wells.len()
        )));
    }
    Ok(wells)
}

/// The flag, else the lab file's `campaign.total_ul`, else the default.
fn total_ul(args: &CampaignStartArgs, invocation: &Invocation) -> Result<u32> {
    if let Some(total) = args.total_ul {
        return Ok(total);
    }
    let path = match &args.lab {
        Some(path) => path.clone(),
        None if invocation.cwd.join("lab.yaml").is_file() => "lab.yaml".into(),
        None => return Ok(DEFAULT_TOTAL_UL),
    };
    let section = spec::load(&invocation.cwd, &path)?.campaign;
    let Some(field) = section.and_then(|s| s.total_ul) else {
        return Ok(DEFAULT_TOTAL_UL);
    };
    crate::bounded::whole(&field.value, 60, 300)
        .map(|v| v as u32)
        .map_err(|e| {
            UsageError::new(format!(
                "{}:{}:{}: campaign.total_ul {e}",
                path.display(),
                field.line,
                field.column
            ))
            .into()
        })
}

/// Runs the campaign from where its record stands until it ends or a run does not finish.
fn drive(
    store: &CampaignStore,
    mut campaign: Campaign,
    run_timeout: u64,
    invocation: &Invocation,
) -> Result<()> {
    let _running = store.run(&campaign.id)?;
    // Read again under the lock: another process may have gone on meanwhile.
    campaign = store.load(&campaign.id)?;
    let printer = &invocation.printer;
    with_api(invocation, |api| async move {
        let deployments = Deployments {
            mix: deployment(&api, &campaign.mix_deployment).await?,
            measure: deployment(&api, &campaign.measure_deployment).await?,
        };
        let outcome = steps(
            &api,
            &deployments,
            store,
            &mut campaign,
            run_timeout,
            printer,
        )
        .await;
        if let Err(error) = &outcome
            && let Some(why) = error.downcast_ref::<StepFailed>()
        {
            campaign.ended = Some(Ending::Stopped {
                at: Timestamp::now(),
                why: why.0.clone(),
            });
            store.save(&campaign)?;
        }
        outcome?;
        summary(&campaign, printer);
        Ok(())
    })
}

struct Deployments {
    mix: Deployment,
    measure: Deployment,
}

async fn deployment(api: &Client, name: &str) -> Result<Deployment> {
    resolve(api, &DeploymentRef { name: name.into() })
        .await
        .map_err(|e| anyhow!("{e}; deploy the lab's deployments first (`ot2ctl deploy --all`)"))
}

/// A step that cannot be done: the campaign ends with this reason.
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
struct StepFailed(String);

async fn steps(
    api: &Client,
    deployments: &Deployments,
    store: &CampaignStore,
    campaign: &mut Campaign,
    run_timeout: u64,
    printer: &Printer,
) -> Result<()> {
    loop {
        if let Some(ending) = campaign.ending_due(Timestamp::now()) {
            campaign.ended = Some(ending);
            store.save(campaign)?;
            return Ok(());
        }
        if campaign.open_step().is_none() {
            let measured: Vec<([f64; 2], f64)> = campaign
                .measured()
                .filter_map(|s| Some((s.point, s.delta_e?)))
                .collect();
            let number = campaign.steps.len() as u32 + 1;
            let proposing = std::time::Instant::now();
            let point = campaign
                .optimiser
                .next_point(campaign.seed, number, &measured);
            let propose_seconds = proposing.elapsed().as_secs_f64();
            campaign.steps.push(Step {
                number,
                point,
                recipe: recipe_of(point, campaign.total_ul),
                propose_seconds,
                mix_run: None,
                well: None,
                measure_run: None,
                sensor_data: None,
                colour: None,
                lab: None,
                delta_e: None,
                measured_at: None,
            });
            store.save(campaign)?;
        }
        let index = campaign.steps.len() - 1;
        let step = campaign.steps[index].clone();
        let [red, yellow, blue] = step.recipe;
        if step.well.is_none() {
            let parameters = json!({
                "R": red, "Y": yellow, "B": blue, "mix_well": campaign.well_for(step.number)
            });
            let key = format!("{}-step-{}-mix", campaign.id, step.number);
            let run = make_run(api, &deployments.mix, parameters, &key).await?;
            campaign.steps[index].mix_run = Some(run.id);
            store.save(campaign)?;
            let finished = completed(api, &run, "mix", &step, run_timeout, printer).await?;
            let well = mixed_well(&finished).ok_or_else(|| {
                StepFailed(format!(
                    "step {}'s mix (flow run '{}') completed without naming its well",
                    step.number, finished.name
                ))
            })?;
            campaign.steps[index].well = Some(well);
            store.save(campaign)?;
        }
        let well = campaign.steps[index].well.clone().unwrap_or_default();
        let key = format!("{}-step-{}-measure", campaign.id, step.number);
        let run = make_run(api, &deployments.measure, json!({"mix_well": well}), &key).await?;
        campaign.steps[index].measure_run = Some(run.id);
        store.save(campaign)?;
        let finished = completed(api, &run, "measurement", &step, run_timeout, printer).await?;
        let measurement: Measurement = finished
            .state
            .and_then(|s| s.data)
            .and_then(|data| serde_json::from_value(data).ok())
            .ok_or_else(|| {
                StepFailed(format!(
                    "step {}'s measurement (flow run '{}') completed without a reading",
                    step.number, finished.name
                ))
            })?;
        let distance = delta_e(measurement.lab(), campaign.target_lab());
        let done = &mut campaign.steps[index];
        done.sensor_data = Some(measurement.sensor_data);
        done.colour = Some(measurement.colour.clone());
        done.lab = Some(measurement.lab);
        done.delta_e = Some(distance);
        done.measured_at = Some(measurement.measured_at);
        store.save(campaign)?;
        let best = campaign
            .best()
            .map_or(distance, |b| b.delta_e.unwrap_or(distance));
        printer.line(format_args!(
            "step {}/{}: R={red} Y={yellow} B={blue} µL into {well}: {} ΔE {distance:.1} (best {best:.1})",
            step.number, campaign.budget, measurement.colour
        ));
    }
}

/// The run of `deployment` with this idempotency key: made now, or the one made before.
async fn make_run(
    api: &Client,
    deployment: &Deployment,
    parameters: serde_json::Value,
    key: &str,
) -> Result<FlowRun> {
    let body = json!({
        "state": Proposal::scheduled(Timestamp::now()),
        "parameters": parameters,
        "context": {},
        "idempotency_key": key,
    });
    Ok(api
        .create_flow_run(deployment, &body, &deployment.name)
        .await?)
}

/// Waits for the run; COMPLETED is the only way on.
async fn completed(
    api: &Client,
    run: &FlowRun,
    what: &str,
    step: &Step,
    run_timeout: u64,
    printer: &Printer,
) -> Result<FlowRun> {
    let finished = follow(api, run, Some(run_timeout), Show::Nothing, printer)
        .await
        .with_context(|| format!("step {}'s {what} did not finish", step.number))?;
    if finished.is(StateType::Completed) {
        return Ok(finished);
    }
    Err(StepFailed(format!(
        "step {}'s {what} (flow run '{}') ended {}: {}",
        step.number,
        finished.name,
        finished.state_type.map_or("?", StateType::as_str),
        finished.state_message().unwrap_or("no message")
    ))
    .into())
}

/// The well a completed mix used: its result's `parameters.mix_well`.
fn mixed_well(run: &FlowRun) -> Option<String> {
    #[derive(Deserialize)]
    struct MixResult {
        parameters: MixParameters,
    }
    #[derive(Deserialize)]
    struct MixParameters {
        mix_well: String,
    }
    let data = run.state.as_ref()?.data.clone()?;
    serde_json::from_value::<MixResult>(data)
        .ok()
        .map(|r| r.parameters.mix_well)
}

fn summary(campaign: &Campaign, printer: &Printer) {
    let ending = campaign
        .ended
        .as_ref()
        .map_or_else(|| "running".to_string(), Ending::describe);
    match campaign.best() {
        Some(best) => printer.line(format_args!(
            "Campaign {}: {ending}; best {} (ΔE {:.1}) at step {}: R={} Y={} B={} µL in {}.",
            campaign.id,
            best.colour.as_deref().unwrap_or("?"),
            best.delta_e.unwrap_or(f64::NAN),
            best.number,
            best.recipe[0],
            best.recipe[1],
            best.recipe[2],
            best.well.as_deref().unwrap_or("?")
        )),
        None => printer.line(format_args!("Campaign {}: {ending}.", campaign.id)),
    }
}

fn status(store: &CampaignStore, args: CampaignStatusArgs, invocation: &Invocation) -> Result<()> {
    let campaign = match &args.id {
        Some(id) => load(store, id)?,
        None => store.list()?.into_iter().next().ok_or_else(|| {
            UsageError::new("no campaign yet: `ot2ctl campaign start --target …`")
        })?,
    };
    let printer = &invocation.printer;
    if args.output.output == OutputFormat::Json {
        return printer.json(&campaign);
    }
    printer.line(format_args!(
        "Campaign {} ({}): target {}, {} of {} steps measured, ΔE below {}, {} optimiser, seed {}",
        campaign.id,
        campaign.status_word(),
        campaign.target,
        campaign.measured().count(),
        campaign.budget,
        campaign.tolerance,
        campaign.optimiser.name(),
        campaign.seed
    ));
    let mut table = output::table(&[
        "STEP",
        "R",
        "Y",
        "B",
        "WELL",
        "COLOUR",
        "ΔE",
        "MIX RUN",
        "MEASURE RUN",
    ]);
    for step in &campaign.steps {
        let id = |run: Option<uuid::Uuid>| run.map_or("-".to_string(), |r| r.to_string());
        table.add_row(vec![
            step.number.to_string(),
            step.recipe[0].to_string(),
            step.recipe[1].to_string(),
            step.recipe[2].to_string(),
            step.well.clone().unwrap_or_else(|| "-".into()),
            step.colour.clone().unwrap_or_else(|| "-".into()),
            step.delta_e.map_or("-".into(), |d| format!("{d:.1}")),
            id(step.mix_run),
            id(step.measure_run),
        ]);
    }
    printer.table(table);
    printer.text(&picture::terminal(
        &campaign,
        in_colour(args.color, invocation),
    ));
    summary(&campaign, printer);
    Ok(())
}

fn list(store: &CampaignStore, args: CampaignLsArgs, printer: &Printer) -> Result<()> {
    let campaigns = store.list()?;
    if args.output.output == OutputFormat::Json {
        return printer.json(&campaigns);
    }
    if campaigns.is_empty() {
        printer.note("no campaign yet: `ot2ctl campaign start --target …`");
        return Ok(());
    }
    let mut table = output::table(&[
        "CAMPAIGN", "TARGET", "STATUS", "STEPS", "BEST ΔE", "CREATED",
    ]);
    for campaign in &campaigns {
        table.add_row(vec![
            campaign.id.clone(),
            campaign.target.clone(),
            campaign.status_word().to_string(),
            format!("{}/{}", campaign.measured().count(), campaign.budget),
            campaign
                .best()
                .and_then(|b| b.delta_e)
                .map_or("-".into(), |d| format!("{d:.1}")),
            campaign.created_at.to_string(),
        ]);
    }
    printer.table(table);
    Ok(())
}
