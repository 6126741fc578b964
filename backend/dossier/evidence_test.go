package dossier_test

import (
	"crypto/sha256"
	"encoding/hex"
	"slices"
	"strings"
	"testing"
	"time"

	"golive/backend/dossier"
	"golive/backend/ledger"
	"golive/backend/template"
	"golive/backend/workflow"
)

// TestChecklistEvidenceFile: a file attached as an item's evidence is kept
// in the blob store, shown on the item, survives a status change, is named
// by the event for the exchange files, and an empty file changes nothing.
func TestChecklistEvidenceFile(t *testing.T) {
	f := newFlowEnv(t)
	id := f.create(t, "upgrade", "cr", "planned")
	content := "用户测试报告\n签字页\n"
	v, err := f.Dossiers.AttachChecklistReader(id, "pre.user_test", "report.pdf", strings.NewReader(content), nil)
	must(t, err)
	e := v.State.Checklist["pre.user_test"]
	sum := sha256.Sum256([]byte(content))
	if e.File == nil || e.File.Name != "report.pdf" || e.File.SHA256 != hex.EncodeToString(sum[:]) || e.File.Size != int64(len(content)) {
		t.Fatalf("evidence file = %+v", e.File)
	}
	if e.Status != dossier.StatusInProgress {
		t.Fatalf("an item with evidence is %q, want in_progress", e.Status)
	}
	if !f.Dossiers.Blobs.Has(e.File.SHA256) {
		t.Fatal("the evidence file is not in the blob store")
	}
	evs, err := f.Store.Events(id)
	must(t, err)
	last := evs[len(evs)-1]
	for _, x := range evs {
		if x.ID == e.Event {
			last = x
		}
	}
	if refs := dossier.BlobRefs(last.Kind, last.Body); !slices.Contains(refs, e.File.SHA256) {
		t.Fatalf("BlobRefs(%s) = %v: the exchange would not carry the evidence file", last.Kind, refs)
	}

	v, err = f.Dossiers.SetChecklist(id, "pre.user_test", dossier.StatusDone, "用户已签字")
	must(t, err)
	if e := v.State.Checklist["pre.user_test"]; e.File == nil || e.Status != dossier.StatusDone {
		t.Fatalf("after the status change the entry is %+v, the file must stay", e)
	}

	before := v.State.Events
	_, err = f.Dossiers.AttachChecklistReader(id, "pre.training", "empty.txt", strings.NewReader(""), nil)
	code(t, err, "dossier.evidence_empty")
	_, err = f.Dossiers.AttachChecklistReader(id, "no.such_item", "a.txt", strings.NewReader("x"), nil)
	code(t, err, "dossier.unknown_item")
	if st := f.state(t, id); st.Events != before {
		t.Fatalf("refused evidence wrote %d events", st.Events-before)
	}

	v, err = f.Dossiers.RemoveChecklistFile(id, "pre.user_test")
	must(t, err)
	if e := v.State.Checklist["pre.user_test"]; e.File != nil || e.Note != "用户已签字" {
		t.Fatalf("after removal the entry is %+v", e)
	}
}

// TestChecklistEvidenceLink: an item's evidence links to a deliverable of
// the dossier, shown by name; an unknown deliverable is refused, in the
// service and in the fold.
func TestChecklistEvidenceLink(t *testing.T) {
	f := newFlowEnv(t)
	id := f.create(t, "upgrade", "cr", "planned")
	v, err := f.Dossiers.Get(id)
	must(t, err)
	var choice dossier.EvidenceChoice
	for _, c := range v.EvidenceChoices {
		if c.Key == workflow.DocPrefix+"user_test_report" {
			choice = c
		}
	}
	if choice.Name.Zh != "用户测试报告" {
		t.Fatalf("evidence choices %+v lack the user test report by name", v.EvidenceChoices)
	}
	v, err = f.Dossiers.LinkChecklistDeliverable(id, "pre.user_test", choice.Key)
	must(t, err)
	if e := v.State.Checklist["pre.user_test"]; e.Deliverable != choice.Key || e.Status != dossier.StatusInProgress {
		t.Fatalf("linked entry = %+v", e)
	}
	before := v.State.Events
	_, err = f.Dossiers.LinkChecklistDeliverable(id, "pre.training", "doc:no_such_document")
	code(t, err, "dossier.unknown_deliverable")
	_, err = f.Dossiers.LinkChecklistDeliverable(id, "pre.training", "../../etc/passwd")
	code(t, err, "dossier.unknown_deliverable")
	if st := f.state(t, id); st.Events != before {
		t.Fatalf("a refused link wrote %d events", st.Events-before)
	}
	v, err = f.Dossiers.LinkChecklistDeliverable(id, "pre.user_test", "")
	must(t, err)
	if e := v.State.Checklist["pre.user_test"]; e.Deliverable != "" {
		t.Fatalf("the link was not removed: %+v", e)
	}
}

