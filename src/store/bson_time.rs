//! Times as the lab's MongoDB documents keep them (BSON dates, milliseconds).

use bson::DateTime;
use jiff::Timestamp;

use super::error::StoreError;

pub fn date(time: Timestamp) -> DateTime {
    DateTime::from_millis(time.as_millisecond())
}

pub fn timestamp(date: DateTime) -> Result<Timestamp, StoreError> {
    Timestamp::from_millisecond(date.timestamp_millis())
        .map_err(|e| StoreError::Failed(format!("a date out of range: {e}")))
}
