//! The plate in the lab's MongoDB through the official driver (feature `mongo`). The
//! documents and updates are [`super::mongo_docs`]'; here they are sent. A well is reserved by
//! one conditional update (it matches only an `empty` well); a run that loses the race for a
//! well reads the plate again and takes the next.

use bson::{Document, doc};
use jiff::Timestamp;
use mongodb::Collection;

use super::model::{
    Choice, Mark, Plate, PlateError, PlateLogEntry, PlateSpec, PlateSummary, Reservation,
    RunEnding, WellRecord, new_plate_id,
};
use super::mongo_docs::{
    self, PLATE_LOG, PLATES, READINGS, WELLS, adopted_plate, log_document, log_from_document,
    plate_document, plate_from_documents, well_filter, well_update, wells_snapshot,
};

use crate::sensor::Measurement;
use crate::store::mongo::MongoDb;

/// How many times a run tries for a well that other runs keep taking first.
const RESERVE_ATTEMPTS: usize = 200;

pub struct MongoPlates {
    wells: Collection<Document>,
    readings: Collection<Document>,
    plates: Collection<Document>,
    log: Collection<Document>,
}

fn failed(error: mongodb::error::Error) -> PlateError {
    crate::store::mongo::failed(error).into()
}

impl MongoPlates {
    pub fn on(db: &MongoDb) -> MongoPlates {
        MongoPlates {
            wells: db.collection(WELLS),
            readings: db.collection(READINGS),
            plates: db.collection(PLATES),
            log: db.collection(PLATE_LOG),
        }
    }

    async fn all(
        &self,
        collection: &Collection<Document>,
        filter: Document,
        sort: Document,
    ) -> Result<Vec<Document>, PlateError> {
        let mut cursor = collection.find(filter).sort(sort).await.map_err(failed)?;
        let mut documents = Vec::new();
        while cursor.advance().await.map_err(failed)? {
            documents.push(cursor.deserialize_current().map_err(failed)?);
        }
        Ok(documents)
    }

    /// The plate in use: its `plates` document and the lab's `wells`, or the lab's wells
    /// alone when ot2ctl has not recorded a plate yet.
    pub async fn current(&self) -> Result<Option<Plate>, PlateError> {
        let wells = self.all(&self.wells, doc! {}, doc! {"well": 1}).await?;
        let recorded = self
            .plates
            .find_one(doc! {"retired_at": {"$exists": false}})
            .sort(doc! {"created_at": -1})
            .await
            .map_err(failed)?;
        match recorded {
            Some(document) => {
                let mut plate = plate_from_documents(&document, &wells)?;
                let layout = plate.layout();
                plate.wells.retain(|r| layout.contains(r.well));
                Ok(Some(plate))
            }
            None => Ok(adopted_plate(&wells, Timestamp::now())),
        }
    }

    pub async fn plate(&self, id: &str) -> Result<Plate, PlateError> {
        if let Some(current) = self.current().await?
            && current.id == id
        {
            return Ok(current);
        }
        let document = self
            .plates
            .find_one(doc! {"_id": id})
            .await
            .map_err(failed)?
            .ok_or_else(|| PlateError::UnknownPlate(id.to_string()))?;
        let snapshot: Vec<Document> = document
            .get_array("wells")
            .map(|wells| {
                wells
                    .iter()
                    .filter_map(|w| w.as_document().cloned())
                    .collect()
            })
            .unwrap_or_default();
        plate_from_documents(&document, &snapshot)
    }

    pub async fn history(&self) -> Result<Vec<PlateSummary>, PlateError> {
        let current = self.current().await?;
        let mut plates: Vec<PlateSummary> = current.iter().map(PlateSummary::of).collect();
        let retired = self
            .all(
                &self.plates,
                doc! {"retired_at": {"$exists": true}},
                doc! {"created_at": -1},
            )
            .await?;
        for document in retired {
            let snapshot: Vec<Document> = document
                .get_array("wells")
                .map(|w| w.iter().filter_map(|d| d.as_document().cloned()).collect())
                .unwrap_or_default();
            plates.push(PlateSummary::of(&plate_from_documents(
                &document, &snapshot,
            )?));
        }
        Ok(plates)
    }

    /// A fresh plate: the one in use is kept in `plates` with its wells as they were, then
    /// every well document is reset (wells outside the new layout removed). Interrupted, it
    /// can be run again: the kept copy is written once.
    pub async fn create(
        &self,
        spec: &PlateSpec,
        operator: &str,
        now: Timestamp,
    ) -> Result<Plate, PlateError> {
        if let Some(mut current) = self.current().await? {
            current.ensure_not_in_use()?;
            if current.id == "lab" {
                current.id = new_plate_id();
            }
            current.retired_at = Some(now);
            let mut kept = plate_document(&current);
            kept.remove("_id");
            kept.insert("wells", wells_snapshot(&current, now));
            // Matches the plate's own document while it is in use (or none, for the lab's
            // wells adopted as they were); an interrupted `plate new` run again finds it
            // retired already and leaves the first copy as it is.
            self.plates
                .update_one(
                    doc! {"_id": current.id.as_str(), "retired_at": {"$exists": false}},
                    doc! {"$set": kept},
                )
                .upsert(true)
                .await
                .map_err(failed)?;
        }
        let plate = Plate::new(new_plate_id(), spec, now);
        let names: Vec<String> = plate.wells.iter().map(|r| r.well.to_string()).collect();
        self.wells
            .delete_many(doc! {"well": {"$nin": names}})
            .await
            .map_err(failed)?;
        for (filter, update) in mongo_docs::fresh_wells(&plate, now) {
            self.wells
                .update_one(filter, update)
                .upsert(true)
                .await
                .map_err(failed)?;
        }
        self.plates
            .insert_one(plate_document(&plate))
            .await
            .map_err(failed)?;
        self.write_log(now, operator, "new_plate", &plate.id, None)
            .await?;
        Ok(plate)
    }

