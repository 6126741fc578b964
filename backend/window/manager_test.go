package window_test

import (
	"errors"
	"testing"
	"time"

	"golive/backend/apperr"
	"golive/backend/ledger"
	"golive/backend/window"
)

// TestOnlyTheWindowManagerManagesWindows: under the default template the
// release windows are the window manager's (应用系统开发部), not the PMO's
// who edits the template: a PMO-only profile may not move, cancel, add,
// freeze, import holidays or publish, and the refusal names the window
// manager's role; the window manager may.
func TestOnlyTheWindowManagerManagesWindows(t *testing.T) {
	e := newEnv(t, nil)
	s := e.svc
	e.actAs("pmo")
	for name, act := range map[string]func() error{
		"move":   func() error { _, err := s.Move(2027, "2027-03-11-java", "2027-03-10", "", "", "审计"); return err },
		"cancel": func() error { _, err := s.Cancel(2027, "2027-04-08-web", "机房搬迁"); return err },
		"add":    func() error { _, err := s.Add(2027, "java", "2027-02-18", "", "", "补窗口"); return err },
		"freeze": func() error {
			_, err := s.AddFreeze(2027, "年中结算", "2027-06-21", "2027-06-25", "结账")
			return err
		},
		"publish": func() error { _, err := s.Publish(2027, "年度计划"); return err },
		"discard": func() error { _, err := s.DiscardDraft(2027); return err },
	} {
		err := act()
		var ae *apperr.Error
		if apperr.Code(err) != "window.not_permitted" || !errors.As(err, &ae) || ae.Params["role"] != "window_manager" {
			t.Fatalf("%s as the PMO: %v, want window.not_permitted naming window_manager", name, err)
		}
	}
	if _, ok, err := s.Published(2027); ok || err != nil {
		t.Fatalf("the PMO's refused publish left a plan: %v, %v", ok, err)
	}

	e.actAs("window_manager")
	if _, err := s.Move(2027, "2027-03-11-java", "2027-03-10", "", "", "审计"); err != nil {
		t.Fatal(err)
	}
	p, err := s.Publish(2027, "年度计划")
	if err != nil || p.Version != 1 {
		t.Fatalf("the window manager publishes: version %d, %v", p.Version, err)
	}
}

// TestTemplateWithoutWindowManagerFallsBack: a template saved before
// settings.window_manager_role existed leaves the windows to its editor
// role (the old rule), so its PMO keeps planning them.
func TestTemplateWithoutWindowManagerFallsBack(t *testing.T) {
	e := newEnv(t, nil)
	e.tpl = e.tpl.Clone()
	e.tpl.Settings.WindowManagerRole = ""
	e.actAs("pmo")
	if _, err := e.svc.Publish(2027, "年度计划"); err != nil {
		t.Fatalf("the PMO under an older template: %v", err)
	}
	e.actAs("window_manager")
	if _, err := e.svc.Cancel(2027, "2027-04-08-web", "机房搬迁"); apperr.Code(err) != "window.not_permitted" {
		t.Fatalf("window_manager under an older template: %v", err)
	}
}

// TestJudgeDecidesWhichVersionsCount: a version the Service's Authority
// refuses is ignored, and so is every version built on it; the window
// manager's next version then follows the last one that counts, and a
// Publish the judge would not count stores nothing.
func TestJudgeDecidesWhichVersionsCount(t *testing.T) {
	e := newEnv(t, nil)
	v1, err := e.svc.Publish(2027, "v1")
	if err != nil {
		t.Fatal(err)
	}
	_, managerKey, _ := e.profiles.Signer()

	// Someone else signs a version 2 and a version 3 on top of it.
	e.actAs("pmo")
	_, pmoKey, _ := e.profiles.Signer()
	bad := v1
	bad.Version, bad.PublishedAt, bad.PublishedBy, bad.Event = 2, time.Time{}, "", ""
	bad.Windows = append([]window.Window(nil), v1.Windows...)
	bad.Windows[0].State = window.StateCancelled
	ev2, err := ledger.New(window.Stream(2027), []string{v1.Event}, window.KindPublished, bad, e.now.Add(time.Minute), pmoKey)
	if err != nil {
		t.Fatal(err)
	}
	bad.Version = 3
	ev3, err := ledger.New(window.Stream(2027), []string{ev2.ID}, window.KindPublished, bad, e.now.Add(2*time.Minute), managerKey)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := e.st.Commit([]ledger.Event{ev2, ev3}); err != nil {
		t.Fatal(err)
	}
	pmoHex := ev2.Author
	judge := func(ev ledger.Event, _ window.Plan) error {
		if ev.Author == pmoHex {
			return apperr.New(window.CodePlanNotManager, "event", ev.ID)
		}
		return nil
	}
	counted := func() *window.Service {
		s := e.service()
		s.Authority = func() (window.Judge, string) { return judge, "roster-1" }
		return s
	}

	t.Run("without a judge every version counts", func(t *testing.T) {
		p, _, err := e.service().Published(2027)
		if err != nil || p.Version != 3 {
			t.Fatalf("published version %d, %v", p.Version, err)
		}
	})
	s := counted()
	p, ok, err := s.Published(2027)
	if err != nil || !ok || p.Version != 1 || p.Event != v1.Event {
		t.Fatalf("published version %d (%s), %v: want version 1, the only one that counts", p.Version, p.Event, err)
	}
	if w := mustWindow(t, p, v1.Windows[0].ID); w.State == window.StateCancelled {
		t.Fatal("the refused version's cancellation applies")
	}

	// The window manager's next version is 2 again, after version 1.
	e.actAs("window_manager")
	if _, err := s.Cancel(2027, "2027-04-08-web", "机房搬迁"); err != nil {
		t.Fatal(err)
	}
	e.now = e.now.Add(time.Hour)
	v2, err := s.Publish(2027, "v2")
	if err != nil || v2.Version != 2 {
		t.Fatalf("next version %d, %v", v2.Version, err)
	}
	if vs, err := counted().Versions(2027); err != nil || len(vs) != 2 || vs[1].Event != v2.Event {
		t.Fatalf("versions %+v, %v", vs, err)
	}

	t.Run("a publish the judge would not count stores nothing", func(t *testing.T) {
		refuseAll := e.service()
		refuseAll.Authority = func() (window.Judge, string) {
			return func(ev ledger.Event, _ window.Plan) error {
				return apperr.New(window.CodePlanNotManager, "event", ev.ID)
			}, "roster-2"
		}
		if _, err := refuseAll.Cancel(2027, "2027-05-13-web", "x"); err != nil {
			t.Fatal(err)
		}
		before, _ := e.st.Events(window.Stream(2027))
		_, err := refuseAll.Publish(2027, "v3")
		code(t, err, window.CodePlanNotManager)
		after, _ := e.st.Events(window.Stream(2027))
		if len(after) != len(before) {
			t.Fatalf("%d events stored, want %d", len(after), len(before))
		}
	})
}
