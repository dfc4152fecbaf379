#!/usr/bin/env bash
# Colour-matching campaigns (issue 22), in two parts:
# 1. the optimisers: steps to come within ΔE 5 of the target, Bayesian (egobox EGO) against
#    random search with the same budget, over SEEDS seeds, on the sensor stand-in's answer
#    (the paint model with its 1 % noise, computed in process: examples/campaign_steps.rs);
# 2. a real campaign of STEPS steps on a local Prefect server, an ot2ctl worker on the
#    simulated robot (Opentrons' analyzer), mosquitto and the stand-in at the device's 5 s
#    pace: the time per step split into robot, sensor and optimiser (bench/campaign_bench.py).
# Usage: bench/campaign.sh [SEEDS] [STEPS]   (default 10 seeds, 4 steps)
set -euo pipefail
source "$(dirname "$0")/../scripts/lib/env.sh"
cd "$OT2CTL_ROOT"

seeds=${1:-10}
steps=${2:-4}
target='#7a4e2d'
log "building ot2ctl, the stand-in and the optimiser bench (release)"
cargo build --release --quiet --bins --example campaign_steps
log "part 1: steps to ΔE < 5 of $target, $seeds seeds, budget 24"
target/release/examples/campaign_steps "$target" 24 "$seeds"

ensure_venv
ensure_opentrons_venv
ensure_mosquitto
bench_home=$(mktemp -d "${TMPDIR:-/tmp}/ot2ctl-campaign-bench.XXXXXX")
trap 'kill "${worker_pid:-}" 2>/dev/null; stop_prefect_server; stop_sensor; rm -rf "$bench_home"' EXIT
trap 'exit 130' INT TERM
start_prefect_server
start_sensor 5
export OT2CTL_HOME="$bench_home" PREFECT_HOME="$bench_home/prefect" PREFECT_API_URL="$PREFECT_SERVER_URL"
ot2ctl=target/release/ot2ctl
env "${LOOPBACK_ONLY[@]}" $ot2ctl lab setup lab.yaml >/dev/null
env "${LOOPBACK_ONLY[@]}" $ot2ctl deploy --prefect-file prefect.yaml.example --all >/dev/null
env "${LOOPBACK_ONLY[@]}" $ot2ctl inventory init 15 15 15 --local >/dev/null
env "${LOOPBACK_ONLY[@]}" $ot2ctl plate new --local --yes >/dev/null
env "${LOOPBACK_ONLY[@]}" $ot2ctl worker start --pool ot2-device-pool --poll-seconds 1 \
  --protocols-dir protocols --opentrons-python "$OT2CTL_OPENTRONS_VENV/bin/python" \
  >"$bench_home/worker.log" 2>&1 &
worker_pid=$!
log "part 2: a campaign of $steps steps (the stand-in answers every 5 s, as the device does)"
env "${LOOPBACK_ONLY[@]}" $ot2ctl campaign start --target "$target" --budget "$steps" \
  --tolerance 0.1 --seed 1 >"$bench_home/campaign.log"
env "${LOOPBACK_ONLY[@]}" $ot2ctl campaign status -o json >"$bench_home/campaign.json"
env "${LOOPBACK_ONLY[@]}" "$OT2CTL_VENV/bin/python" bench/campaign_bench.py \
  --api-url "$PREFECT_SERVER_URL" --campaign "$bench_home/campaign.json"
