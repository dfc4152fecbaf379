//! What the worker hears from the server's event stream: a run that became claimable wakes
//! the claim loop at once, and a run being cancelled is checked at once. The stream only
//! hurries things up: claims and cancellations are still decided from the REST API, and when
//! the stream is unavailable the worker polls as before (it says so once).

use std::sync::Arc;
use std::time::Duration;

use tokio::sync::{Notify, broadcast};
use uuid::Uuid;

use crate::api::Client;
use crate::api::events::{Event, flow_runs_of_pool};
use crate::executor::RunHint;
use crate::output::Printer;

/// The first wait before reconnecting; each failure doubles it up to [`MAX_BACKOFF`].
const FIRST_BACKOFF: Duration = Duration::from_secs(1);
const MAX_BACKOFF: Duration = Duration::from_secs(30);

/// State names whose runs a worker may claim now or soon (all of type SCHEDULED).
const CLAIMABLE: &[&str] = &[
    "Scheduled",
    "Late",
    "AwaitingRetry",
    "AwaitingConcurrencySlot",
    "Resuming",
];

/// Final state names (of types COMPLETED, FAILED, CRASHED, CANCELLED).
const FINAL: &[&str] = &[
    "Completed",
    "Cached",
    "RolledBack",
    "Failed",
    "Crashed",
    "Cancelled",
];

/// Where the listener passes on what it heard.
#[derive(Clone)]
pub struct Listeners {
    /// Wakes the claim loop.
    pub claim: Arc<Notify>,
    /// Runs being cancelled or ended, for their executors.
    pub runs: broadcast::Sender<RunHint>,
}

impl Listeners {
    fn hear(&self, event: &Event) {
        let (Some(state), Some(id)) = (event.flow_run_state(), event.flow_run_id()) else {
            return;
        };
        if CLAIMABLE.contains(&state) {
            self.claim.notify_one();
        } else if state == "Cancelling" {
            let _ = self.runs.send(RunHint::Cancelling(id));
        } else if FINAL.contains(&state) {
            let _ = self.runs.send(RunHint::Ended(id));
        }
    }
}

/// Follows the pool's flow-run events for as long as the worker runs, reconnecting with
/// backoff.
pub async fn listen(
    api: Arc<Client>,
    pool_id: Uuid,
    poll_interval: Duration,
    listeners: Listeners,
    printer: Printer,
) {
    let mut backoff = FIRST_BACKOFF;
    let mut said_unavailable = false;
    loop {
        match api.subscribe_events(flow_runs_of_pool(pool_id)).await {
            Ok(mut stream) => {
                if said_unavailable {
                    printer.note("ot2ctl worker: the event stream is back; runs are picked up as they arrive");
                    said_unavailable = false;
                }
                backoff = FIRST_BACKOFF;
                // Whatever happened while the stream was down is picked up by one poll.
                listeners.claim.notify_one();
                while let Some(Ok(event)) = stream.next().await {
                    listeners.hear(&event);
                }
            }
            Err(error) => {
                if !said_unavailable {
                    printer.note(format_args!(
                        "ot2ctl worker: the server's event stream is unavailable ({error}); \
                         polling every {} s until it is back",
                        poll_interval.as_secs_f64()
                    ));
                    said_unavailable = true;
                }
            }
        }
        tokio::time::sleep(backoff).await;
        backoff = (backoff * 2).min(MAX_BACKOFF);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn event(state: &str, id: Uuid) -> Event {
        Event {
            name: format!("prefect.flow-run.{state}"),
            resource_id: format!("prefect.flow-run.{id}"),
        }
    }

    #[tokio::test]
    async fn claimable_runs_wake_the_loop_and_cancelled_or_ended_runs_are_named() {
        let (runs, mut heard) = broadcast::channel(4);
        let listeners = Listeners {
            claim: Arc::new(Notify::new()),
            runs,
        };
        let id = Uuid::new_v4();
        listeners.hear(&event("Running", id));
        listeners.hear(&event("Cancelling", id));
        assert_eq!(heard.try_recv().unwrap(), RunHint::Cancelling(id));
        listeners.hear(&event("Completed", id));
        assert_eq!(heard.try_recv().unwrap(), RunHint::Ended(id));
        listeners.hear(&event("Late", id));
        tokio::time::timeout(Duration::from_millis(10), listeners.claim.notified())
            .await
            .expect("a Late run wakes the claim loop");
    }
}
