package core_test

import (
	"crypto/ed25519"
	"crypto/rand"
	"encoding/hex"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"golive/backend/apperr"
	"golive/backend/core"
	"golive/backend/demo"
	"golive/backend/dossier"
	"golive/backend/keys"
	"golive/backend/ledger"
	"golive/backend/roster"
	"golive/backend/workflow"
)

// rowAnswers answers yes to every approval item of countersign row
// step/row.
func rowAnswers(v dossier.View, step, row string) map[string]workflow.Answer {
	for _, st := range v.State.Plan.Steps {
		for _, r := range st.Rows {
			if st.ID == step && r.ID == row {
				return yesTo(r.Items)
			}
		}
	}
	return map[string]workflow.Answer{}
}

// countersignRows returns a signed and a pending row of the dossier's
// countersign step.
func countersignRows(t *testing.T, v dossier.View) (signed, pending workflow.Slot) {
	t.Helper()
	for _, s := range v.State.Flow.Slots {
		switch {
		case s.Row == "":
		case s.Decision != nil && signed.Step == "":
			signed = s
		case s.Status == workflow.SlotPending && pending.Step == "":
			pending = s
		}
	}
	if signed.Step == "" || pending.Step == "" || signed.Step != pending.Step {
		t.Fatalf("want a signed and a pending row of one countersign step, got %+v / %+v", signed, pending)
	}
	return signed, pending
}

