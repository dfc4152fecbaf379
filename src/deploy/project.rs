//! The prefect.yaml file: its shape, checked key by key, and choosing which entries to deploy.

use std::path::{Path, PathBuf};

use super::yaml::{Kind, Node, Pos};
use crate::error::UsageError;

/// A prefect.yaml, parsed, with every key checked against what Prefect understands.
#[derive(Debug, Clone)]
pub struct ProjectFile {
    pub path: PathBuf,
    pub root: Node,
    /// What Prefect would accept silently and ot2ctl says: keys it ignores, a Prefect 2
    /// `schedule`. One line each, `file:line:column: ...`.
    pub warnings: Vec<String>,
}

/// Top-level keys; `definitions` is the customary home of anchors.
const TOP_KEYS: &[&str] = &[
    "name",
    "prefect-version",
    "build",
    "push",
    "pull",
    "deployments",
    "definitions",
];

pub const DEPLOYMENT_KEYS: &[&str] = &[
    "name",
    "version",
    "version_type",
    "tags",
    "description",
    "schedule",
    "schedules",
    "paused",
    "concurrency_limit",
    "flow_name",
    "entrypoint",
    "parameters",
    "enforce_parameter_schema",
    "parameter_openapi_schema",
    "build",
    "push",
    "pull",
    "work_pool",
    "triggers",
    "sla",
];

const WORK_POOL_KEYS: &[&str] = &["name", "work_queue_name", "job_variables"];

pub const SCHEDULE_KEYS: &[&str] = &[
    "cron",
    "interval",
    "rrule",
    "timezone",
    "anchor_date",
    "day_or",
    "active",
    "parameters",
    "slug",
    "replaces",
    "max_scheduled_runs",
];

/// Schedule keys `prefect deploy` 3.0 to 3.2 wrote into prefect.yaml itself, which 3.8.8 refuses
/// when it reads them back ("Invalid fields in deployments").
const REFUSED_SCHEDULE_KEYS: &[&str] = &["max_active_runs", "catchup"];

/// How an unknown key is taken: Prefect's models ignore extra keys at the top level, in a
/// deployment, its work pool and its concurrency limit, and refuse them in a schedule.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Unknown {
    Ignored,
    Refused,
}

/// Keys a deployment cannot be made without.
const REQUIRED_DEPLOYMENT_KEYS: &[&str] = &["name", "entrypoint"];

const CONCURRENCY_KEYS: &[&str] = &["limit", "collision_strategy", "grace_period_seconds"];

impl ProjectFile {
    /// Reads and checks a prefect.yaml.
    /// Reads and checks the prefect.yaml at `path` (relative to `cwd`); messages name it as
    /// given.
    pub fn load(cwd: &Path, path: &Path) -> Result<ProjectFile, UsageError> {
        let text = crate::yaml_file::read_text(&cwd.join(path), path).map_err(|err| {
            if err.kind() == std::io::ErrorKind::InvalidData {
                return UsageError::new(err.to_string());
            }
            UsageError::new(format!(
                "cannot read {}: {err}{}",
                path.display(),
                if err.kind() == std::io::ErrorKind::NotFound {
                    " (run ot2ctl deploy where prefect.yaml is, or pass --prefect-file)"
                } else {
                    ""
                }
            ))
        })?;
        ProjectFile::parse(&text, path)
    }

    pub fn parse(text: &str, path: &Path) -> Result<ProjectFile, UsageError> {
        let origin = path.display().to_string();
        let root: Node = super::yaml::parse(text)
            .map_err(|err| UsageError::new(crate::yaml_file::error_line(&origin, &err)))?;
        let mut file = ProjectFile {
            path: path.to_path_buf(),
            root,
            warnings: Vec::new(),
        };
        file.warnings = file.check_shape()?;
        Ok(file)
    }

    /// `file:line:column: message` for a node of this file.
    pub fn error_at(&self, pos: Pos, message: impl std::fmt::Display) -> UsageError {
        UsageError::new(format!(
            "{}:{}:{}: {message}",
            self.path.display(),
            pos.line,
            pos.column
        ))
    }

