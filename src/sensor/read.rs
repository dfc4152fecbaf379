//! One reading: subscribe to the sensor's replies, send the request, wait for the reply that
//! carries the request's id, and send the request again when none came in time. A broker that
//! goes away meanwhile is waited for (the connection is made again, the subscription and the
//! request renewed) until the reading's whole time is spent.

use std::time::{Duration, Instant};

use rumqttc::{Event, Packet, QoS, SubscribeReasonCode};
use uuid::Uuid;

use super::contract::{Command, Reply, Request, SensorData, reply_topic, request_topic};
use super::error::SensorError;
use super::mqtt::{self, Failure};
use super::settings::SensorSettings;

/// What is measured, and for whom.
#[derive(Debug, Clone)]
pub struct Ask {
    pub command: Command,
    pub well: Option<String>,
    pub flow_run_id: Option<Uuid>,
}

/// A reading and how it was had.
#[derive(Debug, Clone, PartialEq)]
pub struct Reading {
    pub data: SensorData,
    pub request_id: Uuid,
    /// How many times the request was sent (1 when the first one was answered).
    pub attempts: u32,
    pub elapsed: Duration,
}

/// How long to wait before polling a broken connection again.
const RECONNECT_PAUSE: Duration = Duration::from_millis(500);

/// Reads the sensor once; `note` hears what happens on the way (a request sent again, the
/// broker lost), for the run's log.
pub async fn read(
    settings: &SensorSettings,
    ask: &Ask,
    note: &(dyn Fn(String) + Sync),
) -> Result<Reading, SensorError> {
    let request_id = Uuid::new_v4();
    let request = Request {
        command: ask.command,
        request_id,
        experiment_id: ask.flow_run_id.unwrap_or(request_id).to_string(),
        well: ask.well.clone(),
        flow_run_id: ask.flow_run_id,
    };
    let payload = serde_json::to_vec(&request).expect("a request is plain JSON");
    let (requests, replies) = (
        request_topic(&settings.sensor_id),
        reply_topic(&settings.sensor_id),
    );
    let (client, mut events) = mqtt::connect(settings, "reader")?;
    let started = Instant::now();
    let budget = settings.reply_timeout * settings.attempts;
    // However often the broker comes and goes, the reading ends by then.
    let hard_stop = started + budget + settings.reply_timeout;
    let mut attempts = 0u32;
    // When the request last went out; None until subscribed (a reply must not be missed).
    let mut sent_at: Option<Instant> = None;
    let mut last_trouble: Option<String> = None;
    let outcome = loop {
        let now = Instant::now();
        let deadline = match sent_at {
            Some(at) => at + settings.reply_timeout,
            None => started + budget,
        }
        .min(hard_stop);
        if now >= deadline {
            if now < hard_stop && sent_at.is_some() && attempts < settings.attempts {
                note(format!(
                    "no reply from sensor '{}' within {} s; sending the request again ({} of {})",
                    settings.sensor_id,
                    settings.reply_timeout.as_secs_f64(),
                    attempts + 1,
                    settings.attempts
                ));
                attempts += 1;
                sent_at = Some(now);
                let _ = client.try_publish(&requests, QoS::AtLeastOnce, false, payload.clone());
                continue;
            }
            break Err(match last_trouble {
                // The broker is away now: that, not the sensor, is what to look at.
                Some(reason) => SensorError::Unreachable {
                    broker: settings.broker(),
                    reason,
                    waited: started.elapsed(),
                },
                None => SensorError::NoReply {
                    sensor: settings.sensor_id.clone(),
                    topic: replies.clone(),
                    attempts,
                    waited: started.elapsed(),
                },
            });
        }
        let event = match tokio::time::timeout(deadline - now, events.poll()).await {
            Err(_) => continue,
            Ok(event) => event,
        };
        match event {
            Ok(Event::Incoming(Packet::ConnAck(_))) => {
                // A clean session: every connection subscribes again.
                let _ = client.try_subscribe(&replies, QoS::AtLeastOnce);
            }
            Ok(Event::Incoming(Packet::SubAck(ack))) => {
                if ack.return_codes.contains(&SubscribeReasonCode::Failure) {
                    break Err(SensorError::Subscription {
                        broker: settings.broker(),
                        topic: replies.clone(),
                    });
                }
                if attempts == 0 || last_trouble.take().is_some() {
                    // The first request, or the one a lost connection may have lost.
                    attempts = attempts.max(1);
                    if attempts > 1 {
                        note(format!(
                            "connected to {} again; sending the request again",
                            settings.broker()
                        ));
                    }
                    sent_at = Some(Instant::now());
                    let _ = client.try_publish(&requests, QoS::AtLeastOnce, false, payload.clone());
                }
            }
            Ok(Event::Incoming(Packet::Publish(message))) if message.topic == replies => {
                if let Some(data) = Reply::answering(&message.payload, request_id) {
                    break Ok(Reading {
                        data,
                        request_id,
                        attempts,
                        elapsed: started.elapsed(),
                    });
                }
            }
            Ok(_) => {}
            Err(error) => match mqtt::classify(&error, settings) {
                Failure::Final(error) => break Err(error),
                Failure::Passing(reason) => {
                    if last_trouble.is_none() && attempts > 0 {
                        note(format!(
                            "lost the MQTT broker at {} ({reason}); connecting again",
                            settings.broker()
                        ));
                    }
                    last_trouble = Some(reason);
                    tokio::time::sleep(RECONNECT_PAUSE).await;
                }
            },
        }
    };
    let _ = client.try_disconnect();
    // Lets the disconnect go out; a broker that is away is not waited for.
    let _ = tokio::time::timeout(Duration::from_millis(200), events.poll()).await;
    outcome
}
