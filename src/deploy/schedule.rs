//! Schedules in prefect.yaml: cron, interval and rrule entries, checked here so that a bad
//! cron string or timezone is reported at its line instead of as a server 422.

use jiff::civil::DateTime;
use jiff::tz::TimeZone;
use jiff::{SignedDuration, Timestamp};
use serde_json::{Value, json};

use super::yaml::{Kind, Node, Pos};
use crate::api::models::{DeploymentSchedule, Schedule};

/// A schedule problem and where it is.
#[derive(Debug, Clone, PartialEq)]
pub struct ScheduleError {
    pub pos: Pos,
    pub message: String,
}

fn error(pos: Pos, message: impl Into<String>) -> ScheduleError {
    ScheduleError {
        pos,
        message: message.into(),
    }
}

/// One entry of `schedules:` as the `DeploymentScheduleCreate` JSON Prefect sends.
/// `existing_anchor` keeps an interval schedule without `anchor_date` stable across deploys.
pub fn to_request(
    node: &Node,
    existing_anchor: Option<&str>,
) -> Result<DeploymentSchedule, ScheduleError> {
    let field = |name: &str| node.field(name).filter(|n| !n.is_null());
    let timezone = match field("timezone") {
        Some(tz) => Some(check_timezone(tz)?),
        None => None,
    };
    let kinds: Vec<&str> = ["cron", "interval", "rrule"]
        .into_iter()
        .filter(|k| field(k).is_some())
        .collect();
    if kinds.len() != 1 {
        return Err(error(
            node.pos,
            "a schedule needs exactly one of cron, interval or rrule",
        ));
    }
    let schedule = match kinds[0] {
        "cron" => {
            let cron_node = field("cron").expect("checked");
            let cron = text(cron_node, "cron")?;
            check_cron(cron).map_err(|m| error(cron_node.pos, m))?;
            let day_or = match field("day_or") {
                Some(n) => boolean(n, "day_or")?,
                None => true,
            };
            Schedule::Cron {
                cron: cron.to_string(),
                timezone: timezone.clone(),
                day_or,
            }
        }
        "interval" => {
            let interval_node = field("interval").expect("checked");
            let seconds = interval_seconds(interval_node)?;
            let anchor = match field("anchor_date") {
                Some(anchor) => Some(anchor_date(anchor)?),
                None => existing_anchor.map(str::to_string),
            };
            Schedule::Interval {
                interval: seconds,
                anchor_date: anchor,
                timezone: Some(timezone.clone().unwrap_or_else(|| "UTC".into())),
            }
        }
        _ => {
            let rrule_node = field("rrule").expect("checked");
            let rrule = text(rrule_node, "rrule")?;
            if rrule.trim_start().starts_with('{') {
                let mut parsed: serde_json::Map<String, Value> = serde_json::from_str(rrule)
                    .map_err(|e| {
                        error(rrule_node.pos, format!("rrule is not a JSON object: {e}"))
                    })?;
                if let Some(tz) = &timezone {
                    parsed.insert("timezone".into(), json!(tz));
                }
                Schedule::Other(Value::Object(parsed))
            } else {
                check_rrule(rrule).map_err(|m| error(rrule_node.pos, m))?;
                Schedule::RRule {
                    rrule: rrule.to_string(),
                    timezone: Some(timezone.clone().unwrap_or_else(|| "UTC".into())),
                }
            }
        }
    };
    let active = match field("active") {
        Some(n) => boolean(n, "active")?,
        None => true,
    };
    let parameters = field("parameters").map_or_else(|| json!({}), Node::to_json);
    let optional_text = |name: &str| -> Result<Option<String>, ScheduleError> {
        field(name)
            .map(|n| text(n, name).map(str::to_string))
            .transpose()
    };
    let max_runs = match field("max_scheduled_runs") {
        Some(n) => n.to_json(),
        None => Value::Null,
    };
    Ok(DeploymentSchedule {
        schedule,
        active,
        max_scheduled_runs: max_runs,
        parameters,
        slug: optional_text("slug")?,
        replaces: optional_text("replaces")?,
    })
}

