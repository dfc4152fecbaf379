# Shared by scripts/ and bench/: the project-local Python venvs, throw-away servers on free
# loopback ports (Prefect, robot-server, PostgreSQL) and the robot build's tools. Source it;
# do not run it.

OT2CTL_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
# The Prefect the suite runs against: 3.8.8 (pinned, python/constraints.txt) unless
# OT2CTL_PREFECT_VERSION names another release (e.g. 3.9.1), installed from PyPI into a venv
# of its own with whatever dependencies that release asks for.
OT2CTL_PREFECT_VERSION=${OT2CTL_PREFECT_VERSION:-}
if [ -n "$OT2CTL_PREFECT_VERSION" ]; then
  OT2CTL_VENV="$OT2CTL_ROOT/.venv-prefect-$OT2CTL_PREFECT_VERSION"
else
  OT2CTL_VENV="$OT2CTL_ROOT/.venv"
fi
# opentrons 8.2.0 needs pydantic 1 and prefect 3.8 needs pydantic 2: two venvs.
OT2CTL_OPENTRONS_VENV="$OT2CTL_ROOT/.venv-opentrons"
OT2CTL_MONGOMOCK_VENV="$OT2CTL_ROOT/.venv-mongomock"
PYTHON=${PYTHON:-python3}

# What the harness starts (the server, the tests) must not reach beyond 127.0.0.1: a proxy on
# a closed port makes outbound HTTP(S) fail at once (the Prefect server then falls back to its
# bundled collection data). Installing (pip, cargo) happens before, without it.
LOOPBACK_ONLY=(
  HTTP_PROXY=http://127.0.0.1:9 HTTPS_PROXY=http://127.0.0.1:9
  http_proxy=http://127.0.0.1:9 https_proxy=http://127.0.0.1:9
  NO_PROXY=127.0.0.1,localhost no_proxy=127.0.0.1,localhost
  PREFECT_SERVER_ANALYTICS_ENABLED=false DO_NOT_TRACK=1
)

log() { printf '==> %s\n' "$*" >&2; }

# "1m05s" for a number of seconds.
duration() { printf '%dm%02ds' $(($1 / 60)) $(($1 % 60)); }

# Runs a long step (a build, an install) so that it is never silent and never noisy: its output
# goes to a log, shown only if it fails; meanwhile the elapsed time is shown, on a terminal on
# one line rewritten every second, elsewhere (CI) as a line every 30 s. The command's stdout is
# passed through at the end (build-robot.sh prints the binary's path).
# Usage: phase "what it does" command [arguments...]
phase() {
  local what=$1 started=$SECONDS status=0 out err pid elapsed next_note=30
  shift
  out=$(mktemp) err=$(mktemp)
  log "$what"
  "$@" >"$out" 2>"$err" &
  pid=$!
  while kill -0 "$pid" 2>/dev/null; do
    sleep 1
    elapsed=$((SECONDS - started))
    if [ -t 2 ]; then
      printf '\r    … %s' "$(duration "$elapsed")" >&2
    elif [ "$elapsed" -ge "$next_note" ]; then
      printf '    … %s: %s\n' "$what" "$(duration "$elapsed")" >&2
      next_note=$((next_note + 30))
    fi
  done
  wait "$pid" || status=$?
  [ -t 2 ] && printf '\r\033[K' >&2
  if [ "$status" -ne 0 ]; then
    tail -n 200 "$err" >&2
    log "$what: FAILED after $(duration $((SECONDS - started))) (exit $status; the last lines of its output are above)"
    rm -f "$out" "$err"
    return "$status"
  fi
  cat "$out"
  log "$what: done in $(duration $((SECONDS - started)))"
  rm -f "$out" "$err"
}

