//! What every way of running an OT-2 protocol shares: the checks before anything runs, the
//! run log line of each robot command, and the result of a completed run.

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

use serde_json::{Map, Value, json};

use super::paint::{MIX_WELL, PAINT_RACK, PAINTS};
use super::protocol::{Kind, Protocol, read_protocol};
use super::validate;
use crate::api::parameters;
use crate::api::robot_models::{
    CommandParams, ErrorOccurrence, LoadedLabware, LoadedPipette, RobotCommand, error_details,
};
use crate::executor::source::{allowed, materialise};
use crate::executor::{Level, Outcome, RunContext};

/// A protocol that passed every check, ready to run.
pub struct Prepared {
    pub file: PathBuf,
    pub protocol: Protocol,
    /// The runtime parameter values, typed as the protocol declares them.
    pub values: Map<String, Value>,
    /// Custom labware definitions to send with it.
    pub labware: Vec<PathBuf>,
}

/// One protocol a flow run runs: the run's own, or one that completes it (the sensor put back
/// after a measurement).
#[derive(Debug, Clone, Copy)]
pub struct Step<'a> {
    /// Relative to the run's code.
    pub path: &'a str,
    pub values: Values,
}

/// Which parameter values a protocol runs with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Values {
    /// The run's (the deployment's defaults under the run's own), checked against the
    /// protocol and the deployment's schema.
    OfTheRun,
    /// None: a protocol that completes the run's and takes no parameters.
    None,
}

impl<'a> Step<'a> {
    /// The run's own protocol, with the run's parameters.
    pub fn of_the_run(path: &'a str) -> Step<'a> {
        Step {
            path,
            values: Values::OfTheRun,
        }
    }
}

/// Every check that must pass before anything runs. `Err` is the reason, one line per problem.
pub async fn prepare(context: &RunContext, step: Step<'_>) -> Result<Prepared, String> {
    let protocol_path = step.path;
    let places = &context.settings.places;
    // Job variables must not change what an OT-2 run executes or with which environment.
    for (origin, variables) in context.job_variables() {
        let forbidden: Vec<&str> = variables
            .iter()
            .filter(|(key, value)| {
                let key = key.split('.').next().unwrap_or(key);
                (key == "command" && !value.is_null())
                    || (key == "env"
                        && value.as_object().is_none_or(|e| !e.is_empty())
                        && !value.is_null())
            })
            .map(|(key, _)| key.as_str())
            .collect();
        if !forbidden.is_empty() {
            return Err(format!(
                "the {origin}'s job variables set {}, which cannot change an OT-2 run",
                forbidden.join(" and ")
            ));
        }
    }
    let pull_steps = context.deployment.pull_steps.clone().unwrap_or_default();
    let code = materialise(&pull_steps, &places.checkouts, places.git_timeout).await?;
    if let Some(provenance) = &code.provenance {
        context.log(Level::Info, format!("Code from {provenance}"));
    }
    let file = allowed(
        &code.dir.join(protocol_path),
        &code,
        &places.protocols_dirs,
        &places.allowed_repos,
    )?;
    let source = crate::bounded::read_text(&file)
        .map_err(|e| format!("cannot read {}: {e}", file.display()))?;
    let protocol = read_protocol(&source)
        .map_err(|e| format!("cannot read the protocol {}: {e}", file.display()))?;

    let values = match step.values {
        Values::OfTheRun => context.parameters(),
        Values::None => Map::new(),
    };
    // The protocol's own limits first; the deployment's schema (required values, its types)
    // only if those pass, so that one mistake is not reported twice. The schema describes the
    // run's own protocol only.
    let mut problems = validate::problems(&protocol, &values);
    if problems.is_empty() && step.values == Values::OfTheRun {
        problems = parameters::problems(
            &context.deployment.parameter_openapi_schema,
            &Map::new(),
            &values,
        );
    }
    if !problems.is_empty() {
        return Err(problems.join("\n"));
    }
    Ok(Prepared {
        labware: labware_files(&file),
        values: runtime_values(&protocol, &values),
        file,
        protocol,
    })
}

/// Custom labware definitions: the JSON files in `labware/` beside the protocol.
fn labware_files(protocol: &Path) -> Vec<PathBuf> {
    let dir = protocol
        .parent()
        .map(|p| p.join("labware"))
        .unwrap_or_default();
    super::files_with_extension(&dir, "json")
}

/// The values passed to the protocol: only its own parameters, typed as it declares them.
fn runtime_values(protocol: &Protocol, values: &Map<String, Value>) -> Map<String, Value> {
    protocol
        .parameters
        .iter()
        .filter_map(|parameter| {
            let value = values.get(&parameter.name)?;
            let typed = match (parameter.kind, value.as_f64()) {
                (Kind::Int, Some(n)) => json!(n as i64),
                _ => value.clone(),
            };
            Some((parameter.name.clone(), typed))
        })
        .collect()
}

/// What a run loaded, by the ids the robot gave it. Read from the `labware[]` and
/// `pipettes[]` of a robot run (`GET /runs/{id}`) or of an analysis: robot-server's command
/// list carries no `result`, so a `loadLabware` command does not say which id it created.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Deck {
    /// labware id → (load name, slot).
    labware: HashMap<String, (String, String)>,
    /// pipette id → pipette name.
    pipettes: HashMap<String, String>,
}

