package window_test

import (
	"slices"
	"strings"
	"testing"

	"golive/backend/system"
	"golive/backend/template"
	"golive/backend/window"
)

func dates(ws []window.Window) []string {
	out := make([]string, len(ws))
	for i, w := range ws {
		out[i] = w.Date
	}
	return out
}

// TestDefaultRule2026 checks the default rule's 24 windows of 2026 before
// freezes are applied: no 2nd or 4th Thursday of 2026 is a holiday, so
// with the freeze rule off every window is open on its nominal date.
func TestDefaultRule2026(t *testing.T) {
	want := []string{
		"2026-01-08", "2026-01-22", "2026-02-12", "2026-02-26", "2026-03-12", "2026-03-26",
		"2026-04-09", "2026-04-23", "2026-05-14", "2026-05-28", "2026-06-11", "2026-06-25",
		"2026-07-09", "2026-07-23", "2026-08-13", "2026-08-27", "2026-09-10", "2026-09-24",
		"2026-10-08", "2026-10-22", "2026-11-12", "2026-11-26", "2026-12-10", "2026-12-24",
	}
	p := generate(2026, settings(noFreeze))
	if len(p.Windows) != 24*len(system.Classes) {
		t.Fatalf("%d windows, want %d", len(p.Windows), 24*len(system.Classes))
	}
	for _, class := range system.Classes {
		t.Run(class, func(t *testing.T) {
			ws := ofClass(p, class)
			if got := dates(ws); !slices.Equal(got, want) {
				t.Fatalf("dates\n got %v\nwant %v", got, want)
			}
			for _, w := range ws {
				if w.State != window.StateOpen || w.Start != "19:00" || w.End != "23:00" || w.Zone != "Asia/Shanghai" || w.ID != w.Date+"-"+class || len(w.Adjustments) != 0 {
					t.Errorf("window %+v", w)
				}
				start, _ := w.Interval()
				if start.Weekday().String() != "Thursday" || start.Hour() != 19 || start.Location().String() != "Asia/Shanghai" {
					t.Errorf("interval start %v", start)
				}
			}
		})
	}
	t.Run("nominal dates match the rule alone", func(t *testing.T) {
		r, _ := template.DefaultWindows().WindowRule("java")
		var got []string
		for _, n := range window.NominalDates(r, 2026) {
			got = append(got, n.Date.Format("2006-01-02"))
		}
		if !slices.Equal(got, want) {
			t.Fatalf("NominalDates = %v", got)
		}
	})
}

// TestReadingsDiffer compares the two readings of "2nd and 4th week".
//
// By hand, February 2026: the 1st is a Sunday, so the Monday-start calendar
// week 1 is Jan 26 - Feb 1 and has no Thursday in February; week 2 is Feb
// 2-8 (Thursday Feb 5) and week 4 is Feb 16-22 (Thursday Feb 19). The 2nd
// and 4th Thursdays are Feb 12 and Feb 26. The readings differ in every
// month that starts on a Friday, Saturday or Sunday: in 2026 February
// (Sun), March (Sun), May (Fri), August (Sat) and November (Sun).
func TestReadingsDiffer(t *testing.T) {
	r, _ := template.DefaultWindows().WindowRule("java")
	diffs, err := window.CompareReadings(r, 2026)
	if err != nil {
		t.Fatal(err)
	}
	var months []int
	for _, d := range diffs {
		months = append(months, d.Month)
	}
	if !slices.Equal(months, []int{2, 3, 5, 8, 11}) {
		t.Fatalf("months = %v", months)
	}
	feb := diffs[0]
	if !slices.Equal(feb.NthWeekday, []string{"2026-02-12", "2026-02-26"}) || !slices.Equal(feb.CalendarWeek, []string{"2026-02-05", "2026-02-19"}) {
		t.Fatalf("February = %+v", feb)
	}

	t.Run("calendar week without the weekday has no window", func(t *testing.T) {
		r1 := r
		r1.Weeks = []int{1, 3}
		r1.WeekReading = template.ReadingCalendarWeek
		diffs, err := window.CompareReadings(r1, 2026)
		if err != nil {
			t.Fatal(err)
		}
		if diffs[0].Month != 2 || !slices.Equal(diffs[0].MissingWeeks, []int{1}) || !slices.Equal(diffs[0].CalendarWeek, []string{"2026-02-12"}) {
			t.Fatalf("February with weeks 1 and 3 = %+v", diffs[0])
		}
		var feb []string
		for _, n := range window.NominalDates(r1, 2026) {
			if n.Date.Month() == 2 {
				feb = append(feb, n.Date.Format("2006-01-02"))
			}
		}
		if !slices.Equal(feb, []string{"2026-02-12"}) {
			t.Fatalf("calendar-week plan for February = %v", feb)
		}
	})
	t.Run("invalid rule refused", func(t *testing.T) {
		bad := r
		bad.Weeks = []int{0}
		if _, err := window.CompareReadings(bad, 2026); err == nil {
			t.Fatal("no error")
		}
	})
}

