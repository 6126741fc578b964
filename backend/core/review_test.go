package core_test

import (
	"slices"
	"strings"
	"testing"
	"time"

	"golive/backend/apperr"
	"golive/backend/core"
	"golive/backend/dossier"
	"golive/backend/ledger"
	"golive/backend/workflow"
)

// draftsInWindows returns the sample's dossiers not yet submitted that
// target a release window.
func draftsInWindows(t *testing.T, c *core.Core) []dossier.Summary {
	t.Helper()
	list, err := c.Dossiers.List(dossier.Filter{})
	if err != nil {
		t.Fatal(err)
	}
	var out []dossier.Summary
	for _, s := range list {
		if s.Window != "" && s.OutOfScope == "" && (s.Stage == dossier.StagePlanning || s.Stage == dossier.StagePreparation) {
			out = append(out, s)
		}
	}
	if len(out) < 2 {
		t.Fatalf("the sample has %d draft dossiers in windows, want 2", len(out))
	}
	return out
}

// TestConditionalPassBecomesChecklist: the chair's 有条件通过 marks the
// review item done and adds each condition as a checklist item of the
// dossier; submission is refused naming the open conditions until they
// are done.
func TestConditionalPassBecomesChecklist(t *testing.T) {
	c, _, _ := exchangeSample(t)
	id := draftsInWindows(t, c)[0].ID
	before, err := c.Dossiers.Get(id)
	if err != nil {
		t.Fatal(err)
	}
	unlock(t, c, profileWithRole(t, c, "pmo"))
	v, err := c.Dossiers.RecordReview(id, dossier.ReviewDecidedBody{Meeting: "rm-1", Title: "12月第2周评审会", Decision: dossier.ReviewConditional,
		Conditions: []string{"  补充回退演练记录 ", "", "上线前完成性能压测"}})
	if err != nil {
		t.Fatal(err)
	}
	if len(v.State.Conditions) != 2 || v.State.Conditions[0].Text != "补充回退演练记录" || v.Progress.Total != before.Progress.Total+2 {
		t.Fatalf("conditions %+v, progress %+v (before %+v)", v.State.Conditions, v.Progress, before.Progress)
	}
	item := c.Template().Settings.ReviewItem
	if e := v.State.Checklist[item]; e.Status != dossier.StatusDone || e.Note != "12月第2周评审会" {
		t.Fatalf("review item = %+v", e)
	}
	if r := v.State.Reviews; len(r) != 1 || r[0].Decision != dossier.ReviewConditional || r[0].Meeting != "rm-1" {
		t.Fatalf("reviews = %+v", r)
	}
	// The conditions are open checklist items: the checklist is not done.
	miss := slices.Collect(func(yield func(string) bool) {
		for _, cond := range v.State.Conditions {
			if !yield(cond.ID) {
				return
			}
		}
	})
	unlock(t, c, profileWithRole(t, c, "project_manager"))
	for _, it := range c.Template().Checklist {
		if _, err := c.Dossiers.SetChecklist(id, it.ID, dossier.StatusDone, "ok"); err != nil {
			t.Fatal(err)
		}
	}
	v, err = c.Dossiers.Get(id)
	if err != nil {
		t.Fatal(err)
	}
	if v.Progress.Done != v.Progress.Total-2 {
		t.Fatalf("progress with the conditions open = %+v", v.Progress)
	}
	for _, m := range miss {
		if _, err := c.Dossiers.SetChecklist(id, m, dossier.StatusDone, "已完成"); err != nil {
			t.Fatalf("condition %s: %v", m, err)
		}
	}
	v, err = c.Dossiers.Get(id)
	if err != nil {
		t.Fatal(err)
	}
	if v.Progress.Done != v.Progress.Total {
		t.Fatalf("progress with the conditions done = %+v", v.Progress)
	}
	if _, err := c.Dossiers.SetChecklist(id, "cond-nosuch-1", dossier.StatusDone, ""); apperr.Code(err) != "dossier.unknown_item" {
		t.Fatalf("an unknown condition: %v", err)
	}
}

