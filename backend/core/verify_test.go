package core_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golive/backend/apperr"
	"golive/backend/core"
	"golive/backend/system"
)

// systemsFolder writes a folder of n systems, closed so its table is on
// disk, with an orphan file in blobs/ for the sweep to remove, and returns
// the folder and that file.
func systemsFolder(t *testing.T, n int) (dir, orphan string) {
	t.Helper()
	dir = t.TempDir()
	c, err := core.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i < n; i++ {
		sys := system.System{Code: "SYS" + string(rune('A'+i%26)) + string(rune('A'+i/26)), Name: "System " + strings.Repeat("x", i%40), Class: "java", Department: "IT", Owner: "Owner"}
		if _, err := c.Systems.Save(sys, true); err != nil {
			t.Fatal(err)
		}
	}
	if err := c.Close(); err != nil {
		t.Fatal(err)
	}
	orphan = keptPath(dir, strings.Repeat("cd", 32))
	if err := os.MkdirAll(filepath.Dir(orphan), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(orphan, []byte("orphan"), 0o600); err != nil {
		t.Fatal(err)
	}
	return dir, orphan
}

// TestAppOpenTurnsReadOnlyOnADamagedBlock: OpenForApp opens a folder
// whose only damage is a data block without verifying the blocks first;
// once the background verification has found the block (Verified), Info
// reports the folder read-only with its damage, changes are refused and
// the start-up sweep removes nothing.
func TestAppOpenTurnsReadOnlyOnADamagedBlock(t *testing.T) {
	dir, orphan := systemsFolder(t, 400)
	tables, _ := filepath.Glob(filepath.Join(dir, "*.sst"))
	if len(tables) == 0 {
		t.Fatal("no table written")
	}
	b, err := os.ReadFile(tables[0])
	if err != nil {
		t.Fatal(err)
	}
	b[len(b)/3] ^= 0x01
	if err := os.WriteFile(tables[0], b, 0o600); err != nil {
		t.Fatal(err)
	}
	c, err := core.OpenForApp(dir)
	if err != nil {
		t.Fatalf("OpenForApp: %v", err)
	}
	defer c.Close()
	if err := c.Verified(); !apperr.HasCode(err, "store.damaged") {
		t.Fatalf("Verified: want store.damaged, got %v", err)
	}
	info, err := c.Info()
	if err != nil || !info.ReadOnly || len(info.Damage) != 1 || info.Damage[0].File != filepath.Base(tables[0]) {
		t.Fatalf("info after the verification: %+v %v", info, err)
	}
	if d := c.Damaged(); len(d) != 1 || d[0].File != filepath.Base(tables[0]) {
		t.Fatalf("Damaged: %+v", d)
	}
	sys := system.System{Code: "NEWSYS", Name: "New", Class: "java", Department: "IT", Owner: "Owner"}
	if _, err := c.Systems.Save(sys, true); !apperr.HasCode(err, "store.read_only") {
		t.Fatalf("a change in a damaged folder: want store.read_only, got %v", err)
	}
	if r := c.Swept(); r.Orphans+r.Kept+r.Leftovers != 0 {
		t.Fatalf("the sweep ran in a damaged folder: %+v", r)
	}
	if _, err := os.Stat(orphan); err != nil {
		t.Fatalf("the sweep removed a file from a damaged folder: %v", err)
	}
}

// TestAppOpenOfAWholeFolder: the background verification of a whole
// folder finds nothing, the folder stays writable and the sweep runs once
// it is done; closing right after the open is clean.
func TestAppOpenOfAWholeFolder(t *testing.T) {
	dir, orphan := systemsFolder(t, 50)
	c, err := core.OpenForApp(dir)
	if err != nil {
		t.Fatal(err)
	}
	if err := c.Close(); err != nil {
		t.Fatalf("Close right after the open: %v", err)
	}
	c, err = core.OpenForApp(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	if err := c.Verified(); err != nil {
		t.Fatalf("Verified of a whole folder: %v", err)
	}
	info, err := c.Info()
	if err != nil || info.ReadOnly || len(info.Damage) != 0 {
		t.Fatalf("info of a whole folder: %+v %v", info, err)
	}
	sys := system.System{Code: "NEWSYS", Name: "New", Class: "java", Department: "IT", Owner: "Owner"}
	if _, err := c.Systems.Save(sys, true); err != nil {
		t.Fatalf("a change in a whole folder: %v", err)
	}
	if r := c.Swept(); r.Orphans != 1 || r.Postponed {
		t.Fatalf("the sweep of a whole folder: %+v", r)
	}
	if _, err := os.Stat(orphan); !os.IsNotExist(err) {
		t.Fatalf("the orphan is still there: %v", err)
	}
}
