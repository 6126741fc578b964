package dossier_test

import (
	"testing"

	"golive/backend/workflow"
)

// TestStaleRowClosesLaterSteps: when a changed deliverable dismisses one
// approved countersign row, the steps after the countersign wait again
// until that row approves again (workflow doc, "Stale approvals").
func TestStaleRowClosesLaterSteps(t *testing.T) {
	t.Run("PendingDepartmentWaitsAgain", func(t *testing.T) {
		f := newFlowEnv(t)
		id := f.to(t, "upgrade", workflow.PhaseApproval)
		must(t, f.d.ApproveStep(id, 0)) // the six countersign rows
		st := f.state(t, id)
		cs, dept := st.Plan.Steps[1], st.Plan.Steps[2]
		if len(cs.Rows) != 6 || slot(st, dept.ID, "").Status != workflow.SlotPending {
			t.Fatalf("after the countersign: %d rows, department %s", len(cs.Rows), slot(st, dept.ID, "").Status)
		}
		must(t, f.d.As("system_owner"))
		_, err := f.Dossiers.Urge(id, dept.ID, "", "请尽快审批")
		must(t, err)

		row := cs.Rows[1] // its second-line manual: a document only this row asks for
		must(t, f.d.AttachVersion(id, row.Deliverables[1], 2))
		st = f.state(t, id)
		approved := 0
		for _, r := range cs.Rows {
			if slot(st, cs.ID, r.ID).Status == workflow.SlotApproved {
				approved++
			}
		}
		if s := slot(st, cs.ID, row.ID); s.Status != workflow.SlotPending || s.Stale == nil || approved != 5 {
			t.Fatalf("row %s is %s (stale %v), %d of 6 rows approved; want it pending and stale, 5 approved", row.ID, s.Status, s.Stale, approved)
		}
		if d := slot(st, dept.ID, ""); d.Status != workflow.SlotWaiting || len(d.Urges) != 0 {
			t.Fatalf("department is %s with %d urges while a countersign row is stale; want waiting, no urges", d.Status, len(d.Urges))
		}
		if len(st.Tasks) != 1 || st.Tasks[0].Row != row.ID {
			t.Fatalf("tasks %+v, want only the stale row's decision", st.Tasks)
		}
		err = f.d.Decide(id, dept.ID, "", workflow.DecisionApprove, "", "同意")
		code(t, err, "workflow.not_pending")

		must(t, f.d.Decide(id, cs.ID, row.ID, workflow.DecisionApprove, "", "已复核新版本"))
		st = f.state(t, id)
		if d := slot(st, dept.ID, ""); d.Status != workflow.SlotPending {
			t.Fatalf("department is %s after the row approved again, want pending", d.Status)
		}
		must(t, f.d.Decide(id, dept.ID, "", workflow.DecisionApprove, "", "同意"))
	})

	t.Run("ApprovedDepartmentKeepsItsDecision", func(t *testing.T) {
		f := newFlowEnv(t)
		id := f.to(t, "upgrade", workflow.PhaseApproval)
		must(t, f.d.ApproveStep(id, 0)) // countersign
		must(t, f.d.ApproveStep(id, 0)) // department
		st := f.state(t, id)
		cs, dept, pmo := st.Plan.Steps[1], st.Plan.Steps[2], st.Plan.Steps[3]
		delegate := f.d.Actors["cio"].Summary
		must(t, f.d.As(pmo.Role))
		_, err := f.Dossiers.Transfer(id, pmo.ID, "", delegate.PublicKey, "出差，转交")
		must(t, err)

		row := cs.Rows[1] // its second-line manual: a document only this row asks for
		must(t, f.d.As("system_owner"))
		must(t, f.d.AttachVersion(id, row.Deliverables[1], 2))
		st = f.state(t, id)
		if d := slot(st, dept.ID, ""); d.Status != workflow.SlotApproved || d.Decision == nil {
			t.Fatalf("department is %s; an approval that did not cover the changed deliverable must stand", d.Status)
		}
		if p := slot(st, pmo.ID, ""); p.Status != workflow.SlotWaiting || p.Delegate != "" {
			t.Fatalf("PMO is %s (delegate %q) while a countersign row is stale; want waiting, no delegate", p.Status, p.Delegate)
		}
		must(t, f.d.Decide(id, cs.ID, row.ID, workflow.DecisionApprove, "", "已复核新版本"))
		st = f.state(t, id)
		if p := slot(st, pmo.ID, ""); p.Status != workflow.SlotPending || slot(st, dept.ID, "").Status != workflow.SlotApproved {
			t.Fatalf("after the row approved again: PMO %s, department %s; want PMO pending, department approved", p.Status, slot(st, dept.ID, "").Status)
		}
	})
}
