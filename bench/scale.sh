#!/usr/bin/env bash
# Prefect scaled out as its self-hosting guide ("How to scale self-hosted Prefect") describes,
# from registry packages only, all on loopback: Debian's PostgreSQL, Redis and nginx (the load
# balancer), two API replicas (`prefect server start --no-services`) and one background
# services process (`prefect server services start`), Prefect 3.8.8 with prefect-redis for
# messaging, the event ordering, lease storage and Docket. Then:
#   1. the fleet bench (bench/fleet_bench.py: WORKERS ot2ctl workers, RUNS runs) on one
#      ordinary Prefect server on the same PostgreSQL, for the figures beside, and
#      bench/deploy_bench.py there (50 deployments, ot2ctl one write at a time, 2 and 8 at
#      once, beside the server's own floor for the same writes);
#   2. the same fleet against the load balancer, the workers' event streams spread over both
#      replicas (counted from the balancer's log), and the deploys through it;
#   3. bench/cross_replica.py: a worker whose API (its event stream too) is replica A picks up
#      runs created through replica B.
# Each reports pickup median/p95/max, doubles, unfinished, runs/s and the server side's CPU
# seconds per run (Prefect's processes, PostgreSQL and Redis).
# Usage: bench/scale.sh [WORKERS] [RUNS]   (defaults 10 and 300; SECONDS_OF_ARRIVALS=120,
# CROSS_RUNS=20)
set -euo pipefail
source "$(dirname "$0")/../scripts/lib/env.sh"
cd "$OT2CTL_ROOT"

PREFECT_REDIS_VERSION=0.3.0
workers=${1:-10} runs=${2:-300}

phase "building ot2ctl (release)" cargo build --release
ensure_venv
command -v redis-server >/dev/null || apt_install redis-server
# prefect-redis needs nothing the pinned .venv lacks (prefect >= 3.7.4, redis >= 8, both
# there): it goes into a directory of its own on the scaled-out processes' PYTHONPATH, so the
# suite's pinned .venv stays as it is.
prefect_redis="$OT2CTL_ROOT/.cache/prefect-redis-$PREFECT_REDIS_VERSION"
if [ ! -d "$prefect_redis/prefect_redis" ]; then
  phase "installing prefect-redis $PREFECT_REDIS_VERSION from PyPI (first run only)" \
    "$OT2CTL_VENV/bin/pip" install --quiet --disable-pip-version-check --no-deps \
    --target "$prefect_redis" "prefect-redis==$PREFECT_REDIS_VERSION"
fi

scale_dir=$(mktemp -d "${TMPDIR:-/tmp}/ot2ctl-scale.XXXXXX")
started=()
stop_all() {
  local pid
  for pid in "${started[@]}"; do
    stop_group "$pid"
  done
  started=()
}
trap 'stop_nginx; stop_all; stop_prefect_server; stop_postgres; rm -rf "$scale_dir"' EXIT
trap 'exit 130' INT TERM

