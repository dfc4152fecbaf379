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
phase "cargo clippy --all-targets -- -D warnings" cargo clippy --all-targets -- -D warnings
phase "cargo clippy --all-targets --features mongo -- -D warnings" \
  cargo clippy --all-targets --features mongo -- -D warnings
phase "building the tests" cargo test --all-targets --no-run
phase "building the static release binary (tests/release.rs checks it)" scripts/build-static.sh >/dev/null
arm_binary=$(phase "building the robot's ARM binary (tests/arm.rs runs it under qemu)" \
  scripts/build-robot.sh | tail -n 1)
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
# With no arguments, every target; otherwise what was asked (e.g. --test deploy).
asked=("$@")
[ $# -gt 0 ] || set -- --all-targets
log "cargo test ${*}"
# Every test binary runs (--no-fail-fast), and the end names each one that failed and how.
test_log=$(mktemp)
status=0
watch_quiet "$test_log" &
watcher=$!
env "${LOOPBACK_ONLY[@]}" cargo test --frozen --no-fail-fast "$@" 2>&1 | tee "$test_log" || status=$?
kill "$watcher" 2>/dev/null || true
wait "$watcher" 2>/dev/null || true
failures=$(awk '
  /^ *Running unittests / { binary = $3; next }
  /^ *Running / { binary = $2 }
  /^test .* \.\.\. FAILED$/ { sub(/^test /, ""); sub(/ \.\.\. FAILED$/, ""); print "    " binary ": " $0 }
  /^error: [0-9]+ targets? failed:/ { listing = 1; next }
  listing && /^    `/ { gsub(/`/, ""); targets = targets (targets ? ", " : "") substr($0, 5) }
  END { if (targets) print "    failed test binaries: " targets }
' "$test_log")
rm -f "$test_log"
if [ "$status" -ne 0 ]; then
  log "FAILED (cargo test exit $status):"
  printf '%s\n' "${failures:-    (no test named itself failed: see the output above)}" >&2
  exit "$status"
fi
if [ ${#asked[@]} -gt 0 ]; then
  log "the tests asked for passed (${asked[*]})"
  exit 0
fi
# No MongoDB server can be installed from this machine's registries: the MongoDB store's
# integration test needs one given by MONGODB_URI (it may be remote, so not loopback-only).
if [ -n "${MONGODB_URI:-}" ]; then
  log "MongoDB store against \$MONGODB_URI"
  cargo test --frozen --features mongo --test mongo
else
  log "MongoDB store integration test SKIPPED: MONGODB_URI is not set (unit tests of its documents ran)"
fi
log "all tests passed"
