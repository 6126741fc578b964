package roster_test

import (
	"strings"
	"testing"
	"time"

	"golive/backend/apperr"
	"golive/backend/roster"
	"golive/backend/template"
)

// oneVersion is baseRoster with two delegations, dated keys, a scoped role
// wrongly granted outright (built by hand: Publish would refuse it) and a
// second key for lead-a.
func oneVersion(t *testing.T) roster.Roster {
	r := baseRoster()
	r.Delegations = []roster.Delegation{
		{ID: "leave-cs", For: "cs", To: "biz", Roles: []string{"cs_director"}, Start: "2027-03-01", End: "2027-03-10"},
		{ID: "cover-a", For: "lead-a", To: "sup-b", Roles: []string{"release_operator"}, Start: "2027-03-01", End: "2027-03-31"},
	}
	person(t, &r, "fin-head").Keys[0].From = "2027-02-01"
	person(t, &r, "fin-head").Keys[0].Until = "2027-06-30"
	person(t, &r, "lead-b").Roles = []string{"release_operator"}
	person(t, &r, "lead-a").Keys = keysOf("lead-a", "lead-a-laptop")
	return r
}

func TestAuthorizeInOneVersion(t *testing.T) {
	c, evs := chainOf(t, signed{"pmo", oneVersion(t)})
	v1 := evs[0].ID
	tpl := template.MustDefault()
	g := dag{}

	cases := []struct {
		name     string
		key      string
		role     string
		system   string
		owning   string
		date     string
		version  string
		code     string // "" when the act counts
		person   string
		delegate string // the person acted for, when delegated
	}{
		{name: "global role", key: "cio", role: "cio", system: "A", date: "2027-03-05", person: "cio"},
		{name: "unknown key", key: "stranger", role: "cio", system: "A", date: "2027-03-05", code: roster.CodeUnknownKey},
		{name: "a person without the role", key: "lead-a", role: "cio", system: "A", date: "2027-03-05", code: roster.CodeNoRole, person: "lead-a"},
		{name: "a version the chain does not hold", key: "cio", role: "cio", system: "A", date: "2027-03-05", version: strings.Repeat("ab", 32), code: roster.CodeUnknownVersion},
		{name: "a role the template does not know", key: "cio", role: "astronaut", system: "A", date: "2027-03-05", code: roster.CodeUnknownRole},
		{name: "dev lead of A operates A", key: "lead-a", role: "release_operator", system: "A", date: "2027-03-05", person: "lead-a"},
		{name: "dev lead of A with his second key", key: "lead-a-laptop", role: "release_operator", system: "A", date: "2027-03-05", person: "lead-a"},
		{name: "dev lead of A cannot operate B", key: "lead-a", role: "release_operator", system: "B", date: "2027-03-05", code: roster.CodeNoRole, person: "lead-a"},
		{name: "dev lead of B operates B", key: "lead-b", role: "release_operator", system: "B", date: "2027-03-05", person: "lead-b"},
		{name: "a scoped role granted outright is ignored", key: "lead-b", role: "release_operator", system: "A", date: "2027-03-05", code: roster.CodeNoRole, person: "lead-b"},
		{name: "supervisor of A is the head of its lead's unit", key: "mgr-dev", role: "release_supervisor", system: "A", date: "2027-03-05", person: "mgr-dev"},
		{name: "assigned supervisor of B", key: "sup-b", role: "release_supervisor", system: "B", date: "2027-03-05", person: "sup-b"},
		{name: "the head of A's lead does not supervise B", key: "mgr-dev", role: "release_supervisor", system: "B", date: "2027-03-05", code: roster.CodeNoRole, person: "mgr-dev"},
		{name: "a system the roster does not assign", key: "lead-a", role: "release_operator", system: "C", date: "2027-03-05", code: roster.CodeUnresolved, person: "lead-a"},
		{name: "system owner of A", key: "owner-a", role: "system_owner", system: "A", date: "2027-03-05", person: "owner-a"},
		{name: "B has no system owner", key: "owner-a", role: "system_owner", system: "B", date: "2027-03-05", code: roster.CodeUnresolved, person: "owner-a"},
		{name: "director of the system's unit", key: "dir-cards", role: "owning_subdept_director", system: "A", date: "2027-03-05", person: "dir-cards"},
		{name: "the dossier's owning unit wins over the system's", key: "dir-cards", role: "owning_subdept_director", system: "A", owning: "finance", date: "2027-03-05", code: roster.CodeNoRole, person: "dir-cards"},
		{name: "head of the dossier's owning unit", key: "fin-head", role: "owning_subdept_director", system: "A", owning: "finance", date: "2027-03-05", person: "fin-head"},
		{name: "head of the applicant's unit", key: "dir-cards", role: "applicant_dept_head", system: "B", date: "2027-03-05", person: "dir-cards"},
		{name: "head of another unit is not the applicant's", key: "fin-head", role: "applicant_dept_head", system: "B", date: "2027-03-05", code: roster.CodeNoRole, person: "fin-head"},
		{name: "delegate inside the dates", key: "biz", role: "cs_director", system: "A", date: "2027-03-05", person: "biz", delegate: "cs"},
		{name: "delegate on the last day", key: "biz", role: "cs_director", system: "A", date: "2027-03-10", person: "biz", delegate: "cs"},
		{name: "delegate after the dates", key: "biz", role: "cs_director", system: "A", date: "2027-03-11", code: roster.CodeDelegationExpired, person: "biz", delegate: "cs"},
		{name: "delegate before the dates", key: "biz", role: "cs_director", system: "A", date: "2027-02-28", code: roster.CodeDelegationNotStarted, person: "biz", delegate: "cs"},
		{name: "delegated operator of A", key: "sup-b", role: "release_operator", system: "A", date: "2027-03-15", person: "sup-b", delegate: "lead-a"},
		{name: "a delegation reaches only where its grantor does", key: "sup-b", role: "release_operator", system: "B", date: "2027-03-15", code: roster.CodeNoRole, person: "sup-b"},
		{name: "a delegation covers only its roles", key: "biz", role: "cio", system: "A", date: "2027-03-05", code: roster.CodeNoRole, person: "biz"},
		{name: "key inside its dates", key: "fin-head", role: "owning_subdept_director", system: "B", date: "2027-06-30", person: "fin-head"},
		{name: "key after its dates", key: "fin-head", role: "owning_subdept_director", system: "B", date: "2027-07-01", code: roster.CodeKeyExpired, person: "fin-head"},
		{name: "key before its dates", key: "fin-head", role: "owning_subdept_director", system: "B", date: "2027-01-15", code: roster.CodeKeyNotYetValid, person: "fin-head"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			version := v1
			if tc.version != "" {
				version = tc.version
			}
			id := g.add(t, tc.key, version, day(tc.date))
			d := roster.Dossier{Template: tpl, System: tc.system, OwningDepartment: tc.owning, Applicant: "pm", InPast: g.inPast}
			v := roster.Authorize(c, d, g.act(id, version), tc.role)
			if v.Code != tc.code || v.OK != (tc.code == "") {
				t.Fatalf("verdict = %+v, want code %q", v, tc.code)
			}
			if apperr.Code(v.Err()) != tc.code && tc.code != "" {
				t.Errorf("Err() = %v", v.Err())
			}
			if v.Person != tc.person || v.For != tc.delegate || v.Delegated != (tc.delegate != "") {
				t.Errorf("verdict person %q for %q (delegated %v), want %q for %q", v.Person, v.For, v.Delegated, tc.person, tc.delegate)
			}
			if v.Event != id || v.Role != tc.role || v.Kept {
				t.Errorf("verdict = %+v", v)
			}
		})
	}

	t.Run("no applicant yet", func(t *testing.T) {
		id := g.add(t, "dir-cards", v1, day("2027-03-05"))
		v := roster.Authorize(c, roster.Dossier{Template: tpl, System: "A"}, g.act(id, v1), "applicant_dept_head")
		if v.Code != roster.CodeUnresolved || v.Params["missing"] != "applicant" {
			t.Fatalf("verdict = %+v", v)
		}
	})
}

