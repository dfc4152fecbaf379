//! Why the lab's database cannot be used: one error for every back end, which the inventory
//! and the plate turn into their own.

/// Why the database cannot be used; the message is for people.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum StoreError {
    /// The configuration names no usable store.
    #[error("{0}")]
    Invalid(String),
    /// The store itself failed (file, server).
    #[error("{0}")]
    Failed(String),
}