fn text<'a>(node: &'a Node, what: &str) -> Result<&'a str, ScheduleError> {
    node.as_str().ok_or_else(|| {
        error(
            node.pos,
            format!("{what} must be a string, not {}", node.describe()),
        )
    })
}

/// A boolean, also from a templated "true"/"false" string as Prefect accepts.
fn boolean(node: &Node, what: &str) -> Result<bool, ScheduleError> {
    match &node.kind {
        Kind::Bool(b) => Ok(*b),
        Kind::String(s) if s.eq_ignore_ascii_case("true") => Ok(true),
        Kind::String(s) if s.eq_ignore_ascii_case("false") => Ok(false),
        _ => Err(error(node.pos, format!("{what} must be true or false"))),
    }
}

fn check_timezone(node: &Node) -> Result<String, ScheduleError> {
    let name = text(node, "timezone")?;
    // Without a time zone database on this machine (some robot images), the server decides.
    let database_present = jiff::tz::db().available().next().is_some();
    if database_present && TimeZone::get(name).is_err() {
        return Err(error(
            node.pos,
            format!("invalid timezone \"{name}\"; use an IANA name such as Europe/Berlin or UTC"),
        ));
    }
    Ok(name.to_string())
}

/// Seconds from a number, an ISO 8601 duration (`PT1H`) or `[D days,] HH:MM:SS`.
fn interval_seconds(node: &Node) -> Result<f64, ScheduleError> {
    let bad = || {
        error(
            node.pos,
            "interval must be seconds, an ISO 8601 duration (PT1H) or HH:MM:SS",
        )
    };
    let seconds = match &node.kind {
        Kind::Number(n) => n.as_f64().ok_or_else(bad)?,
        Kind::String(s) => duration_seconds(s).ok_or_else(bad)?,
        _ => return Err(bad()),
    };
    if seconds.is_nan() || seconds <= 0.0 {
        return Err(error(node.pos, "interval must be longer than zero"));
    }
    // Python's timedelta, which the server keeps intervals in, ends at 999,999,999 days.
    const MAX_INTERVAL_SECONDS: f64 = 999_999_999.0 * 86_400.0;
    if seconds > MAX_INTERVAL_SECONDS {
        return Err(error(
            node.pos,
            format!(
                "interval must be at most 999999999 days ({MAX_INTERVAL_SECONDS} s), the longest \
                 the server keeps, not {seconds} s"
            ),
        ));
    }
    Ok(seconds)
}

/// Seconds from a text as pydantic reads a `timedelta`: a number, an ISO 8601 duration
/// (`PT1H`, `P1DT2S`, `P2W`) or `[D days,] HH:MM:SS`.
pub fn duration_seconds(text: &str) -> Option<f64> {
    let text = text.trim();
    if let Ok(n) = text.parse::<f64>() {
        Some(n)
    } else if let Ok(duration) = text.parse::<SignedDuration>() {
        Some(duration.as_secs_f64())
    } else if let Ok(span) = text.parse::<jiff::Span>() {
        span.total((
            jiff::Unit::Second,
            jiff::SpanRelativeTo::days_are_24_hours(),
        ))
        .ok()
    } else {
        clock_seconds(text)
    }
}

/// `HH:MM:SS`, `MM:SS` or `D days, HH:MM:SS`.
fn clock_seconds(text: &str) -> Option<f64> {
    let (days, clock) = match text.split_once(',') {
        Some((days, clock)) => {
            let days = days
                .trim()
                .trim_end_matches("days")
                .trim_end_matches("day")
                .trim();
            (days.parse::<f64>().ok()?, clock.trim())
        }
        None => (0.0, text),
    };
    let parts: Vec<f64> = clock
        .split(':')
        .map(|p| p.parse::<f64>().ok())
        .collect::<Option<_>>()?;
    let clock_seconds = match parts.as_slice() {
        [h, m, s] => h * 3600.0 + m * 60.0 + s,
        [m, s] => m * 60.0 + s,
        _ => return None,
    };
    Some(days * 86_400.0 + clock_seconds)
}

