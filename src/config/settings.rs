//! Resolving settings and remembering where each value came from.

use std::collections::BTreeMap;
use std::fmt;
use std::path::PathBuf;
use std::time::Duration;

use anyhow::Result;

use super::env::Env;
use super::paths::{ot2ctl_profiles_path, prefect_profiles_path};
use super::profiles::{ProfilesFile, StoredValue};
use super::secrets::{SecretStore, os_keyring};
use crate::api::{Credential, Secret};
use crate::bounded;
use crate::error::UsageError;

/// A setting ot2ctl understands. Names are Prefect's, so env vars and profiles are shared.
#[derive(Debug)]
pub struct SettingDef {
    pub name: &'static str,
    /// Secrets are never printed and go to the OS keyring when one exists.
    pub secret: bool,
    pub default: Option<&'static str>,
    pub help: &'static str,
    /// What a value must be; `config set` refuses anything else, as every command would.
    pub kind: ValueKind,
}

/// The shape of a setting's value.
#[derive(Debug, Clone, Copy)]
pub enum ValueKind {
    /// An http:// or https:// URL.
    Url,
    /// Any text that is not empty.
    Text,
    /// Seconds between `min` and `max`.
    Seconds { min: f64, max: f64 },
    /// A whole number between `min` and `max`.
    Count { min: u64, max: u64 },
}

impl SettingDef {
    /// Why `value` cannot be this setting's value, if it cannot.
    pub fn check(&self, value: &str) -> Result<(), String> {
        if value.trim().is_empty() {
            return Err(format!(
                "{} needs a value; to remove it use `ot2ctl config unset {}`",
                self.name, self.name
            ));
        }
        let problem = match self.kind {
            ValueKind::Url if !(value.starts_with("http://") || value.starts_with("https://")) => {
                Some("must start with http:// or https:// (e.g. http://127.0.0.1:4200/api)".into())
            }
            ValueKind::Url | ValueKind::Text => None,
            ValueKind::Seconds { min, max } => bounded::seconds(value, min, max).err(),
            ValueKind::Count { min, max } => bounded::whole(value, min, max).err(),
        };
        match problem {
            Some(problem) => Err(format!("{} {problem}", self.name)),
            None => Ok(()),
        }
    }
}

pub const API_URL: &str = "PREFECT_API_URL";
pub const API_KEY: &str = "PREFECT_API_KEY";
pub const API_AUTH_STRING: &str = "PREFECT_API_AUTH_STRING";
pub const REQUEST_TIMEOUT: &str = "PREFECT_API_REQUEST_TIMEOUT";
pub const MAX_RETRIES: &str = "PREFECT_CLIENT_MAX_RETRIES";

pub const SETTINGS: &[SettingDef] = &[
    SettingDef {
        name: API_URL,
        secret: false,
        default: None,
        help: "base URL of the Prefect API, ending in /api",
        kind: ValueKind::Url,
    },
    SettingDef {
        name: API_KEY,
        secret: true,
        default: None,
        help: "Prefect Cloud API key, sent as a Bearer token",
        kind: ValueKind::Text,
    },
    SettingDef {
        name: API_AUTH_STRING,
        secret: true,
        default: None,
        help: "user:password of a self-hosted server with basic auth (wins over the API key)",
        kind: ValueKind::Text,
    },
    SettingDef {
        name: REQUEST_TIMEOUT,
        secret: false,
        default: Some("60"),
        help: "seconds before a request to the API is abandoned (0.1 to 86400)",
        kind: ValueKind::Seconds {
            min: 0.1,
            max: bounded::DAY,
        },
    },
    SettingDef {
        name: MAX_RETRIES,
        secret: false,
        default: Some("5"),
        help: "retries of a request that failed with 429, 502, 503, 504 or a dropped connection (0 to 100)",
        kind: ValueKind::Count { min: 0, max: 100 },
    },
];

