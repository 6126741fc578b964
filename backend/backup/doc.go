// Package backup writes and restores whole-folder backups and makes the
// self-contained archive package of one archived dossier.
//
// # Backup file
//
// A backup is one zip file (archive/zip) whose first entry is
// manifest.json: the format name "golive-backup", the format version (1),
// when it was made (with its zone), the app version, the folder it was made
// from, how many events, records and blobs it holds, and the SHA-256 and
// size of every other entry. Then come
//
//	events.jsonl              every ledger event, one per line, exactly as
//	                          the store keeps it (ledger.Marshal's wire form)
//	records.jsonl             every other key of the store, one per line:
//	                          {"k":"bucket/key","v":<the stored JSON>}
//	                          ("b64" instead of "v" for a value that is not
//	                          one line of JSON)
//	blobs/sha256/ab/cdef…     every attachment and handwriting image, named
//	                          by its SHA-256 as in the data folder
//
// Records hold profiles with their keys sealed by their passphrase (never a
// private key in clear), templates, the roster pin, systems, settings,
// identity cards, signed checkpoints and the dossier index. The command
// log (logs/) is not backed up.
//
// Write reads the store in one read transaction (a consistent snapshot)
// and writes to a temporary file next to the output, renamed into place
// at the end. OpenFolder opens a folder to back up without writing to it:
// read-only, or, when the app holds the folder (or a crash left it for a
// read-write open), through a crash-consistent copy of its database files
// in a temporary folder that Close removes.
//
// Restore checks every entry's size and hash against the manifest, every
// event's signature and every line before it writes anything; then it
// builds the folder in a temporary sibling of the target, checks it (opens
// it and folds every dossier) and renames it into place.
//
// # Dossier archive
//
// ExportDossier writes the package of one archived dossier for the
// records office (format "golive-dossier-archive"): its events, the roster
// events and the records its documents are checked against, every
// attachment its events name, its signed PDFs, the keys that signed and a
// README in Chinese. VerifyArchive checks such a package offline.
package backup
