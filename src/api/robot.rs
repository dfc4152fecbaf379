//! The OT-2's own HTTP API (robot-server, port 31950): upload a protocol with its labware,
//! read the robot's analysis, create, play, follow and stop a run.
//!
//! Every request carries `Opentrons-Version`. Responses wrap their payload in `data`; errors
//! carry `errors[{id, detail}]`.

use std::time::Duration;

use reqwest::StatusCode;
use reqwest::multipart::{Form, Part};
use serde::de::DeserializeOwned;
use serde_json::{Map, Value, json};

use super::client::root_cause;
use super::robot_models::{
    ActionType, Analysis, AnalysisSummary, CommandsPage, Health, LabwareOffset, ProtocolRecord, Run,
};
use super::user_agent;

/// What the robot said, when it said no.
#[derive(Debug, thiserror::Error)]
pub enum RobotError {
    #[error("cannot reach the robot at {url} ({reason}); is it on and is --robot right?")]
    Unreachable { url: String, reason: String },
    /// 409 RunAlreadyActive: another run is running or paused.
    #[error("the robot is busy with another run ({detail})")]
    Busy { detail: String },
    #[error("the robot answered {status} to {what}: {detail}")]
    Refused {
        status: StatusCode,
        what: String,
        detail: String,
    },
    #[error("unexpected answer from the robot to {what}: {reason}")]
    Decode { what: String, reason: String },
    #[error(
        "'{url}' is not a robot URL ({reason}); write http://<robot address>:31950, or \
         http://127.0.0.1:31950 on the robot itself"
    )]
    BadUrl { url: String, reason: String },
}

impl RobotError {
    /// Whether robot-server refused an action because the run is no longer its current run
    /// (another client's `POST /runs` replaced it): a 409 "not the current run", or the 500
    /// "Expected RunController to be bound to current run" that 8.1.0 answers when the
    /// current run changes between its check and the action.
    pub fn run_not_current(&self) -> bool {
        match self {
            RobotError::Busy { detail } => detail.contains("not the current run"),
            RobotError::Refused { status, detail, .. } => {
                status.is_server_error() && detail.contains("bound to current run")
            }
            _ => false,
        }
    }
}

/// A robot-server URL as ot2ctl keys it: http(s), host and port, no trailing slash. A bare
/// `host:port` means http, as the robot serves nothing else.
pub fn robot_url(raw: &str) -> Result<String, RobotError> {
    let bad = |reason: &str| RobotError::BadUrl {
        url: super::redact::redact(raw).into_owned(),
        reason: reason.to_string(),
    };
    let raw_trimmed = raw.trim();
    let with_scheme = if raw_trimmed.contains("://") {
        raw_trimmed.to_string()
    } else {
        format!("http://{raw_trimmed}")
    };
    let url = reqwest::Url::parse(&with_scheme).map_err(|e| bad(&e.to_string()))?;
    if !url.username().is_empty() || url.password().is_some() {
        return Err(RobotError::BadUrl {
            url: super::redact::redact_url(&with_scheme),
            reason: "robot-server takes no user or password; leave them out".into(),
        });
    }
    if !matches!(url.scheme(), "http" | "https") {
        return Err(bad("it must start with http:// or https://"));
    }
    if url.host_str().is_none_or(str::is_empty) {
        return Err(bad("it has no host"));
    }
    if url.query().is_some() || url.fragment().is_some() {
        return Err(bad("it must not have a query or fragment"));
    }
    Ok(url.as_str().trim_end_matches('/').to_string())
}

/// A robot-server, on the robot (`http://127.0.0.1:31950`) or across the network.
pub struct RobotClient {
    http: reqwest::Client,
    base: String,
}

/// A file sent with a protocol: the protocol itself or a custom labware definition.
#[derive(Clone)]
pub struct UploadFile {
    pub name: String,
    pub bytes: Vec<u8>,
}

impl RobotClient {
    pub fn new(url: &str) -> Result<RobotClient, RobotError> {
        let base = robot_url(url)?;
        let _ = rustls::crypto::ring::default_provider().install_default();
        let http = reqwest::Client::builder()
            .user_agent(user_agent())
            .timeout(Duration::from_secs(60))
            .connect_timeout(Duration::from_secs(10))
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .map_err(|e| RobotError::Unreachable {
                url: base.clone(),
                reason: e.to_string(),
            })?;
        Ok(RobotClient { http, base })
    }

