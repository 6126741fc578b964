// Package hostile builds the hostile import files of issue 10 for tests
// and benchmarks: iCalendar files made of folded lines and holiday JSON
// files whose few bytes expand into millions of days. Each builder is
// deterministic, so the figures of two runs compare.
package hostile

import (
	"bytes"
	"strconv"
)

// foldWidth is the octets of content on each continuation line (a space
// and 74 octets make the 75 octets RFC 5545 allows).
const foldWidth = 74

// FoldedICS returns a calendar of about size bytes whose events each carry
// one DESCRIPTION of logical octets, folded into 75-octet physical lines:
// the input that made line joining quadratic. size is a target; the result
// is within one event of it and never larger than size.
func FoldedICS(size, logical int) []byte {
	var b bytes.Buffer
	head := "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//hostile//EN\r\n"
	tail := "END:VCALENDAR\r\n"
	b.WriteString(head)
	event := foldedEvent(logical)
	for i := 0; b.Len()+len(event)+len(tail)+16 <= size; i++ {
		b.Write(bytes.Replace(event, []byte("UID:0000000000"), []byte("UID:"+pad10(i)), 1))
	}
	b.WriteString(tail)
	return b.Bytes()
}

func pad10(i int) string {
	s := strconv.Itoa(i)
	for len(s) < 10 {
		s = "0" + s
	}
	return s
}

// foldedEvent is one all-day event whose DESCRIPTION has logical octets.
func foldedEvent(logical int) []byte {
	var b bytes.Buffer
	b.WriteString("BEGIN:VEVENT\r\nUID:0000000000\r\nDTSTART;VALUE=DATE:20280125\r\nSUMMARY:x\r\n")
	line := "DESCRIPTION:"
	rest := logical - len(line)
	first := min(rest, 75-len(line))
	b.WriteString(line)
	b.Write(bytes.Repeat([]byte{'a'}, first))
	b.WriteString("\r\n")
	rest -= first
	for rest > 0 {
		n := min(rest, foldWidth)
		b.WriteByte(' ')
		b.Write(bytes.Repeat([]byte{'a'}, n))
		b.WriteString("\r\n")
		rest -= n
	}
	b.WriteString("END:VEVENT\r\n")
	return b.Bytes()
}

// HolidayJSON returns a holiday file (package holiday's JSON form) of about
// size bytes for year: ranges of 61 days each, the longest a range may be,
// repeated, so that each 60-odd bytes expand into 61 days.
func HolidayJSON(size, year int) []byte {
	var b bytes.Buffer
	y := strconv.Itoa(year)
	b.WriteString(`{"year":` + y + `,"holidays":[`)
	item := `{"name":"x","start":"` + y + `-01-01","end":"` + y + `-03-01"}`
	for i := 0; b.Len()+len(item)+len(`],"workdays":[]}`)+1 <= size; i++ {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString(item)
	}
	b.WriteString(`],"workdays":[]}`)
	return b.Bytes()
}
