package blob

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"

	"golive/backend/apperr"
)

// SweepReport says what Sweep did.
type SweepReport struct {
	// Kept counts staged blobs an event references, moved into place.
	Kept int `json:"kept"`
	// Orphans counts stored blobs no event references, removed.
	Orphans int `json:"orphans"`
	// Leftovers counts staged blobs no event references and temporary
	// files of interrupted writes, removed.
	Leftovers int `json:"leftovers"`
	// Bytes is the size of everything removed.
	Bytes int64 `json:"bytes"`
}

// Sweep tidies the blob folder; call it when the folder is opened for
// writing, before anything else writes to it. referenced reports whether
// an event in the ledger references the blob with that digest: a staged
// blob it names is checked against its digest and kept (its event was
// committed but the process died before Keep), a stored blob it does not
// name is removed, as is every other staged or temporary file. A caller
// that cannot tell what is referenced passes a func that always says yes:
// then nothing a ledger could need is removed. One pass over the folder;
// only staged blobs that are kept are read. It goes on past a file it
// cannot remove and returns the first such error (blob.io) with the
// report. A read-only store sweeps nothing.
func (s *Store) Sweep(referenced func(sum string) bool) (SweepReport, error) {
	return s.sweep(referenced, nil, false)
}

// Staging returns the names of the files in the staging area now: what
// SweepStaged may consider later, while new writes stage more.
func (s *Store) Staging() map[string]bool {
	out := map[string]bool{}
	entries, _ := os.ReadDir(s.staging)
	for _, e := range entries {
		out[e.Name()] = true
	}
	return out
}

// SweepStaged is Sweep for a store in use by this process: only the
// staged files named in staged (its Staging from before anything wrote)
// are considered, and a stored blob placed or
// claimed since the store was opened is kept even if referenced said no
// (its event may be newer than what referenced was built from).
func (s *Store) SweepStaged(referenced func(sum string) bool, staged map[string]bool) (SweepReport, error) {
	if staged == nil {
		staged = map[string]bool{}
	}
	return s.sweep(referenced, staged, true)
}

func (s *Store) sweep(referenced func(sum string) bool, staged map[string]bool, inUse bool) (SweepReport, error) {
	var rep SweepReport
	if s.readOnly {
		return rep, nil
	}
	var first error
	note := func(err error, path string) {
		if err != nil && first == nil && !errors.Is(err, os.ErrNotExist) {
			first = apperr.Wrap(err, "blob.io", "path", path)
		}
	}
	remove := func(path string, count *int) {
		fi, err := os.Lstat(path)
		if err != nil {
			note(err, path)
			return
		}
		if err := os.Remove(path); err != nil {
			note(err, path)
			return
		}
		*count++
		rep.Bytes += fi.Size()
	}

	entries, err := os.ReadDir(s.staging)
	note(err, s.staging)
	for _, e := range entries {
		path := filepath.Join(s.staging, e.Name())
		if e.IsDir() || (staged != nil && !staged[e.Name()]) {
			continue // not ours, or staged since
		}
		sum, _, named := strings.Cut(e.Name(), "-")
		if named && hexSHA.MatchString(sum) && referenced(sum) {
			if ok, err := hashIs(path, sum); err != nil {
				note(err, path)
				continue
			} else if ok {
				if err := s.place(path, sum); err != nil {
					note(err, path)
					continue
				}
				rep.Kept++
				continue
			}
		}
		remove(path, &rep.Leftovers)
	}

	shards, err := os.ReadDir(s.dir)
	note(err, s.dir)
	for _, shard := range shards {
		dir := filepath.Join(s.dir, shard.Name())
		if !shard.IsDir() {
			if strings.HasPrefix(shard.Name(), incoming) {
				remove(dir, &rep.Leftovers) // a write of an older GoLive
			}
			continue
		}
		if len(shard.Name()) != 2 {
			continue
		}
		files, err := os.ReadDir(dir)
		note(err, dir)
		for _, f := range files {
			path := filepath.Join(dir, f.Name())
			switch sum := shard.Name() + f.Name(); {
			case f.IsDir():
			case strings.HasPrefix(f.Name(), incoming):
				remove(path, &rep.Leftovers)
			case hexSHA.MatchString(sum) && !referenced(sum):
				s.mu.Lock()
				if !inUse || !s.used[sum] {
					remove(path, &rep.Orphans)
				}
				s.mu.Unlock()
			}
		}
		_ = os.Remove(dir) // only succeeds when the shard is empty
	}
	if rep.Orphans+rep.Leftovers+rep.Kept > 0 && !s.NoSync {
		syncDir(s.staging)
	}
	return rep, first
}

// hashIs reports whether the file at path has SHA-256 sum.
func hashIs(path, sum string) (bool, error) {
	f, err := os.Open(path)
	if err != nil {
		return false, err
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.CopyBuffer(h, f, make([]byte, ChunkSize)); err != nil {
		return false, err
	}
	return hex.EncodeToString(h.Sum(nil)) == sum, nil
}
