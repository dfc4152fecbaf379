//! `ot2ctl robot offsets ls|set|clear|import`: the labware offsets the worker sends with every
//! run on a robot.

use crate::output::Printer;
use std::path::{Path, PathBuf};

use anyhow::Result;

use crate::api::robot::robot_url;
use crate::api::robot_models::LabwareOffset;
use crate::bounded;
use crate::cli::{OffsetsCommand, ProtocolsDirArg, RobotArgs, RobotCommand};
use crate::commands::invocation::Invocation;
use crate::config::paths::ot2ctl_home;
use crate::config::profiles::with_lock;
use crate::error::{UsageError, usage};
use crate::ot2::offsets;
use crate::output::{self, OutputFormat};

pub fn run(command: RobotCommand, invocation: &Invocation) -> Result<()> {
    match command {
        RobotCommand::Offsets(command) => run_offsets(command, invocation),
    }
}

fn run_offsets(command: OffsetsCommand, invocation: &Invocation) -> Result<()> {
    let printer = &invocation.printer;
    match command {
        OffsetsCommand::Ls { robot, output } => {
            let store = Store::open(&robot, invocation)?;
            list(&store, &store.load()?, output.output, printer)
        }
        OffsetsCommand::Set(args) => {
            offsets::check(&args.definition_uri, &args.slot)?;
            offsets::check_vector(args.x, args.y, args.z, args.allow_large_offset)?;
            let store = Store::open(&args.robot, invocation)?;
            let new = offsets::offset(&args.definition_uri, &args.slot, args.x, args.y, args.z);
            let count = store.update(|stored| {
                offsets::upsert(stored, new);
                Ok(stored.len())
            })?;
            printer.line(format_args!(
                "Stored the offset of {} in slot {} for {} ({count} offset(s) in all)",
                args.definition_uri, args.slot, store.robot,
            ));
            warn_unusable(
                &[(args.definition_uri.as_str(), args.slot.as_str())],
                &args.protocols,
                invocation,
            );
            Ok(())
        }
        OffsetsCommand::Clear(args) => {
            let store = Store::open(&args.robot, invocation)?;
            let before = store.load()?.len();
            let everything = args.definition_uri.is_none() && args.slot.is_none();
            if everything
                && before > 0
                && !printer.confirm(
                    &format!("Forget all {before} offset(s) of {}?", store.robot),
                    args.yes,
                )?
            {
                return usage("nothing cleared; pass --yes to forget every offset");
            }
            let (cleared, left) = store.update(|stored| {
                let before = stored.len();
                stored.retain(|o| {
                    let same_labware = args
                        .definition_uri
                        .as_deref()
                        .is_none_or(|uri| o.definition_uri == uri);
                    let same_slot = args
                        .slot
                        .as_deref()
                        .is_none_or(|slot| o.location.slot_name == slot);
                    !(same_labware && same_slot)
                });
                Ok((before - stored.len(), stored.len()))
            })?;
            printer.line(format_args!(
                "Cleared {cleared} offset(s) of {}; {left} left",
                store.robot,
            ));
            Ok(())
        }
        OffsetsCommand::Import(args) => {
            let (text, origin) = read_input(&args.file, invocation)?;
            let imported = offsets::from_app_export(&text, &origin)?;
            for offset in &imported {
                let vector = offset.vector;
                offsets::check_vector(vector.x, vector.y, vector.z, args.allow_large_offset)
                    .map_err(|e| {
                        UsageError::new(format!(
                            "{origin}: {} in slot {}: {e}",
                            offset.definition_uri, offset.location.slot_name
                        ))
                    })?;
            }
            let store = Store::open(&args.robot, invocation)?;
            let count = store.update(|stored| {
                for offset in &imported {
                    offsets::upsert(stored, offset.clone());
                }
                Ok(stored.len())
            })?;
            printer.line(format_args!(
                "Imported {} offset(s) from {origin} for {} ({count} offset(s) in all)",
                imported.len(),
                store.robot,
            ));
            let keys: Vec<(&str, &str)> = imported
                .iter()
                .map(|o| (o.definition_uri.as_str(), o.location.slot_name.as_str()))
                .collect();
            warn_unusable(&keys, &args.protocols, invocation);
            Ok(())
        }
    }
}

