#!/usr/bin/env bash
# Benchmarks ot2ctl against the Python `prefect` CLI (and a bare curl), in one run against one
# local Prefect server: median wall time and peak memory of `work-pool ls` and `work-queue ls`,
# then the worker against `prefect worker start` on one trivial deployment, then
# pickup and cancellation with both workers' default settings, then `deploy --all` of 50
# generated deployments, then the robot path against Opentrons' real
# robot-server (simulated): flow-run creation to the robot's first command, upload + analysis.
# Usage: bench/run.sh [RUNS]   (default 15 runs per command, after 2 warm-up runs)
set -euo pipefail
source "$(dirname "$0")/../scripts/lib/env.sh"
cd "$OT2CTL_ROOT"

log "building ot2ctl (release)"
cargo build --release --quiet
ensure_venv
ensure_robot_server
trap 'stop_prefect_server; stop_robot_server' EXIT
trap 'exit 130' INT TERM
start_prefect_server
start_robot_server

bench_home=$(mktemp -d "${TMPDIR:-/tmp}/ot2ctl-bench.XXXXXX")
trap 'stop_prefect_server; stop_robot_server; rm -rf "$bench_home"' EXIT
export OT2CTL_HOME="$bench_home" PREFECT_HOME="$bench_home/prefect" PREFECT_API_URL="$PREFECT_SERVER_URL"
env "${LOOPBACK_ONLY[@]}" target/release/ot2ctl lab setup lab.yaml >/dev/null

env "${LOOPBACK_ONLY[@]}" "$OT2CTL_VENV/bin/python" bench/cli_latency.py \
  --ot2ctl target/release/ot2ctl --prefect "$OT2CTL_VENV/bin/prefect" \
  --api-url "$PREFECT_SERVER_URL" --pool ot2-device-pool --runs "${1:-15}"

env "${LOOPBACK_ONLY[@]}" "$OT2CTL_VENV/bin/python" bench/worker_bench.py \
  --ot2ctl target/release/ot2ctl --prefect "$OT2CTL_VENV/bin/prefect" \
  --api-url "$PREFECT_SERVER_URL" --runs "${WORKER_RUNS:-20}"

env "${LOOPBACK_ONLY[@]}" "$OT2CTL_VENV/bin/python" bench/pickup_bench.py \
  --ot2ctl target/release/ot2ctl --prefect "$OT2CTL_VENV/bin/prefect" \
  --api-url "$PREFECT_SERVER_URL" --runs "${PICKUP_RUNS:-10}" --cancels "${CANCELS:-5}"

env "${LOOPBACK_ONLY[@]}" "$OT2CTL_VENV/bin/python" bench/deploy_bench.py \
  --ot2ctl target/release/ot2ctl --prefect "$OT2CTL_VENV/bin/prefect" \
  --api-url "$PREFECT_SERVER_URL" --flows tests/fixtures/seed_project/flows.py

env "${LOOPBACK_ONLY[@]}" "$OT2CTL_VENV/bin/python" bench/robot_path.py \
  --ot2ctl target/release/ot2ctl --api-url "$PREFECT_SERVER_URL" --robot "$ROBOT_SERVER_URL" \
  --runs "${ROBOT_RUNS:-5}"
