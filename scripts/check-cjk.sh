#!/usr/bin/env bash
# Fails when a .vue or .ts file under frontend/src outside frontend/src/i18n/
# holds Chinese text (*.spec.ts exempt). The check itself, with its character
# ranges, is frontend/scripts/check-no-cjk.mjs: this only runs it.
set -euo pipefail
. "$(dirname "$0")/lib.sh"
cd "$ROOT"

[ -d frontend/src ] || die "frontend/src is missing"
command -v node >/dev/null 2>&1 || die "node is missing (Node.js 20.19+ is needed)"
exec node frontend/scripts/check-no-cjk.mjs
