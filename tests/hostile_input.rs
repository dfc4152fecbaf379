//! Input a careless or hostile user types: each case exits with its documented code and its
//! exact first line, and leaves nothing half-done (no value silently replaced, nothing stored,
//! no run created, no pool made).

mod support;

use serde_json::Value;
use support::lab::{Lab, opentrons_python};
use support::{Sandbox, fails, ok, ok_json, unique};

/// The one error line of a failure, without its `error: ` prefix.
fn first_line(stderr: &str) -> &str {
    stderr
        .lines()
        .find(|l| l.starts_with("error: "))
        .unwrap_or("")
        .trim_start_matches("error: ")
}

#[test]
fn inventory_numbers_beyond_a_tube_or_not_finite_are_refused_and_nothing_is_stored() {
    let sandbox = Sandbox::new();
    let local = |args: &[&str]| {
        let mut cmd = sandbox.bare();
        cmd.args(["inventory"]).args(args).arg("--local");
        cmd
    };
    let failure = fails(&mut local(&["init", "1e308", "1", "1"]), 2);
    assert_eq!(
        first_line(&failure.stderr),
        "RED_ML must be between 0 and 15 mL (a tube of the paint rack holds 15 mL: \
         protocols/labware/ot2ctl_6_tuberack_15ml.json), not 1e308"
    );
    let failure = fails(&mut local(&["init", "1", "16", "1"]), 2);
    assert!(
        first_line(&failure.stderr).starts_with("YELLOW_ML must be between 0 and 15 mL"),
        "{}",
        failure.stderr
    );
    let failure = fails(
        &mut local(&["init", "15", "15", "15", "--evaporation-rate", "1e9"]),
        2,
    );
    assert_eq!(
        first_line(&failure.stderr),
        "--evaporation-rate must be between 0 and 15000 µL/h (more would empty a full tube \
         within the hour), not 1e9"
    );
    let failure = fails(&mut local(&["status", "5000"]), 2);
    assert_eq!(
        first_line(&failure.stderr),
        "LOW_THRESHOLD_ML must be between 0 and 1000 mL (no reservoir of the rack holds a \
         litre), not 5000"
    );
    let failure = fails(&mut local(&["restock", "1e300", "0", "0"]), 2);
    assert!(
        first_line(&failure.stderr).starts_with("RED_ML must be between 0 and 15 mL"),
        "{}",
        failure.stderr
    );
    // Nothing was initialised by any of them.
    let log = ok_json(sandbox.bare().args(["inventory", "log", "-o", "json"]));
    assert_eq!(log, serde_json::json!([]), "{log}");
    ok(&mut local(&["init", "15", "15", "15"]));
}

#[test]
fn an_offset_beyond_what_labware_position_check_corrects_needs_an_explicit_flag() {
    let sandbox = Sandbox::new();
    let set = |extra: &[&str]| {
        let mut cmd = sandbox.bare();
        cmd.args([
            "robot",
            "offsets",
            "set",
            "opentrons/corning_96_wellplate_360ul_flat/2",
        ])
        .args(["--slot", "1", "--robot", "http://127.0.0.1:31950"])
        .args(extra);
        cmd
    };
    let failure = fails(&mut set(&["--x", "50"]), 2);
    assert_eq!(
        first_line(&failure.stderr),
        "offset x = 50 mm is more than 10 mm: Labware Position Check corrects small \
         misplacements, and this would aim at another well; pass --allow-large-offset if it is \
         really meant"
    );
    // Beyond the gantry's reach the flag would not help, so it is not offered.
    let failure = fails(&mut set(&["--x", "1e9"]), 2);
    assert_eq!(
        first_line(&failure.stderr),
        "offset x = 1000000000 mm is beyond what the OT-2 can reach (its gantry travels 418 mm \
         on x), even with --allow-large-offset"
    );
    let stored = ok_json(sandbox.bare().args([
        "robot",
        "offsets",
        "ls",
        "-o",
        "json",
        "--robot",
        "http://127.0.0.1:31950",
    ]));
    assert_eq!(stored, serde_json::json!([]));
    ok(&mut set(&["--z", "-12.5", "--allow-large-offset"]));
    let failure = fails(&mut set(&["--y", "NaN"]), 2);
    assert_eq!(
        first_line(&failure.stderr),
        "offset y must be a number of mm, not NaN"
    );
}

