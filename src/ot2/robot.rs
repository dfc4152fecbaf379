//! Running an OT-2 protocol on the robot through its HTTP API (robot-server): upload with the
//! custom labware, wait for the robot's analysis with this run's values, check the values
//! against the robot's own limits, create the run with the stored labware offsets, play, and
//! follow it command by command until it succeeds, fails or is stopped.
//!
//! What robot-server does that shapes this code (measured against robot-server 8.1.0):
//! - it keeps one protocol per file content and ignores the upload's `key`, so a protocol is
//!   found by uploading it again, and the values a run uses are checked on the analysis and on
//!   the run itself, never assumed from the upload;
//! - its command list carries no `result`: which id is which labware or pipette comes from the
//!   run record's `labware[]` and `pipettes[]`;
//! - a run survives the worker, so the flow run's `infrastructure_pid` names the robot run
//!   ([`RobotRunRef`]) and a restarted worker follows it ([`resume`]) instead of starting
//!   another;
//! - a robot-server that restarts during a run leaves it `stopped` with a `dataError`, no stop
//!   action.
//!
//! The sensor hazard: when a run stops while the pipette holds a tip, robot-server homes and
//! drops the tip in the trash, and on this deck the "tip" may be the colour sensor. A
//! cancellation that arrives while the sensor is held (or being picked up) is carried out only
//! once the sensor is back on its charger, unless the worker runs with `--force-stop`.

use std::fmt;
use std::time::{Duration, Instant};

use serde_json::{Map, Value};

use super::dispensed::Dispensed;
use super::execution::{
    Deck, Outline, Prepared, Step, command_line, complete, display_number, failed, prepare,
};
use super::offsets;
use super::turn;
use crate::api::robot::{RobotClient, RobotError, UploadFile};
use crate::api::robot_models::{
    ActionType, Analysis, AnalysisResult, AnalysisStatus, AnalysisSummary, CommandStatus, Health,
    LabwareOffset, RobotCommand, Run, RunStatus, RunTimeParameter, error_details,
};
use crate::executor::{Level, Outcome, RunContext};

/// The labware the colour sensor sits in.
const SENSOR_CHARGER: &str = "ot2ctl_sensor_charging_port";
/// How often a robot run is looked at.
const POLL: Duration = Duration::from_millis(500);
/// How often, while a cancellation waits for the sensor to be put back.
const SENSOR_POLL: Duration = Duration::from_millis(100);
/// How long to wait between two attempts on a busy robot.
const BUSY_RETRY: Duration = Duration::from_secs(5);
/// The robot's analysis of an upload normally takes a few seconds.
const ANALYSIS_TIMEOUT: Duration = Duration::from_secs(300);
/// How long the robot may be out of reach during a run before the flow run is given up (a
/// robot-server restart takes 10 to 30 s).
const ROBOT_LOST_TIMEOUT: Duration = Duration::from_secs(120);
/// Commands read per request.
const PAGE: usize = 100;
/// How long a request before any motion is tried again while the robot does not answer (a
/// robot-server under load resets connections now and then).
const REACH_RETRY: Duration = Duration::from_secs(15);
/// Longest wait for a played run's engine to begin, holding the robot's start turn.
const ENGINE_START_TIMEOUT: Duration = Duration::from_secs(60);
const ENGINE_POLL: Duration = Duration::from_millis(100);
/// How long a run may read as not current yet not ended (a record robot-server overwrote)
/// before it is given up.
const ORPHAN_TIMEOUT: Duration = Duration::from_secs(10);
/// How many 500 answers in a row to `POST /runs` are asked again.
const RUN_CREATION_500_RETRIES: u32 = 4;

pub async fn execute(
    context: &RunContext,
    step: Step<'_>,
    robot_url: &str,
    force_stop: bool,
    dispensed: &Dispensed,
) -> Outcome {
    let prepared = match prepare(context, step).await {
        Ok(prepared) => prepared,
        Err(reason) => return Outcome::refused(reason),
    };
    let robot = match RobotClient::new(robot_url) {
        Ok(robot) => robot,
        Err(error) => return Outcome::refused(error.to_string()),
    };
    outcome(run_on_robot(context, &prepared, &robot, force_stop, dispensed).await)
}

/// Why a robot run ended early: refused before any motion, the server would not let it start,
/// or lost during it.
enum Stop {
    Refused(String),
    NotStarted,
    Crashed(String),
    /// robot-server stopped the run before any of its commands ran: another client's run
    /// creation replaced it. Nothing moved; the run can be created again.
    Displaced,
}

fn outcome(result: Result<Outcome, Stop>) -> Outcome {
    match result {
        Ok(outcome) => outcome,
        Err(Stop::Refused(reason)) => Outcome::refused(reason),
        Err(Stop::NotStarted) => Outcome::NotStarted,
        Err(Stop::Crashed(reason)) => Outcome::crashed(reason),
        Err(Stop::Displaced) => Outcome::crashed(
            "robot-server stopped the run before it started (another client's run took the \
             robot) and the worker did not start it again; nothing moved",
        ),
    }
}

/// Where a flow run's robot run is, as kept in the flow run's `infrastructure_pid`:
/// `<robot>/runs/<run id> (worker <name>)`, or `<robot>/protocols/<id> (worker <name>)` for
/// the moment between the run's creation and the robot's answer.
#[derive(Debug, Clone, PartialEq)]
pub struct RobotRunRef {
    pub robot: String,
    pub target: RunTarget,
    pub worker: String,
}

