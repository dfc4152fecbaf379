//! The plate in the lab's MongoDB, as documents and update operations. Collection `wells` is
//! the lab's own: one document per well of the plate in use, `{"well": "B1", "status":
//! "empty" | "used", "project": "OT2"}`, found by `well` as the lab's `generate_empty_well` and
//! `update_used_wells` find it. ot2ctl adds fields of its own beside those three (`plate`,
//! `flow_run_id`, `reserved_at`, `used_at`, `recipe`, `note`, `updated_at`) and never changes
//! what the lab's fields mean. Collections `plates` (every plate, a retired one with its wells
//! as they were) and `plate_log` are ot2ctl's.
//!
//! A reservation is one conditional update, `{well, status: "empty"}` → `used`: of two runs
//! that try the same well, one matches and the other matches nothing. Built here without the
//! driver, so that the documents are unit-tested in every build.

use bson::{Bson, Document, doc};
use jiff::Timestamp;

use super::model::{
    MissingWell, Plate, PlateError, PlateLogEntry, Recipe, Well, WellRecord, WellState,
};
use crate::sensor::Measurement;
use crate::store::bson_time::{date, timestamp};

pub const WELLS: &str = "wells";
pub const PLATES: &str = "plates";
pub const PLATE_LOG: &str = "plate_log";
/// ot2ctl's own: the colour sensor's readings, one document per reading.
pub const READINGS: &str = "readings";

/// ot2ctl's own fields of a well document, which an empty well does not carry.
const RUN_FIELDS: [&str; 4] = ["flow_run_id", "reserved_at", "used_at", "recipe"];

/// The filter that finds a well's document, as the lab's scripts find it.
pub fn well_filter(well: Well) -> Document {
    doc! { "well": well.to_string() }
}

/// The update that makes a well's document say `record` (upserted: the lab's `$set` of
/// `well`, `status` and `project`, and ot2ctl's fields set or removed).
pub fn well_update(plate: &Plate, record: &WellRecord, now: Timestamp) -> Document {
    let mut set = doc! {
        "well": record.well.to_string(),
        "status": record.state.status(),
        "project": plate.project.as_str(),
        "plate": plate.id.as_str(),
        "updated_at": date(now),
    };
    let mut unset = Document::new();
    match &record.state {
        WellState::Empty => {
            for field in RUN_FIELDS {
                unset.insert(field, "");
            }
        }
        WellState::Reserved {
            flow_run_id,
            reserved_at,
        } => {
            set.insert("flow_run_id", flow_run_id.as_str());
            set.insert("reserved_at", date(*reserved_at));
            unset.insert("used_at", "");
            unset.insert("recipe", "");
        }
        WellState::Used {
            flow_run_id,
            used_at,
            recipe,
        } => {
            let mut optional = |field: &str, value: Option<Bson>| match value {
                Some(value) => {
                    set.insert(field, value);
                }
                None => {
                    unset.insert(field, "");
                }
            };
            optional("flow_run_id", flow_run_id.clone().map(Bson::String));
            optional("used_at", used_at.map(|t| Bson::DateTime(date(t))));
            optional(
                "recipe",
                recipe.map(|r| Bson::Document(doc! {"R": r.red, "Y": r.yellow, "B": r.blue})),
            );
        }
    }
    match &record.note {
        Some(note) => {
            set.insert("note", note.as_str());
        }
        None => {
            unset.insert("note", "");
        }
    }
    let mut update = doc! { "$set": set };
    if !unset.is_empty() {
        update.insert("$unset", unset);
    }
    update
}

/// The writes that lay a fresh plate's wells into `wells`: one upsert per well, found by
/// `well` as the lab's `generate_empty_well` finds it.
pub fn fresh_wells(plate: &Plate, now: Timestamp) -> Vec<(Document, Document)> {
    plate
        .wells
        .iter()
        .map(|record| (well_filter(record.well), well_update(plate, record, now)))
        .collect()
}