# Watches a test log that streams (cargo test): when it has not grown for 10 s, says which test
# binary is still running and for how long, then again every 10 s, so that one long test (a
# campaign, a fleet: 20-60 s) is not mistaken for a hang. It stops by itself when the log is
# gone or the script that started it has ended. Usage: watch_quiet LOG &
watch_quiet() {
  local file=$1 parent=$$ started=$SECONDS size last=-1 quiet=0 binary
  while sleep 1; do
    kill -0 "$parent" 2>/dev/null || return 0
    size=$(stat -c %s "$file" 2>/dev/null) || return 0
    if [ "$size" != "$last" ]; then
      last=$size quiet=0
      continue
    fi
    quiet=$((quiet + 1))
    [ $((quiet % 10)) -eq 0 ] || continue
    binary=$(awk '/^ *Running / { b = ($2 == "unittests" ? $3 : $2) } END { print b }' "$file")
    printf '    … %s still running (quiet for %ds; cargo test for %s)\n' \
      "${binary:-cargo test}" "$quiet" "$(duration $((SECONDS - started)))" >&2
  done
}

# Creates a venv from pinned requirements, or reuses it when the pins have not changed.
# Arguments: venv directory, requirements file, constraints file, what it is for.
ensure_pinned_venv() {
  local venv=$1 requirements=$2 constraints=$3 purpose=$4
  local stamp="$venv/.ot2ctl-pins"
  local pins
  pins=$(cat "$requirements" "$constraints" | sha256sum | cut -d' ' -f1)
  if [ -x "$venv/bin/python" ] && [ "$(cat "$stamp" 2>/dev/null)" = "$pins" ]; then
    return 0
  fi
  rm -rf "$venv"
  phase "creating $(basename "$venv") with $purpose (first run only)" \
    pinned_install "$venv" "$requirements" "$constraints"
  echo "$pins" >"$stamp"
}

pinned_install() {
  "$PYTHON" -m venv "$1" &&
    "$1/bin/pip" install --quiet --disable-pip-version-check -r "$2" -c "$3"
}

# .venv: the pinned Python prefect (server, CLI, engine for Python flows); or, with
# OT2CTL_PREFECT_VERSION, .venv-prefect-<version>.
ensure_venv() {
  if [ -n "$OT2CTL_PREFECT_VERSION" ]; then
    local pins="$OT2CTL_ROOT/.cache/prefect-$OT2CTL_PREFECT_VERSION"
    mkdir -p "$pins"
    echo "prefect==$OT2CTL_PREFECT_VERSION" >"$pins/requirements.txt"
    : >"$pins/constraints.txt"
    ensure_pinned_venv "$OT2CTL_VENV" "$pins/requirements.txt" "$pins/constraints.txt" \
      "prefect $OT2CTL_PREFECT_VERSION from PyPI"
  else
    ensure_pinned_venv "$OT2CTL_VENV" "$OT2CTL_ROOT/python/requirements.txt" \
      "$OT2CTL_ROOT/python/constraints.txt" "the pinned Python prefect"
  fi
  # DO_NOT_TRACK: importing prefect on a terminal prints its telemetry notice otherwise.
  log "Python prefect $(DO_NOT_TRACK=1 "$OT2CTL_VENV/bin/python" -c 'import prefect; print(prefect.__version__)')"
}

# .venv-opentrons: the pinned opentrons, whose analyzer simulates OT-2 protocols.
ensure_opentrons_venv() {
  ensure_pinned_venv "$OT2CTL_OPENTRONS_VENV" "$OT2CTL_ROOT/python/opentrons-requirements.txt" \
    "$OT2CTL_ROOT/python/opentrons-constraints.txt" "the pinned opentrons simulator"
}

# .venv-mongomock: an in-memory MongoDB (mongomock, pymongo's API) for the plate's document
# test, which holds ot2ctl's well documents against the lab's own.
ensure_mongomock_venv() {
  ensure_pinned_venv "$OT2CTL_MONGOMOCK_VENV" "$OT2CTL_ROOT/python/mongomock-requirements.txt" \
    "$OT2CTL_ROOT/python/mongomock-constraints.txt" "mongomock, an in-memory MongoDB"
}

