package window_test

import (
	"testing"

	"golive/backend/system"
	"golive/backend/window"
)

func TestConflicts(t *testing.T) {
	p := generate(2027, settings(nil))
	// Give the java window of 2027-03-11 a capacity of 2.
	for i := range p.Windows {
		if p.Windows[i].ID == "2027-03-11-java" {
			p.Windows[i].Capacity = 2
		}
	}
	systems := []system.System{
		{Code: "CRM", Class: "java", Calls: []string{"PAY"}},
		{Code: "PAY", Class: "web"},
		{Code: "ERP", Class: "java"},
		{Code: "HR", Class: "java"},
		{Code: "BI", Class: "dotnet", Calls: []string{"ERP"}},
	}
	a := func(d, sys, w string) window.Assignment {
		return window.Assignment{Dossier: d, System: sys, Window: w, State: "approval"}
	}
	cases := []struct {
		name string
		as   []window.Assignment
		want []window.Warning
	}{
		{"no conflict", []window.Assignment{a("D1", "CRM", "2027-03-11-java"), a("D2", "ERP", "2027-03-25-java")}, nil},
		{"same system twice", []window.Assignment{a("D1", "ERP", "2027-03-11-java"), a("D2", "ERP", "2027-03-11-java")},
			[]window.Warning{{Code: window.WarnSameSystem, Params: map[string]string{"system": "ERP", "window": "2027-03-11-java", "dossiers": "D1, D2"}}}},
		// CRM (java) calls PAY (web): different windows, same evening.
		{"caller and callee the same evening", []window.Assignment{a("D1", "CRM", "2027-03-11-java"), a("D2", "PAY", "2027-03-11-web")},
			[]window.Warning{{Code: window.WarnCallingSystems, Params: map[string]string{"caller": "CRM", "callee": "PAY", "window": "2027-03-11-java", "other_window": "2027-03-11-web", "dossiers": "D1, D2"}}}},
		{"callee listed first still found", []window.Assignment{a("D0", "ERP", "2027-03-11-java"), a("D9", "BI", "2027-03-11-dotnet")},
			[]window.Warning{{Code: window.WarnCallingSystems, Params: map[string]string{"caller": "BI", "callee": "ERP", "window": "2027-03-11-dotnet", "other_window": "2027-03-11-java", "dossiers": "D9, D0"}}}},
		{"calling systems on different evenings", []window.Assignment{a("D1", "CRM", "2027-03-11-java"), a("D2", "PAY", "2027-03-25-web")}, nil},
		{"over capacity", []window.Assignment{a("D1", "CRM", "2027-03-11-java"), a("D2", "ERP", "2027-03-11-java"), a("D3", "HR", "2027-03-11-java")},
			[]window.Warning{{Code: window.WarnOverCapacity, Params: map[string]string{"window": "2027-03-11-java", "capacity": "2", "count": "3", "dossiers": "D1, D2, D3"}}}},
		{"unlimited capacity", []window.Assignment{a("D1", "CRM", "2027-03-25-java"), a("D2", "ERP", "2027-03-25-java"), a("D3", "HR", "2027-03-25-java")}, nil},
		{"cancelled window", []window.Assignment{a("D1", "CRM", "2027-02-11-java")},
			[]window.Warning{{Code: window.WarnWindowNotOpen, Params: map[string]string{"window": "2027-02-11-java", "state": "cancelled", "dossier": "D1"}}}},
		{"unknown window", []window.Assignment{a("D1", "CRM", "2027-02-12-java")},
			[]window.Warning{{Code: window.WarnUnknownWindow, Params: map[string]string{"window": "2027-02-12-java", "dossier": "D1"}}}},
		{"released dossiers hold no place", []window.Assignment{a("D1", "ERP", "2027-03-11-java"), {Dossier: "D2", System: "ERP", Window: "2027-03-11-java", State: "archived"}}, nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := window.Conflicts(p.Windows, c.as, systems)
			if len(got) != len(c.want) {
				t.Fatalf("warnings %+v, want %+v", got, c.want)
			}
			for i := range got {
				if got[i].Code != c.want[i].Code || len(got[i].Params) != len(c.want[i].Params) {
					t.Fatalf("warning %+v, want %+v", got[i], c.want[i])
				}
				for k, v := range c.want[i].Params {
					if got[i].Params[k] != v {
						t.Errorf("%s = %q, want %q", k, got[i].Params[k], v)
					}
				}
				if got[i].Text() == got[i].Code {
					t.Errorf("no text for %s", got[i].Code)
				}
			}
		})
	}
	t.Run("service reads the plans in force", func(t *testing.T) {
		e := newEnv(t, nil)
		ws, err := e.svc.Conflicts([]window.Assignment{a("D1", "ERP", "2027-03-11-java"), a("D2", "ERP", "2027-03-11-java")}, systems)
		if err != nil || len(ws) != 1 || ws[0].Code != window.WarnSameSystem {
			t.Fatalf("%+v, %v", ws, err)
		}
	})
}
