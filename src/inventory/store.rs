//! The inventory in the lab's database, with its operations for async callers (the worker,
//! the CLI): SQLite calls run on the blocking pool, so a busy database never stalls the
//! runtime.

use std::sync::Arc;

use jiff::Timestamp;

use super::model::{Amounts, AuditEntry, InventoryError, Restocked, Stock};
use super::sqlite::SqliteStore;
use crate::store::{Database, blocking};

/// The inventory's store.
#[derive(Clone)]
pub enum Store {
    Sqlite(Arc<SqliteStore>),
    #[cfg(feature = "mongo")]
    Mongo(Arc<super::mongo::MongoStore>),
}

impl Store {
    /// The inventory of the database the environment names ([`Database::open`]).
    pub async fn open(env: &dyn Fn(&str) -> Option<String>) -> Result<Store, InventoryError> {
        Ok(Store::on(&Database::open(env).await?))
    }

    /// The inventory kept in `database`.
    pub fn on(database: &Database) -> Store {
        match database {
            Database::Sqlite(db) => Store::Sqlite(Arc::new(SqliteStore::on(Arc::clone(db)))),
            #[cfg(feature = "mongo")]
            Database::Mongo(db) => Store::Mongo(Arc::new(super::mongo::MongoStore::on(db))),
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