// TestActionPlanLinksToRunbook: the template's links_to makes the Action
// Plan item point at the runbook and the verification plan at the
// scenario tests, with what the execution recorded.
func TestActionPlanLinksToRunbook(t *testing.T) {
	f := newFlowEnv(t)
	var steps, tests string
	for _, it := range f.Template().Checklist {
		switch it.LinksTo {
		case template.LinksRunbook:
			steps = it.ID
		case template.LinksScenarioTests:
			tests = it.ID
		}
	}
	if steps != "plan.detailed_steps" || tests != "plan.verification" {
		t.Fatalf("links_to: runbook on %q, scenario tests on %q", steps, tests)
	}
	id := f.create(t, "upgrade", "cr", "planned")
	v, err := f.Dossiers.Get(id)
	must(t, err)
	if l := v.State.Links[steps]; l.Kind != template.LinksRunbook || l.Rows != 0 {
		t.Fatalf("draft link = %+v", l)
	}
	id = f.to(t, "upgrade", workflow.PhaseConfirmation)
	v, err = f.Dossiers.Get(id)
	must(t, err)
	ex := v.State.Flow.Execution
	if l := v.State.Links[steps]; l.Rows != len(ex.Runbook) || l.Rows == 0 {
		t.Fatalf("runbook link = %+v, runbook has %d steps", l, len(ex.Runbook))
	}
	if l := v.State.Links[tests]; l.Kind != template.LinksScenarioTests || l.Rows != len(ex.Tests) || l.Rows == 0 {
		t.Fatalf("scenario tests link = %+v, %d tests", l, len(ex.Tests))
	}
	if _, ok := v.State.Links["plan.overall"]; ok {
		t.Fatal("an item without links_to has a link")
	}
}

// TestTrialRunIssues: issues of the trial run are recorded after go-live
// only, counted while open, closed once by their opener or an archive
// role, and archiving waits for them under the built-in template.
func TestTrialRunIssues(t *testing.T) {
	f := newFlowEnv(t)
	early := f.to(t, "upgrade", workflow.PhaseExecution)
	_, err := f.Dossiers.OpenTrialIssue(early, dossier.TrialIssueRequest{Title: "太早"})
	code(t, err, "dossier.not_live")

	id := f.to(t, "upgrade", workflow.PhaseConfirmed)
	must(t, f.d.As("release_supervisor"))
	_, err = f.Dossiers.OpenTrialIssue(id, dossier.TrialIssueRequest{Title: "  "})
	code(t, err, "dossier.trial_title_required")
	_, err = f.Dossiers.OpenTrialIssue(id, dossier.TrialIssueRequest{Title: "x", Severity: "urgent"})
	code(t, err, "dossier.bad_severity")
	v, err := f.Dossiers.OpenTrialIssue(id, dossier.TrialIssueRequest{Title: "报表导出超时", Description: "月末导出超过 60 秒", Severity: dossier.SeverityHigh})
	must(t, err)
	if len(v.State.TrialIssues) != 1 || v.Trial.OpenCount != 1 || !v.Trial.Open {
		t.Fatalf("after opening: issues %+v, trial %+v", v.State.TrialIssues, v.Trial)
	}
	issue := v.State.TrialIssues[0]
	if issue.OpenedBy == "" || issue.OpenedAt.IsZero() || issue.Severity != "high" {
		t.Fatalf("issue = %+v", issue)
	}
	if sum, ok := find(t, f.Dossiers, id); !ok || sum.OpenTrialIssues != 1 {
		t.Fatalf("the dossier list shows %d open trial issues", sum.OpenTrialIssues)
	}

	// Archiving waits for the open issue.
	must(t, f.d.As("system_owner"))
	v, err = f.Dossiers.Get(id)
	must(t, err)
	if v.Trial.ArchiveBlocked == nil || v.Trial.ArchiveBlocked.Code != "dossier.trial_issues_open" {
		t.Fatalf("archive_blocked = %+v", v.Trial.ArchiveBlocked)
	}
	err = f.d.Archive(id)
	code(t, err, "dossier.trial_issues_open")

	// Someone neither the opener nor in an archive role may not close it.
	must(t, f.d.As("release_operator"))
	if v, _ := f.Dossiers.Get(id); len(v.Trial.Close) != 0 {
		t.Fatalf("the release operator is offered to close %v", v.Trial.Close)
	}
	_, err = f.Dossiers.CloseTrialIssue(id, issue.ID, "已优化")
	code(t, err, "dossier.trial_close_not_permitted")
	_, err = f.Dossiers.CloseTrialIssue(id, "no-such-issue", "已优化")
	code(t, err, "dossier.trial_issue_unknown")

	must(t, f.d.As("system_owner"))
	_, err = f.Dossiers.CloseTrialIssue(id, issue.ID, "   ")
	code(t, err, "dossier.resolution_required")
	v, err = f.Dossiers.CloseTrialIssue(id, issue.ID, "增加索引，导出 5 秒内完成")
	must(t, err)
	closed := v.State.TrialIssues[0].Closed
	if closed == nil || closed.Role != "system_owner" || v.Trial.OpenCount != 0 || v.Trial.ArchiveBlocked != nil {
		t.Fatalf("after closing: %+v, trial %+v", closed, v.Trial)
	}
	_, err = f.Dossiers.CloseTrialIssue(id, issue.ID, "再关一次")
	code(t, err, "dossier.trial_issue_closed")

	must(t, f.d.Archive(id))
	_, err = f.Dossiers.OpenTrialIssue(id, dossier.TrialIssueRequest{Title: "归档后"})
	code(t, err, "dossier.archived")
}

