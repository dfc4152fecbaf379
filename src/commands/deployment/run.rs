//! `ot2ctl run FLOW/DEPLOYMENT` (also `ot2ctl deployment run`): check the parameters against the
//! deployment's schema, create the flow run, and with `--watch` follow it to the end.

use crate::output::Printer;

use anyhow::Result;
use jiff::{SignedDuration, Timestamp};
use serde_json::{Map, Value, json};

use crate::api::Client;
use crate::api::parameters::problems;
use crate::api::states::{Proposal, StateType};
use crate::bounded;
use crate::cli::RunArgs;
use crate::commands::shared::{Show, follow, resolve, split_name};
use crate::error::{UsageError, usage_problems};
use crate::output::{self, OutputFormat};
use crate::params::{parse_assignment, strict_json};

pub async fn run(api: &Client, args: RunArgs, printer: &Printer) -> Result<()> {
    split_name(&args.deployment)?;
    // Everything the user typed is read before anything is asked of the server.
    let parameters = collect_parameters(&args)?;
    let job_variables = collect_assignments(&args.job_variables, "--job-variable")?;
    let start = start_time(&args)?;

    let deployment = resolve(api, &args.deployment).await?;
    let found = problems(
        &deployment.parameter_openapi_schema,
        &deployment.parameters,
        &parameters,
    );
    if !found.is_empty() {
        return Err(usage_problems(
            found
                .into_iter()
                .map(|p| format!("{}: {p}", args.deployment.name))
                .collect(),
        ));
    }
    let mut merged = deployment.parameters.clone();
    merged.extend(parameters.clone());
    let name = args
        .flow_run_name
        .as_deref()
        .map(|template| format_name(template, &merged));

    let body = json!({
        "state": Proposal::scheduled(start.unwrap_or_else(Timestamp::now)),
        "name": name,
        "parameters": parameters,
        "tags": args.tag,
        "idempotency_key": args.idempotency_key,
        "job_variables": job_variables,
        "context": {},
    });
    let run = api
        .create_flow_run(&deployment, &body, &args.deployment.name)
        .await?;
    let url = format!("{}/runs/flow-run/{}", api.ui_url(), run.id);
    let json = args.output.output == OutputFormat::Json;
    if !json {
        printer.line(format_args!(
            "Created flow run '{}' of deployment '{}'.",
            run.name, args.deployment.name
        ));
        printer.table(output::details(vec![
            ("ID", run.id.to_string()),
            (
                "Parameters",
                serde_json::to_string(&run.parameters).unwrap_or_default(),
            ),
            ("Scheduled", output::timestamp(&run.expected_start_time)),
            ("URL", url),
        ]));
    }
    if !args.watch {
        return if json { printer.json(&run) } else { Ok(()) };
    }
    let show = if json {
        Show::Logs
    } else {
        Show::LogsAndStates
    };
    let finished = follow(api, &run, args.timeout, show, printer).await?;
    if json {
        printer.json(&finished)?;
    }
    match finished.state_type {
        Some(StateType::Completed) => {
            if !json {
                printer.line(format_args!("Flow run '{}' completed.", finished.name));
            }
            Ok(())
        }
        _ => Err(anyhow::anyhow!(
            "flow run '{}' finished in state '{}'{}",
            finished.name,
            finished.state_name.as_deref().unwrap_or("?"),
            finished
                .state_message()
                .map(|m| format!(": {m}"))
                .unwrap_or_default()
        )),
    }
}

/// `--params` first, then each `--param` on top of it.
fn collect_parameters(args: &RunArgs) -> Result<Map<String, Value>> {
    let mut parameters = Map::new();
    if let Some(source) = &args.params_json {
        let text = if source == "-" {
            bounded::read_stdin()
                .map_err(|err| UsageError::new(format!("cannot read --params from stdin: {err}")))?
        } else {
            source.clone()
        };
        match strict_json(&text) {
            Ok(Value::Object(map)) => parameters = map,
            Ok(other) => {
                return Err(UsageError::new(format!(
                    "--params must be a JSON object, not {}",
                    other
                ))
                .into());
            }
            Err(err) => return Err(UsageError::new(format!("--params {err}")).into()),
        }
    }
    for (key, value) in collect_assignments(&args.params, "--param")? {
        parameters.insert(key, value);
    }
    Ok(parameters)
}

fn collect_assignments(pairs: &[String], flag: &str) -> Result<Map<String, Value>> {
    let mut values = Map::new();
    for pair in pairs {
        let (key, value) =
            parse_assignment(pair).map_err(|e| UsageError::new(format!("{flag}: {e}")))?;
        if values.contains_key(&key) {
            return Err(UsageError::new(format!(
                "{flag} {key} is given twice; give each parameter once"
            ))
            .into());
        }
        values.insert(key, value);
    }
    Ok(values)
}

/// `--start-in 5m` / `--start-at 2026-08-01T17:30:00Z`; `None` means now.
fn start_time(args: &RunArgs) -> Result<Option<Timestamp>, UsageError> {
    if let Some(text) = &args.start_in {
        let cleaned = text.trim().trim_start_matches("in ").trim();
        let duration: SignedDuration = cleaned.parse().map_err(|_| {
            UsageError::new(format!(
                "--start-in '{text}' is not a duration (e.g. 30s, 5m, 2 hours, 1h30m)"
            ))
        })?;
        // jiff's own range (year 9999) bounds it: a run starts within what a timestamp holds.
        let at = Timestamp::now().checked_add(duration).map_err(|_| {
            UsageError::new(format!(
                "--start-in '{text}' is further ahead than a run can be scheduled"
            ))
        })?;
        return Ok(Some(at));
    }
    if let Some(text) = &args.start_at {
        let cleaned = text.trim().trim_start_matches("at ").trim();
        if let Ok(at) = cleaned.parse::<Timestamp>() {
            return Ok(Some(at));
        }
        let civil: jiff::civil::DateTime = cleaned.parse().map_err(|_| {
            UsageError::new(format!(
                "--start-at '{text}' is not a time (e.g. 2026-08-01T17:30:00+02:00, or 2026-08-01 17:30 in UTC)"
            ))
        })?;
        let at = jiff::tz::TimeZone::UTC
            .to_timestamp(civil)
            .map_err(|e| UsageError::new(format!("--start-at '{text}': {e}")))?;
        return Ok(Some(at));
    }
    Ok(None)
}

/// `--flow-run-name "mix-{R}-{mix_well}"`: `{name}` becomes the parameter's value.
fn format_name(template: &str, parameters: &Map<String, Value>) -> String {
    let mut name = template.to_string();
    for (key, value) in parameters {
        let text = match value {
            Value::String(s) => s.clone(),
            other => other.to_string(),
        };
        name = name.replace(&format!("{{{key}}}"), &text);
    }
    name
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn run_names_take_parameter_values() {
        let parameters = json!({"R": 120, "mix_well": "B2"})
            .as_object()
            .unwrap()
            .clone();
        assert_eq!(format_name("mix-{R}-{mix_well}", &parameters), "mix-120-B2");
    }
}