    pub async fn reserve(
        &self,
        run: &str,
        choice: Choice,
        now: Timestamp,
    ) -> Result<Reservation, PlateError> {
        let mut created = false;
        for _ in 0..RESERVE_ATTEMPTS {
            let plate = match self.current().await? {
                Some(plate) => plate,
                None => {
                    created = true;
                    self.create(&PlateSpec::default(), "ot2ctl worker", now)
                        .await?
                }
            };
            let well = plate.choose(choice, run)?;
            if plate.held_by(run) == Some(well) {
                return Ok(Reservation {
                    well,
                    plate: plate.id,
                    created,
                });
            }
            let (filter, update) = mongo_docs::reserve(&plate, well, run, now);
            let result = self
                .wells
                .update_one(filter, update)
                .await
                .map_err(failed)?;
            if result.matched_count == 1 {
                return Ok(Reservation {
                    well,
                    plate: plate.id,
                    created,
                });
            }
            // Another run took it between the read and the update: read the plate again.
        }
        Err(PlateError::Store(format!(
            "other runs kept taking the free wells first; {RESERVE_ATTEMPTS} attempts failed"
        )))
    }

    pub async fn settle(
        &self,
        run: &str,
        ending: &RunEnding,
        now: Timestamp,
    ) -> Result<Vec<WellRecord>, PlateError> {
        let Some(plate) = self.current().await? else {
            return Ok(Vec::new());
        };
        let changes = plate.settlement(run, ending, now);
        for (filter, update) in mongo_docs::settlement_writes(&plate, run, &changes, now) {
            self.wells
                .update_one(filter, update)
                .await
                .map_err(failed)?;
        }
        Ok(changes)
    }

    pub async fn mark(
        &self,
        mark: &Mark,
        now: Timestamp,
    ) -> Result<Option<WellRecord>, PlateError> {
        let plate = self.current().await?.ok_or(PlateError::NoPlate)?;
        let Some(record) = mark.apply(&plate, now)? else {
            return Ok(None);
        };
        let before = plate
            .record(mark.well)
            .map(|r| r.state.status())
            .unwrap_or("empty");
        let mut filter = well_filter(mark.well);
        filter.insert("status", before);
        let result = self
            .wells
            .update_one(filter, well_update(&plate, &record, now))
            .await
            .map_err(failed)?;
        if result.matched_count == 0 {
            return Err(PlateError::Invalid(format!(
                "well {} changed while it was being marked; look at `ot2ctl plate status` and try again",
                mark.well
            )));
        }
        self.write_log(
            now,
            &mark.operator,
            mark.operation_type(),
            &plate.id,
            Some((mark.well, &mark.reason)),
        )
        .await?;
        Ok(Some(record))
    }

    pub async fn reserving_runs(&self) -> Result<Vec<String>, PlateError> {
        let documents = self
            .all(
                &self.wells,
                doc! {"status": "used", "reserved_at": {"$exists": true}, "used_at": {"$exists": false}, "flow_run_id": {"$exists": true}},
                doc! {"well": 1},
            )
            .await?;
        let mut runs: Vec<String> = documents
            .iter()
            .filter_map(|d| d.get_str("flow_run_id").ok().map(String::from))
            .collect();
        runs.sort();
        runs.dedup();
        Ok(runs)
    }

    /// Inserted once per request id: a reading written again (a retried write) stays one.
    pub async fn record_reading(
        &self,
        plate: &str,
        reading: &Measurement,
    ) -> Result<(), PlateError> {
        let document = mongo_docs::reading_document(plate, reading)?;
        self.readings
            .update_one(
                doc! {"request_id": reading.request_id.to_string()},
                doc! {"$setOnInsert": document},
            )
            .upsert(true)
            .await
            .map_err(failed)?;
        Ok(())
    }

    pub async fn readings(&self, plate: &str) -> Result<Vec<Measurement>, PlateError> {
        let documents = self
            .all(
                &self.readings,
                doc! {"plate": plate},
                doc! {"measured_at": 1},
            )
            .await?;
        documents
            .iter()
            .map(mongo_docs::reading_from_document)
            .collect()
    }

    pub async fn log(&self, limit: usize) -> Result<Vec<PlateLogEntry>, PlateError> {
        let documents = crate::store::mongo::newest(&self.log, limit).await?;
        Ok(documents.iter().filter_map(log_from_document).collect())
    }

    async fn write_log(
        &self,
        now: Timestamp,
        operator: &str,
        operation_type: &str,
        plate: &str,
        well: Option<(super::model::Well, &str)>,
    ) -> Result<(), PlateError> {
        let entry = PlateLogEntry {
            id: String::new(),
            timestamp: now,
            operator: operator.to_string(),
            operation_type: operation_type.to_string(),
            plate: plate.to_string(),
            well: well.map(|(w, _)| w),
            reason: well.map(|(_, r)| r.to_string()),
        };
        self.log
            .insert_one(log_document(&entry))
            .await
            .map_err(failed)?;
        Ok(())
    }
}
