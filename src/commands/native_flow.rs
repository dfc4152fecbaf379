//! What the `inventory` and `plate` commands share: a flow the worker runs on the lab's
//! database, run through its deployment (where the worker keeps the database) and waited for,
//! or with `--local` on this machine's database directly. Either way the caller gets the
//! flow's result, the same JSON.

use anyhow::{Result, anyhow};
use jiff::Timestamp;
use serde_json::{Value, json};

use crate::api::Client;
use crate::api::states::{Proposal, StateType};
use crate::cli::{DeploymentRef, WhereArgs};
use crate::commands::invocation::Invocation;
use crate::commands::shared::{Show, follow, resolve, runtime, with_api};
use crate::config::Env;
use crate::entrypoint::NativeFlow;
use crate::error::UsageError;
use crate::output::Printer;
use crate::store::Database;

/// Runs `flow` with `parameters` where `place` says and returns its result.
pub fn run(
    flow: NativeFlow,
    parameters: Value,
    place: &WhereArgs,
    invocation: &Invocation,
) -> Result<Value> {
    if place.local {
        return local(&invocation.env, |database| async move {
            let values = parameters.as_object().cloned().unwrap_or_default();
            let now = Timestamp::now();
            let report = match flow {
                NativeFlow::Inventory(flow) => {
                    let store = crate::inventory::Store::on(&database);
                    crate::inventory::ops::run_flow(&store, flow, &values, now).await?
                }
                NativeFlow::Plate(flow) => {
                    let plates = crate::plate::Plates::on(&database);
                    crate::plate::ops::run_flow(&plates, flow, &values, now).await?
                }
            };
            Ok(report.result)
        });
    }
    let timeout = place.timeout;
    let deployment = place
        .deployment
        .clone()
        .unwrap_or_else(|| format!("{}/{}", flow.name(), flow.name()));
    let printer = &invocation.printer;
    let mut result = Value::Null;
    let slot = &mut result;
    with_api(invocation, |api| async move {
        *slot = through_deployment(&api, &deployment, parameters, timeout, printer).await?;
        Ok(())
    })?;
    Ok(result)
}

/// Runs `command` on this machine's database (`--local`, and the commands that only read it).
pub fn local<F, Fut, T>(env: &Env, command: F) -> Result<T>
where
    F: FnOnce(Database) -> Fut,
    Fut: std::future::Future<Output = Result<T>>,
{
    runtime()?.block_on(async move {
        let database = Database::open(&|name| env.setting(name))
            .await
            .map_err(|e| UsageError::new(e.to_string()))?;
        command(database).await
    })
}

/// Creates a run of the deployment, waits for it, and returns its result; a run that does
/// not complete is an error with its message.
async fn through_deployment(
    api: &Client,
    deployment: &str,
    parameters: Value,
    timeout: u64,
    printer: &Printer,
) -> Result<Value> {
    let reference = DeploymentRef {
        name: deployment.to_string(),
    };
    let deployment = resolve(api, &reference).await.map_err(|e| {
        anyhow!("{e}; deploy the lab's deployments first (`ot2ctl deploy --all`), or use --local")
    })?;
    let body = json!({
        "state": Proposal::scheduled(Timestamp::now()),
        "parameters": parameters,
        "context": {},
    });
    let run = api
        .create_flow_run(&deployment, &body, &reference.name)
        .await?;
    printer.note(format_args!(
        "Flow run '{}' of {} created; waiting for a worker of pool '{}'.",
        run.name,
        reference.name,
        deployment.work_pool_name.as_deref().unwrap_or("?")
    ));
    let finished = follow(api, &run, Some(timeout), Show::Nothing, printer).await?;
    if !finished.is(StateType::Completed) {
        return Err(anyhow!(
            "flow run '{}' of {} ended {}: {}",
            finished.name,
            reference.name,
            finished.state_type.map_or("?", StateType::as_str),
            finished.state_message().unwrap_or("no message")
        ));
    }
    Ok(finished
        .state
        .and_then(|state| state.data)
        .unwrap_or(Value::Null))
}

/// A flow run's result as the flow's own type; a result of another shape (a worker of
/// another version, a run someone else forced to COMPLETED) says so.
pub fn read_result<T: serde::de::DeserializeOwned>(flow: NativeFlow, result: &Value) -> Result<T> {
    serde_json::from_value(result.clone()).map_err(|error| {
        anyhow!(
            "the run's result is not what {} returns ({error}); `-o json` shows it as it is",
            flow.name()
        )
    })
}
