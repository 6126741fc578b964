package holiday_test

import (
	"strconv"
	"strings"
	"testing"
	"time"

	"golive/backend/apperr"
	"golive/backend/holiday"
	"golive/backend/store"
	"golive/backend/zone"
)

func date(t *testing.T, s string) time.Time {
	t.Helper()
	d, err := time.Parse(time.DateOnly, s)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func openStore(t *testing.T) *store.Store {
	t.Helper()
	st, err := store.Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = st.Close() })
	return st
}

func TestBuiltin(t *testing.T) {
	cases := []struct {
		year    int
		hasData bool
	}{
		{2025, true}, {2026, true}, {2027, true},
		// lunar-go returns nothing, without error, after 2027.
		{2028, false}, {2031, false}, {1999, false},
	}
	for _, c := range cases {
		t.Run(time.Date(c.year, 1, 1, 0, 0, 0, 0, time.UTC).Format("2006"), func(t *testing.T) {
			y := holiday.Builtin(c.year)
			if y.HasData() != c.hasData {
				t.Fatalf("HasData = %v, want %v (%d days)", y.HasData(), c.hasData, len(y.Days))
			}
			want := holiday.SourceBuiltin
			if !c.hasData {
				want = holiday.SourceNone
			}
			if y.Source != want {
				t.Errorf("Source = %q, want %q", y.Source, want)
			}
			for _, d := range y.Days {
				if !strings.HasPrefix(d.Date, strconv.Itoa(c.year)+"-") {
					t.Errorf("day %s outside %d", d.Date, c.year)
				}
			}
		})
	}
}

func TestCalendar2026(t *testing.T) {
	cal := holiday.NewCalendar(holiday.Builtin(2025), holiday.Builtin(2026), holiday.Builtin(2027))
	cases := []struct {
		date    string
		working bool
		holiday string
		makeUp  bool
	}{
		{"2026-10-01", false, "国庆节", false},
		{"2026-10-07", false, "国庆节", false},
		{"2026-10-08", true, "", false},
		{"2026-10-10", true, "", true}, // Saturday, make-up working day
		{"2026-02-14", true, "", true}, // Saturday before the Spring Festival, make-up working day
		{"2026-02-16", false, "春节", false},
		{"2026-02-28", true, "", true},   // Saturday, make-up
		{"2026-03-07", false, "", false}, // an ordinary Saturday
		{"2026-03-12", true, "", false},  // an ordinary Thursday
		{"2026-01-04", true, "", true},   // Sunday, make-up for New Year
	}
	for _, c := range cases {
		t.Run(c.date, func(t *testing.T) {
			d := date(t, c.date)
			if got := cal.IsWorkingDay(d); got != c.working {
				t.Errorf("IsWorkingDay = %v", got)
			}
			h, ok := cal.Holiday(d)
			if ok != (c.holiday != "") || h.Name != c.holiday {
				t.Errorf("Holiday = %+v, %v", h, ok)
			}
			if _, ok := cal.MakeUp(d); ok != c.makeUp {
				t.Errorf("MakeUp = %v", ok)
			}
		})
	}
	t.Run("Breaks", func(t *testing.T) {
		var long []holiday.Break
		for _, b := range cal.Breaks(date(t, "2026-01-01"), date(t, "2026-12-31")) {
			if b.Days >= 7 {
				long = append(long, b)
			}
		}
		want := []holiday.Break{{Name: "春节", Start: "2026-02-15", End: "2026-02-23", Days: 9}, {Name: "国庆节", Start: "2026-10-01", End: "2026-10-07", Days: 7}}
		if len(long) != len(want) || long[0] != want[0] || long[1] != want[1] {
			t.Fatalf("long breaks = %+v", long)
		}
	})
	t.Run("year without data is weekdays only and says so", func(t *testing.T) {
		c := holiday.NewCalendar(holiday.Builtin(2031))
		if c.HasData(2031) {
			t.Fatal("2031 reported as having data")
		}
		if !c.IsWorkingDay(date(t, "2031-10-01")) { // a Wednesday
			t.Fatal("weekday fallback")
		}
	})
}

