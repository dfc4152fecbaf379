//! The plate (issue 21) against the real Prefect server, Opentrons' analyzer and robot-server,
//! and the SQLite store: mixes take distinct wells however many workers claim them at once, a
//! used well is refused before anything moves, a cancelled mix gives its well back only if no
//! paint reached it, and the plate is drawn in the terminal and published to the UI.

mod support;

use std::collections::BTreeSet;
use std::sync::Arc;
use std::time::Duration;

use serde_json::{Value, json};
use support::lab::{Background, Lab, flow_run, wait_for};
use support::robot_lab::{RobotLab, ended};
use support::robot_server::RobotServer;
use support::{Sandbox, block_on, fails, ok, ok_json, server, unique};
use uuid::Uuid;

/// The plate in use, as `ot2ctl plate status --local -o json` reads it.
fn plate(sandbox: &Sandbox) -> Value {
    ok_json(
        sandbox
            .ot2ctl()
            .args(["plate", "status", "--local", "-o", "json"]),
    )
}

/// The wells of a plate in a state (`empty`, `reserved`, `used`).
fn wells(status: &Value, state: &str) -> BTreeSet<String> {
    status["plate"]["wells"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|w| w["state"] == state)
        .map(|w| w["well"].as_str().unwrap().to_string())
        .collect()
}

/// The first `n` wells of the lab's plate, in its order (rows B–H, columns 1–12).
fn first_wells(n: usize) -> BTreeSet<String> {
    ('B'..='H')
        .flat_map(|row| (1..=12).map(move |column| format!("{row}{column}")))
        .take(n)
        .collect()
}

/// A fresh plate of a project of the test's own (so its artifact key is the test's own).
fn new_plate(sandbox: &Sandbox) -> String {
    let project = unique("plate-test");
    ok(sandbox
        .ot2ctl()
        .args(["plate", "new", "--project", &project, "--local", "--yes"]));
    project
}

/// The well a completed mix ran with: its result's `mix_well`.
fn chosen_well(id: Uuid) -> String {
    let run = flow_run(id);
    run["state"]["data"]["parameters"]["mix_well"]
        .as_str()
        .unwrap_or_else(|| panic!("run {id} has no mix_well in its result: {run}"))
        .to_string()
}

fn completed(id: Uuid, timeout: Duration) {
    let run = wait_for(id, "the end of the mix", timeout, |run| {
        matches!(
            run["state_type"].as_str(),
            Some("COMPLETED" | "FAILED" | "CANCELLED" | "CRASHED")
        )
    });
    support::assert_state(&run, "COMPLETED");
}

/// Every version of the artifact with this key, newest first, through `POST
/// /api/artifacts/filter` as the UI reads them.
fn artifacts(key: &str) -> Vec<Value> {
    let server = server();
    let auth = base64_basic(&server.auth);
    let (status, body) = support::http::request(
        "POST",
        &format!("{}/artifacts/filter", server.url),
        &[("authorization", &auth)],
        Some((
            "application/json",
            json!({"artifacts": {"key": {"any_": [key]}}, "sort": "CREATED_DESC"})
                .to_string()
                .as_bytes(),
        )),
    );
    assert_eq!(status, 200, "{body}");
    body.as_array().cloned().unwrap_or_default()
}

fn base64_basic(user_and_password: &str) -> String {
    use base64::Engine;
    format!(
        "Basic {}",
        base64::engine::general_purpose::STANDARD.encode(user_and_password)
    )
}

