package backup

import (
	"regexp"
	"time"

	"golive/backend/zipfile"
)

// Format names and versions of the files this package writes.
const (
	// Format is the manifest's "format" of a whole-folder backup.
	Format = "golive-backup"
	// FormatVersion is the backup format this version writes and reads.
	FormatVersion = 1
	// ArchiveFormat is the manifest's "format" of a dossier archive.
	ArchiveFormat = "golive-dossier-archive"
	// ArchiveVersion is the archive format this version writes and reads.
	ArchiveVersion = 1
)

// Names of the entries.
const (
	// ManifestName is the first entry of every file.
	ManifestName = "manifest.json"
	// EventsName holds the ledger events, one per line.
	EventsName = "events.jsonl"
	// RecordsName holds the store's other records, one per line.
	RecordsName = "records.jsonl"
	// BlobPrefix starts the name of every blob entry.
	BlobPrefix = "blobs/sha256/"
)

// Limits a file must respect to be read. Files this package writes always
// do: an entry that would compress better than MaxRatio is stored
// uncompressed.
const (
	// MaxManifestSize bounds manifest.json.
	MaxManifestSize = 64 << 20
	// MaxTotalSize bounds the sum of the entries' sizes.
	MaxTotalSize int64 = 256 << 30
	// MaxEntrySize bounds one entry (an attachment may be 8 GiB).
	MaxEntrySize int64 = 8 << 30
	// MaxEntries bounds how many entries a file may have.
	MaxEntries = 2_000_000
	// MaxRatio bounds an entry's size over its compressed size.
	MaxRatio = 100
	// ratioFloor is the size below which the ratio is not checked: a small
	// entry cannot be a bomb.
	ratioFloor = 1 << 20
	// MaxLine bounds one line of events.jsonl or records.jsonl.
	MaxLine = 32 << 20
)

// Manifest is manifest.json.
type Manifest struct {
	// Format is Format or ArchiveFormat.
	Format string `json:"format"`
	// Version is the format version.
	Version int `json:"version"`
	// Created is when the file was made, in Zone.
	Created time.Time `json:"created"`
	// Zone is the IANA name of Created's zone.
	Zone string `json:"zone"`
	// AppVersion is the GoLive version that wrote the file.
	AppVersion string `json:"app_version"`
	// Source is the data folder the file was made from.
	Source string `json:"source"`
	// Dossier and Title name the dossier of an archive ("" in a backup).
	Dossier string `json:"dossier,omitempty"`
	Title   string `json:"title,omitempty"`
	// Counts says what the file holds.
	Counts Counts `json:"counts"`
	// Entries lists every other entry, in the order they are written.
	Entries []Entry `json:"entries"`
}

// Counts says how many events, records and blobs a file holds.
type Counts struct {
	Events  int `json:"events"`
	Records int `json:"records"`
	Blobs   int `json:"blobs"`
	// RosterEvents and Documents are counted in an archive only.
	RosterEvents int `json:"roster_events,omitempty"`
	Documents    int `json:"documents,omitempty"`
}

// Entry is one entry of the file as the manifest declares it.
type Entry = zipfile.Entry

var (
	hexSHA   = zipfile.HexSHA
	blobName = regexp.MustCompile(`^blobs/sha256/([0-9a-f]{2})/([0-9a-f]{62})$`)
)

// BlobEntryName is the entry name of blob sum.
func BlobEntryName(sum string) string { return BlobPrefix + sum[:2] + "/" + sum[2:] }

// blobSum returns the SHA-256 a blob entry name states, and false for any
// other name.
func blobSum(name string) (string, bool) {
	m := blobName.FindStringSubmatch(name)
	if m == nil {
		return "", false
	}
	return m[1] + m[2], true
}

// backupName reports whether name may be an entry of a backup.
func backupName(name string) bool {
	if name == EventsName || name == RecordsName {
		return true
	}
	_, ok := blobSum(name)
	return ok
}
