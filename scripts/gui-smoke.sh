#!/usr/bin/env bash
# GUI smoke test of the production binary: start build/bin/golive under a
# fresh Xvfb with a temp --data folder, wait for a window titled GoLive,
# screenshot the screen and check it is not blank, and check that neither
# the app nor its WebKit helpers listen on any TCP port.
# Screenshot: build/smoke/golive-smoke.png. Builds the binary if missing.
set -euo pipefail
. "$(dirname "$0")/lib.sh"
cd "$ROOT"

BIN="$ROOT/build/bin/golive"
OUT="$ROOT/build/smoke"
PNG="$OUT/golive-smoke.png"
MIN_COLOURS="${SMOKE_MIN_COLOURS:-16}" # a blank or single-colour screen has 1-2
TIMEOUT="${SMOKE_TIMEOUT:-60}"         # seconds to wait for a rendered window
SETTLE="${SMOKE_SETTLE:-4}"            # seconds to let the page render once the window exists

[ -x "$BIN" ] || "$ROOT/scripts/build.sh" prod
mkdir -p "$OUT"
rm -f "$PNG"
data="$(mktemp -d /tmp/golive-smoke.XXXXXX)"
APP_PID="" XVFB_PID=""
cleanup() {
  [ -z "$APP_PID" ] || stop_pid "$APP_PID" 10
  [ -z "$XVFB_PID" ] || stop_pid "$XVFB_PID" 5
  rm -rf "$data"
}
trap cleanup EXIT

start_xvfb
log "Xvfb on $DISPLAY; starting $BIN --data $data"
# No session bus: the single-instance lock (D-Bus) is skipped, as on CI.
env -u DBUS_SESSION_BUS_ADDRESS "$BIN" --data "$data" >"$OUT/app.log" 2>&1 &
APP_PID=$!

fail() {
  echo "GUI smoke FAILED: $*" >&2
  echo "--- app log (build/smoke/app.log) ---" >&2
  tail -n 40 "$OUT/app.log" >&2 || true
  exit 1
}

window_found() { xwininfo -root -tree 2>/dev/null | grep -q '"GoLive'; }
colours() { convert "$1" -format '%k' info: 2>/dev/null || echo 0; }

deadline=$((SECONDS + TIMEOUT))
until window_found; do
  kill -0 "$APP_PID" 2>/dev/null || fail "the app exited early"
  [ "$SECONDS" -lt "$deadline" ] || fail "no window titled GoLive after ${TIMEOUT}s"
  sleep 0.5
done
log "window found: $(xwininfo -root -tree | grep -m1 '"GoLive' | sed 's/^ *//')"
sleep "$SETTLE"
n=0
while :; do
  kill -0 "$APP_PID" 2>/dev/null || fail "the app exited"
  import -display "$DISPLAY" -window root "$PNG" 2>/dev/null || true
  n=$(colours "$PNG")
  [ "$n" -lt "$MIN_COLOURS" ] || break
  [ "$SECONDS" -lt "$deadline" ] || fail "screen looks blank: $n distinct colours (< $MIN_COLOURS) in $PNG"
  sleep 1
done
log "screenshot has $n distinct colours (>= $MIN_COLOURS)"

# Listening TCP sockets of the app and its child processes (WebKit helpers).
pids="$APP_PID $(pgrep -d ' ' -P "$APP_PID" || true)"
for p in $(pgrep -P "$APP_PID" || true); do pids="$pids $(pgrep -d ' ' -P "$p" || true)"; done
listening=""
for p in $pids; do
  l=$(ss -ltnpH 2>/dev/null | grep "pid=$p," || true)
  [ -z "$l" ] || listening="$listening$l"$'\n'
done
[ -z "$listening" ] || fail "the production app listens on TCP: $listening"
log "no TCP listener in processes: $pids"

grep -q '^golive:' "$OUT/app.log" && fail "the app reported an error: $(grep -m1 '^golive:' "$OUT/app.log")"

stop_pid "$APP_PID" 10
wait "$APP_PID" 2>/dev/null || true
APP_PID=""
echo "GUI smoke passed: window GoLive, $n colours, no TCP listener"
echo "screenshot: $PNG"
