//! What the worker hears from the server's event stream: a run that became claimable wakes
//! the claim loop at once, and a run being cancelled is checked at once; a run its pool or
//! queue cannot give out (paused, heard from their status events) wakes nothing, and their
//! resumption wakes the loop. The stream only hurries things up: claims and cancellations are
//! still decided from the REST API, and when the stream is unavailable the worker polls as
//! before (it says so once).

use std::collections::{HashMap, HashSet};
use std::hash::{Hash, Hasher};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use tokio::sync::{Notify, broadcast};
use uuid::Uuid;

use crate::api::Client;
use crate::api::events::{Event, events_of_pool};
use crate::api::models::{WorkPool, WorkQueue};
use crate::api::states::StateType;
use crate::executor::RunHint;
use crate::output::Printer;

/// The first wait before reconnecting; each failure doubles it up to [`MAX_BACKOFF`].
const FIRST_BACKOFF: Duration = Duration::from_secs(1);
const MAX_BACKOFF: Duration = Duration::from_secs(30);

/// How far apart the workers of one pool poll after the same event, so that they do not all
/// ask for the same run at the same instant (only one can claim it).
const HERD_STEP: Duration = Duration::from_millis(20);
/// No worker waits longer than this many steps.
const HERD_STEPS: u64 = 10;

/// Where the listener passes on what it heard.
#[derive(Clone)]
pub struct Listeners {
    /// Wakes the claim loop.
    pub claim: Arc<Notify>,
    /// Runs being cancelled or ended, for their executors.
    pub runs: broadcast::Sender<RunHint>,
    /// Runs heard to be claimable and not heard to have moved on since, with their queue.
    claimable: Arc<Mutex<HashMap<Uuid, Option<String>>>>,
    /// The queues this worker serves (empty: all of the pool's).
    queues: Arc<Vec<String>>,
    /// Queues whose claimable runs the server held back at the last poll an event woke (a
    /// paused pool or queue, a concurrency limit, a run not yet due): their events wake nothing
    /// until the next poll that no event woke.
    held: Arc<Mutex<HashSet<Option<String>>>>,
    /// Runs still heard claimable after the last poll an event woke that found nothing: held
    /// back, unless another worker claimed them and the news is on its way. A run still here
    /// at the next such poll is held back for sure.
    suspects: Arc<Mutex<HashSet<Uuid>>>,
    /// What is paused: the pool, and which of its queues.
    paused: Arc<Mutex<Paused>>,
    /// Whether the event stream is connected (without it, the polls are all there is).
    connected: Arc<AtomicBool>,
    /// Workers of the pool seen alive at the last heartbeat (this one included).
    pub workers: Arc<AtomicUsize>,
}

/// The pool's and its queues' pauses, as last read or heard.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Paused {
    pub pool: bool,
    pub queues: HashSet<String>,
}

impl Paused {
    /// What the REST API's `pool` and its `queues` say.
    pub fn of(pool: &WorkPool, queues: &[WorkQueue]) -> Paused {
        Paused {
            pool: pool.is_paused,
            queues: queues
                .iter()
                .filter(|q| q.is_paused)
                .map(|q| q.name.clone())
                .collect(),
        }
    }

    /// Whether a run of `queue` can be given out at all.
    fn holds(&self, queue: &Option<String>) -> bool {
        self.pool || queue.as_ref().is_some_and(|q| self.queues.contains(q))
    }
}

impl Listeners {
    /// Listeners for a worker that serves `queues` (empty: every queue of the pool).
    pub fn new(queues: &[String]) -> Listeners {
        Listeners {
            claim: Arc::new(Notify::new()),
            runs: broadcast::channel(64).0,
            claimable: Arc::default(),
            queues: Arc::new(queues.to_vec()),
            held: Arc::default(),
            suspects: Arc::default(),
            paused: Arc::default(),
            connected: Arc::default(),
            workers: Arc::new(AtomicUsize::new(1)),
        }
    }

    /// What the REST API says is paused (at start, and whenever the stream reconnects: a
    /// status event may have been missed meanwhile).
    pub fn set_paused(&self, paused: Paused) {
        *self.paused.lock().unwrap_or_else(|e| e.into_inner()) = paused;
    }

    /// Whether the event stream is connected now.
    pub fn connected(&self) -> bool {
        self.connected.load(Ordering::Relaxed)
    }

