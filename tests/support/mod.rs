//! Shared by the integration tests: the real Prefect server the harness started, Opentrons'
//! real robot-server, sandboxed ot2ctl and `prefect` invocations, unique names, and stand-ins
//! for the faults a real server cannot produce on demand.
#![allow(dead_code)]

pub mod broker;
pub mod children;
pub mod http;
pub mod invoke;
pub mod lab;
pub mod mock;
pub mod robot_faults;
pub mod robot_lab;
pub mod robot_server;
pub mod scene;
pub mod tls;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Output;

use assert_cmd::Command;
use serde_json::Value;
use tempfile::TempDir;

pub use invoke::{Ot2ctl, Runs};

/// The server started by `scripts/test.sh`.
pub struct Server {
    pub url: String,
    pub auth: String,
    pub prefect: PathBuf,
}

pub fn server() -> Server {
    let need = |name: &str| {
        std::env::var(name).unwrap_or_else(|_| {
            panic!(
                "{name} is not set: these tests run against a real Prefect server that \
                 scripts/test.sh starts; run `scripts/test.sh` (it takes the same arguments as \
                 `cargo test`)"
            )
        })
    };
    Server {
        url: need("OT2CTL_TEST_API_URL"),
        auth: need("OT2CTL_TEST_AUTH_STRING"),
        prefect: PathBuf::from(need("OT2CTL_TEST_PREFECT")),
    }
}

/// A name no other test uses.
pub fn unique(prefix: &str) -> String {
    format!(
        "{prefix}-{}",
        &uuid::Uuid::new_v4().simple().to_string()[..10]
    )
}

/// A private HOME, config dir and PREFECT_HOME, so tests never see the user's profiles
/// (or each other's).
pub struct Sandbox {
    pub dir: TempDir,
    /// The program that is ot2ctl, and what goes before ot2ctl's own arguments: the binary
    /// cargo built, or an emulator and the robot's ARM binary.
    program: PathBuf,
    before_args: Vec<PathBuf>,
}

impl Sandbox {
    /// A sandbox for the ot2ctl cargo built for the tests.
    pub fn new() -> Sandbox {
        Sandbox::running(assert_cmd::cargo::cargo_bin("ot2ctl"), Vec::new())
    }

    /// A sandbox whose ot2ctl is `program` started with `before_args` first (qemu and the
    /// robot's binary, say).
    pub fn running(program: PathBuf, before_args: Vec<PathBuf>) -> Sandbox {
        Sandbox {
            dir: tempfile::tempdir().expect("temp dir"),
            program,
            before_args,
        }
    }

    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    pub fn ot2ctl_home(&self) -> PathBuf {
        self.path().join("ot2ctl")
    }

    pub fn prefect_home(&self) -> PathBuf {
        self.path().join("prefect")
    }

    /// The environment ot2ctl runs with in this sandbox: the test's own, without any
    /// Prefect or ot2ctl setting, with a home of its own and no keyring.
    fn bare_env(&self) -> BTreeMap<String, String> {
        let mut env: BTreeMap<String, String> = std::env::vars()
            .filter(|(name, _)| !(name.starts_with("PREFECT_") || name.starts_with("OT2CTL_")))
            .collect();
        let path = |p: PathBuf| p.display().to_string();
        env.insert("HOME".into(), path(self.path().to_path_buf()));
        env.insert("XDG_CONFIG_HOME".into(), path(self.path().join(".config")));
        env.insert("OT2CTL_HOME".into(), path(self.ot2ctl_home()));
        env.insert("PREFECT_HOME".into(), path(self.prefect_home()));
        env.insert("OT2CTL_KEYRING".into(), "off".into());
        env.insert("NO_COLOR".into(), "1".into());
        env
    }

    fn api_env(&self) -> BTreeMap<String, String> {
        let server = server();
        let mut env = self.bare_env();
        env.insert("PREFECT_API_URL".into(), server.url);
        env.insert("PREFECT_API_AUTH_STRING".into(), server.auth);
        env
    }

    /// ot2ctl with no settings at all: no env, no profiles, no keyring. Run in-process
    /// unless the process is the point ([`invoke`]).
    pub fn bare(&self) -> Ot2ctl {
        Ot2ctl::new(
            self.program.clone(),
            self.before_args.clone(),
            self.bare_env(),
        )
    }

    /// The same, always as the binary.
    pub fn bare_std(&self) -> std::process::Command {
        self.bare().process()
    }

    /// ot2ctl pointed at the test server through env, as a lab machine would be.
    pub fn ot2ctl(&self) -> Ot2ctl {
        Ot2ctl::new(
            self.program.clone(),
            self.before_args.clone(),
            self.api_env(),
        )
    }

