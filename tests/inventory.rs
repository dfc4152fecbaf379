//! The paint inventory end to end: the native inventory flows and `ot2+inventory:` mixes run
//! by real workers against the real server and the real Opentrons simulator, driven through
//! `ot2ctl inventory`, over the embedded SQLite store.

mod support;

use std::time::Duration;

use serde_json::Value;
use support::lab::{Background, Lab, wait_for};
use support::{ok, ok_json, unique};
use uuid::Uuid;

const RATE_UL_PER_HOUR: f64 = 5.0;

/// A lab with the four inventory deployments on one queue, under names of its own.
struct InventoryLab {
    lab: Lab,
    init: String,
    restock: String,
    status: String,
    mix: String,
}

impl InventoryLab {
    fn new() -> InventoryLab {
        let lab = Lab::new(&["inventory"]);
        let suffix = unique("inv");
        let pool = &lab.pool;
        lab.deploy(
            "inventory",
            &format!(
                "deployments:
  - name: {suffix}
    entrypoint: ot2ctl:initialize-inventory
    work_pool: {{name: {pool}, work_queue_name: inventory}}
  - name: {suffix}
    entrypoint: ot2ctl:restock-maintenance
    work_pool: {{name: {pool}, work_queue_name: inventory}}
  - name: {suffix}
    entrypoint: ot2ctl:check-inventory-status
    work_pool: {{name: {pool}, work_queue_name: inventory}}
  - name: {suffix}
    flow_name: mix-color-with-inventory
    entrypoint: ot2+inventory:protocols/mix_color.py
    parameters: {{R: 120, Y: 50, B: 80, mix_well: B2}}
    work_pool: {{name: {pool}, work_queue_name: inventory}}
"
            ),
        );
        InventoryLab {
            init: format!("initialize-inventory/{suffix}"),
            restock: format!("restock-maintenance/{suffix}"),
            status: format!("check-inventory-status/{suffix}"),
            mix: format!("mix-color-with-inventory/{suffix}"),
            lab,
        }
    }

    fn worker(&self, extra: &[&str]) -> Background {
        Background::start(self.lab.worker(extra))
    }

    /// `ot2ctl inventory ARGS --deployment D -o json` through a worker; its JSON result.
    fn inventory(&self, args: &[&str], deployment: &str) -> Value {
        ok_json(self.lab.sandbox.ot2ctl().arg("inventory").args(args).args([
            "--deployment",
            deployment,
            "-o",
            "json",
            "--timeout",
            "120",
        ]))
    }

    fn status(&self, threshold_ml: f64) -> Value {
        self.inventory(&["status", &threshold_ml.to_string()], &self.status)
    }

    /// The status read from this machine's store, without a run.
    fn local_status(&self) -> Value {
        ok_json(
            self.lab
                .sandbox
                .ot2ctl()
                .args(["inventory", "status", "--local", "-o", "json"]),
        )
    }

    fn mix(&self, params: &[&str]) -> Uuid {
        self.lab.run(&self.mix, params)
    }

    fn ended(&self, id: Uuid) -> Value {
        wait_for(id, "the end of the run", Duration::from_secs(120), |run| {
            matches!(
                run["state_type"].as_str(),
                Some("COMPLETED" | "FAILED" | "CANCELLED" | "CRASHED")
            )
        })
    }
}

fn at(text: &Value) -> jiff::Timestamp {
    text.as_str().unwrap().parse().unwrap()
}

fn hours(from: &Value, to: &Value) -> f64 {
    at(from).duration_until(at(to)).as_secs_f64() / 3600.0
}

