//! The inventory's tables in the embedded SQLite database ([`crate::store::sqlite`]): every
//! change is one write transaction, so concurrent runs never lose an update and never both
//! pass the check on the last millilitres.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use jiff::Timestamp;
use rusqlite::{Connection, OptionalExtension, params};
use serde_json::Value;

use super::model::{
    Amounts, AuditEntry, Colour, InventoryError, Restocked, Stock, check_availability,
    initial_stocks, restock,
};
use super::results::restock_json;
use crate::store::SqliteDb;
use crate::store::sqlite::parse_time;

const SCHEMA: &str = "
CREATE TABLE IF NOT EXISTS inventory (
    color_key TEXT PRIMARY KEY,
    color TEXT NOT NULL,
    position TEXT NOT NULL,
    volume_ul REAL NOT NULL,
    last_updated TEXT NOT NULL,
    evaporation_rate_ul_per_hour REAL NOT NULL
);
CREATE TABLE IF NOT EXISTS restock_log (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    timestamp TEXT NOT NULL,
    operator TEXT NOT NULL,
    operation_type TEXT NOT NULL,
    restock_data TEXT NOT NULL
);
-- Stock set aside by a mix that has passed the check and not finished yet.
CREATE TABLE IF NOT EXISTS reservations (
    flow_run_id TEXT NOT NULL,
    color_key TEXT NOT NULL,
    volume_ul REAL NOT NULL,
    created TEXT NOT NULL,
    PRIMARY KEY (flow_run_id, color_key)
);
";

pub struct SqliteStore {
    db: Arc<SqliteDb>,
}

impl SqliteStore {
    pub fn new(path: PathBuf) -> SqliteStore {
        SqliteStore::on(Arc::new(SqliteDb::new(path)))
    }

    pub fn on(db: Arc<SqliteDb>) -> SqliteStore {
        SqliteStore { db }
    }

    pub fn path(&self) -> &Path {
        self.db.path()
    }

    fn open(&self) -> Result<Connection, InventoryError> {
        Ok(self.db.open(SCHEMA)?)
    }

    fn failed(&self, error: rusqlite::Error) -> InventoryError {
        self.db.failed(error).into()
    }

    /// Runs `change` in one write transaction; it commits only if `change` succeeds.
    fn change<T>(
        &self,
        change: impl FnOnce(&rusqlite::Transaction) -> Result<T, InventoryError>,
    ) -> Result<T, InventoryError> {
        self.db.change(SCHEMA, change)
    }

    pub fn stocks(&self) -> Result<Vec<Stock>, InventoryError> {
        let connection = self.open()?;
        read_stocks(&connection).map_err(|e| self.failed(e))
    }

    /// Stock reserved by running mixes, per colour.
    pub fn reserved(&self) -> Result<Amounts, InventoryError> {
        let connection = self.open()?;
        reserved_except(&connection, "").map_err(|e| self.failed(e))
    }

    /// Sets all three colours and the evaporation rate; one audit entry.
    pub fn initialize(
        &self,
        volumes: Amounts,
        rate: f64,
        operator: &str,
        now: Timestamp,
    ) -> Result<(Vec<Stock>, AuditEntry), InventoryError> {
        let stocks = initial_stocks(volumes, rate, now)?;
        self.change(|tx| {
            let before = read_stocks(tx).map_err(|e| self.failed(e))?;
            for stock in &stocks {
                write_stock(tx, stock).map_err(|e| self.failed(e))?;
            }
            let records: Vec<Restocked> = stocks
                .iter()
                .map(|stock| {
                    let previous = before.iter().find(|b| b.colour == stock.colour);
                    Restocked {
                        colour: stock.colour,
                        previous_volume_ul: previous.map_or(0.0, |p| p.current(now)),
                        added_ul: stock.volume_ul - previous.map_or(0.0, |p| p.current(now)),
                        new_volume_ul: stock.volume_ul,
                        evaporation_ul: previous.map_or(0.0, |p| p.evaporated(now)),
                    }
                })
                .collect();
            let entry = audit(tx, now, operator, "initialize", restock_json(&records))
                .map_err(|e| self.failed(e))?;
            Ok((stocks.clone(), entry))
        })
    }

    /// Adds paint after evaporation, with its audit entry in the same transaction.
    pub fn restock(
        &self,
        added: Amounts,
        operator: &str,
        now: Timestamp,
    ) -> Result<(Vec<Restocked>, AuditEntry), InventoryError> {
        self.change(|tx| {
            let stocks = read_stocks(tx).map_err(|e| self.failed(e))?;
            let changes = restock(&stocks, added, now)?;
            for (stock, _) in &changes {
                write_stock(tx, stock).map_err(|e| self.failed(e))?;
            }
            let records: Vec<Restocked> = changes.into_iter().map(|(_, r)| r).collect();
            let entry = audit(tx, now, operator, "manual_restock", restock_json(&records))
                .map_err(|e| self.failed(e))?;
            Ok((records, entry))
        })
    }