impl Deck {
    /// The deck of a robot run or an analysis, from what it says it loaded.
    pub fn of(labware: &[LoadedLabware], pipettes: &[LoadedPipette]) -> Deck {
        let labware = labware
            .iter()
            .filter_map(|l| Some((l.id.clone(), (l.load_name.clone()?, l.slot()))))
            .collect();
        let pipettes = pipettes
            .iter()
            .map(|p| {
                let name = p.pipette_name.clone().unwrap_or_else(|| "?".into());
                (p.id.clone(), name)
            })
            .collect();
        Deck { labware, pipettes }
    }

    /// The load name of a labware id.
    pub fn labware_name(&self, id: Option<&str>) -> Option<&str> {
        self.labware.get(id?).map(|(name, _)| name.as_str())
    }

    /// Whether the deck knows every labware and pipette a command names.
    pub fn knows(&self, command: &RobotCommand) -> bool {
        let params = &command.params;
        params
            .labware_id
            .as_deref()
            .is_none_or(|id| self.labware.contains_key(id))
            && params
                .pipette_id
                .as_deref()
                .is_none_or(|id| self.pipettes.contains_key(id))
    }

    fn place(&self, params: &CommandParams) -> String {
        let well = params.well_name.as_deref().unwrap_or("?");
        match params
            .labware_id
            .as_deref()
            .and_then(|id| self.labware.get(id))
        {
            Some((name, slot)) => format!("{well} of {name} in slot {slot}"),
            None => format!("{well} of an unknown labware"),
        }
    }

    fn pipette(&self, params: &CommandParams) -> String {
        params
            .pipette_id
            .as_deref()
            .and_then(|id| self.pipettes.get(id))
            .map(|name| format!(" with {name}"))
            .unwrap_or_default()
    }
}

/// Logs each robot command, one line per command.
pub fn log_commands(
    context: &RunContext,
    commands: &[RobotCommand],
    deck: &Deck,
    first_number: usize,
) {
    for (index, command) in commands.iter().enumerate() {
        context.log(
            Level::Info,
            command_line(first_number + index, command, deck),
        );
    }
}

/// What a completed run's result describes: the protocol's name and the values it ran with.
pub struct Outline<'a> {
    pub name: Option<&'a str>,
    pub values: &'a Map<String, Value>,
}

impl Prepared {
    pub fn outline(&self) -> Outline<'_> {
        Outline {
            name: self.protocol.name.as_deref(),
            values: &self.values,
        }
    }
}

/// A run that did everything: the summary as message, the result as state data, and the
/// result as a table artifact too (saved here).
pub async fn complete(
    context: &RunContext,
    outline: Outline<'_>,
    commands: &[RobotCommand],
    deck: &Deck,
    seconds: f64,
    how: &str,
) -> Outcome {
    let moved = paint_moved(commands, deck);
    let summary = summary(outline.name, commands.len(), &moved, seconds, how);
    let data = json!({
        "protocol": outline.name,
        "commands": commands.len(),
        "volumes_ul": moved,
        "duration_s": (seconds * 100.0).round() / 100.0,
        "parameters": outline.values,
    });
    create_artifact(context, &outline, commands, &moved, how).await;
    Outcome::Completed {
        message: summary,
        data: Some(data),
    }
}

/// A run whose protocol or robot reported errors, failed with their own messages.
pub fn failed(errors: &[ErrorOccurrence], fallback: &str) -> Outcome {
    Outcome::failed(error_details(errors).unwrap_or_else(|| fallback.to_string()))
}

/// A number as a person wrote it: the robot sends every parameter and volume as a decimal
/// (`120.0`), where the user gave `120`.
pub fn display_number(value: &Value) -> String {
    match value.as_f64() {
        Some(number) => as_given(number).to_string(),
        None => value.to_string(),
    }
}

/// A decimal the robot sent, as a person writes it; `?` when it sent none.
fn number_text(number: Option<f64>) -> String {
    number.map_or_else(|| "?".to_string(), |n| as_given(n).to_string())
}