/// Thirty `mix_well=auto` mixes claimed by three workers at once take thirty distinct wells:
/// the first thirty of the plate in the lab's order, exactly those the plate shows as used.
fn thirty_auto_mixes(
    sandbox: &Sandbox,
    project: &str,
    runs: &[Uuid],
    workers: Vec<Background>,
    timeout: Duration,
) {
    for id in runs {
        completed(*id, timeout);
    }
    for worker in workers {
        worker.stop();
    }
    let chosen: Vec<String> = runs.iter().map(|id| chosen_well(*id)).collect();
    let distinct: BTreeSet<String> = chosen.iter().cloned().collect();
    assert_eq!(distinct.len(), 30, "two mixes shared a well: {chosen:?}");
    assert_eq!(distinct, first_wells(30), "not the lab's order: {chosen:?}");
    let status = plate(sandbox);
    assert_eq!(wells(&status, "used"), distinct);
    assert_eq!(wells(&status, "reserved"), BTreeSet::new());
    assert_eq!(status["free"], 54);
    assert_eq!(status["next"], "D7");

    // The plate's picture in the UI: one version per mix under the plate's key, the newest
    // after the last mix.
    let key = format!("plate-{project}");
    let versions = artifacts(&key);
    assert_eq!(versions.len(), 30, "{versions:#?}");
    let latest = versions[0]["data"].as_str().unwrap();
    assert!(
        latest.contains("84 wells: 54 free, 0 reserved, 30 used"),
        "{latest}"
    );
}

#[test]
fn three_simulating_workers_give_thirty_auto_mixes_thirty_distinct_wells_in_the_labs_order() {
    let lab = Lab::new(&["mix"]);
    let project = new_plate(&lab.sandbox);
    let deployment = lab.protocol_deployment(
        &unique("auto"),
        "mix_color",
        "mix",
        json!({"R": 20, "Y": 10, "B": 0, "mix_well": "auto"}),
    );
    let runs: Vec<Uuid> = (0..30).map(|_| lab.run(&deployment, &[])).collect();
    let workers: Vec<Background> = (0..3)
        .map(|i| {
            let name = format!("{}-{i}", unique("plate-worker"));
            let log = lab.sandbox.path().join(format!("worker-{i}.log"));
            Background::start_logged(lab.worker(&["--name", &name, "--limit", "4"]), &log)
        })
        .collect();
    thirty_auto_mixes(
        &lab.sandbox,
        &project,
        &runs,
        workers,
        Duration::from_secs(600),
    );
    let logs = lab.logs(runs[0]);
    assert!(
        logs.contains("reserved for this mix (mix_well=auto: the next free well)"),
        "{logs}"
    );
}

#[test]
fn three_workers_on_the_robot_give_thirty_auto_mixes_thirty_distinct_wells() {
    let (robot, _turn) = RobotServer::take();
    let lab = RobotLab::new(
        &robot.url,
        "mix_color",
        json!({"R": 20, "Y": 0, "B": 0, "mix_well": "auto"}),
    );
    let project = new_plate(&lab.lab.sandbox);
    let runs: Vec<Uuid> = (0..30).map(|_| lab.run(&[])).collect();
    let workers: Vec<Background> = (0..3)
        .map(|i| {
            let name = format!("{}-{i}", unique("robot-worker"));
            let log = lab.lab.sandbox.path().join(format!("worker-{i}.log"));
            let mut command = lab.lab.worker(&lab.worker_args(&["--name", &name]));
            command.arg("--limit").arg("2");
            Background::start_logged(command, &log)
        })
        .collect();
    thirty_auto_mixes(
        &lab.lab.sandbox,
        &project,
        &runs,
        workers,
        Duration::from_secs(1200),
    );
    // What the robot did says which well got paint: each robot run dispensed into its own.
    let status = plate(&lab.lab.sandbox);
    let used = status["plate"]["wells"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|w| w["state"] == "used")
        .all(|w| w["recipe"] == json!({"R": 20.0, "Y": 0.0, "B": 0.0}));
    assert!(used, "{status}");
}

