//! Commands and the worker run in-process, their output captured by a Printer, against the
//! real test server: the read commands print exactly what the binary prints, and the worker's
//! event lines (human and JSON) say what it did. The binary's own subprocess tests stay where
//! the process boundary is the point (exit codes, signals, the static binary).

mod support;

use std::time::Duration;

use ot2ctl::output::{Captured, Printer};
use serde_json::{Value, json};
use support::lab::{Lab, flow_run as read_run};
use support::{api, block_on, ok, unique};

/// Runs a read command in-process (the harness's default) against the test server; returns
/// what it printed.
fn in_process(sandbox: &support::Sandbox, args: &[&str]) -> Captured {
    let output = sandbox.ot2ctl().args(args).output().unwrap();
    assert!(
        output.status.success(),
        "{args:?} failed in-process:\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    Captured::from_output(&output.stdout, &output.stderr)
}

fn json_of(text: &str) -> Value {
    serde_json::from_str(text).unwrap_or_else(|e| panic!("not JSON ({e}):\n{text}"))
}

/// A pool with two queues, a native-flow deployment and one completed run of it.
struct Scene {
    lab: Lab,
    deployment: String,
    run: uuid::Uuid,
}

fn scene() -> Scene {
    let lab = Lab::new(&["first", "second"]);
    let name = unique("status");
    lab.deploy(
        &name,
        &format!(
            "deployments:\n  - name: {name}\n    entrypoint: ot2ctl:check-inventory-status\n    work_pool: {{name: {}, work_queue_name: second}}\n",
            lab.pool
        ),
    );
    ok(lab.sandbox.ot2ctl().args(["inventory", "init", "--local"]));
    let deployment = format!("check-inventory-status/{name}");
    let run = lab.run(&deployment, &[]);
    lab.run_once(&[]);
    Scene {
        lab,
        deployment,
        run,
    }
}

#[test]
fn read_commands_in_process_print_what_the_binary_prints() {
    let scene = scene();
    let pool = scene.lab.pool.as_str();
    let run = scene.run.to_string();
    let sandbox = &scene.lab.sandbox;
    for args in [
        vec!["work-pool", "inspect", pool, "-o", "json"],
        vec!["work-queue", "ls", "--pool", pool, "-o", "json"],
        vec![
            "work-queue",
            "inspect",
            "second",
            "--pool",
            pool,
            "-o",
            "json",
        ],
        vec!["deployment", "inspect", &scene.deployment, "-o", "json"],
        vec!["deployment", "ls", "--pool", pool, "-o", "json"],
        vec!["flow-run", "inspect", &run, "-o", "json"],
        vec!["flow-run", "logs", &run, "-o", "json"],
    ] {
        let captured = in_process(sandbox, &args);
        let binary = ok(sandbox.ot2ctl_std().args(&args));
        let (mine, theirs) = (json_of(&captured.stdout()), json_of(&binary));
        // Heartbeat-driven fields may move between the two reads; the objects are the same.
        let strip = |mut value: Value| {
            for key in ["last_polled", "updated", "status", "last_heartbeat_time"] {
                if let Some(object) = value.as_object_mut() {
                    object.remove(key);
                }
                for item in value.as_array_mut().into_iter().flatten() {
                    if let Some(object) = item.as_object_mut() {
                        object.remove(key);
                    }
                }
            }
            value
        };
        assert_eq!(strip(mine), strip(theirs), "{args:?}");
        assert_eq!(captured.stderr(), "", "{args:?}");
    }

    // Tables too: the same lines (their "ago" columns aside, which tick between the two).
    let captured = in_process(sandbox, &["work-queue", "ls", "--pool", pool]);
    let binary = ok(sandbox
        .ot2ctl_std()
        .args(["work-queue", "ls", "--pool", pool]));
    let first_column = |text: &str| -> Vec<String> {
        text.lines()
            .map(|l| l.split_whitespace().next().unwrap_or("").to_string())
            .collect()
    };
    assert_eq!(first_column(&captured.stdout()), first_column(&binary));
    assert!(
        captured.stdout().starts_with("NAME"),
        "{}",
        captured.stdout()
    );

    let logs = in_process(sandbox, &["flow-run", "logs", &run]);
    assert!(
        logs.stdout().contains("All colors adequately stocked"),
        "{}",
        logs.stdout()
    );
    assert_eq!(
        logs.stdout(),
        ok(sandbox.ot2ctl_std().args(["flow-run", "logs", &run]))
    );
}

/// Runs the worker in-process with `--run-once`; returns what it printed.
fn worker_in_process(lab: &Lab, json: bool) -> Captured {
    use ot2ctl::executor::{Places, Settings};
    use ot2ctl::worker::{Executors, PythonFlows, WorkerOptions};
    let (printer, captured) = Printer::capture();
    let options = WorkerOptions {
        pool: lab.pool.clone(),
        queues: Vec::new(),
        name: unique("in-process-worker"),
        limit: 1,
        prefetch: Duration::from_secs(10),
        poll_interval: Duration::from_secs(1),
        poll_interval_with_events: Duration::from_secs(1),
        heartbeat_interval: Duration::from_secs(30),
        run_once: true,
        shutdown_grace: Duration::from_secs(5),
        json,
    };
    let home = lab.sandbox.ot2ctl_home();
    let inventory_db = home.join("inventory.sqlite3");
    block_on(async {
        let env = |name: &str| match name {
            "OT2CTL_INVENTORY_DB" => Some(inventory_db.display().to_string()),
            _ => None,
        };
        let executors = Executors::new(
            Settings {
                places: Places::default(),
                ot2ctl_home: home.clone(),
                cancel_grace: Duration::from_secs(5),
                children_to_stderr: json,
                run_heartbeat: Duration::from_secs(30),
            },
            ot2ctl::ot2::Runner::Unavailable,
            PythonFlows::Off,
            ot2ctl::store::Database::open(&env).await.unwrap(),
        );
        ot2ctl::worker::run(api(), options, executors, &printer)
            .await
            .unwrap();
    });
    captured
}

#[test]
fn the_worker_in_process_says_what_it_claimed_and_how_each_run_ended() {
    let lab = Lab::new(&["ops"]);
    let name = unique("inventory-check");
    lab.deploy(
        &name,
        &format!(
            "deployments:\n  - name: {name}\n    entrypoint: ot2ctl:check-inventory-status\n    work_pool: {{name: {}, work_queue_name: ops}}\n  - name: {name}-protocol\n    entrypoint: ot2:protocols/mix_color.py\n    work_pool: {{name: {}, work_queue_name: ops}}\n",
            lab.pool, lab.pool
        ),
    );
    ok(lab.sandbox.ot2ctl().args(["inventory", "init", "--local"]));
    let completed = lab.run(&format!("check-inventory-status/{name}"), &[]);
    let human = worker_in_process(&lab, false);
    let out = human.stdout();
    let lines: Vec<&str> = out.lines().collect();
    assert!(
        lines[0].starts_with("Worker '") && lines[0].contains(&lab.pool),
        "{out}"
    );
    assert!(
        lines
            .iter()
            .any(|l| l.starts_with("claimed   ") && l.contains(&completed.to_string())),
        "{out}"
    );
    let finished = lines
        .iter()
        .find(|l| l.starts_with("finished  "))
        .unwrap_or_else(|| panic!("{out}"));
    assert!(
        finished.contains("COMPLETED") && finished.contains("All colors adequately stocked"),
        "{out}"
    );
    assert!(
        lines
            .last()
            .unwrap()
            .contains("stopped after 1 run(s): 1 completed"),
        "{out}"
    );
    support::assert_state(&read_run(completed), "COMPLETED");

    // JSON lines: one object per event, a refused protocol run among them (no OT-2 runner).
    let refused = lab.run(&format!("mix-color/{name}-protocol"), &[]);
    let machine = worker_in_process(&lab, true);
    let events: Vec<Value> = machine.stdout().lines().map(json_of).collect();
    let kinds: Vec<&str> = events
        .iter()
        .map(|e| e["event"].as_str().unwrap())
        .collect();
    assert_eq!(
        kinds,
        ["started", "claimed", "finished", "stopped"],
        "{events:?}"
    );
    assert_eq!(events[1]["flow_run"], json!(refused));
    assert_eq!(events[2]["state"], "FAILED");
    assert_eq!(events[3]["failed"], 1);
    assert!(
        machine.stderr().contains("refused flow run"),
        "{}",
        machine.stderr()
    );
}
