#!/usr/bin/env bash
# A whole lab day on a fresh machine, through ot2ctl alone: build ot2ctl, start a local
# Prefect server, set up the lab's work pool and five queues from lab.yaml, deploy the
# deployments of prefect.yaml.example, start an ot2ctl worker on the simulated robot, then
# initialise the paint inventory, record a fresh plate, mix R=120 Y=50 B=80 µL into B2 (the
# seed's explicit well) and two more mixes into the next free wells, move the colour sensor to
# B2 and back, measure B2 with the colour sensor (its stand-in on a real mosquitto broker),
# check the stock, restock, check again, run a short colour-matching campaign, and show the
# plate and what happened.
# Everything it started is stopped at the end (after Enter, when run from a terminal, so that
# the Prefect UI can be looked at first).
#
# OT2CTL_DEMO_ROBOT=real runs the protocols on Opentrons' own robot-server (the OT-2's HTTP
# API, in simulation, started here) through the worker's --robot path, instead of Opentrons'
# analyzer; it needs Python 3.10 and robot-server's source (scripts/lib/env.sh says where
# from).
set -euo pipefail
source "$(dirname "$0")/lib/env.sh"
cd "$OT2CTL_ROOT"

# The static release build scripts/test.sh makes too: after the suite, nothing to rebuild.
phase "building ot2ctl and the colour sensor's stand-in (release; 3 to 5 minutes the first time on an idle 2-core machine)" \
  scripts/build-static.sh --bin ot2ctl-sensor-stand-in >/dev/null
ot2ctl="$OT2CTL_ROOT/target/x86_64-unknown-linux-gnu/release/ot2ctl"
SENSOR_STAND_IN="$OT2CTL_ROOT/target/x86_64-unknown-linux-gnu/release/ot2ctl-sensor-stand-in"

robot_mode=${OT2CTL_DEMO_ROBOT:-simulated}
case "$robot_mode" in
  simulated | real) ;;
  *) log "OT2CTL_DEMO_ROBOT must be 'simulated' (the default) or 'real', not '$robot_mode'"; exit 2 ;;
esac
ensure_venv
ensure_opentrons_venv
ensure_mosquitto
if [ "$robot_mode" = real ]; then ensure_robot_server; fi
trap 'stop_prefect_server; stop_robot_server; stop_sensor' EXIT
trap 'exit 130' INT TERM
start_prefect_server PREFECT_SERVER_UI_ENABLED=true
if [ "$robot_mode" = real ]; then start_robot_server; fi
# The sensor's stand-in looks for requests every second (the Pico W every 5 s): a shorter demo.
start_sensor 1

# The demo never touches the user's own profiles.
demo_home=$(mktemp -d "${TMPDIR:-/tmp}/ot2ctl-demo.XXXXXX")
trap 'stop_prefect_server; stop_robot_server; stop_sensor; rm -rf "$demo_home"' EXIT
export OT2CTL_HOME="$demo_home" PREFECT_HOME="$demo_home/prefect" PREFECT_API_URL="$PREFECT_SERVER_URL"

run() { printf '\n$ %s\n' "$*"; env "${LOOPBACK_ONLY[@]}" "$@"; }
run "$ot2ctl" lab setup lab.yaml
run "$ot2ctl" deploy --prefect-file prefect.yaml.example --all
run "$ot2ctl" deployment ls --pool ot2-device-pool

# The robot's worker: it runs every queue of the pool in priority order, the protocols on the
# simulated robot-server (--robot) or through Opentrons' analyzer (--opentrons-python).
if [ "$robot_mode" = real ]; then
  executor=(--robot "$ROBOT_SERVER_URL")
else
  executor=(--opentrons-python "$OT2CTL_OPENTRONS_VENV/bin/python")
fi
# The worker reads the colour sensor named by OT2CTL_MQTT_* and OT2CTL_SENSOR_ID (exported by
# start_sensor; the broker's password is in its environment, never on its command line).
printf '\n$ %s &\n' "ot2ctl worker start --pool ot2-device-pool --protocols-dir protocols ${executor[*]}"
env "${LOOPBACK_ONLY[@]}" "$ot2ctl" worker start --pool ot2-device-pool --poll-seconds 1 \
  --protocols-dir protocols --no-python-flows "${executor[@]}" \
  >"$demo_home/worker.log" 2>&1 &
worker_pid=$!
trap 'kill "$worker_pid" 2>/dev/null; wait "$worker_pid" 2>/dev/null; stop_prefect_server; stop_robot_server; stop_sensor; rm -rf "$demo_home"' EXIT

run "$ot2ctl" inventory init 15 15 15
run "$ot2ctl" plate new --yes
run "$ot2ctl" plate status
run "$ot2ctl" run mix-color-with-inventory/mix-color-with-inventory \
  --param R=120 --param Y=50 --param B=80 --param mix_well=B2 --watch
run "$ot2ctl" run mix-color-with-inventory/mix-color-next-well --param R=40 --param Y=160 --watch
run "$ot2ctl" run mix-color-with-inventory/mix-color-next-well --param R=0 --param Y=100 --param B=100 \
  --watch
run "$ot2ctl" plate next
run "$ot2ctl" run move-sensor-to-measurement-position/move-sensor-to-measurement-position \
  --param mix_well=B2 --watch
run "$ot2ctl" run move-sensor-back/move-sensor-back --watch
run "$ot2ctl" sensor read --red 120 --yellow 50 --blue 80 --well B2
run "$ot2ctl" run measure-well/measure-well --param mix_well=B2 --watch
run "$ot2ctl" inventory status
run "$ot2ctl" inventory restock 10 5 8 --operator lab_tech_1
run "$ot2ctl" inventory status
run "$ot2ctl" inventory log
run "$ot2ctl" campaign start --target '#7a4e2d' --budget 6 --seed 1
run "$ot2ctl" campaign status
run "$ot2ctl" plate status
run "$ot2ctl" flow-run ls --limit 10
COLUMNS=160 run "$OT2CTL_VENV/bin/prefect" flow-run ls --limit 10

ui="${PREFECT_SERVER_URL%/api}"
printf '\nThe lab day ran on %s (Prefect UI: %s).\n' "$PREFECT_SERVER_URL" "$ui"
printf 'The worker said:\n'
sed 's/^/  /' "$demo_home/worker.log"
if [ -t 0 ]; then
  read -r -p "Press Enter to stop the worker and the server. " _
fi
