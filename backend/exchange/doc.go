// Package exchange writes and reads GoLive exchange files (.golive): what
// one person's data folder sends another's, by hand (发送给…, 回复) or as
// the packs of a sync folder.
//
// # Format (golive-exchange, version 1)
//
// A zip file (see package zipfile) whose first entry, manifest.json, is
//
//	{"format":"golive-exchange","version":1,"body":{…},"sig":"<128 hex>"}
//
// where sig is the exporter's Ed25519 signature over the canonical JSON
// (ledger.CanonicalJSON) of body, and body (Body) names the exporter's
// key, the organisation (the roster's root key), what the file is for and
// for whom, the dossiers it covers and every other entry with its size and
// SHA-256. The other entries are:
//
//   - events.jsonl: signed ledger events, one per line in the store's
//     encoding (ledger.Marshal): dossier events, the roster's versions and
//     the release-window plans they need;
//   - blobs/<sha256>: the attachments the events reference (optional);
//   - templates/<sha256>.json: process templates the dossiers pin other
//     than the embedded default;
//   - systems.json: the register entries of the dossiers' systems.
//
// # What Open checks
//
// Everything zipfile.Open checks (names, sizes, ratios, truncation,
// duplicates, exact entry list), then the signature over the body, that
// the counts agree, and every event (id, signature, canonical form), so a
// forged, edited, cut or padded file is refused before anything is read
// into a data folder. Whether the events may change a folder (their
// organisation, their authors, their parents) is the importer's question
// (core.Import), since it needs the folder's roster.
//
// Subpackage exchangetest takes files apart and writes them back changed,
// as an attacker would, for the tests.
package exchange
