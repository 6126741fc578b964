package holiday_test

import (
	"errors"
	"fmt"
	"runtime"
	"strings"
	"testing"

	"golive/backend/apperr"
	"golive/backend/holiday"
	"golive/backend/internal/hostile"
)

// allocated returns the bytes f allocates (runtime.MemStats.TotalAlloc):
// a count of the work done, not a time.
func allocated(f func()) uint64 {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	f()
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc
}

func params(t *testing.T, err error) map[string]string {
	t.Helper()
	var e *apperr.Error
	if !errors.As(err, &e) {
		t.Fatalf("err = %v, not coded", err)
	}
	return e.Params
}

// A 3.5 MB file of 61-day ranges used to expand into four million days
// (1.08 GB allocated, 4.9 s) and be accepted. It is now refused at the
// 367th range, having decoded no more than that.
func TestParseJSONRefusesMoreEntriesThanAYearHasDays(t *testing.T) {
	data := hostile.HolidayJSON(3_500_000, 2028)
	var err error
	n := allocated(func() { _, err = holiday.ParseJSON(data) })
	if apperr.Code(err) != "holiday.too_many" || params(t, err)["max"] != "366" || params(t, err)["field"] != "holidays" {
		t.Fatalf("err = %v, want holiday.too_many for holidays, max 366", err)
	}
	if n > 4<<20 {
		t.Fatalf("refusing the file allocated %d bytes", n)
	}
	t.Run("366 ranges and 366 make-up days are read", func(t *testing.T) {
		var b strings.Builder
		b.WriteString(`{"year":2028,"holidays":[`)
		for i := range holiday.MaxEntries {
			if i > 0 {
				b.WriteByte(',')
			}
			fmt.Fprintf(&b, `{"name":"h","start":"2028-01-%02d"}`, i%28+1)
		}
		b.WriteString(`],"workdays":[`)
		for i := range holiday.MaxEntries {
			if i > 0 {
				b.WriteByte(',')
			}
			fmt.Fprintf(&b, `{"name":"w","date":"2028-03-%02d"}`, i%28+1)
		}
		b.WriteString(`]}`)
		y, err := holiday.ParseJSON([]byte(b.String()))
		if err != nil || len(y.Days) != 56 {
			t.Fatalf("%d days, %v", len(y.Days), err)
		}
		more := strings.Replace(b.String(), `],"workdays":[`, `],"workdays":[{"name":"w","date":"2028-04-01"},`, 1)
		if _, err := holiday.ParseJSON([]byte(more)); apperr.Code(err) != "holiday.too_many" || params(t, err)["field"] != "workdays" {
			t.Fatalf("367 workdays: %v", err)
		}
	})
}

func TestParseJSONChecksNamesAndMembers(t *testing.T) {
	cases := []struct {
		name, in, code string
	}{
		{"a bidirectional override in a name", `{"year":2028,"holidays":[{"name":"\u202etxt.exe","start":"2028-01-01"}]}`, "holiday.bad_name"},
		{"a NUL in a name", `{"year":2028,"holidays":[{"name":"a\u0000b","start":"2028-01-01"}]}`, "holiday.bad_name"},
		{"a line break in a make-up day's name", `{"year":2028,"workdays":[{"name":"a\nb","date":"2028-01-01"}]}`, "holiday.bad_name"},
		{"a name of 65 characters", `{"year":2028,"holidays":[{"name":"` + strings.Repeat("x", holiday.MaxName+1) + `","start":"2028-01-01"}]}`, "holiday.bad_name"},
		{"a member twice", `{"year":2028,"year":2029,"holidays":[{"name":"x","start":"2028-01-01"}]}`, "holiday.bad_json"},
		{"holidays not a list", `{"year":2028,"holidays":{}}`, "holiday.bad_json"},
		{"not an object", `[]`, "holiday.bad_json"},
		{"unknown member of a range", `{"year":2028,"holidays":[{"name":"x","start":"2028-01-01","colour":1}]}`, "holiday.unknown_field"},
		{"a range of 62 days", `{"year":2028,"holidays":[{"name":"x","start":"2028-01-01","end":"2028-03-02"}]}`, "holiday.bad_range"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if _, err := holiday.ParseJSON([]byte(c.in)); apperr.Code(err) != c.code {
				t.Fatalf("code = %q (%v), want %q", apperr.Code(err), err, c.code)
			}
		})
	}
	t.Run("a name of 64 characters, null lists and a 61-day range are read", func(t *testing.T) {
		in := `{"year":2028,"workdays":null,"holidays":[{"name":"` + strings.Repeat("\u8282", holiday.MaxName) + `","start":"2028-01-01","end":"2028-03-01"}]}`
		if y, err := holiday.ParseJSON([]byte(in)); err != nil || len(y.Days) != 61 {
			t.Fatalf("%d days, %v", len(y.Days), err)
		}
	})
	t.Run("an error quotes at most 64 bytes of the file", func(t *testing.T) {
		_, err := holiday.ParseJSON([]byte(`{"year":2028,"` + strings.Repeat("k", 10000) + `":1}`))
		if apperr.Code(err) != "holiday.unknown_field" || len(params(t, err)["field"]) > 64+len("\u2026") {
			t.Fatalf("err = %v", err)
		}
	})
}

// An .ics file of 10,000 events each covering a whole year used to give
// 3.66 million days, then deduplicated. Each event now adds only the days
// not taken yet, so the result is at most a year and the work a small
// multiple of the file.
func TestParseICSManyYearLongEventsIsBounded(t *testing.T) {
	var b strings.Builder
	b.WriteString("BEGIN:VCALENDAR\r\n")
	for i := range 10000 {
		fmt.Fprintf(&b, "BEGIN:VEVENT\r\nUID:%d\r\nDTSTART;VALUE=DATE:20280101\r\nDTEND;VALUE=DATE:20290101\r\nSUMMARY:x\r\nEND:VEVENT\r\n", i)
	}
	b.WriteString("END:VCALENDAR\r\n")
	in := b.String()
	var y holiday.Year
	var err error
	n := allocated(func() { y, err = holiday.ParseICS(2028, strings.NewReader(in)) })
	if err != nil || len(y.Days) != 366 {
		t.Fatalf("%d days, %v", len(y.Days), err)
	}
	// Each 100-byte event becomes an ics.Event of about 200 bytes, kept in
	// a slice that grows by doubling: 16 times the input bounds the lot.
	if limit := 16 * uint64(len(in)); n > limit {
		t.Fatalf("parsing %d bytes allocated %d bytes, want at most %d", len(in), n, limit)
	}
	t.Run("a day both off and working is refused", func(t *testing.T) {
		in := strings.Replace(in, "SUMMARY:x\r\nEND:VEVENT", "SUMMARY:x\u8865\u73ed\r\nEND:VEVENT", 1)
		in = strings.Replace(in, "UID:0\r\n", "UID:0\r\n", 1)
		// The first event is now a year of make-up days; the second a year off.
		if _, err := holiday.ParseICS(2028, strings.NewReader(in)); apperr.Code(err) != "holiday.conflict" {
			t.Fatalf("err = %v", err)
		}
	})
}
