//! `ot2ctl worker start --opentrons-execute PATH`: protocols run on the robot as a local
//! process. Off the robot the real tool cannot move anything, so the runs that must succeed
//! use a stand-in that puts the generated protocol copy through the real Opentrons engine;
//! the real `opentrons_execute` is run too, and its failure must reach Prefect.

mod support;

use std::path::PathBuf;

use serde_json::{Value, json};
use support::lab::{Lab, flow_run, wait_for};
use support::{ok, repo_root, unique};
use uuid::Uuid;

struct ExecuteLab {
    lab: Lab,
    deployment: String,
    /// The stand-ins' call log, robot-server's state file, the copy and its analysis.
    calls: PathBuf,
    server_state: PathBuf,
    copy: PathBuf,
    analysis: PathBuf,
}

impl ExecuteLab {
    fn new() -> ExecuteLab {
        let lab = Lab::new(&["ot2"]);
        let deployment = lab.protocol_deployment(
            &unique("execute"),
            "mix_color",
            "ot2",
            json!({"R": 120, "Y": 50, "B": 80, "mix_well": "B2"}),
        );
        let dir = lab.sandbox.path().to_path_buf();
        ExecuteLab {
            lab,
            deployment,
            calls: dir.join("robot-calls.log"),
            server_state: dir.join("robot-server.state"),
            copy: dir.join("protocol-copy.py"),
            analysis: dir.join("copy-analysis.json"),
        }
    }

    /// Runs what is scheduled once, with `tool` as opentrons_execute on a robot whose
    /// systemctl is the stand-in.
    fn run_once(&self, tool: &PathBuf, extra: &[&str]) -> String {
        let bin = repo_root().join("tests/fixtures/robot-bin");
        let path = format!(
            "{}:{}",
            bin.display(),
            std::env::var("PATH").unwrap_or_default()
        );
        let output = self
            .lab
            .worker(&["--run-once"])
            .arg("--opentrons-execute")
            .arg(tool)
            .args(extra)
            .env("PATH", path)
            .env("OT2CTL_SHIM_LOG", &self.calls)
            .env("OT2CTL_SHIM_SERVER_STATE", &self.server_state)
            .env("OT2CTL_SHIM_COPY", &self.copy)
            .env("OT2CTL_SHIM_ANALYSIS", &self.analysis)
            .output()
            .unwrap();
        let said = format!(
            "{}{}",
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr)
        );
        assert!(output.status.success(), "worker failed\n{said}");
        said
    }

    fn stand_in(&self) -> PathBuf {
        repo_root().join("tests/fixtures/robot-bin/opentrons_execute")
    }

    fn calls(&self) -> Vec<String> {
        std::fs::read_to_string(&self.calls)
            .unwrap_or_default()
            .lines()
            .map(|l| {
                let words = if l.starts_with("systemctl") { 2 } else { 1 };
                l.split(' ').take(words).collect::<Vec<_>>().join(" ")
            })
            .collect()
    }

    fn ended(&self, id: Uuid) -> Value {
        wait_for(
            id,
            "the end of the run",
            std::time::Duration::from_secs(60),
            |run| {
                matches!(
                    run["state_type"].as_str(),
                    Some("COMPLETED" | "FAILED" | "CANCELLED" | "CRASHED")
                )
            },
        )
    }
}