#[test]
fn a_mix_into_a_used_well_is_refused_before_any_motion_and_takes_no_paint() {
    let (robot, _turn) = RobotServer::take();
    let lab = RobotLab::new(
        &robot.url,
        "mix_color",
        json!({"R": 20, "Y": 0, "B": 0, "mix_well": "B3"}),
    );
    let sandbox = &lab.lab.sandbox;
    let deployment = lab.deploy_as(
        &unique("with-paint"),
        "ot2+inventory",
        "mix_color",
        json!({"R": 20, "Y": 0, "B": 0, "mix_well": "B3"}),
    );
    new_plate(sandbox);
    ok(sandbox
        .ot2ctl()
        .args(["inventory", "init", "15", "15", "15", "--local"]));
    ok(sandbox.ot2ctl().args([
        "plate", "mark", "B3", "--used", "--reason", "spilled", "--local",
    ]));
    let plate_before = plate(sandbox);
    let paint = || {
        let status =
            ok_json(
                sandbox
                    .ot2ctl()
                    .args(["inventory", "status", "--local", "-o", "json"]),
            );
        (status["inventory"].clone(), status["reserved_ul"].clone())
    };
    let paint_before = paint();
    let robot_runs = robot.run_ids();

    let id = lab.lab.run(&deployment, &[]);
    lab.run_once(&[]);
    let run = ended(id);
    support::assert_state(&run, "FAILED");
    let message = run["state"]["message"].as_str().unwrap();
    assert!(
        message.contains(
            "well B3 is already used; choose a free well (`ot2ctl plate next`) or mix_well=auto"
        ),
        "{message}"
    );
    assert_eq!(robot.run_ids(), robot_runs, "a robot run was created");
    let paint_after = paint();
    assert_eq!(paint_after.1, paint_before.1, "paint stayed reserved");
    for colour in ["R", "Y", "B"] {
        let volume = |status: &(Value, Value)| status.0[colour]["volume_ul"].as_f64().unwrap();
        // Evaporation alone changes the stock between the two reads.
        assert!(
            (volume(&paint_before) - volume(&paint_after)).abs() < 1.0,
            "{colour}: {paint_before:?} → {paint_after:?}"
        );
    }
    assert_eq!(plate(sandbox)["plate"], plate_before["plate"]);

    // The same well named again after `plate next` is free: `mix_well=auto` takes B1.
    let next = ok(sandbox.ot2ctl().args(["plate", "next", "--local"]));
    assert_eq!(next.trim(), "B1");
}

/// The robot's command of this type in the flow run's robot run, once it has that status.
fn robot_command_reached(robot: &RobotServer, before: &[String], kind: &str, status: &str) -> bool {
    robot.runs_since(before).iter().any(|run| {
        let id = run["id"].as_str().unwrap_or_default();
        robot
            .commands(id)
            .iter()
            .any(|c| c["commandType"] == kind && c["status"] == status)
    })
}

fn wait_until(what: &str, done: impl Fn() -> bool) {
    let started = std::time::Instant::now();
    while !done() {
        assert!(
            started.elapsed() < Duration::from_secs(120),
            "{what} did not happen within 120 s"
        );
        std::thread::sleep(Duration::from_millis(200));
    }
}

#[test]
fn a_mix_cancelled_before_its_dispense_gives_its_well_back_and_after_it_keeps_it_used() {
    let (robot, _turn) = RobotServer::take();
    let lab = RobotLab::new(
        &robot.url,
        "mix_slowly",
        json!({"R": 30, "mix_well": "auto"}),
    );
    let sandbox = &lab.lab.sandbox;
    new_plate(sandbox);
    let worker = lab.background_worker(&[]);

    // Cancelled while it waits with paint in the tip, before the dispense.
    let before = robot.run_ids();
    let first = lab.run(&["wait_before=120"]);
    wait_until("the wait before the dispense", || {
        robot_command_reached(robot, &before, "waitForDuration", "running")
    });
    assert_eq!(wells(&plate(sandbox), "reserved"), first_wells(1));
    lab.cancel(first);
    support::assert_state(&ended(first), "CANCELLED");
    let status = plate(sandbox);
    assert_eq!(wells(&status, "used"), BTreeSet::new(), "{status}");
    assert_eq!(wells(&status, "reserved"), BTreeSet::new(), "{status}");
    let logs = lab.lab.logs(first);
    assert!(
        logs.contains("No paint went into well B1: its reservation is given back"),
        "{logs}"
    );

    // Cancelled after the dispense: the well got paint, and stays used.
    let before = robot.run_ids();
    let second = lab.run(&["wait_after=120"]);
    wait_until("the dispense", || {
        robot_command_reached(robot, &before, "dispense", "succeeded")
    });
    lab.cancel(second);
    support::assert_state(&ended(second), "CANCELLED");
    let status = plate(sandbox);
    assert_eq!(wells(&status, "used"), first_wells(1), "{status}");
    let b1 = &status["plate"]["wells"][0];
    assert_eq!(b1["recipe"], json!({"R": 30.0, "Y": 0.0, "B": 0.0}), "{b1}");
    assert_eq!(b1["flow_run_id"], second.to_string());
    worker.stop();
}

