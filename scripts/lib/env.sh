# Shared by scripts/test.sh, scripts/demo.sh and bench/run.sh: the project-local Python venv
# and a throw-away Prefect server on a free loopback port. Source it; do not run it.

OT2CTL_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
OT2CTL_VENV="$OT2CTL_ROOT/.venv"
# opentrons 8.2.0 needs pydantic 1 and prefect 3.8 needs pydantic 2: two venvs.
OT2CTL_OPENTRONS_VENV="$OT2CTL_ROOT/.venv-opentrons"
PYTHON=${PYTHON:-python3}

# What the harness starts (the server, the tests) must not reach beyond 127.0.0.1: a proxy on
# a closed port makes outbound HTTP(S) fail at once (the Prefect server then falls back to its
# bundled collection data). Installing (pip, cargo) happens before, without it.
LOOPBACK_ONLY=(
  HTTP_PROXY=http://127.0.0.1:9 HTTPS_PROXY=http://127.0.0.1:9
  http_proxy=http://127.0.0.1:9 https_proxy=http://127.0.0.1:9
  NO_PROXY=127.0.0.1,localhost no_proxy=127.0.0.1,localhost
  PREFECT_SERVER_ANALYTICS_ENABLED=false
)

log() { printf '==> %s\n' "$*" >&2; }

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
  log "creating $(basename "$venv") with $purpose (first run only)"
  rm -rf "$venv"
  "$PYTHON" -m venv "$venv"
  "$venv/bin/pip" install --quiet --disable-pip-version-check -r "$requirements" -c "$constraints"
  echo "$pins" >"$stamp"
}

# .venv: the pinned Python prefect (server, CLI, engine for Python flows).
ensure_venv() {
  ensure_pinned_venv "$OT2CTL_VENV" "$OT2CTL_ROOT/python/requirements.txt" \
    "$OT2CTL_ROOT/python/constraints.txt" "the pinned Python prefect"
}

# .venv-opentrons: the pinned opentrons, whose analyzer simulates OT-2 protocols.
ensure_opentrons_venv() {
  ensure_pinned_venv "$OT2CTL_OPENTRONS_VENV" "$OT2CTL_ROOT/python/opentrons-requirements.txt" \
    "$OT2CTL_ROOT/python/opentrons-constraints.txt" "the pinned opentrons simulator"
}

free_port() {
  "$OT2CTL_VENV/bin/python" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
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
  env "${LOOPBACK_ONLY[@]}" PREFECT_HOME="$PREFECT_SERVER_HOME" PREFECT_SERVER_UI_ENABLED=false \
      PREFECT_SERVER_LOGGING_LEVEL=WARNING "$@" \
    setsid "$OT2CTL_VENV/bin/prefect" server start --host 127.0.0.1 --port "$port" \
    >"$PREFECT_SERVER_HOME/server.log" 2>&1 &
  PREFECT_SERVER_PID=$!
  local waited=0
  until curl -sf --noproxy '*' "$PREFECT_SERVER_URL/health" >/dev/null 2>&1; do
    if ! kill -0 "$PREFECT_SERVER_PID" 2>/dev/null; then
      log "the Prefect server exited during start-up; its log:"
      tail -n 40 "$PREFECT_SERVER_HOME/server.log" >&2
      return 1
    fi
    if [ "$waited" -ge 180 ]; then
      log "the Prefect server did not answer within 180 s; its log:"
      tail -n 40 "$PREFECT_SERVER_HOME/server.log" >&2
      return 1
    fi
    sleep 1
    waited=$((waited + 1))
  done
  log "Prefect server ready after ${waited} s"
  export PREFECT_SERVER_URL PREFECT_SERVER_PID PREFECT_SERVER_HOME
}

# Stops the server started above (its whole process group) and removes its PREFECT_HOME.
stop_prefect_server() {
  if [ -n "${PREFECT_SERVER_PID:-}" ] && kill -0 "$PREFECT_SERVER_PID" 2>/dev/null; then
    kill -TERM -- "-$PREFECT_SERVER_PID" 2>/dev/null || kill -TERM "$PREFECT_SERVER_PID" 2>/dev/null
    for _ in $(seq 1 20); do
      kill -0 "$PREFECT_SERVER_PID" 2>/dev/null || break
      sleep 0.5
    done
    kill -KILL -- "-$PREFECT_SERVER_PID" 2>/dev/null || true
  fi
  if [ -n "${PREFECT_SERVER_HOME:-}" ]; then
    rm -rf "$PREFECT_SERVER_HOME"
  fi
  PREFECT_SERVER_PID=
  PREFECT_SERVER_HOME=
}