func TestRevocationKeepsOnlyTheNamedPast(t *testing.T) {
	v1 := baseRoster()
	first, evs := chainOf(t, signed{"pmo", v1})
	g := dag{}
	claim := evs[0].ID // every act below but e6 and e7 claims version 1
	e1 := g.add(t, "lead-a", claim, day("2027-03-01"))
	e2 := g.add(t, "lead-a", claim, day("2027-03-02"), e1)
	e3 := g.add(t, "cio", claim, day("2027-03-03"), e2)
	e4 := g.add(t, "lead-a", claim, day("2027-02-01"), e3)                  // after the theft, backdated
	e5 := g.add(t, "lead-a", claim, day("2027-03-02").Add(time.Minute), e1) // a branch the PMO never saw

	// The stolen key is revoked; e2 is the last event of it the PMO trusts.
	v2 := baseRoster()
	person(t, &v2, "lead-a").Keys = keysOf("lead-a-new")
	v2.Revocations = []roster.Revocation{{Key: pub("lead-a"), Heads: []string{e2}, Reason: "laptop stolen"}}
	revoked, evs := chainOf(t, signed{"pmo", v1}, signed{"pmo", v2})
	latest := evs[1].ID
	e6 := g.add(t, "lead-a", latest, day("2027-03-04"), e3)
	e7 := g.add(t, "lead-a-new", latest, day("2027-03-04"), e3)

	d := roster.Dossier{Template: template.MustDefault(), System: "A", InPast: g.inPast}
	cases := []struct {
		name    string
		chain   *roster.Chain
		event   string
		version string
		code    string
		kept    bool
	}{
		{"before the revocation, a backdated act counts", first, e4, claim, "", false},
		{"a head of the revocation", revoked, e2, claim, "", true},
		{"in the causal past of a head", revoked, e1, claim, "", true},
		{"after the heads, though it claims an earlier date", revoked, e4, claim, roster.CodeRevoked, false},
		{"on a branch the heads do not reach", revoked, e5, claim, roster.CodeRevoked, false},
		{"under the version that revoked it", revoked, e6, latest, roster.CodeRevoked, false},
		{"the new key", revoked, e7, latest, "", false},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			v := roster.Authorize(tc.chain, d, g.act(tc.event, tc.version), "release_operator")
			if v.Code != tc.code || v.OK != (tc.code == "") || v.Kept != tc.kept {
				t.Fatalf("verdict = %+v, want code %q kept %v", v, tc.code, tc.kept)
			}
		})
	}

	t.Run("without InPast only the heads themselves are kept", func(t *testing.T) {
		bare := d
		bare.InPast = nil
		if v := roster.Authorize(revoked, bare, g.act(e2, claim), "release_operator"); !v.OK {
			t.Errorf("head: %+v", v)
		}
		if v := roster.Authorize(revoked, bare, g.act(e1, claim), "release_operator"); v.Code != roster.CodeRevoked {
			t.Errorf("ancestor: %+v", v)
		}
	})
}

