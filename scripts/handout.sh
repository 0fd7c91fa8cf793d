#!/usr/bin/env bash
# Renders the printable checklist (`scamcheck handout`) in both languages with headless
# Chromium: docs/handout-zh.pdf, docs/handout-en.pdf and PNGs of them in docs/screenshots/.
# Checks that each PDF is exactly one A4 page. Look at the PNGs after every change to the
# handout's words or to the rules it is made from.
set -euo pipefail
cd "$(dirname "$0")/.."

# Chromium renders the page, poppler-utils checks and rasterises the PDF, the CJK font
# renders the Chinese (Debian/Ubuntu package names).
need=()
for p in chromium poppler-utils fonts-noto-cjk; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || need+=("$p")
done
if [ ${#need[@]} -gt 0 ]; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
        apt-get update -q
        DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${need[@]}"
    else
        echo "Please install: ${need[*]} (e.g. sudo apt-get install ${need[*]})" >&2
        exit 1
    fi
fi

cargo build --release --locked --bin scamcheck

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p docs/screenshots
status=0
for lang in zh en; do
    html="$work/handout-$lang.html"
    pdf="docs/handout-$lang.pdf"
    ./target/release/scamcheck --lang "$lang" handout -o "$html" >/dev/null
    # A private profile and home, so nothing of the user's browser is read or changed.
    HOME="$work" timeout 120 chromium --headless --no-sandbox --disable-gpu \
        --no-pdf-header-footer --user-data-dir="$work/profile-$lang" \
        --print-to-pdf="$pdf" "file://$html" >/dev/null 2>&1
    pdftoppm -png -r 80 -singlefile "$pdf" "docs/screenshots/handout-$lang"
    info=$(pdfinfo "$pdf")
    pages=$(awk '/^Pages:/ { print $2 }' <<<"$info")
    size=$(sed -n 's/^Page size: *//p' <<<"$info")
    echo "$pdf: $pages page(s), $size"
    echo "docs/screenshots/handout-$lang.png"
    if [ "$pages" != 1 ]; then
        echo "$pdf: $pages pages; the checklist must fit on one page" >&2
        status=1
    fi
    case "$size" in
        *"(A4)"*) ;;
        *) echo "$pdf: the page is not A4 ($size)" >&2; status=1 ;;
    esac
done
exit "$status"
