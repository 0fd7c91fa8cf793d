#!/usr/bin/env bash
# Runs the release app under Xvfb and saves a PNG of each screen in both languages to
# docs/screenshots/. Look at them after every change to the window.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh
ensure_x_tools
cargo build --release --locked
start_xvfb 1100x820
private_home
out=docs/screenshots
mkdir -p "$out"

shot() { sleep 0.6; import -window root "$out/$1.png"; echo "$out/$1.png"; }
key() { xdotool key --window "$WID" "$@"; sleep 0.3; }

for lang in zh en; do
    ./target/release/scamcheck --lang "$lang" >/dev/null 2>&1 &
    APP=$!
    WID=$(wait_window scamcheck)
    xdotool windowfocus "$WID" 2>/dev/null || true
    shot "$lang-start"
    key Return                       # start the check
    key y n y                        # customer service, no details, overseas number
    shot "$lang-question"
    key Escape 2                     # home, then card 2: "share my screen"
    shot "$lang-hang-up"
    key Return                       # "I hung up — what next?"
    shot "$lang-result"
    key Escape p                     # home, then "I already paid"
    shot "$lang-emergency"
    kill "$APP"; wait "$APP" 2>/dev/null || true
done
