//! Reading and writing profiles files in Prefect's TOML shape.
//!
//! ```toml
//! active = "lab"
//!
//! [profiles.lab]
//! PREFECT_API_URL = "http://robot-host:4200/api"
//! PREFECT_API_KEY = { stored_in = "os-keyring" }   # ot2ctl only: the value is in the OS keyring
//! ```
//!
//! The whole document is kept as a TOML table so that settings ot2ctl does not know survive a
//! rewrite.

use std::collections::BTreeMap;
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};

use crate::bounded;
use crate::error::UsageError;

/// The top-level keys of the file: the active profile's name, and the profiles.
const ACTIVE: &str = "active";
const PROFILES: &str = "profiles";

/// The marker value meaning "this secret lives in the OS keyring".
const KEYRING_MARKER_KEY: &str = "stored_in";
const KEYRING_MARKER_VALUE: &str = "os-keyring";

/// A setting's value as stored in a profile.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StoredValue {
    Text(String),
    /// The value is kept in the OS keyring under this profile and setting name.
    InKeyring,
}

/// One profiles file, loaded whole.
#[derive(Debug, Clone)]
pub struct ProfilesFile {
    pub path: PathBuf,
    exists: bool,
    doc: toml::Table,
}

impl ProfilesFile {
    /// Loads the file; a missing file is an empty set of profiles.
    pub fn load(path: &Path) -> Result<Self> {
        let text = match bounded::read_text(path) {
            Ok(text) => text,
            Err(err) if err.is_not_found() => {
                return Ok(ProfilesFile {
                    path: path.to_path_buf(),
                    exists: false,
                    doc: toml::Table::new(),
                });
            }
            Err(err) => {
                return Err(
                    UsageError::new(format!("cannot read {}: {err}", path.display())).into(),
                );
            }
        };
        let doc = text
            .parse::<toml::Table>()
            .map_err(|err| UsageError::new(toml_error_line(path, &text, &err)))?;
        Ok(ProfilesFile {
            path: path.to_path_buf(),
            exists: true,
            doc,
        })
    }

    pub fn exists(&self) -> bool {
        self.exists
    }

    pub fn active(&self) -> Option<&str> {
        self.doc.get(ACTIVE).and_then(toml::Value::as_str)
    }

    pub fn set_active(&mut self, name: &str) {
        self.doc
            .insert(ACTIVE.into(), toml::Value::String(name.into()));
    }

    pub fn has_profile(&self, name: &str) -> bool {
        self.profiles().is_some_and(|p| p.contains_key(name))
    }

    pub fn profile_names(&self) -> Vec<String> {
        self.profiles()
            .map(|p| p.keys().cloned().collect())
            .unwrap_or_default()
    }

    /// The settings of one profile, in name order.
    pub fn settings(&self, profile: &str) -> BTreeMap<String, StoredValue> {
        let Some(table) = self.profile_table(profile) else {
            return BTreeMap::new();
        };
        table
            .iter()
            .filter_map(|(key, value)| Some((key.clone(), stored_value(value)?)))
            .collect()
    }

    pub fn setting(&self, profile: &str, name: &str) -> Option<StoredValue> {
        self.profile_table(profile)?
            .get(name)
            .and_then(stored_value)
    }

    /// Sets one setting, creating the profile when needed.
    pub fn set_setting(&mut self, profile: &str, name: &str, value: StoredValue) {
        let value = match value {
            StoredValue::Text(text) => toml::Value::String(text),
            StoredValue::InKeyring => {
                let mut marker = toml::Table::new();
                marker.insert(
                    KEYRING_MARKER_KEY.into(),
                    toml::Value::String(KEYRING_MARKER_VALUE.into()),
                );
                toml::Value::Table(marker)
            }
        };
        self.profile_table_mut(profile).insert(name.into(), value);
    }

    /// Removes one setting; returns whether it was there.
    pub fn remove_setting(&mut self, profile: &str, name: &str) -> bool {
        self.profiles_mut()
            .get_mut(profile)
            .and_then(toml::Value::as_table_mut)
            .is_some_and(|table| table.remove(name).is_some())
    }

    /// Creates an empty profile; returns false when it already exists.
    pub fn create_profile(&mut self, name: &str) -> bool {
        if self.has_profile(name) {
            return false;
        }
        self.profile_table_mut(name);
        true
    }

    pub fn delete_profile(&mut self, name: &str) -> bool {
        self.profiles_mut().remove(name).is_some()
    }

