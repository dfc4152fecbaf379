//! Rendering: human tables on stdout by default, JSON for scripts, progress on stderr, all
//! through a [`Printer`].

mod printer;

use std::fmt::Display;

use comfy_table::{ContentArrangement, LineStyle, Table, TableStyle, presets};
use jiff::Timestamp;

pub use printer::{Captured, Printer};

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
