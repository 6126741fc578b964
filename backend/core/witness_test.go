package core_test

import (
	"bytes"
	"encoding/base64"
	"image"
	"image/color"
	"image/png"
	"slices"
	"strings"
	"testing"
	"time"

	"golive/backend/apperr"
	"golive/backend/core"
	"golive/backend/dossier"
	"golive/backend/roster"
	"golive/backend/workflow"
)

// handwriting returns a PNG signature as the signature pad sends it: a
// data: URL of a transparent canvas with a dark stroke.
func handwriting(t *testing.T) string {
	t.Helper()
	img := image.NewNRGBA(image.Rect(0, 0, 300, 100))
	for x := 20; x < 280; x++ {
		y := 50 + (x%40 - 20)
		for d := 0; d < 3; d++ {
			img.Set(x, y+d, color.NRGBA{10, 10, 40, 255})
		}
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		t.Fatal(err)
	}
	return "data:image/png;base64," + base64.StdEncoding.EncodeToString(buf.Bytes())
}

// witnessSetup opens a sample upgrade waiting on its countersign and
// returns it with a pending countersign row, the profile of the director
// who holds the row's role, the profile of the system owner (who submitted
// the dossier: the device owner of the tests) and the roster person id of
// each profile, once the roster edited by edit is published.
func witnessSetup(t *testing.T, edit func(r *roster.Roster, personOf map[string]string, row workflow.Slot)) (c *core.Core, id string, row workflow.Slot, director, owner string, personOf map[string]string) {
	t.Helper()
	return witnessSetupWith(t, func(*core.Core) func(r *roster.Roster, personOf map[string]string, row workflow.Slot) { return edit })
}

// witnessSetupWith is witnessSetup with an edit made knowing the folder.
func witnessSetupWith(t *testing.T, edit func(c *core.Core) func(r *roster.Roster, personOf map[string]string, row workflow.Slot)) (c *core.Core, id string, row workflow.Slot, director, owner string, personOf map[string]string) {
	t.Helper()
	c, id = sampleAt(t, "upgrade", "countersign")
	_, row = countersignRows(t, getView(t, c, id))
	director = profileWithRole(t, c, row.Role)
	owner = profileWithRole(t, c, "system_owner")
	ed := edit(c)
	publishRosterWith(t, c, func(r *roster.Roster, p map[string]string) {
		personOf = p
		if ed != nil {
			ed(r, p, row)
		}
	})
	return c, id, row, director, owner, personOf
}

// witnessed decides row on the owner's screen for approver.
func witnessed(t *testing.T, c *core.Core, id string, row workflow.Slot, approver string) (dossier.View, error) {
	t.Helper()
	v := getView(t, c, id)
	return c.Dossiers.Decide(id, dossier.DecideRequest{Step: row.Step, Row: row.Row, Decision: workflow.DecisionApprove,
		Answers: rowAnswers(v, row.Step, row.Row), Comment: "在场签字",
		Witness: &dossier.WitnessRequest{Person: approver, Image: handwriting(t), Kind: workflow.WitnessHandwritten}})
}

// TestWitnessedDecisionCounts: the director without his laptop signs by
// hand on the system owner's screen (the owner submitted the dossier: the
// witness may hold the screen, the approver is the person of the deed);
// the decision, signed by the owner's key, fills the row for the director
// (Person), carries the image by hash (readable back), and the owner's
// view offered it beforehand.
func TestWitnessedDecisionCounts(t *testing.T) {
	c, id, row, director, owner, personOf := witnessSetup(t, nil)
	unlock(t, c, owner)
	before := getView(t, c, id)
	if !slices.Contains(before.Actions.Witness, row.Key()) {
		t.Fatalf("actions.witness = %v, want %s", before.Actions.Witness, row.Key())
	}
	cands, err := c.Dossiers.Candidates(id, row.Step, row.Row)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.ContainsFunc(cands, func(x dossier.Candidate) bool { return x.Person == personOf[director] && x.For == "" && x.Key != "" }) {
		t.Fatalf("candidates %+v lack the director %s", cands, personOf[director])
	}

	v, err := witnessed(t, c, id, row, personOf[director])
	if err != nil {
		t.Fatalf("witnessed decision: %v", err)
	}
	s := slotOf(v, row.Step, row.Row)
	d := s.Decision
	if s.Status != workflow.SlotApproved || d == nil || d.Witness == nil {
		t.Fatalf("row after the witnessed decision: %+v", s)
	}
	me := c.Profiles.Current()
	if d.Person != personOf[director] || d.PersonName == "" || d.By != me.PublicKey || d.Witness.Person != personOf[director] || d.Witness.Kind != workflow.WitnessHandwritten {
		t.Fatalf("decision %+v witness %+v: want person %s signed by the owner's key", d, d.Witness, personOf[director])
	}
	img, err := c.Dossiers.WitnessImage(d.Witness.Image)
	if err != nil || !strings.HasPrefix(img, "data:image/png;base64,") {
		t.Fatalf("image back: %.40q %v", img, err)
	}
	if slices.Contains(v.Actions.Witness, row.Key()) {
		t.Fatalf("the decided row is still offered for 在场签字: %v", v.Actions.Witness)
	}
	// The director counts as having filled that row: his own key cannot
	// fill a second one (one person, one countersign row).
	for _, other := range v.State.Flow.Slots {
		if other.Step == row.Step && other.Status == workflow.SlotPending {
			unlock(t, c, owner)
			if _, err := witnessed(t, c, id, other, personOf[director]); !apperr.HasCode(err, roster.CodeNoRole) && !apperr.HasCode(err, roster.CodeDoublePost) {
				t.Fatalf("the director again on row %s: %v, want refused", other.Row, err)
			}
			break
		}
	}
}

