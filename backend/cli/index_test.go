package cli_test

import (
	"bytes"
	"path/filepath"
	"slices"
	"testing"

	"github.com/dgraph-io/badger/v4"
	"github.com/xuri/excelize/v2"

	"golive/backend/core"
	"golive/backend/dossier"
)

// registerIDs exports the 审批登记簿 of year from dir and returns the
// dossier ids in its first column.
func registerIDs(t *testing.T, dir, year string) []string {
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
	rows, err := f.GetRows("审批登记簿")
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, r := range rows[1:] {
		ids = append(ids, r[0])
	}
	return ids
}

// TestRegisterFollowsTheLedger: the register exported by the command
// lists every dossier of the year, whatever became of the dossier index
// kept beside the signed ledger, and exporting writes nothing.
func TestRegisterFollowsTheLedger(t *testing.T) {
	dir, _, _ := sampleFolder(t)
	want := registerIDs(t, dir, "2026")
	if len(want) < 20 {
		t.Fatalf("the sample register has %d rows", len(want))
	}
	deleted, edited := want[0], want[len(want)-1]

	c, err := core.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	var records int
	err = c.Store.DB().Update(func(txn *badger.Txn) error {
		item, err := txn.Get([]byte("dz/" + edited))
		if err != nil {
			return err
		}
		raw, err := item.ValueCopy(nil)
		if err != nil {
			return err
		}
		// Move the dossier out of 2026 and rename it, in the index only.
		forged := bytes.Replace(raw, []byte(`"planned_at":"2026-`), []byte(`"planned_at":"2031-`), 1)
		forged = bytes.Replace(forged, []byte(`"title":"`), []byte(`"title":"已篡改`), 1)
		if bytes.Equal(forged, raw) {
			t.Fatalf("record of %s not edited: %s", edited, raw)
		}
		if err := txn.Set([]byte("dz/"+edited), forged); err != nil {
			return err
		}
		return txn.Delete([]byte("dz/" + deleted))
	})
	if err == nil {
		err = c.Store.Each("dz", func(string, []byte) error { records++; return nil })
	}
	if cerr := c.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		t.Fatal(err)
	}

	got := registerIDs(t, dir, "2026")
	if !slices.Equal(got, want) {
		t.Fatalf("register after the index was edited:\n%v\nwant\n%v", got, want)
	}
	if later := registerIDs(t, dir, "2031"); slices.Contains(later, edited) {
		t.Fatalf("the 2031 register lists %s from its edited index record", edited)
	}

	c, err = core.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	after := 0
	if err := c.Store.Each("dz", func(string, []byte) error { after++; return nil }); err != nil {
		t.Fatal(err)
	}
	if after != records {
		t.Fatalf("exporting changed the index from %d to %d records", records, after)
	}
	list, err := c.Dossiers.List(dossier.Filter{})
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range list {
		if d.ID == edited && (d.PlannedAt.Year() != 2026 || bytes.Contains([]byte(d.Title), []byte("已篡改"))) {
			t.Fatalf("the list shows the edited record: %s planned %s", d.Title, d.PlannedAt)
		}
	}
	if !slices.ContainsFunc(list, func(d dossier.Summary) bool { return d.ID == deleted }) {
		t.Fatalf("the list lost %s with its index record", deleted)
	}
}