// TestPostponeMovesToTheNextWindow: 顺延 without a window moves the
// dossier to the next open window of its class, and its planned time
// follows.
func TestPostponeMovesToTheNextWindow(t *testing.T) {
	c, _, _ := exchangeSample(t)
	s := draftsInWindows(t, c)[1]
	next, err := c.Dossiers.ProposePostponement(s.ID)
	if err != nil {
		t.Fatal(err)
	}
	unlock(t, c, profileWithRole(t, c, "pmo"))
	if _, err := c.Dossiers.RecordReview(s.ID, dossier.ReviewDecidedBody{Meeting: "rm-1", Title: "评审会", Decision: dossier.ReviewReject}); apperr.Code(err) != "review.reason_required" {
		t.Fatalf("a rejection without a reason: %v", err)
	}
	if _, err := c.Dossiers.RecordReview(s.ID, dossier.ReviewDecidedBody{Meeting: "rm-1", Title: "评审会", Decision: dossier.ReviewPostpone, Window: s.Window}); apperr.Code(err) != "review.postpone_not_later" {
		t.Fatalf("顺延 to the same window: %v", err)
	}
	v, err := c.Dossiers.RecordReview(s.ID, dossier.ReviewDecidedBody{Meeting: "rm-1", Title: "评审会", Decision: dossier.ReviewPostpone, Remark: "压测未完成"})
	if err != nil {
		t.Fatal(err)
	}
	start, _ := next.Interval()
	if v.State.Window != next.ID || v.State.Window == s.Window || !v.State.PlannedAt.Equal(start) {
		t.Fatalf("after 顺延: window %s at %s, want %s at %s (was %s)", v.State.Window, v.State.PlannedAt, next.ID, start, s.Window)
	}
	if e := v.State.Checklist[c.Template().Settings.ReviewItem]; e.Status != dossier.StatusInProgress {
		t.Fatalf("review item after 顺延 = %+v", e)
	}
}

// TestReviewOnlyByTheChair: the project manager may not record a review
// decision (the service refuses it), and an event claiming the chair's role
// signed by his key is recorded and ignored by the fold; a decision after
// submission is refused.
func TestReviewOnlyByTheChair(t *testing.T) {
	c, _, _ := exchangeSample(t)
	id := draftsInWindows(t, c)[0].ID
	unlock(t, c, profileWithRole(t, c, "project_manager"))
	if _, err := c.Dossiers.RecordReview(id, dossier.ReviewDecidedBody{Meeting: "rm-1", Title: "评审会", Decision: dossier.ReviewPass}); !strings.HasPrefix(apperr.Code(err), "roster.") {
		t.Fatalf("a decision by the project manager: %v", err)
	}
	body := dossier.ReviewDecidedBody{Role: "pmo", Roster: mustTip(t, c), Meeting: "rm-1", Title: "评审会", Decision: dossier.ReviewPass}
	v, forged := appendSigned(t, c, id, dossier.KindReviewDecided, body)
	last := v.History[len(v.History)-1]
	if len(v.State.Reviews) != 0 || last.Event != forged.ID || !last.Ignored || !strings.HasPrefix(last.IgnoredCode, "roster.") {
		t.Fatalf("forged decision: reviews %+v, last entry %+v", v.State.Reviews, last)
	}

	list, err := c.Dossiers.List(dossier.Filter{Stage: dossier.StageApproval})
	if err != nil || len(list) == 0 {
		t.Fatalf("no dossier in approval: %v", err)
	}
	unlock(t, c, profileWithRole(t, c, "pmo"))
	if _, err := c.Dossiers.RecordReview(list[0].ID, dossier.ReviewDecidedBody{Meeting: "rm-1", Title: "评审会", Decision: dossier.ReviewPass}); apperr.Code(err) != "review.after_submission" {
		t.Fatalf("a decision after submission: %v", err)
	}
}

