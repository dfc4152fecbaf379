//! Comparing the lab file with the server, and the steps that make them equal.

use serde::Serialize;

use super::spec::{PoolSpec, QueueSpec};
use crate::api::models::{
    WorkPool, WorkPoolCreate, WorkPoolUpdate, WorkQueue, WorkQueueCreate, WorkQueueUpdate,
};
use crate::api::templates::default_base_job_template;

/// Name and priority of the queue every new pool starts with.
const DEFAULT_QUEUE: &str = "default";

/// One field that differs: what the server has and what the file wants.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FieldChange {
    pub field: &'static str,
    pub from: String,
    pub to: String,
}

/// What happens to one pool or queue.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "action", content = "changes", rename_all = "snake_case")]
pub enum Action {
    Create,
    Update(Vec<FieldChange>),
    Unchanged,
}

/// The request that carries out a step.
#[derive(Debug, Clone)]
pub enum Request {
    CreatePool(WorkPoolCreate),
    UpdatePool(WorkPoolUpdate),
    CreateQueue(WorkQueueCreate),
    UpdateQueue(WorkQueueUpdate),
    Nothing,
}

/// One line of the plan, in the order it must be applied.
#[derive(Debug, Clone)]
pub struct Step {
    pub pool: String,
    /// `None` for the pool itself.
    pub queue: Option<String>,
    pub action: Action,
    pub request: Request,
}

/// The server's current state of one pool, `None` when it does not exist.
pub struct Current<'a> {
    pub pool: Option<&'a WorkPool>,
    pub queues: &'a [WorkQueue],
}

/// Why a pool cannot be made to match the file.
#[derive(Debug, thiserror::Error)]
#[error(
    "work pool '{pool}' exists with type '{actual}' but the lab file says '{wanted}'; a pool's type \
     cannot change (delete the pool first, or fix the file)"
)]
pub struct TypeMismatch {
    pub pool: String,
    pub actual: String,
    pub wanted: String,
}

/// The steps that make the server's pool and queues equal to `spec`.
///
/// Queues with a priority are handled most urgent first: the server pushes queues whose
/// priority is taken to higher numbers, and going in ascending order guarantees that a later
/// step never moves a queue an earlier step already placed.
pub fn plan_pool(spec: &PoolSpec, current: Current<'_>) -> Result<Vec<Step>, TypeMismatch> {
    let mut steps = vec![pool_step(spec, current.pool)?];

    let mut simulated = match current.pool {
        Some(_) => Priorities::of(current.queues),
        // A new pool comes with its default queue at priority 1.
        None => Priorities(vec![(DEFAULT_QUEUE.to_string(), 1)]),
    };
    let mut ordered: Vec<&QueueSpec> = spec.queues.iter().collect();
    // Queues without a priority go last, in file order; the server gives them a free number.
    ordered.sort_by_key(|queue| queue.priority.unwrap_or(u32::MAX));

    for queue in ordered {
        let existing = current.queues.iter().find(|q| q.name == queue.name);
        let step = match existing {
            None if current.pool.is_none() && queue.name == DEFAULT_QUEUE => {
                queue_update_step(spec, queue, &new_pool_default_queue(), &mut simulated)
            }
            None => {
                simulated.create(&queue.name, queue.priority);
                Step {
                    pool: spec.name.clone(),
                    queue: Some(queue.name.clone()),
                    action: Action::Create,
                    request: Request::CreateQueue(WorkQueueCreate {
                        name: queue.name.clone(),
                        description: queue.description.clone(),
                        is_paused: queue.paused.unwrap_or(false),
                        concurrency_limit: queue.concurrency_limit.flatten(),
                        priority: queue.priority,
                    }),
                }
            }
            Some(existing) => queue_update_step(spec, queue, existing, &mut simulated),
        };
        steps.push(step);
    }
    Ok(steps)
}

