//! The supervisor's side of Prefect's attempt-control session (version 1), which lets a
//! cancelled Python flow run end Cancelling → Cancelled instead of Cancelling → Crashed.
//!
//! Prefect's engine reports CRASHED when it is sent SIGTERM, unless its supervisor told it
//! first that the SIGTERM is a cancellation. Prefect's runner does that over a loopback
//! socket (`prefect._internal.control_listener`): the child gets `PREFECT__CONTROL_PORT` and
//! `PREFECT__CONTROL_TOKEN`, connects once its flow run is under way and sends the token and a
//! newline (then a negotiation hello, which a version-1 supervisor ignores). To cancel, the
//! supervisor sends `c`; the engine records the intent and answers `a`; then the SIGTERM
//! follows. With `PREFECT__ENABLE_CANCELLATION_AND_CRASHED_HOOKS=false` the engine then
//! proposes nothing and the worker proposes CANCELLED. A child that never connected (still
//! starting, or not Prefect's engine) gets the SIGTERM alone, as before.

use std::sync::Arc;
use std::time::Duration;

use tokio::io::{AsyncBufReadExt, AsyncReadExt, AsyncWriteExt, BufReader};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::Mutex;
use tokio::task::JoinHandle;

/// How long the engine has to acknowledge a cancellation before the SIGTERM goes anyway.
const ACK_TIMEOUT: Duration = Duration::from_secs(2);
const CANCEL: u8 = b'c';
const ACK: u8 = b'a';
/// The first byte of the version-2 negotiation hello (`\x00PF` + version + capabilities).
const HELLO_START: u8 = 0;
const HELLO_LEN: usize = 5;

/// One run's control channel: a loopback listener that accepts its engine.
pub struct EngineControl {
    port: u16,
    token: String,
    engine: Arc<Mutex<Option<BufReader<TcpStream>>>>,
    acceptor: JoinHandle<()>,
}

impl EngineControl {
    pub async fn open() -> std::io::Result<EngineControl> {
        let listener = TcpListener::bind(("127.0.0.1", 0)).await?;
        let port = listener.local_addr()?.port();
        let token = uuid::Uuid::new_v4().simple().to_string();
        let engine = Arc::new(Mutex::new(None));
        let acceptor = tokio::spawn(accept(listener, token.clone(), engine.clone()));
        Ok(EngineControl {
            port,
            token,
            engine,
            acceptor,
        })
    }

    /// What the child needs to find the channel.
    pub fn env(&self) -> [(&'static str, String); 2] {
        [
            ("PREFECT__CONTROL_PORT", self.port.to_string()),
            ("PREFECT__CONTROL_TOKEN", self.token.clone()),
        ]
    }

    /// Tells the engine that the coming SIGTERM is a cancellation; true when it acknowledged.
    pub async fn announce_cancel(&self) -> bool {
        let mut engine = self.engine.lock().await;
        let Some(stream) = engine.as_mut() else {
            return false;
        };
        let exchange = async {
            stream.get_mut().write_all(&[CANCEL]).await?;
            loop {
                let byte = stream.read_u8().await?;
                match byte {
                    ACK => return Ok::<bool, std::io::Error>(true),
                    HELLO_START => {
                        let mut rest = [0u8; HELLO_LEN - 1];
                        stream.read_exact(&mut rest).await?;
                    }
                    _ => return Ok(false),
                }
            }
        };
        let acknowledged = matches!(
            tokio::time::timeout(ACK_TIMEOUT, exchange).await,
            Ok(Ok(true))
        );
        *engine = None;
        acknowledged
    }
}

impl Drop for EngineControl {
    fn drop(&mut self) {
        self.acceptor.abort();
    }
}

/// Accepts connections until one presents the token; others are dropped.
async fn accept(
    listener: TcpListener,
    token: String,
    engine: Arc<Mutex<Option<BufReader<TcpStream>>>>,
) {
    while let Ok((stream, _)) = listener.accept().await {
        let mut reader = BufReader::new(stream);
        let mut line = String::new();
        let presented = tokio::time::timeout(ACK_TIMEOUT, reader.read_line(&mut line)).await;
        if matches!(presented, Ok(Ok(_))) && line.trim_end() == token {
            *engine.lock().await = Some(reader);
            return;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Plays the engine's part as `control_listener.py` does: token line, hello, then `a` on
    /// `c`.
    async fn engine(port: u16, token: &str) -> TcpStream {
        let mut stream = TcpStream::connect(("127.0.0.1", port)).await.unwrap();
        stream
            .write_all(format!("{token}\n").as_bytes())
            .await
            .unwrap();
        stream.write_all(b"\x00PF\x02\x01").await.unwrap();
        stream
    }

    #[tokio::test]
    async fn a_connected_engine_acknowledges_the_cancel() {
        let control = EngineControl::open().await.unwrap();
        let [(_, port), (_, token)] = control.env();
        let mut child = engine(port.parse().unwrap(), &token).await;
        let answer = tokio::spawn(async move {
            let mut byte = [0u8; 1];
            child.read_exact(&mut byte).await.unwrap();
            assert_eq!(byte[0], CANCEL);
            child.write_all(&[ACK]).await.unwrap();
            child
        });
        // The acceptor needs a moment to take the connection.
        tokio::time::sleep(Duration::from_millis(100)).await;
        assert!(control.announce_cancel().await);
        answer.await.unwrap();
    }

    #[tokio::test]
    async fn a_wrong_token_or_no_engine_gets_no_announcement() {
        let control = EngineControl::open().await.unwrap();
        let [(_, port), _] = control.env();
        let _intruder = engine(port.parse().unwrap(), "not-the-token").await;
        tokio::time::sleep(Duration::from_millis(100)).await;
        assert!(!control.announce_cancel().await);
    }
}