#[derive(Debug, Clone, PartialEq)]
pub enum RunTarget {
    /// The robot run was being created from this protocol.
    Creating {
        protocol: String,
    },
    Run {
        id: String,
    },
}

impl fmt::Display for RobotRunRef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.target {
            RunTarget::Creating { protocol } => write!(f, "{}/protocols/{protocol}", self.robot)?,
            RunTarget::Run { id } => write!(f, "{}/runs/{id}", self.robot)?,
        }
        write!(f, " (worker {})", self.worker)
    }
}

impl RobotRunRef {
    pub fn parse(text: &str) -> Option<RobotRunRef> {
        let (location, worker) = text.strip_suffix(')')?.rsplit_once(" (worker ")?;
        let target = if let Some((robot, id)) = location.rsplit_once("/runs/") {
            (robot, RunTarget::Run { id: id.to_string() })
        } else {
            let (robot, protocol) = location.rsplit_once("/protocols/")?;
            (
                robot,
                RunTarget::Creating {
                    protocol: protocol.to_string(),
                },
            )
        };
        Some(RobotRunRef {
            robot: target.0.to_string(),
            target: target.1,
            worker: worker.to_string(),
        })
    }
}

async fn run_on_robot(
    context: &RunContext,
    prepared: &Prepared,
    robot: &RobotClient,
    force_stop: bool,
    dispensed: &Dispensed,
) -> Result<Outcome, Stop> {
    let health = patiently(|| robot.health())
        .await
        .map_err(|e| Stop::Refused(e.to_string()))?;
    check_api_level(prepared, &health)?;
    let or_unknown = |text: &Option<String>| text.clone().unwrap_or_else(|| "?".into());
    context.log(
        Level::Info,
        format!(
            "Robot {} ({}, robot software {})",
            or_unknown(&health.name),
            or_unknown(&health.robot_model),
            or_unknown(&health.api_version)
        ),
    );

    let mut files = vec![read_upload(&prepared.file)?];
    for labware in &prepared.labware {
        files.push(read_upload(labware)?);
    }
    let values = &prepared.values;
    let uploaded = Instant::now();
    let (protocol_id, analysis) = upload_and_analyse(robot, &files, values).await?;
    context.log(
        Level::Info,
        format!(
            "Uploaded and analysed on the robot in {:.1} s (protocol {protocol_id})",
            uploaded.elapsed().as_secs_f64()
        ),
    );
    if analysis.result != Some(AnalysisResult::Ok) {
        return Ok(failed(
            &analysis.errors,
            "the robot's analysis of the protocol was not ok",
        ));
    }
    // robot-server answers a bad value with a 500 that also poisons the next request: the
    // robot's own limits are checked here, and such a value never reaches POST /runs.
    let problems = robot_limit_problems(&analysis.run_time_parameters, &prepared.values);
    if !problems.is_empty() {
        return Err(Stop::Refused(problems.join("\n")));
    }

    let home = context.settings.ot2ctl_home.clone();
    let stored = offsets::load(&offsets::store_path(&home, robot.url())).unwrap_or_default();
    if !stored.is_empty() {
        context.log(
            Level::Info,
            format!("Sending {} labware offset(s)", stored.len()),
        );
    }
    for warning in offsets::unmatched(&stored, &analysis.labware) {
        context.log(Level::Warning, warning);
    }
    if !context.start_running().await {
        return Err(Stop::NotStarted);
    }
    let mut reference = RobotRunRef {
        robot: robot.url().to_string(),
        target: RunTarget::Creating {
            protocol: protocol_id.clone(),
        },
        worker: context.worker_name.clone(),
    };
    context.record_infrastructure(&reference.to_string()).await;
    let busy_since = Instant::now();
    let mut said_displaced = false;
    // robot-server 8.1.0 lets a POST /runs that arrives while another run is being started
    // (until the played run's engine has begun, it is idle) replace that run: the creation's
    // answer carries the other run's values, the play is refused ("not the current run", or
    // a 500), or taken and the run stopped before its first command. Nothing moved then, and
    // the run is created again.
    // Runs of the workers of this computer on one robot start one at a time (`turn`), so
    // they never do this to each other; another client (the Opentrons App) can.
    loop {
        let turn = turn::take(robot.url()).await;
        let Some(run) = create_run(context, robot, &protocol_id, values, &stored).await? else {
            return Ok(Outcome::cancelled("Cancelled while waiting for the robot"));
        };
        let run_id = run.id.clone();
        reference.target = RunTarget::Run { id: run_id.clone() };
        context.record_infrastructure(&reference.to_string()).await;
        if !ran_with(&run.run_time_parameters, &prepared.values) {
            // robot-server reads the values for its answer from its current run, which
            // another client's POST /runs may have replaced meanwhile.
            if was_displaced(robot, &run_id).await {
                drop(turn);
                said_displaced = displaced(context, &run_id, said_displaced);
                continue;
            }
            close(context, robot, &run_id).await;
            return Err(Stop::Refused(format!(
                "the robot's run {run_id} would use other values than this flow run's ({}); \
                 nothing was moved",
                values_text(&run.run_time_parameters)
            )));
        }
        match play(robot, &run_id).await {
            Ok(()) => {}
            Err(error) => {
                if error.run_not_current() || was_displaced(robot, &run_id).await {
                    drop(turn);
                    said_displaced = displaced(context, &run_id, said_displaced);
                    continue;
                }
                return Err(Stop::Crashed(error.to_string()));
            }
        }
        engine_begun(robot, &run_id).await;
        drop(turn);
        let waited = busy_since.elapsed();
        if waited >= BUSY_RETRY {
            context.log(
                Level::Info,
                format!(
                    "Waited {:.0} s for the robot to be free",
                    waited.as_secs_f64()
                ),
            );
        }
        context.log(Level::Info, format!("Run {run_id} started on the robot"));
        let mut follower = Follower::new(context, robot, &run_id, force_stop, dispensed);
        let outcome = follower.follow(prepared.outline()).await;
        close(context, robot, &run_id).await;
        match outcome {
            Err(Stop::Displaced) => said_displaced = displaced(context, &run_id, said_displaced),
            other => return other,
        }
    }
}