func getView(t *testing.T, c *core.Core, id string) dossier.View {
	t.Helper()
	v, err := c.Dossiers.Get(id)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

func unlock(t *testing.T, c *core.Core, profileID string) {
	t.Helper()
	if _, err := c.Unlock(profileID, demo.SamplePassphrase); err != nil {
		t.Fatal(err)
	}
}

// TestActionsFollowTheRoster: once the folder has a roster, the buttons a
// profile sees come from what the roster lets its key do, by the fold's
// own rules: a director whose post the roster gives to someone else sees
// no decision on that row (only a reminder), while the person the roster
// names sees it — though his profile never claimed the role — and his
// decision counts.
func TestActionsFollowTheRoster(t *testing.T) {
	c, id := sampleAt(t, "upgrade", "countersign")
	_, row := countersignRows(t, getView(t, c, id))
	director := profileWithRole(t, c, row.Role)
	cio := profileWithRole(t, c, "cio")
	publishRosterWith(t, c, func(r *roster.Roster, personOf map[string]string) {
		for i := range r.People {
			p := &r.People[i]
			switch p.ID {
			case personOf[director]:
				p.Roles = slices.DeleteFunc(p.Roles, func(x string) bool { return x == row.Role })
			case personOf[cio]:
				p.Roles = append(p.Roles, row.Role)
			}
		}
	})

	unlock(t, c, director)
	v := getView(t, c, id)
	if slices.Contains(v.Actions.Decide, row.Key()) || !slices.Contains(v.Actions.Urge, row.Key()) {
		t.Fatalf("the director the roster no longer names: decide=%v urge=%v, want only a reminder for %s", v.Actions.Decide, v.Actions.Urge, row.Key())
	}
	if _, err := c.Dossiers.Decide(id, dossier.DecideRequest{Step: row.Step, Row: row.Row, Decision: workflow.DecisionApprove, Answers: rowAnswers(v, row.Step, row.Row)}); !apperr.HasCode(err, roster.CodeNoRole) {
		t.Fatalf("his decision: %v, want %s", err, roster.CodeNoRole)
	}

	unlock(t, c, cio)
	v = getView(t, c, id)
	if !slices.Contains(v.Actions.Decide, row.Key()) {
		t.Fatalf("the person the roster names: decide=%v, want %s", v.Actions.Decide, row.Key())
	}
	v, err := c.Dossiers.Decide(id, dossier.DecideRequest{Step: row.Step, Row: row.Row, Decision: workflow.DecisionApprove, Answers: rowAnswers(v, row.Step, row.Row)})
	if err != nil {
		t.Fatalf("his decision: %v", err)
	}
	if s := slotOf(v, row.Step, row.Row); s.Status != workflow.SlotApproved || s.Decision.Role != row.Role {
		t.Fatalf("the row after his decision: %+v", s)
	}
}

func slotOf(v dossier.View, step, row string) workflow.Slot {
	for _, s := range v.State.Flow.Slots {
		if s.Step == step && s.Row == row {
			return s
		}
	}
	return workflow.Slot{}
}

// TestOnePersonOneCountersignRow: a director who signed one countersign
// row and whom the roster also gives a second post cannot fill the second
// row (roster.double_post; the default template keeps allow_double_post
// off): no button, and the decision is refused. The person the roster
// names for that row alone still may.
func TestOnePersonOneCountersignRow(t *testing.T) {
	c, id := sampleAt(t, "upgrade", "countersign")
	signed, row := countersignRows(t, getView(t, c, id))
	twice := profileWithRole(t, c, signed.Role)
	publishRosterWith(t, c, func(r *roster.Roster, personOf map[string]string) {
		for i := range r.People {
			if r.People[i].ID == personOf[twice] {
				r.People[i].Roles = append(r.People[i].Roles, row.Role)
			}
		}
	})
	unlock(t, c, twice)
	v := getView(t, c, id)
	offered := slices.Contains(v.Actions.Decide, row.Key())
	_, err := c.Dossiers.Decide(id, dossier.DecideRequest{Step: row.Step, Row: row.Row, Decision: workflow.DecisionApprove, Answers: rowAnswers(v, row.Step, row.Row)})
	if offered || !apperr.HasCode(err, roster.CodeDoublePost) {
		t.Fatalf("second row by the same person: offered=%v err=%v, want refused with %s", offered, err, roster.CodeDoublePost)
	}
	unlock(t, c, profileWithRole(t, c, row.Role))
	v = getView(t, c, id)
	if _, err := c.Dossiers.Decide(id, dossier.DecideRequest{Step: row.Step, Row: row.Row, Decision: workflow.DecisionApprove, Answers: rowAnswers(v, row.Step, row.Row)}); err != nil {
		t.Fatalf("the row's own director: %v", err)
	}
}

// TestOperatorNeverSupervisesHimself: when the roster makes the system's
// development lead its supervisor too, the person who released cannot
// sign the supervision (roster.duty_conflict), and sees no button for it;
// with the supervisor assigned to someone else, that person can.
func TestOperatorNeverSupervisesHimself(t *testing.T) {
	for _, same := range []bool{true, false} {
		t.Run(map[bool]string{true: "same person", false: "another person"}[same], func(t *testing.T) {
			c, id := sampleAt(t, "upgrade", "released")
			v := getView(t, c, id)
			operator := profileWithRole(t, c, "release_operator")
			supervisor := profileWithRole(t, c, "release_supervisor")
			owner := profileWithRole(t, c, "system_owner")
			publishRosterWith(t, c, func(r *roster.Roster, personOf map[string]string) {
				sup := personOf[supervisor]
				if same {
					sup = personOf[operator]
				}
				r.Systems = append(r.Systems, roster.Assignment{System: v.State.SystemCode, Department: "业务应用部",
					Owner: personOf[owner], DevLead: personOf[operator], Supervisor: sup})
			})
			who := supervisor
			if same {
				who = operator
			}
			unlock(t, c, who)
			v = getView(t, c, id)
			_, err := c.Dossiers.Supervise(id, "核查完成")
			if same {
				if v.Actions.Supervise || !apperr.HasCode(err, roster.CodeDutyConflict) {
					t.Fatalf("operator supervising his own release: offered=%v err=%v, want refused with %s", v.Actions.Supervise, err, roster.CodeDutyConflict)
				}
				return
			}
			if !v.Actions.Supervise || err != nil {
				t.Fatalf("the assigned supervisor: offered=%v err=%v", v.Actions.Supervise, err)
			}
		})
	}
}

// TestTwoFoldersGiveTheSameVerdicts: a second folder that receives the
// same roster and the same events — a forged decision, a decision by the
// wrong director, a real one — in another order shows the same state and
// the same 未授权 marks with the same codes.
func TestTwoFoldersGiveTheSameVerdicts(t *testing.T) {
	a, id := sampleAt(t, "upgrade", "countersign")
	publishSampleRoster(t, a)
	v := getView(t, a, id)
	_, row := countersignRows(t, v)

	_, stranger, _ := ed25519.GenerateKey(rand.Reader)
	forged, err := ledger.New(id, v.State.Heads, workflow.KindDecided, map[string]any{
		"step": row.Step, "row": row.Row, "role": row.Role, "decision": workflow.DecisionApprove,
		"answers": rowAnswers(v, row.Step, row.Row), "roster": mustTip(t, a),
	}, a.Now().Add(time.Minute), stranger)
	if err != nil {
		t.Fatal(err)
	}
	if err := a.Dossiers.Import([]ledger.Event{forged}); err != nil {
		t.Fatal(err)
	}
	unlock(t, a, profileWithRole(t, a, row.Role))
	if _, err := a.Dossiers.Decide(id, dossier.DecideRequest{Step: row.Step, Row: row.Row, Decision: workflow.DecisionApprove, Answers: rowAnswers(v, row.Step, row.Row)}); err != nil {
		t.Fatal(err)
	}
	want := getView(t, a, id)

	// Folder b: pins the same PMO key after comparing its fingerprint,
	// takes the roster's events, then the dossier's, newest first.
	b, err := core.Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = b.Close() })
	b.Clock = a.Clock
	chain, err := a.Roster.Chain()
	if err != nil {
		t.Fatal(err)
	}
	first := chain.Versions()[0]
	pub, _ := hex.DecodeString(first.PublishedBy)
	if _, err := b.Roster.Pin(first.PublishedBy, keys.Fingerprint(pub)); err != nil {
		t.Fatal(err)
	}
	rosterEvents, err := a.Store.Events("roster")
	if err != nil || len(rosterEvents) == 0 {
		t.Fatalf("roster events: %d %v", len(rosterEvents), err)
	}
	if _, err := b.Roster.Import(rosterEvents); err != nil {
		t.Fatal(err)
	}
	evs, err := a.Store.Events(id)
	if err != nil {
		t.Fatal(err)
	}
	slices.Reverse(evs)
	if err := b.Dossiers.Import(evs); err != nil {
		t.Fatal(err)
	}
	got := getView(t, b, id)
	if got.State.Flow.Phase != want.State.Flow.Phase || len(got.History) != len(want.History) {
		t.Fatalf("folder b: phase %s with %d events, folder a: %s with %d", got.State.Flow.Phase, len(got.History), want.State.Flow.Phase, len(want.History))
	}
	marks := 0
	for i := range want.History {
		w, g := want.History[i], got.History[i]
		if w.Event != g.Event || w.Ignored != g.Ignored || w.IgnoredCode != g.IgnoredCode {
			t.Fatalf("event %d: folder a %s ignored=%v %q, folder b %s ignored=%v %q", i, w.Event, w.Ignored, w.IgnoredCode, g.Event, g.Ignored, g.IgnoredCode)
		}
		if w.Ignored {
			marks++
		}
	}
	if marks == 0 {
		t.Fatal("the forged decision is not marked 未授权 in either folder")
	}
	for _, s := range want.State.Flow.Slots {
		if g := slotOf(got, s.Step, s.Row); g.Status != s.Status {
			t.Fatalf("slot %s: folder a %s, folder b %s", s.Key(), s.Status, g.Status)
		}
	}
}

