package core_test

import (
	"math"
	"os"
	"path/filepath"
	"runtime/debug"
	"testing"
	"time"

	"golive/backend/apperr"
	"golive/backend/core"
	"golive/backend/demo"
	"golive/backend/dossier"
	"golive/backend/store"
)

// TestBuildScaleWritesAHistory builds a small history (the scale's
// numbers cut down so the test stays quick) and opens the result as the
// app does: every dossier is there, spread over the years and systems,
// in end states and in flight, nothing is left beside the folder, and a
// folder that holds anything is refused untouched.
func TestBuildScaleWritesAHistory(t *testing.T) {
	sc := demo.Scale{Name: "test", Systems: 30, Dossiers: 46 + 60, Years: 3}
	parent := t.TempDir()
	dir := filepath.Join(parent, "large")
	now := time.Date(2026, 11, 20, 10, 0, 0, 0, dossier.DefaultZone())
	var calls, last int
	sum, err := core.BuildScale(dir, sc, func() time.Time { return now }, func(done, total int) {
		calls++
		if done <= last || total != sc.Dossiers {
			t.Errorf("progress %d/%d after %d", done, total, last)
		}
		last = done
	})
	if err != nil {
		t.Fatal(err)
	}
	if sum.Dossiers != sc.Dossiers || sum.Systems != sc.Systems || last != sc.Dossiers || calls != sc.Dossiers {
		t.Fatalf("summary %+v, progress %d calls up to %d", sum, calls, last)
	}
	if sum.Events < 20*sc.Dossiers {
		t.Errorf("%d events for %d dossiers", sum.Events, sc.Dossiers)
	}
	entries, _ := os.ReadDir(parent)
	if len(entries) != 1 || entries[0].Name() != "large" {
		t.Fatalf("beside the folder: %v", entries)
	}
	c, err := core.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	list, err := c.Dossiers.List(dossier.Filter{})
	if err != nil {
		t.Fatal(err)
	}
	if len(list) != sc.Dossiers {
		t.Fatalf("%d dossiers listed, want %d", len(list), sc.Dossiers)
	}
	years, systems, phases := map[int]bool{}, map[string]bool{}, map[string]int{}
	for _, d := range list {
		years[d.PlannedAt.Year()] = true
		systems[d.SystemCode] = true
		phases[d.Phase]++
	}
	if len(years) < sc.Years || len(systems) < sc.Systems/2 {
		t.Errorf("years %v, %d systems", years, len(systems))
	}
	if len(phases) < 8 {
		t.Errorf("phases %v", phases)
	}
	if _, err := core.BuildScale(dir, sc, func() time.Time { return now }, nil); !apperr.HasCode(err, "core.not_empty") {
		t.Errorf("a second build into the folder: %v", err)
	}
}

// TestBuildScaleLiftsTheAppsMemoryLimit: under the app's own soft memory
// limit the build's heap kept the collector running without a pause (the
// large sample took five times as long), so a build lifts that limit while
// it runs and puts it back after; a limit set from outside (GOMEMLIMIT)
// is left as it is.
func TestBuildScaleLiftsTheAppsMemoryLimit(t *testing.T) {
	was := debug.SetMemoryLimit(-1)
	defer debug.SetMemoryLimit(was)
	sc := demo.Scale{Name: "test", Systems: 20, Dossiers: 46 + 2, Years: 1}
	now := time.Date(2026, 11, 20, 10, 0, 0, 0, dossier.DefaultZone())
	for _, c := range []struct {
		name          string
		limit, during int64
	}{
		{"the app's limit", store.SoftMemoryLimit, math.MaxInt64},
		{"a limit from GOMEMLIMIT", 300 << 20, 300 << 20},
	} {
		debug.SetMemoryLimit(c.limit)
		var seen []int64
		_, err := core.BuildScale(filepath.Join(t.TempDir(), "d"), sc, func() time.Time { return now }, func(done, total int) {
			seen = append(seen, debug.SetMemoryLimit(-1))
		})
		if err != nil {
			t.Fatal(err)
		}
		for _, l := range seen {
			if l != c.during {
				t.Fatalf("%s: the limit during the build was %d, want %d", c.name, l, c.during)
			}
		}
		if after := debug.SetMemoryLimit(-1); len(seen) == 0 || after != c.limit {
			t.Errorf("%s: %d progress calls, the limit after the build %d, want %d", c.name, len(seen), after, c.limit)
		}
	}
}
