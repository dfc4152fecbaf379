use clap::{Args, Subcommand};

use super::OutputArgs;

#[derive(Debug, Subcommand)]
pub enum SensorCommand {
    /// Ask the colour sensor for one reading over MQTT, without moving anything
    #[command(
        long_about = "Ask the colour sensor for one reading over MQTT, without moving anything: \
                      a check that the broker, the credentials and the sensor answer. The \
                      broker and the sensor come from the environment (OT2CTL_MQTT_HOST, \
                      OT2CTL_MQTT_PORT, OT2CTL_MQTT_USERNAME, OT2CTL_MQTT_PASSWORD, \
                      OT2CTL_MQTT_CA_FILE, OT2CTL_SENSOR_ID; docs/sensor.md). The recipe is what \
                      the request says the well holds; the sensor measures what is under it.",
        after_help = "Examples:\n  ot2ctl sensor read\n  ot2ctl sensor read --red 120 --yellow 50 --blue 80 --well B2\n  ot2ctl sensor read -o json"
    )]
    Read(SensorReadArgs),
}

#[derive(Debug, Args)]
pub struct SensorReadArgs {
    /// µL of red paint the request says the well holds
    #[arg(long, default_value = "0", value_name = "µL", value_parser = volume)]
    pub red: f64,
    /// µL of yellow paint
    #[arg(long, default_value = "0", value_name = "µL", value_parser = volume)]
    pub yellow: f64,
    /// µL of blue paint
    #[arg(long, default_value = "0", value_name = "µL", value_parser = volume)]
    pub blue: f64,
    /// The well under the sensor, sent along in the request
    #[arg(long, value_name = "WELL")]
    pub well: Option<String>,
    #[command(flatten)]
    pub output: OutputArgs,
}

/// A volume in µL, from 0 to 1000 (more than a well holds).
fn volume(text: &str) -> Result<f64, String> {
    crate::bounded::microlitres(text, 0.0, 1000.0)
}
