//! `ot2ctl lab setup` against a real server, checked with the Python `prefect` CLI.

mod support;

use serde_json::Value;
use support::{Sandbox, fails, ok, ok_json, repo_root, unique};

const LAB_POOL: &str = "ot2-device-pool";

/// Queues as `prefect work-queue ls --pool P -o json` reports them: (name, priority, description).
fn python_queues(sandbox: &Sandbox, pool: &str) -> Vec<(String, u64, String)> {
    let queues =
        ok_json(
            sandbox
                .prefect()
                .args(["work-queue", "ls", "--pool", pool, "--output", "json"]),
        );
    let mut rows: Vec<_> = queues
        .as_array()
        .expect("a list")
        .iter()
        .map(|q| {
            (
                q["name"].as_str().unwrap().to_string(),
                q["priority"].as_u64().unwrap(),
                q["description"].as_str().unwrap_or("").to_string(),
            )
        })
        .collect();
    rows.sort_by_key(|row| row.1);
    rows
}

fn expected_lab_queues() -> Vec<(String, u64, String)> {
    let spec = ot2ctl::lab::spec::load(&repo_root(), std::path::Path::new("lab.yaml")).unwrap();
    spec.pools[0]
        .queues
        .iter()
        .map(|q| {
            (
                q.name.clone(),
                u64::from(q.priority.unwrap()),
                q.description.clone().unwrap(),
            )
        })
        .collect()
}

/// The report lines for queues, "pool/queue" → verdict.
fn verdicts(stdout: &str) -> Vec<(String, String)> {
    stdout
        .lines()
        .filter_map(|line| {
            let rest = line.strip_prefix("work queue ")?;
            let (name, verdict) = rest.split_once(char::is_whitespace)?;
            Some((name.to_string(), verdict.trim().to_string()))
        })
        .collect()
}

#[test]
fn shipped_lab_file_sets_up_the_lab_idempotently() {
    let sandbox = Sandbox::new();
    // Start from a server without the lab's pool (the harness's server is fresh, but a
    // developer may rerun against the same one).
    let _ = sandbox
        .ot2ctl()
        .args(["work-pool", "delete", LAB_POOL, "--yes"])
        .output();

    let first = ok(sandbox
        .ot2ctl()
        .current_dir(repo_root())
        .args(["lab", "setup", "lab.yaml"]));
    assert!(first.contains(&format!("work pool  {LAB_POOL}")), "{first}");
    assert_eq!(verdicts(&first).len(), 5, "{first}");
    assert!(
        verdicts(&first).iter().all(|(_, v)| v == "created"),
        "{first}"
    );

    // What the Python CLI sees is exactly what lab.yaml and lab-scripts.md say.
    let pool =
        ok_json(
            sandbox
                .prefect()
                .args(["work-pool", "inspect", LAB_POOL, "--output", "json"]),
        );
    assert_eq!(pool["type"], "process");
    assert_eq!(pool["description"], "Work pool for OT-2 laboratory devices");
    let queues = python_queues(&sandbox, LAB_POOL);
    let expected = expected_lab_queues();
    assert_eq!(
        expected
            .iter()
            .map(|q| (q.0.as_str(), q.1))
            .collect::<Vec<_>>(),
        vec![
            ("high-priority", 1),
            ("standard", 2),
            ("low-priority", 3),
            ("maintenance", 4),
            ("monitoring", 5)
        ]
    );
    assert_eq!(&queues[..5], &expected[..], "{queues:?}");
    assert_eq!(queues[5].0, "default");

    // Prefect's zombie-run automation, as the file asks (a fresh server has none; a rerun
    // against the same server finds it unchanged).
    assert!(
        first.contains("automation ot2ctl: crash zombie flow runs"),
        "{first}"
    );
    let automation = support::block_on(async {
        support::api()
            .find_automation("ot2ctl: crash zombie flow runs")
            .await
            .unwrap()
            .expect("the automation exists")
    });
    let ot2ctl::api::automations::Trigger::Event(trigger) = &automation.trigger else {
        panic!("not an event trigger: {automation:?}")
    };
    assert_eq!(trigger.within, 600.0);
    assert_eq!(
        trigger.posture,
        ot2ctl::api::automations::Posture::Proactive
    );
    assert_eq!(
        trigger.after,
        ["prefect.flow-run.heartbeat".to_string()].into()
    );
    assert!(
        matches!(
            automation.actions[0],
            ot2ctl::api::automations::Action::ChangeFlowRunState {
                state: ot2ctl::api::states::StateType::Crashed,
                ..
            }
        ),
        "{automation:?}"
    );

    // A second run has nothing to do.
    let second = ok(sandbox
        .ot2ctl()
        .current_dir(repo_root())
        .args(["lab", "setup", "lab.yaml"]));
    assert!(
        second
            .lines()
            .all(|l| l.contains("unchanged") || l.starts_with("0 created, 0 updated")),
        "{second}"
    );
}

fn write_lab(dir: &std::path::Path, pool: &str, priorities: &[(&str, u32)]) -> std::path::PathBuf {
    let mut text =
        format!("work_pools:\n  - name: {pool}\n    description: test pool\n    queues:\n");
    for (name, priority) in priorities {
        text.push_str(&format!(
            "      - name: {name}\n        priority: {priority}\n        description: {name} queue\n"
        ));
    }
    let path = dir.join(format!("{pool}.yaml"));
    std::fs::write(&path, text).unwrap();
    path
}

