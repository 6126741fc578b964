package holiday_test

import (
	"bytes"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"golive/backend/apperr"
	"golive/backend/holiday"
	"golive/backend/ics"
	"golive/backend/internal/hostile"
)

// checkYear asserts what every accepted year holds: at most a year of
// days, each once, in the year, sorted, with a plain name.
func checkYear(t *testing.T, y holiday.Year, year int) {
	t.Helper()
	if y.Year != year || len(y.Days) == 0 || len(y.Days) > 366 {
		t.Fatalf("year %d with %d days", y.Year, len(y.Days))
	}
	prefix := strconv.Itoa(year) + "-"
	for i, d := range y.Days {
		if !strings.HasPrefix(d.Date, prefix) || i > 0 && y.Days[i-1].Date >= d.Date {
			t.Fatalf("day %d is %q after %q", i, d.Date, y.Days[max(i-1, 0)].Date)
		}
		if d.Name == "" || utf8.RuneCountInString(d.Name) > holiday.MaxName {
			t.Fatalf("name %q", d.Name)
		}
	}
}

// FuzzParseJSON checks the holiday file reader on any bytes: it refuses
// with a holiday code, or returns a valid year that the file form gives
// back unchanged.
func FuzzParseJSON(f *testing.F) {
	f.Add([]byte(file2028))
	f.Add(holiday.Builtin(2026).JSON())
	f.Add([]byte(`{"year":2028,"holidays":null,"workdays":[{"name":"x","date":"2028-01-01"}]}`))
	f.Add([]byte(`{"year":2028,"holidays":[{"name":"x","start":"2028-01-01","end":"2028-03-01"}],"year":1}`))
	f.Add(hostile.HolidayJSON(2000, 2028))
	f.Fuzz(func(t *testing.T, in []byte) {
		y, err := holiday.ParseJSON(in)
		if err != nil {
			if !strings.HasPrefix(apperr.Code(err), "holiday.") {
				t.Fatalf("refused with %q: %v", apperr.Code(err), err)
			}
			return
		}
		checkYear(t, y, y.Year)
		again, err := holiday.ParseJSON(y.JSON())
		if err != nil || len(again.Days) != len(y.Days) {
			t.Fatalf("the file form %s of an accepted year is refused: %v", y.JSON(), err)
		}
		for i := range y.Days {
			if again.Days[i] != y.Days[i] {
				t.Fatalf("day %d: %+v became %+v", i, y.Days[i], again.Days[i])
			}
		}
	})
}

// parseICSReference is the former ParseICS: every date of every event,
// then Validate. The bounded one must agree with it.
func parseICSReference(year int, in []byte) (holiday.Year, error) {
	cal, err := ics.Parse(bytes.NewReader(in), time.UTC)
	if err != nil {
		return holiday.Year{}, err
	}
	y := holiday.Year{Year: year, Source: holiday.SourceImported}
	prefix := strconv.Itoa(year) + "-"
	for _, e := range cal.Events {
		if e.Status == ics.StatusCancelled {
			continue
		}
		work := strings.EqualFold(e.Props["X-GOLIVE-DAYTYPE"], "WORKDAY") || e.HasCategory("WORKDAY")
		name := strings.TrimSpace(e.Summary)
		for _, m := range []string{"\u8865\u73ed", "\u4e0a\u73ed"} {
			if e.HasCategory(m) || strings.Contains(name, m) {
				work = true
			}
			name = strings.TrimSpace(strings.ReplaceAll(name, m, ""))
		}
		name = strings.Trim(name, " -\u00b7()\uff08\uff09")
		if name == "" {
			name = "\u8282\u5047\u65e5"
			if work {
				name = "\u8c03\u4f11"
			}
		}
		for _, d := range e.Dates() {
			if strings.HasPrefix(d, prefix) {
				y.Days = append(y.Days, holiday.Day{Date: d, Name: name, Work: work})
			}
		}
	}
	if err := y.Validate(); err != nil {
		return holiday.Year{}, err
	}
	return y, nil
}

// FuzzParseICS checks the .ics holiday reader on any bytes against the
// former, unbounded one: the same days, or refusals with holiday or ics
// codes.
func FuzzParseICS(f *testing.F) {
	f.Add(2028, []byte(ics2028))
	f.Add(2027, []byte(ics2028))
	f.Add(2028, []byte(strings.Replace(ics2028, "SUMMARY:\u516c\u53f8\u65e5", "SUMMARY:\u516c\u53f8\u65e5\u8865\u73ed", 1)))
	f.Add(2028, []byte("BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART;VALUE=DATE:20271201\r\nDTEND;VALUE=DATE:20290101\r\nSUMMARY:x\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"))
	f.Add(2028, hostile.FoldedICS(3000, 500))
	f.Fuzz(func(t *testing.T, year int, in []byte) {
		y, err := holiday.ParseICS(year, bytes.NewReader(in))
		ref, rerr := parseICSReference(year, in)
		if err != nil {
			code := apperr.Code(err)
			if !strings.HasPrefix(code, "holiday.") && !strings.HasPrefix(code, "ics.") {
				t.Fatalf("refused with %q: %v", code, err)
			}
			if rerr == nil {
				t.Fatalf("refused (%v) what the former reader accepted", err)
			}
			return
		}
		if rerr != nil {
			t.Fatalf("accepted what the former reader refused (%v)", rerr)
		}
		checkYear(t, y, year)
		if len(y.Days) != len(ref.Days) {
			t.Fatalf("%d days, the former reader %d", len(y.Days), len(ref.Days))
		}
		for i := range y.Days {
			if y.Days[i] != ref.Days[i] {
				t.Fatalf("day %d: %+v, the former reader %+v", i, y.Days[i], ref.Days[i])
			}
		}
	})
}