    /// Sets aside what a mix takes, if every colour has it plus `threshold` beyond what
    /// other runs hold. Reserving again for the same run replaces its reservation.
    pub fn reserve(
        &self,
        run: &str,
        required: Amounts,
        threshold: f64,
        now: Timestamp,
    ) -> Result<(), InventoryError> {
        self.change(|tx| {
            let stocks = read_stocks(tx).map_err(|e| self.failed(e))?;
            let others = reserved_except(tx, run).map_err(|e| self.failed(e))?;
            check_availability(&stocks, others, required, threshold, now)?;
            tx.execute("DELETE FROM reservations WHERE flow_run_id = ?1", [run])
                .map_err(|e| self.failed(e))?;
            for (colour, volume) in required.iter().filter(|(_, v)| *v > 0.0) {
                tx.execute(
                    "INSERT INTO reservations (flow_run_id, color_key, volume_ul, created) VALUES (?1, ?2, ?3, ?4)",
                    params![run, colour.key(), volume, now.to_string()],
                )
                .map_err(|e| self.failed(e))?;
            }
            Ok(())
        })
    }

    /// Ends a run's reservation: `used` is subtracted (after evaporation) when the mix
    /// happened, nothing when it did not. Returns the records as they are now.
    pub fn settle(
        &self,
        run: &str,
        used: Option<Amounts>,
        now: Timestamp,
    ) -> Result<Vec<Stock>, InventoryError> {
        self.change(|tx| {
            tx.execute("DELETE FROM reservations WHERE flow_run_id = ?1", [run])
                .map_err(|e| self.failed(e))?;
            let mut stocks = read_stocks(tx).map_err(|e| self.failed(e))?;
            if let Some(used) = used {
                for stock in &mut stocks {
                    *stock = stock.changed(-used.get(stock.colour), now);
                    write_stock(tx, stock).map_err(|e| self.failed(e))?;
                }
            }
            Ok(stocks)
        })
    }

    /// The flow runs that hold a reservation.
    pub fn reserving_runs(&self) -> Result<Vec<String>, InventoryError> {
        let connection = self.open()?;
        let mut statement = connection
            .prepare("SELECT DISTINCT flow_run_id FROM reservations")
            .map_err(|e| self.failed(e))?;
        let runs = statement
            .query_map([], |row| row.get::<_, String>(0))
            .map_err(|e| self.failed(e))?
            .collect::<Result<Vec<_>, _>>()
            .map_err(|e| self.failed(e))?;
        Ok(runs)
    }

    /// The newest audit entries first.
    pub fn audit_log(&self, limit: usize) -> Result<Vec<AuditEntry>, InventoryError> {
        let connection = self.open()?;
        let mut statement = connection
            .prepare(
                "SELECT id, timestamp, operator, operation_type, restock_data FROM restock_log ORDER BY id DESC LIMIT ?1",
            )
            .map_err(|e| self.failed(e))?;
        let rows = statement
            .query_map([limit as i64], |row| {
                Ok((
                    row.get::<_, i64>(0)?,
                    row.get::<_, String>(1)?,
                    row.get::<_, String>(2)?,
                    row.get::<_, String>(3)?,
                    row.get::<_, String>(4)?,
                ))
            })
            .map_err(|e| self.failed(e))?;
        let mut entries = Vec::new();
        for row in rows {
            let (id, timestamp, operator, operation_type, data) =
                row.map_err(|e| self.failed(e))?;
            entries.push(AuditEntry {
                id: id.to_string(),
                timestamp: parse_time(&timestamp).map_err(|e| self.failed(e))?,
                operator,
                operation_type,
                restock_data: serde_json::from_str(&data).unwrap_or(Value::Null),
            });
        }
        Ok(entries)
    }
}

fn read_stocks(connection: &Connection) -> Result<Vec<Stock>, rusqlite::Error> {
    let mut stocks = Vec::new();
    for colour in Colour::ALL {
        let row = connection
            .query_row(
                "SELECT volume_ul, last_updated, evaporation_rate_ul_per_hour FROM inventory WHERE color_key = ?1",
                [colour.key()],
                |row| {
                    Ok((
                        row.get::<_, f64>(0)?,
                        row.get::<_, String>(1)?,
                        row.get::<_, f64>(2)?,
                    ))
                },
            )
            .optional()?;
        if let Some((volume_ul, updated, rate)) = row {
            stocks.push(Stock {
                colour,
                volume_ul,
                last_updated: parse_time(&updated)?,
                evaporation_rate_ul_per_hour: rate,
            });
        }
    }
    Ok(stocks)
}

