//! The lab file: what it may contain, and its validation.
//!
//! ```yaml
//! work_pools:
//!   - name: ot2-device-pool
//!     type: process                  # default: process
//!     description: Work pool for OT-2 laboratory devices
//!     concurrency_limit: 1           # omit to leave as is, null for no limit
//!     paused: false                  # omit to leave as is
//!     queues:
//!       - name: high-priority
//!         priority: 1                # 1 = most urgent; unique within the pool
//!         description: Colour mixing
//! zombie_runs:                       # optional: Prefect's zombie-run automation
//!   crash_after_seconds: 90          # a running run silent this long is marked CRASHED
//! plate:                             # optional: what `ot2ctl plate new` records
//!   project: OT2                     # written into every well's document
//!   rows: B-H                        # the rows used (row A is left free)
//!   columns: 1-12
//!   missing_well: protocol-default   # or auto: a mix naming no well gets the next free one
//! campaign:                          # optional: what `ot2ctl campaign start` reads
//!   total_ul: 250                    # µL in every mix of a campaign (60-300)
//! ```

use std::collections::HashMap;
use std::path::Path;

use serde::{Deserialize, Deserializer};
use serde_saphyr::{Location, Spanned};

use crate::api::names::{work_pool_name_problem, work_queue_name_problem};
use crate::api::templates::pool_type_problem;
use crate::error::UsageError;
use crate::yaml_file;

/// A validated lab file.
#[derive(Debug, Clone, PartialEq)]
pub struct LabSpec {
    pub pools: Vec<PoolSpec>,
    /// `None`: the automation is left as it is on the server.
    pub zombie_runs: Option<ZombieRuns>,
    /// Read by `ot2ctl plate new` (the plate's own rules check it there); `lab setup` leaves
    /// it alone.
    pub plate: Option<PlateSection>,
    /// Read by `ot2ctl campaign start`; `lab setup` leaves it alone.
    pub campaign: Option<CampaignSection>,
}

/// The lab file's `campaign` section, as written.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct CampaignSection {
    pub total_ul: Option<Field>,
}

/// The lab file's `plate` section, as written, with where each value is.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct PlateSection {
    pub project: Option<Field>,
    pub rows: Option<Field>,
    pub columns: Option<Field>,
    pub missing_well: Option<Field>,
}

/// A text value of the lab file and its line and column.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Field {
    pub value: String,
    pub line: usize,
    pub column: usize,
}

/// Prefect's automation that marks a run CRASHED when its heartbeats stop.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ZombieRuns {
    pub crash_after_seconds: u64,
}

/// Heartbeats come every 30 s at the least (Prefect's engine takes no less): a run must be
/// allowed to miss one before it is called a zombie.
pub const MIN_CRASH_AFTER_SECONDS: u64 = 60;

/// A work pool as the lab file wants it. `None` fields are left as they are on the server.
#[derive(Debug, Clone, PartialEq)]
pub struct PoolSpec {
    pub name: String,
    pub pool_type: String,
    pub description: Option<String>,
    /// `Some(None)`: no limit.
    pub concurrency_limit: Option<Option<u64>>,
    pub paused: Option<bool>,
    pub queues: Vec<QueueSpec>,
}

