//! `ot2ctl config view|set|unset`.

use std::path::PathBuf;

use anyhow::{Result, anyhow};
use serde_json::{Map, Value, json};

use crate::cli::{ConfigCommand, SetArgs, UnsetArgs, ViewArgs};
use crate::commands::invocation::Invocation;
use crate::config::paths::ot2ctl_profiles_path;
use crate::config::profiles::{ProfilesFile, StoredValue};
use crate::config::secrets::os_keyring;
use crate::config::settings::{SETTINGS, SettingDef, mask, setting_def};
use crate::error::{UsageError, usage};
use crate::output::{self, OutputFormat};

/// The profile `config set` writes to when none is selected anywhere.
const DEFAULT_PROFILE: &str = "default";

pub fn run(command: ConfigCommand, invocation: &Invocation) -> Result<()> {
    match command {
        ConfigCommand::View(args) => view(invocation, args),
        ConfigCommand::Set(args) => set(invocation, args),
        ConfigCommand::Unset(args) => unset(invocation, args),
    }
}

fn view(invocation: &Invocation, args: ViewArgs) -> Result<()> {
    let printer = &invocation.printer;
    let settings = invocation.settings()?;
    for warning in &settings.warnings {
        printer.note(format_args!("warning: {warning}"));
    }
    let shown = |def: &SettingDef| {
        settings.get(def.name).map(|resolved| {
            let value = if def.secret {
                mask(&resolved.value).to_string()
            } else {
                resolved.value.clone()
            };
            (value, resolved.source.to_string())
        })
    };
    if args.output.output == OutputFormat::Json {
        let mut values = Map::new();
        for def in SETTINGS {
            let entry = match shown(def) {
                Some((value, source)) => json!({"value": value, "source": source}),
                None => Value::Null,
            };
            values.insert(def.name.to_string(), entry);
        }
        let profile = settings
            .profile
            .as_ref()
            .map(|p| json!({"name": p.value, "source": p.source.to_string()}));
        return printer.json(&json!({"profile": profile, "settings": values}));
    }
    match &settings.profile {
        Some(profile) => printer.line(format_args!(
            "Profile: {} (from {})",
            profile.value, profile.source
        )),
        None => printer.line("Profile: none"),
    }
    let mut table = output::table(&["SETTING", "VALUE", "SOURCE"]);
    for def in SETTINGS {
        let (value, source) = shown(def).unwrap_or_else(|| ("(not set)".into(), "-".into()));
        table.add_row(vec![def.name.to_string(), value, source]);
    }
    printer.table(table);
    Ok(())
}

/// ot2ctl's profiles file and the profile `set`/`unset` change: the selected one, else
/// [`DEFAULT_PROFILE`].
fn writable_profile(invocation: &Invocation) -> Result<(PathBuf, String)> {
    let path = ot2ctl_profiles_path(&|name| invocation.setting(name))?;
    let settings = invocation.settings()?;
    let profile = settings
        .profile_name()
        .unwrap_or(DEFAULT_PROFILE)
        .to_string();
    Ok((path, profile))
}

fn set(invocation: &Invocation, args: SetArgs) -> Result<()> {
    let printer = &invocation.printer;
    // Every pair is checked before anything is written.
    let mut pairs: Vec<(&'static SettingDef, String)> = Vec::new();
    for pair in &args.settings {
        let Some((name, value)) = pair.split_once('=') else {
            return usage(format!(
                "'{pair}' is not NAME=VALUE (e.g. PREFECT_API_URL=http://127.0.0.1:4200/api)"
            ));
        };
        let def = setting_def(name.trim())?;
        check_value(def, value)?;
        if pairs.iter().any(|(seen, _)| seen.name == def.name) {
            return usage(format!(
                "{} is given twice; give each setting once",
                def.name
            ));
        }
        pairs.push((def, value.to_string()));
    }

    let (path, profile) = writable_profile(invocation)?;
    let select_profile =
        invocation.overrides.profile.is_none() && invocation.setting("PREFECT_PROFILE").is_none();
    let keyring = os_keyring(&|name| invocation.setting(name));
    let reports = ProfilesFile::update(&path, |file| {
        if select_profile && file.active().is_none() {
            file.set_active(&profile);
        }
        let mut fallback_reported = false;
        let mut reports = Vec::new();
        for (def, value) in pairs {
            let written_to = format!("profile '{profile}' ({})", file.path.display());
            let stored = if def.secret {
                let attempt = match keyring.as_deref() {
                    Some(store) => store.set(&profile, def.name, &value),
                    None => {
                        Err("this ot2ctl has no OS keyring support or OT2CTL_KEYRING=off".into())
                    }
                };
                match attempt {
                    Ok(()) => {
                        reports.push(format!(
                            "Set {} in profile '{profile}' (stored in the OS keyring).",
                            def.name
                        ));
                        StoredValue::InKeyring
                    }
                    Err(reason) => {
                        if !fallback_reported {
                            printer.note(format_args!(
                                "note: no usable OS keyring ({reason}); secrets are stored in {} \
                                 with permissions 0600",
                                file.path.display()
                            ));
                            fallback_reported = true;
                        }
                        reports.push(format!("Set {} in {written_to}.", def.name));
                        StoredValue::Text(value)
                    }
                }
            } else {
                reports.push(format!("Set {} in {written_to}.", def.name));
                StoredValue::Text(value)
            };
            file.set_setting(&profile, def.name, stored);
            if invocation.setting(def.name).is_some() {
                printer.note(format_args!(
                    "warning: {} is also set in the environment, which takes precedence over the profile",
                    def.name
                ));
            }
        }
        Ok(reports)
    })?;
    for report in reports {
        printer.line(format_args!("{report}"));
    }
    Ok(())
}

fn unset(invocation: &Invocation, args: UnsetArgs) -> Result<()> {
    let printer = &invocation.printer;
    let defs = args
        .names
        .iter()
        .map(|name| setting_def(name.trim()))
        .collect::<Result<Vec<_>, UsageError>>()?;
    let (path, profile) = writable_profile(invocation)?;
    let keyring = os_keyring(&|name| invocation.setting(name));
    ProfilesFile::update(&path, |file| {
        let missing: Vec<&str> = defs
            .iter()
            .filter(|def| file.setting(&profile, def.name).is_none())
            .map(|def| def.name)
            .collect();
        if !missing.is_empty() {
            return Err(anyhow!(
                "{} not set in ot2ctl's profile '{profile}' ({})",
                missing.join(", "),
                file.path.display()
            ));
        }
        for def in &defs {
            if file.setting(&profile, def.name) == Some(StoredValue::InKeyring)
                && let Some(store) = keyring.as_deref()
                && let Err(err) = store.delete(&profile, def.name)
            {
                printer.note(format_args!(
                    "warning: could not remove {} from the OS keyring: {err}",
                    def.name
                ));
            }
            file.remove_setting(&profile, def.name);
        }
        Ok(())
    })?;
    for def in defs {
        printer.line(format_args!("Unset {} in profile '{profile}'.", def.name));
    }
    Ok(())
}

/// Catches values that would only fail later, at the first request: the same check every
/// command makes when it reads the setting.
fn check_value(def: &SettingDef, value: &str) -> Result<(), UsageError> {
    def.check(value).map_err(UsageError::new)
}
