// Package blob keeps attachment contents in a data folder, addressed by
// their SHA-256: blobs/sha256/ab/cdef… holds the bytes whose hash is
// abcdef…. Files stream through in fixed-size chunks, so a 500 MB release
// package never sits in memory; a write lands in a temporary file that is
// synced and renamed into place, so a crash leaves either the whole blob or
// nothing. Equal contents are stored once.
package blob

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"

	"golive/backend/apperr"
)

// ChunkSize is the size of the buffer contents stream through.
const ChunkSize = 256 << 10

// MaxSize is the largest attachment accepted (8 GiB); larger files are
// recorded by hash only (see Hash).
const MaxSize int64 = 8 << 30

var hexSHA = regexp.MustCompile(`^[0-9a-f]{64}$`)

// Store is the blob folder of one data folder.
type Store struct {
	dir string
	// NoSync skips fsync: only for scratch stores whose contents are
	// copied elsewhere (the sample builder).
	NoSync bool
}

// Info describes a stored blob.
type Info struct {
	// SHA256 is the lowercase hex digest of the contents.
	SHA256 string `json:"sha256"`
	// Size is the length in bytes.
	Size int64 `json:"size"`
}

// Progress is called after each chunk with the bytes done so far.
type Progress func(done int64)

// Open returns the blob store under dataDir/blobs, creating it.
func Open(dataDir string) (*Store, error) {
	dir := filepath.Join(dataDir, "blobs", "sha256")
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, apperr.Wrap(err, "blob.io", "path", dir)
	}
	return &Store{dir: dir}, nil
}

// OpenExisting opens the blob store of dataDir for reading, creating
// nothing: a folder without attachments has no blobs folder, and reading
// one then fails with blob.not_found.
func OpenExisting(dataDir string) *Store {
	return &Store{dir: filepath.Join(dataDir, "blobs", "sha256")}
}

func (s *Store) path(sum string) string { return filepath.Join(s.dir, sum[:2], sum[2:]) }

// Put streams r into the store and returns its digest and size. Codes:
// blob.too_large beyond limit bytes (nothing is kept), blob.io.
func (s *Store) Put(r io.Reader, limit int64, progress Progress) (Info, error) {
	if limit <= 0 || limit > MaxSize {
		limit = MaxSize
	}
	tmp, err := os.CreateTemp(s.dir, ".incoming-*")
	if err != nil {
		return Info{}, apperr.Wrap(err, "blob.io", "path", s.dir)
	}
	defer os.Remove(tmp.Name()) // no-op after the rename
	h := sha256.New()
	n, err := copyChunks(io.MultiWriter(tmp, h), io.LimitReader(r, limit+1), progress)
	if err == nil && n > limit {
		err = apperr.New("blob.too_large", "max", formatSize(limit))
	}
	if err == nil && !s.NoSync {
		err = tmp.Sync()
	}
	if cerr := tmp.Close(); err == nil && cerr != nil {
		err = cerr
	}
	if err != nil {
		return Info{}, asIO(err, tmp.Name())
	}
	sum := hex.EncodeToString(h.Sum(nil))
	dst := s.path(sum)
	if _, err := os.Stat(dst); err == nil {
		return Info{SHA256: sum, Size: n}, nil
	}
	if err := os.MkdirAll(filepath.Dir(dst), 0o700); err != nil {
		return Info{}, asIO(err, dst)
	}
	if err := os.Rename(tmp.Name(), dst); err != nil {
		return Info{}, asIO(err, dst)
	}
	if !s.NoSync {
		syncDir(filepath.Dir(dst))
	}
	return Info{SHA256: sum, Size: n}, nil
}

// PutFile stores the file at path; see Put.
func (s *Store) PutFile(path string, limit int64, progress Progress) (Info, error) {
	f, err := os.Open(path)
	if err != nil {
		return Info{}, apperr.Wrap(err, "blob.unreadable", "path", path)
	}
	defer f.Close()
	return s.Put(f, limit, progress)
}

