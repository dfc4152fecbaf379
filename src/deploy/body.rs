//! A templated prefect.yaml entry → the typed deployment body `prefect deploy` sends
//! ([`DeploymentCreate`]), field group by field group: the deployment's name; its flow
//! (entrypoint, name, description, parameter schema, read from source); its version; where it
//! runs (pool, queue, job variables); its tags and description; its concurrency; its
//! schedules; its parameters. Every mistake is reported at its position in the file.

use std::path::Path;

use md5::{Digest, Md5};
use serde_json::{Map, Value};

use super::project::ProjectFile;
use super::python::{FlowInfo, SchemaRules, read_flow, read_flow_file};
use super::schedule;
use super::yaml::{Kind, Node, Pos};
use crate::api::models::{ConcurrencyOptions, DeploymentCreate, DeploymentSchedule, VersionInfo};
use crate::api::names::deployment_name_problem;
use crate::entrypoint::Entrypoint;
use crate::error::UsageError;

/// The body of one entry, and what deploy needs to report on it.
#[derive(Debug, Clone)]
pub struct Body {
    pub body: DeploymentCreate,
    pub flow_name: String,
    /// Where the work pool's name is written, to report a pool missing on the server.
    pub work_pool_pos: Pos,
    pub warnings: Vec<String>,
}

/// Typed reading of a templated entry, every mistake reported at its position.
pub struct Fields<'a> {
    pub file: &'a ProjectFile,
    pub node: &'a Node,
    /// The entry before templating, whose positions name keys a template left out.
    pub raw: &'a Node,
}

impl Fields<'_> {
    /// The value of a key that is there and not null.
    fn field(&self, key: &str) -> Option<&Node> {
        self.node.field(key).filter(|n| !n.is_null())
    }

    fn wrong(&self, node: &Node, key: &str, expected: &str) -> UsageError {
        self.file.error_at(
            node.pos,
            format!("{key} must be {expected}, not {}", node.describe()),
        )
    }

    fn text(&self, key: &str) -> Result<Option<String>, UsageError> {
        match self.field(key) {
            None => Ok(None),
            Some(node) => match &node.kind {
                Kind::String(s) => Ok(Some(s.clone())),
                Kind::Number(n) => Ok(Some(n.to_string())),
                _ => Err(self.wrong(node, key, "a string")),
            },
        }
    }

    fn boolean(&self, key: &str) -> Result<Option<bool>, UsageError> {
        match self.field(key) {
            None => Ok(None),
            Some(node) => match &node.kind {
                Kind::Bool(b) => Ok(Some(*b)),
                Kind::String(s) if s.eq_ignore_ascii_case("true") => Ok(Some(true)),
                Kind::String(s) if s.eq_ignore_ascii_case("false") => Ok(Some(false)),
                _ => Err(self.wrong(node, key, "true or false")),
            },
        }
    }

    fn mapping(&self, node: Option<&Node>, key: &str) -> Result<Map<String, Value>, UsageError> {
        match node.filter(|n| !n.is_null()) {
            None => Ok(Map::new()),
            Some(node) => match node.to_json() {
                Value::Object(map) => Ok(map),
                _ => Err(self.wrong(node, key, "a mapping")),
            },
        }
    }
}

/// The deployment body of an entry whose pull steps are already known.
pub fn build(
    fields: &Fields<'_>,
    pull_steps: Vec<Value>,
    cwd: &Path,
    rules: SchemaRules,
) -> Result<Body, anyhow::Error> {
    let name = deployment_name(fields)?;
    let flow = flow_of(fields, &name, cwd, rules)?;
    let mut warnings: Vec<String> = flow
        .info
        .warnings
        .iter()
        .map(|w| format!("{}: {w}", flow.entrypoint))
        .collect();
    let (version, version_info) = version(fields, &flow, cwd)?;
    let placement = placement(fields, &name)?;
    let tags = tags(fields)?;
    let description = fields
        .text("description")?
        .filter(|d| !d.is_empty())
        .or(flow.info.description.clone());
    let (concurrency_limit, concurrency_options) = concurrency(fields)?;
    let schedules = schedules(fields)?;
    let parameters = parameters(fields, &name, &flow, &mut warnings)?;

    let body = DeploymentCreate {
        name,
        work_queue_name: placement.work_queue,
        work_pool_name: placement.work_pool,
        version,
        version_info,
        paused: fields.boolean("paused")?.unwrap_or(false),
        schedules,
        concurrency_limit,
        concurrency_options,
        parameters: parameters.values,
        description,
        tags,
        labels: Map::new(),
        path: None,
        entrypoint: flow.entrypoint,
        storage_document_id: None,
        infrastructure_document_id: None,
        parameter_openapi_schema: parameters.schema,
        enforce_parameter_schema: parameters.enforce,
        job_variables: placement.job_variables,
        pull_steps,
        flow_id: None,
    };
    Ok(Body {
        body,
        flow_name: flow.info.name,
        work_pool_pos: placement.work_pool_pos,
        warnings,
    })
}

