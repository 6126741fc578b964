package demo_test

import (
	"testing"
	"time"

	"golive/backend/apperr"
	"golive/backend/core"
	"golive/backend/demo"
	"golive/backend/dossier"
	"golive/backend/roster"
)

func TestSamplePortfolio(t *testing.T) {
	c, err := core.Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	sum, err := c.LoadSample()
	if err != nil {
		t.Fatal(err)
	}
	if sum.Systems < 12 || sum.Dossiers < 40 {
		t.Fatalf("sample has %d systems and %d dossiers, want at least 12 and 40", sum.Systems, sum.Dossiers)
	}
	list, err := c.Dossiers.List(dossier.Filter{})
	if err != nil || len(list) != sum.Dossiers {
		t.Fatalf("listed %d dossiers (%v), built %d", len(list), err, sum.Dossiers)
	}
	types, modes, months, stages := map[string]int{}, map[string]int{}, map[string]int{}, map[string]int{}
	for _, s := range list {
		types[s.Type+"/"+s.Subtype]++
		modes[s.Mode]++
		months[s.PlannedAt.Format("2006-01")]++
		stages[s.Stage]++
		if s.PlannedAt.Location().String() != "Asia/Shanghai" {
			t.Fatalf("%s planned in zone %s", s.ID, s.PlannedAt.Location())
		}
	}
	if len(types) != 3 || len(modes) != 2 || len(months) < 8 || len(stages) != len(dossier.StageOrder) {
		t.Fatalf("spread: types %v modes %v months %d stages %v", types, modes, len(months), stages)
	}
	// Every sample dossier folds from verified events, authored by sample
	// profiles, none of them dated in the future.
	// The one exception is the decision signed with the key the roster
	// revoked: kept in its history as 未授权 (roster.revoked).
	ids, _ := c.Profiles.Identities()
	now := time.Now()
	var unauthorised []string
	for _, s := range list {
		v, err := c.Dossiers.Get(s.ID)
		if err != nil {
			t.Fatal(err)
		}
		for _, h := range v.History {
			if h.Ignored {
				unauthorised = append(unauthorised, h.IgnoredCode)
				continue
			}
			if ids[h.Author].Name == "" {
				t.Fatalf("%s: event %s by unknown author", s.ID, h.Event)
			}
			if h.At.After(now) {
				t.Fatalf("%s: event %s %s is dated after now", s.ID, h.Kind, h.At)
			}
		}
	}
	if len(unauthorised) != 1 || unauthorised[0] != roster.CodeRevoked {
		t.Fatalf("events shown 未授权: %v, want the one signed with the revoked key (%s)", unauthorised, roster.CodeRevoked)
	}
	// The roster: two versions by the sample PMO, the second revoking the
	// lost laptop's key; one delegation.
	chain, err := c.Roster.Chain()
	if err != nil || chain.Len() != 2 {
		t.Fatalf("sample roster: %d versions (%v), want 2", chain.Len(), err)
	}
	tip, _ := chain.Tip()
	if len(tip.Revocations) != 1 || len(tip.Delegations) != 1 {
		t.Fatalf("sample roster v2: %d revocations, %d delegations, want 1 and 1", len(tip.Revocations), len(tip.Delegations))
	}
	// One director signed by hand on the project manager's laptop, and one
	// CIO step was decided by his delegate.
	witnessed, onBehalf := 0, 0
	for _, s := range list {
		v, _ := c.Dossiers.Get(s.ID)
		for _, sl := range v.State.Flow.Slots {
			if d := sl.Decision; d != nil && d.Witness != nil && d.Witness.Kind == "handwritten" && d.PersonName != "" {
				witnessed++
			}
			if d := sl.Decision; d != nil && d.For != "" && d.ForName != "" {
				onBehalf++
			}
		}
	}
	if witnessed != 1 || onBehalf != 1 {
		t.Fatalf("%d witnessed and %d delegated decisions in the sample, want 1 and 1", witnessed, onBehalf)
	}
	// Every phase of the workflow, and the special cases, are represented.
	phases, kinds := map[string]int{}, map[string]int{}
	stale, delegated, override := 0, 0, 0
	for _, s := range list {
		v, _ := c.Dossiers.Get(s.ID)
		phases[v.State.Type+"/"+v.State.Flow.Phase]++
		for _, h := range v.History {
			kinds[h.Kind]++
		}
		for _, sl := range v.State.Flow.Slots {
			if sl.Stale != nil {
				stale++
			}
			if sl.Delegate != "" {
				delegated++
			}
		}
		if v.State.Override {
			override++
		}
	}
	for _, p := range []string{"draft", "approval", "execution", "confirmation", "failed", "confirmed", "archived"} {
		if phases["upgrade/"+p] == 0 || phases["new_system/"+p] == 0 {
			t.Errorf("no sample dossier of both flows in phase %s: %v", p, phases)
		}
	}
	if phases["new_system/filing"] == 0 {
		t.Errorf("no new-system dossier waiting for filing")
	}
	for _, k := range []string{"flow.withdrawn", "flow.transferred", "flow.urged", "flow.postponed", "exec.override", "exec.same_day_test", "dossier.archived"} {
		if kinds[k] == 0 {
			t.Errorf("no sample history has a %s event", k)
		}
	}
	if stale == 0 || delegated == 0 || override == 0 {
		t.Errorf("stale %d, delegated %d, override %d: each should appear", stale, delegated, override)
	}
	if cur := c.Profiles.Current(); cur == nil || !cur.Sample {
		t.Fatal("loading sample data should unlock a sample profile")
	}
	if _, err := c.LoadSample(); apperr.Code(err) != "core.not_empty" {
		t.Fatalf("second load: %v", err)
	}
}

