//! One prefect.yaml entry → the deployment Prefect would store, in `prefect deploy`'s order:
//! blocks, variables and environment placeholders; build and push steps; step outputs; pull
//! steps; then the flow's own name, description, version and parameter schema read from its
//! source.

use std::collections::{BTreeSet, HashMap};
use std::path::{Path, PathBuf};

use md5::{Digest, Md5};
use serde_json::{Map, Value, json};

use super::compare::Sensitive;
use super::project::ProjectFile;
use super::python::{SchemaRules, read_flow, read_flow_file};
use super::schedule;
use super::steps::{check_supported, record_outputs, run_shell_script, step_parts, steps_of};
use super::template::{
    BLOCK_PREFIX, Lookup, MissingValue, Placeholder, PlaceholderKind, VARIABLE_PREFIX, collect,
    fill, get_path,
};
use super::yaml::{Kind, Node, Pos};
use crate::api::Client;
use crate::api::names::deployment_name_problem;
use crate::entrypoint::Entrypoint;
use crate::error::UsageError;
use crate::output::Printer;

/// How to prepare entries.
#[derive(Debug, Clone)]
pub struct Options {
    /// Where `prefect deploy` would run: entrypoints and the default pull step are relative to it.
    pub cwd: PathBuf,
    /// Render missing env vars and variables empty, as Prefect does, instead of stopping.
    pub allow_missing: bool,
    /// Where build and push steps show their output (`stream_output`), as Prefect does.
    pub printer: Printer,
    /// The parameter schema of the server's Prefect release.
    pub schema_rules: SchemaRules,
}

/// A deployment ready to be compared and sent.
#[derive(Debug, Clone)]
pub struct Prepared {
    pub flow_name: String,
    pub name: String,
    pub work_pool: String,
    /// Where the work pool's name is written, to report a pool missing on the server.
    pub work_pool_pos: Pos,
    /// Where the entry starts, to report it.
    pub entry_pos: Pos,
    /// The `DeploymentCreate` body, without `flow_id`.
    pub body: Map<String, Value>,
    pub warnings: Vec<String>,
    /// The block values and environment values templated into `body`: what deploy shows of
    /// a field holding one is hidden.
    pub sensitive: Sensitive,
}

impl Prepared {
    pub fn label(&self) -> String {
        format!("{}/{}", self.flow_name, self.name)
    }
}

/// Values fetched from the server while templating, shared by all entries of one run.
#[derive(Default)]
pub struct Fetched {
    variables: HashMap<String, Option<Value>>,
    blocks: HashMap<String, Option<Value>>,
}

/// The keys of an entry that are not templated with the rest.
const SEPARATE_KEYS: &[&str] = &["build", "push", "pull", "parameter_openapi_schema"];

