#!/usr/bin/env bash
# Runs the release app under Xvfb and saves a PNG of each screen in both languages to
# docs/screenshots/. Look at them after every change to the window.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh
ensure_x_tools
cargo build --release --locked --bin scamcheck
start_xvfb 1100x820
private_home
out=docs/screenshots
mkdir -p "$out"

shot() { sleep 0.7; import -window root "$out/$1.png"; echo "$out/$1.png"; }
# One key at a time: keys pressed within one frame are read by the screen that was showing.
key() { local k; for k in "$@"; do xdotool key --window "$WID" "$k"; sleep 0.35; done; }
typed() { xdotool type --delay 60 "$1"; sleep 0.5; }

declare -A said=(
    [zh]="我是国际物流客服。如果不在5分钟内取消，会影响您的征信。请下载会议APP，开启屏幕共享。"
    [en]="This is courier customer service. Your parcel was damaged, we will give you double compensation. Please share your screen, or your credit record will suffer in 5 minutes."
)

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
    key F5 Return                    # reset for the next person
    key t                            # "What are they saying?" (the cursor is in the text box)
    typed "${said[$lang]}"
    shot "$lang-listen"
    key Escape Escape                # leave the text box, then home
    key d 1 space space space        # demo: the M case, step 4, the hang-up marker
    shot "$lang-demo"
    key Escape q space               # the quiz, revealed
    shot "$lang-quiz"
    key Escape Escape r              # home, then the rules
    shot "$lang-rules"
    kill "$APP"; wait "$APP" 2>/dev/null || true
done