#[test]
fn the_run_values_and_the_stored_offsets_reach_the_protocol_through_a_generated_copy() {
    let lab = ExecuteLab::new();
    ok(lab.lab.sandbox.ot2ctl().args([
        "robot",
        "offsets",
        "set",
        "opentrons/corning_96_wellplate_360ul_flat/2",
        "--slot",
        "1",
        "--y",
        "-0.4",
        "--robot",
        "http://127.0.0.1:31950",
    ]));
    let id = lab.lab.run(&lab.deployment, &["R=100", "mix_well=C3"]);
    lab.run_once(&lab.stand_in(), &[]);
    let run = lab.ended(id);
    support::assert_state_showing(&run, "COMPLETED", &lab.lab.logs(id));
    assert_eq!(
        lab.calls(),
        ["systemctl is-active", "opentrons_execute"],
        "robot-server is not running here, so it is neither stopped nor started"
    );

    // What the real engine made of the copy: the run's values, and the offset on the plate.
    let analysis: Value = serde_json::from_slice(&std::fs::read(&lab.analysis).unwrap()).unwrap();
    assert_eq!(analysis["result"], "ok");
    let value = |name: &str| {
        analysis["runTimeParameters"]
            .as_array()
            .unwrap()
            .iter()
            .find(|p| p["variableName"] == name)
            .unwrap()["value"]
            .clone()
    };
    assert_eq!(value("R"), 100.0);
    assert_eq!(value("Y"), 50.0);
    assert_eq!(value("mix_well"), "C3");
    let plate = analysis["labware"]
        .as_array()
        .unwrap()
        .iter()
        .find(|l| l["loadName"] == "corning_96_wellplate_360ul_flat")
        .unwrap();
    assert!(
        plate["offsetId"].is_string(),
        "no offset on the plate: {plate}"
    );
    let copy = std::fs::read_to_string(&lab.copy).unwrap();
    assert!(copy.contains("def _ot2ctl_original_run("), "{copy}");

    // The tool's output is the run log, line by line.
    let logs = lab.lab.logs(id);
    assert!(
        logs.contains(
            "Aspirating 100.0 uL from B1 of ot2ctl 6 x 15 mL paint tube rack on slot 3 at"
        ),
        "{logs}"
    );
    // The plate learns from that log where paint went.
    assert!(
        logs.contains("Well C3 is used: red 100 µL, yellow 50 µL, blue 80 µL"),
        "{logs}"
    );
    assert!(
        logs.contains("run on the robot with opentrons_execute"),
        "{logs}"
    );
    assert!(
        flow_run(id)["state"]["message"]
            .as_str()
            .unwrap()
            .contains("opentrons_execute")
    );
}

#[test]
fn a_running_robot_server_is_never_run_next_to_and_is_stopped_and_restarted_when_allowed() {
    let refused = ExecuteLab::new();
    std::fs::write(&refused.server_state, "active\n").unwrap();
    let id = refused.lab.run(&refused.deployment, &[]);
    refused.run_once(&refused.stand_in(), &[]);
    support::assert_state(&refused.ended(id), "FAILED");
    let message = flow_run(id)["state"]["message"]
        .as_str()
        .unwrap()
        .to_string();
    assert!(message.contains("--stop-robot-server"), "{message}");
    assert_eq!(refused.calls(), ["systemctl is-active"]);

    let allowed = ExecuteLab::new();
    std::fs::write(&allowed.server_state, "active\n").unwrap();
    let id = allowed.lab.run(&allowed.deployment, &[]);
    allowed.run_once(&allowed.stand_in(), &["--stop-robot-server"]);
    support::assert_state(&allowed.ended(id), "COMPLETED");
    let calls = std::fs::read_to_string(&allowed.calls).unwrap();
    let order: Vec<&str> = calls.lines().collect();
    assert_eq!(order.len(), 4, "{calls}");
    assert_eq!(
        order[0],
        "systemctl is-active --quiet opentrons-robot-server"
    );
    assert_eq!(order[1], "systemctl stop opentrons-robot-server");
    assert!(order[2].ends_with("(robot-server inactive)"), "{calls}");
    assert_eq!(order[3], "systemctl start opentrons-robot-server");
    assert_eq!(
        std::fs::read_to_string(&allowed.server_state)
            .unwrap()
            .trim(),
        "active"
    );
    let logs = allowed.lab.logs(id);
    assert!(logs.contains("Stopping robot-server for the run"), "{logs}");
    assert!(logs.contains("Started robot-server again"), "{logs}");
}

#[test]
fn the_real_opentrons_execute_off_the_robot_fails_the_run_with_its_own_error() {
    let lab = ExecuteLab::new();
    let tool = PathBuf::from(std::env::var("OT2CTL_TEST_OPENTRONS_PYTHON").unwrap())
        .with_file_name("opentrons_execute");
    let id = lab.lab.run(&lab.deployment, &[]);
    lab.run_once(&tool, &[]);
    let run = lab.ended(id);
    support::assert_state(&run, "FAILED");
    let message = flow_run(id)["state"]["message"]
        .as_str()
        .unwrap()
        .to_string();
    let (error, _) = message.split_once(" (opentrons_execute: ").unwrap();
    assert!(
        error.contains("Exception") || error.contains("Error"),
        "{message}"
    );
    let logs = lab.lab.logs(id);
    assert!(
        logs.contains(error),
        "the tool's error is in the log:\n{logs}"
    );
}
