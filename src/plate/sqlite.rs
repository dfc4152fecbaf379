//! The plate's tables in the embedded SQLite database, beside the inventory's: `plates` (every
//! plate, the current one without `retired_at`), `wells` (each plate's wells, with the lab's
//! `well`, `status` and `project` and ot2ctl's own fields) and `plate_log`. Every change is one
//! write transaction: two runs that ask for the next free well at once get two wells.

use std::sync::Arc;

use jiff::Timestamp;
use rusqlite::{Connection, OptionalExtension, Transaction, params};

use super::model::{
    Choice, Mark, Plate, PlateError, PlateLogEntry, PlateSpec, PlateSummary, Recipe, Reservation,
    RunEnding, Well, WellRecord, WellState, new_plate_id,
};

use crate::sensor::Measurement;
use crate::store::SqliteDb;
use crate::store::sqlite::parse_time;

const SCHEMA: &str = "
CREATE TABLE IF NOT EXISTS plates (
    id TEXT PRIMARY KEY,
    project TEXT NOT NULL,
    rows TEXT NOT NULL,
    columns TEXT NOT NULL,
    missing_well TEXT NOT NULL,
    created_at TEXT NOT NULL,
    retired_at TEXT
);
CREATE TABLE IF NOT EXISTS wells (
    plate TEXT NOT NULL,
    well TEXT NOT NULL,
    status TEXT NOT NULL,
    project TEXT NOT NULL,
    flow_run_id TEXT,
    reserved_at TEXT,
    used_at TEXT,
    recipe TEXT,
    note TEXT,
    updated_at TEXT NOT NULL,
    PRIMARY KEY (plate, well)
);
CREATE TABLE IF NOT EXISTS readings (
    request_id TEXT PRIMARY KEY,
    plate TEXT NOT NULL,
    well TEXT,
    flow_run_id TEXT,
    measured_at TEXT NOT NULL,
    document TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS plate_log (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    timestamp TEXT NOT NULL,
    operator TEXT NOT NULL,
    operation_type TEXT NOT NULL,
    plate TEXT NOT NULL,
    well TEXT,
    reason TEXT
);
";

pub struct SqlitePlates {
    db: Arc<SqliteDb>,
}

impl SqlitePlates {
    pub fn on(db: Arc<SqliteDb>) -> SqlitePlates {
        SqlitePlates { db }
    }

    fn failed(&self, error: rusqlite::Error) -> PlateError {
        self.db.failed(error).into()
    }

    fn change<T>(
        &self,
        change: impl FnOnce(&Transaction) -> Result<T, PlateError>,
    ) -> Result<T, PlateError> {
        self.db.change(SCHEMA, change)
    }

    fn read<T>(
        &self,
        read: impl FnOnce(&Connection) -> Result<T, rusqlite::Error>,
    ) -> Result<T, PlateError> {
        let connection = self.db.open(SCHEMA)?;
        read(&connection).map_err(|e| self.failed(e))
    }

    pub fn current(&self) -> Result<Option<Plate>, PlateError> {
        self.read(current_plate)
    }

    pub fn plate(&self, id: &str) -> Result<Plate, PlateError> {
        self.read(|c| read_plate(c, "id = ?1", id))?
            .ok_or_else(|| PlateError::UnknownPlate(id.to_string()))
    }

    /// Every plate, the newest first.
    pub fn history(&self) -> Result<Vec<PlateSummary>, PlateError> {
        self.read(|connection| {
            let ids: Vec<String> = connection
                .prepare("SELECT id FROM plates ORDER BY created_at DESC, rowid DESC")?
                .query_map([], |row| row.get(0))?
                .collect::<Result<_, _>>()?;
            let mut plates = Vec::new();
            for id in ids {
                if let Some(plate) = read_plate(connection, "id = ?1", &id)? {
                    plates.push(PlateSummary::of(&plate));
                }
            }
            Ok(plates)
        })
    }

    /// A fresh plate; the current one is kept in the history. Refused while a run holds one
    /// of the current plate's wells (it is mixing into that plate now).
    pub fn create(
        &self,
        spec: &PlateSpec,
        operator: &str,
        now: Timestamp,
    ) -> Result<Plate, PlateError> {
        self.change(|tx| {
            let current = current_plate(tx).map_err(|e| self.failed(e))?;
            if let Some(current) = &current {
                current.ensure_not_in_use()?;
            }
            let plate = start_plate(tx, spec, now).map_err(|e| self.failed(e))?;
            log(tx, now, operator, "new_plate", &plate.id, None, None)
                .map_err(|e| self.failed(e))?;
            Ok(plate)
        })
    }

    /// Reserves the well `choice` names (or the next free one) for `run`, on the current
    /// plate; the lab's default plate is recorded first if there is none.
    pub fn reserve(
        &self,
        run: &str,
        choice: Choice,
        now: Timestamp,
    ) -> Result<Reservation, PlateError> {
        self.change(|tx| {
            let (plate, created) = match current_plate(tx).map_err(|e| self.failed(e))? {
                Some(plate) => (plate, false),
                None => {
                    let plate =
                        start_plate(tx, &PlateSpec::default(), now).map_err(|e| self.failed(e))?;
                    log(tx, now, "ot2ctl worker", "new_plate", &plate.id, None, None)
                        .map_err(|e| self.failed(e))?;
                    (plate, true)
                }
            };
            let well = plate.choose(choice, run)?;
            let record = WellRecord::reserved(well, run, now);
            write_well(tx, &plate, &record, now).map_err(|e| self.failed(e))?;
            Ok(Reservation {
                well,
                plate: plate.id,
                created,
            })
        })
    }

    /// Ends `run`'s hold on the plate: the wells that got paint are used, its reservation
    /// is given back otherwise ([`Plate::settlement`]). Returns the wells changed.
    pub fn settle(
        &self,
        run: &str,
        ending: &RunEnding,
        now: Timestamp,
    ) -> Result<Vec<WellRecord>, PlateError> {
        self.change(|tx| {
            let Some(plate) = holding_plate(tx, run).map_err(|e| self.failed(e))? else {
                return Ok(Vec::new());
            };
            let changes = plate.settlement(run, ending, now);
            for record in &changes {
                write_well(tx, &plate, record, now).map_err(|e| self.failed(e))?;
            }
            Ok(changes)
        })
    }

    /// A person's correction of one well of the current plate, in the plate's log.
    pub fn mark(&self, mark: &Mark, now: Timestamp) -> Result<Option<WellRecord>, PlateError> {
        self.change(|tx| {
            let plate = current_plate(tx)
                .map_err(|e| self.failed(e))?
                .ok_or(PlateError::NoPlate)?;
            let Some(record) = mark.apply(&plate, now)? else {
                return Ok(None);
            };
            write_well(tx, &plate, &record, now).map_err(|e| self.failed(e))?;
            log(
                tx,
                now,
                &mark.operator,
                mark.operation_type(),
                &plate.id,
                Some(mark.well),
                Some(&mark.reason),
            )
            .map_err(|e| self.failed(e))?;
            Ok(Some(record))
        })
    }

    /// The runs that hold a well of any plate.
    pub fn reserving_runs(&self) -> Result<Vec<String>, PlateError> {
        self.read(|connection| {
            connection
                .prepare(
                    "SELECT DISTINCT flow_run_id FROM wells WHERE status = 'used' \
                     AND flow_run_id IS NOT NULL AND reserved_at IS NOT NULL AND used_at IS NULL",
                )?
                .query_map([], |row| row.get(0))?
                .collect()
        })
    }

    /// Keeps a reading of a well of `plate`; the same reading (by its request id) twice is
    /// kept once.
    pub fn record_reading(&self, plate: &str, reading: &Measurement) -> Result<(), PlateError> {
        let document = serde_json::to_string(reading).expect("a measurement is plain JSON");
        self.change(|tx| {
            tx.execute(
                "INSERT OR IGNORE INTO readings (request_id, plate, well, flow_run_id, \
                 measured_at, document) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                params![
                    reading.request_id.to_string(),
                    plate,
                    reading.well,
                    reading.flow_run_id.map(|id| id.to_string()),
                    reading.measured_at.to_string(),
                    document
                ],
            )
            .map_err(|e| self.failed(e))?;
            Ok(())
        })
    }

    /// The readings of `plate`'s wells, oldest first.
    pub fn readings(&self, plate: &str) -> Result<Vec<Measurement>, PlateError> {
        let documents: Vec<String> = self.read(|connection| {
            connection
                .prepare(
                    "SELECT document FROM readings WHERE plate = ?1 ORDER BY measured_at, rowid",
                )?
                .query_map([plate], |row| row.get(0))?
                .collect()
        })?;
        documents
            .iter()
            .map(|text| {
                serde_json::from_str(text)
                    .map_err(|e| PlateError::Store(format!("a stored reading is unreadable: {e}")))
            })
            .collect()
    }

    /// The newest entries of the plate's log first.
    pub fn log(&self, limit: usize) -> Result<Vec<PlateLogEntry>, PlateError> {
        self.read(|connection| {
            let mut statement = connection.prepare(
                "SELECT id, timestamp, operator, operation_type, plate, well, reason \
                 FROM plate_log ORDER BY id DESC LIMIT ?1",
            )?;
            let rows = statement.query_map([limit as i64], |row| {
                let well: Option<String> = row.get(5)?;
                Ok(PlateLogEntry {
                    id: row.get::<_, i64>(0)?.to_string(),
                    timestamp: parse_time(&row.get::<_, String>(1)?)?,
                    operator: row.get(2)?,
                    operation_type: row.get(3)?,
                    plate: row.get(4)?,
                    well: well.and_then(|w| Well::parse(&w).ok()),
                    reason: row.get(6)?,
                })
            })?;
            rows.collect()
        })
    }
}

