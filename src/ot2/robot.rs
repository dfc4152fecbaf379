//! Running an OT-2 protocol on the robot through its HTTP API (robot-server): upload with the
//! custom labware, wait for the robot's analysis, check the values against the robot's own
//! limits, create the run with the stored labware offsets, play, and follow it command by
//! command until it succeeds, fails or is stopped.
//!
//! The sensor hazard: when a run stops while the pipette holds a tip, robot-server homes and
//! drops the tip in the trash, and on this deck the "tip" may be the colour sensor. A
//! cancellation that arrives while the sensor is held is carried out only once the sensor is
//! back on its charger, unless the worker runs with `--force-stop`.

use std::collections::HashMap;
use std::time::{Duration, Instant};

use serde_json::Value;

use super::execution::{Prepared, command_line, complete, failed, prepare};
use super::offsets;
use crate::api::robot::{RobotClient, RobotError, UploadFile};
use crate::worker::report::{ERROR, INFO, WARNING, state};
use crate::worker::run::{Ending, NOT_STARTED, RunContext};

/// The labware the colour sensor sits in.
const SENSOR_CHARGER: &str = "ot2ctl_sensor_charging_port";
/// How often a robot run is looked at.
const POLL: Duration = Duration::from_millis(500);
/// How long to wait between two attempts on a busy robot.
const BUSY_RETRY: Duration = Duration::from_secs(5);
/// The robot's analysis of an upload normally takes a second or two.
const ANALYSIS_TIMEOUT: Duration = Duration::from_secs(300);

pub async fn execute(context: &RunContext, protocol_path: &str, robot_url: &str) -> Ending {
    let prepared = match prepare(context, protocol_path).await {
        Ok(prepared) => prepared,
        Err(reason) => return context.refuse(&reason).await,
    };
    let robot = match RobotClient::new(robot_url) {
        Ok(robot) => robot,
        Err(error) => return context.refuse(&error.to_string()).await,
    };
    match run_on_robot(context, &prepared, &robot).await {
        Ok(ending) => ending,
        Err(Stop::Refused(reason)) => context.refuse(&reason).await,
        Err(Stop::Crashed(reason)) => {
            context.log(ERROR, reason.clone());
            context.finish("CRASHED", "Crashed", &reason, None).await
        }
    }
}

/// Why a robot run ended early: refused before any motion, or lost during it.
enum Stop {
    Refused(String),
    Crashed(String),
}

async fn run_on_robot(
    context: &RunContext,
    prepared: &Prepared,
    robot: &RobotClient,
) -> Result<Ending, Stop> {
    let health = robot
        .health()
        .await
        .map_err(|e| Stop::Refused(e.to_string()))?;
    check_api_level(prepared, &health)?;
    context.log(
        INFO,
        format!(
            "Robot {} ({}, robot software {})",
            health["name"].as_str().unwrap_or("?"),
            health["robot_model"].as_str().unwrap_or("?"),
            health["api_version"].as_str().unwrap_or("?")
        ),
    );

    // Upload and the robot's own analysis.
    let mut files = vec![read_upload(&prepared.file)?];
    for labware in &prepared.labware {
        files.push(read_upload(labware)?);
    }
    let values = Value::Object(prepared.values.clone());
    let protocol = robot
        .upload_protocol(files, &context.id().to_string(), &values)
        .await
        .map_err(|e| Stop::Refused(e.to_string()))?;
    let protocol_id = protocol["id"].as_str().unwrap_or_default().to_string();
    let analysis_id = protocol["analysisSummaries"]
        .as_array()
        .and_then(|a| a.last())
        .and_then(|a| a["id"].as_str())
        .unwrap_or_default()
        .to_string();
    let analysis = wait_for_analysis(robot, &protocol_id, &analysis_id).await?;
    if analysis["result"] != "ok" {
        return Ok(failed(
            context,
            &analysis["errors"],
            "the robot's analysis of the protocol was not ok",
        )
        .await);
    }
    // robot-server answers a bad value with a 500 that also poisons the next request: the
    // robot's own limits are checked here, and such a value never reaches POST /runs.
    let problems = robot_limit_problems(&analysis["runTimeParameters"], &prepared.values);
    if !problems.is_empty() {
        return Err(Stop::Refused(problems.join("\n")));
    }

    let home = context.executors.ot2ctl_home.clone();
    let stored = offsets::load(&offsets::store_path(&home, robot.url())).unwrap_or_default();
    if !stored.is_empty() {
        context.log(INFO, format!("Sending {} labware offset(s)", stored.len()));
    }
    if !context.start_running().await {
        return Err(Stop::Refused(NOT_STARTED.into()));
    }
    let started = Instant::now();
    let Some(run_id) =
        create_run(context, robot, &protocol_id, &values, &Value::Array(stored)).await?
    else {
        return Ok(Ending {
            state: "CANCELLED".into(),
            message: Some("cancelled while the robot was busy".into()),
        });
    };
    robot
        .action(&run_id, "play")
        .await
        .map_err(|e| Stop::Crashed(e.to_string()))?;
    context.log(INFO, format!("Run {run_id} started on the robot"));
    let ending = follow(context, robot, &run_id, prepared, started).await;
    if let Err(error) = robot.close_run(&run_id).await {
        context.log(
            WARNING,
            format!("the robot run could not be closed: {error}"),
        );
    }
    ending
}

