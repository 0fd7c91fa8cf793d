#!/usr/bin/env bash
# Builds what a volunteer downloads, into dist/:
#   scamcheck_<version>_amd64.deb                 Debian/Ubuntu package (cargo-deb)
#   scamcheck-<version>-windows-x86_64.zip        scamcheck.exe, README, licences
#   SHA256SUMS
# then checks them: installs the .deb with dpkg and runs it (removing it again afterwards), and
# runs the Windows exe's command line and window under Wine + Xvfb, saving a screenshot to
# docs/screenshots/windows-wine.png. Installs what it needs (Debian/Ubuntu, as root).
#
# macOS is not built here (it needs a Mac): see [package.metadata.bundle] in Cargo.toml and
# README.md.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh
export CARGO_TERM_COLOR="${CARGO_TERM_COLOR:-never}"

# --- what the build and the checks need --------------------------------------------------------
packages=(gcc-mingw-w64-x86-64 dpkg-dev zip unzip desktop-file-utils wine wine64 xvfb xdotool
    imagemagick x11-utils fonts-noto-cjk libgl1 libegl1 libxkbcommon-x11-0)
missing=()
for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
        echo "Installing ${missing[*]} …"
        apt-get update -q
        DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"
    else
        echo "Please install: ${missing[*]}" >&2
        exit 1
    fi
fi
if command -v rustup >/dev/null; then
    rustup target add x86_64-pc-windows-gnu
fi
command -v cargo-deb >/dev/null || cargo install cargo-deb --locked

version=$(sed -n 's/^version = "\(.*\)"$/\1/p' Cargo.toml | head -n 1)
deb="scamcheck_${version}_amd64.deb"
win="scamcheck-${version}-windows-x86_64"
mkdir -p dist
rm -f "dist/$deb" "dist/$win.zip" dist/SHA256SUMS

# --- build -------------------------------------------------------------------------------------
cargo build --release --locked --bin scamcheck
cargo deb --no-build --output "dist/$deb"

start=$(date +%s)
cargo build --release --locked --bin scamcheck --target x86_64-pc-windows-gnu
echo "Windows build: $(($(date +%s) - start)) s"
exe=target/x86_64-pc-windows-gnu/release/scamcheck.exe
stage=$(mktemp -d)
mkdir "$stage/$win"
cp "$exe" README.md LICENSE-MIT LICENSE-APACHE "$stage/$win/"
(cd "$stage" && zip -q -r -X "$OLDPWD/dist/$win.zip" "$win")
rm -rf "$stage"

(cd dist && sha256sum "$deb" "$win.zip" >SHA256SUMS)
echo "Built:"
(cd dist && ls -l "$deb" "$win.zip" SHA256SUMS && cat SHA256SUMS)

# --- check the .deb ----------------------------------------------------------------------------
fail() {
    echo "FAILED: $*" >&2
    exit 1
}
(cd dist && sha256sum --check --quiet SHA256SUMS) || fail "SHA256SUMS does not match"
desktop-file-validate assets/scamcheck.desktop || fail "assets/scamcheck.desktop is not valid"
info=$(dpkg-deb --info "dist/$deb")
grep -q "Depends:.*fonts-noto-cjk | fonts-wqy-microhei" <<<"$info" ||
    fail "the .deb does not depend on a Chinese font"
contents=$(dpkg-deb --contents "dist/$deb")
for f in ./usr/bin/scamcheck ./usr/share/applications/scamcheck.desktop \
    ./usr/share/icons/hicolor/256x256/apps/scamcheck.png; do
    grep -q " $f\$" <<<"$contents" || fail "$f is not in the .deb"
done
if [ "$(id -u)" = 0 ]; then
    # Removed again afterwards, unless scamcheck was installed before (then it is upgraded).
    installed_before=no
    dpkg-query -W -f='${Status}' scamcheck 2>/dev/null | grep -q "install ok installed" &&
        installed_before=yes
    dpkg -i "dist/$deb"
    out=$(scamcheck --version)
    [ "$out" = "scamcheck $version" ] || fail "scamcheck --version printed: $out"
    out=$(scamcheck --lang en score '{"refund_offer": Yes, "add_contact": Yes}')
    echo "$out" | head -n 1
    grep -q "^Level 3" <<<"$out" || fail "the installed scamcheck did not score level 3"
    out=$(echo '{"screen_share": Yes}' | scamcheck score --json -)
    grep -q '"level":3' <<<"$out" || fail "score --json: $out"
    if [ "$installed_before" = no ]; then
        dpkg -r scamcheck >/dev/null
        echo "The .deb installs and runs (removed again)."
    else
        echo "The .deb installs and runs (left installed: it was installed before)."
    fi
