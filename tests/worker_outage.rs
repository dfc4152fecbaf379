//! The server goes away for 20 s while the worker runs a protocol: the run goes on, and its
//! logs and final state reach the server once it is back, each exactly once. This test stops
//! and restarts a Prefect server of its own, so it cannot share the harness's.

mod support;

use std::os::unix::process::CommandExt;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::Value;
use support::{Sandbox, ok, ok_json, repo_root, unique};

/// A Prefect server this test owns, on a fixed port and PREFECT_HOME so that it can restart.
struct OwnServer {
    child: Option<Child>,
    port: u16,
}

impl OwnServer {
    fn start(port: u16, home: &Path) -> OwnServer {
        let prefect = support::server().prefect;
        let child = Command::new(prefect)
            .args([
                "server",
                "start",
                "--host",
                "127.0.0.1",
                "--port",
                &port.to_string(),
            ])
            .env("PREFECT_HOME", home)
            .env("PREFECT_SERVER_UI_ENABLED", "false")
            .env("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
            .env_remove("PREFECT_API_URL")
            .env_remove("PREFECT_SERVER_API_AUTH_STRING")
            .process_group(0)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let server = OwnServer {
            child: Some(child),
            port,
        };
        server.wait_healthy();
        server
    }

    fn url(&self) -> String {
        format!("http://127.0.0.1:{}/api", self.port)
    }

    fn wait_healthy(&self) {
        let started = Instant::now();
        while std::net::TcpStream::connect(("127.0.0.1", self.port)).is_err()
            || !Command::new("curl")
                .args(["-sf", "--noproxy", "*", &format!("{}/health", self.url())])
                .stdout(Stdio::null())
                .status()
                .unwrap()
                .success()
        {
            assert!(
                started.elapsed() < Duration::from_secs(120),
                "the server did not start"
            );
            std::thread::sleep(Duration::from_millis(300));
        }
    }

    fn stop(&mut self) {
        if let Some(mut child) = self.child.take() {
            unsafe {
                libc::kill(-(child.id() as i32), libc::SIGTERM);
            }
            let started = Instant::now();
            while child.try_wait().unwrap().is_none() {
                if started.elapsed() > Duration::from_secs(20) {
                    unsafe {
                        libc::kill(-(child.id() as i32), libc::SIGKILL);
                    }
                }
                std::thread::sleep(Duration::from_millis(100));
            }
        }
    }
}

impl Drop for OwnServer {
    fn drop(&mut self) {
        self.stop();
    }
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

#[test]
fn logs_and_the_final_state_survive_the_server_going_away_for_20_seconds() {
    let sandbox = Sandbox::new();
    let home = sandbox.path().join("prefect-home");
    std::fs::create_dir_all(&home).unwrap();
    let port = free_port();
    let mut server = OwnServer::start(port, &home);
    let cli = |args: &[&str]| {
        let mut cmd = sandbox.bare();
        cmd.env("PREFECT_API_URL", server.url()).args(args);
        cmd
    };
    let pool = unique("outage");
    ok(&mut cli(&["work-pool", "create", &pool]));
    let name = unique("mix");
    let file = sandbox.path().join("prefect.yaml");
    std::fs::write(
        &file,
        format!("deployments:\n  - name: {name}\n    entrypoint: ot2:protocols/mix_color.py\n    work_pool: {{name: {pool}}}\n"),
    )
    .unwrap();
    ok(cli(&["deploy", "--prefect-file", file.to_str().unwrap()]).current_dir(repo_root()));
    let run = ok_json(&mut cli(&[
        "run",
        &format!("mix-color/{name}"),
        "-o",
        "json",
    ]));
    let id = run["id"].as_str().unwrap().to_string();

    // The simulator call takes 8 s longer, so the server is gone while the run executes.
    let mut worker = sandbox.ot2ctl_std();
    worker
        .env("PREFECT_API_URL", server.url())
        .env_remove("PREFECT_API_AUTH_STRING")
        .args([
            "worker",
            "start",
            "--pool",
            &pool,
            "--poll-seconds",
            "1",
            "--heartbeat-seconds",
            "2",
        ])
        .arg("--opentrons-python")
        .arg(repo_root().join("tests/fixtures/recording-python.sh"))
        .arg("--protocols-dir")
        .arg(repo_root().join("protocols"))
        .env("OT2CTL_SHIM_LOG", sandbox.path().join("calls.log"))
        .env("OT2CTL_SHIM_DELAY", "8")
        .env(
            "OT2CTL_TEST_OPENTRONS_PYTHON",
            std::env::var("OT2CTL_TEST_OPENTRONS_PYTHON").expect("run with scripts/test.sh"),
        )
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let mut worker = worker.spawn().unwrap();

    let state = |sandbox_url: &str| -> Option<Value> {
        let output = sandbox
            .bare()
            .env("PREFECT_API_URL", sandbox_url)
            .env("PREFECT_CLIENT_MAX_RETRIES", "0")
            .args(["flow-run", "inspect", &id, "-o", "json"])
            .output()
            .ok()?;
        serde_json::from_slice(&output.stdout).ok()
    };
    let started = Instant::now();
    while state(&server.url()).is_none_or(|r| r["state_type"] != "RUNNING") {
        assert!(
            started.elapsed() < Duration::from_secs(60),
            "the run never started"
        );
        std::thread::sleep(Duration::from_millis(100));
    }
    server.stop();
    std::thread::sleep(Duration::from_secs(20));
    let server = OwnServer::start(port, &home);

    let started = Instant::now();
    let finished = loop {
        if let Some(run) = state(&server.url()).filter(|r| r["state_type"] == "COMPLETED") {
            break run;
        }
        assert!(
            started.elapsed() < Duration::from_secs(120),
            "the run never completed"
        );
        std::thread::sleep(Duration::from_millis(500));
    };
    assert_eq!(finished["run_count"], 1);
    std::thread::sleep(Duration::from_secs(2));
    let logs = String::from_utf8(
        sandbox
            .bare()
            .env("PREFECT_API_URL", server.url())
            .args(["flow-run", "logs", &id])
            .output()
            .unwrap()
            .stdout,
    )
    .unwrap();
    for number in 1..=25 {
        let line = format!("command {number:>3} ");
        assert_eq!(
            logs.matches(&line).count(),
            1,
            "command {number} not exactly once in\n{logs}"
        );
    }
    assert_eq!(logs.matches("Simulating ").count(), 1, "{logs}");
    let states = String::from_utf8(
        Command::new("curl")
            .args([
                "-sf",
                "--noproxy",
                "*",
                &format!("{}/flow_run_states/?flow_run_id={id}", server.url()),
            ])
            .output()
            .unwrap()
            .stdout,
    )
    .unwrap();
    let states: Value = serde_json::from_str(&states).unwrap();
    let types: Vec<&str> = states
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["type"].as_str().unwrap())
        .collect();
    assert_eq!(types, ["SCHEDULED", "PENDING", "RUNNING", "COMPLETED"]);

