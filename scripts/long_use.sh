#!/usr/bin/env bash
# Steady under long use: the release app in one process (no window: egui_kittest drives it),
# through 10,000 edits in the text-check box and 1,000 complete checks, printing its resident
# memory at the start, after a warm-up and at every 10 % of each phase, then how much it grew
# after the warm-up (examples/long_use.rs). Linux only (it reads /proc/self/status).
# Usage: scripts/long_use.sh
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --locked --example long_use
start=$(date +%s)
cargo run --release --locked --quiet --example long_use
echo "ran for $(( $(date +%s) - start )) s"
