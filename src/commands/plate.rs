//! `ot2ctl plate status|next|new|mark|history|log`: status, next, new and mark run the lab's
//! plate deployments and print their result when the run finishes (the plate is kept where the
//! worker keeps it); `--local` runs the same flow on this machine's store. `history` and `log`
//! read this machine's store.

use anyhow::Result;
use serde_json::json;

use crate::cli::{
    ColorChoice, PlateCommand, PlateLocalArgs, PlateLogArgs, PlateMarkArgs, PlateNewArgs,
    PlateStatusArgs,
};
use crate::commands::invocation::Invocation;
use crate::commands::native_flow;
use crate::entrypoint::NativeFlow;
use crate::error::UsageError;
use crate::lab::spec::{self, Field};
use crate::output::{self, OutputFormat};
use crate::plate::Plates;
use crate::plate::flows::PlateFlow;
use crate::plate::model::{Layout, MissingWell, PlateSpec, Well};
use crate::plate::ops::{MarkResult, NextResult, StatusResult};
use crate::plate::picture;

pub fn run(command: PlateCommand, invocation: &Invocation) -> Result<()> {
    let printer = &invocation.printer;
    match command {
        PlateCommand::Status(args) => status(args, invocation),
        PlateCommand::Next(args) => {
            let flow = NativeFlow::Plate(PlateFlow::Next);
            let result = native_flow::run(flow, json!({}), &args.place, invocation)?;
            if args.place.output.output == OutputFormat::Json {
                return printer.json(&result);
            }
            let next: NextResult = native_flow::read_result(flow, &result)?;
            printer.line(next.well);
            printer.note(format_args!(
                "{} free well(s) left on plate {}",
                next.free, next.plate
            ));
            Ok(())
        }
        PlateCommand::New(args) => new(args, invocation),
        PlateCommand::Mark(args) => mark(args, invocation),
        PlateCommand::History(args) => history(args, invocation),
        PlateCommand::Log(args) => log(args, invocation),
    }
}

fn status(args: PlateStatusArgs, invocation: &Invocation) -> Result<()> {
    let flow = NativeFlow::Plate(PlateFlow::Status);
    let parameters = json!({"plate": args.plate.clone().unwrap_or_default()});
    let result = native_flow::run(flow, parameters, &args.place, invocation)?;
    let printer = &invocation.printer;
    if args.place.output.output == OutputFormat::Json {
        return printer.json(&result);
    }
    let status: StatusResult = native_flow::read_result(flow, &result)?;
    printer.text(&picture::terminal(
        &status.plate,
        &status.readings,
        in_colour(args.color, invocation),
    ));
    Ok(())
}

/// Whether to draw in colour: asked for, or on a terminal without `NO_COLOR` (any non-empty
/// value, <https://no-color.org>) or `TERM=dumb`.
pub fn in_colour(choice: ColorChoice, invocation: &Invocation) -> bool {
    match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            let no_color = invocation.env.setting("NO_COLOR").is_some();
            let dumb = invocation.env.var("TERM").as_deref() == Some("dumb");
            invocation.printer.out_is_terminal() && !no_color && !dumb
        }
    }
}

fn new(args: PlateNewArgs, invocation: &Invocation) -> Result<()> {
    let spec = plate_spec(&args, invocation)?;
    let printer = &invocation.printer;
    let question = format!(
        "Record a fresh plate ({}, project {})? The plate in use is kept in the history.",
        spec.layout.describe(),
        spec.project
    );
    if !printer.confirm(&question, args.yes)? {
        return Err(
            UsageError::new("no new plate recorded (pass --yes to skip the question)").into(),
        );
    }
    let flow = NativeFlow::Plate(PlateFlow::New);
    let parameters = json!({
        "project": spec.project,
        "rows": spec.layout.rows_text(),
        "columns": spec.layout.columns_text(),
        "missing_well": spec.missing_well.as_str(),
        "operator": args.operator,
    });
    let result = native_flow::run(flow, parameters, &args.place, invocation)?;
    if args.place.output.output == OutputFormat::Json {
        return printer.json(&result);
    }
    let status: StatusResult = native_flow::read_result(flow, &result)?;
    printer.line(format_args!(
        "Plate {} recorded: {}, project {}, a mix that names no well goes to {}.",
        status.plate.id,
        status.plate.layout().describe(),
        status.plate.project,
        match status.plate.missing_well {
            MissingWell::Auto => "the next free well",
            MissingWell::ProtocolDefault => "the protocol's default well",
        }
    ));
    Ok(())
}

