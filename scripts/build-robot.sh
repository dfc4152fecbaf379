#!/usr/bin/env bash
# The robot's binary: armv7-unknown-linux-musleabihf (the OT-2 is a Raspberry Pi 3 running
# 32-bit ARM Linux), static musl, hard-float, without the OS keyring (--no-default-features).
#
# Installs what it needs under .cache/robot-tools, once (pinned, reused afterwards):
#   - zig, from PyPI's `ziglang`: the C cross compiler for ring and SQLite, and the linker;
#   - cargo-zigbuild, from crates.io: runs cargo with zig in those roles;
#   - rustup's `rust-src` component: std is built from source for the target
#     (`-Zbuild-std`, allowed on stable by RUSTC_BOOTSTRAP=1), optimised for size and, like the
#     rest, in Thumb-2 code. rustup's prebuilt std for the target cannot be fetched on every
#     machine (not on this project's CI) and makes a larger binary.
# `--prebuilt-std` uses rustup's target instead, for a machine that has it
# (`rustup target add armv7-unknown-linux-musleabihf`).
#
# Thumb-2 (`+thumb-mode`; the Pi 3's Cortex-A53 runs it natively, and ring's assembly switches
# modes itself) makes the code a fifth smaller: 3.9 MB instead of 5.0 MB with std from source.
# rustc calls the flag unstable and warns; it is what its own thumbv7neon targets use.
#
# Builds in target/robot/ (OT2CTL_ROBOT_TARGET_DIR), apart from the other builds. Then checks
# the result is a static 32-bit ARM EABI5 hard-float executable and prints its path (the last
# line of stdout): target/robot/armv7-unknown-linux-musleabihf/release/ot2ctl.
#
# Usage: scripts/build-robot.sh [--prebuilt-std] [CARGO ARGUMENTS...]
set -euo pipefail
source "$(dirname "$0")/lib/env.sh"
cd "$OT2CTL_ROOT"

TARGET=armv7-unknown-linux-musleabihf
ZIGBUILD_VERSION=0.19.8
TOOLS="$ROBOT_TOOLS"

prebuilt_std=false
case "${1:-}" in
  --prebuilt-std)
    prebuilt_std=true
    shift
    ;;
  -h | --help)
    # This file's opening comment is its help.
    sed -n '2,/^set -euo/p' "$0" | sed -e '$d' -e 's/^# \{0,1\}//'
    exit 0
    ;;
esac

ensure_zigbuild() {
  ZIGBUILD="$TOOLS/bin/cargo-zigbuild"
  if [ -x "$ZIGBUILD" ] && "$ZIGBUILD" --version | grep -qF "$ZIGBUILD_VERSION"; then
    return
  fi
  phase "building cargo-zigbuild $ZIGBUILD_VERSION from crates.io into $TOOLS (first run only)" \
    cargo install --locked --root "$TOOLS" cargo-zigbuild --version "$ZIGBUILD_VERSION"
}

ensure_rust_src() {
  local sysroot
  sysroot=$(rustc --print sysroot)
  [ -d "$sysroot/lib/rustlib/src/rust/library" ] && return
  log "adding rustup's rust-src component (std's source, first run only)"
  rustup component add rust-src
}

ensure_zig
ensure_zigbuild
# A target directory of its own: RUSTC_BOOTSTRAP=1 and -Zbuild-std change the fingerprints of
# the build scripts it shares with the other builds, which would then each rebuild everything
# after this one, and this one after them.
export CARGO_TARGET_DIR="${OT2CTL_ROBOT_TARGET_DIR:-$OT2CTL_ROOT/target/robot}"
export CARGO_ZIGBUILD_ZIG_PATH="$ZIG" PATH="$TOOLS/bin:$PATH"
flags=(--release --locked --no-default-features --target "$TARGET" --bin ot2ctl)
rustflags="-C target-feature=+thumb-mode"
if $prebuilt_std; then
  log "building the robot binary with rustup's prebuilt std for $TARGET"
  CARGO_TARGET_ARMV7_UNKNOWN_LINUX_MUSLEABIHF_RUSTFLAGS="$rustflags" \
    cargo zigbuild "${flags[@]}" "$@" >&2
else
  ensure_rust_src
  log "building the robot binary, std from source (a few minutes the first time)"
  # zig brings musl's start files and libc; rustc's own copies are not built with std.
  # location-detail=none drops file:line strings from panics (the message stays).
  RUSTC_BOOTSTRAP=1 \
    CARGO_TARGET_ARMV7_UNKNOWN_LINUX_MUSLEABIHF_RUSTFLAGS="$rustflags -C link-self-contained=no -Zlocation-detail=none" \
    cargo zigbuild "${flags[@]}" -Zbuild-std=std,panic_abort \
    -Zbuild-std-features=optimize_for_size "$@" >&2
fi

binary="$CARGO_TARGET_DIR/$TARGET/release/ot2ctl"
header=$(readelf --file-header --program-headers "$binary")
for expect in 'Class: *ELF32' 'Machine: *ARM' 'Flags: .*Version5 EABI.*hard-float'; do
  grep -Eq "$expect" <<<"$header" || { log "$binary: expected '$expect' in its ELF header"; exit 1; }
done
if grep -q INTERP <<<"$header"; then
  log "$binary asks for a dynamic loader: it is not static"
  exit 1
fi
log "$(stat -c %s "$binary") bytes: static 32-bit ARM EABI5 hard-float executable"
realpath "$binary"
