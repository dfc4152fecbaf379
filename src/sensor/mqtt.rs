//! The MQTT connection to the lab's broker: TLS (rustls with ring, the system's roots or the
//! CA in `OT2CTL_MQTT_CA_FILE`), a user name and password, a clean session. Used by the
//! reading and by the sensor stand-in, so both meet the broker the same way.

use std::sync::Arc;
use std::time::Duration;

use rumqttc::{
    AsyncClient, ConnectReturnCode, ConnectionError, EventLoop, MqttOptions, TlsConfiguration,
    Transport,
};
use rustls::pki_types::CertificateDer;
use rustls::pki_types::pem::PemObject;

use super::error::SensorError;
use super::settings::{CA_FILE, PASSWORD, SensorSettings, USERNAME};

/// The firmware's own keep-alive.
const KEEP_ALIVE: Duration = Duration::from_secs(15);
/// Requests queued in the client before a publish waits.
const QUEUE: usize = 16;

/// A client and its event loop, not yet connected (the first poll connects).
pub fn connect(
    settings: &SensorSettings,
    role: &str,
) -> Result<(AsyncClient, EventLoop), SensorError> {
    let _ = rustls::crypto::ring::default_provider().install_default();
    let client_id = format!(
        "ot2ctl-{role}-{}",
        &uuid::Uuid::new_v4().simple().to_string()[..12]
    );
    let mut options = MqttOptions::new(client_id, settings.host.clone(), settings.port);
    options.set_keep_alive(KEEP_ALIVE);
    options.set_clean_session(true);
    if let Some(user) = &settings.username {
        let password = settings.password.as_ref().map(|p| p.expose()).unwrap_or("");
        options.set_credentials(user.clone(), password.to_string());
    }
    options.set_transport(Transport::tls_with_config(TlsConfiguration::Rustls(
        Arc::new(tls_config(settings)?),
    )));
    Ok(AsyncClient::new(options, QUEUE))
}

fn tls_config(settings: &SensorSettings) -> Result<rustls::ClientConfig, SensorError> {
    let mut roots = rustls::RootCertStore::empty();
    match &settings.ca_file {
        Some(path) => {
            let ca_error = |reason: String| SensorError::CaFile {
                path: path.display().to_string(),
                reason,
            };
            let certificates: Vec<CertificateDer<'static>> = CertificateDer::pem_file_iter(path)
                .map_err(|e| ca_error(e.to_string()))?
                .collect::<Result<_, _>>()
                .map_err(|e| ca_error(e.to_string()))?;
            if certificates.is_empty() {
                return Err(ca_error("it holds no PEM certificate".into()));
            }
            for certificate in certificates {
                roots
                    .add(certificate)
                    .map_err(|e| ca_error(e.to_string()))?;
            }
        }
        None => {
            for certificate in rustls_native_certs::load_native_certs().certs {
                let _ = roots.add(certificate);
            }
        }
    }
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    Ok(rustls::ClientConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .map_err(|e| SensorError::CaFile {
            path: CA_FILE.into(),
            reason: e.to_string(),
        })?
        .with_root_certificates(roots)
        .with_no_client_auth())
}

/// What a connection error means for whoever waits on the broker.
pub enum Failure {
    /// It will not get better by trying again: the error says what to fix.
    Final(SensorError),
    /// The broker is away or the connection broke: try again (the event loop reconnects).
    Passing(String),
}

/// Sorts a connection error into one that ends the wait and one that is waited out.
pub fn classify(error: &ConnectionError, settings: &SensorSettings) -> Failure {
    let broker = settings.broker();
    match error {
        ConnectionError::ConnectionRefused(
            code @ (ConnectReturnCode::BadUserNamePassword | ConnectReturnCode::NotAuthorized),
        ) => Failure::Final(SensorError::Refused {
            broker,
            user: settings.username.clone().unwrap_or_else(|| "(none)".into()),
            reason: match code {
                ConnectReturnCode::BadUserNamePassword => "wrong user name or password",
                // mosquitto answers this to a wrong password too.
                _ => "not authorised (a wrong user name or password, or a user it does not allow)",
            },
            fix: format!("check {USERNAME} and {PASSWORD}"),
        }),
        ConnectionError::ConnectionRefused(code) => {
            Failure::Passing(format!("the broker refused the connection ({code:?})"))
        }
        ConnectionError::Tls(tls) => {
            let reason = tls.to_string();
            if reason.contains("certificate")
                || reason.contains("Certificate")
                || reason.contains("DNS name")
            {
                Failure::Final(SensorError::Certificate { broker, reason })
            } else {
                Failure::Passing(reason)
            }
        }
        other => Failure::Passing(other.to_string()),
    }
}