fn read_upload(path: &std::path::Path) -> Result<UploadFile, Stop> {
    Ok(UploadFile {
        name: path
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or("file")
            .to_string(),
        bytes: std::fs::read(path)
            .map_err(|e| Stop::Refused(format!("cannot read {}: {e}", path.display())))?,
    })
}

/// A protocol whose API level the robot cannot run is refused before upload.
fn check_api_level(prepared: &Prepared, health: &Value) -> Result<(), Stop> {
    let parse = |text: &str| -> Option<(u64, u64)> {
        let (major, minor) = text.split_once('.')?;
        Some((major.parse().ok()?, minor.parse().ok()?))
    };
    let maximum = health["maximum_protocol_api_version"]
        .as_array()
        .and_then(|v| Some((v.first()?.as_u64()?, v.get(1)?.as_u64()?)));
    let wanted = prepared.protocol.api_level.as_deref().and_then(parse);
    if let (Some(wanted), Some(maximum)) = (wanted, maximum)
        && wanted > maximum
    {
        return Err(Stop::Refused(format!(
            "the protocol needs API {}.{} but the robot runs at most {}.{}; update the robot or \
             lower the protocol's apiLevel",
            wanted.0, wanted.1, maximum.0, maximum.1
        )));
    }
    Ok(())
}

async fn wait_for_analysis(
    robot: &RobotClient,
    protocol: &str,
    analysis: &str,
) -> Result<Value, Stop> {
    let started = Instant::now();
    loop {
        let current = robot
            .analysis(protocol, analysis)
            .await
            .map_err(|e| Stop::Refused(e.to_string()))?;
        if current["status"] == "completed" {
            return Ok(current);
        }
        if started.elapsed() > ANALYSIS_TIMEOUT {
            return Err(Stop::Refused(
                "the robot's analysis did not finish within 5 minutes".into(),
            ));
        }
        tokio::time::sleep(POLL).await;
    }
}

/// Values outside what the robot's analysis declares (min/max/choices), one line each.
pub fn robot_limit_problems(
    declared: &Value,
    values: &serde_json::Map<String, Value>,
) -> Vec<String> {
    let mut problems = Vec::new();
    for parameter in declared.as_array().into_iter().flatten() {
        let Some(name) = parameter["variableName"].as_str() else {
            continue;
        };
        let Some(value) = values.get(name) else {
            continue;
        };
        if let Some(number) = value.as_f64() {
            if parameter["min"].as_f64().is_some_and(|min| number < min) {
                problems.push(format!(
                    "parameter '{name}' = {value} is below the robot's minimum {}",
                    parameter["min"]
                ));
            }
            if parameter["max"].as_f64().is_some_and(|max| number > max) {
                problems.push(format!(
                    "parameter '{name}' = {value} is above the robot's maximum {}",
                    parameter["max"]
                ));
            }
        }
        if let Some(choices) = parameter["choices"].as_array() {
            let allowed: Vec<&Value> = choices.iter().map(|c| &c["value"]).collect();
            if !allowed.is_empty() && !allowed.contains(&value) {
                problems.push(format!(
                    "parameter '{name}' = {value} is not one of the robot's choices"
                ));
            }
        }
    }
    problems
}

/// `POST /runs`, waiting while the robot is busy and retrying a 500 once. `None` when the
/// flow run was cancelled while waiting.
async fn create_run(
    context: &RunContext,
    robot: &RobotClient,
    protocol: &str,
    values: &Value,
    offsets: &Value,
) -> Result<Option<String>, Stop> {
    let mut said_busy = false;
    let mut retried_500 = false;
    loop {
        match robot.create_run(protocol, values, offsets).await {
            Ok(run) => return Ok(run["id"].as_str().map(str::to_string)),
            Err(RobotError::Busy { detail }) => {
                if !said_busy {
                    context.log(
                        INFO,
                        format!("The robot is busy with another run ({detail}); waiting for it"),
                    );
                    said_busy = true;
                }
                if context.is_cancelling().await {
                    let _ = context
                        .reporter
                        .propose(
                            context.id(),
                            state(
                                "CANCELLED",
                                "Cancelled",
                                Some("Cancelled while waiting for the robot"),
                            ),
                            true,
                        )
                        .await;
                    return Ok(None);
                }
                tokio::time::sleep(BUSY_RETRY).await;
            }
            // robot-server answers some bad requests with two 500s in a row.
            Err(RobotError::Refused { status, .. }) if status.as_u16() == 500 && !retried_500 => {
                retried_500 = true;
                context.log(
                    WARNING,
                    "The robot answered 500 to creating the run; trying once more",
                );
                tokio::time::sleep(Duration::from_secs(1)).await;
            }
            Err(error) => {
                return Err(Stop::Crashed(format!(
                    "the robot refused to create the run: {error}"
                )));
            }
        }
    }
}