pub async fn prepare(
    api: &Client,
    file: &ProjectFile,
    entry: &Node,
    options: &Options,
    fetched: &mut Fetched,
) -> Result<Prepared, anyhow::Error> {
    let at = |pos: Pos, message: String| file.error_at(pos, message);
    let missing = |m: MissingValue| missing_error(file, m);

    // Actions: a deployment's own section replaces the file's.
    let section = |name: &str| match entry.get(name) {
        Some(own) => Some(own),
        None => file.action(name),
    };
    let build = steps_of(section("build"));
    let push = steps_of(section("push"));
    for (steps, name) in [(&build, "build"), (&push, "push")] {
        for step in steps.iter() {
            check_supported(step, name).map_err(|e| at(e.pos, e.message))?;
        }
    }
    let raw_pull = pull_section(entry.get("pull"), file.action("pull"));

    let mut node = entry.clone();
    if let Kind::Map(entries) = &mut node.kind {
        entries.retain(|(key, _)| !SEPARATE_KEYS.contains(&key.name.as_str()));
    }

    // 1–3: blocks, variables, environment.
    let mut used_blocks = BTreeSet::new();
    collect(&node, PlaceholderKind::Block, &mut used_blocks);
    fill_blocks(api, &mut node, fetched, options)
        .await
        .map_err(|e| settle(file, e))?;
    fill_variables(api, &mut node, fetched, options)
        .await
        .map_err(|e| settle(file, e))?;
    // The environment's values are kept to hide job variables holding them in the plan.
    let env_texts = std::cell::RefCell::new(Vec::new());
    let recording_env = |placeholder: &Placeholder| {
        let lookup = env_lookup(placeholder);
        if let Lookup::Value(Value::String(text)) = &lookup {
            env_texts.borrow_mut().push(text.clone());
        }
        lookup
    };
    fill(&mut node, &recording_env, options.allow_missing).map_err(missing)?;
    // Prefect picks the default pull step here, before step outputs are filled in.
    let default = DefaultPull::for_entry(&node, &options.cwd);

    // 4: build and push steps, each templated with what came before it.
    let mut outputs = Map::new();
    for step in build.iter().chain(push.iter()) {
        let (_, _, inputs) = step_parts(step).expect("checked above");
        let mut inputs = inputs.clone();
        let id = inputs.get("id").and_then(Node::as_str).map(str::to_string);
        let upstream = Value::Object(outputs.clone());
        fill(
            &mut inputs,
            &|p| output_lookup(p, &upstream),
            options.allow_missing,
        )
        .map_err(missing)?;
        fill_blocks(api, &mut inputs, fetched, options)
            .await
            .map_err(|e| settle(file, e))?;
        fill_variables(api, &mut inputs, fetched, options)
            .await
            .map_err(|e| settle(file, e))?;
        fill(&mut inputs, &env_lookup, options.allow_missing).map_err(missing)?;
        let result = run_shell_script(&inputs.to_json(), step.pos, &options.cwd, &options.printer)
            .map_err(|e| at(e.pos, e.message))?;
        record_outputs(&mut outputs, id.as_deref(), &result);
    }

    // 5: step outputs into the entry; `{{ ctx.* }}` is left for the worker.
    let outputs = Value::Object(outputs);
    fill(
        &mut node,
        &|p| output_lookup(p, &outputs),
        options.allow_missing,
    )
    .map_err(missing)?;

    // 6: pull steps run on the worker, at run time: block and variable placeholders stay for
    // then, and so does whatever has no value here (an unset env var, the output of a pull
    // step such as `{{ clone-step.directory }}`), verbatim, as Prefect 3.8.8 stores them; set
    // env vars and build/push outputs apply.
    let later = |lookup: Lookup| match lookup {
        Lookup::Missing(_) => Lookup::Skip,
        found => found,
    };
    let pull_steps = match &raw_pull {
        Some(pull) => {
            let mut pull = pull.clone();
            fill(&mut pull, &|p| later(env_lookup(p)), false).map_err(missing)?;
            fill(&mut pull, &|p| later(output_lookup(p, &outputs)), false).map_err(missing)?;
            match pull.to_json() {
                Value::Array(steps) => Value::Array(steps),
                step => json!([step]),
            }
        }
        None => default.steps(),
    };

    let fields = Fields { file, node: &node };
    let mut prepared = build_body(&fields, entry, pull_steps, options)?;
    if raw_pull.is_none() {
        prepared.warnings.extend(default.warning());
    }
    prepared.sensitive.env_texts = env_texts.into_inner();
    for name in &used_blocks {
        if let Some(Some(value)) = fetched.blocks.get(name) {
            string_leaves(value, &mut prepared.sensitive.block_texts);
        }
    }
    Ok(prepared)
}

/// The pull section Prefect 3.8.8 uses: an empty list (the deployment's own, else the file's)
/// means no pull steps; otherwise the first of the two that is not empty (`null`, `{}`), and
/// `None` when neither is, for the default step.
fn pull_section<'a>(own: Option<&'a Node>, file: Option<&'a Node>) -> Option<Node> {
    let chosen = own.or(file);
    if chosen.is_some_and(|pull| pull.to_json() == json!([])) {
        return chosen.cloned();
    }
    [own, file]
        .into_iter()
        .flatten()
        .find(|pull| is_truthy(&pull.to_json()))
        .cloned()
}

