//! A stand-in for the colour sensor, for tests and the demo, where no Pico W is: it keeps the
//! firmware's contract ([`super::contract`]) and its habits, and answers with the counts the
//! paint model ([`crate::colour::paint`]) gives for the recipe in the request.
//!
//! Like the firmware it subscribes at QoS 0 with a clean session, takes at most one request
//! per turn and then sleeps (`poll`, 5 s on the device), echoes the request with
//! `sensor_data` added, and publishes at QoS 0. It stands in for two faults the real sensor
//! shows and cannot be made to show on demand: a reply that never arrives (every
//! `drop_every`-th one is not sent) and the noise of a reading (each channel multiplied by
//! 1 + `noise` × a standard normal draw).

use std::collections::VecDeque;
use std::time::Duration;

use rumqttc::{Event, Packet, QoS};
use serde::Deserialize;
use serde_json::{Map, Value};

use super::contract::{Command, SensorData, reply_topic, request_topic};
use super::error::SensorError;
use super::mqtt::{self, Failure};
use super::settings::SensorSettings;
use crate::colour::as7341::Counts;
use crate::colour::paint;

#[derive(Debug, Clone)]
pub struct Habits {
    /// The firmware's sleep between two looks at its requests.
    pub poll: Duration,
    /// Every n-th reply is dropped (0: none).
    pub drop_every: u64,
    /// The relative spread of each channel.
    pub noise: f64,
    pub seed: u64,
}

impl Default for Habits {
    fn default() -> Habits {
        Habits {
            poll: Duration::from_secs(5),
            drop_every: 0,
            noise: 0.01,
            seed: 1,
        }
    }
}

/// What the stand-in did with one request, for its log.
#[derive(Debug, Clone, PartialEq)]
pub enum Handled {
    Answered {
        well: Option<String>,
    },
    Dropped {
        well: Option<String>,
    },
    /// Not JSON, or without `command.R/Y/B`: the firmware prints the exception and goes on.
    Ignored(String),
}

/// Runs the stand-in until the broker refuses it for good; `log` hears each request.
pub async fn serve(
    settings: &SensorSettings,
    habits: &Habits,
    log: &(dyn Fn(String) + Sync),
) -> Result<(), SensorError> {
    let (requests, replies) = (
        request_topic(&settings.sensor_id),
        reply_topic(&settings.sensor_id),
    );
    let (client, mut events) = mqtt::connect(settings, "sensor-stand-in")?;
    let mut rng = fastrand::Rng::with_seed(habits.seed);
    let mut queue: VecDeque<Vec<u8>> = VecDeque::new();
    let mut turn = tokio::time::interval(habits.poll);
    turn.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    let mut answered = 0u64;
    loop {
        tokio::select! {
            event = events.poll() => match event {
                Ok(Event::Incoming(Packet::ConnAck(_))) => {
                    let _ = client.try_subscribe(&requests, QoS::AtMostOnce);
                }
                Ok(Event::Incoming(Packet::SubAck(_))) => {
                    log(format!("on {}, waiting on {requests}", settings.broker()));
                }
                Ok(Event::Incoming(Packet::Publish(message))) if message.topic == requests => {
                    queue.push_back(message.payload.to_vec());
                }
                Ok(_) => {}
                Err(error) => match mqtt::classify(&error, settings) {
                    Failure::Final(error) => return Err(error),
                    Failure::Passing(reason) => {
                        log(format!("broker lost ({reason}); connecting again in 5 s"));
                        tokio::time::sleep(Duration::from_secs(5).min(habits.poll)).await;
                    }
                },
            },
            _ = turn.tick() => {
                let Some(payload) = queue.pop_front() else { continue };
                let (handled, reply) = answer(&payload, habits, &settings.white, &mut rng, &mut answered);
                if let Some(reply) = reply {
                    let _ = client.try_publish(&replies, QoS::AtMostOnce, false, reply);
                }
                log(format!("{handled:?}"));
            }
        }
    }
}

/// What the firmware reads of a request (and the well, for the stand-in's log).
#[derive(Deserialize)]
struct Asked {
    command: Command,
    /// Any JSON: the firmware does not read it.
    #[serde(default)]
    well: Option<Value>,
}

