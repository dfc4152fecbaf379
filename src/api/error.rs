//! Turning HTTP failures into one line a person can act on.

use std::fmt;

use reqwest::StatusCode;
use serde_json::Value;

/// The object a request is about, so that a 404 can say "work pool 'x' not found".
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    WorkPool(String),
    WorkQueue {
        pool: String,
        name: String,
    },
    WorkQueueId(String),
    FlowRun(String),
    Flow(String),
    Deployment(String),
    Variable(String),
    Block(String),
    /// Requests that are not about one object (lists, health).
    Endpoint(String),
}

impl fmt::Display for Target {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Target::WorkPool(name) => write!(f, "work pool '{name}'"),
            Target::WorkQueue { pool, name } => {
                write!(f, "work queue '{name}' in work pool '{pool}'")
            }
            Target::WorkQueueId(id) => write!(f, "work queue {id}"),
            Target::FlowRun(id) => write!(f, "flow run '{id}'"),
            Target::Flow(name) => write!(f, "flow '{name}'"),
            Target::Deployment(name) => write!(f, "deployment '{name}'"),
            Target::Variable(name) => write!(f, "variable '{name}'"),
            Target::Block(name) => write!(f, "block '{name}'"),
            Target::Endpoint(path) => write!(f, "{path}"),
        }
    }
}

/// Everything that can go wrong talking to the Prefect API.
#[derive(Debug, thiserror::Error)]
pub enum ApiError {
    #[error(
        "cannot connect to the Prefect API at {url} ({reason}); start a server with \
         `prefect server start`, or point ot2ctl at a running one with --api-url or PREFECT_API_URL"
    )]
    Connect { url: String, reason: String },

    #[error(
        "the Prefect API at {url} presented a TLS certificate ot2ctl does not trust ({reason}); \
         {hint}"
    )]
    Certificate {
        url: String,
        reason: String,
        /// What to do, from what `SSL_CERT_FILE` says.
        hint: String,
    },

    #[error(
        "the Prefect API at {url} did not answer within {} s, {attempts} time(s) \
         (PREFECT_API_REQUEST_TIMEOUT sets the limit)",
        format_seconds(*seconds)
    )]
    Timeout {
        url: String,
        seconds: f64,
        attempts: u32,
    },

    #[error("the connection to the Prefect API at {url} failed {attempts} time(s): {reason}")]
    Transport {
        url: String,
        attempts: u32,
        reason: String,
    },

    #[error("the Prefect API at {url} answered {status} to {what}: {} ({sent})", detail.trim_end_matches('.'))]
    Auth {
        url: String,
        status: StatusCode,
        what: Target,
        detail: String,
        sent: String,
    },

    #[error("{what} not found")]
    NotFound { what: Target },

    #[error(
        "the server has no endpoint {url} (404); check that PREFECT_API_URL ends in /api and that \
         the server runs Prefect 3"
    )]
    NoRoute { url: String },

    #[error("{what} already exists")]
    AlreadyExists { what: Target },

    #[error("conflict for {what}: {detail}")]
    Conflict { what: Target, detail: String },

    #[error("the server rejected the request for {what}: {detail}")]
    Invalid { what: Target, detail: String },

    #[error("the Prefect API answered {status} to {what} after {attempts} attempt(s): {detail}")]
    Server {
        status: StatusCode,
        what: Target,
        attempts: u32,
        detail: String,
    },

    #[error(
        "the Prefect API redirected {url} to {location}; ot2ctl uses exact paths, so the API URL \
         is probably wrong (it must end in /api)"
    )]
    Redirect { url: String, location: String },

    #[error("unexpected answer from {url}: {reason}")]
    Decode { url: String, reason: String },

    #[error("invalid Prefect API URL '{url}': {reason}")]
    BadUrl { url: String, reason: String },
}

/// "60", "1.5": seconds without a pointless ".0".
fn format_seconds(seconds: f64) -> String {
    if seconds.fract() == 0.0 {
        format!("{seconds:.0}")
    } else {
        format!("{seconds}")
    }
}

/// The human-readable part of a Prefect error body, in one line.
///
/// Prefect answers with `{"detail": "..."}`, `{"detail": [{loc, msg}...]}` (FastAPI) or
/// `{"exception_message": ..., "exception_detail": [{loc, msg}...]}`.
pub fn error_detail(body: &[u8]) -> String {
    let Ok(value) = serde_json::from_slice::<Value>(body) else {
        let text = String::from_utf8_lossy(body);
        let text = text.trim();
        return if text.is_empty() {
            "no details".into()
        } else {
            one_line(text)
        };
    };
    if let Some(detail) = value.get("detail") {
        return match detail {
            Value::String(text) => one_line(text),
            Value::Array(items) => validation_items(items),
            other => one_line(&other.to_string()),
        };
    }
    let message = value
        .get("exception_message")
        .and_then(Value::as_str)
        .unwrap_or("");
    let items = value
        .get("exception_detail")
        .and_then(Value::as_array)
        .map(|items| validation_items(items))
        .unwrap_or_default();
    match (message.is_empty(), items.is_empty()) {
        (false, false) => format!("{}: {items}", message.trim_end_matches('.')),
        (false, true) => one_line(message),
        (true, false) => items,
        (true, true) => one_line(&value.to_string()),
    }
}

fn validation_items(items: &[Value]) -> String {
    let parts: Vec<String> = items
        .iter()
        .map(|item| {
            let message = item.get("msg").and_then(Value::as_str).unwrap_or("invalid");
            let location: Vec<String> = item
                .get("loc")
                .and_then(Value::as_array)
                .map(|loc| {
                    loc.iter()
                        .filter(|part| part.as_str() != Some("body"))
                        .map(|part| match part {
                            Value::String(s) => s.clone(),
                            other => other.to_string(),
                        })
                        .collect()
                })
                .unwrap_or_default();
            if location.is_empty() {
                message.to_string()
            } else {
                format!("{}: {message}", location.join("."))
            }
        })
        .collect();
    one_line(&parts.join("; "))
}

fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_all_three_body_shapes() {
        assert_eq!(
            error_detail(br#"{"detail":"Work pool \"x\" not found."}"#),
            "Work pool \"x\" not found."
        );
        let pydantic = br#"{"exception_message":"Invalid request received.","exception_detail":[{"type":"greater_than","loc":["body","priority"],"msg":"Input should be greater than 0","input":0}],"request_body":{}}"#;
        assert_eq!(
            error_detail(pydantic),
            "Invalid request received: priority: Input should be greater than 0"
        );
        let fastapi = br#"{"detail":[{"loc":["body","name"],"msg":"field required"}]}"#;
        assert_eq!(error_detail(fastapi), "name: field required");
        assert_eq!(error_detail(b""), "no details");
        assert_eq!(error_detail(b"oops\nline"), "oops line");
    }
}
