#!/usr/bin/env bash
# Fails when a .vue or .ts file under frontend/src holds a CJK character
# (Han, kana, Hangul, CJK or full-width punctuation) outside frontend/src/i18n/.
# *.spec.ts files are exempt: tests may assert on translated text.
set -euo pipefail
. "$(dirname "$0")/lib.sh"
cd "$ROOT"
export LC_ALL=C.UTF-8

[ -d frontend/src ] || die "frontend/src is missing"
cjk='[\x{2E80}-\x{2FDF}\x{3000}-\x{30FF}\x{3100}-\x{31FF}\x{3400}-\x{4DBF}\x{4E00}-\x{9FFF}\x{AC00}-\x{D7AF}\x{F900}-\x{FAFF}\x{FE30}-\x{FE4F}\x{FF00}-\x{FFEF}\x{20000}-\x{2FA1F}]'
mapfile -t files < <(find frontend/src -path frontend/src/i18n -prune -o -type f \( -name '*.vue' -o -name '*.ts' \) ! -name '*.spec.ts' -print | sort)
hits=""
[ "${#files[@]}" -eq 0 ] || hits=$(grep -nHP "$cjk" -- "${files[@]}" || true)
if [ -n "$hits" ]; then
  printf '%s\n' "$hits"
  echo "CJK text found outside frontend/src/i18n/ ($(printf '%s\n' "$hits" | wc -l) lines): move it into the i18n messages" >&2
  exit 1
fi
echo "no CJK text in ${#files[@]} .vue/.ts files outside frontend/src/i18n/"
