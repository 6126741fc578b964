package pdf

import (
	"strconv"
	"strings"
)

// minutes writes a review meeting's minutes: the meeting, the attendance,
// the agenda with each dossier's readiness and decision, and the
// attendees' witnessed signatures.
func (r *renderer) minutes() {
	m := r.c.Minutes
	if m == nil {
		return
	}
	r.heading("sec.meeting")
	pairs := []pair{{label: r.l.L("c.meeting"), value: m.Meeting}, {label: r.l.L("c.held"), value: m.HeldAt},
		{label: r.l.L("c.chair"), value: m.Chair}, {label: r.l.L("c.place"), value: m.Place}}
	if m.Window != "" {
		pairs = append(pairs, pair{label: r.l.L("c.window"), value: m.Window, wide: true})
	}
	r.grid(pairs)

	r.heading("sec.attendance")
	cols := []column{{r.l.L("c.no"), 10, "C"}, {r.l.L("c.attendee"), 36, ""}, {r.l.L("c.department"), 50, ""}, {r.l.L("c.attendance"), 20, "C"},
		{r.l.L("c.delegate"), contentW - 116, ""}}
	var rows [][]cell
	for i, a := range m.Attendance {
		rows = append(rows, []cell{{text: strconv.Itoa(i + 1)}, {text: a.Name}, {text: a.Department}, {text: a.Status}, {text: a.Delegate}})
	}
	if len(rows) == 0 {
		r.paragraph(r.l.L("v.none"), sSmall)
	} else {
		r.table(cols, rows)
	}

	r.heading("sec.agenda")
	cols = []column{{r.l.L("c.no"), 10, "C"}, {r.l.L("c.dossiers"), 52, ""}, {r.l.L("c.readiness"), 54, ""}, {r.l.L("c.decision"), contentW - 116, ""}}
	rows = nil
	for _, it := range m.Agenda {
		decision := it.Decision
		if decision == "" {
			decision = r.l.L("v.no_decision")
		}
		var conds []string
		for i, c := range it.Conditions {
			conds = append(conds, strconv.Itoa(i+1)+". "+c)
		}
		rows = append(rows, []cell{{text: strconv.Itoa(it.No)}, {text: joinNonEmpty("\n", it.Dossier, it.System+" "+it.Title)}, {text: it.Readiness, style: &sSmallCell},
			{text: joinNonEmpty("\n", decision, it.Window, strings.Join(conds, "\n"), it.Remark)}})
	}
	if len(rows) == 0 {
		r.paragraph(r.l.L("v.none"), sSmall)
	} else {
		r.table(cols, rows)
	}

	r.heading("sec.signatures")
	const boxW, boxH, gap = 58.0, 22.0, 3.0
	width := float64(contentW)
	perRow := max(1, int((width+gap)/(boxW+gap)))
	signed := 0
	for _, a := range m.Attendance {
		if a.Signature == "" {
			continue
		}
		col := signed % perRow
		if col == 0 {
			if signed > 0 {
				r.f.SetY(r.f.GetY() + boxH + gap)
			}
			r.ensure(boxH + gap)
		}
		x, y := marginL+float64(col)*(boxW+gap), r.f.GetY()
		r.draw(grey)
		r.f.Rect(x, y, boxW, boxH, "D")
		r.text(x+1.5, y+1, boxW-3, []string{a.Name}, sSmall, "L")
		r.handwriting(a.Signature, x+2, y+6, boxW-4, boxH-8)
		signed++
	}
	if signed == 0 {
		r.paragraph(r.l.L("v.none"), sSmall)
		return
	}
	r.f.SetY(r.f.GetY() + boxH + gap)
}
