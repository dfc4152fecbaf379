//! Settings, profiles and secrets: precedence, masking, the keyring and its 0600 fallback.

mod support;

use std::os::unix::fs::PermissionsExt;

use serde_json::Value;
use support::{Sandbox, fails, ok, ok_json, server};

fn profiles_file(sandbox: &Sandbox) -> std::path::PathBuf {
    sandbox.ot2ctl_home().join("profiles.toml")
}

fn mode(path: &std::path::Path) -> u32 {
    std::fs::metadata(path).unwrap().permissions().mode() & 0o777
}

#[test]
fn config_view_shows_sources_and_never_a_secret() {
    let sandbox = Sandbox::new();
    let secret = "pnu_verysecretvalue123";
    let stdout = ok(sandbox
        .ot2ctl()
        .env("PREFECT_API_KEY", secret)
        .args(["config", "view"]));
    assert!(!stdout.contains(secret), "{stdout}");
    assert!(!stdout.contains(&server().auth), "{stdout}");
    let key_row = stdout
        .lines()
        .find(|l| l.starts_with("PREFECT_API_KEY"))
        .expect(&stdout);
    assert!(
        key_row.contains("********") && key_row.contains("env"),
        "{key_row}"
    );
    let timeout_row = stdout
        .lines()
        .find(|l| l.starts_with("PREFECT_API_REQUEST_TIMEOUT"))
        .expect(&stdout);
    assert!(
        timeout_row.contains("60") && timeout_row.contains("default"),
        "{timeout_row}"
    );

    let json = ok_json(sandbox.ot2ctl().env("PREFECT_API_KEY", secret).args([
        "--api-url",
        "http://flag.example/api",
        "config",
        "view",
        "-o",
        "json",
    ]));
    assert!(!json.to_string().contains(secret));
    assert_eq!(
        json["settings"]["PREFECT_API_URL"]["value"],
        "http://flag.example/api"
    );
    assert_eq!(
        json["settings"]["PREFECT_API_URL"]["source"],
        "flag --api-url"
    );
    assert_eq!(json["settings"]["PREFECT_API_KEY"]["value"], "********");
}

#[test]
fn without_a_keyring_secrets_fall_back_to_a_0600_file_and_say_so_once() {
    let sandbox = Sandbox::new();
    let output = sandbox
        .bare()
        .args([
            "config",
            "set",
            "PREFECT_API_KEY=pnu_fallbackkey",
            "PREFECT_API_AUTH_STRING=user:pw",
            "PREFECT_API_URL=http://127.0.0.1:4200/api",
        ])
        .output()
        .unwrap();
    assert!(output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(
        stderr.matches("no usable OS keyring").count(),
        1,
        "{stderr}"
    );

    let path = profiles_file(&sandbox);
    assert_eq!(mode(&path), 0o600);
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains("pnu_fallbackkey"), "{text}");
    assert!(text.contains("active = \"default\""), "{text}");

    let view = ok(sandbox.bare().args(["config", "view"]));
    assert!(
        !view.contains("pnu_fallbackkey") && !view.contains("user:pw"),
        "{view}"
    );
    assert!(view.contains("profile 'default'"), "{view}");

    ok(sandbox.bare().args(["config", "unset", "PREFECT_API_KEY"]));
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(!text.contains("pnu_fallbackkey"), "{text}");
    let failure = fails(
        sandbox.bare().args(["config", "unset", "PREFECT_API_KEY"]),
        1,
    );
    failure.mentions("not set");
}

/// Gives this thread (and the processes it starts) a fresh Linux session keyring, the kernel
/// keyring backend a logged-in user has. Returns false where the kernel refuses.
fn join_new_session_keyring() -> bool {
    const KEYCTL_JOIN_SESSION_KEYRING: libc::c_long = 1;
    // SAFETY: keyctl(JOIN_SESSION_KEYRING, NULL) takes no pointers besides the null name.
    let id = unsafe {
        libc::syscall(
            libc::SYS_keyctl,
            KEYCTL_JOIN_SESSION_KEYRING,
            std::ptr::null::<libc::c_char>(),
        )
    };
    id >= 0
}