/// Follows the robot run to its end, logging each command as it completes.
async fn follow(
    context: &RunContext,
    robot: &RobotClient,
    run_id: &str,
    prepared: &Prepared,
    started: Instant,
) -> Result<Ending, Stop> {
    let mut logged: Vec<Value> = Vec::new();
    let mut labware: HashMap<String, String> = HashMap::new();
    let mut sensor_held = false;
    let mut stop_asked = false;
    let mut waiting_for_sensor = false;
    let mut last_cancel_check = Instant::now();
    loop {
        // New completed commands, in order.
        let page = robot
            .commands(run_id, logged.len(), 100)
            .await
            .map_err(|e| Stop::Crashed(format!("lost the robot run: {e}")))?;
        for command in page["data"].as_array().into_iter().flatten() {
            let status = command["status"].as_str().unwrap_or("");
            if status != "succeeded" && status != "failed" {
                break;
            }
            if command["commandType"] == "loadLabware"
                && let (Some(id), Some(name)) = (
                    command["result"]["labwareId"].as_str(),
                    command["params"]["loadName"].as_str(),
                )
            {
                labware.insert(id.to_string(), name.to_string());
            }
            let on_charger = command["params"]["labwareId"]
                .as_str()
                .and_then(|id| labware.get(id))
                .is_some_and(|name| name == SENSOR_CHARGER);
            match command["commandType"].as_str() {
                Some("pickUpTip") if on_charger && status == "succeeded" => sensor_held = true,
                Some("dropTip") if on_charger && status == "succeeded" => sensor_held = false,
                _ => {}
            }
            context.log(INFO, command_line(logged.len() + 1, command, &labware));
            logged.push(command.clone());
        }

        let run = robot
            .run(run_id)
            .await
            .map_err(|e| Stop::Crashed(format!("lost the robot run: {e}")))?;
        match run["status"].as_str().unwrap_or("") {
            "succeeded" => {
                let seconds = started.elapsed().as_secs_f64();
                let commands = all_commands(robot, run_id).await.unwrap_or(logged);
                return Ok(
                    complete(context, prepared, &commands, seconds, "run on the robot").await,
                );
            }
            "failed" => return Ok(failed(context, &run["errors"], "the robot run failed").await),
            "stopped" => {
                let message = if stop_asked {
                    "Flow run was cancelled successfully; the robot run was stopped."
                } else {
                    "The robot run was stopped on the robot."
                };
                return Ok(context.report_cancelled(message).await);
            }
            _ => {}
        }

        if !stop_asked && last_cancel_check.elapsed() >= Duration::from_secs(1) {
            last_cancel_check = Instant::now();
            if waiting_for_sensor || context.is_cancelling().await {
                if sensor_held && !context.executors.force_stop {
                    if !waiting_for_sensor {
                        context.log(
                            WARNING,
                            "Cancellation requested while the pipette holds the colour sensor: \
                             it is carried out once the sensor is back on its charger (a stop now \
                             would drop the sensor in the trash; --force-stop overrides)",
                        );
                        waiting_for_sensor = true;
                    }
                } else {
                    context.log(INFO, "Cancelling: stopping the robot run");
                    robot
                        .action(run_id, "stop")
                        .await
                        .map_err(|e| Stop::Crashed(e.to_string()))?;
                    stop_asked = true;
                }
            }
        }
        tokio::time::sleep(POLL).await;
    }
}

async fn all_commands(robot: &RobotClient, run_id: &str) -> Result<Vec<Value>, RobotError> {
    let mut commands = Vec::new();
    loop {
        let page = robot.commands(run_id, commands.len(), 100).await?;
        let items = page["data"].as_array().cloned().unwrap_or_default();
        if items.is_empty() {
            return Ok(commands);
        }
        commands.extend(items);
        let total = page["meta"]["totalLength"].as_u64().unwrap_or(0) as usize;
        if commands.len() >= total {
            return Ok(commands);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn values_outside_the_robots_limits_are_named() {
        let declared = json!([
            {"variableName": "R", "type": "int", "min": 0.0, "max": 200.0},
            {"variableName": "mix_well", "type": "str", "choices": [{"displayName": "A1", "value": "A1"}]}
        ]);
        let values = json!({"R": 250, "mix_well": "B2"})
            .as_object()
            .unwrap()
            .clone();
        let problems = robot_limit_problems(&declared, &values);
        assert_eq!(problems.len(), 2, "{problems:?}");
        assert!(problems[0].contains("above the robot's maximum 200.0"));
    }
}