// Open returns a reader for the blob sum. Codes: blob.not_found,
// blob.bad_digest.
func (s *Store) Open(sum string) (*os.File, error) {
	if !hexSHA.MatchString(sum) {
		return nil, apperr.New("blob.bad_digest", "sha256", sum)
	}
	f, err := os.Open(s.path(sum))
	if errors.Is(err, os.ErrNotExist) {
		return nil, apperr.New("blob.not_found", "sha256", sum)
	}
	if err != nil {
		return nil, asIO(err, s.path(sum))
	}
	return f, nil
}

// CopyAll copies every blob of s into dst (skipping those it has).
func (s *Store) CopyAll(dst *Store) error {
	return filepath.WalkDir(s.dir, func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || strings.HasPrefix(d.Name(), ".") {
			return err
		}
		sum := filepath.Base(filepath.Dir(path)) + d.Name()
		if !hexSHA.MatchString(sum) || dst.Has(sum) {
			return nil
		}
		info, err := dst.PutFile(path, 0, nil)
		if err == nil && info.SHA256 != sum {
			return apperr.New("blob.corrupt", "sha256", sum)
		}
		return err
	})
}

// Has reports whether blob sum is stored.
func (s *Store) Has(sum string) bool {
	if !hexSHA.MatchString(sum) {
		return false
	}
	_, err := os.Stat(s.path(sum))
	return err == nil
}

// CopyTo writes blob sum to the file dst (replacing it), checking the
// digest on the way. Codes: blob.not_found, blob.corrupt, blob.io.
func (s *Store) CopyTo(sum, dst string, progress Progress) error {
	src, err := s.Open(sum)
	if err != nil {
		return err
	}
	defer src.Close()
	tmp, err := os.CreateTemp(filepath.Dir(dst), ".golive-*")
	if err != nil {
		return asIO(err, dst)
	}
	defer os.Remove(tmp.Name())
	h := sha256.New()
	_, err = copyChunks(io.MultiWriter(tmp, h), src, progress)
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return asIO(err, dst)
	}
	if hex.EncodeToString(h.Sum(nil)) != sum {
		return apperr.New("blob.corrupt", "sha256", sum)
	}
	return asIO(os.Rename(tmp.Name(), dst), dst)
}

// Hash streams r through SHA-256 without storing it: for release packages
// too large to copy, whose name, size and digest alone are recorded.
func Hash(r io.Reader, progress Progress) (Info, error) {
	h := sha256.New()
	n, err := copyChunks(h, r, progress)
	if err != nil {
		return Info{}, asIO(err, "")
	}
	return Info{SHA256: hex.EncodeToString(h.Sum(nil)), Size: n}, nil
}

// HashFile is Hash over the file at path.
func HashFile(path string, progress Progress) (Info, error) {
	f, err := os.Open(path)
	if err != nil {
		return Info{}, apperr.Wrap(err, "blob.unreadable", "path", path)
	}
	defer f.Close()
	return Hash(f, progress)
}

func copyChunks(dst io.Writer, src io.Reader, progress Progress) (int64, error) {
	buf := make([]byte, ChunkSize)
	var done int64
	for {
		n, err := io.ReadFull(src, buf)
		if n > 0 {
			if _, werr := dst.Write(buf[:n]); werr != nil {
				return done, werr
			}
			done += int64(n)
			if progress != nil {
				progress(done)
			}
		}
		if err == io.EOF || err == io.ErrUnexpectedEOF {
			return done, nil
		}
		if err != nil {
			return done, err
		}
	}
}

func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		_ = d.Sync()
		d.Close()
	}
}

func asIO(err error, path string) error {
	if err == nil {
		return nil
	}
	var ae *apperr.Error
	if errors.As(err, &ae) {
		return err
	}
	return apperr.Wrap(err, "blob.io", "path", path)
}

func formatSize(n int64) string {
	const gib, mib = 1 << 30, 1 << 20
	switch {
	case n >= gib && n%gib == 0:
		return itoa(n/gib) + " GiB"
	case n >= mib:
		return itoa(n/mib) + " MiB"
	}
	return itoa(n) + " B"
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }
