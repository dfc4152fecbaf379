//! Transport: auth headers, exact paths, retries with backoff, CSRF, error mapping.

use std::fmt;
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use base64::Engine;
use reqwest::header::{
    ACCEPT, AUTHORIZATION, CONTENT_TYPE, HeaderMap, HeaderValue, LOCATION, RETRY_AFTER,
};
use reqwest::{Method, StatusCode};
use serde::Serialize;
use serde::de::DeserializeOwned;

use super::error::{ApiError, Target, error_detail};
use super::{API_VERSION, Secret, user_agent};

/// The largest page a list endpoint returns (`PREFECT_SERVER_API_DEFAULT_LIMIT`).
pub const PAGE_SIZE: usize = 200;
/// The first retry waits about this long; each further one doubles it. Prefect's own client
/// waits 2, 4, 8, 16 and 32 s: a SQLite-backed server answers 503 while a long write holds
/// its database, which on a loaded machine can last over 15 s, and a shorter patience failed
/// commands that Prefect's CLI would have carried through.
const FIRST_RETRY_DELAY: Duration = Duration::from_secs(2);
/// No single backoff sleep is longer than this (Prefect's fifth wait).
const MAX_RETRY_DELAY: Duration = Duration::from_secs(32);
/// A 503 without Retry-After is first tried again after about this long, before the backoff
/// above: a SQLite-backed server answers 503 the moment a write meets another holding the
/// database, even one of its own services' (2 or 3 of 50 creates one after another, nothing
/// else running), and that other write is over within milliseconds: tried again 50 or 200 ms
/// later, 19 of 19 went through. Waiting 2 s for each made `deploy --all` of 50 take 4–10 s
/// instead of 2.5.
const QUICK_RETRY_DELAY: Duration = Duration::from_millis(100);
/// A server asking for a longer pause than this via Retry-After is capped to it.
const MAX_RETRY_AFTER: Duration = Duration::from_secs(60);
/// Backoff sleeps vary by up to this fraction, so that many robots do not retry in lockstep.
const JITTER: f64 = 0.2;

/// The credential sent with every request, and where it came from (for error messages).
#[derive(Clone)]
pub enum Credential {
    None,
    /// Prefect Cloud: `Authorization: Bearer <key>`.
    ApiKey {
        secret: Secret,
        origin: String,
    },
    /// Self-hosted server with `PREFECT_SERVER_API_AUTH_STRING`: `Authorization: Basic ...`.
    AuthString {
        secret: Secret,
        origin: String,
    },
}

impl Credential {
    pub(super) fn header(&self) -> Option<String> {
        match self {
            Credential::None => None,
            Credential::ApiKey { secret, .. } => Some(format!("Bearer {}", secret.expose())),
            Credential::AuthString { secret, .. } => Some(format!(
                "Basic {}",
                base64::engine::general_purpose::STANDARD.encode(secret.expose())
            )),
        }
    }

    /// What was sent, for a 401/403 message; never the secret itself.
    pub fn describe(&self) -> String {
        match self {
            Credential::None => {
                "no credentials were sent: set PREFECT_API_AUTH_STRING for a self-hosted \
                 server with basic auth, or PREFECT_API_KEY for Prefect Cloud"
                    .into()
            }
            Credential::ApiKey { origin, .. } => format!("sent {origin} as a Bearer token"),
            Credential::AuthString { origin, .. } => format!("sent {origin} as basic auth"),
        }
    }
}

/// Secrets stay out of debug output too.
impl fmt::Debug for Credential {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Credential::None => write!(f, "Credential::None"),
            Credential::ApiKey { origin, .. } => write!(f, "Credential::ApiKey({origin})"),
            Credential::AuthString { origin, .. } => write!(f, "Credential::AuthString({origin})"),
        }
    }
}

/// How to reach the API.
#[derive(Debug, Clone)]
pub struct ClientOptions {
    pub api_url: String,
    pub credential: Credential,
    pub timeout: Duration,
    pub max_retries: u32,
}

