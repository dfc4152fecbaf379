//! Every error path of the API client: one line, the documented exit code, no panic.
//! A real server where it can produce the fault; a local mock for 503/429 bursts and dropped
//! connections.

mod support;

use std::time::Instant;

use support::mock::{Mock, Reply};
use support::{Sandbox, fails, ok, server, unique};

fn closed_port() -> u16 {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    listener.local_addr().unwrap().port()
    // dropped here: nothing listens on the port any more
}

#[test]
fn connection_refused_names_the_url_and_how_to_start_a_server() {
    let sandbox = Sandbox::new();
    let url = format!("http://127.0.0.1:{}/api", closed_port());
    let failure = fails(
        sandbox.bare().args(["--api-url", &url, "work-pool", "ls"]),
        1,
    );
    failure.mentions(&url);
    failure.mentions("connection refused");
    failure.mentions("prefect server start");
}

#[test]
fn no_api_url_is_a_usage_error_with_the_fix() {
    let sandbox = Sandbox::new();
    let failure = fails(sandbox.bare().args(["work-pool", "ls"]), 2);
    failure.mentions("PREFECT_API_URL");
}

#[test]
fn wrong_auth_string_gets_401_naming_the_credential_and_its_source() {
    let sandbox = Sandbox::new();
    let failure = fails(
        sandbox
            .ot2ctl()
            .env("PREFECT_API_AUTH_STRING", "intruder:letmein")
            .args(["work-pool", "ls"]),
        1,
    );
    failure.mentions("401");
    failure.mentions("sent PREFECT_API_AUTH_STRING from env as basic auth");
    assert!(!failure.stderr.contains("letmein"), "the secret leaked");
}

#[test]
fn missing_credentials_and_an_api_key_on_a_basic_auth_server_are_named() {
    let sandbox = Sandbox::new();
    let failure = fails(
        sandbox
            .ot2ctl()
            .env_remove("PREFECT_API_AUTH_STRING")
            .args(["work-pool", "ls"]),
        1,
    );
    failure.mentions("no credentials were sent");

    let failure = fails(
        sandbox
            .ot2ctl()
            .env_remove("PREFECT_API_AUTH_STRING")
            .env("PREFECT_API_KEY", "pnu_notavalidkey")
            .args(["work-pool", "ls"]),
        1,
    );
    failure.mentions("sent PREFECT_API_KEY from env as a Bearer token");
    assert!(!failure.stderr.contains("pnu_notavalidkey"));
}

#[test]
fn forbidden_names_the_reason_and_the_credential() {
    // The server refuses changes to pools named prefect*: a real 403.
    let sandbox = Sandbox::new();
    let failure = fails(
        sandbox.ot2ctl().args([
            "work-pool",
            "update",
            "prefect-reserved",
            "--description",
            "x",
        ]),
        1,
    );
    failure.mentions("403");
    failure.mentions("reserved");
    failure.mentions("PREFECT_API_AUTH_STRING from env");
}

#[test]
fn not_found_names_the_object() {
    let sandbox = Sandbox::new();
    let pool = unique("missing");
    let failure = fails(sandbox.ot2ctl().args(["work-pool", "inspect", &pool]), 1);
    assert_eq!(
        failure.stderr.trim(),
        format!("error: work pool '{pool}' not found")
    );
    let failure = fails(
        sandbox
            .ot2ctl()
            .args(["work-queue", "create", "q", "--pool", &pool]),
        1,
    );
    assert_eq!(
        failure.stderr.trim(),
        format!("error: work pool '{pool}' not found")
    );
    let failure = fails(sandbox.ot2ctl().args(["work-pool", "pause", &pool]), 1);
    failure.mentions("not found");
}

#[test]
fn conflicts_say_what_already_exists() {
    let sandbox = Sandbox::new();
    let pool = unique("dup");
    ok(sandbox.ot2ctl().args(["work-pool", "create", &pool]));
    ok(sandbox
        .ot2ctl()
        .args(["work-queue", "create", "q", "--pool", &pool]));
    let failure = fails(
        sandbox
            .ot2ctl()
            .args(["work-queue", "create", "q", "--pool", &pool]),
        1,
    );
    assert_eq!(
        failure.stderr.trim(),
        format!("error: work queue 'q' in work pool '{pool}' already exists")
    );
}

#[test]
fn validation_errors_carry_the_servers_detail_in_one_line() {
    let sandbox = Sandbox::new();
    let template = sandbox.path().join("template.json");
    std::fs::write(
        &template,
        r#"{"job_configuration": {"command": "{{ cmd }}"}, "variables": {"properties": {}}}"#,
    )
    .unwrap();
    let failure = fails(
        sandbox
            .ot2ctl()
            .args([
                "work-pool",
                "create",
                &unique("bad-tpl"),
                "--base-job-template",
            ])
            .arg(&template),
        1,
    );
    failure.mentions("rejected");
    failure.mentions("cmd");

    std::fs::write(&template, "{\n  \"job_configuration\": ,\n}").unwrap();
    let failure = fails(
        sandbox
            .ot2ctl()
            .args([
                "work-pool",
                "create",
                &unique("bad-json"),
                "--base-job-template",
            ])
            .arg(&template),
        2,
    );
    failure.mentions(&format!("{}:2:", template.display()));
}

#[test]
fn an_api_url_without_api_is_explained() {
    let sandbox = Sandbox::new();
    let root = server().url.trim_end_matches("/api").to_string();
    let failure = fails(
        sandbox
            .ot2ctl()
            .args(["--api-url", &root, "work-pool", "ls"]),
        1,
    );
    failure.mentions("ends in /api");
}