/// An anchor date as Prefect sends it: an explicit offset is kept (`+02:00`), UTC is `Z`, and
/// a date without offset is taken as UTC (whatever the schedule's timezone; Prefect does so).
fn anchor_date(node: &Node) -> Result<String, ScheduleError> {
    let raw = text(node, "anchor_date")?.trim();
    let bad = || {
        error(
            node.pos,
            format!("anchor_date \"{raw}\" is not a date and time (e.g. 2026-01-01T08:00:00Z)"),
        )
    };
    let (civil_text, offset) = split_offset(raw);
    let civil: DateTime = civil_text
        .parse::<DateTime>()
        .or_else(|_| {
            civil_text
                .parse::<jiff::civil::Date>()
                .map(|d| d.to_datetime(jiff::civil::Time::midnight()))
        })
        .map_err(|_| bad())?;
    let suffix = match offset {
        None => "Z".to_string(),
        Some(offset) => match offset_minutes(offset).ok_or_else(bad)? {
            0 => "Z".to_string(),
            minutes => format!(
                "{}{:02}:{:02}",
                if minutes < 0 { '-' } else { '+' },
                minutes.abs() / 60,
                minutes.abs() % 60
            ),
        },
    };
    let fraction = match civil.subsec_nanosecond() {
        0 => String::new(),
        nanos => format!(".{:06}", nanos / 1000),
    };
    Ok(format!(
        "{}{fraction}{suffix}",
        civil.strftime("%Y-%m-%dT%H:%M:%S")
    ))
}

/// `+02:00`, `-0500`, `+01` → minutes east of UTC.
fn offset_minutes(offset: &str) -> Option<i32> {
    let sign = match offset.chars().next()? {
        '+' => 1,
        '-' => -1,
        _ => return None,
    };
    let digits: String = offset[1..].chars().filter(|c| *c != ':').collect();
    if !digits.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    let (hours, minutes) = match digits.len() {
        2 => (digits.parse::<i32>().ok()?, 0),
        4 => (
            digits[..2].parse::<i32>().ok()?,
            digits[2..].parse::<i32>().ok()?,
        ),
        _ => return None,
    };
    (hours < 24 && minutes < 60).then_some(sign * (hours * 60 + minutes))
}

/// Splits `...Z` / `...+02:00` / `...-0500` into the civil part and its offset, if any.
fn split_offset(text: &str) -> (&str, Option<&str>) {
    if let Some(civil) = text.strip_suffix('Z').or_else(|| text.strip_suffix('z')) {
        return (civil, Some("+00:00"));
    }
    // An offset starts after the time part (past the 'T' or space that begins it).
    let time_start = text.find(['T', 't', ' ']).map_or(text.len(), |i| i + 1);
    match text[time_start..].rfind(['+', '-']) {
        Some(index) => {
            let at = time_start + index;
            (&text[..at], Some(&text[at..]))
        }
        None => (text, None),
    }
}

/// Checks a cron string the way croniter accepts it: five fields (or six with seconds), or
/// one of the @-aliases.
pub fn check_cron(cron: &str) -> Result<(), String> {
    let invalid = |why: String| Err(format!("invalid cron string \"{cron}\": {why}"));
    let trimmed = cron.trim();
    if trimmed.starts_with('@') {
        return match trimmed {
            "@yearly" | "@annually" | "@monthly" | "@weekly" | "@daily" | "@midnight"
            | "@hourly" => Ok(()),
            other => invalid(format!("unknown alias {other}")),
        };
    }
    let fields: Vec<&str> = trimmed.split_whitespace().collect();
    const LIMITS: [(&str, u32, u32); 6] = [
        ("minute", 0, 59),
        ("hour", 0, 23),
        ("day of month", 1, 31),
        ("month", 1, 12),
        ("day of week", 0, 7),
        ("second", 0, 59),
    ];
    if !(5..=6).contains(&fields.len()) {
        return invalid(format!(
            "expected 5 fields (minute hour day month weekday), found {}",
            fields.len()
        ));
    }
    for (index, field) in fields.iter().enumerate() {
        let (what, low, high) = LIMITS[index];
        for part in field.split(',') {
            if let Err(why) = check_cron_part(part, index, low, high) {
                return invalid(format!("{what} field '{field}': {why}"));
            }
        }
    }
    Ok(())
}

