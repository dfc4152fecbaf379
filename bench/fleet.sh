#!/usr/bin/env bash
# The worker at lab scale (bench/fleet_bench.py): a fleet of ot2ctl workers and hundreds of
# runs against a Prefect server on SQLite, then on PostgreSQL (Debian's postgresql, started on
# a loopback port with a data directory of its own, installed with apt-get when missing), and a
# burst of Python runs to one worker, ot2ctl's and Prefect's, with default settings.
# Usage: bench/fleet.sh [WORKERS] [RUNS]   (defaults 10 and 300; BURST=50,
# SECONDS_OF_ARRIVALS=120, DATABASES="SQLite PostgreSQL")
set -euo pipefail
source "$(dirname "$0")/../scripts/lib/env.sh"
cd "$OT2CTL_ROOT"

log "building ot2ctl (release)"
cargo build --release --quiet
ensure_venv
trap 'stop_prefect_server; stop_postgres' EXIT
trap 'exit 130' INT TERM
bench_home=$(mktemp -d "${TMPDIR:-/tmp}/ot2ctl-fleet.XXXXXX")
trap 'stop_prefect_server; stop_postgres; rm -rf "$bench_home"' EXIT
export OT2CTL_HOME="$bench_home" PREFECT_HOME="$bench_home/prefect"

fleet() {
  PREFECT_API_URL="$PREFECT_SERVER_URL" env "${LOOPBACK_ONLY[@]}" "$OT2CTL_VENV/bin/python" \
    bench/fleet_bench.py --ot2ctl target/release/ot2ctl --prefect "$OT2CTL_VENV/bin/prefect" \
    --api-url "$PREFECT_SERVER_URL" --workers "${1:-10}" --runs "${2:-300}" \
    --seconds "${SECONDS_OF_ARRIVALS:-120}" "${@:3}"
}

for database in ${DATABASES:-SQLite PostgreSQL}; do
  case $database in
    SQLite)
      start_prefect_server
      fleet "${1:-10}" "${2:-300}" --label SQLite --burst 0 ;;
    PostgreSQL)
      start_postgres
      start_prefect_server PREFECT_API_DATABASE_CONNECTION_URL="$POSTGRES_URL"
      fleet "${1:-10}" "${2:-300}" --label PostgreSQL --burst "${BURST:-50}" ;;
  esac
  stop_prefect_server
done
