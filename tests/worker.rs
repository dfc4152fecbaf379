//! `ot2ctl worker start` against a real server and the real Opentrons simulator.

mod support;

use std::collections::HashMap;
use std::process::Stdio;
use std::time::{Duration, Instant};

use ot2ctl::executor::process::ProcessRef;
use serde_json::{Value, json};
use support::lab::{Background, Lab, flow_run, state_history, wait_for};
use support::{api, block_on, ok, repo_root, unique};
use uuid::Uuid;

#[test]
fn the_labs_mix_color_runs_to_completed_with_every_command_logged_and_a_result_table() {
    let lab = Lab::new(&["high-priority"]);
    let deployment = lab.protocol_deployment(
        &unique("mix"),
        "mix_color",
        "high-priority",
        json!({"R": 120, "Y": 50, "B": 80, "mix_well": "B2"}),
    );
    let id = lab.run(&deployment, &["R=100", "mix_well=C3"]);
    let stdout = lab.run_once(&[]);
    assert!(stdout.contains("COMPLETED"), "{stdout}");

    assert_eq!(
        state_history(id),
        ["SCHEDULED", "PENDING", "RUNNING", "COMPLETED"]
    );
    let run = flow_run(id);
    assert!(
        run["state"]["message"]
            .as_str()
            .unwrap()
            .contains("230 µL moved (red 100, yellow 50, blue 80 µL)"),
        "{run}"
    );
    let logs = ok(lab
        .sandbox
        .prefect()
        .args(["flow-run", "logs", &id.to_string()]));
    for expected in [
        "aspirate 100 µL at B1 of ot2ctl_6_tuberack_15ml in slot 3 with p300_single_gen2",
        "dispense 100 µL at C3 of corning_96_wellplate_360ul_flat in slot 1",
        "aspirate 50 µL at B2",
        "aspirate 80 µL at B3",
        "blowout A1 of ot2ctl_6_tuberack_15ml",
    ] {
        assert!(logs.contains(expected), "missing {expected:?} in\n{logs}");
    }
    assert_eq!(
        logs.matches("] command ").count() + logs.matches("command  ").count(),
        25,
        "{logs}"
    );
    let artifacts: Value = block_on(async {
        api()
            .post(
                "/artifacts/filter",
                &json!({"artifacts": {"flow_run_id": {"any_": [id]}, "type": {"any_": ["table"]}}}),
                &ot2ctl::api::Target::Endpoint("/artifacts/filter".into()),
            )
            .await
            .unwrap()
    });
    let table = &artifacts.as_array().unwrap()[0];
    let rows: Value = serde_json::from_str(table["data"].as_str().unwrap()).unwrap();
    assert_eq!(
        rows[0],
        json!({"colour": "red", "volume_ul": 100, "well": "C3", "status": "simulated"})
    );
    // The worker emitted the run's heartbeats, as Prefect's engine does for Python flows.
    let heartbeats = wait_until_some(Duration::from_secs(15), || {
        let found = heartbeat_events(id);
        (found > 0).then_some(found)
    });
    assert!(heartbeats >= 1);
}

/// How many `prefect.flow-run.heartbeat` events the server recorded for a run.
fn heartbeat_events(id: Uuid) -> usize {
    let page: Value = block_on(async {
        api()
            .post(
                "/events/filter",
                &json!({"filter": {
                    "event": {"name": ["prefect.flow-run.heartbeat"]},
                    "resource": {"id": [format!("prefect.flow-run.{id}")]},
                    "occurred": {"since": "2020-01-01T00:00:00Z"},
                }, "limit": 50}),
                &ot2ctl::api::Target::Endpoint("/events/filter".into()),
            )
            .await
            .unwrap()
    });
    page["events"].as_array().map_or(0, Vec::len)
}

/// Polls `probe` until it gives a value, or fails the test after `timeout`.
fn wait_until_some<T>(timeout: Duration, probe: impl Fn() -> Option<T>) -> T {
    let started = Instant::now();
    loop {
        if let Some(value) = probe() {
            return value;
        }
        assert!(started.elapsed() < timeout, "nothing within {timeout:?}");
        std::thread::sleep(Duration::from_millis(250));
    }
}

