//! A stand-in for the OT-2's robot-server (port 31950), because the real one cannot be installed
//! from any registry here. It follows `../shared/opentrons-robot-api.md`: the `Opentrons-Version`
//! header, multipart protocol upload, analysis by the real `opentrons.cli analyze` (the robot's
//! own analyzer), runs that execute the analysed commands one by one (delays in real time),
//! 409 RunAlreadyActive while a run is active, 500 for a bad runtime parameter value at
//! `POST /runs` followed by a second 500, `stop` that drops a held tip in the trash.
//!
//! What a test cannot get from a healthy robot is scripted in [`Script`].

use std::collections::HashMap;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

use serde_json::{Value, json};

/// Faults and limits a test asks of the robot.
#[derive(Clone, Debug)]
pub struct Script {
    /// How long one command takes (robot-server's moves are instant in simulation; a real
    /// robot's are not). `waitForDuration` always takes its own seconds.
    pub pace: Duration,
    /// The last command takes this long instead (a run that lingers after its work).
    pub last_command: Option<Duration>,
    /// Another client's run keeps the robot busy: this many `POST /runs` get 409 first.
    pub busy_answers: usize,
    /// Then this many `POST /runs` get 500.
    pub error_answers: usize,
    /// The command at this index (0-based) fails and with it the run.
    pub fail_at: Option<usize>,
    /// The robot's analysis declares these maximums instead of the protocol's (a robot whose
    /// software or configuration is stricter than the one ot2ctl checked against).
    pub stricter_max: Vec<(String, f64)>,
    /// `maximum_protocol_api_version` in `/health`.
    pub max_api: (u64, u64),
    /// The upload loses its labware files (the analysis then fails for real).
    pub lose_labware: bool,
}

impl Default for Script {
    fn default() -> Script {
        Script {
            pace: Duration::from_millis(20),
            last_command: None,
            busy_answers: 0,
            error_answers: 0,
            fail_at: None,
            stricter_max: Vec::new(),
            max_api: (2, 20),
            lose_labware: false,
        }
    }
}

/// A running fake robot.
pub struct FakeRobot {
    pub url: String,
    state: Arc<Mutex<State>>,
    _dir: tempfile::TempDir,
}

/// What the robot saw, for assertions.
#[derive(Default)]
pub struct Seen {
    /// "POST /protocols", "POST /runs -> 409", "play run-1", "stop run-1 holding <labware>",
    /// "close run-1", ...
    pub events: Vec<String>,
    /// Bodies of `POST /runs`, in order.
    pub run_bodies: Vec<Value>,
    /// Fields and files of each upload: ("files", file name) or (field, value).
    pub uploads: Vec<Vec<(String, String)>>,
    /// Requests that came without `Opentrons-Version`.
    pub unversioned: Vec<String>,
    /// Tips (labware load names) a stop or failure dropped in the trash.
    pub trashed: Vec<String>,
}

struct State {
    script: Script,
    seen: Seen,
    protocols: HashMap<String, Protocol>,
    runs: HashMap<String, Run>,
    next_id: usize,
    /// A bad value at POST /runs poisons the request after it, as robot-server does.
    poisoned: bool,
    dir: PathBuf,
    python: PathBuf,
}

struct Protocol {
    analysis_id: String,
    /// `None` while the analysis runs.
    analysis: Option<Value>,
}

struct Run {
    protocol_id: String,
    status: &'static str,
    current: bool,
    commands: Vec<Value>,
    /// Commands finished so far.
    done: usize,
    /// When the running command finishes.
    due: Option<Instant>,
    errors: Vec<Value>,
    stop_requested: bool,
    /// Load name of the labware whose tip the pipette holds.
    holding: Option<String>,
    labware: HashMap<String, String>,
}

