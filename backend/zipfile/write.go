package zipfile

import (
	"archive/zip"
	"bufio"
	"compress/flate"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"io"
	"os"
	"path/filepath"
	"time"

	"golive/backend/apperr"
)

// Part is one entry to write; its hash and size are known before the file
// is started, since the manifest that lists them comes first.
type Part struct {
	Entry
	// Deflate compresses the entry.
	Deflate bool
	// Write writes exactly the contents the Entry declares.
	Write func(w io.Writer) error
}

// zipLevel is the level archive/zip deflates with.
const zipLevel = 5

// Measure runs gen into a hash, a counter and a deflater and returns the
// part gen describes, deflated when that shrinks it but never past half
// of maxRatio (what a reader accepts); gen is called again to write it and
// must write the same bytes.
func Measure(name string, maxRatio int64, gen func(io.Writer) error) (Part, error) {
	h := sha256.New()
	var size, packed counter
	fw, _ := flate.NewWriter(&packed, zipLevel)
	if err := gen(io.MultiWriter(h, &size, fw)); err != nil {
		return Part{}, err
	}
	if err := fw.Close(); err != nil {
		return Part{}, apperr.Wrap(err, apperr.Internal)
	}
	p := Part{Entry: Entry{Name: name, SHA256: hex.EncodeToString(h.Sum(nil)), Size: int64(size)}, Write: gen}
	p.Deflate = size > 0 && int64(packed) < int64(size) && int64(packed)*maxRatio/2 >= int64(size)
	return p, nil
}

// InMemory is the part holding b.
func InMemory(name string, maxRatio int64, b []byte) Part {
	p, _ := Measure(name, maxRatio, func(w io.Writer) error { _, err := w.Write(b); return err })
	return p
}

// Write writes the manifest (which manifest builds from the parts'
// entries) and the parts to out through a temporary file next to it,
// synced and renamed to out at the end: out is never left half written.
// It returns the file's size; progress (when not nil) gets the bytes of
// the parts written so far. Codes: the format's write_failed (path),
// cancelled, source_changed (name: a part wrote other bytes than it
// measured), and the parts' own.
func Write(ctx context.Context, out string, f Format, modified time.Time, manifest func([]Entry) ([]byte, error), parts []Part, progress func(done int64)) (int64, error) {
	entries := make([]Entry, len(parts))
	for i, p := range parts {
		entries[i] = p.Entry
	}
	raw, err := manifest(entries)
	if err != nil {
		return 0, err
	}
	head := InMemory(ManifestName, f.Limits.MaxRatio, raw)
	tmp, err := os.CreateTemp(filepath.Dir(out), "."+filepath.Base(out)+".part-*")
	if err != nil {
		return 0, apperr.Wrap(err, f.code("write_failed"), "path", out)
	}
	done := false
	defer func() {
		if !done {
			_ = tmp.Close()
			_ = os.Remove(tmp.Name())
		}
	}()
	bw := bufio.NewWriterSize(tmp, 1<<20)
	zw := zip.NewWriter(bw)
	var written int64
	for i, p := range append([]Part{head}, parts...) {
		report := progress
		if i == 0 {
			report = nil
		}
		if err := writePart(ctx, f, zw, p, modified, &written, report); err != nil {
			return 0, f.asWriteErr(err, out)
		}
	}
	if err := errors.Join(zw.Close(), bw.Flush(), tmp.Sync()); err != nil {
		return 0, f.asWriteErr(err, out)
	}
	fi, err := tmp.Stat()
	if err != nil {
		return 0, f.asWriteErr(err, out)
	}
	if err := tmp.Close(); err != nil {
		return 0, f.asWriteErr(err, out)
	}
	if err := os.Rename(tmp.Name(), out); err != nil {
		return 0, f.asWriteErr(err, out)
	}
	done = true
	SyncDir(filepath.Dir(out))
	return fi.Size(), nil
}

func writePart(ctx context.Context, f Format, zw *zip.Writer, p Part, modified time.Time, written *int64, progress func(int64)) error {
	if err := ctx.Err(); err != nil {
		return apperr.Wrap(err, f.code("cancelled"))
	}
	method := zip.Store
	if p.Deflate {
		method = zip.Deflate
	}
	w, err := zw.CreateHeader(&zip.FileHeader{Name: p.Name, Method: method, Modified: modified})
	if err != nil {
		return err
	}
	var n counter
	h := sha256.New()
	mw := &meteredWriter{ctx: ctx, f: f, w: w, written: written, progress: progress}
	if err := p.Write(io.MultiWriter(mw, &n, h)); err != nil {
		return err
	}
	if int64(n) != p.Size || hex.EncodeToString(h.Sum(nil)) != p.SHA256 {
		return apperr.New(f.code("source_changed"), "name", p.Name).WithDetail("%s changed while it was written", p.Name)
	}
	return nil
}

// meteredWriter counts what passes into w and stops when ctx is done.
type meteredWriter struct {
	ctx      context.Context
	f        Format
	w        io.Writer
	written  *int64
	progress func(int64)
}

func (mw *meteredWriter) Write(p []byte) (int, error) {
	if err := mw.ctx.Err(); err != nil {
		return 0, apperr.Wrap(err, mw.f.code("cancelled"))
	}
	n, err := mw.w.Write(p)
	if mw.progress != nil {
		*mw.written += int64(n)
		mw.progress(*mw.written)
	}
	return n, err
}

// counter counts the bytes written to it.
type counter int64

func (c *counter) Write(p []byte) (int, error) {
	*c += counter(len(p))
	return len(p), nil
}

// asWriteErr keeps a coded error and codes any other as write_failed
// naming path.
func (f Format) asWriteErr(err error, path string) error {
	var ae *apperr.Error
	if errors.As(err, &ae) {
		return err
	}
	return apperr.Wrap(err, f.code("write_failed"), "path", path)
}

// SyncDir flushes a folder's entries (a rename) to disk, where the system
// allows it.
func SyncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		_ = d.Sync()
		_ = d.Close()
	}
}