#[test]
fn python_flows_deployed_by_prefect_complete_or_fail_with_their_exception() {
    let lab = Lab::new(&[]);
    let suffix = lab.python_flows(&["hello", "boom"]);
    let hello = lab.run(&format!("hello/hello-{suffix}"), &["name=robot"]);
    let boom = lab.run(&format!("boom/boom-{suffix}"), &[]);
    lab.run_once(&["--limit", "2"]);
    let hello_run = flow_run(hello);
    support::assert_state(&hello_run, "COMPLETED");
    let logs = lab.logs(hello);
    assert!(logs.contains("hello robot"), "{logs}");
    let boom_run = flow_run(boom);
    support::assert_state(&boom_run, "FAILED");
    let message = boom_run["state"]["message"].as_str().unwrap();
    assert!(
        message.contains("ValueError: the pipette jammed"),
        "{message}"
    );
}

#[test]
fn runs_start_in_queue_priority_order() {
    let queues = ["p1", "p2", "p3", "p4", "p5"];
    let lab = Lab::new(&queues);
    let deployment = lab.protocol_deployment(&unique("back"), "move_sensor_back", "p5", json!({}));
    // Created least urgent first: only priority can put them in order.
    let mut ids = HashMap::new();
    for queue in queues.iter().rev() {
        let run: Value = block_on(async {
            let client = api();
            let (flow, name) = deployment.split_once('/').unwrap();
            let found = client.read_deployment_by_name(flow, name).await.unwrap();
            serde_json::to_value(
                client
                    .create_flow_run(&found, &json!({"work_queue_name": queue}), &deployment)
                    .await
                    .unwrap(),
            )
            .unwrap()
        });
        ids.insert(
            queue.to_string(),
            run["id"].as_str().unwrap().parse::<Uuid>().unwrap(),
        );
        std::thread::sleep(Duration::from_millis(50));
    }
    let worker = Background::start(lab.worker(&["--limit", "1"]));
    for id in ids.values() {
        wait_for(*id, "completion", Duration::from_secs(90), |r| {
            r["state_type"] == "COMPLETED"
        });
    }
    worker.stop();
    let mut started: Vec<(String, String)> = ids
        .iter()
        .map(|(queue, id)| {
            (
                flow_run(*id)["start_time"].as_str().unwrap().to_string(),
                queue.clone(),
            )
        })
        .collect();
    started.sort();
    let order: Vec<&str> = started.iter().map(|(_, q)| q.as_str()).collect();
    assert_eq!(order, queues);
}

#[test]
fn three_workers_run_sixty_runs_exactly_once() {
    let lab = Lab::new(&["mix"]);
    let deployment = lab.protocol_deployment(
        &unique("once"),
        "mix_color",
        "mix",
        json!({"Y": 0, "B": 0, "mix_well": "auto"}),
    );
    // Each run has its own red volume, which the simulator call records: the side effect.
    let ids: Vec<Uuid> = (0..60)
        .map(|r| lab.run(&deployment, &[&format!("R={r}")]))
        .collect();
    let workers: Vec<Background> = (0..3)
        .map(|n| Background::start(lab.worker(&["--limit", "2", "--name", &format!("once-{n}")])))
        .collect();
    for id in &ids {
        wait_for(*id, "completion", Duration::from_secs(300), |r| {
            r["state_type"] == "COMPLETED"
        });
    }
    for worker in workers {
        worker.stop();
    }
    let calls = lab.simulator_calls();
    let mut reds: Vec<i64> = calls
        .iter()
        .filter_map(|call| {
            let values: Value =
                serde_json::from_str(call.split(" --rtp-values ").nth(1)?.split(" /").next()?)
                    .ok()?;
            values["R"].as_i64()
        })
        .collect();
    reds.sort();
    assert_eq!(
        reds,
        (0..60).collect::<Vec<_>>(),
        "every run once: {calls:#?}"
    );
    for id in &ids {
        assert_eq!(
            state_history(*id)
                .iter()
                .filter(|s| *s == "RUNNING")
                .count(),
            1
        );
    }
}

/// Deploys the slow Python flow on the lab's pool and starts a run of it under a worker.
fn slow_run(lab: &Lab) -> (Background, Uuid, u32) {
    slow_run_with(lab, &[])
}