/// The pull step Prefect stores when `pull` is left out (or null).
enum DefaultPull {
    /// The flow is loaded from where `deploy` ran.
    WorkingDirectory(PathBuf),
    /// `work_pool.job_variables.image` names a container image and no step builds it: the
    /// deploying machine's directory would not exist inside it, so Prefect 3.8.8 points at
    /// `/opt/prefect` and warns (non-interactive `prefect deploy`).
    ImageDirectory,
}

impl DefaultPull {
    const IMAGE_DIRECTORY: &'static str = "/opt/prefect";

    fn for_entry(entry: &Node, cwd: &Path) -> Self {
        let image = entry
            .get("work_pool")
            .and_then(|pool| pool.get("job_variables"))
            .and_then(|variables| variables.get("image"))
            .map(Node::to_json);
        if image.as_ref().is_some_and(is_truthy) {
            DefaultPull::ImageDirectory
        } else {
            DefaultPull::WorkingDirectory(cwd.to_path_buf())
        }
    }

    fn steps(&self) -> Value {
        let directory = match self {
            DefaultPull::WorkingDirectory(cwd) => cwd.display().to_string(),
            DefaultPull::ImageDirectory => Self::IMAGE_DIRECTORY.to_string(),
        };
        json!([{
            "prefect.deployments.steps.set_working_directory": { "directory": directory }
        }])
    }

    fn warning(&self) -> Option<String> {
        match self {
            DefaultPull::WorkingDirectory(_) => None,
            DefaultPull::ImageDirectory => Some(format!(
                "work_pool.job_variables.image is set and there are no pull steps: the flow is \
                 loaded from '{}' inside the image; add a set_working_directory pull step if \
                 your code is elsewhere",
                Self::IMAGE_DIRECTORY
            )),
        }
    }
}

/// Python's truthiness of a YAML value, which is what Prefect tests.
fn is_truthy(value: &Value) -> bool {
    match value {
        Value::Null => false,
        Value::Bool(b) => *b,
        Value::Number(n) => n.as_f64().is_some_and(|f| f != 0.0),
        Value::String(s) => !s.is_empty(),
        Value::Array(items) => !items.is_empty(),
        Value::Object(map) => !map.is_empty(),
    }
}

fn env_lookup(placeholder: &Placeholder) -> Lookup {
    if placeholder.kind != PlaceholderKind::Env {
        return Lookup::Skip;
    }
    let name = placeholder.name.trim_start_matches('$');
    match std::env::var(name) {
        Ok(value) => Lookup::Value(Value::String(value)),
        Err(_) => Lookup::Missing(format!(
            "environment variable {name} is not set (--allow-missing renders it empty, as prefect deploy does)"
        )),
    }
}

fn output_lookup(placeholder: &Placeholder, outputs: &Value) -> Lookup {
    if placeholder.kind != PlaceholderKind::Standard || placeholder.name.starts_with("ctx.") {
        return Lookup::Skip;
    }
    match get_path(outputs, &placeholder.name) {
        Some(value) => Lookup::Value(value.clone()),
        None => Lookup::Missing(format!(
            "no build or push step produced '{}' (--allow-missing removes it, as prefect deploy does)",
            placeholder.name
        )),
    }
}

enum Failure {
    Missing(MissingValue),
    Api(anyhow::Error),
}

fn missing_error(file: &ProjectFile, m: MissingValue) -> UsageError {
    file.error_at(
        m.pos,
        format!("{} has no value: {}", m.placeholder, m.reason),
    )
}

fn settle(file: &ProjectFile, failure: Failure) -> anyhow::Error {
    match failure {
        Failure::Missing(m) => missing_error(file, m).into(),
        Failure::Api(err) => err,
    }
}

