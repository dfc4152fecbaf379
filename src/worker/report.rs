//! Telling Prefect what happens: run logs and state proposals that survive the server going
//! away. A transient failure (connection, timeout, 5xx) is retried with backoff until the
//! server answers; a state proposal keeps its transition id across retries, so the server
//! never applies it twice. Which state to propose is decided in `states`.

use std::collections::VecDeque;
use std::sync::Arc;
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, Ordering};

use jiff::Timestamp;
use uuid::Uuid;

use crate::api::flow_runs::LogCreate;
use crate::api::states::{OrchestrationResult, Proposal};
use crate::api::{ApiError, Client, PAGE_SIZE};
use crate::executor::Level;
use crate::executor::retry::until_answered;

/// The most logs sent in one request.
const LOG_BATCH: usize = 200;
/// Prefect Cloud refuses longer messages.
const MAX_MESSAGE: usize = 25_000;

/// Where the worker's own lines go (not run logs): the worker's printer.
pub type Notify = Arc<dyn Fn(String) + Send + Sync>;

/// Buffers run logs and ships them in order, keeping them until the server has them.
pub struct Reporter {
    api: Arc<Client>,
    pending: Mutex<VecDeque<LogCreate>>,
    /// One flush at a time: two flushes would both send the lines at the front of the queue.
    flushing: tokio::sync::Mutex<()>,
    worker_name: String,
    notify: Notify,
}

impl Reporter {
    pub fn new(api: Arc<Client>, worker_name: String, notify: Notify) -> Reporter {
        Reporter {
            api,
            pending: Mutex::new(VecDeque::new()),
            flushing: tokio::sync::Mutex::new(()),
            worker_name,
            notify,
        }
    }

    pub fn api(&self) -> &Client {
        &self.api
    }

    /// Tells whoever watches the worker (not a run log line).
    pub fn notice(&self, text: String) {
        (self.notify)(text);
    }

    /// Queues a log line of a flow run.
    pub fn log(&self, run: Uuid, level: Level, message: impl Into<String>) {
        let mut message: String = crate::api::redact::redact(&message.into()).into_owned();
        if message.len() > MAX_MESSAGE {
            let cut = (0..=MAX_MESSAGE)
                .rev()
                .find(|i| message.is_char_boundary(*i))
                .unwrap_or(0);
            message.truncate(cut);
        }
        self.pending
            .lock()
            .expect("log buffer")
            .push_back(LogCreate {
                name: format!("ot2ctl.worker.{}", self.worker_name),
                level: level.number(),
                message,
                timestamp: Timestamp::now().to_string(),
                flow_run_id: run,
                task_run_id: None,
            });
    }

    /// Sends everything queued so far, waiting for the server if it is away.
    pub async fn flush(&self) {
        let _turn = self.flushing.lock().await;
        loop {
            let batch: Vec<LogCreate> = {
                let pending = self.pending.lock().expect("log buffer");
                pending.iter().take(LOG_BATCH).cloned().collect()
            };
            if batch.is_empty() {
                return;
            }
            match self.deliver(&batch).await {
                Ok(()) => {}
                Err(error) => self.notice(format!("{} log line(s) dropped: {error}", batch.len())),
            }
            let mut pending = self.pending.lock().expect("log buffer");
            for _ in 0..batch.len() {
                pending.pop_front();
            }
        }
    }

    /// Sends one batch until the server has it, exactly once: Prefect's logs carry no id, so
    /// after a failed attempt (which the server may have stored before the connection broke)
    /// only the lines the server does not have yet are sent again.
    async fn deliver(&self, batch: &[LogCreate]) -> Result<(), ApiError> {
        let maybe_stored = AtomicBool::new(false);
        let maybe_stored = &maybe_stored;
        let notify = |text| self.notice(text);
        until_answered("run logs", &notify, move || async move {
            let unsent = if maybe_stored.load(Ordering::Relaxed) {
                self.not_stored(batch).await?
            } else {
                batch.to_vec()
            };
            if unsent.is_empty() {
                return Ok(());
            }
            let sent = self.api.create_logs(&unsent).await;
            if sent.is_err() {
                maybe_stored.store(true, Ordering::Relaxed);
            }
            sent
        })
        .await
    }

    /// The lines of `batch` the server does not have, matched by run, time and message.
    async fn not_stored(&self, batch: &[LogCreate]) -> Result<Vec<LogCreate>, ApiError> {
        let key = |run: Uuid, timestamp: &str, message: &str| -> Option<(Uuid, i64, String)> {
            let micros = timestamp.parse::<Timestamp>().ok()?.as_microsecond();
            Some((run, micros, message.to_string()))
        };
        let mut runs: Vec<Uuid> = batch.iter().map(|l| l.flow_run_id).collect();
        runs.sort();
        runs.dedup();
        let Some(first) = batch.iter().map(|l| l.timestamp.as_str()).min() else {
            return Ok(batch.to_vec());
        };
        let mut stored = std::collections::HashSet::new();
        let mut read = 0;
        loop {
            let page = self.api.logs_since(&runs, first, read).await?;
            read += page.len();
            let full = page.len() >= PAGE_SIZE;
            for entry in &page {
                let run = entry.flow_run_id;
                let timestamp = entry.timestamp.as_ref().map(|t| t.0.clone());
                if let (Some(run), Some(timestamp)) = (run, timestamp)
                    && let Some(key) = key(run, &timestamp, &entry.message)
                {
                    stored.insert(key);
                }
            }
            if !full || page.is_empty() {
                break;
            }
        }
        Ok(batch
            .iter()
            .filter(|line| {
                key(line.flow_run_id, &line.timestamp, &line.message)
                    .is_none_or(|k| !stored.contains(&k))
            })
            .cloned()
            .collect())
    }

    /// Proposes a state until the server answers, with one transition id for all attempts.
    /// Only `worker::states` proposes states.
    pub async fn propose(
        &self,
        run: Uuid,
        mut state: Proposal,
        force: bool,
    ) -> Result<OrchestrationResult, ApiError> {
        state.state_details.transition_id = Some(Uuid::new_v4());
        // A state message is shown wherever the run is: no credentials in it.
        state.message = state
            .message
            .map(|m| crate::api::redact::redact(&m).into_owned());
        let notify = |text| self.notice(text);
        until_answered("a state change", &notify, || {
            self.api.set_flow_run_state(run, &state, force)
        })
        .await
    }
}