/// The entry's name, which the server can address again.
fn deployment_name(fields: &Fields<'_>) -> Result<String, UsageError> {
    let file = fields.file;
    let name = fields.text("name")?.ok_or_else(|| {
        file.missing_key(fields.raw, "name", "this deployment has no name".into())
    })?;
    if let Some(problem) = deployment_name_problem(&name) {
        let at = fields.field("name").map_or(fields.raw.pos, |n| n.pos);
        return Err(file.error_at(at, format!("deployment name '{name}': {problem}")));
    }
    Ok(name)
}

/// The flow an entrypoint names, as read from its source.
struct FlowSource {
    entrypoint: String,
    parsed: Entrypoint,
    /// The file's bytes (a flow's default version is their MD5).
    source: Vec<u8>,
    info: FlowInfo,
}

fn flow_of(
    fields: &Fields<'_>,
    name: &str,
    cwd: &Path,
    rules: SchemaRules,
) -> Result<FlowSource, anyhow::Error> {
    let file = fields.file;
    let entrypoint_node = fields.field("entrypoint").ok_or_else(|| {
        file.missing_key(
            fields.raw,
            "entrypoint",
            format!("deployment '{name}' has no entrypoint (path/to/flows.py:function)"),
        )
    })?;
    let entrypoint = entrypoint_node
        .as_str()
        .ok_or_else(|| fields.wrong(entrypoint_node, "entrypoint", "a string"))?
        .to_string();
    let parsed = Entrypoint::parse(&entrypoint)
        .map_err(|reason| file.error_at(entrypoint_node.pos, reason))?;
    let path = parsed.path().unwrap_or("");
    // A module path (`package.module:flow`) is read from the module's file.
    let source_path = parsed
        .source_candidates()
        .iter()
        .map(|candidate| cwd.join(candidate))
        .find(|candidate| candidate.is_file())
        .unwrap_or_else(|| cwd.join(path));
    let source = match &parsed {
        Entrypoint::Native(native) => Ok(native.signatures().as_bytes().to_vec()),
        _ => crate::bounded::read_file(&source_path),
    }
    .map_err(|err| {
        file.error_at(
            entrypoint_node.pos,
            format!(
                "entrypoint file '{path}' cannot be read ({err}); entrypoints are relative to {}",
                cwd.display()
            ),
        )
    })?;
    let text = String::from_utf8_lossy(&source);
    let unreadable = |err: crate::pysource::SourceError| {
        file.error_at(
            entrypoint_node.pos,
            format!("entrypoint '{entrypoint}': {err}"),
        )
    };
    let info = match &parsed {
        Entrypoint::Native(native) => {
            read_flow(&text, native.function(), rules).map_err(unreadable)?
        }
        Entrypoint::PythonFlow { function, .. } => {
            read_flow_file(&source_path, cwd, function, rules).map_err(unreadable)?
        }
        Entrypoint::Protocol { .. } | Entrypoint::Measurement { .. } => {
            protocol_flow(&text, path, fields.text("flow_name")?).map_err(unreadable)?
        }
    };
    if let Some(problem) = deployment_name_problem(&info.name) {
        return Err(file
            .error_at(
                entrypoint_node.pos,
                format!("the flow's name '{}': {problem}", info.name),
            )
            .into());
    }
    Ok(FlowSource {
        entrypoint,
        parsed,
        source,
        info,
    })
}

/// The entry's version, else git's (as Prefect infers it), else the flow's, else a hash of
/// the flow's file; and where it came from.
fn version(
    fields: &Fields<'_>,
    flow: &FlowSource,
    cwd: &Path,
) -> Result<(String, VersionInfo), UsageError> {
    let explicit = fields.text("version")?;
    let git = git_version_info(cwd);
    let flow_version = flow
        .info
        .version
        .clone()
        .unwrap_or_else(|| format!("{:x}", Md5::digest(&flow.source)));
    let version = explicit
        .or_else(|| git.as_ref().map(|g| g.version.clone()))
        .unwrap_or(flow_version);
    let info = match git {
        Some(info) => VersionInfo {
            version: version.clone(),
            ..info
        },
        None => VersionInfo {
            kind: "prefect:simple".into(),
            version: version.clone(),
            commit_sha: None,
            message: None,
            branch: None,
            repository: None,
            url: None,
        },
    };
    Ok((version, info))
}

