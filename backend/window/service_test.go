package window_test

import (
	"bytes"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/dgraph-io/badger/v4"

	"golive/backend/apperr"
	"golive/backend/ledger"
	"golive/backend/template"
	"golive/backend/window"
)

func code(t *testing.T, err error, want string) {
	t.Helper()
	if got := apperr.Code(err); got != want {
		t.Fatalf("code = %q (%v), want %q", got, err, want)
	}
}

func TestPublishVersions(t *testing.T) {
	e := newEnv(t, nil)
	s := e.svc

	p, err := s.InForce(2027)
	if err != nil || p.Version != 0 {
		t.Fatalf("before publishing: version %d, %v", p.Version, err)
	}
	v1, err := s.Publish(2027, "年度计划")
	if err != nil {
		t.Fatal(err)
	}
	if v1.Version != 1 || v1.Event == "" || v1.Changes != nil || !v1.PublishedAt.Equal(e.now) {
		t.Fatalf("v1 = version %d event %q changes %v at %v", v1.Version, v1.Event, v1.Changes, v1.PublishedAt)
	}
	t.Run("stored as a signed event in plan-2027", func(t *testing.T) {
		evs, err := e.st.Events(window.Stream(2027))
		if err != nil || len(evs) != 1 || evs[0].Kind != window.KindPublished || evs[0].Dossier != "plan-2027" || evs[0].ID != v1.Event {
			t.Fatalf("events %+v, %v", evs, err)
		}
	})
	if _, err := s.Publish(2027, "again"); apperr.Code(err) != "window.nothing_changed" {
		t.Fatalf("publishing an unchanged plan: %v", err)
	}

	// Adjust: move, cancel, add; then publish v2.
	if _, err := s.Move(2027, "2027-03-11-java", "2027-03-10", "", "", "数据库维护"); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Cancel(2027, "2027-04-08-web", "机房搬迁"); err != nil {
		t.Fatal(err)
	}
	added, err := s.Add(2027, "java", "2027-02-18", "", "", "补春节窗口")
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := added.Window("2027-02-18-java-x1"); !ok {
		t.Fatal("added window id")
	}
	if _, err := s.Move(2027, "2027-03-11-java", "2027-10-04", "", "", "x"); apperr.Code(err) != "window.not_working_day" {
		t.Fatalf("bad edit accepted: %v", err)
	}
	if inForce, _ := s.InForce(2027); inForce.Version != 1 {
		t.Fatal("draft edits changed the plan in force")
	}
	e.now = e.now.Add(time.Hour)
	v2, err := s.Publish(2027, "调整")
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{"2027-03-11-java": window.ChangeMoved, "2027-04-08-web": window.ChangeState, "2027-02-18-java-x1": window.ChangeAdded}
	if v2.Version != 2 || len(v2.Changes) != len(want) {
		t.Fatalf("v2 changes %+v", v2.Changes)
	}
	for _, c := range v2.Changes {
		if want[c.Window] != c.Kind {
			t.Errorf("change %+v", c)
		}
		if c.Window == "2027-03-11-java" && (c.Before.Date != "2027-03-11" || c.After.Date != "2027-03-10" || c.After.State != window.StateMoved) {
			t.Errorf("move recorded as %+v -> %+v", c.Before, c.After)
		}
		if c.Window == "2027-04-08-web" && (c.Before.State != window.StateOpen || c.After.State != window.StateCancelled) {
			t.Errorf("cancel recorded as %+v -> %+v", c.Before, c.After)
		}
	}

	t.Run("a fresh service reads the chain back", func(t *testing.T) {
		s2 := e.service()
		vs, err := s2.Versions(2027)
		if err != nil || len(vs) != 2 || vs[1].Changes != 3 || vs[0].Note != "年度计划" {
			t.Fatalf("versions %+v, %v", vs, err)
		}
		evs, _ := e.st.Events(window.Stream(2027))
		ordered, _ := ledger.Order(evs)
		if len(ordered) != 2 || len(ordered[1].Parents) != 1 || ordered[1].Parents[0] != v1.Event {
			t.Fatal("v2 does not name v1 as its parent")
		}
		p, ok, err := s2.Published(2027)
		if err != nil || !ok || p.Version != 2 {
			t.Fatalf("published %d %v %v", p.Version, ok, err)
		}
		if w := mustWindow(t, p, "2027-03-11-java"); w.Date != "2027-03-10" {
			t.Fatalf("published move lost: %+v", w)
		}
		old, err := s2.Version(2027, 1)
		if err != nil || mustWindow(t, old, "2027-03-11-java").Date != "2027-03-11" {
			t.Fatalf("v1 changed: %v", err)
		}
		if _, err := s2.Version(2027, 3); apperr.Code(err) != "window.no_version" {
			t.Fatal(err)
		}
	})
	t.Run("undo and discard", func(t *testing.T) {
		d, err := s.Undo(2027, 0)
		if err != nil || mustWindow(t, d, "2027-03-11-java").Date != "2027-03-11" {
			t.Fatalf("undo: %v", err)
		}
		d, err = s.DiscardDraft(2027)
		if err != nil || mustWindow(t, d, "2027-03-11-java").Date != "2027-03-10" || len(d.Edits) != 3 {
			t.Fatalf("discard should go back to v2's edits: %v", err)
		}
	})
	t.Run("only the window manager edits and publishes", func(t *testing.T) {
		e.actAs("project_manager")
		defer e.actAs("window_manager")
		_, err := s.Cancel(2027, "2027-05-13-web", "x")
		code(t, err, "window.not_permitted")
		_, err = s.Publish(2027, "")
		code(t, err, "window.not_permitted")
		e.profiles.Lock()
		_, err = s.Publish(2027, "")
		code(t, err, "profile.locked")
	})
}

