//! Running an OT-2 protocol on the robot itself with `opentrons_execute`, for robots whose HTTP
//! API is not usable.
//!
//! `opentrons_execute` drives the same hardware as robot-server, so robot-server must not be
//! running: the worker refuses, or with `--stop-robot-server` stops it for the run and starts
//! it again afterwards. The tool cannot take runtime parameter values, so it runs a generated
//! copy of the protocol in which the run's values are the parameters' defaults (and the
//! robot's stored labware offsets are applied as `labware.set_offset`, which is how offsets
//! reach a protocol outside robot-server). Its output becomes the run's log, line by line.

use std::path::{Path, PathBuf};
use std::process::{ExitStatus, Stdio};
use std::time::Instant;

use serde_json::Value;

use crate::api::robot_models::LabwareOffset;
use tokio::io::{AsyncBufReadExt, BufReader};
use tokio::sync::Mutex;

use super::dispensed::Dispensed;
use super::execution::{Prepared, Step, prepare};
use super::offsets;
use crate::executor::process::{exit_message, own_process_group, stop};
use crate::executor::{CANCEL_CHECK, Level, Outcome, RunContext};

/// robot-server's systemd unit on an OT-2.
const ROBOT_SERVER_UNIT: &str = "opentrons-robot-server";
/// The robot's own robot-server, whose stored offsets apply to protocols run on the robot.
pub const LOCAL_ROBOT: &str = "http://127.0.0.1:31950";
/// Sets RUNNING_ON_PI and OT_SMOOTHIE_ID on the robot, for login shells only.
const ROBOT_ENVIRONMENT: &str = "/etc/profile.d/ot-environ.sh";
/// How the tool names the colour sensor's labware in its run log.
const SENSOR_CHARGER_NAME: &str = "colour sensor charging port";

/// One process at a time owns the robot's hardware, whatever the worker's --limit.
static HARDWARE: Mutex<()> = Mutex::const_new(());

/// How this worker runs `opentrons_execute`.
#[derive(Debug, Clone, Copy)]
pub struct Options<'a> {
    pub tool: &'a Path,
    /// Stop robot-server around each run instead of refusing while it runs.
    pub stop_robot_server: bool,
    /// Stop a cancelled run at once, even while the sensor is held.
    pub force_stop: bool,
}

pub async fn execute(
    context: &RunContext,
    step: Step<'_>,
    options: Options<'_>,
    dispensed: &Dispensed,
) -> Outcome {
    let prepared = match prepare(context, step).await {
        Ok(prepared) => prepared,
        Err(reason) => return Outcome::refused(reason),
    };
    let tool = options.tool;
    let _hardware = HARDWARE.lock().await;
    let server_running = robot_server_active().await;
    if server_running && !options.stop_robot_server {
        return Outcome::refused(
            "robot-server (opentrons-robot-server) is running and owns the robot's hardware; \
             opentrons_execute cannot run next to it. Stop it, use --robot to run through it \
             instead, or start the worker with --stop-robot-server",
        );
    }
    let scratch = match tempfile::Builder::new().prefix("ot2ctl-execute-").tempdir() {
        Ok(dir) => dir,
        Err(error) => {
            return Outcome::refused(format!("cannot create a scratch directory: {error}"));
        }
    };
    let home = &context.settings.ot2ctl_home;
    let stored = offsets::load(&offsets::store_path(home, LOCAL_ROBOT)).unwrap_or_default();
    let copy = match write_copy(&prepared, &stored, scratch.path()) {
        Ok(copy) => copy,
        Err(error) => return Outcome::refused(error),
    };
    if !context.start_running().await {
        return Outcome::NotStarted;
    }
    context.log(
        Level::Info,
        format!(
            "Running {} with {} (parameters {} written into a copy of the protocol{})",
            prepared.file.display(),
            tool.display(),
            Value::Object(prepared.values.clone()),
            if stored.is_empty() {
                String::new()
            } else {
                format!(", {} labware offset(s) applied", stored.len())
            }
        ),
    );
    if server_running {
        context.log(
            Level::Info,
            "Stopping robot-server for the run (--stop-robot-server)",
        );
        if let Err(error) = systemctl("stop").await {
            return Outcome::crashed(error);
        }
    }
    let started = Instant::now();
    let outcome = run_tool(context, &prepared, options, &copy, started, dispensed).await;
    if server_running {
        match systemctl("start").await {
            Ok(()) => context.log(Level::Info, "Started robot-server again"),
            Err(error) => context.log(Level::Error, error),
        }
    }
    outcome
}

