package ics_test

import (
	"bytes"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"golive/backend/apperr"
	"golive/backend/ics"
)

func shanghai(t *testing.T) *time.Location {
	t.Helper()
	loc, err := time.LoadLocation("Asia/Shanghai")
	if err != nil {
		t.Fatal(err)
	}
	return loc
}

func TestFoldUnfold(t *testing.T) {
	cases := []struct {
		name string
		line string
	}{
		{"short line stays whole", "SUMMARY:上线发布窗口"},
		{"exactly 75 octets", "DESCRIPTION:" + strings.Repeat("a", 75-len("DESCRIPTION:"))},
		{"76 octets folds once", "DESCRIPTION:" + strings.Repeat("a", 76-len("DESCRIPTION:"))},
		{"long ascii", "DESCRIPTION:" + strings.Repeat("0123456789", 30)},
		{"long chinese never split inside a character", "DESCRIPTION:" + strings.Repeat("封网期发布窗口", 20)},
		{"mixed widths", "SUMMARY:" + strings.Repeat("a中bc文", 40)},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			folded := ics.Fold(c.line)
			for i, phys := range strings.Split(folded, "\r\n") {
				if len(phys) > ics.MaxLine {
					t.Errorf("physical line %d has %d octets", i, len(phys))
				}
				if !utf8.ValidString(phys) {
					t.Errorf("physical line %d splits a UTF-8 character: %q", i, phys)
				}
				if i > 0 && !strings.HasPrefix(phys, " ") {
					t.Errorf("continuation line %d does not start with a space", i)
				}
			}
			if len(c.line) <= ics.MaxLine && folded != c.line {
				t.Errorf("a line of %d octets was folded", len(c.line))
			}
			lines, err := ics.Unfold(strings.NewReader(folded + "\r\n"))
			if err != nil || len(lines) != 1 || lines[0] != c.line {
				t.Fatalf("Unfold = %q, %v", lines, err)
			}
		})
	}
	t.Run("LF endings and tab continuation", func(t *testing.T) {
		lines, err := ics.Unfold(strings.NewReader("A:1\nB:x\n\ty\n y\nC:3"))
		if err != nil || strings.Join(lines, "|") != "A:1|B:xyy|C:3" {
			t.Fatalf("got %q, %v", lines, err)
		}
	})
}

func TestWriteParseRoundTrip(t *testing.T) {
	loc := shanghai(t)
	stamp := time.Date(2026, 11, 26, 9, 30, 0, 0, time.UTC)
	long := strings.Repeat("原因：春节假期，提前至本周前一个工作日；", 6) + "\n第二行, with; commas\\ and backslash"
	in := ics.Calendar{ProdID: "-//GoLive//Test//ZH", Method: "PUBLISH", Name: "2027 年上线发布窗口计划", Events: []ics.Event{
		{UID: "2027-03-11-java@golive", Stamp: stamp, Start: time.Date(2027, 3, 11, 19, 0, 0, 0, loc), End: time.Date(2027, 3, 11, 23, 0, 0, 0, loc),
			Summary: "上线发布窗口 · Java", Description: long, Status: ics.StatusConfirmed, Categories: []string{"发布窗口", "a,b"}, Sequence: 2,
			Props: map[string]string{"X-GOLIVE-WINDOW": "2027-03-11-java"}},
		{UID: "cancelled@golive", Stamp: stamp, Start: time.Date(2027, 2, 11, 19, 0, 0, 0, loc), End: time.Date(2027, 2, 11, 23, 0, 0, 0, loc),
			Summary: "取消", Status: ics.StatusCancelled},
		{UID: "utc@golive", Stamp: stamp, Start: time.Date(2027, 1, 1, 1, 0, 0, 0, time.UTC), End: time.Date(2027, 1, 1, 2, 0, 0, 0, time.UTC), Summary: "utc"},
		{UID: "freeze@golive", Stamp: stamp, Start: time.Date(2027, 2, 2, 0, 0, 0, 0, time.UTC), End: time.Date(2027, 2, 14, 0, 0, 0, 0, time.UTC),
			AllDay: true, Summary: "封网期：春节", Transparent: true},
	}}
	var buf bytes.Buffer
	if err := ics.Write(&buf, in); err != nil {
		t.Fatal(err)
	}
	raw := buf.String()
	t.Run("wire form", func(t *testing.T) {
		if !strings.HasSuffix(raw, "END:VCALENDAR\r\n") || strings.Contains(strings.ReplaceAll(raw, "\r\n", ""), "\n") {
			t.Fatal("lines must end in CRLF, and only there")
		}
		for i, l := range strings.Split(strings.TrimSuffix(raw, "\r\n"), "\r\n") {
			if len(l) > 75 {
				t.Errorf("line %d has %d octets", i, len(l))
			}
		}
		for _, want := range []string{"BEGIN:VTIMEZONE\r\nTZID:Asia/Shanghai\r\n", "DTSTART;TZID=Asia/Shanghai:20270311T190000\r\n",
			"DTEND;TZID=Asia/Shanghai:20270311T230000\r\n", "DTSTAMP:20261126T093000Z\r\n", "DTSTART:20270101T010000Z\r\n",
			"DTSTART;VALUE=DATE:20270202\r\n", "DTEND;VALUE=DATE:20270214\r\n", "STATUS:CANCELLED\r\n", "UID:2027-03-11-java@golive\r\n",
			"CATEGORIES:发布窗口,a\\,b\r\n", "VERSION:2.0\r\n", "PRODID:-//GoLive//Test//ZH\r\n"} {
			if !strings.Contains(raw, want) {
				t.Errorf("missing %q", want)
			}
		}
	})
	out, err := ics.Parse(strings.NewReader(raw), time.UTC)
	if err != nil {
		t.Fatal(err)
	}
	if out.Name != in.Name || out.Method != "PUBLISH" || len(out.Events) != len(in.Events) {
		t.Fatalf("calendar = %+v", out)
	}
	for i, want := range in.Events {
		got := out.Events[i]
		t.Run(want.UID, func(t *testing.T) {
			if got.UID != want.UID || got.Summary != want.Summary || got.Description != want.Description || got.Status != want.Status {
				t.Errorf("got %+v", got)
			}
			if !got.Start.Equal(want.Start) || !got.End.Equal(want.End) || got.AllDay != want.AllDay {
				t.Errorf("times %v-%v (all-day %v), want %v-%v", got.Start, got.End, got.AllDay, want.Start, want.End)
			}
			if !want.AllDay && got.Start.Location().String() != want.Start.Location().String() {
				t.Errorf("zone %s, want %s", got.Start.Location(), want.Start.Location())
			}
			if !got.Stamp.Equal(stamp) {
				t.Errorf("stamp %v", got.Stamp)
			}
			if got.Transparent != want.Transparent || got.Sequence != want.Sequence {
				t.Errorf("transp %v seq %d", got.Transparent, got.Sequence)
			}
			for k, v := range want.Props {
				if got.Props[k] != v {
					t.Errorf("prop %s = %q", k, got.Props[k])
				}
			}
			if len(want.Categories) > 0 && strings.Join(got.Categories, "|") != strings.Join(want.Categories, "|") {
				t.Errorf("categories %q", got.Categories)
			}
		})
	}
	t.Run("all-day dates", func(t *testing.T) {
		d := out.Events[3].Dates()
		if len(d) != 12 || d[0] != "2027-02-02" || d[11] != "2027-02-13" {
			t.Fatalf("Dates = %v", d)
		}
	})
}

