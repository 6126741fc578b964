package cli_test

import (
	"crypto/sha256"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
)

// registerCells exports the register of year from dir and returns every
// cell of every sheet of the workbook.
func registerCells(t *testing.T, dir, year string) map[string][][]string {
	t.Helper()
	out := filepath.Join(t.TempDir(), "register.xlsx")
	if msg, err := run("export", "register", "--year", year, "--out", out, "--data", dir); err != nil {
		t.Fatalf("export register: %v %q", err, msg)
	}
	f, err := excelize.OpenFile(out)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	cells := map[string][][]string{}
	for _, sheet := range f.GetSheetList() {
		rows, err := f.GetRows(sheet)
		if err != nil {
			t.Fatal(err)
		}
		cells[sheet] = rows
	}
	return cells
}

// TestSyncOnceDoneWhen is the check: golive demo --data A, golive
// sync --data A --folder S --once, golive sync --data B --folder S --once
// into a new folder B; the registers of A and B are the same.
func TestSyncOnceDoneWhen(t *testing.T) {
	root := t.TempDir()
	a, b, s := filepath.Join(root, "A"), filepath.Join(root, "B"), filepath.Join(root, "S")
	if err := os.Mkdir(s, 0o755); err != nil {
		t.Fatal(err)
	}
	if msg, err := run("demo", "--data", a); err != nil {
		t.Fatalf("demo: %v %q", err, msg)
	}
	msg, err := run("sync", "--data", a, "--folder", s, "--once")
	if err != nil || !strings.Contains(msg, "published ") || !strings.Contains(msg, "golive/packs/") {
		t.Fatalf("sync of A: %v %q", err, msg)
	}
	msg, err = run("sync", "--data", b, "--folder", s, "--once")
	if err != nil || !strings.Contains(msg, "read-only") || !strings.Contains(msg, "read 1 packs") || !strings.Contains(msg, "pinned the organisation") {
		t.Fatalf("sync of B: %v %q", err, msg)
	}
	if again, err := run("sync", "--data", b, "--folder", s, "--once"); err != nil || !strings.Contains(again, "read 0 packs") {
		t.Fatalf("second sync of B: %v %q", err, again)
	}
	year := strconv.Itoa(time.Now().Year())
	ca, cb := registerCells(t, a, year), registerCells(t, b, year)
	rows := 0
	for _, r := range ca {
		rows += len(r)
	}
	if rows < 20 {
		t.Fatalf("the register of A has %d rows", rows)
	}
	if !reflect.DeepEqual(ca, cb) {
		t.Fatal("the registers of A and B differ")
	}

	// A pack with a flipped byte, under its name or renamed to its new
	// hash, makes the command fail and changes nothing.
	var pack string
	_ = filepath.Walk(filepath.Join(s, "golive", "packs"), func(p string, fi os.FileInfo, err error) error {
		if err == nil && strings.HasSuffix(p, ".pack") {
			pack = p
		}
		return nil
	})
	raw, err := os.ReadFile(pack)
	if err != nil {
		t.Fatal(err)
	}
	raw[len(raw)/2] ^= 1
	renamed := filepath.Join(filepath.Dir(pack), fmt.Sprintf("%x.pack", sha256.Sum256(raw)))
	if err := os.WriteFile(renamed, raw, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(pack, raw, 0o644); err != nil {
		t.Fatal(err)
	}
	old := time.Now().Add(-2 * time.Minute)
	_ = os.Chtimes(pack, old, old)
	c := filepath.Join(root, "C")
	msg, err = run("sync", "--data", c, "--folder", s, "--once")
	if err == nil || strings.Count(msg, "FAILED") != 2 || !strings.Contains(msg, "read 0 packs") {
		t.Fatalf("sync with damaged packs: %v %q", err, msg)
	}
	t.Log(msg)
	if cells := registerCells(t, c, year); reflect.DeepEqual(cells, ca) {
		t.Fatal("C got the portfolio from damaged packs")
	}
}