/// Whether a run was replaced before it started (by another client's `POST /runs`), though
/// robot-server did not say so in [`RobotError::run_not_current`]'s words: it is no longer
/// current and has run no command.
async fn was_displaced(robot: &RobotClient, run_id: &str) -> bool {
    let Ok(run) = robot.run(run_id).await else {
        return false;
    };
    let Ok(page) = robot.commands(run_id, 0, 1).await else {
        return false;
    };
    !run.current && page.data.is_empty()
}

/// Waits (for up to [`ENGINE_START_TIMEOUT`]) until a played run's engine has begun, or the
/// run ended or was replaced: until then another run's creation would replace it (see
/// [`turn`]). A robot that does not answer meanwhile is left to the follower.
async fn engine_begun(robot: &RobotClient, run_id: &str) {
    let started = Instant::now();
    while started.elapsed() < ENGINE_START_TIMEOUT {
        match robot.run(run_id).await {
            Ok(run) if run.status == RunStatus::Idle && run.current => {}
            Ok(_) | Err(RobotError::Refused { .. }) => return,
            Err(_) => {}
        }
        tokio::time::sleep(ENGINE_POLL).await;
    }
}

/// Plays a created run. A play whose answer was lost is looked up on the run itself (a run
/// that left `idle` was played) instead of being sent twice.
async fn play(robot: &RobotClient, run_id: &str) -> Result<(), RobotError> {
    let started = Instant::now();
    loop {
        match robot.action(run_id, ActionType::Play).await {
            Err(error @ RobotError::Unreachable { .. }) => {
                if started.elapsed() > REACH_RETRY {
                    return Err(error);
                }
                tokio::time::sleep(POLL).await;
                if let Ok(run) = robot.run(run_id).await
                    && run.status != RunStatus::Idle
                {
                    return Ok(());
                }
            }
            other => return other.map(|_| ()),
        }
    }
}

/// A request before any motion, tried again while the robot does not answer, for up to
/// [`REACH_RETRY`].
async fn patiently<T, F, Fut>(mut attempt: F) -> Result<T, RobotError>
where
    F: FnMut() -> Fut,
    Fut: Future<Output = Result<T, RobotError>>,
{
    let started = Instant::now();
    loop {
        match attempt().await {
            Err(RobotError::Unreachable { .. }) if started.elapsed() < REACH_RETRY => {
                tokio::time::sleep(POLL).await;
            }
            other => return other,
        }
    }
}

/// Says (once per flow run) that another client's run took the robot before this one
/// started; returns that it was said.
fn displaced(context: &RunContext, run_id: &str, said: bool) -> bool {
    if !said {
        context.log(
            Level::Info,
            format!(
                "Another client's run took the robot before run {run_id} started (nothing \
                 moved); waiting for the robot again"
            ),
        );
    }
    true
}

/// The robot run no longer blocks the robot; a failure to say so is only worth a warning.
async fn close(context: &RunContext, robot: &RobotClient, run_id: &str) {
    if let Err(error) = robot.close_run(run_id).await {
        context.log(
            Level::Warning,
            format!("the robot run could not be closed: {error}"),
        );
    }
}

fn read_upload(path: &std::path::Path) -> Result<UploadFile, Stop> {
    Ok(UploadFile {
        name: path
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or("file")
            .to_string(),
        bytes: crate::bounded::read_file(path)
            .map_err(|e| Stop::Refused(format!("cannot read {}: {e}", path.display())))?,
    })
}

/// A protocol whose API level the robot cannot run is refused before upload.
fn check_api_level(prepared: &Prepared, health: &Health) -> Result<(), Stop> {
    let parse = |text: &str| -> Option<(u64, u64)> {
        let (major, minor) = text.split_once('.')?;
        Some((major.parse().ok()?, minor.parse().ok()?))
    };
    let maximum = health.maximum_api_level();
    let wanted = prepared.protocol.api_level.as_deref().and_then(parse);
    if let (Some(wanted), Some(maximum)) = (wanted, maximum)
        && wanted > maximum
    {
        return Err(Stop::Refused(format!(
            "the protocol needs API {}.{} but the robot runs at most {}.{}; update the robot or \
             lower the protocol's apiLevel",
            wanted.0, wanted.1, maximum.0, maximum.1
        )));
    }
    Ok(())
}

