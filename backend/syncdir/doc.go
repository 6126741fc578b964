// Package syncdir keeps a data folder in step with a shared sync folder: a
// folder on an SMB share, in OneDrive/SharePoint, Nextcloud or Syncthing,
// that every GoLive of the team points at. Each data folder publishes its
// new events there as packs and reads everyone else's packs; the dossiers'
// state is the deterministic fold of the union of events, so every copy
// that holds the same events shows the same state, whatever the order in
// which the packs arrived.
//
// # Layout
//
//	S/golive/packs/<writer>/<sha256>.pack
//
// <writer> is the first 16 hex digits of the SHA-256 of the writer's
// Ed25519 public key (the 32 raw bytes): short, fixed-length, and distinct
// for every key, so no two machines ever write the same name. A pack is an
// exchange file (package exchange, Kind exchange.KindPack) holding events,
// the attachments they reference, the roster versions, templates and
// systems; its file name is the SHA-256 of its bytes.
//
// # Rules
//
//   - A pack is written under a temporary name in the writer's folder
//     (".tmp-…", with a leading dot), hashed, and renamed to <sha256>.pack.
//     Readers ignore every name that starts with a dot.
//   - A reader recomputes each pack's hash before opening it. A mismatch
//     means "not completely copied yet, or damaged": the pack is skipped and
//     tried again at every sync, and reported as failed (syncdir.incomplete)
//     once it stayed bad over two syncs at least Folder.Grace apart, or
//     when it was not modified for Folder.Grace (nothing copies it any
//     more).
//   - A pack whose hash is right but that exchange.Open or core.Import
//     refuses (a forged signature, another organisation, an unknown key…)
//     is reported with its code and never applied; it is tried again only
//     when a later pack brought something (a roster version may make it
//     valid).
//   - Copies that file-sync tools make ("x (1).pack",
//     "x.sync-conflict-20261201-….pack", "x-conflict….pack") are read only
//     when their content hash is the name of a pack in the folder that was
//     not read yet (its own copy being incomplete); otherwise they are
//     ignored.
//   - Import is all or nothing per pack and idempotent (core.Import);
//     events whose parents have not arrived wait in the data folder's
//     quarantine (Result.Waiting).
//   - Publishing needs an unlocked profile. It writes one pack with the
//     events this data folder holds that the sync folder does not (as far
//     as the local record knows: the events of every pack written or read).
//     Without an unlocked profile, or without a published roster, a sync
//     only reads (a read-only replica, e.g. the PMO's archive PC).
//   - Compaction: when a writer has more than MaxPacks packs of its own, it
//     writes one pack with everything its data folder holds and then deletes
//     its own older packs; never another writer's. So every writer keeps at
//     most MaxPacks+1 packs, and the folder holds a few files per person
//     whatever the size of the portfolio.
//   - A sync never edits or deletes anything in the sync folder except its
//     own temporary files and its own compacted packs. The data folder must
//     not lie inside the sync folder, nor the sync folder inside the data
//     folder (syncdir.inside_data).
//
// # Local record
//
// The data folder's store keeps, per sync folder (bucket "syncf", keyed by
// the SHA-256 of the folder's absolute path): the ids of the events known
// to be in the sync folder, the packs already read, the packs that failed
// their checks, and the last sync's Status, so the app can show it on
// start. The folder chosen in the app is kept under the key "chosen".
package syncdir