    /// The deployment entries, in file order.
    pub fn deployments(&self) -> Vec<&Node> {
        match self.root.field("deployments").map(|d| &d.kind) {
            Some(Kind::Seq(items)) => items.iter().collect(),
            _ => Vec::new(),
        }
    }

    /// A top-level action section (`build`, `push`, `pull`).
    pub fn action(&self, name: &str) -> Option<&Node> {
        self.root.field(name)
    }

    /// Checks the file's shape; returns the warnings for what Prefect would ignore.
    fn check_shape(&self) -> Result<Vec<String>, UsageError> {
        if matches!(self.root.kind, Kind::Null) {
            return Err(self.error_at(self.root.pos, "the file is empty"));
        }
        let mut warnings = Vec::new();
        self.check_keys(
            &self.root,
            TOP_KEYS,
            "at the top level",
            Unknown::Ignored,
            &mut warnings,
        )?;
        for section in ["build", "push", "pull"] {
            if let Some(node) = self.root.field(section) {
                self.check_steps(node, section)?;
            }
        }
        let Some(deployments) = self.root.field("deployments") else {
            return Ok(warnings);
        };
        let Kind::Seq(entries) = &deployments.kind else {
            return Err(self.error_at(
                deployments.pos,
                format!("deployments must be a list, not {}", deployments.describe()),
            ));
        };
        for entry in entries {
            let label = entry.field("name").and_then(Node::as_str).map_or_else(
                || "a deployment".to_string(),
                |n| format!("deployment '{n}'"),
            );
            if !matches!(entry.kind, Kind::Map(_)) {
                return Err(self.error_at(
                    entry.pos,
                    format!(
                        "each deployment must be a mapping, not {}",
                        entry.describe()
                    ),
                ));
            }
            if !is_named(entry) {
                warnings.push(
                    self.error_at(
                        entry.pos,
                        "a deployment without a name is skipped by --all, as Prefect skips it",
                    )
                    .to_string(),
                );
            }
            self.check_keys(
                entry,
                DEPLOYMENT_KEYS,
                &format!("in {label}"),
                Unknown::Ignored,
                &mut warnings,
            )?;
            if let Some(pool) = entry.field("work_pool").filter(|p| !p.is_null()) {
                self.check_keys(
                    pool,
                    WORK_POOL_KEYS,
                    &format!("in the work_pool of {label}"),
                    Unknown::Ignored,
                    &mut warnings,
                )?;
            }
            if let Some(limit) = entry.field("concurrency_limit")
                && matches!(limit.kind, Kind::Map(_))
            {
                self.check_keys(
                    limit,
                    CONCURRENCY_KEYS,
                    &format!("in the concurrency_limit of {label}"),
                    Unknown::Ignored,
                    &mut warnings,
                )?;
            }
            self.check_legacy_schedule(entry, &label, &mut warnings)?;
            for key in ["schedule", "schedules"] {
                let Some(node) = entry.field(key) else {
                    continue;
                };
                let items: Vec<&Node> = match &node.kind {
                    Kind::Seq(items) => items.iter().collect(),
                    Kind::Null => Vec::new(),
                    Kind::Map(entries) if entries.is_empty() => Vec::new(),
                    _ => vec![node],
                };
                for item in items {
                    for refused in REFUSED_SCHEDULE_KEYS {
                        if let Some((key, _)) = item.entry(refused) {
                            return Err(self.error_at(
                                key.pos,
                                format!(
                                    "'{refused}' in a schedule of {label}: prefect deploy 3.0 to \
                                     3.2 wrote it, and Prefect 3.8.8 refuses it; remove the line"
                                ),
                            ));
                        }
                    }
                    self.check_keys(
                        item,
                        SCHEDULE_KEYS,
                        &format!("in a schedule of {label}"),
                        Unknown::Refused,
                        &mut warnings,
                    )?;
                }
            }
            for section in ["build", "push", "pull"] {
                if let Some(node) = entry.field(section) {
                    self.check_steps(node, section)?;
                }
            }
        }
        Ok(warnings)
    }