/// A Prefect API client. Cheap to share by reference; one per process.
pub struct Client {
    http: reqwest::Client,
    base: String,
    credential: Credential,
    timeout: Duration,
    max_retries: u32,
    /// Like Prefect, a refused connection is retried only once the server has been reached:
    /// a wrong URL fails at once, a restarting server is waited for.
    reached_server: AtomicBool,
    /// `(client id, token)` once a server with CSRF protection asked for one.
    csrf: Mutex<Option<(String, String)>>,
}

impl fmt::Debug for Client {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Client")
            .field("base", &self.base)
            .field("credential", &self.credential)
            .finish_non_exhaustive()
    }
}

/// A successful answer: status and raw body.
pub struct Reply {
    pub status: StatusCode,
    pub body: Vec<u8>,
}

impl Client {
    pub fn new(options: ClientOptions) -> Result<Client, ApiError> {
        // rustls needs one crypto provider chosen before any TLS connection; `ring` keeps the
        // binary static and cross-compiles to the robot's 32-bit ARM without cmake.
        let _ = rustls::crypto::ring::default_provider().install_default();
        // A user and password written into the URL are sent as basic auth, never kept in
        // the URL, which error messages show.
        let (url, credential) = match super::redact::split_credentials(&options.api_url) {
            Some((secret, bare)) => match options.credential {
                Credential::None => (
                    bare,
                    Credential::AuthString {
                        secret: Secret::new(secret),
                        origin: "the user and password in the API URL".into(),
                    },
                ),
                explicit => (bare, explicit),
            },
            None => (options.api_url.clone(), options.credential),
        };
        let base = url.trim_end_matches('/').to_string();
        let parsed = reqwest::Url::parse(&base).map_err(|err| ApiError::BadUrl {
            url: super::redact::redact_url(&options.api_url),
            reason: err.to_string(),
        })?;
        if !matches!(parsed.scheme(), "http" | "https") {
            return Err(ApiError::BadUrl {
                url: super::redact::redact_url(&options.api_url),
                reason: "it must start with http:// or https://".into(),
            });
        }
        let mut headers = HeaderMap::new();
        headers.insert(ACCEPT, HeaderValue::from_static("application/json"));
        headers.insert(
            "X-PREFECT-API-VERSION",
            HeaderValue::from_static(API_VERSION),
        );
        let http = reqwest::Client::builder()
            .user_agent(user_agent())
            .default_headers(headers)
            // FastAPI redirects on a wrong trailing slash; following would hide the bug and
            // can drop the Authorization header or the body.
            .redirect(reqwest::redirect::Policy::none())
            .timeout(options.timeout)
            .connect_timeout(options.timeout.min(Duration::from_secs(10)))
            .build()
            .map_err(|err| ApiError::BadUrl {
                url: base.clone(),
                reason: format!("cannot build an HTTP client: {err}"),
            })?;
        Ok(Client {
            http,
            base,
            credential,
            timeout: options.timeout,
            max_retries: options.max_retries,
            reached_server: AtomicBool::new(false),
            csrf: Mutex::new(None),
        })
    }

    /// What is sent with every request (the event stream sends it too).
    pub(super) fn credential(&self) -> &Credential {
        &self.credential
    }

    /// The API base URL, without a trailing slash.
    pub fn base_url(&self) -> &str {
        &self.base
    }

    /// The UI's base URL: the API URL without its `/api` suffix (self-hosted servers).
    pub fn ui_url(&self) -> String {
        self.base
            .strip_suffix("/api")
            .unwrap_or(&self.base)
            .to_string()
    }

    pub async fn get<T: DeserializeOwned>(
        &self,
        path: &str,
        target: &Target,
    ) -> Result<T, ApiError> {
        let reply = self.send(Method::GET, path, None, target).await?;
        self.decode(path, &reply)
    }

    pub async fn post<T: DeserializeOwned>(
        &self,
        path: &str,
        body: &impl Serialize,
        target: &Target,
    ) -> Result<T, ApiError> {
        let reply = self
            .send(Method::POST, path, Some(encode(body)), target)
            .await?;
        self.decode(path, &reply)
    }

    /// A POST whose answer has no body worth reading (204).
    pub async fn post_no_content(
        &self,
        path: &str,
        body: &impl Serialize,
        target: &Target,
    ) -> Result<(), ApiError> {
        self.send(Method::POST, path, Some(encode(body)), target)
            .await
            .map(drop)
    }

    /// Posts once, without retries: for writes the server may have applied before its answer
    /// was lost, whose caller checks what the server has before trying again.
    pub async fn post_once(
        &self,
        path: &str,
        body: &impl Serialize,
        target: &Target,
    ) -> Result<(), ApiError> {
        self.send_with_retries(Method::POST, path, Some(encode(body)), target, 0)
            .await
            .map(drop)
    }

    pub async fn patch(
        &self,
        path: &str,
        body: &impl Serialize,
        target: &Target,
    ) -> Result<(), ApiError> {
        self.send(Method::PATCH, path, Some(encode(body)), target)
            .await
            .map(drop)
    }

    /// `PUT`: replaces the whole object.
    pub async fn put(
        &self,
        path: &str,
        body: &impl Serialize,
        target: &Target,
    ) -> Result<(), ApiError> {
        self.send(Method::PUT, path, Some(encode(body)), target)
            .await
            .map(drop)
    }

    pub async fn delete(&self, path: &str, target: &Target) -> Result<(), ApiError> {
        self.send(Method::DELETE, path, None, target)
            .await
            .map(drop)
    }

    /// Every object a `.../filter` endpoint matches, page by page: the server answers at most
    /// [`PAGE_SIZE`] per request. `filter` is the request body without `limit`/`offset`.
    pub async fn filter_all<T: DeserializeOwned>(
        &self,
        path: &str,
        filter: serde_json::Value,
        target: &Target,
    ) -> Result<Vec<T>, ApiError> {
        let mut body = filter;
        let mut items: Vec<T> = Vec::new();
        loop {
            body["limit"] = PAGE_SIZE.into();
            body["offset"] = items.len().into();
            let page: Vec<T> = self.post(path, &body, target).await?;
            let last = page.len() < PAGE_SIZE;
            items.extend(page);
            if last {
                return Ok(items);
            }
        }
    }

    fn decode<T: DeserializeOwned>(&self, path: &str, reply: &Reply) -> Result<T, ApiError> {
        serde_json::from_slice(&reply.body).map_err(|err| ApiError::Decode {
            url: self.url(path),
            reason: format!("{err} (HTTP {})", reply.status),
        })
    }

    fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    /// Sends one logical request, retrying what Prefect's own client retries.
    pub async fn send(
        &self,
        method: Method,
        path: &str,
        body: Option<Vec<u8>>,
        target: &Target,
    ) -> Result<Reply, ApiError> {
        self.send_with_retries(method, path, body, target, self.max_retries)
            .await
    }

