package store_test

import (
	"runtime"
	"sync/atomic"
	"testing"
	"time"

	"golive/backend/store"
)

// sink keeps the allocations of churn from being optimised away.
var sink atomic.Pointer[[]byte]

// churn allocates about n bytes in 64 KiB pieces, each dropped at once.
func churn(n int) {
	for i := 0; i < n/(64<<10); i++ {
		b := make([]byte, 64<<10)
		b[i%len(b)] = byte(i)
		sink.Store(&b)
	}
}

// waitFor polls cond for up to five seconds.
func waitFor(cond func() bool) bool {
	for end := time.Now().Add(5 * time.Second); time.Now().Before(end); time.Sleep(5 * time.Millisecond) {
		if cond() {
			return true
		}
	}
	return cond()
}

// TestIdleTrimGivesMemoryBackAfterWork: while the process allocates, it is
// never trimmed; once it has been quiet after work it is trimmed once, and
// the heap's free pages are given back to the kernel; it is not trimmed
// again while it rests, nor after work too small to be worth a collection.
func TestIdleTrimGivesMemoryBackAfterWork(t *testing.T) {
	trim := store.StartIdleTrim(100 * time.Millisecond)
	defer trim.Stop()

	// The work holds 64 MiB while it runs, so the heap grows past it.
	held := make([][]byte, 0, 64)
	for i := 0; i < cap(held); i++ {
		held = append(held, make([]byte, 1<<20))
	}
	busyUntil := time.Now().Add(400 * time.Millisecond)
	for time.Now().Before(busyUntil) {
		churn(2 << 20)
		time.Sleep(2 * time.Millisecond)
		if n := trim.Trims(); n != 0 {
			t.Fatalf("trimmed %d times while allocating", n)
		}
	}
	runtime.KeepAlive(held) // dropped from here on
	if !waitFor(func() bool { return trim.Trims() == 1 && trim.Settled() }) {
		t.Fatalf("after the work: %d trims, settled %v", trim.Trims(), trim.Settled())
	}
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	if kept := m.HeapIdle - m.HeapReleased; kept > 8<<20 {
		t.Errorf("after the trim the heap keeps %d KiB of free pages from the kernel", kept>>10)
	}

	time.Sleep(300 * time.Millisecond)
	churn(store.WorkBytes / 4)
	time.Sleep(300 * time.Millisecond)
	if n := trim.Trims(); n != 1 || !trim.Settled() {
		t.Errorf("resting, then a little work: %d trims (want 1), settled %v", n, trim.Settled())
	}

	churn(2 * store.WorkBytes)
	if !waitFor(func() bool { return trim.Trims() == 2 && trim.Settled() }) {
		t.Errorf("after more work: %d trims (want 2), settled %v", trim.Trims(), trim.Settled())
	}
	trim.Stop()
	trim.Stop()
}
