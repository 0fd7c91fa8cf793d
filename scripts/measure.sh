#!/usr/bin/env bash
# Whole-app figures for the release build under Xvfb, against a minimal eframe window built
# with the same features (examples/minimal_window.rs), in the same run:
#   start-up  time from process start to the first laid-out frame (median of RUNS)
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

measure() { # NAME COMMAND... ; prints "startup_ms rss_mib idle_cpu_percent"
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
    local startup
    startup=$(printf '%s\n' "${starts[@]}" | median)
    awk -v n="$name" -v s="$startup" -v r="$rss" -v c=$((c2 - c1)) -v t="$ticks" \
        'BEGIN {printf "%-16s %8d ms %8.1f MiB %8.2f %%\n", n, s, r / 1024, 100 * c / t / 10}'
}

echo "machine: $(nproc) cores, $(uname -m), software rendering under Xvfb; $runs runs each"
printf '%-16s %11s %12s %10s\n' "" "start-up" "memory" "idle CPU"
a=$(measure scamcheck ./target/release/scamcheck --lang zh)
b=$(measure minimal_window ./target/release/examples/minimal_window)
echo "$a"; echo "$b"
read -r _ sa _ ra _ ca _ <<<"$a"
read -r _ sb _ rb _ cb _ <<<"$b"
awk -v sa="$sa" -v sb="$sb" -v ra="$ra" -v rb="$rb" \
    'BEGIN {printf "ratio (scamcheck / minimal): start-up %.2f×, memory %.2f×\n", sa / sb, ra / rb}'
echo "binary: $(du -h target/release/scamcheck | cut -f1) scamcheck, $(du -h target/release/examples/minimal_window | cut -f1) minimal_window"
