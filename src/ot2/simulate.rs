//! Running an OT-2 protocol, simulated by Opentrons' own analyzer:
//! `python -m opentrons.cli analyze --check --json-output FILE --rtp-values JSON protocol.py
//! labware.json…`. Unlike `opentrons_simulate` it takes runtime parameters and writes the
//! robot's own command list, which becomes the run's log and result.

use std::path::Path;
use std::process::Stdio;
use std::time::Instant;

use serde_json::Value;

use crate::api::robot_models::{Analysis, AnalysisResult};

use super::dispensed::Dispensed;
use super::execution::{Deck, Prepared, Step, complete, failed, log_commands, prepare};
use crate::executor::process::{SIMULATION_MARK, exit_message, own_process_group, stop};
use crate::executor::{Level, Outcome, RunContext, Supervised};

pub async fn execute(
    context: &RunContext,
    step: Step<'_>,
    python: &Path,
    dispensed: &Dispensed,
) -> Outcome {
    match prepare(context, step).await {
        Ok(prepared) => simulate(context, prepared, python, dispensed).await,
        Err(reason) => Outcome::refused(reason),
    }
}

async fn simulate(
    context: &RunContext,
    prepared: Prepared,
    python: &Path,
    dispensed: &Dispensed,
) -> Outcome {
    if !context.start_running().await {
        return Outcome::NotStarted;
    }
    let started = Instant::now();
    let scratch = match tempfile::Builder::new()
        .prefix("ot2ctl-analysis-")
        .tempdir()
    {
        Ok(dir) => dir,
        Err(error) => {
            return Outcome::crashed(format!("cannot create a scratch directory: {error}"));
        }
    };
    let analysis = scratch.path().join("analysis.json");
    let stderr_file = scratch.path().join("stderr.txt");
    let values = Value::Object(prepared.values.clone()).to_string();
    let mut command = tokio::process::Command::new(python);
    command
        .args(["-m", "opentrons.cli", "analyze", "--check", "--json-output"])
        .arg(&analysis)
        .arg("--rtp-values")
        .arg(&values)
        .arg(&prepared.file)
        .args(&prepared.labware)
        .current_dir(scratch.path())
        .env(SIMULATION_MARK, context.id().to_string())
        .stdin(Stdio::null())
        .stdout(Stdio::null());
    match std::fs::File::create(&stderr_file) {
        Ok(file) => command.stderr(file),
        Err(_) => command.stderr(Stdio::null()),
    };
    own_process_group(&mut command);
    context.log(
        Level::Info,
        format!(
            "Simulating {} ({}) with parameters {values}",
            prepared.file.display(),
            prepared.protocol.name.as_deref().unwrap_or("protocol")
        ),
    );
    let mut child = match command.spawn() {
        Ok(child) => child,
        Err(error) => {
            return Outcome::crashed(format!("cannot start {}: {error}", python.display()));
        }
    };
    context.record_pid(&child).await;
    let status = match context.supervise(&mut child, None).await {
        Supervised::Stopped { message } => return Outcome::cancelled(message),
        Supervised::Exited(status) => status,
        // Someone else ended the run (a forced state): the simulation is of no use now.
        Supervised::Reported => {
            stop(&mut child, context.settings.cancel_grace).await;
            return Outcome::Reported;
        }
    };
    let stderr = std::fs::read_to_string(&stderr_file).unwrap_or_default();
    let report: Option<Analysis> = crate::bounded::read_file(&analysis)
        .ok()
        .and_then(|bytes| serde_json::from_slice(&bytes).ok());
    // 0: ok; 255: the analysis found errors. Anything else is the simulator itself failing.
    let (Some(report), Some(0 | 255)) = (report, status.code()) else {
        let tail: String = stderr
            .lines()
            .rev()
            .take(5)
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .collect::<Vec<_>>()
            .join(" | ");
        if !tail.is_empty() {
            context.log(Level::Error, tail);
        }
        return Outcome::crashed(exit_message(status));
    };

    let deck = Deck::of(&report.labware, &report.pipettes);
    log_commands(context, &report.commands, &deck, 1);
    for command in &report.commands {
        dispensed.command(command, &deck);
    }
    let seconds = started.elapsed().as_secs_f64();
    if report.result == Some(AnalysisResult::Ok) && status.code() == Some(0) {
        return complete(
            context,
            prepared.outline(),
            &report.commands,
            &deck,
            seconds,
            "simulated",
        )
        .await;
    }
    failed(&report.errors, "the protocol's analysis was not ok")
}