fn check_cron_part(part: &str, index: usize, low: u32, high: u32) -> Result<(), String> {
    if part.is_empty() {
        return Err("empty value".into());
    }
    if part.eq_ignore_ascii_case("h") || part.eq_ignore_ascii_case("r") {
        return Err("random and hashed expressions are not supported".into());
    }
    let (range, step) = match part.split_once('/') {
        Some((range, step)) => (range, Some(step)),
        None => (part, None),
    };
    if let Some(step) = step
        && step.parse::<u32>().map_or(true, |s| s == 0)
    {
        return Err(format!("bad step '{step}'"));
    }
    if range == "*" || range == "?" {
        return Ok(());
    }
    // croniter's extensions: L (last), W (weekday), # (nth weekday).
    if (index == 2 || index == 4)
        && (range.contains('L') || range.contains('W') || range.contains('#'))
    {
        return Ok(());
    }
    let value = |text: &str| -> Result<u32, String> {
        if let Ok(n) = text.parse::<u32>() {
            return if (low..=high).contains(&n) {
                Ok(n)
            } else {
                Err(format!("{n} is outside {low}-{high}"))
            };
        }
        let names: &[&str] = match index {
            3 => &[
                "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
            ],
            4 => &["sun", "mon", "tue", "wed", "thu", "fri", "sat"],
            _ => &[],
        };
        names
            .iter()
            .position(|n| n.eq_ignore_ascii_case(text))
            .map(|p| p as u32 + if index == 3 { 1 } else { 0 })
            .ok_or_else(|| format!("'{text}' is not a number"))
    };
    match range.split_once('-') {
        Some((start, end)) => {
            value(start)?;
            value(end)?;
        }
        None => {
            value(range)?;
        }
    }
    Ok(())
}

/// An rrule must at least say how often.
fn check_rrule(rrule: &str) -> Result<(), String> {
    let upper = rrule.to_ascii_uppercase();
    if !upper.contains("FREQ=") {
        return Err(format!(
            "invalid rrule \"{rrule}\": it needs FREQ=... (e.g. FREQ=DAILY;BYHOUR=8)"
        ));
    }
    let valid_freq = [
        "SECONDLY", "MINUTELY", "HOURLY", "DAILY", "WEEKLY", "MONTHLY", "YEARLY",
    ];
    let freq = upper
        .split(['\n', ';', ':'])
        .find_map(|part| part.trim().strip_prefix("FREQ="))
        .unwrap_or("");
    if !valid_freq.contains(&freq) {
        return Err(format!("invalid rrule \"{rrule}\": unknown FREQ={freq}"));
    }
    Ok(())
}

/// Whether a stored schedule equals the wanted one, reading both the way the server stores them
/// (interval seconds as floats, anchors as instants, a DTSTART the server adds to bare rrules).
pub fn same_schedule(wanted: &DeploymentSchedule, stored: &DeploymentSchedule) -> bool {
    if wanted.active != stored.active
        || wanted.max_scheduled_runs != stored.max_scheduled_runs
        || wanted.parameters != stored.parameters
        || wanted.slug != stored.slug
    {
        return false;
    }
    match (&wanted.schedule, &stored.schedule) {
        (
            Schedule::Cron {
                cron,
                timezone,
                day_or,
            },
            Schedule::Cron {
                cron: stored_cron,
                timezone: stored_timezone,
                day_or: stored_day_or,
            },
        ) => cron == stored_cron && timezone == stored_timezone && day_or == stored_day_or,
        (
            Schedule::Interval {
                interval,
                anchor_date,
                timezone,
            },
            Schedule::Interval {
                interval: stored_interval,
                anchor_date: stored_anchor,
                timezone: stored_timezone,
            },
        ) => {
            let anchors_match = match (anchor_date, stored_anchor) {
                (Some(a), Some(b)) => instant(a) == instant(b),
                (None, _) => true,
                _ => false,
            };
            interval == stored_interval && anchors_match && timezone == stored_timezone
        }
        (
            Schedule::RRule { rrule, timezone },
            Schedule::RRule {
                rrule: stored_rrule,
                timezone: stored_timezone,
            },
        ) => {
            let comparable = if rrule.contains("DTSTART") {
                stored_rrule.as_str()
            } else {
                stored_rrule
                    .split_once('\n')
                    .filter(|(head, _)| head.starts_with("DTSTART"))
                    .map_or(stored_rrule.as_str(), |(_, rest)| rest)
            };
            comparable == rrule && timezone == stored_timezone
        }
        (wanted, stored) => wanted == stored,
    }
}

