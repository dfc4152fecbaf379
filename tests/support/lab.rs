//! A pool of its own per test, its deployments and runs, and workers to run them: what the
//! worker and robot tests share.

use std::path::PathBuf;
use std::process::Stdio;
use std::time::{Duration, Instant};

use serde_json::Value;
use uuid::Uuid;

use super::{Sandbox, api, block_on, copy_fixture, ok, ok_json, repo_root, unique};

pub fn opentrons_python() -> PathBuf {
    PathBuf::from(
        std::env::var("OT2CTL_TEST_OPENTRONS_PYTHON")
            .expect("OT2CTL_TEST_OPENTRONS_PYTHON is not set: run the tests with scripts/test.sh"),
    )
}

pub fn venv_python() -> PathBuf {
    super::server().prefect.with_file_name("python")
}

/// A pool of its own for one test, with the given queues (priority in order).
pub struct Lab {
    pub sandbox: Sandbox,
    pub pool: String,
    pub shim_log: PathBuf,
}

impl Lab {
    pub fn new(queues: &[&str]) -> Lab {
        Lab::in_sandbox(Sandbox::new(), queues)
    }

    /// The same, with the ot2ctl of `sandbox`.
    pub fn in_sandbox(sandbox: Sandbox, queues: &[&str]) -> Lab {
        let pool = unique("worker-pool");
        ok(sandbox.ot2ctl().args(["work-pool", "create", &pool]));
        for (index, queue) in queues.iter().enumerate() {
            let priority = (index + 1).to_string();
            ok(sandbox.ot2ctl().args([
                "work-queue",
                "create",
                queue,
                "--pool",
                &pool,
                "--priority",
                &priority,
            ]));
        }
        let shim_log = sandbox.path().join("simulator-calls.log");
        Lab {
            sandbox,
            pool,
            shim_log,
        }
    }

    /// Deploys a protocol of protocols/ as `ot2:` deployment `name` on `queue`.
    pub fn protocol_deployment(
        &self,
        name: &str,
        protocol: &str,
        queue: &str,
        parameters: Value,
    ) -> String {
        self.deploy(
            name,
            &format!(
                "deployments:\n  - name: {name}\n    entrypoint: ot2:protocols/{protocol}.py\n    parameters: {parameters}\n    work_pool: {{name: {}, work_queue_name: {queue}}}\n",
                self.pool
            ),
        );
        format!("{}/{name}", protocol.replace('_', "-"))
    }

    /// Writes `yaml` to `<file_stem>.yaml` in the sandbox and deploys all of it from the
    /// repository's root (where protocols/ is).
    pub fn deploy(&self, file_stem: &str, yaml: &str) {
        let file = self.sandbox.path().join(format!("{file_stem}.yaml"));
        std::fs::write(&file, yaml).unwrap();
        ok(self
            .sandbox
            .ot2ctl()
            .current_dir(repo_root())
            .args(["deploy", "--all", "--prefect-file"])
            .arg(&file));
    }

    /// A run's logs as `ot2ctl flow-run logs` prints them.
    pub fn logs(&self, id: Uuid) -> String {
        ok(self
            .sandbox
            .ot2ctl()
            .args(["flow-run", "logs", &id.to_string()]))
    }

    /// The worker, pointed at this pool, with the recording simulator.
    pub fn worker(&self, extra: &[&str]) -> std::process::Command {
        self.worker_polling_every("1", extra)
    }

    /// The same, polling every `seconds` (1 above: the tests do not wait for polls).
    pub fn worker_polling_every(&self, seconds: &str, extra: &[&str]) -> std::process::Command {
        let mut cmd = self.sandbox.ot2ctl_std();
        cmd.args([
            "worker",
            "start",
            "--pool",
            &self.pool,
            "--poll-seconds",
            seconds,
        ])
        .arg("--opentrons-python")
        .arg(repo_root().join("tests/fixtures/recording-python.sh"))
        .arg("--protocols-dir")
        .arg(repo_root().join("protocols"))
        .arg("--python")
        .arg(venv_python())
        .args(extra)
        .env("OT2CTL_SHIM_LOG", &self.shim_log)
        .env("OT2CTL_TEST_OPENTRONS_PYTHON", opentrons_python());
        cmd
    }

    pub fn run_once(&self, extra: &[&str]) -> String {
        let output = self.worker(&["--run-once"]).args(extra).output().unwrap();
        let stdout = String::from_utf8_lossy(&output.stdout).to_string();
        assert!(
            output.status.success(),
            "worker failed\n{stdout}\n{}",
            String::from_utf8_lossy(&output.stderr)
        );
        stdout
    }

    pub fn simulator_calls(&self) -> Vec<String> {
        std::fs::read_to_string(&self.shim_log)
            .unwrap_or_default()
            .lines()
            .map(str::to_string)
            .collect()
    }

    /// Creates a run of a deployment with these parameters; returns its id.
    pub fn run(&self, deployment: &str, params: &[&str]) -> Uuid {
        let mut cmd = self.sandbox.ot2ctl();
        cmd.args(["run", deployment, "-o", "json"]);
        for param in params {
            cmd.args(["--param", param]);
        }
        ok_json(&mut cmd)["id"].as_str().unwrap().parse().unwrap()
    }
}