fn pool_step(spec: &PoolSpec, current: Option<&WorkPool>) -> Result<Step, TypeMismatch> {
    let Some(pool) = current else {
        return Ok(Step {
            pool: spec.name.clone(),
            queue: None,
            action: Action::Create,
            request: Request::CreatePool(WorkPoolCreate {
                name: spec.name.clone(),
                pool_type: spec.pool_type.clone(),
                description: spec.description.clone(),
                base_job_template: default_base_job_template(&spec.pool_type)
                    .unwrap_or_else(|| serde_json::json!({})),
                is_paused: spec.paused.unwrap_or(false),
                concurrency_limit: spec.concurrency_limit.flatten(),
            }),
        });
    };
    if pool.pool_type != spec.pool_type {
        return Err(TypeMismatch {
            pool: spec.name.clone(),
            actual: pool.pool_type.clone(),
            wanted: spec.pool_type.clone(),
        });
    }
    let shared = diff_shared(
        Shared {
            description: pool.description.as_deref(),
            concurrency_limit: pool.concurrency_limit,
            paused: pool.is_paused,
        },
        &spec.description,
        spec.concurrency_limit,
        spec.paused,
    );
    let update = WorkPoolUpdate {
        description: shared.description.map(Some),
        is_paused: shared.paused,
        base_job_template: None,
        concurrency_limit: shared.concurrency_limit,
    };
    let changes = shared.changes;
    Ok(finish(spec, None, changes, Request::UpdatePool(update)))
}

fn queue_update_step(
    spec: &PoolSpec,
    queue: &QueueSpec,
    existing: &WorkQueue,
    simulated: &mut Priorities,
) -> Step {
    let mut changes = Vec::new();
    let mut update = WorkQueueUpdate::default();
    if let Some(wanted) = queue.priority {
        // Compare with the simulated value: earlier steps may have pushed this queue.
        let now = simulated.get(&queue.name).unwrap_or(existing.priority);
        if now != wanted {
            changes.push(change("priority", now.to_string(), wanted.to_string()));
            update.priority = Some(wanted);
            simulated.set(&queue.name, wanted);
        }
    }
    let shared = diff_shared(
        Shared {
            description: existing.description.as_deref(),
            concurrency_limit: existing.concurrency_limit,
            paused: existing.is_paused,
        },
        &queue.description,
        queue.concurrency_limit,
        queue.paused,
    );
    changes.extend(shared.changes);
    update.description = shared.description;
    update.concurrency_limit = shared.concurrency_limit;
    update.is_paused = shared.paused;
    finish(
        spec,
        Some(&queue.name),
        changes,
        Request::UpdateQueue(update),
    )
}

/// The fields pools and queues share, as the server has them.
struct Shared<'a> {
    description: Option<&'a str>,
    concurrency_limit: Option<u64>,
    paused: bool,
}

/// New values for the shared fields the file wants changed, and the changes to report.
#[derive(Default)]
struct SharedDiff {
    description: Option<String>,
    concurrency_limit: Option<Option<u64>>,
    paused: Option<bool>,
    changes: Vec<FieldChange>,
}

/// Compares the shared fields; a `None` in the file leaves the field alone.
fn diff_shared(
    current: Shared<'_>,
    description: &Option<String>,
    concurrency_limit: Option<Option<u64>>,
    paused: Option<bool>,
) -> SharedDiff {
    let mut diff = SharedDiff::default();
    if let Some(wanted) = description
        && current.description.unwrap_or("") != wanted
    {
        diff.changes.push(change(
            "description",
            quoted(current.description),
            quoted(Some(wanted)),
        ));
        diff.description = Some(wanted.clone());
    }
    if let Some(wanted) = concurrency_limit
        && current.concurrency_limit != wanted
    {
        diff.changes.push(change(
            "concurrency_limit",
            limit_text(current.concurrency_limit),
            limit_text(wanted),
        ));
        diff.concurrency_limit = Some(wanted);
    }
    if let Some(wanted) = paused
        && current.paused != wanted
    {
        diff.changes.push(change(
            "paused",
            current.paused.to_string(),
            wanted.to_string(),
        ));
        diff.paused = Some(wanted);
    }
    diff
}

fn finish(
    spec: &PoolSpec,
    queue: Option<&str>,
    changes: Vec<FieldChange>,
    request: Request,
) -> Step {
    let (action, request) = if changes.is_empty() {
        (Action::Unchanged, Request::Nothing)
    } else {
        (Action::Update(changes), request)
    };
    Step {
        pool: spec.name.clone(),
        queue: queue.map(str::to_string),
        action,
        request,
    }
}