async fn fill_variables(
    api: &Client,
    node: &mut Node,
    fetched: &mut Fetched,
    options: &Options,
) -> Result<(), Failure> {
    let mut names = BTreeSet::new();
    collect(node, PlaceholderKind::Variable, &mut names);
    for name in names {
        if let std::collections::hash_map::Entry::Vacant(slot) = fetched.variables.entry(name) {
            let variable = slot.key().trim_start_matches(VARIABLE_PREFIX).to_string();
            let value = api
                .read_variable(&variable)
                .await
                .map_err(|e| Failure::Api(e.into()))?;
            slot.insert(value);
        }
    }
    let lookup = |p: &Placeholder| {
        if p.kind != PlaceholderKind::Variable {
            return Lookup::Skip;
        }
        match fetched.variables.get(&p.name) {
            Some(Some(value)) => Lookup::Value(value.clone()),
            _ => Lookup::Missing(format!(
                "Prefect variable '{}' does not exist (--allow-missing renders it empty, as prefect deploy does)",
                p.name.trim_start_matches(VARIABLE_PREFIX)
            )),
        }
    };
    fill(node, &lookup, options.allow_missing).map_err(Failure::Missing)
}

async fn fill_blocks(
    api: &Client,
    node: &mut Node,
    fetched: &mut Fetched,
    _options: &Options,
) -> Result<(), Failure> {
    let mut names = BTreeSet::new();
    collect(node, PlaceholderKind::Block, &mut names);
    for name in names {
        if fetched.blocks.contains_key(&name) {
            continue;
        }
        let parts: Vec<&str> = name
            .trim_start_matches(BLOCK_PREFIX)
            .splitn(3, '.')
            .collect();
        let value = if parts.len() < 2 {
            None
        } else {
            let data = api
                .read_block_data(parts[0], parts[1])
                .await
                .map_err(|e| Failure::Api(e.into()))?;
            data.and_then(|data| block_value(data, parts.get(2).copied()))
        };
        fetched.blocks.insert(name, value);
    }
    let lookup = |p: &Placeholder| {
        if p.kind != PlaceholderKind::Block {
            return Lookup::Skip;
        }
        match fetched.blocks.get(&p.name) {
            Some(Some(value)) => Lookup::Value(value.clone()),
            _ => Lookup::Missing(format!(
                "block '{}' does not exist, or has no such field (expected \
                 prefect.blocks.<block-type-slug>.<block-name>[.field])",
                p.name.trim_start_matches(BLOCK_PREFIX)
            )),
        }
    };
    // A missing block is an error in Prefect too.
    fill(node, &lookup, false).map_err(Failure::Missing)
}

/// Every non-empty string inside `value`.
fn string_leaves(value: &Value, into: &mut Vec<String>) {
    match value {
        Value::Null | Value::Bool(_) | Value::Number(_) => {}
        Value::String(text) if text.is_empty() => {}
        Value::String(text) => into.push(text.clone()),
        Value::Array(items) => items.iter().for_each(|item| string_leaves(item, into)),
        Value::Object(map) => map.values().for_each(|item| string_leaves(item, into)),
    }
}

/// The value a block placeholder stands for: a single-`value` block unwraps to it.
fn block_value(data: Value, keypath: Option<&str>) -> Option<Value> {
    let unwrap = data
        .as_object()
        .is_some_and(|m| m.len() == 1 && m.contains_key("value"))
        && !keypath
            .is_some_and(|k| k == "value" || k.starts_with("value.") || k.starts_with("value["));
    let data = if unwrap { data["value"].clone() } else { data };
    match keypath {
        Some(path) => get_path(&data, path).cloned(),
        None => Some(data),
    }
}

/// Typed reading of a templated entry, every mistake reported at its position.
struct Fields<'a> {
    file: &'a ProjectFile,
    node: &'a Node,
}