pub fn flow_run(id: Uuid) -> Value {
    block_on(async { serde_json::to_value(api().read_flow_run(id).await.unwrap()).unwrap() })
}

pub fn wait_for(id: Uuid, what: &str, timeout: Duration, done: impl Fn(&Value) -> bool) -> Value {
    let started = Instant::now();
    loop {
        let run = flow_run(id);
        if done(&run) {
            return run;
        }
        assert!(
            started.elapsed() < timeout,
            "{what} did not happen within {timeout:?}: {run}\nits last log lines:\n{}",
            last_log_lines(id)
        );
        std::thread::sleep(Duration::from_millis(200));
    }
}

/// A flow run's last log lines, oldest first: what a run that did not end was doing.
fn last_log_lines(id: Uuid) -> String {
    use ot2ctl::api::flow_runs::LogOrder;
    let newest = block_on(async { api().read_logs(id, 0, 40, LogOrder::NewestFirst).await });
    match newest {
        Ok(entries) => entries
            .iter()
            .rev()
            .map(|entry| {
                let stamp = entry.timestamp.as_ref().map(|t| t.0.clone());
                format!("  {} {}", stamp.unwrap_or_default(), entry.message)
            })
            .collect::<Vec<_>>()
            .join("\n"),
        Err(error) => format!("  (could not be read: {error})"),
    }
}

pub fn state_history(id: Uuid) -> Vec<String> {
    block_on(async {
        let states: Value = api()
            .get(
                &format!("/flow_run_states/?flow_run_id={id}"),
                &ot2ctl::api::Target::FlowRun(id.to_string()),
            )
            .await
            .unwrap();
        states
            .as_array()
            .unwrap()
            .iter()
            .map(|s| s["type"].as_str().unwrap().to_string())
            .collect()
    })
}

impl Lab {
    /// Deploys the Python flows fixture with the Python CLI; returns the deployments' suffix.
    pub fn python_flows(&self, names: &[&str]) -> String {
        let dir = self.sandbox.path().join("flows");
        copy_fixture("python_flows", &dir);
        let suffix = unique("s");
        let mut deploy = self.sandbox.prefect();
        deploy
            .current_dir(&dir)
            .env("OT2CTL_TEST_POOL", &self.pool)
            .env("OT2CTL_TEST_SUFFIX", &suffix)
            .args(["--no-prompt", "deploy"]);
        for name in names {
            deploy.args(["--name", &format!("{name}-*")]);
        }
        ok(&mut deploy);
        suffix
    }
}

/// A background worker, stopped (SIGTERM) when the test ends.
pub struct Background(pub Option<std::process::Child>);

impl Background {
    pub fn start(mut command: std::process::Command) -> Background {
        Background(Some(
            command
                .stdout(Stdio::piped())
                .stderr(Stdio::piped())
                .spawn()
                .unwrap(),
        ))
    }

    /// Started with its output appended to `log` instead of a pipe: a worker that runs many
    /// runs writes more than a pipe holds, and nobody reads it while the test waits.
    pub fn start_logged(mut command: std::process::Command, log: &std::path::Path) -> Background {
        let file = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(log)
            .unwrap();
        Background(Some(
            command
                .stdout(file.try_clone().unwrap())
                .stderr(file)
                .spawn()
                .unwrap(),
        ))
    }

    pub fn stop(mut self) -> String {
        let mut child = self.0.take().unwrap();
        unsafe {
            libc::kill(child.id() as i32, libc::SIGTERM);
        }
        let started = Instant::now();
        while child.try_wait().unwrap().is_none() {
            if started.elapsed() > Duration::from_secs(30) {
                let _ = child.kill();
            }
            std::thread::sleep(Duration::from_millis(100));
        }
        let output = child.wait_with_output().unwrap();
        format!(
            "{}{}",
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr)
        )
    }
}

impl Background {
    /// SIGKILL, as a power cut or `kill -9` would: the process gets no chance to clean up.
    /// Its output is still read afterwards, as journald or a terminal goes on reading what
    /// a killed service's children write: runs that outlive the worker inherited its stdout
    /// and stderr, and a Prefect engine whose log line meets a closed pipe ends itself (rich
    /// raises SystemExit on a broken pipe).
    pub fn kill(mut self) {
        if let Some(mut child) = self.0.take() {
            let _ = child.kill();
            let _ = child.wait();
            for stream in [
                child
                    .stdout
                    .take()
                    .map(|s| Box::new(s) as Box<dyn std::io::Read + Send>),
                child
                    .stderr
                    .take()
                    .map(|s| Box::new(s) as Box<dyn std::io::Read + Send>),
            ]
            .into_iter()
            .flatten()
            {
                let mut stream = stream;
                std::thread::spawn(move || std::io::copy(&mut stream, &mut std::io::sink()));
            }
        }
    }
}

impl Drop for Background {
    fn drop(&mut self) {
        if let Some(mut child) = self.0.take() {
            let _ = child.kill();
            let _ = child.wait();
        }
    }
}
