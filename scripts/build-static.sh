#!/usr/bin/env bash
# A fully static x86-64 release binary (glibc static-pie, rustls with ring: no OpenSSL, no
# shared libraries). The explicit --target keeps +crt-static away from build scripts and
# proc-macros, which must stay dynamic.
# Pass --no-default-features for the robot build without the OS keyring.
set -euo pipefail
cd "$(dirname "$0")/.."
target=x86_64-unknown-linux-gnu
RUSTFLAGS="${RUSTFLAGS:-} -C target-feature=+crt-static" \
  cargo build --release --locked --target "$target" --bin ot2ctl "$@"
binary="${CARGO_TARGET_DIR:-target}/$target/release/ot2ctl"
file "$binary"
ls -l "$binary"
