//! HTTPS to a Prefect API whose certificate a lab's own CA signed: trusted through
//! SSL_CERT_FILE, refused with one line saying so without it (tests/arm.rs runs the same
//! check with the robot's ARM binary).

mod support;

use support::Sandbox;
use support::tls::trusted_only_through_ssl_cert_file;

#[test]
fn a_server_signed_by_the_labs_own_ca_is_trusted_through_ssl_cert_file_and_refused_without() {
    trusted_only_through_ssl_cert_file(&Sandbox::new());
}
