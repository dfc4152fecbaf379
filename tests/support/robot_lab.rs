//! A lab whose worker drives robot-server: a pool, a project directory with one protocol (from
//! protocols/ or tests/fixtures/robot_protocols/) and the lab's labware, and its deployment.

use std::path::PathBuf;
use std::time::Duration;

use serde_json::{Value, json};
use uuid::Uuid;

use super::lab::{Background, Lab, wait_for};
use super::{ok, repo_root, unique};

/// A lab with one queue, a project directory holding one protocol (from protocols/ or
/// tests/fixtures/robot_protocols/) with the lab's labware, and its deployment.
pub struct RobotLab {
    pub lab: Lab,
    pub project: PathBuf,
    pub deployment: String,
    pub robot_url: String,
}

impl RobotLab {
    pub fn new(robot: &str, protocol: &str, defaults: Value) -> RobotLab {
        let lab = Lab::new(&["ot2"]);
        let project = lab.sandbox.path().join("project");
        let protocols = project.join("protocols");
        std::fs::create_dir_all(protocols.join("labware")).unwrap();
        let source = [repo_root().join("protocols"), fixtures()]
            .into_iter()
            .map(|dir| dir.join(format!("{protocol}.py")))
            .find(|path| path.exists())
            .unwrap_or_else(|| panic!("no protocol {protocol}"));
        std::fs::copy(&source, protocols.join(format!("{protocol}.py"))).unwrap();
        for labware in ["ot2ctl_6_tuberack_15ml", "ot2ctl_sensor_charging_port"] {
            let name = format!("{labware}.json");
            std::fs::copy(
                repo_root().join("protocols/labware").join(&name),
                protocols.join("labware").join(&name),
            )
            .unwrap();
        }
        let robot_lab = RobotLab {
            lab,
            project,
            deployment: String::new(),
            robot_url: robot.to_string(),
        };
        let name = unique("robot");
        let deployment = robot_lab.deploy(&name, protocol, defaults);
        RobotLab {
            deployment,
            ..robot_lab
        }
    }

    pub fn mix(robot: &str) -> RobotLab {
        RobotLab::new(
            robot,
            "mix_color",
            json!({"R": 120, "Y": 50, "B": 80, "mix_well": "auto"}),
        )
    }

    /// Deploys the project's protocol as deployment `name`; returns `flow/deployment`.
    pub fn deploy(&self, name: &str, protocol: &str, defaults: Value) -> String {
        self.deploy_as(name, "ot2", protocol, defaults)
    }

    /// The same with another entrypoint scheme (`ot2+inventory` reserves the paint first).
    pub fn deploy_as(&self, name: &str, scheme: &str, protocol: &str, defaults: Value) -> String {
        let file = self.project.join(format!("{name}.yaml"));
        std::fs::write(
            &file,
            format!(
                "deployments:\n  - name: {name}\n    entrypoint: {scheme}:protocols/{protocol}.py\n    parameters: {defaults}\n    work_pool: {{name: {}, work_queue_name: ot2}}\n",
                self.lab.pool
            ),
        )
        .unwrap();
        ok(self
            .lab
            .sandbox
            .ot2ctl()
            .current_dir(&self.project)
            .args(["deploy", "--all", "--prefect-file"])
            .arg(&file));
        format!("{}/{name}", protocol.replace('_', "-"))
    }

    pub fn run(&self, params: &[&str]) -> Uuid {
        self.lab.run(&self.deployment, params)
    }

    pub fn worker_args<'a>(&'a self, extra: &[&'a str]) -> Vec<&'a str> {
        let mut args = vec!["--robot", self.robot_url.as_str(), "--protocols-dir"];
        args.push(self.project.to_str().unwrap());
        args.extend_from_slice(extra);
        args
    }

    /// Runs what is scheduled once through the robot; returns the worker's output.
    pub fn run_once(&self, extra: &[&str]) -> String {
        self.lab.run_once(&self.worker_args(extra))
    }

    pub fn background_worker(&self, extra: &[&str]) -> Background {
        Background::start(self.lab.worker(&self.worker_args(extra)))
    }

    pub fn cancel(&self, id: Uuid) {
        ok(self
            .lab
            .sandbox
            .ot2ctl()
            .args(["flow-run", "cancel", &id.to_string()]));
    }
}

pub fn fixtures() -> PathBuf {
    repo_root().join("tests/fixtures/robot_protocols")
}

/// Waits (up to 2 minutes) for the run to reach a final state.
pub fn ended(id: Uuid) -> Value {
    wait_for(id, "the end of the run", Duration::from_secs(120), |run| {
        matches!(
            run["state_type"].as_str(),
            Some("COMPLETED" | "FAILED" | "CANCELLED" | "CRASHED")
        )
    })
}
