//! ot2ctl: a fast, static client and worker for Prefect 3 that runs an Opentrons OT-2 lab.
//!
//! The crate is laid out the way the binary is used, each module on a floor that imports only
//! from floors below it (`tests/architecture.rs`; docs/architecture.md draws them):
//! - [`api`]: the typed Prefect REST client and robot-server client, the only code that speaks
//!   HTTP, and the wire formats as types;
//! - [`bounded`]: every number and file a person gives, within a documented range;
//! - [`colour`]: sRGB, L\*a\*b\*, the CIEDE2000 difference, the colour sensor's channels;
//! - [`params`]: `--param` and JSON a person types, read strictly;
//! - [`pysource`]: just enough Python (tokens, literals) to read flows and protocols;
//! - [`yaml_file`]: a YAML file's text and its errors as one line;
//! - [`error`]: the errors people see and the exit codes scripts rely on;
//! - [`output`]: the printer (results on stdout, notes on stderr), tables, JSON;
//! - [`executor`]: what every way of running a flow run gets and returns, child processes,
//!   pull steps;
//! - [`config`]: settings from flags, environment and profile files, secrets in the keyring;
//! - [`lab`]: the declarative lab set-up (plan and apply);
//! - [`cli`]: the clap definitions only (what a person can type);
//! - [`store`]: the lab's database (SQLite or MongoDB), opened for the inventory and the plate;
//! - [`inventory`]: the paint inventory's rules, stores and flows;
//! - [`plate`]: the 96-well plate's wells (free, reserved, used), their stores and flows;
//! - [`ot2`]: running OT-2 protocols (on the robot, with `opentrons_execute`, simulated);
//! - [`sensor`]: the wireless colour sensor over MQTT (its contract, one reading);
//! - [`entrypoint`]: what a deployment's entrypoint names;
//! - [`worker`]: the worker loop, claims, takeover, and every state proposal;
//! - [`deploy`]: prefect.yaml to deployments, without Python;
//! - [`commands`]: one module per command group, what each command does.

pub mod api;
pub mod bounded;
pub mod campaign;
pub mod cli;
pub mod colour;
pub mod commands;
pub mod config;
pub mod deploy;
pub mod entrypoint;
pub mod error;
pub mod executor;
pub mod inventory;
pub mod lab;
pub mod ot2;
pub mod output;
pub mod params;
pub mod plate;
pub mod pysource;
pub mod sensor;
pub mod store;
pub mod worker;
pub mod yaml_file;
