//! Work pools: `/work_pools/...`.

use serde_json::json;

use super::client::segment;
use super::models::{WorkPool, WorkPoolCreate, WorkPoolUpdate, Worker};
use super::{ApiError, Client, Target};

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

    pub async fn list_work_pools(&self) -> Result<Vec<WorkPool>, ApiError> {
        self.filter_all(
            "/work_pools/filter",
            json!({"work_pools": null}),
            &Target::Endpoint("/work_pools/filter".into()),
        )
        .await
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
        self.filter_all(
            &format!("{}/workers/filter", pool_path(pool)),
            json!({"workers": null}),
            &Target::WorkPool(pool.into()),
        )
        .await
    }
}

pub(crate) fn pool_path(name: &str) -> String {
    format!("/work_pools/{}", segment(name))
}
