#!/usr/bin/env bash
# Runs Opentrons' robot-server 8.1.0 in simulation, in the foreground, on 127.0.0.1:PORT: an
# OT-2 with the lab's P300 GEN2 on the right mount, its state (protocols, runs, settings) in
# STATE_DIR. The robot tests (tests/support/robot_server.rs) and `OT2CTL_DEMO_ROBOT=real
# scripts/demo.sh` start it this way. It answers GET /health after about 20 s.
#
#   scripts/robot-server.sh PORT STATE_DIR
#
# OT2CTL_ROBOT_SERVER_PYTHON and OT2CTL_ROBOT_SERVER_SRC say which venv and source to use
# (scripts/lib/env.sh's ensure_robot_server sets both); without them this script sets up
# .venv-robot-server and finds the source itself.
set -euo pipefail
if [ $# -ne 2 ]; then
  echo "usage: $0 PORT STATE_DIR" >&2
  exit 2
fi
port=$1
state=$2
if [ -z "${OT2CTL_ROBOT_SERVER_PYTHON:-}" ] || [ -z "${OT2CTL_ROBOT_SERVER_SRC:-}" ]; then
  source "$(dirname "$0")/lib/env.sh"
  ensure_robot_server
fi
mkdir -p "$state/persistence" "$state/config"
state=$(cd "$state" && pwd)
cat >"$state/simulator.json" <<'JSON'
{"machine": "OT-2 Standard",
 "attached_instruments": {"right": {"model": "p300_single_v2.0", "id": "P3HSV2020230101A01"}},
 "attached_modules": {}}
JSON
echo "ENABLE_VIRTUAL_SMOOTHIE=true" >"$state/dotenv"

cd "$OT2CTL_ROBOT_SERVER_SRC/robot-server"
export ENABLE_VIRTUAL_SMOOTHIE=true \
  OT_ROBOT_SERVER_simulator_configuration_file_path="$state/simulator.json" \
  OT_ROBOT_SERVER_persistence_directory="$state/persistence" \
  OT_ROBOT_SERVER_DOT_ENV_PATH="$state/dotenv" \
  OT_API_CONFIG_DIR="$state/config" \
  PYTHONDONTWRITEBYTECODE=1 \
  PYTHONPATH="$OT2CTL_ROBOT_SERVER_SRC/robot-server:$OT2CTL_ROBOT_SERVER_SRC/server-utils"
exec "$OT2CTL_ROBOT_SERVER_PYTHON" -m uvicorn robot_server.app:app --host 127.0.0.1 \
  --port "$port" --ws wsproto --lifespan on