const file2028 = `{
  "year": 2028,
  "holidays": [
    {"name": "元旦", "start": "2028-01-01", "end": "2028-01-03"},
    {"name": "春节", "start": "2028-01-25", "end": "2028-02-01"},
    {"name": "端午节", "start": "2028-05-28"}
  ],
  "workdays": [{"name": "春节", "date": "2028-01-22"}]
}`

func TestParseJSON(t *testing.T) {
	y, err := holiday.ParseJSON([]byte(file2028))
	if err != nil {
		t.Fatal(err)
	}
	if y.Year != 2028 || y.Source != holiday.SourceImported || len(y.Days) != 3+8+1+1 {
		t.Fatalf("year = %+v", y)
	}
	cal := holiday.NewCalendar(y)
	if !cal.IsWorkingDay(date(t, "2028-01-22")) || cal.IsWorkingDay(date(t, "2028-01-27")) {
		t.Error("make-up day or holiday misread")
	}
	t.Run("round-trips through the file form", func(t *testing.T) {
		again, err := holiday.ParseJSON(y.JSON())
		if err != nil {
			t.Fatal(err)
		}
		if len(again.Days) != len(y.Days) || len(again.ToFile().Holidays) != 3 {
			t.Fatalf("round trip: %s", y.JSON())
		}
	})
	rejects := []struct {
		name, in, code string
	}{
		{"unknown field", `{"year":2028,"holidays":[],"colour":1}`, "holiday.unknown_field"},
		{"not json", `{"year":`, "holiday.bad_json"},
		{"trailing data", file2028 + " {}", "holiday.bad_json"},
		{"year out of range", `{"year":1800,"holidays":[{"name":"x","start":"1800-01-01"}]}`, "holiday.bad_year"},
		{"impossible date", `{"year":2028,"holidays":[{"name":"x","start":"2028-02-30"}]}`, "holiday.bad_date"},
		{"date in another year", `{"year":2028,"holidays":[{"name":"x","start":"2027-12-31"}]}`, "holiday.wrong_year"},
		{"range backwards", `{"year":2028,"holidays":[{"name":"x","start":"2028-02-03","end":"2028-02-01"}]}`, "holiday.bad_range"},
		{"name missing", `{"year":2028,"holidays":[{"name":" ","start":"2028-02-03"}]}`, "holiday.name_required"},
		{"day both off and working", `{"year":2028,"holidays":[{"name":"x","start":"2028-02-03"}],"workdays":[{"name":"x","date":"2028-02-03"}]}`, "holiday.conflict"},
		{"nothing in it", `{"year":2028,"holidays":[],"workdays":[]}`, "holiday.empty"},
	}
	for _, c := range rejects {
		t.Run("rejects "+c.name, func(t *testing.T) {
			if _, err := holiday.ParseJSON([]byte(c.in)); apperr.Code(err) != c.code {
				t.Fatalf("code = %q (%v), want %q", apperr.Code(err), err, c.code)
			}
		})
	}
}

const ics2028 = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//ZH\r\n" +
	"BEGIN:VEVENT\r\nUID:a\r\nDTSTART;VALUE=DATE:20280125\r\nDTEND;VALUE=DATE:20280202\r\nSUMMARY:春节\r\nEND:VEVENT\r\n" +
	"BEGIN:VEVENT\r\nUID:b\r\nDTSTART;VALUE=DATE:20280122\r\nDTEND;VALUE=DATE:20280123\r\nSUMMARY:春节补班\r\nEND:VEVENT\r\n" +
	"BEGIN:VEVENT\r\nUID:c\r\nDTSTART;VALUE=DATE:20280205\r\nSUMMARY:调休\r\nCATEGORIES:WORKDAY\r\nEND:VEVENT\r\n" +
	"BEGIN:VEVENT\r\nUID:d\r\nDTSTART;VALUE=DATE:20280212\r\nSUMMARY:公司日\r\nX-GOLIVE-DAYTYPE:WORKDAY\r\nEND:VEVENT\r\n" +
	"BEGIN:VEVENT\r\nUID:e\r\nDTSTART;VALUE=DATE:20271231\r\nDTEND;VALUE=DATE:20280102\r\nSUMMARY:元旦\r\nEND:VEVENT\r\n" +
	"BEGIN:VEVENT\r\nUID:f\r\nDTSTART;VALUE=DATE:20280301\r\nSUMMARY:作废\r\nSTATUS:CANCELLED\r\nEND:VEVENT\r\n" +
	"END:VCALENDAR\r\n"

