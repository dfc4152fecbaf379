//! Where the sensor is and how to reach it, from the environment (as the lab's own tooling
//! and the worker's systemd unit pass it): the broker, its credentials, the sensor's id and
//! how long to wait. The broker is always reached over TLS, as the firmware does.

use std::path::PathBuf;
use std::time::Duration;

use crate::api::Secret;
use crate::bounded;
use crate::colour::as7341::{CHANNELS, Counts};
use crate::config::env::Env;

pub const HOST: &str = "OT2CTL_MQTT_HOST";
pub const PORT: &str = "OT2CTL_MQTT_PORT";
pub const USERNAME: &str = "OT2CTL_MQTT_USERNAME";
pub const PASSWORD: &str = "OT2CTL_MQTT_PASSWORD";
pub const CA_FILE: &str = "OT2CTL_MQTT_CA_FILE";
pub const SENSOR_ID: &str = "OT2CTL_SENSOR_ID";
pub const REPLY_TIMEOUT: &str = "OT2CTL_SENSOR_TIMEOUT_SECONDS";
pub const ATTEMPTS: &str = "OT2CTL_SENSOR_ATTEMPTS";
pub const WHITE: &str = "OT2CTL_SENSOR_WHITE";
/// Every setting of the sensor, for those who pass them on (`worker install`).
pub const ALL: [&str; 9] = [
    HOST,
    PORT,
    USERNAME,
    PASSWORD,
    CA_FILE,
    SENSOR_ID,
    REPLY_TIMEOUT,
    ATTEMPTS,
    WHITE,
];

/// The firmware takes a request about every 5 s and answers at once: 20 s is four of its
/// turns, enough for a request that arrived just after one and a broker that is slow.
const DEFAULT_REPLY_TIMEOUT: f64 = 20.0;
const DEFAULT_ATTEMPTS: u64 = 3;

/// What a sensor whose LED lights a white target reads, when no white reference of the lab's
/// own sensor is given (`OT2CTL_SENSOR_WHITE`): the AS7341's counts at gain 128× and 100 ms,
/// with the relative response of its eight filters. Colours computed against it are right for
/// the sensor stand-in and only approximate for a real sensor until its white is measured.
pub const NOMINAL_WHITE: Counts = Counts([
    3200.0, 5600.0, 7400.0, 9800.0, 11200.0, 13100.0, 14800.0, 9400.0,
]);

#[derive(Debug, Clone)]
pub struct SensorSettings {
    pub host: String,
    pub port: u16,
    pub username: Option<String>,
    pub password: Option<Secret>,
    /// PEM file of the CA that signed the broker's certificate; the system's roots otherwise.
    pub ca_file: Option<PathBuf>,
    /// The firmware's `PICO_ID`.
    pub sensor_id: String,
    /// How long to wait for the reply to one request before sending it again.
    pub reply_timeout: Duration,
    /// How many times a request is sent before the reading fails.
    pub attempts: u32,
    pub white: Counts,
}

impl SensorSettings {
    /// The settings the environment holds; `Ok(None)` when no broker is named (the worker
    /// then has no sensor), an error naming the variable when one is malformed.
    pub fn from_env(env: &Env) -> Result<Option<SensorSettings>, String> {
        let Some(host) = env.setting(HOST) else {
            return Ok(None);
        };
        let sensor_id = env.setting(SENSOR_ID).ok_or_else(|| {
            format!("{HOST} is set but {SENSOR_ID} is not: set it to the sensor's PICO_ID")
        })?;
        if sensor_id.contains(['/', '+', '#']) {
            return Err(format!(
                "{SENSOR_ID} '{sensor_id}' holds an MQTT topic character (/, + or #): use the \
                 sensor's PICO_ID alone"
            ));
        }
        let port = match env.setting(PORT) {
            Some(text) => {
                bounded::whole(&text, 1, 65535).map_err(|e| format!("{PORT} {e}"))? as u16
            }
            None => 8883,
        };
        let reply_timeout = match env.setting(REPLY_TIMEOUT) {
            Some(text) => bounded::seconds(&text, 0.1, 600.0)
                .map_err(|e| format!("{REPLY_TIMEOUT} {e}"))?
                .duration(),
            None => Duration::from_secs_f64(DEFAULT_REPLY_TIMEOUT),
        };
        let attempts = match env.setting(ATTEMPTS) {
            Some(text) => bounded::whole(&text, 1, 20).map_err(|e| format!("{ATTEMPTS} {e}"))?,
            None => DEFAULT_ATTEMPTS,
        } as u32;
        let white = match env.setting(WHITE) {
            Some(text) => parse_white(&text).map_err(|e| format!("{WHITE} {e}"))?,
            None => NOMINAL_WHITE,
        };
        let password = env.setting(PASSWORD).map(Secret::new);
        let username = env.setting(USERNAME);
        if password.is_some() && username.is_none() {
            return Err(format!(
                "{PASSWORD} is set but {USERNAME} is not: the broker takes both"
            ));
        }
        Ok(Some(SensorSettings {
            host,
            port,
            username,
            password,
            ca_file: env.setting(CA_FILE).map(PathBuf::from),
            sensor_id,
            reply_timeout,
            attempts,
            white,
        }))
    }