/// The writes that settle `run`'s wells (`changes`, from [`Plate::settlement`]). A well given
/// back is matched only while it is still this run's reservation, so a correction made
/// meanwhile (`plate mark`) is not undone.
pub fn settlement_writes(
    plate: &Plate,
    run: &str,
    changes: &[WellRecord],
    now: Timestamp,
) -> Vec<(Document, Document)> {
    changes
        .iter()
        .map(|record| {
            let mut filter = well_filter(record.well);
            if record.state.is_empty() {
                filter.insert("flow_run_id", run);
            }
            (filter, well_update(plate, record, now))
        })
        .collect()
}

/// The conditional update that reserves `well` for `run`: it matches only while the well is
/// `empty`.
pub fn reserve(plate: &Plate, well: Well, run: &str, now: Timestamp) -> (Document, Document) {
    let record = WellRecord::reserved(well, run, now);
    let mut filter = well_filter(well);
    filter.insert("status", "empty");
    (filter, well_update(plate, &record, now))
}

/// A well's record from its document; `None` for a document that names no well.
pub fn record_from_document(document: &Document) -> Option<WellRecord> {
    let well = Well::parse(document.get_str("well").ok()?).ok()?;
    let time = |field: &str| {
        document
            .get_datetime(field)
            .ok()
            .and_then(|d| timestamp(*d).ok())
    };
    let number = |recipe: &Document, field: &str| match recipe.get(field) {
        Some(Bson::Double(n)) => *n,
        Some(Bson::Int32(n)) => f64::from(*n),
        Some(Bson::Int64(n)) => *n as f64,
        _ => 0.0,
    };
    let recipe = document.get_document("recipe").ok().map(|r| Recipe {
        red: number(r, "R"),
        yellow: number(r, "Y"),
        blue: number(r, "B"),
    });
    let state = WellState::from_stored(
        document.get_str("status").unwrap_or("used"),
        document.get_str("flow_run_id").ok().map(String::from),
        time("reserved_at"),
        time("used_at"),
        recipe,
    );
    Some(WellRecord {
        well,
        state,
        note: document.get_str("note").ok().map(String::from),
    })
}

/// A plate's document in `plates` (without its wells, which are in `wells` while it is in
/// use).
pub fn plate_document(plate: &Plate) -> Document {
    let mut document = doc! {
        "_id": plate.id.as_str(),
        "project": plate.project.as_str(),
        "rows": plate.rows.as_str(),
        "columns": plate.columns.as_str(),
        "missing_well": plate.missing_well.as_str(),
        "created_at": date(plate.created_at),
    };
    if let Some(retired) = plate.retired_at {
        document.insert("retired_at", date(retired));
    }
    document
}

/// The snapshot of a retired plate's wells, kept in its `plates` document.
pub fn wells_snapshot(plate: &Plate, now: Timestamp) -> Vec<Document> {
    plate
        .wells
        .iter()
        .map(|record| {
            let update = well_update(plate, record, now);
            update.get_document("$set").cloned().unwrap_or_default()
        })
        .collect()
}

/// A plate from its `plates` document and its wells' documents (those of `wells` for the
/// plate in use; its snapshot for a retired one).
pub fn plate_from_documents(document: &Document, wells: &[Document]) -> Result<Plate, PlateError> {
    let bad =
        |what: &str| PlateError::Store(format!("a plate document has no valid {what}: {document}"));
    let text = |field: &str| {
        document
            .get_str(field)
            .map(String::from)
            .map_err(|_| bad(field))
    };
    let mut records: Vec<WellRecord> = wells.iter().filter_map(record_from_document).collect();
    records.sort_by_key(|r| r.well);
    Ok(Plate {
        id: text("_id")?,
        project: text("project")?,
        rows: text("rows")?,
        columns: text("columns")?,
        missing_well: MissingWell::parse(document.get_str("missing_well").unwrap_or_default())
            .unwrap_or_default(),
        created_at: document
            .get_datetime("created_at")
            .ok()
            .and_then(|d| timestamp(*d).ok())
            .ok_or_else(|| bad("created_at"))?,
        retired_at: document
            .get_datetime("retired_at")
            .ok()
            .and_then(|d| timestamp(*d).ok()),
        wells: records,
    })
}

