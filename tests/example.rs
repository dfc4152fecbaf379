//! prefect.yaml.example, the lab's deployments (its seven, the mix into the next free well, the
//! measurement and the plate's four), deploys as it is shipped.

mod support;

use support::{Sandbox, ok, ok_json, repo_root};

#[test]
fn the_example_project_deploys_as_is_and_again_changes_nothing() {
    let sandbox = Sandbox::new();
    // The pool may exist already (the lab set-up test makes it); its queues are created on demand.
    let _ = sandbox
        .ot2ctl()
        .args(["work-pool", "create", "ot2-device-pool"])
        .output();
    let deploy = |extra: &[&str]| {
        ok(sandbox
            .ot2ctl()
            .current_dir(repo_root())
            .args(["deploy", "--prefect-file", "prefect.yaml.example", "--all"])
            .args(extra))
    };
    let first = deploy(&[]);
    assert!(first.contains("0 failed"), "{first}");
    let second = deploy(&[]);
    assert!(
        second.contains("0 created, 0 updated, 13 unchanged"),
        "{second}"
    );

    let listed = ok(sandbox
        .ot2ctl()
        .args(["deployment", "ls", "--pool", "ot2-device-pool"]));
    let check = listed
        .lines()
        .find(|l| l.starts_with("check-inventory-status/"))
        .expect(&listed);
    assert!(
        check.contains("monitoring") && check.contains("cron 0 8 * * * (Europe/Berlin)"),
        "{check}"
    );
}

#[test]
fn the_examples_mix_color_runs_under_the_worker_with_logs_in_the_python_cli() {
    let sandbox = Sandbox::new();
    let _ = sandbox
        .ot2ctl()
        .args(["work-pool", "create", "ot2-device-pool"])
        .output();
    ok(sandbox.ot2ctl().current_dir(repo_root()).args([
        "deploy",
        "--prefect-file",
        "prefect.yaml.example",
        "--name",
        "mix-color",
    ]));
    // Runs left scheduled on the queue by an earlier run of this test would be claimed first.
    let scheduled = ok_json(sandbox.ot2ctl().args([
        "flow-run",
        "ls",
        "--flow-name",
        "mix-color",
        "--state-type",
        "SCHEDULED",
        "--limit",
        "200",
        "-o",
        "json",
    ]));
    for run in scheduled.as_array().unwrap() {
        ok(sandbox
            .ot2ctl()
            .args(["flow-run", "delete", run["id"].as_str().unwrap(), "--yes"]));
    }
    let run = ok_json(sandbox.ot2ctl().args([
        "run",
        "mix-color/mix-color",
        "--param",
        "R=120",
        "--param",
        "mix_well=B2",
        "-o",
        "json",
    ]));
    let id = run["id"].as_str().unwrap();
    let python = std::env::var("OT2CTL_TEST_OPENTRONS_PYTHON").expect("run with scripts/test.sh");
    let worker = ok(sandbox
        .ot2ctl()
        .current_dir(repo_root())
        .args([
            "worker",
            "start",
            "--pool",
            "ot2-device-pool",
            "--queue",
            "high-priority",
            "--run-once",
        ])
        .args([
            "--protocols-dir",
            "protocols",
            "--opentrons-python",
            &python,
        ]));
    assert!(worker.contains("COMPLETED"), "{worker}");

    let inspected = ok_json(
        sandbox
            .ot2ctl()
            .args(["flow-run", "inspect", id, "-o", "json"]),
    );
    support::assert_state(&inspected, "COMPLETED");
    let logs = ok(sandbox.prefect().args(["flow-run", "logs", id]));
    for command in [
        "home",
        "loadPipette",
        "pickUpTip",
        "aspirate",
        "dispense",
        "blowout",
        "dropTip",
    ] {
        assert!(
            logs.contains(&format!(" {command} ")),
            "no {command} in\n{logs}"
        );
    }
}
