package zipfile

import (
	"regexp"
	"strconv"
)

// ManifestName is the first entry of every file.
const ManifestName = "manifest.json"

// Entry is one entry of a file as its manifest declares it.
type Entry struct {
	Name string `json:"name"`
	// SHA256 is the lowercase hex digest of the entry's contents.
	SHA256 string `json:"sha256"`
	// Size is the length of the contents in bytes.
	Size int64 `json:"size"`
}

// Limits a file must respect to be read. Files Write produces always keep
// the ratio: an entry that would compress better than MaxRatio/2 is stored.
type Limits struct {
	// MaxManifest bounds manifest.json.
	MaxManifest int64
	// MaxTotal bounds the sum of the entries' sizes.
	MaxTotal int64
	// MaxEntry bounds one entry.
	MaxEntry int64
	// MaxEntries bounds how many entries a file may have.
	MaxEntries int
	// MaxRatio bounds an entry's size over its compressed size, for
	// entries of RatioFloor bytes or more.
	MaxRatio int64
	// RatioFloor is the size below which the ratio is not checked: a small
	// entry cannot be a bomb.
	RatioFloor int64
	// MaxLine bounds one line of a JSON-lines entry.
	MaxLine int
}

// Format describes one kind of file.
type Format struct {
	// Code prefixes every error code ("backup" gives "backup.truncated").
	Code string
	// Name is the manifest's "format".
	Name string
	// Version is the manifest's "version" this program reads and writes.
	Version int
	// NotOurs is the reason of the code for a file that is no zip at all,
	// e.g. "not_a_backup".
	NotOurs string
	// ValidName reports whether a name other than the manifest's may be an
	// entry.
	ValidName func(string) bool
	// Limits are the sizes a file must respect.
	Limits Limits
}

// code is the format's error code for reason.
func (f Format) code(reason string) string { return f.Code + "." + reason }

// HexSHA matches a lowercase hex SHA-256.
var HexSHA = regexp.MustCompile(`^[0-9a-f]{64}$`)

func itoa(n int64) string { return strconv.FormatInt(n, 10) }