#[test]
fn a_lab_day_keeps_the_stock_to_the_formula_and_audits_the_restock() {
    let lab = InventoryLab::new();
    let _worker = lab.worker(&[]);

    let init = lab.inventory(&["init", "15", "15", "15"], &lab.init);
    let initialised_at = init["R"]["last_updated"].clone();
    assert_eq!(init["R"]["volume_ul"], 15_000.0);

    let mix = lab.mix(&["R=120", "Y=50", "B=80", "mix_well=B2"]);
    support::assert_state(&lab.ended(mix), "COMPLETED");

    let status = lab.status(2.0);
    let red = &status["inventory"]["R"];
    // Stored at the mix: 15 000 − 120 − evaporation since initialisation.
    let stored = 15_000.0 - 120.0 - RATE_UL_PER_HOUR * hours(&initialised_at, &red["last_updated"]);
    assert!(
        (red["stored_volume_ul"].as_f64().unwrap() - stored).abs() < 0.1,
        "stored {red} vs {stored}"
    );
    // Now: that, less evaporation since the mix.
    let now = stored - RATE_UL_PER_HOUR * hours(&red["last_updated"], &status["timestamp"]);
    assert!(
        (red["volume_ul"].as_f64().unwrap() - now).abs() < 0.1,
        "current {red} vs {now}"
    );
    assert!((red["volume_ul"].as_f64().unwrap() - 14_880.0).abs() < 1.0);
    assert_eq!(status["overall_status"], "All colors adequately stocked");

    let restock = lab.inventory(
        &["restock", "10", "5", "8", "--operator", "lab_tech_1"],
        &lab.restock,
    );
    assert_eq!(restock["operator"], "lab_tech_1");
    assert_eq!(restock["volumes_added"]["yellow_ul"], 5_000.0);
    let log = ok_json(
        lab.lab
            .sandbox
            .ot2ctl()
            .args(["inventory", "log", "-o", "json"]),
    );
    let restocks: Vec<&Value> = log
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["operation_type"] == "manual_restock")
        .collect();
    assert_eq!(restocks.len(), 1, "{log}");
    assert_eq!(restocks[0]["operator"], "lab_tech_1");
    assert_eq!(restocks[0]["restock_data"]["R"]["added_ul"], 10_000.0);
    assert_eq!(restocks[0]["id"], restock["log_id"]);

    // The status warnings on both sides of each limit: red now holds about 24.88 mL.
    let red_ml = lab.status(2.0)["inventory"]["R"]["volume_ul"]
        .as_f64()
        .unwrap()
        / 1000.0;
    let below = lab.status(red_ml + 0.05);
    assert!(
        below["warnings"]
            .as_array()
            .unwrap()
            .iter()
            .any(|w| w.as_str().unwrap().starts_with("Red is LOW (")),
        "{below}"
    );
    assert_eq!(below["overall_status"], "Action required");
    let above = lab.status(red_ml - 0.05);
    assert!(
        !above["warnings"]
            .as_array()
            .unwrap()
            .iter()
            .any(|w| w.as_str().unwrap().starts_with("Red")),
        "{above}"
    );

    // And both sides of empty: red at 0 is OUT OF STOCK, yellow at just under 1 µL only LOW.
    lab.inventory(&["init", "0", "0.001", "15"], &lab.init);
    let empty = lab.status(2.0);
    let warnings: Vec<&str> = empty["warnings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|w| w.as_str().unwrap())
        .collect();
    assert_eq!(
        warnings,
        [
            "Red is OUT OF STOCK (0 ml) - RESTOCK IMMEDIATELY",
            "Yellow is LOW (0.00 ml) - restock recommended"
        ],
        "{empty}"
    );
    assert_eq!(empty["overall_status"], "Action required");
}

#[test]
fn a_mix_the_stock_cannot_cover_fails_before_anything_starts_and_consumes_nothing() {
    let lab = InventoryLab::new();
    let _worker = lab.worker(&[]);
    lab.inventory(&["init", "0.2", "0.1", "0.2"], &lab.init);
    let before = lab.status(2.0);

    let mix = lab.mix(&["R=120", "Y=50", "B=80"]);
    let run = lab.ended(mix);
    support::assert_state(&run, "FAILED");
    // Evaporation in these few seconds stays far below the 0.05 µL the message would show.
    assert_eq!(
        run["state"]["message"],
        "Insufficient stock for: red (available: 200.0 ul, required: 220.0 ul), yellow \
         (available: 100.0 ul, required: 150.0 ul). Please restock before proceeding."
    );
    assert!(
        lab.lab.simulator_calls().is_empty(),
        "a simulator started: {:?}",
        lab.lab.simulator_calls()
    );
    let logs = lab.lab.logs(mix);
    assert_eq!(
        logs.matches("Insufficient stock for:").count(),
        1,
        "logged once:\n{logs}"
    );
    let after = lab.status(2.0);
    for key in ["R", "Y", "B"] {
        assert_eq!(
            after["inventory"][key]["stored_volume_ul"],
            before["inventory"][key]["stored_volume_ul"],
            "{key} changed"
        );
        assert_eq!(after["reserved_ul"][key], 0.0);
    }
}

