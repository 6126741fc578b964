package ics

import (
	"bufio"
	"errors"
	"io"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"golive/backend/apperr"
)

// Limits of what Parse and Unfold read. A file beyond one of them is
// refused with a code naming the limit, never cut short.
const (
	// MaxSize is the most bytes Parse reads (ics.too_large, params max):
	// a year of holidays or of release windows takes a few kilobytes.
	MaxSize = 4 << 20
	// MaxLogicalLine is the longest content line once unfolded, in bytes
	// (ics.line_too_long, params line and max).
	MaxLogicalLine = 1 << 20
	// MaxEvents is the most VEVENTs Parse reads (ics.too_many_events,
	// params max).
	MaxEvents = 10000
)

// The limits as the error messages name them.
const (
	maxSizeText        = "4 MiB"
	maxLogicalLineText = "1 MiB"
)

// windowsZones maps the Windows zone names Outlook writes as TZID to IANA
// names.
var windowsZones = map[string]string{
	"China Standard Time": "Asia/Shanghai",
	"UTC":                 "UTC",
}

// unfolder yields the logical content lines of a reader in one pass:
// every byte is read once and copied at most twice (into the scanner's
// buffer, then into the logical line), so the work is linear in the input.
type unfolder struct {
	sc   *bufio.Scanner
	cur  []byte // the logical line being joined
	has  bool   // cur holds a line
	line int    // logical lines returned so far
	err  error
}

func newUnfolder(r io.Reader) *unfolder {
	sc := bufio.NewScanner(r)
	// A physical line is at most a logical line, a leading space and a CR.
	sc.Buffer(make([]byte, 0, 64<<10), MaxLogicalLine+2)
	return &unfolder{sc: sc}
}

// tooLong is the error for logical line n.
func tooLong(n int) error {
	return apperr.New("ics.line_too_long", "line", strconv.Itoa(n), "max", maxLogicalLineText)
}

// next returns the next logical line, or false at the end of the input or
// on an error (see err).
func (u *unfolder) next() (string, bool) {
	for u.sc.Scan() {
		l := u.sc.Bytes()
		if n := len(l); n > 0 && l[n-1] == '\r' {
			l = l[:n-1]
		}
		if len(l) > 0 && (l[0] == ' ' || l[0] == '\t') && u.has {
			if len(u.cur)+len(l)-1 > MaxLogicalLine {
				u.err = tooLong(u.line + 1)
				return "", false
			}
			u.cur = append(u.cur, l[1:]...)
			continue
		}
		if len(l) == 0 {
			continue
		}
		if len(l) > MaxLogicalLine {
			u.err = tooLong(u.line + 1 + btoi(u.has))
			return "", false
		}
		out, had := string(u.cur), u.has
		u.cur, u.has = append(u.cur[:0], l...), true
		if had {
			u.line++
			return out, true
		}
	}
	if err := u.sc.Err(); err != nil {
		if errors.Is(err, bufio.ErrTooLong) {
			u.err = tooLong(u.line + 1 + btoi(u.has))
		} else {
			u.err = apperr.Wrap(err, "ics.unreadable")
		}
		return "", false
	}
	if u.has {
		u.has = false
		u.line++
		return string(u.cur), true
	}
	return "", false
}

func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}

// Unfold joins folded physical lines (a line starting with a space or tab
// continues the previous one) and returns the logical content lines; CRLF
// and bare LF both end a line, empty lines are skipped. It works in one
// linear pass. Codes: ics.line_too_long for a logical line over
// MaxLogicalLine, ics.unreadable when r fails.
func Unfold(r io.Reader) ([]string, error) {
	u := newUnfolder(r)
	var out []string
	for {
		l, ok := u.next()
		if !ok {
			if u.err != nil {
				return nil, u.err
			}
			return out, nil
		}
		out = append(out, l)
	}
}

// property is one parsed content line.
type property struct {
	name   string
	params []param
	value  string
}

// param is one NAME=value parameter of a content line.
type param struct{ name, value string }

// param returns the value of the parameter name (upper case), the last
// one when it is given twice, or "".
func (p property) param(name string) string {
	for i := len(p.params) - 1; i >= 0; i-- {
		if p.params[i].name == name {
			return p.params[i].value
		}
	}
	return ""
}