/// Where the deployment runs.
struct Placement {
    work_pool: String,
    work_pool_pos: Pos,
    work_queue: Option<String>,
    job_variables: Map<String, Value>,
}

fn placement(fields: &Fields<'_>, name: &str) -> Result<Placement, UsageError> {
    let work_pool_node = fields.field("work_pool");
    let pool_name_node = work_pool_node
        .and_then(|p| p.field("name"))
        .filter(|n| !n.is_null());
    let Some(pool_name_node) = pool_name_node else {
        return Err(fields.file.error_at(
            work_pool_node.map_or(fields.raw.pos, |n| n.pos),
            format!("deployment '{name}' needs work_pool.name: the pool whose workers run it"),
        ));
    };
    let work_pool = pool_name_node
        .as_str()
        .ok_or_else(|| fields.wrong(pool_name_node, "work_pool.name", "a string"))?
        .to_string();
    let work_queue = match work_pool_node
        .and_then(|p| p.field("work_queue_name"))
        .filter(|n| !n.is_null())
    {
        Some(node) => Some(
            node.as_str()
                .ok_or_else(|| fields.wrong(node, "work_pool.work_queue_name", "a string"))?
                .to_string(),
        ),
        None => None,
    };
    let job_variables = fields.mapping(
        work_pool_node.and_then(|p| p.field("job_variables")),
        "work_pool.job_variables",
    )?;
    Ok(Placement {
        work_pool,
        work_pool_pos: pool_name_node.pos,
        work_queue,
        job_variables,
    })
}

fn tags(fields: &Fields<'_>) -> Result<Vec<String>, UsageError> {
    let Some(node) = fields.field("tags") else {
        return Ok(Vec::new());
    };
    match &node.kind {
        Kind::Seq(items) => items
            .iter()
            .map(|item| match &item.kind {
                Kind::String(s) => Ok(s.clone()),
                Kind::Number(n) => Ok(n.to_string()),
                _ => Err(fields.wrong(item, "a tag", "a string")),
            })
            .collect(),
        Kind::String(s) => Ok(vec![s.clone()]),
        _ => Err(fields.wrong(node, "tags", "a list of strings")),
    }
}

/// `concurrency_limit`: a whole number, or a mapping with the limit and its options.
fn concurrency(fields: &Fields<'_>) -> Result<(Value, Option<ConcurrencyOptions>), UsageError> {
    let Some(node) = fields.field("concurrency_limit") else {
        return Ok((Value::Null, None));
    };
    match &node.kind {
        Kind::Number(n) if n.as_u64().is_some_and(|n| n > 0) => Ok((Value::from(n.clone()), None)),
        Kind::Map(_) => {
            let limit = node
                .field("limit")
                .map(Node::to_json)
                .unwrap_or(Value::Null);
            let options = ConcurrencyOptions {
                collision_strategy: node
                    .field("collision_strategy")
                    .map(Node::to_json)
                    .unwrap_or(Value::Null),
                grace_period_seconds: node
                    .field("grace_period_seconds")
                    .filter(|n| !n.is_null())
                    .map(Node::to_json),
            };
            Ok((limit, Some(options)))
        }
        _ => Err(fields.wrong(
            node,
            "concurrency_limit",
            "a whole number above 0 or a mapping",
        )),
    }
}

fn schedules(fields: &Fields<'_>) -> Result<Vec<DeploymentSchedule>, UsageError> {
    let file = fields.file;
    // Prefect 2's `schedule`: ignored when empty (as Prefect 3.8.8 does; the file check warns),
    // else the one schedule. Both keys at once were refused by the file check.
    let legacy = fields.field("schedule").filter(|node| match &node.kind {
        Kind::Null => false,
        Kind::Map(entries) => !entries.is_empty(),
        _ => true,
    });
    let list = fields.field("schedules").filter(|node| !node.is_null());
    if let (Some(legacy), Some(_)) = (legacy, list) {
        return Err(file.error_at(legacy.pos, "use either schedule or schedules, not both"));
    }
    let items: Vec<&Node> = match (legacy, list) {
        (Some(single), None) => vec![single],
        (None, Some(node)) => match &node.kind {
            Kind::Seq(items) => items.iter().collect(),
            _ => return Err(fields.wrong(node, "schedules", "a list")),
        },
        _ => Vec::new(),
    };
    items
        .into_iter()
        .map(|item| schedule::to_request(item, None).map_err(|e| file.error_at(e.pos, e.message)))
        .collect()
}