/// A warning line for each offset that no protocol of the lab's protocols directory can use.
/// The offset is stored anyway: the protocols on the robot may differ from the ones here.
fn warn_unusable(offsets: &[(&str, &str)], protocols: &ProtocolsDirArg, invocation: &Invocation) {
    let printer = &invocation.printer;
    let dir = match &protocols.protocols_dir {
        Some(dir) => dir.clone(),
        None if invocation.path(Path::new("protocols")).is_dir() => PathBuf::from("protocols"),
        None => return,
    };
    if !invocation.path(&dir).is_dir() {
        printer.note(format_args!(
            "warning: --protocols-dir {} is not a directory; the offset was not checked against \
             the lab's protocols",
            dir.display()
        ));
        return;
    }
    for (uri, slot) in offsets {
        for warning in offsets::lab_mismatches(uri, slot, &invocation.path(&dir), &dir) {
            printer.note(format_args!("warning: {uri} in slot {slot}: {warning}"));
        }
    }
}

/// One robot's offsets file.
struct Store {
    robot: String,
    path: PathBuf,
}

impl Store {
    fn open(args: &RobotArgs, invocation: &Invocation) -> Result<Store> {
        let Some(raw) = args.robot.as_deref() else {
            return usage(
                "which robot? pass --robot http://<robot address>:31950 or set OT2CTL_ROBOT",
            );
        };
        let robot = robot_url(raw).map_err(|e| UsageError::new(e.to_string()))?;
        let path = offsets::store_path(&ot2ctl_home(&|name| invocation.setting(name))?, &robot);
        Ok(Store { robot, path })
    }

    fn load(&self) -> Result<Vec<LabwareOffset>> {
        offsets::load(&self.path)
    }

    /// Changes the stored offsets under the file's lock, so that concurrent writers for
    /// the same robot keep each other's changes.
    fn update<T>(&self, change: impl FnOnce(&mut Vec<LabwareOffset>) -> Result<T>) -> Result<T> {
        with_lock(&self.path, || {
            let mut stored = self.load()?;
            let result = change(&mut stored)?;
            offsets::save(&self.path, &stored)?;
            Ok(result)
        })
    }
}

fn read_input(file: &Path, invocation: &Invocation) -> Result<(String, String)> {
    if file == Path::new("-") {
        let text = bounded::read_stdin()
            .map_err(|e| UsageError::new(format!("cannot read standard input: {e}")))?;
        return Ok((text, "<stdin>".into()));
    }
    let text = bounded::read_text(&invocation.path(file))
        .map_err(|e| UsageError::new(format!("cannot read {}: {e}", file.display())))?;
    Ok((text, file.display().to_string()))
}

fn list(
    store: &Store,
    stored: &[LabwareOffset],
    format: OutputFormat,
    printer: &Printer,
) -> Result<()> {
    if format == OutputFormat::Json {
        return printer.json(stored);
    }
    if stored.is_empty() {
        printer.note(format_args!(
            "No labware offsets stored for {}; add them with `ot2ctl robot offsets set` or `import`",
            store.robot
        ));
        return Ok(());
    }
    let mut table = output::table(&["LABWARE", "SLOT", "X", "Y", "Z"]);
    for offset in stored {
        let vector = offset.vector;
        table.add_row(vec![
            offset.definition_uri.clone(),
            offset.location.slot_name.clone(),
            // As JSON writes them (`0.0`, `-12.5`), like `-o json` and the offsets file.
            serde_json::Value::from(vector.x).to_string(),
            serde_json::Value::from(vector.y).to_string(),
            serde_json::Value::from(vector.z).to_string(),
        ]);
    }
    printer.table(table);
    Ok(())
}
