package dossier_test

import (
	"errors"
	"strings"
	"testing"
	"time"

	"golive/backend/apperr"
	"golive/backend/demo"
	"golive/backend/dossier"
	"golive/backend/internal/testenv"
	"golive/backend/ledger"
	"golive/backend/workflow"
)

// refused checks err's code and the params a refusal names (the date and
// its limit), and that nothing was written.
func refused(t *testing.T, err error, want string, params map[string]string) {
	t.Helper()
	code(t, err, want)
	var e *apperr.Error
	if !errors.As(err, &e) {
		t.Fatalf("%v is not coded", err)
	}
	for k, v := range params {
		if e.Params[k] != v {
			t.Fatalf("%s: param %s = %q, want %q (all: %v)", want, k, e.Params[k], v, e.Params)
		}
	}
}

// day2 is 2026-12-02 10:00 in Shanghai: the day the user saw a release
// declared done for the 12-10 window.
func day2(env *testenv.Env) time.Time { return time.Date(2026, 12, 2, 10, 0, 0, 0, env.Zone) }

func newSystemAt(when string) dossier.CreateRequest {
	r := upgradeRequest("CRM")
	r.Type, r.Subtype, r.Window, r.PlannedAt = ptr("new_system"), ptr(""), nil, ptr(when)
	return r
}

func emergencyAt(when string) dossier.CreateRequest {
	r := upgradeRequest("CRM")
	r.Subtype, r.Mode, r.Window, r.PlannedAt = ptr("bugfix"), ptr("emergency"), nil, ptr(when)
	return r
}

// TestReleaseDateWhenCreated: a planned release may not be dated in the
// past (nor years ahead); an emergency at most 7 days back and 30 days
// ahead; a release put on record late (补录) may be dated back with its
// reason, which the dossier keeps.
func TestReleaseDateWhenCreated(t *testing.T) {
	env := testenv.Open(t, "", "张伟")
	env.AddSystem(t, "CRM")
	env.Clock.T = day2(env)
	passedWindow := upgradeRequest("CRM")
	passedWindow.Window, passedWindow.PlannedAt = ptr("2026-11-26-java"), nil
	lateTooOld := newSystemAt("2012-06-01T19:00")
	lateTooOld.LateRecord = "从纸质档案补录"
	for _, c := range []struct {
		name   string
		req    dossier.CreateRequest
		code   string
		params map[string]string
	}{
		{"WindowPassed", passedWindow, "dossier.date_past", map[string]string{"date": "2026-11-26 19:00", "now": "2026-12-02 10:00"}},
		{"Planned2019", newSystemAt("2019-12-10T19:00"), "dossier.date_past", map[string]string{"date": "2019-12-10 19:00", "now": "2026-12-02 10:00"}},
		{"PlannedThisMorning", newSystemAt("2026-12-02T09:00"), "dossier.date_past", map[string]string{"date": "2026-12-02 09:00"}},
		{"PlannedYearsAhead", newSystemAt("2029-12-10T19:00"), "dossier.date_too_far", map[string]string{"date": "2029-12-10 19:00", "limit": "2028-12-02 10:00", "years": "2"}},
		{"Emergency2020", emergencyAt("2020-12-10T21:00"), "dossier.emergency_too_old", map[string]string{"date": "2020-12-10 21:00", "limit": "2026-11-25 10:00", "days": "7"}},
		{"EmergencyNextSpring", emergencyAt("2027-03-10T21:00"), "dossier.emergency_too_far", map[string]string{"date": "2027-03-10 21:00", "limit": "2027-01-01 10:00", "days": "30"}},
		{"February30", newSystemAt("2026-02-30T19:00"), "dossier.bad_time", map[string]string{"value": "2026-02-30T19:00"}},
		{"LateRecordTooOld", lateTooOld, "dossier.late_too_old", map[string]string{"date": "2012-06-01 19:00", "limit": "2016-12-02 10:00"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			before, _ := env.Dossiers.List(dossier.Filter{})
			_, err := env.Dossiers.Create(c.req)
			refused(t, err, c.code, c.params)
			if after, _ := env.Dossiers.List(dossier.Filter{}); len(after) != len(before) {
				t.Fatal("a refused dossier was stored")
			}
		})
	}
	for _, c := range []struct {
		name string
		req  dossier.CreateRequest
	}{
		{"PlannedInItsWindow", upgradeRequest("CRM")},
		{"PlannedWithinTheClockTolerance", newSystemAt("2026-12-02T09:55")},
		{"EmergencyThreeDaysAgo", emergencyAt("2026-11-29T21:00")},
		{"EmergencyTonight", emergencyAt("2026-12-02T21:00")},
	} {
		t.Run(c.name, func(t *testing.T) {
			if _, err := env.Dossiers.Create(c.req); err != nil {
				t.Fatal(err)
			}
		})
	}
	t.Run("LateRecord", func(t *testing.T) {
		for _, r := range []dossier.CreateRequest{newSystemAt("2019-12-10T19:00"), emergencyAt("2020-12-10T21:00")} {
			r.LateRecord = "  2019 年的发布当时只有纸质审批单，现补录  "
			v, err := env.Dossiers.Create(r)
			if err != nil {
				t.Fatal(err)
			}
			if v.State.LateRecord != "2019 年的发布当时只有纸质审批单，现补录" || v.History[0].Params["late_record"] != v.State.LateRecord {
				t.Fatalf("late record %q, history %v", v.State.LateRecord, v.History[0].Params)
			}
			// Its date may be corrected within the past.
			v, err = env.Dossiers.Update(v.State.ID, dossier.Fields{PlannedAt: ptr((*r.PlannedAt)[:8] + "11T20:00")})
			if err != nil {
				t.Fatalf("correcting a late record's date: %v", err)
			}
		}
	})
}