/// Whether robot-server runs here. Without systemd (not a robot) it does not.
async fn robot_server_active() -> bool {
    tokio::process::Command::new("systemctl")
        .args(["is-active", "--quiet", ROBOT_SERVER_UNIT])
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .await
        .is_ok_and(|status| status.success())
}

async fn systemctl(action: &str) -> Result<(), String> {
    let output = tokio::process::Command::new("systemctl")
        .args([action, ROBOT_SERVER_UNIT])
        .stdin(Stdio::null())
        .output()
        .await
        .map_err(|e| format!("cannot run systemctl {action} {ROBOT_SERVER_UNIT}: {e}"))?;
    if output.status.success() {
        return Ok(());
    }
    Err(format!(
        "systemctl {action} {ROBOT_SERVER_UNIT} failed: {}",
        String::from_utf8_lossy(&output.stderr).trim()
    ))
}

/// The protocol with this run's values as its parameters' defaults and the stored offsets
/// applied, written beside nothing else in `dir`.
fn write_copy(
    prepared: &Prepared,
    stored: &[LabwareOffset],
    dir: &Path,
) -> Result<PathBuf, String> {
    let source = crate::bounded::read_text(&prepared.file)
        .map_err(|e| format!("cannot read {}: {e}", prepared.file.display()))?;
    let name = prepared
        .file
        .file_name()
        .map(PathBuf::from)
        .unwrap_or_else(|| "protocol.py".into());
    let copy = dir.join(name);
    let text =
        with_run_values(&source, &Value::Object(prepared.values.clone()), stored).map_err(|e| {
            format!(
                "cannot prepare {} for opentrons_execute: {e}",
                prepared.file.display()
            )
        })?;
    std::fs::write(&copy, text).map_err(|e| format!("cannot write {}: {e}", copy.display()))?;
    Ok(copy)
}

/// The protocol source followed by a block that wraps its `add_parameters` (each `add_*`
/// call gets the run's value as its default) and its `run` (each loaded labware gets its
/// stored offset). The opentrons engine still checks the values against the declared
/// minimum, maximum and choices.
pub fn with_run_values(
    source: &str,
    values: &Value,
    stored: &[LabwareOffset],
) -> Result<String, String> {
    // Opentrons accepts one top-level `run` (and `add_parameters`): the originals are renamed
    // and the added ones call them.
    let mut renamed = Vec::new();
    let mut found_run = false;
    let mut found_parameters = false;
    for line in source.lines() {
        if let Some(rest) = line.strip_prefix("def run(") {
            found_run = true;
            renamed.push(format!("def _ot2ctl_original_run({rest}"));
        } else if let Some(rest) = line.strip_prefix("def add_parameters(") {
            found_parameters = true;
            renamed.push(format!("def _ot2ctl_original_add_parameters({rest}"));
        } else {
            renamed.push(line.to_string());
        }
    }
    if !found_run {
        return Err("the protocol has no top-level `def run(protocol)`".into());
    }
    // A JSON text inside a JSON string is a valid Python string literal.
    let literal = |value: &Value| Value::String(value.to_string()).to_string();
    let parameters = if found_parameters {
        COPY_PARAMETERS
    } else {
        ""
    };
    let tail = format!("{COPY_HEADER}{parameters}{COPY_RUN}")
        .replace("@VALUES@", &literal(values))
        .replace(
            "@OFFSETS@",
            &literal(&serde_json::to_value(stored).unwrap_or_default()),
        );
    Ok(format!("{}\n\n{tail}", renamed.join("\n")))
}