    async fn send_with_retries(
        &self,
        method: Method,
        path: &str,
        body: Option<Vec<u8>>,
        target: &Target,
        max_retries: u32,
    ) -> Result<Reply, ApiError> {
        let url = self.url(path);
        // Requests sent (for the messages), and retries made of the `max_retries`.
        let (mut attempt, mut retries): (u32, u32) = (0, 0);
        let mut csrf_refreshed = false;
        let mut quick_retried = false;
        loop {
            attempt += 1;
            let request = self.build_request(&method, &url, body.as_deref());
            let outcome = match request.send().await {
                Ok(response) => {
                    self.reached_server.store(true, Ordering::Relaxed);
                    let status = response.status();
                    let retry_after = retry_after(response.headers());
                    let location = response
                        .headers()
                        .get(LOCATION)
                        .and_then(|v| v.to_str().ok())
                        .map(str::to_string);
                    match response.bytes().await {
                        Ok(bytes) => Ok((status, retry_after, location, bytes.to_vec())),
                        Err(err) => Err(err),
                    }
                }
                Err(err) => Err(err),
            };
            match outcome {
                Ok((status, retry_after, location, body_bytes)) => {
                    if !quick_retried && is_quick_retry(status, retry_after, max_retries) {
                        // Not counted among the retries: the schedule after it is Prefect's.
                        quick_retried = true;
                        tokio::time::sleep(jittered(QUICK_RETRY_DELAY)).await;
                        continue;
                    }
                    if is_retryable_status(status) && retries < max_retries {
                        retries += 1;
                        tokio::time::sleep(backoff(retries, retry_after)).await;
                        continue;
                    }
                    if status == StatusCode::FORBIDDEN
                        && !csrf_refreshed
                        && method != Method::GET
                        && is_csrf_refusal(&body_bytes)
                    {
                        csrf_refreshed = true;
                        self.refresh_csrf_token().await?;
                        attempt -= 1;
                        continue;
                    }
                    return self.check(status, body_bytes, &url, location, target, attempt);
                }
                Err(err) => {
                    let reached = self.reached_server.load(Ordering::Relaxed);
                    if err.is_builder() {
                        return Err(ApiError::BadUrl {
                            url,
                            reason: root_cause(&err),
                        });
                    }
                    // A certificate is refused the same way every time: no retry.
                    if let Some(reason) = untrusted_certificate(&err) {
                        return Err(ApiError::Certificate {
                            url: self.base.clone(),
                            reason,
                            hint: certificate_hint(),
                        });
                    }
                    if err.is_connect() && !reached {
                        return Err(ApiError::Connect {
                            url: self.base.clone(),
                            reason: root_cause(&err),
                        });
                    }
                    if retries < max_retries {
                        retries += 1;
                        tokio::time::sleep(backoff(retries, None)).await;
                        continue;
                    }
                    return Err(if err.is_timeout() {
                        ApiError::Timeout {
                            url: self.base.clone(),
                            seconds: self.timeout.as_secs_f64(),
                            attempts: attempt,
                        }
                    } else if err.is_connect() {
                        ApiError::Connect {
                            url: self.base.clone(),
                            reason: format!("{} after {attempt} attempts", root_cause(&err)),
                        }
                    } else {
                        ApiError::Transport {
                            url: url.clone(),
                            attempts: attempt,
                            reason: root_cause(&err),
                        }
                    });
                }
            }
        }
    }

    fn build_request(
        &self,
        method: &Method,
        url: &str,
        body: Option<&[u8]>,
    ) -> reqwest::RequestBuilder {
        let mut request = self.http.request(method.clone(), url);
        if let Some(value) = self.credential.header() {
            request = request.header(AUTHORIZATION, value);
        }
        if *method != Method::GET
            && let Some((client, token)) = self.csrf.lock().expect("csrf lock").clone()
        {
            request = request
                .header("Prefect-Csrf-Token", token)
                .header("Prefect-Csrf-Client", client);
        }
        if let Some(body) = body {
            request = request
                .header(CONTENT_TYPE, "application/json")
                .body(body.to_vec());
        }
        request
    }

    fn check(
        &self,
        status: StatusCode,
        body: Vec<u8>,
        url: &str,
        location: Option<String>,
        target: &Target,
        attempts: u32,
    ) -> Result<Reply, ApiError> {
        if status.is_success() {
            return Ok(Reply { status, body });
        }
        let detail = error_detail(&body);
        let what = target.clone();
        Err(match status.as_u16() {
            300..=399 => ApiError::Redirect {
                url: url.to_string(),
                location: location.unwrap_or_else(|| "an unknown location".into()),
            },
            401 | 403 => ApiError::Auth {
                url: self.base.clone(),
                status,
                what,
                detail,
                sent: self.credential.describe(),
            },
            404 if detail == "Not Found" => ApiError::NoRoute {
                url: url.to_string(),
            },
            404 => ApiError::NotFound { what },
            409 if detail.contains("already exists") => ApiError::AlreadyExists { what },
            409 => ApiError::Conflict { what, detail },
            400 | 422 => ApiError::Invalid { what, detail },
            _ => ApiError::Server {
                status,
                what,
                attempts,
                detail,
            },
        })
    }

