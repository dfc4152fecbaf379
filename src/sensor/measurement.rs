//! A reading as it is kept and shown: with the well, the recipe, the run and the time, and the
//! colour it shows (`crate::colour::as7341`, against the settings' white reference).

use jiff::Timestamp;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::contract::{Command, SensorData};
use super::read::Reading;
use crate::colour::as7341;
use crate::colour::lab::Lab;
use crate::colour::srgb::Rgb;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Measurement {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub well: Option<String>,
    /// What the request said the well holds (µL).
    pub recipe: Command,
    pub sensor_data: SensorData,
    /// The measured colour, `#rrggbb`.
    pub colour: String,
    /// CIE L\*a\*b\* of the measured colour, for colour differences.
    pub lab: [f64; 3],
    pub request_id: Uuid,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub flow_run_id: Option<Uuid>,
    pub measured_at: Timestamp,
    /// How many times the request was sent.
    pub attempts: u32,
}

impl Measurement {
    pub fn of(
        reading: &Reading,
        recipe: Command,
        well: Option<String>,
        flow_run_id: Option<Uuid>,
        white: &as7341::Counts,
        now: Timestamp,
    ) -> Measurement {
        let xyz = as7341::xyz(&reading.data.counts().reflectance(white));
        let lab = xyz.lab();
        Measurement {
            well,
            recipe,
            sensor_data: reading.data,
            colour: xyz.rgb().hex(),
            lab: [lab.l, lab.a, lab.b],
            request_id: reading.request_id,
            flow_run_id,
            measured_at: now,
            attempts: reading.attempts,
        }
    }

    pub fn lab(&self) -> Lab {
        Lab {
            l: self.lab[0],
            a: self.lab[1],
            b: self.lab[2],
        }
    }

    /// The measured colour as sRGB (black for a malformed stored value).
    pub fn rgb(&self) -> Rgb {
        self.colour.parse().unwrap_or(Rgb(0, 0, 0))
    }
}
