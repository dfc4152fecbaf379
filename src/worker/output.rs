//! What the worker says to whoever runs it: a banner, a line per run claimed and finished,
//! what became of runs an earlier start left, and a summary on exit; human lines, or JSON
//! lines with `--output json` for log shippers.

use std::time::Duration;

use serde_json::json;

use super::executors::{Executors, PythonFlows};
use super::options::WorkerOptions;
use super::states::Ending;
use crate::api::models::{FlowRun, StateType};
use crate::output::Printer;

/// The start banner: where the worker takes runs from and how it runs them.
pub fn banner(
    options: &WorkerOptions,
    executors: &Executors,
    robot: Option<&str>,
    printer: &Printer,
) {
    let queues = if options.queues.is_empty() {
        "all queues".to_string()
    } else {
        format!("queues {}", options.queues.join(", "))
    };
    let mut executors_text = Vec::new();
    if let PythonFlows::Engine(engine) = &executors.python {
        executors_text.push(format!(
            "Python flows ({} -m prefect.engine)",
            engine.python.display()
        ));
    }
    executors_text.push(match (&executors.ot2, robot) {
        (_, Some(robot)) => robot.to_string(),
        (
            crate::ot2::Runner::Execute {
                tool,
                stop_robot_server,
                ..
            },
            None,
        ) => format!(
            "OT-2 protocols on this robot with {} ({})",
            tool.display(),
            if *stop_robot_server {
                "robot-server stopped around each run"
            } else {
                "refused while robot-server runs"
            }
        ),
        (crate::ot2::Runner::Simulate { python }, None) => format!(
            "OT-2 protocols simulated ({} -m opentrons.cli analyze)",
            python.display()
        ),
        _ => "OT-2 protocols: none (no --robot, --opentrons-execute or --opentrons-python)".into(),
    });
    let places = &executors.settings.places;
    if options.json {
        let line = json!({
            "event": "started", "worker": options.name, "pool": options.pool,
            "queues": options.queues, "limit": options.limit, "executors": executors_text,
            "protocols_dirs": places.protocols_dirs, "allowed_repos": places.allowed_repos,
        });
        printer.line(format_args!("{line}"));
        return;
    }
    printer.line(format_args!(
        "Worker '{}' started on work pool '{}' ({queues}), up to {} run(s) at once{}.",
        options.name,
        options.pool,
        options.limit,
        if options.run_once { ", one poll" } else { "" }
    ));
    printer.line(format_args!("  executors: {}", executors_text.join("; ")));
    printer.line(format_args!(
        "  inventory: {}",
        executors.inventory.describe()
    ));
    if !places.protocols_dirs.is_empty() || !places.allowed_repos.is_empty() {
        let dirs: Vec<String> = places
            .protocols_dirs
            .iter()
            .map(|d| d.display().to_string())
            .collect();
        printer.line(format_args!(
            "  protocols from: {}",
            dirs.into_iter()
                .chain(places.allowed_repos.iter().cloned())
                .collect::<Vec<_>>()
                .join(", ")
        ));
    }
}

/// A run claimed.
pub fn claimed(options: &WorkerOptions, run: &FlowRun, deployment: &str, printer: &Printer) {
    if options.json {
        printer.line(format_args!(
            "{}",
            json!({"event": "claimed", "flow_run": run.id, "name": run.name, "deployment": deployment})
        ));
    } else {
        printer.line(format_args!(
            "claimed   {} ({deployment}) {}",
            run.name, run.id
        ));
    }
}

/// A run finished, with its final state.
pub fn finished(
    options: &WorkerOptions,
    name: &str,
    ending: &Ending,
    took: Duration,
    printer: &Printer,
) {
    if options.json {
        printer.line(format_args!(
            "{}",
            json!({"event": "finished", "name": name, "state": ending.state_text(), "message": ending.message, "seconds": took.as_secs_f64()})
        ));
    } else {
        printer.line(format_args!(
            "finished  {name} {} in {:.1} s{}",
            ending.state_text(),
            took.as_secs_f64(),
            ending
                .message
                .as_deref()
                .map(|m| format!(": {}", m.replace('\n', "; ")))
                .unwrap_or_default()
        ));
    }
}

/// The summary on exit.
pub fn summary(
    options: &WorkerOptions,
    finished: &[(String, Option<StateType>)],
    printer: &Printer,
) {
    let count = |state: StateType| finished.iter().filter(|(_, s)| *s == Some(state)).count();
    if options.json {
        printer.line(format_args!(
            "{}",
            json!({"event": "stopped", "runs": finished.len(), "completed": count(StateType::Completed),
                   "failed": count(StateType::Failed), "crashed": count(StateType::Crashed), "cancelled": count(StateType::Cancelled)})
        ));
    } else {
        printer.line(format_args!(
            "Worker '{}' stopped after {} run(s): {} completed, {} failed, {} crashed, {} cancelled.",
            options.name,
            finished.len(),
            count(StateType::Completed),
            count(StateType::Failed),
            count(StateType::Crashed),
            count(StateType::Cancelled)
        ));
    }
}

/// A run an earlier start left behind, and what becomes of it (`reattached`, `abandoned`...).
pub fn left_behind(
    options: &WorkerOptions,
    run: &FlowRun,
    what: &str,
    detail: &str,
    printer: &Printer,
) {
    if options.json {
        printer.line(format_args!(
            "{}",
            json!({"event": what, "flow_run": run.id, "name": run.name, "detail": detail})
        ));
    } else {
        printer.line(format_args!("{what:<9} {} {} ({detail})", run.name, run.id));
    }
}