    pub fn url(&self) -> &str {
        &self.base
    }

    /// `GET /health`: name, model, `api_version`, `maximum_protocol_api_version`.
    pub async fn health(&self) -> Result<Health, RobotError> {
        let what = "GET /health";
        let body = self.send(self.http.get(self.path("/health")), what).await?;
        decode(body, what)
    }

    /// `POST /protocols`: the protocol and its labware, analysed with `values`. Returns
    /// `data` (`id`, `analysisSummaries`). robot-server keeps one protocol per file content:
    /// an upload of files it has answers 200 with the earlier protocol (and its `key`), and
    /// starts a new analysis only when the last one used other values.
    pub async fn upload_protocol(
        &self,
        files: Vec<UploadFile>,
        values: &Map<String, Value>,
    ) -> Result<ProtocolRecord, RobotError> {
        let values = Value::Object(values.clone()).to_string();
        let mut form = Form::new().text("runTimeParameterValues", values);
        for file in files {
            form = form.part("files", Part::bytes(file.bytes).file_name(file.name));
        }
        let what = "POST /protocols";
        let response = self
            .send(
                self.http.post(self.path("/protocols")).multipart(form),
                what,
            )
            .await?;
        data(response, what)
    }

    /// `GET /protocols/{id}/analyses/{analysis}`: `data` with `status`, `result`, `errors`,
    /// `runTimeParameters`, `commands`.
    pub async fn analysis(&self, protocol: &str, analysis: &str) -> Result<Analysis, RobotError> {
        let what = format!("GET /protocols/{protocol}/analyses/{analysis}");
        let response = self
            .send(
                self.http
                    .get(self.path(&format!("/protocols/{protocol}/analyses/{analysis}"))),
                &what,
            )
            .await?;
        data(response, &what)
    }

    /// `POST /protocols/{id}/analyses`: analyses the protocol with `values` unless its last
    /// analysis used them. Returns the protocol's analysis summaries, the newest last.
    pub async fn analyse(
        &self,
        protocol: &str,
        values: &Map<String, Value>,
    ) -> Result<Vec<AnalysisSummary>, RobotError> {
        let body = json!({"data": {"runTimeParameterValues": values, "forceReAnalyze": false}});
        let what = format!("POST /protocols/{protocol}/analyses");
        let response = self
            .send(
                self.http
                    .post(self.path(&format!("/protocols/{protocol}/analyses")))
                    .json(&body),
                &what,
            )
            .await?;
        data(response, &what)
    }

    /// `GET /protocols/{id}`: `data` with `metadata`, `files`, `analysisSummaries`.
    pub async fn protocol(&self, protocol: &str) -> Result<ProtocolRecord, RobotError> {
        let what = format!("GET /protocols/{protocol}");
        let response = self
            .send(
                self.http.get(self.path(&format!("/protocols/{protocol}"))),
                &what,
            )
            .await?;
        data(response, &what)
    }

    /// `GET /runs`: every run the robot keeps, oldest first.
    pub async fn runs(&self) -> Result<Vec<Run>, RobotError> {
        let what = "GET /runs";
        let response = self.send(self.http.get(self.path("/runs")), what).await?;
        data(response, what)
    }

    /// `POST /runs`; 409 is [`RobotError::Busy`].
    pub async fn create_run(
        &self,
        protocol: &str,
        values: &Map<String, Value>,
        offsets: &[LabwareOffset],
    ) -> Result<Run, RobotError> {
        let body = json!({"data": {"protocolId": protocol, "runTimeParameterValues": values, "labwareOffsets": offsets}});
        let what = "POST /runs";
        let response = self
            .send(self.http.post(self.path("/runs")).json(&body), what)
            .await?;
        data(response, what)
    }

    /// `POST /runs/{id}/actions` with `play`, `pause` or `stop`.
    pub async fn action(&self, run: &str, action: ActionType) -> Result<(), RobotError> {
        let body = json!({"data": {"actionType": action}});
        let name = serde_json::to_value(action)
            .ok()
            .and_then(|v| v.as_str().map(str::to_string))
            .unwrap_or_default();
        let what = format!("{name} of run {run}");
        self.send(
            self.http
                .post(self.path(&format!("/runs/{run}/actions")))
                .json(&body),
            &what,
        )
        .await
        .map(drop)
    }