impl Fields<'_> {
    fn get(&self, key: &str) -> Option<&Node> {
        self.node.get(key).filter(|n| !n.is_null())
    }

    fn wrong(&self, node: &Node, key: &str, expected: &str) -> UsageError {
        self.file.error_at(
            node.pos,
            format!("{key} must be {expected}, not {}", node.describe()),
        )
    }

    fn text(&self, key: &str) -> Result<Option<String>, UsageError> {
        match self.get(key) {
            None => Ok(None),
            Some(node) => match &node.kind {
                Kind::String(s) => Ok(Some(s.clone())),
                Kind::Number(n) => Ok(Some(n.to_string())),
                _ => Err(self.wrong(node, key, "a string")),
            },
        }
    }

    fn boolean(&self, key: &str) -> Result<Option<bool>, UsageError> {
        match self.get(key) {
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

fn build_body(
    fields: &Fields<'_>,
    raw_entry: &Node,
    pull_steps: Value,
    options: &Options,
) -> Result<Prepared, anyhow::Error> {
    let file = fields.file;
    let name = fields
        .text("name")?
        .ok_or_else(|| file.missing_key(raw_entry, "name", "this deployment has no name".into()))?;
    if let Some(problem) = deployment_name_problem(&name) {
        let at = fields.get("name").map_or(raw_entry.pos, |n| n.pos);
        return Err(file
            .error_at(at, format!("deployment name '{name}': {problem}"))
            .into());
    }
    let entrypoint_node = fields.get("entrypoint").ok_or_else(|| {
        file.missing_key(
            raw_entry,
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
        .map(|candidate| options.cwd.join(candidate))
        .find(|candidate| candidate.is_file())
        .unwrap_or_else(|| options.cwd.join(path));
    let source = match &parsed {
        Entrypoint::Native(_) => Ok(crate::inventory::flows::SIGNATURES.as_bytes().to_vec()),
        _ => crate::bounded::read_file(&source_path),
    }
    .map_err(|err| {
        file.error_at(
            entrypoint_node.pos,
            format!(
                "entrypoint file '{path}' cannot be read ({err}); entrypoints are relative to {}",
                options.cwd.display()
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
    let flow = match &parsed {
        Entrypoint::Native(native) => {
            read_flow(&text, native.function(), options.schema_rules).map_err(unreadable)?
        }
        Entrypoint::PythonFlow { function, .. } => {
            read_flow_file(&source_path, &options.cwd, function, options.schema_rules)
                .map_err(unreadable)?
        }
        Entrypoint::Protocol { .. } => {
            protocol_flow(&text, path, fields.text("flow_name")?).map_err(unreadable)?
        }
    };
    if let Some(problem) = deployment_name_problem(&flow.name) {
        return Err(file
            .error_at(
                entrypoint_node.pos,
                format!("the flow's name '{}': {problem}", flow.name),
            )
            .into());
    }
    let mut warnings: Vec<String> = flow
        .warnings
        .iter()
        .map(|w| format!("{entrypoint}: {w}"))
        .collect();

    // Version: the entry's, else git's (as Prefect infers it), else the flow's, else a hash
    // of the flow's file.
    let explicit_version = fields.text("version")?;
    let git = git_version_info(&options.cwd);
    let flow_version = flow
        .version
        .clone()
        .unwrap_or_else(|| format!("{:x}", Md5::digest(&source)));
    let version = explicit_version
        .clone()
        .or_else(|| {
            git.as_ref()
                .and_then(|g| g["version"].as_str().map(str::to_string))
        })
        .unwrap_or(flow_version);
    let version_info = match git {
        Some(mut info) => {
            info["version"] = json!(version);
            info
        }
        None => json!({"type": "prefect:simple", "version": version}),
    };

    let work_pool_node = fields.get("work_pool");
    let pool_name_node = work_pool_node
        .and_then(|p| p.get("name"))
        .filter(|n| !n.is_null());
    let Some(pool_name_node) = pool_name_node else {
        return Err(file
            .error_at(
                work_pool_node.map_or(raw_entry.pos, |n| n.pos),
                format!("deployment '{name}' needs work_pool.name: the pool whose workers run it"),
            )
            .into());
    };
    let work_pool = pool_name_node
        .as_str()
        .ok_or_else(|| fields.wrong(pool_name_node, "work_pool.name", "a string"))?
        .to_string();
    let work_queue = match work_pool_node
        .and_then(|p| p.get("work_queue_name"))
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
        work_pool_node.and_then(|p| p.get("job_variables")),
        "work_pool.job_variables",
    )?;

    let tags: Vec<Value> = match fields.get("tags") {
        None => Vec::new(),
        Some(node) => match &node.kind {
            Kind::Seq(items) => items
                .iter()
                .map(|item| match &item.kind {
                    Kind::String(s) => Ok(json!(s)),
                    Kind::Number(n) => Ok(json!(n.to_string())),
                    _ => Err(fields.wrong(item, "a tag", "a string")),
                })
                .collect::<Result<_, _>>()?,
            Kind::String(s) => vec![json!(s)],
            _ => return Err(fields.wrong(node, "tags", "a list of strings").into()),
        },
    };
    let description = fields
        .text("description")?
        .filter(|d| !d.is_empty())
        .or(flow.description.clone());

    let (concurrency_limit, concurrency_options) = match fields.get("concurrency_limit") {
        None => (Value::Null, Value::Null),
        Some(node) => match &node.kind {
            Kind::Number(n) if n.as_u64().is_some_and(|n| n > 0) => (json!(n), Value::Null),
            Kind::Map(_) => {
                let limit = node.get("limit").map(Node::to_json).unwrap_or(Value::Null);
                let mut options = Map::new();
                options.insert(
                    "collision_strategy".into(),
                    node.get("collision_strategy")
                        .map(Node::to_json)
                        .unwrap_or(Value::Null),
                );
                if let Some(grace) = node.get("grace_period_seconds").filter(|n| !n.is_null()) {
                    options.insert("grace_period_seconds".into(), grace.to_json());
                }
                (limit, Value::Object(options))
            }
            _ => {
                return Err(fields
                    .wrong(
                        node,
                        "concurrency_limit",
                        "a whole number above 0 or a mapping",
                    )
                    .into());
            }
        },
    };

    let schedules = schedules(fields)?;
    let parameters = fields.mapping(fields.get("parameters"), "parameters")?;
    let parameter_openapi_schema = match raw_entry
        .get("parameter_openapi_schema")
        .filter(|n| !n.is_null())
    {
        Some(node) => match node.to_json() {
            schema @ Value::Object(_) => schema,
            _ => {
                return Err(fields
                    .wrong(node, "parameter_openapi_schema", "a mapping")
                    .into());
            }
        },
        None => flow.parameter_schema.clone(),
    };
    let known: Vec<&str> = parameter_openapi_schema["properties"]
        .as_object()
        .map(|p| p.keys().map(String::as_str).collect())
        .unwrap_or_default();
    for key in parameters.keys() {
        if !known.is_empty() && !known.contains(&key.as_str()) {
            warnings.push(format!(
                "deployment '{name}': parameter '{key}' is not a parameter of {entrypoint} ({})",
                known.join(", ")
            ));
        }
    }

    let mut body = Map::new();
    body.insert("name".into(), json!(name));
    body.insert("work_queue_name".into(), json!(work_queue));
    body.insert("work_pool_name".into(), json!(work_pool));
    body.insert("version".into(), json!(version));
    body.insert("version_info".into(), version_info);
    body.insert(
        "paused".into(),
        json!(fields.boolean("paused")?.unwrap_or(false)),
    );
    body.insert("schedules".into(), Value::Array(schedules));
    body.insert("concurrency_limit".into(), concurrency_limit);
    body.insert("concurrency_options".into(), concurrency_options);
    body.insert("parameters".into(), Value::Object(parameters));
    body.insert("description".into(), json!(description));
    body.insert("tags".into(), Value::Array(tags));
    body.insert("labels".into(), json!({}));
    body.insert("path".into(), Value::Null);
    body.insert("entrypoint".into(), json!(entrypoint));
    body.insert("storage_document_id".into(), Value::Null);
    body.insert("infrastructure_document_id".into(), Value::Null);
    // A protocol schema with nothing in it is sent with enforcement off (contract §3.5).
    let derived_nothing = parameter_openapi_schema["properties"]
        .as_object()
        .is_none_or(|p| p.is_empty());
    body.insert("parameter_openapi_schema".into(), parameter_openapi_schema);
    body.insert(
        "enforce_parameter_schema".into(),
        json!(
            fields
                .boolean("enforce_parameter_schema")?
                .unwrap_or(!derived_nothing || matches!(parsed, Entrypoint::PythonFlow { .. }))
        ),
    );
    body.insert("job_variables".into(), Value::Object(job_variables));
    body.insert("pull_steps".into(), pull_steps);
    // The server refuses parameters that do not fit an enforced schema: found here, before
    // any deployment of the file is written.
    if body["enforce_parameter_schema"] == json!(true) {
        let problems = crate::params::value_problems(
            &body["parameter_openapi_schema"],
            body["parameters"]
                .as_object()
                .expect("inserted as an object"),
        );
        if let Some(problem) = problems.first() {
            let at = fields.get("parameters").map_or(raw_entry.pos, |n| n.pos);
            return Err(file
                .error_at(at, format!("deployment '{name}': {problem}"))
                .into());
        }
    }

    Ok(Prepared {
        flow_name: flow.name,
        name,
        work_pool,
        work_pool_pos: pool_name_node.pos,
        entry_pos: raw_entry.pos,
        body,
        warnings,
        sensitive: Sensitive::default(),
    })
}

fn schedules(fields: &Fields<'_>) -> Result<Vec<Value>, UsageError> {
    let file = fields.file;
    // Prefect 2's `schedule`: ignored when empty (as Prefect 3.8.8 does; the file check warns),
    // else the one schedule. Both keys at once were refused by the file check.
    let legacy = fields.get("schedule").filter(|node| match &node.kind {
        Kind::Null => false,
        Kind::Map(entries) => !entries.is_empty(),
        _ => true,
    });
    let list = fields.get("schedules").filter(|node| !node.is_null());
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

/// What a deployment of an OT-2 protocol looks like as a flow: named by the entry's `flow_name`
/// (else the file name, `_` read as `-`), described by the protocol's metadata, its parameters
/// the protocol's runtime parameters.
fn protocol_flow(
    source: &str,
    path: &str,
    flow_name: Option<String>,
) -> Result<super::python::FlowInfo, crate::pysource::SourceError> {
    let protocol = crate::ot2::protocol::read_protocol(source)?;
    let stem = Path::new(path)
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or("protocol")
        .replace('_', "-");
    Ok(super::python::FlowInfo {
        name: flow_name.unwrap_or(stem),
        description: protocol.description.clone(),
        version: None,
        parameter_schema: protocol.parameter_schema(),
        warnings: Vec::new(),
    })
}

/// Prefect's `get_git_version_info`: used when the directory is a git checkout with an origin.
fn git_version_info(cwd: &Path) -> Option<Value> {
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
    Some(json!({
        "type": "vcs:git",
        "version": sha.get(..8).unwrap_or(&sha),
        "commit_sha": sha,
        "message": message,
        "branch": branch,
        "repository": repository,
        "url": url,
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn single_value_blocks_unwrap_unless_asked_for_value() {
        let data = json!({"value": {"url": "x"}});
        assert_eq!(block_value(data.clone(), None), Some(json!({"url": "x"})));
        assert_eq!(block_value(data.clone(), Some("url")), Some(json!("x")));
        assert_eq!(block_value(data, Some("value.url")), Some(json!("x")));
        assert_eq!(block_value(json!({"a": 1}), Some("b")), None);
    }
}