/// The default queue the server creates with a new pool.
fn new_pool_default_queue() -> WorkQueue {
    serde_json::from_value(serde_json::json!({
        "id": uuid::Uuid::nil(),
        "name": DEFAULT_QUEUE,
        "description": "The work pool's default queue.",
        "priority": 1,
    }))
    .expect("static queue")
}

fn change(field: &'static str, from: String, to: String) -> FieldChange {
    FieldChange { field, from, to }
}

fn quoted(text: Option<&str>) -> String {
    format!("\"{}\"", text.unwrap_or(""))
}

fn limit_text(limit: Option<u64>) -> String {
    limit.map_or_else(|| "none".into(), |l| l.to_string())
}

/// Queue priorities of one pool, changed the way the server changes them.
#[derive(Debug, Clone, PartialEq)]
pub struct Priorities(pub Vec<(String, u32)>);

impl Priorities {
    pub fn of(queues: &[WorkQueue]) -> Priorities {
        Priorities(
            queues
                .iter()
                .map(|q| (q.name.clone(), q.priority))
                .collect(),
        )
    }

    pub fn get(&self, name: &str) -> Option<u32> {
        self.0.iter().find(|(n, _)| n == name).map(|(_, p)| *p)
    }

    /// A new queue: the given priority, or the lowest free number.
    pub fn create(&mut self, name: &str, priority: Option<u32>) {
        match priority {
            Some(priority) => {
                self.0.push((name.to_string(), priority));
                self.set(name, priority);
            }
            None => {
                let mut taken: Vec<u32> = self.0.iter().map(|(_, p)| *p).collect();
                taken.sort_unstable();
                let free = taken
                    .iter()
                    .enumerate()
                    .find(|(index, p)| **p != *index as u32 + 1)
                    .map_or(taken.len() as u32 + 1, |(index, _)| index as u32 + 1);
                self.0.push((name.to_string(), free));
            }
        }
    }

