//! One ot2ctl command line for a test, run in-process when it can be (the command itself,
//! `ot2ctl::commands::invoke`, with a captured printer and the environment and working
//! directory the process would have had) and as the binary when the process is the point:
//! the worker (children, signals), standard input, settings clap reads from the environment,
//! and the robot's ARM binary. Both give a `std::process::Output`, so a test reads them the
//! same way.
//!
//! With `OT2CTL_TEST_INVOCATIONS=FILE`, each invocation appends `in-process` or `process` to
//! FILE, for the suite's count.

use std::collections::BTreeMap;
use std::ffi::{OsStr, OsString};
use std::io::Write;
use std::os::unix::process::ExitStatusExt;
use std::path::{Path, PathBuf};
use std::process::{ExitStatus, Output, Stdio};

/// Settings clap itself reads from the environment: a command given one runs as a process,
/// where clap reads the variable it was given.
const READ_BY_CLAP: &[&str] = &[
    "OT2CTL_ROBOT",
    "OT2CTL_PYTHON",
    "OT2CTL_OPENTRONS_PYTHON",
    "OT2CTL_OPENTRONS_EXECUTE",
];

/// Variables the TLS and HTTP libraries read from the process itself: a command given other
/// values than the test process has runs as a process of its own.
const READ_FROM_THE_PROCESS: &[&str] = &[
    "SSL_CERT_FILE",
    "SSL_CERT_DIR",
    "HTTP_PROXY",
    "HTTPS_PROXY",
    "ALL_PROXY",
    "NO_PROXY",
    "http_proxy",
    "https_proxy",
    "all_proxy",
    "no_proxy",
];

/// An ot2ctl command line, built like `std::process::Command`.
#[derive(Debug, Clone)]
pub struct Ot2ctl {
    program: PathBuf,
    before_args: Vec<PathBuf>,
    args: Vec<OsString>,
    /// The environment the command sees, complete.
    env: BTreeMap<String, String>,
    cwd: Option<PathBuf>,
    stdin: Option<Vec<u8>>,
}

impl Ot2ctl {
    /// `program` (after `before_args`) with exactly `env`.
    pub fn new(program: PathBuf, before_args: Vec<PathBuf>, env: BTreeMap<String, String>) -> Self {
        Ot2ctl {
            program,
            before_args,
            args: Vec::new(),
            env,
            cwd: None,
            stdin: None,
        }
    }

    pub fn arg(&mut self, arg: impl AsRef<OsStr>) -> &mut Self {
        self.args.push(arg.as_ref().to_os_string());
        self
    }

    pub fn args<I, S>(&mut self, args: I) -> &mut Self
    where
        I: IntoIterator<Item = S>,
        S: AsRef<OsStr>,
    {
        for arg in args {
            self.arg(arg);
        }
        self
    }

    pub fn env(&mut self, name: impl AsRef<OsStr>, value: impl AsRef<OsStr>) -> &mut Self {
        self.env.insert(
            name.as_ref().to_string_lossy().to_string(),
            value.as_ref().to_string_lossy().to_string(),
        );
        self
    }

    pub fn envs<I, K, V>(&mut self, vars: I) -> &mut Self
    where
        I: IntoIterator<Item = (K, V)>,
        K: AsRef<OsStr>,
        V: AsRef<OsStr>,
    {
        for (name, value) in vars {
            self.env(name, value);
        }
        self
    }

    pub fn env_remove(&mut self, name: impl AsRef<OsStr>) -> &mut Self {
        self.env.remove(name.as_ref().to_string_lossy().as_ref());
        self
    }

    pub fn current_dir(&mut self, dir: impl AsRef<Path>) -> &mut Self {
        self.cwd = Some(dir.as_ref().to_path_buf());
        self
    }

    pub fn write_stdin(&mut self, input: impl Into<Vec<u8>>) -> &mut Self {
        self.stdin = Some(input.into());
        self
    }

    /// Whether this command line must run as its own process.
    fn needs_a_process(&self) -> bool {
        let first = self
            .args
            .iter()
            .find(|a| !a.to_string_lossy().starts_with('-'));
        first.is_some_and(|a| a == "worker")
            || self.stdin.is_some()
            || READ_BY_CLAP.iter().any(|name| self.env.contains_key(*name))
            || READ_FROM_THE_PROCESS
                .iter()
                .any(|name| self.env.get(*name) != std::env::var(name).ok().as_ref())
            || !self.before_args.is_empty()
            || self.program != assert_cmd::cargo::cargo_bin("ot2ctl")
    }

    /// The command as the binary, in its own process.
    pub fn process(&self) -> std::process::Command {
        let mut command = std::process::Command::new(&self.program);
        command
            .args(&self.before_args)
            .args(&self.args)
            .env_clear()
            .envs(&self.env);
        if let Some(dir) = &self.cwd {
            command.current_dir(dir);
        }
        command
    }

    /// Runs the command and waits for it.
    pub fn output(&mut self) -> std::io::Result<Output> {
        if self.needs_a_process() {
            record("process");
            let mut command = self.process();
            command
                .stdin(if self.stdin.is_some() {
                    Stdio::piped()
                } else {
                    Stdio::null()
                })
                .stdout(Stdio::piped())
                .stderr(Stdio::piped());
            let mut child = command.spawn()?;
            if let Some(input) = &self.stdin {
                child.stdin.take().expect("piped").write_all(input)?;
            }
            return child.wait_with_output();
        }
        record("in-process");
        let (printer, captured) = ot2ctl::output::Printer::capture();
        let cwd = self
            .cwd
            .clone()
            .unwrap_or_else(|| std::env::current_dir().expect("the test's directory"));
        let mut args = vec![OsString::from("ot2ctl")];
        args.extend(self.args.iter().cloned());
        let env = ot2ctl::config::Env::fixed(self.env.clone());
        let code = ot2ctl::commands::invoke(args, &printer, env, cwd);
        Ok(Output {
            status: ExitStatus::from_raw(i32::from(code) << 8),
            stdout: captured.stdout().into_bytes(),
            stderr: captured.stderr().into_bytes(),
        })
    }
}

/// One line per invocation, `<test binary> <test> <mode>`, written whole (appends of one
/// small write do not interleave).
fn record(mode: &str) {
    if let Some(file) = std::env::var_os("OT2CTL_TEST_INVOCATIONS")
        && let Ok(mut log) = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(file)
    {
        let binary = std::env::current_exe()
            .ok()
            .and_then(|p| p.file_stem().map(|s| s.to_string_lossy().to_string()))
            .unwrap_or_default();
        let binary = binary.split('-').next().unwrap_or("").to_string();
        let test = std::thread::current().name().unwrap_or("main").to_string();
        let _ = log.write_all(format!("{binary} {test} {mode}\n").as_bytes());
    }
}

/// What a test can run and read the output of: the in-process command line, or any process.
pub trait Runs {
    fn run(&mut self) -> Output;
}

impl Runs for Ot2ctl {
    fn run(&mut self) -> Output {
        self.output().expect("ot2ctl runs")
    }
}

impl Runs for assert_cmd::Command {
    fn run(&mut self) -> Output {
        self.output().expect("command runs")
    }
}

impl Runs for std::process::Command {
    fn run(&mut self) -> Output {
        self.output().expect("command runs")
    }
}
