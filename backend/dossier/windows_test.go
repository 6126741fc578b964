package dossier_test

import (
	"testing"
	"time"

	"golive/backend/dossier"
	"golive/backend/ledger"
	"golive/backend/system"
	"golive/backend/window"
)

// TestUnreadablePlanIsAnError: a dossier's window plan that cannot be read
// is reported with the window package's code, not shown as a dossier
// whose window vanished (window.unknown_window is for a window the plan no
// longer has).
func TestUnreadablePlanIsAnError(t *testing.T) {
	f := newFlowEnv(t)
	id := f.create(t, "upgrade", "cr", "planned")
	bogus, err := ledger.New(window.Stream(2026), nil, "bogus.kind", map[string]string{}, f.d.Clock, f.d.Actors["pmo"].Key)
	must(t, err)
	if _, err := f.Store.Commit([]ledger.Event{bogus}); err != nil {
		t.Fatal(err)
	}
	// A fresh window service reads the plans from the store again.
	f.Dossiers.Windows = window.NewService(f.Store, f.Holidays, f.Template, f.Profiles.Signer, f.Zone)
	_, err = f.Dossiers.Get(id)
	code(t, err, "window.plan_corrupt")
	_, err = f.Dossiers.List(dossier.Filter{})
	code(t, err, "window.plan_corrupt")

}

// TestWindowNotInThePlanIsAWarning: an edit from another copy names a
// window the plan in force does not have; the dossier still opens, with
// the warning window.unknown_window.
func TestWindowNotInThePlanIsAWarning(t *testing.T) {
	f := newFlowEnv(t)
	id := f.create(t, "upgrade", "cr", "planned")
	st := f.state(t, id)
	e, err := ledger.New(id, st.Heads, dossier.KindUpdated, dossier.Fields{Window: ptr("2026-12-31-java")}, st.UpdatedAt.Add(time.Minute), f.d.Actors["system_owner"].Key)
	must(t, err)
	must(t, f.Dossiers.Import([]ledger.Event{e}))
	v, err := f.Dossiers.Get(id)
	must(t, err)
	found := false
	for _, w := range v.Warnings {
		found = found || w.Code == "window.unknown_window"
	}
	if v.State.Window != "2026-12-31-java" || !found {
		t.Fatalf("window %q, warnings %+v; want window.unknown_window", v.State.Window, v.Warnings)
	}
}

// TestCallingSystemsOnOneEvening: systems of which one calls the other,
// released the same evening in the windows of two classes, are warned of
// on both dossiers (window.calling_systems), as on one in the same window.
func TestCallingSystemsOnOneEvening(t *testing.T) {
	f := newFlowEnv(t)
	_, err := f.Systems.Save(system.System{Code: "PORTAL", Name: "客户门户", Department: "业务应用部", Owner: "李娜", Class: "web", WebFacing: true, Calls: []string{"CRM"}}, true)
	must(t, err)
	crm := f.create(t, "upgrade", "cr", "planned")
	r := upgradeRequest("PORTAL")
	r.Title, r.Window = ptr("门户十二月发布"), ptr("2026-12-10-web")
	v, err := f.Dossiers.Create(r)
	must(t, err)
	portal := v.State.ID
	for _, id := range []string{crm, portal} {
		v, err := f.Dossiers.Get(id)
		must(t, err)
		found := false
		for _, w := range v.Warnings {
			if w.Code == window.WarnCallingSystems && w.Params["caller"] == "PORTAL" && w.Params["callee"] == "CRM" {
				found = true
			}
		}
		if !found {
			t.Fatalf("%s (window %s): warnings %+v, want window.calling_systems PORTAL > CRM", id, v.State.Window, v.Warnings)
		}
	}
}

// TestSameSystemFollowsAMovedDossier: a dossier moved into another
// dossier's window, and out again, is warned of on that dossier
// (window.same_system) exactly while it shares the window — each time
// read after the move, with the windows of the list already counted
// before it.
func TestSameSystemFollowsAMovedDossier(t *testing.T) {
	f := newFlowEnv(t)
	first := f.create(t, "upgrade", "cr", "planned") // CRM, 2026-12-10-java
	r := upgradeRequest("CRM")
	r.Title, r.Window, r.PlannedAt = ptr("CRM 十二月第二次发布"), ptr("2026-12-24-java"), ptr("2026-12-24T19:00")
	v, err := f.Dossiers.Create(r)
	must(t, err)
	second := v.State.ID
	sameSystem := func(when string, want bool) {
		t.Helper()
		v, err := f.Dossiers.Get(first)
		must(t, err)
		found := false
		for _, w := range v.Warnings {
			found = found || (w.Code == window.WarnSameSystem && w.Params["window"] == "2026-12-10-java")
		}
		if found != want {
			t.Fatalf("%s: %s warnings %+v, want window.same_system %v", when, first, v.Warnings, want)
		}
	}
	sameSystem("in two windows", false)
	must(t, f.d.As("system_owner"))
	_, err = f.Dossiers.Update(second, dossier.Fields{Window: ptr("2026-12-10-java"), PlannedAt: ptr("2026-12-10T19:00")})
	must(t, err)
	sameSystem("moved into the first's window", true)
	_, err = f.Dossiers.Update(second, dossier.Fields{Version: ptr("3.2.1")})
	must(t, err)
	sameSystem("changed in the same window", true)
	_, err = f.Dossiers.Update(second, dossier.Fields{Window: ptr("2026-12-24-java"), PlannedAt: ptr("2026-12-24T19:00")})
	must(t, err)
	sameSystem("moved out again", false)
}