// TestInboxFollowsTheRoster: in the sample folder, whose roster resolves
// 申请人所在部门负责人 per dossier (the head of the applicant's unit), that
// head finds the emergency signatures waiting for him in 待我审批, though
// no profile claims the role any more, and the project manager does not.
func TestInboxFollowsTheRoster(t *testing.T) {
	c, err := core.Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = c.Close() })
	c.Clock = sampleClock(c)
	if _, err := c.LoadSample(); err != nil {
		t.Fatal(err)
	}
	count := func(role string) int {
		items, err := c.Dossiers.Inbox()
		if err != nil {
			t.Fatal(err)
		}
		n := 0
		for _, it := range items {
			if it.Kind == "decide" && it.Role == role {
				n++
			}
		}
		return n
	}
	head := profileWithRole(t, c, "applicant_dept_head")
	unlock(t, c, head)
	if roles := c.Profiles.Current().Roles; slices.Contains(roles, "applicant_dept_head") {
		t.Fatalf("with a roster the profile's roles are the roster's global ones, got %v", roles)
	}
	if n := count("applicant_dept_head"); n == 0 {
		t.Fatal("the applicant's department head has nothing to sign in his inbox")
	}
	unlock(t, c, profileWithRole(t, c, "project_manager"))
	if n := count("applicant_dept_head"); n != 0 {
		t.Fatalf("the project manager sees %d of the department head's signatures", n)
	}
}

// TestSampleLeavesNoTemporaryFiles: building the sample writes nothing in
// the system's temporary folder, and a build folder a killed build left
// in the data folder is removed by the next one.
func TestSampleLeavesNoTemporaryFiles(t *testing.T) {
	tmp := t.TempDir()
	t.Setenv("TMPDIR", tmp)
	dir := t.TempDir()
	leftover := filepath.Join(dir, ".sample-build", "blobs", "sha256", "ab")
	if err := os.MkdirAll(leftover, 0o700); err != nil {
		t.Fatal(err)
	}
	c, err := core.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = c.Close() })
	c.Clock = sampleClock(c)
	if _, err := c.LoadSampleWithoutRoster(); err != nil {
		t.Fatal(err)
	}
	if entries, _ := os.ReadDir(tmp); len(entries) != 0 {
		t.Fatalf("the sample build left %d entries in the temporary folder, first %s", len(entries), entries[0].Name())
	}
	if _, err := os.Stat(filepath.Join(dir, ".sample-build")); !os.IsNotExist(err) {
		t.Fatalf("the build folder is still there: %v", err)
	}
}
