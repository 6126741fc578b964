# shellcheck shell=bash
# Shared helpers for GoLive's scripts. Source it: . "$(dirname "$0")/lib.sh"

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export ROOT

# Go lives in /usr/local/go/bin; tools installed with `go install` in GOPATH/bin.
case ":$PATH:" in *:/usr/local/go/bin:*) ;; *) PATH="/usr/local/go/bin:$PATH" ;; esac
if command -v go >/dev/null 2>&1; then
  _gobin="$(go env GOPATH 2>/dev/null)/bin"
  case ":$PATH:" in *":$_gobin:"*) ;; *) PATH="$PATH:$_gobin" ;; esac
fi
export PATH

log() { printf '==> %s\n' "$*" >&2; }
warn() { printf 'warning: %s\n' "$*" >&2; }
die() { printf 'error: %s\n' "$*" >&2; exit 1; }

# as_root runs a command as root (directly, or through sudo when available).
as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"
  elif command -v sudo >/dev/null 2>&1; then sudo "$@"
  else die "need root to run: $*"
  fi
}

# go_tags prints the build tags the Linux webview needs: Debian 12 ships
# webkit2gtk-4.0; newer systems only 4.1, which Wails selects with webkit2_41.
webkit_tags() {
  if pkg-config --exists webkit2gtk-4.0 2>/dev/null; then echo ""
  elif pkg-config --exists webkit2gtk-4.1 2>/dev/null; then echo "webkit2_41"
  else echo ""
  fi
}

# join_tags a b c -> "a,b,c" without empty items.
join_tags() {
  local out="" t
  for t in "$@"; do [ -n "$t" ] && out="${out:+$out,}$t"; done
  echo "$out"
}

# start_xvfb sets XVFB_PID and DISPLAY to a fresh Xvfb on a free display.
start_xvfb() {
  local fifo
  fifo="$(mktemp -u)"
  mkfifo "$fifo"
  Xvfb -displayfd 3 -screen 0 "${XVFB_SCREEN:-1366x768x24}" -nolisten tcp 3>"$fifo" >/dev/null 2>&1 &
  XVFB_PID=$!
  local n=""
  read -r -t 20 n <"$fifo" || true
  rm -f "$fifo"
  [ -n "$n" ] || die "Xvfb did not start"
  export DISPLAY=":$n"
}

stop_pid() { # stop_pid PID [seconds]: SIGTERM, wait, then SIGKILL
  local pid=$1 t=${2:-10} i
  kill -0 "$pid" 2>/dev/null || return 0
  kill -TERM "$pid" 2>/dev/null || true
  for ((i = 0; i < t * 10; i++)); do
    kill -0 "$pid" 2>/dev/null || return 0
    sleep 0.1
  done
  kill -KILL "$pid" 2>/dev/null || true
}
