// Package store keeps GoLive's data in one Badger v4 database per data
// folder.
//
// Keys are grouped by a short bucket prefix:
//
//	ev/<dossier>/<event id>  a dossier event as ledger.Marshal wrote it
//	<bucket>/<key>           a JSON record: profiles, identities, systems,
//	                         dossier summaries (a cache of the ledger),
//	                         settings, templates
//
// The database is opened with SyncWrites, so a Commit that returned nil is on
// disk and survives a crash of the process or the machine; and with options
// sized for a laptop (8 MiB memtables, small caches), which keep the resident
// memory near 50-130 MB where Badger's defaults reach about 580 MB.
//
// Open and OpenReadOnly verify every block of every table before Badger
// opens (Inspect); the app's OpenDeferred checks the MANIFEST and the table
// indexes first and the blocks in a background pass (Verified, Damage),
// after which a damaged folder refuses every write.
//
// Events are verified before they are written and are never overwritten:
// committing an event that is already stored is a no-op, so merging two copies
// of a dossier is the union of their events.
package store
