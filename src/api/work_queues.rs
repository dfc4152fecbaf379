//! Work queues, always through the pool-scoped routes `/work_pools/{pool}/queues/...`.

use serde_json::json;
use uuid::Uuid;

use super::client::segment;
use super::models::{WorkQueue, WorkQueueCreate, WorkQueueHealth, WorkQueueUpdate};
use super::work_pools::pool_path;
use super::{ApiError, Client, Target};

impl Client {
    pub async fn read_work_queue(&self, pool: &str, name: &str) -> Result<WorkQueue, ApiError> {
        self.get(&queue_path(pool, name), &queue_target(pool, name))
            .await
    }

    /// The queues of one pool, most urgent first (the server sorts by priority).
    pub async fn list_work_queues(&self, pool: &str) -> Result<Vec<WorkQueue>, ApiError> {
        self.filter_all(
            &format!("{}/queues/filter", pool_path(pool)),
            json!({"work_queues": null}),
            &Target::WorkPool(pool.into()),
        )
        .await
    }

    /// The queues of every pool in one request (the legacy `/work_queues/filter` route).
    pub async fn list_all_work_queues(&self) -> Result<Vec<WorkQueue>, ApiError> {
        self.filter_all(
            "/work_queues/filter",
            json!({"work_queues": null}),
            &Target::Endpoint("/work_queues/filter".into()),
        )
        .await
    }

    pub async fn create_work_queue(
        &self,
        pool: &str,
        queue: &WorkQueueCreate,
    ) -> Result<WorkQueue, ApiError> {
        // No trailing slash on this create route, unlike the others.
        let path = format!("{}/queues", pool_path(pool));
        match self
            .post(&path, queue, &queue_target(pool, &queue.name))
            .await
        {
            // A 404 here is about the pool, not the queue being created.
            Err(ApiError::NotFound { .. }) => Err(ApiError::NotFound {
                what: Target::WorkPool(pool.into()),
            }),
            other => other,
        }
    }

    pub async fn update_work_queue(
        &self,
        pool: &str,
        name: &str,
        update: &WorkQueueUpdate,
    ) -> Result<(), ApiError> {
        self.patch(&queue_path(pool, name), update, &queue_target(pool, name))
            .await
    }

    pub async fn delete_work_queue(&self, pool: &str, name: &str) -> Result<(), ApiError> {
        self.delete(&queue_path(pool, name), &queue_target(pool, name))
            .await
    }

    /// Health as the server judges it (late runs, last poll).
    pub async fn work_queue_health(&self, id: Uuid) -> Result<WorkQueueHealth, ApiError> {
        self.get(
            &format!("/work_queues/{id}/status"),
            &Target::WorkQueueId(id.to_string()),
        )
        .await
    }
}

fn queue_path(pool: &str, name: &str) -> String {
    format!("{}/queues/{}", pool_path(pool), segment(name))
}

fn queue_target(pool: &str, name: &str) -> Target {
    Target::WorkQueue {
        pool: pool.into(),
        name: name.into(),
    }
}
