//! `ot2ctl worker start --robot URL` against Opentrons' own robot-server 8.1.0 (in
//! simulation, started by tests/support/robot_server.rs) and a real Prefect server.
//!
//! Every test runs on the real robot-server. Two faults it cannot be made to produce go
//! through a proxy in front of it (tests/support/robot_faults.rs), each named where it is used.

mod support;

use std::time::{Duration, Instant};

use serde_json::{Value, json};
use support::http;
use support::lab::{flow_run, state_history};
use support::robot_faults::{Faults, FaultyRobot};
use support::robot_lab::{RobotLab, ended, fixtures};
use support::robot_server::RobotServer;
use support::{fails, ok, ok_json, repo_root, unique};
use uuid::Uuid;

fn message(id: Uuid) -> String {
    flow_run(id)["state"]["message"]
        .as_str()
        .unwrap_or_default()
        .to_string()
}

fn wait_until(what: &str, done: impl Fn() -> bool) {
    let started = Instant::now();
    while !done() {
        assert!(
            started.elapsed() < Duration::from_secs(90),
            "{what} did not happen within 90 s"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}

/// The one robot run created since `before` (the robot's run ids at the test's start).
fn new_run(robot: &RobotServer, before: &[String]) -> Value {
    let runs = robot.runs_since(before);
    assert_eq!(runs.len(), 1, "expected one new robot run: {runs:#?}");
    runs[0].clone()
}

/// A robot run's value of a runtime parameter.
fn robot_value(run: &Value, name: &str) -> Value {
    run["runTimeParameters"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["variableName"] == name)
        .map(|p| p["value"].clone())
        .unwrap_or(Value::Null)
}

/// The index of the first command of `commands` that matches, after `from`.
fn position(commands: &[Value], from: usize, matches: impl Fn(&Value) -> bool) -> Option<usize> {
    commands
        .iter()
        .enumerate()
        .skip(from)
        .find(|(_, c)| matches(c))
        .map(|(i, _)| i)
}

/// The labware id the robot gave a load name in one run.
fn labware_id(run: &Value, load_name: &str) -> String {
    run["labware"]
        .as_array()
        .unwrap()
        .iter()
        .find(|l| l["loadName"] == load_name)
        .and_then(|l| l["id"].as_str())
        .unwrap_or_else(|| panic!("no {load_name} in {run}"))
        .to_string()
}

/// Starts a run of `protocol` with `values` on the robot by hand, as the Opentrons App would.
fn start_by_hand(robot: &RobotServer, protocol: &str, values: Value) -> String {
    let mut files = vec![(
        format!("{protocol}.py"),
        std::fs::read(fixtures().join(format!("{protocol}.py"))).unwrap(),
    )];
    for labware in ["ot2ctl_6_tuberack_15ml", "ot2ctl_sensor_charging_port"] {
        let name = format!("{labware}.json");
        files.push((
            name.clone(),
            std::fs::read(repo_root().join("protocols/labware").join(name)).unwrap(),
        ));
    }
    let (status, uploaded) = http::post_multipart(&format!("{}/protocols", robot.url), &[], &files);
    assert!(status < 300, "{status} {uploaded}");
    let protocol_id = uploaded["data"]["id"].as_str().unwrap().to_string();
    let (status, run) = http::post_json(
        &format!("{}/runs", robot.url),
        &json!({"data": {"protocolId": protocol_id, "runTimeParameterValues": values}}),
    );
    assert_eq!(status, 201, "{run}");
    let run_id = run["data"]["id"].as_str().unwrap().to_string();
    let (status, answer) = http::post_json(
        &format!("{}/runs/{run_id}/actions", robot.url),
        &json!({"data": {"actionType": "play"}}),
    );
    assert_eq!(status, 201, "{answer}");
    run_id
}

#[test]
fn a_mix_on_the_real_robot_logs_labware_and_wells_and_its_result_has_the_ul_per_colour() {
    let (robot, _turn) = RobotServer::take();
    let robot_lab = RobotLab::mix(&robot.url);
    let sandbox = &robot_lab.lab.sandbox;

    // Offsets exported from the Opentrons App round-trip into the store; one of them is for a
    // slot the mix leaves empty, which is said when it is imported and when the run starts.
    let export = sandbox.path().join("lpc-export.json");
    let offsets = json!([
        {"id": "a1", "createdAt": "2026-11-20T10:00:00Z",
         "definitionUri": "opentrons/corning_96_wellplate_360ul_flat/2",
         "location": {"slotName": "1"}, "vector": {"x": 0.1, "y": -0.2, "z": 0.3}},
        {"id": "a2", "createdAt": "2026-11-20T10:00:00Z",
         "definitionUri": "ot2ctl/ot2ctl_6_tuberack_15ml/1",
         "location": {"slotName": "3"}, "vector": {"x": 0.0, "y": 0.5, "z": -1.25}},
        {"id": "a3", "createdAt": "2026-11-20T10:00:00Z",
         "definitionUri": "opentrons/corning_96_wellplate_360ul_flat/2",
         "location": {"slotName": "2"}, "vector": {"x": 0.0, "y": 0.0, "z": 0.5}}
    ]);
    std::fs::write(&export, json!({"data": offsets}).to_string()).unwrap();
    let imported = sandbox
        .ot2ctl()
        .args(["robot", "offsets", "import", "--robot", &robot.url])
        .arg(&export)
        .arg("--protocols-dir")
        .arg(robot_lab.project.join("protocols"))
        .output()
        .unwrap();
    assert!(imported.status.success());
    let warnings = String::from_utf8_lossy(&imported.stderr);
    assert_eq!(warnings.lines().count(), 1, "{warnings}");
    assert!(
        warnings.contains("load 'corning_96_wellplate_360ul_flat' in slot 1, not slot 2"),
        "{warnings}"
    );
    let stored = ok_json(
        sandbox
            .ot2ctl()
            .args(["robot", "offsets", "ls", "-o", "json"])
            .env("OT2CTL_ROBOT", &robot.url),
    );
    let expected: Vec<Value> = offsets
        .as_array()
        .unwrap()
        .iter()
        .map(|o| {
            json!({"definitionUri": o["definitionUri"], "location": o["location"],
                   "vector": o["vector"]})
        })
        .collect();
    assert_eq!(stored, json!(expected));

    let before = robot.run_ids();
    let id = robot_lab.run(&["R=100", "mix_well=C3"]);
    let output = robot_lab.run_once(&[]);
    assert!(output.contains("COMPLETED"), "{output}");
    assert_eq!(
        state_history(id),
        ["SCHEDULED", "PENDING", "RUNNING", "COMPLETED"]
    );
    assert!(
        message(id).contains("230 µL moved (red 100, yellow 50, blue 80 µL)"),
        "{}",
        message(id)
    );
    let result = &flow_run(id)["state"]["data"];
    assert_eq!(
        result["volumes_ul"],
        json!({"red": 100, "yellow": 50, "blue": 80}),
        "{result}"
    );
    assert_eq!(result["parameters"]["R"], json!(100), "{result}");

    // What the robot itself holds: one run with this flow run's values and every offset,
    // closed after it succeeded.
    let run = new_run(robot, &before);
    let run = robot.get(&format!("/runs/{}", run["id"].as_str().unwrap()))["data"].clone();
    assert_eq!(run["status"], "succeeded");
    assert_eq!(run["current"], false, "the run was not closed");
    assert_eq!(robot_value(&run, "R"), json!(100.0));
    assert_eq!(robot_value(&run, "mix_well"), "C3");
    let sent: Vec<Value> = run["labwareOffsets"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| json!({"definitionUri": o["definitionUri"], "location": o["location"], "vector": o["vector"]}))
        .collect();
    assert_eq!(sent, expected);

    // Every robot command is a log line naming its labware, slot, well and pipette.
    let logs = robot_lab.lab.logs(id);
    let commands = robot.commands(run["id"].as_str().unwrap());
    assert_eq!(
        logs.matches("| command ").count(),
        commands.len(),
        "one line per robot command\n{logs}"
    );
    for expected in [
        "pickUpTip B1 of opentrons_96_tiprack_300ul in slot 9 with p300_single_gen2 [succeeded]",
        "aspirate 100 µL at B1 of ot2ctl_6_tuberack_15ml in slot 3 with p300_single_gen2 [succeeded]",
        "dispense 100 µL at C3 of corning_96_wellplate_360ul_flat in slot 1 with p300_single_gen2 [succeeded]",
        "aspirate 80 µL at B3 of ot2ctl_6_tuberack_15ml in slot 3",
        "blowout A1 of ot2ctl_6_tuberack_15ml in slot 3",
        "Sending 3 labware offset(s)",
        "Uploaded and analysed on the robot in",
        "The labware offset for opentrons/corning_96_wellplate_360ul_flat/2 in slot 2 matches no \
         labware of this protocol",
    ] {
        assert!(logs.contains(expected), "missing {expected:?} in\n{logs}");
    }
    assert!(!logs.contains("unknown labware"), "{logs}");
    assert!(!logs.contains(" ? "), "{logs}");
}

#[test]
fn runs_of_one_protocol_file_each_run_with_their_own_values_although_the_robot_dedups_uploads() {
    let (robot, _turn) = RobotServer::take();
    let robot_lab = RobotLab::mix(&robot.url);
    // A second deployment of the same file, with other defaults.
    let other = robot_lab.deploy(
        &unique("robot-other"),
        "mix_color",
        json!({"R": 10, "Y": 20, "B": 30, "mix_well": "H12"}),
    );
    let before = robot.run_ids();
    let protocols_before = robot.get("/protocols")["data"].as_array().unwrap().len();
    let first = robot_lab.run(&["R=150", "mix_well=B1"]);
    let second = robot_lab.run(&["R=60", "mix_well=B2"]);
    let third = robot_lab.lab.run(&other, &[]);
    let worker = robot_lab.background_worker(&[]);
    for id in [first, second, third] {
        support::assert_state(&ended(id), "COMPLETED");
    }
    worker.stop();

    let protocols_after = robot.get("/protocols")["data"].as_array().unwrap().len();
    assert!(
        protocols_after <= protocols_before + 1,
        "one file is one protocol on the robot ({protocols_before} before, {protocols_after} after)"
    );
    let runs = robot.runs_since(&before);
    assert_eq!(runs.len(), 3, "{runs:#?}");
    let mut robot_values: Vec<(Value, Value)> = runs
        .iter()
        .map(|r| (robot_value(r, "R"), robot_value(r, "mix_well")))
        .collect();
    robot_values.sort_by_key(|(_, well)| well.to_string());
    assert_eq!(
        robot_values,
        [
            (json!(150.0), json!("B1")),
            (json!(60.0), json!("B2")),
            (json!(10.0), json!("H12"))
        ]
    );
    for (id, red) in [(first, 150), (second, 60), (third, 10)] {
        assert_eq!(
            flow_run(id)["state"]["data"]["volumes_ul"]["red"],
            json!(red),
            "{}",
            message(id)
        );
    }
}

#[test]
fn a_failure_on_the_robot_fails_the_flow_run_with_the_robots_error() {
    let (robot, _turn) = RobotServer::take();
    let robot_lab = RobotLab::new(&robot.url, "fails_on_the_robot", json!({}));
    let before = robot.run_ids();
    let id = robot_lab.run(&[]);
    robot_lab.run_once(&[]);
    let run = ended(id);
    support::assert_state(&run, "FAILED");
    assert!(
        message(id).contains("the pipette hit the deck (a fault the test injects on the robot)"),
        "{}",
        message(id)
    );
    let robot_run = new_run(robot, &before);
    assert_eq!(robot_run["status"], "failed");
    assert_eq!(robot_run["current"], false, "the failed run was not closed");
    let logs = robot_lab.lab.logs(id);
    assert!(
        logs.contains("returnTip") || logs.contains("dropTip"),
        "{logs}"
    );
}

#[test]
fn a_run_started_by_hand_keeps_the_flow_run_waiting_with_one_line_and_the_wait_is_not_run_time() {
    let (robot, _turn) = RobotServer::take();
    let robot_lab = RobotLab::mix(&robot.url);
    let by_hand = start_by_hand(robot, "wait", json!({"seconds": 12}));
    let id = robot_lab.run(&[]);
    robot_lab.run_once(&[]);
    support::assert_state(&ended(id), "COMPLETED");
    let logs = robot_lab.lab.logs(id);
    assert_eq!(
        logs.matches("The robot is busy with another run").count(),
        1,
        "{logs}"
    );
    assert!(logs.contains("RunAlreadyActive"), "{logs}");
    assert!(logs.contains("s for the robot to be free"), "{logs}");
    let hand_run = robot.get(&format!("/runs/{by_hand}"))["data"].clone();
    assert_eq!(
        hand_run["status"], "succeeded",
        "the run by hand was left alone"
    );
    // The run time is the robot's own, without the wait.
    let seconds = flow_run(id)["state"]["data"]["duration_s"]
        .as_f64()
        .unwrap();
    assert!(
        seconds < 5.0,
        "the busy wait counted as run time: {seconds} s"
    );
}

#[test]
fn a_500_after_someone_elses_bad_value_is_retried_and_five_in_a_row_end_the_run() {
    let (robot, _turn) = RobotServer::take();
    let robot_lab = RobotLab::mix(&robot.url);
    // Another client sends a value out of range: robot-server answers 500, and the next
    // POST /runs (the worker's) gets a 500 RunNotFoundError too.
    let protocol = robot.get("/protocols")["data"]
        .as_array()
        .unwrap()
        .iter()
        .rev()
        .find(|p| p["files"][0]["name"] == "mix_color.py")
        .map(|p| p["id"].as_str().unwrap().to_string());
    let protocol = protocol.unwrap_or_else(|| {
        let id = robot_lab.run(&[]);
        robot_lab.run_once(&[]);
        support::assert_state(&ended(id), "COMPLETED");
        robot.get("/protocols")["data"]
            .as_array()
            .unwrap()
            .iter()
            .rev()
            .find(|p| p["files"][0]["name"] == "mix_color.py")
            .map(|p| p["id"].as_str().unwrap().to_string())
            .unwrap()
    });
    let (status, answer) = http::post_json(
        &format!("{}/runs", robot.url),
        &json!({"data": {"protocolId": protocol, "runTimeParameterValues": {"R": 400}}}),
    );
    assert_eq!(status, 500, "{answer}");
    let id = robot_lab.run(&[]);
    robot_lab.run_once(&[]);
    support::assert_state(&ended(id), "COMPLETED");
    assert!(
        robot_lab
            .lab
            .logs(id)
            .contains("The robot answered 500 to creating the run; trying again")
    );

    // Fault: five 500s in a row for good values; the real server answers one after a bad
    // value, and a few in a row only while other clients create runs at the same moment.
    let faulty = FaultyRobot::start(
        &robot.url,
        Faults {
            run_creation_500s: 5,
            ..Faults::default()
        },
    );
    let twice = RobotLab::mix(&faulty.url);
    let id = twice.run(&[]);
    twice.run_once(&[]);
    let run = ended(id);
    support::assert_state(&run, "CRASHED");
    assert!(message(id).contains("RunNotFoundError") || message(id).contains("not found"));
    assert_eq!(faulty.count("POST /runs"), 5, "{:?}", faulty.seen());
    assert_eq!(faulty.count("POST /runs/"), 0, "nothing was played");
}

#[test]
fn a_value_outside_the_robots_analysis_limits_never_reaches_post_runs() {
    let (robot, _turn) = RobotServer::take();
    // Fault: a robot whose analysis is stricter than the protocol ot2ctl read; the real
    // server analyses the very file ot2ctl reads, so its limits always agree.
    let faulty = FaultyRobot::start(
        &robot.url,
        Faults {
            stricter_max: vec![("R".into(), 100.0)],
            ..Faults::default()
        },
    );
    let robot_lab = RobotLab::mix(&faulty.url);
    let id = robot_lab.run(&["R=150"]);
    robot_lab.run_once(&[]);
    let run = ended(id);
    support::assert_state(&run, "FAILED");
    assert!(
        message(id).contains("parameter 'R' = 150 is above the robot's maximum 100"),
        "{}",
        message(id)
    );
    assert_eq!(faulty.count("POST /protocols"), 1, "{:?}", faulty.seen());
    assert_eq!(faulty.count("POST /runs"), 0, "{:?}", faulty.seen());
    assert_eq!(
        state_history(id),
        ["SCHEDULED", "PENDING", "FAILED"],
        "a refused run never becomes RUNNING"
    );
}

#[test]
fn a_protocol_above_the_robots_api_level_or_with_a_failed_analysis_is_refused() {
    let (robot, _turn) = RobotServer::take();
    let protocols = || robot.get("/protocols")["data"].as_array().unwrap().len();
    let before = robot.run_ids();

    let future = RobotLab::new(&robot.url, "future_api", json!({}));
    let uploaded = protocols();
    let id = future.run(&[]);
    future.run_once(&[]);
    support::assert_state(&ended(id), "FAILED");
    assert!(
        message(id).contains("needs API 2.21 but the robot runs at most 2.20"),
        "{}",
        message(id)
    );
    assert_eq!(protocols(), uploaded, "nothing was uploaded");

    let missing = RobotLab::new(&robot.url, "missing_labware", json!({}));
    let id = missing.run(&[]);
    missing.run_once(&[]);
    support::assert_state(&ended(id), "FAILED");
    assert!(
        message(id).contains("ot2ctl_missing_rack"),
        "the robot's analysis error names the missing labware: {}",
        message(id)
    );
    assert!(
        robot.runs_since(&before).is_empty(),
        "a robot run was created"
    );
}

#[test]
fn cancelling_in_prefect_stops_the_robot_run_and_ends_cancelled() {
    let (robot, _turn) = RobotServer::take();
    let robot_lab = RobotLab::new(&robot.url, "wait", json!({"seconds": 60}));
    let before = robot.run_ids();
    let id = robot_lab.run(&[]);
    let worker = robot_lab.background_worker(&[]);
    wait_until("the robot runs the run", || {
        robot
            .runs_since(&before)
            .first()
            .is_some_and(|r| r["status"] == "running")
    });
    robot_lab.cancel(id);
    let run = ended(id);
    worker.stop();
    support::assert_state(&run, "CANCELLED");
    assert_eq!(
        state_history(id),
        ["SCHEDULED", "PENDING", "RUNNING", "CANCELLING", "CANCELLED"]
    );
    let robot_run = new_run(robot, &before);
    assert_eq!(robot_run["status"], "stopped");
    assert!(
        robot_lab
            .lab
            .logs(id)
            .contains("Cancelling: stopping the robot run")
    );
}

/// Whether the robot's newest run since `before` has picked up the sensor.
fn holds_the_sensor(robot: &RobotServer, before: &[String]) -> bool {
    robot.runs_since(before).first().is_some_and(|run| {
        robot
            .commands(run["id"].as_str().unwrap())
            .iter()
            .any(|c| c["commandType"] == "pickUpTip" && c["status"] == "succeeded")
    })
}

/// Asserts, from the robot's own run record, that the sensor went back to its charger after
/// it was picked up, and returns when that finished and the run's stop action (if any).
fn sensor_returned(robot: &RobotServer, run_id: &str) -> (jiff::Timestamp, Option<Value>) {
    let record = robot.get(&format!("/runs/{run_id}"))["data"].clone();
    let charger = labware_id(&record, "ot2ctl_sensor_charging_port");
    let commands = robot.commands(run_id);
    let on_charger = |kind: &'static str| {
        let charger = charger.clone();
        move |c: &Value| {
            c["commandType"] == kind
                && c["params"]["labwareId"] == charger.as_str()
                && c["status"] == "succeeded"
        }
    };
    let picked = position(&commands, 0, on_charger("pickUpTip")).expect("picked up");
    let returned = position(&commands, picked, on_charger("dropTip"))
        .unwrap_or_else(|| panic!("the sensor was not put back: {commands:#?}"));
    let stop = record["actions"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["actionType"] == "stop")
        .cloned();
    (at(&commands[returned]["completedAt"]), stop)
}

fn at(time: &Value) -> jiff::Timestamp {
    time.as_str().unwrap().parse().unwrap()
}

#[test]
fn a_cancellation_while_the_sensor_is_held_waits_until_the_robot_has_put_it_back() {
    let (robot, _turn) = RobotServer::take();
    let sensor = RobotLab::new(
        &robot.url,
        "sensor_then_wait",
        json!({"hold_seconds": 6, "after_seconds": 60}),
    );
    let before = robot.run_ids();
    let id = sensor.run(&[]);
    let worker = sensor.background_worker(&[]);
    wait_until("the pipette holds the sensor", || {
        holds_the_sensor(robot, &before)
    });
    sensor.cancel(id);
    let run = ended(id);
    worker.stop();
    support::assert_state(&run, "CANCELLED");

    // The robot's own record: the sensor went back to its charger, then the run was stopped.
    let run_id = new_run(robot, &before)["id"].as_str().unwrap().to_string();
    let (returned, stop) = sensor_returned(robot, &run_id);
    let stop = stop.expect("a stop action");
    assert!(
        at(&stop["createdAt"]) >= returned,
        "the stop came before the sensor was back: {stop}"
    );
    let logs = sensor.lab.logs(id);
    let wait_line = logs
        .find("stopped once the sensor is back on its charger")
        .unwrap_or_else(|| panic!("{logs}"));
    let drop_line = logs
        .find("dropTip A2 of ot2ctl_sensor_charging_port")
        .unwrap_or_else(|| panic!("{logs}"));
    let stop_line = logs
        .find("The colour sensor is back on its charger: stopping the robot run")
        .unwrap_or_else(|| panic!("{logs}"));
    assert!(wait_line < drop_line && drop_line < stop_line, "{logs}");

    // The command lines were written as the robot went, not at the end: the hold lies
    // between the line of the move and the line of the return.
    let entries = ok_json(sensor.lab.sandbox.ot2ctl().args([
        "flow-run",
        "logs",
        &id.to_string(),
        "-o",
        "json",
    ]));
    let time_of = |text: &str| {
        entries
            .as_array()
            .unwrap()
            .iter()
            .find(|e| e["message"].as_str().unwrap().contains(text))
            .map(|e| at(&e["timestamp"]))
            .unwrap_or_else(|| panic!("no {text:?}"))
    };
    let spread = time_of("moveToWell B2")
        .duration_until(time_of("dropTip A2"))
        .as_secs_f64();
    assert!(
        spread >= 3.0,
        "lines were not written as commands completed ({spread} s)"
    );
}

#[test]
fn the_lab_sensor_protocol_cancelled_while_holding_ends_once_with_the_sensor_back() {
    // move_sensor_to_well.py ends right after it puts the sensor back, so the run may finish
    // before the stop lands: then it is recorded as what it was, COMPLETED, not left CANCELLING.
    let (robot, _turn) = RobotServer::take();
    let sensor = RobotLab::new(
        &robot.url,
        "move_sensor_to_well",
        json!({"mix_well": "B2", "hold_seconds": 4}),
    );
    let before = robot.run_ids();
    let id = sensor.run(&[]);
    let worker = sensor.background_worker(&[]);
    wait_until("the pipette holds the sensor", || {
        holds_the_sensor(robot, &before)
    });
    sensor.cancel(id);
    let run = ended(id);
    worker.stop();
    let history = state_history(id);
    assert_eq!(
        history
            .iter()
            .filter(|s| matches!(s.as_str(), "COMPLETED" | "CANCELLED" | "FAILED" | "CRASHED"))
            .count(),
        1,
        "{history:?}"
    );
    assert!(
        matches!(run["state_type"].as_str(), Some("CANCELLED" | "COMPLETED")),
        "{run}"
    );
    let run_id = new_run(robot, &before)["id"].as_str().unwrap().to_string();
    let (returned, stop) = sensor_returned(robot, &run_id);
    if let Some(stop) = stop {
        assert!(at(&stop["createdAt"]) >= returned, "{stop}");
    }
    assert!(
        sensor
            .lab
            .logs(id)
            .contains("stopped once the sensor is back on its charger")
    );
}

#[test]
fn force_stop_stops_at_once_even_while_the_sensor_is_held() {
    let (robot, _turn) = RobotServer::take();
    let forced = RobotLab::new(
        &robot.url,
        "move_sensor_to_well",
        json!({"mix_well": "B2", "hold_seconds": 60}),
    );
    let before = robot.run_ids();
    let id = forced.run(&[]);
    let worker = forced.background_worker(&["--force-stop"]);
    wait_until("the robot waits with the sensor", || {
        robot.runs_since(&before).first().is_some_and(|run| {
            robot
                .commands(run["id"].as_str().unwrap())
                .iter()
                .any(|c| c["commandType"] == "waitForDuration" && c["status"] == "running")
        })
    });
    forced.cancel(id);
    support::assert_state(&ended(id), "CANCELLED");
    worker.stop();
    let run_id = new_run(robot, &before)["id"].as_str().unwrap().to_string();
    let commands = robot.commands(&run_id);
    // At once, told by the robot rather than by a clock: the 60 s hold never finished.
    assert!(
        !commands
            .iter()
            .any(|c| c["commandType"] == "waitForDuration" && c["status"] == "succeeded"),
        "the hold ran to its end: {commands:#?}"
    );
    assert!(
        !commands
            .iter()
            .any(|c| c["commandType"] == "dropTip" && c["status"] == "succeeded"),
        "the sensor was put back although --force-stop stops at once: {commands:#?}"
    );
}

#[test]
fn a_robot_server_restarted_during_a_run_ends_the_flow_run_with_the_robots_words() {
    // A robot of this test's own: it is restarted.
    let robot = RobotServer::start();
    let robot_lab = RobotLab::new(&robot.url, "wait", json!({"seconds": 60}));
    let before = robot.run_ids();
    let id = robot_lab.run(&[]);
    let worker = robot_lab.background_worker(&[]);
    wait_until("the robot runs the run", || {
        robot
            .runs_since(&before)
            .first()
            .is_some_and(|r| r["status"] == "running")
    });
    robot.restart();
    let run = ended(id);
    worker.stop();
    support::assert_state(&run, "CRASHED");
    assert!(
        message(id).contains("There was no engine state data for this run"),
        "{}",
        message(id)
    );
    // Whether the worker asked while robot-server was down depends on when it restarted
    // (CI at 9cd67d0: it was back before the next question); if it did, it says both.
    let logs = robot_lab.lab.logs(id);
    assert_eq!(
        logs.contains("Lost contact with the robot"),
        logs.contains("The robot answers again"),
        "{logs}"
    );
}

#[test]
fn a_worker_killed_during_a_robot_run_is_followed_by_its_successor_without_a_second_run() {
    let (robot, _turn) = RobotServer::take();
    let robot_lab = RobotLab::new(&robot.url, "wait", json!({"seconds": 8}));
    let name = unique("robot-worker");
    let before = robot.run_ids();
    let id = robot_lab.run(&[]);
    let first = robot_lab.background_worker(&["--name", &name]);
    wait_until("the robot runs the run", || {
        robot
            .runs_since(&before)
            .first()
            .is_some_and(|r| r["status"] == "running")
    });
    first.kill();
    let robot_run = new_run(robot, &before);
    let pid = flow_run(id)["infrastructure_pid"]
        .as_str()
        .unwrap_or_default()
        .to_string();
    assert!(
        pid.contains(robot_run["id"].as_str().unwrap()) && pid.contains(&name),
        "the flow run does not name its robot run: {pid}"
    );
    support::assert_state(&flow_run(id), "RUNNING");

    let second = robot_lab.background_worker(&["--name", &name]);
    let run = ended(id);
    let output = second.stop();
    support::assert_state_showing(&run, "COMPLETED", &output);
    assert!(output.contains("resumed"), "{output}");
    assert_eq!(
        robot.runs_since(&before).len(),
        1,
        "a second robot run was started"
    );
    let logs = robot_lab.lab.logs(id);
    assert!(
        logs.contains(&format!(
            "follows robot run {}",
            robot_run["id"].as_str().unwrap()
        )),
        "{logs}"
    );
    assert_eq!(
        state_history(id),
        ["SCHEDULED", "PENDING", "RUNNING", "COMPLETED"]
    );
}

#[test]
fn robot_offsets_set_warns_about_an_offset_no_protocol_can_use() {
    let sandbox = support::Sandbox::new();
    let protocols = repo_root().join("protocols");
    let help = ok(sandbox.ot2ctl().args(["robot", "offsets", "set", "--help"]));
    assert!(help.contains("ot2ctl/ot2ctl_6_tuberack_15ml/1"), "{help}");
    assert!(!help.contains("custom_beta"), "{help}");
    let set = |uri: &str, slot: &str| {
        sandbox
            .ot2ctl()
            .args(["robot", "offsets", "set", uri, "--slot", slot, "--z", "0.5"])
            .args(["--robot", "http://127.0.0.1:31950", "--protocols-dir"])
            .arg(&protocols)
            .output()
            .unwrap()
    };
    let good = set("ot2ctl/ot2ctl_6_tuberack_15ml/1", "3");
    assert!(good.status.success());
    assert_eq!(String::from_utf8_lossy(&good.stderr), "");
    let wrong_namespace = set("custom_beta/ot2ctl_6_tuberack_15ml/1", "3");
    assert!(wrong_namespace.status.success(), "stored all the same");
    let said = String::from_utf8_lossy(&wrong_namespace.stderr);
    assert!(
        said.starts_with("warning: ") && said.contains("is ot2ctl/ot2ctl_6_tuberack_15ml/1"),
        "{said}"
    );
    let unknown = set("opentrons/nest_96_wellplate_100ul_pcr_full_skirt/2", "1");
    assert!(
        String::from_utf8_lossy(&unknown.stderr).contains("no protocol in"),
        "{}",
        String::from_utf8_lossy(&unknown.stderr)
    );
    fails(
        sandbox.ot2ctl().args([
            "robot",
            "offsets",
            "set",
            "not-a-uri",
            "--slot",
            "1",
            "--robot",
            "http://127.0.0.1:31950",
        ]),
        2,
    )
    .mentions("namespace/load_name/version");
}

#[test]
fn worker_install_prints_a_unit_that_starts_the_worker_with_its_flags() {
    let (robot, _turn) = RobotServer::take();
    let robot_lab = RobotLab::mix(&robot.url);
    let sandbox = &robot_lab.lab.sandbox;
    let install = |extra: &[&str]| {
        let mut cmd = sandbox.ot2ctl();
        cmd.args(["worker", "install", "--pool", &robot_lab.lab.pool])
            .args(["--queue", "ot2", "--poll-seconds", "1", "--name", "robot-1"])
            .args(["--robot", &robot.url])
            .arg("--protocols-dir")
            .arg(&robot_lab.project)
            .args(extra);
        cmd
    };
    let units = sandbox.path().join("units");
    let secrets = sandbox.path().join("secrets");
    let dirs = |cmd: &mut support::Ot2ctl| {
        cmd.arg("--unit-dir")
            .arg(&units)
            .arg("--env-dir")
            .arg(&secrets);
    };

    let mut dry = install(&["--dry-run"]);
    dirs(&mut dry);
    let unit = ok(&mut dry);
    assert!(
        !units.exists() && !secrets.exists(),
        "--dry-run wrote files"
    );
    for expected in [
        "Restart=on-failure",
        "KillMode=mixed",
        "WantedBy=multi-user.target",
        "After=network-online.target opentrons-robot-server.service",
        &format!("Environment=PREFECT_API_URL={}", support::server().url),
        "PREFECT_API_AUTH_STRING=********",
    ] {
        assert!(unit.contains(expected), "missing {expected:?} in\n{unit}");
    }
    assert!(
        !unit.contains(&support::server().auth),
        "the credential is printed:\n{unit}"
    );

    // The unit's command line, run as systemd would (plus --run-once), runs the lab's work.
    let exec_start = unit
        .lines()
        .find_map(|l| l.strip_prefix("ExecStart="))
        .unwrap();
    let argv = shlex::split(exec_start).unwrap();
    assert_eq!(
        std::path::Path::new(&argv[0]).canonicalize().unwrap(),
        assert_cmd::cargo::cargo_bin("ot2ctl")
            .canonicalize()
            .unwrap()
    );
    assert_eq!(&argv[1..3], ["worker", "start"]);
    let id = robot_lab.run(&["R=90"]);
    let output = sandbox
        .ot2ctl_std()
        .args(&argv[1..])
        .arg("--run-once")
        .output()
        .unwrap();
    let said = String::from_utf8_lossy(&output.stdout);
    assert!(output.status.success(), "{said}");
    assert!(
        said.contains("OT-2 protocols on robot 'opentrons-dev'"),
        "{said}"
    );
    support::assert_state(&ended(id), "COMPLETED");

    // Written for real: the unit readable, the credential only in a 0600 file beside it.
    let mut write = install(&[]);
    dirs(&mut write);
    ok(&mut write);
    let written = std::fs::read_to_string(units.join("ot2ctl-worker.service")).unwrap();
    assert!(
        unit.contains(&written),
        "the written unit differs from --dry-run's:\n{written}"
    );
    let env_file = secrets.join("ot2ctl-worker.env");
    use std::os::unix::fs::PermissionsExt;
    assert_eq!(
        std::fs::metadata(&env_file).unwrap().permissions().mode() & 0o777,
        0o600
    );
    assert!(
        std::fs::read_to_string(&env_file)
            .unwrap()
            .contains(&support::server().auth)
    );

    // On an OT-2: a boot script that hands the same command to systemd-run.
    let script = ok(&mut install(&["--target", "ot2", "--dry-run"]));
    assert!(
        script.starts_with("# /var/data/boot.d/ot2ctl-worker\n#!/bin/sh\n"),
        "{script}"
    );
    assert!(script.contains("--property=Restart=on-failure"), "{script}");
    assert!(script.contains("worker start --pool"), "{script}");
}
