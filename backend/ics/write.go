package ics

import (
	"bufio"
	"io"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"golive/backend/apperr"
)

// MaxLine is the longest content line, in octets without the CRLF, that
// Write emits before folding.
const MaxLine = 75

// shanghaiTZ is the VTIMEZONE of Asia/Shanghai: China Standard Time,
// UTC+8, without daylight saving since 1991.
var shanghaiTZ = []string{
	"BEGIN:VTIMEZONE",
	"TZID:Asia/Shanghai",
	"X-LIC-LOCATION:Asia/Shanghai",
	"BEGIN:STANDARD",
	"TZOFFSETFROM:+0800",
	"TZOFFSETTO:+0800",
	"TZNAME:CST",
	"DTSTART:19700101T000000",
	"END:STANDARD",
	"END:VTIMEZONE",
}

// Write writes cal to w as an RFC 5545 calendar. Code ics.write_failed when
// w fails.
func Write(w io.Writer, cal Calendar) error {
	bw := bufio.NewWriter(w)
	line := func(s string) { writeFolded(bw, s) }
	line("BEGIN:VCALENDAR")
	line("VERSION:2.0")
	prod := cal.ProdID
	if prod == "" {
		prod = "-//GoLive//GoLive//ZH"
	}
	line("PRODID:" + escapeText(prod))
	line("CALSCALE:GREGORIAN")
	if cal.Method != "" {
		line("METHOD:" + cal.Method)
	}
	if cal.Name != "" {
		line("X-WR-CALNAME:" + escapeText(cal.Name))
	}
	if usesShanghai(cal.Events) {
		line("X-WR-TIMEZONE:Asia/Shanghai")
		for _, l := range shanghaiTZ {
			line(l)
		}
	}
	for _, e := range cal.Events {
		line("BEGIN:VEVENT")
		line("UID:" + escapeText(e.UID))
		stamp := e.Stamp
		if stamp.IsZero() {
			stamp = time.Now()
		}
		line("DTSTAMP:" + stamp.UTC().Format("20060102T150405Z"))
		if e.AllDay {
			end := e.End
			if !dateOf(end).After(dateOf(e.Start)) {
				end = dateOf(e.Start).AddDate(0, 0, 1)
			}
			line("DTSTART;VALUE=DATE:" + e.Start.Format("20060102"))
			line("DTEND;VALUE=DATE:" + end.Format("20060102"))
		} else {
			line("DTSTART" + timeValue(e.Start))
			line("DTEND" + timeValue(e.End))
		}
		if e.Sequence > 0 {
			line("SEQUENCE:" + strconv.Itoa(e.Sequence))
		}
		line("SUMMARY:" + escapeText(e.Summary))
		if e.Description != "" {
			line("DESCRIPTION:" + escapeText(e.Description))
		}
		if e.Location != "" {
			line("LOCATION:" + escapeText(e.Location))
		}
		if e.Status != "" {
			line("STATUS:" + e.Status)
		}
		if len(e.Categories) > 0 {
			cs := make([]string, len(e.Categories))
			for i, c := range e.Categories {
				cs[i] = escapeText(c)
			}
			line("CATEGORIES:" + strings.Join(cs, ","))
		}
		if e.Transparent {
			line("TRANSP:TRANSPARENT")
		} else {
			line("TRANSP:OPAQUE")
		}
		for _, k := range sortedKeys(e.Props) {
			line(strings.ToUpper(k) + ":" + escapeText(e.Props[k]))
		}
		line("END:VEVENT")
	}
	line("END:VCALENDAR")
	if err := bw.Flush(); err != nil {
		return apperr.Wrap(err, "ics.write_failed")
	}
	return nil
}

func usesShanghai(events []Event) bool {
	for _, e := range events {
		if !e.AllDay && (e.Start.Location().String() == "Asia/Shanghai" || e.End.Location().String() == "Asia/Shanghai") {
			return true
		}
	}
	return false
}

func dateOf(t time.Time) time.Time {
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
}

// timeValue renders ";TZID=Asia/Shanghai:20270311T190000" for Shanghai
// times and ":20270311T110000Z" (in UTC) for any other.
func timeValue(t time.Time) string {
	if t.Location().String() == "Asia/Shanghai" {
		return ";TZID=Asia/Shanghai:" + t.Format("20060102T150405")
	}
	return ":" + t.UTC().Format("20060102T150405Z")
}

// escapeText escapes a TEXT value: backslash, semicolon, comma and newline.
func escapeText(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch r {
		case '\\':
			b.WriteString(`\\`)
		case ';':
			b.WriteString(`\;`)
		case ',':
			b.WriteString(`\,`)
		case '\n':
			b.WriteString(`\n`)
		case '\r':
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// Fold returns s as one or more physical lines, each at most MaxLine
// octets, joined by CRLF and a space, without splitting a UTF-8 character.
// The result has no trailing CRLF.
func Fold(s string) string {
	var b strings.Builder
	limit := MaxLine
	for len(s) > limit {
		cut := limit
		for cut > 0 && !utf8.RuneStart(s[cut]) {
			cut--
		}
		b.WriteString(s[:cut])
		b.WriteString("\r\n ")
		s = s[cut:]
		limit = MaxLine - 1 // the leading space counts
	}
	b.WriteString(s)
	return b.String()
}

func writeFolded(w *bufio.Writer, s string) {
	_, _ = w.WriteString(Fold(s))
	_, _ = w.WriteString("\r\n")
}