/// The plate in use when only the lab's own well documents exist (made by its
/// `generate_empty_well`, no `plates` document yet): adopted as it is, its layout read from
/// the wells.
pub fn adopted_plate(wells: &[Document], now: Timestamp) -> Option<Plate> {
    let mut records: Vec<WellRecord> = wells.iter().filter_map(record_from_document).collect();
    if records.is_empty() {
        return None;
    }
    records.sort_by_key(|r| r.well);
    let join = |mut values: Vec<String>| {
        values.dedup();
        values.join(",")
    };
    let mut rows: Vec<char> = records.iter().map(|r| r.well.row()).collect();
    rows.sort();
    let mut columns: Vec<u8> = records.iter().map(|r| r.well.column()).collect();
    columns.sort();
    let project = wells
        .iter()
        .find_map(|d| d.get_str("project").ok())
        .unwrap_or(super::model::DEFAULT_PROJECT)
        .to_string();
    let layout = super::model::Layout::parse(
        &join(rows.iter().map(ToString::to_string).collect()),
        &join(columns.iter().map(ToString::to_string).collect()),
    )
    .ok()?;
    Some(Plate {
        id: "lab".into(),
        project,
        rows: layout.rows_text(),
        columns: layout.columns_text(),
        missing_well: MissingWell::default(),
        created_at: now,
        retired_at: None,
        wells: records,
    })
}

/// A reading as `readings` keeps it: the measurement's fields as its JSON has them (ids and
/// times as text, counts as numbers), and the plate's id.
pub fn reading_document(plate: &str, reading: &Measurement) -> Result<Document, PlateError> {
    let json = serde_json::to_value(reading).expect("a measurement is plain JSON");
    let mut document = match bson::serialize_to_bson(&json) {
        Ok(Bson::Document(document)) => document,
        _ => {
            return Err(PlateError::Store(
                "a reading does not make a document".into(),
            ));
        }
    };
    document.insert("plate", plate);
    Ok(document)
}

/// The reading a `readings` document holds.
pub fn reading_from_document(document: &Document) -> Result<Measurement, PlateError> {
    let mut fields = document.clone();
    fields.remove("_id");
    fields.remove("plate");
    serde_json::from_value(Bson::Document(fields).into_relaxed_extjson())
        .map_err(|e| PlateError::Store(format!("a stored reading is unreadable: {e}")))
}

pub fn log_document(entry: &PlateLogEntry) -> Document {
    let mut document = doc! {
        "timestamp": date(entry.timestamp),
        "operator": entry.operator.as_str(),
        "operation_type": entry.operation_type.as_str(),
        "plate": entry.plate.as_str(),
    };
    if let Some(well) = entry.well {
        document.insert("well", well.to_string());
    }
    if let Some(reason) = &entry.reason {
        document.insert("reason", reason.as_str());
    }
    document
}