# Starts a program in a session of its own (so that stop_all ends it with its children) with
# the settings given as NAME=VALUE before `--` exported, never on an argv (they hold the
# database password). Sets STARTED_PID. Usage: start NAME LOG [NAME=VALUE...] -- PROGRAM ARGS
start() {
  local name=$1 logfile=$2
  shift 2
  local settings=()
  while [ "$1" != -- ]; do settings+=("$1"); shift; done
  shift
  log "starting $name"
  (
    [ ${#settings[@]} -eq 0 ] || export "${settings[@]}"
    exec setsid "$@" >"$logfile" 2>&1
  ) &
  STARTED_PID=$!
  started+=("$STARTED_PID")
}

fleet() {
  local label=$1 api=$2
  shift 2
  PREFECT_API_URL="$api" env "${LOOPBACK_ONLY[@]}" "$OT2CTL_VENV/bin/python" \
    bench/fleet_bench.py --ot2ctl target/release/ot2ctl --prefect "$OT2CTL_VENV/bin/prefect" \
    --api-url "$api" --workers "$workers" --runs "$runs" \
    --seconds "${SECONDS_OF_ARRIVALS:-120}" --burst 0 --label "$label" "$@"
}

start_postgres
postgres_pid=$(head -n 1 "$POSTGRES_DIR/data/postmaster.pid")

# 1. One ordinary server (API and services in one process) on the same PostgreSQL.
start_prefect_server PREFECT_API_DATABASE_CONNECTION_URL="$POSTGRES_URL"
fleet "PostgreSQL, one server" "$PREFECT_SERVER_URL" \
  --server-pids "$PREFECT_SERVER_PID" "$postgres_pid"
# deploy --all of 50 new and unchanged deployments on PostgreSQL, where concurrent writes are
# not refused as on SQLite: ot2ctl's default (one write at a time), --concurrency 2 and 8, and
# the server's own floor for the same writes. Usage: deploys API (the pool is made by the first).
bench_home=$scale_dir/home
mkdir -p "$bench_home"
deploys() {
  OT2CTL_HOME="$bench_home" PREFECT_HOME="$bench_home/prefect" PREFECT_API_URL="$1" \
    env "${LOOPBACK_ONLY[@]}" "$OT2CTL_VENV/bin/python" bench/deploy_bench.py \
    --ot2ctl target/release/ot2ctl --prefect "$OT2CTL_VENV/bin/prefect" \
    --api-url "$1" --flows tests/fixtures/seed_project/flows.py --concurrency 2 8
}
OT2CTL_HOME="$bench_home" PREFECT_HOME="$bench_home/prefect" PREFECT_API_URL="$PREFECT_SERVER_URL" \
  env "${LOOPBACK_ONLY[@]}" target/release/ot2ctl lab setup lab.yaml >/dev/null
deploys "$PREFECT_SERVER_URL"
stop_prefect_server

# 2. Scaled out.
redis_port=$(free_port)
start redis "$scale_dir/redis.log" -- redis-server --bind 127.0.0.1 --port "$redis_port" \
  --save '' --appendonly no --dir "$scale_dir"
redis_pid=$STARTED_PID
for _ in $(seq 1 50); do
  redis-cli -p "$redis_port" ping >/dev/null 2>&1 && break
  sleep 0.2
done

# The settings of the guide, for every Prefect process.
prefect_settings=(
  "${LOOPBACK_ONLY[@]}"
  PYTHONPATH="$prefect_redis"
  PREFECT_HOME="$scale_dir/prefect"
  PREFECT_SERVER_UI_ENABLED=false
  PREFECT_SERVER_LOGGING_LEVEL=WARNING
  PREFECT_API_DATABASE_CONNECTION_URL="$POSTGRES_URL"
  PREFECT_API_DATABASE_MIGRATE_ON_START=false
  PREFECT_MESSAGING_BROKER=prefect_redis.messaging
  PREFECT_MESSAGING_CACHE=prefect_redis.messaging
  PREFECT_SERVER_EVENTS_CAUSAL_ORDERING=prefect_redis.ordering
  PREFECT_SERVER_CONCURRENCY_LEASE_STORAGE=prefect_redis.lease_storage
  PREFECT_REDIS_MESSAGING_HOST=127.0.0.1
  PREFECT_REDIS_MESSAGING_PORT="$redis_port"
  PREFECT_REDIS_MESSAGING_DB=0
  PREFECT_SERVER_DOCKET_URL="redis://127.0.0.1:$redis_port/1"
)
# The first server migrated the database already; the guide runs this before the replicas.
(export "${prefect_settings[@]}" && exec "$OT2CTL_VENV/bin/prefect" server database upgrade -y) \
  >"$scale_dir/migrate.log" 2>&1 || { tail -n 20 "$scale_dir/migrate.log" >&2; exit 1; }

replica_ports=() replica_pids=()
for replica in a b; do
  port=$(free_port)
  start "API replica $replica on 127.0.0.1:$port" "$scale_dir/replica-$replica.log" \
    "${prefect_settings[@]}" -- \
    "$OT2CTL_VENV/bin/prefect" server start --host 127.0.0.1 --port "$port" --no-services
  replica_ports+=("$port") replica_pids+=("$STARTED_PID")
done
start "the background services" "$scale_dir/services.log" "${prefect_settings[@]}" -- \
  "$OT2CTL_VENV/bin/prefect" server services start
services_pid=$STARTED_PID
for i in 0 1; do
  wait_answering "API replica $((i + 1))" "http://127.0.0.1:${replica_ports[$i]}/api/health" \
    "${replica_pids[$i]}" "$scale_dir/replica-$([ "$i" = 0 ] && echo a || echo b).log"
done

start_nginx "127.0.0.1:${replica_ports[0]}" "127.0.0.1:${replica_ports[1]}"
lb=$NGINX_URL

fleet "scaled out: nginx, 2 API replicas, services, PostgreSQL, Redis" "$lb" \
  --server-pids "${replica_pids[@]}" "$services_pid" "$postgres_pid" "$redis_pid"
# Where the workers' event streams went (one line per connection, logged when it closes; the
# fleet's workers have stopped by now).
printf '  workers'\'' event streams per replica:' >&2
for port in "${replica_ports[@]}"; do
  printf ' 127.0.0.1:%s %s' "$port" \
    "$(grep -c " 127.0.0.1:$port GET /api/events/out " "$NGINX_LOG" || true)" >&2
done
printf '\n' >&2

# The same deploys through the load balancer: writes in flight at once go to both replicas.
deploys "$lb"

# 3. Across replicas: the worker talks to replica A only, the runs are created through B.
env "${LOOPBACK_ONLY[@]}" "$OT2CTL_VENV/bin/python" bench/cross_replica.py \
  --ot2ctl target/release/ot2ctl --worker-api "http://127.0.0.1:${replica_ports[0]}/api" \
  --create-api "http://127.0.0.1:${replica_ports[1]}/api" --runs "${CROSS_RUNS:-20}"
