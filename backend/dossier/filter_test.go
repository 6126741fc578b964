package dossier_test

import (
	"testing"
	"time"

	"golive/backend/dossier"
	"golive/backend/internal/testenv"
)

// TestFilterMonthOrYear: a filter's Month is a month ("2026-12") or a
// whole year ("2026") of the planned time as the summary reads it; a
// dossier with no planned time matches neither, and a value that is
// neither matches nothing (the bound API refuses it before).
func TestFilterMonthOrYear(t *testing.T) {
	shanghai, err := time.LoadLocation("Asia/Shanghai")
	if err != nil {
		t.Fatal(err)
	}
	// 2027-01-01 00:30 in Shanghai is still 2026 in UTC.
	newYear := dossier.Summary{ID: "A", PlannedAt: time.Date(2027, 1, 1, 0, 30, 0, 0, shanghai)}
	december := dossier.Summary{ID: "B", PlannedAt: time.Date(2026, 12, 10, 19, 0, 0, 0, shanghai)}
	unplanned := dossier.Summary{ID: "C"}
	for _, c := range []struct {
		month string
		s     dossier.Summary
		want  bool
	}{
		{"", unplanned, true},
		{"2027", newYear, true},
		{"2027-01", newYear, true},
		{"2026", newYear, false},
		{"2026-12", newYear, false},
		{"2026", december, true},
		{"2026-12", december, true},
		{"2027", december, false},
		{"2026-11", december, false},
		{"2026", unplanned, false},
		{"2026-12", unplanned, false},
		{"20x6", december, false},
		{"2026-13", december, false},
		{"26", december, false},
	} {
		if got := (dossier.Filter{Month: c.month}).Match(c.s); got != c.want {
			t.Errorf("Month %q on %s planned %v: %v, want %v", c.month, c.s.ID, c.s.PlannedAt, got, c.want)
		}
	}
	// The year joins the other fields: every one must pass.
	if (dossier.Filter{Month: "2026", Stage: dossier.StagePlanning}).Match(december) {
		t.Error("a year filter ignored the stage")
	}
}

// TestListByYear: List with a year gives the dossiers planned in that
// year in their own zone (a new system planned at 00:30 on New Year's
// Day in Shanghai belongs to the new year), the windowed release of
// December the old one.
func TestListByYear(t *testing.T) {
	env := testenv.Open(t, "", "张伟")
	env.AddSystem(t, "CRM")
	upgrade := newDossier(t, env).State.ID
	v, err := env.Dossiers.Create(newSystemAt("2027-01-01T00:30"))
	if err != nil {
		t.Fatal(err)
	}
	launch := v.State.ID
	for _, c := range []struct {
		f    dossier.Filter
		want []string
	}{
		{dossier.Filter{Month: "2026"}, []string{upgrade}},
		{dossier.Filter{Month: "2027"}, []string{launch}},
		{dossier.Filter{Month: "2027-01"}, []string{launch}},
		{dossier.Filter{Month: "2028"}, nil},
		{dossier.Filter{Month: "2027", Type: "upgrade"}, nil},
	} {
		got, err := env.Dossiers.List(c.f)
		if err != nil {
			t.Fatal(err)
		}
		ids := []string{}
		for _, s := range got {
			ids = append(ids, s.ID)
		}
		if len(ids) != len(c.want) || (len(ids) == 1 && ids[0] != c.want[0]) {
			t.Errorf("List(%+v) = %v, want %v", c.f, ids, c.want)
		}
	}
}
