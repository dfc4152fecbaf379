//! `ot2ctl worker start --robot URL`: OT-2 protocols run through the robot's HTTP API, against
//! a real Prefect server and a stand-in robot-server that analyses with the real Opentrons
//! analyzer.

mod support;

use std::time::{Duration, Instant};

use serde_json::{Value, json};
use support::lab::{Background, Lab, flow_run, state_history, wait_for};
use support::robot::{FakeRobot, Script};
use support::{ok, ok_json, unique};
use uuid::Uuid;

/// A lab with one queue, a deployment of `protocol` on it, and a robot.
struct RobotLab {
    lab: Lab,
    robot: FakeRobot,
    deployment: String,
}

impl RobotLab {
    fn new(protocol: &str, defaults: Value, script: Script) -> RobotLab {
        let lab = Lab::new(&["ot2"]);
        let deployment = lab.protocol_deployment(&unique("robot"), protocol, "ot2", defaults);
        RobotLab {
            lab,
            robot: FakeRobot::start(script),
            deployment,
        }
    }

    fn mix(script: Script) -> RobotLab {
        RobotLab::new(
            "mix_color",
            json!({"R": 120, "Y": 50, "B": 80, "mix_well": "B2"}),
            script,
        )
    }

    fn run(&self, params: &[&str]) -> Uuid {
        self.lab.run(&self.deployment, params)
    }

    /// Runs what is scheduled once through the robot; returns the worker's output.
    fn run_once(&self, extra: &[&str]) -> String {
        self.lab
            .run_once(&[&["--robot", self.robot.url.as_str()], extra].concat())
    }

    fn background_worker(&self, extra: &[&str]) -> Background {
        Background::start(
            self.lab
                .worker(&[&["--robot", self.robot.url.as_str()], extra].concat()),
        )
    }

    fn cancel(&self, id: Uuid) {
        ok(self
            .lab
            .sandbox
            .ot2ctl()
            .args(["flow-run", "cancel", &id.to_string()]));
    }

    fn count(&self, prefix: &str) -> usize {
        self.robot
            .events()
            .iter()
            .filter(|e| e.starts_with(prefix))
            .count()
    }
}

fn message(id: Uuid) -> String {
    flow_run(id)["state"]["message"]
        .as_str()
        .unwrap_or_default()
        .to_string()
}

fn ended(id: Uuid) -> Value {
    wait_for(id, "the end of the run", Duration::from_secs(90), |run| {
        matches!(
            run["state_type"].as_str(),
            Some("COMPLETED" | "FAILED" | "CANCELLED" | "CRASHED")
        )
    })
}