// TestSamplePeopleWorkInRealUnits: every sample person — each profile,
// each person, system and unit head of every roster version — works in
// one of the template's real departments, never in a relative one
// (项目所属部门, 申请人所在部门: resolved per dossier, not a unit anyone
// works in), and every task in every sample inbox says since when it has
// waited.
func TestSamplePeopleWorkInRealUnits(t *testing.T) {
	c, err := core.Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	c.Clock = func() time.Time { return time.Date(2026, 12, 1, 10, 0, 0, 0, c.Zone) }
	if _, err := c.LoadSample(); err != nil {
		t.Fatal(err)
	}
	real, relative := map[string]bool{}, map[string]bool{}
	for _, d := range c.Template().Departments {
		if d.Relative {
			relative[d.Name.Zh], relative[d.Name.En] = true, true
		} else {
			real[d.Name.Zh] = true
		}
	}
	unit := func(what, dept, sub string) {
		t.Helper()
		if !real[dept] {
			t.Errorf("%s works in %q, not one of the template's departments", what, dept)
		}
		if relative[sub] {
			t.Errorf("%s works in the sub-department %q, a relative department's name", what, sub)
		}
	}
	profiles, err := c.Profiles.List()
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range profiles {
		unit("profile "+p.Name, p.Department, "")
	}
	chain, err := c.Roster.Chain()
	if err != nil || chain.Len() == 0 {
		t.Fatalf("sample roster: %v", err)
	}
	for _, v := range chain.Versions() {
		for _, p := range v.People {
			unit("roster person "+p.Name, p.Department, p.SubDepartment)
		}
		for _, a := range v.Systems {
			unit("system "+a.System, a.Department, a.SubDepartment)
		}
		for _, h := range v.Heads {
			unit("unit headed by "+h.Person, h.Department, h.SubDepartment)
		}
	}
	systems, err := c.Systems.List()
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range systems {
		unit("registered system "+s.Code, s.Department, "")
	}
	tasks := 0
	for _, p := range profiles {
		if _, err := c.Unlock(p.ID, demo.SamplePassphrase); err != nil {
			t.Fatal(err)
		}
		items, err := c.Dossiers.Inbox()
		if err != nil {
			t.Fatal(err)
		}
		for _, it := range items {
			tasks++
			if it.Since.IsZero() {
				t.Errorf("%s's inbox: the %s task on %s says nothing of since when it waits", p.Name, it.Kind, it.Dossier)
			}
		}
	}
	if tasks == 0 {
		t.Fatal("no sample inbox holds a task")
	}
}

// TestSampleHasAReviewEvening: whatever the day the sample is built, two
// of its drafts (筹划 or 准备) target the same release evening, so a review
// meeting (评审会) for that evening has two dossiers to decide on. The
// meeting's end-to-end test starts from there; it once failed on a day
// when the drafts' random dates fell on different evenings.
func TestSampleHasAReviewEvening(t *testing.T) {
	zone, err := time.LoadLocation("Asia/Shanghai")
	if err != nil {
		t.Fatal(err)
	}
	days := []time.Time{
		time.Date(2026, 12, 4, 0, 30, 0, 0, zone), // the day it failed
		time.Date(2027, 1, 20, 9, 0, 0, 0, zone),  // twenty days on: the Spring Festival's freeze
		time.Date(2027, 9, 10, 9, 0, 0, 0, zone),  // twenty days on: the National Day's freeze
		time.Date(2027, 12, 20, 9, 0, 0, 0, zone), // twenty days on: a year without a published plan
	}
	for _, now := range days {
		t.Run(now.Format(time.DateOnly), func(t *testing.T) {
			t.Parallel()
			c, err := core.Open(t.TempDir())
			if err != nil {
				t.Fatal(err)
			}
			defer c.Close()
			c.Clock = func() time.Time { return now }
			if _, err := c.LoadSample(); err != nil {
				t.Fatal(err)
			}
			list, err := c.Dossiers.List(dossier.Filter{})
			if err != nil {
				t.Fatal(err)
			}
			evenings := map[string][]string{}
			for _, s := range list {
				if s.Window == "" || (s.Stage != "planning" && s.Stage != "preparation") {
					continue
				}
				day := s.PlannedAt.In(zone).Format(time.DateOnly)
				evenings[day] = append(evenings[day], s.ID)
			}
			for day, ids := range evenings {
				if len(ids) >= 2 {
					if day <= now.Format(time.DateOnly) {
						t.Fatalf("the drafts' evening %s is not after the day the sample was built (%s)", day, now)
					}
					return
				}
			}
			t.Fatalf("no release evening with two drafts in the sample built on %s: %v", now.Format(time.DateOnly), evenings)
		})
	}
}
