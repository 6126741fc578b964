package roster_test

import (
	"testing"

	"golive/backend/apperr"
	"golive/backend/roster"
	"golive/backend/template"
)

// deedOf authorizes an act and returns its deed, failing unless it counts.
func deedOf(t *testing.T, c *roster.Chain, g dag, d roster.Dossier, by, version, role string) roster.Deed {
	t.Helper()
	id := g.add(t, by, version, day("2027-03-05"))
	v := roster.Authorize(c, d, g.act(id, version), role)
	if !v.OK {
		t.Fatalf("%s as %s: %+v", by, role, v)
	}
	return v.Deed()
}

func TestOperatorNeverSupervisesHimself(t *testing.T) {
	r := baseRoster()
	person(t, &r, "lead-a").Keys = keysOf("lead-a", "lead-a-laptop")
	r.Systems = append(r.Systems, roster.Assignment{System: "A2", Department: "retail", DevLead: "lead-a", Supervisor: "lead-a"})
	r.Delegations = []roster.Delegation{
		{ID: "op-cover", For: "lead-a", To: "sup-b", Roles: []string{"release_operator"}, Start: "2027-03-01", End: "2027-03-31"},
		{ID: "sup-cover", For: "mgr-dev", To: "lead-a", Roles: []string{"release_supervisor"}, Start: "2027-03-01", End: "2027-03-31"},
	}
	c, evs := chainOf(t, signed{"pmo", r})
	ver := evs[0].ID
	tpl := template.MustDefault()
	g := dag{}
	on := func(system string) roster.Dossier {
		return roster.Dossier{Template: tpl, System: system, InPast: g.inPast}
	}

	cases := []struct {
		name              string
		system            string
		operator, superv  string // key names
		code              string
		conflictingPerson string
	}{
		{"the head of the lead's unit supervises", "A", "lead-a", "mgr-dev", "", ""},
		{"one person with two keys", "A2", "lead-a", "lead-a-laptop", roster.CodeDutyConflict, "lead-a"},
		{"the operator supervising by delegation", "A", "lead-a", "lead-a-laptop", roster.CodeDutyConflict, "lead-a"},
		{"the delegate operates, the supervisor is someone else", "A", "sup-b", "mgr-dev", "", ""},
		{"the delegate operates for the man who supervises", "A", "sup-b", "lead-a", roster.CodeDutyConflict, "lead-a"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			op := deedOf(t, c, g, on(tc.system), tc.operator, ver, "release_operator")
			sup := deedOf(t, c, g, on(tc.system), tc.superv, ver, "release_supervisor")
			err := roster.CheckSeparation(tpl.Settings, []roster.Deed{op}, sup)
			if apperr.Code(err) != tc.code {
				t.Fatalf("CheckSeparation = %v, want %q", err, tc.code)
			}
			if tc.code != "" && err.(*apperr.Error).Params["person"] != tc.conflictingPerson {
				t.Errorf("conflict names %v", err)
			}
			// The rule holds in either order, and only for separated roles.
			if got := apperr.Code(roster.CheckSeparation(tpl.Settings, []roster.Deed{sup}, op)); got != tc.code {
				t.Errorf("reversed order: %q", got)
			}
			if err := roster.CheckSeparation(template.Settings{}, []roster.Deed{op}, sup); err != nil {
				t.Errorf("without a separate setting: %v", err)
			}
		})
	}

	t.Run("the same role twice is no conflict", func(t *testing.T) {
		a := deedOf(t, c, g, on("A"), "lead-a", ver, "release_operator")
		b := deedOf(t, c, g, on("A"), "lead-a-laptop", ver, "release_operator")
		if err := roster.CheckSeparation(tpl.Settings, []roster.Deed{a}, b); err != nil {
			t.Fatal(err)
		}
	})
}

func TestOwnSubmission(t *testing.T) {
	r := baseRoster()
	person(t, &r, "pm").Keys = keysOf("pm", "pm-phone")
	r.Heads[1].Person = "pm" // the applicant heads his own unit
	r.Delegations = []roster.Delegation{{ID: "away", For: "pm", To: "dir-cards", Roles: []string{"applicant_dept_head"}, Start: "2027-03-01", End: "2027-03-31"}}
	c, evs := chainOf(t, signed{"pmo", r})
	ver := evs[0].ID
	tpl := template.MustDefault()
	g := dag{}
	d := roster.Dossier{Template: tpl, System: "A", Applicant: "pm", InPast: g.inPast}
	submit := deedOf(t, c, g, d, "pm", ver, "project_manager")

	cases := []struct {
		name, by, role, code string
	}{
		{"the applicant approves himself with another key", "pm-phone", "applicant_dept_head", roster.CodeOwnSubmission},
		{"a delegate approves for the applicant", "dir-cards", "applicant_dept_head", roster.CodeOwnSubmission},
		{"someone else approves", "cio", "cio", ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			decide := deedOf(t, c, g, d, tc.by, ver, tc.role)
			if got := apperr.Code(roster.CheckOwnSubmission(submit, decide)); got != tc.code {
				t.Fatalf("CheckOwnSubmission = %q, want %q", got, tc.code)
			}
		})
	}
}

func TestOneCountersignRowPerPerson(t *testing.T) {
	r := baseRoster()
	r.People = append(r.People,
		roster.Person{ID: "dual", Name: "杜二", Department: "info_mgmt", Keys: keysOf("dual", "dual-2"), Roles: []string{"cs_director", "biz_apps_director"}},
		roster.Person{ID: "half", Name: "韩半", Department: "info_mgmt", Keys: keysOf("half"), Roles: []string{"cs_director"}},
	)
	r.Delegations = []roster.Delegation{{ID: "biz-leave", For: "biz", To: "half", Roles: []string{"biz_apps_director"}, Start: "2027-03-01", End: "2027-03-31"}}
	c, evs := chainOf(t, signed{"pmo", r})
	ver := evs[0].ID
	tpl := template.MustDefault()
	allow := tpl.Settings
	allow.AllowDoublePost = true
	g := dag{}
	d := roster.Dossier{Template: tpl, System: "A", InPast: g.inPast}

	cases := []struct {
		name     string
		settings template.Settings
		csBy     string
		bizBy    string
		code     string
	}{
		{"two people", tpl.Settings, "cs", "biz", ""},
		{"one person holding both, default template", tpl.Settings, "dual", "dual-2", roster.CodeDoublePost},
		{"one person holding both, template allows it", allow, "dual", "dual-2", ""},
		{"the second post only by delegation, template allows double posts", allow, "half", "half", roster.CodeDoublePost},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			cs := deedOf(t, c, g, d, tc.csBy, ver, "cs_director")
			biz := deedOf(t, c, g, d, tc.bizBy, ver, "biz_apps_director")
			if got := apperr.Code(roster.CheckCountersign(tc.settings, []roster.Deed{cs}, biz)); got != tc.code {
				t.Fatalf("CheckCountersign = %q, want %q", got, tc.code)
			}
		})
	}

	t.Run("a second post the roster does not give is refused before any duty check", func(t *testing.T) {
		id := g.add(t, "half", ver, day("2027-04-02")) // after the delegation
		v := roster.Authorize(c, d, g.act(id, ver), "biz_apps_director")
		if v.Code != roster.CodeDelegationExpired {
			t.Fatalf("verdict = %+v", v)
		}
		id = g.add(t, "cs", ver, day("2027-03-05"))
		if v := roster.Authorize(c, d, g.act(id, ver), "biz_apps_director"); v.Code != roster.CodeNoRole {
			t.Fatalf("verdict = %+v", v)
		}
	})
}
