//! Rendering: human tables on stdout by default, JSON for scripts, progress on stderr.

use std::fmt::Display;
use std::io::{IsTerminal, Write};
use std::time::Duration;

use anyhow::{Context, Result};
use comfy_table::{ContentArrangement, LineStyle, Table, TableStyle, presets};
use indicatif::{ProgressBar, ProgressStyle};
use jiff::Timestamp;
use serde::Serialize;

use crate::api::models::{ApiTime, parsed};

/// `--output`: how a read command prints what it found.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum OutputFormat {
    /// Human-readable tables.
    #[default]
    Table,
    /// The objects as JSON, the server's own field names.
    Json,
}

/// Pretty JSON on stdout.
pub fn print_json<T: Serialize + ?Sized>(value: &T) -> Result<()> {
    let mut stdout = std::io::stdout().lock();
    serde_json::to_writer_pretty(&mut stdout, value).context("cannot write JSON")?;
    writeln!(stdout).context("cannot write JSON")?;
    Ok(())
}

/// Columns under one header rule, like `kubectl get` and `gh` lists.
const LIST_STYLE: TableStyle =
    TableStyle::new().header_separator(LineStyle::none().fill('─').junction(' '));

/// A table with ot2ctl's look and the given column headers.
pub fn table(headers: &[&str]) -> Table {
    let mut table = Table::new();
    table
        .load_style(LIST_STYLE)
        .set_content_arrangement(ContentArrangement::Dynamic)
        .set_header(headers.to_vec());
    table
}

/// A two-column table of field names and values, for `inspect` commands.
pub fn details(rows: Vec<(&str, String)>) -> Table {
    let mut table = Table::new();
    table
        .load_style(presets::NOTHING)
        .set_content_arrangement(ContentArrangement::Dynamic);
    for (field, value) in rows {
        table.add_row(vec![format!("{field}:"), value]);
    }
    table
}

/// Prints a table to stdout: columns flush left, two spaces apart, no trailing blanks.
pub fn print_table(mut table: Table) {
    for column in table.column_iter_mut() {
        column.set_padding((0, 2));
    }
    for line in table.lines() {
        println!("{}", line.trim_end());
    }
}

/// The value, or "-" where there is none.
pub fn or_dash<T: Display>(value: Option<T>) -> String {
    value.map_or_else(|| "-".to_string(), |v| v.to_string())
}

/// "3m ago", "2h ago", "never": how long ago something happened.
pub fn ago(when: &Option<ApiTime>) -> String {
    let Some(when) = parsed(when) else {
        return "never".into();
    };
    let seconds = Timestamp::now().duration_since(when).as_secs().max(0);
    match seconds {
        0..=59 => format!("{seconds}s ago"),
        60..=3599 => format!("{}m ago", seconds / 60),
        3600..=86_399 => format!("{}h ago", seconds / 3600),
        _ => format!("{}d ago", seconds / 86_400),
    }
}

/// A timestamp shown to a person: UTC, to the second.
pub fn timestamp(when: &Option<ApiTime>) -> String {
    parsed(when).map_or_else(
        || "-".to_string(),
        |t| t.strftime("%Y-%m-%d %H:%M:%S UTC").to_string(),
    )
}

/// A log line as `YYYY-MM-DD HH:MM:SS.mmm | LEVEL    | message`, like `prefect flow-run logs`.
pub fn log_line(entry: &crate::api::flow_runs::LogEntry) -> String {
    let when = parsed(&entry.timestamp).map_or_else(
        || "-".to_string(),
        |t| t.strftime("%Y-%m-%d %H:%M:%S%.3f").to_string(),
    );
    let level = match entry.level {
        0..=10 => "DEBUG",
        11..=20 => "INFO",
        21..=30 => "WARNING",
        31..=40 => "ERROR",
        _ => "CRITICAL",
    };
    format!("{when} | {level:<8} | {}", entry.message)
}

/// A concurrency limit with its use: "2/5", "none".
pub fn limit(limit: Option<u64>, active: Option<u64>) -> String {
    match (limit, active) {
        (Some(limit), Some(active)) => format!("{active}/{limit}"),
        (Some(limit), None) => limit.to_string(),
        (None, _) => "none".into(),
    }
}

/// A spinner on stderr while something is waited for; invisible when stderr is not a terminal.
pub fn spinner(message: impl Into<String>) -> ProgressBar {
    if !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::new_spinner();
    bar.set_style(
        ProgressStyle::with_template("{spinner} {msg}").expect("static spinner template"),
    );
    bar.set_message(message.into());
    bar.enable_steady_tick(Duration::from_millis(100));
    bar
}

/// Asks a yes/no question on a terminal; without one, the answer is "yes" only if `assume_yes`.
pub fn confirm(question: &str, assume_yes: bool) -> Result<bool> {
    if assume_yes || !std::io::stdin().is_terminal() {
        return Ok(true);
    }
    eprint!("{question} [y/N] ");
    std::io::stderr().flush().ok();
    let mut answer = String::new();
    std::io::stdin()
        .read_line(&mut answer)
        .context("cannot read the answer")?;
    Ok(matches!(
        answer.trim().to_ascii_lowercase().as_str(),
        "y" | "yes"
    ))
}