// TestTrialIssueOpenerClosesOwn: whoever recorded an issue may close it
// himself, without an archive role.
func TestTrialIssueOpenerClosesOwn(t *testing.T) {
	f := newFlowEnv(t)
	id := f.to(t, "upgrade", workflow.PhaseConfirmed)
	must(t, f.d.As("release_operator"))
	v, err := f.Dossiers.OpenTrialIssue(id, dossier.TrialIssueRequest{Title: "日志级别过高"})
	must(t, err)
	if !slices.Contains(v.Trial.Close, v.State.TrialIssues[0].ID) {
		t.Fatalf("the opener is not offered to close his issue: %v", v.Trial.Close)
	}
	v, err = f.Dossiers.CloseTrialIssue(id, v.State.TrialIssues[0].ID, "已调回 INFO")
	must(t, err)
	if c := v.State.TrialIssues[0].Closed; c == nil || c.Role != "" {
		t.Fatalf("closing = %+v", c)
	}
}

// TestForgedEvidenceIgnored: a checklist event made elsewhere that links
// an unknown deliverable or names a malformed file is recorded and
// ignored by the fold; the item keeps what it had.
func TestForgedEvidenceIgnored(t *testing.T) {
	f := newFlowEnv(t)
	id := f.create(t, "upgrade", "cr", "planned")
	_, key, err := f.Profiles.Signer()
	must(t, err)
	for _, c := range []struct {
		body map[string]any
		code string
	}{
		{map[string]any{"item": "pre.user_test", "status": "done", "note": "x", "deliverable": "doc:no_such"}, "dossier.unknown_deliverable"},
		{map[string]any{"item": "pre.user_test", "status": "done", "note": "x", "file": map[string]any{"sha256": "../../x", "name": "a.pdf", "size": 3}}, "dossier.bad_evidence"},
		{map[string]any{"item": "pre.user_test", "status": "done", "note": "x", "file": map[string]any{"sha256": strings.Repeat("ab", 32), "name": "a.pdf", "size": 0}}, "dossier.bad_evidence"},
	} {
		st := f.state(t, id)
		e, err := ledger.New(id, st.Heads, dossier.KindChecklist, c.body, st.UpdatedAt.Add(time.Minute), key)
		must(t, err)
		must(t, f.Dossiers.Import([]ledger.Event{e}))
		v, err := f.Dossiers.Get(id)
		must(t, err)
		last := v.History[len(v.History)-1]
		if last.Event != e.ID || last.IgnoredCode != c.code {
			t.Fatalf("%v: last entry %+v, want ignored with %s", c.body, last, c.code)
		}
		if _, ok := v.State.Checklist["pre.user_test"]; ok {
			t.Fatalf("%v changed the item: %+v", c.body, v.State.Checklist["pre.user_test"])
		}
	}
}