// TestWitnessedDecisionRefusals: each rule refuses a witnessed decision
// with its own code and changes nothing. One folder serves every case
// (refusals write nothing): first without a roster, then under one that
// leaves the project manager out, gives the CIO an expired delegation of
// the row and the system owner (the submitter) the row's role.
func TestWitnessedDecisionRefusals(t *testing.T) {
	c, id := sampleAt(t, "upgrade", "countersign")
	_, row := countersignRows(t, getView(t, c, id))
	director := profileWithRole(t, c, row.Role)
	owner := profileWithRole(t, c, "system_owner")
	pm := profileWithRole(t, c, "project_manager")
	cio := profileWithRole(t, c, "cio")
	operator := profileWithRole(t, c, "release_operator")

	refused := func(name, device string, slot workflow.Slot, approver, code string) {
		t.Helper()
		unlock(t, c, device)
		before := getView(t, c, id)
		_, err := witnessed(t, c, id, slot, approver)
		if !apperr.HasCode(err, code) {
			t.Errorf("%s: %v, want %s", name, err, code)
		}
		if after := getView(t, c, id); after.State.Events != before.State.Events {
			t.Errorf("%s: a refused decision was written: %d → %d events", name, before.State.Events, after.State.Events)
		}
	}

	refused("no roster", owner, row, "P001", workflow.CodeNoRoster)

	var personOf map[string]string
	publishRosterWith(t, c, func(r *roster.Roster, p map[string]string) {
		personOf = p
		r.People = slices.DeleteFunc(r.People, func(x roster.Person) bool { return x.ID == p[pm] })
		for i := range r.People {
			if r.People[i].ID == p[owner] {
				r.People[i].Roles = append(r.People[i].Roles, row.Role)
			}
		}
		r.Delegations = append(r.Delegations, roster.Delegation{ID: "D1", For: p[director], To: p[cio],
			Roles: []string{row.Role}, Start: "2026-01-01", End: "2026-01-31"})
	})
	refused("step does not allow it", owner, workflow.Slot{Step: "up.4.pmo_approval", Role: "pmo_director"}, personOf[director], "workflow.witness_not_allowed")
	refused("device key not in the roster", pm, row, personOf[director], roster.CodeUnknownKey)
	refused("unknown approver", owner, row, "NOBODY", roster.CodeUnknownPerson)
	refused("approver without the role", owner, row, personOf[operator], roster.CodeNoRole)
	refused("approver outside the delegation's dates", owner, row, personOf[cio], roster.CodeDelegationExpired)
	refused("approver is the submitter", owner, row, personOf[owner], roster.CodeOwnSubmission)

	// The same screen, the row's own director: it counts.
	unlock(t, c, owner)
	if _, err := witnessed(t, c, id, row, personOf[director]); err != nil {
		t.Fatalf("the director's witnessed decision: %v", err)
	}
}

// TestWitnessedByDelegation: a delegate within his dates signs by hand;
// the decision counts for him, for the director he stands in for (代审批),
// and the candidates list him with whom he acts for.
func TestWitnessedByDelegation(t *testing.T) {
	var cio string
	c, id, row, director, owner, personOf := witnessSetupWith(t, func(c *core.Core) func(r *roster.Roster, p map[string]string, row workflow.Slot) {
		cio = profileWithRole(t, c, "cio")
		return func(r *roster.Roster, p map[string]string, row workflow.Slot) {
			r.Delegations = append(r.Delegations, roster.Delegation{ID: "D1", For: p[profileWithRole(t, c, row.Role)], To: p[cio],
				Roles: []string{row.Role}, Start: "2026-11-01", End: "2026-12-31"})
		}
	})
	unlock(t, c, owner)
	cands, err := c.Dossiers.Candidates(id, row.Step, row.Row)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.ContainsFunc(cands, func(x dossier.Candidate) bool { return x.Person == personOf[cio] && x.For == personOf[director] }) {
		t.Fatalf("candidates %+v lack the delegate %s for %s", cands, personOf[cio], personOf[director])
	}
	v, err := witnessed(t, c, id, row, personOf[cio])
	if err != nil {
		t.Fatalf("delegate's witnessed decision: %v", err)
	}
	d := slotOf(v, row.Step, row.Row).Decision
	if d == nil || d.Person != personOf[cio] || d.For != personOf[director] || d.ForName == "" {
		t.Fatalf("decision %+v: want person %s for %s", d, personOf[cio], personOf[director])
	}
}

