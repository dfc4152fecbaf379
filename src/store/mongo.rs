//! The lab's MongoDB, through the official driver (feature `mongo`).

use bson::Document;
use mongodb::{Client, Collection};

use super::error::StoreError;

/// The lab's database in its MongoDB deployment.
pub const LAB_DATABASE: &str = "LCM-OT-2-SLD";

/// The connection string: `MONGODB_URI`, else the lab's `blinded_connection_string` with
/// `<db_password>` replaced by `MONGODB_PASSWORD`.
pub fn connection_string(env: &dyn Fn(&str) -> Option<String>) -> Option<String> {
    if let Some(uri) = env("MONGODB_URI").filter(|u| !u.is_empty()) {
        return Some(uri);
    }
    let blinded = env("blinded_connection_string").filter(|u| !u.is_empty())?;
    let password = env("MONGODB_PASSWORD").unwrap_or_default();
    Some(blinded.replace("<db_password>", &password))
}

/// One database of a MongoDB deployment.
pub struct MongoDb {
    database: mongodb::Database,
    /// Where it is, without credentials, for people.
    place: String,
}

/// A driver error, for people.
pub fn failed(error: mongodb::error::Error) -> StoreError {
    StoreError::Failed(format!("MongoDB: {error}"))
}

impl MongoDb {
    /// Connects lazily (the driver connects on first use). `database` defaults to the lab's.
    pub async fn connect(uri: &str, database: Option<&str>) -> Result<MongoDb, StoreError> {
        let client = Client::with_uri_str(uri).await.map_err(failed)?;
        let name = database.unwrap_or(LAB_DATABASE);
        let hosts = uri
            .split('@')
            .next_back()
            .unwrap_or(uri)
            .split(['/', '?'])
            .next()
            .unwrap_or("");
        Ok(MongoDb {
            database: client.database(name),
            place: format!("MongoDB {hosts}/{name}"),
        })
    }

    pub fn collection(&self, name: &str) -> Collection<Document> {
        self.database.collection(name)
    }

    pub fn describe(&self) -> String {
        self.place.clone()
    }
}

/// The newest `limit` documents of a log collection (by `timestamp`, then insertion).
pub async fn newest(log: &Collection<Document>, limit: usize) -> Result<Vec<Document>, StoreError> {
    let mut cursor = log
        .find(bson::doc! {})
        .sort(bson::doc! { "timestamp": -1, "_id": -1 })
        .limit(limit as i64)
        .await
        .map_err(failed)?;
    let mut documents = Vec::new();
    while cursor.advance().await.map_err(failed)? {
        documents.push(cursor.deserialize_current().map_err(failed)?);
    }
    Ok(documents)
}