pub const PROFILE_ENV: &str = "PREFECT_PROFILE";

/// The definition of a setting, or a usage error listing the known ones.
pub fn setting_def(name: &str) -> Result<&'static SettingDef, UsageError> {
    SETTINGS.iter().find(|def| def.name == name).ok_or_else(|| {
        let known: Vec<&str> = SETTINGS.iter().map(|def| def.name).collect();
        UsageError::new(format!(
            "unknown setting '{name}'; ot2ctl knows {}",
            known.join(", ")
        ))
    })
}

/// Where a value came from, as `config view` shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    Flag(&'static str),
    Env,
    Ot2ctlProfile { profile: String, path: PathBuf },
    PrefectProfile { profile: String, path: PathBuf },
    Keyring { profile: String },
    Default,
}

impl fmt::Display for Source {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Source::Flag(flag) => write!(f, "flag {flag}"),
            Source::Env => write!(f, "env"),
            Source::Ot2ctlProfile { profile, path } => {
                write!(f, "profile '{profile}' in {}", path.display())
            }
            Source::PrefectProfile { profile, path } => {
                write!(f, "Prefect profile '{profile}' in {}", path.display())
            }
            Source::Keyring { profile } => write!(f, "OS keyring, profile '{profile}'"),
            Source::Default => write!(f, "default"),
        }
    }
}

/// A value and its origin.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Resolved {
    pub value: String,
    pub source: Source,
}

/// What the command line asked for, above everything else.
#[derive(Debug, Default, Clone)]
pub struct Overrides {
    pub api_url: Option<String>,
    pub profile: Option<String>,
}

/// Everything settings are resolved from; real or, in tests, made up.
pub struct Inputs<'a> {
    pub env: &'a dyn Fn(&str) -> Option<String>,
    pub ot2ctl: &'a ProfilesFile,
    pub prefect: Option<&'a ProfilesFile>,
    pub keyring: Option<&'a dyn SecretStore>,
}

/// The resolved settings of one invocation.
#[derive(Debug)]
pub struct Settings {
    /// The selected profile, if any, and why it was selected.
    pub profile: Option<Resolved>,
    values: BTreeMap<&'static str, Resolved>,
    /// Problems worth telling the user once (a keyring entry gone, an unknown active profile).
    pub warnings: Vec<String>,
}

impl Settings {
    /// Resolves from the environment, profiles files and OS keyring.
    pub fn load(overrides: &Overrides, env: &Env) -> Result<Settings> {
        let env = |name: &str| env.setting(name);
        let ot2ctl = ProfilesFile::load(&ot2ctl_profiles_path(&env)?)?;
        let prefect = match prefect_profiles_path(&env) {
            Some(path) => Some(ProfilesFile::load(&path)?).filter(ProfilesFile::exists),
            None => None,
        };
        // The keyring is only touched when a profile says a secret lives there.
        let keyring = os_keyring(&env);
        Settings::resolve(
            overrides,
            &Inputs {
                env: &env,
                ot2ctl: &ot2ctl,
                prefect: prefect.as_ref(),
                keyring: keyring.as_deref(),
            },
        )
    }

    pub fn resolve(overrides: &Overrides, inputs: &Inputs<'_>) -> Result<Settings> {
        let mut warnings = Vec::new();
        let profile = select_profile(overrides, inputs, &mut warnings)?;
        let mut values = BTreeMap::new();
        for def in SETTINGS {
            let resolved = resolve_one(def, overrides, inputs, profile.as_ref(), &mut warnings);
            if let Some(resolved) = resolved {
                values.insert(def.name, resolved);
            }
        }
        Ok(Settings {
            profile,
            values,
            warnings,
        })
    }

    pub fn get(&self, name: &str) -> Option<&Resolved> {
        self.values.get(name)
    }

    pub fn profile_name(&self) -> Option<&str> {
        self.profile.as_ref().map(|p| p.value.as_str())
    }

