#!/usr/bin/env bash
# The main job end to end on a fresh machine: build ot2ctl, start a local Prefect server,
# set up the lab's work pool and five queues from lab.yaml, show them (with ot2ctl and with
# the Python CLI), show that a second set-up changes nothing, then stop everything.
set -euo pipefail
source "$(dirname "$0")/lib/env.sh"
cd "$OT2CTL_ROOT"

log "building ot2ctl (release)"
cargo build --release --quiet
ot2ctl="$OT2CTL_ROOT/target/release/ot2ctl"

ensure_venv
trap stop_prefect_server EXIT
trap 'exit 130' INT TERM
start_prefect_server

# The demo never touches the user's own profiles.
demo_home=$(mktemp -d "${TMPDIR:-/tmp}/ot2ctl-demo.XXXXXX")
trap 'stop_prefect_server; rm -rf "$demo_home"' EXIT
export OT2CTL_HOME="$demo_home" PREFECT_HOME="$demo_home/prefect" PREFECT_API_URL="$PREFECT_SERVER_URL"

run() { printf '\n$ %s\n' "$*"; env "${LOOPBACK_ONLY[@]}" "$@"; }
run "$ot2ctl" lab setup lab.yaml --dry-run
run "$ot2ctl" lab setup lab.yaml
run "$ot2ctl" work-pool ls
run "$ot2ctl" work-queue ls --pool ot2-device-pool
run "$OT2CTL_VENV/bin/prefect" work-queue ls --pool ot2-device-pool
run "$ot2ctl" lab setup lab.yaml
printf '\nThe lab is set up on %s; the server is stopped now.\n' "$PREFECT_SERVER_URL"
