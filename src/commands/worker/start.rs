//! `ot2ctl worker start`.

use std::sync::Arc;
use std::time::Duration;

use anyhow::Result;

use crate::api::robot::robot_url;
use crate::cli::WorkerStartArgs;
use crate::commands::shared::{api_client, api_env, print_warnings};
use crate::config::Settings;
use crate::config::paths::{ot2ctl_dir, ot2ctl_home};
use crate::config::settings::Overrides;
use crate::error::UsageError;
use crate::executor;
use crate::inventory::Store;
use crate::ot2::Runner;
use crate::output::{OutputFormat, Printer};
use crate::worker::python_flow::Engine;
use crate::worker::{Executors, PythonFlows, WorkerOptions, default_name};

pub fn start(args: WorkerStartArgs, overrides: &Overrides, printer: &Printer) -> Result<()> {
    let settings = Settings::load(overrides)?;
    print_warnings(&settings, printer);
    let api = api_client(&settings)?;
    let api_env = api_env(&settings)?;
    let json = args.output.output == OutputFormat::Json;
    let args_run_once = args.run_once;
    let args = args.settings;
    let robot = args
        .robot
        .as_deref()
        .map(robot_url)
        .transpose()
        .map_err(|e| UsageError::new(e.to_string()))?;
    let env = |name: &str| std::env::var(name).ok();
    let home = ot2ctl_home(&env)?;
    let checkouts = args.checkouts_dir.clone().unwrap_or_else(|| {
        // A cache, except on a robot where OT2CTL_HOME is the one writable place.
        ot2ctl_dir(&env, dirs::cache_dir())
            .unwrap_or_else(|| std::env::temp_dir().join("ot2ctl"))
            .join("checkouts")
    });
    let options = WorkerOptions {
        pool: args.pool,
        queues: args.queue,
        name: args.name.unwrap_or_else(default_name),
        limit: args.limit as usize,
        prefetch: Duration::from_secs(args.prefetch_seconds),
        poll_interval: Duration::from_secs(args.poll_seconds),
        heartbeat_interval: Duration::from_secs(args.heartbeat_seconds),
        run_once: args_run_once,
        shutdown_grace: Duration::from_secs(args.shutdown_grace_seconds),
        json,
    };
    let settings = executor::Settings {
        places: executor::Places {
            protocols_dirs: args.protocols_dir,
            allowed_repos: args.allow_repo,
            checkouts,
        },
        ot2ctl_home: home,
        cancel_grace: Duration::from_secs(args.cancel_grace_seconds),
        children_to_stderr: json,
    };
    let python = if args.no_python_flows {
        PythonFlows::Off
    } else {
        PythonFlows::Engine(Engine {
            python: args.python,
            api_env,
        })
    };
    let ot2 = Runner::choose(
        robot,
        args.opentrons_execute,
        args.opentrons_python,
        args.force_stop,
        args.stop_robot_server,
    );
    let executors = |inventory| Executors {
        settings: Arc::new(settings),
        ot2,
        python,
        inventory,
    };
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()?;
    runtime.block_on(async move {
        let inventory = Store::open(&env)
            .await
            .map_err(|e| UsageError::new(e.to_string()))?;
        crate::worker::run(api, options, executors(inventory), printer).await
    })
}