    /// The API URL, or a usage error saying how to set one.
    pub fn api_url(&self) -> Result<&Resolved, UsageError> {
        self.get(API_URL).ok_or_else(|| {
            UsageError::new(
                "no Prefect API URL is configured; pass --api-url, set PREFECT_API_URL \
                 (e.g. http://127.0.0.1:4200/api), or run `ot2ctl config set PREFECT_API_URL=...`",
            )
        })
    }

    /// Where to connect and with what: the API URL without any user and password written
    /// into it, and the credential. A user and password in the URL become the basic-auth
    /// credential (as httpx sends them for Prefect); they never travel on in the URL, where
    /// they would be printed and logged. When an auth string or key is set as well and says
    /// something else, which one was meant cannot be told: that is refused, not guessed.
    pub fn connection(&self) -> Result<(String, Credential), UsageError> {
        let url = self.api_url()?;
        let credential = self.credential();
        match crate::api::redact::split_credentials(&url.value) {
            None => Ok((url.value.clone(), credential)),
            Some((secret, bare)) => match credential {
                Credential::None => Ok((
                    bare,
                    Credential::AuthString {
                        secret: Secret::new(secret),
                        origin: format!("the user and password in {API_URL} (from {})", url.source),
                    },
                )),
                Credential::AuthString {
                    secret: explicit, ..
                } if explicit.expose() == secret => Ok((bare, self.credential())),
                Credential::AuthString { origin, .. } | Credential::ApiKey { origin, .. } => {
                    let url_origin = match &url.source {
                        Source::Flag(flag) => format!("the URL given to {flag}"),
                        other => format!("{API_URL} (from {other})"),
                    };
                    Err(UsageError::new(format!(
                        "{url_origin} carries a user and password, and {origin} is set too; \
                         keep one: take them out of the URL, or unset the other"
                    )))
                }
            },
        }
    }

    /// The credential to send. Like Prefect, the auth string wins over the API key.
    pub fn credential(&self) -> Credential {
        let origin = |name: &str, resolved: &Resolved| format!("{name} from {}", resolved.source);
        if let Some(auth) = self.get(API_AUTH_STRING) {
            return Credential::AuthString {
                secret: Secret::new(auth.value.clone()),
                origin: origin(API_AUTH_STRING, auth),
            };
        }
        if let Some(key) = self.get(API_KEY) {
            return Credential::ApiKey {
                secret: Secret::new(key.value.clone()),
                origin: origin(API_KEY, key),
            };
        }
        Credential::None
    }

    pub fn request_timeout(&self) -> Result<Duration, UsageError> {
        let text = self.checked(REQUEST_TIMEOUT)?;
        let ValueKind::Seconds { min, max } = setting_def(REQUEST_TIMEOUT)?.kind else {
            unreachable!("{REQUEST_TIMEOUT} is a number of seconds")
        };
        let seconds = bounded::seconds(text, min, max).map_err(UsageError::new)?;
        Ok(seconds.duration())
    }

    pub fn max_retries(&self) -> Result<u32, UsageError> {
        let text = self.checked(MAX_RETRIES)?;
        let ValueKind::Count { min, max } = setting_def(MAX_RETRIES)?.kind else {
            unreachable!("{MAX_RETRIES} is a count")
        };
        let count = bounded::whole(text, min, max).map_err(UsageError::new)?;
        Ok(u32::try_from(count).expect("the range fits a u32"))
    }

    /// A setting with a default, checked against its kind: the error names where the value
    /// came from, so that a bad value in a profile or the environment is found and fixed.
    fn checked(&self, name: &str) -> Result<&str, UsageError> {
        let resolved = self.get(name).expect("setting has a default");
        let def = setting_def(name)?;
        def.check(&resolved.value).map_err(|problem| {
            UsageError::new(format!(
                "{problem} (from {}); fix it with `ot2ctl config set {name}=...`",
                resolved.source
            ))
        })?;
        Ok(&resolved.value)
    }
}