free_port() {
  "$OT2CTL_VENV/bin/python" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# Waits until PROBE (a command and its arguments) succeeds, or fails when process PID has
# exited or 180 s have passed, showing the end of LOG; says every 10 s that it waits.
# Usage: wait_until WHAT PID LOG PROBE...
wait_until() {
  local what=$1 pid=$2 logfile=$3 waited=0
  shift 3
  until "$@" >/dev/null 2>&1; do
    if ! kill -0 "$pid" 2>/dev/null || [ "$waited" -ge 180 ]; then
      log "$what did not answer; the last lines of its log:"
      tail -n 40 "$logfile" >&2
      return 1
    fi
    sleep 1
    waited=$((waited + 1))
    [ $((waited % 10)) -eq 0 ] && log "… waiting for $what to answer (${waited} s)"
  done
  log "$what ready after ${waited} s"
}

# Waits until URL answers (curl -sf, with any more curl options given); see wait_until.
# Usage: wait_answering WHAT URL PID LOG [curl options...]
wait_answering() {
  local what=$1 url=$2 pid=$3 logfile=$4
  shift 4
  wait_until "$what" "$pid" "$logfile" curl -sf --noproxy '*' "$@" "$url"
}

# Succeeds when something listens on 127.0.0.1:PORT.
tcp_listening() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

# Stops a process started with setsid, with its whole process group: SIGTERM, and SIGKILL
# for whatever is left after 10 s (some shutdowns hang).
stop_group() {
  local pid=$1
  if [ -z "$pid" ] || ! kill -0 "$pid" 2>/dev/null; then
    return 0
  fi
  kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
  for _ in $(seq 1 20); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.5
  done
  kill -KILL -- "-$pid" 2>/dev/null || true
}

# Starts `prefect server start` with its own PREFECT_HOME on a free loopback port and waits
# until it answers. Sets PREFECT_SERVER_URL (the API URL), PREFECT_SERVER_PID and
# PREFECT_SERVER_HOME. Extra environment for the server can be passed as NAME=VALUE arguments.
start_prefect_server() {
  local port
  port=$(free_port)
  PREFECT_SERVER_HOME=$(mktemp -d "${TMPDIR:-/tmp}/ot2ctl-prefect.XXXXXX")
  PREFECT_SERVER_URL="http://127.0.0.1:$port/api"
  log "starting a Prefect server on 127.0.0.1:$port (PREFECT_HOME=$PREFECT_SERVER_HOME)"
  # export, not env(1): the extra settings hold secrets (the auth string, a database password)
  # that must not be on any process's argv, even env's for a moment.
  (
    export "${LOOPBACK_ONLY[@]}" PREFECT_HOME="$PREFECT_SERVER_HOME" PREFECT_SERVER_UI_ENABLED=false \
      PREFECT_SERVER_LOGGING_LEVEL=WARNING "$@"
    exec setsid "$OT2CTL_VENV/bin/prefect" server start --host 127.0.0.1 --port "$port" \
      >"$PREFECT_SERVER_HOME/server.log" 2>&1
  ) &
  PREFECT_SERVER_PID=$!
  wait_answering "the Prefect server" "$PREFECT_SERVER_URL/health" "$PREFECT_SERVER_PID" \
    "$PREFECT_SERVER_HOME/server.log"
  export PREFECT_SERVER_URL PREFECT_SERVER_PID PREFECT_SERVER_HOME
}

# Stops the server started above (its whole process group) and removes its PREFECT_HOME.
stop_prefect_server() {
  stop_group "${PREFECT_SERVER_PID:-}"
  if [ -n "${PREFECT_SERVER_HOME:-}" ]; then
    rm -rf "$PREFECT_SERVER_HOME"
  fi
  PREFECT_SERVER_PID=
  PREFECT_SERVER_HOME=
}

# Opentrons' robot-server 8.1.0 (the OT-2's HTTP API) runs in simulation for the robot tests
# and the demo's OT2CTL_DEMO_ROBOT=real. It needs Python 3.10 (it does not import on 3.11) and
# its own venv; its source is on no registry.
OT2CTL_ROBOT_SERVER_VENV="$OT2CTL_ROOT/.venv-robot-server"
OT2CTL_ROBOT_SERVER_TAG=v8.1.0

# Prints a Python 3.10 interpreter: $OT2CTL_PYTHON310, python3.10 on PATH, or pyenv's.
python310() {
  local candidate
  for candidate in "${OT2CTL_PYTHON310:-}" python3.10 \
      "$(pyenv root 2>/dev/null)"/versions/3.10.*/bin/python3.10; do
    [ -n "$candidate" ] || continue
    if "$candidate" -c 'import sys, venv; assert sys.version_info[:2] == (3, 10)' 2>/dev/null; then
      command -v "$candidate"
      return 0
    fi
  done
  log "robot-server needs Python 3.10 with venv, and none was found: install it (pyenv install 3.10.13," \
    "or your system's python3.10 and python3.10-venv) or point OT2CTL_PYTHON310 at one"
  return 1
}

# Prints the directory holding robot-server/ and server-utils/ of Opentrons 8.1.0: the
# project's sibling ../shared/opentrons-8.1.0, else $OT2CTL_ROBOT_SERVER_SRC, else a git
# checkout of tag v8.1.0 of Opentrons/opentrons kept in .cache/ (fetched once).
robot_server_source() {
  local dir
  for dir in "$OT2CTL_ROOT/../shared/opentrons-8.1.0" "${OT2CTL_ROBOT_SERVER_SRC:-}"; do
    if [ -n "$dir" ] && [ -d "$dir/robot-server/robot_server" ] && [ -d "$dir/server-utils/server_utils" ]; then
      (cd "$dir" && pwd)
      return 0
    fi
  done
  if [ -n "${OT2CTL_ROBOT_SERVER_SRC:-}" ]; then
    log "OT2CTL_ROBOT_SERVER_SRC=$OT2CTL_ROBOT_SERVER_SRC has no robot-server/robot_server and" \
      "server-utils/server_utils: point it at a checkout of Opentrons/opentrons $OT2CTL_ROBOT_SERVER_TAG"
    return 1
  fi
  local checkout="$OT2CTL_ROOT/.cache/opentrons-$OT2CTL_ROBOT_SERVER_TAG"
  if [ ! -d "$checkout/robot-server/robot_server" ]; then
    log "fetching robot-server from Opentrons/opentrons at $OT2CTL_ROBOT_SERVER_TAG (first run only)"
    rm -rf "$checkout.partial"
    mkdir -p "$(dirname "$checkout")"
    if ! git clone --quiet --depth 1 --branch "$OT2CTL_ROBOT_SERVER_TAG" --filter=blob:none --sparse \
          https://github.com/Opentrons/opentrons.git "$checkout.partial" ||
       ! git -C "$checkout.partial" sparse-checkout set robot-server server-utils; then
      rm -rf "$checkout.partial"
      log "cannot get robot-server's source: no ../shared/opentrons-8.1.0, no OT2CTL_ROBOT_SERVER_SRC," \
        "and git could not fetch tag $OT2CTL_ROBOT_SERVER_TAG of https://github.com/Opentrons/opentrons;" \
        "check the network, or clone that tag yourself and set OT2CTL_ROBOT_SERVER_SRC to it"
      return 1
    fi
    mv "$checkout.partial" "$checkout"
  fi
  echo "$checkout"
}

# Makes sure robot-server can start: sets and exports OT2CTL_ROBOT_SERVER_PYTHON (its venv's
# Python) and OT2CTL_ROBOT_SERVER_SRC (its source), which scripts/robot-server.sh reads.
ensure_robot_server() {
  local python src
  python=$(python310) || return 1
  src=$(robot_server_source) || return 1
  PYTHON="$python" ensure_pinned_venv "$OT2CTL_ROBOT_SERVER_VENV" \
    "$OT2CTL_ROOT/python/robot-server-requirements.txt" \
    "$OT2CTL_ROOT/python/robot-server-constraints.txt" "robot-server's dependencies (Python 3.10)"
  OT2CTL_ROBOT_SERVER_PYTHON="$OT2CTL_ROBOT_SERVER_VENV/bin/python"
  OT2CTL_ROBOT_SERVER_SRC="$src"
  export OT2CTL_ROBOT_SERVER_PYTHON OT2CTL_ROBOT_SERVER_SRC
}

# Starts robot-server (scripts/robot-server.sh) on a free loopback port with a fresh state
# directory and waits until it answers. Sets ROBOT_SERVER_URL, ROBOT_SERVER_PID and
# ROBOT_SERVER_STATE. Needs ensure_robot_server first.
start_robot_server() {
  local port
  port=$(free_port)
  ROBOT_SERVER_STATE=$(mktemp -d "${TMPDIR:-/tmp}/ot2ctl-robot-server.XXXXXX")
  ROBOT_SERVER_URL="http://127.0.0.1:$port"
  log "starting Opentrons' robot-server (simulated OT-2) on 127.0.0.1:$port"
  env "${LOOPBACK_ONLY[@]}" setsid "$OT2CTL_ROOT/scripts/robot-server.sh" "$port" "$ROBOT_SERVER_STATE" \
    >"$ROBOT_SERVER_STATE/server.log" 2>&1 &
  ROBOT_SERVER_PID=$!
  wait_answering robot-server "$ROBOT_SERVER_URL/health" "$ROBOT_SERVER_PID" \
    "$ROBOT_SERVER_STATE/server.log" -H 'Opentrons-Version: *'
  export ROBOT_SERVER_URL ROBOT_SERVER_PID ROBOT_SERVER_STATE
}

# Stops the robot-server started above (its process group; it is killed after 10 s, as its
# own shutdown can hang) and removes its state.
stop_robot_server() {
  stop_group "${ROBOT_SERVER_PID:-}"
  if [ -n "${ROBOT_SERVER_STATE:-}" ]; then
    rm -rf "$ROBOT_SERVER_STATE"
  fi
  ROBOT_SERVER_PID=
  ROBOT_SERVER_STATE=
}

# Installs a Debian package with apt-get (as root) when a tool is missing; says what to do
# when that is not possible.
apt_install() {
  phase "installing Debian's $1 (first run only)" \
    env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$1" ||
    { log "cannot install $1: run 'apt-get install $1' as root"; return 1; }
}

# Tools of the robot's ARM build (scripts/build-robot.sh), kept like .venv.
ROBOT_TOOLS="$OT2CTL_ROOT/.cache/robot-tools"
ZIG_VERSION=0.13.0

# zig from PyPI's ziglang (a C cross compiler and linker for the ARM build), installed under
# ROBOT_TOOLS once. Sets ZIG.
ensure_zig() {
  ZIG="$ROBOT_TOOLS/zig-$ZIG_VERSION/ziglang/zig"
  [ -x "$ZIG" ] && return
  rm -rf "$ROBOT_TOOLS/zig-$ZIG_VERSION.partial"
  phase "installing zig $ZIG_VERSION from PyPI into $ROBOT_TOOLS (first run only)" \
    "$PYTHON" -m pip install --quiet --disable-pip-version-check --no-compile \
    --target "$ROBOT_TOOLS/zig-$ZIG_VERSION.partial" "ziglang==$ZIG_VERSION"
  rm -rf "$ROBOT_TOOLS/zig-$ZIG_VERSION"
  mv "$ROBOT_TOOLS/zig-$ZIG_VERSION.partial" "$ROBOT_TOOLS/zig-$ZIG_VERSION"
}

# qemu-arm-static from Debian's qemu-user-static (installed with apt-get when missing): runs the
# robot's ARM binary here. Sets QEMU_ARM.
ensure_qemu_arm() {
  QEMU_ARM=$(command -v qemu-arm-static || true)
  if [ -z "$QEMU_ARM" ]; then
    apt_install qemu-user-static
    QEMU_ARM=$(command -v qemu-arm-static)
  fi
}

# Debian's mosquitto (installed with apt-get when missing): the colour sensor's MQTT broker,
# which the sensor tests and the demo start themselves through scripts/mosquitto.sh. The
# package's own service is not wanted: where an init system started it, it is stopped.
ensure_mosquitto() {
  if [ ! -x /usr/sbin/mosquitto ] && ! command -v mosquitto >/dev/null; then
    apt_install mosquitto
    if command -v systemctl >/dev/null && systemctl is-active --quiet mosquitto 2>/dev/null; then
      systemctl stop mosquitto || true
    fi
  fi
}

# Starts Debian's mosquitto (scripts/mosquitto.sh) on a free loopback port with TLS, a test CA
# and a random password, and the colour sensor's stand-in on it ($SENSOR_STAND_IN, else
# target/release's ot2ctl-sensor-stand-in, looking for requests every $1 seconds). Exports the OT2CTL_MQTT_*
# and OT2CTL_SENSOR_* settings a worker reads (the password only in the environment).
start_sensor() {
  local poll=${1:-5} port
  local stand_in=${SENSOR_STAND_IN:-$OT2CTL_ROOT/target/release/ot2ctl-sensor-stand-in}
  [ -x "$stand_in" ] || { log "the sensor's stand-in $stand_in is not built (cargo build --release --bins)"; return 1; }
  port=$(free_port)
  SENSOR_DIR=$(mktemp -d "${TMPDIR:-/tmp}/ot2ctl-mosquitto.XXXXXX")
  export OT2CTL_MQTT_HOST=127.0.0.1 OT2CTL_MQTT_PORT=$port OT2CTL_MQTT_USERNAME=lab \
    OT2CTL_MQTT_PASSWORD=$(od -An -N12 -tx1 /dev/urandom | tr -d ' \n') \
    OT2CTL_MQTT_CA_FILE=$SENSOR_DIR/ca.pem OT2CTL_SENSOR_ID=picow-demo
  log "starting mosquitto on 127.0.0.1:$port and the colour sensor's stand-in"
  setsid "$OT2CTL_ROOT/scripts/mosquitto.sh" "$port" "$SENSOR_DIR" >"$SENSOR_DIR/broker.log" 2>&1 &
  BROKER_PID=$!
  wait_until mosquitto "$BROKER_PID" "$SENSOR_DIR/broker.log" tcp_listening "$port" || return 1
  "$stand_in" --poll-seconds "$poll" \
    >"$SENSOR_DIR/stand-in.log" 2>&1 &
  STAND_IN_PID=$!
}

stop_sensor() {
  [ -n "${STAND_IN_PID:-}" ] && kill "$STAND_IN_PID" 2>/dev/null || true
  [ -n "${BROKER_PID:-}" ] && { kill -TERM -- "-$BROKER_PID" 2>/dev/null || kill "$BROKER_PID" 2>/dev/null || true; }
  [ -n "${SENSOR_DIR:-}" ] && rm -rf "$SENSOR_DIR"
  STAND_IN_PID= BROKER_PID= SENSOR_DIR=
}

# Runs a PostgreSQL command as the postgres user when we are root (PostgreSQL refuses root).
as_postgres() {
  if [ "$(id -u)" = 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

# Starts a PostgreSQL server of its own (Debian's postgresql; installed with apt-get when it is
# missing) on a free loopback port with a fresh data directory, and a `prefect` database with
# a random password. Sets POSTGRES_URL (an asyncpg URL for PREFECT_API_DATABASE_CONNECTION_URL;
# it holds the password: never print it) and POSTGRES_DIR.
start_postgres() {
  local bin port password
  bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  if [ -z "$bin" ]; then
    apt_install postgresql
    bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
  fi
  POSTGRES_DIR=$(mktemp -d "${TMPDIR:-/tmp}/ot2ctl-postgres.XXXXXX")
  chmod 0700 "$POSTGRES_DIR"
  [ "$(id -u)" = 0 ] && chown postgres: "$POSTGRES_DIR"
  port=$(free_port)
  password=$("$OT2CTL_VENV/bin/python" -c 'import secrets; print(secrets.token_hex(16))')
  (umask 077 && printf '%s\n' "$password" >"$POSTGRES_DIR/pwfile")
  [ "$(id -u)" = 0 ] && chown postgres: "$POSTGRES_DIR/pwfile"
  log "starting PostgreSQL on 127.0.0.1:$port ($POSTGRES_DIR)"
  as_postgres "$bin/initdb" -D "$POSTGRES_DIR/data" -U prefect --pwfile="$POSTGRES_DIR/pwfile" \
    --auth=scram-sha-256 >"$POSTGRES_DIR/initdb.log" 2>&1 ||
    { tail -n 20 "$POSTGRES_DIR/initdb.log" >&2; return 1; }
  rm -f "$POSTGRES_DIR/pwfile"
  as_postgres "$bin/pg_ctl" -D "$POSTGRES_DIR/data" -l "$POSTGRES_DIR/server.log" -w \
    -o "-p $port -k $POSTGRES_DIR -c listen_addresses=127.0.0.1 -c max_connections=300" start \
    >/dev/null || { tail -n 20 "$POSTGRES_DIR/server.log" >&2; return 1; }
  # Through the environment, not the command line, which any user can read.
  PGPASSWORD="$password" as_postgres "$bin/createdb" -h 127.0.0.1 -p "$port" -U prefect prefect
  POSTGRES_BIN=$bin
  POSTGRES_URL="postgresql+asyncpg://prefect:$password@127.0.0.1:$port/prefect"
  export POSTGRES_URL POSTGRES_DIR POSTGRES_BIN
}

# Stops the PostgreSQL server started above and removes its data.
stop_postgres() {
  if [ -n "${POSTGRES_DIR:-}" ] && [ -d "$POSTGRES_DIR/data" ]; then
    as_postgres "$POSTGRES_BIN/pg_ctl" -D "$POSTGRES_DIR/data" -m fast -w stop >/dev/null 2>&1 || true
  fi
  [ -n "${POSTGRES_DIR:-}" ] && rm -rf "$POSTGRES_DIR"
  POSTGRES_DIR=
}

# Starts nginx (Debian's nginx-light, installed with apt-get when missing) on a free loopback
# port in front of the given upstreams (host:port ...), configured as Prefect's self-hosting
# guide does (least_conn, WebSocket upgrade for /api/events/*), with an access log of one line
# per request: "<time> <upstream> <method> <path> <status> <user agent>" (a WebSocket is
# logged when it closes). With one upstream it is a pass-through counter of what a client
# sends. Sets NGINX_URL (the API URL through it), NGINX_LOG, NGINX_PID, NGINX_DIR.
start_nginx() {
  command -v nginx >/dev/null || apt_install nginx-light
  local port upstreams="" upstream
  port=$(free_port)
  NGINX_DIR=$(mktemp -d "${TMPDIR:-/tmp}/ot2ctl-nginx.XXXXXX")
  NGINX_LOG="$NGINX_DIR/access.log"
  NGINX_URL="http://127.0.0.1:$port/api"
  for upstream in "$@"; do
    upstreams+="    server $upstream max_fails=3 fail_timeout=30s;"$'\n'
  done
  mkdir -p "$NGINX_DIR/tmp"
  # Its worker process runs as nobody when started by root.
  [ "$(id -u)" = 0 ] && chown nobody "$NGINX_DIR/tmp"
  cat >"$NGINX_DIR/nginx.conf" <<CONF
worker_processes 1;
pid $NGINX_DIR/nginx.pid;
error_log $NGINX_DIR/error.log warn;
events { worker_connections 4096; }
http {
  log_format counted '\$msec \$upstream_addr \$request_method \$uri \$status "\$http_user_agent"';
  access_log $NGINX_LOG counted;
  client_body_temp_path $NGINX_DIR/tmp/body;
  proxy_temp_path $NGINX_DIR/tmp/proxy;
  fastcgi_temp_path $NGINX_DIR/tmp/fastcgi;
  uwsgi_temp_path $NGINX_DIR/tmp/uwsgi;
  scgi_temp_path $NGINX_DIR/tmp/scgi;
  map \$http_upgrade \$connection_upgrade { default upgrade; '' ''; }
  upstream prefect_api {
    least_conn;
$upstreams    keepalive 64;
  }
  server {
    listen 127.0.0.1:$port;
    location / {
      proxy_pass http://prefect_api;
      proxy_http_version 1.1;
      proxy_set_header Host \$host;
      proxy_set_header Upgrade \$http_upgrade;
      proxy_set_header Connection \$connection_upgrade;
      proxy_read_timeout 1h;
    }
  }
}
CONF
  log "starting nginx on 127.0.0.1:$port in front of $*"
  setsid nginx -p "$NGINX_DIR" -c "$NGINX_DIR/nginx.conf" -g 'daemon off;' \
    >"$NGINX_DIR/stderr.log" 2>&1 &
  NGINX_PID=$!
  # Its start-up errors ("[emerg] ...") go to stderr.
  wait_answering nginx "$NGINX_URL/health" "$NGINX_PID" "$NGINX_DIR/stderr.log"
  export NGINX_URL NGINX_LOG NGINX_PID NGINX_DIR
}

# Stops the nginx started above and removes its files.
stop_nginx() {
  stop_group "${NGINX_PID:-}"
  if [ -n "${NGINX_DIR:-}" ]; then
    rm -rf "$NGINX_DIR"
  fi
  NGINX_PID= NGINX_DIR=
}