    /// Servers with `PREFECT_SERVER_CSRF_PROTECTION_ENABLED` want a token on every write.
    /// One plain request: this runs inside `send`, so it does not go through it again.
    async fn refresh_csrf_token(&self) -> Result<(), ApiError> {
        #[derive(serde::Deserialize)]
        struct CsrfToken {
            token: String,
        }
        let client_id = uuid::Uuid::new_v4().to_string();
        let url = self.url(&format!("/csrf-token?client={client_id}"));
        let failed = |reason: String| ApiError::Transport {
            url: url.clone(),
            attempts: 1,
            reason,
        };
        let response = self
            .build_request(&Method::GET, &url, None)
            .send()
            .await
            .map_err(|err| failed(root_cause(&err)))?;
        let status = response.status();
        let body = response
            .bytes()
            .await
            .map_err(|err| failed(root_cause(&err)))?;
        if !status.is_success() {
            return Err(failed(format!(
                "cannot get a CSRF token ({status}): {}",
                error_detail(&body)
            )));
        }
        let token: CsrfToken = serde_json::from_slice(&body).map_err(|err| ApiError::Decode {
            url: url.clone(),
            reason: err.to_string(),
        })?;
        *self.csrf.lock().expect("csrf lock") = Some((client_id, token.token));
        Ok(())
    }
}

fn encode(body: &impl Serialize) -> Vec<u8> {
    serde_json::to_vec(body).expect("request bodies are plain JSON values")
}

/// 408, 429 and the gateway errors; 503 is also how a SQLite-backed server reports lock
/// contention, so writes are retried too.
fn is_retryable_status(status: StatusCode) -> bool {
    matches!(status.as_u16(), 408 | 429 | 502 | 503 | 504)
}

fn is_csrf_refusal(body: &[u8]) -> bool {
    String::from_utf8_lossy(body).contains("CSRF token")
}

/// Whether an answer earns the one quick retry ([`QUICK_RETRY_DELAY`]): a bare 503, when
/// retries are not turned off.
fn is_quick_retry(status: StatusCode, retry_after: Option<Duration>, max_retries: u32) -> bool {
    status == StatusCode::SERVICE_UNAVAILABLE && retry_after.is_none() && max_retries > 0
}

/// `delay`, varied by up to [`JITTER`] either way.
fn jittered(delay: Duration) -> Duration {
    delay.mul_f64(1.0 - JITTER + 2.0 * JITTER * fastrand::f64())
}

/// How long to wait before retry number `attempt` (1-based).
fn backoff(attempt: u32, retry_after: Option<Duration>) -> Duration {
    match retry_after {
        // At least what the server asked for, plus a little so that clients spread out.
        Some(wait) => wait
            .min(MAX_RETRY_AFTER)
            .mul_f64(1.0 + JITTER * fastrand::f64()),
        None => jittered(
            FIRST_RETRY_DELAY
                .saturating_mul(1 << (attempt - 1).min(10))
                .min(MAX_RETRY_DELAY),
        ),
    }
}

/// `Retry-After` as seconds or as an HTTP date.
fn retry_after(headers: &HeaderMap) -> Option<Duration> {
    let value = headers.get(RETRY_AFTER)?.to_str().ok()?.trim();
    if let Ok(seconds) = value.parse::<f64>() {
        return (seconds.is_finite() && seconds >= 0.0).then(|| Duration::from_secs_f64(seconds));
    }
    let when = jiff::fmt::rfc2822::DateTimeParser::new()
        .parse_timestamp(value)
        .ok()?;
    let wait = when.duration_since(jiff::Timestamp::now());
    Some(Duration::try_from(wait).unwrap_or(Duration::ZERO))
}