    /// What ot2ctl cannot create yet (SLAs), checked only in the entries it is
    /// about to deploy: Prefect validates every entry's fields (as `check_shape` does), but a
    /// deployment that `--name` leaves out is none of ot2ctl's business (issue 23, item 2).
    pub fn check_supported(&self, entry: &Node) -> Result<(), UsageError> {
        let label = entry.field("name").and_then(Node::as_str).map_or_else(
            || "a deployment".to_string(),
            |n| format!("deployment '{n}'"),
        );
        for unsupported in ["sla"] {
            if let Some(node) = entry.field(unsupported).filter(|n| !n.is_null()) {
                return Err(self.error_at(
                    node.pos,
                    format!(
                        "{label} has {unsupported}, which ot2ctl does not create yet; remove \
                         them or deploy this entry with `prefect deploy`"
                    ),
                ));
            }
        }
        Ok(())
    }

    /// Prefect 2's `schedule` (one mapping) next to Prefect 3's `schedules`, as Prefect 3.8.8
    /// takes it: empty or null is ignored, a non-empty one is the only schedule, and both at
    /// once is refused.
    fn check_legacy_schedule(
        &self,
        entry: &Node,
        label: &str,
        warnings: &mut Vec<String>,
    ) -> Result<(), UsageError> {
        let Some(legacy) = entry.field("schedule") else {
            return Ok(());
        };
        let empty = match &legacy.kind {
            Kind::Null => true,
            Kind::Map(entries) => entries.is_empty(),
            _ => false,
        };
        if empty {
            warnings.push(
                self.error_at(
                    legacy.pos,
                    format!(
                        "{label} has an empty 'schedule' (Prefect 2's key), which Prefect \
                         ignores; use 'schedules'"
                    ),
                )
                .to_string(),
            );
            return Ok(());
        }
        if entry.field("schedules").is_some() {
            return Err(self.error_at(
                legacy.pos,
                format!(
                    "{label} has both 'schedule' and 'schedules'; keep only 'schedules' (Prefect \
                     refuses both too)"
                ),
            ));
        }
        Ok(())
    }

    /// Every key of a mapping should be known. Where Prefect ignores an unknown key it is a
    /// warning (with the nearest known key, for a typo); where Prefect refuses it, an error.
    fn check_keys(
        &self,
        node: &Node,
        known: &[&str],
        place: &str,
        unknown: Unknown,
        warnings: &mut Vec<String>,
    ) -> Result<(), UsageError> {
        let Kind::Map(entries) = &node.kind else {
            return Err(self.error_at(
                node.pos,
                format!("expected a mapping {place}, found {}", node.describe()),
            ));
        };
        for (key, _) in entries {
            if known.contains(&key.name.as_str()) {
                continue;
            }
            let hint = match nearest(&key.name, known) {
                Some(close) => format!("did you mean '{close}'?"),
                None => format!("known keys: {}", known.join(", ")),
            };
            match unknown {
                Unknown::Refused => {
                    return Err(self.error_at(
                        key.pos,
                        format!("unknown key '{}' {place}; {hint}", key.name),
                    ));
                }
                // A typo of a required key that is then missing becomes that key's error
                // (`missing_key`), not a warning as well.
                Unknown::Ignored
                    if nearest(&key.name, known).is_some_and(|close| {
                        REQUIRED_DEPLOYMENT_KEYS.contains(&close)
                            && known == DEPLOYMENT_KEYS
                            && node.field(close).is_none()
                    }) => {}
                Unknown::Ignored => warnings.push(
                    self.error_at(
                        key.pos,
                        format!(
                            "unknown key '{}' {place} is ignored, as Prefect ignores it{}",
                            key.name,
                            nearest(&key.name, known)
                                .map(|close| format!(" (did you mean '{close}'?)"))
                                .unwrap_or_default()
                        ),
                    )
                    .to_string(),
                ),
            }
        }
        Ok(())
    }

