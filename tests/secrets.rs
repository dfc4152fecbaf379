//! Known secrets planted where users put them — a password inside the API URL, a key in the
//! environment, a key in a profile (the keyring fallback), a token in a git URL of a pull step,
//! a password in a robot URL — and every command run with them: no secret may appear in any
//! stdout or stderr, in any file written (except the 0600 profile store and the worker's 0600
//! environment file, which exist to hold them), in a run's logs or in its state message.

mod support;

use std::path::{Path, PathBuf};
use std::process::Output;

use serde_json::Value;
use support::lab::Lab;
use support::{Sandbox, api, block_on, server, unique};

/// The API URL with the server's real credential written into it.
fn url_with(credential: &str) -> String {
    server()
        .url
        .replacen("http://", &format!("http://{credential}@"), 1)
}

/// Everything each command said, for the final scan.
#[derive(Default)]
struct Transcript {
    said: Vec<(String, String)>,
}

impl Transcript {
    fn run(&mut self, what: &str, mut command: std::process::Command) -> Output {
        let output = command.output().expect("command runs");
        self.said.push((
            what.to_string(),
            format!(
                "{}{}",
                String::from_utf8_lossy(&output.stdout),
                String::from_utf8_lossy(&output.stderr)
            ),
        ));
        output
    }

    fn text_of(&self, what: &str) -> &str {
        &self.said.iter().find(|(w, _)| w == what).unwrap().1
    }
}

/// ot2ctl in the sandbox with no settings but those given.
fn ot2ctl(sandbox: &Sandbox, env: &[(&str, &str)], args: &[&str]) -> std::process::Command {
    let mut command = std::process::Command::new(assert_cmd::cargo::cargo_bin("ot2ctl"));
    for (name, _) in std::env::vars() {
        if name.starts_with("PREFECT_") || name.starts_with("OT2CTL_") {
            command.env_remove(&name);
        }
    }
    command
        .env("HOME", sandbox.path())
        .env("XDG_CONFIG_HOME", sandbox.path().join(".config"))
        .env("OT2CTL_HOME", sandbox.ot2ctl_home())
        .env("PREFECT_HOME", sandbox.prefect_home())
        .env("OT2CTL_KEYRING", "off")
        .env("NO_COLOR", "1")
        .envs(env.iter().copied())
        .args(args);
    command
}

fn files_under(dir: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).into_iter().flatten().flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
            } else {
                files.push(path);
            }
        }
    }
    files
}

