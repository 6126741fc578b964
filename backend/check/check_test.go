package check_test

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dgraph-io/badger/v4"

	"golive/backend/apperr"
	"golive/backend/check"
	"golive/backend/core"
	"golive/backend/demo"
	"golive/backend/dossier"
	"golive/backend/ledger"
	"golive/backend/workflow"
)

// sample is a sample portfolio built once; each test copies it.
var sample string

func TestMain(m *testing.M) {
	root, err := os.MkdirTemp("", "golive-check-test-")
	if err != nil {
		panic(err)
	}
	sample = filepath.Join(root, "sample")
	c, err := core.Open(sample)
	if err != nil {
		panic(err)
	}
	if _, err := c.LoadSample(); err != nil {
		panic(err)
	}
	c.Close()
	code := m.Run()
	os.RemoveAll(root)
	os.Exit(code)
}

// copyOf copies the sample folder for one test.
func copyOf(t *testing.T) string {
	t.Helper()
	dst := filepath.Join(t.TempDir(), "data")
	if err := os.CopyFS(dst, os.DirFS(sample)); err != nil {
		t.Fatal(err)
	}
	return dst
}

func hashes(t *testing.T, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	_ = filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, _ := os.ReadFile(p)
		sum := sha256.Sum256(b)
		out[p] = hex.EncodeToString(sum[:])
		return nil
	})
	return out
}

// run checks dir and fails the test if the check changed any file.
func run(t *testing.T, dir string) check.Report {
	t.Helper()
	before := hashes(t, dir)
	rep, err := check.Dir(dir, nil)
	if err != nil {
		t.Fatalf("check: %v", err)
	}
	after := hashes(t, dir)
	if fmt.Sprint(before) != fmt.Sprint(after) {
		t.Fatal("check changed the folder")
	}
	return rep
}

// finding returns the findings of area and problem.
func finding(rep check.Report, area, problem string) []check.Finding {
	var out []check.Finding
	for _, f := range rep.Findings {
		if f.Area == area && f.Problem == problem {
			out = append(out, f)
		}
	}
	return out
}

func TestWholeSampleIsOK(t *testing.T) {
	rep := run(t, copyOf(t))
	if !rep.OK {
		t.Fatalf("the sample: %+v", rep.Findings)
	}
	for _, a := range rep.Areas {
		if a.Checked == 0 {
			t.Errorf("area %s checked nothing", a.Name)
		}
	}
}

// withDB opens dir's Badger directly, as a tool editing the folder would.
func withDB(t *testing.T, dir string, fn func(txn *badger.Txn) error) {
	t.Helper()
	db, err := badger.Open(badger.DefaultOptions(dir).WithLogger(nil))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if err := db.Update(fn); err != nil {
		t.Fatal(err)
	}
}

// archived returns an archived sample dossier and the id of its archiving
// event.
func archived(t *testing.T, dir string) (string, string) {
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
	for _, s := range list {
		if s.Phase != workflow.PhaseArchived {
			continue
		}
		evs, err := c.Store.Events(s.ID)
		if err != nil {
			t.Fatal(err)
		}
		ordered, _ := ledger.Order(evs)
		return s.ID, ordered[len(ordered)-1].ID
	}
	t.Fatal("no archived sample dossier")
	return "", ""
}

// The attack: the archiving event deleted from the ledger. The
// dossier no longer folds back to 确认 silently: reading it is an error,
// and check names it.
func TestDeletedNewestEventIsReported(t *testing.T) {
	dir := copyOf(t)
	id, last := archived(t, dir)
	withDB(t, dir, func(txn *badger.Txn) error { return txn.Delete([]byte("ev/" + id + "/" + last)) })

	c, err := core.OpenReadOnly(dir)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := c.Dossiers.Get(id); !apperr.HasCode(err, "store.events_missing") {
		t.Fatalf("the rolled-back dossier: want store.events_missing, got %v", err)
	}
	c.Close()

	rep := run(t, dir)
	got := finding(rep, check.AreaCheckpoints, "events_missing")
	if len(got) != 1 || got[0].Subject != id || !strings.Contains(got[0].Detail, last) {
		t.Fatalf("checkpoint findings: %+v", got)
	}
	if stale := finding(rep, check.AreaIndex, "index_stale"); len(stale) != 1 || stale[0].Subject != id {
		t.Fatalf("index findings: %+v", stale)
	}
}