/// Retires the current plate and records a new one with every well empty.
fn start_plate(
    tx: &Transaction,
    spec: &PlateSpec,
    now: Timestamp,
) -> Result<Plate, rusqlite::Error> {
    tx.execute(
        "UPDATE plates SET retired_at = ?1 WHERE retired_at IS NULL",
        [now.to_string()],
    )?;
    let plate = Plate::new(new_plate_id(), spec, now);
    tx.execute(
        "INSERT INTO plates (id, project, rows, columns, missing_well, created_at) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![
            plate.id,
            plate.project,
            plate.rows,
            plate.columns,
            plate.missing_well.as_str(),
            now.to_string()
        ],
    )?;
    for record in &plate.wells {
        write_well(tx, &plate, record, now)?;
    }
    Ok(plate)
}

fn current_plate(connection: &Connection) -> Result<Option<Plate>, rusqlite::Error> {
    read_plate(connection, "retired_at IS NULL", "")
}

/// The plate on which `run` holds a well, if any (normally the current one).
fn holding_plate(connection: &Connection, run: &str) -> Result<Option<Plate>, rusqlite::Error> {
    let id: Option<String> = connection
        .query_row(
            "SELECT plate FROM wells WHERE flow_run_id = ?1 ORDER BY updated_at DESC LIMIT 1",
            [run],
            |row| row.get(0),
        )
        .optional()?;
    match id {
        Some(id) => read_plate(connection, "id = ?1", &id),
        None => current_plate(connection),
    }
}

