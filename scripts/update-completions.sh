#!/usr/bin/env bash
# Regenerates completions/ from the command definitions (tests/completions.rs checks them).
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --quiet
mkdir -p completions
for pair in bash:ot2ctl.bash zsh:_ot2ctl fish:ot2ctl.fish powershell:_ot2ctl.ps1 elvish:ot2ctl.elv; do
  target/debug/ot2ctl completions "${pair%%:*}" >"completions/${pair#*:}"
done
echo "completions/ updated"
