//! Prefect's event stream (`/api/events/out`), so that a worker hears at once that a run
//! arrived or was cancelled instead of at its next poll.
//!
//! The protocol is the one `prefect.events.clients.PrefectEventSubscriber` speaks: a websocket
//! with the `prefect` subprotocol; an `auth` message (the API key on Cloud, the auth string on
//! a self-hosted server, `null` without either) answered by `auth_success`; then one `filter`
//! message; then `{"type": "event", "event": {...}}` messages. The stream only wakes callers
//! up: what to do is always decided from the REST API.

use std::time::Duration;

use futures_util::{SinkExt, StreamExt};
use jiff::{SignedDuration, Timestamp};
use serde_json::{Value, json};
use tokio::net::TcpStream;
use tokio_tungstenite::tungstenite::Message;
use tokio_tungstenite::tungstenite::client::IntoClientRequest;
use tokio_tungstenite::tungstenite::http::HeaderValue;
use tokio_tungstenite::{MaybeTlsStream, WebSocketStream};

use super::client::{Client, Credential};
use super::error::{ApiError, Target};
use super::models::FlowRun;
use super::states::StateType;

/// How long the connection and the auth handshake may take.
const HANDSHAKE_TIMEOUT: Duration = Duration::from_secs(10);

/// One event, as much of it as a worker needs.
#[derive(Debug, Clone, PartialEq)]
pub struct Event {
    /// `prefect.flow-run.Scheduled`, `prefect.flow-run.Cancelling`, …
    pub name: String,
    /// `prefect.flow-run.<uuid>`.
    pub resource_id: String,
    /// The state type a flow-run state event moved the run to (`prefect.state-type`).
    pub state_type: Option<StateType>,
    /// The name of the run's work queue (its related resource of role `work-queue`).
    pub work_queue: Option<String>,
    /// The resource's name (`prefect.resource.name`): a work queue's, for its status events.
    pub resource_name: Option<String>,
}

impl Event {
    /// The flow run the event is about, if it is about one.
    pub fn flow_run_id(&self) -> Option<uuid::Uuid> {
        self.resource_id
            .strip_prefix("prefect.flow-run.")
            .and_then(|id| id.parse().ok())
    }
}

/// An open subscription.
pub struct EventStream {
    socket: WebSocketStream<MaybeTlsStream<TcpStream>>,
    url: String,
}

/// The events filter for one work pool, from now on: its flow runs' state changes (the pool
/// is their related resource), its own status (`prefect.work-pool.paused`, `.ready`,
/// `.not-ready`: the pool is the resource) and its queues' (`prefect.work-queue.paused`, …).
pub fn events_of_pool(pool_id: uuid::Uuid) -> Value {
    let now = Timestamp::now();
    json!({
        "occurred": {
            "since": now.to_string(),
            // The server's default end is "now": a live subscription needs one far ahead.
            "until": (now + SignedDuration::from_hours(24 * 3650)).to_string(),
        },
        "event": {"prefix": ["prefect.flow-run.", "prefect.work-pool.", "prefect.work-queue."]},
        // The pool as the resource or as a related one.
        "any_resource": {"id": [format!("prefect.work-pool.{pool_id}")]},
    })
}

impl Client {
    /// The websocket URL of the event stream.
    fn events_url(&self) -> String {
        let base = self.base_url();
        let ws = if let Some(rest) = base.strip_prefix("https://") {
            format!("wss://{rest}")
        } else if let Some(rest) = base.strip_prefix("http://") {
            format!("ws://{rest}")
        } else {
            base.to_string()
        };
        format!("{ws}/events/out")
    }

    /// Opens the event stream with `filter` (an `EventFilter` as JSON), without replaying
    /// past events.
    pub async fn subscribe_events(&self, filter: Value) -> Result<EventStream, ApiError> {
        let url = self.events_url();
        let failed = |reason: String| ApiError::Transport {
            url: url.clone(),
            attempts: 1,
            reason,
        };
        let mut request = url
            .as_str()
            .into_client_request()
            .map_err(|e| failed(e.to_string()))?;
        let headers = request.headers_mut();
        headers.insert(
            "Sec-WebSocket-Protocol",
            HeaderValue::from_static("prefect"),
        );
        if let Some(value) = self
            .credential()
            .header()
            .and_then(|h| HeaderValue::from_str(&h).ok())
        {
            headers.insert("Authorization", value);
        }
        let token = match self.credential() {
            Credential::None => Value::Null,
            Credential::ApiKey { secret, .. } | Credential::AuthString { secret, .. } => {
                Value::String(secret.expose().to_string())
            }
        };
        let handshake = async {
            let (mut socket, _) = tokio_tungstenite::connect_async(request)
                .await
                .map_err(|e| failed(e.to_string()))?;
            let auth = json!({"type": "auth", "token": token}).to_string();
            socket
                .send(Message::text(auth))
                .await
                .map_err(|e| failed(e.to_string()))?;
            match next_json(&mut socket).await {
                Some(Ok(answer)) if answer["type"] == "auth_success" => {}
                Some(Ok(answer)) => {
                    return Err(failed(format!(
                        "the event stream refused the credential ({})",
                        answer["reason"].as_str().unwrap_or("no reason given")
                    )));
                }
                Some(Err(reason)) => return Err(failed(reason)),
                None => {
                    return Err(failed(
                        "the event stream closed during authentication (a wrong credential?)"
                            .into(),
                    ));
                }
            }
            let subscribe = json!({"type": "filter", "filter": filter, "backfill": false});
            socket
                .send(Message::text(subscribe.to_string()))
                .await
                .map_err(|e| failed(e.to_string()))?;
            Ok(socket)
        };
        let socket = tokio::time::timeout(HANDSHAKE_TIMEOUT, handshake)
            .await
            .map_err(|_| failed("no answer within 10 s".into()))??;
        Ok(EventStream { socket, url })
    }
}

