package app_test

import (
	"time"

	"golive/backend/workflow"
)

// recordOnCall: the release operator of the new system being released
// records who of the development department is on call (guideline
// 6.4.3(2)) beside the one the sample has, then removes that first row
// (file "action-oncall",
// Execution/__tests__/OnCall.spec.ts). Recorded last: the dossier gains
// events no other recording expects.
func recordOnCall(r *recorder) {
	const f = "action-oncall"
	id, v := r.open(f, "release_operator", "new_system", "", "planned", "executing")
	o, err := r.api.Roster.Overview()
	r.must(f, r.viewer, "RosterAPI.Overview", nil, o, err)
	had := v.State.Flow.Execution.OnCall
	if len(had) == 0 {
		r.t.Fatalf("the sample release %s records nobody on call", id)
	}
	at := v.State.PlannedAt.In(r.c.Zone)
	row := workflow.OnCall{Name: "王强", Phone: "13800000000", From: at.Format("2006-01-02T15:04"), Until: at.Add(4 * time.Hour).Format("2006-01-02T15:04")}
	both := append(append([]workflow.OnCall{}, had...), row)
	added, err := r.api.Dossiers.SaveOnCall(id, both)
	r.must(f, r.viewer, "DossierAPI.SaveOnCall", []any{id, both}, added, err)
	rest := added.State.Flow.Execution.OnCall[1:]
	removed, err := r.api.Dossiers.SaveOnCall(id, rest)
	r.must(f, r.viewer, "DossierAPI.SaveOnCall", []any{id, rest}, removed, err)
}
