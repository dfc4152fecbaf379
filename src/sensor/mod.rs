//! The lab's wireless colour sensor, a Pico W with an AS7341 spectral sensor, over MQTT:
//! its contract (`contract`), where it is (`settings`), the broker connection (`mqtt`) and one
//! reading (`read`). The colour a reading shows is `crate::colour::as7341`'s business.

pub mod contract;
pub mod error;
pub mod measurement;
pub mod mqtt;
pub mod read;
pub mod settings;
pub mod stand_in;

pub use error::SensorError;
pub use measurement::Measurement;
pub use read::{Ask, Reading, read};
pub use settings::SensorSettings;
