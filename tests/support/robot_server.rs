//! Opentrons' own robot-server 8.1.0, in simulation, for the robot tests: the OT-2's HTTP API
//! as it runs on the robot, started by `scripts/robot-server.sh` on a free loopback port with a
//! fresh state directory (an OT-2 with a P300 GEN2 on the right mount).
//!
//! One server is shared by the tests of a test binary ([`RobotServer::shared`]); a robot runs
//! one run at a time, so a test takes it with [`RobotServer::take`] for as long as it uses it.
//! A test that restarts the server starts one of its own ([`RobotServer::start`]). Servers are
//! stopped whatever happens: when the test binary exits (an `atexit` hook), and, should it be
//! killed, by the kernel (`PR_SET_PDEATHSIG` from a thread that lives as long as the process).

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::{Mutex, MutexGuard, OnceLock};
use std::time::{Duration, Instant};

use serde_json::Value;

use super::children::{free_port, has_exited, spawn_tied_to_this_process, stop_at_exit};
use super::http;

/// How long robot-server may take to answer `/health` (about 10-20 s here, more on a busy
/// machine).
const START_TIMEOUT: Duration = Duration::from_secs(180);

pub struct RobotServer {
    pub url: String,
    port: u16,
    state: PathBuf,
    child: Mutex<Option<Child>>,
    /// Held by the test using the robot.
    turn: Mutex<()>,
}

impl RobotServer {
    /// The server the tests of this binary share, started on first use.
    pub fn shared() -> &'static RobotServer {
        static SHARED: OnceLock<RobotServer> = OnceLock::new();
        SHARED.get_or_init(RobotServer::start)
    }

    /// The shared server, for this test alone until the guard is dropped.
    pub fn take() -> (&'static RobotServer, MutexGuard<'static, ()>) {
        let server = RobotServer::shared();
        let guard = server.turn.lock().unwrap_or_else(|p| p.into_inner());
        (server, guard)
    }

    /// A server of the caller's own, with a fresh state directory.
    pub fn start() -> RobotServer {
        let port = free_port();
        let state = tempfile::Builder::new()
            .prefix("ot2ctl-robot-server-")
            .tempdir()
            .expect("robot-server state dir")
            .keep();
        let server = RobotServer {
            url: format!("http://127.0.0.1:{port}"),
            port,
            state,
            child: Mutex::new(None),
            turn: Mutex::new(()),
        };
        server.launch();
        server
    }

    /// Kills the server as a power cut would (SIGKILL), then starts it again on the same port
    /// with the same state, and waits until it answers.
    pub fn restart(&self) {
        self.kill();
        self.launch();
    }

    /// SIGKILL, and wait for the process to be gone.
    pub fn kill(&self) {
        if let Some(mut child) = self.child.lock().unwrap().take() {
            let _ = child.kill();
            let _ = child.wait();
        }
    }

    /// `GET path` on the robot (with `Opentrons-Version`): the answer's JSON.
    pub fn get(&self, path: &str) -> Value {
        let (status, body) = http::request("GET", &format!("{}{path}", self.url), &[], None);
        assert!(status < 300, "GET {path} answered {status}: {body}");
        body
    }

    /// Every command of a robot run, in order, as the robot lists them.
    pub fn commands(&self, run: &str) -> Vec<Value> {
        let page = self.get(&format!("/runs/{run}/commands?cursor=0&pageLength=1000"));
        page["data"].as_array().cloned().unwrap_or_default()
    }

    /// The robot's runs, oldest first.
    pub fn runs(&self) -> Vec<Value> {
        self.get("/runs")["data"]
            .as_array()
            .cloned()
            .unwrap_or_default()
    }

    /// Ids of the runs created since `before` (a list of run ids seen earlier).
    pub fn runs_since(&self, before: &[String]) -> Vec<Value> {
        self.runs()
            .into_iter()
            .filter(|r| !before.contains(&r["id"].as_str().unwrap_or("").to_string()))
            .collect()
    }

    pub fn run_ids(&self) -> Vec<String> {
        self.runs()
            .iter()
            .map(|r| r["id"].as_str().unwrap_or("").to_string())
            .collect()
    }

    fn launch(&self) {
        let script = super::repo_root().join("scripts/robot-server.sh");
        let python = required("OT2CTL_TEST_ROBOT_SERVER_PYTHON");
        let source = required("OT2CTL_TEST_ROBOT_SERVER_SRC");
        let log = self.state.join("server.log");
        let mut command = Command::new(script);
        command
            .arg(self.port.to_string())
            .arg(&self.state)
            .env("OT2CTL_ROBOT_SERVER_PYTHON", python)
            .env("OT2CTL_ROBOT_SERVER_SRC", source)
            .stdin(Stdio::null())
            .stdout(Stdio::from(open_log(&log)))
            .stderr(Stdio::from(open_log(&log)));
        let child = spawn_tied_to_this_process(command);
        stop_at_exit(child.id(), &self.state);
        *self.child.lock().unwrap() = Some(child);
        self.wait_until_ready(&log);
    }

    fn wait_until_ready(&self, log: &Path) {
        let started = Instant::now();
        loop {
            let (status, _) = http::try_request("GET", &format!("{}/health", self.url), &[], None)
                .unwrap_or((0, Value::Null));
            if status == 200 {
                return;
            }
            let exited = has_exited(&self.child);
            if exited || started.elapsed() > START_TIMEOUT {
                let text = std::fs::read_to_string(log).unwrap_or_default();
                let tail: Vec<&str> = text.lines().rev().take(40).collect();
                let tail: Vec<&str> = tail.into_iter().rev().collect();
                panic!(
                    "robot-server {} within {START_TIMEOUT:?}; its log ({}):\n{}",
                    if exited {
                        "exited during start-up"
                    } else {
                        "did not answer /health"
                    },
                    log.display(),
                    tail.join("\n")
                );
            }
            std::thread::sleep(Duration::from_millis(250));
        }
    }
}

impl Drop for RobotServer {
    fn drop(&mut self) {
        self.kill();
        let _ = std::fs::remove_dir_all(&self.state);
    }
}

fn required(name: &str) -> String {
    std::env::var(name).unwrap_or_else(|_| {
        panic!(
            "{name} is not set: the robot tests run against Opentrons' real robot-server, which \
             scripts/test.sh sets up (Python 3.10 venv, source from ../shared/opentrons-8.1.0, \
             $OT2CTL_ROBOT_SERVER_SRC or a git checkout of v8.1.0); run `scripts/test.sh --test \
             robot`"
        )
    })
}

fn open_log(path: &Path) -> std::fs::File {
    std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(path)
        .expect("robot-server log")
}