    /// A status event of the pool (`prefect.work-pool.paused`, `.ready`, `.not-ready`) or of
    /// one of its queues: a pause is noted; a resumption wakes the claim loop, since runs may
    /// have waited for it. Other events of the pool and queues (`.updated`) change nothing.
    fn hear_status(&self, event: &Event) {
        let (pool_status, queue_status) = (
            event.name.strip_prefix("prefect.work-pool."),
            event.name.strip_prefix("prefect.work-queue."),
        );
        let Some(status) = pool_status.or(queue_status) else {
            return;
        };
        let pausing = match status {
            "paused" => true,
            "ready" | "not-ready" => false,
            _ => return,
        };
        let mut paused = self.paused.lock().unwrap_or_else(|e| e.into_inner());
        let changed = if pool_status.is_some() {
            std::mem::replace(&mut paused.pool, pausing) != pausing
        } else {
            let Some(queue) = event.resource_name.clone() else {
                return;
            };
            if pausing {
                paused.queues.insert(queue)
            } else {
                paused.queues.remove(&queue)
            }
        };
        if changed && !pausing {
            self.claim.notify_one();
        }
    }

    /// A run that became SCHEDULED (Scheduled, Late, AwaitingRetry, …) may be claimed; one
    /// that moved on may not, and its executor hears that it is cancelling or has ended. A run
    /// of a queue this worker does not serve, or of one the server holds back, wakes nothing.
    fn hear(&self, event: &Event) {
        let (Some(state), Some(id)) = (event.state_type, event.flow_run_id()) else {
            self.hear_status(event);
            return;
        };
        let mut claimable = self.claimable.lock().unwrap_or_else(|e| e.into_inner());
        if state == StateType::Scheduled {
            let serves = match &event.work_queue {
                Some(queue) => self.queues.is_empty() || self.queues.contains(queue),
                None => true,
            };
            if !serves {
                return;
            }
            let held = self
                .held
                .lock()
                .unwrap_or_else(|e| e.into_inner())
                .contains(&event.work_queue)
                || self
                    .paused
                    .lock()
                    .unwrap_or_else(|e| e.into_inner())
                    .holds(&event.work_queue);
            claimable.insert(id, event.work_queue.clone());
            if !held {
                self.claim.notify_one();
            }
            return;
        }
        claimable.remove(&id);
        if state == StateType::Cancelling {
            let _ = self.runs.send(RunHint::Cancelling(id));
        } else if state.is_final() {
            let _ = self.runs.send(RunHint::Ended(id));
        }
    }

    /// After an event woke the claim loop: whether this worker should still poll. With other
    /// workers on the pool it first waits its turn (its place, from a hash of its name and
    /// the run, differs from run to run), and polls only if the run was not claimed
    /// meanwhile; alone, it polls at once.
    pub async fn take_turn(&self, worker: &str) -> bool {
        let workers = self.workers.load(Ordering::Relaxed) as u64;
        let first = self
            .claimable
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .keys()
            .min()
            .copied();
        let Some(run) = first else {
            return true;
        };
        let place = place(worker, run, workers);
        if place == 0 {
            return true;
        }
        tokio::time::sleep(HERD_STEP * place as u32).await;
        !self
            .claimable
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .is_empty()
    }
}

impl Listeners {
    /// After a poll an event woke found nothing to claim with a slot free. A run heard
    /// claimable at two such polls in a row is held back by the server (a paused pool or
    /// queue, a limit, a start not yet due), and so is its queue, until
    /// [`Listeners::release`]; one seen once may just have been claimed by another worker.
    pub fn hold_waiting(&self) {
        let claimable = self.claimable.lock().unwrap_or_else(|e| e.into_inner());
        let mut suspects = self.suspects.lock().unwrap_or_else(|e| e.into_inner());
        let mut held = self.held.lock().unwrap_or_else(|e| e.into_inner());
        for (run, queue) in claimable.iter() {
            if suspects.contains(run) {
                held.insert(queue.clone());
            }
        }
        *suspects = claimable.keys().copied().collect();
    }

    /// A poll no event woke (the interval, a run due, a slot freed) looks at every queue
    /// again, and so do events from then on.
    pub fn release(&self) {
        self.held.lock().unwrap_or_else(|e| e.into_inner()).clear();
        self.suspects
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .clear();
    }
}