/// A plate with one mixed well (its paint as a run put it there), one reserved and one marked
/// used by hand, in a store of its own.
fn drawn_plate() -> Sandbox {
    use ot2ctl::plate::model::{Choice, PlateSpec, Recipe, RunEnding, Well};
    let sandbox = Sandbox::new();
    let database = ot2ctl::store::Database::sqlite(sandbox.ot2ctl_home().join("inventory.sqlite3"));
    let plates = ot2ctl::plate::Plates::on(&database);
    block_on(async {
        let spec = PlateSpec {
            project: "drawn".into(),
            ..PlateSpec::default()
        };
        plates
            .create(&spec, "test", jiff::Timestamp::now())
            .await
            .unwrap();
        let now = jiff::Timestamp::now();
        plates.reserve("run-1", Choice::Next, now).await.unwrap();
        let ending = RunEnding {
            dispensed: vec![(
                Well::parse("B1").unwrap(),
                Recipe {
                    red: 0.0,
                    yellow: 100.0,
                    blue: 100.0,
                },
            )],
            certain: true,
        };
        plates.settle("run-1", &ending, now).await.unwrap();
        plates.reserve("run-2", Choice::Next, now).await.unwrap();
    });
    ok(sandbox.ot2ctl().args([
        "plate", "mark", "C12", "--used", "--reason", "spilled", "--local",
    ]));
    sandbox
}

