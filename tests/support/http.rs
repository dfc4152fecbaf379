//! Plain HTTP/1.1 over std's TcpStream, for what the robot tests do on the robot themselves
//! (read its runs, start a run by hand) and for the fault-injecting proxy: independent of the
//! client ot2ctl uses, so a test reads what the robot says, not what ot2ctl understood.

use std::collections::HashMap;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::time::Duration;

use serde_json::Value;

/// One HTTP message as read from a socket.
pub struct Message {
    /// Request: "METHOD target"; response: "HTTP/1.1 status reason".
    pub start: String,
    /// Lower-case names.
    pub headers: HashMap<String, String>,
    pub body: Vec<u8>,
}

impl Message {
    /// Reads one message; a body without a length runs to the end of the stream.
    pub fn read(stream: &TcpStream, is_response: bool) -> Option<Message> {
        let mut reader = BufReader::new(stream.try_clone().ok()?);
        let mut start = String::new();
        if reader.read_line(&mut start).ok()? == 0 {
            return None;
        }
        let mut headers = HashMap::new();
        loop {
            let mut line = String::new();
            if reader.read_line(&mut line).ok()? == 0 || line == "\r\n" {
                break;
            }
            if let Some((name, value)) = line.split_once(':') {
                headers.insert(name.trim().to_ascii_lowercase(), value.trim().to_string());
            }
        }
        let mut body = Vec::new();
        if let Some(length) = headers.get("content-length") {
            body = vec![0; length.parse().ok()?];
            reader.read_exact(&mut body).ok()?;
        } else if headers
            .get("transfer-encoding")
            .is_some_and(|t| t.eq_ignore_ascii_case("chunked"))
        {
            loop {
                let mut size = String::new();
                reader.read_line(&mut size).ok()?;
                let size = usize::from_str_radix(size.trim(), 16).ok()?;
                let mut chunk = vec![0; size + 2];
                reader.read_exact(&mut chunk).ok()?;
                if size == 0 {
                    break;
                }
                body.extend_from_slice(&chunk[..size]);
            }
        } else if is_response {
            reader.read_to_end(&mut body).ok()?;
        }
        Some(Message {
            start: start.trim_end().to_string(),
            headers,
            body,
        })
    }

    /// Writes the message with the given body, the length set to match.
    pub fn write(&self, stream: &mut TcpStream, body: &[u8]) -> std::io::Result<()> {
        let mut head = format!("{}\r\n", self.start);
        for (name, value) in &self.headers {
            if !matches!(
                name.as_str(),
                "content-length" | "transfer-encoding" | "connection"
            ) {
                head.push_str(&format!("{name}: {value}\r\n"));
            }
        }
        head.push_str(&format!(
            "content-length: {}\r\nconnection: close\r\n\r\n",
            body.len()
        ));
        stream.write_all(head.as_bytes())?;
        stream.write_all(body)
    }

    /// The status of a response.
    pub fn status(&self) -> u16 {
        self.start
            .split_whitespace()
            .nth(1)
            .and_then(|s| s.parse().ok())
            .unwrap_or(0)
    }
}

/// `host:port` of an `http://host:port...` URL, and the path after it.
fn split_url(url: &str) -> (&str, &str) {
    let rest = url.strip_prefix("http://").expect("an http:// URL");
    match rest.find('/') {
        Some(slash) => (&rest[..slash], &rest[slash..]),
        None => (rest, "/"),
    }
}

/// Sends a request (with `Opentrons-Version: *`) and reads the answer's status and JSON.
pub fn try_request(
    method: &str,
    url: &str,
    headers: &[(&str, &str)],
    body: Option<(&str, &[u8])>,
) -> std::io::Result<(u16, Value)> {
    let (authority, path) = split_url(url);
    let mut stream = TcpStream::connect(authority)?;
    stream.set_read_timeout(Some(Duration::from_secs(120)))?;
    let mut head = format!(
        "{method} {path} HTTP/1.1\r\nhost: {authority}\r\nopentrons-version: *\r\nconnection: close\r\n"
    );
    for (name, value) in headers {
        head.push_str(&format!("{name}: {value}\r\n"));
    }
    let bytes = body.map(|(_, b)| b).unwrap_or_default();
    if let Some((content_type, _)) = body {
        head.push_str(&format!("content-type: {content_type}\r\n"));
    }
    head.push_str(&format!("content-length: {}\r\n\r\n", bytes.len()));
    stream.write_all(head.as_bytes())?;
    stream.write_all(bytes)?;
    let answer = Message::read(&stream, true)
        .ok_or_else(|| std::io::Error::new(std::io::ErrorKind::UnexpectedEof, "no HTTP answer"))?;
    let json = serde_json::from_slice(&answer.body).unwrap_or(Value::Null);
    Ok((answer.status(), json))
}

/// [`try_request`] for a robot that must answer.
pub fn request(
    method: &str,
    url: &str,
    headers: &[(&str, &str)],
    body: Option<(&str, &[u8])>,
) -> (u16, Value) {
    try_request(method, url, headers, body)
        .unwrap_or_else(|e| panic!("{method} {url} got no answer: {e}"))
}

/// `POST` of a JSON body.
pub fn post_json(url: &str, body: &Value) -> (u16, Value) {
    request(
        "POST",
        url,
        &[],
        Some(("application/json", body.to_string().as_bytes())),
    )
}

/// `POST` of multipart/form-data: text fields and files (name, bytes).
pub fn post_multipart(
    url: &str,
    fields: &[(&str, &str)],
    files: &[(String, Vec<u8>)],
) -> (u16, Value) {
    let boundary = "ot2ctl-test-boundary-7d1c";
    let mut body = Vec::new();
    for (name, value) in fields {
        body.extend_from_slice(
            format!(
                "--{boundary}\r\ncontent-disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n"
            )
            .as_bytes(),
        );
    }
    for (file_name, bytes) in files {
        body.extend_from_slice(
            format!(
                "--{boundary}\r\ncontent-disposition: form-data; name=\"files\"; filename=\"{file_name}\"\r\ncontent-type: application/octet-stream\r\n\r\n"
            )
            .as_bytes(),
        );
        body.extend_from_slice(bytes);
        body.extend_from_slice(b"\r\n");
    }
    body.extend_from_slice(format!("--{boundary}--\r\n").as_bytes());
    let content_type = format!("multipart/form-data; boundary={boundary}");
    request("POST", url, &[], Some((&content_type, &body)))
}
