//! `ot2ctl work-pool` and `ot2ctl work-queue` against a real server, both ways against the
//! Python `prefect` CLI.

mod support;

use serde_json::Value;
use support::{Sandbox, fails, ok, ok_json, unique};

/// The objects' fields must be the same whoever lists them (`updated` and slot counters may
/// move between two reads, so they are left out).
fn comparable(object: &Value) -> Value {
    let mut object = object.clone();
    if let Some(map) = object.as_object_mut() {
        map.remove("updated");
    }
    object
}

fn by_name<'a>(list: &'a Value, name: &str) -> &'a Value {
    list.as_array()
        .expect("a list")
        .iter()
        .find(|item| item["name"] == name)
        .unwrap_or_else(|| panic!("{name} missing from {list}"))
}

#[test]
fn a_pool_and_queue_made_by_python_read_the_same_in_ot2ctl() {
    let sandbox = Sandbox::new();
    let pool = unique("py-pool");
    ok(sandbox
        .prefect()
        .args(["work-pool", "create", &pool, "--type", "process"]));
    ok(sandbox.prefect().args([
        "work-queue",
        "create",
        "q-fast",
        "--pool",
        &pool,
        "--priority",
        "1",
        "--limit",
        "3",
    ]));

    let python_pool =
        ok_json(
            sandbox
                .prefect()
                .args(["work-pool", "inspect", &pool, "-o", "json"]),
        );
    let ours = ok_json(
        sandbox
            .ot2ctl()
            .args(["work-pool", "inspect", &pool, "-o", "json"]),
    );
    assert_eq!(comparable(&ours), comparable(&python_pool));
    let listed = ok_json(sandbox.ot2ctl().args(["work-pool", "ls", "-o", "json"]));
    assert_eq!(
        comparable(by_name(&listed, &pool)),
        comparable(&python_pool)
    );

    let python_queues =
        ok_json(
            sandbox
                .prefect()
                .args(["work-queue", "ls", "--pool", &pool, "-o", "json"]),
        );
    let our_queues =
        ok_json(
            sandbox
                .ot2ctl()
                .args(["work-queue", "ls", "--pool", &pool, "-o", "json"]),
        );
    for name in ["q-fast", "default"] {
        assert_eq!(
            comparable(by_name(&our_queues, name)),
            comparable(by_name(&python_queues, name))
        );
    }
    let inspected = ok_json(sandbox.ot2ctl().args([
        "work-queue",
        "inspect",
        "q-fast",
        "--pool",
        &pool,
        "-o",
        "json",
    ]));
    assert_eq!(inspected["priority"], 1);
    assert_eq!(inspected["concurrency_limit"], 3);

    // The human table shows status, priority and limits.
    let table = ok(sandbox.ot2ctl().args(["work-queue", "ls", "--pool", &pool]));
    let row = table.lines().find(|l| l.contains("q-fast")).expect(&table);
    let cells: Vec<&str> = row.split_whitespace().collect();
    assert_eq!(cells[..4], ["q-fast", "1", "NOT_READY", "0/3"], "{table}");
}

#[test]
fn a_pool_and_queue_made_by_ot2ctl_read_the_same_in_python() {
    let sandbox = Sandbox::new();
    let pool = unique("rs-pool");
    ok(sandbox.ot2ctl().args([
        "work-pool",
        "create",
        &pool,
        "--type",
        "process",
        "--description",
        "made by ot2ctl",
    ]));
    ok(sandbox.ot2ctl().args([
        "work-queue",
        "create",
        "mixing",
        "--pool",
        &pool,
        "--priority",
        "1",
        "--limit",
        "2",
        "--description",
        "Colour mixing",
    ]));

    let python_pool =
        ok_json(
            sandbox
                .prefect()
                .args(["work-pool", "inspect", &pool, "-o", "json"]),
        );
    let ours = ok_json(
        sandbox
            .ot2ctl()
            .args(["work-pool", "inspect", &pool, "-o", "json"]),
    );
    assert_eq!(comparable(&python_pool), comparable(&ours));
    assert_eq!(python_pool["description"], "made by ot2ctl");
    assert_eq!(python_pool["type"], "process");

    // The default job template is the one the Python CLI gives a process pool.
    let reference = unique("py-ref");
    ok(sandbox
        .prefect()
        .args(["work-pool", "create", &reference, "--type", "process"]));
    let reference_pool =
        ok_json(
            sandbox
                .prefect()
                .args(["work-pool", "inspect", &reference, "-o", "json"]),
        );
    assert_eq!(
        python_pool["base_job_template"],
        reference_pool["base_job_template"]
    );

    let python_queues =
        ok_json(
            sandbox
                .prefect()
                .args(["work-queue", "ls", "--pool", &pool, "-o", "json"]),
        );
    let mixing = by_name(&python_queues, "mixing");
    assert_eq!(mixing["priority"], 1);
    assert_eq!(mixing["concurrency_limit"], 2);
    assert_eq!(mixing["description"], "Colour mixing");
    assert_eq!(by_name(&python_queues, "default")["priority"], 2);
}

