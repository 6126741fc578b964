// Package blob keeps attachment contents in a data folder, addressed by
// their SHA-256: blobs/sha256/ab/cdef… holds the bytes whose hash is
// abcdef…. Files stream through in fixed-size chunks, so a 500 MB release
// package never sits in memory.
//
// A blob is kept only when the event that references it is in the ledger.
// Stage writes the bytes into blobs/staging (first as .incoming-…, then,
// synced and hashed, as <sha256>-<random>) and returns a Staged; the
// caller commits its event and then calls Keep, which moves the file to
// its content-addressed name, or Discard when the event was refused.
// Sweep, run when the folder is opened for writing, finishes what a
// process killed in between left: it keeps the staged blobs an event
// references and removes every other staged or temporary file and every
// stored blob no event references. Equal contents are stored once.
package blob

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"syscall"

	"golive/backend/apperr"
	"golive/backend/internal/diskfree"
)

// ChunkSize is the size of the buffer contents stream through.
const ChunkSize = 256 << 10

// MaxSize is the largest attachment accepted (8 GiB); larger files are
// recorded by hash only (see Hash).
const MaxSize int64 = 8 << 30

var hexSHA = regexp.MustCompile(`^[0-9a-f]{64}$`)

// incoming starts the name of a file still being written.
const incoming = ".incoming-"

// Store is the blob folder of one data folder.
type Store struct {
	// data is the data folder, named by the disk_full and read_only codes.
	data string
	// dir holds the kept blobs, staging the staged ones.
	dir, staging string
	// readOnly stores refuse every write (blob.read_only).
	readOnly bool
	// NoSync skips fsync: only for scratch stores whose contents are
	// copied elsewhere (the sample builder).
	NoSync bool
	// Reserve is the room a write must leave free on the disk
	// (diskfree.Reserve, set by Open): a blob that would leave less is
	// refused with blob.disk_full, so the store's own files never meet a
	// full disk. Zero turns the check off.
	Reserve int64
	// WrapWrite, when set, wraps the file each blob is written to: tests
	// fail writes with it as a full disk would.
	WrapWrite func(io.Writer) io.Writer

	// mu guards used: the blobs this process has placed or claimed
	// since it opened the store, which a sweep running meanwhile keeps
	// whatever it found referenced before (see Sweep).
	mu   sync.Mutex
	used map[string]bool
}

// markUsed records that sum is placed or claimed now; the caller holds
// s.mu.
func (s *Store) markUsed(sum string) {
	if s.used == nil {
		s.used = map[string]bool{}
	}
	s.used[sum] = true
}

