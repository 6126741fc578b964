package documents_test

import (
	"strings"
	"testing"

	"golive/backend/core"
	"golive/backend/documents"
	"golive/backend/printable"
	"golive/backend/verify"
	"golive/backend/workflow"
)

func TestVerifyAgainstStore(t *testing.T) {
	c := openSample(t)
	s := signer(t, c)
	v := find(t, c, "in approval", phase(workflow.PhaseApproval))
	id := v.State.ID
	out, err := c.Documents().PDF(documents.Request{Kind: printable.KindConfirmation, Dossier: id}, s)
	if err != nil {
		t.Fatal(err)
	}
	if rep := verify.Check(out.PDF, c.Documents()); !rep.OK() || rep.NewerEvents != 0 {
		t.Fatalf("fresh document: %+v", rep)
	}
	t.Run("NewerEventsStillMatch", func(t *testing.T) {
		if _, err := c.Dossiers.AddNote(id, "导出后补充的备注"); err != nil {
			t.Fatal(err)
		}
		rep := verify.Check(out.PDF, c.Documents())
		if !rep.OK() || rep.NewerEvents != 1 {
			t.Fatalf("after a later note: %+v", rep)
		}
	})
	t.Run("DiffersNamesTheField", func(t *testing.T) {
		sys, err := c.Systems.Get(v.State.SystemCode)
		if err != nil {
			t.Fatal(err)
		}
		old := sys.Name
		sys.Name = old + "（新名称）"
		if _, err := c.Systems.Save(sys, false); err != nil {
			t.Fatal(err)
		}
		defer func() {
			sys.Name = old
			_, _ = c.Systems.Save(sys, false)
		}()
		rep := verify.Check(out.PDF, c.Documents())
		if rep.Status != verify.Differs || len(rep.Differences) != 1 || rep.Differences[0].Field != "dossier.system" ||
			!strings.Contains(rep.Differences[0].Store, "新名称") || rep.Problems[0].Code != "verify.differs" {
			t.Fatalf("after renaming the system: %+v", rep)
		}
	})
	t.Run("UnknownDossier", func(t *testing.T) {
		empty, err := core.Open(t.TempDir())
		if err != nil {
			t.Fatal(err)
		}
		defer empty.Close()
		rep := verify.Check(out.PDF, empty.Documents())
		if rep.Status != verify.Unknown || !rep.Signature.Valid || rep.Signature.Known || !hasProblem(rep, "verify.unknown_dossier") {
			t.Fatalf("in an empty folder: %+v", rep)
		}
	})
	t.Run("EventNotInThisCopy", func(t *testing.T) {
		// A copy of the folder as it is now, then one more event here.
		other, err := core.Open(t.TempDir())
		if err != nil {
			t.Fatal(err)
		}
		defer other.Close()
		if _, err := c.Store.CopyTo(other.Store); err != nil {
			t.Fatal(err)
		}
		if rep := verify.Check(out.PDF, other.Documents()); !rep.OK() {
			t.Fatalf("the same document in a copy of the folder: %+v", rep)
		}
		if _, err := c.Dossiers.AddNote(id, "只在本副本中的备注"); err != nil {
			t.Fatal(err)
		}
		later, err := c.Documents().PDF(documents.Request{Kind: printable.KindApprovals, Dossier: id}, s)
		if err != nil {
			t.Fatal(err)
		}
		rep := verify.Check(later.PDF, other.Documents())
		if rep.Status != verify.Differs || !hasProblem(rep, "verify.unknown_event") {
			t.Fatalf("a document made from an event the copy lacks: %+v", rep)
		}
	})
	t.Run("NotAGoLivePDF", func(t *testing.T) {
		rep := verify.Check([]byte("%PDF-1.4\nnothing\n%%EOF\n"), c.Documents())
		if rep.Status != verify.Invalid || rep.OK() {
			t.Fatalf("garbage: %+v", rep)
		}
	})
}

func hasProblem(r verify.Report, code string) bool {
	for _, p := range r.Problems {
		if p.Code == code {
			return true
		}
	}
	return false
}

func TestGenerateAttaches(t *testing.T) {
	c := openSample(t)
	s := signer(t, c)
	svc := c.Documents()
	t.Run("ApplicationConfirmationInApproval", func(t *testing.T) {
		v := find(t, c, "in approval", phase(workflow.PhaseApproval))
		before := len(v.State.Flow.Deliverables["doc:application_confirmation"])
		after, out, err := svc.Generate(v.State.ID, "application_confirmation", "zh", s)
		if err != nil {
			t.Fatal(err)
		}
		vs := after.State.Flow.Deliverables["doc:application_confirmation"]
		if len(vs) != before+1 || vs[len(vs)-1].Size != int64(len(out.PDF)) || !strings.HasSuffix(vs[len(vs)-1].Name, ".pdf") {
			t.Fatalf("versions = %+v", vs)
		}
		for i, sl := range after.State.Flow.Slots {
			if sl.Stale != nil && v.State.Flow.Slots[i].Stale == nil {
				t.Fatalf("generating dismissed the approval of %s", sl.Key())
			}
		}
		f, err := c.Dossiers.Blobs.Open(vs[len(vs)-1].SHA256)
		if err != nil {
			t.Fatal(err)
		}
		f.Close()
	})
	// 系统发布测试确认书 is collected with the same-day test (§6.4.3), which
	// asks for the standard document on its own: no step lists it.
	t.Run("TestConfirmationGoesWithTheSameDayTest", func(t *testing.T) {
		v := find(t, c, "awaiting confirmation", phase(workflow.PhaseConfirmation))
		key := documents.DeliverableFor(v.State, "release_test_confirmation")
		if key != "doc:release_test_confirmation" {
			t.Fatalf("key = %s, want the same-day test's doc:release_test_confirmation", key)
		}
		after, _, err := svc.Generate(v.State.ID, "release_test_confirmation", "zh", s)
		if err != nil {
			t.Fatal(err)
		}
		if len(after.State.Flow.Deliverables[key]) != len(v.State.Flow.Deliverables[key])+1 {
			t.Fatal("no new version attached")
		}
	})
	t.Run("ReleaseNoteInDraftGoesToTheStartStep", func(t *testing.T) {
		v := find(t, c, "draft", phase(workflow.PhaseDraft))
		key := documents.DeliverableFor(v.State, "release_note")
		if !strings.HasSuffix(key, ".release_note") {
			t.Fatalf("key = %s", key)
		}
		if _, _, err := svc.Generate(v.State.ID, "release_note", "en", s); err != nil {
			t.Fatal(err)
		}
	})
	t.Run("NotGeneratable", func(t *testing.T) {
		v := find(t, c, "draft", phase(workflow.PhaseDraft))
		if _, _, err := svc.Generate(v.State.ID, "user_test_report", "zh", s); err == nil || !strings.Contains(err.Error(), "documents.not_generatable") {
			t.Fatalf("err = %v", err)
		}
	})
}
