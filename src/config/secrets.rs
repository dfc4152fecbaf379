//! Secrets in the OS keyring (macOS Keychain, Windows Credential Manager, Linux keyutils).
//!
//! Every call here blocks, so ot2ctl makes them before the async runtime starts. Headless
//! machines (the OT-2, CI) often have no usable keyring: callers fall back to the 0600 profiles
//! file and say so.

/// Name under which ot2ctl's entries appear in the keyring.
pub const KEYRING_SERVICE: &str = "ot2ctl";

/// A place that keeps secrets outside the profiles file.
pub trait SecretStore {
    /// The stored secret, `Ok(None)` when there is no entry.
    fn get(&self, profile: &str, setting: &str) -> Result<Option<String>, String>;
    fn set(&self, profile: &str, setting: &str, value: &str) -> Result<(), String>;
    /// Removes the entry; a missing entry is not an error.
    fn delete(&self, profile: &str, setting: &str) -> Result<(), String>;
}

/// The OS keyring, unless this build has none or `OT2CTL_KEYRING=off` disables it.
pub fn os_keyring(env: &dyn Fn(&str) -> Option<String>) -> Option<Box<dyn SecretStore>> {
    let disabled = env("OT2CTL_KEYRING").is_some_and(|v| {
        matches!(
            v.to_ascii_lowercase().as_str(),
            "0" | "off" | "false" | "no"
        )
    });
    if disabled {
        return None;
    }
    platform_keyring()
}

#[cfg(all(
    feature = "keyring",
    any(target_os = "linux", target_os = "macos", target_os = "windows")
))]
fn platform_keyring() -> Option<Box<dyn SecretStore>> {
    Some(Box::new(OsKeyring))
}

#[cfg(not(all(
    feature = "keyring",
    any(target_os = "linux", target_os = "macos", target_os = "windows")
)))]
fn platform_keyring() -> Option<Box<dyn SecretStore>> {
    None
}

/// Entry user name: one entry per profile and setting.
pub fn entry_name(profile: &str, setting: &str) -> String {
    format!("{profile}/{setting}")
}

#[cfg(all(
    feature = "keyring",
    any(target_os = "linux", target_os = "macos", target_os = "windows")
))]
struct OsKeyring;

#[cfg(all(
    feature = "keyring",
    any(target_os = "linux", target_os = "macos", target_os = "windows")
))]
impl SecretStore for OsKeyring {
    fn get(&self, profile: &str, setting: &str) -> Result<Option<String>, String> {
        let entry = keyring::Entry::new(KEYRING_SERVICE, &entry_name(profile, setting))
            .map_err(|e| e.to_string())?;
        match entry.get_password() {
            Ok(value) => Ok(Some(value)),
            Err(keyring::Error::NoEntry) => Ok(None),
            Err(err) => Err(err.to_string()),
        }
    }

    fn set(&self, profile: &str, setting: &str, value: &str) -> Result<(), String> {
        let entry = keyring::Entry::new(KEYRING_SERVICE, &entry_name(profile, setting))
            .map_err(|e| e.to_string())?;
        entry.set_password(value).map_err(|e| match e {
            // keyutils answers NoEntry when the process has no session keyring to write to.
            keyring::Error::NoEntry => "no keyring is available to this process".to_string(),
            other => other.to_string(),
        })?;
        // Some backends accept a write they cannot read back (keyutils without a session);
        // a key we cannot read again must not be reported as stored.
        match entry.get_password() {
            Ok(stored) if stored == value => Ok(()),
            Ok(_) => Err("the keyring returned a different value after writing".into()),
            Err(err) => Err(format!(
                "the keyring cannot read back what it stored: {err}"
            )),
        }
    }

    fn delete(&self, profile: &str, setting: &str) -> Result<(), String> {
        let entry = keyring::Entry::new(KEYRING_SERVICE, &entry_name(profile, setting))
            .map_err(|e| e.to_string())?;
        match entry.delete_credential() {
            Ok(()) | Err(keyring::Error::NoEntry) => Ok(()),
            Err(err) => Err(err.to_string()),
        }
    }
}
