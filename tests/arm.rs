//! The robot's own binary (armv7-unknown-linux-musleabihf, from scripts/build-robot.sh) run
//! under qemu-arm-static against the same real servers as the rest of the suite: the Prefect
//! server, Opentrons' robot-server 8.1.0 in simulation, an HTTPS endpoint signed by a test CA.
//! What emulation cannot show (the Pi's own kernel and timing) is listed in the README.
//!
//! scripts/test.sh builds the binary and sets OT2CTL_TEST_ARM_BINARY and OT2CTL_TEST_QEMU_ARM.

mod support;

use std::path::PathBuf;
use std::time::Duration;

use serde_json::{Value, json};
use support::lab::{Lab, flow_run, state_history, wait_for};
use support::robot_server::RobotServer;
use support::{Sandbox, ok, ok_json, repo_root, unique};

/// "≤ 5 MB" (issue 15), in bytes.
const SIZE_LIMIT: u64 = 5_000_000;

fn env_path(name: &str) -> PathBuf {
    PathBuf::from(std::env::var(name).unwrap_or_else(|_| {
        panic!(
            "{name} is not set: scripts/test.sh builds the robot binary (scripts/build-robot.sh) \
             and runs these tests under qemu-arm-static"
        )
    }))
}

fn arm_binary() -> PathBuf {
    env_path("OT2CTL_TEST_ARM_BINARY")
}

/// A sandbox whose ot2ctl is the ARM binary, run by qemu (called directly: binfmt_misc is not
/// mounted on every machine).
fn arm_sandbox() -> Sandbox {
    Sandbox::running(env_path("OT2CTL_TEST_QEMU_ARM"), vec![arm_binary()])
}

/// Reads the fields of a 32-bit little-endian ELF header this test needs.
struct Elf32 {
    machine: u16,
    flags: u32,
    program_header_types: Vec<u32>,
}

impl Elf32 {
    fn parse(elf: &[u8]) -> Elf32 {
        assert_eq!(&elf[..4], b"\x7fELF", "not an ELF file");
        assert_eq!(elf[4], 1, "not a 32-bit ELF file");
        assert_eq!(elf[5], 1, "not little-endian");
        let u16_at = |at: usize| u16::from_le_bytes([elf[at], elf[at + 1]]);
        let u32_at = |at: usize| u32::from_le_bytes(elf[at..at + 4].try_into().unwrap());
        let table = u32_at(0x1c) as usize;
        let entry_size = u16_at(0x2a) as usize;
        let count = u16_at(0x2c) as usize;
        Elf32 {
            machine: u16_at(0x12),
            flags: u32_at(0x24),
            program_header_types: (0..count).map(|i| u32_at(table + i * entry_size)).collect(),
        }
    }
}

#[test]
fn the_robot_binary_is_a_static_arm_hard_float_executable_of_at_most_5_mb_and_runs() {
    let binary = arm_binary();
    let bytes = std::fs::read(&binary).unwrap();
    let elf = Elf32::parse(&bytes);
    const EM_ARM: u16 = 40;
    const EF_ARM_EABI_VER5: u32 = 0x0500_0000;
    const EF_ARM_ABI_FLOAT_HARD: u32 = 0x400;
    const PT_INTERP: u32 = 3;
    assert_eq!(elf.machine, EM_ARM);
    assert_eq!(elf.flags & 0xff00_0000, EF_ARM_EABI_VER5, "not EABI5");
    assert_ne!(elf.flags & EF_ARM_ABI_FLOAT_HARD, 0, "not hard-float");
    assert!(
        !elf.program_header_types.contains(&PT_INTERP),
        "{} asks for a dynamic loader",
        binary.display()
    );
    let size = bytes.len() as u64;
    assert!(size <= SIZE_LIMIT, "{size} bytes, over {SIZE_LIMIT}");

    let version = ok(arm_sandbox().bare().arg("--version"));
    assert_eq!(
        version.trim(),
        format!("ot2ctl {}", env!("CARGO_PKG_VERSION"))
    );

    // Its start-up constructor runs under musl too: without a standard output it says so.
    let closed = std::process::Command::new("sh")
        .args(["-c", "\"$0\" \"$1\" completions bash >&-"])
        .arg(env_path("OT2CTL_TEST_QEMU_ARM"))
        .arg(&binary)
        .output()
        .unwrap();
    assert_eq!(closed.status.code(), Some(1), "{closed:?}");
    assert!(String::from_utf8_lossy(&closed.stderr).contains("standard output is closed"));
}