#[test]
fn no_planted_secret_leaves_through_any_output() {
    let auth = server().auth;
    let (user, password) = auth.split_once(':').unwrap();
    let wrong = format!("wrong-{}", unique("pw"));
    let unreachable = format!("far-{}", unique("pw"));
    let key = format!("pnu_{}", unique("key"));
    let git_token = format!("ghp_{}", unique("token"));
    let robot_password = format!("robot-{}", unique("pw"));
    let mqtt_password = format!("mqtt-{}", unique("pw"));
    let secrets = [
        password.to_string(),
        wrong.clone(),
        unreachable.clone(),
        key.clone(),
        git_token.clone(),
        robot_password.clone(),
        mqtt_password.clone(),
    ];

    let lab = Lab::new(&["ops"]);
    let sandbox = &lab.sandbox;
    let pool = lab.pool.clone();
    let good_url = url_with(&auth);
    let with_url = [("PREFECT_API_URL", good_url.as_str())];
    let mut transcript = Transcript::default();

    // Deployments: a native flow, and a protocol pulled from a git URL holding a token.
    let name = unique("secret");
    let project = sandbox.path().join("project");
    std::fs::create_dir_all(&project).unwrap();
    let git_url = format!("https://deploy:{git_token}@git.example.invalid/lab/protocols.git");
    std::fs::write(
        project.join("prefect.yaml"),
        format!(
            "deployments:\n  - name: {name}\n    entrypoint: ot2ctl:check-inventory-status\n    work_pool: {{name: {pool}, work_queue_name: ops}}\n  - name: {name}-git\n    entrypoint: ot2:protocols/mix_color.py\n    pull:\n      - prefect.deployments.steps.git_clone:\n          repository: {git_url}\n    work_pool: {{name: {pool}, work_queue_name: ops}}\n"
        ),
    )
    .unwrap();
    std::fs::create_dir_all(project.join("protocols")).unwrap();
    std::fs::copy(
        support::repo_root().join("protocols/mix_color.py"),
        project.join("protocols/mix_color.py"),
    )
    .unwrap();
    let mut deploy = ot2ctl(sandbox, &with_url, &["deploy", "--all"]);
    deploy.current_dir(&project);
    let deployed = transcript.run("deploy", deploy);
    assert!(
        deployed.status.success(),
        "{}",
        transcript.text_of("deploy")
    );

    transcript.run(
        "inventory init",
        ot2ctl(sandbox, &[], &["inventory", "init", "--local"]),
    );
    let create = |deployment: &str, transcript: &mut Transcript| -> String {
        let output = transcript.run(
            &format!("run {deployment}"),
            ot2ctl(sandbox, &with_url, &["run", deployment, "-o", "json"]),
        );
        assert!(
            output.status.success(),
            "{}",
            transcript.text_of(&format!("run {deployment}"))
        );
        let run: Value = serde_json::from_slice(&output.stdout).unwrap();
        run["id"].as_str().unwrap().to_string()
    };
    let native_run = create(&format!("check-inventory-status/{name}"), &mut transcript);
    let git_run = create(&format!("mix-color/{name}-git"), &mut transcript);
    let analyzer = support::lab::opentrons_python().display().to_string();
    let worker = transcript.run(
        "worker",
        ot2ctl(
            sandbox,
            &with_url,
            &[
                "worker",
                "start",
                "--pool",
                &pool,
                "--run-once",
                "--limit",
                "2",
                "--no-python-flows",
                "--opentrons-python",
                &analyzer,
            ],
        ),
    );
    assert!(worker.status.success(), "{}", transcript.text_of("worker"));

    // Read commands, human and JSON, with the credential in the URL.
    for args in [
        vec!["config", "view"],
        vec!["work-pool", "ls"],
        vec!["work-pool", "inspect", &pool, "-o", "json"],
        vec!["work-queue", "ls", "--pool", &pool],
        vec!["deployment", "ls", "--pool", &pool],
        vec!["flow-run", "ls"],
        vec!["flow-run", "inspect", &git_run, "-o", "json"],
        vec!["flow-run", "logs", &git_run],
        vec!["flow-run", "logs", &native_run],
    ] {
        let output = transcript.run(&args.join(" "), ot2ctl(sandbox, &with_url, &args));
        assert!(
            output.status.success(),
            "{}",
            transcript.text_of(&args.join(" "))
        );
    }
    assert!(
        transcript
            .text_of("config view")
            .contains(&format!("{user}:********@")),
        "{}",
        transcript.text_of("config view")
    );

    // Profiles (in a home of their own): the URL in one, and a key stored there because the
    // keyring is off.
    let profile_home = sandbox.path().join("profile-home");
    let profile_home_text = profile_home.display().to_string();
    let in_profile = [("OT2CTL_HOME", profile_home_text.as_str())];
    for args in [
        vec!["profile", "create", "lab"],
        vec!["profile", "use", "lab"],
    ] {
        transcript.run(&args.join(" "), ot2ctl(sandbox, &in_profile, &args));
    }
    let set_url = format!("PREFECT_API_URL={good_url}");
    let set_key = format!("PREFECT_API_KEY={key}");
    for args in [
        vec!["config", "set", set_url.as_str()],
        vec!["config", "set", set_key.as_str()],
        vec!["profile", "ls"],
        vec!["profile", "inspect", "lab"],
        vec!["config", "view"],
    ] {
        transcript.run(
            &format!("profile: {}", args.join(" ")),
            ot2ctl(sandbox, &in_profile, &args),
        );
    }
    // A password in the URL and a key beside it: which was meant cannot be told, so the
    // command refuses, naming both by where they came from, not by what they are.
    let refused = transcript.run(
        "with the key",
        ot2ctl(sandbox, &in_profile, &["work-pool", "ls"]),
    );
    assert_eq!(refused.status.code(), Some(2), "{:#?}", transcript.said);
    assert!(
        transcript
            .text_of("with the key")
            .contains("PREFECT_API_KEY"),
        "{}",
        transcript.text_of("with the key")
    );

    // Errors: a wrong password in the URL (401), a server that is not there, a wrong path.
    let wrong_url = url_with(&format!("{user}:{wrong}"));
    let denied = transcript.run(
        "401",
        ot2ctl(
            sandbox,
            &[("PREFECT_API_URL", &wrong_url)],
            &["work-pool", "ls"],
        ),
    );
    assert_eq!(denied.status.code(), Some(1));
    assert!(
        transcript
            .text_of("401")
            .contains("the user and password in PREFECT_API_URL"),
        "{}",
        transcript.text_of("401")
    );
    let far = format!("http://lab:{unreachable}@127.0.0.1:9/api");
    transcript.run(
        "unreachable",
        ot2ctl(sandbox, &[("PREFECT_API_URL", &far)], &["work-pool", "ls"]),
    );
    let wrong_path = good_url.replace("/api", "/nothing-here");
    transcript.run(
        "404",
        ot2ctl(
            sandbox,
            &[("PREFECT_API_URL", &wrong_path)],
            &["work-pool", "ls"],
        ),
    );
    let robot = format!("http://admin:{robot_password}@10.0.0.5:31950");
    let robot_refused = transcript.run(
        "robot url",
        ot2ctl(sandbox, &[], &["robot", "offsets", "ls", "--robot", &robot]),
    );
    assert_eq!(robot_refused.status.code(), Some(2));

    // The worker as a service: the unit without the credential, which goes to a 0600 file.
    let units = sandbox.path().join("units");
    let secrets_dir = sandbox.path().join("service-secrets");
    for dry_run in [true, false] {
        let mut args = vec!["worker", "install", "--pool", &pool, "--unit-dir"];
        let (units, secrets_dir) = (units.to_str().unwrap(), secrets_dir.to_str().unwrap());
        args.extend([units, "--env-dir", secrets_dir]);
        if dry_run {
            args.push("--dry-run");
        }
        // The colour sensor's broker goes with the worker; its password only to the 0600 file.
        let with_sensor = [
            with_url[0],
            ("OT2CTL_MQTT_HOST", "broker.lab"),
            ("OT2CTL_SENSOR_ID", "picow-1"),
            ("OT2CTL_MQTT_USERNAME", "lab"),
            ("OT2CTL_MQTT_PASSWORD", mqtt_password.as_str()),
        ];
        let output = transcript.run(
            &format!("install {dry_run}"),
            ot2ctl(sandbox, &with_sensor, &args),
        );
        assert!(
            output.status.success(),
            "{}",
            transcript.text_of(&format!("install {dry_run}"))
        );
    }
    let env_file = secrets_dir.join("ot2ctl-worker.env");
    use std::os::unix::fs::PermissionsExt;
    assert_eq!(
        std::fs::metadata(&env_file).unwrap().permissions().mode() & 0o777,
        0o600
    );
    assert!(std::fs::read_to_string(&env_file).unwrap().contains(&auth));
    assert!(
        std::fs::read_to_string(&env_file)
            .unwrap()
            .contains(&mqtt_password)
    );
    let unit = std::fs::read_to_string(units.join("ot2ctl-worker.service")).unwrap();
    assert!(
        unit.contains(&format!("PREFECT_API_URL={}", server().url)),
        "{unit}"
    );
    assert!(unit.contains("OT2CTL_MQTT_HOST=broker.lab"), "{unit}");

    // The scan: everything said, every file written, every log and state message stored.
    let mut leaks = Vec::new();
    for (what, text) in &transcript.said {
        for secret in &secrets {
            if text.contains(secret.as_str()) {
                leaks.push(format!("{what} printed a secret:\n{text}"));
            }
        }
    }
    let profiles = profile_home.join("profiles.toml");
    for file in files_under(sandbox.path()) {
        // The store and the service's environment file hold secrets by design; prefect.yaml
        // is this test's own input.
        if file == profiles || file == env_file || file == project.join("prefect.yaml") {
            continue;
        }
        let text = String::from_utf8_lossy(&std::fs::read(&file).unwrap_or_default()).to_string();
        for secret in &secrets {
            if text.contains(secret.as_str()) {
                leaks.push(format!("{} holds a secret", file.display()));
            }
        }
    }
    if profiles.exists() {
        assert_eq!(
            std::fs::metadata(&profiles).unwrap().permissions().mode() & 0o777,
            0o600
        );
    }
    block_on(async {
        for run in [&native_run, &git_run] {
            let id = run.parse().unwrap();
            let stored = api().read_flow_run(id).await.unwrap();
            let logs = api()
                .read_logs(id, 0, 200, ot2ctl::api::flow_runs::LogOrder::OldestFirst)
                .await
                .unwrap();
            let mut texts: Vec<String> = logs.iter().map(|l| l.message.clone()).collect();
            texts.push(stored.state_message().unwrap_or("").to_string());
            for text in texts {
                for secret in &secrets {
                    if text.contains(secret.as_str()) {
                        leaks.push(format!("run {run} stored a secret: {text}"));
                    }
                }
            }
        }
    });
    assert!(leaks.is_empty(), "{}", leaks.join("\n"));

    // And the planted paths were really taken: the git URL reached the run's log, without
    // its credential (git is given the bare URL).
    let git_logs = transcript.text_of(&format!("flow-run logs {git_run}"));
    assert!(
        git_logs.contains("https://git.example.invalid/lab/protocols.git"),
        "{git_logs}\n{}",
        transcript.text_of("worker")
    );
}
