//! Debian's mosquitto, the colour sensor's broker, for the sensor tests: started by
//! `scripts/mosquitto.sh` on a free loopback port with TLS (a CA made for the test) and a
//! password file with a random password. A test that restarts or stops the broker has one of
//! its own; it is stopped when the test process exits, however it exits.

use std::net::TcpStream;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::sync::Mutex;
use std::time::{Duration, Instant};

use super::children::{free_port, has_exited, spawn_tied_to_this_process, stop_at_exit};
use super::unique;

const START_TIMEOUT: Duration = Duration::from_secs(60);

pub struct Broker {
    pub port: u16,
    pub dir: PathBuf,
    pub username: String,
    pub password: String,
    child: Mutex<Option<Child>>,
}

impl Broker {
    pub fn start() -> Broker {
        let dir = tempfile::Builder::new()
            .prefix("ot2ctl-mosquitto-")
            .tempdir()
            .expect("broker dir")
            .keep();
        let broker = Broker {
            port: free_port(),
            dir,
            username: unique("lab"),
            password: format!("pw-{}", uuid::Uuid::new_v4().simple()),
            child: Mutex::new(None),
        };
        broker.launch();
        broker
    }

    /// The CA that signed the broker's certificate.
    pub fn ca(&self) -> PathBuf {
        self.dir.join("ca.pem")
    }

    /// The environment a client of this broker and of sensor `sensor` needs.
    pub fn env(&self, sensor: &str) -> Vec<(String, String)> {
        [
            ("OT2CTL_MQTT_HOST", "127.0.0.1".to_string()),
            ("OT2CTL_MQTT_PORT", self.port.to_string()),
            ("OT2CTL_MQTT_USERNAME", self.username.clone()),
            ("OT2CTL_MQTT_PASSWORD", self.password.clone()),
            ("OT2CTL_MQTT_CA_FILE", self.ca().display().to_string()),
            ("OT2CTL_SENSOR_ID", sensor.to_string()),
        ]
        .into_iter()
        .map(|(k, v)| (k.to_string(), v))
        .collect()
    }

    /// SIGKILL, as a broker that crashes or loses power; returns once the process is gone.
    pub fn kill(&self) {
        if let Some(mut child) = self.child.lock().unwrap().take() {
            let _ = child.kill();
            let _ = child.wait();
        }
    }

    /// Starts the broker again on the same port, with the same CA and password.
    pub fn restart(&self) {
        self.kill();
        self.launch();
    }

    fn launch(&self) {
        let log = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(self.dir.join("broker.log"))
            .expect("broker log");
        let mut command = Command::new(super::repo_root().join("scripts/mosquitto.sh"));
        command
            .arg(self.port.to_string())
            .arg(&self.dir)
            .env("OT2CTL_MQTT_USERNAME", &self.username)
            .env("OT2CTL_MQTT_PASSWORD", &self.password)
            .stdin(Stdio::null())
            .stdout(Stdio::from(log.try_clone().expect("broker log")))
            .stderr(Stdio::from(log));
        let child = spawn_tied_to_this_process(command);
        stop_at_exit(child.id(), &self.dir);
        *self.child.lock().unwrap() = Some(child);
        let started = Instant::now();
        while TcpStream::connect(("127.0.0.1", self.port)).is_err() {
            let exited = has_exited(&self.child);
            if exited || started.elapsed() > START_TIMEOUT {
                let text = std::fs::read_to_string(self.dir.join("broker.log")).unwrap_or_default();
                panic!(
                    "mosquitto did not listen on 127.0.0.1:{} (install it with `apt-get install \
                     mosquitto`, or run the tests with scripts/test.sh); its log:\n{text}",
                    self.port
                );
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }
}

impl Drop for Broker {
    fn drop(&mut self) {
        self.kill();
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

/// The stand-in on `broker` for sensor `sensor`, with the given habits; killed when dropped.
pub struct StandIn(Child);

impl StandIn {
    /// Returns once the stand-in listens: a request sent before would be lost, as it is
    /// with the real sensor (a clean session at QoS 0).
    pub fn start(broker: &Broker, sensor: &str, args: &[&str]) -> StandIn {
        let log = broker.dir.join(format!("{sensor}.log"));
        let mut command = Command::new(assert_cmd::cargo::cargo_bin("ot2ctl-sensor-stand-in"));
        command
            .args(args)
            .envs(broker.env(sensor))
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(std::fs::File::create(&log).unwrap());
        let stand_in = StandIn(spawn_tied_to_this_process(command));
        let started = Instant::now();
        loop {
            let text = std::fs::read_to_string(&log).unwrap_or_default();
            if text.contains("waiting on") {
                return stand_in;
            }
            assert!(
                started.elapsed() < Duration::from_secs(60),
                "the stand-in did not subscribe:\n{text}"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }
}

impl Drop for StandIn {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}