#[test]
fn with_a_keyring_the_secret_is_not_stored_in_plain_text_and_is_used() {
    assert!(
        join_new_session_keyring(),
        "this kernel refuses keyctl(JOIN_SESSION_KEYRING); the keyring test needs it"
    );
    let sandbox = Sandbox::new();
    let server = server();
    let with_keyring = |cmd: &mut support::Ot2ctl| {
        cmd.env_remove("OT2CTL_KEYRING");
    };

    let mut set = sandbox.bare();
    with_keyring(&mut set);
    let auth = format!("PREFECT_API_AUTH_STRING={}", server.auth);
    let stdout = ok(set.args([
        "config",
        "set",
        &format!("PREFECT_API_URL={}", server.url),
        &auth,
    ]));
    assert!(stdout.contains("stored in the OS keyring"), "{stdout}");

    let path = profiles_file(&sandbox);
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(
        !text.contains(&server.auth),
        "secret in plain text:\n{text}"
    );
    assert!(text.contains("os-keyring"), "{text}");
    assert_eq!(mode(&path), 0o600);

    // The keyring entry is what authenticates the next command.
    let mut list = sandbox.bare();
    with_keyring(&mut list);
    ok(list.args(["work-pool", "ls"]));
    let mut view = sandbox.bare();
    with_keyring(&mut view);
    let json: Value = ok_json(view.args(["config", "view", "-o", "json"]));
    assert_eq!(
        json["settings"]["PREFECT_API_AUTH_STRING"]["source"],
        "OS keyring, profile 'default'"
    );
    assert!(!json.to_string().contains(&server.auth));

    let mut unset = sandbox.bare();
    with_keyring(&mut unset);
    ok(unset.args(["config", "unset", "PREFECT_API_AUTH_STRING"]));
    let mut list = sandbox.bare();
    with_keyring(&mut list);
    let failure = fails(list.args(["work-pool", "ls"]), 1);
    failure.mentions("401");
}

#[test]
fn an_existing_prefect_profile_works_unchanged() {
    let sandbox = Sandbox::new();
    let server = server();
    std::fs::create_dir_all(sandbox.prefect_home()).unwrap();
    std::fs::write(
        sandbox.prefect_home().join("profiles.toml"),
        format!(
            "active = \"lab\"\n\n[profiles.lab]\nPREFECT_API_URL = \"{}\"\nPREFECT_API_AUTH_STRING = \"{}\"\n",
            server.url, server.auth
        ),
    )
    .unwrap();
    ok(sandbox.bare().args(["work-pool", "ls"]));
    let json = ok_json(sandbox.bare().args(["config", "view", "-o", "json"]));
    assert_eq!(json["profile"]["name"], "lab");
    let source = json["settings"]["PREFECT_API_URL"]["source"]
        .as_str()
        .unwrap();
    assert!(source.starts_with("Prefect profile 'lab'"), "{source}");

    // Env beats the profile, and a flag beats env.
    let json = ok_json(
        sandbox
            .bare()
            .env("PREFECT_API_URL", "http://env.example/api")
            .args(["config", "view", "-o", "json"]),
    );
    assert_eq!(
        json["settings"]["PREFECT_API_URL"]["value"],
        "http://env.example/api"
    );
    // ot2ctl never writes Prefect's file: the setting lands in its own profile of that name.
    let prefect_file = sandbox.prefect_home().join("profiles.toml");
    let before = std::fs::read(&prefect_file).unwrap();
    ok(sandbox
        .bare()
        .args(["config", "set", "PREFECT_API_REQUEST_TIMEOUT=30"]));
    assert_eq!(std::fs::read(&prefect_file).unwrap(), before);
    let json = ok_json(sandbox.bare().args(["config", "view", "-o", "json"]));
    assert_eq!(
        json["settings"]["PREFECT_API_REQUEST_TIMEOUT"]["value"],
        "30"
    );
    assert_eq!(
        json["settings"]["PREFECT_API_URL"]["value"],
        server.url.as_str()
    );
}