fn select_profile(
    overrides: &Overrides,
    inputs: &Inputs<'_>,
    warnings: &mut Vec<String>,
) -> Result<Option<Resolved>> {
    let chosen = if let Some(name) = &overrides.profile {
        Some(Resolved {
            value: name.clone(),
            source: Source::Flag("--profile"),
        })
    } else if let Some(name) = (inputs.env)(PROFILE_ENV) {
        Some(Resolved {
            value: name,
            source: Source::Env,
        })
    } else if let Some(name) = inputs.ot2ctl.active() {
        Some(Resolved {
            value: name.to_string(),
            source: Source::Ot2ctlProfile {
                profile: name.to_string(),
                path: inputs.ot2ctl.path.clone(),
            },
        })
    } else {
        inputs.prefect.and_then(|prefect| {
            prefect.active().map(|name| Resolved {
                value: name.to_string(),
                source: Source::PrefectProfile {
                    profile: name.to_string(),
                    path: prefect.path.clone(),
                },
            })
        })
    };
    let Some(chosen) = chosen else {
        return Ok(None);
    };
    let known = inputs.ot2ctl.has_profile(&chosen.value)
        || inputs.prefect.is_some_and(|p| p.has_profile(&chosen.value));
    if !known {
        let message = format!(
            "profile '{}' (from {}) does not exist; `ot2ctl profile ls` lists the profiles",
            chosen.value, chosen.source
        );
        if matches!(chosen.source, Source::Flag(_) | Source::Env) {
            return Err(UsageError::new(message).into());
        }
        warnings.push(message);
    }
    Ok(Some(chosen))
}

fn resolve_one(
    def: &SettingDef,
    overrides: &Overrides,
    inputs: &Inputs<'_>,
    profile: Option<&Resolved>,
    warnings: &mut Vec<String>,
) -> Option<Resolved> {
    if def.name == API_URL
        && let Some(url) = &overrides.api_url
    {
        return Some(Resolved {
            value: url.clone(),
            source: Source::Flag("--api-url"),
        });
    }
    if let Some(value) = (inputs.env)(def.name) {
        return Some(Resolved {
            value,
            source: Source::Env,
        });
    }
    if let Some(profile) = profile.map(|p| p.value.as_str()) {
        match inputs.ot2ctl.setting(profile, def.name) {
            Some(StoredValue::Text(value)) => {
                return Some(Resolved {
                    value,
                    source: Source::Ot2ctlProfile {
                        profile: profile.to_string(),
                        path: inputs.ot2ctl.path.clone(),
                    },
                });
            }
            Some(StoredValue::InKeyring) => {
                if let Some(resolved) = read_keyring(def.name, profile, inputs, warnings) {
                    return Some(resolved);
                }
            }
            None => {}
        }
        if let Some(StoredValue::Text(value)) =
            inputs.prefect.and_then(|p| p.setting(profile, def.name))
        {
            return Some(Resolved {
                value,
                source: Source::PrefectProfile {
                    profile: profile.to_string(),
                    path: inputs.prefect.expect("checked above").path.clone(),
                },
            });
        }
    }
    def.default.map(|value| Resolved {
        value: value.to_string(),
        source: Source::Default,
    })
}

fn read_keyring(
    name: &str,
    profile: &str,
    inputs: &Inputs<'_>,
    warnings: &mut Vec<String>,
) -> Option<Resolved> {
    let reset_hint = format!("set it again with `ot2ctl config set {name}=...`");
    let Some(keyring) = inputs.keyring else {
        warnings.push(format!(
            "{name} of profile '{profile}' is kept in the OS keyring, which this ot2ctl cannot use; {reset_hint}"
        ));
        return None;
    };
    match keyring.get(profile, name) {
        Ok(Some(value)) => Some(Resolved {
            value,
            source: Source::Keyring {
                profile: profile.to_string(),
            },
        }),
        Ok(None) => {
            warnings.push(format!(
                "{name} of profile '{profile}' should be in the OS keyring but is not there \
                 (Linux kernel keyrings are emptied on reboot); {reset_hint}"
            ));
            None
        }
        Err(err) => {
            warnings.push(format!(
                "cannot read {name} of profile '{profile}' from the OS keyring ({err}); {reset_hint}"
            ));
            None
        }
    }
}

