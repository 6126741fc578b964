package core_test

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"golive/backend/apperr"
	"golive/backend/core"
	"golive/backend/dossier"
	"golive/backend/internal/testenv"
	"golive/backend/workflow"
)

// blobFiles lists every file under dir/blobs, relative to dir.
func blobFiles(t *testing.T, dir string) []string {
	t.Helper()
	var out []string
	err := filepath.WalkDir(filepath.Join(dir, "blobs"), func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() {
			rel, _ := filepath.Rel(dir, p)
			out = append(out, filepath.ToSlash(rel))
		}
		return nil
	})
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		t.Fatal(err)
	}
	sort.Strings(out)
	return out
}

// folderDigest maps every file under dir to the SHA-256 of its contents.
func folderDigest(t *testing.T, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		f, err := os.Open(p)
		if err != nil {
			return err
		}
		defer f.Close()
		h := sha256.New()
		if _, err := io.Copy(h, f); err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		out[rel] = hex.EncodeToString(h.Sum(nil))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func keptPath(dir, sum string) string { return filepath.Join(dir, "blobs", "sha256", sum[:2], sum[2:]) }

// draftWithAttachment opens a folder in dir with a planned upgrade in
// draft and one attachment on it, and returns the folder, the dossier and
// the attachment's digest.
func draftWithAttachment(t *testing.T, dir string) (*testenv.Env, string, string) {
	t.Helper()
	env := testenv.Open(t, dir, "\u5f20\u4f1f")
	env.AddSystem(t, "CRM")
	d := env.Driver(t)
	if err := d.As("system_owner"); err != nil {
		t.Fatal(err)
	}
	str := func(s string) *string { return &s }
	v, err := env.Dossiers.Create(dossier.CreateRequest{SystemCode: "CRM", Fields: dossier.Fields{
		Title: str("CRM \u5341\u4e8c\u6708\u9700\u6c42\u53d1\u5e03"), Type: str("upgrade"), Subtype: str("cr"), Mode: str("planned"),
		Version: str("3.2.0"), Window: str("2026-12-10-java"), ProjectManager: str("\u5f20\u4f1f"), SystemOwner: str("\u674e\u5a1c")}})
	if err != nil {
		t.Fatal(err)
	}
	del := v.State.Plan.Start().Deliverables[0].ID
	v, err = env.Dossiers.AttachReader(v.State.ID, del, "\u4e0a\u7ebf\u65b9\u6848.docx", strings.NewReader("\u4e0a\u7ebf\u65b9\u6848 \u7b2c 1 \u7248"), "", nil)
	if err != nil {
		t.Fatal(err)
	}
	return env, v.State.ID, v.State.Flow.Latest(del).SHA256
}

// TestRefusedAttachmentLeavesNoFile: an attachment the workflow refuses
// (a deliverable the dossier does not have, one the app generates itself)
// and a witnessed decision the roster refuses leave no file in blobs/.
func TestRefusedAttachmentLeavesNoFile(t *testing.T) {
	dir := t.TempDir()
	env, id, _ := draftWithAttachment(t, dir)
	before := blobFiles(t, dir)
	for _, del := range []string{"no_such_deliverable", workflow.DocPrefix + "no_such_document"} {
		_, err := env.Dossiers.AttachReader(id, del, "refused.docx", strings.NewReader("\u88ab\u62d2\u7edd\u7684\u9644\u4ef6 "+del), "", nil)
		if err == nil {
			t.Fatalf("attaching to %s was accepted", del)
		}
		if got := blobFiles(t, dir); strings.Join(got, " ") != strings.Join(before, " ") {
			t.Fatalf("a refused attachment (%s: %s) left files: %v, before %v", del, apperr.Code(err), got, before)
		}
	}
	_, err := env.Dossiers.AttachReader("R26NOSUCHID", "x", "refused.docx", strings.NewReader("\u65e0\u6b64\u6863\u6848"), "", nil)
	if !apperr.HasCode(err, "dossier.not_found") {
		t.Fatalf("attaching to a missing dossier: %v", err)
	}
	if got := blobFiles(t, dir); len(got) != len(before) {
		t.Fatalf("an attachment to a missing dossier left files: %v", got)
	}

	t.Run("WitnessImage", func(t *testing.T) {
		c, id := sampleAt(t, "upgrade", "countersign")
		_, row := countersignRows(t, getView(t, c, id))
		unlock(t, c, profileWithRole(t, c, "system_owner"))
		before := blobFiles(t, c.Store.Dir())
		// No roster: a witnessed decision is refused.
		if _, err := witnessed(t, c, id, row, "P001"); !apperr.HasCode(err, workflow.CodeNoRoster) {
			t.Fatalf("witnessed decision without a roster: %v", err)
		}
		if got := blobFiles(t, c.Store.Dir()); strings.Join(got, " ") != strings.Join(before, " ") {
			t.Fatalf("a refused witnessed decision left its image: %d files, %d before", len(got), len(before))
		}
	})
}

// TestSweepKeepsCommittedAndRemovesOrphans: what a killed process left
// is settled by the next read-write open. An attachment whose event was
// committed but whose file was still staged is moved into place; a stored
// blob no event references, a staged blob of an uncommitted event, the
// temporary file of an interrupted write and a killed sample build are
// removed; every referenced blob stays.
func TestSweepKeepsCommittedAndRemovesOrphans(t *testing.T) {
	dir := t.TempDir()
	env, id, kept := draftWithAttachment(t, dir)
	// A second version, then its file moved back to the staging area: the
	// event is committed, the process died before Keep.
	del := getView(t, env.Core, id).State.Plan.Start().Deliverables[0].ID
	v, err := env.Dossiers.AttachReader(id, del, "\u4e0a\u7ebf\u65b9\u6848.docx", strings.NewReader("\u4e0a\u7ebf\u65b9\u6848 \u7b2c 2 \u7248"), "", nil)
	if err != nil {
		t.Fatal(err)
	}
	sum := v.State.Flow.Latest(del).SHA256
	if err := os.Rename(keptPath(dir, sum), filepath.Join(dir, "blobs", "staging", sum+"-41")); err != nil {
		t.Fatal(err)
	}
	orphan := sha256.Sum256([]byte("\u5b64\u7acb\u6587\u4ef6"))
	writes := map[string]string{
		keptPath(dir, hex.EncodeToString(orphan[:])):                          "\u5b64\u7acb\u6587\u4ef6",
		filepath.Join(dir, "blobs", "staging", strings.Repeat("ab", 32)+"-7"): "\u4e8b\u4ef6\u672a\u63d0\u4ea4",
		filepath.Join(dir, "blobs", "staging", ".incoming-99"):                "\u5199\u4e86\u4e00\u534a",
		filepath.Join(dir, ".sample-build", "blobs", "sha256", "x"):           "\u793a\u4f8b\u6784\u5efa\u6b8b\u7559",
	}
	for p, text := range writes {
		if err := os.MkdirAll(filepath.Dir(p), 0o700); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	if err := env.Close(); err != nil {
		t.Fatal(err)
	}
	c, err := core.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	r := c.Swept() // the sweep runs in the background: wait for it
	want := []string{"blobs/sha256/" + kept[:2] + "/" + kept[2:], "blobs/sha256/" + sum[:2] + "/" + sum[2:]}
	sort.Strings(want)
	if got := blobFiles(t, dir); strings.Join(got, " ") != strings.Join(want, " ") {
		t.Fatalf("after the sweep blobs/ holds\n%v\nwant\n%v", got, want)
	}
	if _, err := os.Stat(filepath.Join(dir, ".sample-build")); !os.IsNotExist(err) {
		t.Fatalf("the sample build folder is still there: %v", err)
	}
	if r.Kept != 1 || r.Orphans != 1 || r.Leftovers != 2 || !r.SampleBuild || r.Unsure || r.Err != nil {
		t.Fatalf("sweep report %+v", r)
	}
	// The moved-in attachment reads back as committed.
	f, err := c.Dossiers.Blobs.Open(sum)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(f)
	f.Close()
	if string(b) != "\u4e0a\u7ebf\u65b9\u6848 \u7b2c 2 \u7248" {
		t.Fatalf("the kept attachment reads %q", b)
	}
}

// TestReadOnlyOpenSweepsNothing: a command that only reads leaves the
// folder exactly as it was, leftovers included; the next read-write open
// sweeps them.
func TestReadOnlyOpenSweepsNothing(t *testing.T) {
	dir := t.TempDir()
	env, _, _ := draftWithAttachment(t, dir)
	orphan := keptPath(dir, strings.Repeat("cd", 32))
	for p, text := range map[string]string{orphan: "\u5b64\u7acb\u6587\u4ef6", filepath.Join(dir, "blobs", "staging", ".incoming-5"): "\u5199\u4e86\u4e00\u534a"} {
		if err := os.MkdirAll(filepath.Dir(p), 0o700); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	if err := env.Close(); err != nil {
		t.Fatal(err)
	}
	before := folderDigest(t, dir)
	c, err := core.OpenReadOnly(dir)
	if err != nil {
		t.Fatal(err)
	}
	if !c.Swept().Empty() {
		t.Fatalf("a read-only open swept: %+v", c.Swept())
	}
	if err := c.Close(); err != nil {
		t.Fatal(err)
	}
	after := folderDigest(t, dir)
	for p, h := range before {
		if after[p] != h {
			t.Errorf("%s changed or went: %q → %q", p, h, after[p])
		}
	}
	for p := range after {
		if _, ok := before[p]; !ok {
			t.Errorf("%s appeared", p)
		}
	}
	c, err = core.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	if c.Swept().Orphans != 1 || c.Swept().Leftovers != 1 {
		t.Fatalf("the read-write open after it: %+v", c.Swept())
	}
}

// TestSweepKeepsChecklistEvidence: a file attached as a checklist item's
// evidence is referenced by its checklist event: reopening the folder
// (which sweeps) keeps it, and the dossier still opens it.
func TestSweepKeepsChecklistEvidence(t *testing.T) {
	dir := t.TempDir()
	env, id, _ := draftWithAttachment(t, dir)
	item := env.Core.Template().Checklist[1].ID
	v, err := env.Dossiers.AttachChecklistReader(id, item, "\u57f9\u8bad\u8bb0\u5f55.pdf", strings.NewReader("\u57f9\u8bad\u7b7e\u5230\u8868"), nil)
	if err != nil {
		t.Fatal(err)
	}
	sum := v.State.Checklist[item].File.SHA256
	if err := env.Close(); err != nil {
		t.Fatal(err)
	}
	c, err := core.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	if c.Swept().Orphans != 0 {
		t.Fatalf("the sweep removed %d blob(s) an event references", c.Swept().Orphans)
	}
	f, err := c.Dossiers.Blobs.Open(sum)
	if err != nil {
		t.Fatalf("the checklist evidence is gone after reopening: %v", err)
	}
	f.Close()
}

// TestSweepWhileTheAppWorks: the sweep runs after the folder opened, while
// the user works. A stored blob no event referenced when the sweep read
// the ledger, which the user attaches again (same contents) before the
// sweep gets to the files, is kept: the attachment reads back afterwards.
func TestSweepWhileTheAppWorks(t *testing.T) {
	dir := t.TempDir()
	env, id, _ := draftWithAttachment(t, dir)
	text := "\u4e0a\u7ebf\u65b9\u6848 \u7b2c 2 \u7248"
	sum := sha256.Sum256([]byte(text))
	orphan := hex.EncodeToString(sum[:])
	if err := os.MkdirAll(filepath.Dir(keptPath(dir, orphan)), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(keptPath(dir, orphan), []byte(text), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := env.Close(); err != nil {
		t.Fatal(err)
	}
	scanned, resume := make(chan struct{}), make(chan struct{})
	first := true
	core.SetSweepScanned(func() {
		if first {
			first = false
			close(scanned)
			<-resume
		}
	})
	t.Cleanup(func() { core.SetSweepScanned(nil) })

	env2 := testenv.Open(t, dir, "\u738b\u4e94")
	<-scanned // the sweep has read the ledger: the blob is an orphan to it
	d := env2.Driver(t)
	if err := d.As("system_owner"); err != nil {
		t.Fatal(err)
	}
	del := getView(t, env2.Core, id).State.Plan.Start().Deliverables[0].ID
	v, err := env2.Dossiers.AttachReader(id, del, "\u4e0a\u7ebf\u65b9\u6848.docx", strings.NewReader(text), "", nil)
	if err != nil {
		t.Fatal(err)
	}
	if got := v.State.Flow.Latest(del).SHA256; got != orphan {
		t.Fatalf("attached %s, want %s", got, orphan)
	}
	close(resume)
	r := env2.Swept()
	if r.Orphans != 0 || r.Err != nil {
		t.Fatalf("sweep report %+v", r)
	}
	f, err := env2.Dossiers.Blobs.Open(orphan)
	if err != nil {
		t.Fatalf("the attachment made during the sweep is gone: %v", err)
	}
	f.Close()
}
