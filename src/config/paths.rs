//! Where the profiles files live.

use std::path::PathBuf;

use anyhow::{Context, Result};

/// ot2ctl's own directory: `$OT2CTL_HOME`, else `<user config dir>/ot2ctl`.
///
/// `OT2CTL_HOME` exists for robots whose root filesystem is read-only (the OT-2 keeps
/// persistent state under `/data`).
pub fn ot2ctl_home(env: &dyn Fn(&str) -> Option<String>) -> Result<PathBuf> {
    ot2ctl_dir(env, dirs::config_dir())
        .context("cannot find the user config directory; set OT2CTL_HOME to a writable directory")
}

/// Where ot2ctl keeps one kind of state: `$OT2CTL_HOME` when set (a robot keeps everything
/// in its one writable place), else `<base>/ot2ctl` (the user's config, data or cache
/// directory).
pub fn ot2ctl_dir(env: &dyn Fn(&str) -> Option<String>, base: Option<PathBuf>) -> Option<PathBuf> {
    match env("OT2CTL_HOME").filter(|v| !v.is_empty()) {
        Some(home) => Some(PathBuf::from(home)),
        None => base.map(|dir| dir.join("ot2ctl")),
    }
}

/// ot2ctl's own profiles file: `profiles.toml` in [`ot2ctl_home`].
pub fn ot2ctl_profiles_path(env: &dyn Fn(&str) -> Option<String>) -> Result<PathBuf> {
    Ok(ot2ctl_home(env)?.join("profiles.toml"))
}

/// The Python Prefect profiles file, found the way Prefect finds it:
/// `$PREFECT_PROFILES_PATH`, else `$PREFECT_HOME/profiles.toml`, else `~/.prefect/profiles.toml`.
pub fn prefect_profiles_path(env: &dyn Fn(&str) -> Option<String>) -> Option<PathBuf> {
    if let Some(path) = env("PREFECT_PROFILES_PATH").filter(|v| !v.is_empty()) {
        return Some(PathBuf::from(path));
    }
    if let Some(home) = env("PREFECT_HOME").filter(|v| !v.is_empty()) {
        return Some(PathBuf::from(home).join("profiles.toml"));
    }
    dirs::home_dir().map(|home| home.join(".prefect").join("profiles.toml"))
}
