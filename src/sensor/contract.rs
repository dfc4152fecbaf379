//! The colour sensor's MQTT contract, as its firmware (AccelerationConsortium/
//! wireless-color-sensor, `sensor_file/main.py`) implements it:
//! - it subscribes to `command/picow/<PICO_ID>/as7341/read` and takes one message from it about
//!   every 5 s (its main loop checks, then sleeps 5 s);
//! - a request is JSON with `"command": {"R": .., "Y": .., "B": ..}`; any other keys are kept;
//! - it answers on `color-mixing/picow/<PICO_ID>/as7341` with the request's JSON and
//!   `"sensor_data"`: the eight channels `ch410` … `ch670` as counts;
//! - it connects with a clean session and publishes at QoS 0: a request sent while it is away,
//!   or a reply the broker drops, is lost; nothing says so.
//!
//! ot2ctl adds `request_id` (and the well and flow run, for whoever reads the broker's traffic)
//! to each request, and takes only the reply that carries it back.

use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::colour::as7341::Counts;

/// Where requests for sensor `sensor` go.
pub fn request_topic(sensor: &str) -> String {
    format!("command/picow/{sensor}/as7341/read")
}

/// Where sensor `sensor` answers.
pub fn reply_topic(sensor: &str) -> String {
    format!("color-mixing/picow/{sensor}/as7341")
}

/// What is in the well, in µL: the firmware reads these three keys (and ignores them: it
/// measures what is under it).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Command {
    #[serde(rename = "R")]
    pub red: f64,
    #[serde(rename = "Y")]
    pub yellow: f64,
    #[serde(rename = "B")]
    pub blue: f64,
}

/// One request, as sent.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Request {
    pub command: Command,
    /// Ours: the reply echoes it, which is how the reply to this request is told apart.
    pub request_id: Uuid,
    /// The lab's own Python sends an experiment id; ours is the well's flow run, or the
    /// request id when there is none.
    pub experiment_id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub well: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub flow_run_id: Option<Uuid>,
}

/// The eight channels, by the firmware's names.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct SensorData {
    pub ch410: f64,
    pub ch440: f64,
    pub ch470: f64,
    pub ch510: f64,
    pub ch550: f64,
    pub ch583: f64,
    pub ch620: f64,
    pub ch670: f64,
}

impl SensorData {
    pub fn counts(&self) -> Counts {
        Counts([
            self.ch410, self.ch440, self.ch470, self.ch510, self.ch550, self.ch583, self.ch620,
            self.ch670,
        ])
    }

    pub fn from_counts(Counts(c): &Counts) -> SensorData {
        SensorData {
            ch410: c[0],
            ch440: c[1],
            ch470: c[2],
            ch510: c[3],
            ch550: c[4],
            ch583: c[5],
            ch620: c[6],
            ch670: c[7],
        }
    }

    /// Counts are never negative nor infinite; a reply holding such a value is not a reading.
    pub fn is_plausible(&self) -> bool {
        self.counts().0.iter().all(|c| c.is_finite() && *c >= 0.0)
    }
}

/// The fields of a reply ot2ctl reads; the rest of the echoed request is ignored.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct Reply {
    /// Absent in replies to requests of other clients (the lab's own Python).
    #[serde(default)]
    pub request_id: Option<Uuid>,
    pub sensor_data: SensorData,
}

impl Reply {
    /// The reply in `payload` when it answers `request`; `None` for anything else on the
    /// topic (another client's reply, an earlier request's, a message that is not a reply).
    pub fn answering(payload: &[u8], request: Uuid) -> Option<SensorData> {
        let reply: Reply = serde_json::from_slice(payload).ok()?;
        (reply.request_id == Some(request) && reply.sensor_data.is_plausible())
            .then_some(reply.sensor_data)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn request() -> Request {
        Request {
            command: Command {
                red: 120.0,
                yellow: 50.0,
                blue: 80.0,
            },
            request_id: Uuid::from_u128(7),
            experiment_id: "e1".into(),
            well: Some("B2".into()),
            flow_run_id: None,
        }
    }

    #[test]
    fn a_request_carries_the_firmware_s_keys_and_ours() {
        let json = serde_json::to_value(request()).unwrap();
        assert_eq!(json["command"]["R"], 120.0);
        assert_eq!(json["command"]["B"], 80.0);
        assert_eq!(json["request_id"], "00000000-0000-0000-0000-000000000007");
        assert_eq!(json["well"], "B2");
        assert!(json.get("flow_run_id").is_none());
        assert_eq!(request_topic("p1"), "command/picow/p1/as7341/read");
        assert_eq!(reply_topic("p1"), "color-mixing/picow/p1/as7341");
    }

    #[test]
    fn only_the_reply_to_this_request_is_taken() {
        let mut echoed = serde_json::to_value(request()).unwrap();
        echoed["sensor_data"] = serde_json::json!({
            "ch410": 1, "ch440": 2, "ch470": 3, "ch510": 4,
            "ch550": 5, "ch583": 6, "ch620": 7, "ch670": 8
        });
        let payload = serde_json::to_vec(&echoed).unwrap();
        let data = Reply::answering(&payload, Uuid::from_u128(7)).unwrap();
        assert_eq!(data.counts().0, [1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0]);
        assert_eq!(Reply::answering(&payload, Uuid::from_u128(8)), None);
        // The lab's own requests carry no request id.
        echoed.as_object_mut().unwrap().remove("request_id");
        let theirs = serde_json::to_vec(&echoed).unwrap();
        assert_eq!(Reply::answering(&theirs, Uuid::from_u128(7)), None);
        assert_eq!(Reply::answering(b"not json", Uuid::from_u128(7)), None);
        // A channel missing or negative is not a reading.
        echoed["request_id"] = serde_json::json!(Uuid::from_u128(7));
        echoed["sensor_data"]["ch670"] = serde_json::json!(-1);
        let bad = serde_json::to_vec(&echoed).unwrap();
        assert_eq!(Reply::answering(&bad, Uuid::from_u128(7)), None);
    }
}
