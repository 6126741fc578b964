// Package zipfile reads and writes the zip files GoLive exchanges with the
// outside world (backups, dossier archives, exchange files and sync
// packs): a manifest.json first, listing every other entry with its size
// and SHA-256, then the entries.
//
// Reading trusts nothing: before any entry is read, Open checks that the
// file is a zip whose first entry is a manifest of the expected format and
// version, that every name is one the format allows (no "..", no absolute
// or odd names, none twice, none encrypted), that the entries are exactly
// those the manifest lists, each of the declared size, within the size,
// count and compression-ratio limits. Every reader File.Open returns then
// fails when an entry's contents run past or stop short of the declared
// size, are damaged, or do not hash to the declared SHA-256. Error codes
// are the Format's Code followed by the reason ("backup.truncated",
// "exchange.hash_mismatch", …), so each format names its own problems.
//
// Writing goes through a temporary file next to the target, synced and
// renamed at the end: a reader never sees a half-written file under the
// final name.
package zipfile