#[test]
fn lab_setup_and_deploy_from_the_robot_binary_read_the_same_in_the_python_cli() {
    let sandbox = arm_sandbox();
    let pool = unique("arm-lab");
    let lab_file = sandbox.path().join("lab.yaml");
    std::fs::write(
        &lab_file,
        format!(
            "work_pools:\n  - name: {pool}\n    queues:\n      - name: high\n        priority: 1\n      - name: low\n        priority: 2\n"
        ),
    )
    .unwrap();
    ok(sandbox.ot2ctl().args(["lab", "setup"]).arg(&lab_file));
    let queues = ok(sandbox
        .prefect()
        .args(["work-queue", "ls", "--pool", &pool]));
    for queue in ["high", "low", "default"] {
        assert!(queues.contains(queue), "{queue} missing:\n{queues}");
    }

    let name = unique("arm-deploy");
    let deploy_file = sandbox.path().join("prefect.yaml");
    std::fs::write(
        &deploy_file,
        format!(
            "deployments:\n  - name: {name}\n    entrypoint: ot2:protocols/mix_color.py\n    parameters: {{R: 40, Y: 30, B: 20}}\n    work_pool: {{name: {pool}, work_queue_name: high}}\n"
        ),
    )
    .unwrap();
    ok(sandbox
        .ot2ctl()
        .current_dir(repo_root())
        .args(["deploy", "--all", "--prefect-file"])
        .arg(&deploy_file));
    let inspected =
        ok(sandbox
            .prefect()
            .args(["deployment", "inspect", &format!("mix-color/{name}")]));
    for expected in [
        "'work_queue_name': 'high'",
        &format!("'work_pool_name': '{pool}'"),
        "'R': 40",
    ] {
        assert!(
            inspected.contains(expected),
            "{expected} missing:\n{inspected}"
        );
    }
}

#[test]
fn the_robot_binarys_worker_mixes_on_the_real_robot_server_and_takes_the_paint_from_sqlite() {
    let (robot, _turn) = RobotServer::take();
    let lab = Lab::in_sandbox(arm_sandbox(), &["ot2"]);
    let sandbox = &lab.sandbox;
    ok(sandbox
        .ot2ctl()
        .args(["inventory", "init", "--local", "15", "15", "15"]));
    let name = unique("arm-mix");
    lab.deploy(
        "arm-mix",
        &format!(
            "deployments:\n  - name: {name}\n    flow_name: mix-color-with-inventory\n    entrypoint: ot2+inventory:protocols/mix_color.py\n    parameters: {{R: 120, Y: 50, B: 80, mix_well: B2}}\n    work_pool: {{name: {}, work_queue_name: ot2}}\n",
            lab.pool
        ),
    );

    let before = robot.run_ids();
    let id = lab.run(
        &format!("mix-color-with-inventory/{name}"),
        &["R=100", "mix_well=C3"],
    );
    let output = lab.run_once(&["--robot", &robot.url]);
    assert!(output.contains("COMPLETED"), "{output}");
    let run = wait_for(id, "the end of the run", Duration::from_secs(60), |run| {
        run["state_type"] == "COMPLETED"
    });
    assert_eq!(
        state_history(id),
        ["SCHEDULED", "PENDING", "RUNNING", "COMPLETED"]
    );
    assert_eq!(
        run["state"]["data"]["volumes_ul"],
        json!({"red": 100, "yellow": 50, "blue": 80}),
        "{}",
        flow_run(id)
    );

    // The robot ran it: one new run, succeeded, with this flow run's values.
    let new: Vec<Value> = robot
        .runs()
        .into_iter()
        .filter(|r| !before.contains(&r["id"].as_str().unwrap().to_string()))
        .collect();
    assert_eq!(new.len(), 1, "{new:?}");
    assert_eq!(new[0]["status"], "succeeded", "{}", new[0]);

    // And the paint came out of the ARM binary's SQLite store.
    let status = ok_json(
        sandbox
            .ot2ctl()
            .args(["inventory", "status", "--local", "-o", "json"]),
    );
    for (colour, used) in [("R", 100.0), ("Y", 50.0), ("B", 80.0)] {
        let left = status["inventory"][colour]["volume_ul"].as_f64().unwrap();
        // Evaporation over these seconds takes far less than 1 µL.
        assert!(
            (15_000.0 - used - left).abs() < 1.0,
            "{colour}: {left} µL left after using {used}\n{status}"
        );
    }
}

#[test]
fn the_robot_binary_trusts_a_labs_own_ca_only_through_ssl_cert_file() {
    support::tls::trusted_only_through_ssl_cert_file(&arm_sandbox());
}
