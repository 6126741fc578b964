package zipfile

import (
	"archive/zip"
	"bufio"
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
	"strings"

	"golive/backend/apperr"
	"golive/backend/ledger"
)

// File is a file opened for reading whose structure and manifest were
// checked (see Open); its entries' contents are checked by every reader
// Open returns, and all at once by Verify.
type File struct {
	// Path is the file's path.
	Path string
	// Manifest is manifest.json as read.
	Manifest []byte
	// Entries are the manifest's entries, in its order.
	Entries []Entry

	f     Format
	zr    *zip.ReadCloser
	files map[string]*zip.File
}

// Open opens path as a file of format f; entries decodes the manifest
// (strictly) and returns the entries it lists. Codes, each the format's
// Code followed by: unreadable, NotOurs, truncated (it starts like a zip
// but its directory is gone), bad_manifest (problem), unknown_format,
// unknown_version, bad_name, duplicate_entry, bad_entry (problem),
// missing_entry, extra_entry, entry_too_large, size_mismatch, ratio,
// too_large, too_many_entries; with the entry's name where there is one.
// The codes entries returns are passed on.
func Open(path string, f Format, entries func(manifest []byte) ([]Entry, error)) (*File, error) {
	zr, err := zip.OpenReader(path)
	if errors.Is(err, zip.ErrInsecurePath) && zr != nil {
		err = nil // every name is checked below
	}
	if err != nil {
		return nil, f.notAZip(path, err)
	}
	z := &File{Path: path, f: f, zr: zr, files: map[string]*zip.File{}}
	if err := z.check(entries); err != nil {
		_ = zr.Close()
		return nil, err
	}
	return z, nil
}

// notAZip says why path could not be opened as a zip: unreadable, cut
// short (it starts like a zip) or not this format at all.
func (f Format) notAZip(path string, err error) error {
	fh, oerr := os.Open(path)
	if oerr != nil {
		return apperr.Wrap(oerr, f.code("unreadable"), "path", path)
	}
	defer fh.Close()
	head := make([]byte, 4)
	if _, rerr := io.ReadFull(fh, head); rerr == nil && bytes.Equal(head, []byte("PK\x03\x04")) {
		return apperr.Wrap(err, f.code("truncated"), "path", path)
	}
	return apperr.Wrap(err, f.code(f.NotOurs), "path", path)
}

func (z *File) check(entries func([]byte) ([]Entry, error)) error {
	f := z.f
	files := z.zr.File
	if len(files) > f.Limits.MaxEntries+1 {
		return apperr.New(f.code("too_many_entries"), "max", strconv.Itoa(f.Limits.MaxEntries))
	}
	if len(files) == 0 || files[0].Name != ManifestName {
		return apperr.New(f.code("bad_manifest"), "problem", "not_first")
	}
	for i, zf := range files {
		if i > 0 && !f.ValidName(zf.Name) {
			return apperr.New(f.code("bad_name"), "name", zf.Name)
		}
		if _, dup := z.files[zf.Name]; dup || (i > 0 && zf.Name == ManifestName) {
			return apperr.New(f.code("duplicate_entry"), "name", zf.Name)
		}
		if zf.Flags&0x1 != 0 {
			return apperr.New(f.code("bad_entry"), "name", zf.Name, "problem", "encrypted")
		}
		if zf.Method != zip.Store && zf.Method != zip.Deflate {
			return apperr.New(f.code("bad_entry"), "name", zf.Name, "problem", "method")
		}
		if i > 0 {
			z.files[zf.Name] = zf
		}
	}
	if err := z.readManifest(files[0]); err != nil {
		return err
	}
	list, err := entries(z.Manifest)
	if err != nil {
		return err
	}
	z.Entries = list
	return z.matchManifest()
}

func (z *File) readManifest(zf *zip.File) error {
	f := z.f
	if zf.UncompressedSize64 > uint64(f.Limits.MaxManifest) {
		return apperr.New(f.code("bad_manifest"), "problem", "too_large")
	}
	rc, err := zf.Open()
	if err != nil {
		return apperr.Wrap(err, f.code("entry_corrupt"), "name", ManifestName)
	}
	defer rc.Close()
	raw, err := io.ReadAll(io.LimitReader(rc, f.Limits.MaxManifest+1))
	if err != nil {
		return apperr.Wrap(err, f.code("entry_corrupt"), "name", ManifestName)
	}
	if int64(len(raw)) > f.Limits.MaxManifest {
		return apperr.New(f.code("bad_manifest"), "problem", "too_large")
	}
	// The format and version first, so a newer file is named as such.
	var head struct {
		Format  string `json:"format"`
		Version int    `json:"version"`
	}
	if err := json.Unmarshal(raw, &head); err != nil {
		return apperr.Wrap(err, f.code("bad_manifest"), "problem", "json")
	}
	if head.Format != f.Name {
		return apperr.New(f.code("unknown_format"), "format", head.Format, "want", f.Name)
	}
	if head.Version != f.Version {
		return apperr.New(f.code("unknown_version"), "version", strconv.Itoa(head.Version), "want", strconv.Itoa(f.Version))
	}
	z.Manifest = raw
	return nil
}

