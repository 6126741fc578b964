package dossier_test

import (
	"testing"
	"time"

	"golive/backend/demo"
	"golive/backend/dossier"
	"golive/backend/roster"
	"golive/backend/workflow"
)

// TestEmergencySignatureOnlyByApplicantsHead: the emergency signature
// (申请人所在部门负责人签字) counts only from the head of the applicant's
// own unit, as the roster lists it: the head of another department, or of
// another unit of the applicant's department, is refused and the step stays
// pending; the applicant's head signs it.
func TestEmergencySignatureOnlyByApplicantsHead(t *testing.T) {
	c, d := sampleDriver(t)
	must(t, d.As("system_owner"))
	r := upgradeRequest("CRM")
	r.Subtype, r.Mode, r.Window, r.PlannedAt = ptr("bugfix"), ptr("emergency"), nil, ptr("2026-12-03T21:00")
	v, err := c.Dossiers.Create(r)
	must(t, err)
	id := v.State.ID
	must(t, d.Prepare(id, true))
	must(t, d.Submit(id))
	spec, ok := mustGet(t, c, id).Plan.Slot("emergency.signature", "")
	if !ok || spec.Role != "applicant_dept_head" {
		t.Fatalf("emergency signature slot = %+v", spec)
	}
	sign := dossier.DecideRequest{Step: spec.Step, Decision: workflow.DecisionApprove, Answers: demo.YesTo(spec.Items, "")}
	// release_supervisor heads the release unit of the application
	// development department; owning_subdept_director heads the systems
	// unit of the applicant's department, not the applicant's own unit.
	for _, other := range []string{"release_supervisor", "owning_subdept_director"} {
		must(t, d.As(other))
		d.Tick(10*time.Minute, 20*time.Minute)
		if v, err := c.Dossiers.Get(id); err == nil && len(v.Actions.Decide) != 0 {
			t.Errorf("%s is offered to decide %v", other, v.Actions.Decide)
		}
		_, err := c.Dossiers.Decide(id, sign)
		code(t, err, roster.CodeNoRole)
		if s := slot(mustGet(t, c, id), spec.Step, ""); s.Status != workflow.SlotPending {
			t.Fatalf("after %s signed, the signature is %s", other, s.Status)
		}
	}
	must(t, d.As("applicant_dept_head"))
	_, err = c.Dossiers.Decide(id, sign)
	must(t, err)
	if s := slot(mustGet(t, c, id), spec.Step, ""); s.Status != workflow.SlotApproved {
		t.Fatalf("the applicant's head signed, the signature is %s", s.Status)
	}
}
