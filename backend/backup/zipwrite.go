package backup

import (
	"archive/zip"
	"bufio"
	"compress/flate"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"io"
	"os"
	"path/filepath"

	"golive/backend/apperr"
)

// part is one entry to write; its hash and size are known before the file
// is started, since the manifest that lists them comes first.
type part struct {
	Entry
	deflate bool
	// write writes exactly the contents the Entry declares.
	write func(w io.Writer) error
}

// zipLevel is the level archive/zip deflates with.
const zipLevel = 5

// measure runs gen into a hash, a counter and a deflater and returns the
// part gen describes; gen is called again to write it and must write the
// same bytes.
func measure(name string, gen func(io.Writer) error) (part, error) {
	h := sha256.New()
	var size, packed counter
	fw, _ := flate.NewWriter(&packed, zipLevel)
	if err := gen(io.MultiWriter(h, &size, fw)); err != nil {
		return part{}, err
	}
	if err := fw.Close(); err != nil {
		return part{}, apperr.Wrap(err, apperr.Internal)
	}
	p := part{Entry: Entry{Name: name, SHA256: hex.EncodeToString(h.Sum(nil)), Size: int64(size)}, write: gen}
	// Deflate what shrinks, but never past half the ratio a reader accepts.
	p.deflate = size > 0 && int64(packed) < int64(size) && int64(packed)*MaxRatio/2 >= int64(size)
	return p, nil
}

// inMemory is the part holding b.
func inMemory(name string, b []byte) part {
	p, _ := measure(name, func(w io.Writer) error { _, err := w.Write(b); return err })
	return p
}

// blobPart is the part of the blob file path (or, when path is gone, alt),
// whose name says its SHA-256 is sum; writing it fails with
// backup.blob_corrupt when the file does not hash to sum or is not size
// bytes long. Blobs are stored uncompressed: attachments are mostly
// compressed already.
func blobPart(sum, path, alt string, size int64) part {
	return part{Entry: Entry{Name: BlobEntryName(sum), SHA256: sum, Size: size}, write: func(w io.Writer) error {
		f, err := os.Open(path)
		if errors.Is(err, os.ErrNotExist) && alt != "" {
			path = alt
			f, err = os.Open(path)
		}
		if err != nil {
			return apperr.Wrap(err, "backup.blob_unreadable", "sha256", sum)
		}
		defer f.Close()
		h := sha256.New()
		n, err := io.Copy(io.MultiWriter(w, h), f)
		if err != nil {
			return asWriteErr(err, path)
		}
		if n != size || hex.EncodeToString(h.Sum(nil)) != sum {
			return apperr.New("backup.blob_corrupt", "sha256", sum).WithDetail("%s does not hash to its name", path)
		}
		return nil
	}}
}

// writeZip writes m (with the parts as its entries) and the parts to out
// through a temporary file next to it, renamed to out at the end: out is
// never left half written. It returns the file's size. Codes:
// backup.write_failed (path), backup.cancelled, and the parts' own.
func writeZip(ctx context.Context, out string, m Manifest, parts []part, progress ProgressFunc) (int64, error) {
	m.Entries = make([]Entry, len(parts))
	var total int64
	for i, p := range parts {
		m.Entries[i] = p.Entry
		total += p.Size
	}
	raw, err := json.MarshalIndent(m, "", " ")
	if err != nil {
		return 0, apperr.Wrap(err, apperr.Internal)
	}
	manifest := inMemory(ManifestName, raw)
	tmp, err := os.CreateTemp(filepath.Dir(out), "."+filepath.Base(out)+".part-*")
	if err != nil {
		return 0, apperr.Wrap(err, "backup.write_failed", "path", out)
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
	mt := newMeter(progress, PhaseWrite, total)
	for _, p := range append([]part{manifest}, parts...) {
		if err := writePart(ctx, zw, p, m, mt); err != nil {
			return 0, asWriteErr(err, out)
		}
	}
	if err := errors.Join(zw.Close(), bw.Flush(), tmp.Sync()); err != nil {
		return 0, asWriteErr(err, out)
	}
	fi, err := tmp.Stat()
	if err != nil {
		return 0, asWriteErr(err, out)
	}
	if err := tmp.Close(); err != nil {
		return 0, asWriteErr(err, out)
	}
	if err := os.Rename(tmp.Name(), out); err != nil {
		return 0, asWriteErr(err, out)
	}
	done = true
	syncDir(filepath.Dir(out))
	mt.finish()
	return fi.Size(), nil
}

func writePart(ctx context.Context, zw *zip.Writer, p part, m Manifest, mt *meter) error {
	if err := ctx.Err(); err != nil {
		return cancelled(err)
	}
	method := zip.Store
	if p.deflate {
		method = zip.Deflate
	}
	w, err := zw.CreateHeader(&zip.FileHeader{Name: p.Name, Method: method, Modified: m.Created})
	if err != nil {
		return err
	}
	meterIt := mt
	if p.Name == ManifestName {
		meterIt = nil
	}
	var n counter
	h := sha256.New()
	if err := p.write(io.MultiWriter(meteredWriter{ctx: ctx, w: w, m: meterIt}, &n, h)); err != nil {
		return err
	}
	if int64(n) != p.Size || hex.EncodeToString(h.Sum(nil)) != p.SHA256 {
		return apperr.New("backup.source_changed", "name", p.Name).WithDetail("%s changed while it was written", p.Name)
	}
	return nil
}

// counter counts the bytes written to it.
type counter int64

func (c *counter) Write(p []byte) (int, error) {
	*c += counter(len(p))
	return len(p), nil
}

// asWriteErr keeps a coded error and codes any other as
// backup.write_failed naming path.
func asWriteErr(err error, path string) error {
	var ae *apperr.Error
	if errors.As(err, &ae) {
		return err
	}
	return apperr.Wrap(err, "backup.write_failed", "path", path)
}

func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		_ = d.Sync()
		_ = d.Close()
	}
}

// sha256Hex is the lowercase hex SHA-256 of b.
func sha256Hex(b []byte) string {
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:])
}
