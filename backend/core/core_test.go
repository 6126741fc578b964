package core_test

import (
	"testing"

	"golive/backend/apperr"
	"golive/backend/core"
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
