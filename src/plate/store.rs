//! The plate in the lab's database, with its operations for async callers (the worker, the
//! CLI); SQLite calls run on the blocking pool.

use std::sync::Arc;

use jiff::Timestamp;

use super::model::{
    Choice, Mark, Plate, PlateError, PlateLogEntry, PlateSpec, PlateSummary, Reservation,
    RunEnding, WellRecord,
};
use super::sqlite::SqlitePlates;
use crate::sensor::Measurement;
use crate::store::{Database, blocking};

/// The plate's store.
#[derive(Clone)]
pub enum Plates {
    Sqlite(Arc<SqlitePlates>),
    #[cfg(feature = "mongo")]
    Mongo(Arc<super::mongo::MongoPlates>),
}

impl std::fmt::Debug for Plates {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Plates")
    }
}

impl Plates {
    /// The plate kept in `database`.
    pub fn on(database: &Database) -> Plates {
        match database {
            Database::Sqlite(db) => Plates::Sqlite(Arc::new(SqlitePlates::on(Arc::clone(db)))),
            #[cfg(feature = "mongo")]
            Database::Mongo(db) => Plates::Mongo(Arc::new(super::mongo::MongoPlates::on(db))),
        }
    }

    /// The plate in use; `None` before the first plate is recorded.
    pub async fn current(&self) -> Result<Option<Plate>, PlateError> {
        match self {
            Plates::Sqlite(store) => blocking(store, |s| s.current()).await,
            #[cfg(feature = "mongo")]
            Plates::Mongo(store) => store.current().await,
        }
    }

    /// A plate of the history.
    pub async fn plate(&self, id: &str) -> Result<Plate, PlateError> {
        let id = id.to_string();
        match self {
            Plates::Sqlite(store) => blocking(store, move |s| s.plate(&id)).await,
            #[cfg(feature = "mongo")]
            Plates::Mongo(store) => store.plate(&id).await,
        }
    }

    pub async fn history(&self) -> Result<Vec<PlateSummary>, PlateError> {
        match self {
            Plates::Sqlite(store) => blocking(store, |s| s.history()).await,
            #[cfg(feature = "mongo")]
            Plates::Mongo(store) => store.history().await,
        }
    }

    pub async fn create(
        &self,
        spec: &PlateSpec,
        operator: &str,
        now: Timestamp,
    ) -> Result<Plate, PlateError> {
        let (spec, operator) = (spec.clone(), operator.to_string());
        match self {
            Plates::Sqlite(store) => {
                blocking(store, move |s| s.create(&spec, &operator, now)).await
            }
            #[cfg(feature = "mongo")]
            Plates::Mongo(store) => store.create(&spec, &operator, now).await,
        }
    }

    pub async fn reserve(
        &self,
        run: &str,
        choice: Choice,
        now: Timestamp,
    ) -> Result<Reservation, PlateError> {
        let run = run.to_string();
        match self {
            Plates::Sqlite(store) => blocking(store, move |s| s.reserve(&run, choice, now)).await,
            #[cfg(feature = "mongo")]
            Plates::Mongo(store) => store.reserve(&run, choice, now).await,
        }
    }

    pub async fn settle(
        &self,
        run: &str,
        ending: &RunEnding,
        now: Timestamp,
    ) -> Result<Vec<WellRecord>, PlateError> {
        let (run, ending) = (run.to_string(), ending.clone());
        match self {
            Plates::Sqlite(store) => blocking(store, move |s| s.settle(&run, &ending, now)).await,
            #[cfg(feature = "mongo")]
            Plates::Mongo(store) => store.settle(&run, &ending, now).await,
        }
    }

    pub async fn mark(
        &self,
        mark: &Mark,
        now: Timestamp,
    ) -> Result<Option<WellRecord>, PlateError> {
        let mark = mark.clone();
        match self {
            Plates::Sqlite(store) => blocking(store, move |s| s.mark(&mark, now)).await,
            #[cfg(feature = "mongo")]
            Plates::Mongo(store) => store.mark(&mark, now).await,
        }
    }

    pub async fn reserving_runs(&self) -> Result<Vec<String>, PlateError> {
        match self {
            Plates::Sqlite(store) => blocking(store, |s| s.reserving_runs()).await,
            #[cfg(feature = "mongo")]
            Plates::Mongo(store) => store.reserving_runs().await,
        }
    }

    /// Keeps a reading of a well of `plate` (once, however often it is given).
    pub async fn record_reading(
        &self,
        plate: &str,
        reading: &Measurement,
    ) -> Result<(), PlateError> {
        let (plate, reading) = (plate.to_string(), reading.clone());
        match self {
            Plates::Sqlite(store) => {
                blocking(store, move |s| s.record_reading(&plate, &reading)).await
            }
            #[cfg(feature = "mongo")]
            Plates::Mongo(store) => store.record_reading(&plate, &reading).await,
        }
    }

    /// The readings of `plate`'s wells, oldest first.
    pub async fn readings(&self, plate: &str) -> Result<Vec<Measurement>, PlateError> {
        let plate = plate.to_string();
        match self {
            Plates::Sqlite(store) => blocking(store, move |s| s.readings(&plate)).await,
            #[cfg(feature = "mongo")]
            Plates::Mongo(store) => store.readings(&plate).await,
        }
    }

    pub async fn log(&self, limit: usize) -> Result<Vec<PlateLogEntry>, PlateError> {
        match self {
            Plates::Sqlite(store) => blocking(store, move |s| s.log(limit)).await,
            #[cfg(feature = "mongo")]
            Plates::Mongo(store) => store.log(limit).await,
        }
    }
}
