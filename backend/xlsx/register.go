package xlsx

import (
	"io"
	"time"

	"github.com/xuri/excelize/v2"

	"golive/backend/apperr"
	"golive/backend/printable"
)

// registerColumn is one fixed column of the register.
type registerColumn struct {
	label string
	value func(r *printable.RegisterRow) any
}

func registerColumns(l printable.Lang) []registerColumn {
	t := func(v time.Time) any {
		if v.IsZero() {
			return nil
		}
		return v
	}
	return []registerColumn{
		{l.L("r.id"), func(r *printable.RegisterRow) any { return r.ID }},
		{l.L("r.system_code"), func(r *printable.RegisterRow) any { return r.SystemCode }},
		{l.L("r.system_name"), func(r *printable.RegisterRow) any { return r.SystemName }},
		{l.L("r.title"), func(r *printable.RegisterRow) any { return r.Title }},
		{l.L("r.type"), func(r *printable.RegisterRow) any { return r.Type }},
		{l.L("r.mode"), func(r *printable.RegisterRow) any { return r.Mode }},
		{l.L("r.version"), func(r *printable.RegisterRow) any { return r.Version }},
		{l.L("r.window"), func(r *printable.RegisterRow) any { return r.Window }},
		{l.L("r.planned"), func(r *printable.RegisterRow) any { return t(r.PlannedAt) }},
		{l.L("r.stage"), func(r *printable.RegisterRow) any { return r.Stage }},
		{l.L("r.phase"), func(r *printable.RegisterRow) any { return r.Phase }},
		{l.L("r.created"), func(r *printable.RegisterRow) any { return t(r.CreatedAt) }},
		{l.L("r.submitted"), func(r *printable.RegisterRow) any { return t(r.SubmittedAt) }},
		{l.L("r.approved"), func(r *printable.RegisterRow) any { return t(r.ApprovedAt) }},
		{l.L("r.released"), func(r *printable.RegisterRow) any { return t(r.ReleasedAt) }},
		{l.L("r.confirmed"), func(r *printable.RegisterRow) any { return t(r.ConfirmedAt) }},
		{l.L("r.result"), func(r *printable.RegisterRow) any { return r.Result }},
		{l.L("r.postponements"), func(r *printable.RegisterRow) any { return r.Postponements }},
		{l.L("r.archived"), func(r *printable.RegisterRow) any { return t(r.ArchivedAt) }},
		{l.L("r.entity"), func(r *printable.RegisterRow) any { return r.Entity }},
	}
}

// RegisterHeaders returns the register's header row: the fixed columns,
// then approver, decision and time for every step group.
func RegisterHeaders(reg printable.Register) []string {
	l := lang(reg.Lang)
	var out []string
	for _, c := range registerColumns(l) {
		out = append(out, c.label)
	}
	for _, g := range reg.Groups {
		out = append(out, g.Label+"·"+l.L("r.approver"), g.Label+"·"+l.L("r.decision"), g.Label+"·"+l.L("r.time"))
	}
	return out
}

func lang(l printable.Lang) printable.Lang {
	if l == "" {
		return printable.Zh
	}
	return l
}

// RegisterValues returns the cell values of one register row, in header
// order: strings, ints, time.Time (dates) and nil (empty).
func RegisterValues(reg printable.Register, r *printable.RegisterRow) []any {
	cols := registerColumns(lang(reg.Lang))
	out := make([]any, len(cols)+3*len(reg.Groups))
	registerRow(cols, reg.Groups, r, out)
	return out
}

// registerRow writes the values RegisterValues returns for r into dst,
// which has a place for every column.
func registerRow(cols []registerColumn, groups []printable.StepGroup, r *printable.RegisterRow, dst []any) {
	for i, c := range cols {
		dst[i] = c.value(r)
	}
	j := len(cols)
	for _, g := range groups {
		s, ok := r.Steps[g.Key]
		if !ok {
			dst[j], dst[j+1], dst[j+2] = nil, nil, nil
		} else {
			var at any
			if !s.At.IsZero() {
				at = s.At
			}
			dst[j], dst[j+1], dst[j+2] = s.Approver, s.Decision, at
		}
		j += 3
	}
}

