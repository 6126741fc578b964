package backup

import (
	"archive/zip"
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"hash"
	"io"
	"os"
	"strconv"

	"golive/backend/apperr"
)

// container is a backup or archive file opened for reading, whose
// structure and manifest were checked (openContainer); its entries'
// contents are checked by verify and again by every reader open returns.
type container struct {
	path  string
	zr    *zip.ReadCloser
	m     Manifest
	files map[string]*zip.File
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

// openContainer opens path and checks, before any entry is read: that it
// is a zip whose first entry is a manifest of the expected format and
// version; that every entry's name is one the format has (no path
// separators but the format's own, no "..", no absolute or odd names),
// none twice, none encrypted; that the entries are exactly those the
// manifest lists, each of the declared size, within the size and
// compression-ratio limits. Codes (each with the entry's name where there
// is one): backup.unreadable, backup.not_a_backup, backup.truncated,
// backup.bad_manifest (problem), backup.unknown_format,
// backup.unknown_version, backup.bad_name, backup.duplicate_entry,
// backup.bad_entry (problem), backup.missing_entry, backup.extra_entry,
// backup.entry_too_large, backup.size_mismatch, backup.hash_mismatch,
// backup.ratio, backup.too_large, backup.too_many_entries,
// backup.count_mismatch.
func openContainer(path string, k kind) (*container, error) {
	zr, err := zip.OpenReader(path)
	if errors.Is(err, zip.ErrInsecurePath) && zr != nil {
		err = nil // every name is checked below
	}
	if err != nil {
		return nil, notAZip(path, err)
	}
	c := &container{path: path, zr: zr, files: map[string]*zip.File{}}
	if err := c.check(k); err != nil {
		_ = zr.Close()
		return nil, err
	}
	return c, nil
}

// notAZip says why path could not be opened as a zip: unreadable, cut
// short (it starts like a zip) or not a backup at all.
func notAZip(path string, err error) error {
	f, oerr := os.Open(path)
	if oerr != nil {
		return apperr.Wrap(oerr, "backup.unreadable", "path", path)
	}
	defer f.Close()
	head := make([]byte, 4)
	if _, rerr := io.ReadFull(f, head); rerr == nil && bytes.Equal(head, []byte("PK\x03\x04")) {
		return apperr.Wrap(err, "backup.truncated", "path", path)
	}
	return apperr.Wrap(err, "backup.not_a_backup", "path", path)
}

func (c *container) check(k kind) error {
	files := c.zr.File
	if len(files) > MaxEntries+1 {
		return apperr.New("backup.too_many_entries", "max", strconv.Itoa(MaxEntries))
	}
	if len(files) == 0 || files[0].Name != ManifestName {
		return apperr.New("backup.bad_manifest", "problem", "not_first")
	}
	for i, f := range files {
		if i > 0 && !k.validName(f.Name) {
			return apperr.New("backup.bad_name", "name", f.Name)
		}
		if _, dup := c.files[f.Name]; dup || (i > 0 && f.Name == ManifestName) {
			return apperr.New("backup.duplicate_entry", "name", f.Name)
		}
		if f.Flags&0x1 != 0 {
			return apperr.New("backup.bad_entry", "name", f.Name, "problem", "encrypted")
		}
		if f.Method != zip.Store && f.Method != zip.Deflate {
			return apperr.New("backup.bad_entry", "name", f.Name, "problem", "method")
		}
		if i > 0 {
			c.files[f.Name] = f
		}
	}
	if err := c.readManifest(files[0], k); err != nil {
		return err
	}
	return c.matchManifest()
}

func (c *container) readManifest(f *zip.File, k kind) error {
	if f.UncompressedSize64 > MaxManifestSize {
		return apperr.New("backup.bad_manifest", "problem", "too_large")
	}
	rc, err := f.Open()
	if err != nil {
		return apperr.Wrap(err, "backup.entry_corrupt", "name", ManifestName)
	}
	defer rc.Close()
	raw, err := io.ReadAll(io.LimitReader(rc, MaxManifestSize+1))
	if err != nil {
		return apperr.Wrap(err, "backup.entry_corrupt", "name", ManifestName)
	}
	if len(raw) > MaxManifestSize {
		return apperr.New("backup.bad_manifest", "problem", "too_large")
	}
	// The format and version first, so a newer file is named as such.
	var head struct {
		Format  string `json:"format"`
		Version int    `json:"version"`
	}
	if err := json.Unmarshal(raw, &head); err != nil {
		return apperr.Wrap(err, "backup.bad_manifest", "problem", "json")
	}
	if head.Format != k.format {
		return apperr.New("backup.unknown_format", "format", head.Format, "want", k.format)
	}
	if head.Version != k.version {
		return apperr.New("backup.unknown_version", "version", strconv.Itoa(head.Version), "want", strconv.Itoa(k.version))
	}
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&c.m); err != nil {
		return apperr.Wrap(err, "backup.bad_manifest", "problem", "json")
	}
	if _, err := dec.Token(); !errors.Is(err, io.EOF) {
		return apperr.New("backup.bad_manifest", "problem", "trailing_data")
	}
	return nil
}

