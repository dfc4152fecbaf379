//! Why a reading failed, one line each, naming what to fix.

use std::time::Duration;

#[derive(Debug, thiserror::Error)]
pub enum SensorError {
    #[error("the MQTT broker at {broker} refused user '{user}': {reason} ({fix})")]
    Refused {
        broker: String,
        user: String,
        reason: &'static str,
        fix: String,
    },
    #[error(
        "the MQTT broker at {broker} presented a certificate that is not trusted ({reason}); set \
         OT2CTL_MQTT_CA_FILE to the PEM file of the CA that signed it"
    )]
    Certificate { broker: String, reason: String },
    #[error("cannot read the MQTT CA file {path}: {reason}")]
    CaFile { path: String, reason: String },
    #[error(
        "the MQTT broker at {broker} refused the subscription to '{topic}' (is the user allowed to read it?)"
    )]
    Subscription { broker: String, topic: String },
    #[error("could not reach the MQTT broker at {broker} for {} s: {reason}", waited.as_secs())]
    Unreachable {
        broker: String,
        reason: String,
        waited: Duration,
    },
    #[error(
        "colour sensor '{sensor}' did not answer: {attempts} request(s) over {} s got no reply on \
         {topic} (is the sensor powered and on the broker?)",
        waited.as_secs()
    )]
    NoReply {
        sensor: String,
        topic: String,
        attempts: u32,
        waited: Duration,
    },
}
