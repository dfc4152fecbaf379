use std::path::PathBuf;

use clap::{Args, Subcommand};

use super::{OutputArgs, seconds_in, whole_in};
use crate::bounded::{DAY, Seconds, WEEK};

const DEFAULT_LIMIT: u32 = 1;
const DEFAULT_PREFETCH: u64 = 10;
/// Between two polls while the server's event stream is down.
pub const DEFAULT_POLL: Seconds = Seconds::from_const(10.0);
/// Between two polls while it is connected: its events wake the worker for new runs, so polls
/// are a safety net; 30 s keeps the queues polled within the 60 s that Prefect's READY needs.
pub const DEFAULT_POLL_WITH_EVENTS: Seconds = Seconds::from_const(30.0);
/// Polls closer together than this only load the server: events wake the worker sooner.
const MIN_POLL: f64 = 0.1;
const DEFAULT_HEARTBEAT: u64 = 30;
const DEFAULT_PYTHON: &str = "python3";
const DEFAULT_CANCEL_GRACE: u64 = 10;
const DEFAULT_SHUTDOWN_GRACE: u64 = 30;
const DEFAULT_GIT_TIMEOUT: u64 = 300;

#[derive(Debug, Subcommand)]
pub enum WorkerCommand {
    /// Claim flow runs of a work pool in priority order and execute them
    #[command(
        long_about = "Polls a work pool like `prefect worker start`, claims runs in the server's \
                      priority order and executes them: OT-2 protocols (deployments whose \
                      entrypoint is ot2:path/to/protocol.py) on the robot (--robot, its HTTP API; \
                      or --opentrons-execute on the robot itself) or simulated with Opentrons' \
                      analyzer (--opentrons-python), and Python Prefect flows (python -m \
                      prefect.engine). Without one of the three, an OT-2 run it claims fails \
                      before any motion, and the worker says so when it starts. Every state and \
                      log line goes to Prefect; SIGINT/SIGTERM stop claiming and let running \
                      runs finish within a grace period.",
        after_help = "Examples:\n  \
                      ot2ctl worker start --pool ot2-device-pool --robot http://127.0.0.1:31950\n  \
                      ot2ctl worker start --pool ot2-device-pool \\\n      \
                      --opentrons-python .venv-opentrons/bin/python --protocols-dir protocols\n  \
                      ot2ctl worker start --pool ot2-device-pool --queue maintenance --limit 2 \\\n      \
                      --robot http://127.0.0.1:31950\n  \
                      ot2ctl worker start -p ot2-device-pool --no-python-flows --run-once \\\n      \
                      --opentrons-python .venv-opentrons/bin/python"
    )]
    Start(WorkerStartArgs),

    /// Install the worker as a service that starts at boot and restarts on failure
    #[command(
        long_about = "Writes a systemd unit (or, with --target ot2, a /var/data/boot.d script for \
                      an OT-2, whose root filesystem is read-only) that runs `ot2ctl worker start` \
                      with the flags given here, Restart=on-failure. The Prefect API URL is \
                      written into the unit; a credential goes to an environment file of mode \
                      0600. Prints the commands that enable the service.",
        after_help = "Examples:\n  ot2ctl worker install --pool ot2-device-pool --queue maintenance \\\n      --robot http://127.0.0.1:31950 --dry-run\n  sudo ot2ctl worker install --pool ot2-device-pool \\\n      --protocols-dir /opt/lab/protocols\n  ot2ctl worker install --target ot2 --pool ot2-device-pool \\\n      --robot http://127.0.0.1:31950 --binary /var/data/ot2ctl/ot2ctl"
    )]
    Install(WorkerInstallArgs),
}

#[derive(Debug, Args)]
pub struct WorkerStartArgs {
    #[command(flatten)]
    pub settings: WorkerSettings,
    /// Poll once, run what was claimed, then exit
    #[arg(long)]
    pub run_once: bool,
    #[command(flatten)]
    pub output: OutputArgs,
}