// TestFreezes2026 applies the default freeze rule (3 working days before
// a break of 7 days or more). The Spring Festival break runs Sun Feb 15 to
// Mon Feb 23; counting back, Sat Feb 14 is a make-up working day, so the
// three working days are Feb 14, 13 and 12 and the freeze starts on Thu
// Feb 12 (it would start on Feb 11 if the make-up day were not counted).
// National Day (Oct 1-7) freezes Sep 28 - Oct 7, which holds no window.
func TestFreezes2026(t *testing.T) {
	p := generate(2026, settings(nil))
	if len(p.Windows) != 24*len(system.Classes) {
		t.Fatalf("%d windows: a window was lost", len(p.Windows))
	}
	wantFreezes := []window.Freeze{
		{ID: "holiday-2026-02-15", Kind: "holiday", Name: "春节", Start: "2026-02-12", End: "2026-02-23", HolidayStart: "2026-02-15", HolidayEnd: "2026-02-23", HolidayDays: 9},
		{ID: "holiday-2026-10-01", Kind: "holiday", Name: "国庆节", Start: "2026-09-28", End: "2026-10-07", HolidayStart: "2026-10-01", HolidayEnd: "2026-10-07", HolidayDays: 7},
	}
	if !slices.Equal(p.Freezes, wantFreezes) {
		t.Fatalf("freezes = %+v", p.Freezes)
	}
	for _, class := range system.Classes {
		ws := ofClass(p, class)
		if len(ws) != 24 {
			t.Fatalf("%s: %d windows", class, len(ws))
		}
		for _, w := range ws {
			frozen := w.Date == "2026-02-12"
			if frozen != (w.State == window.StateFrozen) {
				t.Errorf("%s state %s", w.ID, w.State)
			}
			if frozen {
				a := w.Adjustments[0]
				if a.Kind != window.AdjustFrozen || a.Code != window.ReasonFrozenHoliday || a.Params["holiday"] != "春节" || a.Params["start"] != "2026-02-12" {
					t.Errorf("reason %+v", a)
				}
				if !strings.Contains(w.Reasons("en"), "春节") || !strings.Contains(w.Reasons("zh"), "春节") {
					t.Errorf("reasons %q / %q", w.Reasons("en"), w.Reasons("zh"))
				}
			}
		}
	}
	t.Run("custom freeze range from the template", func(t *testing.T) {
		p := generate(2026, settings(func(w *template.WindowSettings) {
			w.FreezeRanges = []template.FreezeRange{{ID: "closing", Name: template.Text{Zh: "年终决算", En: "Year-end closing"}, Start: "2026-12-20", End: "2026-12-31"}}
		}))
		w := mustWindow(t, p, "2026-12-24-web")
		if w.State != window.StateFrozen || w.Adjustments[0].Code != window.ReasonFrozenRange || w.Adjustments[0].Params["name"] != "年终决算" {
			t.Fatalf("window %+v", w)
		}
		if mustWindow(t, p, "2026-12-10-web").State != window.StateOpen {
			t.Fatal("window before the range frozen")
		}
	})
}