#[test]
fn pause_resume_limits_update_and_delete_change_what_python_sees() {
    let sandbox = Sandbox::new();
    let pool = unique("life");
    let py_pool = |sandbox: &Sandbox| {
        ok_json(
            sandbox
                .prefect()
                .args(["work-pool", "inspect", &pool, "-o", "json"]),
        )
    };
    ok(sandbox.ot2ctl().args(["work-pool", "create", &pool]));

    ok(sandbox.ot2ctl().args(["work-pool", "pause", &pool]));
    assert_eq!(py_pool(&sandbox)["status"], "PAUSED");
    let table = ok(sandbox.ot2ctl().args(["work-pool", "ls"]));
    assert!(
        table
            .lines()
            .any(|l| l.contains(&pool) && l.contains("PAUSED")),
        "{table}"
    );
    ok(sandbox.ot2ctl().args(["work-pool", "resume", &pool]));
    assert_eq!(py_pool(&sandbox)["status"], "NOT_READY");

    ok(sandbox
        .ot2ctl()
        .args(["work-pool", "set-concurrency-limit", &pool, "4"]));
    assert_eq!(py_pool(&sandbox)["concurrency_limit"], 4);
    ok(sandbox
        .ot2ctl()
        .args(["work-pool", "clear-concurrency-limit", &pool]));
    assert_eq!(py_pool(&sandbox)["concurrency_limit"], Value::Null);
    ok(sandbox
        .ot2ctl()
        .args(["work-pool", "update", &pool, "--description", "new words"]));
    assert_eq!(py_pool(&sandbox)["description"], "new words");

    ok(sandbox
        .ot2ctl()
        .args(["work-queue", "create", "q", "--pool", &pool]));
    let queue = |sandbox: &Sandbox| {
        let list =
            ok_json(
                sandbox
                    .prefect()
                    .args(["work-queue", "ls", "--pool", &pool, "-o", "json"]),
            );
        by_name(&list, "q").clone()
    };
    ok(sandbox
        .ot2ctl()
        .args(["work-queue", "pause", "q", "--pool", &pool]));
    assert_eq!(queue(&sandbox)["is_paused"], true);
    ok(sandbox
        .ot2ctl()
        .args(["work-queue", "resume", "q", "--pool", &pool]));
    assert_eq!(queue(&sandbox)["is_paused"], false);
    ok(sandbox.ot2ctl().args([
        "work-queue",
        "set-concurrency-limit",
        "q",
        "5",
        "--pool",
        &pool,
    ]));
    assert_eq!(queue(&sandbox)["concurrency_limit"], 5);
    ok(sandbox.ot2ctl().args([
        "work-queue",
        "clear-concurrency-limit",
        "q",
        "--pool",
        &pool,
    ]));
    assert_eq!(queue(&sandbox)["concurrency_limit"], Value::Null);
    ok(sandbox.ot2ctl().args([
        "work-queue",
        "update",
        "q",
        "--pool",
        &pool,
        "--priority",
        "1",
        "--description",
        "first",
    ]));
    assert_eq!(queue(&sandbox)["priority"], 1);
    assert_eq!(queue(&sandbox)["description"], "first");

    // The default queue cannot go; the server would answer 500.
    let failure = fails(
        sandbox
            .ot2ctl()
            .args(["work-queue", "delete", "default", "--pool", &pool, "--yes"]),
        1,
    );
    failure.mentions("default queue");
    ok(sandbox
        .ot2ctl()
        .args(["work-queue", "delete", "q", "--pool", &pool, "--yes"]));
    let failure = fails(
        sandbox
            .ot2ctl()
            .args(["work-queue", "inspect", "q", "--pool", &pool]),
        1,
    );
    failure.mentions(&format!("work queue 'q' in work pool '{pool}' not found"));

    ok(sandbox
        .ot2ctl()
        .args(["work-pool", "delete", &pool, "--yes"]));
    let python = sandbox
        .prefect()
        .args(["work-pool", "inspect", &pool])
        .output()
        .unwrap();
    assert!(
        !python.status.success(),
        "the pool is still there for Python"
    );
}

#[test]
fn create_overwrite_updates_an_existing_pool() {
    let sandbox = Sandbox::new();
    let pool = unique("ow");
    ok(sandbox.ot2ctl().args(["work-pool", "create", &pool]));
    let failure = fails(sandbox.ot2ctl().args(["work-pool", "create", &pool]), 1);
    failure.mentions(&format!(
        "work pool '{pool}' already exists; pass --overwrite"
    ));
    ok(sandbox.ot2ctl().args([
        "work-pool",
        "create",
        &pool,
        "--overwrite",
        "--description",
        "second",
        "--concurrency-limit",
        "1",
    ]));
    let seen = ok_json(
        sandbox
            .prefect()
            .args(["work-pool", "inspect", &pool, "-o", "json"]),
    );
    assert_eq!(seen["description"], "second");
    assert_eq!(seen["concurrency_limit"], 1);
}

#[test]
fn inspect_shows_queues_and_preview_lists_scheduled_runs_without_polling() {
    let sandbox = Sandbox::new();
    let pool = unique("pv");
    ok(sandbox.ot2ctl().args(["work-pool", "create", &pool]));
    let details = ok(sandbox.ot2ctl().args(["work-pool", "inspect", &pool]));
    assert!(details.contains("NOT_READY"), "{details}");
    assert!(details.contains("default"), "{details}");
    assert!(details.contains("No worker"), "{details}");

    let preview = ok(sandbox
        .ot2ctl()
        .args(["work-queue", "preview", "default", "--pool", &pool]));
    assert!(preview.contains("No runs scheduled"), "{preview}");
    let runs = ok_json(sandbox.ot2ctl().args([
        "work-queue",
        "preview",
        "default",
        "--pool",
        &pool,
        "-o",
        "json",
    ]));
    assert_eq!(runs, Value::Array(vec![]));
    // Unlike `prefect work-queue preview`, looking does not make the queue look polled.
    let queue = ok_json(sandbox.ot2ctl().args([
        "work-queue",
        "inspect",
        "default",
        "--pool",
        &pool,
        "-o",
        "json",
    ]));
    assert_eq!(queue["last_polled"], Value::Null);
}
