package ics

import (
	"bufio"
	"io"
	"strconv"
	"strings"
	"time"

	"golive/backend/apperr"
)

// maxLogicalLine bounds one unfolded content line.
const maxLogicalLine = 1 << 20

// windowsZones maps the Windows zone names Outlook writes as TZID to IANA
// names.
var windowsZones = map[string]string{
	"China Standard Time": "Asia/Shanghai",
	"UTC":                 "UTC",
}

// Unfold joins folded physical lines (a line starting with a space or tab
// continues the previous one) and returns the logical content lines; CRLF
// and bare LF both end a line. Code ics.line_too_long for a logical line
// over 1 MiB.
func Unfold(r io.Reader) ([]string, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64<<10), maxLogicalLine)
	var out []string
	for sc.Scan() {
		l := strings.TrimSuffix(sc.Text(), "\r")
		if (strings.HasPrefix(l, " ") || strings.HasPrefix(l, "\t")) && len(out) > 0 {
			out[len(out)-1] += l[1:]
			if len(out[len(out)-1]) > maxLogicalLine {
				return nil, apperr.New("ics.line_too_long", "line", strconv.Itoa(len(out)))
			}
			continue
		}
		if l == "" {
			continue
		}
		out = append(out, l)
	}
	if err := sc.Err(); err != nil {
		return nil, apperr.Wrap(err, "ics.line_too_long", "line", strconv.Itoa(len(out)+1))
	}
	return out, nil
}

// property is one parsed content line.
type property struct {
	name   string
	params map[string]string
	value  string
}

// parseLine splits "NAME;P=V;Q=\"x:y\":value".
func parseLine(l string) (property, bool) {
	p := property{params: map[string]string{}}
	i := 0
	for i < len(l) && l[i] != ';' && l[i] != ':' {
		i++
	}
	if i == 0 || i >= len(l) {
		return p, false
	}
	p.name = strings.ToUpper(l[:i])
	for i < len(l) && l[i] == ';' {
		i++
		eq := strings.IndexByte(l[i:], '=')
		if eq < 0 {
			return p, false
		}
		key := strings.ToUpper(l[i : i+eq])
		i += eq + 1
		var val strings.Builder
		for i < len(l) && l[i] != ';' && l[i] != ':' {
			if l[i] == '"' {
				end := strings.IndexByte(l[i+1:], '"')
				if end < 0 {
					return p, false
				}
				val.WriteString(l[i+1 : i+1+end])
				i += end + 2
				continue
			}
			val.WriteByte(l[i])
			i++
		}
		p.params[key] = val.String()
	}
	if i >= len(l) || l[i] != ':' {
		return p, false
	}
	p.value = l[i+1:]
	return p, true
}

