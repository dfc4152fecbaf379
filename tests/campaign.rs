//! A colour-matching campaign end to end: the real Prefect server, Opentrons' analyzer (the
//! simulated robot) under an ot2ctl worker, the real mosquitto broker and the sensor's
//! stand-in (which answers from the paint model: the only stand-in here, for the Pico W).
//! The campaign process is killed with SIGKILL in the middle of a step and resumed; every
//! step ends up recorded once, with one mix run and one measurement run each.

mod support;

use std::collections::BTreeSet;
use std::path::Path;
use std::process::Stdio;
use std::time::{Duration, Instant};

use serde_json::Value;
use support::broker::{Broker, StandIn};
use support::lab::{Background, Lab};
use support::{fails, ok, ok_json, unique};

/// The campaign's record as it is on disk now (None before the first write).
fn record(home: &Path) -> Option<Value> {
    let dir = home.join("campaigns");
    let entry = std::fs::read_dir(&dir)
        .ok()?
        .flatten()
        .find(|e| e.file_name().to_string_lossy().ends_with(".json"))?;
    serde_json::from_slice(&std::fs::read(entry.path()).ok()?).ok()
}

/// A lab for campaigns: a pool with a mix and a measure queue, the two deployments, 15 mL of
/// each paint, a fresh plate (`plate_args` for its layout), the broker, the stand-in and a
/// worker that reads the sensor.
struct CampaignLab {
    lab: Lab,
    broker: Broker,
    _stand_in: StandIn,
    worker: Option<Background>,
    mix: String,
    measure: String,
}

impl CampaignLab {
    fn new(plate_args: &[&str]) -> CampaignLab {
        let broker = Broker::start();
        let sensor = unique("pico");
        let stand_in = StandIn::start(&broker, &sensor, &["--poll-seconds", "0.2"]);
        let lab = Lab::new(&["mix", "measure"]);
        let sandbox = &lab.sandbox;
        ok(sandbox
            .ot2ctl()
            .args(["inventory", "init", "15", "15", "15", "--local"]));
        let project = unique("campaign");
        ok(sandbox
            .ot2ctl()
            .args(["plate", "new", "--project", &project, "--local", "--yes"])
            .args(plate_args));
        let mix_name = unique("mix");
        let measure_name = unique("measure");
        // Flow names of the test's own: the server holds other tests' campaign runs.
        let (mix_flow, measure_flow) = (unique("campaign-mix"), unique("campaign-measure"));
        lab.deploy(
            &mix_name,
            &format!(
                "deployments:\n  - name: {mix_name}\n    flow_name: {mix_flow}\n    entrypoint: ot2+inventory:protocols/mix_color.py\n    parameters: {{R: 0, Y: 0, B: 0, mix_well: auto}}\n    work_pool: {{name: {pool}, work_queue_name: mix}}\n  - name: {measure_name}\n    flow_name: {measure_flow}\n    entrypoint: ot2+sensor:protocols/move_sensor_to_well.py\n    parameters: {{mix_well: B2}}\n    work_pool: {{name: {pool}, work_queue_name: measure}}\n",
                pool = lab.pool
            ),
        );
        let mut worker_command = lab.worker(&["--limit", "1"]);
        worker_command.envs(broker.env(&sensor));
        let worker = Background::start_logged(worker_command, &sandbox.path().join("worker.log"));
        CampaignLab {
            lab,
            broker,
            _stand_in: stand_in,
            worker: Some(worker),
            mix: format!("{mix_flow}/{mix_name}"),
            measure: format!("{measure_flow}/{measure_name}"),
        }
    }

    /// `campaign start` for this lab's deployments, with `args` after it.
    fn start(&self, args: &[&str]) -> std::process::Command {
        let mut command = self.lab.sandbox.ot2ctl_std();
        command
            .args([
                "campaign",
                "start",
                "--mix",
                &self.mix,
                "--measure",
                &self.measure,
            ])
            .args(args);
        command
    }
}

impl Drop for CampaignLab {
    fn drop(&mut self) {
        if let Some(worker) = self.worker.take() {
            worker.stop();
        }
    }
}

