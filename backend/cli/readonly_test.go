package cli_test

import (
	"crypto/sha256"
	"encoding/hex"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golive/backend/core"
	"golive/backend/dossier"
)

// folderHashes returns the SHA-256 of every file under dir, by path (the
// command log included: a command that only reads logs nothing there).
func folderHashes(t *testing.T, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		sum := sha256.Sum256(b)
		rel, _ := filepath.Rel(dir, path)
		out[rel] = hex.EncodeToString(sum[:])
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func sameFolder(t *testing.T, what string, before, after map[string]string) {
	t.Helper()
	for p, h := range before {
		if after[p] != h {
			t.Fatalf("%s changed %s", what, p)
		}
	}
	for p := range after {
		if _, ok := before[p]; !ok {
			t.Fatalf("%s created %s", what, p)
		}
	}
}

// TestReadCommandsWriteNothing: verify, windows, the workbook and
// calendar exports, roster show/export and the commands for scripts (list,
// show, inbox, stats) open the data folder read-only: every
// file of the store and the attachments is byte for byte the same
// afterwards and none is added (not even Badger's lock file, nor a line in
// logs/golive.log). A folder that does not exist is an error that names it
// (verify still checks the file, UNKNOWN) and is not created; a folder
// whose MANIFEST was deleted or cut short is refused with the damage named
// and keeps every file.
func TestReadCommandsWriteNothing(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "sample")
	if _, err := run("demo", "--data", dir); err != nil {
		t.Fatal(err)
	}
	c, err := core.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	list, err := c.Dossiers.List(dossier.Filter{})
	c.Close()
	if err != nil || len(list) == 0 {
		t.Fatalf("sample dossiers: %d %v", len(list), err)
	}
	files := t.TempDir()
	pdf := filepath.Join(files, "confirmation.pdf")
	if _, err := run("export", "pdf", "--dossier", list[0].ID, "--kind", "confirmation", "--out", pdf, "--data", dir); err != nil {
		t.Fatal(err)
	}

	before := folderHashes(t, dir)
	for _, args := range [][]string{
		{"verify", pdf, "--data", dir},
		{"windows", "--year", "2026", "--data", dir},
		{"export", "plan", "--year", "2027", "--out", filepath.Join(files, "p.ics"), "--data", dir},
		{"export", "register", "--year", "2026", "--out", filepath.Join(files, "r.xlsx"), "--data", dir},
		{"roster", "show", "--data", dir},
		{"roster", "export", "--out", filepath.Join(files, "o.golive-roster"), "--data", dir},
		{"list", "--json", "--data", dir},
		{"list", "--stage", "approval", "--lang", "en", "--data", dir},
		{"show", list[0].ID, "--json", "--data", dir},
		{"show", list[0].ID, "--data", dir},
		{"inbox", "--profile", "郭鹏", "--json", "--data", dir},
		{"stats", "--year", "2026", "--data", dir},
	} {
		if _, err := run(args...); err != nil {
			t.Fatalf("golive %v: %v", args, err)
		}
		sameFolder(t, "golive "+args[0]+" "+args[1], before, folderHashes(t, dir))
	}

	// Verify against a folder that does not exist: the file is still
	// checked, found in no ledger (UNKNOWN), and the folder not created.
	missing := filepath.Join(files, "no-such-folder")
	msg, err := run("verify", pdf, "--data", missing)
	if err == nil || !strings.Contains(msg, "is not a GoLive data folder") || !strings.Contains(msg, "UNKNOWN") {
		t.Fatalf("verify against a missing folder: %v\n%s", err, msg)
	}
	if _, statErr := os.Stat(missing); !os.IsNotExist(statErr) {
		t.Fatalf("verify created %s (%v)", missing, statErr)
	}
	if _, err := run("roster", "show", "--data", missing); err == nil {
		t.Fatal("roster show of a missing folder succeeded")
	}
	// The windows of a folder with no data yet: the generated plan.
	if msg, err := run("windows", "--year", "2027", "--data", missing); err != nil || !strings.Contains(msg, "generated plan") {
		t.Fatalf("windows of a missing folder: %v\n%s", err, msg)
	}
	for _, cmd := range [][]string{{"list"}, {"show", list[0].ID}, {"inbox"}, {"stats", "--year", "2026"}} {
		if _, err := run(append(cmd, "--data", missing)...); err == nil || !strings.Contains(err.Error(), "不是 GoLive 数据文件夹") {
			t.Fatalf("golive %v of a missing folder: %v", cmd, err)
		}
	}
	if _, statErr := os.Stat(missing); !os.IsNotExist(statErr) {
		t.Fatalf("a read command created %s (%v)", missing, statErr)
	}

	// The MANIFEST cut short: the register is refused, naming the damage.
	cut := copyFolder(t, dir)
	manifest := filepath.Join(cut, "MANIFEST")
	fi, err := os.Stat(manifest)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.Truncate(manifest, fi.Size()/2); err != nil {
		t.Fatal(err)
	}
	damaged := folderHashes(t, cut)
	_, err = run("export", "register", "--year", "2026", "--out", filepath.Join(files, "cut.xlsx"), "--data", cut)
	wantFailure(t, err, "store.damaged", "MANIFEST")
	if !strings.Contains(err.Error(), cut) || !strings.Contains(err.Error(), "restore") {
		t.Fatalf("the message should name the folder and say how to restore: %v", err)
	}
	sameFolder(t, "export register of a folder with its MANIFEST cut short", damaged, folderHashes(t, cut))
	if _, err := os.Stat(filepath.Join(files, "cut.xlsx")); !os.IsNotExist(err) {
		t.Fatalf("a register was written from a damaged folder (%v)", err)
	}

	if err := os.Remove(filepath.Join(dir, "MANIFEST")); err != nil {
		t.Fatal(err)
	}
	damaged = folderHashes(t, dir)
	_, err = run("roster", "show", "--data", dir)
	wantFailure(t, err, "store.damaged", "MANIFEST")
	_, err = run("export", "register", "--year", "2026", "--out", filepath.Join(files, "r2.xlsx"), "--data", dir)
	wantFailure(t, err, "store.damaged", "MANIFEST")
	if msg, err := run("verify", pdf, "--data", dir); err == nil || !strings.Contains(err.Error(), "MANIFEST") {
		t.Fatalf("verify against a folder without its MANIFEST: %v\n%s", err, msg)
	}
	sameFolder(t, "reading a folder without its MANIFEST", damaged, folderHashes(t, dir))
}

// copyFolder copies dir (files and folders) into a new temporary folder.
func copyFolder(t *testing.T, dir string) string {
	t.Helper()
	dst := filepath.Join(t.TempDir(), filepath.Base(dir))
	if err := os.CopyFS(dst, os.DirFS(dir)); err != nil {
		t.Fatal(err)
	}
	return dst
}