func TestTamperedPlanRejected(t *testing.T) {
	e := newEnv(t, nil)
	v1, err := e.svc.Publish(2027, "")
	if err != nil {
		t.Fatal(err)
	}
	t.Run("altered stored event", func(t *testing.T) {
		key := []byte("ev/" + window.Stream(2027) + "/" + v1.Event)
		err := e.st.DB().Update(func(txn *badger.Txn) error {
			item, err := txn.Get(key)
			if err != nil {
				return err
			}
			raw, err := item.ValueCopy(nil)
			if err != nil {
				return err
			}
			forged := bytes.Replace(raw, []byte(`"date":"2027-03-11","end":"23:00"`), []byte(`"date":"2027-03-12","end":"23:00"`), 1)
			if bytes.Equal(forged, raw) {
				t.Fatal("nothing to tamper with")
			}
			return txn.Set(key, forged)
		})
		if err != nil {
			t.Fatal(err)
		}
		_, _, err = e.service().Published(2027)
		code(t, err, "window.plan_corrupt")
		if !errors.Is(err, apperr.New(ledger.CodeBadID)) {
			t.Fatalf("cause is not ledger.bad_id: %v", err)
		}
		if _, err := e.service().ValidFor("2027-03-11-java", "java"); apperr.Code(err) != "window.plan_corrupt" {
			t.Fatalf("ValidFor on a tampered plan: %v", err)
		}
	})
}

func TestForgedChainRejected(t *testing.T) {
	e := newEnv(t, nil)
	v1, err := e.svc.Publish(2027, "")
	if err != nil {
		t.Fatal(err)
	}
	// A correctly signed event that claims to be version 3.
	p := v1
	p.Version, p.PublishedAt, p.PublishedBy, p.Event = 3, time.Time{}, "", ""
	_, key, _ := e.profiles.Signer()
	ev, err := ledger.New(window.Stream(2027), []string{v1.Event}, window.KindPublished, p, e.now.Add(time.Minute), key)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := e.st.Commit([]ledger.Event{ev}); err != nil {
		t.Fatal(err)
	}
	_, _, err = e.service().Published(2027)
	code(t, err, "window.plan_corrupt")
}