pub fn log_from_document(document: &Document) -> Option<PlateLogEntry> {
    Some(PlateLogEntry {
        id: document
            .get_object_id("_id")
            .map(|id| id.to_hex())
            .unwrap_or_default(),
        timestamp: timestamp(*document.get_datetime("timestamp").ok()?).ok()?,
        operator: document.get_str("operator").ok()?.to_string(),
        operation_type: document.get_str("operation_type").ok()?.to_string(),
        plate: document.get_str("plate").ok()?.to_string(),
        well: document
            .get_str("well")
            .ok()
            .and_then(|w| Well::parse(w).ok()),
        reason: document.get_str("reason").ok().map(String::from),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plate::model::PlateSpec;

    fn plate() -> Plate {
        Plate::new(
            "plate-1".into(),
            &PlateSpec::default(),
            Timestamp::UNIX_EPOCH,
        )
    }

    #[test]
    fn an_empty_well_is_the_labs_document_plus_ours() {
        let plate = plate();
        let update = well_update(&plate, &plate.wells[0], Timestamp::UNIX_EPOCH);
        let set = update.get_document("$set").unwrap();
        assert_eq!(set.get_str("well").unwrap(), "B1");
        assert_eq!(set.get_str("status").unwrap(), "empty");
        assert_eq!(set.get_str("project").unwrap(), "OT2");
        let unset = update.get_document("$unset").unwrap();
        for field in RUN_FIELDS {
            assert!(unset.contains_key(field), "{field}");
        }
        let read = record_from_document(set).unwrap();
        assert_eq!(read, plate.wells[0]);
    }

    #[test]
    fn a_reservation_matches_only_an_empty_well_and_reads_back() {
        let plate = plate();
        let well = Well::parse("C4").unwrap();
        let (filter, update) = reserve(&plate, well, "run-1", Timestamp::UNIX_EPOCH);
        assert_eq!(filter, doc! {"well": "C4", "status": "empty"});
        let set = update.get_document("$set").unwrap();
        assert_eq!(set.get_str("status").unwrap(), "used");
        let read = record_from_document(set).unwrap();
        assert_eq!(read.state.reserved_by(), Some("run-1"));
    }

    #[test]
    fn the_labs_own_documents_are_adopted_as_the_plate_in_use() {
        let wells: Vec<Document> = ["B1", "B2", "C1", "C2"]
            .iter()
            .map(|w| doc! {"well": *w, "status": if *w == "B1" {"used"} else {"empty"}, "project": "OT2"})
            .collect();
        let plate = adopted_plate(&wells, Timestamp::UNIX_EPOCH).unwrap();
        assert_eq!(plate.rows, "B,C");
        assert_eq!(plate.columns, "1,2");
        assert_eq!(plate.next_free().unwrap().to_string(), "B2");
        assert!(adopted_plate(&[], Timestamp::UNIX_EPOCH).is_none());
    }

    #[test]
    fn plates_and_log_entries_read_back_as_written() {
        let mut plate = plate();
        plate.retired_at = Some(Timestamp::UNIX_EPOCH);
        let snapshot = wells_snapshot(&plate, Timestamp::UNIX_EPOCH);
        let read = plate_from_documents(&plate_document(&plate), &snapshot).unwrap();
        assert_eq!(read, plate);
        let entry = PlateLogEntry {
            id: String::new(),
            timestamp: Timestamp::UNIX_EPOCH,
            operator: "tech".into(),
            operation_type: "mark_used".into(),
            plate: "plate-1".into(),
            well: Well::parse("B3").ok(),
            reason: Some("spilled".into()),
        };
        assert_eq!(log_from_document(&log_document(&entry)), Some(entry));
    }
}

/// These documents and the lab's own Python on the same collection: the lab's
/// `generate_empty_well` / `update_used_wells` / `find_unused_wells` pattern
/// (tests/fixtures/lab_wells.py) and ot2ctl's filters and updates, applied through pymongo's
/// API to mongomock, an in-memory MongoDB (no MongoDB server can be installed here;
/// tests/mongo.rs runs the store against a real one given by MONGODB_URI). `scripts/test.sh`
/// makes the pinned mongomock venv and sets OT2CTL_TEST_MONGOMOCK_PYTHON.
#[cfg(test)]
mod against_the_labs_python {
    use std::io::{BufRead, BufReader, Write};
    use std::process::{Child, ChildStdin, ChildStdout, Command, Stdio};

    use serde_json::{Value, json};

    use super::*;
    use crate::plate::model::{Choice, PlateSpec, RunEnding};

    /// ot2ctl's own fields, the only ones a well document may have beside the lab's.
    const OURS: [&str; 7] = [
        "plate",
        "flow_run_id",
        "reserved_at",
        "used_at",
        "recipe",
        "note",
        "updated_at",
    ];

    struct LabPython {
        child: Child,
        requests: ChildStdin,
        answers: BufReader<ChildStdout>,
    }

    impl LabPython {
        fn start() -> LabPython {
            let python = std::env::var("OT2CTL_TEST_MONGOMOCK_PYTHON").expect(
                "OT2CTL_TEST_MONGOMOCK_PYTHON is not set: run the tests with scripts/test.sh",
            );
            let script = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/lab_wells.py");
            let mut child = Command::new(python)
                .arg(script)
                .stdin(Stdio::piped())
                .stdout(Stdio::piped())
                .spawn()
                .expect("start the lab's Python");
            let requests = child.stdin.take().unwrap();
            let answers = BufReader::new(child.stdout.take().unwrap());
            LabPython {
                child,
                requests,
                answers,
            }
        }

        fn ask(&mut self, request: Value) -> Value {
            writeln!(self.requests, "{request}").unwrap();
            let mut line = String::new();
            self.answers.read_line(&mut line).unwrap();
            let answer: Value = serde_json::from_str(&line)
                .unwrap_or_else(|e| panic!("the lab's Python answered {line:?}: {e}"));
            assert!(answer.get("error").is_none(), "{request} -> {answer}");
            answer
        }

        fn call(&mut self, db: &str, call: &str, wells: &[&str]) -> Value {
            self.ask(json!({"db": db, "call": call, "wells": wells}))
        }

        fn unused(&mut self, db: &str) -> Vec<String> {
            let answer = self.call(db, "find_unused_wells", &[]);
            serde_json::from_value(answer["wells"].clone()).unwrap()
        }

        /// `update_one`; how many documents it matched.
        fn update_one(
            &mut self,
            db: &str,
            (filter, update): (Document, Document),
            upsert: bool,
        ) -> i64 {
            let extjson = |d: Document| Bson::Document(d).into_canonical_extjson();
            let answer = self.ask(json!({"db": db, "update_one": {
                "filter": extjson(filter), "update": extjson(update), "upsert": upsert,
            }}));
            answer["matched"].as_i64().unwrap()
        }

        /// Every well document, `_id` left out, sorted by `well`.
        fn wells(&mut self, db: &str) -> Vec<Document> {
            let answer = self.ask(json!({"db": db, "find": {}}));
            answer["documents"]
                .as_array()
                .unwrap()
                .iter()
                .map(|d| match Bson::try_from(d.clone()).unwrap() {
                    Bson::Document(document) => document,
                    other => panic!("not a document: {other}"),
                })
                .collect()
        }
    }

    impl Drop for LabPython {
        fn drop(&mut self) {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }

    /// Every field the lab's documents have, ours have with the same value; ours have no
    /// other field than ot2ctl's own.
    fn assert_the_labs_fields_equal(lab: &[Document], ours: &[Document]) {
        let names = |documents: &[Document]| -> Vec<String> {
            documents
                .iter()
                .map(|d| d.get_str("well").unwrap().to_string())
                .collect()
        };
        assert_eq!(names(lab), names(ours));
        for (lab, ours) in lab.iter().zip(ours) {
            let well = lab.get_str("well").unwrap();
            for (field, value) in lab {
                assert_eq!(ours.get(field), Some(value), "well {well}, field {field}");
            }
            for field in ours.keys() {
                assert!(
                    lab.contains_key(field) || OURS.contains(&field.as_str()),
                    "well {well}: field {field} is neither the lab's nor ot2ctl's"
                );
            }
        }
    }

    fn now() -> Timestamp {
        "2026-12-06T10:00:00Z".parse().unwrap()
    }

    fn current_plate(python: &mut LabPython, db: &str, plate: &Plate) -> Plate {
        plate_from_documents(&plate_document(plate), &python.wells(db)).unwrap()
    }

    #[test]
    fn a_fresh_plate_and_its_used_wells_are_the_labs_documents_field_by_field() {
        let mut python = LabPython::start();
        let plate = Plate::new("plate-1".into(), &PlateSpec::default(), now());

        python.call("lab", "generate_empty_well", &[]);
        for write in fresh_wells(&plate, now()) {
            python.update_one("ours", write, true);
        }
        let fresh = python.wells("lab");
        assert_eq!(fresh.len(), 84, "rows B-H x columns 1-12");
        assert_the_labs_fields_equal(&fresh, &python.wells("ours"));

        let used = ["B1", "C7", "H12"];
        python.call("lab", "update_used_wells", &used);
        for (n, name) in used.iter().enumerate() {
            let run = format!("run-{n}");
            let well = Well::parse(name).unwrap();
            let matched = python.update_one("ours", reserve(&plate, well, &run, now()), false);
            assert_eq!(matched, 1, "reserving {well}");
            let reserved = current_plate(&mut python, "ours", &plate);
            let ending = RunEnding {
                dispensed: vec![(
                    well,
                    Recipe {
                        red: 120.0,
                        yellow: 50.0,
                        blue: 80.0,
                    },
                )],
                certain: true,
            };
            let changes = reserved.settlement(&run, &ending, now());
            assert_eq!(changes.len(), 1, "{well} settled");
            for write in settlement_writes(&reserved, &run, &changes, now()) {
                assert_eq!(python.update_one("ours", write, false), 1);
            }
        }
        assert_the_labs_fields_equal(&python.wells("lab"), &python.wells("ours"));

        let unused = python.unused("lab");
        assert_eq!(unused.len(), 84 - used.len());
        assert_eq!(
            python.unused("ours"),
            unused,
            "the lab's query reads ours alike"
        );
        let ours = current_plate(&mut python, "ours", &plate);
        assert_eq!(
            ours.next_free().map(|w| w.to_string()),
            Some(unused[0].clone())
        );
    }

    #[test]
    fn ot2ctl_reserves_and_gives_back_wells_on_the_labs_own_documents() {
        let mut python = LabPython::start();
        python.call("lab", "generate_empty_well", &[]);
        python.call("lab", "update_used_wells", &["B1"]);
        let fresh = python.wells("lab");

        let plate = adopted_plate(&fresh, now()).unwrap();
        assert_eq!(
            (plate.rows.as_str(), plate.project.as_str()),
            ("B-H", "OT2")
        );
        let well = plate.choose(Choice::Next, "run-a").unwrap();
        assert_eq!(
            well.to_string(),
            "B2",
            "the lab's order, past the lab's used B1"
        );
        let b1 = Well::parse("B1").unwrap();
        assert_eq!(
            python.update_one("lab", reserve(&plate, b1, "run-a", now()), false),
            0
        );
        assert_eq!(
            python.update_one("lab", reserve(&plate, well, "run-a", now()), false),
            1
        );
        assert_eq!(
            python.update_one("lab", reserve(&plate, well, "run-b", now()), false),
            0,
            "a reserved well matches no other reservation"
        );
        assert!(
            !python.unused("lab").contains(&"B2".to_string()),
            "the lab's scripts do not offer a reserved well"
        );

        // The run fails before its first dispense: the well is given back as the lab made it.
        let reserved = plate_from_documents(&plate_document(&plate), &python.wells("lab")).unwrap();
        let ending = RunEnding {
            dispensed: Vec::new(),
            certain: true,
        };
        let changes = reserved.settlement("run-a", &ending, now());
        for write in settlement_writes(&reserved, "run-a", &changes, now()) {
            assert_eq!(python.update_one("lab", write, false), 1);
        }
        assert_eq!(python.unused("lab")[0], "B2");
        let given_back = python.wells("lab");
        let lab_fields = |documents: &[Document]| -> Vec<Document> {
            documents
                .iter()
                .map(|d| {
                    d.iter()
                        .filter(|(field, _)| !OURS.contains(&field.as_str()))
                        .map(|(field, value)| (field.clone(), value.clone()))
                        .collect()
                })
                .collect()
        };
        assert_eq!(lab_fields(&given_back), lab_fields(&fresh));
    }
}