#[test]
fn changing_one_priority_updates_only_that_queue_and_dry_run_predicts_it() {
    let sandbox = Sandbox::new();
    let pool = unique("lab");
    let queues = [("a", 1), ("b", 2), ("c", 3), ("d", 4)];
    let file = write_lab(sandbox.path(), &pool, &queues);
    ok(sandbox.ot2ctl().args(["lab", "setup"]).arg(&file));

    // b takes the default queue's place (5): the server pushes default to 6.
    let changed = write_lab(
        sandbox.path(),
        &pool,
        &[("a", 1), ("b", 5), ("c", 3), ("d", 4)],
    );
    let plan = ok(sandbox
        .ot2ctl()
        .args(["lab", "setup", "--dry-run"])
        .arg(&changed));
    let applied = ok(sandbox.ot2ctl().args(["lab", "setup"]).arg(&changed));
    let expected = vec![
        (format!("{pool}/a"), "unchanged".to_string()),
        (format!("{pool}/c"), "unchanged".to_string()),
        (format!("{pool}/d"), "unchanged".to_string()),
        (format!("{pool}/b"), "updated: priority 2 -> 5".to_string()),
    ];
    assert_eq!(verdicts(&applied), expected, "{applied}");
    let predicted: Vec<_> = verdicts(&plan)
        .into_iter()
        .map(|(name, verdict)| (name, verdict.replace("would be updated", "updated")))
        .collect();
    assert_eq!(predicted, expected, "{plan}");

    let seen = python_queues(&sandbox, &pool);
    let priorities: Vec<_> = seen.iter().map(|q| (q.0.as_str(), q.1)).collect();
    assert_eq!(
        priorities,
        vec![("a", 1), ("c", 3), ("d", 4), ("b", 5), ("default", 6)]
    );
}

#[test]
fn priorities_taken_by_other_queues_still_end_as_the_file_says() {
    let sandbox = Sandbox::new();
    let pool = unique("lab");
    // Queues made by hand in an order that collides with the file at every step.
    ok(sandbox.ot2ctl().args(["work-pool", "create", &pool]));
    for (name, priority) in [("z", "1"), ("y", "2"), ("x", "3")] {
        ok(sandbox.ot2ctl().args([
            "work-queue",
            "create",
            name,
            "--pool",
            &pool,
            "--priority",
            priority,
        ]));
    }
    let file = write_lab(sandbox.path(), &pool, &[("x", 1), ("y", 2), ("z", 3)]);
    let report = ok(sandbox.ot2ctl().args(["lab", "setup"]).arg(&file));
    let seen = python_queues(&sandbox, &pool);
    let priorities: Vec<_> = seen.iter().take(3).map(|q| (q.0.as_str(), q.1)).collect();
    assert_eq!(priorities, vec![("x", 1), ("y", 2), ("z", 3)], "{report}");
    let again = ok(sandbox.ot2ctl().args(["lab", "setup"]).arg(&file));
    assert!(
        verdicts(&again).iter().all(|(_, v)| v == "unchanged"),
        "{again}"
    );
}

#[test]
fn dry_run_writes_nothing_and_json_lists_the_plan() {
    let sandbox = Sandbox::new();
    let pool = unique("lab");
    let file = write_lab(sandbox.path(), &pool, &[("a", 1)]);
    let plan = ok_json(
        sandbox
            .ot2ctl()
            .args(["lab", "setup", "--dry-run", "-o", "json"])
            .arg(&file),
    );
    assert_eq!(plan["dry_run"], true);
    let actions: Vec<&str> = plan["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|item| item["action"].as_str().unwrap())
        .collect();
    assert_eq!(actions, vec!["create", "create"]);
    let failure = fails(sandbox.ot2ctl().args(["work-pool", "inspect", &pool]), 1);
    failure.mentions(&format!("work pool '{pool}' not found"));
}

#[test]
fn a_bad_lab_file_is_reported_with_its_position_and_writes_nothing() {
    let sandbox = Sandbox::new();
    let pool = unique("lab");
    let path = sandbox.path().join("bad.yaml");
    std::fs::write(
        &path,
        format!(
            "work_pools:\n  - name: {pool}\n    queues:\n      - {{name: a, priority: 1}}\n      - {{name: b, priority: 1}}\n"
        ),
    )
    .unwrap();
    let failure = fails(sandbox.ot2ctl().args(["lab", "setup"]).arg(&path), 2);
    failure.mentions(&format!("{}:5:", path.display()));
    failure.mentions("priority 1");
    let pools: Value = ok_json(sandbox.ot2ctl().args(["work-pool", "ls", "-o", "json"]));
    assert!(
        pools
            .as_array()
            .unwrap()
            .iter()
            .all(|p| p["name"] != pool.as_str()),
        "the pool must not have been created"
    );
}

#[test]
fn a_pool_of_another_type_is_refused_before_any_write() {
    let sandbox = Sandbox::new();
    let pool = unique("lab");
    ok(sandbox
        .prefect()
        .args(["work-pool", "create", &pool, "--type", "docker"]));
    let file = write_lab(sandbox.path(), &pool, &[("a", 1)]);
    let failure = fails(sandbox.ot2ctl().args(["lab", "setup"]).arg(&file), 1);
    failure.mentions("type 'docker'");
    let queues = python_queues(&sandbox, &pool);
    assert!(queues.iter().all(|q| q.0 != "a"), "{queues:?}");
}
