package ics_test

import (
	"bytes"
	"errors"
	"fmt"
	"runtime"
	"strings"
	"testing"
	"time"

	"golive/backend/apperr"
	"golive/backend/ics"
	"golive/backend/internal/hostile"
)

// allocated returns the bytes f allocates (runtime.MemStats.TotalAlloc):
// a count of work done, not a time, so it does not depend on the machine.
func allocated(f func()) uint64 {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	f()
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc
}

// Joining folded lines used to copy the whole logical line for every
// physical line (quadratic: a 2.1 MB file took 13.6 GB and 50 s). The
// bytes Parse allocates are now a small multiple of the input's, whatever
// the length of its logical lines.
func TestParseWorkIsLinearInTheInput(t *testing.T) {
	for _, logical := range []int{200_000, 1_000_000} {
		in := hostile.FoldedICS(2*logical+logical/5, logical)
		t.Run(fmt.Sprintf("logical lines of %d bytes", logical), func(t *testing.T) {
			var cal ics.Calendar
			var err error
			n := allocated(func() { cal, err = ics.Parse(bytes.NewReader(in), time.UTC) })
			if err != nil || len(cal.Events) != 2 || len(cal.Events[1].Description) != logical-len("DESCRIPTION:") {
				t.Fatalf("parse: %d events, %v", len(cal.Events), err)
			}
			if limit := 6*uint64(len(in)) + 1<<20; n > limit {
				t.Fatalf("parsing %d bytes allocated %d bytes (%.0f times the input), want at most %d", len(in), n, float64(n)/float64(len(in)), limit)
			}
		})
	}
}

// event returns one VEVENT of a calendar.
func event(i int) string {
	return fmt.Sprintf("BEGIN:VEVENT\r\nUID:%d\r\nDTSTART;VALUE=DATE:20280125\r\nSUMMARY:x\r\nEND:VEVENT\r\n", i)
}

func calendar(events int, extra string) string {
	var b strings.Builder
	b.WriteString("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n")
	for i := range events {
		b.WriteString(event(i))
	}
	b.WriteString(extra)
	b.WriteString("END:VCALENDAR\r\n")
	return b.String()
}

// A file over a limit is refused with a code naming the limit: never read
// in part and accepted.
func TestParseRefusesWhatIsOverTheLimits(t *testing.T) {
	padTo := func(s string, size int) string {
		// X- properties of the calendar are ignored: they only add bytes.
		var b strings.Builder
		b.WriteString(strings.TrimSuffix(s, "END:VCALENDAR\r\n"))
		line := "X-PAD:" + strings.Repeat("p", 1000) + "\r\n"
		for b.Len()+len(line)+len("END:VCALENDAR\r\n") <= size {
			b.WriteString(line)
		}
		for b.Len()+len("END:VCALENDAR\r\n") < size {
			b.WriteString("\r\n") // empty lines are skipped
		}
		b.WriteString("END:VCALENDAR\r\n")
		return b.String()
	}
	t.Run("exactly MaxSize bytes is read", func(t *testing.T) {
		in := padTo(calendar(3, ""), ics.MaxSize)
		if len(in) != ics.MaxSize {
			t.Fatalf("built %d bytes", len(in))
		}
		if cal, err := ics.Parse(strings.NewReader(in), time.UTC); err != nil || len(cal.Events) != 3 {
			t.Fatalf("%d events, %v", len(cal.Events), err)
		}
	})
	cases := []struct {
		name, in, code, max string
	}{
		{"one byte over MaxSize", padTo(calendar(3, ""), ics.MaxSize+1), "ics.too_large", "4 MiB"},
		{"data after the calendar that takes it over MaxSize", calendar(3, "") + strings.Repeat("trailing data\r\n", ics.MaxSize/15+1), "ics.too_large", "4 MiB"},
		{"more than MaxEvents events", calendar(ics.MaxEvents+1, ""), "ics.too_many_events", "10000"},
		{"a physical line over MaxLogicalLine", calendar(1, "X-LONG:"+strings.Repeat("a", ics.MaxLogicalLine)+"\r\n"), "ics.line_too_long", "1 MiB"},
		{"folded lines joined over MaxLogicalLine", calendar(1, ics.Fold("X-LONG:"+strings.Repeat("a", ics.MaxLogicalLine))+"\r\n"), "ics.line_too_long", "1 MiB"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := ics.Parse(strings.NewReader(c.in), time.UTC)
			var e *apperr.Error
			if apperr.Code(err) != c.code || !errors.As(err, &e) || e.Params["max"] != c.max {
				t.Fatalf("err = %v (%s), want %s with max %s", err, apperr.Code(err), c.code, c.max)
			}
		})
	}
	t.Run("MaxEvents events are read", func(t *testing.T) {
		if cal, err := ics.Parse(strings.NewReader(calendar(ics.MaxEvents, "")), time.UTC); err != nil || len(cal.Events) != ics.MaxEvents {
			t.Fatalf("%d events, %v", len(cal.Events), err)
		}
	})
	t.Run("a line of MaxLogicalLine bytes is read", func(t *testing.T) {
		long := "X-LONG:" + strings.Repeat("a", ics.MaxLogicalLine-len("X-LONG:"))
		lines, err := ics.Unfold(strings.NewReader(ics.Fold(long) + "\r\n"))
		if err != nil || len(lines) != 1 || lines[0] != long {
			t.Fatalf("%d lines, %v", len(lines), err)
		}
	})
}

// An error message quotes at most 64 bytes of what the file holds.
func TestParseErrorsQuoteLittle(t *testing.T) {
	in := calendar(0, "BEGIN:VEVENT\r\nDTSTART:"+strings.Repeat("9", 10000)+"\r\nEND:VEVENT\r\n")
	_, err := ics.Parse(strings.NewReader(in), time.UTC)
	var e *apperr.Error
	if apperr.Code(err) != "ics.bad_time" || !errors.As(err, &e) || len(e.Params["value"]) > 64+len("…") {
		t.Fatalf("err = %v", err)
	}
}

// Found by FuzzParse: a text that is not UTF-8 (a file saved in GB18030,
// say) was read as is, and came out of Write as U+FFFD. Parse now refuses
// it, naming the line.
func TestParseRefusesTextThatIsNotUTF8(t *testing.T) {
	in := "BEGIN:VCALENDAR\nBEGIN:VEVENT\nSUMMARY:\xb4\xba\xbd\xda\nEND:VEVENT\nEND:VCALENDAR" // "Spring Festival" in GB18030
	_, err := ics.Parse(strings.NewReader(in), time.UTC)
	var e *apperr.Error
	if apperr.Code(err) != "ics.not_utf8" || !errors.As(err, &e) || e.Params["line"] != "3" {
		t.Fatalf("err = %v, want ics.not_utf8 on line 3", err)
	}
}