/// Uploads the files (the robot returns the protocol it already has for the same files) and
/// waits for an analysis made with `values`. Another client's upload of the same files may
/// start an analysis with other values in between; then this run asks for its own.
async fn upload_and_analyse(
    robot: &RobotClient,
    files: &[UploadFile],
    values: &Map<String, Value>,
) -> Result<(String, Analysis), Stop> {
    let protocol = while_analysis_pending(|| robot.upload_protocol(files.to_vec(), values)).await?;
    let protocol_id = protocol.id;
    let mut summaries: Vec<AnalysisSummary> = protocol.analysis_summaries;
    for _ in 0..3 {
        let analysis_id = summaries.last().map(|a| a.id.clone()).unwrap_or_default();
        let analysis = wait_for_analysis(robot, &protocol_id, &analysis_id).await?;
        if ran_with(&analysis.run_time_parameters, values) {
            return Ok((protocol_id, analysis));
        }
        summaries = while_analysis_pending(|| robot.analyse(&protocol_id, values)).await?;
    }
    Err(Stop::Refused(
        "the robot kept analysing the protocol with other values than this run's (another \
         client is uploading it too); try again"
            .into(),
    ))
}

/// robot-server answers 503 LastAnalysisPending to an upload of a protocol whose last analysis
/// is still running: that is waited out. Two uploads of the same protocol at the same moment
/// (two workers) can also meet inside robot-server 8.1.0, which then answers 500 "Protocol
/// must not already have a pending analysis": the same wait, measured with three workers on
/// one robot.
async fn while_analysis_pending<T, F, Fut>(mut attempt: F) -> Result<T, Stop>
where
    F: FnMut() -> Fut,
    Fut: Future<Output = Result<T, RobotError>>,
{
    let started = Instant::now();
    loop {
        match patiently(&mut attempt).await {
            Err(RobotError::Refused { status, detail, .. })
                if (status.as_u16() == 503
                    || (status.as_u16() == 500 && detail.contains("pending analysis")))
                    && started.elapsed() < ANALYSIS_TIMEOUT =>
            {
                tokio::time::sleep(POLL).await;
            }
            other => return other.map_err(|e| Stop::Refused(e.to_string())),
        }
    }
}

async fn wait_for_analysis(
    robot: &RobotClient,
    protocol: &str,
    analysis: &str,
) -> Result<Analysis, Stop> {
    let started = Instant::now();
    loop {
        let current = patiently(|| robot.analysis(protocol, analysis))
            .await
            .map_err(|e| Stop::Refused(e.to_string()))?;
        if current.status == AnalysisStatus::Completed {
            return Ok(current);
        }
        if started.elapsed() > ANALYSIS_TIMEOUT {
            return Err(Stop::Refused(
                "the robot's analysis did not finish within 5 minutes".into(),
            ));
        }
        tokio::time::sleep(POLL).await;
    }
}

/// Whether the robot's `runTimeParameters` (of an analysis or a run) hold these values. The
/// robot reports numbers as decimals, so they are compared as numbers.
fn ran_with(declared: &[RunTimeParameter], values: &Map<String, Value>) -> bool {
    values.iter().all(|(name, value)| {
        declared
            .iter()
            .find(|p| p.variable_name == *name)
            .is_some_and(|p| match (p.value.as_f64(), value.as_f64()) {
                (Some(robot), Some(ours)) => robot == ours,
                _ => p.value == *value,
            })
    })
}

/// `name=value, ...` of the robot's `runTimeParameters`, numbers as the user writes them.
fn values_text(declared: &[RunTimeParameter]) -> String {
    declared
        .iter()
        .map(|p| format!("{}={}", p.variable_name, display_number(&p.value)))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Values outside what the robot's analysis declares (min/max/choices), one line each.
pub fn robot_limit_problems(
    declared: &[RunTimeParameter],
    values: &Map<String, Value>,
) -> Vec<String> {
    let mut problems = Vec::new();
    for parameter in declared {
        let name = &parameter.variable_name;
        let Some(value) = values.get(name) else {
            continue;
        };
        if let Some(number) = value.as_f64() {
            if let Some(min) = parameter.min.filter(|min| number < *min) {
                problems.push(format!(
                    "parameter '{name}' = {value} is below the robot's minimum {}",
                    display_number(&Value::from(min))
                ));
            }
            if let Some(max) = parameter.max.filter(|max| number > *max) {
                problems.push(format!(
                    "parameter '{name}' = {value} is above the robot's maximum {}",
                    display_number(&Value::from(max))
                ));
            }
        }
        if let Some(choices) = &parameter.choices {
            let allowed: Vec<&Value> = choices.iter().map(|c| &c.value).collect();
            if !allowed.is_empty() && !allowed.contains(&value) {
                problems.push(format!(
                    "parameter '{name}' = {value} is not one of the robot's choices"
                ));
            }
        }
    }
    problems
}

/// `POST /runs`, waiting while the robot is busy and retrying a 500 once. `None` when the
/// flow run was cancelled while waiting. Returns the robot's run record.
async fn create_run(
    context: &RunContext,
    robot: &RobotClient,
    protocol: &str,
    values: &Map<String, Value>,
    offsets: &[LabwareOffset],
) -> Result<Option<Run>, Stop> {
    let mut said_busy = false;
    let mut answers_500 = 0;
    let mut unreachable_since = None;
    loop {
        match robot.create_run(protocol, values, offsets).await {
            Ok(run) => return Ok(Some(run)),
            Err(RobotError::Busy { detail }) => {
                if !said_busy {
                    context.log(
                        Level::Info,
                        format!("The robot is busy with another run ({detail}); waiting for it"),
                    );
                    said_busy = true;
                }
                if context.is_cancelling().await {
                    return Ok(None);
                }
                tokio::time::sleep(BUSY_RETRY).await;
            }
            // A run created without the answer reaching the worker is replaced by the next
            // POST /runs before it ever starts (robot-server replaces a current run that has
            // not started), so asking again is safe.
            Err(error @ RobotError::Unreachable { .. }) => {
                let since = *unreachable_since.get_or_insert_with(Instant::now);
                if since.elapsed() > REACH_RETRY {
                    return Err(Stop::Crashed(format!(
                        "the robot refused to create the run: {error}"
                    )));
                }
                tokio::time::sleep(POLL).await;
            }
            // robot-server answers the request after a bad value (another client's) with a
            // 500, and one that replaces a run another client is creating ("Run … was not
            // found") too, which several clients can do to each other in a row. Creating a run
            // moves nothing, so it is asked again, a few times.
            Err(RobotError::Refused { status, .. })
                if status.as_u16() == 500 && answers_500 < RUN_CREATION_500_RETRIES =>
            {
                if answers_500 == 0 {
                    context.log(
                        Level::Warning,
                        "The robot answered 500 to creating the run; trying again",
                    );
                }
                answers_500 += 1;
                tokio::time::sleep(Duration::from_secs(1)).await;
            }
            Err(error) => {
                return Err(Stop::Crashed(format!(
                    "the robot refused to create the run: {error}"
                )));
            }
        }
    }
}

/// Whether the colour sensor is on the pipette.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Sensor {
    OnCharger,
    Held,
}

