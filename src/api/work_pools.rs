//! Work pools: `/work_pools/...`.

use serde_json::json;

use super::client::segment;
use super::models::{WorkPool, WorkPoolCreate, WorkPoolUpdate, Worker};
use super::{ApiError, Client, Target};

/// The server's largest page.
pub(crate) const PAGE_SIZE: usize = 200;

impl Client {
    pub async fn read_work_pool(&self, name: &str) -> Result<WorkPool, ApiError> {
        self.get(&pool_path(name), &Target::WorkPool(name.into()))
            .await
    }

    /// The pool, or `None` when it does not exist.
    pub async fn find_work_pool(&self, name: &str) -> Result<Option<WorkPool>, ApiError> {
        match self.read_work_pool(name).await {
            Ok(pool) => Ok(Some(pool)),
            Err(ApiError::NotFound { .. }) => Ok(None),
            Err(err) => Err(err),
        }
    }

    /// Every work pool, page by page.
    pub async fn list_work_pools(&self) -> Result<Vec<WorkPool>, ApiError> {
        let target = Target::Endpoint("/work_pools/filter".into());
        let mut pools: Vec<WorkPool> = Vec::new();
        loop {
            let body = json!({"work_pools": null, "limit": PAGE_SIZE, "offset": pools.len()});
            let page: Vec<WorkPool> = self.post("/work_pools/filter", &body, &target).await?;
            let done = page.len() < PAGE_SIZE;
            pools.extend(page);
            if done {
                return Ok(pools);
            }
        }
    }

    pub async fn create_work_pool(&self, pool: &WorkPoolCreate) -> Result<WorkPool, ApiError> {
        self.post("/work_pools/", pool, &Target::WorkPool(pool.name.clone()))
            .await
    }

    pub async fn update_work_pool(
        &self,
        name: &str,
        update: &WorkPoolUpdate,
    ) -> Result<(), ApiError> {
        self.patch(&pool_path(name), update, &Target::WorkPool(name.into()))
            .await
    }

    pub async fn delete_work_pool(&self, name: &str) -> Result<(), ApiError> {
        self.delete(&pool_path(name), &Target::WorkPool(name.into()))
            .await
    }

    /// Workers that have sent heartbeats to the pool.
    pub async fn list_workers(&self, pool: &str) -> Result<Vec<Worker>, ApiError> {
        let body = json!({"workers": null, "limit": PAGE_SIZE, "offset": 0});
        self.post(
            &format!("{}/workers/filter", pool_path(pool)),
            &body,
            &Target::WorkPool(pool.into()),
        )
        .await
    }
}

pub(crate) fn pool_path(name: &str) -> String {
    format!("/work_pools/{}", segment(name))
}