// unescapeText undoes TEXT escaping (\\ \; \, \n \N).
func unescapeText(s string) string {
	if !strings.Contains(s, `\`) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '\\' && i+1 < len(s) {
			i++
			switch s[i] {
			case 'n', 'N':
				b.WriteByte('\n')
			default:
				b.WriteByte(s[i])
			}
			continue
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

// splitList splits a TEXT list on unescaped commas and unescapes each item.
func splitList(s string) []string {
	var out []string
	start := 0
	for i := 0; i < len(s); i++ {
		if s[i] == '\\' {
			i++
			continue
		}
		if s[i] == ',' {
			out = append(out, unescapeText(s[start:i]))
			start = i + 1
		}
	}
	return append(out, unescapeText(s[start:]))
}

// Parse reads the first VCALENDAR from r. Floating times (no Z, no TZID)
// are read in floating. Codes: ics.no_calendar, ics.bad_line (line),
// ics.bad_time (value), ics.unknown_zone (zone), ics.unbalanced (component),
// ics.line_too_long.
func Parse(r io.Reader, floating *time.Location) (Calendar, error) {
	lines, err := Unfold(r)
	if err != nil {
		return Calendar{}, err
	}
	if floating == nil {
		floating = time.UTC
	}
	var cal Calendar
	var stack []string
	var ev *Event
	found := false
	for n, l := range lines {
		p, ok := parseLine(l)
		if !ok {
			return Calendar{}, apperr.New("ics.bad_line", "line", strconv.Itoa(n+1))
		}
		switch p.name {
		case "BEGIN":
			comp := strings.ToUpper(p.value)
			if len(stack) == 0 && comp != "VCALENDAR" {
				return Calendar{}, apperr.New("ics.no_calendar")
			}
			stack = append(stack, comp)
			if comp == "VCALENDAR" {
				found = true
			}
			if comp == "VEVENT" && len(stack) == 2 {
				ev = &Event{}
			}
			continue
		case "END":
			comp := strings.ToUpper(p.value)
			if len(stack) == 0 || stack[len(stack)-1] != comp {
				return Calendar{}, apperr.New("ics.unbalanced", "component", comp)
			}
			stack = stack[:len(stack)-1]
			if comp == "VEVENT" && ev != nil && len(stack) == 1 {
				cal.Events = append(cal.Events, *ev)
				ev = nil
			}
			if len(stack) == 0 {
				return cal, nil
			}
			continue
		}
		if len(stack) == 1 {
			switch p.name {
			case "PRODID":
				cal.ProdID = unescapeText(p.value)
			case "METHOD":
				cal.Method = p.value
			case "X-WR-CALNAME":
				cal.Name = unescapeText(p.value)
			}
			continue
		}
		if ev == nil || len(stack) != 2 {
			continue // inside VTIMEZONE, VALARM, …
		}
		if err := ev.set(p, floating); err != nil {
			return Calendar{}, err
		}
	}
	if !found {
		return Calendar{}, apperr.New("ics.no_calendar")
	}
	return Calendar{}, apperr.New("ics.unbalanced", "component", stack[len(stack)-1])
}

func (e *Event) set(p property, floating *time.Location) error {
	switch p.name {
	case "UID":
		e.UID = unescapeText(p.value)
	case "DTSTAMP":
		t, _, err := parseTime(p, floating)
		if err != nil {
			return err
		}
		e.Stamp = t
	case "DTSTART":
		t, allDay, err := parseTime(p, floating)
		if err != nil {
			return err
		}
		e.Start, e.AllDay = t, allDay
	case "DTEND":
		t, _, err := parseTime(p, floating)
		if err != nil {
			return err
		}
		e.End = t
	case "SUMMARY":
		e.Summary = unescapeText(p.value)
	case "DESCRIPTION":
		e.Description = unescapeText(p.value)
	case "LOCATION":
		e.Location = unescapeText(p.value)
	case "STATUS":
		e.Status = strings.ToUpper(p.value)
	case "CATEGORIES":
		e.Categories = append(e.Categories, splitList(p.value)...)
	case "SEQUENCE":
		e.Sequence, _ = strconv.Atoi(p.value)
	case "TRANSP":
		e.Transparent = strings.EqualFold(p.value, "TRANSPARENT")
	default:
		if e.Props == nil {
			e.Props = map[string]string{}
		}
		e.Props[p.name] = unescapeText(p.value)
	}
	return nil
}

// parseTime reads a DATE or DATE-TIME property; it reports whether the
// value was a DATE.
func parseTime(p property, floating *time.Location) (time.Time, bool, error) {
	v := p.value
	if strings.EqualFold(p.params["VALUE"], "DATE") || len(v) == 8 {
		t, err := time.ParseInLocation("20060102", v, floating)
		if err != nil {
			return time.Time{}, false, apperr.New("ics.bad_time", "value", v)
		}
		return t, true, nil
	}
	if strings.HasSuffix(v, "Z") {
		t, err := time.Parse("20060102T150405Z", v)
		if err != nil {
			return time.Time{}, false, apperr.New("ics.bad_time", "value", v)
		}
		return t, false, nil
	}
	loc := floating
	if tz := p.params["TZID"]; tz != "" {
		l, err := LoadZone(tz)
		if err != nil {
			return time.Time{}, false, err
		}
		loc = l
	}
	t, err := time.ParseInLocation("20060102T150405", v, loc)
	if err != nil {
		return time.Time{}, false, apperr.New("ics.bad_time", "value", v)
	}
	return t, false, nil
}

// LoadZone resolves a TZID: an IANA name, or a Windows name Outlook writes
// ("China Standard Time"). Code ics.unknown_zone.
func LoadZone(tzid string) (*time.Location, error) {
	tzid = strings.TrimPrefix(tzid, "/")
	if name, ok := windowsZones[tzid]; ok {
		tzid = name
	}
	if tzid == "Local" {
		return nil, apperr.New("ics.unknown_zone", "zone", tzid)
	}
	loc, err := time.LoadLocation(tzid)
	if err != nil {
		return nil, apperr.New("ics.unknown_zone", "zone", tzid)
	}
	return loc, nil
}
