//! Declarative lab set-up: a YAML file says which work pools and queues exist; ot2ctl makes
//! the server match it, creating what is missing and updating what differs.
//!
//! [`spec`] reads and validates the file (every error points at file:line:column), [`plan`]
//! compares it with the server's state, simulating how the server renumbers queue priorities,
//! so that a dry run shows exactly what a real run will do.

pub mod plan;
pub mod spec;
pub mod zombies;
