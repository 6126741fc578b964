package roster_test

import (
	"testing"

	"golive/backend/roster"
	"golive/backend/template"
)

// TestReachNeverHidesAnAuthority checks MayHold against Authorize over
// every key, role, system, owning unit, applicant and date of a roster
// with delegations, two versions and a revocation: whenever the last
// version lets a key act in a role on a dossier, MayHold says it may
// (the inbox skips a dossier's fold on its word). It also checks that
// MayHold rules out most pairs, or the inbox would fold everything.
func TestReachNeverHidesAnAuthority(t *testing.T) {
	second := oneVersion(t)
	second.Revocations = []roster.Revocation{{Key: pub("lead-a-laptop"), Heads: []string{}}}
	person(t, &second, "lead-a").Keys = keysOf("lead-a")
	c, evs := chainOf(t, signed{"pmo", oneVersion(t)}, signed{"pmo", second})
	tip := evs[len(evs)-1].ID
	tpl := template.MustDefault()
	g := dag{}

	keysTried := []string{"pmo", "cio", "cs", "biz", "lead-a", "lead-a-laptop", "lead-b", "mgr-dev", "sup-b", "owner-a", "dir-cards", "fin-head", "pm", "stranger"}
	systems := []string{"A", "B", "C"}
	owning := []string{"", "finance", "retail"}
	applicants := []string{"", "pm", "lead-b", "owner-a"}
	dates := []string{"2027-02-28", "2027-03-05", "2027-03-15", "2027-07-01"}
	allowed, ruledOut := 0, 0
	for _, k := range keysTried {
		reach := c.Reach(pub(k))
		for _, r := range tpl.Roles {
			for _, sys := range systems {
				may := reach.MayHold(tpl, sys, r.ID)
				if !may {
					ruledOut++
				}
				for _, own := range owning {
					for _, app := range applicants {
						for _, date := range dates {
							id := g.add(t, k, tip, day(date))
							d := roster.Dossier{Template: tpl, System: sys, OwningDepartment: own, Applicant: app, InPast: g.inPast}
							v := roster.Authorize(c, d, g.act(id, tip), r.ID)
							if v.OK {
								allowed++
								if !may {
									t.Fatalf("key %s may act as %s on system %s (owning %q, applicant %q, %s) but MayHold says no", k, r.ID, sys, own, app, date)
								}
							}
						}
					}
				}
			}
		}
	}
	total := len(keysTried) * len(tpl.Roles) * len(systems)
	if allowed == 0 || ruledOut < total/2 {
		t.Fatalf("%d acts allowed; MayHold ruled out %d of %d key, role and system triples (want at least half)", allowed, ruledOut, total)
	}
	t.Logf("%d acts allowed; MayHold ruled out %d of %d triples", allowed, ruledOut, total)

	// A key no version lists, and a revoked one, reach nothing.
	for _, k := range []string{"stranger", "lead-a-laptop"} {
		for _, r := range tpl.Roles {
			if c.Reach(pub(k)).MayHold(tpl, "A", r.ID) {
				t.Errorf("key %s reaches role %s", k, r.ID)
			}
		}
	}
}
