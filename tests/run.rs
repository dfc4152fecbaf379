//! `ot2ctl run`, `--watch` and `ot2ctl flow-run` against a real server. The test plays the
//! worker's part, moving runs through their states with the API.

mod support;

use std::process::Stdio;
use std::time::{Duration, Instant};

use ot2ctl::api::states::Decision;
use serde_json::{Value, json};
use support::{Sandbox, api, block_on, copy_fixture, fails, ok, ok_json, unique};
use uuid::Uuid;

/// A deployment of the seed's mix-color flow under a name no other test uses.
struct Deployment {
    sandbox: Sandbox,
    name: String,
}

fn deployment() -> Deployment {
    let sandbox = Sandbox::new();
    let dir = sandbox.path().join("project");
    copy_fixture("seed_project", &dir);
    let pool = unique("run-pool");
    let name = unique("mix");
    ok(sandbox.ot2ctl().args(["work-pool", "create", &pool]));
    std::fs::write(
        dir.join("prefect.yaml"),
        format!(
            "deployments:\n  - name: {name}\n    entrypoint: flows.py:mix_color\n    parameters: {{R: 120, Y: 50, B: 80, mix_well: B2}}\n    work_pool: {{name: {pool}}}\n"
        ),
    )
    .unwrap();
    ok(sandbox.ot2ctl().current_dir(&dir).args(["deploy", "--all"]));
    Deployment {
        sandbox,
        name: format!("mix-color/{name}"),
    }
}

fn runs_of(deployment: &Deployment) -> Vec<Value> {
    let runs = ok_json(
        deployment
            .sandbox
            .ot2ctl()
            .args(["flow-run", "ls", "--limit", "200", "-o", "json"]),
    );
    let id = ok_json(deployment.sandbox.ot2ctl().args([
        "deployment",
        "inspect",
        &deployment.name,
        "-o",
        "json",
    ]))["id"]
        .clone();
    runs.as_array()
        .unwrap()
        .iter()
        .filter(|r| r["deployment_id"] == id)
        .cloned()
        .collect()
}

#[test]
fn run_creates_a_run_with_typed_parameters_and_bad_ones_create_nothing() {
    let deployment = deployment();
    let stdout = ok(deployment.sandbox.ot2ctl().args([
        "run",
        &deployment.name,
        "--param",
        "R=110",
        "--param",
        "mix_well=C3",
        "--tag",
        "from-test",
        "-o",
        "json",
    ]));
    let run: Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(
        run["parameters"],
        json!({"R": 110, "Y": 50, "B": 80, "mix_well": "C3"})
    );
    let python =
        ok(deployment
            .sandbox
            .prefect()
            .args(["flow-run", "inspect", run["id"].as_str().unwrap()]));
    assert!(python.contains("'R': 110"), "{python}");
    assert!(python.contains("'mix_well': 'C3'"), "{python}");

    let before = runs_of(&deployment).len();
    let failure = fails(
        deployment
            .sandbox
            .ot2ctl()
            .args(["run", &deployment.name, "--param", "R=abc"]),
        2,
    );
    failure.mentions("parameter 'R' must be an integer, not \"abc\"");
    let failure = fails(
        deployment
            .sandbox
            .ot2ctl()
            .args(["run", &deployment.name, "--param", "X=1"]),
        2,
    );
    failure.mentions("unknown parameter 'X'; the parameters are R, Y, B, G, mix_well");
    let failure = fails(deployment.sandbox.ot2ctl().args(["run", "mix-color"]), 2);
    failure.mentions("FLOW/DEPLOYMENT");
    let failure = fails(
        deployment
            .sandbox
            .ot2ctl()
            .args(["run", "mix-color/nope-not-here"]),
        1,
    );
    failure.mentions("deployment 'mix-color/nope-not-here' not found");
    assert_eq!(
        runs_of(&deployment).len(),
        before,
        "a bad --param created a run"
    );
}

/// A background ot2ctl that is killed if the test fails before it ends.
struct Background(Option<std::process::Child>);

