//! The colour sensor over a real broker: Debian's mosquitto (TLS with a test CA, a password
//! file), and the sensor's stand-in (`ot2ctl-sensor-stand-in`), which keeps the firmware's
//! contract. The stand-in stands in for the Pico W, which cannot run here, and for the one
//! fault of it that cannot be had on demand: a reply that never arrives (`--drop-every`).
//! The broker's faults are the real broker's: killed and started again, a wrong password, a
//! certificate the client does not trust.

mod support;

use std::process::Stdio;
use std::time::{Duration, Instant};

use ot2ctl::colour::ciede2000::delta_e;
use ot2ctl::colour::paint;
use serde_json::Value;
use support::broker::{Broker, StandIn};
use support::invoke::Ot2ctl;
use support::{Sandbox, fails, ok_json, unique};

fn read(sandbox: &Sandbox, broker: &Broker, sensor: &str) -> Ot2ctl {
    let mut command = sandbox.bare();
    command.envs(broker.env(sensor)).args(["sensor", "read"]);
    command
}

#[test]
fn a_reading_comes_back_as_the_colour_of_the_recipe() {
    let broker = Broker::start();
    let sensor = unique("pico");
    let _stand_in = StandIn::start(&broker, &sensor, &["--poll-seconds", "0.2"]);
    let sandbox = Sandbox::new();
    let reading = ok_json(read(&sandbox, &broker, &sensor).args([
        "--red", "120", "--yellow", "50", "--blue", "80", "--well", "b2", "-o", "json",
    ]));
    assert_eq!(reading["well"], "B2");
    assert_eq!(reading["recipe"]["R"], 120.0);
    assert_eq!(reading["attempts"], 1);
    for channel in [
        "ch410", "ch440", "ch470", "ch510", "ch550", "ch583", "ch620", "ch670",
    ] {
        assert!(
            reading["sensor_data"][channel].as_f64().unwrap() > 0.0,
            "{reading}"
        );
    }
    // The stand-in answers with the paint model plus 1 % noise: the colour is the model's.
    let lab = &reading["lab"];
    let measured = ot2ctl::colour::lab::Lab {
        l: lab[0].as_f64().unwrap(),
        a: lab[1].as_f64().unwrap(),
        b: lab[2].as_f64().unwrap(),
    };
    let model = paint::colour([120.0, 50.0, 80.0]).unwrap().lab();
    assert!(delta_e(measured, model) < 2.0, "{reading}");
    // The table says the same in words.
    let table = support::ok(read(&sandbox, &broker, &sensor).args(["--red", "0", "--blue", "50"]));
    assert!(
        table.contains("ch670") && table.contains("colour #"),
        "{table}"
    );
}

#[test]
fn a_dropped_reply_is_asked_for_again() {
    let broker = Broker::start();
    let sensor = unique("pico");
    // Every second reply is lost.
    let _stand_in = StandIn::start(
        &broker,
        &sensor,
        &["--poll-seconds", "0.2", "--drop-every", "2"],
    );
    let sandbox = Sandbox::new();
    let mut first = read(&sandbox, &broker, &sensor);
    first
        .env("OT2CTL_SENSOR_TIMEOUT_SECONDS", "5")
        .args(["-o", "json"]);
    assert_eq!(ok_json(&mut first)["attempts"], 1);
    let mut second = read(&sandbox, &broker, &sensor);
    second
        .env("OT2CTL_SENSOR_TIMEOUT_SECONDS", "5")
        .args(["-o", "json"]);
    let output = second.output().unwrap();
    assert!(output.status.success(), "{output:?}");
    let reading: Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(reading["attempts"], 2, "{reading}");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("sending the request again (2 of 3)"),
        "{stderr}"
    );
}

