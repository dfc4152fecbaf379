//! The embedded database: one SQLite file on the machine that runs the worker. Every change is
//! one `BEGIN IMMEDIATE` transaction (the write lock is taken before anything is read), so
//! concurrent runs, in one worker or in several on the machine, never lose an update and never
//! both pass a check on the last of something (paint, a free well).

use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::{Connection, Transaction, TransactionBehavior};

use super::error::StoreError;

/// How long a change waits for another process's transaction before giving up.
const BUSY_TIMEOUT: Duration = Duration::from_secs(30);

/// The SQLite file.
pub struct SqliteDb {
    path: PathBuf,
}

impl SqliteDb {
    pub fn new(path: PathBuf) -> SqliteDb {
        SqliteDb { path }
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// A connection, with `schema` (`CREATE TABLE IF NOT EXISTS ...`) applied.
    pub fn open(&self, schema: &str) -> Result<Connection, StoreError> {
        if let Some(dir) = self.path.parent() {
            std::fs::create_dir_all(dir)
                .map_err(|e| StoreError::Failed(format!("cannot create {}: {e}", dir.display())))?;
        }
        let connection = Connection::open(&self.path).map_err(|e| self.failed(e))?;
        connection
            .busy_timeout(BUSY_TIMEOUT)
            .and_then(|_| connection.pragma_update(None, "journal_mode", "WAL"))
            .and_then(|_| connection.execute_batch(schema))
            .map_err(|e| self.failed(e))?;
        Ok(connection)
    }

    /// A SQLite error, naming the file.
    pub fn failed(&self, error: rusqlite::Error) -> StoreError {
        StoreError::Failed(format!("{}: {error}", self.path.display()))
    }

    /// Runs `change` in one write transaction; it commits only if `change` succeeds.
    pub fn change<T, E: From<StoreError>>(
        &self,
        schema: &str,
        change: impl FnOnce(&Transaction) -> Result<T, E>,
    ) -> Result<T, E> {
        let mut connection = self.open(schema)?;
        let transaction = connection
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(|e| self.failed(e))?;
        let result = change(&transaction)?;
        transaction.commit().map_err(|e| self.failed(e))?;
        Ok(result)
    }
}

/// A time as the database keeps it (RFC 3339 text), read back.
pub fn parse_time(text: &str) -> Result<jiff::Timestamp, rusqlite::Error> {
    text.parse().map_err(|e: jiff::Error| {
        rusqlite::Error::FromSqlConversionFailure(0, rusqlite::types::Type::Text, Box::new(e))
    })
}