    unsafe {
        libc::kill(worker.id() as i32, libc::SIGTERM);
    }
    let output = worker.wait().unwrap();
    assert!(output.success());
    drop(server);
}

/// The server stores a batch of logs but the answer is lost: the worker sends again only what
/// the server does not have (Prefect's logs carry no id to deduplicate them by), neither the
/// client's own retries nor a second flush running meanwhile send the batch twice.
#[test]
fn a_log_batch_whose_answer_was_lost_is_stored_once() {
    use std::sync::Arc;

    use ot2ctl::api::flow_runs::LogOrder;
    use ot2ctl::api::{Client, ClientOptions, Credential, Target};
    use ot2ctl::executor::Level;
    use ot2ctl::worker::report::Reporter;
    use serde_json::json;
    use support::mock::LossyProxy;

    let server = support::server();
    let proxy = LossyProxy::start(&server.url, "POST /api/logs/ ");
    support::block_on(async {
        let api = support::api();
        let target = Target::Endpoint("test set-up".into());
        let flow: Value = api
            .post("/flows/", &json!({"name": unique("lossy")}), &target)
            .await
            .unwrap();
        let run: Value = api
            .post(
                "/flow_runs/",
                &json!({"flow_id": flow["id"], "name": unique("lossy-run")}),
                &target,
            )
            .await
            .unwrap();
        let run_id = run["id"].as_str().unwrap().parse().unwrap();

        let through_proxy = Client::new(ClientOptions {
            api_url: proxy.url.clone(),
            credential: Credential::AuthString {
                secret: ot2ctl::api::Secret::new(server.auth.clone()),
                origin: "the test harness".into(),
            },
            timeout: Duration::from_secs(10),
            max_retries: 3,
        })
        .unwrap();
        let reporter = Reporter::new(Arc::new(through_proxy), "lossy".into(), Arc::new(drop));
        reporter.log(run_id, Level::Info, "first line");
        reporter.log(run_id, Level::Info, "second line");
        // The worker's periodic flush and a run's final flush can overlap.
        tokio::join!(reporter.flush(), reporter.flush());

        let logs = api
            .read_logs(run_id, 0, 200, LogOrder::OldestFirst)
            .await
            .unwrap();
        let messages: Vec<&str> = logs.iter().map(|l| l.message.as_str()).collect();
        assert_eq!(messages, ["first line", "second line"]);
    });
}