#[test]
fn a_worker_refuses_to_start_without_what_it_will_need() {
    let lab = Lab::new(&[]);
    let start = |extra: &[&str]| {
        let mut cmd = lab.sandbox.ot2ctl();
        cmd.args(["worker", "start", "--pool", &lab.pool, "--run-once"])
            .args(extra);
        cmd
    };
    let failure = fails(&mut start(&["--protocols-dir", "/nonexistent"]), 2);
    assert_eq!(
        first_line(&failure.stderr),
        "--protocols-dir /nonexistent: not a readable directory (No such file or directory (os \
         error 2))"
    );
    let failure = fails(
        &mut start(&["--opentrons-python", "/nonexistent/python"]),
        2,
    );
    assert_eq!(
        first_line(&failure.stderr),
        "--opentrons-python /nonexistent/python: cannot be run (No such file or directory (os \
         error 2)) (it simulates OT-2 protocols: point it at a Python with opentrons 8.2.0)"
    );
    // A Python without prefect: Python flows are off, said once, and the banner agrees.
    let no_prefect = opentrons_python();
    let output = start(&["--python", no_prefect.to_str().unwrap()])
        .output()
        .unwrap();
    assert!(output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.starts_with(&format!(
            "warning: Python flows are off: {} has no prefect",
            no_prefect.display()
        )),
        "{stderr}"
    );
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(!stdout.contains("prefect.engine"), "{stdout}");
}

#[test]
fn parameters_outside_the_schemas_bounds_are_refused_before_a_run_exists() {
    let lab = Lab::new(&["mix"]);
    let deployment = lab.protocol_deployment(
        &unique("bounded"),
        "mix_color",
        "mix",
        serde_json::json!({"R": 120, "Y": 50, "B": 80, "mix_well": "B2"}),
    );
    let runs_before = ok_json(lab.sandbox.ot2ctl().args(["flow-run", "ls", "-o", "json"]));
    let failure = fails(
        lab.sandbox
            .ot2ctl()
            .args(["run", &deployment, "--param", "R=100000"]),
        2,
    );
    assert_eq!(
        first_line(&failure.stderr),
        format!("{deployment}: parameter 'R' must be at most 300, not 100000")
    );
    let failure = fails(
        lab.sandbox
            .ot2ctl()
            .args(["run", &deployment, "--param", "mix_well=Z9"]),
        2,
    );
    let line = first_line(&failure.stderr);
    assert_eq!(
        line,
        format!(
            "{deployment}: parameter 'mix_well' must be one of \"A1\", \"A2\", \"A3\", \"A4\", \"A5\", \"A6\", … \
         \"auto\" (97 choices), not \"Z9\""
        )
    );
    let runs_after = ok_json(lab.sandbox.ot2ctl().args(["flow-run", "ls", "-o", "json"]));
    let count = |runs: &Value| {
        runs.as_array()
            .unwrap()
            .iter()
            .filter(|r| r["deployment_id"].is_string())
            .count()
    };
    assert_eq!(count(&runs_before), count(&runs_after), "a run was created");
}

#[test]
fn a_negative_number_gets_the_spelling_that_works() {
    let sandbox = Sandbox::new();
    let failure = fails(
        sandbox.ot2ctl().args([
            "work-queue",
            "create",
            "q",
            "--pool",
            "p",
            "--priority",
            "-3",
        ]),
        2,
    );
    assert_eq!(
        first_line(&failure.stderr),
        "unexpected argument '-3' found; write a negative value with '=': --priority=-3"
    );
    let failure = fails(
        sandbox
            .ot2ctl()
            .args(["work-queue", "create", "q", "--pool", "p", "--priority=-3"]),
        2,
    );
    assert!(
        first_line(&failure.stderr).starts_with("invalid value '-3' for '--priority"),
        "{}",
        failure.stderr
    );
}