impl FakeRobot {
    pub fn start(script: Script) -> FakeRobot {
        let python =
            PathBuf::from(std::env::var("OT2CTL_TEST_OPENTRONS_PYTHON").expect(
                "OT2CTL_TEST_OPENTRONS_PYTHON is not set: run the tests with scripts/test.sh",
            ));
        let dir = tempfile::tempdir().expect("temp dir");
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind fake robot");
        let url = format!("http://{}", listener.local_addr().unwrap());
        let state = Arc::new(Mutex::new(State {
            script,
            seen: Seen::default(),
            protocols: HashMap::new(),
            runs: HashMap::new(),
            next_id: 1,
            poisoned: false,
            dir: dir.path().to_path_buf(),
            python,
        }));
        let shared = Arc::clone(&state);
        thread::spawn(move || {
            for stream in listener.incoming().flatten() {
                let state = Arc::clone(&shared);
                thread::spawn(move || serve(stream, &state));
            }
        });
        FakeRobot {
            url,
            state,
            _dir: dir,
        }
    }

    /// What the robot saw so far.
    pub fn seen<T>(&self, read: impl FnOnce(&Seen) -> T) -> T {
        read(&self.state.lock().unwrap().seen)
    }

    pub fn events(&self) -> Vec<String> {
        self.seen(|s| s.events.clone())
    }

    /// The load name of the labware whose tip the pipette holds in the current run.
    pub fn holding(&self) -> Option<String> {
        let mut state = self.state.lock().unwrap();
        let State {
            runs, seen, script, ..
        } = &mut *state;
        runs.values_mut().filter(|r| r.current).find_map(|run| {
            advance(run, script, seen);
            run.holding.clone()
        })
    }
}

/// One request, parsed.
struct Request {
    method: String,
    path: String,
    query: HashMap<String, String>,
    headers: HashMap<String, String>,
    body: Vec<u8>,
}

fn serve(stream: TcpStream, state: &Arc<Mutex<State>>) {
    let Some(request) = read_request(&stream) else {
        return;
    };
    let (status, body) = answer(&request, state);
    let text = body.to_string();
    let reason = match status {
        200 => "OK",
        201 => "Created",
        404 => "Not Found",
        409 => "Conflict",
        422 => "Unprocessable Entity",
        _ => "Internal Server Error",
    };
    let response = format!(
        "HTTP/1.1 {status} {reason}\r\ncontent-type: application/json\r\ncontent-length: {}\r\nconnection: close\r\n\r\n{text}",
        text.len()
    );
    let mut stream = stream;
    let _ = stream.write_all(response.as_bytes());
}

fn read_request(stream: &TcpStream) -> Option<Request> {
    let mut reader = BufReader::new(stream.try_clone().ok()?);
    let mut line = String::new();
    reader.read_line(&mut line).ok()?;
    let mut parts = line.split_whitespace();
    let method = parts.next()?.to_string();
    let target = parts.next()?.to_string();
    let mut headers = HashMap::new();
    loop {
        let mut header = String::new();
        if reader.read_line(&mut header).ok()? == 0 || header == "\r\n" {
            break;
        }
        if let Some((name, value)) = header.split_once(':') {
            headers.insert(name.trim().to_ascii_lowercase(), value.trim().to_string());
        }
    }
    let length = headers
        .get("content-length")
        .and_then(|v| v.parse().ok())
        .unwrap_or(0);
    let mut body = vec![0; length];
    reader.read_exact(&mut body).ok()?;
    let (path, query) = target.split_once('?').unwrap_or((&target, ""));
    let query = query
        .split('&')
        .filter_map(|pair| pair.split_once('='))
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect();
    Some(Request {
        method,
        path: path.to_string(),
        query,
        headers,
        body,
    })
}

fn error(status: u16, id: &str, detail: &str) -> (u16, Value) {
    (
        status,
        json!({"errors": [{"id": id, "title": id, "detail": detail, "errorCode": "4000"}]}),
    )
}