func TestNextOpenAndValidFor(t *testing.T) {
	e := newEnv(t, nil)
	s := e.svc
	if _, err := s.Cancel(2027, "2027-02-25-java", "停电"); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Publish(2027, ""); err != nil {
		t.Fatal(err)
	}
	at := func(s string) time.Time {
		t.Helper()
		d, err := time.ParseInLocation("2006-01-02 15:04", s, shanghai)
		if err != nil {
			t.Fatal(err)
		}
		return d
	}
	cases := []struct {
		name, class, after, want string
	}{
		// 2027-02-11 (holiday, cancelled) and 2027-02-25 (cancelled by hand) are skipped.
		{"skips cancelled windows", "java", "2027-02-04 12:00", "2027-03-11-java"},
		{"other classes unaffected by the manual cancel", "web", "2027-02-04 12:00", "2027-02-25-web"},
		// 2026 is not published: the generated plan, whose Feb 12 window is frozen.
		{"skips frozen windows", "java", "2026-02-01 09:00", "2026-02-26-java"},
		{"a window already started is not next", "java", "2027-03-11 19:30", "2027-03-25-java"},
		{"crosses into the next year", "dotnet", "2027-12-23 20:00", "2028-01-13-dotnet"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			w, err := s.NextOpenWindow(c.class, at(c.after))
			if err != nil || w.ID != c.want {
				t.Fatalf("NextOpenWindow = %s, %v; want %s", w.ID, err, c.want)
			}
		})
	}
	valid := []struct {
		id, class, code string
	}{
		{"2027-03-11-java", "java", ""},
		{"2027-03-11-java", "web", "window.wrong_class"},
		{"2027-02-11-java", "java", "window.cancelled"},
		{"2027-02-25-java", "java", "window.cancelled"},
		{"2026-02-12-java", "java", "window.frozen"},
		{"2027-03-12-java", "java", "window.not_found"},
		{"nonsense", "java", "window.not_found"},
	}
	for _, c := range valid {
		t.Run("ValidFor "+c.id+" "+c.class, func(t *testing.T) {
			_, err := s.ValidFor(c.id, c.class)
			if apperr.Code(err) != c.code {
				t.Fatalf("code %q (%v), want %q", apperr.Code(err), err, c.code)
			}
		})
	}
	t.Run("Targets lists exactly the windows ValidFor accepts", func(t *testing.T) {
		ws, err := s.Targets("java", []int{2026, 2027})
		if err != nil {
			t.Fatal(err)
		}
		ids := map[string]bool{}
		for i, w := range ws {
			ids[w.ID] = true
			if _, err := s.ValidFor(w.ID, "java"); err != nil {
				t.Errorf("Targets offers %s, which ValidFor refuses: %v", w.ID, err)
			}
			if i > 0 && ws[i-1].Date+ws[i-1].Start > w.Date+w.Start {
				t.Errorf("%s listed after %s", w.ID, ws[i-1].ID)
			}
		}
		for _, id := range []string{"2027-02-11-java", "2027-02-25-java", "2026-02-12-java"} {
			if ids[id] {
				t.Errorf("Targets offers %s, which is closed", id)
			}
		}
		if !ids["2027-03-11-java"] || !ids["2026-02-26-java"] {
			t.Errorf("open windows missing from %d targets", len(ws))
		}
		for _, year := range []int{2026, 2027} {
			p, _ := s.InForce(year)
			for _, w := range p.Windows {
				if _, err := s.ValidFor(w.ID, "java"); err == nil && !ids[w.ID] {
					t.Errorf("ValidFor accepts %s but Targets leaves it out", w.ID)
				}
			}
		}
	})
	t.Run("emergency release in a freeze warns", func(t *testing.T) {
		ws, err := s.EmergencyWarnings(at("2026-02-13 21:00"))
		if err != nil || len(ws) != 1 || ws[0].Code != window.WarnEmergencyInFreeze || ws[0].Params["name"] != "春节" {
			t.Fatalf("warnings %+v, %v", ws, err)
		}
		if ws, _ := s.EmergencyWarnings(at("2026-03-13 21:00")); len(ws) != 0 {
			t.Fatalf("warnings outside a freeze: %+v", ws)
		}
	})
}

func TestImportedHolidayMovesWindow(t *testing.T) {
	e := newEnv(t, nil)
	// The PMO's 2026 schedule declares Thu 2026-03-12 a company holiday.
	file := `{"year":2026,"holidays":[{"name":"公司庆典","start":"2026-03-12"}],"workdays":[]}`
	if _, err := e.svc.ImportHolidays(2026, "2026.json", strings.NewReader(file)); err != nil {
		t.Fatal(err)
	}
	p, err := e.svc.Draft(2026)
	if err != nil {
		t.Fatal(err)
	}
	w := mustWindow(t, p, "2026-03-12-java")
	if w.State != window.StateMoved || w.Date != "2026-03-11" || w.Adjustments[0].Params["holiday"] != "公司庆典" || p.HolidaySource != "imported" {
		t.Fatalf("window %+v (source %s)", w, p.HolidaySource)
	}
	// The import replaced the whole built-in year: National Day is gone, so
	// no freeze applies; Feb 12 is no longer frozen.
	if mustWindow(t, p, "2026-02-12-java").State != window.StateOpen {
		t.Fatal("built-in data still applied")
	}
	if _, err := e.svc.ImportHolidays(2027, "2026.json", strings.NewReader(file)); apperr.Code(err) != "holiday.wrong_year" {
		t.Fatalf("file for another year: %v", err)
	}
	if err := e.svc.ResetHolidays(2026); err != nil {
		t.Fatal(err)
	}
	p, _ = e.svc.Draft(2026)
	if mustWindow(t, p, "2026-02-12-java").State != window.StateFrozen {
		t.Fatal("built-in data not back after reset")
	}
}

func TestTemplateRulesDrivePlan(t *testing.T) {
	e := newEnv(t, func(w *template.WindowSettings) {
		for i := range w.Rules {
			if w.Rules[i].Class == "web" {
				w.Rules[i].Weekday = "tuesday"
				w.Rules[i].Weeks = []int{1, 2, 3, 4}
				w.Rules[i].Start, w.Rules[i].End = "20:00", "22:00"
				w.Rules[i].Capacity = 2
			}
		}
	})
	p, err := e.svc.Generate(2027)
	if err != nil {
		t.Fatal(err)
	}
	if n := len(ofClass(p, "web")); n != 48 {
		t.Fatalf("web windows %d", n)
	}
	w := mustWindow(t, p, "2027-03-02-web")
	if w.Start != "20:00" || w.Capacity != 2 {
		t.Fatalf("window %+v", w)
	}
	if _, err := e.svc.Generate(1800); apperr.Code(err) != "window.bad_year" {
		t.Fatal(err)
	}
}
