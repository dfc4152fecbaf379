//! Waiting out a server that is away: what is sent during a run (logs, states, artifacts)
//! is kept until the server answers, so a restart of the server loses nothing.

use std::future::Future;
use std::time::Duration;

use crate::api::ApiError;

/// Longest pause between two attempts while the server is away.
const MAX_PAUSE: Duration = Duration::from_secs(10);

/// Whether an error may go away by itself (the server restarting, a busy database).
pub fn is_transient(error: &ApiError) -> bool {
    match error {
        ApiError::Connect { .. } | ApiError::Timeout { .. } | ApiError::Transport { .. } => true,
        ApiError::Server { status, .. } => status.is_server_error() || status.as_u16() == 429,
        _ => false,
    }
}

/// Calls `attempt` until it succeeds or fails for good; transient failures are waited out.
/// `notice` hears, once, that `what` waits for the server, and that it was delivered after all.
pub async fn until_answered<T, F, Fut>(
    what: &str,
    notice: &(dyn Fn(String) + Send + Sync),
    mut attempt: F,
) -> Result<T, ApiError>
where
    F: FnMut() -> Fut,
    Fut: Future<Output = Result<T, ApiError>>,
{
    let mut pause = Duration::from_millis(500);
    let mut warned = false;
    loop {
        match attempt().await {
            Ok(value) => {
                if warned {
                    notice(format!("the server is back; {what} delivered"));
                }
                return Ok(value);
            }
            Err(error) if is_transient(&error) => {
                if !warned {
                    notice(format!("{what} waits for the server ({error})"));
                    warned = true;
                }
                tokio::time::sleep(pause).await;
                pause = (pause * 2).min(MAX_PAUSE);
            }
            Err(error) => return Err(error),
        }
    }
}