/// The deployment's parameters, their schema and whether the server enforces it.
struct Parameters {
    values: Map<String, Value>,
    schema: Value,
    enforce: bool,
}

fn parameters(
    fields: &Fields<'_>,
    name: &str,
    flow: &FlowSource,
    warnings: &mut Vec<String>,
) -> Result<Parameters, UsageError> {
    let values = fields.mapping(fields.field("parameters"), "parameters")?;
    let schema = match fields
        .raw
        .field("parameter_openapi_schema")
        .filter(|n| !n.is_null())
    {
        Some(node) => match node.to_json() {
            schema @ Value::Object(_) => schema,
            _ => return Err(fields.wrong(node, "parameter_openapi_schema", "a mapping")),
        },
        None => flow.info.parameter_schema.clone(),
    };
    let known = crate::api::parameters::parameter_names(&schema);
    for key in values.keys() {
        if !known.is_empty() && !known.contains(&key.as_str()) {
            warnings.push(format!(
                "deployment '{name}': parameter '{key}' is not a parameter of {} ({})",
                flow.entrypoint,
                known.join(", ")
            ));
        }
    }
    // A schema with no parameters is sent with enforcement off, as `prefect deploy` sends a
    // flow without parameters (and the server then checks nothing).
    let derived_nothing = known.is_empty();
    let enforce = fields
        .boolean("enforce_parameter_schema")?
        .unwrap_or(!derived_nothing || matches!(flow.parsed, Entrypoint::PythonFlow { .. }));
    // The server refuses parameters that do not fit an enforced schema: found here, before
    // any deployment of the file is written.
    if enforce
        && let Some(problem) = crate::api::parameters::value_problems(&schema, &values).first()
    {
        let at = fields.field("parameters").map_or(fields.raw.pos, |n| n.pos);
        return Err(fields
            .file
            .error_at(at, format!("deployment '{name}': {problem}")));
    }
    Ok(Parameters {
        values,
        schema,
        enforce,
    })
}

/// What a deployment of an OT-2 protocol looks like as a flow: named by the entry's `flow_name`
/// (else the file name, `_` read as `-`), described by the protocol's metadata, its parameters
/// the protocol's runtime parameters.
fn protocol_flow(
    source: &str,
    path: &str,
    flow_name: Option<String>,
) -> Result<FlowInfo, crate::pysource::SourceError> {
    let protocol = crate::ot2::protocol::read_protocol(source)?;
    let stem = Path::new(path)
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or("protocol")
        .replace('_', "-");
    Ok(FlowInfo {
        name: flow_name.unwrap_or(stem),
        description: protocol.description.clone(),
        version: None,
        parameter_schema: protocol.parameter_schema(),
        warnings: Vec::new(),
    })
}

/// Prefect's `get_git_version_info`: used when the directory is a git checkout with an origin.
fn git_version_info(cwd: &Path) -> Option<VersionInfo> {
    let git = |args: &[&str]| -> Option<String> {
        let output = std::process::Command::new("git")
            .args(args)
            .current_dir(cwd)
            .stderr(std::process::Stdio::null())
            .output()
            .ok()?;
        output
            .status
            .success()
            .then(|| String::from_utf8_lossy(&output.stdout).trim().to_string())
    };
    let sha = git(&["rev-parse", "HEAD"])?;
    let branch = git(&["rev-parse", "--abbrev-ref", "HEAD"])?;
    let url = git(&["config", "--get", "remote.origin.url"]).filter(|u| !u.is_empty())?;
    let message = git(&["log", "-1", "--pretty=%B"])?
        .lines()
        .next()
        .unwrap_or("")
        .to_string();
    let repository = url
        .rsplit_once("://")
        .map_or(url.as_str(), |(_, rest)| {
            rest.split_once('/').map_or(rest, |(_, path)| path)
        })
        .trim_matches('/')
        .trim_end_matches(".git")
        .to_string();
    Some(VersionInfo {
        kind: "vcs:git".into(),
        version: sha.get(..8).unwrap_or(&sha).to_string(),
        commit_sha: Some(sha.clone()),
        message: Some(message),
        branch: Some(branch),
        repository: Some(repository),
        url: Some(url),
    })
}
