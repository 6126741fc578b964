package ics_test

import (
	"bufio"
	"bytes"
	"slices"
	"strings"
	"testing"
	"time"

	"golive/backend/apperr"
	"golive/backend/ics"
	"golive/backend/internal/hostile"
)

// seedCalendars are real calendars: what Write makes, Outlook's form, and
// the hostile folded file in small.
func seedCalendars(f *testing.F) {
	loc := time.FixedZone("CST", 8*3600)
	var buf bytes.Buffer
	_ = ics.Write(&buf, ics.Calendar{ProdID: "-//GoLive//Test//ZH", Method: "PUBLISH", Name: "2027 plan", Events: []ics.Event{
		{UID: "a@golive", Start: time.Date(2027, 3, 11, 19, 0, 0, 0, loc), End: time.Date(2027, 3, 11, 23, 0, 0, 0, loc),
			Summary: "window \u00b7 Java", Description: strings.Repeat("long; text, with\\ escapes\n", 5), Categories: []string{"a,b", "c"},
			Props: map[string]string{"X-GOLIVE-WINDOW": "2027-03-11-java"}},
		{UID: "b@golive", Start: time.Date(2027, 2, 2, 0, 0, 0, 0, time.UTC), End: time.Date(2027, 2, 14, 0, 0, 0, 0, time.UTC), AllDay: true, Summary: "freeze"},
	}})
	f.Add(buf.Bytes())
	f.Add([]byte("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VTIMEZONE\r\nTZID:China Standard Time\r\nEND:VTIMEZONE\r\n" +
		"BEGIN:VEVENT\r\nUID:x\r\nDTSTART;TZID=\"China Standard Time\":20270311T190000\r\nDTEND;TZID=China Standard Time:20270311T230000\r\nSUMMARY:x\r\n" +
		"BEGIN:VALARM\r\nACTION:DISPLAY\r\nEND:VALARM\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nDTSTART:20270312T190000\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"))
	f.Add([]byte("BEGIN:VCALENDAR\nA:1\nB:x\n\ty\n y\nEND:VCALENDAR"))
	f.Add([]byte("BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART;VALUE=DATE;VALUE=DATE-TIME:20270311T190000Z\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"))
	f.Add(hostile.FoldedICS(4000, 1000))
}

// unfoldReference is the former Unfold, quadratic but plain: the linear
// one must agree with it on every input.
func unfoldReference(in []byte) []string {
	sc := bufio.NewScanner(bytes.NewReader(in))
	sc.Buffer(make([]byte, 0, 64<<10), ics.MaxLogicalLine)
	var out []string
	for sc.Scan() {
		l := strings.TrimSuffix(sc.Text(), "\r")
		if (strings.HasPrefix(l, " ") || strings.HasPrefix(l, "\t")) && len(out) > 0 {
			out[len(out)-1] += l[1:]
			continue
		}
		if l == "" {
			continue
		}
		out = append(out, l)
	}
	return out
}

// FuzzUnfold checks the one-pass Unfold against the plain quadratic one.
func FuzzUnfold(f *testing.F) {
	seedCalendars(f)
	f.Add([]byte(" leading continuation\r\n\r\n x\r\r\n\ty\n"))
	f.Fuzz(func(t *testing.T, in []byte) {
		if len(in) > 64<<10 {
			return // the two part ways only at MaxLogicalLine, which limits_test.go covers
		}
		got, err := ics.Unfold(bytes.NewReader(in))
		if err != nil {
			t.Fatalf("Unfold of %d bytes: %v", len(in), err)
		}
		if want := unfoldReference(in); !slices.Equal(got, want) {
			t.Fatalf("Unfold(%q) = %q, want %q", in, got, want)
		}
	})
}

// FuzzParse checks Parse on any bytes: it refuses with an ics code or
// returns at most MaxEvents events whose texts come from the input (none
// longer than it), every all-day event covering at most 366 days; and
// what Write makes of the result parses back to the same texts.
func FuzzParse(f *testing.F) {
	seedCalendars(f)
	f.Fuzz(func(t *testing.T, in []byte) {
		cal, err := ics.Parse(bytes.NewReader(in), time.UTC)
		if err != nil {
			if !strings.HasPrefix(apperr.Code(err), "ics.") {
				t.Fatalf("refused with %q: %v", apperr.Code(err), err)
			}
			return
		}
		if len(cal.Events) > ics.MaxEvents {
			t.Fatalf("%d events", len(cal.Events))
		}
		for _, e := range cal.Events {
			for _, s := range []string{e.UID, e.Summary, e.Description, e.Location, e.Status} {
				if len(s) > len(in) {
					t.Fatalf("a text of %d bytes from %d bytes of input", len(s), len(in))
				}
			}
			if n := len(e.Dates()); n < 1 || n > 366 {
				t.Fatalf("an event covers %d days", n)
			}
		}
		var buf bytes.Buffer
		if err := ics.Write(&buf, cal); err != nil {
			t.Fatalf("Write: %v", err)
		}
		again, err := ics.Parse(&buf, time.UTC)
		if err != nil {
			t.Fatalf("what Write made of %q does not parse: %v\n%s", in, err, buf.String())
		}
		if len(again.Events) != len(cal.Events) {
			t.Fatalf("%d events became %d", len(cal.Events), len(again.Events))
		}
		noCR := func(s string) string { return strings.ReplaceAll(s, "\r", "") }
		for i, e := range cal.Events {
			g := again.Events[i]
			if g.UID != noCR(e.UID) || g.Summary != noCR(e.Summary) || g.Description != noCR(e.Description) || g.Location != noCR(e.Location) {
				t.Fatalf("event %d: %+v became %+v", i, e, g)
			}
		}
	})
}
