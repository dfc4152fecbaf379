//! Runs an earlier start of this worker left behind (it was killed with `kill -9`, crashed,
//! or its machine restarted): found at start by the reference each run keeps in its
//! `infrastructure_pid`, so that none stays PENDING or RUNNING with nothing behind it.
//!
//! - a robot run is followed again on the robot ([`run::resume`]);
//! - a Python flow whose engine process still runs (it outlived the worker) is reattached:
//!   watched until it ends, stopped if the run is cancelled;
//! - anything else of ours is over: its process is gone (or is a simulation, whose output
//!   went with the worker, and is stopped), so the run is proposed CRASHED with what happened, or CANCELLED
//!   if a user was cancelling it.
//!
//! Runs of another live worker with the same name on this machine are left alone.

use std::future::Future;
use std::sync::Arc;
use std::time::{Duration, Instant};

use tokio::task::JoinSet;

use super::executors::Executors;
use super::report::Reporter;
use super::states::{self, Ending};
use super::{Claimer, output, run};
use crate::api::models::FlowRun;
use crate::executor::RunContext;
use crate::executor::process::{
    ProcessRef, SIMULATION_MARK, command_name, is_alive, kill_group, parent, started_with,
    started_with_env, this_host,
};
use crate::ot2::robot::RobotRunRef;
use crate::output::Printer;

/// What the kernel calls an ot2ctl process.
const OT2CTL: &str = "ot2ctl";

/// What became of one run left behind.
enum Left {
    /// Its robot run is followed again.
    OnRobot(RobotRunRef),
    /// Its engine still runs: followed again.
    Running(u32),
    /// Nothing runs it any more.
    Gone(String),
    /// Its simulation still runs, but its output went with the worker that read it.
    Simulating(u32),
    /// Another live worker of this name holds it.
    Held,
}

impl Claimer {
    /// Takes over what an earlier start of this worker left unfinished.
    pub(super) async fn take_over(
        &self,
        running: &mut JoinSet<(String, Ending, Duration)>,
        printer: &Printer,
    ) {
        let runs = match self.api.active_flow_runs(&self.options.pool).await {
            Ok(runs) => runs,
            Err(error) => {
                printer.note(format_args!(
                    "ot2ctl worker: cannot look for runs left by an earlier start ({error})"
                ));
                return;
            }
        };
        for run in runs {
            let Some(left) = self.what_was_left(&run) else {
                continue;
            };
            match left {
                Left::Held => {}
                Left::Gone(message) => self.abandon(&run, &message, printer).await,
                Left::Simulating(pid) => {
                    kill_group(pid).await;
                    let message = format!(
                        "Worker '{}' stopped during this run's simulation; its output is lost, \
                         so the simulation (process {pid}) was stopped. Run it again.",
                        self.options.name
                    );
                    self.abandon(&run, &message, printer).await;
                }
                Left::OnRobot(reference) => {
                    let detail = reference.to_string();
                    self.follow_again(
                        run,
                        "resumed",
                        &detail,
                        running,
                        printer,
                        |context, reporter, executors| async move {
                            run::resume(context, reference, &reporter, &executors).await
                        },
                    )
                    .await;
                }
                Left::Running(pid) => {
                    let detail = format!("process {pid}");
                    self.follow_again(
                        run,
                        "reattached",
                        &detail,
                        running,
                        printer,
                        move |context, reporter, _| async move {
                            run::reattach(context, pid, &reporter).await
                        },
                    )
                    .await;
                }
            }
        }
    }

    /// Ends a run nothing runs any more, saying what happened.
    async fn abandon(&self, run: &FlowRun, message: &str, printer: &Printer) {
        output::left_behind(&self.options, run, "abandoned", message, printer);
        states::abandoned(&self.reporter, run.id, message).await;
    }

    /// Follows a run left behind again, in a slot of its own if one is free (a run already
    /// under way is never left unwatched for want of a slot).
    async fn follow_again<F, Fut>(
        &self,
        run: FlowRun,
        what: &str,
        detail: &str,
        running: &mut JoinSet<(String, Ending, Duration)>,
        printer: &Printer,
        follow: F,
    ) where
        F: FnOnce(RunContext, Arc<Reporter>, Arc<Executors>) -> Fut + Send + 'static,
        Fut: Future<Output = Ending> + Send + 'static,
    {
        let Some(deployment) = self.deployment_of(&run).await else {
            return;
        };
        output::left_behind(&self.options, &run, what, detail, printer);
        let permit = self.slots.clone().try_acquire_owned().ok();
        let context = self.context(run, deployment, permit);
        let (reporter, executors) = (self.reporter.clone(), self.executors.clone());
        running.spawn(async move {
            let started = Instant::now();
            let name = context.run.name.clone();
            let ending = follow(context, reporter, executors).await;
            (name, ending, started.elapsed())
        });
    }

    /// `None` for runs that are not this worker's.
    fn what_was_left(&self, run: &FlowRun) -> Option<Left> {
        let recorded = run.infrastructure_pid.as_deref()?;
        if let Some(reference) = RobotRunRef::parse(recorded) {
            let ours = reference.worker == self.options.name
                && matches!(&self.executors.ot2, crate::ot2::Runner::Robot { url, .. } if *url == reference.robot);
            return ours.then_some(Left::OnRobot(reference));
        }
        let reference = ProcessRef::parse(recorded)
            .filter(|r| r.worker == self.options.name && r.host == this_host())?;
        let pid = reference.pid;
        if pid == std::process::id() {
            return None;
        }
        let worker = &self.options.name;
        let is_ot2ctl = |pid: u32| command_name(pid).as_deref() == Some(OT2CTL);
        if is_alive(pid) && is_ot2ctl(pid) {
            // The claim is held by a worker of the same name that is still running.
            return Some(Left::Held);
        }
        let id = run.id.to_string();
        let runs_this = |pid: u32| {
            started_with_env(pid, "PREFECT__FLOW_RUN_ID", &id)
                || started_with_env(pid, SIMULATION_MARK, &id)
        };
        // The recorded pid is the engine's, or the worker's own when it was killed between
        // starting the engine and recording it: then the engine, if it lives, is found by
        // the run id it was started with. The pid alone is never taken for the judgement.
        let process = if is_alive(pid) && runs_this(pid) {
            Some(pid)
        } else {
            // The engine, not a process it started (which inherits the run id too).
            let found: Vec<u32> = started_with("PREFECT__FLOW_RUN_ID", &id)
                .into_iter()
                .chain(started_with(SIMULATION_MARK, &id))
                .filter(|found| !is_ot2ctl(*found))
                .collect();
            found
                .iter()
                .copied()
                .find(|candidate| !parent(*candidate).is_some_and(|up| found.contains(&up)))
        };
        let Some(process) = process else {
            return Some(Left::Gone(format!(
                "Worker '{worker}' stopped while it held this flow run (killed, or its machine \
                 restarted), and process {pid} that ran it is gone."
            )));
        };
        if parent(process).is_some_and(is_ot2ctl) {
            return Some(Left::Held);
        }
        if started_with_env(process, SIMULATION_MARK, &id) {
            return Some(Left::Simulating(process));
        }
        Some(Left::Running(process))
    }
}
