package core

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"

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
	// Err is the first thing the sweep could not do (it goes on past it).
	Err error `json:"-"`
}

// Empty reports whether the sweep found nothing to do.
func (r SweepReport) Empty() bool {
	return r.Kept+r.Orphans+r.Leftovers == 0 && !r.SampleBuild && !r.Unsure && r.Err == nil
}

// sweep removes what interrupted work left in the folder and keeps what an
// acknowledged event needs: staged blobs the ledger references are moved
// into place, every other staged blob, every stored blob no event
// references, temporary files of interrupted writes and the folder of a
// killed sample build are removed. Open calls it on a folder opened for
// writing, before any service writes; a read-only open never sweeps. One
// pass over the events and one over the blob folder.
func (c *Core) sweep() SweepReport {
	var rep SweepReport
	if c.Store.ReadOnly() || c.Store.Dir() == "" {
		return rep
	}
	build := filepath.Join(c.Store.Dir(), sampleBuildDir)
	if _, err := os.Lstat(build); err == nil {
		if err := os.RemoveAll(build); err != nil {
			rep.Err = apperr.Wrap(err, "blob.io", "path", build)
		} else {
			rep.SampleBuild = true
		}
	}
	refs, err := ReferencedBlobs(c.Store)
	referenced := func(sum string) bool { return refs[sum] }
	if err != nil {
		rep.Unsure = true
		referenced = func(string) bool { return true }
		if rep.Err == nil {
			rep.Err = err
		}
	}
	b, err := c.Dossiers.Blobs.Sweep(referenced)
	rep.SweepReport = b
	if err != nil && rep.Err == nil {
		rep.Err = err
	}
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
	refs := map[string]bool{}
	var kinds [][]byte
	for _, k := range dossier.BlobKinds {
		kinds = append(kinds, []byte(k))
	}
	var bad error
	err := st.Each("ev", func(key string, raw []byte) error {
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