fn answer(request: &Request, shared: &Arc<Mutex<State>>) -> (u16, Value) {
    let mut state = shared.lock().unwrap();
    let line = format!("{} {}", request.method, request.path);
    if !request.headers.contains_key("opentrons-version") {
        state.seen.unversioned.push(line);
        return (
            422,
            json!({"errors": [{"id": "InvalidRequest", "detail": "field required", "source": {"header": "opentrons-version"}}]}),
        );
    }
    let segments: Vec<&str> = request.path.trim_matches('/').split('/').collect();
    match (request.method.as_str(), segments.as_slice()) {
        ("GET", ["health"]) => {
            let (major, minor) = state.script.max_api;
            (
                200,
                json!({
                    "name": "fake-ot2",
                    "robot_model": "OT-2 Standard",
                    "api_version": "8.2.0",
                    "fw_version": "v1.1.0-fake",
                    "system_version": "v1.3.7",
                    "maximum_protocol_api_version": [major, minor],
                    "minimum_protocol_api_version": [2, 0],
                    "robot_serial": "OT2FAKE",
                    "links": {}
                }),
            )
        }
        ("POST", ["protocols"]) => upload(request, &mut state, shared),
        ("GET", ["protocols", protocol, "analyses", analysis]) => {
            state.seen.events.push(line.clone());
            match state.protocols.get(*protocol) {
                Some(p) if p.analysis_id == *analysis => match &p.analysis {
                    Some(done) => (200, json!({"data": done})),
                    None => (200, json!({"data": {"id": analysis, "status": "pending"}})),
                },
                _ => error(404, "AnalysisNotFound", "no such analysis"),
            }
        }
        ("POST", ["runs"]) => create_run(request, &mut state),
        ("POST", ["runs", run, "actions"]) => {
            let body: Value = serde_json::from_slice(&request.body).unwrap_or_default();
            let action = body["data"]["actionType"]
                .as_str()
                .unwrap_or("")
                .to_string();
            with_run(&mut state, run, |run_state, script, seen| {
                let holding = run_state
                    .holding
                    .clone()
                    .unwrap_or_else(|| "nothing".into());
                seen.events
                    .push(format!("{action} {run} holding {holding}"));
                match action.as_str() {
                    "play" if run_state.status == "idle" => {
                        run_state.status = "running";
                        run_state.due = Some(Instant::now() + duration(script, run_state));
                    }
                    "stop" if !is_terminal(run_state.status) => {
                        run_state.stop_requested = true;
                        run_state.status = "stop-requested";
                    }
                    _ => {
                        return error(
                            409,
                            "RunActionNotAllowed",
                            &format!("cannot {action} a run that is {}", run_state.status),
                        );
                    }
                }
                (
                    201,
                    json!({"data": {"id": format!("action-{action}"), "actionType": action}}),
                )
            })
        }
        ("GET", ["runs", run]) => with_run(&mut state, run, |run_state, _, _| {
            (200, json!({"data": run_view(run, run_state)}))
        }),
        ("GET", ["runs", run, "commands"]) => with_run(&mut state, run, |run_state, _, _| {
            let visible = visible_commands(run_state);
            let cursor: usize = request
                .query
                .get("cursor")
                .and_then(|c| c.parse().ok())
                .unwrap_or(0);
            let length: usize = request
                .query
                .get("pageLength")
                .and_then(|c| c.parse().ok())
                .unwrap_or(20);
            let page: Vec<Value> = visible.iter().skip(cursor).take(length).cloned().collect();
            (
                200,
                json!({"data": page, "meta": {"cursor": cursor, "totalLength": visible.len()}, "links": {}}),
            )
        }),
        ("PATCH", ["runs", run]) => with_run(&mut state, run, |run_state, _, seen| {
            if !is_terminal(run_state.status) && run_state.status != "idle" {
                return error(409, "RunNotIdle", "Run must be stopped before it is closed");
            }
            run_state.current = false;
            seen.events.push(format!("close {run}"));
            (200, json!({"data": run_view(run, run_state)}))
        }),
        _ => error(404, "NotFound", &format!("no route for {line}")),
    }
}

/// Answers about one run, moved forward to now first; 404 if there is no such run.
fn with_run(
    state: &mut State,
    id: &str,
    answer: impl FnOnce(&mut Run, &Script, &mut Seen) -> (u16, Value),
) -> (u16, Value) {
    let State {
        runs, seen, script, ..
    } = state;
    let Some(run) = runs.get_mut(id) else {
        return error(404, "RunNotFound", "no such run");
    };
    advance(run, script, seen);
    answer(run, script, seen)
}

