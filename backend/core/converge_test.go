package core_test

import (
	"context"
	"encoding/hex"
	"os"
	"path/filepath"
	"testing"
	"time"

	"golive/backend/core"
	"golive/backend/dossier"
	"golive/backend/keys"
	"golive/backend/workflow"
)

// twin closes c and returns it reopened together with a second folder
// holding a copy of its data: two laptops that start from the same events.
func twin(t *testing.T, c *core.Core) (*core.Core, *core.Core) {
	t.Helper()
	dir := c.Store.Dir()
	if err := c.Close(); err != nil {
		t.Fatal(err)
	}
	copyDir := t.TempDir()
	if err := os.CopyFS(copyDir, os.DirFS(dir)); err != nil {
		t.Fatal(err)
	}
	open := func(d string) *core.Core {
		o, err := core.Open(d)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { _ = o.Close() })
		o.Clock = sampleClock(o)
		return o
	}
	return open(dir), open(copyDir)
}

// send exports every dossier of from, signed by its unlocked profile, and
// imports the file into to.
func send(t *testing.T, from, to *core.Core) core.ImportReport {
	t.Helper()
	out := filepath.Join(t.TempDir(), "all.golive")
	if _, err := from.Export(context.Background(), out, core.ExportRequest{Attachments: true}, nil); err != nil {
		t.Fatalf("export: %v", err)
	}
	pin, _, err := to.Roster.Pinned()
	if err != nil {
		t.Fatal(err)
	}
	pub, _ := hex.DecodeString(pin.PublicKey)
	rep, err := to.ImportFile(out, core.ImportOptions{Fingerprint: keys.Fingerprint(pub)})
	if err != nil {
		t.Fatalf("import: %v", err)
	}
	return rep
}

// TestConflictingDecisionsConverge: on one laptop a director returns a
// submission (退回) while, on another, a second director approves his
// countersign row of it. Once each has the other's events both folders
// show the same state and the same history, in which the act the rules
// refused is marked with the rule's code, on both alike.
func TestConflictingDecisionsConverge(t *testing.T) {
	c, id := sampleAt(t, "upgrade", "countersign")
	publishSampleRoster(t, c)
	a, b := twin(t, c)
	// The approval on b comes five minutes after the return on a, so the
	// fold meets the return first and refuses the approval, whatever the
	// events' hashes.
	b.Clock = func() time.Time { return sampleClock(b)().Add(5 * time.Minute) }

	v := getView(t, a, id)
	var rows []workflow.Slot
	for _, sl := range v.State.Flow.Slots {
		if sl.Row != "" && sl.Status == workflow.SlotPending {
			rows = append(rows, sl)
		}
	}
	if len(rows) < 2 {
		t.Fatalf("want two pending countersign rows, got %d", len(rows))
	}
	decide := func(c *core.Core, row workflow.Slot, decision, comment string) {
		t.Helper()
		unlock(t, c, profileWithRole(t, c, row.Role))
		if _, err := c.Dossiers.Decide(id, dossier.DecideRequest{Step: row.Step, Row: row.Row, Decision: decision, Answers: rowAnswers(v, row.Step, row.Row), Comment: comment}); err != nil {
			t.Fatalf("%s on %s: %v", decision, row.Row, err)
		}
	}
	decide(a, rows[0], workflow.DecisionReturn, "回退方案不完整")
	decide(b, rows[1], workflow.DecisionApprove, "同意")

	repB := send(t, a, b)
	repA := send(t, b, a)
	if repA.Events != 1 || repB.Events != 1 {
		t.Fatalf("each folder should gain the other's one event: a gained %d, b gained %d", repA.Events, repB.Events)
	}
	va, vb := getView(t, a, id), getView(t, b, id)
	if va.State.Flow.Phase != vb.State.Flow.Phase || len(va.History) != len(vb.History) {
		t.Fatalf("a: phase %s, %d events; b: phase %s, %d events", va.State.Flow.Phase, len(va.History), vb.State.Flow.Phase, len(vb.History))
	}
	marked := 0
	for i := range va.History {
		ha, hb := va.History[i], vb.History[i]
		if ha.Event != hb.Event || ha.Ignored != hb.Ignored || ha.IgnoredCode != hb.IgnoredCode {
			t.Fatalf("history %d: a %s ignored=%v %q; b %s ignored=%v %q", i, ha.Event, ha.Ignored, ha.IgnoredCode, hb.Event, hb.Ignored, hb.IgnoredCode)
		}
		if ha.Ignored {
			marked++
			if ha.IgnoredCode == "" {
				t.Fatalf("event %s is marked without the rule that refused it", ha.Event)
			}
		}
	}
	if marked != 1 {
		t.Fatalf("want exactly the losing act marked, got %d marked events", marked)
	}
	ignoredReported := 0
	for _, r := range []core.ImportReport{repA, repB} {
		for _, d := range r.Dossiers {
			ignoredReported += len(d.Ignored)
		}
	}
	if ignoredReported != 1 {
		t.Fatalf("the import that brought the losing act should report it once, reported %d", ignoredReported)
	}
}