    /// `GET /runs/{id}`: the run's status, errors, actions, labware and pipettes.
    pub async fn run(&self, run: &str) -> Result<Run, RobotError> {
        let what = format!("GET /runs/{run}");
        let response = self
            .send(self.http.get(self.path(&format!("/runs/{run}"))), &what)
            .await?;
        data(response, &what)
    }

    /// `GET /runs/{id}/commands?cursor=N&pageLength=M`: a page of commands and the total.
    pub async fn commands(
        &self,
        run: &str,
        cursor: usize,
        page_length: usize,
    ) -> Result<CommandsPage, RobotError> {
        let path = format!("/runs/{run}/commands?cursor={cursor}&pageLength={page_length}");
        let what = format!("GET /runs/{run}/commands");
        let response = self.send(self.http.get(self.path(&path)), &what).await?;
        decode(response, &what)
    }

    /// `PATCH /runs/{id}` `current: false`: the run no longer blocks the robot.
    pub async fn close_run(&self, run: &str) -> Result<(), RobotError> {
        let body = json!({"data": {"current": false}});
        self.send(
            self.http
                .patch(self.path(&format!("/runs/{run}")))
                .json(&body),
            "closing the run",
        )
        .await
        .map(drop)
    }

    fn path(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    async fn send(
        &self,
        request: reqwest::RequestBuilder,
        what: &str,
    ) -> Result<Value, RobotError> {
        let response = request
            .header("Opentrons-Version", "*")
            .send()
            .await
            .map_err(|e| RobotError::Unreachable {
                url: self.base.clone(),
                reason: root_cause(&e),
            })?;
        let status = response.status();
        let bytes = response
            .bytes()
            .await
            .map_err(|e| RobotError::Unreachable {
                url: self.base.clone(),
                reason: root_cause(&e),
            })?;
        let body: Value = if bytes.is_empty() {
            Value::Null
        } else {
            serde_json::from_slice(&bytes).map_err(|e| RobotError::Decode {
                what: what.to_string(),
                reason: e.to_string(),
            })?
        };
        if status.is_success() {
            return Ok(body);
        }
        let detail = body["errors"]
            .as_array()
            .and_then(|errors| errors.first())
            .map(|e| {
                let id = e["id"].as_str().unwrap_or("");
                let detail = e["detail"].as_str().unwrap_or("");
                format!("{id}: {detail}")
                    .trim_matches([' ', ':'])
                    .to_string()
            })
            .unwrap_or_else(|| body.to_string());
        if status == StatusCode::CONFLICT {
            return Err(RobotError::Busy { detail });
        }
        Err(RobotError::Refused {
            status,
            what: what.to_string(),
            detail,
        })
    }
}

/// The `data` of a robot-server answer, as `T`.
fn data<T: DeserializeOwned>(mut response: Value, what: &str) -> Result<T, RobotError> {
    decode(response["data"].take(), what)
}

fn decode<T: DeserializeOwned>(value: Value, what: &str) -> Result<T, RobotError> {
    serde_json::from_value(value).map_err(|e| RobotError::Decode {
        what: what.to_string(),
        reason: e.to_string(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// robot-server 8.1.0's own words for a run another client's `POST /runs` replaced.
    #[test]
    fn a_replaced_run_is_told_from_other_refusals() {
        let busy = |detail: &str| RobotError::Busy {
            detail: detail.into(),
        };
        let refused = |status: u16, detail: &str| RobotError::Refused {
            status: StatusCode::from_u16(status).unwrap(),
            what: "play".into(),
            detail: detail.into(),
        };
        assert!(
            busy("RunStopped: Cannot update r1 because it is not the current run.")
                .run_not_current()
        );
        assert!(
            refused(
                500,
                "UnexpectedError: AssertionError: Expected RunController to be bound to current run"
            )
            .run_not_current()
        );
        assert!(!busy("RunAlreadyActive: Current run is not idle or stopped.").run_not_current());
        assert!(!refused(422, "bound to current run").run_not_current());
        assert!(!refused(500, "RunNotFoundError").run_not_current());
    }

    #[test]
    fn robot_urls_are_keyed_one_way() {
        for raw in [
            "http://10.0.0.5:31950",
            "http://10.0.0.5:31950/",
            "10.0.0.5:31950",
        ] {
            assert_eq!(robot_url(raw).unwrap(), "http://10.0.0.5:31950");
        }
        assert!(robot_url("ftp://robot").is_err());
        assert!(robot_url("http://robot:31950/?x=1").is_err());
    }
}