// DecodeStrict decodes raw into v refusing unknown fields and trailing
// data; a failure is code (usually the format's bad_manifest) with
// problem "json" or "trailing_data".
func DecodeStrict(raw []byte, v any, code string) error {
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return apperr.Wrap(err, code, "problem", "json")
	}
	if _, err := dec.Token(); !errors.Is(err, io.EOF) {
		return apperr.New(code, "problem", "trailing_data")
	}
	return nil
}

// matchManifest checks the manifest's entries (names, digests, sizes and
// their total) and then the zip's entries against them.
func (z *File) matchManifest() error {
	f := z.f
	var total int64
	listed := map[string]bool{}
	for _, e := range z.Entries {
		if e.Name == ManifestName || listed[e.Name] {
			return apperr.New(f.code("bad_manifest"), "problem", "duplicate", "name", e.Name)
		}
		listed[e.Name] = true
		if !HexSHA.MatchString(e.SHA256) || e.Size < 0 {
			return apperr.New(f.code("bad_manifest"), "problem", "entry", "name", e.Name)
		}
		if e.Size > f.Limits.MaxEntry {
			return apperr.New(f.code("entry_too_large"), "name", e.Name)
		}
		if total += e.Size; total > f.Limits.MaxTotal {
			return apperr.New(f.code("too_large"), "max", formatSize(f.Limits.MaxTotal))
		}
	}
	for _, e := range z.Entries {
		zf, ok := z.files[e.Name]
		if !ok {
			return apperr.New(f.code("missing_entry"), "name", e.Name)
		}
		switch {
		case zf.UncompressedSize64 > uint64(e.Size):
			return apperr.New(f.code("entry_too_large"), "name", e.Name)
		case zf.UncompressedSize64 < uint64(e.Size):
			return apperr.New(f.code("size_mismatch"), "name", e.Name)
		case e.Size > f.Limits.RatioFloor && zf.CompressedSize64*uint64(f.Limits.MaxRatio) < uint64(e.Size):
			return apperr.New(f.code("ratio"), "name", e.Name, "max", itoa(f.Limits.MaxRatio))
		}
	}
	for name := range z.files {
		if !listed[name] {
			return apperr.New(f.code("extra_entry"), "name", name)
		}
	}
	return nil
}

// formatSize writes n bytes as GiB or MiB.
func formatSize(n int64) string {
	if n >= 1<<30 {
		return itoa(n>>30) + " GiB"
	}
	return itoa(n>>20) + " MiB"
}

// Total is the sum of the entries' sizes.
func (z *File) Total() int64 {
	var n int64
	for _, e := range z.Entries {
		n += e.Size
	}
	return n
}

// Entry returns the manifest's entry name.
func (z *File) Entry(name string) (Entry, bool) {
	for _, e := range z.Entries {
		if e.Name == name {
			return e, true
		}
	}
	return Entry{}, false
}

// Verify reads every entry and checks its size and hash (see Open),
// calling progress (when not nil) with the bytes read so far. Code: the
// format's cancelled when ctx ends, those of Open's readers.
func (z *File) Verify(ctx context.Context, progress func(done int64)) error {
	buf := make([]byte, 256<<10)
	var done int64
	for _, e := range z.Entries {
		if err := ctx.Err(); err != nil {
			return apperr.Wrap(err, z.f.code("cancelled"))
		}
		rc, err := z.Open(e.Name)
		if err != nil {
			return err
		}
		for {
			n, err := rc.Read(buf)
			done += int64(n)
			if progress != nil && n > 0 {
				progress(done)
			}
			if errors.Is(err, io.EOF) {
				break
			}
			if err != nil {
				_ = rc.Close()
				return err
			}
			if err := ctx.Err(); err != nil {
				_ = rc.Close()
				return apperr.Wrap(err, z.f.code("cancelled"))
			}
		}
		_ = rc.Close()
	}
	return nil
}