/// Why the server's TLS certificate was refused, when that is why a request failed.
fn untrusted_certificate(err: &(dyn std::error::Error + 'static)) -> Option<String> {
    let mut cause: Option<&(dyn std::error::Error + 'static)> = Some(err);
    while let Some(error) = cause {
        if let Some(rustls::Error::InvalidCertificate(problem)) = error.downcast_ref() {
            return Some(format!("{problem:?}"));
        }
        // An io::Error's source() skips the error it wraps; get_ref() hands it over.
        cause = match error.downcast_ref::<std::io::Error>() {
            Some(io) => io
                .get_ref()
                .map(|inner| inner as &(dyn std::error::Error + 'static)),
            None => error.source(),
        };
    }
    None
}

/// What to do about a refused certificate, from what `SSL_CERT_FILE` (the authorities rustls
/// trusts instead of the system's) says now.
fn certificate_hint() -> String {
    let Some(path) = std::env::var_os("SSL_CERT_FILE") else {
        return "if your own certificate authority signed it, point SSL_CERT_FILE at that \
                authority's PEM file"
            .into();
    };
    let shown = std::path::Path::new(&path).display();
    match std::fs::metadata(&path) {
        Err(err) => format!(
            "SSL_CERT_FILE is set to '{shown}', which cannot be read ({}); point it at your \
             certificate authority's PEM file",
            root_cause(&err)
        ),
        Ok(_) => format!(
            "no authority in SSL_CERT_FILE ('{shown}') signed it; check that the file holds, in \
             PEM, the certificate of the authority that did"
        ),
    }
}

/// The innermost cause of a transport error: "Connection refused (os error 111)" rather than
/// reqwest's "error sending request".
pub(crate) fn root_cause(err: &(dyn std::error::Error + 'static)) -> String {
    let mut cause: &(dyn std::error::Error + 'static) = err;
    while let Some(source) = cause.source() {
        cause = source;
    }
    let text = cause.to_string();
    match text.find(" (os error") {
        Some(index) => text[..index].to_lowercase(),
        None => text,
    }
}

/// Percent-encodes one path segment (a pool or queue name may contain spaces).
pub fn segment(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    for byte in name.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' => {
                out.push(byte as char)
            }
            _ => out.push_str(&format!("%{byte:02X}")),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backoff_doubles_with_jitter_and_honours_retry_after() {
        for attempt in 1..=5 {
            let nominal = FIRST_RETRY_DELAY.as_secs_f64() * f64::from(1u32 << (attempt - 1));
            let nominal = nominal.min(MAX_RETRY_DELAY.as_secs_f64());
            let wait = backoff(attempt, None).as_secs_f64();
            assert!(wait >= nominal * 0.8 - 1e-9 && wait <= nominal * 1.2 + 1e-9);
        }
        let wait = backoff(1, Some(Duration::from_secs(3))).as_secs_f64();
        assert!((3.0..=3.6).contains(&wait));
    }

    #[test]
    fn only_a_bare_503_is_retried_quickly_and_not_when_retries_are_off() {
        let busy = StatusCode::SERVICE_UNAVAILABLE;
        assert!(is_quick_retry(busy, None, 5));
        assert!(!is_quick_retry(busy, Some(Duration::from_secs(1)), 5));
        assert!(!is_quick_retry(busy, None, 0));
        for other in [408, 429, 502, 504, 500] {
            assert!(!is_quick_retry(
                StatusCode::from_u16(other).unwrap(),
                None,
                5
            ));
        }
        let wait = jittered(QUICK_RETRY_DELAY).as_secs_f64();
        assert!((0.08 - 1e-9..=0.12 + 1e-9).contains(&wait), "{wait}");
    }

    #[test]
    fn retry_after_reads_seconds_and_dates() {
        let mut headers = HeaderMap::new();
        headers.insert(RETRY_AFTER, HeaderValue::from_static("2"));
        assert_eq!(retry_after(&headers), Some(Duration::from_secs(2)));
        headers.insert(
            RETRY_AFTER,
            HeaderValue::from_static("Sun, 06 Nov 1994 08:49:37 GMT"),
        );
        assert_eq!(retry_after(&headers), Some(Duration::ZERO));
    }

    #[test]
    fn segments_are_percent_encoded() {
        assert_eq!(segment("my pool/x"), "my%20pool%2Fx");
        assert_eq!(segment("ot2-device-pool"), "ot2-device-pool");
    }

    #[test]
    fn credentials_never_show_in_debug_output() {
        let credential = Credential::ApiKey {
            secret: Secret::new("pnu_topsecret"),
            origin: "PREFECT_API_KEY from env".into(),
        };
        assert!(!format!("{credential:?}").contains("topsecret"));
        assert!(!credential.describe().contains("topsecret"));
    }
}