fn slow_run_with(lab: &Lab, worker_args: &[&str]) -> (Background, Uuid, u32) {
    let suffix = lab.python_flows(&["slow"]);
    let id = lab.run(&format!("slow/slow-{suffix}"), &[]);
    let mut command = lab.worker(&["--cancel-grace-seconds", "3"]);
    command.args(worker_args);
    let worker = Background::start(command);
    let running = wait_for(id, "RUNNING", Duration::from_secs(60), |r| {
        r["state_type"] == "RUNNING"
    });
    (worker, id, run_pid(&running))
}

/// The process a running run's `infrastructure_pid` names.
fn run_pid(run: &Value) -> u32 {
    let recorded = run["infrastructure_pid"].as_str().unwrap();
    ProcessRef::parse(recorded)
        .unwrap_or_else(|| panic!("not a process reference: {recorded}"))
        .pid
}

fn alive(pid: u32) -> bool {
    unsafe { libc::kill(pid as i32, 0) == 0 }
}

#[test]
fn a_cancelled_run_is_cancelled_within_seconds_and_its_process_is_gone() {
    let lab = Lab::new(&[]);
    let (worker, id, pid) = slow_run(&lab);
    let asked = Instant::now();
    ok(lab
        .sandbox
        .ot2ctl()
        .args(["flow-run", "cancel", &id.to_string()]));
    let cancelled = wait_for(id, "CANCELLED", Duration::from_secs(10), |r| {
        r["state_type"] == "CANCELLED"
    });
    assert!(asked.elapsed() < Duration::from_secs(10), "{cancelled}");
    std::thread::sleep(Duration::from_millis(300));
    assert!(!alive(pid), "the run's process {pid} is still there");
    // The engine was told the SIGTERM is a cancellation, so it did not report a crash first.
    let history = state_history(id);
    assert!(!history.contains(&"CRASHED".to_string()), "{history:?}");
    let logs = lab.logs(id);
    assert!(
        logs.contains("the engine acknowledged the cancellation"),
        "{logs}"
    );
    worker.stop();
}

/// `kill -9` of a worker during two runs, then a restart under the same name: the run whose
/// process went too is crashed, saying so; the one whose engine outlived the worker is
/// followed again, so that a cancellation still stops it (Cancelling → Cancelled).
///
/// The outliving run is left as a worker killed between starting its engine and recording
/// the engine's pid leaves it (under load, the engine reaches RUNNING before that record
/// lands): its `infrastructure_pid` names the dead worker. The restarted worker must find
/// the engine by the run id it was started with, not crash a live run.
#[test]
fn a_worker_killed_during_runs_takes_them_over_when_it_restarts() {
    let lab = Lab::new(&[]);
    let suffix = lab.python_flows(&["slow"]);
    let deployment = format!("slow/slow-{suffix}");
    let (gone, outlives) = (lab.run(&deployment, &[]), lab.run(&deployment, &[]));
    let name = unique("killed");
    let worker_args = ["--limit", "2", "--name", name.as_str()];
    let worker = Background::start(lab.worker(&worker_args));
    let worker_pid = worker.0.as_ref().unwrap().id();
    let pids: Vec<u32> = [gone, outlives]
        .iter()
        .map(|id| {
            // RUNNING comes from the engine itself; the engine's pid from the worker, which
            // may record it a little later.
            let running = wait_for(
                *id,
                "RUNNING with its engine's pid",
                Duration::from_secs(60),
                |r| r["state_type"] == "RUNNING" && run_pid(r) != worker_pid,
            );
            run_pid(&running)
        })
        .collect();
    worker.kill();
    let held = ProcessRef::new(worker_pid, &name).to_string();
    block_on(async {
        api()
            .update_flow_run(outlives, &json!({"infrastructure_pid": held}))
            .await
            .unwrap()
    });
    // The first run's engine goes with it, as on a power cut; the second's outlives it.
    unsafe {
        libc::kill(-(pids[0] as i32), libc::SIGKILL);
    }

    let worker = Background::start(lab.worker(&worker_args));
    // Bounded by a timeout, not timed: on a busy machine the restart itself may be slow.
    let crashed = wait_for(gone, "CRASHED", Duration::from_secs(120), |r| {
        r["state_type"] == "CRASHED"
    });
    let message = crashed["state"]["message"].as_str().unwrap();
    assert!(
        message.contains(&format!("Worker '{name}' stopped")) && message.contains("is gone"),
        "{message}"
    );
    let followed = flow_run(outlives);
    support::assert_state(&followed, "RUNNING");
    assert!(alive(pids[1]));

    ok(lab
        .sandbox
        .ot2ctl()
        .args(["flow-run", "cancel", &outlives.to_string()]));
    wait_for(outlives, "CANCELLED", Duration::from_secs(10), |r| {
        r["state_type"] == "CANCELLED"
    });
    let history = state_history(outlives);
    assert!(!history.contains(&"CRASHED".to_string()), "{history:?}");
    let output = worker.stop();
    assert!(
        output.contains(&format!(
            "reattached {}",
            flow_run(outlives)["name"].as_str().unwrap()
        )),
        "{output}"
    );
    assert!(output.contains("abandoned"), "{output}");
}

