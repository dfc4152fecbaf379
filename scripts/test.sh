#!/usr/bin/env bash
# The whole test suite, from a fresh clone: formatting and lints, then every cargo test
# against a real Prefect 3.8.8 server (SQLite, basic auth on, its own PREFECT_HOME, a free
# loopback port), cross-checked with the Python `prefect` CLI from the project's .venv.
# OT2CTL_PREFECT_VERSION=3.9.1 scripts/test.sh runs it against another Prefect release.
# The server is stopped and its files removed whatever happens; .venv is kept as a cache.
set -euo pipefail
source "$(dirname "$0")/lib/env.sh"
cd "$OT2CTL_ROOT"

log "cargo fmt --check"
cargo fmt --all -- --check
log "cargo clippy --all-targets -- -D warnings (and with --features mongo)"
cargo clippy --quiet --all-targets -- -D warnings
cargo clippy --quiet --all-targets --features mongo -- -D warnings

log "building the tests"
cargo test --all-targets --no-run --quiet
log "building the static release binary (tests/release.rs checks it)"
scripts/build-static.sh >/dev/null
log "building the robot's ARM binary (tests/arm.rs runs it under qemu)"
arm_binary=$(scripts/build-robot.sh | tail -n 1)
ensure_qemu_arm
ensure_venv
ensure_opentrons_venv
ensure_mongomock_venv
ensure_mosquitto
# Opentrons' own robot-server (Python 3.10): the robot tests start it themselves
# (tests/support/robot_server.rs, through scripts/robot-server.sh), one per test binary.
ensure_robot_server
trap stop_prefect_server EXIT
trap 'exit 130' INT TERM
auth="ot2ctl-test:$(od -An -N8 -tx1 /dev/urandom | tr -d ' \n')"
start_prefect_server PREFECT_SERVER_API_AUTH_STRING="$auth"

export OT2CTL_TEST_API_URL="$PREFECT_SERVER_URL"
export OT2CTL_TEST_AUTH_STRING="$auth"
export OT2CTL_TEST_PREFECT="$OT2CTL_VENV/bin/prefect"
export OT2CTL_TEST_OPENTRONS_PYTHON="$OT2CTL_OPENTRONS_VENV/bin/python"
export OT2CTL_TEST_MONGOMOCK_PYTHON="$OT2CTL_MONGOMOCK_VENV/bin/python"
export OT2CTL_TEST_ROBOT_SERVER_PYTHON="$OT2CTL_ROBOT_SERVER_PYTHON"
export OT2CTL_TEST_ROBOT_SERVER_SRC="$OT2CTL_ROBOT_SERVER_SRC"
export OT2CTL_TEST_STATIC_BINARY="$OT2CTL_ROOT/target/x86_64-unknown-linux-gnu/release/ot2ctl"
export OT2CTL_TEST_ARM_BINARY="$arm_binary"
export OT2CTL_TEST_QEMU_ARM="$QEMU_ARM"
log "cargo test"
# With no arguments, every target; otherwise what was asked (e.g. --test deploy).
[ $# -gt 0 ] || set -- --all-targets
env "${LOOPBACK_ONLY[@]}" cargo test --frozen "$@"
# No MongoDB server can be installed from this machine's registries: the MongoDB store's
# integration test needs one given by MONGODB_URI (it may be remote, so not loopback-only).
if [ -n "${MONGODB_URI:-}" ]; then
  log "MongoDB store against \$MONGODB_URI"
  cargo test --frozen --features mongo --test mongo
else
  log "MongoDB store integration test SKIPPED: MONGODB_URI is not set (unit tests of its documents ran)"
fi
log "all tests passed"