#[test]
fn a_broker_restarted_mid_reading_is_waited_for() {
    let broker = Broker::start();
    let sensor = unique("pico");
    // A slow sensor: the request waits in its queue while the broker goes away.
    let _stand_in = StandIn::start(&broker, &sensor, &["--poll-seconds", "3"]);
    let sandbox = Sandbox::new();
    let mut reading = read(&sandbox, &broker, &sensor).process();
    reading
        .env("OT2CTL_SENSOR_TIMEOUT_SECONDS", "12")
        .args(["-o", "json"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let child = reading.spawn().unwrap();
    // The broker is killed once the reader is on it (mosquitto logs each client it accepts)
    // and has had time to send its request.
    let started = Instant::now();
    let log = broker.dir.join("broker.log");
    while !std::fs::read_to_string(&log)
        .unwrap_or_default()
        .contains("as ot2ctl-reader-")
    {
        assert!(
            started.elapsed() < Duration::from_secs(60),
            "the reader never connected"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
    std::thread::sleep(Duration::from_millis(500));
    broker.kill();
    std::thread::sleep(Duration::from_secs(1));
    broker.restart();
    let output = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "{stderr}");
    assert!(stderr.contains("lost the MQTT broker"), "{stderr}");
    let reading: Value = serde_json::from_slice(&output.stdout).unwrap();
    assert!(reading["attempts"].as_u64().unwrap() >= 1, "{reading}");
}

#[test]
fn a_wrong_password_an_untrusted_broker_and_a_silent_sensor_each_say_so_in_one_line() {
    let broker = Broker::start();
    let sensor = unique("pico");
    let sandbox = Sandbox::new();

    let wrong = fails(
        read(&sandbox, &broker, &sensor).env("OT2CTL_MQTT_PASSWORD", "not-the-password"),
        1,
    );
    wrong
        .mentions("refused user")
        .mentions("user name or password");
    assert!(
        !wrong.stderr.contains("not-the-password"),
        "{}",
        wrong.stderr
    );
    // Refused at once: a wrong password is not retried (a retried one would end "could not
    // reach" or "did not answer").

    let untrusted = fails(
        read(&sandbox, &broker, &sensor).env_remove("OT2CTL_MQTT_CA_FILE"),
        1,
    );
    untrusted
        .mentions("not trusted")
        .mentions("OT2CTL_MQTT_CA_FILE");
    assert!(!untrusted.stderr.contains(&broker.password));

    // Nobody answers: two requests, then one line.
    let mut silent = read(&sandbox, &broker, &sensor);
    silent
        .env("OT2CTL_SENSOR_TIMEOUT_SECONDS", "1")
        .env("OT2CTL_SENSOR_ATTEMPTS", "2");
    let output = silent.output().unwrap();
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&output.stderr);
    let last = stderr.lines().last().unwrap_or("");
    assert!(
        last.starts_with("error: colour sensor") && last.contains("2 request(s)"),
        "{stderr}"
    );

    let unconfigured = fails(sandbox.bare().args(["sensor", "read"]), 2);
    unconfigured.mentions("OT2CTL_MQTT_HOST");
    let bad_volume = fails(read(&sandbox, &broker, &sensor).args(["--red=-5"]), 2);
    bad_volume.mentions("µL");
}

/// A measurement run on the real Prefect server, Opentrons' analyzer (the simulated robot),
/// the real broker and the stand-in: the sensor over the well, the reading kept with the
/// well and the recipe the plate knows, the sensor put back; a silent sensor fails the run
/// with the sensor still put back; a worker without a sensor refuses before any motion.
#[test]
fn a_measurement_reads_the_well_keeps_the_reading_and_always_puts_the_sensor_back() {
    use support::lab::{Lab, flow_run, wait_for};
    let broker = Broker::start();
    let sensor = unique("pico");
    let stand_in = StandIn::start(&broker, &sensor, &["--poll-seconds", "0.2"]);
    let lab = Lab::new(&["mix", "measure"]);
    let sandbox = &lab.sandbox;
    let project = unique("measure-test");
    support::ok(
        sandbox
            .ot2ctl()
            .args(["plate", "new", "--project", &project, "--local", "--yes"]),
    );
    let mix = lab.protocol_deployment(
        &unique("mix"),
        "mix_color",
        "mix",
        serde_json::json!({"R": 120, "Y": 50, "B": 80, "mix_well": "B2"}),
    );
    let name = unique("measure");
    lab.deploy(
        &name,
        &format!(
            "deployments:\n  - name: {name}\n    flow_name: measure-well\n    entrypoint: ot2+sensor:protocols/move_sensor_to_well.py\n    parameters: {{mix_well: B2}}\n    work_pool: {{name: {}, work_queue_name: measure}}\n",
            lab.pool
        ),
    );
    let measure = format!("measure-well/{name}");
    let with_sensor = |extra: &[&str]| {
        let mut worker = lab.worker(&["--run-once"]);
        worker.args(extra).envs(broker.env(&sensor));
        let output = worker.output().unwrap();
        assert!(output.status.success(), "{output:?}");
    };
    let ended = |id| {
        wait_for(id, "the run's end", Duration::from_secs(120), |run| {
            matches!(
                run["state_type"].as_str(),
                Some("COMPLETED" | "FAILED" | "CANCELLED" | "CRASHED")
            )
        })
    };

    let mixed = lab.run(&mix, &[]);
    with_sensor(&[]);
    support::assert_state(&ended(mixed), "COMPLETED");
    let calls_before = lab.simulator_calls().len();
    let measured = lab.run(&measure, &[]);
    with_sensor(&[]);
    let run = ended(measured);
    support::assert_state(&run, "COMPLETED");
    let message = run["state"]["message"].as_str().unwrap();
    assert!(message.starts_with("Well B2 measured: #"), "{message}");
    let calls: Vec<String> = lab.simulator_calls()[calls_before..].to_vec();
    assert_eq!(calls.len(), 2, "{calls:?}");
    assert!(calls[0].contains("move_sensor_to_well.py"), "{calls:?}");
    assert!(calls[1].contains("move_sensor_back.py"), "{calls:?}");
    let logs = lab.logs(measured);
    assert!(logs.contains("Putting the sensor back"), "{logs}");
    assert!(logs.contains("R=120 Y=50 B=80"), "{logs}");
    // The run's result is the reading; the plate keeps it with the well.
    let data = &flow_run(measured)["state"]["data"];
    assert_eq!(data["well"], "B2", "{data}");
    assert_eq!(data["flow_run_id"], measured.to_string());
    let status = ok_json(
        sandbox
            .ot2ctl()
            .args(["plate", "status", "--local", "-o", "json"]),
    );
    let readings = status["readings"].as_array().unwrap();
    assert_eq!(readings.len(), 1, "{status}");
    assert_eq!(readings[0]["request_id"], data["request_id"]);
    let lab_of = |v: &Value| ot2ctl::colour::lab::Lab {
        l: v[0].as_f64().unwrap(),
        a: v[1].as_f64().unwrap(),
        b: v[2].as_f64().unwrap(),
    };
    let model = paint::colour([120.0, 50.0, 80.0]).unwrap().lab();
    assert!(
        delta_e(lab_of(&readings[0]["lab"]), model) < 2.0,
        "{readings:?}"
    );
    let picture = support::ok(sandbox.ot2ctl().args(["plate", "status", "--local"]));
    let colour = readings[0]["colour"].as_str().unwrap();
    assert!(
        picture.contains(&format!("measured: B2 {colour}")),
        "{picture}"
    );
    assert!(
        picture
            .lines()
            .any(|l| l.starts_with(" B  ") && l.contains(" n")),
        "{picture}"
    );

    // The sensor goes silent: the run fails, and the sensor is put back all the same.
    drop(stand_in);
    let calls_before = lab.simulator_calls().len();
    let unanswered = lab.run(&measure, &[]);
    let mut worker = lab.worker(&["--run-once"]);
    worker
        .envs(broker.env(&sensor))
        .env("OT2CTL_SENSOR_TIMEOUT_SECONDS", "1")
        .env("OT2CTL_SENSOR_ATTEMPTS", "2");
    assert!(worker.output().unwrap().status.success());
    let run = ended(unanswered);
    support::assert_state(&run, "FAILED");
    let message = run["state"]["message"].as_str().unwrap();
    assert!(
        message.contains("did not answer: 2 request(s)"),
        "{message}"
    );
    assert!(!message.contains("NOT put back"), "{message}");
    let calls: Vec<String> = lab.simulator_calls()[calls_before..].to_vec();
    assert_eq!(calls.len(), 2, "{calls:?}");
    assert!(calls[1].contains("move_sensor_back.py"), "{calls:?}");

    // A wrong broker password: the run fails with one line, and the sensor is put back.
    let calls_before = lab.simulator_calls().len();
    let refused_user = lab.run(&measure, &[]);
    let mut worker = lab.worker(&["--run-once"]);
    worker
        .envs(broker.env(&sensor))
        .env("OT2CTL_MQTT_PASSWORD", "not-the-password");
    assert!(worker.output().unwrap().status.success());
    let run = ended(refused_user);
    support::assert_state(&run, "FAILED");
    let message = run["state"]["message"].as_str().unwrap();
    assert!(
        message.contains("refused user") && !message.contains("not-the-password"),
        "{message}"
    );
    let calls: Vec<String> = lab.simulator_calls()[calls_before..].to_vec();
    assert!(
        calls
            .last()
            .is_some_and(|c| c.contains("move_sensor_back.py")),
        "{calls:?}"
    );

    // A worker that reads no sensor refuses before anything moves.
    let calls_before = lab.simulator_calls().len();
    let refused = lab.run(&measure, &[]);
    assert!(
        lab.worker(&["--run-once"])
            .output()
            .unwrap()
            .status
            .success()
    );
    let run = ended(refused);
    support::assert_state(&run, "FAILED");
    assert!(
        run["state"]["message"]
            .as_str()
            .unwrap()
            .contains("reads no colour sensor"),
        "{run}"
    );
    assert_eq!(lab.simulator_calls().len(), calls_before);
}