#[test]
fn plate_status_draws_the_plate_with_a_legend_or_in_colour() {
    let sandbox = drawn_plate();
    let plain = ok(sandbox
        .ot2ctl()
        .args(["plate", "status", "--local", "--color", "never"]));
    let id = plate(&sandbox)["plate"]["id"].as_str().unwrap().to_string();
    let expected = format!(
        "     1  2  3  4  5  6  7  8  9 10 11 12
 A
 B   G  *  .  .  .  .  .  .  .  .  .  .
 C   .  .  .  .  .  .  .  .  .  .  .  #
 D   .  .  .  .  .  .  .  .  .  .  .  .
 E   .  .  .  .  .  .  .  .  .  .  .  .
 F   .  .  .  .  .  .  .  .  .  .  .  .
 G   .  .  .  .  .  .  .  .  .  .  .  .
 H   .  .  .  .  .  .  .  .  .  .  .  .
legend: . free  * reserved  R red  Y yellow  B blue  O orange (R+Y)  G green (Y+B)  P purple (R+B)  N all three  # used (contents unknown)
84 wells: 81 free, 1 reserved, 2 used; next free well B3 (plate {id}, drawn)
"
    );
    assert_eq!(plain, expected);

    // In colour: the mixed well in the green its yellow and blue make, no legend.
    let coloured = ok(sandbox
        .ot2ctl()
        .args(["plate", "status", "--local", "--color", "always"]));
    let green = ot2ctl::plate::colour::mixed(&ot2ctl::plate::model::Recipe {
        red: 0.0,
        yellow: 100.0,
        blue: 100.0,
    })
    .unwrap();
    assert!(
        coloured.contains(&format!(
            "\u{1b}[38;2;{};{};{}m██\u{1b}[0m",
            green.0, green.1, green.2
        )),
        "{coloured}"
    );
    assert!(!coloured.contains("legend:"));
    assert!(coloured.ends_with(&format!(
        "84 wells: 81 free, 1 reserved, 2 used; next free well B3 (plate {id}, drawn)\n"
    )));

    // `auto` colours a terminal (`script` gives the process one), unless NO_COLOR is set;
    // a pipe gets the legend.
    let piped = ok(sandbox.ot2ctl().args(["plate", "status", "--local"]));
    assert_eq!(piped, expected);
    let on_a_terminal = |no_color: Option<&str>| {
        let command = sandbox.ot2ctl_std();
        let line = format!(
            "{} plate status --local",
            command.get_program().to_str().unwrap()
        );
        let mut script = std::process::Command::new("script");
        script.args(["-qec", &line, "/dev/null"]).env_clear();
        script.env("PATH", std::env::var("PATH").unwrap_or_default());
        for (name, value) in command.get_envs() {
            match value {
                Some(value) => script.env(name, value),
                None => script.env_remove(name),
            };
        }
        script.env("TERM", "xterm-256color");
        match no_color {
            Some(value) => script.env("NO_COLOR", value),
            None => script.env_remove("NO_COLOR"),
        };
        let output = script.output().unwrap();
        assert!(output.status.success(), "{output:?}");
        String::from_utf8_lossy(&output.stdout).to_string()
    };
    assert!(
        on_a_terminal(None).contains("\u{1b}[38;2;"),
        "no colour on a terminal"
    );
    let plain = on_a_terminal(Some("1"));
    assert!(!plain.contains("\u{1b}[38;2;"), "{plain}");
    assert!(plain.contains("legend:"), "{plain}");
}

