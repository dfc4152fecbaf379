//! The lab's MongoDB inventory through the official driver (feature `mongo`). The documents
//! and updates are [`super::mongo_docs`]'; here they are sent.
//!
//! A mix's paint is taken at reservation with guarded updates (one per colour, each atomic,
//! never below what must stay) and given back if the run does not complete, so the lab's
//! documents keep their schema: there is no reservation field for other readers to trip on.

use bson::{Document, doc};
use jiff::Timestamp;
use mongodb::Collection;
use mongodb::options::ReturnDocument;

use crate::store::mongo::MongoDb;

use super::model::{
    Amounts, AuditEntry, Colour, InventoryError, Restocked, Stock, check_availability,
    initial_stocks,
};
use super::mongo_docs::{
    self, INVENTORY, RESTOCK_LOG, audit_document, audit_from_document, colour_filter,
    stock_document, stock_from_document,
};
use super::results::restock_json;

pub struct MongoStore {
    inventory: Collection<Document>,
    log: Collection<Document>,
    /// Where it is, without credentials, for people.
    place: String,
}

fn failed(error: mongodb::error::Error) -> InventoryError {
    crate::store::mongo::failed(error).into()
}

impl MongoStore {
    /// Connects lazily (the driver connects on first use). `database` defaults to the lab's.
    pub async fn connect(uri: &str, database: Option<&str>) -> Result<MongoStore, InventoryError> {
        Ok(MongoStore::on(&MongoDb::connect(uri, database).await?))
    }

    /// The inventory's collections of `db`.
    pub fn on(db: &MongoDb) -> MongoStore {
        MongoStore {
            inventory: db.collection(INVENTORY),
            log: db.collection(RESTOCK_LOG),
            place: db.describe(),
        }
    }

    pub fn describe(&self) -> String {
        self.place.clone()
    }

    pub async fn stocks(&self) -> Result<Vec<Stock>, InventoryError> {
        let mut stocks = Vec::new();
        for colour in Colour::ALL {
            if let Some(document) = self
                .inventory
                .find_one(colour_filter(colour))
                .await
                .map_err(failed)?
            {
                stocks.push(stock_from_document(&document)?);
            }
        }
        Ok(stocks)
    }

    pub async fn initialize(
        &self,
        volumes: Amounts,
        rate: f64,
        operator: &str,
        now: Timestamp,
    ) -> Result<(Vec<Stock>, AuditEntry), InventoryError> {
        let stocks = initial_stocks(volumes, rate, now)?;
        let mut records = Vec::new();
        for stock in &stocks {
            let before = self
                .inventory
                .find_one_and_update(
                    colour_filter(stock.colour),
                    doc! { "$set": stock_document(stock) },
                )
                .upsert(true)
                .return_document(ReturnDocument::Before)
                .await
                .map_err(failed)?;
            let previous = before.as_ref().map(stock_from_document).transpose()?;
            let was = previous.as_ref().map_or(0.0, |p| p.current(now));
            records.push(Restocked {
                colour: stock.colour,
                previous_volume_ul: was,
                added_ul: stock.volume_ul - was,
                new_volume_ul: stock.volume_ul,
                evaporation_ul: previous.as_ref().map_or(0.0, |p| p.evaporated(now)),
            });
        }
        let entry = self
            .audit(now, operator, "initialize", restock_json(&records))
            .await?;
        Ok((stocks, entry))
    }

    pub async fn restock(
        &self,
        added: Amounts,
        operator: &str,
        now: Timestamp,
    ) -> Result<(Vec<Restocked>, AuditEntry), InventoryError> {
        // Every colour must exist before any is changed, so a refused restock changes nothing.
        let stocks = self.stocks().await?;
        super::model::restock(&stocks, added, now)?;
        let mut records = Vec::new();
        for (colour, add) in added.iter().filter(|(_, add)| *add > 0.0) {
            let (filter, pipeline) = mongo_docs::give(colour, add, now);
            let before = self
                .inventory
                .find_one_and_update(filter, pipeline)
                .return_document(ReturnDocument::Before)
                .await
                .map_err(failed)?
                .ok_or(InventoryError::NotInitialised(colour))?;
            let before = stock_from_document(&before)?;
            let after = before.changed(add, now);
            records.push(Restocked {
                colour,
                previous_volume_ul: before.current(now),
                added_ul: add,
                new_volume_ul: after.volume_ul,
                evaporation_ul: before.evaporated(now),
            });
        }
        let entry = self
            .audit(now, operator, "manual_restock", restock_json(&records))
            .await?;
        Ok((records, entry))
    }

    /// Takes a mix's paint now, colour by colour with guarded updates; if one colour is short
    /// (another run took it in the meantime), what was taken is given back.
    pub async fn reserve(
        &self,
        required: Amounts,
        threshold: f64,
        now: Timestamp,
    ) -> Result<(), InventoryError> {
        let stocks = self.stocks().await?;
        check_availability(&stocks, Amounts::default(), required, threshold, now)?;
        let mut taken = Amounts::default();
        for (colour, volume) in required.iter().filter(|(_, v)| *v > 0.0) {
            let (filter, pipeline) = mongo_docs::take(colour, volume, threshold, now);
            let result = self
                .inventory
                .update_one(filter, pipeline)
                .await
                .map_err(failed)?;
            if result.matched_count == 0 {
                self.give_back(taken, now).await?;
                let stocks = self.stocks().await?;
                check_availability(&stocks, Amounts::default(), required, threshold, now)?;
                return Err(InventoryError::Insufficient(vec![format!(
                    "{} (taken by another run in the meantime)",
                    colour.name()
                )]));
            }
            taken.set(colour, volume);
        }
        Ok(())
    }

    /// Gives back paint taken for a run that did not complete.
    pub async fn give_back(&self, amounts: Amounts, now: Timestamp) -> Result<(), InventoryError> {
        for (colour, volume) in amounts.iter().filter(|(_, v)| *v > 0.0) {
            let (filter, pipeline) = mongo_docs::give(colour, volume, now);
            self.inventory
                .update_one(filter, pipeline)
                .await
                .map_err(failed)?;
        }
        Ok(())
    }

    pub async fn audit_log(&self, limit: usize) -> Result<Vec<AuditEntry>, InventoryError> {
        let documents = crate::store::mongo::newest(&self.log, limit).await?;
        documents.iter().map(audit_from_document).collect()
    }

    async fn audit(
        &self,
        now: Timestamp,
        operator: &str,
        operation_type: &str,
        data: serde_json::Value,
    ) -> Result<AuditEntry, InventoryError> {
        let mut entry = AuditEntry {
            id: String::new(),
            timestamp: now,
            operator: operator.to_string(),
            operation_type: operation_type.to_string(),
            restock_data: data,
        };
        let inserted = self
            .log
            .insert_one(audit_document(&entry)?)
            .await
            .map_err(failed)?;
        entry.id = match inserted.inserted_id {
            bson::Bson::ObjectId(id) => id.to_hex(),
            other => other.to_string(),
        };
        Ok(entry)
    }
}