impl Background {
    fn finish(mut self) -> std::process::Output {
        self.0.take().expect("running").wait_with_output().unwrap()
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

/// Starts `ot2ctl run --watch` in the background; returns it and the run it created.
fn watch(deployment: &Deployment, run_name: &str) -> (Background, Uuid) {
    watch_with(deployment, run_name, Stdio::piped(), Stdio::piped())
}

/// [`watch`], its output going where the caller says.
fn watch_with(
    deployment: &Deployment,
    run_name: &str,
    stdout: Stdio,
    stderr: Stdio,
) -> (Background, Uuid) {
    let child = Background(Some(
        deployment
            .sandbox
            .ot2ctl_std()
            .args([
                "run",
                &deployment.name,
                "--flow-run-name",
                run_name,
                "--watch",
                "--timeout",
                "120",
            ])
            .stdout(stdout)
            .stderr(stderr)
            .spawn()
            .unwrap(),
    ));
    let started = Instant::now();
    loop {
        let found = ok_json(
            deployment
                .sandbox
                .ot2ctl()
                .args(["flow-run", "ls", "--limit", "200", "-o", "json"]),
        );
        if let Some(run) = found
            .as_array()
            .unwrap()
            .iter()
            .find(|r| r["name"] == run_name)
        {
            return (child, run["id"].as_str().unwrap().parse().unwrap());
        }
        assert!(
            started.elapsed() < Duration::from_secs(30),
            "the run never appeared"
        );
        std::thread::sleep(Duration::from_millis(200));
    }
}

/// One log line of a run, as a worker writes it.
fn log_body(run: Uuid, message: &str) -> ot2ctl::api::flow_runs::LogCreate {
    ot2ctl::api::flow_runs::LogCreate {
        name: "ot2ctl.test".into(),
        level: 20,
        message: message.into(),
        timestamp: jiff::Timestamp::now().to_string(),
        flow_run_id: run,
        task_run_id: None,
    }
}

/// Writes one log line of a run.
fn log_line(run: Uuid, message: &str) {
    block_on(async { api().create_logs(&[log_body(run, message)]).await.unwrap() });
}

/// Moves a run through PENDING and RUNNING, logs a line, and ends it in `final_type`.
fn drive(run: Uuid, final_type: &str, log: &str) {
    block_on(async {
        let client = api();
        for (state_type, name) in [("PENDING", "Pending"), ("RUNNING", "Running")] {
            let result = client
                .set_flow_run_state(run, &json!({"type": state_type, "name": name, "state_details": {"transition_id": Uuid::new_v4()}}), false)
                .await
                .unwrap();
            assert_eq!(result.status, Decision::Accept, "{result:?}");
        }
        client.create_logs(&[log_body(run, log)]).await.unwrap();
        let name = if final_type == "COMPLETED" {
            "Completed"
        } else {
            "Failed"
        };
        let result = client
            .set_flow_run_state(
                run,
                &json!({"type": final_type, "name": name, "message": format!("{name} by the test")}),
                false,
            )
            .await
            .unwrap();
        assert_eq!(result.status, Decision::Accept, "{result:?}");
    });
}

#[test]
fn watch_prints_the_final_state_after_the_runs_last_log_lines() {
    let deployment = deployment();
    let name = unique("watched-order");
    let output = deployment.sandbox.path().join("watch-output.txt");
    let file = std::fs::File::create(&output).unwrap();
    let (child, run) = watch_with(
        &deployment,
        &name,
        Stdio::from(file.try_clone().unwrap()),
        Stdio::from(file),
    );
    drive(run, "COMPLETED", "dispensed 120 uL of red");
    // A worker may still log after the final state (the inventory settles after COMPLETED).
    log_line(run, "paint consumed after the final state");
    let status = child.finish().status;
    assert_eq!(status.code(), Some(0));
    let text = std::fs::read_to_string(&output).unwrap();
    let place = |needle: &str| {
        text.find(needle)
            .unwrap_or_else(|| panic!("missing {needle:?} in\n{text}"))
    };
    let last_log = place("paint consumed after the final state");
    let final_state = place(&format!("{name}: Completed"));
    assert!(
        place("dispensed 120 uL of red") < last_log && last_log < final_state,
        "the final state came before the run's last log lines:\n{text}"
    );
    assert!(final_state < place("completed."), "{text}");
}

#[test]
fn watch_exits_0_on_completed_and_prints_logs_and_1_on_failed() {
    let deployment = deployment();

    let name = unique("watched-ok");
    let (child, run) = watch(&deployment, &name);
    drive(run, "COMPLETED", "dispensed 120 uL of red");
    let output = child.finish();
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert_eq!(
        output.status.code(),
        Some(0),
        "{stdout}\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(
        stdout.contains("| INFO     | dispensed 120 uL of red"),
        "{stdout}"
    );
    assert!(stdout.contains("completed"), "{stdout}");

    let name = unique("watched-bad");
    let (child, run) = watch(&deployment, &name);
    drive(run, "FAILED", "the pipette jammed");
    let output = child.finish();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(1), "{stderr}");
    assert!(String::from_utf8_lossy(&output.stdout).contains("the pipette jammed"));
    assert!(
        stderr.contains("finished in state 'Failed': Failed by the test"),
        "{stderr}"
    );

    // The logs stay readable afterwards, and the runs can be inspected and deleted.
    let logs = ok(deployment
        .sandbox
        .ot2ctl()
        .args(["flow-run", "logs", &run.to_string()]));
    assert!(logs.contains("the pipette jammed"), "{logs}");
    let inspected = ok_json(deployment.sandbox.ot2ctl().args([
        "flow-run",
        "inspect",
        &run.to_string(),
        "-o",
        "json",
    ]));
    support::assert_state(&inspected, "FAILED");
    let failed = ok_json(deployment.sandbox.ot2ctl().args([
        "flow-run",
        "ls",
        "--state-type",
        "failed",
        "-o",
        "json",
    ]));
    assert!(
        failed
            .as_array()
            .unwrap()
            .iter()
            .any(|r| r["id"] == run.to_string())
    );
    ok(deployment
        .sandbox
        .ot2ctl()
        .args(["flow-run", "delete", &run.to_string(), "--yes"]));
    let failure = fails(
        deployment
            .sandbox
            .ot2ctl()
            .args(["flow-run", "inspect", &run.to_string()]),
        1,
    );
    failure.mentions("not found");
}

#[test]
fn a_scheduled_run_can_be_cancelled() {
    let deployment = deployment();
    let run: Value = serde_json::from_str(&ok(deployment.sandbox.ot2ctl().args([
        "run",
        &deployment.name,
        "--start-in",
        "1h",
        "-o",
        "json",
    ])))
    .unwrap();
    let id = run["id"].as_str().unwrap();
    ok(deployment.sandbox.ot2ctl().args(["flow-run", "cancel", id]));
    let after = ok_json(
        deployment
            .sandbox
            .ot2ctl()
            .args(["flow-run", "inspect", id, "-o", "json"]),
    );
    support::assert_state(&after, "CANCELLED");
    let failure = fails(
        deployment.sandbox.ot2ctl().args(["flow-run", "cancel", id]),
        1,
    );
    failure.mentions("could not be cancelled");
    let failure = fails(
        deployment
            .sandbox
            .ot2ctl()
            .args(["flow-run", "logs", "not-a-uuid"]),
        2,
    );
    failure.mentions("not a flow run id");
}
