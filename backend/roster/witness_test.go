package roster_test

import (
	"slices"
	"testing"

	"golive/backend/roster"
	"golive/backend/template"
)

// TestAuthorizeWitnessed: a witnessed act counts for the approver it
// names, by his standing (himself or by delegation within its dates),
// while the key must be the listed device owner's; a later version that
// ends the approver's post refuses it unless his cutoff keeps it.
func TestAuthorizeWitnessed(t *testing.T) {
	r := baseRoster()
	r.Delegations = []roster.Delegation{{ID: "leave-cs", For: "cs", To: "biz", Roles: []string{"cs_director"}, Start: "2027-03-01", End: "2027-03-10"}}
	c, evs := chainOf(t, signed{"pmo", r})
	v1 := evs[0].ID
	tpl := template.MustDefault()
	g := dag{}
	d := roster.Dossier{Template: tpl, System: "A", InPast: g.inPast}
	cases := []struct {
		name, device, approver, date, code, person, forP, witness string
	}{
		{name: "the director signs on the PM's screen", device: "pm", approver: "cs", date: "2027-03-05", person: "cs", witness: "pm"},
		{name: "a delegate within his dates", device: "pm", approver: "biz", date: "2027-03-05", person: "biz", forP: "cs", witness: "pm"},
		{name: "a delegate after his dates", device: "pm", approver: "biz", date: "2027-03-20", code: roster.CodeDelegationExpired},
		{name: "an approver without the role", device: "pm", approver: "cio", date: "2027-03-05", code: roster.CodeNoRole},
		{name: "an approver the roster does not list", device: "pm", approver: "ghost", date: "2027-03-05", code: roster.CodeUnknownPerson},
		{name: "no approver", device: "pm", approver: "", date: "2027-03-05", code: roster.CodeUnknownPerson},
		{name: "a device key the roster does not list", device: "stranger", approver: "cs", date: "2027-03-05", code: roster.CodeUnknownKey},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			id := g.add(t, tc.device, v1, day(tc.date))
			v := roster.AuthorizeWitnessed(c, d, g.act(id, v1), tc.approver, "cs_director")
			if tc.code != "" {
				assertCode(t, v.Err(), tc.code)
				return
			}
			if !v.OK || v.Person != tc.person || v.For != tc.forP || v.Witness != tc.witness || v.Deed().Person != tc.person {
				t.Fatalf("verdict %+v, want person %s for %q witnessed by %s", v, tc.person, tc.forP, tc.witness)
			}
		})
	}

	// Version 2 takes the post from cs: his witnessed act counts only when
	// his cutoff keeps it.
	r2 := baseRoster()
	person(t, &r2, "cs").Roles = nil
	kept := g.add(t, "pm", v1, day("2027-03-02"))
	lost := g.add(t, "pm", v1, day("2027-03-03"))
	r2.Cutoffs = []roster.Cutoff{{Person: "cs", Heads: []string{kept}}}
	c2, _ := chainOf(t, signed{"pmo", r}, signed{"pmo", r2})
	if v := roster.AuthorizeWitnessed(c2, d, g.act(kept, v1), "cs", "cs_director"); !v.OK || !v.Kept {
		t.Fatalf("kept act: %+v", v)
	}
	assertCode(t, roster.AuthorizeWitnessed(c2, d, g.act(lost, v1), "cs", "cs_director").Err(), roster.CodeRoleRemoved)
}

// TestHolders: who may decide in a role on a date, the delegate only
// within his dates and with the person he acts for.
func TestHolders(t *testing.T) {
	r := baseRoster()
	r.Delegations = []roster.Delegation{{ID: "leave-cs", For: "cs", To: "biz", Roles: []string{"cs_director"}, Start: "2027-03-01", End: "2027-03-10"}}
	c, evs := chainOf(t, signed{"pmo", r})
	d := roster.Dossier{Template: template.MustDefault(), System: "A"}
	ids := func(hs []roster.Holder) []string {
		var out []string
		for _, h := range hs {
			out = append(out, h.Person+"/"+h.For)
		}
		return out
	}
	in := c.Holders(evs[0].ID, d, "cs_director", "2027-03-05")
	if got := ids(in); !slices.Equal(got, []string{"cs/", "biz/cs"}) {
		t.Fatalf("holders within the delegation: %v", got)
	}
	if in[0].Key != pub("cs") || in[1].ForName == "" {
		t.Fatalf("holders %+v: want cs's key and the name biz acts for", in)
	}
	if got := ids(c.Holders(evs[0].ID, d, "cs_director", "2027-04-01")); !slices.Equal(got, []string{"cs/"}) {
		t.Fatalf("holders after the delegation: %v", got)
	}
	if got := c.Holders(evs[0].ID, d, "astronaut", "2027-03-05"); len(got) != 0 {
		t.Fatalf("holders of an unknown role: %v", got)
	}
}
