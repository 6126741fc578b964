package backup

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"io"
	"os"

	"golive/backend/apperr"
	"golive/backend/zipfile"
)

// part is one entry to write (zipfile.Part).
type part = zipfile.Part

// measure returns the part gen describes (zipfile.Measure).
func measure(name string, gen func(io.Writer) error) (part, error) {
	return zipfile.Measure(name, MaxRatio, gen)
}

// inMemory is the part holding b.
func inMemory(name string, b []byte) part { return zipfile.InMemory(name, MaxRatio, b) }

// blobPart is the part of the blob file path (or, when path is gone, alt),
// whose name says its SHA-256 is sum; writing it fails with
// backup.blob_corrupt when the file does not hash to sum or is not size
// bytes long. Blobs are stored uncompressed: attachments are mostly
// compressed already.
func blobPart(sum, path, alt string, size int64) part {
	return part{Entry: Entry{Name: BlobEntryName(sum), SHA256: sum, Size: size}, Write: func(w io.Writer) error {
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
// (zipfile.Write: through a temporary file renamed at the end). It
// returns the file's size. Codes: backup.write_failed (path),
// backup.cancelled, and the parts' own.
func writeZip(ctx context.Context, out string, m Manifest, parts []part, progress ProgressFunc) (int64, error) {
	var total int64
	for _, p := range parts {
		total += p.Size
	}
	mt := newMeter(progress, PhaseWrite, total)
	var last int64
	f := backupKind.zipFormat()
	size, err := zipfile.Write(ctx, out, f, m.Created, func(entries []Entry) ([]byte, error) {
		m.Entries = entries
		raw, err := json.MarshalIndent(m, "", " ")
		if err != nil {
			return nil, apperr.Wrap(err, apperr.Internal)
		}
		return raw, nil
	}, parts, func(done int64) { mt.add(done - last); last = done })
	if err != nil {
		return 0, err
	}
	mt.finish()
	return size, nil
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

func syncDir(dir string) { zipfile.SyncDir(dir) }

// sha256Hex is the lowercase hex SHA-256 of b.
func sha256Hex(b []byte) string {
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:])
}
