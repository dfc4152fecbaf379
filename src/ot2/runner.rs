//! How a worker runs OT-2 protocols, chosen once when it starts.

use std::path::PathBuf;

use super::dispensed::Dispensed;
use super::execution::Step;
use super::{opentrons_execute, robot, simulate};
use crate::executor::{Outcome, RunContext};

/// How a worker runs OT-2 protocols, chosen once when it starts.
#[derive(Debug, Clone, PartialEq)]
pub enum Runner {
    /// On the robot, through its HTTP API (robot-server at `url`).
    Robot {
        url: String,
        /// Stop a cancelled run at once, even while it holds the colour sensor.
        force_stop: bool,
    },
    /// On the robot itself, as a local `opentrons_execute` process.
    Execute {
        tool: PathBuf,
        /// Stop robot-server around each run (it owns the hardware).
        stop_robot_server: bool,
        force_stop: bool,
    },
    /// Simulated with Opentrons' analyzer (`python -m opentrons.cli analyze`).
    Simulate { python: PathBuf },
    /// None: protocol runs are refused.
    Unavailable,
}

impl Runner {
    /// The robot's HTTP API when there is one, else `opentrons_execute`, else the analyzer.
    pub fn choose(
        robot: Option<String>,
        execute: Option<PathBuf>,
        analyzer: Option<PathBuf>,
        force_stop: bool,
        stop_robot_server: bool,
    ) -> Runner {
        match (robot, execute, analyzer) {
            (Some(url), ..) => Runner::Robot { url, force_stop },
            (None, Some(tool), _) => Runner::Execute {
                tool,
                stop_robot_server,
                force_stop,
            },
            (None, None, Some(python)) => Runner::Simulate { python },
            (None, None, None) => Runner::Unavailable,
        }
    }

    /// Runs the protocol at `path` (relative to the run's code) for the run; `dispensed`
    /// learns which wells got paint.
    pub async fn run(&self, context: &RunContext, path: &str, dispensed: &Dispensed) -> Outcome {
        self.run_step(context, Step::of_the_run(path), dispensed)
            .await
    }

    /// Runs one protocol of the run (its own, or one that completes it).
    pub async fn run_step(
        &self,
        context: &RunContext,
        step: Step<'_>,
        dispensed: &Dispensed,
    ) -> Outcome {
        match self {
            Runner::Robot { url, force_stop } => {
                robot::execute(context, step, url, *force_stop, dispensed).await
            }
            Runner::Execute {
                tool,
                stop_robot_server,
                force_stop,
            } => {
                let options = opentrons_execute::Options {
                    tool,
                    stop_robot_server: *stop_robot_server,
                    force_stop: *force_stop,
                };
                opentrons_execute::execute(context, step, options, dispensed).await
            }
            Runner::Simulate { python } => {
                simulate::execute(context, step, python, dispensed).await
            }
            Runner::Unavailable => Outcome::refused(
                "this worker runs no OT-2 protocols: start it with --robot, --opentrons-execute \
                 or --opentrons-python",
            ),
        }
    }
}