// TestMinutesNeedADecisionAndTravel: minutes attach only where the
// meeting decided; they become the review item's evidence, and the
// minutes with the attendees' signatures travel in an exchange file.
func TestMinutesNeedADecisionAndTravel(t *testing.T) {
	c, _, _ := exchangeSample(t)
	drafts := draftsInWindows(t, c)
	id := drafts[0].ID
	unlock(t, c, profileWithRole(t, c, "pmo"))
	put := func(text string) string {
		info, err := c.Dossiers.Blobs.Put(strings.NewReader(text), 1<<20, nil)
		if err != nil {
			t.Fatal(err)
		}
		return info.SHA256
	}
	pdf, sig := put("%PDF-1.4 minutes"), put("signature png")
	min := dossier.ReviewMinutesBody{Meeting: "rm-1", Title: "评审会", HeldAt: "2026-12-01T14:00:00+08:00",
		File:       dossier.EvidenceFile{SHA256: pdf, Name: "会议纪要.pdf", Size: 16, Mime: "application/pdf"},
		Attendance: []dossier.Attendee{{Person: "p1", Name: "王芳", Status: dossier.AttendPresent, Signature: sig}}}
	if _, err := c.Dossiers.AttachMinutes(id, min); apperr.Code(err) != "review.no_decision" {
		t.Fatalf("minutes before a decision: %v", err)
	}
	if _, err := c.Dossiers.RecordReview(id, dossier.ReviewDecidedBody{Meeting: "rm-1", Title: "评审会", Decision: dossier.ReviewPass}); err != nil {
		t.Fatal(err)
	}
	v, err := c.Dossiers.AttachMinutes(id, min)
	if err != nil {
		t.Fatal(err)
	}
	e := v.State.Checklist[c.Template().Settings.ReviewItem]
	if e.File == nil || e.File.SHA256 != pdf || v.State.Reviews[0].Minutes == nil {
		t.Fatalf("review item %+v, review %+v", e, v.State.Reviews[0])
	}
	out := exportTo(t, c, "minutes", core.ExportRequest{Dossiers: []string{id}, Attachments: true})
	b := emptyFolder(t)
	if _, err := b.ImportFile(out, core.ImportOptions{Fingerprint: fingerprintOf(t, c)}); err != nil {
		t.Fatal(err)
	}
	for _, sum := range []string{pdf, sig} {
		if !b.Dossiers.Blobs.Has(sum) {
			t.Fatalf("blob %s did not travel", sum[:8])
		}
	}
	got, err := b.Dossiers.Get(id)
	if err != nil {
		t.Fatal(err)
	}
	if len(got.State.Reviews) != 1 || got.State.Reviews[0].Minutes == nil || got.State.Flow.Phase != workflow.PhaseDraft {
		t.Fatalf("in the other folder: %+v", got.State.Reviews)
	}
}

// appendSigned signs an event of kind with body on dossier id's heads with
// the unlocked profile's key, a minute after its last, and brings it in as
// an exchange would (the fold judges it); it returns the dossier after it
// and the event.
func appendSigned(t *testing.T, c *core.Core, id, kind string, body any) (dossier.View, ledger.Event) {
	t.Helper()
	v, err := c.Dossiers.Get(id)
	if err != nil {
		t.Fatal(err)
	}
	e, err := ledger.New(id, v.State.Heads, kind, body, v.State.UpdatedAt.Add(time.Minute), signer(t, c))
	if err != nil {
		t.Fatal(err)
	}
	if err := c.Dossiers.Import([]ledger.Event{e}); err != nil {
		t.Fatal(err)
	}
	if v, err = c.Dossiers.Get(id); err != nil {
		t.Fatal(err)
	}
	return v, e
}