/// Follows one robot run to its end: logs each command as it completes, watches for a
/// cancellation in Prefect and guards the sensor.
struct Follower<'a> {
    context: &'a RunContext,
    robot: &'a RobotClient,
    run_id: &'a str,
    /// Commands logged so far (the next cursor).
    logged: usize,
    deck: Deck,
    sensor: Sensor,
    /// Stop at once on a cancellation, even while the sensor is held.
    force_stop: bool,
    stop_asked: bool,
    waiting_for_sensor: bool,
    last_cancel_check: Instant,
    /// Since when the robot has not answered.
    lost_since: Option<Instant>,
    /// Since when the run's record has read as neither current nor ended.
    orphaned_since: Option<Instant>,
    /// Learns where the paint went, command by command.
    dispensed: &'a Dispensed,
}

impl<'a> Follower<'a> {
    fn new(
        context: &'a RunContext,
        robot: &'a RobotClient,
        run_id: &'a str,
        force_stop: bool,
        dispensed: &'a Dispensed,
    ) -> Follower<'a> {
        Follower {
            context,
            robot,
            run_id,
            logged: 0,
            deck: Deck::default(),
            sensor: Sensor::OnCharger,
            force_stop,
            stop_asked: false,
            waiting_for_sensor: false,
            last_cancel_check: Instant::now(),
            lost_since: None,
            orphaned_since: None,
            dispensed,
        }
    }

    async fn follow(&mut self, outline: Outline<'_>) -> Result<Outcome, Stop> {
        loop {
            // The record first: if it says the run ended, the commands read after it are all
            // final.
            let Some(record) = self.ask(self.robot.run(self.run_id)).await? else {
                continue;
            };
            self.check_record_is_the_runs(&record)?;
            self.deck = Deck::of(&record.labware, &record.pipettes);
            let Some(page) = self
                .ask(self.robot.commands(self.run_id, self.logged, PAGE))
                .await?
            else {
                continue;
            };
            let (finished, running) = self.log_finished(page.from_cursor(self.logged)).await?;
            if record.status.is_final() && (running.is_some() || finished < PAGE) {
                return self.ending(&record, outline).await;
            }
            self.guard(running.as_ref()).await?;
            let pause = if self.waiting_for_sensor {
                SENSOR_POLL
            } else {
                POLL
            };
            tokio::time::sleep(pause).await;
        }
    }

    /// A robot request, waiting out a robot that is away (restarting) for a while. `None`
    /// when the robot did not answer this time.
    async fn ask<T, F>(&mut self, request: F) -> Result<Option<T>, Stop>
    where
        F: Future<Output = Result<T, RobotError>>,
    {
        match request.await {
            Ok(value) => {
                if self.lost_since.take().is_some() {
                    self.context.log(Level::Info, "The robot answers again");
                }
                Ok(Some(value))
            }
            Err(RobotError::Refused { status, .. }) if status.as_u16() == 404 => {
                self.dispensed.lose_track();
                Err(Stop::Crashed(format!(
                    "the robot no longer has run {} (was it deleted, or the robot reset?); what \
                     it did is unknown: check the deck before the next run",
                    self.run_id
                )))
            }
            Err(error @ (RobotError::Unreachable { .. } | RobotError::Refused { .. })) => {
                let since = *self.lost_since.get_or_insert_with(|| {
                    self.context.log(
                        Level::Warning,
                        format!(
                            "Lost contact with the robot ({error}); waiting up to {} s for it",
                            ROBOT_LOST_TIMEOUT.as_secs()
                        ),
                    );
                    Instant::now()
                });
                if since.elapsed() > ROBOT_LOST_TIMEOUT {
                    self.dispensed.lose_track();
                    return Err(Stop::Crashed(format!(
                        "lost contact with the robot for {} s ({error}); what run {} did is \
                         unknown: check the robot before the next run",
                        ROBOT_LOST_TIMEOUT.as_secs(),
                        self.run_id
                    )));
                }
                tokio::time::sleep(POLL).await;
                Ok(None)
            }
            Err(error) => {
                self.dispensed.lose_track();
                Err(Stop::Crashed(format!("lost the robot run: {error}")))
            }
        }
    }

    /// A run that another run has replaced on the robot never runs again, so its record
    /// tells how it ended; one that reads as not ended for a while (robot-server 8.1.0
    /// overwrites a run's record with a new run's when two clients start runs at once) will
    /// never tell, and is given up.
    fn check_record_is_the_runs(&mut self, record: &Run) -> Result<(), Stop> {
        if record.current || record.status.is_final() {
            self.orphaned_since = None;
            return Ok(());
        }
        let since = *self.orphaned_since.get_or_insert_with(Instant::now);
        if since.elapsed() < ORPHAN_TIMEOUT {
            return Ok(());
        }
        self.dispensed.lose_track();
        Err(self.record_overwritten(&format!(
            "no longer tells how it ended (another run has the robot, yet the record reads \
             \"{}\"); what it did after command {}",
            record.status.as_str(),
            self.logged
        )))
    }

    /// The end of a flow run whose robot run's record robot-server 8.1.0 replaced (with
    /// another run's, when two clients start runs at once): `what` the record no longer tells.
    fn record_overwritten(&self, what: &str) -> Stop {
        Stop::Crashed(format!(
            "robot-server's record of run {} {what} is unknown (robot-server 8.1.0 can store \
             another run's record under a run's id when two clients start runs at once): \
             check the deck before the next run",
            self.run_id
        ))
    }

    /// Logs the commands that finished, in order, and follows the sensor. Returns how many
    /// were logged and the first command that has not finished.
    async fn log_finished(
        &mut self,
        items: &[RobotCommand],
    ) -> Result<(usize, Option<RobotCommand>), Stop> {
        let mut finished = 0;
        for command in items {
            if !command.status.is_finished() {
                return Ok((finished, Some(command.clone())));
            }
            if !self.deck.knows(command) {
                // Loaded between the two reads: the record is read again.
                if let Some(record) = self.ask(self.robot.run(self.run_id)).await? {
                    self.deck = Deck::of(&record.labware, &record.pipettes);
                }
            }
            if command.status == CommandStatus::Succeeded && self.on_charger(command) {
                match command.command_type.as_str() {
                    "pickUpTip" => self.sensor = Sensor::Held,
                    "dropTip" => self.sensor = Sensor::OnCharger,
                    _ => {}
                }
            }
            self.dispensed.command(command, &self.deck);
            self.logged += 1;
            finished += 1;
            self.context
                .log(Level::Info, command_line(self.logged, command, &self.deck));
        }
        Ok((finished, None))
    }

    fn on_charger(&self, command: &RobotCommand) -> bool {
        self.deck.labware_name(command.params.labware_id.as_deref()) == Some(SENSOR_CHARGER)
    }

    /// Whether a stop now could drop the sensor: it is held, or being picked up.
    fn sensor_at_risk(&self, running: Option<&RobotCommand>) -> bool {
        self.sensor == Sensor::Held
            || running.is_some_and(|c| c.command_type == "pickUpTip" && self.on_charger(c))
    }

    /// Carries out a cancellation requested in Prefect, once the sensor is safe.
    async fn guard(&mut self, running: Option<&RobotCommand>) -> Result<(), Stop> {
        if self.stop_asked {
            return Ok(());
        }
        if !self.waiting_for_sensor {
            if self.last_cancel_check.elapsed() < Duration::from_secs(1) {
                return Ok(());
            }
            self.last_cancel_check = Instant::now();
            if !self.context.is_cancelling().await {
                return Ok(());
            }
        }
        if self.sensor_at_risk(running) && !self.force_stop {
            if !self.waiting_for_sensor {
                self.context.log(
                    Level::Warning,
                    "Cancellation requested while the pipette holds the colour sensor: the run is \
                     stopped once the sensor is back on its charger (a stop now would drop the \
                     sensor in the trash; --force-stop overrides)",
                );
                self.waiting_for_sensor = true;
            }
            return Ok(());
        }
        let line = if self.waiting_for_sensor {
            "The colour sensor is back on its charger: stopping the robot run"
        } else {
            "Cancelling: stopping the robot run"
        };
        self.context.log(Level::Info, line);
        self.stop_asked = true;
        if let Err(error) = self.robot.action(self.run_id, ActionType::Stop).await {
            // The run may have ended on its own meanwhile (robot-server refuses to stop a run
            // that is not running); the next look at it tells.
            let record = self.robot.run(self.run_id).await.ok();
            let ended = record.as_ref().is_some_and(|r| r.status.is_final());
            if !ended {
                return Err(Stop::Crashed(format!(
                    "the robot did not take the stop: {error}"
                )));
            }
        }
        Ok(())
    }

    /// The flow run's ending for a robot run that ended.
    async fn ending(&mut self, record: &Run, outline: Outline<'_>) -> Result<Outcome, Stop> {
        let context = self.context;
        // A run that succeeded ran commands; a read that shows none is robot-server's.
        let commands = self
            .final_commands(record.status == RunStatus::Succeeded)
            .await?;
        let Some(commands) = commands else {
            if record.status == RunStatus::Succeeded {
                return Err(
                    self.record_overwritten("says it succeeded but holds no command; what it did")
                );
            }
            context.log(
                Level::Warning,
                format!(
                    "Could not read robot run {}'s commands after it ended; what it dispensed \
                     is unknown, so its well stays used",
                    self.run_id
                ),
            );
            return self.unsuccessful_ending(record);
        };
        match record.status {
            RunStatus::Succeeded => {
                let seconds = robot_seconds(record);
                Ok(complete(
                    context,
                    outline,
                    &commands,
                    &self.deck,
                    seconds,
                    "run on the robot",
                )
                .await)
            }
            _ => self.unsuccessful_ending(record),
        }
    }

    /// The flow run's ending for a robot run that ended other than in success.
    fn unsuccessful_ending(&self, record: &Run) -> Result<Outcome, Stop> {
        match record.status {
            RunStatus::Failed => Ok(failed(&record.errors, "the robot run failed")),
            _ if self.stop_asked => Ok(Outcome::cancelled(
                "Flow run was cancelled successfully; the robot run was stopped.",
            )),
            _ => {
                if record.was_stopped() {
                    return Ok(Outcome::cancelled(
                        "The robot run was stopped on the robot.",
                    ));
                }
                if self.logged == 0 && record.data_error.is_none() && record.errors.is_empty() {
                    return Err(Stop::Displaced);
                }
                let words = record
                    .data_error
                    .as_ref()
                    .and_then(|e| e.detail.clone())
                    .or_else(|| error_details(&record.errors))
                    .unwrap_or_else(|| "no reason given".into());
                Err(Stop::Crashed(format!(
                    "the robot run {} stopped without a stop request, as when robot-server \
                     restarts during a run (the robot says: {words}); check the deck before the \
                     next run",
                    self.run_id
                )))
            }
        }
    }
}

