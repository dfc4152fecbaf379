//! A proxy in front of the real robot-server that injects the faults it cannot be made to
//! produce. Everything else passes through unchanged to Opentrons' own server.

use std::net::{TcpListener, TcpStream};
use std::sync::{Arc, Mutex};

use serde_json::{Value, json};

use super::http::Message;

/// What the proxy changes.
#[derive(Clone, Debug, Default)]
pub struct Faults {
    /// This many `POST /runs` are answered 500 `RunNotFoundError` without reaching the robot.
    /// The real server answers one such 500 after a bad value; two in a row for good values
    /// it does not produce.
    pub run_creation_500s: usize,
    /// The robot's analysis declares these maximums instead of the protocol's: a robot whose
    /// software is stricter than the protocol ot2ctl read. The real server analyses the same
    /// file ot2ctl reads, so its limits always agree.
    pub stricter_max: Vec<(String, f64)>,
}

pub struct FaultyRobot {
    pub url: String,
    /// "POST /runs -> 500", "GET /health -> 200", ... in order.
    seen: Arc<Mutex<Vec<String>>>,
}

impl FaultyRobot {
    pub fn start(upstream: &str, faults: Faults) -> FaultyRobot {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind the proxy");
        let url = format!("http://{}", listener.local_addr().unwrap());
        let upstream = upstream
            .strip_prefix("http://")
            .expect("an http:// robot")
            .to_string();
        let seen = Arc::new(Mutex::new(Vec::new()));
        let faults = Arc::new(Mutex::new(faults));
        let shared = seen.clone();
        std::thread::spawn(move || {
            for stream in listener.incoming().flatten() {
                let (upstream, seen, faults) = (upstream.clone(), shared.clone(), faults.clone());
                std::thread::spawn(move || serve(stream, &upstream, &seen, &faults));
            }
        });
        FaultyRobot { url, seen }
    }

    pub fn count(&self, prefix: &str) -> usize {
        self.seen
            .lock()
            .unwrap()
            .iter()
            .filter(|e| e.starts_with(prefix))
            .count()
    }

    pub fn seen(&self) -> Vec<String> {
        self.seen.lock().unwrap().clone()
    }
}

fn serve(mut client: TcpStream, upstream: &str, seen: &Mutex<Vec<String>>, faults: &Mutex<Faults>) {
    let Some(request) = Message::read(&client, false) else {
        return;
    };
    let mut parts = request.start.split_whitespace();
    let method = parts.next().unwrap_or("").to_string();
    let target = parts.next().unwrap_or("").to_string();
    let path = target.split('?').next().unwrap_or("").to_string();

    if method == "POST" && path == "/runs" {
        let mut faults = faults.lock().unwrap();
        if faults.run_creation_500s > 0 {
            faults.run_creation_500s -= 1;
            seen.lock().unwrap().push(format!("{method} {path} -> 500"));
            let body = json!({"errors": [{"id": "UnexpectedError", "title": "Unexpected Internal Error",
                "detail": "Run 9c0ffee0 was not found.", "meta": {"type": "RunNotFoundError"},
                "errorCode": "4000"}]});
            let answer = Message {
                start: "HTTP/1.1 500 Internal Server Error".into(),
                headers: [("content-type".to_string(), "application/json".to_string())].into(),
                body: Vec::new(),
            };
            let _ = answer.write(&mut client, body.to_string().as_bytes());
            return;
        }
    }

    let Ok(mut robot) = TcpStream::connect(upstream) else {
        return;
    };
    let mut forwarded = request;
    forwarded.headers.insert("host".into(), upstream.into());
    let body = std::mem::take(&mut forwarded.body);
    if forwarded.write(&mut robot, &body).is_err() {
        return;
    }
    let Some(answer) = Message::read(&robot, true) else {
        return;
    };
    seen.lock()
        .unwrap()
        .push(format!("{method} {path} -> {}", answer.status()));
    let mut body = answer.body.clone();
    let stricter = faults.lock().unwrap().stricter_max.clone();
    if method == "GET"
        && path.contains("/analyses/")
        && !stricter.is_empty()
        && let Ok(mut analysis) = serde_json::from_slice::<Value>(&body)
    {
        for parameter in analysis["data"]["runTimeParameters"]
            .as_array_mut()
            .into_iter()
            .flatten()
        {
            for (name, max) in &stricter {
                if parameter["variableName"] == *name.as_str() {
                    parameter["max"] = json!(max);
                }
            }
        }
        body = analysis.to_string().into_bytes();
    }
    let _ = answer.write(&mut client, &body);
}