fn instant(text: &str) -> Option<Timestamp> {
    text.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn node(text: &str) -> Node {
        super::super::yaml::parse(text).unwrap()
    }

    /// The request as JSON, as it is sent.
    fn sent(node_text: &str) -> Value {
        serde_json::to_value(to_request(&node(node_text), None).unwrap()).unwrap()
    }

    #[test]
    fn builds_the_three_kinds_as_prefect_sends_them() {
        let cron = sent("cron: '0 8 * * *'\ntimezone: Europe/Berlin\n");
        assert_eq!(
            cron["schedule"],
            json!({"cron": "0 8 * * *", "timezone": "Europe/Berlin", "day_or": true})
        );
        assert_eq!(cron["active"], true);
        let interval = sent(
            "interval: PT1H\nanchor_date: '2026-01-01T08:00:00'\ntimezone: Europe/Berlin\nactive: false\n",
        );
        assert_eq!(
            interval["schedule"],
            json!({"interval": 3600.0, "anchor_date": "2026-01-01T08:00:00Z", "timezone": "Europe/Berlin"})
        );
        assert_eq!(
            sent("interval: '01:30:00'\n")["schedule"]["interval"],
            5400.0
        );
        let rrule = sent("rrule: FREQ=DAILY;BYHOUR=8\n");
        assert_eq!(
            rrule["schedule"],
            json!({"rrule": "FREQ=DAILY;BYHOUR=8", "timezone": "UTC"})
        );
    }

    #[test]
    fn bad_cron_and_timezones_point_at_their_value() {
        let err = to_request(&node("cron: not a cron\n"), None).unwrap_err();
        assert_eq!(err.pos.line, 1);
        assert!(
            err.message.contains("invalid cron string"),
            "{}",
            err.message
        );
        assert!(check_cron("61 * * * *").is_err());
        assert!(check_cron("*/5 8-17 * JAN-MAR mon-fri").is_ok());
        assert!(check_cron("@daily").is_ok());
        let err =
            to_request(&node("cron: '0 * * * *'\ntimezone: Mars/Olympus\n"), None).unwrap_err();
        assert_eq!(err.pos.line, 2);
        assert!(err.message.contains("Mars/Olympus"));
        assert!(to_request(&node("cron: '0 * * * *'\ninterval: 5\n"), None).is_err());
    }

    #[test]
    fn stored_forms_compare_equal() {
        // As the server returns them: ids added, a DTSTART in front of a bare rrule.
        let stored = |request: &DeploymentSchedule, change: &dyn Fn(&mut Value)| {
            let mut value = serde_json::to_value(request).unwrap();
            value["id"] = json!("x");
            change(&mut value);
            serde_json::from_value::<DeploymentSchedule>(value).unwrap()
        };
        let wanted = to_request(&node("rrule: FREQ=DAILY;BYHOUR=8\n"), None).unwrap();
        let back = stored(&wanted, &|v| {
            v["schedule"]["rrule"] = json!("DTSTART:20200101T000000\nFREQ=DAILY;BYHOUR=8")
        });
        assert!(same_schedule(&wanted, &back));
        let wanted = to_request(
            &node("interval: 600\nanchor_date: '2026-01-01T00:00:00Z'\n"),
            None,
        )
        .unwrap();
        let back = stored(&wanted, &|v| {
            v["schedule"]["anchor_date"] = json!("2026-01-01T00:00:00.000000Z")
        });
        assert!(same_schedule(&wanted, &back));
        let moved = stored(&wanted, &|v| v["schedule"]["interval"] = json!(601.0));
        assert!(!same_schedule(&wanted, &moved));
    }
}
