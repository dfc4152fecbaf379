//! `ot2ctl worker start`: claims flow runs of a work pool in priority order and executes them.
//!
//! The loop follows Prefect's own worker (`prefect/workers/base.py`): a REST heartbeat under a stable
//! name; `get_scheduled_flow_runs` for the worker's queues with as many runs as it has free
//! slots (a slot is taken before the claim); the claim is a PENDING proposal, and a run is
//! executed only when the server ACCEPTs it, which is what keeps two workers from running the
//! same run. Each run then goes to its executor: OT-2 protocols (`ot2:` entrypoints), the
//! native inventory flows, or Python flows; what the executor reports becomes the run's final
//! state in [`states`], the one place the worker proposes states.

mod events;
mod executors;
pub mod inventory;
pub mod job;
pub mod measure;
pub mod native;
mod options;
mod orphans;
mod output;
pub mod plate;
pub mod python_flow;
pub mod report;
pub mod run;
pub mod states;

use crate::output::Printer;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use anyhow::{Result, anyhow};
use jiff::{SignedDuration, Timestamp};

use tokio::sync::{OwnedSemaphorePermit, Semaphore, broadcast, watch};
use tokio::task::JoinSet;
use uuid::Uuid;

use crate::api::models::{FlowRun, StateType};
use crate::api::robot::RobotClient;
use crate::api::{ApiError, Client};
use crate::executor::process::ProcessRef;
use crate::executor::{RunContext, RunHint, Slot};
pub use executors::{Executors, PythonFlows};
pub use options::WorkerOptions;
use report::{Notify, Reporter};
use run::Host;
use states::Ending;

/// What the worker did, for its exit summary.
#[derive(Debug, Default)]
struct Tally {
    finished: Vec<(String, Option<StateType>)>,
}

