//! A loopback HTTPS endpoint in front of the test's Prefect server, with a certificate
//! authority made for the test (tests/fixtures/tls_proxy.py, run by the Prefect venv's Python,
//! whose `cryptography` signs the certificates). The real server speaks plain HTTP here, and
//! `prefect server start` has no TLS option: the proxy is the TLS peer, the answers are the
//! real server's.

use std::io::{BufRead, BufReader};
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};

use tempfile::TempDir;

use super::{Sandbox, fails, lab::venv_python, ok, repo_root, server, unique};

pub struct TlsEndpoint {
    /// `https://127.0.0.1:PORT/api`.
    pub api_url: String,
    /// The test CA, the only one that trusts the endpoint: for SSL_CERT_FILE.
    pub ca: PathBuf,
    child: Child,
    _dir: TempDir,
}

impl TlsEndpoint {
    pub fn start() -> TlsEndpoint {
        let target = loopback_port(&server().url);
        let dir = tempfile::tempdir().unwrap();
        let mut child = Command::new(venv_python())
            .arg(repo_root().join("tests/fixtures/tls_proxy.py"))
            .arg(target.to_string())
            .arg(dir.path())
            .stdout(Stdio::piped())
            .spawn()
            .expect("the venv's python runs the TLS proxy");
        let mut line = String::new();
        BufReader::new(child.stdout.take().unwrap())
            .read_line(&mut line)
            .unwrap();
        let port: u16 = line
            .trim()
            .parse()
            .unwrap_or_else(|_| panic!("the TLS proxy did not start: {line:?}"));
        TlsEndpoint {
            api_url: format!("https://127.0.0.1:{port}/api"),
            ca: dir.path().join("ca.pem"),
            child,
            _dir: dir,
        }
    }
}

impl Drop for TlsEndpoint {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// The port of a `http://127.0.0.1:PORT/api` URL.
fn loopback_port(url: &str) -> u16 {
    url.trim_start_matches("http://127.0.0.1:")
        .trim_end_matches("/api")
        .parse()
        .unwrap_or_else(|_| panic!("the test server's URL is not http://127.0.0.1:PORT/api: {url}"))
}

/// ot2ctl of `sandbox` against an endpoint a lab's own CA signed: refused with one line that
/// says why and what to do, then trusted through SSL_CERT_FILE (a pool made and listed).
pub fn trusted_only_through_ssl_cert_file(sandbox: &Sandbox) {
    let endpoint = TlsEndpoint::start();
    let pool = unique("tls-pool");
    let over_tls = || {
        let mut cmd = sandbox.bare();
        cmd.env("PREFECT_API_URL", &endpoint.api_url)
            .env("PREFECT_API_AUTH_STRING", server().auth);
        cmd
    };
    fails(over_tls().args(["work-pool", "ls"]), 1)
        .mentions("presented a TLS certificate ot2ctl does not trust (UnknownIssuer)")
        .mentions("SSL_CERT_FILE");
    // A CA file that is not there, or that holds no authority of the server's, is named as the
    // problem.
    let missing = endpoint.ca.with_file_name("missing.pem");
    fails(
        over_tls()
            .env("SSL_CERT_FILE", &missing)
            .args(["work-pool", "ls"]),
        1,
    )
    .mentions(&format!(
        "SSL_CERT_FILE is set to '{}', which cannot be read (no such file or directory)",
        missing.display()
    ));
    let not_a_ca = endpoint.ca.with_file_name("not-a-ca.pem");
    std::fs::write(&not_a_ca, "not a certificate\n").unwrap();
    fails(
        over_tls()
            .env("SSL_CERT_FILE", &not_a_ca)
            .args(["work-pool", "ls"]),
        1,
    )
    .mentions("no authority in SSL_CERT_FILE");
    ok(over_tls()
        .env("SSL_CERT_FILE", &endpoint.ca)
        .args(["work-pool", "create", &pool]));
    let listed = ok(over_tls()
        .env("SSL_CERT_FILE", &endpoint.ca)
        .args(["work-pool", "ls"]));
    assert!(listed.contains(&pool), "{listed}");
}
