package dossier_test

import (
	"bytes"
	"encoding/json"
	"testing"

	"golive/backend/dossier"
	"golive/backend/workflow"
)

// TestPendingFirstPage: a service that has not read the whole list yet
// serves the first page without a filter from the index records as
// stored, marked Pending, and reads the whole list in the background;
// once Ready, the same page is the checked one. An index record edited on
// disk shows on the pending page only: the checked page folds the dossier
// again. A filtered page never pends. The pending page leaves the windows'
// states out (the plans in force are read with the check).
func TestPendingFirstPage(t *testing.T) {
	f := newFlowEnv(t)
	f.to(t, "upgrade", workflow.PhaseApproval)
	edited := f.to(t, "new_system", workflow.PhaseApproval)
	f.to(t, "upgrade", workflow.PhaseDraft)
	full, err := f.Dossiers.Page(dossier.Filter{}, 0, 2)
	must(t, err)
	if full.Pending || full.Total != 3 || len(full.Rows) != 2 {
		t.Fatalf("the writing service's page: total %d, %d rows, pending %v", full.Total, len(full.Rows), full.Pending)
	}
	second, err := f.Dossiers.Page(dossier.Filter{}, 2, 2)
	must(t, err)

	for _, off := range []int{0, 2} {
		folds := 0
		cold := reopened(f, &folds)
		p, err := cold.Page(dossier.Filter{}, off, 2)
		must(t, err)
		want := full
		if off == 2 {
			want = second
		}
		// Compared as the window receives them (a time decoded from JSON
		// carries a fixed zone of the same offset); the pending page does
		// not read the plans in force for the windows' states.
		unchecked := append([]dossier.Summary{}, want.Rows...)
		for i := range unchecked {
			if unchecked[i].WindowState == "" {
				t.Fatalf("the checked page has no window state for %s", unchecked[i].ID)
			}
			unchecked[i].WindowState = ""
		}
		if !p.Pending || p.Total != want.Total || p.Offset != want.Offset || mustJSON(t, p.Rows) != mustJSON(t, unchecked) {
			t.Fatalf("pending page at %d: %+v\nwant the checked %+v", off, p, want)
		}
		must(t, cold.Ready())
		again, err := cold.Page(dossier.Filter{}, off, 2)
		must(t, err)
		if again.Pending || mustJSON(t, again.Rows) != mustJSON(t, want.Rows) {
			t.Fatalf("page after Ready: pending %v, rows %s", again.Pending, mustJSON(t, again.Rows))
		}
		if folds != 0 {
			t.Fatalf("an intact index made the pages fold %d dossiers", folds)
		}
		cold.Stop()
	}

	// A filtered page waits for the whole list.
	folds := 0
	cold := reopened(f, &folds)
	p, err := cold.Page(dossier.Filter{Stage: dossier.StageApproval}, 0, 15)
	must(t, err)
	if p.Pending || p.Total != 2 {
		t.Fatalf("filtered page: pending %v, total %d", p.Pending, p.Total)
	}
	cold.Stop()

	// A record edited on disk: the pending page shows it, the checked one
	// the fold.
	raw := rawIndex(t, f, edited)
	var rec struct {
		Summary json.RawMessage `json:"summary"`
		Seal    string          `json:"seal"`
	}
	must(t, json.Unmarshal(raw, &rec))
	var sum dossier.Summary
	must(t, json.Unmarshal(rec.Summary, &sum))
	realTitle := sum.Title
	forged := bytes.Replace(raw, []byte(`"title":`+mustJSON(t, realTitle)), []byte(`"title":"改过的标题"`), 1)
	if bytes.Equal(forged, raw) {
		t.Fatal("the record's title was not found")
	}
	setRawIndex(t, f, edited, forged)
	cold = reopened(f, &folds)
	defer cold.Stop()
	p, err = cold.Page(dossier.Filter{}, 0, 3)
	must(t, err)
	if !p.Pending || titleOf(p, edited) != "改过的标题" {
		t.Fatalf("pending page: pending %v, title %q", p.Pending, titleOf(p, edited))
	}
	must(t, cold.Ready())
	p, err = cold.Page(dossier.Filter{}, 0, 3)
	must(t, err)
	if p.Pending || titleOf(p, edited) != realTitle {
		t.Fatalf("checked page: pending %v, title %q, want %q", p.Pending, titleOf(p, edited), realTitle)
	}
}

func titleOf(p dossier.Page, id string) string {
	for _, r := range p.Rows {
		if r.ID == id {
			return r.Title
		}
	}
	return ""
}

func mustJSON(t *testing.T, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	must(t, err)
	return string(b)
}