pub async fn run(
    api: Client,
    options: WorkerOptions,
    executors: Executors,
    printer: &Printer,
) -> Result<()> {
    let api = Arc::new(api);
    let pool = api.read_work_pool(&options.pool).await?;
    let existing = api.list_work_queues(&options.pool).await?;
    if let Some(missing) = options
        .queues
        .iter()
        .find(|q| !existing.iter().any(|e| &e.name == *q))
    {
        return Err(anyhow!(
            "work queue '{missing}' does not exist in work pool '{}'",
            options.pool
        ));
    }
    let robot = match &executors.ot2 {
        crate::ot2::Runner::Robot { url, .. } => Some(robot_identity(url).await?),
        _ => None,
    };
    let noticed = printer.clone();
    let notify: Notify = Arc::new(move |text| noticed.note(format_args!("ot2ctl worker: {text}")));
    inventory::release_abandoned(&api, &executors.inventory, &notify).await;
    plate::release_abandoned(&api, &executors.plates, &notify).await;
    let reporter = Arc::new(Reporter::new(api.clone(), options.name.clone(), notify));
    let executors = Arc::new(executors);
    output::banner(&options, &executors, robot.as_deref(), printer);

    api.heartbeat(
        &options.pool,
        &options.name,
        options.heartbeat_interval.as_secs().max(1),
    )
    .await?;
    let listeners = events::Listeners::new(&options.queues);
    listeners.set_paused(events::Paused::of(&pool, &existing));
    count_workers(&api, &options.pool, &listeners.workers).await;
    let heartbeat = tokio::spawn(heartbeats(
        api.clone(),
        options.clone(),
        printer.clone(),
        listeners.workers.clone(),
    ));
    let flusher = tokio::spawn(flush_logs(reporter.clone()));

    let listener = tokio::spawn(events::listen(
        api.clone(),
        pool.clone(),
        options.poll_interval,
        listeners.clone(),
        printer.clone(),
    ));

    let slots = Arc::new(Semaphore::new(options.limit.max(1)));
    // A run that gives its slot back early wakes the loop to fill it.
    let freed = Arc::new(tokio::sync::Notify::new());
    let (abort_tx, abort_rx) = watch::channel(false);
    let mut running: JoinSet<(String, Ending, Duration)> = JoinSet::new();
    let mut tally = Tally::default();
    let mut stop = shutdown_signal();
    let mut stopping: Option<Instant> = None;

    let claimer = Claimer {
        api: api.clone(),
        host: Arc::new(Host {
            reporter: reporter.clone(),
        }),
        reporter: reporter.clone(),
        options: options.clone(),
        executors: executors.clone(),
        pool,
        slots: slots.clone(),
        abort: abort_rx.clone(),
        hints: listeners.runs.clone(),
        freed: freed.clone(),
    };
    claimer.take_over(&mut running, printer).await;
    // The regular polls keep their rhythm whatever else wakes the loop (an event, a finished
    // run), further apart while the event stream is connected.
    let regular_interval = || {
        if listeners.connected() {
            options.poll_interval_with_events
        } else {
            options.poll_interval
        }
    };
    let mut last_regular = tokio::time::Instant::now();
    let mut skip_poll = false;
    // Whether an event woke this turn of the loop (and nothing else did).
    let mut woken_by_event = false;
    // When the next scheduled run comes within reach, as last looked up; and whether the next
    // poll looks it up again. With the event stream connected only a poll an event or that
    // moment woke needs to (a new run is always heard of), so regular polls cost one request.
    let mut next_due: Option<tokio::time::Instant> = None;
    let mut look_ahead = true;
    loop {
        if next_due.is_some_and(|due| due <= tokio::time::Instant::now()) {
            // Reached while the loop was busy: this turn's poll is the one it asked for.
            next_due = None;
            look_ahead = true;
        }
        if stopping.is_none() && !std::mem::take(&mut skip_poll) {
            if !woken_by_event {
                listeners.release();
            }
            let look_ahead = std::mem::take(&mut look_ahead) || !listeners.connected();
            match claimer.claim_runs(&mut running, printer, look_ahead).await {
                Ok(poll) => {
                    if look_ahead {
                        next_due = poll.next_due;
                    }
                    if woken_by_event && poll.held_back {
                        // Runs were heard claimable and none could be claimed: whatever holds
                        // them (a paused pool or queue, a limit) holds their queues' next
                        // events too, until the next regular poll.
                        listeners.hold_waiting();
                    }
                }
                Err(error) => printer.note(format_args!(
                    "ot2ctl worker: polling failed ({error}); trying again"
                )),
            }
        }
        woken_by_event = false;
        if options.run_once && stopping.is_none() {
            stopping = Some(Instant::now());
        }
        if stopping.is_some() && running.is_empty() {
            break;
        }
        let due = tokio::time::sleep_until(next_due.unwrap_or_else(tokio::time::Instant::now));
        let regular = tokio::time::sleep_until(last_regular + regular_interval());
        tokio::select! {
            _ = regular => last_regular = tokio::time::Instant::now(),
            _ = listeners.claim.notified(), if stopping.is_none() => {
                if listeners.take_turn(&options.name).await {
                    woken_by_event = true;
                    look_ahead = true;
                } else {
                    // Another worker of the pool claimed what woke this one.
                    skip_poll = true;
                }
            }
            _ = freed.notified(), if stopping.is_none() => {}
            _ = due, if next_due.is_some() && stopping.is_none() => {
                next_due = None;
                look_ahead = true;
            }
            finished = running.join_next(), if !running.is_empty() => {
                if let Some(Ok((name, ending, took))) = finished {
                    output::finished(&options, &name, &ending, took, printer);
                    tally.finished.push((name, ending.state));
                }
            }
            signal = stop.recv(), if stopping.is_none() => {
                let _ = signal;
                stopping = Some(Instant::now());
                printer.note(format_args!(
                    "ot2ctl worker: stopping; no new runs are claimed, {} running run(s) get {} s to finish",
                    running.len(),
                    options.shutdown_grace.as_secs()
                ));
            }
        }
        if let Some(since) = stopping
            && !options.run_once
            && since.elapsed() >= options.shutdown_grace
            && !running.is_empty()
            && !*abort_rx.borrow()
        {
            printer.note(format_args!(
                "ot2ctl worker: grace period over; cancelling {} run(s)",
                running.len()
            ));
            let _ = abort_tx.send(true);
        }
    }
    while let Some(Ok((name, ending, took))) = running.join_next().await {
        output::finished(&options, &name, &ending, took, printer);
        tally.finished.push((name, ending.state));
    }
    reporter.flush().await;
    heartbeat.abort();
    flusher.abort();
    listener.abort();
    output::summary(&options, &tally.finished, printer);
    Ok(())
}

