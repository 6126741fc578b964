#!/usr/bin/env bash
# Installs what GoLive needs and is missing, for a fresh Debian 12 machine.
#   scripts/install-deps.sh run    build and run the app (default)
#   scripts/install-deps.sh test   also Xvfb, Chromium, ImageMagick … for the tests
#   scripts/install-deps.sh dist   also NSIS and the Wails CLI, for cross-builds and the Windows installer
# Only missing packages are installed (dpkg -s), so repeated runs are quick.
# Sources: Debian's apt, the Go module proxy, the npm registry (the PDF fonts,
# scripts/fetch-fonts.sh). The apps' npm packages: scripts/npm-ci.sh.
set -euo pipefail
. "$(dirname "$0")/lib.sh"

profile="${1:-run}"
WAILS_VERSION=v2.11.0
NODE_MIN=20.19 # frontend/package.json engines

pkgs=(build-essential pkg-config libgtk-3-dev fonts-droid-fallback)
# Debian 12 has webkit2gtk-4.0; later releases only 4.1 (built with -tags webkit2_41).
webkit=libwebkit2gtk-4.0-dev
case "$profile" in
  run) ;;
  dist) pkgs+=(nsis) ;; # makensis: the Windows installer (wails build -nsis)
  test) pkgs+=(xvfb xauth x11-utils chromium poppler-utils libreoffice-calc imagemagick iproute2 procps) ;;
  *) die "unknown profile '$profile' (run, test or dist)" ;;
esac

missing=()
installed() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'install ok installed'; }
installed libwebkit2gtk-4.0-dev || installed libwebkit2gtk-4.1-dev || missing+=("$webkit")
for p in "${pkgs[@]}"; do installed "$p" || missing+=("$p"); done

node_ok() {
  command -v node >/dev/null 2>&1 && command -v npm >/dev/null 2>&1 &&
    node -e "const [a,b]=process.versions.node.split('.').map(Number),[x,y]='$NODE_MIN'.split('.').map(Number);process.exit(a>x||(a===x&&b>=y)?0:1)"
}
node_ok || { command -v node >/dev/null 2>&1 || missing+=(nodejs npm); }

apt_updated=0
apt_install() {
  export DEBIAN_FRONTEND=noninteractive
  if [ "$apt_updated" = 0 ]; then
    log "apt-get update"
    as_root apt-get update -q
    apt_updated=1
  fi
  # Debian 13+ has no webkit2gtk-4.0: fall back to 4.1.
  local want=() p
  for p in "$@"; do
    if [ "$p" = libwebkit2gtk-4.0-dev ] && ! apt-cache show "$p" >/dev/null 2>&1; then p=libwebkit2gtk-4.1-dev; fi
    want+=("$p")
  done
  log "apt-get install ${want[*]}"
  as_root apt-get install -y -q --no-install-recommends "${want[@]}"
}
if [ "${#missing[@]}" -gt 0 ]; then
  apt_install "${missing[@]}"
fi

# Go: /usr/local/go (Debian's golang is too old for go.mod).
command -v go >/dev/null 2>&1 || die "Go is not installed: install Go 1.26+ into /usr/local/go (https://go.dev/dl/)"
node_ok || die "Node.js $NODE_MIN+ with npm is needed (found: $(node --version 2>/dev/null || echo none)); install Node 20 LTS or newer"

# The Wails CLI: builds (run, dist) and the bindings check of make test.
if [ "$profile" = dist ] || [ "$profile" = run ] || [ "$profile" = test ]; then
  gobin="$(go env GOPATH)/bin"
  if ! "$gobin/wails" version 2>/dev/null | grep -q "$WAILS_VERSION"; then
    log "go install github.com/wailsapp/wails/v2/cmd/wails@$WAILS_VERSION"
    go install "github.com/wailsapp/wails/v2/cmd/wails@$WAILS_VERSION"
  fi
fi
# Files the Go build embeds that are fetched, not committed (the PDF fonts
# from a pinned npm package); the script is quick when they are there.
if [ -f "$ROOT/scripts/fetch-fonts.sh" ]; then
  bash "$ROOT/scripts/fetch-fonts.sh"
fi
exit 0
