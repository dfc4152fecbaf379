//! `prefect.yaml` without Python: reading it, templating it, deriving flow metadata from the
//! entrypoint's source text, and turning each entry into the deployment Prefect would store.

pub mod automations;
pub mod body;
pub mod compare;
pub mod prepare;
pub mod project;
pub mod python;
pub mod schedule;
pub mod steps;
pub mod template;
pub mod triggers;
pub mod yaml;