const COPY_HEADER: &str = r#"# ---- Added by ot2ctl: opentrons_execute cannot pass runtime parameter values, so this copy
# declares the run's values as the parameters' defaults, and applies the robot's stored
# labware offsets (robot-server is not there to apply them).
import json as _ot2ctl_json

_OT2CTL_VALUES = _ot2ctl_json.loads(@VALUES@)
_OT2CTL_OFFSETS = _ot2ctl_json.loads(@OFFSETS@)
"#;

const COPY_PARAMETERS: &str = r#"

class _Ot2ctlParameters:
    def __init__(self, parameters):
        self._parameters = parameters

    def __getattr__(self, name):
        add = getattr(self._parameters, name)
        if not name.startswith("add_"):
            return add

        def add_with_run_value(*args, **kwargs):
            variable = kwargs.get("variable_name", args[0] if args else None)
            if variable in _OT2CTL_VALUES:
                if len(args) >= 3:
                    args = args[:2] + (_OT2CTL_VALUES[variable],) + args[3:]
                else:
                    kwargs["default"] = _OT2CTL_VALUES[variable]
            return add(*args, **kwargs)

        return add_with_run_value


def add_parameters(parameters):
    _ot2ctl_original_add_parameters(_Ot2ctlParameters(parameters))
"#;

const COPY_RUN: &str = r#"

def run(protocol):
    if _OT2CTL_OFFSETS:
        load_labware = protocol.load_labware

        def load_labware_with_offset(*args, **kwargs):
            labware = load_labware(*args, **kwargs)
            slot = str(kwargs.get("location", args[1] if len(args) > 1 else ""))
            for offset in _OT2CTL_OFFSETS:
                if offset["definitionUri"] == labware.uri and offset["location"]["slotName"] == slot:
                    vector = offset["vector"]
                    labware.set_offset(x=vector["x"], y=vector["y"], z=vector["z"])
            return labware

        protocol.load_labware = load_labware_with_offset
    _ot2ctl_original_run(protocol)
"#;

