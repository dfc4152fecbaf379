//! `ot2ctl profile ls|create|use|delete|inspect`.
//!
//! ot2ctl only ever writes its own profiles file; Prefect's file is read, never changed.

use crate::output::Printer;
use std::collections::BTreeMap;

use anyhow::{Result, anyhow};
use serde_json::json;

use crate::cli::{ProfileCommand, ProfileCreateArgs, ProfileDeleteArgs, ProfileNameArgs};
use crate::commands::invocation::Invocation;
use crate::config::Env;
use crate::config::paths::{ot2ctl_profiles_path, prefect_profiles_path};
use crate::config::profiles::{ProfilesFile, StoredValue};
use crate::config::secrets::{SecretStore, os_keyring};
use crate::config::settings::{API_URL, PROFILE_ENV, is_secret, mask};
use crate::output::{self, OutputFormat};

pub fn run(command: ProfileCommand, invocation: &Invocation) -> Result<()> {
    let printer = &invocation.printer;
    let env = &invocation.env;
    let files = Files::load(env)?;
    match command {
        ProfileCommand::Ls(args) => list(&files, invocation, args.output, printer),
        ProfileCommand::Create(args) => create(files, args, env, printer),
        ProfileCommand::Use(args) => use_profile(files, args, env, printer),
        ProfileCommand::Delete(args) => delete(files, invocation, args, printer),
        ProfileCommand::Inspect { name, output } => {
            inspect(&files, invocation, name, output.output, printer)
        }
    }
}

/// Both profiles files: ours (read-write) and Prefect's (read-only, may be absent).
struct Files {
    ours: ProfilesFile,
    prefect: Option<ProfilesFile>,
}

impl Files {
    fn load(env: &Env) -> Result<Files> {
        let setting = |name: &str| env.setting(name);
        let ours = ProfilesFile::load(&ot2ctl_profiles_path(&setting)?)?;
        let prefect = match prefect_profiles_path(&setting) {
            Some(path) => Some(ProfilesFile::load(&path)?).filter(ProfilesFile::exists),
            None => None,
        };
        Ok(Files { ours, prefect })
    }

    fn prefect_has(&self, name: &str) -> bool {
        self.prefect.as_ref().is_some_and(|p| p.has_profile(name))
    }

    fn exists(&self, name: &str) -> bool {
        self.ours.has_profile(name) || self.prefect_has(name)
    }

    /// Every profile name, ours first where both files have it.
    fn names(&self) -> Vec<String> {
        let mut names = self.ours.profile_names();
        if let Some(prefect) = &self.prefect {
            names.extend(prefect.profile_names());
        }
        names.sort();
        names.dedup();
        names
    }

    /// Where a profile is defined, for listings.
    fn origin(&self, name: &str) -> &'static str {
        match (self.ours.has_profile(name), self.prefect_has(name)) {
            (true, true) => "ot2ctl + prefect",
            (true, false) => "ot2ctl",
            _ => "prefect",
        }
    }

    /// The profile's settings: Prefect's overlaid by ours, as resolution sees them.
    fn merged_settings(&self, name: &str) -> BTreeMap<String, StoredValue> {
        let mut merged = self
            .prefect
            .as_ref()
            .map(|p| p.settings(name))
            .unwrap_or_default();
        merged.extend(self.ours.settings(name));
        merged
    }
}

fn active_name(invocation: &Invocation) -> Result<Option<String>> {
    Ok(invocation.settings()?.profile_name().map(str::to_string))
}

fn list(
    files: &Files,
    invocation: &Invocation,
    format: OutputFormat,
    printer: &Printer,
) -> Result<()> {
    let active = active_name(invocation)?;
    let rows: Vec<_> = files
        .names()
        .into_iter()
        .map(|name| {
            let api_url = match files.merged_settings(&name).get(API_URL) {
                Some(StoredValue::Text(url)) => Some(url.clone()),
                _ => None,
            };
            let is_active = active.as_deref() == Some(name.as_str());
            (name, is_active, api_url)
        })
        .collect();
    if format == OutputFormat::Json {
        let items: Vec<_> = rows
            .iter()
            .map(|(name, is_active, url)| {
                json!({"name": name, "active": is_active, "defined_in": files.origin(name), API_URL: url})
            })
            .collect();
        return printer.json(&items);
    }
    if rows.is_empty() {
        printer.line("No profiles. Create one with `ot2ctl profile create NAME`.");
        return Ok(());
    }
    let mut table = output::table(&["", "NAME", "API URL", "DEFINED IN"]);
    for (name, is_active, url) in &rows {
        table.add_row(vec![
            if *is_active { "*" } else { "" }.to_string(),
            name.clone(),
            output::or_dash(url.as_deref()),
            files.origin(name).to_string(),
        ]);
    }
    printer.table(table);
    Ok(())
}