impl Follower<'_> {
    /// Every command of the run that ended, the ones not followed yet logged and counted
    /// (a run can end between two reads). Right after another client's `POST /runs` takes
    /// the robot, robot-server answers for the ended run from its database, which may not
    /// hold the run's commands yet (an empty or short list): read again until the list
    /// holds at least what was followed (and, for a run that `ran`, something). If it never
    /// does, what the run did is unknown (`None`), and its well stays used.
    async fn final_commands(&mut self, ran: bool) -> Result<Option<Vec<RobotCommand>>, Stop> {
        let started = Instant::now();
        loop {
            match all_commands(self.robot, self.run_id).await {
                Ok(commands) if commands.len() >= self.logged && (!ran || !commands.is_empty()) => {
                    let rest: Vec<RobotCommand> = commands[self.logged..]
                        .iter()
                        .take_while(|c| c.status.is_finished())
                        .cloned()
                        .collect();
                    self.log_finished(&rest).await?;
                    return Ok(Some(commands));
                }
                _ if started.elapsed() > REACH_RETRY => {
                    self.dispensed.lose_track();
                    return Ok(None);
                }
                _ => tokio::time::sleep(POLL).await,
            }
        }
    }
}

/// How long the robot ran the run, by its own clock (time spent waiting for a busy robot is
/// not in it).
fn robot_seconds(record: &Run) -> f64 {
    let at = |time: &Option<String>| time.as_deref()?.parse::<jiff::Timestamp>().ok();
    match (at(&record.started_at), at(&record.completed_at)) {
        (Some(start), Some(end)) => start.duration_until(end).as_secs_f64().max(0.0),
        _ => 0.0,
    }
}