/// What one poll learned.
#[derive(Default)]
struct Poll {
    /// When the soonest run not yet within reach will be.
    next_due: Option<tokio::time::Instant>,
    /// The server offered no run although a slot was free.
    held_back: bool,
}

/// What claiming needs, shared by every poll.
struct Claimer {
    api: Arc<Client>,
    host: Arc<Host>,
    reporter: Arc<Reporter>,
    options: WorkerOptions,
    executors: Arc<Executors>,
    pool: crate::api::models::WorkPool,
    slots: Arc<Semaphore>,
    abort: watch::Receiver<bool>,
    hints: broadcast::Sender<RunHint>,
    /// Wakes the claim loop when a run gives its slot back early.
    freed: Arc<tokio::sync::Notify>,
}

impl Claimer {
    /// One poll: claims as many runs as there are free slots, in the server's order. Says
    /// whether the server offered nothing although a slot was free, and then, if asked to
    /// `look_ahead`, when the next run that was too far ahead to claim becomes claimable.
    async fn claim_runs(
        &self,
        running: &mut JoinSet<(String, Ending, Duration)>,
        printer: &Printer,
        look_ahead: bool,
    ) -> Result<Poll, ApiError> {
        let (api, reporter, options) = (&self.api, &self.reporter, &self.options);
        let free = self.slots.available_permits();
        if free == 0 {
            return Ok(Poll::default());
        }
        let horizon =
            Timestamp::now() + SignedDuration::try_from(options.prefetch).unwrap_or_default();
        let runs = api
            .scheduled_runs(&options.pool, &options.queues, horizon, free)
            .await?;
        let runs_empty = runs.is_empty();
        for run in runs {
            // The slot is taken before the claim, so the worker never claims more than it runs.
            let Ok(permit) = self.slots.clone().try_acquire_owned() else {
                break;
            };
            if !states::claim(reporter, &run).await {
                continue;
            }
            let Some(deployment) = self.deployment_of(&run).await else {
                continue;
            };
            output::claimed(options, &run, &deployment.name, printer);
            let context = self.context(run, deployment, Some(permit));
            let (reporter, executors) = (reporter.clone(), self.executors.clone());
            running.spawn(async move {
                let started = Instant::now();
                let name = context.run.name.clone();
                // Until an executor records what runs it: held by this worker.
                let holder = ProcessRef::new(std::process::id(), &context.worker_name);
                context.record_infrastructure(&holder.to_string()).await;
                let ending = run::execute(context, &reporter, &executors).await;
                (name, ending, started.elapsed())
            });
        }
        // Only a poll that found nothing to claim looks for the next run due: one that claimed
        // was woken by that run, and a busy pool is polled again soon anyway.
        if !runs_empty || self.slots.available_permits() == 0 {
            return Ok(Poll::default());
        }
        let next_due = if look_ahead {
            self.next_claimable().await?
        } else {
            None
        };
        Ok(Poll {
            next_due,
            held_back: true,
        })
    }

    /// When the soonest scheduled run enters the prefetch window, as an instant to wake at.
    async fn next_claimable(&self) -> Result<Option<tokio::time::Instant>, ApiError> {
        let options = &self.options;
        let Some(start) = self
            .api
            .next_scheduled_start(&options.pool, &options.queues)
            .await?
        else {
            return Ok(None);
        };
        let claimable = start - SignedDuration::try_from(options.prefetch).unwrap_or_default();
        let wait = Timestamp::now().duration_until(claimable);
        if wait.is_negative() || wait.is_zero() {
            // Already within reach but not claimed: held back by the server (a paused queue,
            // a concurrency limit), which the regular polls follow.
            return Ok(None);
        }
        let wait = Duration::try_from(wait).unwrap_or(options.poll_interval);
        Ok(Some(tokio::time::Instant::now() + wait))
    }

    /// What an executor gets for one run.
    fn context(
        &self,
        run: FlowRun,
        deployment: crate::api::models::Deployment,
        permit: Option<OwnedSemaphorePermit>,
    ) -> RunContext {
        RunContext {
            run,
            deployment,
            pool: self.pool.clone(),
            worker_name: self.options.name.clone(),
            settings: self.executors.settings.clone(),
            api: self.api.clone(),
            host: self.host.clone(),
            abort: self.abort.clone(),
            hints: self.hints.clone(),
            slot: Slot::new(permit, self.freed.clone()),
            running: Default::default(),
        }
    }