/// `POST /protocols`: stores the files and starts the robot's analysis of them.
fn upload(request: &Request, state: &mut State, shared: &Arc<Mutex<State>>) -> (u16, Value) {
    let content_type = request
        .headers
        .get("content-type")
        .cloned()
        .unwrap_or_default();
    let Some(boundary) = content_type.split("boundary=").nth(1) else {
        return error(422, "InvalidRequest", "expected multipart/form-data");
    };
    let id = format!("protocol-{}", state.next_id);
    let analysis_id = format!("analysis-{}", state.next_id);
    state.next_id += 1;
    let dir = state.dir.join(&id);
    std::fs::create_dir_all(&dir).unwrap();
    let mut fields = Vec::new();
    let mut main = None;
    let mut labware = Vec::new();
    let mut values = String::from("{}");
    for part in multipart(&request.body, boundary.trim_matches('"')) {
        match part.file_name {
            Some(file_name) if part.name == "files" => {
                let path = dir.join(&file_name);
                std::fs::write(&path, &part.bytes).unwrap();
                if file_name.ends_with(".py") {
                    main = Some(path);
                } else {
                    labware.push(path);
                }
                fields.push(("files".to_string(), file_name));
            }
            _ => {
                let value = String::from_utf8_lossy(&part.bytes).to_string();
                if part.name == "runTimeParameterValues" {
                    values = value.clone();
                }
                fields.push((part.name, value));
            }
        }
    }
    state.seen.events.push("POST /protocols".into());
    state.seen.uploads.push(fields);
    let Some(main) = main else {
        return error(
            422,
            "ProtocolFilesInvalid",
            "No .py or .json protocol file given",
        );
    };
    if state.script.lose_labware {
        labware.clear();
    }
    state.protocols.insert(
        id.clone(),
        Protocol {
            analysis_id: analysis_id.clone(),
            analysis: None,
        },
    );
    let python = state.python.clone();
    let stricter = state.script.stricter_max.clone();
    let shared = Arc::clone(shared);
    let protocol_id = id.clone();
    let analysis = analysis_id.clone();
    thread::spawn(move || {
        let result = analyze(
            &python, &main, &labware, &values, &dir, &stricter, &analysis,
        );
        if let Some(protocol) = shared.lock().unwrap().protocols.get_mut(&protocol_id) {
            protocol.analysis = Some(result);
        }
    });
    (
        201,
        json!({"data": {"id": id, "protocolType": "python", "robotType": "OT-2 Standard",
            "analysisSummaries": [{"id": analysis_id, "status": "pending"}], "files": []}}),
    )
}

/// The robot's analysis: `opentrons.cli analyze`, the same engine robot-server runs.
fn analyze(
    python: &PathBuf,
    main: &PathBuf,
    labware: &[PathBuf],
    values: &str,
    dir: &std::path::Path,
    stricter: &[(String, f64)],
    id: &str,
) -> Value {
    let out = dir.join("analysis.json");
    let status = std::process::Command::new(python)
        .args(["-m", "opentrons.cli", "analyze", "--json-output"])
        .arg(&out)
        .args(["--rtp-values", values])
        .arg(main)
        .args(labware)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .status()
        .expect("run opentrons.cli analyze");
    let mut analysis: Value = std::fs::read(&out)
        .ok()
        .and_then(|bytes| serde_json::from_slice(&bytes).ok())
        .unwrap_or_else(|| {
            json!({"result": "not-ok", "errors": [{"errorType": "UnexpectedAnalysisError",
                "detail": format!("the analyzer exited with {status}")}], "commands": []})
        });
    for parameter in analysis["runTimeParameters"]
        .as_array_mut()
        .into_iter()
        .flatten()
    {
        for (name, max) in stricter {
            if parameter["variableName"] == name.as_str() {
                parameter["max"] = json!(max);
            }
        }
    }
    analysis["id"] = json!(id);
    analysis["status"] = json!("completed");
    analysis
}

