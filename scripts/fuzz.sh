#!/usr/bin/env bash
# Fuzzes the two places where the app takes input it did not write (cargo-fuzz, libFuzzer,
# nightly Rust; fuzz/):
#   rules_load  any bytes as a rule file, loaded as a file a person chooses is loaded
#   analyze     any text analysed against the shipped rules.ron
# Each target's corpus (fuzz/corpus/TARGET/, kept between runs) starts from the project's own
# examples: the rule files, and the texts of tests/corpus/dev.jsonl. An input that crashes a
# target is copied to tests/fixtures/fuzz/TARGET/ (tests/rules.rs replays the rules_load ones).
# Not run by CI. Usage: scripts/fuzz.sh [MINUTES]   (per target; default 5)
set -euo pipefail
cd "$(dirname "$0")/.."
minutes=${1:-5}
if ! [[ $minutes =~ ^[0-9]+$ ]] || [ "$minutes" -lt 1 ]; then
    echo "usage: scripts/fuzz.sh [MINUTES]   (per target; default 5)" >&2
    exit 2
fi

if ! rustup toolchain list | grep -q '^nightly'; then
    rustup toolchain install nightly --profile minimal
fi
if ! cargo fuzz --version >/dev/null 2>&1; then
    cargo install --locked cargo-fuzz
fi
if ! command -v python3 >/dev/null; then
    echo "Please install python3 (it splits tests/corpus/dev.jsonl into seed texts)" >&2
    exit 1
fi

# Seeds: every rule file the tests use, and one file per labelled text.
mkdir -p fuzz/corpus/rules_load fuzz/corpus/analyze
cp tests/fixtures/*.ron rules.ron fuzz/corpus/rules_load/
python3 - tests/corpus/dev.jsonl fuzz/corpus/analyze <<'EOF'
import json, pathlib, sys
out = pathlib.Path(sys.argv[2])
for n, line in enumerate(open(sys.argv[1], encoding="utf-8")):
    if line.strip():
        (out / f"dev-{n + 1:04}.txt").write_text(json.loads(line)["text"], encoding="utf-8")
EOF

cargo +nightly fuzz build
status=0
for target in rules_load analyze; do
    artifacts="fuzz/artifacts/$target"
    mkdir -p "$artifacts"
    log=$(mktemp)
    echo "== $target: $minutes min"
    # A rule file is compiled into regexes, which takes a while under the sanitizer: an input
    # is a "timeout" only after 30 s.
    set +e
    cargo +nightly fuzz run "$target" "fuzz/corpus/$target" -- \
        -max_total_time=$((minutes * 60)) -timeout=30 -print_final_stats=1 2>&1 | tee "$log"
    run=${PIPESTATUS[0]}
    set -e
    runs=$(awk '/stat::number_of_executed_units:/ { print $2 }' "$log" | tail -n 1)
    echo "== $target: ${runs:-?} executions, exit status $run"
    rm -f "$log"
    found=0
    for file in "$artifacts"/*; do
        [ -f "$file" ] || continue
        mkdir -p "tests/fixtures/fuzz/$target"
        if [ ! -e "tests/fixtures/fuzz/$target/$(basename "$file")" ]; then
            cp "$file" "tests/fixtures/fuzz/$target/"
            echo "== $target: $file copied to tests/fixtures/fuzz/$target/" \
                "(replay: cargo +nightly fuzz run $target $file)"
        fi
        found=1
    done
    if [ "$run" -ne 0 ] || [ "$found" -ne 0 ]; then
        status=1
    fi
done
exit "$status"
