#!/usr/bin/env bash
# The main job end to end on a fresh machine: build ot2ctl, start a local Prefect server,
# set up the lab's work pool and five queues from lab.yaml, deploy the lab's deployments from
# prefect.yaml.example, mix a colour on the simulated robot through the ot2ctl worker, show
# the run's log and result, then stop everything.
set -euo pipefail
source "$(dirname "$0")/lib/env.sh"
cd "$OT2CTL_ROOT"

log "building ot2ctl (release)"
cargo build --release --quiet
ot2ctl="$OT2CTL_ROOT/target/release/ot2ctl"

ensure_venv
ensure_opentrons_venv
trap stop_prefect_server EXIT
trap 'exit 130' INT TERM
start_prefect_server

# The demo never touches the user's own profiles.
demo_home=$(mktemp -d "${TMPDIR:-/tmp}/ot2ctl-demo.XXXXXX")
trap 'stop_prefect_server; rm -rf "$demo_home"' EXIT
export OT2CTL_HOME="$demo_home" PREFECT_HOME="$demo_home/prefect" PREFECT_API_URL="$PREFECT_SERVER_URL"

run() { printf '\n$ %s\n' "$*"; env "${LOOPBACK_ONLY[@]}" "$@"; }
run "$ot2ctl" lab setup lab.yaml
run "$ot2ctl" work-queue ls --pool ot2-device-pool
run "$ot2ctl" deploy --prefect-file prefect.yaml.example --all
run "$ot2ctl" deployment ls --pool ot2-device-pool
run "$ot2ctl" run mix-color/mix-color --param R=120 --param Y=50 --param B=80 --param mix_well=B2
run "$ot2ctl" worker start --pool ot2-device-pool --queue high-priority --run-once \
  --protocols-dir protocols --opentrons-python "$OT2CTL_OPENTRONS_VENV/bin/python"
run_id=$(env "${LOOPBACK_ONLY[@]}" "$ot2ctl" flow-run ls --flow-name mix-color --limit 1 -o json \
  | "$OT2CTL_VENV/bin/python" -c 'import json, sys; print(json.load(sys.stdin)[0]["id"])')
run "$ot2ctl" flow-run logs "$run_id" --tail -n 8
run "$ot2ctl" flow-run inspect "$run_id"
run "$OT2CTL_VENV/bin/prefect" flow-run inspect "$run_id"
printf '\nThe lab ran on %s; the server is stopped now.\n' "$PREFECT_SERVER_URL"