func TestEventMovedToAnotherDossierIsReported(t *testing.T) {
	dir := copyOf(t)
	id, last := archived(t, dir)
	withDB(t, dir, func(txn *badger.Txn) error {
		item, err := txn.Get([]byte("ev/" + id + "/" + last))
		if err != nil {
			return err
		}
		raw, err := item.ValueCopy(nil)
		if err != nil {
			return err
		}
		return txn.Set([]byte("ev/R26ELSEWHERE/"+last), raw)
	})
	rep := run(t, dir)
	got := finding(rep, check.AreaLedger, "event_corrupt")
	if len(got) != 1 || got[0].Subject != "R26ELSEWHERE" {
		t.Fatalf("ledger findings: %+v", rep.Findings)
	}
}

func TestBlobProblemsAreReported(t *testing.T) {
	dir := copyOf(t)
	root := filepath.Join(dir, "blobs", "sha256")
	var files []string
	_ = filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			files = append(files, p)
		}
		return nil
	})
	if len(files) < 2 {
		t.Fatalf("sample blobs: %d", len(files))
	}
	if err := os.WriteFile(files[0], []byte("changed"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.Remove(files[1]); err != nil {
		t.Fatal(err)
	}
	orphan := strings.Repeat("ab", 32)
	if err := os.MkdirAll(filepath.Join(root, "ab"), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(root, "ab", orphan[2:]), []byte("x"), 0o600); err != nil {
		t.Fatal(err)
	}
	rep := run(t, dir)
	name := func(p string) string { return filepath.Base(filepath.Dir(p)) + filepath.Base(p) }
	if got := finding(rep, check.AreaBlobs, "blob_damaged"); len(got) != 1 || got[0].Subject != name(files[0]) {
		t.Fatalf("damaged: %+v", got)
	}
	if got := finding(rep, check.AreaBlobs, "blob_missing"); len(got) != 1 || got[0].Subject != name(files[1]) {
		t.Fatalf("missing: %+v", got)
	}
	if got := finding(rep, check.AreaBlobs, "blob_orphan"); len(got) != 1 || got[0].Subject != orphan {
		t.Fatalf("orphan: %+v", got)
	}
}

func TestUnreadableRecordIsReported(t *testing.T) {
	dir := copyOf(t)
	withDB(t, dir, func(txn *badger.Txn) error { return txn.Set([]byte("sys/BROKEN"), []byte("{not json")) })
	rep := run(t, dir)
	if got := finding(rep, check.AreaRecords, "record_unreadable"); len(got) != 1 || got[0].Subject != "sys/BROKEN" {
		t.Fatalf("records: %+v", rep.Findings)
	}
}

func TestDamagedTableIsReportedAndTheRestChecked(t *testing.T) {
	dir := copyOf(t)
	tables, _ := filepath.Glob(filepath.Join(dir, "*.sst"))
	if len(tables) == 0 {
		t.Fatal("no table")
	}
	b, err := os.ReadFile(tables[0])
	if err != nil {
		t.Fatal(err)
	}
	b[len(b)/3] ^= 0x01
	if err := os.WriteFile(tables[0], b, 0o600); err != nil {
		t.Fatal(err)
	}
	rep := run(t, dir)
	if got := finding(rep, check.AreaFiles, "table_damaged"); len(got) != 1 || got[0].Subject != filepath.Base(tables[0]) {
		t.Fatalf("files: %+v", rep.Findings)
	}
	if rep.OK {
		t.Fatal("a damaged folder checked OK")
	}
	for _, a := range rep.Areas {
		if a.Skipped {
			t.Fatalf("area %s skipped: only a data block is damaged, the rest is readable", a.Name)
		}
	}
}

func TestMissingManifestSkipsTheRest(t *testing.T) {
	dir := copyOf(t)
	if err := os.Remove(filepath.Join(dir, "MANIFEST")); err != nil {
		t.Fatal(err)
	}
	rep := run(t, dir)
	if got := finding(rep, check.AreaFiles, "manifest_missing"); len(got) != 1 {
		t.Fatalf("files: %+v", rep.Findings)
	}
	if rep.OK || !rep.Areas[1].Skipped {
		t.Fatalf("areas: %+v", rep.Areas)
	}
}

func TestCheckOfAnOpenFolder(t *testing.T) {
	dir := copyOf(t)
	c, err := core.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	if _, err := check.Dir(dir, nil); !apperr.HasCode(err, "store.already_open") {
		t.Fatalf("check of a folder the app holds: %v", err)
	}
	var areas []string
	rep := check.Open(c, func(a string) { areas = append(areas, a) })
	if !rep.OK || len(areas) != 5 {
		t.Fatalf("check from the app: %+v, progress %v", rep.Findings, areas)
	}
}

// A folder whose only damage is a data block turns read-only for the app
// once the background verification of its blocks found it, and every
// sample profile still unlocks there (nothing is written: no identity
// card, no first certificate), so what is readable can be seen.
func TestDamagedFolderOpensReadOnlyAndUnlocks(t *testing.T) {
	dir := copyOf(t)
	tables, _ := filepath.Glob(filepath.Join(dir, "*.sst"))
	b, err := os.ReadFile(tables[0])
	if err != nil {
		t.Fatal(err)
	}
	b[len(b)/3] ^= 0x01
	if err := os.WriteFile(tables[0], b, 0o600); err != nil {
		t.Fatal(err)
	}
	before := hashes(t, dir)
	c, err := core.OpenForApp(dir)
	if err != nil {
		t.Fatalf("OpenForApp: %v", err)
	}
	if err := c.Verified(); !apperr.HasCode(err, "store.damaged") {
		t.Fatalf("the verification of the blocks: want store.damaged, got %v", err)
	}
	info, err := c.Info()
	if err != nil || !info.ReadOnly || len(info.Damage) != 1 || info.Damage[0].File != filepath.Base(tables[0]) {
		t.Fatalf("info of a damaged folder: %+v %v", info, err)
	}
	list, err := c.Profiles.List()
	if err != nil || len(list) == 0 {
		t.Fatalf("profiles: %d %v", len(list), err)
	}
	for _, p := range list {
		if _, err := c.Unlock(p.ID, demo.SamplePassphrase); err != nil {
			t.Errorf("unlock %s in a read-only folder: %v", p.Name, err)
		}
	}
	c.Close()
	if fmt.Sprint(withoutValueLogs(t, before)) != fmt.Sprint(withoutValueLogs(t, hashes(t, dir))) {
		t.Fatal("the app changed a damaged folder")
	}
}

// withoutValueLogs leaves out of hashes the value logs, which every
// read-write open of Badger (the app's, which verifies the blocks after
// opening) replaces with a new empty one, after checking that none holds
// a value (GoLive's values all live in the tables).
func withoutValueLogs(t *testing.T, hashes map[string]string) map[string]string {
	t.Helper()
	out := map[string]string{}
	for p, h := range hashes {
		if strings.HasSuffix(p, ".vlog") {
			if fi, err := os.Stat(p); err == nil && fi.Size() > 20 {
				t.Fatalf("a value log holds values: %s (%d bytes)", p, fi.Size())
			}
			continue
		}
		out[p] = h
	}
	return out
}