// Claim reports whether the blob sum is stored, and when it is, keeps it
// from any sweep running now: for a caller about to commit an event that
// references a blob it does not write because it is there already.
func (s *Store) Claim(sum string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	if !s.Has(sum) {
		return false
	}
	s.markUsed(sum)
	return true
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

// Open returns the blob store under dataDir/blobs, creating it. Codes:
// blob.read_only, blob.disk_full, blob.io.
func Open(dataDir string) (*Store, error) {
	s := &Store{data: dataDir, dir: filepath.Join(dataDir, "blobs", "sha256"), staging: filepath.Join(dataDir, "blobs", "staging"),
		Reserve: diskfree.Reserve}
	for _, d := range []string{s.dir, s.staging} {
		if err := os.MkdirAll(d, 0o700); err != nil {
			return nil, s.fail(err, d)
		}
	}
	return s, nil
}

// OpenExisting opens the blob store of dataDir for reading, creating
// nothing: a folder without attachments has no blobs folder, and reading
// one then fails with blob.not_found. Every write is refused with
// blob.read_only.
func OpenExisting(dataDir string) *Store {
	return &Store{data: dataDir, dir: filepath.Join(dataDir, "blobs", "sha256"), staging: filepath.Join(dataDir, "blobs", "staging"), readOnly: true}
}

func (s *Store) path(sum string) string { return filepath.Join(s.dir, sum[:2], sum[2:]) }

// Staged is a blob written to the staging area and not kept yet: Keep
// moves it to its content-addressed name once the event referencing it is
// committed, Discard removes it. A Staged is used by one goroutine.
type Staged struct {
	Info
	s    *Store
	path string
	done bool
}

// Stage streams r into the staging area and returns it hashed, synced and
// named by its digest, not yet kept. Codes: blob.too_large beyond limit
// bytes, blob.disk_full when the disk fills up or the blob would leave
// less than Reserve free, blob.read_only, blob.io; nothing is left behind
// on error.
func (s *Store) Stage(r io.Reader, limit int64, progress Progress) (*Staged, error) {
	return s.stage(r, limit, progress, !s.NoSync)
}

// StageUnsynced is Stage without the fsync of the file and of the staging
// folder, for many blobs at once: the caller must call SyncStaged on them
// before committing the events that reference them.
func (s *Store) StageUnsynced(r io.Reader, limit int64, progress Progress) (*Staged, error) {
	return s.stage(r, limit, progress, false)
}

// SyncStaged flushes blobs staged with StageUnsynced to disk, several at
// a time, and then the staging folder once. Code blob.io.
func (s *Store) SyncStaged(list []*Staged) error {
	if s.NoSync || len(list) == 0 {
		return nil
	}
	errs := make(chan error, len(list))
	sem := make(chan struct{}, 8)
	for _, b := range list {
		sem <- struct{}{}
		go func(b *Staged) {
			defer func() { <-sem }()
			f, err := os.OpenFile(b.path, os.O_RDWR, 0)
			if err == nil {
				err = f.Sync()
				if cerr := f.Close(); err == nil {
					err = cerr
				}
			}
			if err != nil {
				err = asIO(err, b.path)
			}
			errs <- err
		}(b)
	}
	var first error
	for range list {
		if err := <-errs; err != nil && first == nil {
			first = err
		}
	}
	if first != nil {
		return first
	}
	syncDir(s.staging)
	return nil
}

func (s *Store) stage(r io.Reader, limit int64, progress Progress, sync bool) (*Staged, error) {
	if s.readOnly {
		return nil, apperr.New("blob.read_only", "dir", s.data)
	}
	if limit <= 0 || limit > MaxSize {
		limit = MaxSize
	}
	if err := os.MkdirAll(s.staging, 0o700); err != nil {
		return nil, s.fail(err, s.staging)
	}
	tmp, err := os.CreateTemp(s.staging, incoming+"*")
	if err != nil {
		return nil, s.fail(err, s.staging)
	}
	defer os.Remove(tmp.Name()) // no-op after the rename
	var w io.Writer = tmp
	if s.WrapWrite != nil {
		w = s.WrapWrite(tmp)
	}
	h := sha256.New()
	n, err := copyChunks(io.MultiWriter(w, h), io.LimitReader(r, limit+1), progress)
	if werr := (writeError{}); err != nil && !errors.As(err, &werr) {
		err = asIO(err, tmp.Name()) // reading the contents failed, not the disk
	}
	if err == nil && n > limit {
		err = apperr.New("blob.too_large", "max", formatSize(limit))
	}
	if err == nil && sync {
		err = tmp.Sync()
	}
	if cerr := tmp.Close(); err == nil && cerr != nil {
		err = cerr
	}
	if err != nil {
		return nil, s.fail(err, tmp.Name())
	}
	if s.Reserve > 0 && diskfree.Below(s.staging, s.Reserve) {
		return nil, apperr.New("blob.disk_full", "dir", s.data)
	}
	sum := hex.EncodeToString(h.Sum(nil))
	path := filepath.Join(s.staging, sum+"-"+strings.TrimPrefix(filepath.Base(tmp.Name()), incoming))
	if err := os.Rename(tmp.Name(), path); err != nil {
		return nil, s.fail(err, path)
	}
	if sync {
		// The staged name must survive a power cut once the event that
		// references it is committed: the sweep keeps it by this name.
		syncDir(s.staging)
	}
	return &Staged{Info: Info{SHA256: sum, Size: n}, s: s, path: path}, nil
}

// Keep moves the staged blob to its content-addressed name (or drops it
// when that blob is already stored); call it once the event referencing
// it is committed. A blob Keep could not move stays staged, and the next
// sweep keeps it. Codes: blob.disk_full, blob.read_only, blob.io.
func (b *Staged) Keep() error {
	if b == nil || b.done {
		return nil
	}
	if err := b.s.place(b.path, b.SHA256); err != nil {
		return err
	}
	b.done = true
	return nil
}

// Discard removes the staged blob: its event was refused. It does nothing
// after Keep.
func (b *Staged) Discard() {
	if b == nil || b.done {
		return
	}
	_ = os.Remove(b.path)
	b.done = true
}

// place renames the staged file path to the blob sum's name, or removes
// it when sum is already stored (equal contents are stored once).
func (s *Store) place(path, sum string) error {
	if err := s.move(path, sum); err != nil {
		return err
	}
	if !s.NoSync {
		syncDir(filepath.Dir(s.path(sum)))
	}
	return nil
}

// KeepAll keeps every blob of list (Keep) and then flushes each folder
// they moved into once, several at a time: for an import of many
// attachments. A blob that could not move stays staged (the next sweep
// keeps it); the first error is returned. Codes: those of Keep.
func (s *Store) KeepAll(list []*Staged) error {
	dirs := map[string]bool{}
	var first error
	for _, b := range list {
		if b == nil || b.done {
			continue
		}
		if err := s.move(b.path, b.SHA256); err != nil {
			if first == nil {
				first = err
			}
			continue
		}
		b.done = true
		dirs[filepath.Dir(s.path(b.SHA256))] = true
	}
	if !s.NoSync {
		sem := make(chan struct{}, 8)
		var wg sync.WaitGroup
		for d := range dirs {
			sem <- struct{}{}
			wg.Add(1)
			go func(d string) {
				defer func() { <-sem; wg.Done() }()
				syncDir(d)
			}(d)
		}
		wg.Wait()
	}
	return first
}

// move renames the staged file path to the blob sum's name, or removes it
// when sum is already stored, without flushing the folder.
func (s *Store) move(path, sum string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.markUsed(sum)
	dst := s.path(sum)
	if _, err := os.Stat(dst); err == nil {
		_ = os.Remove(path)
		return nil
	}
	if err := os.MkdirAll(filepath.Dir(dst), 0o700); err != nil {
		return s.fail(err, dst)
	}
	if err := os.Rename(path, dst); err != nil {
		return s.fail(err, dst)
	}
	return nil
}

// Put streams r into the store and keeps it at once, for contents whose
// events are already in the ledger or copied with them (the sample, a
// restore). Codes: those of Stage and Keep.
func (s *Store) Put(r io.Reader, limit int64, progress Progress) (Info, error) {
	b, err := s.Stage(r, limit, progress)
	if err != nil {
		return Info{}, err
	}
	if err := b.Keep(); err != nil {
		b.Discard()
		return Info{}, err
	}
	return b.Info, nil
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

// Each calls fn with the digest, file and size of every stored blob (the
// files blobs/sha256/ab/cdef… named by a SHA-256; staged and temporary
// files are not blobs yet). A store without a blob folder has none; a
// file that vanishes during the walk is skipped. It stops at fn's first
// error and returns it, or the walk's own.
func (s *Store) Each(fn func(sum, path string, size int64) error) error {
	err := filepath.WalkDir(s.dir, func(path string, d os.DirEntry, err error) error {
		if err != nil {
			if path == s.dir && errors.Is(err, os.ErrNotExist) {
				return filepath.SkipAll
			}
			return err
		}
		if d.IsDir() || !d.Type().IsRegular() || strings.HasPrefix(d.Name(), ".") {
			return nil
		}
		sum := filepath.Base(filepath.Dir(path)) + d.Name()
		if !hexSHA.MatchString(sum) {
			return nil
		}
		fi, err := d.Info()
		if errors.Is(err, os.ErrNotExist) {
			return nil
		}
		if err != nil {
			return err
		}
		return fn(sum, path, fi.Size())
	})
	return err
}

// CopyAll copies every blob of s into dst (skipping those it has).
func (s *Store) CopyAll(dst *Store) error {
	return s.Each(func(sum, path string, _ int64) error {
		if dst.Has(sum) {
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

// Stat returns the file holding blob sum and its size. Codes:
// blob.bad_digest, blob.not_found, blob.io.
func (s *Store) Stat(sum string) (string, int64, error) {
	if !hexSHA.MatchString(sum) {
		return "", 0, apperr.New("blob.bad_digest", "sha256", sum)
	}
	fi, err := os.Stat(s.path(sum))
	if errors.Is(err, os.ErrNotExist) {
		return "", 0, apperr.New("blob.not_found", "sha256", sum)
	}
	if err != nil {
		return "", 0, asIO(err, s.path(sum))
	}
	return s.path(sum), fi.Size(), nil
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
				return done, writeError{werr}
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

// writeError marks an error of the writing side of copyChunks (the disk),
// as opposed to the reading side (the file being stored).
type writeError struct{ error }

func (e writeError) Unwrap() error { return e.error }

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

// fail turns an error writing into the store into its code: a full disk
// is blob.disk_full and a folder that may not be written blob.read_only,
// both naming the data folder; anything else is blob.io naming path.
func (s *Store) fail(err error, path string) error {
	var ae *apperr.Error
	switch {
	case err == nil:
		return nil
	case errors.As(err, &ae):
		return err
	case diskfree.IsFull(err):
		return apperr.Wrap(err, "blob.disk_full", "dir", s.data)
	case errors.Is(err, syscall.EROFS), errors.Is(err, fs.ErrPermission):
		return apperr.Wrap(err, "blob.read_only", "dir", s.data)
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