/// The plate the condition selects (`?1` is `argument`), with its wells in the lab's order.
fn read_plate(
    connection: &Connection,
    condition: &str,
    argument: &str,
) -> Result<Option<Plate>, rusqlite::Error> {
    let query = format!(
        "SELECT id, project, rows, columns, missing_well, created_at, retired_at FROM plates \
         WHERE {condition} ORDER BY created_at DESC LIMIT 1"
    );
    let mut statement = connection.prepare(&query)?;
    let bound: &[&dyn rusqlite::ToSql] = if query.contains("?1") {
        &[&argument]
    } else {
        &[]
    };
    let plate = statement
        .query_row(bound, |row| {
            let retired: Option<String> = row.get(6)?;
            Ok(Plate {
                id: row.get(0)?,
                project: row.get(1)?,
                rows: row.get(2)?,
                columns: row.get(3)?,
                missing_well: super::model::MissingWell::parse(&row.get::<_, String>(4)?)
                    .unwrap_or_default(),
                created_at: parse_time(&row.get::<_, String>(5)?)?,
                retired_at: retired.as_deref().map(parse_time).transpose()?,
                wells: Vec::new(),
            })
        })
        .optional()?;
    let Some(mut plate) = plate else {
        return Ok(None);
    };
    let mut statement = connection.prepare(
        "SELECT well, status, flow_run_id, reserved_at, used_at, recipe, note FROM wells \
         WHERE plate = ?1",
    )?;
    let rows = statement.query_map([&plate.id], |row| {
        let time = |index: usize| -> Result<Option<Timestamp>, rusqlite::Error> {
            row.get::<_, Option<String>>(index)?
                .as_deref()
                .map(parse_time)
                .transpose()
        };
        let recipe: Option<String> = row.get(5)?;
        let recipe: Option<Recipe> = recipe.and_then(|r| serde_json::from_str(&r).ok());
        Ok((
            row.get::<_, String>(0)?,
            WellState::from_stored(
                &row.get::<_, String>(1)?,
                row.get(2)?,
                time(3)?,
                time(4)?,
                recipe,
            ),
            row.get::<_, Option<String>>(6)?,
        ))
    })?;
    for row in rows {
        let (well, state, note) = row?;
        if let Ok(well) = Well::parse(&well) {
            plate.wells.push(WellRecord { well, state, note });
        }
    }
    plate.wells.sort_by_key(|r| r.well);
    Ok(Some(plate))
}