    /// Gives `name` the priority `wanted`, moving the queues in its way down.
    ///
    /// Mirrors Prefect's `bulk_update_work_queue_priorities`: the queue is inserted before the
    /// first other queue whose priority is >= `wanted` (if none, it simply keeps `wanted`),
    /// then every queue that collides with the one before it is bumped by one.
    pub fn set(&mut self, name: &str, wanted: u32) {
        let mut others: Vec<(String, u32)> =
            self.0.iter().filter(|(n, _)| n != name).cloned().collect();
        others.sort_by_key(|(_, p)| *p);
        let moved = (name.to_string(), wanted);
        let mut result = Vec::with_capacity(self.0.len());
        match others.iter().position(|(_, p)| *p >= wanted) {
            Some(index) => {
                others.insert(index, moved);
                let mut last = 0;
                for (queue, priority) in others {
                    let priority = if priority <= last { last + 1 } else { priority };
                    last = priority;
                    result.push((queue, priority));
                }
            }
            None => {
                result = others;
                result.push(moved);
            }
        }
        self.0 = result;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn priorities(pairs: &[(&str, u32)]) -> Priorities {
        Priorities(pairs.iter().map(|(n, p)| (n.to_string(), *p)).collect())
    }

    fn sorted(p: &Priorities) -> Vec<(String, u32)> {
        let mut v = p.0.clone();
        v.sort_by_key(|(_, p)| *p);
        v
    }

    /// The renumbering a live Prefect 3.8.8 server did for this sequence
    /// (`tests/lab_setup.rs` checks it against the real server too).
    #[test]
    fn simulation_matches_the_servers_verified_renumbering() {
        let mut p = priorities(&[("default", 1)]);
        p.create("high", Some(1));
        assert_eq!(
            sorted(&p),
            sorted(&priorities(&[("high", 1), ("default", 2)]))
        );
        p.create("low", None);
        assert_eq!(p.get("low"), Some(3));
        p.create("p10", Some(10));
        assert_eq!(p.get("p10"), Some(10));
        p.set("low", 1);
        assert_eq!(
            sorted(&p),
            sorted(&priorities(&[
                ("low", 1),
                ("high", 2),
                ("default", 3),
                ("p10", 10)
            ]))
        );
        p.set("p10", 2);
        assert_eq!(
            sorted(&p),
            sorted(&priorities(&[
                ("low", 1),
                ("p10", 2),
                ("high", 3),
                ("default", 4)
            ]))
        );
    }

    #[test]
    fn create_without_priority_fills_the_first_gap() {
        let mut p = priorities(&[("a", 1), ("b", 3)]);
        p.create("c", None);
        assert_eq!(p.get("c"), Some(2));
    }

    fn queue(name: &str, priority: u32, description: &str) -> WorkQueue {
        serde_json::from_value(serde_json::json!({
            "id": uuid::Uuid::new_v4(), "name": name, "priority": priority,
            "description": description, "is_paused": false, "concurrency_limit": null,
        }))
        .unwrap()
    }

    fn pool(name: &str) -> WorkPool {
        serde_json::from_value(serde_json::json!({
            "id": uuid::Uuid::new_v4(), "name": name, "type": "process",
            "description": "d", "is_paused": false, "concurrency_limit": null,
        }))
        .unwrap()
    }

    fn spec(queues: &[(&str, u32)]) -> PoolSpec {
        PoolSpec {
            name: "p".into(),
            pool_type: "process".into(),
            description: Some("d".into()),
            concurrency_limit: None,
            paused: None,
            queues: queues
                .iter()
                .map(|(name, priority)| QueueSpec {
                    name: name.to_string(),
                    priority: Some(*priority),
                    description: Some(format!("{name} queue")),
                    concurrency_limit: None,
                    paused: None,
                })
                .collect(),
        }
    }

    fn actions(steps: &[Step]) -> Vec<(Option<String>, Action)> {
        steps
            .iter()
            .map(|s| (s.queue.clone(), s.action.clone()))
            .collect()
    }

    #[test]
    fn a_queue_pushed_by_an_earlier_step_is_put_back() {
        // Server: default=1, b=2, a=3. File: a=1, b=2. Setting a=1 pushes default to 2 and b
        // to 3, so b must be updated too although it starts at the right number.
        let current_pool = pool("p");
        let queues = vec![
            queue("default", 1, "The work pool's default queue."),
            queue("b", 2, "b queue"),
            queue("a", 3, "a queue"),
        ];
        let steps = plan_pool(
            &spec(&[("a", 1), ("b", 2)]),
            Current {
                pool: Some(&current_pool),
                queues: &queues,
            },
        )
        .unwrap();
        assert_eq!(
            actions(&steps),
            vec![
                (None, Action::Unchanged),
                (
                    Some("a".into()),
                    Action::Update(vec![change("priority", "3".into(), "1".into())])
                ),
                (
                    Some("b".into()),
                    Action::Update(vec![change("priority", "3".into(), "2".into())])
                ),
            ]
        );
    }

    #[test]
    fn matching_state_is_unchanged_and_a_new_pool_is_all_creates() {
        let current_pool = pool("p");
        let queues = vec![
            queue("a", 1, "a queue"),
            queue("b", 2, "b queue"),
            queue("default", 3, "The work pool's default queue."),
        ];
        let wanted = spec(&[("a", 1), ("b", 2)]);
        let steps = plan_pool(
            &wanted,
            Current {
                pool: Some(&current_pool),
                queues: &queues,
            },
        )
        .unwrap();
        assert!(steps.iter().all(|s| s.action == Action::Unchanged));

        let steps = plan_pool(
            &wanted,
            Current {
                pool: None,
                queues: &[],
            },
        )
        .unwrap();
        assert!(steps.iter().all(|s| s.action == Action::Create));
    }

    #[test]
    fn a_different_type_is_refused() {
        let mut current_pool = pool("p");
        current_pool.pool_type = "docker".into();
        let err = plan_pool(
            &spec(&[]),
            Current {
                pool: Some(&current_pool),
                queues: &[],
            },
        )
        .unwrap_err();
        assert!(err.to_string().contains("type 'docker'"));
    }
}