// TestTransferNeedsARosterKey: with a roster, a decision can be handed
// only to a key the roster lists; a transfer to anyone else is 未授权
// (roster.delegate_unknown) and the slot keeps no delegate.
func TestTransferNeedsARosterKey(t *testing.T) {
	c, id, row, director, _, _ := witnessSetupWith(t, func(c *core.Core) func(r *roster.Roster, p map[string]string, row workflow.Slot) {
		pm := profileWithRole(t, c, "project_manager")
		return func(r *roster.Roster, p map[string]string, _ workflow.Slot) {
			r.People = slices.DeleteFunc(r.People, func(x roster.Person) bool { return x.ID == p[pm] })
		}
	})
	list, err := c.Profiles.List()
	if err != nil {
		t.Fatal(err)
	}
	pm, cio := profileWithRole(t, c, "project_manager"), profileWithRole(t, c, "cio")
	pmKey, cioKey := "", ""
	for _, p := range list {
		switch p.ID {
		case pm:
			pmKey = p.PublicKey
		case cio:
			cioKey = p.PublicKey
		}
	}
	unlock(t, c, director)
	if _, err := c.Dossiers.Transfer(id, row.Step, row.Row, pmKey, "请代签"); !apperr.HasCode(err, roster.CodeDelegateUnknown) {
		t.Fatalf("transfer to a key outside the roster: %v, want %s", err, roster.CodeDelegateUnknown)
	}
	if s := slotOf(getView(t, c, id), row.Step, row.Row); s.Delegate != "" {
		t.Fatalf("the refused transfer set a delegate: %+v", s)
	}
	v, err := c.Dossiers.Transfer(id, row.Step, row.Row, cioKey, "请代签")
	if err != nil {
		t.Fatalf("transfer to a roster key: %v", err)
	}
	if s := slotOf(v, row.Step, row.Row); s.Delegate != cioKey {
		t.Fatalf("delegate %q, want the CIO's key", s.Delegate)
	}
}

// TestWitnessedSameDayTestTravels: the business user signs the same-day
// test by hand on the project manager's screen (guideline 6.4.3); the
// signature image reads back on that folder, travels with the dossier to
// another folder and reads back there the same (before, only the image of
// a decision travelled and read back).
func TestWitnessedSameDayTestTravels(t *testing.T) {
	c, id := sampleAt(t, "upgrade", "confirming")
	var confirmer string
	publishRosterWith(t, c, func(_ *roster.Roster, personOf map[string]string) {
		confirmer = personOf[profileWithRole(t, c, "business_confirmer")]
	})
	a, b := twin(t, c)
	unlock(t, a, profileWithRole(t, a, "project_manager"))
	v := getView(t, a, id)
	doc := "doc:" + v.State.Plan.SameDayTestDocument
	if _, err := a.Dossiers.AttachReader(id, doc, "系统发布测试确认书.pdf", strings.NewReader("signed release test\n"), "", nil); err != nil {
		t.Fatal(err)
	}
	at := v.State.Flow.Execution.Released.At.Add(5 * time.Minute).Format(time.RFC3339)
	v, err := a.Dossiers.SameDayTest(id, dossier.SameDayTestRequest{TestedAt: at,
		Witness: &dossier.WitnessRequest{Person: confirmer, Image: handwriting(t), Kind: workflow.WitnessHandwritten}})
	if err != nil {
		t.Fatalf("witnessed same-day test: %v", err)
	}
	s := v.State.Flow.Execution.SameDayTest
	if s == nil || s.Witness == nil || s.Witness.Person != confirmer {
		t.Fatalf("same-day test = %+v, want witnessed for %s", s, confirmer)
	}
	here, err := a.Dossiers.WitnessImage(s.Witness.Image)
	if err != nil {
		t.Fatalf("the image on the recording folder: %v", err)
	}
	send(t, a, b)
	there, err := b.Dossiers.WitnessImage(s.Witness.Image)
	if err != nil || there != here {
		t.Fatalf("the image on the other folder: %.40q, %v", there, err)
	}
}