    /// Changes the profiles file at `path` without losing anyone else's change: under an
    /// exclusive lock the file is read again, `change` is applied to what it holds now, and
    /// the result replaces it atomically (mode 0600: it may hold credentials). Nothing is
    /// written when `change` fails or changes nothing.
    pub fn update<T>(
        path: &Path,
        change: impl FnOnce(&mut ProfilesFile) -> Result<T>,
    ) -> Result<T> {
        with_lock(path, || {
            let mut file = ProfilesFile::load(path)?;
            let before = file.doc.clone();
            let result = change(&mut file)?;
            if file.doc != before {
                file.save()?;
            }
            Ok(result)
        })
    }

    /// Writes the file atomically with mode 0600. Callers hold the lock ([`Self::update`]).
    fn save(&self) -> Result<()> {
        let text = toml::to_string_pretty(&self.doc).context("cannot encode the profiles file")?;
        write_private_file(&self.path, text.as_bytes())
    }

    fn profiles(&self) -> Option<&toml::Table> {
        self.doc.get(PROFILES).and_then(toml::Value::as_table)
    }

    fn profiles_mut(&mut self) -> &mut toml::Table {
        let entry = self
            .doc
            .entry(PROFILES)
            .or_insert_with(|| toml::Value::Table(toml::Table::new()));
        if !entry.is_table() {
            *entry = toml::Value::Table(toml::Table::new());
        }
        entry.as_table_mut().expect("profiles is a table")
    }

    fn profile_table(&self, name: &str) -> Option<&toml::Table> {
        self.profiles()?.get(name)?.as_table()
    }

    fn profile_table_mut(&mut self, name: &str) -> &mut toml::Table {
        let entry = self
            .profiles_mut()
            .entry(name)
            .or_insert_with(|| toml::Value::Table(toml::Table::new()));
        if !entry.is_table() {
            *entry = toml::Value::Table(toml::Table::new());
        }
        entry.as_table_mut().expect("profile is a table")
    }
}

/// Prefect writes every value as a string; accept numbers and booleans a person may have typed.
fn stored_value(value: &toml::Value) -> Option<StoredValue> {
    match value {
        toml::Value::String(text) => Some(StoredValue::Text(text.clone())),
        toml::Value::Integer(n) => Some(StoredValue::Text(n.to_string())),
        toml::Value::Float(n) => Some(StoredValue::Text(n.to_string())),
        toml::Value::Boolean(b) => Some(StoredValue::Text(b.to_string())),
        toml::Value::Table(table)
            if table.get(KEYRING_MARKER_KEY).and_then(toml::Value::as_str)
                == Some(KEYRING_MARKER_VALUE) =>
        {
            Some(StoredValue::InKeyring)
        }
        _ => None,
    }
}

/// `path:line:column: message` for a TOML syntax error.
fn toml_error_line(path: &Path, text: &str, err: &toml::de::Error) -> String {
    let message = err.message().trim().replace('\n', " ");
    match err.span() {
        Some(span) => {
            let (line, column) = line_column(text, span.start);
            format!("{}:{line}:{column}: {message}", path.display())
        }
        None => format!("{}: {message}", path.display()),
    }
}

/// 1-based line and column (in characters) of a byte offset.
pub fn line_column(text: &str, offset: usize) -> (usize, usize) {
    let before = &text[..offset.min(text.len())];
    let line = before.matches('\n').count() + 1;
    let column = before
        .rsplit('\n')
        .next()
        .map_or(0, |last| last.chars().count())
        + 1;
    (line, column)
}

/// Runs `work` while holding an exclusive lock on `path` (through `<path>.lock`, so that the
/// file itself can be replaced): writers of a shared file take turns, and none loses
/// another's change. Temporary files a writer killed mid-write left behind (they may hold
/// credentials) are removed first: under the lock no other writer can be using one.
pub fn with_lock<T>(path: &Path, work: impl FnOnce() -> Result<T>) -> Result<T> {
    let dir = parent_dir(path);
    create_private_dir(dir)?;
    let lock_path = dir.join(format!("{}.lock", file_name(path)));
    let mut options = fs::OpenOptions::new();
    options.write(true).create(true).truncate(false);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    let lock = options
        .open(&lock_path)
        .with_context(|| format!("cannot open {}", lock_path.display()))?;
    lock.lock()
        .with_context(|| format!("cannot lock {}", lock_path.display()))?;
    remove_stale_temporaries(path);
    let result = work();
    drop(lock);
    result
}

/// Writes `contents` to `path` through a temporary file in the same directory, so a crash
/// never leaves half a file, with permissions 0600 (directory 0700) on Unix. The temporary
/// file is removed on every path that returns; one left by a killed process is removed by
/// the next [`with_lock`] on the same file.
pub fn write_private_file(path: &Path, contents: &[u8]) -> Result<()> {
    let dir = parent_dir(path);
    create_private_dir(dir)?;
    let tmp = dir.join(format!(
        "{}{}-{}",
        temporary_prefix(path),
        std::process::id(),
        fastrand::u64(..)
    ));
    let mut options = fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    let write = || -> std::io::Result<()> {
        let mut file = options.open(&tmp)?;
        file.write_all(contents)?;
        file.sync_all()?;
        fs::rename(&tmp, path)
    };
    write()
        .inspect_err(|_| {
            let _ = fs::remove_file(&tmp);
        })
        .with_context(|| format!("cannot write {}", path.display()))
}