// matchManifest checks the manifest's entries (names, digests, sizes and
// their total) and then the zip's entries against them.
func (c *container) matchManifest() error {
	var total int64
	listed := map[string]bool{}
	blobs := 0
	for _, e := range c.m.Entries {
		if e.Name == ManifestName || listed[e.Name] {
			return apperr.New("backup.bad_manifest", "problem", "duplicate", "name", e.Name)
		}
		listed[e.Name] = true
		if !hexSHA.MatchString(e.SHA256) || e.Size < 0 {
			return apperr.New("backup.bad_manifest", "problem", "entry", "name", e.Name)
		}
		if e.Size > MaxEntrySize {
			return apperr.New("backup.entry_too_large", "name", e.Name)
		}
		if total += e.Size; total > MaxTotalSize {
			return apperr.New("backup.too_large", "max", strconv.FormatInt(MaxTotalSize>>30, 10)+" GiB")
		}
		if sum, ok := blobSum(e.Name); ok {
			blobs++
			if sum != e.SHA256 {
				return apperr.New("backup.hash_mismatch", "name", e.Name)
			}
		}
	}
	for _, e := range c.m.Entries {
		f, ok := c.files[e.Name]
		if !ok {
			return apperr.New("backup.missing_entry", "name", e.Name)
		}
		switch {
		case f.UncompressedSize64 > uint64(e.Size):
			return apperr.New("backup.entry_too_large", "name", e.Name)
		case f.UncompressedSize64 < uint64(e.Size):
			return apperr.New("backup.size_mismatch", "name", e.Name)
		case e.Size > ratioFloor && f.CompressedSize64*MaxRatio < uint64(e.Size):
			return apperr.New("backup.ratio", "name", e.Name, "max", strconv.Itoa(MaxRatio))
		}
	}
	for name := range c.files {
		if !listed[name] {
			return apperr.New("backup.extra_entry", "name", name)
		}
	}
	if blobs != c.m.Counts.Blobs {
		return apperr.New("backup.count_mismatch", "what", "blobs")
	}
	return nil
}

// total is the sum of the entries' sizes.
func (c *container) total() int64 {
	var n int64
	for _, e := range c.m.Entries {
		n += e.Size
	}
	return n
}

// entry returns the manifest's entry name.
func (c *container) entry(name string) (Entry, bool) {
	for _, e := range c.m.Entries {
		if e.Name == name {
			return e, true
		}
	}
	return Entry{}, false
}

// verify reads every entry and checks its size and hash (see open).
func (c *container) verify(ctx context.Context, progress ProgressFunc) error {
	mt := newMeter(progress, PhaseVerify, c.total())
	buf := make([]byte, 256<<10)
	for _, e := range c.m.Entries {
		if err := ctx.Err(); err != nil {
			return cancelled(err)
		}
		rc, err := c.open(e.Name)
		if err != nil {
			return err
		}
		_, err = io.CopyBuffer(progressWriter{w: io.Discard, m: mt}, readerOnly{rc}, buf)
		_ = rc.Close()
		if err != nil {
			return err
		}
	}
	mt.finish()
	return nil
}

// readerOnly hides WriteTo, so io.Copy uses the buffer given.
type readerOnly struct{ io.Reader }

// open returns the contents of entry name. The reader fails when the
// contents run past the declared size (backup.entry_too_large), stop
// short of it (backup.size_mismatch), are damaged (backup.entry_corrupt)
// or, at their end, do not hash to the declared SHA-256
// (backup.hash_mismatch).
func (c *container) open(name string) (io.ReadCloser, error) {
	e, ok := c.entry(name)
	f := c.files[name]
	if !ok || f == nil {
		return nil, apperr.New("backup.missing_entry", "name", name)
	}
	rc, err := f.Open()
	if err != nil {
		return nil, apperr.Wrap(err, "backup.entry_corrupt", "name", name)
	}
	return &checkedReader{rc: rc, r: io.LimitReader(rc, e.Size+1), e: e, h: sha256.New()}, nil
}

type checkedReader struct {
	rc io.ReadCloser
	r  io.Reader
	e  Entry
	h  hash.Hash
	n  int64
}

func (c *checkedReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	c.h.Write(p[:n])
	if c.n > c.e.Size {
		return n, apperr.New("backup.entry_too_large", "name", c.e.Name)
	}
	switch {
	case errors.Is(err, io.EOF):
		if c.n < c.e.Size {
			return n, apperr.New("backup.size_mismatch", "name", c.e.Name)
		}
		if hex.EncodeToString(c.h.Sum(nil)) != c.e.SHA256 {
			return n, apperr.New("backup.hash_mismatch", "name", c.e.Name)
		}
	case errors.Is(err, zip.ErrFormat):
		// While reading, archive/zip says ErrFormat only of an entry whose
		// data runs past the size its headers declare.
		return n, apperr.Wrap(err, "backup.entry_too_large", "name", c.e.Name)
	case err != nil:
		return n, apperr.Wrap(err, "backup.entry_corrupt", "name", c.e.Name)
	}
	return n, err
}

func (c *checkedReader) Close() error { return c.rc.Close() }

// close closes the file.
func (c *container) close() error { return c.zr.Close() }
