//! One prefect.yaml entry → the deployment Prefect would store, in `prefect deploy`'s order:
//! blocks, variables and environment placeholders; build and push steps; step outputs; pull
//! steps; then the flow's own name, description, version and parameter schema read from its
//! source.

use std::collections::{BTreeSet, HashMap};
use std::path::{Path, PathBuf};

use serde_json::{Map, Value, json};

use super::body::{self, Fields};
use super::compare::Sensitive;
use super::project::ProjectFile;
use super::python::SchemaRules;
use super::steps::{check_supported, record_outputs, run_shell_script, step_parts, steps_of};
use super::template::{
    BLOCK_PREFIX, Lookup, MissingValue, Placeholder, PlaceholderKind, VARIABLE_PREFIX, collect,
    fill,
};
use super::triggers::{self, DeploymentTrigger};
use super::yaml::{Kind, Node, Pos};
use crate::api::Client;
use crate::api::deployments::{block_value, value_at};
use crate::api::models::DeploymentCreate;
use crate::config::Env;
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
    /// Where `{{ $VAR }}` and build steps find the environment.
    pub env: Env,
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
    /// The body, without `flow_id` (and `work_queue_name` until the pool's default queue is
    /// known).
    pub body: DeploymentCreate,
    pub warnings: Vec<String>,
    /// The block values and environment values templated into `body`: what deploy shows of
    /// a field holding one is hidden.
    pub sensitive: Sensitive,
    /// One automation each, running this deployment.
    pub triggers: Vec<DeploymentTrigger>,
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
    let section = |name: &str| match entry.field(name) {
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
    let raw_pull = pull_section(entry.field("pull"), file.action("pull"));

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
        let lookup = env_lookup(placeholder, &options.env);
        if let Lookup::Value(Value::String(text)) = &lookup {
            env_texts.borrow_mut().push(text.clone());
        }
        lookup
    };
    fill(&mut node, &recording_env, options.allow_missing).map_err(missing)?;
    // Prefect picks the default pull step here, before step outputs are filled in.
    let default = DefaultPull::for_entry(&node, &options.cwd);
    // Triggers take step outputs apart: their `parameters` are left for the automation to
    // fill from the event (`{{ event.resource.id }}`).
    let mut trigger_specs = take_field(&mut node, "triggers");

    // 4: build and push steps, each templated with what came before it.
    let mut outputs = Map::new();
    for step in build.iter().chain(push.iter()) {
        let (_, _, inputs) = step_parts(step).expect("checked above");
        let mut inputs = inputs.clone();
        let id = inputs
            .field("id")
            .and_then(Node::as_str)
            .map(str::to_string);
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
        fill(
            &mut inputs,
            &|p| env_lookup(p, &options.env),
            options.allow_missing,
        )
        .map_err(missing)?;
        let result = run_shell_script(
            &inputs.to_json(),
            step.pos,
            &options.cwd,
            &options.env,
            &options.printer,
        )
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
    if let Some(specs) = &mut trigger_specs {
        fill_trigger_outputs(specs, &outputs, options.allow_missing).map_err(missing)?;
    }

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
            fill(&mut pull, &|p| later(env_lookup(p, &options.env)), false).map_err(missing)?;
            fill(&mut pull, &|p| later(output_lookup(p, &outputs)), false).map_err(missing)?;
            match pull.to_json() {
                Value::Array(steps) => steps,
                step => vec![step],
            }
        }
        None => default.steps(),
    };

    let fields = Fields {
        file,
        node: &node,
        raw: entry,
    };
    let built = body::build(&fields, pull_steps, &options.cwd, options.schema_rules)?;
    let mut prepared = Prepared {
        flow_name: built.flow_name,
        name: built.body.name.clone(),
        work_pool: built.body.work_pool_name.clone(),
        work_pool_pos: built.work_pool_pos,
        entry_pos: entry.pos,
        body: built.body,
        warnings: built.warnings,
        sensitive: Sensitive::default(),
        triggers: Vec::new(),
    };
    prepared.triggers = triggers::read(
        file,
        trigger_specs.as_ref(),
        &prepared.name,
        &mut prepared.warnings,
    )?;
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

/// Removes a key of a mapping and returns its value.
fn take_field(node: &mut Node, key: &str) -> Option<Node> {
    let Kind::Map(entries) = &mut node.kind else {
        return None;
    };
    let at = entries.iter().position(|(k, _)| k.name == key)?;
    Some(entries.remove(at).1)
}

/// Step outputs into each trigger but its `parameters`, as Prefect fills them.
fn fill_trigger_outputs(
    specs: &mut Node,
    outputs: &Value,
    allow_missing: bool,
) -> Result<(), MissingValue> {
    let Kind::Seq(items) = &mut specs.kind else {
        return Ok(());
    };
    for item in items {
        let parameters = take_field(item, "parameters");
        fill(item, &|p| output_lookup(p, outputs), allow_missing)?;
        if let (Some(parameters), Kind::Map(entries)) = (parameters, &mut item.kind) {
            entries.push((
                super::yaml::Key {
                    pos: parameters.pos,
                    name: "parameters".into(),
                },
                parameters,
            ));
        }
    }
    Ok(())
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
            .field("work_pool")
            .and_then(|pool| pool.field("job_variables"))
            .and_then(|variables| variables.field("image"))
            .map(Node::to_json);
        if image.as_ref().is_some_and(is_truthy) {
            DefaultPull::ImageDirectory
        } else {
            DefaultPull::WorkingDirectory(cwd.to_path_buf())
        }
    }

    fn steps(&self) -> Vec<Value> {
        let directory = match self {
            DefaultPull::WorkingDirectory(cwd) => cwd.display().to_string(),
            DefaultPull::ImageDirectory => Self::IMAGE_DIRECTORY.to_string(),
        };
        vec![json!({
            "prefect.deployments.steps.set_working_directory": { "directory": directory }
        })]
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

fn env_lookup(placeholder: &Placeholder, env: &Env) -> Lookup {
    if placeholder.kind != PlaceholderKind::Env {
        return Lookup::Skip;
    }
    let name = placeholder.name.trim_start_matches('$');
    match env.var(name) {
        Some(value) => Lookup::Value(Value::String(value)),
        None => Lookup::Missing(format!(
            "environment variable {name} is not set (--allow-missing renders it empty, as prefect deploy does)"
        )),
    }
}

fn output_lookup(placeholder: &Placeholder, outputs: &Value) -> Lookup {
    if placeholder.kind != PlaceholderKind::Standard || placeholder.name.starts_with("ctx.") {
        return Lookup::Skip;
    }
    match value_at(outputs, &placeholder.name) {
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