async fn all_commands(robot: &RobotClient, run_id: &str) -> Result<Vec<RobotCommand>, RobotError> {
    let mut commands = Vec::new();
    loop {
        let page = robot.commands(run_id, commands.len(), PAGE).await?;
        let new = page.from_cursor(commands.len());
        if new.is_empty() {
            return Ok(commands);
        }
        commands.extend_from_slice(new);
        let total = page.meta.map_or(0, |m| m.total_length) as usize;
        if commands.len() >= total {
            return Ok(commands);
        }
    }
}

/// Follows the robot run of a flow run that a worker of the same name was executing when it
/// stopped (killed, restarted): to its end, or to the ending it already had. A flow run
/// whose robot run was never created is ended CRASHED; no second robot run is ever started.
pub async fn resume(
    context: &RunContext,
    reference: RobotRunRef,
    force_stop: bool,
    dispensed: &Dispensed,
) -> Outcome {
    let robot = match RobotClient::new(&reference.robot) {
        Ok(robot) => robot,
        Err(error) => return Outcome::crashed(error.to_string()),
    };
    outcome(resume_on_robot(context, &robot, reference, force_stop, dispensed).await)
}

async fn resume_on_robot(
    context: &RunContext,
    robot: &RobotClient,
    mut reference: RobotRunRef,
    force_stop: bool,
    dispensed: &Dispensed,
) -> Result<Outcome, Stop> {
    let run_id = match &reference.target {
        RunTarget::Run { id } => id.clone(),
        RunTarget::Creating { protocol } => {
            let Some(id) = adoptable_run(context, robot, protocol).await else {
                return Err(Stop::Crashed(
                    "the worker stopped while it was creating the robot run, and the robot has \
                     no run for this flow run: nothing ran on the robot; run it again"
                        .into(),
                ));
            };
            reference.target = RunTarget::Run { id: id.clone() };
            context.record_infrastructure(&reference.to_string()).await;
            id
        }
    };
    let mut follower = Follower::new(context, robot, &run_id, force_stop, dispensed);
    let Some(record) = follower.ask(robot.run(&run_id)).await? else {
        return Err(Stop::Crashed(format!(
            "the robot does not answer about run {run_id}"
        )));
    };
    let name = match record.protocol_id.as_deref() {
        Some(protocol) => robot
            .protocol(protocol)
            .await
            .ok()
            .and_then(|p| p.metadata.protocol_name),
        None => None,
    };
    let values = robot_values(&record.run_time_parameters);
    let outline = Outline {
        name: name.as_deref(),
        values: &values,
    };
    // What ran while no worker watched is on the robot; the log goes on from here, and the
    // paint it moved counts.
    let done: Vec<RobotCommand> = match all_commands(robot, &run_id).await {
        Ok(commands) => commands
            .into_iter()
            .filter(|c| c.status.is_finished())
            .collect(),
        Err(_) => {
            dispensed.lose_track();
            Vec::new()
        }
    };
    let deck = Deck::of(&record.labware, &record.pipettes);
    for command in &done {
        dispensed.command(command, &deck);
    }
    follower.logged = done.len();
    context.log(
        Level::Info,
        format!(
            "Worker '{}' follows robot run {run_id} after a restart (robot status {}, {} \
             command(s) done; earlier ones are in the robot's run log)",
            context.worker_name,
            record.status.as_str(),
            follower.logged
        ),
    );
    let outcome = follower.follow(outline).await;
    close(context, robot, &run_id).await;
    outcome
}