#[test]
fn a_killed_run_process_is_crashed_with_the_signal_named() {
    let lab = Lab::new(&[]);
    let (worker, id, pid) = slow_run(&lab);
    unsafe {
        libc::kill(pid as i32, libc::SIGKILL);
    }
    let crashed = wait_for(id, "CRASHED", Duration::from_secs(20), |r| {
        r["state_type"] == "CRASHED"
    });
    let message = crashed["state"]["message"].as_str().unwrap();
    assert!(message.contains("SIGKILL"), "{message}");
    worker.stop();
}

#[test]
fn unsafe_parameters_fail_with_one_line_each_and_start_no_simulator() {
    let lab = Lab::new(&["mix"]);
    let deployment = lab.protocol_deployment(
        &unique("unsafe"),
        "mix_color",
        "mix",
        json!({"R": 120, "Y": 50, "B": 80, "mix_well": "B2"}),
    );
    // The deployment's schema would stop R=400 at the server; runs can skip enforcement.
    // The three run at once, so each names its own well (a well another run holds would be
    // refused first, with the well's own line).
    let cases = [
        (
            vec!["R=400", "mix_well=C1"],
            "parameter 'R' = 400 µL is above its maximum 300 µL",
        ),
        (
            vec!["mix_well=Z9"],
            "parameter 'mix_well': 'Z9' is not a well of a 96-well plate",
        ),
        (
            vec!["R=200", "Y=100", "B=50", "mix_well=C2"],
            "the total volume R+Y+B+G = 350 µL is above the 300 µL",
        ),
    ];
    let mut ids = Vec::new();
    for (params, expected) in &cases {
        let run: Value = block_on(async {
            let client = api();
            let (flow, name) = deployment.split_once('/').unwrap();
            let found = client.read_deployment_by_name(flow, name).await.unwrap();
            let parameters: serde_json::Map<String, Value> = params
                .iter()
                .map(|p| ot2ctl::params::parse_assignment(p).unwrap())
                .collect();
            serde_json::to_value(
                client
                    .create_flow_run(
                        &found,
                        &json!({"parameters": parameters, "enforce_parameter_schema": false}),
                        &deployment,
                    )
                    .await
                    .unwrap(),
            )
            .unwrap()
        });
        ids.push((
            run["id"].as_str().unwrap().parse::<Uuid>().unwrap(),
            *expected,
        ));
    }
    lab.run_once(&["--limit", "3"]);
    for (id, expected) in ids {
        let run = flow_run(id);
        support::assert_state(&run, "FAILED");
        let message = run["state"]["message"].as_str().unwrap();
        assert!(message.starts_with(expected), "{message}");
        assert_eq!(message.lines().count(), 1, "{message}");
        let logs = lab.logs(id);
        assert_eq!(logs.matches(expected).count(), 1, "logged once:\n{logs}");
        assert_eq!(
            state_history(id),
            ["SCHEDULED", "PENDING", "FAILED"],
            "it must not have started"
        );
    }
    assert!(
        lab.simulator_calls().is_empty(),
        "a simulator started: {:?}",
        lab.simulator_calls()
    );
}

