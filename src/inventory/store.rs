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

/// The database inside the MongoDB deployment, instead of the lab's `LCM-OT-2-SLD`.
pub const MONGODB_DATABASE_ENV: &str = "OT2CTL_MONGODB_DATABASE";

/// The inventory's store.
#[derive(Clone)]
pub enum Store {
    Sqlite(Arc<SqliteStore>),
    #[cfg(feature = "mongo")]
    Mongo(Arc<super::mongo::MongoStore>),
}

impl Store {
    /// The store the environment names: `OT2CTL_INVENTORY=mongodb` (or a MongoDB connection
    /// string in the environment, as the lab's scripts used) selects MongoDB, else SQLite in
    /// ot2ctl's data directory.
    pub async fn open(env: &dyn Fn(&str) -> Option<String>) -> Result<Store, InventoryError> {
        let wanted = env(STORE_ENV).unwrap_or_default();
        let mongo_configured =
            env("MONGODB_URI").is_some() || env("blinded_connection_string").is_some();
        let mongo = match wanted.as_str() {
            "sqlite" => false,
            "mongodb" => true,
            "" => mongo_configured,
            other => {
                return Err(InventoryError::Invalid(format!(
                    "{STORE_ENV}={other} is not a store; use sqlite or mongodb"
                )));
            }
        };
        if mongo {
            open_mongo(env).await
        } else {
            Ok(Store::Sqlite(Arc::new(SqliteStore::new(sqlite_path(env)?))))
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
            #[cfg(feature = "mongo")]
            Store::Mongo(store) => store.describe(),
        }
    }

    pub async fn stocks(&self) -> Result<Vec<Stock>, InventoryError> {
        match self {
            Store::Sqlite(store) => blocking(store, |s| s.stocks()).await,
            #[cfg(feature = "mongo")]
            Store::Mongo(store) => store.stocks().await,
        }
    }

    /// Paint set aside by mixes that are running (MongoDB takes it at once: always zero).
    pub async fn reserved(&self) -> Result<Amounts, InventoryError> {
        match self {
            Store::Sqlite(store) => blocking(store, |s| s.reserved()).await,
            #[cfg(feature = "mongo")]
            Store::Mongo(_) => Ok(Amounts::default()),
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
            #[cfg(feature = "mongo")]
            Store::Mongo(store) => store.initialize(volumes, rate, &operator, now).await,
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
            #[cfg(feature = "mongo")]
            Store::Mongo(store) => store.restock(added, &operator, now).await,
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
            #[cfg(feature = "mongo")]
            Store::Mongo(store) => store.reserve(required, threshold, now).await,
        }
    }

    /// Ends a run's reservation of `reserved`: consumed if the run `completed`, given back
    /// otherwise. Returns the records as they are now.
    pub async fn settle(
        &self,
        run: &str,
        reserved: Amounts,
        completed: bool,
        now: Timestamp,
    ) -> Result<Vec<Stock>, InventoryError> {
        let run = run.to_string();
        let used = completed.then_some(reserved);
        match self {
            Store::Sqlite(store) => blocking(store, move |s| s.settle(&run, used, now)).await,
            #[cfg(feature = "mongo")]
            Store::Mongo(store) => {
                if !completed {
                    store.give_back(reserved, now).await?;
                }
                store.stocks().await
            }
        }
    }

    /// The flow runs holding a reservation (none in MongoDB, which takes paint at once).
    pub async fn reserving_runs(&self) -> Result<Vec<String>, InventoryError> {
        match self {
            Store::Sqlite(store) => blocking(store, |s| s.reserving_runs()).await,
            #[cfg(feature = "mongo")]
            Store::Mongo(_) => Ok(Vec::new()),
        }
    }

    pub async fn audit_log(&self, limit: usize) -> Result<Vec<AuditEntry>, InventoryError> {
        match self {
            Store::Sqlite(store) => blocking(store, move |s| s.audit_log(limit)).await,
            #[cfg(feature = "mongo")]
            Store::Mongo(store) => store.audit_log(limit).await,
        }
    }
}

#[cfg(feature = "mongo")]
async fn open_mongo(env: &dyn Fn(&str) -> Option<String>) -> Result<Store, InventoryError> {
    let uri = super::mongo::connection_string(env).ok_or_else(|| {
        InventoryError::Invalid(
            "no MongoDB connection: set MONGODB_URI, or blinded_connection_string and \
             MONGODB_PASSWORD"
                .into(),
        )
    })?;
    let database = env(MONGODB_DATABASE_ENV).filter(|d| !d.is_empty());
    let store = super::mongo::MongoStore::connect(&uri, database.as_deref()).await?;
    Ok(Store::Mongo(Arc::new(store)))
}

#[cfg(not(feature = "mongo"))]
async fn open_mongo(_env: &dyn Fn(&str) -> Option<String>) -> Result<Store, InventoryError> {
    Err(InventoryError::Invalid(format!(
        "the inventory is set to MongoDB ({STORE_ENV}, MONGODB_URI or blinded_connection_string), \
         but this ot2ctl was built without MongoDB support; build it with `--features mongo`, \
         or set {STORE_ENV}=sqlite"
    )))
}

/// `$OT2CTL_INVENTORY_DB`, else `inventory.sqlite3` in `$OT2CTL_HOME`, else in the user's
/// data directory.
pub fn sqlite_path(env: &dyn Fn(&str) -> Option<String>) -> Result<PathBuf, InventoryError> {
    if let Some(path) = env(SQLITE_PATH_ENV).filter(|p| !p.is_empty()) {
        return Ok(PathBuf::from(path));
    }
    crate::config::paths::ot2ctl_dir(env, dirs::data_dir())
        .map(|dir| dir.join("inventory.sqlite3"))
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
