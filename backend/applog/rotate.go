package applog

import (
	"os"
	"path/filepath"
	"strconv"
	"sync"
)

// rotatingFile appends to golive.log and, when a line would take it past
// max bytes, renames it to golive.log.1 (shifting older ones up to
// golive.log.<keep>, dropping the oldest) and starts a new one.
type rotatingFile struct {
	mu   sync.Mutex
	path string
	max  int64
	keep int
	f    *os.File
	size int64
}

func openRotating(dir string, max int64, keep int) (*rotatingFile, error) {
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, err
	}
	r := &rotatingFile{path: filepath.Join(dir, FileName), max: max, keep: keep}
	return r, r.open()
}

func (r *rotatingFile) open() error {
	f, err := os.OpenFile(r.path, os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o600)
	if err != nil {
		return err
	}
	fi, err := f.Stat()
	if err != nil {
		f.Close()
		return err
	}
	r.f, r.size = f, fi.Size()
	return nil
}

// Write appends p, one JSON line, rotating first when needed. It always
// reports success: a log that cannot be written drops the line rather
// than failing what it describes.
func (r *rotatingFile) Write(p []byte) (int, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.f != nil && r.size > 0 && r.size+int64(len(p)) > r.max {
		r.rotate()
	}
	if r.f != nil {
		n, _ := r.f.Write(p)
		r.size += int64(n)
	}
	return len(p), nil
}

func (r *rotatingFile) rotate() {
	_ = r.f.Close()
	r.f = nil
	_ = os.Remove(r.old(r.keep))
	for i := r.keep - 1; i >= 1; i-- {
		_ = os.Rename(r.old(i), r.old(i+1))
	}
	_ = os.Rename(r.path, r.old(1))
	_ = r.open()
}

// old is the path of the i-th rotated file (1 is the newest).
func (r *rotatingFile) old(i int) string { return r.path + "." + strconv.Itoa(i) }

// Close closes the file; later lines are dropped.
func (r *rotatingFile) Close() error {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.f == nil {
		return nil
	}
	err := r.f.Close()
	r.f = nil
	return err
}