#[test]
fn protocols_outside_allowed_places_and_command_job_variables_are_refused() {
    let lab = Lab::new(&["mix"]);
    // A copy of the protocol in a directory the worker was not given.
    let elsewhere = lab.sandbox.path().join("elsewhere");
    std::fs::create_dir_all(elsewhere.join("protocols/labware")).unwrap();
    for file in [
        "protocols/mix_color.py",
        "protocols/labware/ot2ctl_6_tuberack_15ml.json",
        "protocols/labware/ot2ctl_sensor_charging_port.json",
    ] {
        std::fs::copy(repo_root().join(file), elsewhere.join(file)).unwrap();
    }
    let file = elsewhere.join("prefect.yaml");
    let outside = unique("outside");
    let command = unique("command");
    std::fs::write(
        &file,
        format!(
            "deployments:\n  - name: {outside}\n    entrypoint: ot2:protocols/mix_color.py\n    work_pool: {{name: {pool}, work_queue_name: mix}}\n  - name: {command}\n    entrypoint: ot2:protocols/mix_color.py\n    pull: [{{prefect.deployments.steps.set_working_directory: {{directory: {root}}}}}]\n    work_pool: {{name: {pool}, work_queue_name: mix, job_variables: {{command: \"rm -rf /tmp/x\"}}}}\n",
            pool = lab.pool,
            root = repo_root().display()
        ),
    )
    .unwrap();
    ok(lab
        .sandbox
        .ot2ctl()
        .current_dir(&elsewhere)
        .args(["deploy", "--all"]));
    // Two mixes at once: each takes its own well.
    let outside_run = lab.run(&format!("mix-color/{outside}"), &["mix_well=auto"]);
    let command_run = lab.run(&format!("mix-color/{command}"), &["mix_well=auto"]);
    let stdout = lab.run_once(&["--limit", "2"]);
    let refused = flow_run(outside_run);
    support::assert_state(&refused, "FAILED");
    assert!(
        refused["state"]["message"]
            .as_str()
            .unwrap()
            .contains("is outside the directories this worker may run protocols from"),
        "{refused}"
    );
    let refused = flow_run(command_run);
    support::assert_state(&refused, "FAILED");
    assert!(
        refused["state"]["message"]
            .as_str()
            .unwrap()
            .contains("set command, which cannot change an OT-2 run"),
        "{refused}"
    );
    assert!(lab.simulator_calls().is_empty());
    assert!(stdout.contains("FAILED"), "{stdout}");

    // With --no-python-flows, a Python flow is refused too.
    let suffix = lab.python_flows(&["hello"]);
    let hello = lab.run(&format!("hello/hello-{suffix}"), &[]);
    lab.run_once(&["--no-python-flows"]);
    let refused = flow_run(hello);
    assert!(
        refused["state"]["message"]
            .as_str()
            .unwrap()
            .contains("--no-python-flows"),
        "{refused}"
    );
}

#[test]
fn the_worker_shows_online_and_refuses_unknown_pools_and_queues() {
    let lab = Lab::new(&["only"]);
    lab.run_once(&[]);
    let workers = block_on(async { api().list_workers(&lab.pool).await.unwrap() });
    assert_eq!(workers[0].status.as_deref(), Some("ONLINE"));
    let details = ok(lab
        .sandbox
        .ot2ctl()
        .args(["work-pool", "inspect", &lab.pool]));
    assert!(details.contains("ONLINE"), "{details}");
    let output = lab
        .worker(&["--run-once", "--queue", "nope"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&output.stderr).contains("work queue 'nope' does not exist"));
}

#[test]
fn protocols_come_from_git_checkouts_of_allowed_repositories_only() {
    let lab = Lab::new(&["mix"]);
    let repo = protocol_repository(&lab, "");
    let name = unique("from-git");
    lab.deploy(
        "git",
        &format!(
            "deployments:\n  - name: {name}\n    entrypoint: ot2:protocols/move_sensor_back.py\n    pull:\n      - prefect.deployments.steps.git_clone:\n          repository: {repo}\n          branch: main\n    work_pool: {{name: {pool}, work_queue_name: mix}}\n",
            repo = repo.display(),
            pool = lab.pool
        ),
    );
    let deployment = format!("move-sensor-back/{name}");
    let checkouts = lab.sandbox.path().join("checkouts");

    let refused = lab.run(&deployment, &[]);
    lab.run_once(&["--checkouts-dir", checkouts.to_str().unwrap()]);
    let run = flow_run(refused);
    support::assert_state(&run, "FAILED");
    assert!(
        run["state"]["message"]
            .as_str()
            .unwrap()
            .contains("is not allowed (--allow-repo)"),
        "{run}"
    );

    let allowed = lab.run(&deployment, &[]);
    completes_from_clone(&lab, allowed, &repo, &checkouts);
}