/// A work queue as the lab file wants it. `None` fields are left as they are on the server.
#[derive(Debug, Clone, PartialEq)]
pub struct QueueSpec {
    pub name: String,
    pub priority: Option<u32>,
    pub description: Option<String>,
    /// `Some(None)`: no limit.
    pub concurrency_limit: Option<Option<u64>>,
    pub paused: Option<bool>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawLab {
    work_pools: Vec<RawPool>,
    zombie_runs: Option<RawZombieRuns>,
    plate: Option<RawPlate>,
    campaign: Option<RawCampaign>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawCampaign {
    total_ul: Option<Spanned<WholeNumber>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawPlate {
    project: Option<Spanned<String>>,
    rows: Option<Spanned<String>>,
    columns: Option<Spanned<String>>,
    missing_well: Option<Spanned<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawZombieRuns {
    crash_after_seconds: Spanned<WholeNumber>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawPool {
    name: Spanned<String>,
    #[serde(rename = "type")]
    pool_type: Option<Spanned<String>>,
    description: Option<String>,
    #[serde(default, deserialize_with = "present")]
    concurrency_limit: Option<Option<WholeNumber>>,
    paused: Option<bool>,
    #[serde(default)]
    queues: Vec<RawQueue>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawQueue {
    name: Spanned<String>,
    priority: Option<Spanned<WholeNumber>>,
    description: Option<String>,
    #[serde(default, deserialize_with = "present")]
    concurrency_limit: Option<Option<WholeNumber>>,
    paused: Option<bool>,
}

/// A whole number, with an error that says so ("invalid type: string \"high\", expected a
/// whole number") instead of "invalid u32".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct WholeNumber(u64);

impl<'de> Deserialize<'de> for WholeNumber {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl serde::de::Visitor<'_> for Visitor {
            type Value = WholeNumber;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a whole number")
            }
            fn visit_u64<E: serde::de::Error>(self, value: u64) -> Result<WholeNumber, E> {
                Ok(WholeNumber(value))
            }
            fn visit_i64<E: serde::de::Error>(self, value: i64) -> Result<WholeNumber, E> {
                u64::try_from(value)
                    .map(WholeNumber)
                    .map_err(|_| E::custom(format!("{value} is negative; expected a whole number")))
            }
        }
        deserializer.deserialize_any(Visitor)
    }
}

fn limit(raw: Option<Option<WholeNumber>>) -> Option<Option<u64>> {
    raw.map(|limit| limit.map(|n| n.0))
}

/// Tells "absent" (None, via `default`) from "null" (`Some(None)`).
fn present<'de, D, T>(deserializer: D) -> Result<Option<Option<T>>, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de>,
{
    Option::<T>::deserialize(deserializer).map(Some)
}

/// Reads and validates a lab file.
/// Reads and validates the lab file at `path` (relative to `cwd`); messages name it as given.
pub fn load(cwd: &Path, path: &Path) -> Result<LabSpec, UsageError> {
    let text = yaml_file::read_text(&cwd.join(path), path).map_err(|err| match err.kind() {
        std::io::ErrorKind::InvalidData => UsageError::new(err.to_string()),
        _ => UsageError::new(format!("cannot read {}: {err}", path.display())),
    })?;
    parse(&text, &path.display().to_string())
}

/// Parses and validates lab-file text; `origin` names it in errors.
pub fn parse(text: &str, origin: &str) -> Result<LabSpec, UsageError> {
    let at = |location: Location, message: String| {
        UsageError::new(format!(
            "{origin}:{}:{}: {message}",
            location.line(),
            location.column()
        ))
    };
    let raw: RawLab = serde_saphyr::from_str(text)
        .map_err(|err| UsageError::new(yaml_file::error_line(origin, &err)))?;

    if raw.work_pools.is_empty() {
        return Err(UsageError::new(format!(
            "{origin}: work_pools is empty; declare at least one pool"
        )));
    }
    let mut pool_lines: HashMap<String, Location> = HashMap::new();
    let mut pools = Vec::new();
    for pool in raw.work_pools {
        let name = pool.name.value.clone();
        if let Some(problem) = work_pool_name_problem(&name) {
            return Err(at(
                pool.name.referenced,
                format!("work pool name '{name}': {problem}"),
            ));
        }
        if let Some(first) = pool_lines.insert(name.clone(), pool.name.referenced) {
            return Err(at(
                pool.name.referenced,
                format!(
                    "work pool '{name}' is declared twice (first at line {})",
                    first.line()
                ),
            ));
        }
        let pool_type = match pool.pool_type {
            Some(t) if t.value.trim().is_empty() => {
                return Err(at(t.referenced, "the pool type is empty".into()));
            }
            Some(t) if pool_type_problem(&t.value).is_some() => {
                let problem = pool_type_problem(&t.value).expect("checked");
                return Err(at(
                    t.referenced,
                    format!(
                        "{problem} (a pool of another type can be made with `ot2ctl work-pool \
                         create --type {} --force`, then left out of lab.yaml)",
                        t.value
                    ),
                ));
            }
            Some(t) => t.value,
            None => "process".to_string(),
        };
        pools.push(PoolSpec {
            queues: validate_queues(&name, pool.queues, &at)?,
            name,
            pool_type,
            description: pool.description,
            concurrency_limit: limit(pool.concurrency_limit),
            paused: pool.paused,
        });
    }
    let zombie_runs = match raw.zombie_runs {
        None => None,
        Some(raw) => {
            let seconds = raw.crash_after_seconds.value.0;
            if seconds < MIN_CRASH_AFTER_SECONDS {
                return Err(at(
                    raw.crash_after_seconds.referenced,
                    format!(
                        "zombie_runs.crash_after_seconds is {seconds}; it must be at least \
                         {MIN_CRASH_AFTER_SECONDS}, as runs send a heartbeat every 30 s at the least"
                    ),
                ));
            }
            Some(ZombieRuns {
                crash_after_seconds: seconds,
            })
        }
    };
    let field = |value: Option<Spanned<String>>| {
        value.map(|v| Field {
            line: v.referenced.line() as usize,
            column: v.referenced.column() as usize,
            value: v.value,
        })
    };
    let plate = raw.plate.map(|raw| PlateSection {
        project: field(raw.project),
        rows: field(raw.rows),
        columns: field(raw.columns),
        missing_well: field(raw.missing_well),
    });
    let campaign = raw.campaign.map(|raw| CampaignSection {
        total_ul: raw.total_ul.map(|v| Field {
            line: v.referenced.line() as usize,
            column: v.referenced.column() as usize,
            value: v.value.0.to_string(),
        }),
    });
    Ok(LabSpec {
        pools,
        zombie_runs,
        plate,
        campaign,
    })
}

fn validate_queues(
    pool: &str,
    raw: Vec<RawQueue>,
    at: &dyn Fn(Location, String) -> UsageError,
) -> Result<Vec<QueueSpec>, UsageError> {
    let mut names: HashMap<String, Location> = HashMap::new();
    let mut priorities: HashMap<u32, (String, Location)> = HashMap::new();
    let mut queues = Vec::new();
    for queue in raw {
        let name = queue.name.value.clone();
        if let Some(problem) = work_queue_name_problem(&name) {
            return Err(at(
                queue.name.referenced,
                format!("work queue name '{name}': {problem}"),
            ));
        }
        if let Some(first) = names.insert(name.clone(), queue.name.referenced) {
            return Err(at(
                queue.name.referenced,
                format!(
                    "work queue '{name}' is declared twice in pool '{pool}' (first at line {})",
                    first.line()
                ),
            ));
        }
        let priority = match &queue.priority {
            Some(p) => Some(Spanned {
                value: u32::try_from(p.value.0).map_err(|_| {
                    at(
                        p.referenced,
                        format!("priority {} of queue '{name}' is too large", p.value.0),
                    )
                })?,
                referenced: p.referenced,
                defined: p.defined,
            }),
            None => None,
        };
        if let Some(priority) = &priority {
            if priority.value == 0 {
                return Err(at(
                    priority.referenced,
                    format!("priority of queue '{name}' must be 1 or more (1 = most urgent)"),
                ));
            }
            if let Some((other, line)) =
                priorities.insert(priority.value, (name.clone(), priority.referenced))
            {
                return Err(at(
                    priority.referenced,
                    format!(
                        "priority {} of queue '{name}' is already given to queue '{other}' (line {}); \
                         priorities are unique within a pool",
                        priority.value,
                        line.line()
                    ),
                ));
            }
        }
        queues.push(QueueSpec {
            name,
            priority: priority.map(|p| p.value),
            description: queue.description,
            concurrency_limit: limit(queue.concurrency_limit),
            paused: queue.paused,
        });
    }
    Ok(queues)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_zombie_delay_shorter_than_a_missed_heartbeat_is_refused_with_its_position() {
        let text = "work_pools:\n  - name: p\nzombie_runs:\n  crash_after_seconds: 45\n";
        let err = parse(text, "lab.yaml").unwrap_err().to_string();
        assert!(
            err.starts_with("lab.yaml:4:24: zombie_runs.crash_after_seconds is 45"),
            "{err}"
        );
        let text = "work_pools:\n  - name: p\nzombie_runs:\n  crash_after_seconds: 90\n";
        assert_eq!(
            parse(text, "lab.yaml").unwrap().zombie_runs,
            Some(ZombieRuns {
                crash_after_seconds: 90
            })
        );
    }

    const LAB: &str = "\
work_pools:
  - name: ot2-device-pool
    description: Work pool for OT-2 laboratory devices
    concurrency_limit: null
    queues:
      - name: high-priority
        priority: 1
        description: Colour mixing
      - name: standard
        priority: 2
        concurrency_limit: 3
";

    #[test]
    fn reads_a_lab_file_with_defaults_and_nulls() {
        let spec = parse(LAB, "lab.yaml").unwrap();
        let pool = &spec.pools[0];
        assert_eq!(pool.pool_type, "process");
        assert_eq!(pool.concurrency_limit, Some(None));
        assert_eq!(pool.paused, None);
        assert_eq!(pool.queues[0].priority, Some(1));
        assert_eq!(pool.queues[0].concurrency_limit, None);
        assert_eq!(pool.queues[1].concurrency_limit, Some(Some(3)));
    }

    #[test]
    fn anchors_and_merge_keys_work() {
        let text = "\
work_pools:
  - name: p
    queues:
      - &base {name: a, priority: 1, description: shared}
      - <<: *base
        name: b
        priority: 2
";
        let spec = parse(text, "lab.yaml").unwrap();
        assert_eq!(
            spec.pools[0].queues[1].description.as_deref(),
            Some("shared")
        );
    }

    fn error_of(text: &str) -> String {
        parse(text, "lab.yaml").unwrap_err().to_string()
    }

    #[test]
    fn duplicate_priority_points_at_the_second_one() {
        let err = error_of(
            "work_pools:\n  - name: p\n    queues:\n      - {name: a, priority: 1}\n      - name: b\n        priority: 1\n",
        );
        assert!(
            err.starts_with("lab.yaml:6:19: priority 1 of queue 'b'"),
            "{err}"
        );
    }

    #[test]
    fn typos_and_wrong_types_name_line_and_column() {
        let err = error_of(
            "work_pools:\n  - name: p\n    queues:\n      - name: a\n        prority: 1\n",
        );
        assert!(err.starts_with("lab.yaml:5:"), "{err}");
        assert!(err.contains("prority"), "{err}");
        assert!(!err.contains('\n'), "{err}");

        let err = error_of(
            "work_pools:\n  - name: p\n    queues:\n      - name: a\n        priority: high\n",
        );
        assert!(err.starts_with("lab.yaml:5:"), "{err}");
        assert!(!err.contains('\n'), "{err}");
    }

    #[test]
    fn bad_names_and_zero_priorities_are_refused() {
        let err = error_of("work_pools:\n  - name: prefect-pool\n");
        assert!(
            err.starts_with("lab.yaml:2:11: work pool name 'prefect-pool'"),
            "{err}"
        );
        let err =
            error_of("work_pools:\n  - name: p\n    queues:\n      - {name: a, priority: 0}\n");
        assert!(err.starts_with("lab.yaml:4:"), "{err}");
        assert!(err.contains("1 or more"), "{err}");
        let err = error_of("work_pools:\n  - name: p\n    queues:\n      - {name: a/b}\n");
        assert!(err.contains("'/'"), "{err}");
    }

    #[test]
    fn syntax_errors_are_one_line() {
        let err = error_of("work_pools:\n  - name: [p\n");
        assert!(err.starts_with("lab.yaml:"), "{err}");
        assert!(!err.contains('\n'), "{err}");
    }
}
