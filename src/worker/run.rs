//! One claimed flow run, from PENDING to its final state: which executor runs it (by its
//! entrypoint), and the final state its outcome comes to (`states`).

use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;
use std::time::Duration;

use uuid::Uuid;

use super::executors::{Executors, PythonFlows};
use super::report::Reporter;
use super::states::{self, Ending};
use super::{inventory, measure, native, plate, python_flow};
use crate::api::Client;
use crate::api::events::flow_run_heartbeat;
use crate::api::models::FlowRun;
use crate::entrypoint::Entrypoint;
use crate::executor::{Level, Outcome, RunContext, RunHost};
use crate::ot2;
use crate::ot2::dispensed::Dispensed;
use crate::ot2::robot::RobotRunRef;

/// What the worker does for its executors: delivers their log lines and moves runs to
/// RUNNING when they are about to start.
pub struct Host {
    pub reporter: Arc<Reporter>,
}

impl RunHost for Host {
    fn log(&self, run: Uuid, level: Level, message: String) {
        self.reporter.log(run, level, message);
    }

    fn start(&self, run: Uuid) -> Pin<Box<dyn Future<Output = bool> + Send + '_>> {
        Box::pin(states::start(&self.reporter, run))
    }

    fn notice(&self, text: String) {
        self.reporter.notice(text);
    }
}

/// Runs one claimed flow run to its end and returns how it ended.
pub async fn execute(context: RunContext, reporter: &Reporter, executors: &Executors) -> Ending {
    context.log(
        Level::Info,
        format!(
            "Worker '{}' runs flow run '{}' ({})",
            context.worker_name,
            context.run.name,
            context.entrypoint()
        ),
    );
    // Prefect's engine emits a Python flow's heartbeats; the worker emits everyone else's.
    let entrypoint = Entrypoint::parse(context.entrypoint());
    let heartbeats = match &entrypoint {
        Ok(Entrypoint::PythonFlow { .. }) => None,
        _ => Some(tokio::spawn(heartbeats(
            context.api.clone(),
            context.run.clone(),
            context.settings.run_heartbeat,
        ))),
    };
    let ending = match entrypoint {
        Err(reason) => states::finish(reporter, &context, Outcome::refused(reason)).await,
        Ok(Entrypoint::Native(flow)) => {
            let outcome = native::run(&context, executors, flow).await;
            states::finish(reporter, &context, outcome).await
        }
        Ok(Entrypoint::Protocol {
            path,
            reserves_paint,
        }) => protocol(context, &path, reserves_paint, reporter, executors).await,
        Ok(Entrypoint::Measurement { path }) => {
            measure::measure(context, &path, reporter, executors).await
        }
        Ok(Entrypoint::PythonFlow { .. }) => {
            let outcome = match &executors.python {
                PythonFlows::Off => {
                    Outcome::refused("this worker does not run Python flows (--no-python-flows)")
                }
                PythonFlows::Engine(engine) => python_flow::execute(&context, engine).await,
            };
            states::finish(reporter, &context, outcome).await
        }
    };
    if let Some(heartbeats) = heartbeats {
        heartbeats.abort();
    }
    reporter.flush().await;
    ending
}

/// An OT-2 protocol: the mix's well reserved on the plate and its paint in the inventory
/// (for `ot2+inventory:`) before anything moves; both settled from what the robot did.
async fn protocol(
    mut context: RunContext,
    path: &str,
    reserves_paint: bool,
    reporter: &Reporter,
    executors: &Executors,
) -> Ending {
    let claim = match plate::claim(&mut context, &executors.plates).await {
        Ok(claim) => claim,
        Err(refused) => return states::finish(reporter, &context, refused).await,
    };
    let dispensed = Dispensed::new();
    let paint = if reserves_paint {
        match inventory::reserve(&context, &executors.inventory).await {
            Ok(required) => Some(required),
            Err(refused) => {
                let ending = states::finish(reporter, &context, refused).await;
                if let Some(claim) = &claim {
                    plate::settle(&context, &executors.plates, claim, &dispensed).await;
                }
                return ending;
            }
        }
    } else {
        None
    };
    let outcome = executors.ot2.run(&context, path, &dispensed).await;
    let ending = states::finish(reporter, &context, outcome).await;
    if let Some(required) = paint {
        inventory::settle(&context, &executors.inventory, required, &ending).await;
    }
    if let Some(claim) = &claim {
        plate::settle(&context, &executors.plates, claim, &dispensed).await;
    }
    ending
}

/// `prefect.flow-run.heartbeat` events for as long as the run executes, so that Prefect's
/// zombie-run automation knows it is alive. A heartbeat the server misses is not retried:
/// the next one follows.
async fn heartbeats(api: Arc<Client>, run: FlowRun, every: Duration) {
    let mut ticker = tokio::time::interval(every);
    loop {
        ticker.tick().await;
        let _ = api.emit_events(&[flow_run_heartbeat(&run)]).await;
    }
}

/// Follows the robot run of a flow run that a worker of this name was executing when it
/// stopped, and ends the flow run as the robot run ends.
pub async fn resume(
    context: RunContext,
    reference: RobotRunRef,
    reporter: &Reporter,
    executors: &Executors,
) -> Ending {
    let force_stop = matches!(
        executors.ot2,
        ot2::Runner::Robot {
            force_stop: true,
            ..
        }
    );
    let dispensed = Dispensed::new();
    let outcome = ot2::robot::resume(&context, reference, force_stop, &dispensed).await;
    let ending = states::finish(reporter, &context, outcome).await;
    if let Ok(Entrypoint::Protocol {
        reserves_paint: true,
        ..
    }) = Entrypoint::parse(context.entrypoint())
        && let Ok(required) = inventory::required_paint(&context)
    {
        inventory::settle(&context, &executors.inventory, required, &ending).await;
    }
    if plate::is_mix(&context) {
        // The well was reserved by the run's first claim; the store knows which.
        let held = executors
            .plates
            .current()
            .await
            .ok()
            .flatten()
            .and_then(|p| p.held_by(&context.id().to_string()));
        if let Some(well) = held {
            plate::settle(
                &context,
                &executors.plates,
                &plate::Claim { well },
                &dispensed,
            )
            .await;
        }
    }
    reporter.flush().await;
    ending
}

/// Follows the engine process of a Python flow run that an earlier start of this worker
/// started and outlived it, until it ends; the engine reports the run's own final state.
pub async fn reattach(context: RunContext, pid: u32, reporter: &Reporter) -> Ending {
    context.log(
        Level::Info,
        format!(
            "Worker '{}' was restarted; it follows this run's process {pid} again",
            context.worker_name
        ),
    );
    let outcome = match context.supervise_orphan(pid).await {
        Some(message) => Outcome::cancelled(message),
        None => match context.api.read_flow_run(context.id()).await {
            Ok(run) if run.is_final() => Outcome::Reported,
            _ => Outcome::crashed(format!(
                "Process {pid} ended without reporting a final state while its worker was \
                 restarting; its exit status is unknown."
            )),
        },
    };
    let ending = states::finish(reporter, &context, outcome).await;
    reporter.flush().await;
    ending
}
