//! `prefect.yaml` without Python: reading it, templating it, deriving flow metadata from the
//! entrypoint's source text, and turning each entry into the deployment Prefect would store.

pub mod python;
pub mod yaml;
