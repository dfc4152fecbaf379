#!/usr/bin/env bash
# The robot's ARM binary under qemu (bench/arm_bench.py): its size, the worker's idle and busy
# RSS under qemu-arm-static beside the x86-64 build's, and qemu's own RSS with a trivial
# static ARM program (built here with the ARM build's zig). One Prefect server, Opentrons'
# real robot-server in simulation.
# Usage: bench/arm.sh [MIXES]   (default 5)
set -euo pipefail
source "$(dirname "$0")/../scripts/lib/env.sh"
cd "$OT2CTL_ROOT"

log "building ot2ctl (release) and the robot's ARM binary"
cargo build --release --quiet
arm_binary=$(scripts/build-robot.sh | tail -n 1)
ensure_qemu_arm
ensure_zig
ensure_venv
ensure_robot_server
bench_home=$(mktemp -d "${TMPDIR:-/tmp}/ot2ctl-arm-bench.XXXXXX")
trap 'stop_prefect_server; stop_robot_server; rm -rf "$bench_home"' EXIT
trap 'exit 130' INT TERM
printf '#include <unistd.h>\nint main(void) { for (;;) pause(); }\n' >"$bench_home/trivial.c"
"$ZIG" cc -target arm-linux-musleabihf -static -Os -o "$bench_home/trivial" "$bench_home/trivial.c"
start_prefect_server
start_robot_server

env "${LOOPBACK_ONLY[@]}" "$OT2CTL_VENV/bin/python" bench/arm_bench.py \
  --qemu "$QEMU_ARM" --arm-binary "$arm_binary" --host-binary target/release/ot2ctl \
  --trivial-arm "$bench_home/trivial" --api-url "$PREFECT_SERVER_URL" \
  --robot "$ROBOT_SERVER_URL" --runs "${1:-5}"