/// The new plate: each flag given, else the lab file's `plate:` value, else the lab's default.
/// A bad value is named with where it was written.
fn plate_spec(args: &PlateNewArgs, invocation: &Invocation) -> Result<PlateSpec, UsageError> {
    let (section, origin) = match &args.lab {
        Some(path) => (
            spec::load(&invocation.cwd, path)?.plate,
            path.display().to_string(),
        ),
        None if invocation.cwd.join("lab.yaml").is_file() => (
            spec::load(&invocation.cwd, std::path::Path::new("lab.yaml"))?.plate,
            "lab.yaml".to_string(),
        ),
        None => (None, String::new()),
    };
    let section = section.unwrap_or_default();
    // (the flag's value, or the file's field) with how to name it in an error.
    let pick =
        |flag: &Option<String>, name: &str, field: &Option<Field>| -> Option<(String, String)> {
            match (flag, field) {
                (Some(value), _) => Some((value.clone(), format!("--{name}"))),
                (None, Some(field)) => Some((
                    field.value.clone(),
                    format!(
                        "{origin}:{}:{}: plate.{}",
                        field.line,
                        field.column,
                        name.replace('-', "_")
                    ),
                )),
                (None, None) => None,
            }
        };
    let defaults = PlateSpec::default();
    let named =
        |place: &str, error: crate::plate::PlateError| UsageError::new(format!("{place}: {error}"));
    let project = match pick(&args.project, "project", &section.project) {
        Some((value, place)) if value.trim().is_empty() => {
            return Err(UsageError::new(format!(
                "{place}: the project must not be empty"
            )));
        }
        Some((value, _)) => value.trim().to_string(),
        None => defaults.project,
    };
    let rows = pick(&args.rows, "rows", &section.rows);
    let columns = pick(&args.columns, "columns", &section.columns);
    let (rows_text, rows_place) = rows.unwrap_or((defaults.layout.rows_text(), "rows".into()));
    let (columns_text, columns_place) =
        columns.unwrap_or((defaults.layout.columns_text(), "columns".into()));
    // Each is checked alone, so that the message names the one that is wrong.
    Layout::parse(&rows_text, "1").map_err(|e| named(&rows_place, e))?;
    Layout::parse("B", &columns_text).map_err(|e| named(&columns_place, e))?;
    let layout = Layout::parse(&rows_text, &columns_text).map_err(|e| named(&rows_place, e))?;
    let missing_well = match pick(&args.missing_well, "missing-well", &section.missing_well) {
        Some((value, place)) => MissingWell::parse(&value).map_err(|e| named(&place, e))?,
        None => defaults.missing_well,
    };
    Ok(PlateSpec {
        project,
        layout,
        missing_well,
    })
}

fn mark(args: PlateMarkArgs, invocation: &Invocation) -> Result<()> {
    let well = Well::parse(&args.well).map_err(|e| UsageError::new(e.to_string()))?;
    if args.reason.trim().is_empty() {
        return Err(UsageError::new("--reason must say why, for the plate's log").into());
    }
    let flow = NativeFlow::Plate(PlateFlow::Mark);
    let parameters = json!({
        "well": well,
        "used": args.used,
        "reason": args.reason,
        "operator": args.operator,
    });
    let result = native_flow::run(flow, parameters, &args.place, invocation)?;
    let printer = &invocation.printer;
    if args.place.output.output == OutputFormat::Json {
        return printer.json(&result);
    }
    let marked: MarkResult = native_flow::read_result(flow, &result)?;
    if marked.changed {
        printer.line(format_args!(
            "Well {} of plate {} marked {} (in the plate's log).",
            marked.well, marked.plate, marked.status
        ));
    } else {
        printer.line(format_args!(
            "Well {} of plate {} is {} already; nothing changed.",
            marked.well, marked.plate, marked.status
        ));
    }
    Ok(())
}

fn history(args: PlateLocalArgs, invocation: &Invocation) -> Result<()> {
    let printer = &invocation.printer;
    native_flow::local(&invocation.env, |database| async move {
        let plates = Plates::on(&database).history().await?;
        if args.output.output == OutputFormat::Json {
            return printer.json(&plates);
        }
        if plates.is_empty() {
            printer.note(format_args!(
                "No plate is recorded in {} yet; `ot2ctl plate new --yes` records one.",
                database.describe()
            ));
            return Ok(());
        }
        let mut table = output::table(&["PLATE", "PROJECT", "CREATED", "RETIRED", "USED"]);
        for plate in &plates {
            table.add_row(vec![
                plate.id.clone(),
                plate.project.clone(),
                time(plate.created_at),
                plate.retired_at.map_or_else(|| "in use".into(), time),
                format!("{}/{}", plate.used, plate.wells),
            ]);
        }
        printer.table(table);
        Ok(())
    })
}

fn log(args: PlateLogArgs, invocation: &Invocation) -> Result<()> {
    let printer = &invocation.printer;
    native_flow::local(&invocation.env, |database| async move {
        let entries = Plates::on(&database).log(args.limit).await?;
        if args.output.output == OutputFormat::Json {
            return printer.json(&entries);
        }
        if entries.is_empty() {
            printer.note(format_args!(
                "The plate's log in {} is empty.",
                database.describe()
            ));
            return Ok(());
        }
        let mut table = output::table(&[
            "ID",
            "TIME",
            "OPERATION",
            "OPERATOR",
            "PLATE",
            "WELL",
            "REASON",
        ]);
        for entry in &entries {
            table.add_row(vec![
                entry.id.clone(),
                time(entry.timestamp),
                entry.operation_type.clone(),
                entry.operator.clone(),
                entry.plate.clone(),
                output::or_dash(entry.well),
                output::or_dash(entry.reason.as_ref()),
            ]);
        }
        printer.table(table);
        Ok(())
    })
}

fn time(at: jiff::Timestamp) -> String {
    at.strftime("%Y-%m-%d %H:%M:%S UTC").to_string()
}