#[test]
fn the_mix_runs_on_the_robot_with_each_command_logged_as_it_completes_and_the_offsets_sent() {
    let robot_lab = RobotLab::mix(Script {
        pace: Duration::from_millis(120),
        ..Script::default()
    });
    let sandbox = &robot_lab.lab.sandbox;
    let robot = robot_lab.robot.url.as_str();

    // Offsets exported from the Opentrons App round-trip into the store ...
    let export = sandbox.path().join("lpc-export.json");
    let offsets = json!([
        {"id": "a1", "createdAt": "2026-11-20T10:00:00Z",
         "definitionUri": "opentrons/corning_96_wellplate_360ul_flat/2",
         "location": {"slotName": "1"}, "vector": {"x": 0.1, "y": -0.2, "z": 0.3}},
        {"id": "a2", "createdAt": "2026-11-20T10:00:00Z",
         "definitionUri": "custom_beta/ot2ctl_6_tuberack_15ml/1",
         "location": {"slotName": "3"}, "vector": {"x": 0.0, "y": 0.5, "z": -1.25}}
    ]);
    std::fs::write(&export, json!({"data": offsets}).to_string()).unwrap();
    ok(sandbox
        .ot2ctl()
        .args(["robot", "offsets", "import", "--robot", robot])
        .arg(&export));
    let stored = ok_json(
        sandbox
            .ot2ctl()
            .args(["robot", "offsets", "ls", "-o", "json"])
            .env("OT2CTL_ROBOT", robot),
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

    // ... and the run is uploaded, analysed, created with them, played and closed.
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

    let upload = robot_lab.robot.seen(|s| s.uploads[0].clone());
    let field = |name: &str| -> Vec<String> {
        upload
            .iter()
            .filter(|(n, _)| n == name)
            .map(|(_, v)| v.clone())
            .collect()
    };
    assert_eq!(field("key"), [id.to_string()]);
    assert_eq!(
        field("files"),
        [
            "mix_color.py",
            "ot2ctl_6_tuberack_15ml.json",
            "ot2ctl_sensor_charging_port.json"
        ]
    );
    let upload_values: Value = serde_json::from_str(&field("runTimeParameterValues")[0]).unwrap();
    assert_eq!(upload_values["R"], 100.0);
    assert_eq!(upload_values["mix_well"], "C3");

    let body = robot_lab.robot.seen(|s| s.run_bodies[0].clone());
    assert_eq!(body["data"]["labwareOffsets"], json!(expected));
    assert_eq!(body["data"]["runTimeParameterValues"], upload_values);
    let events = robot_lab.robot.events();
    let order: Vec<&str> = events
        .iter()
        .filter(|e| !e.starts_with("GET "))
        .map(|e| e.split(' ').next().unwrap())
        .collect();
    assert_eq!(order, ["POST", "POST", "play", "close"], "{events:?}");
    assert!(robot_lab.robot.seen(|s| s.unversioned.is_empty()));

    // Every command is a log line, written while the robot was still running.
    let logs = robot_lab.lab.logs(id);
    assert!(
        logs.contains("Sending 2 labware offset(s)"),
        "missing offsets line in\n{logs}"
    );
    for expected in [
        "aspirate 100.0 µL at B1 of ot2ctl_6_tuberack_15ml [succeeded]",
        "dispense 100.0 µL at C3 of corning_96_wellplate_360ul_flat [succeeded]",
        "blowout A1 of ot2ctl_6_tuberack_15ml",
    ] {
        assert!(logs.contains(expected), "missing {expected:?} in\n{logs}");
    }
    let entries = ok_json(robot_lab.lab.sandbox.ot2ctl().args([
        "flow-run",
        "logs",
        &id.to_string(),
        "-o",
        "json",
    ]));
    let command_times: Vec<String> = entries
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["message"].as_str().unwrap().starts_with("command "))
        .map(|e| e["timestamp"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(command_times.len(), 25, "{logs}");
    let at = |t: &str| t.parse::<jiff::Timestamp>().unwrap();
    let spread = at(&command_times[0])
        .duration_until(at(&command_times[24]))
        .as_secs_f64();
    assert!(
        spread >= 1.0,
        "command lines were not written as the commands completed (spread {spread} s)\n{logs}"
    );
}

#[test]
fn a_failure_on_the_robot_fails_the_flow_run_with_the_robots_error() {
    let robot_lab = RobotLab::mix(Script {
        fail_at: Some(8),
        ..Script::default()
    });
    let id = robot_lab.run(&[]);
    robot_lab.run_once(&[]);
    let run = ended(id);
    assert_eq!(run["state_type"], "FAILED", "{run}");
    assert!(
        message(id).contains("the pipette hit the deck (fake fault)"),
        "{}",
        message(id)
    );
    let logs = robot_lab.lab.logs(id);
    assert!(logs.contains("[failed]"), "{logs}");
    assert_eq!(
        robot_lab.count("close"),
        1,
        "{:?}",
        robot_lab.robot.events()
    );
}

#[test]
fn a_busy_robot_keeps_the_run_waiting_with_one_log_line_then_runs_it() {
    let robot_lab = RobotLab::mix(Script {
        busy_answers: 2,
        ..Script::default()
    });
    let id = robot_lab.run(&[]);
    robot_lab.run_once(&[]);
    assert_eq!(ended(id)["state_type"], "COMPLETED");
    assert_eq!(robot_lab.count("POST /runs -> 409"), 2);
    assert_eq!(robot_lab.count("POST /runs -> 201"), 1);
    let logs = robot_lab.lab.logs(id);
    assert_eq!(
        logs.matches("The robot is busy with another run").count(),
        1,
        "{logs}"
    );
    assert!(logs.contains("RunAlreadyActive"), "{logs}");
}

#[test]
fn one_500_on_run_creation_is_retried_and_a_second_one_ends_the_run() {
    let once = RobotLab::mix(Script {
        error_answers: 1,
        ..Script::default()
    });
    let id = once.run(&[]);
    once.run_once(&[]);
    assert_eq!(ended(id)["state_type"], "COMPLETED");
    assert_eq!(once.count("POST /runs -> 500"), 1);
    assert_eq!(once.count("POST /runs -> 201"), 1);
    assert!(once.lab.logs(id).contains("trying once more"));

    let twice = RobotLab::mix(Script {
        error_answers: 2,
        ..Script::default()
    });
    let id = twice.run(&[]);
    twice.run_once(&[]);
    let run = ended(id);
    assert_eq!(run["state_type"], "CRASHED", "{run}");
    assert!(message(id).contains("RunNotFoundError"), "{}", message(id));
    assert_eq!(twice.count("POST /runs"), 2);
    assert_eq!(twice.count("play"), 0);
}

#[test]
fn a_value_outside_the_robots_analysis_limits_never_reaches_post_runs() {
    let robot_lab = RobotLab::mix(Script {
        stricter_max: vec![("R".into(), 100.0)],
        ..Script::default()
    });
    let id = robot_lab.run(&["R=150"]);
    robot_lab.run_once(&[]);
    let run = ended(id);
    assert_eq!(run["state_type"], "FAILED", "{run}");
    assert!(
        message(id).contains("parameter 'R' = 150 is above the robot's maximum 100.0"),
        "{}",
        message(id)
    );
    assert_eq!(robot_lab.count("POST /protocols"), 1);
    assert_eq!(
        robot_lab.count("POST /runs"),
        0,
        "{:?}",
        robot_lab.robot.events()
    );
    assert_eq!(
        state_history(id),
        ["SCHEDULED", "PENDING", "FAILED"],
        "a refused run never becomes RUNNING"
    );
}

#[test]
fn a_protocol_above_the_robots_api_level_or_with_a_failed_analysis_is_refused() {
    let old_robot = RobotLab::mix(Script {
        max_api: (2, 15),
        ..Script::default()
    });
    let id = old_robot.run(&[]);
    old_robot.run_once(&[]);
    assert_eq!(ended(id)["state_type"], "FAILED");
    assert!(
        message(id).contains("needs API 2.20 but the robot runs at most 2.15"),
        "{}",
        message(id)
    );
    assert_eq!(old_robot.count("POST"), 0);

    let lossy = RobotLab::mix(Script {
        lose_labware: true,
        ..Script::default()
    });
    let id = lossy.run(&[]);
    lossy.run_once(&[]);
    assert_eq!(ended(id)["state_type"], "FAILED");
    assert!(
        message(id).contains("ot2ctl_6_tuberack_15ml"),
        "the analysis error names the missing labware: {}",
        message(id)
    );
    assert_eq!(lossy.count("POST /runs"), 0);
}

#[test]
fn cancelling_in_prefect_stops_the_robot_run_and_ends_cancelled() {
    let robot_lab = RobotLab::mix(Script {
        pace: Duration::from_millis(400),
        ..Script::default()
    });
    let id = robot_lab.run(&[]);
    let worker = robot_lab.background_worker(&[]);
    wait_for(id, "RUNNING", Duration::from_secs(60), |run| {
        run["state_type"] == "RUNNING"
    });
    wait_until("the robot plays", || robot_lab.count("play") == 1);
    robot_lab.cancel(id);
    let run = ended(id);
    assert_eq!(run["state_type"], "CANCELLED", "{run}");
    let output = worker.stop();
    let events = robot_lab.robot.events();
    assert_eq!(robot_lab.count("stop"), 1, "{events:?}\n{output}");
    assert_eq!(robot_lab.count("close"), 1, "{events:?}");
    assert!(
        robot_lab.lab.logs(id).contains("stopping the robot run"),
        "{}",
        robot_lab.lab.logs(id)
    );
}

#[test]
fn a_cancellation_while_the_sensor_is_held_waits_until_it_is_back_on_its_charger() {
    let sensor = RobotLab::new(
        "move_sensor_to_well",
        json!({"mix_well": "B2", "hold_seconds": 3}),
        Script {
            pace: Duration::from_millis(100),
            // The run lingers after the sensor is back, so the stop still finds it running.
            last_command: Some(Duration::from_secs(4)),
            ..Script::default()
        },
    );
    let id = sensor.run(&[]);
    let worker = sensor.background_worker(&[]);
    wait_until("the pipette holds the sensor", || {
        sensor.robot.holding().as_deref() == Some("ot2ctl_sensor_charging_port")
    });
    sensor.cancel(id);
    let run = ended(id);
    worker.stop();
    assert_eq!(run["state_type"], "CANCELLED", "{run}");
    let events = sensor.robot.events();
    let stop = events.iter().find(|e| e.starts_with("stop")).unwrap();
    assert!(
        stop.ends_with("holding nothing"),
        "the stop came while the sensor was held: {events:?}"
    );
    assert!(sensor.robot.seen(|s| s.trashed.is_empty()));
    let logs = sensor.lab.logs(id);
    assert!(
        logs.contains("carried out once the sensor is back on its charger"),
        "{logs}"
    );
    let wait_line = logs.find("carried out once the sensor").unwrap();
    let drop_line = logs
        .find("dropTip A2 of ot2ctl_sensor_charging_port")
        .unwrap();
    assert!(wait_line < drop_line, "{logs}");

    // --force-stop stops at once, and the robot drops the sensor in the trash.
    let forced = RobotLab::new(
        "move_sensor_to_well",
        json!({"mix_well": "B2", "hold_seconds": 20}),
        Script::default(),
    );
    let id = forced.run(&[]);
    let worker = forced.background_worker(&["--force-stop"]);
    wait_until("the pipette holds the sensor", || {
        forced.robot.holding().is_some()
    });
    forced.cancel(id);
    assert_eq!(ended(id)["state_type"], "CANCELLED");
    worker.stop();
    assert_eq!(
        forced.robot.seen(|s| s.trashed.clone()),
        ["ot2ctl_sensor_charging_port"]
    );
}

fn wait_until(what: &str, done: impl Fn() -> bool) {
    let started = Instant::now();
    while !done() {
        assert!(
            started.elapsed() < Duration::from_secs(60),
            "{what} did not happen within 60 s"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}

#[test]
fn worker_install_prints_a_unit_that_starts_the_worker_with_its_flags() {
    let robot_lab = RobotLab::mix(Script::default());
    let sandbox = &robot_lab.lab.sandbox;
    let protocols = support::repo_root().join("protocols");
    let install = |extra: &[&str]| {
        let mut cmd = sandbox.ot2ctl();
        cmd.args(["worker", "install", "--pool", &robot_lab.lab.pool])
            .args(["--queue", "ot2", "--poll-seconds", "1", "--name", "robot-1"])
            .args(["--robot", &robot_lab.robot.url])
            .arg("--protocols-dir")
            .arg(&protocols)
            .args(extra);
        cmd
    };
    let units = sandbox.path().join("units");
    let secrets = sandbox.path().join("secrets");
    let dirs = |cmd: &mut assert_cmd::Command| {
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
        said.contains("OT-2 protocols on robot 'fake-ot2'"),
        "{said}"
    );
    assert_eq!(ended(id)["state_type"], "COMPLETED");
    assert_eq!(flow_run(id)["state"]["type"], "COMPLETED");

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