    /// `host:port`, for messages (never holds a credential).
    pub fn broker(&self) -> String {
        format!("{}:{}", self.host, self.port)
    }
}

/// Eight counts, comma-separated in the firmware's channel order (ch410 first).
fn parse_white(text: &str) -> Result<Counts, String> {
    let parts: Vec<&str> = text.split(',').map(str::trim).collect();
    if parts.len() != CHANNELS.len() {
        return Err(format!(
            "must be eight counts separated by commas (ch410 … ch670), not {} value(s)",
            parts.len()
        ));
    }
    let mut counts = [0.0; 8];
    for ((slot, part), (name, _)) in counts.iter_mut().zip(&parts).zip(CHANNELS) {
        *slot = part
            .parse::<f64>()
            .ok()
            .filter(|v| v.is_finite() && *v > 0.0)
            .ok_or_else(|| format!("{name} must be a count above 0, not '{part}'"))?;
    }
    Ok(Counts(counts))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env(vars: &[(&str, &str)]) -> Env {
        Env::fixed(vars.iter().map(|(k, v)| (k.to_string(), v.to_string())))
    }

    #[test]
    fn no_broker_means_no_sensor_and_defaults_fill_the_rest() {
        assert!(SensorSettings::from_env(&env(&[])).unwrap().is_none());
        let settings = SensorSettings::from_env(&env(&[(HOST, "broker"), (SENSOR_ID, "p1")]))
            .unwrap()
            .unwrap();
        assert_eq!(settings.broker(), "broker:8883");
        assert_eq!(settings.attempts, 3);
        assert_eq!(settings.white, NOMINAL_WHITE);
    }

    #[test]
    fn every_malformed_value_is_named() {
        let cases: &[(&[(&str, &str)], &str)] = &[
            (&[(HOST, "b")], SENSOR_ID),
            (&[(HOST, "b"), (SENSOR_ID, "a/b")], "topic character"),
            (&[(HOST, "b"), (SENSOR_ID, "p"), (PORT, "70000")], PORT),
            (
                &[(HOST, "b"), (SENSOR_ID, "p"), (REPLY_TIMEOUT, "1e308")],
                REPLY_TIMEOUT,
            ),
            (&[(HOST, "b"), (SENSOR_ID, "p"), (ATTEMPTS, "0")], ATTEMPTS),
            (
                &[(HOST, "b"), (SENSOR_ID, "p"), (WHITE, "1,2,3")],
                "eight counts",
            ),
            (
                &[(HOST, "b"), (SENSOR_ID, "p"), (WHITE, "1,2,3,4,5,6,7,-8")],
                "ch670",
            ),
            (&[(HOST, "b"), (SENSOR_ID, "p"), (PASSWORD, "pw")], USERNAME),
        ];
        for (vars, named) in cases {
            let error = SensorSettings::from_env(&env(vars)).unwrap_err();
            assert!(error.contains(named), "{vars:?}: {error}");
            assert!(!error.contains("pw"), "{error}");
        }
    }
}