    /// The error for a required key missing from a deployment: points at the key that looks
    /// like a misspelling of it (Prefect ignored it, and so did ot2ctl, with a warning), or at
    /// the entry when there is none.
    pub fn missing_key(&self, entry: &Node, key: &str, message: String) -> UsageError {
        let misspelt = match &entry.kind {
            Kind::Map(entries) => entries.iter().map(|(k, _)| k).find(|k| {
                !DEPLOYMENT_KEYS.contains(&k.name.as_str())
                    && nearest(&k.name, DEPLOYMENT_KEYS) == Some(key)
            }),
            _ => None,
        };
        match misspelt {
            Some(typo) => self.error_at(
                typo.pos,
                format!(
                    "{message}; '{}' is not a key, did you mean '{key}'?",
                    typo.name
                ),
            ),
            None => self.error_at(entry.pos, message),
        }
    }

    /// An action section is a list of single-key step mappings (a single mapping is accepted).
    fn check_steps(&self, node: &Node, section: &str) -> Result<(), UsageError> {
        let steps: Vec<&Node> = match &node.kind {
            Kind::Null => return Ok(()),
            Kind::Seq(items) => items.iter().collect(),
            Kind::Map(entries) if entries.is_empty() => return Ok(()),
            Kind::Map(_) => vec![node],
            _ => {
                return Err(self.error_at(
                    node.pos,
                    format!("{section} must be a list of steps, not {}", node.describe()),
                ));
            }
        };
        for step in steps {
            match &step.kind {
                Kind::Map(entries) if entries.len() == 1 => {}
                _ => {
                    return Err(self.error_at(
                        step.pos,
                        format!(
                            "each {section} step is a mapping with one key, the step's function \
                             (e.g. prefect.deployments.steps.run_shell_script)"
                        ),
                    ));
                }
            }
        }
        Ok(())
    }
}

/// The known word closest to `word`, if it is close enough to be a typo.
pub fn nearest<'a>(word: &str, known: &[&'a str]) -> Option<&'a str> {
    let (best, distance) = known
        .iter()
        .map(|candidate| (*candidate, edit_distance(word, candidate)))
        .min_by_key(|(_, distance)| *distance)?;
    let limit = (word.chars().count() / 3).max(2);
    (distance <= limit).then_some(best)
}

/// Levenshtein distance, counting a swap of two neighbours as one edit.
fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut rows = vec![vec![0usize; b.len() + 1]; a.len() + 1];
    for (i, row) in rows.iter_mut().enumerate() {
        row[0] = i;
    }
    for (j, cell) in rows[0].iter_mut().enumerate() {
        *cell = j;
    }
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut best = (rows[i - 1][j] + 1)
                .min(rows[i][j - 1] + 1)
                .min(rows[i - 1][j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                best = best.min(rows[i - 2][j - 2] + 1);
            }
            rows[i][j] = best;
        }
    }
    rows[a.len()][b.len()]
}