/// Runs the worker once with `repo` allowed and asserts that the run completed from a clone
/// of it.
fn completes_from_clone(lab: &Lab, id: Uuid, repo: &std::path::Path, checkouts: &std::path::Path) {
    let repo_arg = repo.display().to_string();
    lab.run_once(&[
        "--checkouts-dir",
        checkouts.to_str().unwrap(),
        "--allow-repo",
        &repo_arg,
    ]);
    let run = flow_run(id);
    support::assert_state(&run, "COMPLETED");
    let logs = lab.logs(id);
    assert!(
        logs.contains(&format!("Code from {}@", repo.display())),
        "{logs}"
    );
}

/// A git repository on this disk standing in for the lab's protocol repository, with the
/// sensor protocol and its labware under `subdir`.
fn protocol_repository(lab: &Lab, subdir: &str) -> std::path::PathBuf {
    let repo = lab.sandbox.path().join(unique("lab-protocols"));
    let root = repo.join(subdir);
    std::fs::create_dir_all(root.join("protocols/labware")).unwrap();
    for file in [
        "protocols/move_sensor_back.py",
        "protocols/labware/ot2ctl_6_tuberack_15ml.json",
        "protocols/labware/ot2ctl_sensor_charging_port.json",
    ] {
        std::fs::copy(repo_root().join(file), root.join(file)).unwrap();
    }
    let git = |args: &[&str]| {
        let status = std::process::Command::new("git")
            .args([
                "-c",
                "user.name=t",
                "-c",
                "user.email=t@t",
                "-c",
                "init.defaultBranch=main",
            ])
            .args(args)
            .current_dir(&repo)
            .stdout(Stdio::null())
            .status()
            .unwrap();
        assert!(status.success(), "git {args:?}");
    };
    git(&["init", "-q"]);
    git(&["add", "."]);
    git(&["commit", "-q", "-m", "protocols"]);
    repo
}

/// The pattern of most public prefect.yaml files: `git_clone` with an id, then
/// `set_working_directory` into `{{ clone-step.directory }}`. Deploy stores the placeholder as
/// Prefect does; the worker resolves it from the clone, as Prefect's engine does.
#[test]
fn pull_step_outputs_are_resolved_by_the_worker_at_run_time() {
    let lab = Lab::new(&["mix"]);
    let repo = protocol_repository(&lab, "ot2");
    let name = unique("clone-step");
    lab.deploy(
        "clone-step",
        &format!(
            "pull:\n  - prefect.deployments.steps.git_clone:\n      id: clone-step\n      repository: {repo}\n      branch: main\n  - prefect.deployments.steps.set_working_directory:\n      directory: \"{{{{ clone-step.directory }}}}/ot2\"\ndeployments:\n  - name: {name}\n    entrypoint: ot2:protocols/move_sensor_back.py\n    work_pool: {{name: {pool}, work_queue_name: mix}}\n",
            repo = repo.display(),
            pool = lab.pool
        ),
    );
    let stored = block_on(async {
        api()
            .read_deployment_by_name("move-sensor-back", &name)
            .await
            .unwrap()
    });
    let stored = serde_json::to_value(stored).unwrap();
    assert_eq!(
        stored["pull_steps"][1]["prefect.deployments.steps.set_working_directory"]["directory"],
        "{{ clone-step.directory }}/ot2",
        "{stored}"
    );

    let id = lab.run(&format!("move-sensor-back/{name}"), &[]);
    let checkouts = lab.sandbox.path().join("checkouts");
    // The protocol exists only under ot2/ of the clone: completing means the placeholder led
    // there.
    completes_from_clone(&lab, id, &repo, &checkouts);
}