// TestReleaseDateWhenChanged: moving a draft's date, window or mode is
// setting its date now.
func TestReleaseDateWhenChanged(t *testing.T) {
	env := testenv.Open(t, "", "张伟")
	env.AddSystem(t, "CRM")
	env.Clock.T = day2(env)
	v, err := env.Dossiers.Create(newSystemAt("2026-12-10T19:00"))
	must(t, err)
	id := v.State.ID
	_, err = env.Dossiers.Update(id, dossier.Fields{PlannedAt: ptr("2026-11-30T19:00")})
	refused(t, err, "dossier.date_past", map[string]string{"date": "2026-11-30 19:00", "now": "2026-12-02 10:00"})
	_, err = env.Dossiers.Update(id, dossier.Fields{PlannedAt: ptr("2026-02-30T19:00")})
	code(t, err, "dossier.bad_time")
	_, err = env.Dossiers.Update(id, dossier.Fields{Mode: ptr("emergency"), PlannedAt: ptr("2027-02-10T19:00")})
	refused(t, err, "dossier.emergency_too_far", map[string]string{"date": "2027-02-10 19:00"})
	v, err = env.Dossiers.Update(id, dossier.Fields{PlannedAt: ptr("2026-12-17T19:00")})
	if err != nil || v.State.PlannedAt.Format("2006-01-02") != "2026-12-17" {
		t.Fatalf("moved to %s: %v", v.State.PlannedAt, err)
	}
	// A field that is not a date is not judged by the date rules, even
	// once the date has passed.
	env.Clock.T = time.Date(2027, 1, 5, 9, 0, 0, 0, env.Zone)
	if _, err := env.Dossiers.Update(id, dossier.Fields{Title: ptr("新系统上线（改期后）")}); err != nil {
		t.Fatalf("retitling a dossier whose date has passed: %v", err)
	}
}

