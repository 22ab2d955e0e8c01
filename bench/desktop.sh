#!/usr/bin/env bash
# Runs the desktop benchmark in a session of its own: Xvfb (when DISPLAY is unset), a private D-Bus session bus and
# the AT-SPI bus launcher; everything started here is stopped at the end.
#   bench/desktop.sh [repetitions]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
started=()
cleanup() { for pid in "${started[@]}"; do kill "$pid" 2>/dev/null || true; done; }
trap cleanup EXIT
if [[ -z "${DISPLAY:-}" ]]; then
  display=":$((200 + RANDOM % 50))"
  Xvfb "$display" -screen 0 1280x1024x24 -nolisten tcp >/dev/null 2>&1 &
  started+=($!)
  export DISPLAY="$display"
  sleep 1
fi
export GSETTINGS_BACKEND=memory   # no settings (a "restore the session?" question) carried from one run to the next
eval "$(dbus-launch --sh-syntax)"
started+=("$DBUS_SESSION_BUS_PID")
/usr/libexec/at-spi-bus-launcher --launch-immediately >/dev/null 2>&1 &
started+=($!)
sleep 1
dotnet run -c Release --project "$root/bench/ActionAgent.Bench.Desktop" -- "${1:-10}"
