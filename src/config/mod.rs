//! Settings: where ot2ctl finds the Prefect API and its credentials.
//!
//! Resolution order, highest first: command-line flags, environment variables, ot2ctl's own
//! profiles file (user config dir, or `$OT2CTL_HOME`), then the profiles file of an existing
//! Python Prefect installation (`~/.prefect/profiles.toml`), so a machine already set up for
//! Prefect works unchanged.

pub mod env;
pub mod paths;
pub mod profiles;
pub mod secrets;
pub mod settings;

pub use env::Env;
pub use settings::{Settings, Source};