// TestHistoricalEventsStillFold: the date rules judge an action when it is
// taken; a dossier signed years ago, and events imported from another
// laptop, fold as they were signed.
func TestHistoricalEventsStillFold(t *testing.T) {
	old := testenv.Open(t, "", "张伟")
	old.AddSystem(t, "CRM")
	old.Clock.T = time.Date(2019, 11, 1, 9, 0, 0, 0, old.Zone)
	v, err := old.Dossiers.Create(newSystemAt("2019-12-10T19:00"))
	must(t, err)
	id := v.State.ID
	old.Clock.T = day2(old)
	v, err = old.Dossiers.Get(id)
	must(t, err)
	if v.State.PlannedAt.Year() != 2019 || len(v.History) != 1 || v.History[0].Ignored {
		t.Fatalf("a dossier of 2019 read in 2026: planned %s, history %+v", v.State.PlannedAt, v.History)
	}
	evs, err := old.Store.Events(id)
	must(t, err)
	other := testenv.Open(t, "", "李娜")
	other.AddSystem(t, "CRM")
	other.Clock.T = day2(other)
	must(t, other.Dossiers.Import(evs))
	v, err = other.Dossiers.Get(id)
	must(t, err)
	if v.State.PlannedAt.Year() != 2019 || v.History[0].Ignored {
		t.Fatalf("imported 2019 dossier: planned %s, history %+v", v.State.PlannedAt, v.History)
	}
}

// TestRunbookTimesHaveHappened: on 12-02, a runbook for the 12-10 window
// cannot say the release started on 12-10, nor a step end before it
// started; a runbook signed elsewhere with such times still folds, but
// the release cannot be declared done on it until those times have come.
func TestRunbookTimesHaveHappened(t *testing.T) {
	f := newFlowEnv(t)
	f.d.Clock = time.Date(2026, 11, 19, 9, 0, 0, 0, f.Zone)
	id := f.to(t, "upgrade", workflow.PhaseExecution)
	if f.d.Clock.After(day2(f.Env)) {
		t.Fatalf("the flow took until %s; the test needs 12-02 to lie ahead", f.d.Clock)
	}
	f.d.Clock = day2(f.Env)
	must(t, f.d.As("release_operator"))
	row := func(started, ended string) []workflow.RunbookRow {
		return []workflow.RunbookRow{{Action: "停止服务并备份", StartedAt: "2026-12-02 09:00", EndedAt: "2026-12-02 09:20", Result: "ok"},
			{Action: "部署程序包", StartedAt: started, EndedAt: ended, Result: "ok"}}
	}
	for _, c := range []struct {
		name, started, ended, code string
		params                     map[string]string
	}{
		{"StartOnReleaseDay", "2026-12-10 19:00", "2026-12-10 19:40", "workflow.started_in_future", map[string]string{"row": "2", "value": "2026-12-10 19:00", "now": "2026-12-02 10:00"}},
		{"EndLaterToday", "2026-12-02 09:30", "2026-12-02T11:00:00+08:00", "workflow.ended_in_future", map[string]string{"row": "2", "value": "2026-12-02 11:00"}},
		{"EndBeforeStart", "2026-12-02 09:30", "2026-12-02 09:25", "workflow.ended_before_start", map[string]string{"row": "2", "started": "2026-12-02 09:30", "ended": "2026-12-02 09:25"}},
		{"February30", "2026-02-30 09:30", "", "workflow.bad_time", nil},
	} {
		t.Run(c.name, func(t *testing.T) {
			before := f.state(t, id).Events
			_, err := f.Dossiers.SaveRunbook(id, row(c.started, c.ended), nil)
			refused(t, err, c.code, c.params)
			if f.state(t, id).Events != before {
				t.Fatal("a refused runbook was written")
			}
		})
	}
	// Within the clock tolerance (another laptop's clock runs a few
	// minutes ahead) the runbook is taken.
	_, err := f.Dossiers.SaveRunbook(id, row("2026-12-02 09:30", "2026-12-02 10:05"), nil)
	must(t, err)

	// The same future runbook, signed on another laptop on 12-01 and
	// imported: it folds as signed (history kept, not ignored)…
	st := f.state(t, id)
	op := f.d.Actors["release_operator"]
	future := row("2026-12-10 19:00", "2026-12-10 19:40")
	e, err := ledger.New(id, st.Heads, workflow.KindRunbook, workflow.RunbookBody{Role: "release_operator", Runbook: future},
		st.UpdatedAt.Add(time.Minute), op.Key)
	must(t, err)
	must(t, f.Dossiers.Import([]ledger.Event{e}))
	pkg, _ := st.Plan.Package()
	content := demo.SampleContent(id, pkg.ID, pkg.Name.Zh, len(st.Flow.Deliverables[pkg.ID]))
	_, err = f.Dossiers.CheckPackageReader(id, "deployed.zip", strings.NewReader(content), nil)
	must(t, err)
	v, err := f.Dossiers.Get(id)
	must(t, err)
	if got := v.State.Flow.Execution.Runbook; len(got) != 2 || got[1].StartedAt != "2026-12-10 19:00" || v.History[len(v.History)-2].Ignored {
		t.Fatalf("the imported runbook did not fold as signed: %+v", got)
	}
	// …but the release cannot be declared done on it: the view says why,
	// and the release is refused with the same reason.
	if b := v.Actions.ReleaseBlocked; !v.Actions.Release || b == nil || b.Code != "workflow.started_in_future" || b.Params["value"] != "2026-12-10 19:00" {
		t.Fatalf("release %v blocked by %+v, want workflow.started_in_future", v.Actions.Release, b)
	}
	before := v.State.Events
	_, err = f.Dossiers.Release(id, "按发布手册执行完毕")
	refused(t, err, "workflow.started_in_future", map[string]string{"row": "2", "value": "2026-12-10 19:00"})
	if f.state(t, id).Events != before {
		t.Fatal("a refused release was written")
	}
	// On release day, once the steps are done, it is.
	f.d.Clock = time.Date(2026, 12, 10, 20, 0, 0, 0, f.Zone)
	_, err = f.Dossiers.Release(id, "按发布手册执行完毕")
	must(t, err)
}