// Open returns the contents of entry name. The reader fails when the
// contents run past the declared size (entry_too_large), stop short of it
// (size_mismatch), are damaged (entry_corrupt) or, at their end, do not
// hash to the declared SHA-256 (hash_mismatch).
func (z *File) Open(name string) (io.ReadCloser, error) {
	e, ok := z.Entry(name)
	zf := z.files[name]
	if !ok || zf == nil {
		return nil, apperr.New(z.f.code("missing_entry"), "name", name)
	}
	rc, err := zf.Open()
	if err != nil {
		return nil, apperr.Wrap(err, z.f.code("entry_corrupt"), "name", name)
	}
	return &checkedReader{f: z.f, rc: rc, r: io.LimitReader(rc, e.Size+1), e: e, h: sha256.New()}, nil
}

type checkedReader struct {
	f  Format
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
		return n, apperr.New(c.f.code("entry_too_large"), "name", c.e.Name)
	}
	switch {
	case errors.Is(err, io.EOF):
		if c.n < c.e.Size {
			return n, apperr.New(c.f.code("size_mismatch"), "name", c.e.Name)
		}
		if hex.EncodeToString(c.h.Sum(nil)) != c.e.SHA256 {
			return n, apperr.New(c.f.code("hash_mismatch"), "name", c.e.Name)
		}
	case errors.Is(err, zip.ErrFormat):
		// While reading, archive/zip says ErrFormat only of an entry whose
		// data runs past the size its headers declare.
		return n, apperr.Wrap(err, c.f.code("entry_too_large"), "name", c.e.Name)
	case err != nil:
		return n, apperr.Wrap(err, c.f.code("entry_corrupt"), "name", c.e.Name)
	}
	return n, err
}

func (c *checkedReader) Close() error { return c.rc.Close() }

// Close closes the file.
func (z *File) Close() error { return z.zr.Close() }

// EachLine calls fn with every line of entry name (without its newline;
// the bytes are valid only during the call) and its number from 1.
// Codes: bad_line (name, line, problem) for an empty or too long line,
// those of Open.
func (z *File) EachLine(name string, fn func(n int, line []byte) error) error {
	rc, err := z.Open(name)
	if err != nil {
		return err
	}
	defer rc.Close()
	sc := bufio.NewScanner(rc)
	sc.Buffer(make([]byte, 64<<10), z.f.Limits.MaxLine)
	n := 0
	for sc.Scan() {
		n++
		line := sc.Bytes()
		if len(bytes.TrimSpace(line)) == 0 {
			return apperr.New(z.f.code("bad_line"), "name", name, "line", strconv.Itoa(n), "problem", "empty")
		}
		if err := fn(n, line); err != nil {
			return err
		}
	}
	if err := sc.Err(); err != nil {
		if errors.Is(err, bufio.ErrTooLong) {
			return apperr.New(z.f.code("bad_line"), "name", name, "line", strconv.Itoa(n+1), "problem", "too_long")
		}
		var ae *apperr.Error
		if errors.As(err, &ae) {
			return err
		}
		return apperr.Wrap(err, z.f.code("entry_corrupt"), "name", name)
	}
	return nil
}

// EachEvent calls fn with every event of entry name, verified: its
// signature, its id and its canonical form (ledger.Unmarshal). raw is the
// line as stored. Codes: bad_event (name, line, event, code) for an event
// that does not verify or names a stream with a "/", duplicate_event
// (event), wrong_stream (event, stream) when stream is not "" and an event
// belongs to another stream; those of EachLine.
func (z *File) EachEvent(name, stream string, fn func(raw []byte, e ledger.Event) error) (int, error) {
	seen := map[string]bool{}
	count := 0
	err := z.EachLine(name, func(n int, line []byte) error {
		e, err := ledger.Unmarshal(line)
		if err != nil {
			id := ""
			var peek struct {
				ID string `json:"id"`
			}
			if json.Unmarshal(line, &peek) == nil {
				id = peek.ID
			}
			return apperr.Wrap(err, z.f.code("bad_event"), "name", name, "line", strconv.Itoa(n), "event", id, "code", apperr.Code(err))
		}
		if seen[e.ID] {
			return apperr.New(z.f.code("duplicate_event"), "event", e.ID)
		}
		seen[e.ID] = true
		if stream != "" && e.Dossier != stream {
			return apperr.New(z.f.code("wrong_stream"), "event", e.ID, "stream", e.Dossier)
		}
		if strings.Contains(e.Dossier, "/") {
			return apperr.New(z.f.code("bad_event"), "name", name, "line", strconv.Itoa(n), "event", e.ID, "code", "stream")
		}
		count++
		return fn(line, e)
	})
	return count, err
}
