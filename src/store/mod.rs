//! The lab's database, where the paint inventory and the plate are kept: which back end (the
//! embedded SQLite file by default, the lab's MongoDB when configured) and a connection to it.
//! What is kept there, and its rules, is [`crate::inventory`]'s and [`crate::plate`]'s; this
//! module only opens the database, so both keep their data side by side in one place.

#[cfg(any(test, feature = "mongo"))]
pub mod bson_time;
pub mod error;
#[cfg(feature = "mongo")]
pub mod mongo;
pub mod report;
pub mod sqlite;

use std::path::PathBuf;
use std::sync::Arc;

pub use error::StoreError;
pub use report::Report;
pub use sqlite::SqliteDb;

/// Selects the store: `sqlite` (default) or `mongodb`.
pub const STORE_ENV: &str = "OT2CTL_INVENTORY";
/// The SQLite file, instead of `inventory.sqlite3` in ot2ctl's data directory.
pub const SQLITE_PATH_ENV: &str = "OT2CTL_INVENTORY_DB";
/// The database inside the MongoDB deployment, instead of the lab's `LCM-OT-2-SLD`.
pub const MONGODB_DATABASE_ENV: &str = "OT2CTL_MONGODB_DATABASE";

/// The lab's database.
#[derive(Clone)]
pub enum Database {
    Sqlite(Arc<SqliteDb>),
    #[cfg(feature = "mongo")]
    Mongo(Arc<mongo::MongoDb>),
}

impl std::fmt::Debug for Database {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.describe())
    }
}

impl Database {
    /// The database the environment names: `OT2CTL_INVENTORY=mongodb` (or a MongoDB
    /// connection string in the environment, as the lab's scripts used) selects MongoDB, else
    /// SQLite in ot2ctl's data directory.
    pub async fn open(env: &dyn Fn(&str) -> Option<String>) -> Result<Database, StoreError> {
        let wanted = env(STORE_ENV).unwrap_or_default();
        let mongo_configured =
            env("MONGODB_URI").is_some() || env("blinded_connection_string").is_some();
        let mongo = match wanted.as_str() {
            "sqlite" => false,
            "mongodb" => true,
            "" => mongo_configured,
            other => {
                return Err(StoreError::Invalid(format!(
                    "{STORE_ENV}={other} is not a store; use sqlite or mongodb"
                )));
            }
        };
        if mongo {
            open_mongo(env).await
        } else {
            Ok(Database::Sqlite(Arc::new(SqliteDb::new(sqlite_path(env)?))))
        }
    }

    /// The SQLite file at `path`.
    pub fn sqlite(path: PathBuf) -> Database {
        Database::Sqlite(Arc::new(SqliteDb::new(path)))
    }

    /// Where the database is, for people (never with credentials).
    pub fn describe(&self) -> String {
        match self {
            Database::Sqlite(db) => format!("SQLite {}", db.path().display()),
            #[cfg(feature = "mongo")]
            Database::Mongo(db) => db.describe(),
        }
    }
}

#[cfg(feature = "mongo")]
async fn open_mongo(env: &dyn Fn(&str) -> Option<String>) -> Result<Database, StoreError> {
    let uri = mongo::connection_string(env).ok_or_else(|| {
        StoreError::Invalid(
            "no MongoDB connection: set MONGODB_URI, or blinded_connection_string and \
             MONGODB_PASSWORD"
                .into(),
        )
    })?;
    let database = env(MONGODB_DATABASE_ENV).filter(|d| !d.is_empty());
    let db = mongo::MongoDb::connect(&uri, database.as_deref()).await?;
    Ok(Database::Mongo(Arc::new(db)))
}

#[cfg(not(feature = "mongo"))]
async fn open_mongo(_env: &dyn Fn(&str) -> Option<String>) -> Result<Database, StoreError> {
    Err(StoreError::Invalid(format!(
        "the inventory is set to MongoDB ({STORE_ENV}, MONGODB_URI or blinded_connection_string), \
         but this ot2ctl was built without MongoDB support; build it with `--features mongo`, \
         or set {STORE_ENV}=sqlite"
    )))
}

/// `$OT2CTL_INVENTORY_DB`, else `inventory.sqlite3` in `$OT2CTL_HOME`, else in the user's
/// data directory.
pub fn sqlite_path(env: &dyn Fn(&str) -> Option<String>) -> Result<PathBuf, StoreError> {
    if let Some(path) = env(SQLITE_PATH_ENV).filter(|p| !p.is_empty()) {
        return Ok(PathBuf::from(path));
    }
    crate::config::paths::ot2ctl_dir(env, dirs::data_dir())
        .map(|dir| dir.join("inventory.sqlite3"))
        .ok_or_else(|| {
            StoreError::Invalid(format!(
                "cannot find the user data directory; set {SQLITE_PATH_ENV} or OT2CTL_HOME"
            ))
        })
}

/// Runs a SQLite operation on the blocking pool, so that a busy database never stalls the
/// async runtime (the worker's heartbeats, other runs).
pub async fn blocking<S, T, E>(
    store: &Arc<S>,
    operation: impl FnOnce(&S) -> Result<T, E> + Send + 'static,
) -> Result<T, E>
where
    S: Send + Sync + 'static,
    T: Send + 'static,
    E: From<StoreError> + Send + 'static,
{
    let store = Arc::clone(store);
    tokio::task::spawn_blocking(move || operation(&store))
        .await
        .map_err(|e| E::from(StoreError::Failed(format!("the store's task failed: {e}"))))?
}