fn create(files: Files, args: ProfileCreateArgs, env: &Env, printer: &Printer) -> Result<()> {
    let keyring = os_keyring(&|name| env.setting(name));
    let path = files.ours.path.clone();
    ProfilesFile::update(&path, |ours| {
        // Read again under the lock: another ot2ctl may have written since `files` was read.
        let files = Files {
            ours: ours.clone(),
            prefect: files.prefect.clone(),
        };
        if ours.has_profile(&args.name) {
            return Err(anyhow!(
                "profile '{}' already exists in {}",
                args.name,
                ours.path.display()
            ));
        }
        let copied = match &args.from {
            Some(source) if !files.exists(source) => {
                return Err(anyhow!("profile '{source}' does not exist"));
            }
            Some(source) => files.merged_settings(source),
            None => BTreeMap::new(),
        };
        ours.create_profile(&args.name);
        for (setting, value) in copied {
            let value = match value {
                StoredValue::InKeyring => {
                    let source = args.from.as_deref().expect("copied only with --from");
                    match copy_secret(keyring.as_deref(), source, &args.name, &setting) {
                        Ok(()) => StoredValue::InKeyring,
                        Err(reason) => {
                            printer
                                .note(format_args!("warning: {setting} was not copied: {reason}"));
                            continue;
                        }
                    }
                }
                text => text,
            };
            ours.set_setting(&args.name, &setting, value);
        }
        Ok(())
    })?;
    printer.line(format_args!("Created profile '{}'.", args.name));
    printer.line(format_args!(
        "Switch to it with `ot2ctl profile use {}`.",
        args.name
    ));
    Ok(())
}

fn copy_secret(
    keyring: Option<&dyn SecretStore>,
    from: &str,
    to: &str,
    setting: &str,
) -> Result<(), String> {
    let store = keyring.ok_or("the OS keyring is not available")?;
    let value = store
        .get(from, setting)?
        .ok_or("the OS keyring has no entry for it")?;
    store.set(to, setting, &value)
}

fn use_profile(files: Files, args: ProfileNameArgs, env: &Env, printer: &Printer) -> Result<()> {
    ProfilesFile::update(&files.ours.path, |ours| {
        let known = ours.has_profile(&args.name) || files.prefect_has(&args.name);
        if !known {
            return Err(anyhow!(
                "profile '{}' does not exist; `ot2ctl profile ls` lists the profiles",
                args.name
            ));
        }
        ours.set_active(&args.name);
        Ok(())
    })?;
    printer.line(format_args!("Now using profile '{}'.", args.name));
    if let Some(env_profile) = env.setting(PROFILE_ENV) {
        printer.note(format_args!(
            "warning: {PROFILE_ENV}={env_profile} is set in the environment and takes precedence"
        ));
    }
    Ok(())
}

fn delete(
    files: Files,
    invocation: &Invocation,
    args: ProfileDeleteArgs,
    printer: &Printer,
) -> Result<()> {
    if !files.ours.has_profile(&args.name) {
        if files.prefect_has(&args.name) {
            return Err(anyhow!(
                "profile '{}' is defined in Prefect's profiles file, which ot2ctl does not change; \
                 use `prefect profile delete {}`",
                args.name,
                args.name
            ));
        }
        return Err(anyhow!("profile '{}' does not exist", args.name));
    }
    if active_name(invocation)?.as_deref() == Some(args.name.as_str()) {
        return Err(anyhow!(
            "profile '{}' is active; switch to another with `ot2ctl profile use NAME` first",
            args.name
        ));
    }
    // Asked before the file is locked: no writer waits on a person.
    if !printer.confirm(&format!("Delete profile '{}'?", args.name), args.yes)? {
        printer.line("Nothing deleted.");
        return Ok(());
    }
    let keyring = os_keyring(&|name| invocation.setting(name));
    ProfilesFile::update(&files.ours.path, |ours| {
        if !ours.has_profile(&args.name) {
            return Err(anyhow!("profile '{}' does not exist", args.name));
        }
        if ours.active() == Some(args.name.as_str()) {
            return Err(anyhow!(
                "profile '{}' is active; switch to another with `ot2ctl profile use NAME` first",
                args.name
            ));
        }
        for (setting, value) in ours.settings(&args.name) {
            if value == StoredValue::InKeyring
                && let Some(store) = keyring.as_deref()
            {
                let _ = store.delete(&args.name, &setting);
            }
        }
        ours.delete_profile(&args.name);
        Ok(())
    })?;
    printer.line(format_args!("Deleted profile '{}'.", args.name));
    Ok(())
}

fn inspect(
    files: &Files,
    invocation: &Invocation,
    name: Option<String>,
    format: OutputFormat,
    printer: &Printer,
) -> Result<()> {
    let name = match name {
        Some(name) => name,
        None => active_name(invocation)?.ok_or_else(|| {
            anyhow!(
                "no profile is active; name one, or create one with `ot2ctl profile create NAME`"
            )
        })?,
    };
    if !files.exists(&name) {
        return Err(anyhow!("profile '{name}' does not exist"));
    }
    let shown: BTreeMap<String, String> = files
        .merged_settings(&name)
        .into_iter()
        .map(|(setting, value)| {
            let secret = is_secret(&setting);
            let text = match value {
                StoredValue::InKeyring => format!("{} (OS keyring)", mask("")),
                StoredValue::Text(text) if secret => mask(&text).to_string(),
                StoredValue::Text(text) => text,
            };
            (setting, text)
        })
        .collect();
    if format == OutputFormat::Json {
        return printer
            .json(&json!({"name": name, "defined_in": files.origin(&name), "settings": shown}));
    }
    printer.line(format_args!("Profile '{name}' ({})", files.origin(&name)));
    if shown.is_empty() {
        printer.line("No settings.");
        return Ok(());
    }
    let mut table = output::table(&["SETTING", "VALUE"]);
    for (setting, value) in shown {
        table.add_row(vec![setting, value]);
    }
    printer.table(table);
    Ok(())
}
