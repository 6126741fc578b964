package backup

import (
	"context"
	"io"

	"golive/backend/apperr"
	"golive/backend/zipfile"
)

// container is a backup or archive file opened for reading, whose
// structure and manifest were checked (openContainer); its entries'
// contents are checked by verify and again by every reader open returns.
type container struct {
	*zipfile.File
	m Manifest
}

// kind describes what openContainer expects.
type kind struct {
	format  string
	version int
	// validName reports whether a name other than the manifest's may be
	// an entry.
	validName func(string) bool
}

var backupKind = kind{format: Format, version: FormatVersion, validName: backupName}

// zipFormat is the zipfile.Format of k.
func (k kind) zipFormat() zipfile.Format {
	return zipfile.Format{Code: "backup", Name: k.format, Version: k.version, NotOurs: "not_a_backup", ValidName: k.validName, Limits: limits}
}

// limits are the sizes a backup or archive must respect.
var limits = zipfile.Limits{MaxManifest: MaxManifestSize, MaxTotal: MaxTotalSize, MaxEntry: MaxEntrySize,
	MaxEntries: MaxEntries, MaxRatio: MaxRatio, RatioFloor: ratioFloor, MaxLine: MaxLine}

// openContainer opens path and checks, before any entry is read, the
// structure zipfile.Open checks, then that each blob entry's name states
// its declared SHA-256 and that the manifest counts the blobs right.
// Codes (each with the entry's name where there is one): backup.unreadable,
// backup.not_a_backup, backup.truncated, backup.bad_manifest (problem),
// backup.unknown_format, backup.unknown_version, backup.bad_name,
// backup.duplicate_entry, backup.bad_entry (problem),
// backup.missing_entry, backup.extra_entry, backup.entry_too_large,
// backup.size_mismatch, backup.hash_mismatch, backup.ratio,
// backup.too_large, backup.too_many_entries, backup.count_mismatch.
func openContainer(path string, k kind) (*container, error) {
	c := &container{}
	zf, err := zipfile.Open(path, k.zipFormat(), func(raw []byte) ([]zipfile.Entry, error) {
		if err := zipfile.DecodeStrict(raw, &c.m, "backup.bad_manifest"); err != nil {
			return nil, err
		}
		return c.m.Entries, nil
	})
	if err != nil {
		return nil, err
	}
	c.File = zf
	blobs := 0
	for _, e := range c.m.Entries {
		if sum, ok := blobSum(e.Name); ok {
			blobs++
			if sum != e.SHA256 {
				_ = zf.Close()
				return nil, apperr.New("backup.hash_mismatch", "name", e.Name)
			}
		}
	}
	if blobs != c.m.Counts.Blobs {
		_ = zf.Close()
		return nil, apperr.New("backup.count_mismatch", "what", "blobs")
	}
	return c, nil
}

// total is the sum of the entries' sizes.
func (c *container) total() int64 { return c.Total() }

// verify reads every entry and checks its size and hash (see open).
func (c *container) verify(ctx context.Context, progress ProgressFunc) error {
	mt := newMeter(progress, PhaseVerify, c.total())
	var last int64
	err := c.Verify(ctx, func(done int64) { mt.add(done - last); last = done })
	if err != nil {
		return err
	}
	mt.finish()
	return nil
}

// open returns the contents of entry name, checked as zipfile.File.Open
// says (backup.entry_too_large, backup.size_mismatch,
// backup.entry_corrupt, backup.hash_mismatch).
func (c *container) open(name string) (io.ReadCloser, error) { return c.Open(name) }

// close closes the file.
func (c *container) close() error { return c.Close() }
