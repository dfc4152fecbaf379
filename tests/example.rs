//! prefect.yaml.example, the lab's seven deployments, deploys as it is shipped.

mod support;

use support::{Sandbox, ok, repo_root};

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
        second.contains("0 created, 0 updated, 7 unchanged"),
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