#[test]
fn a_campaign_killed_mid_step_resumes_and_matches_the_target_with_every_step_once() {
    let campaign_lab = CampaignLab::new(&[]);
    let (sandbox, broker) = (&campaign_lab.lab.sandbox, &campaign_lab.broker);
    // A target the paint can reach: what the model gives for R=60 Y=90 B=100.
    let target = "#59543d";
    let start = |extra: &[&str]| {
        let mut command = campaign_lab.start(&["--target", target, "--budget", "12"]);
        command
            .args(["--tolerance", "8", "--total-ul", "250", "--seed", "4"])
            .args(extra);
        command
    };
    // Killed once the second step's mix run exists, before it is measured.
    let home = sandbox.ot2ctl_home();
    let mut first = start(&[])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let started = Instant::now();
    let id = loop {
        if let Some(record) = record(&home)
            && record["steps"].as_array().is_some_and(|steps| {
                steps.len() == 2
                    && steps[1].get("mix_run").is_some()
                    && steps[1].get("delta_e").is_none()
            })
        {
            break record["id"].as_str().unwrap().to_string();
        }
        assert!(
            first.try_wait().unwrap().is_none(),
            "the campaign ended before its second step: {:?}",
            record(&home)
        );
        assert!(
            started.elapsed() < Duration::from_secs(300),
            "{:?}",
            record(&home)
        );
        std::thread::sleep(Duration::from_millis(100));
    };
    first.kill().unwrap();
    first.wait().unwrap();

    // Nothing runs it now: resume goes on from the record. The broker is killed and started
    // again while a later step is being measured: the reading waits for it.
    let measuring_again = |record: &Value| {
        record["steps"].as_array().is_some_and(|steps| {
            steps.len() >= 3
                && steps
                    .last()
                    .is_some_and(|s| s.get("measure_run").is_some() && s.get("delta_e").is_none())
        })
    };
    let resumed = std::thread::scope(|scope| {
        let restarter = scope.spawn(|| {
            let started = Instant::now();
            while started.elapsed() < Duration::from_secs(300) {
                if record(&home).is_some_and(|r| measuring_again(&r) || r.get("ended").is_some()) {
                    break;
                }
                std::thread::sleep(Duration::from_millis(50));
            }
            let restarted = record(&home).is_some_and(|r| r.get("ended").is_none());
            if restarted {
                broker.restart();
            }
            restarted
        });
        let resumed =
            ok(sandbox
                .ot2ctl()
                .args(["campaign", "resume", &id, "--run-timeout", "600"]));
        (resumed, restarter.join().unwrap())
    });
    let (resumed, restarted) = resumed;
    assert!(
        restarted,
        "the campaign ended before the broker could be restarted"
    );
    assert!(resumed.contains("matched at step"), "{resumed}");

    let campaign = ok_json(
        sandbox
            .ot2ctl()
            .args(["campaign", "status", &id, "-o", "json"]),
    );
    assert_eq!(campaign["ended"]["reason"], "matched", "{campaign}");
    let steps = campaign["steps"].as_array().unwrap();
    let numbers: Vec<u64> = steps
        .iter()
        .map(|s| s["number"].as_u64().unwrap())
        .collect();
    assert_eq!(
        numbers,
        (1..=steps.len() as u64).collect::<Vec<_>>(),
        "{campaign}"
    );
    assert!(steps.iter().all(|s| s["delta_e"].is_number()), "{campaign}");
    assert!(
        steps.iter().all(|s| s["sensor_data"]["ch670"].is_number()),
        "{campaign}"
    );
    let last = steps.last().unwrap()["delta_e"].as_f64().unwrap();
    assert!(last < 8.0, "{campaign}");
    // One mix and one measurement per step: the killed step's runs were found again.
    let ids = |kind: &str| -> BTreeSet<String> {
        steps
            .iter()
            .map(|s| s[kind].as_str().unwrap().to_string())
            .collect()
    };
    assert_eq!(ids("mix_run").len(), steps.len());
    assert_eq!(ids("measure_run").len(), steps.len());
    let wells: BTreeSet<&str> = steps.iter().map(|s| s["well"].as_str().unwrap()).collect();
    assert_eq!(
        wells.len(),
        steps.len(),
        "two steps shared a well: {campaign}"
    );
    let flow_of = |deployment: &str| deployment.split('/').next().unwrap().to_string();
    for (flow, kind) in [
        (flow_of(&campaign_lab.mix), "mix_run"),
        (flow_of(&campaign_lab.measure), "measure_run"),
    ] {
        let runs = ok_json(sandbox.ot2ctl().args([
            "flow-run",
            "ls",
            "--flow-name",
            &flow,
            "--limit",
            "200",
            "-o",
            "json",
        ]));
        let listed: BTreeSet<String> = runs
            .as_array()
            .unwrap()
            .iter()
            .map(|r| r["id"].as_str().unwrap().to_string())
            .collect();
        assert!(ids(kind).is_subset(&listed));
        assert_eq!(
            listed.len(),
            steps.len(),
            "a step ran its {flow} twice: {runs}"
        );
    }

    // Each step's reading is on the plate; the picture and the list show the campaign.
    let plate = ok_json(
        sandbox
            .ot2ctl()
            .args(["plate", "status", "--local", "-o", "json"]),
    );
    assert_eq!(plate["readings"].as_array().unwrap().len(), steps.len());
    let status = ok(sandbox.ot2ctl().args(["campaign", "status", &id]));
    assert!(
        status.contains("target") && status.contains("ΔE per step"),
        "{status}"
    );
    let listed = ok(sandbox.ot2ctl().args(["campaign", "ls"]));
    assert!(
        listed.contains(&id) && listed.contains("matched"),
        "{listed}"
    );
    // An ended campaign is not resumed; a bad target is one line.
    fails(sandbox.ot2ctl().args(["campaign", "resume", &id]), 2).mentions("has ended");
    fails(
        sandbox
            .ot2ctl()
            .args(["campaign", "start", "--target", "brown"]),
        2,
    )
    .mentions("#rrggbb");
}

