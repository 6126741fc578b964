package dossier_test

import (
	"math/rand/v2"
	"slices"
	"testing"
	"time"

	"golive/backend/core"
	"golive/backend/demo"
	"golive/backend/dossier"
	"golive/backend/workflow"
)

// sampleDriver is the sample portfolio, with its roster, in a new folder,
// and a driver acting as the sample profiles on a clock it moves.
func sampleDriver(t *testing.T) (*core.Core, *demo.Driver) {
	t.Helper()
	c, _ := sampleFolder(t, false)
	tpl := c.Template()
	d := &demo.Driver{Dossiers: c.Dossiers, Profiles: c.Profiles, Template: tpl, Actors: map[string]demo.Actor{},
		Clock: time.Date(2026, 12, 1, 10, 5, 0, 0, c.Zone), Rng: rand.New(rand.NewPCG(1, 2))}
	list, err := c.Profiles.List()
	must(t, err)
	for _, role := range tpl.Roles {
		for _, p := range list {
			if slices.Contains(p.Roles, role.ID) {
				d.Actors[role.ID] = demo.Actor{Summary: p, Key: demo.SampleActor(tpl, role, p.Name, p.CreatedAt).Key}
			}
		}
	}
	c.Clock = d.Now
	return c, d
}

// roleInboxHas reports whether the inbox of the actor holding role lists a
// task of kind on dossier id.
func roleInboxHas(t *testing.T, c *core.Core, d *demo.Driver, role, kind, id string) bool {
	t.Helper()
	must(t, d.As(role))
	items, err := c.Dossiers.Inbox()
	must(t, err)
	for _, it := range items {
		if it.Dossier == id && it.Kind == kind {
			if it.Since.IsZero() {
				t.Errorf("%s's %s task on %s has no waiting-since time", role, kind, id)
			}
			return true
		}
	}
	return false
}

// waitsFor lists the roster persons WaitsFor names for the task of kind.
func waitsFor(t *testing.T, c *core.Core, id, kind string) []string {
	t.Helper()
	ws, err := c.Dossiers.WaitsFor(id)
	must(t, err)
	var out []string
	for _, w := range ws {
		if w.Task.Kind == kind {
			out = append(out, w.Person)
		}
	}
	return out
}

// TestSubmitWaitsForTheStartRole: in the sample folder, whose roster makes
// one person the system owner of every system, an upgrade dossier the
// project manager created waits in the system owner's 待我审批 to be
// submitted — before the first submission and again after a director
// returned it — and not in the project manager's, who may not submit an
// upgrade; the send dialog's WaitsFor names the same person, and her
// submission counts. A new system's draft waits for the project manager
// who made it, or, made by someone who may not submit it, for the project
// managers.
func TestSubmitWaitsForTheStartRole(t *testing.T) {
	c, d := sampleDriver(t)
	must(t, d.As("project_manager"))
	v, err := c.Dossiers.Create(upgradeRequest("CRM"))
	must(t, err)
	id := v.State.ID
	if got := v.State.Plan.Start().Role; got != "system_owner" {
		t.Fatalf("the upgrade flow starts with %s", got)
	}
	if !roleInboxHas(t, c, d, "system_owner", "submit", id) {
		t.Fatal("the system owner's inbox misses the upgrade draft she must submit")
	}
	if roleInboxHas(t, c, d, "project_manager", "submit", id) {
		t.Fatal("the project manager, who may not submit an upgrade, is asked to")
	}
	if got := waitsFor(t, c, id, "submit"); !slices.Equal(got, []string{"P-system_owner"}) {
		t.Fatalf("WaitsFor names %v for the submission, want the system owner", got)
	}

	must(t, d.Prepare(id, false))
	must(t, d.Submit(id))
	st := mustGet(t, c, id)
	if st.Flow.Phase != workflow.PhaseApproval || st.Flow.Submission == nil || st.Flow.Submission.By != d.Actors["system_owner"].Summary.PublicKey {
		t.Fatalf("the system owner's submission did not count: phase %s", st.Flow.Phase)
	}
	if roleInboxHas(t, c, d, "system_owner", "submit", id) {
		t.Fatal("a submitted dossier still asks to be submitted")
	}
	row := st.Plan.Steps[1].Rows[0]
	must(t, d.Decide(id, st.Plan.Steps[1].ID, row.ID, workflow.DecisionReturn, "", "请补充接口测试报告"))
	if st := mustGet(t, c, id); st.Flow.Phase != workflow.PhaseDraft {
		t.Fatalf("after the return the dossier is in %s", st.Flow.Phase)
	}
	if !roleInboxHas(t, c, d, "system_owner", "submit", id) {
		t.Fatal("after 退回 the system owner's inbox misses the dossier to resubmit")
	}
	if roleInboxHas(t, c, d, "project_manager", "submit", id) {
		t.Fatal("after 退回 the project manager is asked to submit an upgrade")
	}
	if got := waitsFor(t, c, id, "submit"); !slices.Equal(got, []string{"P-system_owner"}) {
		t.Fatalf("after 退回 WaitsFor names %v, want the system owner", got)
	}

	// A new system: the project manager's own draft waits for him.
	ns := upgradeRequest("CRM")
	ns.Type, ns.Subtype, ns.Window = ptr("new_system"), ptr(""), nil
	must(t, d.As("project_manager"))
	v, err = c.Dossiers.Create(ns)
	must(t, err)
	if !roleInboxHas(t, c, d, "project_manager", "submit", v.State.ID) || roleInboxHas(t, c, d, "system_owner", "submit", v.State.ID) {
		t.Fatal("a new system's draft should wait for the project manager who made it, and only him")
	}
	// Made by the PMO, who may not submit it: it waits for the project
	// managers rather than for nobody.
	must(t, d.As("pmo"))
	v, err = c.Dossiers.Create(ns)
	must(t, err)
	if !roleInboxHas(t, c, d, "project_manager", "submit", v.State.ID) {
		t.Fatal("a new system's draft made by the PMO waits for no project manager")
	}
	if roleInboxHas(t, c, d, "pmo", "submit", v.State.ID) {
		t.Fatal("the PMO, who may not submit, is asked to")
	}
	if got := waitsFor(t, c, v.State.ID, "submit"); !slices.Equal(got, []string{"P-project_manager"}) {
		t.Fatalf("WaitsFor names %v for the PMO's draft, want the project manager", got)
	}
}

// TestSubmitWaitsForTheSystemOwnerWithoutRoster: in a folder without a
// roster, where roles are taken as profiles claim them, an upgrade draft
// the project manager made waits for the profile claiming the system
// owner's role.
func TestSubmitWaitsForTheSystemOwnerWithoutRoster(t *testing.T) {
	f := newFlowEnv(t)
	must(t, f.d.As("project_manager"))
	v, err := f.Dossiers.Create(upgradeRequest("CRM"))
	must(t, err)
	has := func(role string) bool {
		must(t, f.d.As(role))
		items, err := f.Dossiers.Inbox()
		must(t, err)
		for _, it := range items {
			if it.Dossier == v.State.ID && it.Kind == "submit" {
				return !it.Since.IsZero()
			}
		}
		return false
	}
	if !has("system_owner") {
		t.Fatal("without a roster the system owner's inbox misses the upgrade draft (or shows no waiting-since)")
	}
	if has("project_manager") {
		t.Fatal("without a roster the project manager is asked to submit an upgrade")
	}
}

func mustGet(t *testing.T, c *core.Core, id string) dossier.State {
	t.Helper()
	v, err := c.Dossiers.Get(id)
	must(t, err)
	return v.State
}
