// Package diskfree tells how much room is left on the disk that holds a
// folder. GoLive keeps a reserve free for its store: Badger writes its
// tables and write-ahead log through memory maps, so a disk that fills up
// under it is a bus error that kills the process, not an error value. A
// write that would eat into the reserve is refused with a message instead.
package diskfree

import (
	"sync"
	"time"
)

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

// Guard answers Below for one folder and one reserve without asking the
// file system before every small write: a reading is used again for a
// quarter of a second, less the bytes written since, while what it leaves
// is more than four reserves; nearer the reserve, and after that time,
// every call measures again. (A statfs costs about as much as the rest of
// a small commit's own work.) Its methods may be called concurrently.
type Guard struct {
	dir  string
	want int64
	// free measures; Free, or a test's.
	free func(string) (int64, bool)

	mu   sync.Mutex
	at   time.Time // when last measured
	left int64     // bytes free then, less those written since
	ok   bool      // whether the last measure told
}

// guardFor is how long a reading is used again.
const guardFor = 250 * time.Millisecond

// NewGuard returns a Guard keeping want bytes free on dir's disk.
func NewGuard(dir string, want int64) *Guard {
	return &Guard{dir: dir, want: want, free: Free}
}

// Below reports whether less than the guard's reserve is free on its
// disk before a write of about writing bytes (false when the room cannot
// be measured), and counts those bytes as written.
func (g *Guard) Below(writing int64) bool {
	g.mu.Lock()
	defer g.mu.Unlock()
	now := time.Now()
	if g.ok && now.Sub(g.at) < guardFor && g.left-writing > 4*g.want {
		g.left -= writing
		return false
	}
	free, ok := g.free(g.dir)
	g.at, g.left, g.ok = now, free-writing, ok
	return ok && free < g.want
}