/// A plate of two wells: the third step has none, and the campaign stops with the mix run's
/// own line, the two steps it did kept.
#[test]
fn a_campaign_stops_with_one_line_when_the_plate_runs_out() {
    let campaign_lab = CampaignLab::new(&["--rows", "B", "--columns", "1-2"]);
    let output = campaign_lab
        .start(&[
            "--target",
            "#7a4e2d",
            "--budget",
            "5",
            "--tolerance",
            "0.1",
            "--seed",
            "2",
        ])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(1), "{stderr}");
    let last = stderr.lines().last().unwrap_or("");
    assert!(
        last.starts_with("error: step 3's mix") && last.contains("no free well left"),
        "{stderr}"
    );
    let campaign = ok_json(
        campaign_lab
            .lab
            .sandbox
            .ot2ctl()
            .args(["campaign", "status", "-o", "json"]),
    );
    assert_eq!(campaign["ended"]["reason"], "stopped", "{campaign}");
    let steps = campaign["steps"].as_array().unwrap();
    assert_eq!(steps.len(), 3, "{campaign}");
    assert!(
        steps[..2].iter().all(|s| s["delta_e"].is_number()),
        "{campaign}"
    );

    // Wells given by hand: one per step, each a well of the plate, none twice.
    let sandbox = &campaign_lab.lab.sandbox;
    for (wells, says) in [
        ("B1", "1 well(s) for a budget of 2"),
        ("B1,Z9", "'Z9' is not a well"),
        ("B1,b1", "lists B1 twice"),
    ] {
        let start = ["campaign", "start", "--target", "#7a4e2d", "--budget", "2"];
        fails(sandbox.ot2ctl().args(start).args(["--wells", wells]), 2).mentions(says);
    }
    // A mistyped campaign id is bad input.
    for command in ["status", "resume"] {
        fails(
            sandbox
                .ot2ctl()
                .args(["campaign", command, "campaign-0000"]),
            2,
        )
        .mentions("no campaign campaign-0000");
    }
}