/// The robot's run for a protocol whose run creation the worker did not see answered: the
/// newest run of that protocol created after the flow run started, if no other flow run
/// holds it.
async fn adoptable_run(
    context: &RunContext,
    robot: &RobotClient,
    protocol: &str,
) -> Option<String> {
    let started = context.run.start_time.as_ref().and_then(|t| t.parsed())?;
    let runs = robot.runs().await.ok()?;
    runs.iter()
        .rev()
        .filter(|r| r.protocol_id.as_deref() == Some(protocol))
        .find(|r| {
            r.created_at
                .as_deref()
                .and_then(|t| t.parse::<jiff::Timestamp>().ok())
                .is_some_and(|created| created >= started)
        })
        .map(|r| r.id.clone())
}

/// A run's values as the robot reports them, integers as integers.
fn robot_values(declared: &[RunTimeParameter]) -> Map<String, Value> {
    declared
        .iter()
        .map(|p| {
            let value = match (p.kind.as_deref(), p.value.as_f64()) {
                (Some("int"), Some(number)) => Value::from(number as i64),
                _ => p.value.clone(),
            };
            (p.variable_name.clone(), value)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn values_outside_the_robots_limits_are_named() {
        let declared: Vec<RunTimeParameter> = serde_json::from_value(json!([
            {"variableName": "R", "type": "int", "min": 0.0, "max": 200.0},
            {"variableName": "mix_well", "type": "str", "choices": [{"displayName": "A1", "value": "A1"}]}
        ]))
        .unwrap();
        let values = json!({"R": 250, "mix_well": "B2"})
            .as_object()
            .unwrap()
            .clone();
        let problems = robot_limit_problems(&declared, &values);
        assert_eq!(problems.len(), 2, "{problems:?}");
        assert_eq!(
            problems[0],
            "parameter 'R' = 250 is above the robot's maximum 200"
        );
    }

    #[test]
    fn run_references_read_back_as_written() {
        for target in [
            RunTarget::Run { id: "4f1c".into() },
            RunTarget::Creating {
                protocol: "a81c".into(),
            },
        ] {
            let reference = RobotRunRef {
                robot: "http://10.0.0.5:31950".into(),
                target,
                worker: "ot2ctl-robot (1)".into(),
            };
            assert_eq!(RobotRunRef::parse(&reference.to_string()), Some(reference));
        }
        assert_eq!(RobotRunRef::parse("21468"), None);
        assert_eq!(RobotRunRef::parse("host:21468"), None);
    }

    #[test]
    fn the_robots_decimals_match_the_users_whole_numbers() {
        let declared: Vec<RunTimeParameter> = serde_json::from_value(json!([
            {"variableName": "R", "type": "int", "value": 120.0},
            {"variableName": "mix_well", "type": "str", "value": "B2"}
        ]))
        .unwrap();
        let ours = json!({"R": 120, "mix_well": "B2"});
        assert!(ran_with(&declared, ours.as_object().unwrap()));
        let other = json!({"R": 100, "mix_well": "B2"});
        assert!(!ran_with(&declared, other.as_object().unwrap()));
        assert_eq!(values_text(&declared), "R=120, mix_well=\"B2\"");
        assert_eq!(robot_values(&declared)["R"], json!(120));
    }
}
