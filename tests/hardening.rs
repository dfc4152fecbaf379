//! What a hostile or careless user found (issue 19), one test per finding: numbers that
//! aborted every later command, a git token in argv, units and `.git/config`, a plan that
//! printed part of a password, profiles lost under concurrent writers, half-written deploys,
//! values silently replaced, endless inputs, output errors taken for success.
//!
//! Against the real Prefect server and a real git host (git's own `http-backend` behind
//! basic auth, tests/fixtures/git_http_server.py); the one stand-in is that script's
//! `--silent` mode, a host that accepts connections and never answers, which no real git
//! server can be asked to be.

mod support;

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command as StdCommand, Output, Stdio};
use std::time::{Duration, Instant};

use support::lab::{Lab, flow_run};
use support::{Sandbox, block_on, fails, ok, ok_json, repo_root, unique};

/// Runs a command, killing it after `limit`: a test of bounded input must not hang.
fn run_bounded(mut command: StdCommand, limit: Duration) -> Output {
    let mut child = command
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("command starts");
    let started = Instant::now();
    while child.try_wait().unwrap().is_none() {
        if started.elapsed() > limit {
            let _ = child.kill();
            let output = child.wait_with_output().unwrap();
            panic!(
                "{command:?} still ran after {limit:?}\nstderr:\n{}",
                String::from_utf8_lossy(&output.stderr)
            );
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    child.wait_with_output().unwrap()
}

/// The promise every run of a command keeps, whatever it was given: exit 0, 1 or 2 (never
/// an abort or a panic), and when it fails, one `error:` line.
fn assert_kept_promise(what: &str, output: &Output) {
    let stderr = String::from_utf8_lossy(&output.stderr);
    let code = output.status.code();
    assert!(
        matches!(code, Some(0..=2)),
        "{what}: exit {:?}\n{stderr}",
        output.status
    );
    assert!(
        !stderr.contains("panicked") && !stderr.contains("RUST_BACKTRACE"),
        "{what}: {stderr}"
    );
    if code != Some(0) {
        let errors: Vec<&str> = stderr.lines().filter(|l| l.starts_with("error:")).collect();
        assert_eq!(
            errors.len(),
            1,
            "{what}: one error line expected:\n{stderr}"
        );
    }
}

/// The extreme values every numeric flag and setting is driven with.
const EXTREMES: &[&str] = &[
    "0",
    "-0",
    "NaN",
    "inf",
    "-inf",
    "1e308",
    "-1e308",
    "18446744073709551615",
    "18446744073709551616",
    "-1",
    "4294967295",
    "0.5",
    "1",
];

#[test]
fn every_numeric_flag_and_setting_takes_extreme_values_without_a_panic() {
    let lab = Lab::new(&["q"]);
    let pool = lab.pool.as_str();
    let run_id = uuid::Uuid::new_v4().to_string();
    // `{}` is where the value goes.
    let flags: Vec<Vec<String>> = [
        vec![
            "work-queue",
            "preview",
            "q",
            "--pool",
            pool,
            "--hours",
            "{}",
        ],
        vec![
            "work-queue",
            "create",
            "{name}",
            "--pool",
            pool,
            "--priority",
            "{}",
        ],
        vec![
            "work-queue",
            "create",
            "{name}",
            "--pool",
            pool,
            "--limit",
            "{}",
        ],
        vec!["work-queue", "update", "q", "--pool", pool, "--limit", "{}"],
        vec![
            "work-queue",
            "set-concurrency-limit",
            "q",
            "{}",
            "--pool",
            pool,
        ],
        vec!["work-pool", "set-concurrency-limit", pool, "{}"],
        vec!["work-pool", "create", "{name}", "--concurrency-limit", "{}"],
        vec!["work-pool", "update", pool, "--concurrency-limit", "{}"],
        vec!["flow-run", "ls", "--limit", "{}"],
        vec!["flow-run", "logs", &run_id, "--head", "-n", "{}"],
        vec!["run", "no-such/deployment", "--watch", "--timeout", "{}"],
        vec!["run", "no-such/deployment", "--start-in", "{}s"],
        vec!["inventory", "log", "--local", "--limit", "{}"],
        vec!["inventory", "status", "{}", "--local"],
        vec!["inventory", "init", "{}", "1", "1", "--local"],
        vec!["inventory", "init", "--evaporation-rate", "{}", "--local"],
        vec!["inventory", "restock", "0", "{}", "0", "--local"],
        vec![
            "inventory",
            "status",
            "--timeout",
            "{}",
            "--deployment",
            "no/such",
        ],
        vec![
            "robot",
            "offsets",
            "set",
            "opentrons/corning_96_wellplate_360ul_flat/2",
            "--slot",
            "1",
            "--robot",
            "http://127.0.0.1:31950",
            "--allow-large-offset",
            "--z",
            "{}",
        ],
    ]
    .into_iter()
    .map(|args| args.into_iter().map(str::to_string).collect())
    .collect();
    let worker_flags = [
        "--limit",
        "--prefetch-seconds",
        "--poll-seconds",
        "--heartbeat-seconds",
        "--cancel-grace-seconds",
        "--shutdown-grace-seconds",
        "--git-timeout-seconds",
    ];
    let mut cases = 0;
    for value in EXTREMES {
        for template in &flags {
            let args: Vec<String> = template
                .iter()
                .map(|arg| arg.replace("{name}", &unique("n")).replace("{}", value))
                .collect();
            let mut command = lab.sandbox.ot2ctl_std();
            command.args(&args);
            let output = run_bounded(command, Duration::from_secs(60));
            assert_kept_promise(&args.join(" "), &output);
            cases += 1;
        }
        for flag in worker_flags {
            // `=` so that a negative value is read as the flag's value.
            let command = lab.worker(&["--run-once", &format!("{flag}={value}")]);
            let output = run_bounded(command, Duration::from_secs(120));
            assert_kept_promise(&format!("worker start {flag}={value}"), &output);
            cases += 1;
        }
        for setting in ["PREFECT_API_REQUEST_TIMEOUT", "PREFECT_CLIENT_MAX_RETRIES"] {
            let mut from_env = lab.sandbox.ot2ctl_std();
            from_env.env(setting, value).args(["work-pool", "ls"]);
            let output = run_bounded(from_env, Duration::from_secs(60));
            assert_kept_promise(&format!("{setting}={value} work-pool ls"), &output);
            let mut set = lab.sandbox.bare_std_command();
            set.args(["config", "set", &format!("{setting}={value}")]);
            let output = run_bounded(set, Duration::from_secs(60));
            assert_kept_promise(&format!("config set {setting}={value}"), &output);
            // Whatever `config set` accepted, every later command can use.
            let mut later = lab.sandbox.bare_std_command();
            later.args(["config", "view"]);
            let output = run_bounded(later, Duration::from_secs(60));
            assert_kept_promise(&format!("config view after {setting}={value}"), &output);
            cases += 3;
        }
    }
    assert!(cases > 300, "{cases} cases");
}

trait BareStd {
    fn bare_std_command(&self) -> StdCommand;
}

impl BareStd for Sandbox {
    fn bare_std_command(&self) -> StdCommand {
        let mut command = StdCommand::new(assert_cmd::cargo::cargo_bin("ot2ctl"));
        for (name, _) in std::env::vars() {
            if name.starts_with("PREFECT_") || name.starts_with("OT2CTL_") {
                command.env_remove(&name);
            }
        }
        command
            .env("HOME", self.path())
            .env("XDG_CONFIG_HOME", self.path().join(".config"))
            .env("OT2CTL_HOME", self.ot2ctl_home())
            .env("PREFECT_HOME", self.prefect_home())
            .env("OT2CTL_KEYRING", "off")
            .env("NO_COLOR", "1");
        command
    }
}

#[test]
fn a_setting_out_of_range_is_refused_when_set_and_when_read() {
    let sandbox = Sandbox::new();
    let failure = fails(
        sandbox
            .bare()
            .args(["config", "set", "PREFECT_API_REQUEST_TIMEOUT=1e308"]),
        2,
    );
    assert!(
        failure.stderr.contains(
            "PREFECT_API_REQUEST_TIMEOUT must be between 0.1 and 86400 s (a day), not 1e308"
        ),
        "{}",
        failure.stderr
    );
    // Nothing was stored: later commands run.
    ok(sandbox.bare().args(["config", "view"]));
    let failure = fails(
        sandbox
            .ot2ctl()
            .env("PREFECT_API_REQUEST_TIMEOUT", "1e308")
            .args(["work-pool", "ls"]),
        2,
    );
    failure.mentions("(from env)");
    fails(
        sandbox
            .ot2ctl()
            .args(["worker", "start", "--pool", "p", "--poll-seconds", "1e20"]),
        2,
    )
    .mentions("must be between 0.1 and 86400 s");
    fails(
        sandbox.ot2ctl().args([
            "work-queue",
            "preview",
            "q",
            "--pool",
            "p",
            "--hours",
            "4294967295",
        ]),
        2,
    )
    .mentions("between 1 and 87600");
}

#[test]
fn fifty_concurrent_profile_and_config_writers_all_land() {
    let sandbox = Sandbox::new();
    let spawn_all = |args_of: &dyn Fn(usize) -> Vec<String>| {
        let children: Vec<Child> = (0..50)
            .map(|n| {
                let mut command = sandbox.bare_std_command();
                command
                    .args(args_of(n))
                    .stdout(Stdio::null())
                    .stderr(Stdio::piped());
                command.spawn().unwrap()
            })
            .collect();
        for child in children {
            let output = child.wait_with_output().unwrap();
            assert!(
                output.status.success(),
                "{}",
                String::from_utf8_lossy(&output.stderr)
            );
        }
    };
    spawn_all(&|n| vec!["profile".into(), "create".into(), format!("p{n}")]);
    spawn_all(&|n| {
        vec![
            "--profile".into(),
            format!("p{n}"),
            "config".into(),
            "set".into(),
            format!("PREFECT_API_URL=http://robot-{n}:4200/api"),
            format!("PREFECT_API_KEY=key-{n}"),
        ]
    });
    let listed = ok_json(sandbox.bare().args(["profile", "ls", "-o", "json"]));
    let listed = listed.as_array().unwrap();
    assert_eq!(listed.len(), 50, "{listed:?}");
    for n in 0..50 {
        let profile = listed
            .iter()
            .find(|p| p["name"] == format!("p{n}"))
            .unwrap_or_else(|| panic!("p{n} lost"));
        assert_eq!(
            profile["PREFECT_API_URL"],
            format!("http://robot-{n}:4200/api"),
            "{profile}"
        );
    }
    let text = std::fs::read_to_string(sandbox.ot2ctl_home().join("profiles.toml")).unwrap();
    assert_eq!(text.matches("PREFECT_API_KEY").count(), 50, "{text}");

    // kill -9 in the middle of writes: what they leave behind (temporary files holding the
    // key) is gone after the next write, and the file still reads.
    for n in 0..40 {
        let mut command = sandbox.bare_std_command();
        command
            .args(["--profile", "p0", "config", "set"])
            .arg(format!("PREFECT_API_KEY=killed-{n}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null());
        let mut child = command.spawn().unwrap();
        std::thread::sleep(Duration::from_micros(fastrand::u64(0..4000)));
        let _ = child.kill();
        let _ = child.wait();
    }
    ok(sandbox
        .bare()
        .args(["--profile", "p1", "config", "set", "PREFECT_API_KEY=after"]));
    let leftovers: Vec<String> = std::fs::read_dir(sandbox.ot2ctl_home())
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().to_string())
        .filter(|name| name.contains(".tmp-"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
    let listed = ok_json(sandbox.bare().args(["profile", "ls", "-o", "json"]));
    assert_eq!(listed.as_array().unwrap().len(), 50);
}

/// A git host on loopback for this test: `(port, its process)`; the process ends when
/// the handle is dropped.
struct GitHost {
    port: u16,
    child: Child,
}

impl GitHost {
    fn start(root: &Path, auth: &str, silent: bool) -> GitHost {
        let mut command = StdCommand::new("python3");
        command
            .arg(repo_root().join("tests/fixtures/git_http_server.py"))
            .arg(root)
            .env("OT2CTL_GIT_SERVER_AUTH", auth)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit());
        if silent {
            command.arg("--silent");
        }
        let mut child = command.spawn().expect("python3 runs the git host");
        let mut line = String::new();
        BufReader::new(child.stdout.as_mut().unwrap())
            .read_line(&mut line)
            .unwrap();
        let port = line.trim().parse().expect("the git host prints its port");
        GitHost { port, child }
    }
}

impl Drop for GitHost {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A bare repository `root/protocols.git` holding the sensor protocol and its labware.
fn protocol_repository(root: &Path) {
    let work = root.join("work");
    std::fs::create_dir_all(work.join("protocols/labware")).unwrap();
    for file in [
        "protocols/move_sensor_back.py",
        "protocols/labware/ot2ctl_6_tuberack_15ml.json",
        "protocols/labware/ot2ctl_sensor_charging_port.json",
    ] {
        std::fs::copy(repo_root().join(file), work.join(file)).unwrap();
    }
    let git = |dir: &Path, args: &[&str]| {
        let status = StdCommand::new("git")
            .args(["-c", "user.name=t", "-c", "user.email=t@t"])
            .args(args)
            .current_dir(dir)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .unwrap();
        assert!(status.success(), "git {args:?}");
    };
    git(&work, &["init", "-q", "-b", "main"]);
    git(&work, &["add", "."]);
    git(&work, &["commit", "-q", "-m", "protocols"]);
    git(root, &["clone", "-q", "--bare", "work", "protocols.git"]);
}

/// A directory with a `git` that records its arguments in `log`, then runs the real one.
fn recording_git(dir: &Path, log: &Path) -> PathBuf {
    let real = String::from_utf8(
        StdCommand::new("sh")
            .args(["-c", "command -v git"])
            .output()
            .unwrap()
            .stdout,
    )
    .unwrap();
    let shims = dir.join("shims");
    std::fs::create_dir_all(&shims).unwrap();
    let script = shims.join("git");
    std::fs::write(
        &script,
        format!(
            "#!/bin/sh\nprintf '%s\\n' \"git $*\" >> '{}'\nexec '{}' \"$@\"\n",
            log.display(),
            real.trim()
        ),
    )
    .unwrap();
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(&script, std::fs::Permissions::from_mode(0o755)).unwrap();
    shims
}

fn files_under(dir: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).into_iter().flatten().flatten() {
            let path = entry.path();
            if path.is_dir() && !path.is_symlink() {
                stack.push(path);
            } else {
                files.push(path);
            }
        }
    }
    files
}

#[test]
fn a_git_token_reaches_git_through_its_environment_only() {
    let lab = Lab::new(&["mix"]);
    let token = format!("ghp_{}", unique("tok"));
    let hosts = lab.sandbox.path().join("git-host");
    std::fs::create_dir_all(&hosts).unwrap();
    protocol_repository(&hosts);
    let host = GitHost::start(&hosts, &format!("deploy:{token}"), false);
    let bare_url = format!("http://127.0.0.1:{}/protocols.git", host.port);
    let token_url = bare_url.replace("http://", &format!("http://deploy:{token}@"));
    let name = unique("with-token");
    lab.deploy(
        "git",
        &format!(
            "deployments:\n  - name: {name}\n    entrypoint: ot2:protocols/move_sensor_back.py\n    pull:\n      - prefect.deployments.steps.git_clone:\n          repository: {token_url}\n          branch: main\n    work_pool: {{name: {pool}, work_queue_name: mix}}\n",
            pool = lab.pool
        ),
    );
    let argv_log = lab.sandbox.path().join("git-argv.log");
    let shims = recording_git(lab.sandbox.path(), &argv_log);
    let checkouts = lab.sandbox.path().join("checkouts");
    let path = format!("{}:{}", shims.display(), std::env::var("PATH").unwrap());
    // Twice: the first run clones, the second fetches into the existing checkout.
    for _ in 0..2 {
        let id = lab.run(&format!("move-sensor-back/{name}"), &[]);
        let mut worker = lab.worker(&[
            "--run-once",
            "--checkouts-dir",
            checkouts.to_str().unwrap(),
            "--allow-repo",
            &token_url,
        ]);
        worker.env("PATH", &path);
        let output = worker.output().unwrap();
        assert!(output.status.success(), "{output:?}");
        let run = flow_run(id);
        support::assert_state(&run, "COMPLETED");
        assert!(lab.logs(id).contains(&format!("Code from {bare_url}@")));
    }

    let argv = std::fs::read_to_string(&argv_log).unwrap();
    assert!(argv.contains("git clone"), "{argv}");
    assert!(argv.contains("git fetch"), "{argv}");
    let mut leaks: Vec<String> = argv
        .lines()
        .filter(|line| line.contains(&token))
        .map(|line| format!("argv: {line}"))
        .collect();
    leaks.extend(
        lab.simulator_calls()
            .into_iter()
            .filter(|call| call.contains(&token))
            .map(|call| format!("simulator argv: {call}")),
    );

    // The service: the allowlist without the credential, in the unit and in the boot script.
    let units = lab.sandbox.path().join("units");
    for target in ["systemd", "ot2"] {
        for dry_run in [true, false] {
            let mut install = lab.sandbox.ot2ctl();
            install
                .args(["worker", "install", "--pool", &lab.pool, "--target", target])
                .args(["--allow-repo", &token_url, "--unit-dir"])
                .arg(&units)
                .arg("--env-dir")
                .arg(lab.sandbox.path().join("service-env"));
            if dry_run {
                install.arg("--dry-run");
            }
            let output = install.output().unwrap();
            assert!(output.status.success(), "{output:?}");
            for stream in [&output.stdout, &output.stderr] {
                if String::from_utf8_lossy(stream).contains(&token) {
                    leaks.push(format!(
                        "worker install --target {target} printed the token"
                    ));
                }
            }
        }
    }
    let unit = std::fs::read_to_string(units.join("ot2ctl-worker.service")).unwrap();
    assert!(unit.contains(&format!("--allow-repo {bare_url}")), "{unit}");
    for dir in [&checkouts, &units, &lab.sandbox.ot2ctl_home()] {
        for file in files_under(dir) {
            if String::from_utf8_lossy(&std::fs::read(&file).unwrap_or_default()).contains(&token) {
                leaks.push(format!("{} holds the token", file.display()));
            }
        }
    }
    assert!(leaks.is_empty(), "{}", leaks.join("\n"));
}

#[test]
fn a_git_host_that_never_answers_fails_the_run_within_the_bound() {
    let lab = Lab::new(&["mix"]);
    let host = GitHost::start(lab.sandbox.path(), "x:y", true);
    let name = unique("silent");
    lab.deploy(
        "git",
        &format!(
            "deployments:\n  - name: {name}\n    entrypoint: ot2:protocols/move_sensor_back.py\n    pull:\n      - prefect.deployments.steps.git_clone:\n          repository: http://127.0.0.1:{port}/protocols.git\n    work_pool: {{name: {pool}, work_queue_name: mix}}\n",
            port = host.port,
            pool = lab.pool
        ),
    );
    let id = lab.run(&format!("move-sensor-back/{name}"), &[]);
    let worker = lab.worker(&[
        "--run-once",
        "--git-timeout-seconds",
        "3",
        "--checkouts-dir",
        lab.sandbox.path().join("checkouts").to_str().unwrap(),
    ]);
    let output = run_bounded(worker, Duration::from_secs(120));
    assert!(output.status.success(), "{output:?}");
    let run = flow_run(id);
    support::assert_state(&run, "FAILED");
    let message = run["state"]["message"].as_str().unwrap();
    assert!(message.contains("did not finish within 3 s"), "{message}");
}

/// A prefect.yaml of one deployment of the lab's check flow, in `dir`, with these job
/// variables.
fn check_deployment(dir: &Path, name: &str, pool: &str, job_variables: &str) {
    std::fs::write(
        dir.join("prefect.yaml"),
        format!(
            "deployments:\n  - name: {name}\n    entrypoint: ot2ctl:check-inventory-status\n    work_pool:\n      name: {pool}\n      job_variables: {job_variables}\n"
        ),
    )
    .unwrap();
}

#[test]
fn the_deploy_plan_never_shows_a_password_whatever_its_width() {
    let lab = Lab::new(&["q"]);
    let dir = lab.sandbox.path().join("plan");
    std::fs::create_dir_all(&dir).unwrap();
    let password = format!("LONGPASSWORD{}", unique("pw"));
    let name = unique("plan");
    check_deployment(&dir, &name, &lab.pool, "{env: {DB: old}}");
    ok(lab
        .sandbox
        .ot2ctl()
        .current_dir(&dir)
        .args(["deploy", "--all"]));
    // The URL moves right one character at a time, so that the plan's cut falls everywhere
    // in and around the password.
    for pad in 0..72 {
        let value = format!("{}postgresql://lab:{password}@db/lab", "a".repeat(pad));
        check_deployment(
            &dir,
            &name,
            &lab.pool,
            &format!("{{env: {{DB: '{value}'}}}}"),
        );
        for output in ["table", "json"] {
            let shown = ok(lab.sandbox.ot2ctl().current_dir(&dir).args([
                "deploy",
                "--all",
                "--dry-run",
                "-o",
                output,
            ]));
            assert!(shown.contains("job_variables"), "{shown}");
            assert!(
                !shown.contains(&password[..6]),
                "pad {pad}, {output}:\n{shown}"
            );
        }
    }
    // A value the file takes from the environment is hidden as a whole.
    let token = format!("tok-{}", unique("env"));
    check_deployment(&dir, &name, &lab.pool, "{env: {TOKEN: '{{ $LAB_TOKEN }}'}}");
    for output in ["table", "json"] {
        let shown = ok(lab
            .sandbox
            .ot2ctl()
            .current_dir(&dir)
            .env("LAB_TOKEN", &token)
            .args(["deploy", "--all", "--dry-run", "-o", output]));
        assert!(!shown.contains(&token), "{shown}");
        assert!(
            shown.contains("hidden: holds an environment variable's value"),
            "{shown}"
        );
    }
}

/// The names of the pool's deployments on the server.
fn deployments_of(pool: &str) -> Vec<String> {
    block_on(async {
        let deployments = support::api()
            .list_deployments(serde_json::json!({
                "work_pools": {"name": {"any_": [pool]}}
            }))
            .await
            .unwrap();
        deployments.into_iter().map(|d| d.name).collect()
    })
}

#[test]
fn a_file_with_a_repeated_or_a_bad_entry_writes_nothing() {
    let lab = Lab::new(&["q"]);
    let dir = lab.sandbox.path().join("bad");
    std::fs::create_dir_all(dir.join("flows")).unwrap();
    std::fs::write(
        dir.join("flows/f.py"),
        "from prefect import flow\n\n\n@flow\ndef f(n: int = 1):\n    pass\n",
    )
    .unwrap();
    let entry = |name: &str, extra: &str| {
        format!(
            "  - name: {name}\n    entrypoint: flows/f.py:f\n    work_pool: {{name: {}}}\n{extra}",
            lab.pool
        )
    };
    let good = unique("good");
    let cases = [
        (
            format!("{}{}", entry(&good, ""), entry(&good, "    tags: [x]\n")),
            "is defined twice (first at line 2)",
        ),
        (
            format!("{}{}", entry(&good, ""), entry("''", "")),
            "the name is empty",
        ),
        (
            format!("{}{}", entry(&good, ""), entry("a/b", "")),
            "the name contains '/'",
        ),
        (
            format!("{}{}", entry(&good, ""), entry("'..'", "")),
            "reads as a path",
        ),
        (
            format!(
                "{}{}",
                entry(&good, ""),
                entry("typed", "    parameters: {n: abc}\n")
            ),
            "parameter 'n' must be an integer, not \"abc\"",
        ),
        (
            format!(
                "{}{}",
                entry(&good, ""),
                entry("often", "    schedules:\n      - interval: 1e308\n")
            ),
            "interval must be at most 999999999 days",
        ),
    ];
    for (entries, expected) in cases {
        std::fs::write(dir.join("prefect.yaml"), format!("deployments:\n{entries}")).unwrap();
        for dry_run in [true, false] {
            let mut deploy = lab.sandbox.ot2ctl();
            deploy.current_dir(&dir).args(["deploy", "--all"]);
            if dry_run {
                deploy.arg("--dry-run");
            }
            fails(&mut deploy, 2).mentions(expected);
        }
        assert!(deployments_of(&lab.pool).is_empty(), "{expected}");
    }
}

#[test]
fn a_value_is_refused_rather_than_silently_replaced() {
    let lab = Lab::new(&["q"]);
    let name = unique("values");
    lab.deploy(
        &name,
        &format!(
            "deployments:\n  - name: {name}\n    entrypoint: ot2ctl:check-inventory-status\n    work_pool: {{name: {}}}\n",
            lab.pool
        ),
    );
    let deployment = format!("check-inventory-status/{name}");
    let run = |args: &[&str]| {
        let mut command = lab.sandbox.ot2ctl();
        command.args(["run", &deployment]).args(args);
        command
    };
    fails(&mut run(&["--param", "n=99999999999999999999999999999"]), 2)
        .mentions("beyond the 64-bit integers");
    fails(
        &mut run(&[
            "--params",
            r#"{"low_threshold_ml": 1, "low_threshold_ml": 2}"#,
        ]),
        2,
    )
    .mentions("names the key \"low_threshold_ml\" twice");
    fails(
        &mut run(&[
            "--param",
            "low_threshold_ml=1",
            "--param",
            "low_threshold_ml=2",
        ]),
        2,
    )
    .mentions("given twice");
    // No run was created by any of them.
    let stored =
        ok_json(
            lab.sandbox
                .ot2ctl()
                .args(["deployment", "inspect", &deployment, "-o", "json"]),
        );
    let runs = block_on(async {
        support::api()
            .list_flow_runs(
                serde_json::json!({"deployments": {"id": {"any_": [stored["id"]]}}}),
                "EXPECTED_START_TIME_DESC",
                10,
            )
            .await
            .unwrap()
    });
    assert!(runs.is_empty(), "{} runs created", runs.len());

    // A password typed into --api-url while the profile's auth string says another.
    let server = support::server();
    let typed = server
        .url
        .replacen("http://", "http://lab:typed-password@", 1);
    for args in [
        vec!["work-pool", "ls"],
        vec!["worker", "install", "--pool", "p", "--dry-run"],
    ] {
        fails(
            lab.sandbox.ot2ctl().args(["--api-url", &typed]).args(&args),
            2,
        )
        .mentions("carries a user and password, and PREFECT_API_AUTH_STRING from env is set too");
    }
}

#[test]
fn endless_and_huge_inputs_are_refused_at_the_limit() {
    let lab = Lab::new(&["q"]);
    let dir = lab.sandbox.path().join("huge");
    std::fs::create_dir_all(dir.join("flows")).unwrap();
    let limit = Duration::from_secs(60);
    let limit_text = "larger than the 16 MiB ot2ctl reads of one input";

    let mut deploy = lab.sandbox.ot2ctl_std();
    deploy.args(["deploy", "--all", "--prefect-file", "/dev/zero"]);
    let output = run_bounded(deploy, limit);
    assert_kept_promise("prefect.yaml /dev/zero", &output);
    assert!(String::from_utf8_lossy(&output.stderr).contains(limit_text));

    let mut setup = lab.sandbox.ot2ctl_std();
    setup.args(["lab", "setup", "/dev/zero"]);
    let output = run_bounded(setup, limit);
    assert_kept_promise("lab.yaml /dev/zero", &output);
    assert!(String::from_utf8_lossy(&output.stderr).contains(limit_text));

    let mut params = lab.sandbox.ot2ctl_std();
    params
        .args(["run", "a/b", "--params", "-"])
        .stdin(std::fs::File::open("/dev/zero").unwrap());
    let mut child = params
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let started = Instant::now();
    while child.try_wait().unwrap().is_none() {
        assert!(
            started.elapsed() < limit,
            "--params - from /dev/zero never ended"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
    let output = child.wait_with_output().unwrap();
    assert_kept_promise("--params - /dev/zero", &output);
    assert!(String::from_utf8_lossy(&output.stderr).contains(limit_text));

    // An entrypoint that never ends, and a 50 MB file of plain entries.
    std::os::unix::fs::symlink("/dev/zero", dir.join("flows/endless.py")).unwrap();
    std::fs::write(
        dir.join("prefect.yaml"),
        format!(
            "deployments:\n  - name: endless\n    entrypoint: flows/endless.py:f\n    work_pool: {{name: {}}}\n",
            lab.pool
        ),
    )
    .unwrap();
    let mut deploy = lab.sandbox.ot2ctl_std();
    deploy.current_dir(&dir).args(["deploy", "--all"]);
    let output = run_bounded(deploy, limit);
    assert_kept_promise("entrypoint /dev/zero", &output);
    assert!(String::from_utf8_lossy(&output.stderr).contains(limit_text));

    let plain = dir.join("plain.yaml");
    let line = "- entry: a plain value that is neither an anchor nor an alias\n";
    std::fs::write(&plain, line.repeat(50_000_000 / line.len())).unwrap();
    let mut deploy = lab.sandbox.ot2ctl_std();
    deploy
        .args(["deploy", "--all", "--prefect-file"])
        .arg(&plain);
    let output = run_bounded(deploy, limit);
    assert_kept_promise("50 MB prefect.yaml", &output);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains(limit_text), "{stderr}");
    assert!(!stderr.contains("alias"), "{stderr}");
}

#[test]
fn output_that_cannot_be_written_fails_the_command_and_a_closed_pipe_is_quiet() {
    let sandbox = Sandbox::new();
    let mut full = sandbox.bare_std_command();
    full.args(["config", "view"]).stdout(
        std::fs::OpenOptions::new()
            .write(true)
            .open("/dev/full")
            .unwrap(),
    );
    let output = full.output().unwrap();
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(
        String::from_utf8_lossy(&output.stderr).trim(),
        "error: cannot write to standard output: No space left on device (os error 28)"
    );

    // With no standard output at all (`>&-`).
    let mut closed = StdCommand::new("sh");
    closed
        .args(["-c", "\"$0\" config view >&-"])
        .arg(assert_cmd::cargo::cargo_bin("ot2ctl"))
        .envs(
            sandbox
                .bare_std_command()
                .get_envs()
                .filter_map(|(k, v)| Some((k, v?))),
        );
    let output = closed.output().unwrap();
    assert_eq!(output.status.code(), Some(1), "{output:?}");
    assert!(String::from_utf8_lossy(&output.stderr).contains("standard output is closed"));

    // `/dev/null` open for reading and writing, as Python's `subprocess.DEVNULL` gives it:
    // a standard output like any other (Rust's runtime gives the same to a closed one, which
    // the binary tells apart before the runtime starts).
    let mut null = sandbox.bare_std_command();
    null.args(["config", "view"]).stdout(
        std::fs::OpenOptions::new()
            .read(true)
            .write(true)
            .open("/dev/null")
            .unwrap(),
    );
    let output = null.output().unwrap();
    assert_eq!(output.status.code(), Some(0), "{output:?}");

    // A reader that went away (`| head`): no message, exit 0.
    let mut child = sandbox.bare_std_command();
    child
        .args(["completions", "bash"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let mut child = child.spawn().unwrap();
    drop(child.stdout.take());
    let output = child.wait_with_output().unwrap();
    assert_eq!(output.status.code(), Some(0), "{output:?}");
    assert!(output.stderr.is_empty(), "{output:?}");
}

#[test]
fn one_rule_for_pool_types_physical_bounds_for_offsets_and_python_errors_said() {
    let sandbox = Sandbox::new();
    let pool = unique("typed");
    let lab_file = sandbox.path().join("lab.yaml");
    std::fs::write(
        &lab_file,
        format!("work_pools:\n  - name: {pool}\n    type: nonsense\n    queues: []\n"),
    )
    .unwrap();
    fails(sandbox.ot2ctl().args(["lab", "setup"]).arg(&lab_file), 2)
        .mentions("unknown work pool type 'nonsense'");
    fails(
        sandbox
            .ot2ctl()
            .args(["work-pool", "create", &pool, "--type", "nonsense"]),
        2,
    )
    .mentions("unknown work pool type 'nonsense'");
    fails(sandbox.ot2ctl().args(["work-pool", "inspect", &pool]), 1);

    fails(
        sandbox.bare().args([
            "robot",
            "offsets",
            "set",
            "opentrons/corning_96_wellplate_360ul_flat/2",
            "--slot",
            "1",
            "--robot",
            "http://127.0.0.1:31950",
            "--z",
            "1e308",
            "--allow-large-offset",
        ]),
        2,
    )
    .mentions("beyond what the OT-2 can reach (its gantry travels 218 mm on z)");

    let dir = sandbox.path().join("syntax");
    std::fs::create_dir_all(dir.join("flows")).unwrap();
    std::fs::write(
        dir.join("flows/broken.py"),
        "from prefect import flow\n\n\n@flow\ndef f(n: int = 1:\n    pass\n",
    )
    .unwrap();
    std::fs::write(
        dir.join("prefect.yaml"),
        "deployments:\n  - name: broken\n    entrypoint: flows/broken.py:f\n    work_pool: {name: p}\n",
    )
    .unwrap();
    let failure = fails(
        sandbox.ot2ctl().current_dir(&dir).args(["deploy", "--all"]),
        2,
    );
    failure.mentions("line 5: '(' is never closed (a Python syntax error)");
    assert!(
        !failure.stderr.contains("no function named"),
        "{}",
        failure.stderr
    );
}
