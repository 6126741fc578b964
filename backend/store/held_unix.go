//go:build unix

package store

import (
	"os"
	"syscall"
)

// heldForWriting reports whether another process holds dir the way a
// read-write Badger does (an exclusive flock on the folder itself), so
// its files may change under an inspection: the caller then reports
// store.already_open rather than reading files mid-compaction.
func heldForWriting(dir string) bool {
	f, err := os.Open(dir)
	if err != nil {
		return false
	}
	defer f.Close()
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_SH|syscall.LOCK_NB); err != nil {
		return err == syscall.EWOULDBLOCK
	}
	_ = syscall.Flock(int(f.Fd()), syscall.LOCK_UN)
	return false
}