/// `POST /runs`: busy and faulty answers first if scripted, then robot-server's own rules.
fn create_run(request: &Request, state: &mut State) -> (u16, Value) {
    let body: Value = serde_json::from_slice(&request.body).unwrap_or_default();
    state.seen.run_bodies.push(body.clone());
    let record = |state: &mut State, outcome: &str| {
        state.seen.events.push(format!("POST /runs -> {outcome}"));
    };
    if state.script.busy_answers > 0 {
        state.script.busy_answers -= 1;
        record(state, "409");
        return error(
            409,
            "RunAlreadyActive",
            "Current run is not idle or stopped.",
        );
    }
    let active = state
        .runs
        .values()
        .any(|r| r.current && !is_terminal(r.status) && r.status != "idle");
    if active {
        record(state, "409");
        return error(
            409,
            "RunAlreadyActive",
            "Current run is not idle or stopped.",
        );
    }
    if state.script.error_answers > 0 {
        state.script.error_answers -= 1;
        record(state, "500");
        return error(
            500,
            "UnexpectedError",
            "RunNotFoundError: Run fake was not found.",
        );
    }
    if std::mem::take(&mut state.poisoned) {
        record(state, "500");
        return error(
            500,
            "UnexpectedError",
            "RunNotFoundError: Run fake was not found.",
        );
    }
    let data = &body["data"];
    let protocol_id = data["protocolId"].as_str().unwrap_or("").to_string();
    let Some(analysis) = state
        .protocols
        .get(&protocol_id)
        .and_then(|p| p.analysis.clone())
    else {
        record(state, "404");
        return error(404, "ProtocolNotFound", "no such protocol");
    };
    if let Some(problem) = out_of_range(
        &analysis["runTimeParameters"],
        &data["runTimeParameterValues"],
    ) {
        state.poisoned = true;
        record(state, "500");
        return error(
            500,
            "UnexpectedError",
            &format!("ParameterValueError: {problem}"),
        );
    }
    for run in state.runs.values_mut() {
        run.current = false;
    }
    let id = format!("run-{}", state.next_id);
    state.next_id += 1;
    let commands = analysis["commands"]
        .as_array()
        .cloned()
        .unwrap_or_default()
        .into_iter()
        .map(|mut c| {
            c["status"] = json!("queued");
            c
        })
        .collect();
    let run = Run {
        protocol_id,
        status: "idle",
        current: true,
        commands,
        done: 0,
        due: None,
        errors: Vec::new(),
        stop_requested: false,
        holding: None,
        labware: HashMap::new(),
    };
    let view = run_view(&id, &run);
    state.runs.insert(id.clone(), run);
    record(state, &format!("201 {id}"));
    (201, json!({"data": view}))
}

/// robot-server's check of runtime parameter values against the analysis' declarations.
fn out_of_range(declared: &Value, values: &Value) -> Option<String> {
    for parameter in declared.as_array().into_iter().flatten() {
        let name = parameter["variableName"].as_str()?;
        let Some(value) = values.get(name) else {
            continue;
        };
        if let (Some(v), Some(min), Some(max)) = (
            value.as_f64(),
            parameter["min"].as_f64(),
            parameter["max"].as_f64(),
        ) && (v < min || v > max)
        {
            return Some(format!(
                "Parameter must be between {min} and {max} inclusive."
            ));
        }
    }
    None
}

fn is_terminal(status: &str) -> bool {
    matches!(status, "succeeded" | "failed" | "stopped")
}

/// How long the run's current command takes.
fn duration(script: &Script, run: &Run) -> Duration {
    let Some(command) = run.commands.get(run.done) else {
        return Duration::ZERO;
    };
    if command["commandType"] == "waitForDuration" {
        return Duration::from_secs_f64(command["params"]["seconds"].as_f64().unwrap_or(0.0));
    }
    match script.last_command {
        Some(last) if run.done + 1 == run.commands.len() => last,
        _ => script.pace,
    }
}

