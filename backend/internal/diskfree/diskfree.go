// Package diskfree tells how much room is left on the disk that holds a
// folder. GoLive keeps a reserve free for its store: Badger writes its
// tables and write-ahead log through memory maps, so a disk that fills up
// under it is a bus error that kills the process, not an error value. A
// write that would eat into the reserve is refused with a message instead.
package diskfree

// Reserve is the room GoLive keeps free on the data folder's disk for the
// store's own files (a memtable flush, a compaction): 64 MiB.
const Reserve int64 = 64 << 20

// Free returns the bytes this process may still write on the filesystem
// holding dir; ok is false when the system cannot tell (then callers go
// ahead and rely on the write's own error).
func Free(dir string) (free int64, ok bool) { return free0(dir) }

// Below reports whether less than want bytes are free on dir's disk; it
// is false when the room cannot be measured.
func Below(dir string, want int64) bool {
	free, ok := Free(dir)
	return ok && free < want
}

// IsFull reports whether err is the system's "no space left on device"
// (or "disk quota exceeded").
func IsFull(err error) bool { return err != nil && full(err) }