#[test]
fn the_store_reserves_atomically_where_a_read_then_write_gives_one_well_twice() {
    use ot2ctl::plate::model::Mark;
    use ot2ctl::plate::model::{Choice, PlateSpec};
    let sandbox = Sandbox::new();
    let path = sandbox.ot2ctl_home().join("inventory.sqlite3");
    let database = ot2ctl::store::Database::sqlite(path);
    let plates = Arc::new(ot2ctl::plate::Plates::on(&database));
    block_on(plates.create(&PlateSpec::default(), "test", jiff::Timestamp::now())).unwrap();

    // Eight threads take five wells each at once.
    let race = |take: Arc<dyn Fn(String) -> String + Send + Sync>| -> Vec<String> {
        let threads: Vec<_> = (0..8)
            .map(|t| {
                let take = Arc::clone(&take);
                std::thread::spawn(move || {
                    (0..5)
                        .map(|i| take(format!("run-{t}-{i}")))
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        threads
            .into_iter()
            .flat_map(|t| t.join().unwrap())
            .collect()
    };
    let atomic = {
        let plates = Arc::clone(&plates);
        race(Arc::new(move |run| {
            block_on(plates.reserve(&run, Choice::Next, jiff::Timestamp::now()))
                .unwrap()
                .well
                .to_string()
        }))
    };
    let distinct: BTreeSet<&String> = atomic.iter().collect();
    assert_eq!(distinct.len(), 40, "{atomic:?}");

    // The race is real: the same load on a reservation that reads the next free well, then
    // writes it in a second transaction, hands out a well twice.
    let fresh = Sandbox::new();
    let database = ot2ctl::store::Database::sqlite(fresh.ot2ctl_home().join("inventory.sqlite3"));
    let plates = Arc::new(ot2ctl::plate::Plates::on(&database));
    block_on(plates.create(&PlateSpec::default(), "test", jiff::Timestamp::now())).unwrap();
    let naive = {
        let plates = Arc::clone(&plates);
        race(Arc::new(move |run| {
            block_on(async {
                let plate = plates.current().await.unwrap().unwrap();
                let well = plate.next_free().unwrap();
                std::thread::sleep(Duration::from_millis(2));
                let mark = Mark {
                    well,
                    used: true,
                    reason: run,
                    operator: "naive".into(),
                };
                let _ = plates.mark(&mark, jiff::Timestamp::now()).await;
                well.to_string()
            })
        }))
    };
    let distinct: BTreeSet<&String> = naive.iter().collect();
    assert!(
        distinct.len() < 40,
        "the naive reservation never collided, so this test would not see a lost guard: {naive:?}"
    );
}

#[test]
fn plate_commands_refuse_bad_input_with_one_line_and_change_nothing() {
    let sandbox = Sandbox::new();
    new_plate(&sandbox);
    let before = plate(&sandbox);
    for (args, says) in [
        (
            vec!["plate", "mark", "Z9", "--used", "--reason", "x", "--local"],
            "'Z9' is not a well of a 96-well plate",
        ),
        (
            vec![
                "plate", "mark", "B13", "--empty", "--reason", "x", "--local",
            ],
            "'B13' is not a well of a 96-well plate",
        ),
        (
            vec!["plate", "mark", "B3", "--used", "--reason", " ", "--local"],
            "--reason must say why",
        ),
        (
            vec!["plate", "mark", "B3", "--reason", "x", "--local"],
            "--used",
        ),
        (
            vec!["plate", "new", "--rows", "B-Z", "--local", "--yes"],
            "--rows: plate rows 'B-Z' cannot be read",
        ),
        (
            vec!["plate", "new", "--columns", "0-12", "--local", "--yes"],
            "--columns: plate columns '0-12' cannot be read",
        ),
        (
            vec!["plate", "new", "--project", "", "--local", "--yes"],
            "--project: the project must not be empty",
        ),
    ] {
        fails(sandbox.ot2ctl().args(&args), 2).mentions(says);
    }
    // A well outside the plate's layout is an operation that cannot be done (exit 1).
    fails(
        sandbox
            .ot2ctl()
            .args(["plate", "mark", "A1", "--used", "--reason", "x", "--local"]),
        1,
    )
    .mentions("well A1 is not on the plate (rows B-H, columns 1-12)");
    assert_eq!(plate(&sandbox)["plate"], before["plate"]);

    // lab.yaml's plate section: a bad value is named by file, line and column.
    std::fs::write(
        sandbox.path().join("lab.yaml"),
        "work_pools:\n  - name: p\nplate:\n  project: OT2\n  rows: B-J\n",
    )
    .unwrap();
    fails(
        sandbox
            .ot2ctl()
            .current_dir(sandbox.path())
            .args(["plate", "new", "--local", "--yes"]),
        2,
    )
    .mentions("lab.yaml:5:9: plate.rows: plate rows 'B-J' cannot be read");
    assert_eq!(plate(&sandbox)["plate"], before["plate"]);

    // A good section is what the new plate is made of; a flag given wins over it.
    std::fs::write(
        sandbox.path().join("lab.yaml"),
        "work_pools:\n  - name: p\nplate:\n  project: OT2\n  rows: B-D\n  columns: 1-6\n  missing_well: auto\n",
    )
    .unwrap();
    ok(sandbox.ot2ctl().current_dir(sandbox.path()).args([
        "plate",
        "new",
        "--columns",
        "1-4",
        "--local",
        "--yes",
    ]));
    let status = plate(&sandbox);
    assert_eq!(status["plate"]["rows"], "B-D");
    assert_eq!(status["plate"]["columns"], "1-4");
    assert_eq!(status["plate"]["missing_well"], "auto");
    assert_eq!(status["free"], 12);
    let history = ok_json(sandbox.ot2ctl().args(["plate", "history", "-o", "json"]));
    assert_eq!(history.as_array().unwrap().len(), 2, "{history}");
}
