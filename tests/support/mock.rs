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
