//! A scripted HTTP server on 127.0.0.1 for the faults a real Prefect server cannot produce on
//! demand: bursts of 503/429 and connections dropped before an answer.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::{Arc, Mutex};
use std::thread;

/// What the mock does with one request.
#[derive(Clone, Debug)]
pub enum Reply {
    /// Answer with this status, extra headers and JSON body.
    Status(u16, Vec<(&'static str, String)>, String),
    /// Read the request, then close the connection without answering.
    Drop,
    /// Read the request and never answer (until the client gives up).
    Hang,
}

impl Reply {
    pub fn json(status: u16, body: &str) -> Reply {
        Reply::Status(status, Vec::new(), body.to_string())
    }
}

/// A running mock: answers requests with the scripted replies in order, then repeats the
/// last one. Records each request line ("GET /api/work_pools/x").
pub struct Mock {
    pub url: String,
    pub requests: Arc<Mutex<Vec<String>>>,
}

impl Mock {
    pub fn start(replies: Vec<Reply>) -> Mock {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind mock");
        let url = format!("http://{}/api", listener.local_addr().unwrap());
        let requests = Arc::new(Mutex::new(Vec::new()));
        let seen = Arc::clone(&requests);
        thread::spawn(move || {
            let mut index = 0;
            for stream in listener.incoming() {
                let Ok(stream) = stream else { continue };
                let reply = replies[index.min(replies.len() - 1)].clone();
                index += 1;
                serve(stream, reply, &seen);
            }
        });
        Mock { url, requests }
    }

    pub fn request_count(&self) -> usize {
        self.requests.lock().unwrap().len()
    }
}

fn serve(stream: TcpStream, reply: Reply, seen: &Mutex<Vec<String>>) {
    let mut reader = BufReader::new(stream.try_clone().expect("clone stream"));
    let mut request_line = String::new();
    if reader.read_line(&mut request_line).is_err() {
        return;
    }
    let mut content_length = 0usize;
    loop {
        let mut header = String::new();
        if reader.read_line(&mut header).is_err() || header == "\r\n" || header.is_empty() {
            break;
        }
        if let Some(value) = header.to_ascii_lowercase().strip_prefix("content-length:") {
            content_length = value.trim().parse().unwrap_or(0);
        }
    }
    let mut body = vec![0; content_length];
    let _ = reader.read_exact(&mut body);
    let request_line = request_line
        .split(" HTTP/")
        .next()
        .unwrap_or("")
        .to_string();
    seen.lock().unwrap().push(request_line);

    let mut stream = stream;
    match reply {
        Reply::Drop => {
            let _ = stream.shutdown(std::net::Shutdown::Both);
        }
        Reply::Hang => {
            // Keep the connection open without a byte of answer; the client's timeout ends it.
            std::thread::spawn(move || {
                let mut sink = [0u8; 1];
                let _ = stream.read(&mut sink);
            });
        }
        Reply::Status(status, headers, body) => {
            let mut response = format!(
                "HTTP/1.1 {status} Mock\r\ncontent-type: application/json\r\ncontent-length: {}\r\nconnection: close\r\n",
                body.len()
            );
            for (name, value) in headers {
                response.push_str(&format!("{name}: {value}\r\n"));
            }
            response.push_str("\r\n");
            response.push_str(&body);
            let _ = stream.write_all(response.as_bytes());
        }
    }
}

/// A pass-through to a real server that, once, forwards a request to the server and then
/// drops the connection instead of answering: the server did the work, the client cannot
/// know. Only a proxy can produce that on demand.
pub struct LossyProxy {
    pub url: String,
}

impl LossyProxy {
    /// `upstream` is `http://host:port/api`; the first request whose line starts with
    /// `lose` (e.g. "POST /api/logs/") loses its answer.
    pub fn start(upstream: &str, lose: &str) -> LossyProxy {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind proxy");
        let url = format!("http://{}/api", listener.local_addr().unwrap());
        let authority = authority_of(upstream);
        let lose = lose.to_string();
        thread::spawn(move || {
            let mut lost = false;
            for stream in listener.incoming() {
                let Ok(stream) = stream else { continue };
                let Some((line, request, _)) = read_raw_request(&stream) else {
                    continue;
                };
                let Ok(mut server) = TcpStream::connect(&authority) else {
                    continue;
                };
                let _ = server.write_all(&request);
                let mut response = Vec::new();
                let _ = server.read_to_end(&mut response);
                let mut stream = stream;
                if !lost && line.starts_with(&lose) {
                    lost = true;
                    let _ = stream.shutdown(std::net::Shutdown::Both);
                    continue;
                }
                let _ = stream.write_all(&response);
            }
        });
        LossyProxy { url }
    }
}

/// A pass-through to a real server that notes every request line (`POST /api/flows/`), to
/// count what a command asks of the server. Connections are served at once, each on a thread.
pub struct RecordingProxy {
    pub url: String,
    lines: std::sync::Arc<std::sync::Mutex<Vec<String>>>,
}

impl RecordingProxy {
    /// `upstream` is `http://host:port/api`.
    pub fn start(upstream: &str) -> RecordingProxy {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind proxy");
        let url = format!("http://{}/api", listener.local_addr().unwrap());
        let authority = authority_of(upstream);
        let lines = std::sync::Arc::new(std::sync::Mutex::new(Vec::new()));
        let noted = lines.clone();
        thread::spawn(move || {
            for stream in listener.incoming() {
                let Ok(mut stream) = stream else { continue };
                let (authority, noted) = (authority.clone(), noted.clone());
                thread::spawn(move || {
                    let Some((line, request, upgrade)) = read_raw_request(&stream) else {
                        return;
                    };
                    noted.lock().unwrap().push(line);
                    let Ok(mut server) = TcpStream::connect(&authority) else {
                        return;
                    };
                    let _ = server.write_all(&request);
                    if upgrade {
                        // A WebSocket (the event stream): both ways until either side closes.
                        splice(stream, server);
                        return;
                    }
                    let mut response = Vec::new();
                    let _ = server.read_to_end(&mut response);
                    let _ = stream.write_all(&response);
                });
            }
        });
        RecordingProxy { url, lines }
    }

    /// The request lines seen so far that start with `prefix` (e.g. "POST /api/flows/").
    pub fn count(&self, prefix: &str) -> usize {
        self.lines
            .lock()
            .unwrap()
            .iter()
            .filter(|line| line.starts_with(prefix))
            .count()
    }
}

/// `host:port` of an `http://host:port/api` URL.
fn authority_of(upstream: &str) -> String {
    upstream
        .trim_start_matches("http://")
        .split('/')
        .next()
        .unwrap()
        .to_string()
}

/// Copies bytes both ways between two connections until one of them closes.
fn splice(client: TcpStream, server: TcpStream) {
    let (Ok(mut client_in), Ok(mut server_out)) = (client.try_clone(), server.try_clone()) else {
        return;
    };
    let upstream = thread::spawn(move || {
        let _ = std::io::copy(&mut client_in, &mut server_out);
        let _ = server_out.shutdown(std::net::Shutdown::Both);
    });
    let (mut server_in, mut client_out) = (server, client);
    let _ = std::io::copy(&mut server_in, &mut client_out);
    let _ = client_out.shutdown(std::net::Shutdown::Both);
    let _ = upstream.join();
}

/// One request as bytes to forward, with `connection: close` so the answer ends at EOF, unless
/// it asks for an upgrade (a WebSocket), said by the flag, which keeps its headers as they are.
fn read_raw_request(stream: &TcpStream) -> Option<(String, Vec<u8>, bool)> {
    let mut reader = BufReader::new(stream.try_clone().ok()?);
    let mut line = String::new();
    reader.read_line(&mut line).ok()?;
    let mut request = line.clone().into_bytes();
    let mut length = 0usize;
    let mut headers = Vec::new();
    loop {
        let mut header = String::new();
        if reader.read_line(&mut header).ok()? == 0 || header == "\r\n" {
            break;
        }
        headers.push(header);
    }
    let upgrade = headers
        .iter()
        .any(|h| h.to_ascii_lowercase().starts_with("upgrade:"));
    for header in headers {
        let lower = header.to_ascii_lowercase();
        if let Some(value) = lower.strip_prefix("content-length:") {
            length = value.trim().parse().unwrap_or(0);
        }
        if lower.starts_with("connection:") && !upgrade {
            continue;
        }
        request.extend_from_slice(header.as_bytes());
    }
    if !upgrade {
        request.extend_from_slice(b"connection: close\r\n");
    }
    request.extend_from_slice(b"\r\n");
    let mut body = vec![0; length];
    reader.read_exact(&mut body).ok()?;
    request.extend_from_slice(&body);
    Some((line.trim_end().to_string(), request, upgrade))
}
