// Package xlsx writes GoLive's Excel workbooks with
// github.com/xuri/excelize/v2: the approval register (审批登记簿), the
// release statistics (发布统计), the window plan (发布窗口计划) and the blank
// user test report (用户测试报告). Content comes from backend/printable.
//
// The register is written with excelize's StreamWriter, which keeps a
// 20,000-row register to a fraction of the memory SetCellValue needs. Its
// pitfalls, all measured: column widths and panes must be set before the
// first row, the autofilter before Flush (after it no filter appears), and
// date cells need an explicit date style. Dates are real Excel dates
// (numbers with a date format), written as the wall-clock time of the
// dossier's zone, since Excel has no time zones.
package xlsx

import (
	"io"
	"time"
	"unicode"

	"github.com/xuri/excelize/v2"

	"golive/backend/apperr"
)

// Formats of date cells.
const (
	DateTimeFormat = "yyyy-mm-dd hh:mm"
	DateFormat     = "yyyy-mm-dd"
)

// styles are the cell styles of a workbook.
type styles struct {
	head, headAlt, text, date, dateOnly, num, pct, dec, red, title, label int
}

func newStyles(f *excelize.File) (styles, error) {
	border := []excelize.Border{{Type: "left", Color: "B8BEC6", Style: 1}, {Type: "right", Color: "B8BEC6", Style: 1},
		{Type: "top", Color: "B8BEC6", Style: 1}, {Type: "bottom", Color: "B8BEC6", Style: 1}}
	dt, d := DateTimeFormat, DateFormat
	pct, dec := "0.0%", "0.0"
	defs := []*excelize.Style{
		{Font: &excelize.Font{Bold: true, Color: "1F3A5F"}, Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"E3E8EF"}},
			Border: border, Alignment: &excelize.Alignment{Vertical: "center", WrapText: true}},
		{Font: &excelize.Font{Bold: true, Color: "1F3A5F"}, Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"F3EEDF"}},
			Border: border, Alignment: &excelize.Alignment{Vertical: "center", WrapText: true}},
		{Alignment: &excelize.Alignment{Vertical: "top"}},
		{CustomNumFmt: &dt, Alignment: &excelize.Alignment{Vertical: "top", Horizontal: "left"}},
		{CustomNumFmt: &d, Alignment: &excelize.Alignment{Vertical: "top", Horizontal: "left"}},
		{NumFmt: 1, Alignment: &excelize.Alignment{Vertical: "top"}},
		{CustomNumFmt: &pct, Alignment: &excelize.Alignment{Vertical: "top"}},
		{CustomNumFmt: &dec, Alignment: &excelize.Alignment{Vertical: "top"}},
		{Font: &excelize.Font{Bold: true, Color: "AA231E"}, Alignment: &excelize.Alignment{Vertical: "top"}},
		{Font: &excelize.Font{Bold: true, Size: 14, Color: "1F3A5F"}},
		{Font: &excelize.Font{Color: "6E6E6E"}, Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"F3F5F8"}}, Border: border},
	}
	ids := make([]int, len(defs))
	for i, s := range defs {
		id, err := f.NewStyle(s)
		if err != nil {
			return styles{}, apperr.Wrap(err, "xlsx.write_failed")
		}
		ids[i] = id
	}
	return styles{ids[0], ids[1], ids[2], ids[3], ids[4], ids[5], ids[6], ids[7], ids[8], ids[9], ids[10]}, nil
}

// excelTime returns t's wall clock in its own zone as a UTC time, which
// excelize turns into the serial number Excel shows as that wall clock.
func excelTime(t time.Time) time.Time {
	return time.Date(t.Year(), t.Month(), t.Day(), t.Hour(), t.Minute(), t.Second(), 0, time.UTC)
}

// displayWidth is the width of s in Excel's character units: CJK and
// full-width characters count two.
func displayWidth(s string) float64 {
	w := 0.0
	for _, r := range s {
		if unicode.Is(unicode.Han, r) || (r >= 0x3000 && r <= 0x30FF) || (r >= 0xFF00 && r <= 0xFFEF) {
			w += 2
		} else {
			w++
		}
	}
	return w
}

func colName(n int) string {
	s, _ := excelize.ColumnNumberToName(n)
	return s
}

func cellName(col, row int) string {
	s, _ := excelize.CoordinatesToCellName(col, row)
	return s
}

// write saves f to w.
func write(f *excelize.File, w io.Writer) error {
	if _, err := f.WriteTo(w); err != nil {
		return apperr.Wrap(err, "xlsx.write_failed")
	}
	return f.Close()
}

func props(f *excelize.File, title string) {
	_ = f.SetDocProps(&excelize.DocProperties{Title: title, Creator: "GoLive", Created: time.Now().UTC().Format(time.RFC3339)})
}
