# Shared helpers for the scripts that run the release app under Xvfb.
# shellcheck shell=bash

# Installs what running the window under Xvfb needs, when it is missing (Debian/Ubuntu).
ensure_x_tools() {
    local need=() p
    for p in xvfb xdotool imagemagick x11-utils fonts-noto-cjk libgl1 libegl1 libxkbcommon-x11-0; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || need+=("$p")
    done
    if [ ${#need[@]} -gt 0 ]; then
        if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
            apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${need[@]}"
        else
            echo "Please install: ${need[*]}" >&2
            exit 1
        fi
    fi
}

# Starts Xvfb on a free display and exports DISPLAY; stops it on exit.
start_xvfb() {
    local n=90
    while [ -e "/tmp/.X11-unix/X$n" ] || [ -e "/tmp/.X$n-lock" ]; do n=$((n + 1)); done
    Xvfb ":$n" -screen 0 "${1:-1100x820}x24" -nolisten tcp >/dev/null 2>&1 &
    XVFB_PID=$!
    export DISPLAY=":$n"
    for _ in $(seq 50); do xdpyinfo >/dev/null 2>&1 && break; sleep 0.1; done
    trap 'kill $XVFB_PID 2>/dev/null || true' EXIT
}

# A private home, so the run neither reads nor writes the user's saved settings.
private_home() {
    HOME=$(mktemp -d)
    export HOME XDG_DATA_HOME="$HOME/.local/share" XDG_CONFIG_HOME="$HOME/.config"
}

# Waits for a window whose title matches $1 and prints its id.
wait_window() {
    local id=""
    for _ in $(seq 100); do
        id=$(xdotool search --onlyvisible --name "$1" 2>/dev/null | head -n 1) && [ -n "$id" ] && break
        sleep 0.1
    done
    echo "$id"
}
