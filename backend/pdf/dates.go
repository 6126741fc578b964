package pdf

import (
	"bytes"
	"fmt"
	"regexp"
	"strconv"
	"time"

	"golive/backend/apperr"
)

// pdfDate renders t as a PDF date with its zone offset,
// "D:20261126100000+08'00'" (ISO 32000-1 §7.9.4).
func pdfDate(t time.Time) string {
	_, off := t.Zone()
	sign := '+'
	if off < 0 {
		sign, off = '-', -off
	}
	return fmt.Sprintf("D:%s%c%02d'%02d'", t.Format("20060102150405"), sign, off/3600, off%3600/60)
}

// infoDate matches a date of the document information dictionary as
// gofpdf writes it: local digits, no zone.
var infoDate = regexp.MustCompile(`/(CreationDate|ModDate) \(D:(\d{14})\)`)

// xrefEntry is one in-use entry of a cross-reference table.
var xrefEntry = regexp.MustCompile(`(?m)^(\d{10}) (\d{5}) n ?\r?$`)

// zonedDates gives the creation and modification dates of a document
// gofpdf wrote the same instant, at, with its zone offset: gofpdf prints
// dates without a zone (readers then take them as UTC) and the
// modification date from the machine's clock. The information dictionary
// grows by the offsets, so the cross-reference entries of the objects
// after it and the startxref offset move by as much. Code
// pdf.render_failed when doc is not laid out as gofpdf writes it.
func zonedDates(doc []byte, at time.Time) ([]byte, error) {
	xref := bytes.LastIndex(doc, []byte("\nxref\n"))
	// The information dictionary follows every stream (gofpdf writes it
	// and the catalog last), so no text a stream holds is taken for it.
	from := max(bytes.LastIndex(doc[:max(xref, 0)], []byte("endstream")), 0)
	locs := infoDate.FindAllSubmatchIndex(doc[from:max(xref, from)], -1)
	for _, l := range locs {
		for i := range l {
			l[i] += from
		}
	}
	if len(locs) != 2 || xref < 0 {
		return nil, apperr.New("pdf.render_failed").WithDetail("the information dictionary's dates are not where gofpdf writes them")
	}
	date := []byte(pdfDate(at))
	var out bytes.Buffer
	out.Grow(len(doc) + 32)
	last := 0
	grow := 0
	for _, l := range locs {
		// l[4]:l[5] are the digits, after "(D:" and before ")".
		out.Write(doc[last : l[4]-2])
		out.Write(date)
		last = l[5]
		grow += len(date) - (l[5] - l[4] + 2)
	}
	pos := locs[0][0]
	// Everything up to the table, then the table with the moved offsets.
	out.Write(doc[last : xref+1])
	rest := doc[xref+1:]
	trailer := bytes.Index(rest, []byte("trailer"))
	if trailer < 0 {
		return nil, apperr.New("pdf.render_failed").WithDetail("the cross-reference table has no trailer")
	}
	table := xrefEntry.ReplaceAllFunc(rest[:trailer], func(e []byte) []byte {
		m := xrefEntry.FindSubmatch(e)
		off, _ := strconv.Atoi(string(m[1]))
		if off <= pos {
			return e
		}
		return append(fmt.Appendf(nil, "%010d", off+grow), e[10:]...)
	})
	out.Write(table)
	tail := rest[trailer:]
	sx := bytes.LastIndex(tail, []byte("startxref\n"))
	if sx < 0 {
		return nil, apperr.New("pdf.render_failed").WithDetail("the document has no startxref")
	}
	out.Write(tail[:sx+len("startxref\n")])
	num := tail[sx+len("startxref\n"):]
	end := bytes.IndexByte(num, '\n')
	if end < 0 {
		return nil, apperr.New("pdf.render_failed").WithDetail("the document's startxref has no offset")
	}
	start, err := strconv.Atoi(string(num[:end]))
	if err != nil || start != xref+1 {
		return nil, apperr.New("pdf.render_failed").WithDetail("startxref %q does not point at the cross-reference table", num[:end])
	}
	out.WriteString(strconv.Itoa(start + grow))
	out.Write(num[end:])
	return out.Bytes(), nil
}
