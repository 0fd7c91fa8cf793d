#!/usr/bin/env bash
# Whole-app figures for the release build under Xvfb, against a minimal eframe window built
# with the same features (examples/minimal_window.rs), in the same run, once loading the same
# Chinese font face the plain way (read into memory) and once without a font:
#   start-up  time from process start to the first laid-out frame (median of RUNS, and the
#             lowest and highest run)
#   memory    resident set size 5 s after start
#   idle CPU  CPU time used between 5 s and 15 s after start, with no input
# Usage: scripts/measure.sh [RUNS]   (default 5)
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh
ensure_x_tools
runs=${1:-5}
cargo build --release --locked --bin scamcheck --example minimal_window
start_xvfb 1100x820
private_home
export SCAMCHECK_PRINT_FIRST_FRAME=1
ticks=$(getconf CLK_TCK)

cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
rss_kib() { awk '/^VmRSS:/ {print $2}' "/proc/$1/status"; }
median() { sort -n | awk '{a[NR]=$1} END {m=int((NR+1)/2); print a[m]}'; }

measure() { # NAME COMMAND... ; prints "name startup_ms min max rss_mib idle_cpu_percent"
    local name=$1; shift
    local starts=() log pid t0 first rss c1 c2
    for i in $(seq "$runs"); do
        log=$(mktemp)
        t0=$(date +%s%N)
        "$@" 2>"$log" >/dev/null &
        pid=$!
        for _ in $(seq 200); do grep -q first-frame-unix-ns "$log" && break; sleep 0.05; done
        first=$(awk '/first-frame-unix-ns/ {print $2; exit}' "$log")
        starts+=($(( (first - t0) / 1000000 )))
        if [ "$i" = "$runs" ]; then
            sleep $((5 - (($(date +%s%N) - t0) / 1000000000) ))
            rss=$(rss_kib "$pid")
            c1=$(cpu_ticks "$pid"); sleep 10; c2=$(cpu_ticks "$pid")
        fi
        kill "$pid"; wait "$pid" 2>/dev/null || true
        rm -f "$log"
    done
    local sorted
    sorted=$(printf '%s\n' "${starts[@]}" | sort -n)
    awk -v n="$name" -v s="$(median <<<"$sorted")" -v lo="$(head -1 <<<"$sorted")" \
        -v hi="$(tail -1 <<<"$sorted")" -v r="$rss" -v c=$((c2 - c1)) -v t="$ticks" \
        'BEGIN {printf "%-20s %5d %5d %5d %8.1f %8.2f\n", n, s, lo, hi, r / 1024, 100 * c / t / 10}'
}

# The face the app picks on this machine, loaded by the bare window the plain way.
font=$(fc-match -f '%{file} %{index}' 'Noto Sans CJK SC:style=Regular')
read -r font_file font_index <<<"$font"

echo "machine: $(nproc) cores, $(uname -m), software rendering under Xvfb; $runs runs each"
echo "font: $font_file, face $font_index"
a=$(measure scamcheck ./target/release/scamcheck --lang zh)
b=$(measure bare+font ./target/release/examples/minimal_window --font "$font_file" "$font_index")
c=$(measure bare ./target/release/examples/minimal_window)
printf '%-20s %17s %12s %10s\n' "" "start-up ms (min–max)" "memory MiB" "idle CPU %"
for row in "$a" "$b" "$c"; do
    read -r n s lo hi r cpu <<<"$row"
    printf '%-20s %6d (%d–%d) %12.1f %10.2f\n' "$n" "$s" "$lo" "$hi" "$r" "$cpu"
done
ratio() { # ROW ROW
    read -r _ sa loa hia ra _ <<<"$1"
    read -r n sb lob hib rb _ <<<"$2"
    awk -v n="$n" -v sa="$sa" -v sb="$sb" -v loa="$loa" -v lob="$lob" -v hia="$hia" -v hib="$hib" \
        -v ra="$ra" -v rb="$rb" 'BEGIN {printf "scamcheck / %-9s start-up %.2f× (min %.2f×, max %.2f×), memory %.2f×\n",
        n, sa / sb, loa / lob, hia / hib, ra / rb}'
}
ratio "$a" "$b"
ratio "$a" "$c"
echo "binary: $(du -h target/release/scamcheck | cut -f1) scamcheck, $(du -h target/release/examples/minimal_window | cut -f1) minimal_window"