func TestParseForeignForms(t *testing.T) {
	loc := shanghai(t)
	outlook := "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VTIMEZONE\r\nTZID:China Standard Time\r\nBEGIN:STANDARD\r\nDTSTART:16010101T000000\r\nTZOFFSETFROM:+0800\r\nTZOFFSETTO:+0800\r\nEND:STANDARD\r\nEND:VTIMEZONE\r\n" +
		"BEGIN:VEVENT\r\nUID:x\r\nDTSTART;TZID=\"China Standard Time\":20270311T190000\r\nDTEND;TZID=China Standard Time:20270311T230000\r\nSUMMARY:发布\r\nBEGIN:VALARM\r\nACTION:DISPLAY\r\nSUMMARY:ignored\r\nEND:VALARM\r\nEND:VEVENT\r\n" +
		"BEGIN:VEVENT\r\nUID:y\r\nDTSTART:20270312T190000\r\nSUMMARY:floating\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
	cal, err := ics.Parse(strings.NewReader(outlook), loc)
	if err != nil {
		t.Fatal(err)
	}
	if len(cal.Events) != 2 {
		t.Fatalf("events = %d", len(cal.Events))
	}
	if want := time.Date(2027, 3, 11, 19, 0, 0, 0, loc); !cal.Events[0].Start.Equal(want) || cal.Events[0].Summary != "发布" {
		t.Errorf("Outlook zone: %v %q", cal.Events[0].Start, cal.Events[0].Summary)
	}
	if want := time.Date(2027, 3, 12, 19, 0, 0, 0, loc); !cal.Events[1].Start.Equal(want) {
		t.Errorf("floating time read as %v", cal.Events[1].Start)
	}
}

func TestParseErrors(t *testing.T) {
	cases := []struct {
		name, in, code string
	}{
		{"not a calendar", "BEGIN:VEVENT\r\nEND:VEVENT\r\n", "ics.no_calendar"},
		{"empty", "", "ics.no_calendar"},
		{"no colon", "BEGIN:VCALENDAR\r\nSUMMARY\r\nEND:VCALENDAR\r\n", "ics.bad_line"},
		{"unclosed", "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\n", "ics.unbalanced"},
		{"mismatched end", "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nEND:VTODO\r\n", "ics.unbalanced"},
		{"bad time", "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART:2027031\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n", "ics.bad_time"},
		{"unknown zone", "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART;TZID=Mars/Olympus:20270311T190000\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n", "ics.unknown_zone"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := ics.Parse(strings.NewReader(c.in), time.UTC)
			if apperr.Code(err) != c.code {
				t.Fatalf("code = %q (%v), want %q", apperr.Code(err), err, c.code)
			}
		})
	}
}
