package cli_test

import (
	"bytes"
	"encoding/json"
	"maps"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golive/backend/core"
	"golive/backend/demo"
	"golive/backend/dossier"
	"golive/backend/meeting"
)

// TestExportMinutes: golive show lists a conditional pass's condition as a
// checklist item; golive export minutes writes the signed minutes of a
// review meeting exactly as the chair stored them, says so in the chosen
// language (or as JSON), exits 2 without --meeting and 1 for a meeting
// the folder does not know, and leaves the folder as it was.
func TestExportMinutes(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "sample")
	if _, err := run("demo", "--data", dir); err != nil {
		t.Fatal(err)
	}
	c, err := core.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	var pmo string
	list, _ := c.Profiles.List()
	for _, p := range list {
		for _, r := range p.Roles {
			if r == "pmo" {
				pmo = p.ID
			}
		}
	}
	if _, err := c.Unlock(pmo, demo.SamplePassphrase); err != nil {
		t.Fatal(err)
	}
	drafts, err := c.Dossiers.List(dossier.Filter{Stage: dossier.StagePreparation})
	if err != nil || len(drafts) == 0 {
		t.Fatalf("no dossier in preparation: %v", err)
	}
	m, err := c.Meetings.Create(meeting.CreateRequest{Title: "上线评审会", Dossiers: []string{drafts[0].ID}})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := c.Meetings.Decide(m.ID, drafts[0].ID, dossier.ReviewDecidedBody{Decision: dossier.ReviewConditional, Conditions: []string{"上线前完成压测"}}); err != nil {
		t.Fatal(err)
	}
	if m, err = c.CloseMeeting(m.ID, "zh"); err != nil {
		t.Fatal(err)
	}
	stored, err := os.ReadFile(filepath.Join(dir, "blobs", "sha256", m.Minutes.SHA256[:2], m.Minutes.SHA256[2:]))
	if err != nil {
		t.Fatal(err)
	}
	if err := c.Close(); err != nil {
		t.Fatal(err)
	}

	before := folderHashes(t, dir)
	out := filepath.Join(t.TempDir(), "minutes.pdf")
	msg, err := run("export", "minutes", "--meeting", m.ID, "--out", out, "--data", dir)
	if err != nil {
		t.Fatal(err)
	}
	got, _ := os.ReadFile(out)
	if !bytes.Equal(got, stored) || !strings.Contains(msg, "会议纪要") || !strings.Contains(msg, m.ID) {
		t.Fatalf("export minutes printed %q; the file equals the stored minutes: %v", msg, bytes.Equal(got, stored))
	}
	msg, err = run("export", "minutes", "--meeting", m.ID, "--out", out, "--json", "--data", dir)
	var js map[string]any
	if err != nil || json.Unmarshal([]byte(msg), &js) != nil || js["sha256"] != m.Minutes.SHA256 || js["meeting"] != m.ID || js["path"] != out {
		t.Fatalf("--json printed %q (%v)", msg, err)
	}
	_, errOut, status := golive(t, "export", "minutes", "--out", out, "--data", dir)
	if status != 2 || !strings.Contains(errOut, "--meeting") {
		t.Fatalf("without --meeting: exit %d, %q", status, errOut)
	}
	_, errOut, status = golive(t, "export", "minutes", "--meeting", "rm-20990101-0000", "--out", out, "--data", dir, "--lang", "en")
	if status != 1 || !strings.Contains(errOut, "Review meeting rm-20990101-0000 cannot be found") {
		t.Fatalf("an unknown meeting: exit %d, %q", status, errOut)
	}
	// golive show lists the condition as a checklist item.
	msg, err = run("show", drafts[0].ID, "--json", "--data", dir)
	var shown struct {
		Checklist []struct{ Item, Group, Title, Status string } `json:"checklist"`
	}
	if err != nil || json.Unmarshal([]byte(msg), &shown) != nil {
		t.Fatalf("show --json: %v", err)
	}
	last := shown.Checklist[len(shown.Checklist)-1]
	if last.Group != "condition" || last.Title != "上线前完成压测" || last.Status != dossier.StatusNotStarted {
		t.Fatalf("the last checklist item of show is %+v, want the open condition", last)
	}
	if after := folderHashes(t, dir); !maps.Equal(after, before) {
		t.Fatal("export minutes changed the data folder")
	}
}
