//! A colour-matching campaign: mix, measure, compare with the target, propose the next
//! recipe, until the measured colour is within the tolerance of the target or the budget is
//! spent. The record (`model`) is kept in a file of its own after every change (`store`),
//! so a campaign killed at any point resumes without repeating or losing a step; the next
//! recipe comes from the record alone (`optimiser`), so a resumed campaign proposes what the
//! first would have. The flow runs themselves are made by `ot2ctl campaign`
//! (`crate::commands::campaign`), through the lab's deployments.

pub mod model;
pub mod optimiser;
pub mod picture;
pub mod store;

pub use model::{Campaign, CampaignError, Ending, Step};
pub use optimiser::Optimiser;
pub use store::CampaignStore;