func TestEndedAuthority(t *testing.T) {
	tpl := template.MustDefault()
	v1 := baseRoster()
	v1.Delegations = []roster.Delegation{{ID: "leave-cs", For: "cs", To: "biz", Roles: []string{"cs_director"}, Start: "2027-03-01", End: "2027-03-10"}}
	g := dag{}
	claim := events(t, signed{"pmo", v1})[0].ID

	c1 := g.add(t, "cio", claim, day("2027-03-01"))
	c2 := g.add(t, "cio", claim, day("2027-02-01"), c1) // made after the change, backdated
	l1 := g.add(t, "lead-a", claim, day("2027-03-01"))
	l2 := g.add(t, "lead-a", claim, day("2027-03-03"), l1)
	d1 := g.add(t, "biz", claim, day("2027-03-02"))
	d2 := g.add(t, "biz", claim, day("2027-03-05"), d1) // inside the delegation's dates
	s1 := g.add(t, "cs", claim, day("2027-04-01"), d2)

	// Version 2: a new CIO, lead-b leads A, the delegation ends early.
	v2 := baseRoster()
	person(t, &v2, "cio").Roles = nil
	v2.People = append(v2.People, roster.Person{ID: "cio2", Name: "程新", Department: "company_leadership", Keys: keysOf("cio2"), Roles: []string{"cio"}})
	v2.Systems[0].DevLead = "lead-b"
	v2.Cutoffs = []roster.Cutoff{{Person: "cio", Heads: []string{c1}}, {Person: "lead-a", Heads: []string{l1}}, {Person: "biz", Heads: []string{d1}}}
	c, evs := chainOf(t, signed{"pmo", v1}, signed{"pmo", v2})
	latest := evs[1].ID
	c3 := g.add(t, "cio", latest, day("2027-03-01"))
	n1 := g.add(t, "lead-b", latest, day("2027-03-04"))

	// The same version 2 without cutoffs, as an older client might publish it.
	bare := v2
	bare.Cutoffs = nil
	uncut, _ := chainOf(t, signed{"pmo", v1}, signed{"pmo", bare})

	cases := []struct {
		name    string
		chain   *roster.Chain
		event   string
		version string
		role    string
		code    string
		kept    bool
	}{
		{"the cutoff keeps the CIO's head", c, c1, claim, "cio", "", true},
		{"a later act under the old version", c, c2, claim, "cio", roster.CodeRoleRemoved, false},
		{"an act under the new version", c, c3, latest, "cio", roster.CodeNoRole, false},
		{"no cutoff keeps nothing", uncut, c1, claim, "cio", roster.CodeRoleRemoved, false},
		{"the old dev lead's head", c, l1, claim, "release_operator", "", true},
		{"the old dev lead afterwards", c, l2, claim, "release_operator", roster.CodeRoleRemoved, false},
		{"the new dev lead", c, n1, latest, "release_operator", "", false},
		{"the delegate's head", c, d1, claim, "cs_director", "", true},
		{"the delegate afterwards, inside the dates", c, d2, claim, "cs_director", roster.CodeDelegationEnded, false},
		{"untouched authority goes on under the old version", c, s1, claim, "cs_director", "", false},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			d := roster.Dossier{Template: tpl, System: "A", InPast: g.inPast}
			v := roster.Authorize(tc.chain, d, g.act(tc.event, tc.version), tc.role)
			if v.Code != tc.code || v.OK != (tc.code == "") || v.Kept != tc.kept {
				t.Fatalf("verdict = %+v, want code %q kept %v", v, tc.code, tc.kept)
			}
			if tc.code == roster.CodeRoleRemoved && v.Params["ended_in"] != "2" {
				t.Errorf("ended_in = %q, want 2", v.Params["ended_in"])
			}
		})
	}
}