fn write_well(
    connection: &Connection,
    plate: &Plate,
    record: &WellRecord,
    now: Timestamp,
) -> Result<(), rusqlite::Error> {
    let text = |time: &Option<Timestamp>| time.map(|t| t.to_string());
    let (run, reserved_at, used_at, recipe) = match &record.state {
        WellState::Empty => (None, None, None, None),
        WellState::Reserved {
            flow_run_id,
            reserved_at,
        } => (
            Some(flow_run_id.clone()),
            Some(reserved_at.to_string()),
            None,
            None,
        ),
        WellState::Used {
            flow_run_id,
            used_at,
            recipe,
        } => (
            flow_run_id.clone(),
            None,
            text(used_at),
            recipe.map(|r| serde_json::to_string(&r).unwrap_or_default()),
        ),
    };
    // A used well keeps when it was reserved, for the record.
    connection.execute(
        "INSERT INTO wells (plate, well, status, project, flow_run_id, reserved_at, used_at, recipe, note, updated_at) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10) \
         ON CONFLICT (plate, well) DO UPDATE SET status = ?3, project = ?4, flow_run_id = ?5, \
         reserved_at = CASE WHEN ?3 = 'used' AND ?7 IS NOT NULL THEN reserved_at ELSE ?6 END, \
         used_at = ?7, recipe = ?8, note = ?9, updated_at = ?10",
        params![
            plate.id,
            record.well.to_string(),
            record.state.status(),
            plate.project,
            run,
            reserved_at,
            used_at,
            recipe,
            record.note,
            now.to_string()
        ],
    )?;
    Ok(())
}

fn log(
    connection: &Connection,
    now: Timestamp,
    operator: &str,
    operation_type: &str,
    plate: &str,
    well: Option<Well>,
    reason: Option<&str>,
) -> Result<(), rusqlite::Error> {
    connection.execute(
        "INSERT INTO plate_log (timestamp, operator, operation_type, plate, well, reason) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![
            now.to_string(),
            operator,
            operation_type,
            plate,
            well.map(|w| w.to_string()),
            reason
        ],
    )?;
    Ok(())
}
