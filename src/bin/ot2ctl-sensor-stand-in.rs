//! The colour sensor's stand-in (`ot2ctl::sensor::stand_in`) as a program, for the demo and
//! the tests: it answers on the broker the environment names (`OT2CTL_MQTT_HOST`, `_PORT`,
//! `_USERNAME`, `_PASSWORD`, `_CA_FILE`, `OT2CTL_SENSOR_ID`, `OT2CTL_SENSOR_WHITE`) until
//! it is stopped.

use std::process::ExitCode;
use std::time::Duration;

use clap::Parser;
use ot2ctl::config::env::Env;
use ot2ctl::sensor::SensorSettings;
use ot2ctl::sensor::stand_in::{Habits, serve};

/// A stand-in for the lab's Pico W colour sensor: answers the firmware's MQTT requests with
/// counts from the paint model.
#[derive(Parser)]
#[command(version)]
struct Args {
    /// Seconds between two looks at the requests (the firmware sleeps 5 s).
    #[arg(long, default_value_t = 5.0, value_parser = poll_seconds)]
    poll_seconds: f64,
    /// Drop every N-th reply (0: none), as a reply lost on the way.
    #[arg(long, default_value_t = 0)]
    drop_every: u64,
    /// Relative noise of each channel.
    #[arg(long, default_value_t = 0.01, value_parser = noise)]
    noise: f64,
    #[arg(long, default_value_t = 1)]
    seed: u64,
}

fn poll_seconds(text: &str) -> Result<f64, String> {
    ot2ctl::bounded::seconds(text, 0.01, 60.0).map(|s| s.as_f64())
}

fn noise(text: &str) -> Result<f64, String> {
    match text.parse::<f64>() {
        Ok(value) if (0.0..=0.5).contains(&value) => Ok(value),
        _ => Err(format!("must be a number from 0 to 0.5, not {text}")),
    }
}

fn main() -> ExitCode {
    let args = Args::parse();
    let settings = match SensorSettings::from_env(&Env::process()) {
        Ok(Some(settings)) => settings,
        Ok(None) => {
            eprintln!("error: OT2CTL_MQTT_HOST is not set: name the broker to answer on");
            return ExitCode::from(2);
        }
        Err(problem) => {
            eprintln!("error: {problem}");
            return ExitCode::from(2);
        }
    };
    let habits = Habits {
        poll: Duration::from_secs_f64(args.poll_seconds),
        drop_every: args.drop_every,
        noise: args.noise,
        seed: args.seed,
    };
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("a tokio runtime");
    let log = |line: String| eprintln!("sensor stand-in: {line}");
    match runtime.block_on(serve(&settings, &habits, &log)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("error: {error}");
            ExitCode::from(1)
        }
    }
}
