package cli_test

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"golive/backend/core"
	"golive/backend/dossier"
	"golive/backend/store"
	"golive/backend/workflow"
)

// TestBackupCommands runs golive backup, restore, export archive and
// verify of an archive on one sample portfolio (built once: it takes
// seconds), each case on its own copy of the folder.
func TestBackupCommands(t *testing.T) {
	sample := filepath.Join(t.TempDir(), "sample")
	if _, err := run("demo", "--data", sample); err != nil {
		t.Fatal(err)
	}
	fresh := func(t *testing.T) string {
		t.Helper()
		dir := filepath.Join(t.TempDir(), "data")
		if err := os.CopyFS(dir, os.DirFS(sample)); err != nil {
			t.Fatal(err)
		}
		return dir
	}

	t.Run("RoundTripGivesIdenticalRegisters", func(t *testing.T) {
		dir := fresh(t)
		files := t.TempDir()
		file := filepath.Join(files, "b.zip")
		before := folderHashes(t, dir)
		msg, err := run("backup", "--out", file, "--data", dir)
		if err != nil || !strings.Contains(msg, "writes nothing into the data folder") {
			t.Fatalf("backup: %v\n%s", err, msg)
		}
		// The backup wrote nothing into the folder it saved.
		sameFolder(t, "golive backup", before, folderHashes(t, dir))
		restored := filepath.Join(t.TempDir(), "restored")
		msg, err = run("restore", file, "--data", restored)
		if err != nil || !strings.Contains(msg, "golive --data "+restored) {
			t.Fatalf("restore: %v\n%s", err, msg)
		}
		for _, d := range []string{dir, restored} {
			if _, err := run("export", "register", "--out", filepath.Join(files, filepath.Base(d)+".xlsx"), "--data", d); err != nil {
				t.Fatal(err)
			}
		}
		a, b := workbookCells(t, filepath.Join(files, "data.xlsx")), workbookCells(t, filepath.Join(files, "restored.xlsx"))
		if len(a) == 0 || len(a["rows"]) == 0 {
			t.Fatal("the register is empty")
		}
		if !reflect.DeepEqual(a, b) {
			t.Fatal("the restored folder's register differs from the original's")
		}
		if ea, eb := eventIDs(t, dir), eventIDs(t, restored); !reflect.DeepEqual(ea, eb) || len(ea) < 40 {
			t.Fatalf("events: %d streams, restored %d", len(ea), len(eb))
		}
		blobs := func(d string) map[string]string { return folderHashes(t, filepath.Join(d, "blobs")) }
		if ba, bb := blobs(dir), blobs(restored); !reflect.DeepEqual(ba, bb) || len(ba) < 100 {
			t.Fatalf("blobs: %d, restored %d", len(ba), len(bb))
		}
	})

	t.Run("WhileTheAppHasTheFolder", func(t *testing.T) {
		dir := fresh(t)
		c, err := core.Open(dir)
		if err != nil {
			t.Fatal(err)
		}
		defer c.Close()
		file := filepath.Join(t.TempDir(), "b.zip")
		msg, err := run("backup", "--out", file, "--data", dir)
		if err != nil || !strings.Contains(msg, "database was copied first") {
			t.Fatalf("backup of an open folder: %v\n%s", err, msg)
		}
		if _, err := run("restore", file, "--data", filepath.Join(t.TempDir(), "r")); err != nil {
			t.Fatal(err)
		}
	})

	t.Run("RestoreRefusesAFolderWithData", func(t *testing.T) {
		dir := fresh(t)
		file := filepath.Join(t.TempDir(), "b.zip")
		if _, err := run("backup", "--out", file, "--data", dir); err != nil {
			t.Fatal(err)
		}
		before := folderHashes(t, dir)
		_, err := run("restore", file, "--data", dir)
		if err == nil || !strings.Contains(err.Error(), "is not empty") {
			t.Fatalf("restore over a folder with data: %v", err)
		}
		sameFolder(t, "a refused restore", before, folderHashes(t, dir))
		if _, err := run("restore", file); err == nil || !strings.Contains(err.Error(), "--data") {
			t.Fatalf("restore without --data: %v", err)
		}
	})

	t.Run("ArchiveOfADossier", func(t *testing.T) {
		dir := fresh(t)
		archived, open := dossiersByPhase(t, dir)
		file := filepath.Join(t.TempDir(), archived+".zip")
		msg, err := run("export", "archive", "--dossier", archived, "--out", file, "--data", dir)
		if err != nil || !strings.Contains(msg, "golive verify "+file) {
			t.Fatalf("export archive: %v\n%s", err, msg)
		}
		// Checked offline: no data folder is needed.
		msg, err = run("verify", file, "--data", filepath.Join(t.TempDir(), "none"))
		if err != nil || !strings.Contains(msg, ": OK") || !strings.Contains(msg, "documents/confirmation.pdf") {
			t.Fatalf("verify the archive: %v\n%s", err, msg)
		}
		msg, err = run("verify", file, "--fingerprint", "0000 0000 0000 0000")
		if err == nil || !strings.Contains(msg, "FAILED") || !strings.Contains(msg, "backup.archive_root_mismatch") {
			t.Fatalf("verify with another root: %v\n%s", err, msg)
		}
		_, err = run("export", "archive", "--dossier", open, "--out", filepath.Join(t.TempDir(), "x.zip"), "--data", dir)
		if err == nil || !strings.Contains(err.Error(), "not archived") {
			t.Fatalf("export archive of an open dossier: %v", err)
		}
	})
}

// workbookCells returns every cell of every sheet of the workbook at
// path, rows and columns in order, under "rows" for the first sheet and
// the sheet's name for the others.
func workbookCells(t *testing.T, path string) map[string][][]string {
	t.Helper()
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	out := map[string][][]string{}
	for i, sheet := range f.GetSheetList() {
		rows, err := f.GetRows(sheet)
		if err != nil {
			t.Fatal(err)
		}
		name := sheet
		if i == 0 {
			name = "rows"
		}
		out[name] = rows
	}
	return out
}

// eventIDs returns the event ids of every ledger stream of the folder dir.
func eventIDs(t *testing.T, dir string) map[string][]string {
	t.Helper()
	st, err := store.OpenReadOnly(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	ids, err := st.EventIDs()
	if err != nil {
		t.Fatal(err)
	}
	return ids
}

// dossiersByPhase returns an archived sample dossier and one that is not.
func dossiersByPhase(t *testing.T, dir string) (archived, open string) {
	t.Helper()
	c, err := core.OpenReadOnly(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	list, err := c.Dossiers.List(dossier.Filter{})
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range list {
		if d.Phase == workflow.PhaseArchived {
			archived = d.ID
		} else {
			open = d.ID
		}
	}
	if archived == "" || open == "" {
		t.Fatal("the sample has no archived dossier, or no other")
	}
	return archived, open
}