// TestHolidayPolicy covers windows that fall on real holidays.
func TestHolidayPolicy(t *testing.T) {
	weeks13 := func(r *template.WindowRule) { r.Weeks = []int{1, 3} }
	policy := func(p string) func(*template.WindowRule) { return func(r *template.WindowRule) { r.HolidayPolicy = p } }
	both := func(fs ...func(*template.WindowRule)) func(*template.WindowSettings) {
		return func(w *template.WindowSettings) {
			noFreeze(w)
			for _, f := range fs {
				eachRule(f)(w)
			}
		}
	}
	cases := []struct {
		name   string
		year   int
		mod    func(*template.WindowSettings)
		id     string
		state  string
		date   string
		code   string
		holi   string
		counts int
	}{
		// 2026-10-01, the 1st Thursday of October, is National Day; Mon-Wed
		// Sep 28-30 are working days.
		{"previous working day of the week", 2026, both(weeks13), "2026-10-01-java", window.StateMoved, "2026-09-30", window.ReasonHolidayMoved, "国庆节", 24},
		// 2026-01-01 is a Thursday; the earlier days of its week are in 2025.
		{"no earlier working day in the year", 2026, both(weeks13), "2026-01-01-java", window.StateCancelled, "2026-01-01", window.ReasonHolidayNoWorkingDay, "元旦节", 24},
		// 2027-02-11, the 2nd Thursday, is in the Spring Festival (Feb 5-13).
		{"default policy, whole week off", 2027, both(), "2027-02-11-java", window.StateCancelled, "2027-02-11", window.ReasonHolidayNoWorkingDay, "春节", 24},
		// Next working day: Fri 12 and Sat 13 are holidays, Sun Feb 14 is a
		// make-up working day, so the window moves to that Sunday.
		{"next working day lands on a make-up Sunday", 2027, both(policy(template.PolicyNextWorkingDay)), "2027-02-11-java", window.StateMoved, "2027-02-14", window.ReasonHolidayMoved, "春节", 24},
		{"cancel policy", 2027, both(policy(template.PolicyCancel)), "2027-02-11-java", window.StateCancelled, "2027-02-11", window.ReasonHolidayCancelled, "春节", 24},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			p := generate(c.year, settings(c.mod))
			if n := len(ofClass(p, "java")); n != c.counts {
				t.Fatalf("%d java windows", n)
			}
			w := mustWindow(t, p, c.id)
			if w.State != c.state || w.Date != c.date || len(w.Adjustments) != 1 || w.Adjustments[0].Code != c.code || w.Adjustments[0].Params["holiday"] != c.holi {
				t.Fatalf("window %+v", w)
			}
		})
	}
	t.Run("a move into a freeze is frozen, with both reasons", func(t *testing.T) {
		p := generate(2026, settings(eachRule(weeks13)))
		w := mustWindow(t, p, "2026-10-01-java")
		if w.State != window.StateFrozen || w.Date != "2026-09-30" || len(w.Adjustments) != 2 || w.Adjustments[1].Params["holiday"] != "国庆节" {
			t.Fatalf("window %+v", w)
		}
	})
}

func TestNoHolidayData(t *testing.T) {
	p := generate(2031, settings(nil))
	if !p.HasNoHolidayData() || p.HolidaySource != "none" {
		t.Fatalf("2031 not reported: %+v", p.Warnings)
	}
	if p.Warnings[0].Code != window.WarnNoHolidayData || p.Warnings[0].Params["year"] != "2031" {
		t.Fatalf("warning %+v", p.Warnings[0])
	}
	if len(ofClass(p, "java")) != 24 || len(p.Freezes) != 0 {
		t.Fatalf("%d windows, %d freezes", len(ofClass(p, "java")), len(p.Freezes))
	}
	// 2031-10-02 is the 1st Thursday of October; without data it stays open,
	// and the warning is what tells the PMO so.
	p = generate(2031, settings(eachRule(func(r *template.WindowRule) { r.Weeks = []int{1} })))
	if w := mustWindow(t, p, "2031-10-02-java"); w.State != window.StateOpen {
		t.Fatalf("window %+v", w)
	}
	if p2026 := generate(2026, settings(nil)); p2026.HasNoHolidayData() || p2026.HolidaySource != "builtin" {
		t.Fatal("2026 reported without data")
	}
}