impl EventStream {
    /// The next event; `None` once the server closed the stream.
    pub async fn next(&mut self) -> Option<Result<Event, ApiError>> {
        loop {
            let message = match next_json(&mut self.socket).await? {
                Ok(message) => message,
                Err(reason) => {
                    return Some(Err(ApiError::Transport {
                        url: self.url.clone(),
                        attempts: 1,
                        reason,
                    }));
                }
            };
            if message["type"] != "event" {
                continue;
            }
            let event = &message["event"];
            let (Some(name), Some(resource_id)) = (
                event["event"].as_str(),
                event["resource"]["prefect.resource.id"].as_str(),
            ) else {
                continue;
            };
            let state_type =
                serde_json::from_value(event["resource"]["prefect.state-type"].clone()).ok();
            let work_queue = event["related"].as_array().and_then(|related| {
                related
                    .iter()
                    .find(|resource| resource["prefect.resource.role"] == "work-queue")
                    .and_then(|queue| queue["prefect.resource.name"].as_str())
                    .map(str::to_string)
            });
            return Some(Ok(Event {
                name: name.to_string(),
                resource_id: resource_id.to_string(),
                state_type,
                work_queue,
                resource_name: event["resource"]["prefect.resource.name"]
                    .as_str()
                    .map(str::to_string),
            }));
        }
    }
}

/// The next text message as JSON, skipping pings and binary frames; `None` when closed.
async fn next_json(
    socket: &mut WebSocketStream<MaybeTlsStream<TcpStream>>,
) -> Option<Result<Value, String>> {
    loop {
        match socket.next().await? {
            Ok(Message::Text(text)) => {
                return Some(serde_json::from_str(&text).map_err(|e| e.to_string()));
            }
            Ok(Message::Close(_)) => return None,
            Ok(_) => continue,
            Err(error) => return Some(Err(error.to_string())),
        }
    }
}

/// A `prefect.flow-run.heartbeat` event as Prefect's engine emits it (resource, and the flow,
/// deployment and tags as related resources), which Prefect's zombie-run automation follows.
pub fn flow_run_heartbeat(run: &FlowRun) -> Value {
    let mut related = Vec::new();
    if let Some(flow) = run.flow_id {
        related.push(json!({
            "prefect.resource.id": format!("prefect.flow.{flow}"),
            "prefect.resource.role": "flow",
        }));
    }
    if let Some(deployment) = run.deployment_id {
        related.push(json!({
            "prefect.resource.id": format!("prefect.deployment.{deployment}"),
            "prefect.resource.role": "deployment",
        }));
    }
    for tag in &run.tags {
        related.push(json!({
            "prefect.resource.id": format!("prefect.tag.{tag}"),
            "prefect.resource.role": "tag",
        }));
    }
    json!({
        "id": uuid::Uuid::new_v4(),
        "occurred": Timestamp::now().to_string(),
        "event": "prefect.flow-run.heartbeat",
        "resource": {
            "prefect.resource.id": format!("prefect.flow-run.{}", run.id),
            "prefect.resource.name": run.name,
        },
        "related": related,
        "payload": {},
    })
}

impl Client {
    /// `POST /events`: records events (the REST twin of the `/events/in` websocket).
    pub async fn emit_events(&self, events: &[Value]) -> Result<(), ApiError> {
        self.post_no_content("/events", &events, &Target::Endpoint("events".into()))
            .await
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flow_run_events_name_their_run() {
        let id = uuid::Uuid::new_v4();
        let event = Event {
            name: "prefect.flow-run.Cancelling".into(),
            resource_id: format!("prefect.flow-run.{id}"),
            state_type: Some(StateType::Cancelling),
            work_queue: None,
            resource_name: None,
        };
        assert_eq!(event.flow_run_id(), Some(id));
    }

    #[test]
    fn the_filter_names_the_pool_and_looks_ahead() {
        let id = uuid::Uuid::new_v4();
        let filter = events_of_pool(id);
        assert_eq!(
            filter["any_resource"]["id"][0],
            format!("prefect.work-pool.{id}")
        );
        let until: Timestamp = filter["occurred"]["until"]
            .as_str()
            .unwrap()
            .parse()
            .unwrap();
        assert!(until > Timestamp::now() + SignedDuration::from_hours(24 * 365));
    }
}
