package app_test

import (
	"time"

	"golive/backend/dossier"
)

// recordSameDay: the upgrade waiting for its confirmation, as the system
// owner, who collects the requesting side's same-day test (guideline
// 6.4.3) (file "action-sameday"): the dossier, the roster in force (the
// business confirmers to choose from), and the same-day test refused
// while the release test confirmation is not uploaded, by name. Recorded
// last: the dossier gains no event.
func recordSameDay(r *recorder) {
	api := r.api
	const f = "action-sameday"
	id, v := r.open(f, "system_owner", "upgrade", "cr", "planned", "confirming")
	if !v.Actions.SameDayTest {
		r.t.Fatalf("the system owner is not offered the same-day test of %s", id)
	}
	o, err := api.Roster.Overview()
	r.must(f, r.viewer, "RosterAPI.Overview", nil, o, err)
	at := v.State.Flow.Execution.Released.At.Add(10 * time.Minute).Format(time.RFC3339)
	req := dossier.SameDayTestRequest{TestedAt: at}
	_, err = api.Dossiers.SameDayTest(id, req)
	r.fails(f, "DossierAPI.SameDayTest", []any{id, req}, "workflow.incomplete", err)
}