// TestReplyAfterOneApprovalIsSmall: the project manager sends a dossier
// waiting for the countersign; a director approves on his laptop and
// replies with only what the sender lacks: one event, a few KB, which
// brings the sender's folder to the director's state.
func TestReplyAfterOneApprovalIsSmall(t *testing.T) {
	c, id := sampleAt(t, "upgrade", "countersign")
	publishSampleRoster(t, c)
	a, b := twin(t, c)
	unlock(t, a, profileWithRole(t, a, "project_manager"))
	sent := filepath.Join(t.TempDir(), "to-director.golive")
	if _, err := a.Export(context.Background(), sent, core.ExportRequest{Dossiers: []string{id}, Attachments: true}, nil); err != nil {
		t.Fatal(err)
	}
	v := getView(t, b, id)
	_, row := countersignRows(t, v)
	unlock(t, b, profileWithRole(t, b, row.Role))
	if _, err := b.Dossiers.Decide(id, dossier.DecideRequest{Step: row.Step, Row: row.Row, Decision: workflow.DecisionApprove, Answers: rowAnswers(v, row.Step, row.Row)}); err != nil {
		t.Fatal(err)
	}
	reply := filepath.Join(t.TempDir(), "reply.golive")
	res, err := b.Export(context.Background(), reply, core.ExportRequest{Dossiers: []string{id}, Since: sent, Attachments: true}, nil)
	if err != nil {
		t.Fatal(err)
	}
	fi, err := os.Stat(sent)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("file sent: %d bytes; reply after one approval: %d bytes, %d events", fi.Size(), res.Size, res.Count)
	if res.Count != 1 || res.Size > 8<<10 {
		t.Fatalf("the reply holds %d events in %d bytes; want the one decision in a few KB", res.Count, res.Size)
	}
	rep, err := a.ImportFile(reply, core.ImportOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if rep.Events != 1 {
		t.Fatalf("the reply brought %d events, want 1", rep.Events)
	}
	if ga, gb := getView(t, a, id), getView(t, b, id); ga.State.Flow.Phase != gb.State.Flow.Phase || len(ga.History) != len(gb.History) || slotOf(ga, row.Step, row.Row).Status != slotOf(gb, row.Step, row.Row).Status {
		t.Fatalf("after the reply the sender's folder differs from the director's")
	}
}

// TestPublishedPlansTravel: the window manager's published window plan
// reaches a new folder with the dossiers, and the plan is the same there.
func TestPublishedPlansTravel(t *testing.T) {
	c, _ := sampleAt(t, "upgrade", "countersign")
	publishSampleRoster(t, c)
	unlock(t, c, profileWithRole(t, c, "window_manager"))
	p, err := c.Windows.Publish(2027, "年度计划")
	if err != nil {
		t.Fatal(err)
	}
	b, err := core.Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = b.Close() })
	out := filepath.Join(t.TempDir(), "all.golive")
	if _, err := c.Export(context.Background(), out, core.ExportRequest{}, nil); err != nil {
		t.Fatal(err)
	}
	rep, err := b.ImportFile(out, core.ImportOptions{TrustNew: true})
	if err != nil {
		t.Fatal(err)
	}
	if rep.Plans != 1 || rep.Pinned == "" {
		t.Fatalf("import brought %d plan versions, pinned %q", rep.Plans, rep.Pinned)
	}
	got, ok, err := b.Windows.Published(2027)
	if err != nil || !ok {
		t.Fatalf("plan 2027 in the new folder: ok=%v %v", ok, err)
	}
	if got.Event != p.Event || len(got.Windows) != len(p.Windows) {
		t.Fatalf("plan differs: event %s vs %s, %d vs %d windows", got.Event, p.Event, len(got.Windows), len(p.Windows))
	}
}

// TestWitnessedSignaturesTravel: a decision signed by hand on the chair's
// laptop in a meeting (在场签字) reaches a laptop that was offline, with
// its handwriting, and counts there as it does on the chair's.
func TestWitnessedSignaturesTravel(t *testing.T) {
	c, id, row, director, owner, personOf := witnessSetup(t, nil)
	unlock(t, c, owner)
	if _, err := witnessed(t, c, id, row, personOf[director]); err != nil {
		t.Fatalf("witnessed decision: %v", err)
	}
	b, err := core.Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = b.Close() })
	b.Clock = c.Clock
	out := filepath.Join(t.TempDir(), "meeting.golive")
	if _, err := c.Export(context.Background(), out, core.ExportRequest{Dossiers: []string{id}, Attachments: true}, nil); err != nil {
		t.Fatal(err)
	}
	if _, err := b.ImportFile(out, core.ImportOptions{TrustNew: true}); err != nil {
		t.Fatal(err)
	}
	got, want := slotOf(getView(t, b, id), row.Step, row.Row), slotOf(getView(t, c, id), row.Step, row.Row)
	if got.Status != workflow.SlotApproved || got.Decision == nil || got.Decision.Witness == nil || got.Decision.Person != want.Decision.Person {
		t.Fatalf("on the offline laptop the witnessed row is %+v, on the chair's %+v", got, want)
	}
	img, err := b.Dossiers.WitnessImage(got.Decision.Witness.Image)
	if err != nil || len(img) == 0 {
		t.Fatalf("the handwriting did not travel: %d bytes, %v", len(img), err)
	}
}
