package window_test

import (
	"errors"
	"strings"
	"testing"

	"golive/backend/apperr"
	"golive/backend/holiday"
)

// The app's holiday import (WindowAPI.ImportHolidaysFromDialog) reads the
// file through ImportHolidays. It used to read the first 4 MiB and accept
// them: a valid year followed by padding and anything at all went in.
// Now a file over the limit is refused with the limit named, and nothing
// is saved.
func TestImportHolidaysRefusesAFileOverTheLimit(t *testing.T) {
	e := newEnv(t, nil)
	year := `{"year":2026,"holidays":[{"name":"` + "\u516c\u53f8\u5e86\u5178" + `","start":"2026-03-12"}],"workdays":[]}`
	pad := strings.Repeat(" ", holiday.MaxFileBytes-len(year))
	t.Run("a file of exactly the limit is read", func(t *testing.T) {
		if _, err := e.svc.ImportHolidays(2026, "2026.json", strings.NewReader(year+pad)); err != nil {
			t.Fatal(err)
		}
		if err := e.svc.ResetHolidays(2026); err != nil {
			t.Fatal(err)
		}
	})
	for _, name := range []string{"2026.json", "2026.ics"} {
		t.Run("one byte more is refused: "+name, func(t *testing.T) {
			in := year + pad + "x"
			if strings.HasSuffix(name, ".ics") {
				// Empty lines are skipped: a valid calendar, then padding.
				cal := "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART;VALUE=DATE:20260312\r\nSUMMARY:x\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
				in = cal + strings.Repeat("\n", holiday.MaxFileBytes+1-len(cal))
			}
			_, err := e.svc.ImportHolidays(2026, name, strings.NewReader(in))
			var ae *apperr.Error
			if apperr.Code(err) != "holiday.too_large" || !errors.As(err, &ae) || ae.Params["max"] != "4 MiB" {
				t.Fatalf("err = %v, want holiday.too_large naming 4 MiB", err)
			}
			y, err := e.holidays.Year(2026)
			if err != nil || y.Source != holiday.SourceBuiltin {
				t.Fatalf("after a refused import the year is %q (%v)", y.Source, err)
			}
		})
	}
}
