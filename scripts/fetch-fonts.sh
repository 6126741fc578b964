#!/usr/bin/env bash
# scripts/fetch-fonts.sh: puts the two Noto Sans SC faces the PDF documents
# embed into backend/pdf/fonts/ (gitignored; backend/pdf embeds the folder
# with //go:embed, so run this before `go build`, `go vet` or `go test` of
# backend/pdf). It is quick when the files are already there and intact.
#
# Source: the npm package @expo-google-fonts/noto-sans-sc (fonts under the
# SIL Open Font License 1.1, see LICENSE_FONT, copied next to the fonts),
# fetched with `npm pack`, which checks the tarball against the registry's
# integrity hash; the two .ttf files are then checked against the SHA-256
# values pinned below. Noto Sans SC there is a glyf TrueType font with
# Latin letters and digits, which gofpdf can subset.
set -euo pipefail
. "$(dirname "$0")/lib.sh"

PKG="@expo-google-fonts/noto-sans-sc"
VERSION="0.4.3"
DEST="$ROOT/backend/pdf/fonts"
# file in the package -> name in $DEST -> SHA-256
FILES=(
  "400Regular/NotoSansSC_400Regular.ttf NotoSansSC-Regular.ttf d45f67f0a7c0ca3f256950777ce6a61cc7ce5f9696d02900cbbaac25f8aa7d16"
  "700Bold/NotoSansSC_700Bold.ttf NotoSansSC-Bold.ttf 9a38ae0ab28cd5a256f9ea8e00dedc688aac17f7915fcb000572990afa956b96"
)

sha() { sha256sum "$1" | cut -d' ' -f1; }

intact() {
  local entry src dst sum
  for entry in "${FILES[@]}"; do
    read -r src dst sum <<<"$entry"
    [ -f "$DEST/$dst" ] && [ "$(sha "$DEST/$dst")" = "$sum" ] || return 1
  done
}

if intact; then
  exit 0
fi
command -v npm >/dev/null 2>&1 || die "npm is needed to fetch $PKG@$VERSION (apt-get install npm)"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
log "fetching $PKG@$VERSION from the npm registry (about 57 MB, cached by npm afterwards)"
(cd "$tmp" && npm pack --silent "$PKG@$VERSION" >/dev/null)
tarball="$(ls "$tmp"/*.tgz)"
members=(package/LICENSE_FONT)
for entry in "${FILES[@]}"; do
  read -r src _ _ <<<"$entry"
  members+=("package/$src")
done
tar -xzf "$tarball" -C "$tmp" "${members[@]}"
mkdir -p "$DEST"
for entry in "${FILES[@]}"; do
  read -r src dst sum <<<"$entry"
  got="$(sha "$tmp/package/$src")"
  [ "$got" = "$sum" ] || die "$src in $PKG@$VERSION has SHA-256 $got, expected $sum"
  mv "$tmp/package/$src" "$DEST/$dst"
done
cp "$tmp/package/LICENSE_FONT" "$DEST/OFL.txt"
log "fonts ready in ${DEST#"$ROOT"/}"