#[test]
fn usage_errors_exit_2() {
    let sandbox = Sandbox::new();
    let output = sandbox
        .bare()
        .args(["work-queue", "create", "q"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let failure = fails(
        sandbox
            .ot2ctl()
            .args(["work-pool", "create", "prefect-mine"]),
        2,
    );
    failure.mentions("reserved");
}

// ---- faults only a mock can produce on demand ----

#[test]
fn a_503_burst_is_retried_for_reads_and_writes() {
    let sandbox = Sandbox::new();
    let busy = Reply::json(503, r#"{"exception_message":"Service Unavailable"}"#);
    let gateway = |status| Reply::json(status, r#"{"detail":"bad gateway"}"#);
    let mock = Mock::start(vec![
        busy.clone(),
        gateway(502),
        gateway(504),
        Reply::json(200, "[]"),
    ]);
    let stdout = ok(sandbox
        .bare()
        .args(["--api-url", &mock.url, "work-pool", "ls"]));
    assert!(stdout.contains("No work pools"), "{stdout}");
    assert_eq!(mock.request_count(), 4);

    // POST (create) too: the SQLite server answers 503 under lock contention.
    let created = r#"{"id":"065ff71a-e012-42f7-92ab-87f748facb49","name":"q","priority":1,"description":"","is_paused":false,"concurrency_limit":null}"#;
    let mock = Mock::start(vec![busy, Reply::json(201, created)]);
    ok(sandbox.bare().args([
        "--api-url",
        &mock.url,
        "work-queue",
        "create",
        "q",
        "--pool",
        "p",
    ]));
    let requests = mock.requests.lock().unwrap().clone();
    assert_eq!(
        requests,
        vec![
            "POST /api/work_pools/p/queues",
            "POST /api/work_pools/p/queues"
        ]
    );
}

#[test]
fn persistent_503_gives_up_after_the_configured_retries() {
    let sandbox = Sandbox::new();
    // `work-pool ls` against a server that answers 503 to everything, with `retries`
    // configured: how it failed, and how many requests the server saw.
    let always_busy = |retries: &str| {
        let mock = Mock::start(vec![Reply::json(
            503,
            r#"{"exception_message":"Service Unavailable"}"#,
        )]);
        let failure = fails(
            sandbox
                .bare()
                .env("PREFECT_CLIENT_MAX_RETRIES", retries)
                .args(["--api-url", &mock.url, "work-pool", "ls"]),
            1,
        );
        (failure, mock.request_count())
    };

    let (failure, requests) = always_busy("2");
    failure.mentions("503");
    // The first try, its quick retry (a bare 503 is first tried again after 0.1 s, not
    // counted), then the 2 retries configured.
    failure.mentions("after 4 attempt(s)");
    assert_eq!(requests, 4);

    // Retries turned off: not even the quick one.
    let (failure, requests) = always_busy("0");
    failure.mentions("after 1 attempt(s)");
    assert_eq!(requests, 1);
}

#[test]
fn a_429_waits_as_long_as_retry_after_says() {
    let sandbox = Sandbox::new();
    let mock = Mock::start(vec![
        Reply::Status(
            429,
            vec![("retry-after", "1".to_string())],
            r#"{"detail":"slow down"}"#.into(),
        ),
        Reply::json(200, "[]"),
    ]);
    let started = Instant::now();
    ok(sandbox
        .bare()
        .args(["--api-url", &mock.url, "work-pool", "ls"]));
    assert!(
        started.elapsed().as_secs_f64() >= 1.0,
        "retried before Retry-After elapsed"
    );
    assert_eq!(mock.request_count(), 2);
}

#[test]
fn a_dropped_connection_is_retried_and_reported_when_it_persists() {
    let sandbox = Sandbox::new();
    let mock = Mock::start(vec![Reply::Drop, Reply::json(200, "[]")]);
    ok(sandbox
        .bare()
        .args(["--api-url", &mock.url, "work-pool", "ls"]));
    assert_eq!(mock.request_count(), 2);

    let mock = Mock::start(vec![Reply::Drop]);
    let failure = fails(
        sandbox.bare().env("PREFECT_CLIENT_MAX_RETRIES", "1").args([
            "--api-url",
            &mock.url,
            "work-pool",
            "ls",
        ]),
        1,
    );
    failure.mentions("failed 2 time(s)");
    failure.mentions(&mock.url);
}

#[test]
fn a_server_that_never_answers_times_out_with_the_setting_named() {
    let sandbox = Sandbox::new();
    let mock = Mock::start(vec![Reply::Hang]);
    let failure = fails(
        sandbox
            .bare()
            .env("PREFECT_API_REQUEST_TIMEOUT", "1")
            .env("PREFECT_CLIENT_MAX_RETRIES", "1")
            .args(["--api-url", &mock.url, "work-pool", "ls"]),
        1,
    );
    failure.mentions("did not answer within 1 s");
    failure.mentions("PREFECT_API_REQUEST_TIMEOUT");
    assert_eq!(
        mock.request_count(),
        2,
        "a timeout is retried like Prefect's client does"
    );
}

#[test]
fn an_api_url_that_is_not_http_is_a_usage_error() {
    let sandbox = Sandbox::new();
    let failure = fails(
        sandbox
            .bare()
            .args(["--api-url", "ftp://127.0.0.1/api", "work-pool", "ls"]),
        2,
    );
    failure.mentions("http:// or https://");
}