// WriteRegister writes the approval register: one row per dossier, the
// dossier number (编号) first, a frozen header row and first column, an
// autofilter over the table, dates as dates and widths that fit. Code
// xlsx.write_failed.
func WriteRegister(w io.Writer, reg printable.Register) error {
	l := lang(reg.Lang)
	f := excelize.NewFile()
	defer f.Close()
	sheet := l.L("title.register")
	if err := f.SetSheetName("Sheet1", sheet); err != nil {
		return apperr.Wrap(err, "xlsx.write_failed")
	}
	st, err := newStyles(f)
	if err != nil {
		return err
	}
	headers := RegisterHeaders(reg)
	cols := registerColumns(l)
	nFixed := len(cols)
	values := make([]any, len(headers))
	// Values first, to size the columns: the stream writer needs the
	// widths before the first row.
	widths := make([]float64, len(headers))
	for i, h := range headers {
		widths[i] = min(displayWidth(h)+2, 24)
	}
	for i := range reg.Rows {
		registerRow(cols, reg.Groups, &reg.Rows[i], values)
		for j, v := range values {
			switch x := v.(type) {
			case string:
				widths[j] = max(widths[j], displayWidth(x)+2)
			case time.Time:
				widths[j] = max(widths[j], 17)
			}
		}
	}
	sw, err := f.NewStreamWriter(sheet)
	if err != nil {
		return apperr.Wrap(err, "xlsx.write_failed")
	}
	for i, wd := range widths {
		if err := sw.SetColWidth(i+1, i+1, min(max(wd, 8), 48)); err != nil {
			return apperr.Wrap(err, "xlsx.write_failed")
		}
	}
	if err := sw.SetPanes(&excelize.Panes{Freeze: true, XSplit: 1, YSplit: 1, TopLeftCell: "B2", ActivePane: "bottomRight"}); err != nil {
		return apperr.Wrap(err, "xlsx.write_failed")
	}
	head := make([]any, len(headers))
	for i, h := range headers {
		style := st.head
		if i >= nFixed && ((i-nFixed)/3)%2 == 1 {
			style = st.headAlt
		}
		head[i] = excelize.Cell{StyleID: style, Value: h}
	}
	if err := sw.SetRow("A1", head, excelize.RowOpts{Height: 32}); err != nil {
		return apperr.Wrap(err, "xlsx.write_failed")
	}
	// One Cell per column, reused row after row: SetRow copies what it
	// writes.
	cells := make([]excelize.Cell, len(headers))
	row := make([]any, len(headers))
	for i := range reg.Rows {
		r := &reg.Rows[i]
		registerRow(cols, reg.Groups, r, values)
		for j, v := range values {
			c := &cells[j]
			row[j] = c
			switch x := v.(type) {
			case time.Time:
				c.StyleID, c.Value = st.date, excelTime(x)
			case int:
				c.StyleID, c.Value = st.num, x
			case nil:
				row[j] = nil
			default:
				c.StyleID, c.Value = st.text, x
				if j == 5 && r.Emergency {
					c.StyleID = st.red
				}
			}
		}
		if err := sw.SetRow(cellName(1, i+2), row); err != nil {
			return apperr.Wrap(err, "xlsx.write_failed")
		}
	}
	last := cellName(len(headers), len(reg.Rows)+1)
	if err := f.AutoFilter(sheet, "A1:"+last, nil); err != nil {
		return apperr.Wrap(err, "xlsx.write_failed")
	}
	if err := sw.Flush(); err != nil {
		return apperr.Wrap(err, "xlsx.write_failed")
	}
	props(f, l.L("title.register")+" "+reg.Filter)
	return write(f, w)
}