fn write_stock(connection: &Connection, stock: &Stock) -> Result<(), rusqlite::Error> {
    connection.execute(
        "INSERT INTO inventory (color_key, color, position, volume_ul, last_updated, evaporation_rate_ul_per_hour)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)
         ON CONFLICT (color_key) DO UPDATE SET volume_ul = ?4, last_updated = ?5, evaporation_rate_ul_per_hour = ?6",
        params![
            stock.colour.key(),
            stock.colour.name(),
            stock.colour.position(),
            stock.volume_ul,
            stock.last_updated.to_string(),
            stock.evaporation_rate_ul_per_hour
        ],
    )?;
    Ok(())
}

fn reserved_except(connection: &Connection, run: &str) -> Result<Amounts, rusqlite::Error> {
    let mut reserved = Amounts::default();
    let mut statement = connection.prepare(
        "SELECT color_key, SUM(volume_ul) FROM reservations WHERE flow_run_id != ?1 GROUP BY color_key",
    )?;
    let rows = statement.query_map([run], |row| {
        Ok((row.get::<_, String>(0)?, row.get::<_, f64>(1)?))
    })?;
    for row in rows {
        let (key, volume) = row?;
        if let Some(colour) = Colour::from_key(&key) {
            reserved.set(colour, volume);
        }
    }
    Ok(reserved)
}

fn audit(
    connection: &Connection,
    now: Timestamp,
    operator: &str,
    operation_type: &str,
    data: Value,
) -> Result<AuditEntry, rusqlite::Error> {
    connection.execute(
        "INSERT INTO restock_log (timestamp, operator, operation_type, restock_data) VALUES (?1, ?2, ?3, ?4)",
        params![now.to_string(), operator, operation_type, data.to_string()],
    )?;
    Ok(AuditEntry {
        id: connection.last_insert_rowid().to_string(),
        timestamp: now,
        operator: operator.to_string(),
        operation_type: operation_type.to_string(),
        restock_data: data,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn store() -> (tempfile::TempDir, SqliteStore) {
        let dir = tempfile::tempdir().unwrap();
        let store = SqliteStore::new(dir.path().join("inventory.sqlite3"));
        (dir, store)
    }

    fn at(text: &str) -> Timestamp {
        text.parse().unwrap()
    }

    #[test]
    fn a_mix_reserves_then_consumes_or_releases() {
        let (_dir, store) = store();
        let t0 = at("2026-01-01T00:00:00Z");
        store
            .initialize(Amounts::new(1000.0, 1000.0, 1000.0), 0.0, "test", t0)
            .unwrap();
        let mix = Amounts::new(300.0, 0.0, 0.0);
        store.reserve("run-1", mix, 100.0, t0).unwrap();
        store.reserve("run-2", mix, 100.0, t0).unwrap();
        // 1000 − 600 reserved leaves 400 < 300 + 100 + 0.1: a third mix of 300.1 is refused.
        let third = store.reserve("run-3", Amounts::new(300.1, 0.0, 0.0), 100.0, t0);
        assert!(
            matches!(third, Err(InventoryError::Insufficient(_))),
            "{third:?}"
        );
        store.settle("run-1", Some(mix), t0).unwrap();
        store.settle("run-2", None, t0).unwrap();
        let stocks = store.stocks().unwrap();
        assert_eq!(stocks[0].volume_ul, 700.0);
        assert_eq!(store.reserved().unwrap(), Amounts::default());
    }

    #[test]
    fn restock_and_initialise_are_audited_and_a_failed_restock_changes_nothing() {
        let (_dir, store) = store();
        let t0 = at("2026-01-01T00:00:00Z");
        assert!(matches!(
            store.restock(Amounts::new(10.0, 0.0, 0.0), "tech", t0),
            Err(InventoryError::NotInitialised(Colour::Red))
        ));
        assert!(store.audit_log(10).unwrap().is_empty());
        store
            .initialize(Amounts::new(15_000.0, 15_000.0, 15_000.0), 5.0, "tech", t0)
            .unwrap();
        let t1 = at("2026-01-01T02:00:00Z");
        let (records, entry) = store
            .restock(Amounts::new(10_000.0, 5_000.0, 0.0), "lab_tech_1", t1)
            .unwrap();
        assert_eq!(records.len(), 2);
        assert_eq!(records[0].new_volume_ul, 24_990.0);
        let log = store.audit_log(10).unwrap();
        assert_eq!(log.len(), 2);
        assert_eq!(log[0], entry);
        assert_eq!(log[0].operation_type, "manual_restock");
        assert_eq!(log[0].restock_data["R"]["previous_volume_ul"], 14_990.0);
        assert_eq!(log[1].operation_type, "initialize");
    }
}
