//! `ot2ctl sensor read`: one reading over MQTT, from wherever this runs, without motion and
//! without storing it: the check that broker, credentials and sensor answer.

use anyhow::Result;
use jiff::Timestamp;

use crate::cli::{SensorCommand, SensorReadArgs};
use crate::colour::as7341::CHANNELS;
use crate::commands::invocation::Invocation;
use crate::commands::shared::runtime;
use crate::error::UsageError;
use crate::output::{self, OutputFormat};
use crate::sensor::contract::Command;
use crate::sensor::{Ask, Measurement, SensorSettings, settings};

pub fn run(command: SensorCommand, invocation: &Invocation) -> Result<()> {
    match command {
        SensorCommand::Read(args) => read(args, invocation),
    }
}

fn read(args: SensorReadArgs, invocation: &Invocation) -> Result<()> {
    let sensor = SensorSettings::from_env(&invocation.env)
        .map_err(UsageError::new)?
        .ok_or_else(|| {
            UsageError::new(format!(
                "no colour sensor is configured: set {} (and {}, {}, {}) to the lab's MQTT broker",
                settings::HOST,
                settings::SENSOR_ID,
                settings::USERNAME,
                settings::PASSWORD
            ))
        })?;
    let well = match &args.well {
        Some(text) => Some(
            crate::plate::Well::parse(text)
                .map_err(|e| UsageError::new(e.to_string()))?
                .to_string(),
        ),
        None => None,
    };
    let recipe = Command {
        red: args.red,
        yellow: args.yellow,
        blue: args.blue,
    };
    let ask = Ask {
        command: recipe,
        well: well.clone(),
        flow_run_id: None,
    };
    let printer = &invocation.printer;
    let runtime = runtime()?;
    let spinner = printer.spinner(format!(
        "asking sensor '{}' on {} (it answers within about 5 s)",
        sensor.sensor_id,
        sensor.broker()
    ));
    let note = |line: String| spinner.suspend(|| printer.note(&line));
    let reading = runtime.block_on(crate::sensor::read(&sensor, &ask, &note));
    spinner.finish_and_clear();
    let reading = reading?;
    let measurement = Measurement::of(
        &reading,
        recipe,
        well,
        None,
        &sensor.white,
        Timestamp::now(),
    );
    if args.output.output == OutputFormat::Json {
        return printer.json(&measurement);
    }
    let mut table = output::table(&["CHANNEL", "COUNTS"]);
    for ((name, _), count) in CHANNELS.iter().zip(measurement.sensor_data.counts().0) {
        table.add_row(vec![name.to_string(), format!("{count}")]);
    }
    printer.table(table);
    let [l, a, b] = measurement.lab;
    printer.line(format_args!(
        "colour {} (L* {l:.1}, a* {a:.1}, b* {b:.1}), read in {:.1} s after {} request(s)",
        measurement.colour,
        reading.elapsed.as_secs_f64(),
        reading.attempts
    ));
    Ok(())
}