#[test]
fn twenty_mixes_on_two_workers_consume_exactly_what_the_completed_ones_used() {
    let lab = InventoryLab::new();
    let failing_well = "H12";
    let workers: Vec<Background> = (0..2)
        .map(|_| {
            let mut command = lab.lab.worker(&["--limit", "2"]);
            command.env("OT2CTL_SHIM_FAIL_WELL", failing_well);
            Background::start(command)
        })
        .collect();
    let init = lab.inventory(&["init", "15", "15", "15"], &lab.init);

    let mut runs = Vec::new();
    for i in 0..20u32 {
        let (r, y, b) = (10 + i, 20 + 2 * i, 5 + 3 * i);
        let well = if i % 4 == 3 { failing_well } else { "auto" };
        let id = lab.mix(&[
            &format!("R={r}"),
            &format!("Y={y}"),
            &format!("B={b}"),
            &format!("mix_well={well}"),
        ]);
        runs.push((id, [r, y, b], well == failing_well));
    }
    let mut used = [0.0f64; 3];
    let mut failed = 0;
    for (id, volumes, should_fail) in &runs {
        let run = lab.ended(*id);
        let completed = run["state_type"] == "COMPLETED";
        assert_eq!(completed, !should_fail, "{run}");
        if completed {
            for (total, volume) in used.iter_mut().zip(volumes) {
                *total += f64::from(*volume);
            }
        } else {
            failed += 1;
        }
    }
    assert_eq!(failed, 5);

    let status = lab.status(2.0);
    drop(workers);
    for (index, key) in ["R", "Y", "B"].into_iter().enumerate() {
        let evaporated = RATE_UL_PER_HOUR * hours(&init[key]["last_updated"], &status["timestamp"]);
        let expected = 15_000.0 - used[index] - evaporated;
        let actual = status["inventory"][key]["volume_ul"].as_f64().unwrap();
        assert!(
            (actual - expected).abs() < 1.0,
            "{key}: {actual} µL, expected {expected} µL (used {})",
            used[index]
        );
        assert_eq!(
            status["reserved_ul"][key], 0.0,
            "a reservation was left behind"
        );
    }
}

#[test]
fn a_reservation_left_by_a_run_that_ended_is_released_when_a_worker_starts() {
    let lab = InventoryLab::new();
    let db = lab.lab.sandbox.ot2ctl_home().join("inventory.sqlite3");
    let init = {
        let _worker = lab.worker(&[]);
        lab.inventory(&["init", "15", "15", "15"], &lab.init);
        lab.status(2.0)
    };
    assert_eq!(init["reserved_ul"]["R"], 0.0);
    // A worker killed during a mix: its run ended (here: cancelled), its reservation stays.
    let mix = lab.mix(&[]);
    let ended_run = mix.to_string();
    ok(lab
        .lab
        .sandbox
        .ot2ctl()
        .args(["flow-run", "cancel", &ended_run]));
    let connection = rusqlite::Connection::open(&db).unwrap();
    connection
        .execute(
            "INSERT INTO reservations (flow_run_id, color_key, volume_ul, created) VALUES (?1, 'R', 500.0, '2026-01-01T00:00:00Z')",
            [&ended_run],
        )
        .unwrap();
    drop(connection);
    let held = lab.local_status();
    assert_eq!(held["reserved_ul"]["R"], 500.0);

    let worker = lab.lab.worker(&["--run-once"]).output().unwrap();
    assert!(worker.status.success());
    let output = String::from_utf8_lossy(&worker.stderr);
    assert!(
        output.contains(&format!(
            "released the paint reserved by flow run {ended_run}"
        )),
        "{output}"
    );
    let released = lab.local_status();
    assert_eq!(released["reserved_ul"]["R"], 0.0);
}

#[test]
fn bad_inventory_input_is_one_line_with_exit_2_and_changes_nothing() {
    let sandbox = support::Sandbox::new();
    ok(sandbox
        .bare()
        .args(["inventory", "init", "10", "10", "10", "--local"]));
    let local_status = || {
        ok_json(
            sandbox
                .bare()
                .args(["inventory", "status", "--local", "-o", "json"]),
        )
    };
    let before = local_status();
    for (args, named) in [
        (&["restock", "-5", "5", "5", "--local"][..], "not -5"),
        (&["restock", "1", "2", "nan", "--local"], "not NaN"),
        (
            &[
                "init",
                "15",
                "15",
                "15",
                "--evaporation-rate",
                "-1",
                "--local",
            ],
            "--evaporation-rate",
        ),
        (&["status", "-1", "--local"], "LOW_THRESHOLD_ML"),
    ] {
        let failure = support::fails(sandbox.bare().arg("inventory").args(args), 2);
        failure.mentions(named);
    }
    // Two of the three volumes: clap's own usage error, naming the one missing.
    let partial = sandbox
        .bare()
        .args(["inventory", "init", "15", "15", "--local"])
        .output()
        .unwrap();
    assert_eq!(partial.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&partial.stderr).contains("<BLUE_ML>"));

    let after = local_status();
    for key in ["R", "Y", "B"] {
        for field in ["stored_volume_ul", "last_updated"] {
            assert_eq!(
                after["inventory"][key][field], before["inventory"][key][field],
                "{key} {field}"
            );
        }
    }
    let log = ok_json(sandbox.bare().args(["inventory", "log", "-o", "json"]));
    assert_eq!(log.as_array().unwrap().len(), 1, "{log}");
}