// TestSameDayTestHasHappened: the requesting side's test cannot be
// recorded as done later than now.
func TestSameDayTestHasHappened(t *testing.T) {
	f := newFlowEnv(t)
	id := f.to(t, "new_system", workflow.PhaseConfirmation)
	f.sameDayReady(t, id)
	now := f.d.Clock
	later := now.Add(time.Hour)
	_, err := f.Dossiers.SameDayTest(id, dossier.SameDayTestRequest{TestedAt: later.Format(time.RFC3339)})
	refused(t, err, "workflow.tested_in_future", map[string]string{"value": later.Format("2006-01-02 15:04"), "now": now.Format("2006-01-02 15:04")})
	_, err = f.Dossiers.SameDayTest(id, dossier.SameDayTestRequest{TestedAt: now.Add(-5 * time.Minute).Format(time.RFC3339)})
	must(t, err)
}

// TestPostponedIntoThePast: a release cannot be postponed (顺延) to a time
// that has already passed, even one later than the failed attempt.
func TestPostponedIntoThePast(t *testing.T) {
	f := newFlowEnv(t)
	id := f.to(t, "new_system", workflow.PhaseFailed)
	st := f.state(t, id)
	must(t, f.d.As(st.Plan.StepOfKind("postpone").Role))
	to := st.PlannedAt.Add(time.Hour)
	_, err := f.Dossiers.Postpone(id, true, "发布后核心交易报错，已回退", "改期重新发布", to.Format(time.RFC3339), "")
	refused(t, err, "dossier.postpone_past", map[string]string{"date": to.Format("2006-01-02 15:04"), "now": f.d.Clock.Format("2006-01-02 15:04")})
	_, err = f.Dossiers.Postpone(id, true, "发布后核心交易报错，已回退", "改期重新发布", st.PlannedAt.AddDate(0, 0, 7).Format(time.RFC3339), "")
	must(t, err)
}
