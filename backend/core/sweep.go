package core

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"time"

	"golive/backend/apperr"
	"golive/backend/blob"
	"golive/backend/dossier"
	"golive/backend/meeting"
	"golive/backend/store"
)

// SweepReport says what the start-up sweep found and did (Core.Swept).
type SweepReport struct {
	blob.SweepReport
	// SampleBuild is true when the folder of a killed sample build was
	// removed.
	SampleBuild bool `json:"sample_build"`
	// Unsure is true when some event could not be read: then no stored
	// blob was removed, in case that event referenced it.
	Unsure bool `json:"unsure"`
	// Postponed is true when the sweep did not get to the blobs (the app
	// closed first, or events kept arriving while it read the ledger):
	// the next open sweeps them.
	Postponed bool `json:"postponed"`
	// Err is the first thing the sweep could not do (it goes on past it).
	Err error `json:"-"`
}

// Empty reports whether the sweep found nothing to do.
func (r SweepReport) Empty() bool {
	return r.Kept+r.Orphans+r.Leftovers == 0 && !r.SampleBuild && !r.Unsure && !r.Postponed && r.Err == nil
}

// startSweep starts the sweep (sweep) of a folder opened for writing, in
// the background: opening a large folder does not wait for a pass over
// every event. The killed sample build's folder is removed at once.
func (c *Core) startSweep() {
	c.sweepDone = make(chan struct{})
	if c.Store.ReadOnly() || c.Store.Dir() == "" {
		close(c.sweepDone)
		return
	}
	var rep SweepReport
	build := filepath.Join(c.Store.Dir(), sampleBuildDir)
	if _, err := os.Lstat(build); err == nil {
		if err := os.RemoveAll(build); err != nil {
			rep.Err = apperr.Wrap(err, "blob.io", "path", build)
		} else {
			rep.SampleBuild = true
		}
	}
	// Only what is staged now can be what an interrupted write left.
	staged := c.Dossiers.Blobs.Staging()
	c.sweepNow = make(chan struct{})
	c.closing = make(chan struct{})
	go func() {
		defer close(c.sweepDone)
		// Leave the first seconds to what the user opened the folder
		// for (the first list), unless asked for the report or closing.
		select {
		case <-time.After(sweepDelay):
		case <-c.sweepNow:
		}
		// Nothing is removed from a folder before every block of it is
		// known whole (OpenForApp verifies them in the background), nor
		// from a damaged one: the next whole open sweeps.
		c.Store.VerifyNow()
		select {
		case <-c.Store.Verified():
		case <-c.closing:
		}
		if c.sweepStop.Load() || c.Store.ReadOnly() {
			rep.Postponed = true
			c.swept = rep
			return
		}
		c.swept = c.sweep(rep, staged)
		// The checks of the open and the sweep have read every table.
		c.Store.ReleaseMapped()
	}()
}

// sweepDelay is how long after the open the sweep starts by itself.
const sweepDelay = 3 * time.Second

// hurrySweep starts the sweep now if it still waits.
func (c *Core) hurrySweep() {
	if c.sweepNow != nil {
		c.sweepOnce.Do(func() { close(c.sweepNow) })
	}
}

// Swept starts the start-up sweep if it still waits (and the background
// verification of OpenForApp it waits for), waits for it, and says what
// it removed and kept. Zero for read-only opens.
func (c *Core) Swept() SweepReport {
	if c.sweepDone != nil {
		c.hurrySweep()
		<-c.sweepDone
	}
	return c.swept
}

// sweepScanned, when set (tests), runs after each pass over the ledger.
var sweepScanned func()

// sweepAttempts is how many passes over the ledger the sweep makes before
// it leaves the blobs for the next open, when events keep being committed
// during each pass.
const sweepAttempts = 3

// sweep keeps what an acknowledged event needs and removes what
// interrupted work left: staged blobs (of those in staged) the ledger
// references are moved into place, every other one of them, every stored
// blob no event references and temporary files of interrupted writes are
// removed. It runs while the app works: it reads the ledger, then decides
// and removes while no commit runs (store.Exclusive), only if no event or
// meeting record was written since it read; a blob placed or claimed
// meanwhile is kept in any case (blob.SweepStaged).
func (c *Core) sweep(rep SweepReport, staged map[string]bool) SweepReport {
	gens := func() [2]uint64 {
		return [2]uint64{c.Store.Generation(store.EventsBucket), c.Store.Generation(meeting.Bucket)}
	}
	for attempt := 0; attempt < sweepAttempts; attempt++ {
		before := gens()
		refs, err := referencedBlobs(c.Store, c.sweepStop.Load)
		if sweepScanned != nil {
			sweepScanned()
		}
		if c.sweepStop.Load() {
			rep.Postponed = true
			return rep
		}
		referenced := func(sum string) bool { return refs[sum] }
		unsure := err != nil
		if unsure {
			referenced = func(string) bool { return true }
		}
		ran := false
		var b blob.SweepReport
		var berr error
		c.Store.Exclusive(func() {
			if gens() != before {
				return
			}
			b, berr = c.Dossiers.Blobs.SweepStaged(referenced, staged)
			ran = true
		})
		if !ran {
			continue
		}
		rep.SweepReport, rep.Unsure = b, unsure
		for _, e := range []error{err, berr} {
			if e != nil && rep.Err == nil {
				rep.Err = e
			}
		}
		return rep
	}
	rep.Postponed = true
	return rep
}

// ReferencedBlobs returns the digest of every blob the folder needs: each
// one an event of the ledger references (dossier.BlobRefs), in one pass
// over the stored events, read without verifying signatures (an event
// that fails verification may still be restored, and its files with it).
// It is the sweep's one notion of "referenced": blobs that arrive ahead of
// their events (sync) must be added here before any sweep may run. On an
// event it cannot decode it returns what it found with store.corrupt, and
// the caller must then assume every blob is referenced.
func ReferencedBlobs(st *store.Store) (map[string]bool, error) {
	return referencedBlobs(st, func() bool { return false })
}

// errStopped ends a pass over the ledger that was asked to stop.
var errStopped = errors.New("stopped")

// referencedBlobs is ReferencedBlobs, ending early (with errStopped) once
// stop says so.
func referencedBlobs(st *store.Store, stop func() bool) (map[string]bool, error) {
	refs := map[string]bool{}
	var kinds [][]byte
	for _, k := range dossier.BlobKinds {
		kinds = append(kinds, []byte(k))
	}
	var bad error
	n := 0
	err := st.Each("ev", func(key string, raw []byte) error {
		if n++; n%1024 == 0 && stop() {
			return errStopped
		}
		if !slices.ContainsFunc(kinds, func(k []byte) bool { return bytes.Contains(raw, k) }) {
			return nil // cheap: most events name no file
		}
		var e struct {
			Kind string          `json:"kind"`
			Body json.RawMessage `json:"body"`
		}
		if err := json.Unmarshal(raw, &e); err != nil {
			if bad == nil {
				bad = apperr.Wrap(err, "store.corrupt", "key", "ev/"+key)
			}
			return nil
		}
		for _, sum := range dossier.BlobRefs(e.Kind, e.Body) {
			refs[sum] = true
		}
		return nil
	})
	if err != nil {
		return refs, err
	}
	// A meeting's signatures and minutes, before its events name them.
	err = st.Each(meeting.Bucket, func(_ string, raw []byte) error {
		for _, sum := range meeting.BlobRefs(raw) {
			refs[sum] = true
		}
		return nil
	})
	if err != nil {
		return refs, err
	}
	return refs, bad
}