func TestParseICS(t *testing.T) {
	y, err := holiday.ParseICS(2028, strings.NewReader(ics2028))
	if err != nil {
		t.Fatal(err)
	}
	cal := holiday.NewCalendar(y)
	cases := []struct {
		date    string
		working bool
		name    string
	}{
		{"2028-01-25", false, "春节"},
		{"2028-02-01", false, "春节"},
		{"2028-02-02", true, ""},
		{"2028-01-22", true, "春节"}, // Saturday, marked by 补班 in SUMMARY
		{"2028-02-05", true, "调休"}, // Saturday, marked by CATEGORIES:WORKDAY
		{"2028-02-12", true, "公司日"},
		{"2028-01-01", false, "元旦"}, // the 2027 day of the event is ignored
		{"2028-03-01", true, ""},    // cancelled event skipped
	}
	for _, c := range cases {
		t.Run(c.date, func(t *testing.T) {
			d := date(t, c.date)
			if cal.IsWorkingDay(d) != c.working {
				t.Errorf("IsWorkingDay = %v", !c.working)
			}
			if c.name != "" {
				h, _ := cal.Holiday(d)
				m, _ := cal.MakeUp(d)
				if h.Name != c.name && m.Name != c.name {
					t.Errorf("name = %q / %q", h.Name, m.Name)
				}
			}
		})
	}
	if _, err := holiday.ParseICS(2029, strings.NewReader(ics2028)); apperr.Code(err) != "holiday.empty" {
		t.Errorf("a file without days of the year: %v", err)
	}
}

func TestServiceImportOverridesBuiltin(t *testing.T) {
	st := openStore(t)
	s := holiday.NewService(st, zone.Default())
	s.Now = func() time.Time { return time.Date(2026, 11, 1, 10, 0, 0, 0, time.UTC) }
	y, err := s.Year(2028)
	if err != nil || y.HasData() || y.Source != holiday.SourceNone {
		t.Fatalf("2028 before import: %+v, %v", y, err)
	}
	if _, err := s.ImportJSON(strings.NewReader(file2028), "2028.json", "pmo1"); err != nil {
		t.Fatal(err)
	}
	y, err = s.Year(2028)
	if err != nil || !y.HasData() || y.Source != holiday.SourceImported || y.File != "2028.json" || y.ImportedBy != "pmo1" {
		t.Fatalf("2028 after import: %+v, %v", y, err)
	}
	// An import for a year with built-in data replaces it entirely.
	if _, err := s.ImportICS(2026, strings.NewReader(strings.ReplaceAll(ics2028, "2028", "2026")), "2026.ics", "pmo1"); err != nil {
		t.Fatal(err)
	}
	cal, err := s.Calendar(2026)
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := cal.Holiday(date(t, "2026-10-01")); ok {
		t.Error("built-in 2026 National Day still applies after an import")
	}
	if _, ok := cal.Holiday(date(t, "2026-01-25")); !ok {
		t.Error("imported 2026 day missing")
	}
	years, err := s.Imported()
	if err != nil || len(years) != 2 {
		t.Fatalf("Imported = %v, %v", years, err)
	}
	if err := s.Reset(2026); err != nil {
		t.Fatal(err)
	}
	if y, _ := s.Year(2026); y.Source != holiday.SourceBuiltin {
		t.Errorf("after Reset source = %q", y.Source)
	}
	if _, err := s.ImportJSON(strings.NewReader(`{"year":2028}`), "x.json", "pmo1"); apperr.Code(err) != "holiday.empty" {
		t.Errorf("empty import: %v", err)
	}
}