/// What a worker does and how: shared by `worker start` and `worker install`.
#[derive(Debug, Clone, Args)]
pub struct WorkerSettings {
    /// The work pool to take runs from
    #[arg(long, short = 'p', value_name = "POOL")]
    pub pool: String,
    /// A queue of the pool to take runs from (repeatable; default: every queue)
    #[arg(long, short = 'q', value_name = "QUEUE")]
    pub queue: Vec<String>,
    /// The worker's name in Prefect; keep it stable across restarts
    #[arg(long, short = 'n', value_name = "NAME")]
    pub name: Option<String>,
    /// How many runs may execute at once (1 to 1000)
    #[arg(long, default_value_t = DEFAULT_LIMIT, value_parser = clap::value_parser!(u32).range(1..=1000))]
    pub limit: u32,
    /// Claim runs scheduled up to this many seconds ahead (0 to 604800, a week)
    #[arg(long, default_value_t = DEFAULT_PREFETCH, value_name = "SECONDS", value_parser = whole_in::<u64>(0, WEEK as u64))]
    pub prefetch_seconds: u64,
    /// Seconds between two polls of the pool (0.1 to 86400, fractions allowed) [default: 10,
    /// or 30 while the server's event stream is connected: its events wake the worker sooner]
    #[arg(long, value_name = "SECONDS", value_parser = seconds_in(MIN_POLL, DAY))]
    pub poll_seconds: Option<Seconds>,
    /// Seconds between two heartbeats (1 to 86400)
    #[arg(long, default_value_t = DEFAULT_HEARTBEAT, value_name = "SECONDS", value_parser = whole_in::<u64>(1, DAY as u64))]
    pub heartbeat_seconds: u64,
    /// Python with prefect installed, for Python flows
    #[arg(
        long,
        env = "OT2CTL_PYTHON",
        default_value = DEFAULT_PYTHON,
        value_name = "PATH"
    )]
    pub python: PathBuf,
    /// Do not run Python flows; they are failed with the reason
    #[arg(long)]
    pub no_python_flows: bool,
    /// Python with opentrons (8.2.0) installed, to simulate OT-2 protocols
    #[arg(long, env = "OT2CTL_OPENTRONS_PYTHON", value_name = "PATH")]
    pub opentrons_python: Option<PathBuf>,
    /// A directory protocols may be run from (repeatable)
    #[arg(long, value_name = "DIR")]
    pub protocols_dir: Vec<PathBuf>,
    /// A git repository whose checkouts protocols may be run from (repeatable)
    #[arg(long, value_name = "URL")]
    pub allow_repo: Vec<String>,
    /// Where git_clone pull steps keep their checkouts
    #[arg(long, value_name = "DIR")]
    pub checkouts_dir: Option<PathBuf>,
    /// Seconds one git command of a git_clone pull step may take before it is stopped (1 to
    /// 86400)
    #[arg(long, default_value_t = DEFAULT_GIT_TIMEOUT, value_name = "SECONDS", value_parser = whole_in::<u64>(1, DAY as u64))]
    pub git_timeout_seconds: u64,
    /// The OT-2 to run protocols on, by its robot-server URL (without it they are simulated)
    #[arg(long, env = "OT2CTL_ROBOT", value_name = "URL")]
    pub robot: Option<String>,
    /// Stop a cancelled robot run at once, even while the colour sensor is held
    #[arg(long, requires = "robot")]
    pub force_stop: bool,
    /// Run protocols on this robot with opentrons_execute, for robots whose HTTP API is not usable
    #[arg(
        long,
        env = "OT2CTL_OPENTRONS_EXECUTE",
        value_name = "PATH",
        conflicts_with = "robot"
    )]
    pub opentrons_execute: Option<PathBuf>,
    /// Let the worker stop robot-server around each opentrons_execute run (and start it again)
    #[arg(long, requires = "opentrons_execute")]
    pub stop_robot_server: bool,
    /// Seconds between SIGTERM and SIGKILL when a run is cancelled (0 to 86400)
    #[arg(long, default_value_t = DEFAULT_CANCEL_GRACE, value_name = "SECONDS", value_parser = whole_in::<u64>(0, DAY as u64))]
    pub cancel_grace_seconds: u64,
    /// Seconds running runs get to finish after SIGINT/SIGTERM before they are cancelled
    /// (0 to 86400)
    #[arg(long, default_value_t = DEFAULT_SHUTDOWN_GRACE, value_name = "SECONDS", value_parser = whole_in::<u64>(0, DAY as u64))]
    pub shutdown_grace_seconds: u64,
}