#[test]
fn profiles_can_be_created_switched_inspected_and_deleted() {
    let sandbox = Sandbox::new();
    ok(sandbox.bare().args(["profile", "create", "lab"]));
    ok(sandbox.bare().args([
        "--profile",
        "lab",
        "config",
        "set",
        "PREFECT_API_URL=http://lab.example/api",
    ]));
    ok(sandbox
        .bare()
        .args(["profile", "create", "robot-2", "--from", "lab"]));
    ok(sandbox.bare().args(["profile", "use", "robot-2"]));

    let listed = ok_json(sandbox.bare().args(["profile", "ls", "-o", "json"]));
    let names: Vec<(&str, bool)> = listed
        .as_array()
        .unwrap()
        .iter()
        .map(|p| (p["name"].as_str().unwrap(), p["active"].as_bool().unwrap()))
        .collect();
    assert_eq!(names, vec![("lab", false), ("robot-2", true)]);

    let inspected = ok_json(sandbox.bare().args(["profile", "inspect", "-o", "json"]));
    assert_eq!(inspected["name"], "robot-2");
    assert_eq!(
        inspected["settings"]["PREFECT_API_URL"],
        "http://lab.example/api"
    );

    let failure = fails(
        sandbox
            .bare()
            .args(["profile", "delete", "robot-2", "--yes"]),
        1,
    );
    failure.mentions("is active");
    ok(sandbox.bare().args(["profile", "delete", "lab", "--yes"]));
    let failure = fails(sandbox.bare().args(["profile", "use", "lab"]), 1);
    failure.mentions("does not exist");
    let failure = fails(
        sandbox
            .bare()
            .args(["--profile", "ghost", "work-pool", "ls"]),
        2,
    );
    failure.mentions("profile 'ghost'");
}

#[test]
fn bad_settings_are_refused_before_anything_is_written() {
    let sandbox = Sandbox::new();
    let failure = fails(
        sandbox.bare().args([
            "config",
            "set",
            "PREFECT_API_URL=http://ok.example/api",
            "PREFECT_API_TIMEOUT=5",
        ]),
        2,
    );
    failure.mentions("unknown setting 'PREFECT_API_TIMEOUT'");
    assert!(!profiles_file(&sandbox).exists(), "half a set was written");
    let failure = fails(
        sandbox
            .bare()
            .args(["config", "set", "PREFECT_API_URL=127.0.0.1:4200"]),
        2,
    );
    failure.mentions("http://");
    let failure = fails(sandbox.bare().args(["config", "set", "PREFECT_API_URL"]), 2);
    failure.mentions("NAME=VALUE");

    std::fs::create_dir_all(sandbox.ot2ctl_home()).unwrap();
    std::fs::write(profiles_file(&sandbox), "active = \"x\"\n[profiles.x\n").unwrap();
    let failure = fails(sandbox.bare().args(["config", "view"]), 2);
    failure.mentions("profiles.toml:2:");
}

/// A terminal that reports 0 columns (a pty under `script`, some CI runners) gets tables 80
/// columns wide instead of one character per line, and `COLUMNS` is honoured (issue 24).
#[test]
fn tables_stay_readable_when_the_terminal_reports_no_width_and_follow_columns() {
    let sandbox = Sandbox::new();
    let in_a_pty = |columns: Option<&str>| {
        let bare = sandbox.bare_std();
        let line = format!(
            "stty cols 0; {} config view",
            shlex::try_quote(bare.get_program().to_str().unwrap()).unwrap()
        );
        let mut script = std::process::Command::new("script");
        script.args(["-qec", &line, "/dev/null"]);
        for (name, value) in bare.get_envs() {
            match value {
                Some(value) => script.env(name, value),
                None => script.env_remove(name),
            };
        }
        script.env_remove("COLUMNS");
        if let Some(columns) = columns {
            script.env("COLUMNS", columns);
        }
        let output = script.output().expect("`script` (util-linux) runs");
        assert!(output.status.success(), "{output:?}");
        String::from_utf8_lossy(&output.stdout).replace('\r', "")
    };
    let plain = in_a_pty(None);
    let header = plain
        .lines()
        .find(|l| l.contains("SETTING"))
        .unwrap_or_else(|| panic!("no header: {plain}"));
    assert!(
        header.contains("VALUE") && header.contains("SOURCE"),
        "{plain}"
    );
    let narrow = in_a_pty(Some("30"));
    assert!(
        narrow.lines().all(|l| l.chars().count() <= 30),
        "COLUMNS=30 not followed:\n{narrow}"
    );
}