fn parent_dir(path: &Path) -> &Path {
    path.parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."))
}

fn file_name(path: &Path) -> &str {
    path.file_name().and_then(|n| n.to_str()).unwrap_or("file")
}

/// `.profiles.toml.tmp-`: what every temporary file of `path` is named from.
fn temporary_prefix(path: &Path) -> String {
    format!(".{}.tmp-", file_name(path))
}

fn remove_stale_temporaries(path: &Path) {
    let prefix = temporary_prefix(path);
    let Ok(entries) = fs::read_dir(parent_dir(path)) else {
        return;
    };
    for entry in entries.flatten() {
        if entry
            .file_name()
            .to_str()
            .is_some_and(|n| n.starts_with(&prefix))
        {
            let _ = fs::remove_file(entry.path());
        }
    }
}

fn create_private_dir(dir: &Path) -> Result<()> {
    if dir.is_dir() {
        return Ok(());
    }
    let mut builder = fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt;
        builder.mode(0o700);
    }
    builder
        .create(dir)
        .with_context(|| format!("cannot create {}", dir.display()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_values_and_keyring_markers() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("sub/profiles.toml");
        assert!(!ProfilesFile::load(&path).unwrap().exists());
        ProfilesFile::update(&path, |file| {
            file.set_active("lab");
            file.set_setting(
                "lab",
                "PREFECT_API_URL",
                StoredValue::Text("http://x/api".into()),
            );
            file.set_setting("lab", "PREFECT_API_KEY", StoredValue::InKeyring);
            Ok(())
        })
        .unwrap();

        let again = ProfilesFile::load(&path).unwrap();
        assert_eq!(again.active(), Some("lab"));
        assert_eq!(
            again.setting("lab", "PREFECT_API_URL"),
            Some(StoredValue::Text("http://x/api".into()))
        );
        assert_eq!(
            again.setting("lab", "PREFECT_API_KEY"),
            Some(StoredValue::InKeyring)
        );
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = fs::metadata(&path).unwrap().permissions().mode() & 0o777;
            assert_eq!(mode, 0o600);
        }
    }

    #[test]
    fn keeps_settings_it_does_not_know() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("profiles.toml");
        fs::write(
            &path,
            "active = \"a\"\n[profiles.a]\nPREFECT_LOGGING_LEVEL = \"DEBUG\"\n",
        )
        .unwrap();
        ProfilesFile::update(&path, |file| {
            file.set_setting("a", "PREFECT_API_URL", StoredValue::Text("u".into()));
            Ok(())
        })
        .unwrap();
        let text = fs::read_to_string(&path).unwrap();
        assert!(text.contains("PREFECT_LOGGING_LEVEL = \"DEBUG\""), "{text}");
    }

    #[test]
    fn syntax_errors_name_file_line_and_column() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("profiles.toml");
        fs::write(&path, "active = \"a\"\n[profiles.a\n").unwrap();
        let err = ProfilesFile::load(&path).unwrap_err().to_string();
        assert!(err.starts_with(&format!("{}:2:", path.display())), "{err}");
        assert!(!err.contains('\n'));
    }

    #[test]
    fn concurrent_writers_keep_every_change_and_leave_no_temporary_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("profiles.toml");
        // A temporary file a killed writer left behind, holding a key.
        fs::write(dir.path().join(".profiles.toml.tmp-99999-1"), "KEY").unwrap();
        std::thread::scope(|scope| {
            for n in 0..20 {
                let path = &path;
                scope.spawn(move || {
                    ProfilesFile::update(path, |file| {
                        file.create_profile(&format!("p{n}"));
                        Ok(())
                    })
                    .unwrap();
                });
            }
        });
        let file = ProfilesFile::load(&path).unwrap();
        assert_eq!(file.profile_names().len(), 20, "{:?}", file.profile_names());
        let left: Vec<_> = fs::read_dir(dir.path())
            .unwrap()
            .flatten()
            .map(|e| e.file_name().to_string_lossy().to_string())
            .filter(|n| n.contains(".tmp-"))
            .collect();
        assert!(left.is_empty(), "{left:?}");
    }

    #[test]
    fn line_column_counts_from_one() {
        assert_eq!(line_column("ab\ncd", 0), (1, 1));
        assert_eq!(line_column("ab\ncd", 4), (2, 2));
    }
}