impl WorkerSettings {
    /// The `worker start` arguments that reproduce these settings; defaults are left out.
    pub fn to_args(&self) -> Vec<String> {
        let mut args = vec!["--pool".to_string(), self.pool.clone()];
        let mut flag = |name: &str, value: String| {
            args.push(format!("--{name}"));
            args.push(value);
        };
        for queue in &self.queue {
            flag("queue", queue.clone());
        }
        if let Some(name) = &self.name {
            flag("name", name.clone());
        }
        let numbers = [
            ("limit", u64::from(self.limit), u64::from(DEFAULT_LIMIT)),
            ("prefetch-seconds", self.prefetch_seconds, DEFAULT_PREFETCH),
            (
                "heartbeat-seconds",
                self.heartbeat_seconds,
                DEFAULT_HEARTBEAT,
            ),
            (
                "cancel-grace-seconds",
                self.cancel_grace_seconds,
                DEFAULT_CANCEL_GRACE,
            ),
            (
                "shutdown-grace-seconds",
                self.shutdown_grace_seconds,
                DEFAULT_SHUTDOWN_GRACE,
            ),
            (
                "git-timeout-seconds",
                self.git_timeout_seconds,
                DEFAULT_GIT_TIMEOUT,
            ),
        ];
        for (name, value, default) in numbers {
            if value != default {
                flag(name, value.to_string());
            }
        }
        if let Some(poll) = self.poll_seconds {
            flag("poll-seconds", poll.to_string());
        }
        let path = |p: &PathBuf| p.display().to_string();
        if self.python != std::path::Path::new(DEFAULT_PYTHON) {
            flag("python", path(&self.python));
        }
        if let Some(python) = &self.opentrons_python {
            flag("opentrons-python", path(python));
        }
        for dir in &self.protocols_dir {
            flag("protocols-dir", path(dir));
        }
        for repo in &self.allow_repo {
            flag("allow-repo", repo.clone());
        }
        if let Some(dir) = &self.checkouts_dir {
            flag("checkouts-dir", path(dir));
        }
        if let Some(robot) = &self.robot {
            flag("robot", robot.clone());
        }
        if let Some(tool) = &self.opentrons_execute {
            flag("opentrons-execute", path(tool));
        }
        let switches = [
            ("no-python-flows", self.no_python_flows),
            ("force-stop", self.force_stop),
            ("stop-robot-server", self.stop_robot_server),
        ];
        for (name, on) in switches {
            if on {
                args.push(format!("--{name}"));
            }
        }
        args
    }
}

#[derive(Debug, Args)]
pub struct WorkerInstallArgs {
    #[command(flatten)]
    pub settings: WorkerSettings,
    /// What starts the worker: a systemd unit, or a boot script for an OT-2 (whose /etc is
    /// read-only; the script starts a transient systemd unit from /var/data/boot.d)
    #[arg(long, value_enum, default_value_t = InstallTarget::Systemd)]
    pub target: InstallTarget,
    /// Name of the unit (and of the boot script)
    #[arg(long, default_value = "ot2ctl-worker", value_name = "NAME")]
    pub unit_name: String,
    /// Directory to write the unit or boot script to [default: /etc/systemd/system, or
    /// /var/data/boot.d for --target ot2]
    #[arg(long, value_name = "DIR")]
    pub unit_dir: Option<PathBuf>,
    /// Where the settings with secrets go (mode 0600) [default: /etc/ot2ctl, or
    /// /var/data/ot2ctl for --target ot2]
    #[arg(long, value_name = "DIR")]
    pub env_dir: Option<PathBuf>,
    /// The ot2ctl binary the service runs [default: this one]
    #[arg(long, value_name = "PATH")]
    pub binary: Option<PathBuf>,
    /// Print what would be written (secrets masked) and write nothing
    #[arg(long)]
    pub dry_run: bool,
}

/// What starts an installed worker.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum InstallTarget {
    /// A systemd service unit with Restart=on-failure
    Systemd,
    /// An OT-2 boot script in /var/data/boot.d that runs the worker under systemd-run
    Ot2,
}
