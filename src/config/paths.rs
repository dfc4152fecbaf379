//! Where the profiles files live.

use std::path::PathBuf;

use anyhow::{Context, Result};

/// ot2ctl's own directory: `$OT2CTL_HOME`, else `<user config dir>/ot2ctl`.
///
/// `OT2CTL_HOME` exists for robots whose root filesystem is read-only (the OT-2 keeps
/// persistent state under `/data`).
pub fn ot2ctl_home(env: &dyn Fn(&str) -> Option<String>) -> Result<PathBuf> {
    if let Some(home) = env("OT2CTL_HOME").filter(|v| !v.is_empty()) {
        return Ok(PathBuf::from(home));
    }
    let config_dir = dirs::config_dir().context(
        "cannot find the user config directory; set OT2CTL_HOME to a writable directory",
    )?;
    Ok(config_dir.join("ot2ctl"))
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
