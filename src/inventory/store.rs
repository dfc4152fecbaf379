//! Which store holds the inventory, and its operations for async callers (the worker, the
//! CLI): SQLite calls run on the blocking pool, so a busy database never stalls the runtime.

use std::path::PathBuf;
use std::sync::Arc;

use jiff::Timestamp;

use super::model::{Amounts, AuditEntry, InventoryError, Restocked, Stock};
use super::sqlite::SqliteStore;

/// Selects the store: `sqlite` (default) or `mongodb`.
pub const STORE_ENV: &str = "OT2CTL_INVENTORY";
/// The SQLite file, instead of `inventory.sqlite3` in ot2ctl's data directory.
pub const SQLITE_PATH_ENV: &str = "OT2CTL_INVENTORY_DB";

/// The inventory's store.
#[derive(Clone)]
pub enum Store {
    Sqlite(Arc<SqliteStore>),
}

impl Store {
    /// The store the environment names; SQLite in ot2ctl's data directory by default.
    pub fn from_env(env: &dyn Fn(&str) -> Option<String>) -> Result<Store, InventoryError> {
        let wanted = env(STORE_ENV).unwrap_or_default();
        match wanted.as_str() {
            "" | "sqlite" => Ok(Store::Sqlite(Arc::new(SqliteStore::new(sqlite_path(env)?)))),
            "mongodb" => Err(InventoryError::Invalid(
                "this ot2ctl has no MongoDB support; build it with `--features mongo`".into(),
            )),
            other => Err(InventoryError::Invalid(format!(
                "{STORE_ENV}={other} is not a store; use sqlite or mongodb"
            ))),
        }
    }
}

impl std::fmt::Debug for Store {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.describe())
    }
}

impl Store {
    /// Where the inventory lives, for people.
    pub fn describe(&self) -> String {
        match self {
            Store::Sqlite(store) => format!("SQLite {}", store.path().display()),
        }
    }

    pub async fn stocks(&self) -> Result<Vec<Stock>, InventoryError> {
        match self {
            Store::Sqlite(store) => blocking(store, |s| s.stocks()).await,
        }
    }

    pub async fn reserved(&self) -> Result<Amounts, InventoryError> {
        match self {
            Store::Sqlite(store) => blocking(store, |s| s.reserved()).await,
        }
    }

    pub async fn initialize(
        &self,
        volumes: Amounts,
        rate: f64,
        operator: &str,
        now: Timestamp,
    ) -> Result<(Vec<Stock>, AuditEntry), InventoryError> {
        let operator = operator.to_string();
        match self {
            Store::Sqlite(store) => {
                blocking(store, move |s| s.initialize(volumes, rate, &operator, now)).await
            }
        }
    }

    pub async fn restock(
        &self,
        added: Amounts,
        operator: &str,
        now: Timestamp,
    ) -> Result<(Vec<Restocked>, AuditEntry), InventoryError> {
        let operator = operator.to_string();
        match self {
            Store::Sqlite(store) => {
                blocking(store, move |s| s.restock(added, &operator, now)).await
            }
        }
    }

    pub async fn reserve(
        &self,
        run: &str,
        required: Amounts,
        threshold: f64,
        now: Timestamp,
    ) -> Result<(), InventoryError> {
        let run = run.to_string();
        match self {
            Store::Sqlite(store) => {
                blocking(store, move |s| s.reserve(&run, required, threshold, now)).await
            }
        }
    }

    pub async fn settle(
        &self,
        run: &str,
        used: Option<Amounts>,
        now: Timestamp,
    ) -> Result<Vec<Stock>, InventoryError> {
        let run = run.to_string();
        match self {
            Store::Sqlite(store) => blocking(store, move |s| s.settle(&run, used, now)).await,
        }
    }

    pub async fn audit_log(&self, limit: usize) -> Result<Vec<AuditEntry>, InventoryError> {
        match self {
            Store::Sqlite(store) => blocking(store, move |s| s.audit_log(limit)).await,
        }
    }
}

/// `$OT2CTL_INVENTORY_DB`, else `inventory.sqlite3` in `$OT2CTL_HOME`, else in the user's
/// data directory.
pub fn sqlite_path(env: &dyn Fn(&str) -> Option<String>) -> Result<PathBuf, InventoryError> {
    if let Some(path) = env(SQLITE_PATH_ENV).filter(|p| !p.is_empty()) {
        return Ok(PathBuf::from(path));
    }
    if let Some(home) = env("OT2CTL_HOME").filter(|p| !p.is_empty()) {
        return Ok(PathBuf::from(home).join("inventory.sqlite3"));
    }
    dirs::data_dir()
        .map(|dir| dir.join("ot2ctl").join("inventory.sqlite3"))
        .ok_or_else(|| {
            InventoryError::Invalid(format!(
                "cannot find the user data directory; set {SQLITE_PATH_ENV} or OT2CTL_HOME"
            ))
        })
}

async fn blocking<T: Send + 'static>(
    store: &Arc<SqliteStore>,
    operation: impl FnOnce(&SqliteStore) -> Result<T, InventoryError> + Send + 'static,
) -> Result<T, InventoryError> {
    let store = Arc::clone(store);
    tokio::task::spawn_blocking(move || operation(&store))
        .await
        .map_err(|e| InventoryError::Store(format!("the store's task failed: {e}")))?
}
