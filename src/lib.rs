//! ot2ctl: a fast, static client and worker for Prefect 3 that runs an Opentrons OT-2 lab.
//!
//! The crate is laid out the way the binary is used:
//! - [`cli`] holds the clap definitions only (what the user can type);
//! - [`commands`] holds one module per command group (what each command does);
//! - [`api`] is the typed Prefect REST client, the only code that speaks HTTP;
//! - [`config`] resolves settings from flags, env and profile files;
//! - [`lab`] is the declarative lab set-up (plan and apply);
//! - [`output`] renders tables and JSON;
//! - [`bounded`] reads every number and file a person gives within a documented range.

pub mod api;
pub mod bounded;
pub mod cli;
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
pub mod pysource;
pub mod worker;
