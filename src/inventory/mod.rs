//! The lab's paint inventory: the rules (`model`), the embedded SQLite store, and the
//! documents and guarded updates of the lab's MongoDB store.

pub mod model;
pub mod sqlite;