func TestEdits(t *testing.T) {
	base := window.Input{Year: 2027, Template: "t@1", Settings: settings(nil), Calendar: builtin(2026, 2027, 2028)}
	cases := []struct {
		name  string
		edits []window.Edit
		code  string
		check func(*testing.T, window.Plan)
	}{
		{"move keeps the id", []window.Edit{{Op: window.OpMove, Window: "2027-03-11-java", Date: "2027-03-10", Start: "20:00", End: "23:30", Reason: "数据库维护"}}, "",
			func(t *testing.T, p window.Plan) {
				w := mustWindow(t, p, "2027-03-11-java")
				if w.State != window.StateMoved || w.Date != "2027-03-10" || w.Start != "20:00" || w.Nominal != "2027-03-11" || !w.Adjustments[0].Manual {
					t.Fatalf("window %+v", w)
				}
			}},
		{"cancel", []window.Edit{{Op: window.OpCancel, Window: "2027-03-11-web", Reason: "机房搬迁"}}, "",
			func(t *testing.T, p window.Plan) {
				if w := mustWindow(t, p, "2027-03-11-web"); w.State != window.StateCancelled || w.Adjustments[0].Params["reason"] != "机房搬迁" {
					t.Fatalf("window %+v", w)
				}
			}},
		{"add an extra window after the cancelled Spring Festival one", []window.Edit{{Op: window.OpAdd, Window: "2027-02-18-java-x1", Class: "java", Date: "2027-02-18", Reason: "补春节窗口"}}, "",
			func(t *testing.T, p window.Plan) {
				w := mustWindow(t, p, "2027-02-18-java-x1")
				if w.State != window.StateOpen || !w.Extra || w.Start != "19:00" || len(ofClass(p, "java")) != 25 {
					t.Fatalf("window %+v", w)
				}
			}},
		{"manual freeze", []window.Edit{{Op: window.OpFreeze, Name: "核心系统升级", Date: "2027-06-01", EndDate: "2027-06-30", Reason: "升级"}}, "",
			func(t *testing.T, p window.Plan) {
				if w := mustWindow(t, p, "2027-06-10-java"); w.State != window.StateFrozen {
					t.Fatalf("window %+v", w)
				}
			}},
		{"reason required", []window.Edit{{Op: window.OpCancel, Window: "2027-03-11-web", Reason: " "}}, "window.reason_required", nil},
		{"unknown window", []window.Edit{{Op: window.OpCancel, Window: "2027-03-12-web", Reason: "x"}}, "window.not_found", nil},
		{"move onto a holiday", []window.Edit{{Op: window.OpMove, Window: "2027-09-23-java", Date: "2027-10-04", Reason: "x"}}, "window.not_working_day", nil},
		{"move onto an ordinary Sunday", []window.Edit{{Op: window.OpMove, Window: "2027-09-23-java", Date: "2027-09-19", Reason: "x"}}, "window.not_working_day", nil},
		{"move onto a make-up Sunday is allowed", []window.Edit{{Op: window.OpMove, Window: "2027-09-23-java", Date: "2027-09-26", Reason: "x"}}, "", nil},
		{"move into another year", []window.Edit{{Op: window.OpMove, Window: "2027-12-23-java", Date: "2028-01-04", Reason: "x"}}, "window.wrong_year", nil},
		{"impossible date", []window.Edit{{Op: window.OpMove, Window: "2027-03-11-java", Date: "2027-02-30", Reason: "x"}}, "window.bad_date", nil},
		{"end before start", []window.Edit{{Op: window.OpMove, Window: "2027-03-11-java", Start: "23:00", End: "19:00", Reason: "x"}}, "window.end_before_start", nil},
		{"onto another window of the class", []window.Edit{{Op: window.OpMove, Window: "2027-03-11-java", Date: "2027-03-25", Reason: "x"}}, "window.duplicate", nil},
		{"no change", []window.Edit{{Op: window.OpMove, Window: "2027-03-11-java", Date: "2027-03-11", Reason: "x"}}, "window.no_change", nil},
		{"cancel twice", []window.Edit{{Op: window.OpCancel, Window: "2027-02-11-java", Reason: "x"}}, "window.already_cancelled", nil},
		{"unknown class", []window.Edit{{Op: window.OpAdd, Window: "x", Class: "cobol", Date: "2027-03-10", Reason: "x"}}, "window.unknown_class", nil},
		{"freeze backwards", []window.Edit{{Op: window.OpFreeze, Name: "x", Date: "2027-06-30", EndDate: "2027-06-01", Reason: "x"}}, "window.bad_range", nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			in := base
			in.Edits = c.edits
			p := window.Generate(in)
			skipped := slices.ContainsFunc(p.Warnings, func(w window.Warning) bool { return w.Code == window.WarnEditSkipped })
			if c.code == "" && skipped {
				t.Fatalf("edit skipped: %+v", p.Warnings)
			}
			if c.code != "" {
				if !skipped || p.Warnings[0].Params["code"] != c.code {
					t.Fatalf("warnings %+v, want code %s", p.Warnings, c.code)
				}
			}
			if len(p.Windows) < 24*len(system.Classes) {
				t.Fatal("a window was lost")
			}
			if c.check != nil {
				c.check(t, p)
			}
		})
	}
}