    /// The claimed run's deployment; a run without one is ended with the reason.
    async fn deployment_of(&self, run: &FlowRun) -> Option<crate::api::models::Deployment> {
        let Some(deployment_id) = run.deployment_id else {
            states::without_deployment(&self.reporter, run.id).await;
            return None;
        };
        match self.api.read_deployment(deployment_id).await {
            Ok(deployment) => Some(deployment),
            Err(ApiError::NotFound { .. }) => {
                states::deployment_gone(&self.reporter, run.id, deployment_id).await;
                None
            }
            Err(error) => {
                states::not_submitted(&self.reporter, run.id, &error).await;
                None
            }
        }
    }
}

/// How many workers of the pool are ONLINE, for how far apart they poll after one event.
async fn count_workers(api: &Client, pool: &str, into: &AtomicUsize) {
    if let Ok(workers) = api.list_workers(pool).await {
        let online = workers
            .iter()
            .filter(|w| w.status.as_deref() == Some("ONLINE"))
            .count();
        into.store(online.max(1), Ordering::Relaxed);
    }
}

/// Every how many heartbeats the pool's live workers are counted again.
const COUNT_WORKERS_EVERY: u64 = 4;

async fn heartbeats(
    api: Arc<Client>,
    options: WorkerOptions,
    printer: Printer,
    workers: Arc<AtomicUsize>,
) {
    let mut ticker = tokio::time::interval(options.heartbeat_interval);
    ticker.tick().await;
    let mut failing = false;
    for beat in 1u64.. {
        ticker.tick().await;
        match api
            .heartbeat(
                &options.pool,
                &options.name,
                options.heartbeat_interval.as_secs().max(1),
            )
            .await
        {
            Ok(()) if failing => {
                printer.note("ot2ctl worker: heartbeats reach the server again");
                failing = false;
            }
            // The count only spreads the fleet's polls after an event; it changes rarely.
            Ok(()) if beat % COUNT_WORKERS_EVERY == 0 => {
                count_workers(&api, &options.pool, &workers).await
            }
            Ok(()) => {}
            Err(error) if !failing => {
                printer.note(format_args!(
                    "ot2ctl worker: heartbeat failed ({error}); the worker keeps running"
                ));
                failing = true;
            }
            Err(_) => {}
        }
    }
}

async fn flush_logs(reporter: Arc<Reporter>) {
    let mut ticker = tokio::time::interval(Duration::from_secs(1));
    loop {
        ticker.tick().await;
        reporter.flush().await;
    }
}

/// SIGINT or SIGTERM, once.
fn shutdown_signal() -> tokio::sync::mpsc::Receiver<()> {
    let (tx, rx) = tokio::sync::mpsc::channel(1);
    tokio::spawn(async move {
        #[cfg(unix)]
        {
            use tokio::signal::unix::{SignalKind, signal};
            let (Ok(mut interrupt), Ok(mut terminate)) = (
                signal(SignalKind::interrupt()),
                signal(SignalKind::terminate()),
            ) else {
                return;
            };
            tokio::select! {
                _ = interrupt.recv() => {}
                _ = terminate.recv() => {}
            }
        }
        #[cfg(not(unix))]
        let _ = tokio::signal::ctrl_c().await;
        let _ = tx.send(()).await;
    });
    rx
}

/// The robot, checked once at start: a worker that cannot reach its robot should not claim runs.
async fn robot_identity(url: &str) -> Result<String> {
    let robot = RobotClient::new(url)?;
    let health = robot.health().await?;
    let text = |value: &Option<String>| value.clone().unwrap_or_else(|| "?".into());
    let maximum = health.maximum_api_level().map_or_else(
        || "?".to_string(),
        |(major, minor)| format!("{major}.{minor}"),
    );
    Ok(format!(
        "OT-2 protocols on robot '{}' at {} ({}, robot software {}, protocols up to API {maximum})",
        text(&health.name),
        robot.url(),
        text(&health.robot_model),
        text(&health.api_version),
    ))
}

/// A default worker name that stays the same across restarts on one machine.
pub fn default_name() -> String {
    let host = crate::executor::process::hostname()
        .unwrap_or_else(|| Uuid::new_v4().simple().to_string()[..8].to_string());
    format!("ot2ctl-{host}")
}
