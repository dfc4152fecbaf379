//! The lab's 96-well plate: which wells are free, reserved by a run, or used, kept in the lab's
//! database beside the inventory (the rules in `model`, the picture's colours in `colour`, the
//! stores in `sqlite` and `mongo`, and the flows the worker runs on it in `flows` and `ops`).
//! A mix's well is chosen and reserved when its run is claimed, so two runs, on one robot or
//! on several, never mix into the same well.

pub mod colour;
pub mod flows;
pub mod model;
#[cfg(feature = "mongo")]
pub mod mongo;
#[cfg(any(test, feature = "mongo"))]
pub mod mongo_docs;
pub mod ops;
pub mod picture;
pub mod sqlite;
pub mod store;

pub use model::{Choice, Plate, PlateError, Well};
pub use store::Plates;