/// Runs the tool on the copy, each output line a run log line, until it exits or the run is
/// cancelled (never while the sensor is held, unless --force-stop).
async fn run_tool(
    context: &RunContext,
    prepared: &Prepared,
    options: Options<'_>,
    copy: &Path,
    started: Instant,
    dispensed: &Dispensed,
) -> Outcome {
    let tool = options.tool;
    let mut command = robot_command(tool);
    command.arg(copy);
    if let Some(labware_dir) = prepared.labware.first().and_then(|f| f.parent()) {
        command.arg("-L").arg(labware_dir);
    }
    command
        .current_dir(copy.parent().unwrap_or(Path::new(".")))
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    own_process_group(&mut command);
    let mut child = match command.spawn() {
        Ok(child) => child,
        Err(error) => {
            return Outcome::crashed(format!("cannot start {}: {error}", tool.display()));
        }
    };
    context.record_pid(&child).await;
    let mut stdout = BufReader::new(child.stdout.take().expect("piped")).lines();
    let mut stderr = BufReader::new(child.stderr.take().expect("piped")).lines();
    let mut last_error = String::new();
    let mut sensor_held = false;
    let mut cancel_requested = false;
    let mut said_waiting = false;
    let mut lines = 0usize;
    let mut check = tokio::time::interval(CANCEL_CHECK);
    let (mut stdout_open, mut stderr_open) = (true, true);
    let status: ExitStatus = loop {
        tokio::select! {
            line = stdout.next_line(), if stdout_open => match line {
                Ok(Some(line)) => {
                    let text = line.trim();
                    if text.contains(SENSOR_CHARGER_NAME) {
                        if text.starts_with("Picking up tip") {
                            sensor_held = true;
                        } else if text.starts_with("Dropping tip") {
                            sensor_held = false;
                        }
                    }
                    dispensed.log_line(text);
                    if !text.is_empty() {
                        lines += 1;
                        context.log(Level::Info, text.to_string());
                    }
                }
                _ => stdout_open = false,
            },
            line = stderr.next_line(), if stderr_open => match line {
                Ok(Some(line)) => {
                    let text = line.trim();
                    if !text.is_empty() {
                        // A traceback ends with the exception's own unindented line.
                        if !line.starts_with([' ', '\t']) && (text.contains("Error") || text.contains("Exception")) {
                            last_error = text.to_string();
                        }
                        context.log(Level::Warning, text.to_string());
                    }
                }
                _ => stderr_open = false,
            },
            status = child.wait(), if !stdout_open && !stderr_open => match status {
                Ok(status) => break status,
                Err(error) => {
                    dispensed.lose_track();
                    return Outcome::crashed(format!("lost the opentrons_execute process: {error}"));
                }
            },
            _ = check.tick() => {
                if !cancel_requested {
                    cancel_requested = context.is_cancelling().await;
                }
                if !cancel_requested {
                    continue;
                }
                if sensor_held && !options.force_stop {
                    if !said_waiting {
                        context.log(
                            Level::Warning,
                            "Cancellation requested while the pipette holds the colour sensor: it \
                             is carried out once the sensor is back on its charger (--force-stop \
                             overrides)",
                        );
                        said_waiting = true;
                    }
                    continue;
                }
                context.log(Level::Info, "Cancelling: stopping opentrons_execute (SIGTERM, then SIGKILL)");
                stop(&mut child, context.settings.cancel_grace).await;
                return Outcome::cancelled(
                    "Flow run was cancelled successfully; opentrons_execute was stopped.",
                );
            }
        }
    };
    let seconds = started.elapsed().as_secs_f64();
    if status.success() {
        let name = prepared.protocol.name.as_deref().unwrap_or("protocol");
        let summary = format!(
            "{name}: run on the robot with opentrons_execute in {seconds:.1} s ({lines} run log lines)"
        );
        let data = serde_json::json!({
            "protocol": prepared.protocol.name,
            "duration_s": (seconds * 100.0).round() / 100.0,
            "parameters": prepared.values,
        });
        return Outcome::Completed {
            message: summary,
            data: Some(data),
        };
    }
    let message = if last_error.is_empty() {
        exit_message(status)
    } else {
        format!("{last_error} (opentrons_execute: {})", exit_message(status))
    };
    Outcome::failed(message)
}

/// The tool, with the robot's login environment when the worker runs as a service.
fn robot_command(tool: &Path) -> tokio::process::Command {
    if std::env::var_os("RUNNING_ON_PI").is_none() && Path::new(ROBOT_ENVIRONMENT).exists() {
        let mut command = tokio::process::Command::new("sh");
        command
            .arg("-c")
            .arg(format!(". {ROBOT_ENVIRONMENT} && exec \"$0\" \"$@\""))
            .arg(tool);
        return command;
    }
    tokio::process::Command::new(tool)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn the_copy_renames_the_protocols_functions_and_carries_the_values() {
        let source = "def add_parameters(parameters):\n    pass\n\ndef run(protocol):\n    pass\n";
        let copy = with_run_values(source, &json!({"R": 100}), &[]).unwrap();
        assert!(copy.contains("def _ot2ctl_original_run(protocol):"));
        assert!(copy.contains("def _ot2ctl_original_add_parameters(parameters):"));
        assert_eq!(copy.matches("\ndef run(").count(), 1, "{copy}");
        assert!(copy.contains(r#"loads("{\"R\":100}")"#), "{copy}");
        assert!(with_run_values("x = 1\n", &json!({}), &[]).is_err());
    }
}
