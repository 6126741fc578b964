package core

import (
	"math"
	"os"
	"path/filepath"
	"runtime/debug"
	"time"

	"golive/backend/apperr"
	"golive/backend/demo"
	"golive/backend/store"
)

// BuildScale writes a sample portfolio of scale sc into the new folder
// dir, telling progress after each dossier. It builds in a folder beside
// dir (".NAME.building"), written without a sync per commit and synced
// once at the end, and only then moves it to dir: a build that was killed
// leaves dir as it was, and the next build removes the leftover. dir must
// not exist or be empty (core.not_empty otherwise). The small scale is
// LoadSample's sample, built the same way.
//
// While it builds, the process's soft memory limit is lifted when it is
// the app's own (store.SoftMemoryLimit; a GOMEMLIMIT from the environment
// is kept): the build's live heap grows past that limit, where the
// collector would run without a pause (the large sample took five times
// as long under the 100 MB limit of the time). Only `golive demo` builds
// a medium or large sample, alone in its process.
func BuildScale(dir string, sc demo.Scale, now func() time.Time, progress demo.Progress) (demo.Summary, error) {
	if debug.SetMemoryLimit(-1) == store.SoftMemoryLimit {
		debug.SetMemoryLimit(math.MaxInt64)
		defer debug.SetMemoryLimit(store.SoftMemoryLimit)
	}
	if abs, err := filepath.Abs(dir); err == nil {
		dir = abs
	}
	if entries, err := os.ReadDir(dir); err == nil && len(entries) > 0 {
		return demo.Summary{}, apperr.New("core.not_empty")
	}
	tmp := filepath.Join(filepath.Dir(dir), "."+filepath.Base(dir)+".building")
	if err := os.RemoveAll(tmp); err != nil {
		return demo.Summary{}, apperr.Wrap(err, "blob.io", "path", tmp)
	}
	sum, err := buildScaleIn(tmp, sc, now, progress)
	if err != nil {
		_ = os.RemoveAll(tmp)
		return sum, err
	}
	if err := os.Remove(dir); err != nil && !os.IsNotExist(err) {
		_ = os.RemoveAll(tmp)
		return sum, apperr.Wrap(err, "blob.io", "path", dir)
	}
	if err := os.Rename(tmp, dir); err != nil {
		return sum, apperr.Wrap(err, "blob.io", "path", dir)
	}
	return sum, nil
}

func buildScaleIn(tmp string, sc demo.Scale, now func() time.Time, progress demo.Progress) (demo.Summary, error) {
	st, err := store.OpenBulk(tmp)
	if err != nil {
		return demo.Summary{}, err
	}
	c, err := build(st, tmp)
	if err != nil {
		return demo.Summary{}, err
	}
	c.Dossiers.Blobs.NoSync = true
	c.Clock = now
	target := demo.Target{Profiles: c.Profiles, Systems: c.Systems, Dossiers: c.Dossiers, Template: c.Template(), Zone: c.Zone, Now: c.Now(),
		PublishRoster: c.PublishRoster, CountEvents: st.CountEvents}
	sum, err := demo.BuildScale(target, sc, progress)
	if err == nil {
		err = st.Sync()
	}
	if cerr := c.Close(); err == nil {
		err = cerr
	}
	return sum, err
}
