//! The `Invocation` every command is handed.

use std::path::{Path, PathBuf};

use anyhow::Result;

use crate::config::settings::Overrides;
use crate::config::{Env, Settings};
use crate::output::Printer;

/// One command line being run, handed to every command: where its output goes, the environment and working
/// directory it runs in, and the flags that override settings. The binary makes one from the
/// process; tests make one per command, to run it in-process beside others.
#[derive(Debug, Clone)]
pub struct Invocation {
    pub printer: Printer,
    pub env: Env,
    pub cwd: PathBuf,
    pub overrides: Overrides,
}

impl Invocation {
    /// The settings, resolved from this invocation's flags, environment and profile files.
    pub fn settings(&self) -> Result<Settings> {
        Settings::load(&self.overrides, &self.env)
    }

    /// A setting's value in this invocation's environment (empty counts as not set).
    pub fn setting(&self, name: &str) -> Option<String> {
        self.env.setting(name)
    }

    /// A path a person gave, relative to this invocation's working directory.
    pub fn path(&self, path: &Path) -> PathBuf {
        self.cwd.join(path)
    }
}
