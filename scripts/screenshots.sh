#!/usr/bin/env bash
# Runs the release app under Xvfb and saves a PNG of each screen in both languages to
# docs/screenshots/. Look at them after every change to the window.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh
ensure_x_tools
cargo build --release --locked --bin scamcheck
start_xvfb 1920x1080
private_home
out=docs/screenshots
mkdir -p "$out"

shot() { sleep 0.7; import -window "$WID" "$out/$1.png"; echo "$out/$1.png"; }
# Opens the app in a window of the given size.
open_app() {
    rm -rf "$XDG_DATA_HOME" "$XDG_CONFIG_HOME"
    ./target/release/scamcheck --lang "$1" >/dev/null 2>&1 &
    APP=$!
    WID=$(wait_window scamcheck)
    xdotool windowsize "$WID" "$2" "$3"
    xdotool windowmove "$WID" 0 0
    xdotool windowfocus "$WID" 2>/dev/null || true
    sleep 0.5
}
# One key at a time: keys pressed within one frame are read by the screen that was showing.
key() { local k; for k in "$@"; do xdotool key --window "$WID" "$k"; sleep 0.35; done; }
typed() { xdotool type --delay 120 "$1"; sleep 0.5; }   # slower: a fast type drops Chinese characters

declare -A warning=(
    [zh]="冒充客服退款诈骗的信号：让你下载会议App、共享屏幕，让你打开借呗。"
    [en]="Police warning: scammers posing as couriers ask you to share your screen or install AnyDesk."
)
declare -A refused=(
    [zh]="他说是淘宝客服，要给我退款，让我下载会议App共享屏幕，我说我自己去App里查，就挂了。"
    [en]="He said he was from Amazon and wanted me to install AnyDesk for a refund. I said I'd check in the app myself and hung up."
)
declare -A said=(
    [zh]="我是国际物流客服。如果不在5分钟内取消，会影响您的征信。请下载会议APP，开启屏幕共享。"
    [en]="This is courier customer service. Your parcel was damaged, we will give you double compensation. Please share your screen, or your credit record will suffer in 5 minutes."
)

for lang in zh en; do
    open_app "$lang" 1100 820
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
    key ctrl+a BackSpace             # a warning about the scam instead: read as advice
    typed "${warning[$lang]}"
    shot "$lang-listen-warning"
    key ctrl+a BackSpace             # a call that ended in a refusal: told, not asked
    typed "${refused[$lang]}"
    shot "$lang-listen-refused"
    key Escape Escape                # leave the text box, then home
    key d 1 space space space        # demo: the M case, step 4, the hang-up marker
    shot "$lang-demo"
    for n in 2 3 4; do               # the other three cases, at their first step
        key Escape "$n"
        shot "$lang-case-$n"
    done
    key Escape q space               # the quiz, revealed
    shot "$lang-quiz"
    key Escape Escape r              # home, then the rules
    shot "$lang-rules"
    kill "$APP"; wait "$APP" 2>/dev/null || true
done

# A small netbook screen, and the largest text size on a projector: the actions stay in view.
for lang in zh en; do
    open_app "$lang" 1024 600
    shot "$lang-start-1024x600"
    key Return
    shot "$lang-question-1024x600"
    key Escape 2
    shot "$lang-hang-up-1024x600"
    kill "$APP"; wait "$APP" 2>/dev/null || true

    open_app "$lang" 1920 1080
    for _ in $(seq 25); do xdotool key --window "$WID" ctrl+plus; sleep 0.05; done
    sleep 0.5
    key Return
    shot "$lang-question-largest"
    key Escape 2
    shot "$lang-hang-up-largest"
    key Escape Escape t              # the text check in one column: the verdict under the box
    typed "${said[$lang]}"
    shot "$lang-listen-largest"
    kill "$APP"; wait "$APP" 2>/dev/null || true
done

# The hang-up screen with a trusted person, put in on the Rules screen by clicking its fields.
for lang in zh en; do
    open_app "$lang" 1100 820
    key r
    xdotool mousemove --window "$WID" 300 250 click 1; sleep 0.3
    if [ "$lang" = zh ]; then typed "小明"; else typed "Ming"; fi
    xdotool mousemove --window "$WID" 300 324 click 1; sleep 0.3
    typed "138 0000 1234"
    key Escape Escape 2
    shot "$lang-hang-up-trusted"
    kill "$APP"; wait "$APP" 2>/dev/null || true
done