/// Which entries to deploy, chosen the way `prefect deploy` chooses them.
///
/// `--name NAME` matches entries named NAME; `--name flow/deployment` also requires the
/// entrypoint's function to be `flow` (with `-` read as `_`); names with `*` are globs on the
/// raw (untemplated) names, the flow part matched against the function name with `_` as `-`.
pub fn select<'a>(
    file: &ProjectFile,
    entries: &[&'a Node],
    names: &[String],
    all: bool,
) -> Result<Vec<&'a Node>, UsageError> {
    if all && !names.is_empty() {
        return Err(UsageError::new("--all and --name cannot be used together"));
    }
    if entries.is_empty() {
        return Err(UsageError::new(format!(
            "{} declares no deployments",
            file.path.display()
        )));
    }
    if all {
        // Unnamed entries (`prefect init`'s template) are skipped, as Prefect skips them; a
        // file of nothing else deploys nothing, which Prefect also fails.
        let named: Vec<&'a Node> = entries.iter().copied().filter(|e| is_named(e)).collect();
        if named.is_empty() {
            return Err(UsageError::new(format!(
                "{} declares no deployment with a name (an entry without one is a template, \
                 skipped by --all); give each deployment a name",
                file.path.display()
            )));
        }
        return Ok(named);
    }
    if names.is_empty() {
        if entries.len() == 1 {
            return Ok(entries.to_vec());
        }
        let available: Vec<&str> = entries
            .iter()
            .filter_map(|e| e.field("name").and_then(Node::as_str))
            .collect();
        return Err(UsageError::new(format!(
            "{} declares {} deployments; pick with --name NAME (repeatable) or --all (names: {})",
            file.path.display(),
            entries.len(),
            available.join(", ")
        )));
    }
    let mut chosen: Vec<&'a Node> = Vec::new();
    for name in names {
        let matched: Vec<&'a Node> = entries
            .iter()
            .copied()
            .filter(|entry| name_matches(name, entry))
            .collect();
        if matched.is_empty() {
            return Err(UsageError::new(format!(
                "no deployment in {} matches '{name}'",
                file.path.display()
            )));
        }
        for entry in matched {
            if !chosen.iter().any(|c| std::ptr::eq(*c, entry)) {
                chosen.push(entry);
            }
        }
    }
    Ok(chosen)
}

fn is_named(entry: &Node) -> bool {
    entry.field("name").is_some_and(|name| !name.is_null())
}

fn name_matches(pattern: &str, entry: &Node) -> bool {
    let Some(name) = entry.field("name").and_then(Node::as_str) else {
        return false;
    };
    let function = entry
        .field("entrypoint")
        .and_then(Node::as_str)
        .and_then(|e| e.rsplit(':').next())
        .unwrap_or("");
    let (flow_pattern, deployment_pattern) = match pattern.split_once('/') {
        Some((flow, deployment)) => (Some(flow), deployment),
        None => (None, pattern),
    };
    if pattern.contains('*') {
        let flow_ok = flow_pattern.is_none_or(|f| glob(f, &function.replace('_', "-")));
        return flow_ok && glob(deployment_pattern, name);
    }
    let flow_ok = flow_pattern.is_none_or(|f| f.replace('-', "_") == function);
    flow_ok && deployment_pattern == name
}