/// A worker's turn among `workers` to poll for `run`: 0 polls at once.
fn place(worker: &str, run: Uuid, workers: u64) -> u64 {
    if workers <= 1 {
        return 0;
    }
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    (worker, run).hash(&mut hasher);
    hasher.finish() % workers.min(HERD_STEPS)
}

/// Follows the pool's flow-run events for as long as the worker runs, reconnecting with
/// backoff.
pub async fn listen(
    api: Arc<Client>,
    pool: WorkPool,
    poll_interval: Duration,
    listeners: Listeners,
    printer: Printer,
) {
    let mut backoff = FIRST_BACKOFF;
    let mut said_unavailable = false;
    loop {
        match api.subscribe_events(events_of_pool(pool.id)).await {
            Ok(mut stream) => {
                if said_unavailable {
                    printer.note("ot2ctl worker: the event stream is back; runs are picked up as they arrive");
                    said_unavailable = false;
                }
                backoff = FIRST_BACKOFF;
                // A pause or resumption may have gone unheard while the stream was down.
                if let Ok(paused) = read_paused(&api, &pool.name).await {
                    listeners.set_paused(paused);
                }
                listeners.connected.store(true, Ordering::Relaxed);
                // Whatever happened while the stream was down is picked up by one poll.
                listeners.claim.notify_one();
                while let Some(Ok(event)) = stream.next().await {
                    listeners.hear(&event);
                }
                listeners.connected.store(false, Ordering::Relaxed);
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

/// What the REST API says is paused in `pool`: two reads.
async fn read_paused(api: &Client, pool: &str) -> Result<Paused, crate::api::ApiError> {
    let read = api.read_work_pool(pool).await?;
    let queues = api.list_work_queues(pool).await?;
    Ok(Paused::of(&read, &queues))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn event(state: StateType, id: Uuid) -> Event {
        in_queue(state, id, "default")
    }

    fn in_queue(state: StateType, id: Uuid, queue: &str) -> Event {
        Event {
            name: format!("prefect.flow-run.{}", state.default_name()),
            resource_id: format!("prefect.flow-run.{id}"),
            state_type: Some(state),
            work_queue: Some(queue.to_string()),
            resource_name: None,
        }
    }

    fn status(resource: &str, status: &str, name: &str) -> Event {
        Event {
            name: format!("prefect.{resource}.{status}"),
            resource_id: format!("prefect.{resource}.{}", Uuid::new_v4()),
            state_type: None,
            work_queue: None,
            resource_name: Some(name.to_string()),
        }
    }

    #[tokio::test]
    async fn runs_of_a_paused_pool_or_queue_wake_nothing_until_it_resumes() {
        let listeners = Listeners::new(&[]);
        listeners.set_paused(Paused {
            pool: true,
            queues: HashSet::new(),
        });
        listeners.hear(&event(StateType::Scheduled, Uuid::new_v4()));
        assert!(
            !woken(&listeners).await,
            "the pool is paused (read at start)"
        );
        listeners.hear(&status("work-pool", "updated", "pool"));
        assert!(!woken(&listeners).await, "an update is no resumption");
        listeners.hear(&status("work-pool", "ready", "pool"));
        assert!(woken(&listeners).await, "the resumption wakes the loop");
        listeners.hear(&status("work-pool", "not-ready", "pool"));
        assert!(!woken(&listeners).await, "no change: nothing to wake for");

        listeners.hear(&status("work-queue", "paused", "default"));
        listeners.hear(&event(StateType::Scheduled, Uuid::new_v4()));
        assert!(!woken(&listeners).await, "its queue is paused");
        listeners.hear(&in_queue(StateType::Scheduled, Uuid::new_v4(), "other"));
        assert!(woken(&listeners).await, "another queue is not");
        listeners.hear(&status("work-queue", "ready", "default"));
        assert!(
            woken(&listeners).await,
            "the queue's resumption wakes the loop"
        );
        listeners.hear(&event(StateType::Scheduled, Uuid::new_v4()));
        assert!(woken(&listeners).await);

        listeners.hear(&status("work-pool", "paused", "pool"));
        listeners.hear(&in_queue(StateType::Scheduled, Uuid::new_v4(), "other"));
        assert!(!woken(&listeners).await, "heard paused");
    }

    async fn woken(listeners: &Listeners) -> bool {
        tokio::time::timeout(Duration::from_millis(10), listeners.claim.notified())
            .await
            .is_ok()
    }

    #[tokio::test]
    async fn runs_of_other_queues_or_of_held_queues_wake_nothing() {
        let listeners = Listeners::new(&["high-priority".to_string(), "standard".to_string()]);
        listeners.hear(&in_queue(
            StateType::Scheduled,
            Uuid::new_v4(),
            "maintenance",
        ));
        assert!(!woken(&listeners).await, "not one of its queues");
        listeners.hear(&in_queue(StateType::Scheduled, Uuid::new_v4(), "standard"));
        assert!(woken(&listeners).await);
        // The poll found nothing: maybe another worker claimed the run, maybe not.
        listeners.hold_waiting();
        listeners.hear(&in_queue(StateType::Scheduled, Uuid::new_v4(), "standard"));
        assert!(woken(&listeners).await, "one empty poll holds nothing back");
        // The next finds nothing either and the first run is still claimable: the server
        // holds `standard` back (paused, say).
        listeners.hold_waiting();
        listeners.hear(&in_queue(StateType::Scheduled, Uuid::new_v4(), "standard"));
        assert!(!woken(&listeners).await, "a held queue");
        listeners.hear(&in_queue(
            StateType::Scheduled,
            Uuid::new_v4(),
            "high-priority",
        ));
        assert!(woken(&listeners).await, "another queue is not held");
        listeners.release();
        listeners.hear(&in_queue(StateType::Scheduled, Uuid::new_v4(), "standard"));
        assert!(woken(&listeners).await, "after a regular poll, heard again");
    }

    #[tokio::test]
    async fn a_run_another_worker_claimed_holds_nothing_back() {
        let listeners = Listeners::new(&[]);
        let claimed = Uuid::new_v4();
        listeners.hear(&event(StateType::Scheduled, claimed));
        assert!(woken(&listeners).await);
        listeners.hold_waiting();
        // The news of the other worker's claim arrives after this worker's empty poll.
        listeners.hear(&event(StateType::Pending, claimed));
        listeners.hear(&event(StateType::Scheduled, Uuid::new_v4()));
        assert!(woken(&listeners).await);
        listeners.hold_waiting();
        listeners.hear(&event(StateType::Scheduled, Uuid::new_v4()));
        assert!(woken(&listeners).await, "the queue is not held");
    }

    #[tokio::test]
    async fn claimable_runs_wake_the_loop_and_cancelled_or_ended_runs_are_named() {
        let listeners = Listeners::new(&[]);
        let mut heard = listeners.runs.subscribe();
        let id = Uuid::new_v4();
        listeners.hear(&event(StateType::Running, id));
        listeners.hear(&event(StateType::Cancelling, id));
        assert_eq!(heard.try_recv().unwrap(), RunHint::Cancelling(id));
        listeners.hear(&event(StateType::Completed, id));
        assert_eq!(heard.try_recv().unwrap(), RunHint::Ended(id));
        listeners.hear(&event(StateType::Scheduled, id));
        tokio::time::timeout(Duration::from_millis(10), listeners.claim.notified())
            .await
            .expect("a scheduled run wakes the claim loop");
    }

    #[tokio::test]
    async fn a_worker_alone_polls_at_once_and_a_claimed_run_stops_the_others() {
        let listeners = Listeners::new(&[]);
        let id = Uuid::new_v4();
        listeners.hear(&event(StateType::Scheduled, id));
        assert!(listeners.take_turn("alone").await);

        listeners.workers.store(10, Ordering::Relaxed);
        let names: Vec<String> = (0..10).map(|n| format!("worker-{n}")).collect();
        let waiting: Vec<_> = names
            .iter()
            .map(|name| {
                let (listeners, name) = (listeners.clone(), name.clone());
                tokio::spawn(async move { listeners.take_turn(&name).await })
            })
            .collect();
        tokio::time::sleep(Duration::from_millis(5)).await;
        // The run is claimed: only the workers whose turn was first polled.
        listeners.hear(&event(StateType::Pending, id));
        let mut polled = 0;
        for turn in waiting {
            polled += usize::from(turn.await.unwrap());
        }
        let first = names.iter().filter(|n| place(n, id, 10) == 0).count();
        assert_eq!(polled, first);
        assert!(first < names.len());
    }
}