/// Moves the run forward to now: finishes the commands whose time is up, carries out a stop
/// (a held tip goes to the trash) and a scripted failure.
fn advance(run: &mut Run, script: &Script, seen: &mut Seen) {
    let now = Instant::now();
    loop {
        if run.stop_requested && run.status == "stop-requested" {
            // robot-server homes and drops whatever tip is held into the trash.
            if let Some(tip) = run.holding.take() {
                seen.trashed.push(tip);
            }
            if let Some(command) = run.commands.get_mut(run.done) {
                command["status"] = json!("failed");
                command["error"] =
                    json!({"errorType": "RunStoppedError", "detail": "Run was stopped"});
                run.done += 1;
            }
            run.commands.truncate(run.done);
            run.status = "stopped";
            return;
        }
        if run.status != "running" {
            return;
        }
        let Some(due) = run.due else { return };
        if now < due {
            return;
        }
        if run.done >= run.commands.len() {
            run.status = "succeeded";
            return;
        }
        let index = run.done;
        let command = &mut run.commands[index];
        command["startedAt"] = json!("2026-11-24T00:00:00Z");
        command["completedAt"] = json!("2026-11-24T00:00:01Z");
        if script.fail_at == Some(index) {
            let detail = format!(
                "{} failed on the robot: the pipette hit the deck (fake fault)",
                command["commandType"].as_str().unwrap_or("command")
            );
            command["status"] = json!("failed");
            command["error"] =
                json!({"errorType": "MustHomeError", "errorCode": "3005", "detail": detail});
            run.errors.push(
                json!({"errorType": "ExceptionInProtocolError", "errorCode": "4000",
                "detail": detail, "wrappedErrors": []}),
            );
            run.done += 1;
            run.commands.truncate(run.done);
            if let Some(tip) = run.holding.take() {
                seen.trashed.push(tip);
            }
            run.status = "failed";
            return;
        }
        command["status"] = json!("succeeded");
        let kind = command["commandType"].as_str().unwrap_or("").to_string();
        let labware_id = command["params"]["labwareId"].as_str().map(str::to_string);
        if kind == "loadLabware"
            && let (Some(id), Some(name)) = (
                command["result"]["labwareId"].as_str(),
                command["params"]["loadName"].as_str(),
            )
        {
            run.labware.insert(id.to_string(), name.to_string());
        }
        match kind.as_str() {
            "pickUpTip" => run.holding = labware_id.and_then(|id| run.labware.get(&id).cloned()),
            "dropTip" => run.holding = None,
            _ => {}
        }
        run.done += 1;
        run.due = Some(due + duration(script, run));
    }
}

/// The commands robot-server lists: the finished ones and the one running.
fn visible_commands(run: &Run) -> Vec<Value> {
    let mut visible: Vec<Value> = run.commands[..run.done].to_vec();
    if run.status == "running"
        && let Some(command) = run.commands.get(run.done)
    {
        let mut running = command.clone();
        running["status"] = json!("running");
        visible.push(running);
    }
    visible
}

fn run_view(id: &str, run: &Run) -> Value {
    json!({
        "id": id,
        "protocolId": run.protocol_id,
        "status": run.status,
        "current": run.current,
        "ok": run.errors.is_empty(),
        "errors": run.errors,
        "actions": [],
        "labware": [],
        "pipettes": [],
    })
}

/// One part of a multipart/form-data body.
struct Part {
    name: String,
    file_name: Option<String>,
    bytes: Vec<u8>,
}

fn multipart(body: &[u8], boundary: &str) -> Vec<Part> {
    let delimiter = format!("--{boundary}");
    let mut parts = Vec::new();
    for chunk in split(body, delimiter.as_bytes()).into_iter().skip(1) {
        if chunk.starts_with(b"--") {
            break;
        }
        let chunk = chunk.strip_prefix(b"\r\n").unwrap_or(chunk);
        let Some(split_at) = find(chunk, b"\r\n\r\n") else {
            continue;
        };
        let headers = String::from_utf8_lossy(&chunk[..split_at]).to_string();
        let mut bytes = chunk[split_at + 4..].to_vec();
        if bytes.ends_with(b"\r\n") {
            bytes.truncate(bytes.len() - 2);
        }
        let attribute = |key: &str| {
            headers
                .split(';')
                .map(str::trim)
                .find_map(|a| a.strip_prefix(&format!("{key}=")))
                .map(|v| v.trim_matches('"').to_string())
        };
        parts.push(Part {
            name: attribute("name").unwrap_or_default(),
            file_name: attribute("filename"),
            bytes,
        });
    }
    parts
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

fn split<'a>(mut body: &'a [u8], delimiter: &[u8]) -> Vec<&'a [u8]> {
    let mut pieces = Vec::new();
    while let Some(at) = find(body, delimiter) {
        pieces.push(&body[..at]);
        body = &body[at + delimiter.len()..];
    }
    pieces.push(body);
    pieces
}