#[test]
fn stopping_the_worker_lets_runs_finish_then_cancels_them_and_says_so() {
    let lab = Lab::new(&[]);
    let (worker, id, pid) = slow_run_with(&lab, &["--shutdown-grace-seconds", "2"]);
    let output = worker.stop();
    assert!(output.contains("no new runs are claimed"), "{output}");
    assert!(
        output.contains("grace period over; cancelling 1 run(s)"),
        "{output}"
    );
    assert!(output.contains("1 cancelled"), "{output}");
    let run = flow_run(id);
    support::assert_state(&run, "CANCELLED");
    assert!(
        run["state"]["message"]
            .as_str()
            .unwrap()
            .contains("The worker was stopped"),
        "{run}"
    );
    assert!(!alive(pid));
}

/// A first `worker start` with nothing that runs protocols says so in one line when it starts,
/// and the OT-2 run it claims fails with the way to fix it, before any motion (issue 24).
#[test]
fn a_worker_without_a_way_to_run_protocols_says_so_at_start_and_fails_ot2_runs_before_motion() {
    let lab = Lab::new(&["high-priority"]);
    let deployment = lab.protocol_deployment(
        &unique("bare"),
        "mix_color",
        "high-priority",
        json!({"R": 120, "Y": 50, "B": 80, "mix_well": "B2"}),
    );
    let id = lab.run(&deployment, &[]);
    let output = lab
        .sandbox
        .ot2ctl_std()
        .args([
            "worker",
            "start",
            "--pool",
            &lab.pool,
            "--run-once",
            "--no-python-flows",
            "--protocols-dir",
        ])
        .arg(repo_root().join("protocols"))
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    let said: Vec<&str> = stderr
        .lines()
        .filter(|l| l.contains("no way to run OT-2 protocols"))
        .collect();
    assert_eq!(said.len(), 1, "{stderr}");
    assert!(said[0].contains("--robot, --opentrons-execute or --opentrons-python"));
    let run = wait_for(id, "FAILED", Duration::from_secs(60), |r| {
        r["state_type"] == "FAILED"
    });
    let message = run["state"]["message"].as_str().unwrap_or_default();
    assert!(message.contains("runs no OT-2 protocols"), "{run}");
    assert!(
        lab.simulator_calls().is_empty(),
        "nothing simulated or moved"
    );
}

/// Issue 25: a worker watching a paused pool sends nothing for the runs it hears of, and the
/// pool's resumption (its status event) wakes it at once. The worker talks through a
/// pass-through proxy that counts its requests, and polls only every 10 minutes, so whatever
/// it asks for in between was asked because of an event.
#[test]
fn runs_of_a_paused_pool_cost_no_requests_and_its_resumption_wakes_the_worker() {
    let lab = Lab::new(&["mix"]);
    let deployment =
        lab.protocol_deployment(&unique("paused"), "move_sensor_back", "mix", json!({}));
    ok(lab.sandbox.ot2ctl().args(["work-pool", "pause", &lab.pool]));
    let proxy = support::mock::RecordingProxy::start(&support::server().url);
    let mut command = lab.worker_polling_every("600", &[]);
    command.env("PREFECT_API_URL", &proxy.url);
    let worker = Background::start(command);
    const POLL: &str = "POST /api/work_pools/";
    let polls = || proxy.count(POLL) - proxy.count(&format!("{POLL}{}/workers/", lab.pool));
    // Started: its first poll done and its event stream open.
    wait_until_some(Duration::from_secs(60), || {
        (polls() >= 1 && proxy.count("GET /api/events/out") >= 1).then_some(())
    });
    // The stream's first (re)connection poll, if any, has happened by now.
    std::thread::sleep(Duration::from_secs(2));
    let before = (polls(), proxy.count("POST /api/flow_runs/filter"));
    let ids: Vec<Uuid> = (0..10).map(|_| lab.run(&deployment, &[])).collect();
    std::thread::sleep(Duration::from_secs(3));
    assert_eq!(
        (polls(), proxy.count("POST /api/flow_runs/filter")),
        before,
        "no poll and no look-up for runs of a paused pool"
    );
    ok(lab
        .sandbox
        .ot2ctl()
        .args(["work-pool", "resume", &lab.pool]));
    // Only the resumption's event can wake it before its next poll, 10 minutes away.
    for id in &ids {
        wait_for(*id, "completion", Duration::from_secs(120), |r| {
            r["state_type"] == "COMPLETED"
        });
    }
    worker.stop();
}
