package core_test

import (
	"strings"
	"testing"

	"golive/backend/apperr"
	"golive/backend/core"
	"golive/backend/dossier"
	"golive/backend/workflow"
)

// TestExchangeCarriesChecklistEvidence: a file attached as a checklist
// item's evidence travels in the exchange file like a deliverable's and
// arrives intact in the other folder.
func TestExchangeCarriesChecklistEvidence(t *testing.T) {
	a, _, _ := exchangeSample(t)
	list, err := a.Dossiers.List(dossier.Filter{Stage: dossier.StagePreparation})
	if err != nil || len(list) == 0 {
		t.Fatalf("no dossier in preparation: %v", err)
	}
	id := list[0].ID
	v, err := a.Dossiers.AttachChecklistReader(id, "pre.user_test", "uat-signed.pdf", strings.NewReader("signed UAT report\n"), nil)
	if err != nil {
		t.Fatal(err)
	}
	file := v.State.Checklist["pre.user_test"].File
	if file == nil {
		t.Fatal("no evidence file recorded")
	}
	out := exportTo(t, a, "evidence", core.ExportRequest{Dossiers: []string{id}, Attachments: true})

	b := emptyFolder(t)
	if _, err := b.ImportFile(out, core.ImportOptions{Fingerprint: fingerprintOf(t, a)}); err != nil {
		t.Fatal(err)
	}
	if !b.Dossiers.Blobs.Has(file.SHA256) {
		t.Fatal("the evidence file did not travel with the exchange file")
	}
	got, err := b.Dossiers.Get(id)
	if err != nil {
		t.Fatal(err)
	}
	if f := got.State.Checklist["pre.user_test"].File; f == nil || *f != *file {
		t.Fatalf("evidence in the other folder = %+v, want %+v", f, file)
	}
}

// TestTrialIssueClosingJudgedByRoster: under a roster, closing someone
// else's trial-run issue counts only when the roster lets the closer act
// in an archive role; an event claiming the role for a key that does not
// hold it is recorded and ignored, and the issue stays open.
func TestTrialIssueClosingJudgedByRoster(t *testing.T) {
	a, _, _ := exchangeSample(t)
	list, err := a.Dossiers.List(dossier.Filter{})
	if err != nil {
		t.Fatal(err)
	}
	id := ""
	for _, s := range list {
		if s.Phase == workflow.PhaseConfirmed {
			id = s.ID
		}
	}
	if id == "" {
		t.Fatal("no confirmed sample dossier")
	}
	unlock(t, a, profileWithRole(t, a, "release_operator"))
	v, err := a.Dossiers.OpenTrialIssue(id, dossier.TrialIssueRequest{Title: "夜间批处理变慢"})
	if err != nil {
		t.Fatal(err)
	}
	issue := v.State.TrialIssues[0].ID

	// The PMO neither opened it nor holds an archive role.
	unlock(t, a, profileWithRole(t, a, "pmo"))
	if _, err := a.Dossiers.CloseTrialIssue(id, issue, "已处理"); apperr.Code(err) != "dossier.trial_close_not_permitted" {
		t.Fatalf("close by the PMO: %v", err)
	}
	chain, err := a.Roster.Chain()
	if err != nil {
		t.Fatal(err)
	}
	tip, _ := chain.Tip()
	body := map[string]string{"issue": issue, "resolution": "已处理", "role": "project_manager", "roster": tip.Event}
	v, forged := appendSigned(t, a, id, dossier.KindTrialClosed, body)
	last := v.History[len(v.History)-1]
	if v.State.TrialIssues[0].Closed != nil || last.Event != forged.ID || last.IgnoredCode != "dossier.trial_close_not_permitted" {
		t.Fatalf("forged closing: issue %+v, last entry %+v", v.State.TrialIssues[0], last)
	}

	// The project manager, an archive role by the roster, closes it.
	unlock(t, a, profileWithRole(t, a, "project_manager"))
	v, err = a.Dossiers.CloseTrialIssue(id, issue, "调整批处理并发")
	if err != nil {
		t.Fatal(err)
	}
	if c := v.State.TrialIssues[0].Closed; c == nil || c.Role != "project_manager" {
		t.Fatalf("closing = %+v", c)
	}
}