#[test]
fn an_unknown_work_pool_type_is_refused_unless_forced() {
    let sandbox = Sandbox::new();
    let pool = unique("typed-pool");
    let failure = fails(
        sandbox
            .ot2ctl()
            .args(["work-pool", "create", &pool, "--type", "kubernetes-zz"]),
        2,
    );
    assert_eq!(
        first_line(&failure.stderr),
        "unknown work pool type 'kubernetes-zz'; the types are process, docker, kubernetes, \
         ecs, cloud-run, cloud-run-v2, vertex-ai, azure-container-instance (--force creates it \
         anyway)"
    );
    fails(sandbox.ot2ctl().args(["work-pool", "inspect", &pool]), 1);
    let forced = sandbox
        .ot2ctl()
        .args([
            "work-pool",
            "create",
            &pool,
            "--type",
            "kubernetes-zz",
            "--force",
        ])
        .output()
        .unwrap();
    assert!(forced.status.success());
    assert!(String::from_utf8_lossy(&forced.stderr).starts_with("warning: "));
}

#[test]
fn yaml_that_explodes_nests_too_deep_or_is_not_utf8_is_refused_with_its_position() {
    let sandbox = Sandbox::new();
    let write = |name: &str, bytes: &[u8]| {
        let path = sandbox.path().join(name);
        std::fs::write(&path, bytes).unwrap();
        path
    };
    let mut bomb = String::from("deployments: []\na: &a [x, x, x, x, x, x, x, x, x, x]\n");
    for level in 1u8..12 {
        let (previous, name) = ((b'a' + level - 1) as char, (b'a' + level) as char);
        let items = vec![format!("*{previous}"); 10].join(", ");
        bomb.push_str(&format!("{name}: &{name} [{items}]\n"));
    }
    let path = write("bomb.yaml", bomb.as_bytes());
    let failure = fails(
        sandbox
            .ot2ctl()
            .args(["deploy", "--all", "--dry-run", "--prefect-file"])
            .arg(&path),
        2,
    );
    let line = first_line(&failure.stderr);
    assert!(
        line.starts_with(&format!("{}:", path.display()))
            && line.ends_with(
                "the file expands into too many values through its anchors and aliases (more \
                 than ot2ctl reads: an alias bomb, or aliases nested far too deep); write the \
                 values out"
            ),
        "{line}"
    );

    let path = write(
        "deep.yaml",
        format!("{}{}", "[".repeat(400), "]".repeat(400)).as_bytes(),
    );
    let failure = fails(
        sandbox
            .ot2ctl()
            .args(["deploy", "--all", "--dry-run", "--prefect-file"])
            .arg(&path),
        2,
    );
    assert!(
        first_line(&failure.stderr)
            .ends_with("the file nests lists and mappings deeper than ot2ctl reads (256 levels)"),
        "{}",
        failure.stderr
    );

    let path = write("latin1.yaml", b"work_pools:\n  - name: caf\xe9\n");
    let failure = fails(
        sandbox
            .ot2ctl()
            .args(["lab", "setup", "--dry-run"])
            .arg(&path),
        2,
    );
    assert_eq!(
        first_line(&failure.stderr),
        format!(
            "{}:2:14: not UTF-8 text (byte 25); save the file as UTF-8",
            path.display()
        )
    );
}

#[test]
fn force_stop_is_refused_where_it_means_nothing() {
    let sandbox = Sandbox::new();
    for extra in [
        vec!["--opentrons-execute", "/bin/true"],
        vec!["--opentrons-python", "/usr/bin/python3"],
        vec![],
    ] {
        let mut start = sandbox.ot2ctl();
        start
            .args(["worker", "start", "--pool", "p", "--force-stop"])
            .args(&extra);
        let failure = fails(&mut start, 2);
        // clap's own `requires` says it first where it can; beside --opentrons-execute,
        // ot2ctl does.
        assert!(
            failure.stderr.contains("--robot"),
            "{extra:?}: {}",
            failure.stderr
        );
    }
}
