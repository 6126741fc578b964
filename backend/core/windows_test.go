package core_test

import (
	"errors"
	"slices"
	"testing"
	"time"

	"golive/backend/apperr"
	"golive/backend/core"
	"golive/backend/ledger"
	"golive/backend/roster"
	"golive/backend/window"
)

// planByKeyOf signs, as the unlocked profile of c, version 1 of year's
// generated plan and stores it as if published (what a copy that let the
// PMO publish would hold), then reloads the plans.
func planByKeyOf(t *testing.T, c *core.Core, year int, at time.Time) ledger.Event {
	t.Helper()
	_, key, err := c.Profiles.Signer()
	if err != nil {
		t.Fatal(err)
	}
	p, err := c.Windows.Generate(year)
	if err != nil {
		t.Fatal(err)
	}
	p.Version, p.Note = 1, "年度计划"
	e, err := ledger.New(window.Stream(year), nil, window.KindPublished, p, at, key)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := c.Store.Commit([]ledger.Event{e}); err != nil {
		t.Fatal(err)
	}
	c.Windows.Reload()
	return e
}

// TestWindowPlansAreTheWindowManagers: once the folder has a roster, the
// release-window plan is the window manager's (the roster gives the
// sample 发布窗口管理岗 the role): the PMO, who edits the template, may
// not move windows or publish, and a plan version signed with the PMO's
// key does not count — the plan in force stays the generated one — while
// the window manager's version counts. It keeps counting after a later
// roster version takes the role from him (he held it when he signed),
// but he can no longer publish.
func TestWindowPlansAreTheWindowManagers(t *testing.T) {
	c, _ := sampleAt(t, "upgrade", "countersign")
	publishSampleRoster(t, c) // leaves the PMO unlocked
	pmo := profileWithRole(t, c, "pmo")
	manager := profileWithRole(t, c, "window_manager")

	_, err := c.Windows.Move(2027, "2027-03-11-java", "2027-03-10", "", "", "审计")
	var ae *apperr.Error
	if !errors.As(err, &ae) || ae.Code != "window.not_permitted" || ae.Params["role"] != "window_manager" {
		t.Fatalf("the PMO moves a window: %v, want window.not_permitted naming window_manager", err)
	}
	if _, err := c.Windows.Publish(2027, "年度计划"); apperr.Code(err) != "window.not_permitted" {
		t.Fatalf("the PMO publishes: %v", err)
	}

	byPMO := planByKeyOf(t, c, 2027, c.Now().Add(time.Minute))
	if p, ok, err := c.Windows.Published(2027); err != nil || ok {
		t.Fatalf("a plan signed by the PMO's key counts: version %d (%s), %v", p.Version, p.Event, err)
	}
	if p, err := c.Windows.InForce(2027); err != nil || p.Version != 0 {
		t.Fatalf("plan in force: version %d, %v; want the generated plan", p.Version, err)
	}

	unlock(t, c, manager)
	if _, err := c.Windows.Move(2027, "2027-03-11-java", "2027-03-10", "", "", "审计"); err != nil {
		t.Fatal(err)
	}
	mine, err := c.Windows.Publish(2027, "年度计划")
	if err != nil || mine.Version != 1 {
		t.Fatalf("the window manager publishes: version %d, %v", mine.Version, err)
	}
	got, ok, err := c.Windows.Published(2027)
	if err != nil || !ok || got.Event != mine.Event || got.Event == byPMO.ID {
		t.Fatalf("plan in force %s (%v, %v), want the window manager's %s", got.Event, ok, err, mine.Event)
	}

	// A later roster takes the role away: what he signed still counts,
	// what he would sign now does not.
	later := c.Now().Add(24 * time.Hour)
	c.Clock = func() time.Time { return later }
	publishNext(t, c, pmo, func(r *roster.Roster, personOf func(string) string) {
		for i := range r.People {
			if id := personOf(manager); r.People[i].ID == id {
				r.People[i].Roles = slices.DeleteFunc(r.People[i].Roles, func(x string) bool { return x == "window_manager" })
				r.Cutoffs = append(r.Cutoffs, roster.Cutoff{Person: id, Heads: []string{}})
			}
		}
	})
	if got, ok, err := c.Windows.Published(2027); err != nil || !ok || got.Event != mine.Event {
		t.Fatalf("after the roster changed: %s, %v, %v; want his version 1 still", got.Event, ok, err)
	}
	unlock(t, c, manager)
	if _, err := c.Windows.Cancel(2027, "2027-04-08-web", "机房搬迁"); apperr.Code(err) != "window.not_permitted" {
		t.Fatalf("after losing the role: %v", err)
	}
}

// TestOlderTemplateLeavesWindowsToThePMO: under the built-in 2.4 of
// earlier builds, which has no settings.window_manager_role, the old rule
// holds: the PMO (its editor role) publishes, and his plan counts.
func TestOlderTemplateLeavesWindowsToThePMO(t *testing.T) {
	c, _ := sampleAt(t, "upgrade", "countersign")
	publishSampleRoster(t, c)
	if err := c.Templates.SetCurrent("golive.release@2.4"); err != nil {
		t.Fatal(err)
	}
	old := c.Template()
	if old.Settings.WindowManagerRole != "" {
		t.Fatalf("the earlier built-in names a window manager role %q", old.Settings.WindowManagerRole)
	}
	p, err := c.Windows.Publish(2027, "年度计划")
	if err != nil {
		t.Fatalf("the PMO under the older template: %v", err)
	}
	got, ok, err := c.Windows.Published(2027)
	if err != nil || !ok || got.Event != p.Event || got.Template != old.Key() {
		t.Fatalf("plan in force %s of %s (%v, %v), want the PMO's %s", got.Event, got.Template, ok, err, p.Event)
	}
}

// publishNext publishes, as the PMO profile pmo, the roster in force
// changed by edit (given a function from profile id to person id).
func publishNext(t *testing.T, c *core.Core, pmo string, edit func(r *roster.Roster, personOf func(string) string)) {
	t.Helper()
	unlock(t, c, pmo)
	tip, ok, err := c.Roster.InForce()
	if err != nil || !ok {
		t.Fatalf("roster in force: %v, %v", ok, err)
	}
	draft := tip.Roster
	draft.People = slices.Clone(draft.People)
	for i := range draft.People {
		draft.People[i].Roles = slices.Clone(draft.People[i].Roles)
	}
	draft.Version++
	draft.Adopted = nil
	personOf := func(profileID string) string {
		list, err := c.Profiles.List()
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range list {
			if p.ID != profileID {
				continue
			}
			if person, ok := tip.KeyOwner(p.PublicKey); ok {
				return person.ID
			}
		}
		t.Fatalf("profile %s is not in the roster", profileID)
		return ""
	}
	edit(&draft, personOf)
	if _, err := c.PublishRoster(draft); err != nil {
		t.Fatalf("publish roster: %v", err)
	}
}