else
    echo "Not root: the .deb was not installed." >&2
fi

# --- check the Windows build under Wine --------------------------------------------------------
# Two things Wine (8.0, Debian) lacks, supplied for this check only, never shipped:
# `ProcessPrng` from bcryptprimitives.dll, which Rust's standard library imports (a stand-in
# built here with mingw sits beside the exe), and any Chinese font (Noto Sans CJK is copied into
# C:\windows\Fonts where Microsoft YaHei would be).
wine_dir=$(mktemp -d)
export WINEPREFIX="$wine_dir/prefix" WINEDEBUG=-all WINEDLLOVERRIDES="mscoree,mshtml="
cleanup_wine() {
    wineserver -k 2>/dev/null || true
    rm -rf "$wine_dir"
}
cat >"$wine_dir/prng.c" <<'EOF'
#include <windows.h>
BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length); /* RtlGenRandom */
__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T len) {
    while (len > 0) {
        ULONG n = len > 0x40000000 ? 0x40000000 : (ULONG)len;
        if (!SystemFunction036(data, n)) return FALSE;
        data += n;
        len -= n;
    }
    return TRUE;
}
EOF
x86_64-w64-mingw32-gcc -shared -O2 -s -o "$wine_dir/bcryptprimitives.dll" "$wine_dir/prng.c" -ladvapi32
unzip -q "dist/$win.zip" -d "$wine_dir"
app_dir="$wine_dir/$win"
cp "$wine_dir/bcryptprimitives.dll" "$app_dir/"

start_xvfb 1400x1000
trap 'kill $XVFB_PID 2>/dev/null || true; cleanup_wine' EXIT
wine wineboot --init >/dev/null 2>&1
cjk=$(fc-list ':lang=zh-cn' file | grep -m 1 -i 'NotoSansCJK-Regular' | cut -d: -f1)
[ -n "$cjk" ] || fail "Noto Sans CJK not found (fonts-noto-cjk)"
cp "$cjk" "$WINEPREFIX/drive_c/windows/Fonts/"

out=$(wine "$app_dir/scamcheck.exe" --version | tr -d '\r')
[ "$out" = "scamcheck $version" ] || fail "scamcheck.exe --version printed: $out"
out=$(wine "$app_dir/scamcheck.exe" --lang en score '{"refund_offer": Yes, "add_contact": Yes}' | tr -d '\r')
echo "$out" | head -n 1
grep -q "^Level 3" <<<"$out" || fail "scamcheck.exe score: $out"
out=$(echo '{"screen_share": Yes}' | wine "$app_dir/scamcheck.exe" score --json - | tr -d '\r')
grep -q '"level":3' <<<"$out" || fail "scamcheck.exe score --json: $out"
set +e
wine "$app_dir/scamcheck.exe" score '{"no_such_question": Yes}' >/dev/null 2>&1
status=$?
set -e
[ "$status" = 1 ] || fail "scamcheck.exe: an unknown question should exit 1, not $status"
echo "The Windows command line runs under Wine."

# The window, in Chinese; the time until it is on screen is printed (a rough figure: Wine and
# software OpenGL).
t0=$(date +%s%N)
wine "$app_dir/scamcheck.exe" --lang zh >/dev/null 2>&1 &
APP=$!
WID=$(wait_window scamcheck)
[ -n "$WID" ] || fail "the Windows build opened no window under Wine"
echo "Windows build under Wine: window on screen after $((($(date +%s%N) - t0) / 1000000)) ms"
sleep 3
xdotool getwindowgeometry "$WID"
shot=docs/screenshots/windows-wine.png
import -window "$WID" "$shot"
colours=$(identify -format '%k' "$shot")
[ "$colours" -gt 50 ] || fail "the screenshot has only $colours colours: the window did not draw"
echo "Screenshot: $shot ($colours colours)"
# Closed as a user closes it (Alt+F4), the app keeps its settings where Windows programs do:
# %APPDATA%\scamcheck\data\app.ron.
xdotool key --window "$WID" alt+F4 2>/dev/null
for _ in $(seq 100); do kill -0 "$APP" 2>/dev/null || break; sleep 0.1; done
kill "$APP" 2>/dev/null || true
wait "$APP" 2>/dev/null || true
saved=$(find "$WINEPREFIX/drive_c/users" -path '*/AppData/Roaming/scamcheck/data/app.ron' | head -n 1)
[ -n "$saved" ] || fail "no settings saved under %APPDATA%\\scamcheck\\data"
grep -q "lang:Zh" "$saved" || fail "the saved settings do not hold the language: $(cat "$saved")"
echo "Settings saved in ${saved#"$WINEPREFIX/drive_c/"}"
echo "All package checks passed."