/// Whether a setting's value must never be shown: ot2ctl's own secrets, and any other
/// setting a Prefect profile may hold whose name says it is one.
pub fn is_secret(name: &str) -> bool {
    if let Ok(def) = setting_def(name) {
        return def.secret;
    }
    [
        "KEY",
        "SECRET",
        "PASSWORD",
        "TOKEN",
        "AUTH",
        "CONNECTION_URL",
    ]
    .iter()
    .any(|word| name.contains(word))
}

/// What a secret looks like on screen.
pub fn mask(_secret: &str) -> &'static str {
    "********"
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::cell::RefCell;
    use std::collections::HashMap;
    use std::path::Path;

    struct FakeKeyring(RefCell<HashMap<String, String>>);

    impl SecretStore for FakeKeyring {
        fn get(&self, profile: &str, setting: &str) -> Result<Option<String>, String> {
            Ok(self
                .0
                .borrow()
                .get(&format!("{profile}/{setting}"))
                .cloned())
        }
        fn set(&self, profile: &str, setting: &str, value: &str) -> Result<(), String> {
            self.0
                .borrow_mut()
                .insert(format!("{profile}/{setting}"), value.into());
            Ok(())
        }
        fn delete(&self, profile: &str, setting: &str) -> Result<(), String> {
            self.0.borrow_mut().remove(&format!("{profile}/{setting}"));
            Ok(())
        }
    }

    fn file(dir: &Path, name: &str, text: &str) -> ProfilesFile {
        let path = dir.join(name);
        std::fs::write(&path, text).unwrap();
        ProfilesFile::load(&path).unwrap()
    }

    fn env_of(pairs: &[(&str, &str)]) -> impl Fn(&str) -> Option<String> {
        let map: HashMap<String, String> = pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        move |name| map.get(name).cloned()
    }

    #[test]
    fn flags_beat_env_beat_ot2ctl_profile_beat_prefect_profile() {
        let dir = tempfile::tempdir().unwrap();
        let ours = file(
            dir.path(),
            "ours.toml",
            "active = \"lab\"\n[profiles.lab]\nPREFECT_API_URL = \"http://ours/api\"\n",
        );
        let prefect = file(
            dir.path(),
            "prefect.toml",
            "active = \"lab\"\n[profiles.lab]\nPREFECT_API_URL = \"http://prefect/api\"\nPREFECT_API_AUTH_STRING = \"u:p\"\n",
        );
        let env = env_of(&[("PREFECT_API_URL", "http://env/api")]);
        let inputs = Inputs {
            env: &env,
            ot2ctl: &ours,
            prefect: Some(&prefect),
            keyring: None,
        };

        let with_flag = Overrides {
            api_url: Some("http://flag/api".into()),
            profile: None,
        };
        let s = Settings::resolve(&with_flag, &inputs).unwrap();
        assert_eq!(s.api_url().unwrap().value, "http://flag/api");

        let s = Settings::resolve(&Overrides::default(), &inputs).unwrap();
        assert_eq!(s.api_url().unwrap().value, "http://env/api");
        assert_eq!(s.api_url().unwrap().source, Source::Env);
        // Not in our profile: falls through to the Prefect profile of the same name.
        let auth = s.get(API_AUTH_STRING).unwrap();
        assert_eq!(auth.value, "u:p");
        assert!(matches!(auth.source, Source::PrefectProfile { .. }));

        let no_env = env_of(&[]);
        let inputs = Inputs {
            env: &no_env,
            ..inputs
        };
        let s = Settings::resolve(&Overrides::default(), &inputs).unwrap();
        assert_eq!(s.api_url().unwrap().value, "http://ours/api");
        assert_eq!(s.get(REQUEST_TIMEOUT).unwrap().source, Source::Default);
    }

    #[test]
    fn prefect_active_profile_is_used_when_ot2ctl_has_none() {
        let dir = tempfile::tempdir().unwrap();
        let ours = ProfilesFile::load(&dir.path().join("missing.toml")).unwrap();
        let prefect = file(
            dir.path(),
            "prefect.toml",
            "active = \"local\"\n[profiles.local]\nPREFECT_API_URL = \"http://127.0.0.1:4200/api\"\n",
        );
        let env = env_of(&[]);
        let s = Settings::resolve(
            &Overrides::default(),
            &Inputs {
                env: &env,
                ot2ctl: &ours,
                prefect: Some(&prefect),
                keyring: None,
            },
        )
        .unwrap();
        assert_eq!(s.profile_name(), Some("local"));
        assert_eq!(s.api_url().unwrap().value, "http://127.0.0.1:4200/api");
    }

    #[test]
    fn unknown_profile_from_flag_is_a_usage_error() {
        let dir = tempfile::tempdir().unwrap();
        let ours = ProfilesFile::load(&dir.path().join("missing.toml")).unwrap();
        let env = env_of(&[]);
        let err = Settings::resolve(
            &Overrides {
                api_url: None,
                profile: Some("nope".into()),
            },
            &Inputs {
                env: &env,
                ot2ctl: &ours,
                prefect: None,
                keyring: None,
            },
        )
        .unwrap_err();
        assert!(err.is::<UsageError>());
        assert!(err.to_string().contains("profile 'nope'"));
    }

    #[test]
    fn keyring_values_resolve_and_missing_entries_warn() {
        let dir = tempfile::tempdir().unwrap();
        let ours = file(
            dir.path(),
            "ours.toml",
            "active = \"lab\"\n[profiles.lab]\nPREFECT_API_KEY = { stored_in = \"os-keyring\" }\n",
        );
        let keyring = FakeKeyring(RefCell::new(HashMap::new()));
        let env = env_of(&[]);
        let inputs = Inputs {
            env: &env,
            ot2ctl: &ours,
            prefect: None,
            keyring: Some(&keyring),
        };
        let s = Settings::resolve(&Overrides::default(), &inputs).unwrap();
        assert!(s.get(API_KEY).is_none());
        assert_eq!(s.warnings.len(), 1, "{:?}", s.warnings);

        keyring.set("lab", API_KEY, "pnu_secret").unwrap();
        let s = Settings::resolve(&Overrides::default(), &inputs).unwrap();
        let key = s.get(API_KEY).unwrap();
        assert_eq!(key.value, "pnu_secret");
        assert_eq!(
            key.source,
            Source::Keyring {
                profile: "lab".into()
            }
        );
        match s.credential() {
            Credential::ApiKey { origin, .. } => {
                assert_eq!(origin, "PREFECT_API_KEY from OS keyring, profile 'lab'")
            }
            other => panic!("unexpected credential {other:?}"),
        }
    }

    #[test]
    fn auth_string_wins_over_api_key() {
        let dir = tempfile::tempdir().unwrap();
        let ours = ProfilesFile::load(&dir.path().join("missing.toml")).unwrap();
        let env = env_of(&[("PREFECT_API_KEY", "k"), ("PREFECT_API_AUTH_STRING", "u:p")]);
        let s = Settings::resolve(
            &Overrides::default(),
            &Inputs {
                env: &env,
                ot2ctl: &ours,
                prefect: None,
                keyring: None,
            },
        )
        .unwrap();
        assert!(matches!(s.credential(), Credential::AuthString { .. }));
    }
}
