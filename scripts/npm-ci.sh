#!/usr/bin/env bash
# scripts/npm-ci.sh DIR: runs `npm ci` in DIR when DIR/node_modules is missing
# or older than package.json / package-lock.json, so repeated runs are quick.
set -euo pipefail
. "$(dirname "$0")/lib.sh"

dir="${1:?usage: npm-ci.sh DIR}"
cd "$ROOT/$dir"
[ -f package-lock.json ] || die "$dir/package-lock.json is missing (run npm install there and commit it)"
stamp=node_modules/.package-lock.json # written by npm on every install
if [ -f "$stamp" ] && ! [ package-lock.json -nt "$stamp" ] && ! [ package.json -nt "$stamp" ]; then
  exit 0
fi
log "npm ci in $dir"
npm ci --no-audit --no-fund --loglevel=error
touch "$stamp"
