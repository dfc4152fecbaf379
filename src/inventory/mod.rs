//! The lab's paint inventory: the rules (`model`), where it is kept (`store`: the embedded
//! SQLite file, or the lab's MongoDB), and the flows the worker runs on it (`flows`).

pub mod flows;
pub mod model;
#[cfg(feature = "mongo")]
pub mod mongo;
#[cfg(any(test, feature = "mongo"))]
pub mod mongo_docs;
pub mod ops;
pub mod results;
pub mod sqlite;
pub mod store;

pub use model::{Amounts, Colour, InventoryError};
pub use store::Store;