    /// The same, always as the binary (to start in the background, say).
    pub fn ot2ctl_std(&self) -> std::process::Command {
        self.ot2ctl().process()
    }

    /// The Python `prefect` CLI against the same server.
    pub fn prefect(&self) -> Command {
        let server = server();
        let mut cmd = Command::new(&server.prefect);
        for (name, _) in std::env::vars() {
            if name.starts_with("PREFECT_") {
                cmd.env_remove(&name);
            }
        }
        cmd.env("PREFECT_HOME", self.prefect_home())
            .env("PREFECT_API_URL", &server.url)
            .env("PREFECT_API_AUTH_STRING", &server.auth)
            .env("PREFECT_CLI_PROMPT", "false")
            .env("COLUMNS", "200");
        cmd
    }
}

/// Runs a command that must succeed; returns its stdout.
pub fn ok(cmd: &mut impl Runs) -> String {
    let output = cmd.run();
    assert!(
        output.status.success(),
        "command failed ({:?})\nstdout:\n{}\nstderr:\n{}",
        output.status,
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).expect("utf-8 stdout")
}

/// Runs a command that must succeed and print JSON.
pub fn ok_json(cmd: &mut impl Runs) -> Value {
    let stdout = ok(cmd);
    serde_json::from_str(&stdout).unwrap_or_else(|err| panic!("not JSON ({err}):\n{stdout}"))
}

/// A failed run, checked the way every user-facing error must look: the expected exit code,
/// exactly one line on stderr starting with "error: ", no panic, no stack trace.
pub struct Failure {
    pub stderr: String,
    pub stdout: String,
}

impl Failure {
    /// Asserts that the error line contains `text`.
    pub fn mentions(&self, text: &str) -> &Failure {
        assert!(
            self.stderr.contains(text),
            "expected the error to mention {text:?}, got:\n{}",
            self.stderr
        );
        self
    }
}

pub fn fails(cmd: &mut impl Runs, code: i32) -> Failure {
    let output: Output = cmd.run();
    let stderr = String::from_utf8_lossy(&output.stderr).to_string();
    let stdout = String::from_utf8_lossy(&output.stdout).to_string();
    assert_eq!(
        output.status.code(),
        Some(code),
        "wrong exit code\nstdout:\n{stdout}\nstderr:\n{stderr}"
    );
    let error_lines: Vec<&str> = stderr
        .lines()
        .filter(|l| !l.starts_with("warning:"))
        .collect();
    assert_eq!(
        error_lines.len(),
        1,
        "expected one error line, got:\n{stderr}"
    );
    assert!(error_lines[0].starts_with("error: "), "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert!(!stderr.contains("RUST_BACKTRACE"), "{stderr}");
    Failure { stderr, stdout }
}

/// The repository's root (where lab.yaml and completions/ live).
pub fn repo_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// ot2ctl's own API client for the test server, to set the scene (variables, run states).
pub fn api() -> ot2ctl::api::Client {
    let server = server();
    ot2ctl::api::Client::new(ot2ctl::api::ClientOptions {
        api_url: server.url,
        credential: ot2ctl::api::Credential::AuthString {
            secret: ot2ctl::api::Secret::new(server.auth),
            origin: "the test harness".into(),
        },
        timeout: std::time::Duration::from_secs(30),
        max_retries: 5,
    })
    .expect("client")
}

/// Runs a future to completion on a fresh single-threaded runtime.
pub fn block_on<F: std::future::Future>(future: F) -> F::Output {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("runtime")
        .block_on(future)
}

/// Copies a directory of tests/fixtures into `into`.
pub fn copy_fixture(name: &str, into: &Path) {
    copy_tree(&repo_root().join("tests/fixtures").join(name), into);
}

fn copy_tree(from: &Path, into: &Path) {
    std::fs::create_dir_all(into).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = into.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_tree(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

/// Asserts a flow run's state type; when it differs, the failure shows the state's name and
/// message (what the worker or the engine said), which is what tells why.
#[track_caller]
pub fn assert_state(run: &Value, expected: &str) {
    assert_state_showing(run, expected, "");
}

/// `assert_state`, showing `more` (a worker's output, the run's logs) as well on failure.
#[track_caller]
pub fn assert_state_showing(run: &Value, expected: &str, more: &str) {
    assert_eq!(
        run["state_type"], expected,
        "flow run {} is {} ({}): {}\n{more}",
        run["id"], run["state_type"], run["state_name"], run["state"]["message"]
    );
}