/// Full match of a `*` glob.
fn glob(pattern: &str, text: &str) -> bool {
    let parts: Vec<&str> = pattern.split('*').collect();
    if parts.len() == 1 {
        return pattern == text;
    }
    let mut rest = text;
    for (index, part) in parts.iter().enumerate() {
        if index == 0 {
            let Some(after) = rest.strip_prefix(part) else {
                return false;
            };
            rest = after;
        } else if index == parts.len() - 1 {
            return rest.ends_with(part);
        } else {
            match rest.find(part) {
                Some(at) => rest = &rest[at + part.len()..],
                None => return false,
            }
        }
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Result<ProjectFile, UsageError> {
        ProjectFile::parse(text, Path::new("prefect.yaml"))
    }

    #[test]
    fn a_typo_in_a_deployment_names_the_nearest_key() {
        let file = parse("deployments:\n  - name: a\n    entrypoint: f.py:f\n    entrypiont: x\n")
            .unwrap();
        assert_eq!(
            file.warnings,
            [
                "prefect.yaml:4:5: unknown key 'entrypiont' in deployment 'a' is ignored, as Prefect \
                 ignores it (did you mean 'entrypoint'?)"
            ]
        );
        // Without the real key, the typo is the missing key's error alone.
        let file = parse("deployments:\n  - name: a\n    entrypiont: f.py:f\n").unwrap();
        assert!(file.warnings.is_empty(), "{:?}", file.warnings);
        let entry = file.deployments()[0];
        assert_eq!(
            file.missing_key(entry, "entrypoint", "no entrypoint".into())
                .to_string(),
            "prefect.yaml:3:5: no entrypoint; 'entrypiont' is not a key, did you mean 'entrypoint'?"
        );
        let file = parse("deployments:\n  - name: a\n    work_pool: {nme: p}\n").unwrap();
        assert!(
            file.warnings[0].contains("did you mean 'name'"),
            "{:?}",
            file.warnings
        );
    }

    #[test]
    fn schedule_keys_prefect_refuses_are_refused_with_the_line() {
        let err = parse(
            "deployments:\n  - name: a\n    entrypoint: f.py:f\n    schedules:\n      - cron: '0 * * * *'\n        catchup: false\n",
        )
        .unwrap_err()
        .to_string();
        assert!(
            err.starts_with("prefect.yaml:6:9: 'catchup' in a schedule"),
            "{err}"
        );
        assert!(err.contains("Prefect 3.8.8 refuses it"), "{err}");
    }

    #[test]
    fn a_legacy_schedule_beside_schedules_is_refused_as_prefect_refuses_it() {
        let err = parse(
            "deployments:\n  - name: a\n    entrypoint: f.py:f\n    schedule: {cron: '0 * * * *'}\n    schedules:\n      - cron: '0 6 * * *'\n",
        )
        .unwrap_err()
        .to_string();
        assert!(err.contains("has both 'schedule' and 'schedules'"), "{err}");
    }

    #[test]
    fn a_file_of_template_entries_only_deploys_nothing_and_says_so() {
        let file = parse("deployments:\n  - name: null\n    entrypoint: null\n").unwrap();
        let entries = file.deployments();
        let err = select(&file, &entries, &[], true).unwrap_err().to_string();
        assert!(err.contains("declares no deployment with a name"), "{err}");
    }

    #[test]
    fn unnamed_template_entries_are_skipped_by_all() {
        let file = parse(
            "deployments:\n  - name: null\n    entrypoint: null\n  - name: a\n    entrypoint: f.py:f\n",
        )
        .unwrap();
        assert!(
            file.warnings[0].contains("skipped by --all"),
            "{:?}",
            file.warnings
        );
        let entries = file.deployments();
        let chosen = select(&file, &entries, &[], true).unwrap();
        assert_eq!(chosen.len(), 1);
    }

    #[test]
    fn steps_must_be_single_key_mappings() {
        let err = parse("build:\n  - {a: 1, b: 2}\n").unwrap_err().to_string();
        assert!(err.starts_with("prefect.yaml:2:5:"), "{err}");
    }

    fn entries(text: &str) -> ProjectFile {
        parse(text).unwrap()
    }

    #[test]
    fn selection_follows_prefects_rules() {
        let file = entries(
            "deployments:\n  - {name: one, entrypoint: flows.py:run_protocol}\n  - {name: other, entrypoint: flows.py:run_protocol}\n  - {name: \"tmpl-{{ $X }}\", entrypoint: f.py:mix}\n",
        );
        let all = file.deployments();
        let pick = |names: &[&str]| {
            let names: Vec<String> = names.iter().map(|n| n.to_string()).collect();
            select(&file, &all, &names, false)
                .map(|chosen| {
                    chosen
                        .iter()
                        .map(|n| n.field("name").unwrap().as_str().unwrap().to_string())
                        .collect::<Vec<_>>()
                })
                .map_err(|e| e.to_string())
        };
        assert_eq!(pick(&["one"]).unwrap(), ["one"]);
        assert_eq!(pick(&["run-protocol/other"]).unwrap(), ["other"]);
        assert!(pick(&["ot2-protocol/other"]).is_err());
        assert_eq!(pick(&["tmpl-*"]).unwrap(), ["tmpl-{{ $X }}"]);
        assert_eq!(pick(&["*-protocol/oth*"]).unwrap(), ["other"]);
        assert!(pick(&[]).unwrap_err().contains("--all"));
        assert_eq!(select(&file, &all, &[], true).unwrap().len(), 3);
    }

    #[test]
    fn nearest_only_suggests_close_words() {
        assert_eq!(nearest("shedules", DEPLOYMENT_KEYS), Some("schedules"));
        assert_eq!(nearest("zzzzzz", DEPLOYMENT_KEYS), None);
    }
}
