#!/usr/bin/env bash
# scripts/build.sh WHAT — the project's builds, shared by the Makefile and
# scripts/test.sh. Dependencies must already be installed (install-deps.sh).
#   frontend [--force]  npm ci if stale, then `npm run build` into frontend/dist
#                       (skipped when dist is newer than every frontend source)
#   prod                build/bin/golive      (tags desktop,production; -w -s)
#   dev                 build/bin/golive-dev  (tag dev: serves -devserver for e2e)
#   dist                build/bin/golive and build/bin/golive.exe with `wails build`
# main.go embeds frontend/dist, so every Go build of the main package needs
# the frontend built first; prod, dev and dist check that it is.
set -euo pipefail
. "$(dirname "$0")/lib.sh"
cd "$ROOT"

need_dist() {
  [ -f frontend/dist/index.html ] || die "frontend/dist/index.html is missing: run scripts/build.sh frontend (make frontend) first"
}

frontend() {
  "$ROOT/scripts/npm-ci.sh" frontend
  if [ "${1:-}" != --force ] && [ -f frontend/dist/index.html ] &&
    [ -z "$(find frontend -path frontend/node_modules -prune -o -path frontend/dist -prune -o -type f -newer frontend/dist/index.html -print -quit)" ]; then
    log "frontend/dist is up to date"
    return 0
  fi
  log "npm run build (frontend)"
  (cd frontend && npm run build)
  need_dist
}

gobuild() { # gobuild OUT TAGS [extra go flags…]
  local out=$1 tags=$2
  shift 2
  need_dist
  mkdir -p build/bin
  log "go build -tags $tags -o $out"
  go build -tags "$tags" "$@" -o "$out" .
}

case "${1:-}" in
  frontend) shift; frontend "$@" ;;
  prod) gobuild build/bin/golive "$(join_tags desktop production "$(webkit_tags)")" -trimpath -ldflags "-w -s" ;;
  dev) gobuild build/bin/golive-dev "$(join_tags dev "$(webkit_tags)")" ;;
  dist)
    need_dist
    command -v wails >/dev/null || die "the Wails CLI is missing: scripts/install-deps.sh dist"
    # -s: frontend already built; -skipbindings: keep the committed
    # frontend/wailsjs; -m -nosyncgomod: leave go.mod alone.
    common=(-s -skipbindings -m -nosyncgomod -trimpath -nocolour)
    tags="$(webkit_tags)"
    log "wails build -platform linux/amd64"
    wails build "${common[@]}" ${tags:+-tags "$tags"} -platform linux/amd64 -o golive
    # -nsis: also the per-user installer (build/windows/installer/project.nsi;
    # makensis from Debian's nsis, scripts/install-deps.sh dist).
    log "wails build -platform windows/amd64 -nsis"
    wails build "${common[@]}" -platform windows/amd64 -nsis -o golive.exe
    # wails build rewrites the committed runtime package; keep ours.
    git checkout -- frontend/wailsjs/runtime 2>/dev/null || true
    file build/bin/golive build/bin/golive.exe build/bin/GoLive-amd64-installer.exe 2>/dev/null ||
      ls -l build/bin/golive build/bin/golive.exe build/bin/GoLive-amd64-installer.exe
    ;;
  *) die "usage: scripts/build.sh frontend|prod|dev|dist" ;;
esac
