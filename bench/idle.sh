#!/usr/bin/env bash
# What idle and busy workers cost the shared server, ot2ctl's beside Prefect's
# (bench/idle_bench.py): a Prefect server on SQLite, the workers behind a pass-through nginx
# whose access log counts their requests (scripts/lib/env.sh start_nginx).
# Usage: bench/idle.sh [WORKERS] [RUNS] [idle_bench.py options...]   (defaults 10 and 50;
# REPEATS=3, CLAIMED=20; e.g. --kinds "no worker" ot2ctl --ot2ctl-args "--poll-seconds 60")
set -euo pipefail
source "$(dirname "$0")/../scripts/lib/env.sh"
cd "$OT2CTL_ROOT"

phase "building ot2ctl (release)" cargo build --release
ensure_venv
trap 'stop_nginx; stop_prefect_server' EXIT
trap 'exit 130' INT TERM
start_prefect_server
upstream=${PREFECT_SERVER_URL#http://}
start_nginx "${upstream%/api}"
bench_home=$(mktemp -d "${TMPDIR:-/tmp}/ot2ctl-idle.XXXXXX")
trap 'stop_nginx; stop_prefect_server; rm -rf "$bench_home"' EXIT
PREFECT_HOME="$bench_home/prefect" env "${LOOPBACK_ONLY[@]}" "$OT2CTL_VENV/bin/python" \
  bench/idle_bench.py --ot2ctl target/release/ot2ctl --prefect "$OT2CTL_VENV/bin/prefect" \
  --api "$PREFECT_SERVER_URL" --proxy "$NGINX_URL" --proxy-log "$NGINX_LOG" \
  --workers "${1:-10}" --runs "${2:-50}" --repeats "${REPEATS:-3}" --claimed "${CLAIMED:-20}" "${@:3}"