/// The reply to one request, if one is sent.
fn answer(
    payload: &[u8],
    habits: &Habits,
    white: &Counts,
    rng: &mut fastrand::Rng,
    answered: &mut u64,
) -> (Handled, Option<Vec<u8>>) {
    // The request is echoed whole; only these of its fields are read.
    let mut request: Map<String, Value> = match serde_json::from_slice(payload) {
        Ok(Value::Object(object)) => object,
        _ => return (Handled::Ignored("not a JSON object".into()), None),
    };
    let Ok(Asked { command, well }) = serde_json::from_value(Value::Object(request.clone())) else {
        return (Handled::Ignored("no command R, Y, B".into()), None);
    };
    let well = well.map(|w| w.as_str().map_or_else(|| w.to_string(), str::to_string));
    *answered += 1;
    if habits.drop_every > 0 && answered.is_multiple_of(habits.drop_every) {
        return (Handled::Dropped { well }, None);
    }
    let counts = measured(&command, white, habits.noise, rng);
    request.insert(
        "sensor_data".into(),
        serde_json::to_value(SensorData::from_counts(&counts)).expect("counts are numbers"),
    );
    let reply = serde_json::to_vec(&request).expect("a JSON object");
    (Handled::Answered { well }, Some(reply))
}

/// The counts over a well holding `command`'s paint.
fn measured(command: &Command, white: &Counts, noise: f64, rng: &mut fastrand::Rng) -> Counts {
    reading_for(
        [command.red, command.yellow, command.blue],
        white,
        noise,
        rng,
    )
}

/// The counts the stand-in reads over a well holding `volumes` µL of red, yellow and blue:
/// the paint model, with noise, rounded as the sensor's counts are. An empty well reflects
/// like the plate.
pub fn reading_for(
    volumes: [f64; 3],
    white: &Counts,
    noise: f64,
    rng: &mut fastrand::Rng,
) -> Counts {
    let clean =
        paint::counts(volumes, white).unwrap_or_else(|| Counts(white.0.map(|w| w * paint::BASE)));
    Counts(clean.0.map(|count| {
        (count * (1.0 + noise * standard_normal(rng)))
            .max(0.0)
            .round()
    }))
}

/// A standard normal draw (Box–Muller).
fn standard_normal(rng: &mut fastrand::Rng) -> f64 {
    let u = rng.f64().max(f64::MIN_POSITIVE);
    let v = rng.f64();
    (-2.0 * u.ln()).sqrt() * (std::f64::consts::TAU * v).cos()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sensor::contract::Reply;
    use crate::sensor::settings::NOMINAL_WHITE;

    fn habits(drop_every: u64) -> Habits {
        Habits {
            drop_every,
            ..Habits::default()
        }
    }

    #[test]
    fn a_reply_echoes_the_request_with_the_model_s_counts() {
        let request = br#"{"command":{"R":120,"Y":50,"B":80},"request_id":"00000000-0000-0000-0000-000000000009","well":"B2","extra":[1]}"#;
        let mut rng = fastrand::Rng::with_seed(3);
        let (handled, reply) = answer(request, &habits(0), &NOMINAL_WHITE, &mut rng, &mut 0);
        assert_eq!(
            handled,
            Handled::Answered {
                well: Some("B2".into())
            }
        );
        let reply = reply.unwrap();
        let json: Value = serde_json::from_slice(&reply).unwrap();
        assert_eq!(json["extra"], serde_json::json!([1]));
        let data = Reply::answering(&reply, uuid::Uuid::from_u128(9)).unwrap();
        let clean = paint::counts([120.0, 50.0, 80.0], &NOMINAL_WHITE).unwrap();
        for (got, want) in data.counts().0.iter().zip(clean.0) {
            assert!((got - want).abs() <= want * 0.05 + 1.0, "{got} vs {want}");
        }
    }

    #[test]
    fn every_nth_reply_is_dropped_and_junk_is_ignored() {
        let request = br#"{"command":{"R":1,"Y":2,"B":3}}"#;
        let (mut rng, mut answered) = (fastrand::Rng::with_seed(1), 0);
        let sent: Vec<bool> = (0..6)
            .map(|_| {
                answer(request, &habits(3), &NOMINAL_WHITE, &mut rng, &mut answered)
                    .1
                    .is_some()
            })
            .collect();
        assert_eq!(sent, [true, true, false, true, true, false]);
        for junk in [&b"[]"[..], b"{\"command\":{\"R\":1}}", b"nope"] {
            let (handled, reply) =
                answer(junk, &habits(0), &NOMINAL_WHITE, &mut rng, &mut answered);
            assert!(matches!(handled, Handled::Ignored(_)) && reply.is_none());
        }
    }
}
