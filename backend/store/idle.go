package store

import (
	"runtime/debug"
	"runtime/metrics"
	"sync"
	"sync/atomic"
	"time"
)

// The thresholds of IdleTrim.
const (
	// QuietRate is the most the process may allocate a second and still
	// count as resting.
	QuietRate = 1 << 20
	// WorkBytes is how much must have been allocated since the last
	// trim for a resting process to be trimmed again: a trim after a few
	// small reads would cost a collection and give back next to nothing.
	WorkBytes = 32 << 20
	// looksPerRest is how many looks a rest is checked by.
	looksPerRest = 5
)

// IdleTrim gives the heap's free memory back to the kernel once the
// process has gone quiet after work (debug.FreeOSMemory: a collection,
// then every free page released). Between collections the Go heap grows
// to twice what it holds (and, with SoftMemoryLimit, at most to that
// limit); without a trim the pages freed by the last burst of work stay
// counted in the process's memory long after it ends. So the work runs
// with the collector's usual pace, and the resting app is as small as what
// it holds. It watches the runtime's count of allocated bytes: a process
// that allocated at most QuietRate a second for a whole rest (five looks
// in a row), and WorkBytes or more since the last trim, is trimmed. The
// trim's collection costs a few tens of milliseconds of a core: the rest
// is long enough that it seldom meets the user's next action.
type IdleTrim struct {
	stop  chan struct{}
	done  chan struct{}
	once  sync.Once
	trims atomic.Int64
	// settled is set when the last look found the process quiet with
	// less than WorkBytes allocated since the last trim (or since the
	// start): a look would not trim it now.
	settled atomic.Bool
}

// allocatedBytes reads the bytes the process has allocated on the heap
// since it started.
func allocatedBytes() uint64 {
	s := []metrics.Sample{{Name: "/gc/heap/allocs:bytes"}}
	metrics.Read(s)
	if s[0].Value.Kind() != metrics.KindUint64 {
		return 0
	}
	return s[0].Value.Uint64()
}

// StartIdleTrim starts an IdleTrim that trims a process resting for rest
// after work; Stop ends it.
func StartIdleTrim(rest time.Duration) *IdleTrim {
	t := &IdleTrim{stop: make(chan struct{}), done: make(chan struct{})}
	go t.run(rest / looksPerRest)
	return t
}

func (t *IdleTrim) run(period time.Duration) {
	defer close(t.done)
	quietBytes := uint64(max(QuietRate*period.Seconds(), 64<<10))
	tick := time.NewTicker(period)
	defer tick.Stop()
	last := allocatedBytes()
	trimmedAt := last
	quiet := 0
	for {
		select {
		case <-t.stop:
			return
		case <-tick.C:
		}
		now := allocatedBytes()
		if now-last <= quietBytes {
			quiet++
		} else {
			quiet = 0
		}
		last = now
		worked := now-trimmedAt >= WorkBytes
		if quiet >= looksPerRest && worked {
			debug.FreeOSMemory()
			last = allocatedBytes()
			trimmedAt = last
			t.trims.Add(1)
			worked = false
		}
		t.settled.Store(quiet >= looksPerRest && !worked)
	}
}

// Trims reports how many times the process was trimmed.
func (t *IdleTrim) Trims() int64 { return t.trims.Load() }

// Settled reports whether the last look found the process quiet and
// nothing to give back: trimmed since its last work, or never busy.
func (t *IdleTrim) Settled() bool { return t.settled.Load() }

// Stop ends the looks and waits for the last one to finish; later calls
// do nothing.
func (t *IdleTrim) Stop() {
	t.once.Do(func() { close(t.stop) })
	<-t.done
}