/// One run log line per command: what it did, where, and its status.
pub fn command_line(number: usize, command: &RobotCommand, deck: &Deck) -> String {
    let params = &command.params;
    let kind = command.command_type.as_str();
    let text = |value: &Option<String>| value.clone().unwrap_or_else(|| "?".into());
    let detail = match kind {
        "aspirate" | "dispense" => format!(
            "{} µL at {}{}",
            number_text(params.volume),
            deck.place(params),
            deck.pipette(params)
        ),
        "pickUpTip" | "dropTip" | "moveToWell" | "blowout" | "touchTip" => {
            format!("{}{}", deck.place(params), deck.pipette(params))
        }
        "comment" => params.message.clone().unwrap_or_default(),
        "waitForDuration" => format!("{} s", number_text(params.seconds)),
        "loadLabware" => format!(
            "{} in slot {}",
            text(&params.load_name),
            params.slot_name().unwrap_or("?")
        ),
        "loadPipette" => format!(
            "{} on the {} mount",
            text(&params.pipette_name),
            text(&params.mount)
        ),
        _ => String::new(),
    };
    let status = command.status.as_str();
    let error = command
        .error
        .as_ref()
        .and_then(|e| e.detail.as_deref())
        .map(|d| format!(": {d}"))
        .unwrap_or_default();
    format!("command {number:>3} {kind} {detail} [{status}]{error}").replace("  [", " [")
}

/// µL aspirated from each paint of the rack, in the rack's order (red, yellow, blue).
fn paint_moved(commands: &[RobotCommand], deck: &Deck) -> Map<String, Value> {
    let mut moved: Vec<(&str, f64)> = Vec::new();
    for command in commands.iter().filter(|c| c.command_type == "aspirate") {
        let params = &command.params;
        let from_rack = deck.labware_name(params.labware_id.as_deref()) == Some(PAINT_RACK);
        let paint = PAINTS
            .iter()
            .find(|(well, _)| params.well_name.as_deref() == Some(*well))
            .map(|(_, colour)| *colour);
        if let (true, Some(colour)) = (from_rack, paint) {
            let volume = params.volume.unwrap_or(0.0);
            match moved.iter_mut().find(|(c, _)| *c == colour) {
                Some((_, total)) => *total += volume,
                None => moved.push((colour, volume)),
            }
        }
    }
    moved.sort_by_key(|(colour, _)| PAINTS.iter().position(|(_, c)| c == colour));
    moved
        .into_iter()
        .map(|(c, v)| (c.to_string(), as_given(v)))
        .collect()
}

/// A whole number as an integer, as the user gave it (`120`, not `120.0`).
pub fn as_given(number: f64) -> Value {
    if number.fract() == 0.0 && number.abs() < 1e15 {
        json!(number as i64)
    } else {
        json!(number)
    }
}

fn summary(
    name: Option<&str>,
    commands: usize,
    moved: &Map<String, Value>,
    seconds: f64,
    how: &str,
) -> String {
    let name = name.unwrap_or("protocol");
    if moved.is_empty() {
        return format!("{name}: {commands} commands {how} in {seconds:.1} s");
    }
    let total: f64 = moved.values().filter_map(Value::as_f64).sum();
    let parts: Vec<String> = moved
        .iter()
        .map(|(c, v)| format!("{c} {}", v.as_f64().unwrap_or(0.0)))
        .collect();
    format!(
        "{name}: {commands} commands {how} in {seconds:.1} s; {total} µL moved ({} µL)",
        parts.join(", ")
    )
}

/// The run's result as a table on its Artifacts tab (inline state data is hidden in the UI).
async fn create_artifact(
    context: &RunContext,
    outline: &Outline<'_>,
    commands: &[RobotCommand],
    moved: &Map<String, Value>,
    how: &str,
) {
    let rows: Vec<Value> = if moved.is_empty() {
        let mut counts: BTreeMap<String, usize> = BTreeMap::new();
        for command in commands {
            *counts.entry(command.command_type.clone()).or_default() += 1;
        }
        counts
            .into_iter()
            .map(|(command, count)| json!({"command": command, "count": count}))
            .collect()
    } else {
        let destination = outline.values.get(MIX_WELL).cloned().unwrap_or(Value::Null);
        moved
            .iter()
            .map(|(colour, volume)| json!({"colour": colour, "volume_ul": volume, "well": destination, "status": how}))
            .collect()
    };
    let description = format!("{} ({how})", outline.name.unwrap_or("OT-2 protocol"));
    context.table_artifact(&description, rows).await;
}
