package core_test

import (
	"testing"
	"time"

	"golive/backend/apperr"
	"golive/backend/core"
	"golive/backend/dossier"
)

func TestCore(t *testing.T) {
	dir := t.TempDir()
	c, err := core.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	info, err := c.Info()
	if err != nil || !info.Empty || info.Profiles != 0 || info.Template != "golive.release@2.4.3" || info.Zone != "Asia/Shanghai" || info.DataDir != dir {
		t.Fatalf("info = %+v, %v", info, err)
	}
	t.Run("Preferences", func(t *testing.T) {
		if err := c.SetPreferences(core.Preferences{Language: "en"}); err != nil {
			t.Fatal(err)
		}
		p, err := c.Preferences()
		if err != nil || p.Language != "en" {
			t.Fatalf("preferences = %+v, %v", p, err)
		}
		if err := c.SetPreferences(core.Preferences{Language: "fr"}); apperr.Code(err) != "core.bad_language" {
			t.Fatalf("code = %q", apperr.Code(err))
		}
		if p, _ := c.Preferences(); p.Language != "en" {
			t.Fatal("a refused preference was stored")
		}
	})
	t.Run("DefaultDataDirFollowsEnv", func(t *testing.T) {
		t.Setenv("GOLIVE_DATA", "/tmp/x-golive")
		if core.DefaultDataDir() != "/tmp/x-golive" {
			t.Fatal("GOLIVE_DATA ignored")
		}
	})
}

// TestListsAfterTheSampleLoads: lists read before the sample loads (an
// empty folder) are not kept past it: the sample is copied into the store
// past its commits, and every list shows it at once.
func TestListsAfterTheSampleLoads(t *testing.T) {
	c, err := core.Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	c.Clock = func() time.Time { return time.Date(2026, 11, 26, 9, 0, 0, 0, c.Zone) }
	if list, err := c.Dossiers.List(dossier.Filter{}); err != nil || len(list) != 0 {
		t.Fatalf("empty folder: %d dossiers, %v", len(list), err)
	}
	if list, err := c.Systems.List(); err != nil || len(list) != 0 {
		t.Fatalf("empty folder: %d systems, %v", len(list), err)
	}
	sum, err := c.LoadSample()
	if err != nil {
		t.Fatal(err)
	}
	if p, err := c.Dossiers.Page(dossier.Filter{}, 0, 15); err != nil || p.Total != sum.Dossiers || len(p.Rows) != 15 {
		t.Fatalf("after the sample: total %d, %d rows, %v; the sample has %d", p.Total, len(p.Rows), err, sum.Dossiers)
	}
	if list, err := c.Systems.List(); err != nil || len(list) != sum.Systems {
		t.Fatalf("after the sample: %d systems, %v; the sample has %d", len(list), err, sum.Systems)
	}
}