// parseLine splits "NAME;P=V;Q=\"x:y\":value".
func parseLine(l string) (property, bool) {
	var p property
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
		p.params = append(p.params, param{key, val.String()})
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

// Parse reads the first VCALENDAR from r, in one pass whose work and
// memory are linear in the input. Floating times (no Z, no TZID) are read
// in floating. An input over MaxSize bytes is refused even when the
// calendar ends earlier. Codes: ics.no_calendar, ics.bad_line (line),
// ics.bad_time (value), ics.unknown_zone (zone), ics.unbalanced
// (component), ics.line_too_long (line, max), ics.not_utf8 (line: the
// file is in another encoding), ics.too_large (max), ics.too_many_events
// (max), ics.unreadable.
func Parse(r io.Reader, floating *time.Location) (Calendar, error) {
	lr := &io.LimitedReader{R: r, N: MaxSize + 1}
	cal, err := parse(newUnfolder(lr), floating)
	if lr.N > 0 && err == nil {
		// The calendar ended: the rest of the input counts towards the
		// limit too, so that a file is accepted or refused as a whole.
		if _, cerr := io.Copy(io.Discard, lr); cerr != nil {
			return Calendar{}, apperr.Wrap(cerr, "ics.unreadable")
		}
	}
	if lr.N <= 0 {
		return Calendar{}, apperr.New("ics.too_large", "max", maxSizeText).
			WithDetail("the calendar file holds more than %d bytes", MaxSize)
	}
	return cal, err
}

func parse(u *unfolder, floating *time.Location) (Calendar, error) {
	if floating == nil {
		floating = time.UTC
	}
	var cal Calendar
	var stack []string
	var ev Event
	inEvent := false
	found := false
	zones := zoneCache{}
	for {
		l, ok := u.next()
		if !ok {
			if u.err != nil {
				return Calendar{}, u.err
			}
			break
		}
		if !utf8.ValidString(l) {
			return Calendar{}, apperr.New("ics.not_utf8", "line", strconv.Itoa(u.line)).
				WithDetail("line %d of the calendar file is not UTF-8 text", u.line)
		}
		p, ok := parseLine(l)
		if !ok {
			return Calendar{}, apperr.New("ics.bad_line", "line", strconv.Itoa(u.line))
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
				if len(cal.Events) >= MaxEvents {
					return Calendar{}, apperr.New("ics.too_many_events", "max", strconv.Itoa(MaxEvents))
				}
				ev, inEvent = Event{}, true
			}
			continue
		case "END":
			comp := strings.ToUpper(p.value)
			if len(stack) == 0 || stack[len(stack)-1] != comp {
				return Calendar{}, apperr.New("ics.unbalanced", "component", clip(comp))
			}
			stack = stack[:len(stack)-1]
			if comp == "VEVENT" && inEvent && len(stack) == 1 {
				cal.Events = append(cal.Events, ev)
				inEvent = false
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
		if !inEvent || len(stack) != 2 {
			continue // inside VTIMEZONE, VALARM, …
		}
		if err := ev.set(p, floating, zones); err != nil {
			return Calendar{}, err
		}
	}
	if !found {
		return Calendar{}, apperr.New("ics.no_calendar")
	}
	return Calendar{}, apperr.New("ics.unbalanced", "component", clip(stack[len(stack)-1]))
}

// maxParam bounds the bytes of a value an error message quotes.
const maxParam = 64

// clip shortens s for an error message: at most maxParam bytes, cut at a
// character boundary, with "…" when cut.
func clip(s string) string {
	if len(s) <= maxParam {
		return s
	}
	i := maxParam
	for i > 0 && !utf8.RuneStart(s[i]) {
		i--
	}
	return s[:i] + "…"
}

// zoneCache remembers the zones one Parse resolved, so that a file naming
// one zone on every line loads it once.
type zoneCache map[string]*time.Location

func (z zoneCache) load(tzid string) (*time.Location, error) {
	if loc, ok := z[tzid]; ok {
		if loc == nil {
			return nil, apperr.New("ics.unknown_zone", "zone", clip(tzid))
		}
		return loc, nil
	}
	loc, err := LoadZone(tzid)
	z[tzid] = loc
	return loc, err
}

func (e *Event) set(p property, floating *time.Location, zones zoneCache) error {
	switch p.name {
	case "UID":
		e.UID = unescapeText(p.value)
	case "DTSTAMP":
		t, _, err := parseTime(p, floating, zones)
		if err != nil {
			return err
		}
		e.Stamp = t
	case "DTSTART":
		t, allDay, err := parseTime(p, floating, zones)
		if err != nil {
			return err
		}
		e.Start, e.AllDay = t, allDay
	case "DTEND":
		t, _, err := parseTime(p, floating, zones)
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
func parseTime(p property, floating *time.Location, zones zoneCache) (time.Time, bool, error) {
	v := p.value
	if strings.EqualFold(p.param("VALUE"), "DATE") || len(v) == 8 {
		t, err := time.ParseInLocation("20060102", v, floating)
		if err != nil {
			return time.Time{}, false, apperr.New("ics.bad_time", "value", clip(v))
		}
		return t, true, nil
	}
	if strings.HasSuffix(v, "Z") {
		t, err := time.Parse("20060102T150405Z", v)
		if err != nil {
			return time.Time{}, false, apperr.New("ics.bad_time", "value", clip(v))
		}
		return t, false, nil
	}
	loc := floating
	if tz := p.param("TZID"); tz != "" {
		l, err := zones.load(tz)
		if err != nil {
			return time.Time{}, false, err
		}
		loc = l
	}
	t, err := time.ParseInLocation("20060102T150405", v, loc)
	if err != nil {
		return time.Time{}, false, apperr.New("ics.bad_time", "value", clip(v))
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
	if tzid == "Local" || tzid == "" || len(tzid) > maxParam {
		return nil, apperr.New("ics.unknown_zone", "zone", clip(tzid))
	}
	loc, err := time.LoadLocation(tzid)
	if err != nil {
		return nil, apperr.New("ics.unknown_zone", "zone", clip(tzid))
	}
	return loc, nil
}
