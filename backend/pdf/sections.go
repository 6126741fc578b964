package pdf

import (
	"fmt"
	"strconv"
	"strings"

	"golive/backend/printable"
)

var zhNumerals = []string{"一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二"}

// heading writes a numbered section heading.
func (r *renderer) heading(key string) {
	r.sections++
	n := r.sections
	title := r.l.L(key)
	if r.l == printable.En {
		title = fmt.Sprintf("%d. %s", n, title)
	} else if n <= len(zhNumerals) {
		title = zhNumerals[n-1] + "、" + title
	}
	r.section(title)
}

func (r *renderer) summary() {
	d := r.c.Dossier
	r.heading("sec.summary")
	mode := d.Mode
	var modeStyle *style
	if d.Emergency {
		modeStyle = &style{true, 8.2, red}
	}
	window := d.Window
	if window == "" {
		window = "—"
	}
	entity := d.Entity
	if entity == "" {
		entity = "—"
	}
	pairs := []pair{
		{label: r.l.L("f.id"), value: d.ID, style: &sStrongCell},
		{label: r.l.L("f.system"), value: d.System},
		{label: r.l.L("f.title"), value: d.Title, wide: true},
		{label: r.l.L("f.entity"), value: entity, wide: true},
		{label: r.l.L("f.type"), value: d.Type},
		{label: r.l.L("f.mode"), value: mode, style: modeStyle},
		{label: r.l.L("f.version"), value: d.Version},
		{label: r.l.L("f.planned"), value: d.PlannedAt},
		{label: r.l.L("f.pm"), value: d.PM},
		{label: r.l.L("f.owner"), value: d.Owner},
		{label: r.l.L("f.stage"), value: d.Stage},
		{label: r.l.L("f.phase"), value: d.Phase},
		{label: r.l.L("f.window"), value: window},
		{label: r.l.L("f.created"), value: d.Created},
		{label: r.l.L("f.template"), value: d.Template, wide: true},
	}
	if d.ReleaseMethod != "" {
		pairs = append(pairs, pair{label: r.l.L("f.method"), value: d.ReleaseMethod, wide: true})
	}
	r.grid(pairs)
}

var sStrongCell = style{true, 8.2, black}

// label returns the label key followed by a colon in the document's
// language.
func (r *renderer) label(key string) string {
	if r.l == printable.En {
		return r.l.L(key) + ": "
	}
	return r.l.L(key) + "："
}

func (r *renderer) releaseContent(key string) {
	r.heading(key)
	if len(r.c.Release) == 0 {
		r.paragraph(r.l.L("v.none"), sSmall)
		return
	}
	cols := []column{{r.l.L("c.no"), 12, "C"}, {r.l.L("c.kind"), 24, ""}, {r.l.L("c.ref"), 36, ""}, {r.l.L("c.desc"), contentW - 72, ""}}
	var rows [][]cell
	for i, c := range r.c.Release {
		rows = append(rows, []cell{{text: strconv.Itoa(i + 1)}, {text: c.Kind}, {text: c.Ref}, {text: c.Title}})
	}
	r.table(cols, rows)
}

func (r *renderer) checklist() {
	r.heading("sec.checklist")
	// The group column is as wide as its longest word ("Precondition"),
	// never narrower than 18 mm; the item column gives up the difference.
	var groups []string
	for _, c := range r.c.Checklist {
		groups = append(groups, c.Group)
	}
	kindW := max(18, r.wordW(sStrongCell, groups...)+2*cellPad+0.5, r.wordW(sHead, r.l.L("c.kind"))+2*cellPad+0.5)
	cols := []column{{r.l.L("c.kind"), kindW, ""}, {r.l.L("c.no"), 10, "C"}, {r.l.L("c.item"), 58 - (kindW - 18), ""}, {r.l.L("c.status"), 16, "C"},
		{r.l.L("c.note"), 42, ""}, {r.l.L("c.by"), contentW - 144, ""}}
	head := func() { r.gridHead(cols) }
	head()
	var group string
	var rows [][][]block
	flush := func() {
		if len(rows) > 0 {
			r.spanGroup(cols, block{text: group, style: sStrongCell}, rows, head)
		}
		rows = nil
	}
	for _, c := range r.c.Checklist {
		if c.Group != group {
			flush()
			group = c.Group
		}
		st := style{false, 8.2, green}
		if !c.Done {
			st = style{true, 8.2, orange}
		}
		by := []block{{text: c.By, style: sCell}}
		if c.At != "" {
			by = append(by, block{text: c.At, style: sSmallCell})
		}
		rows = append(rows, [][]block{{{text: strconv.Itoa(c.No), style: sCell}}, {{text: c.Title, style: sCell}}, {{text: c.Status, style: st}}, {{text: c.Note, style: sCell}}, by})
	}
	flush()
	r.f.SetY(r.f.GetY() + 2)
}

var sSmallCell = style{false, 7.2, grey}

// block is a run of text in one style inside a grid cell.
type block struct {
	text  string
	style style
	// image, when set, makes the block a handwritten signature: the
	// SHA-256 of its image (Options.Images), drawn handH high.
	image string
}

// approvalGrid draws the approval steps like the paper form: the step in
// a merged first column, one row per role (the six 会签 directors, then
// department, PMO, GM, CIO and filing); withItems adds every approval
// item with its 是/否 answer.
func (r *renderer) approvalGrid(withItems bool) { r.approvalSections("sec.approvals", withItems) }

// approvalSections is approvalGrid under the heading key.
func (r *renderer) approvalSections(key string, withItems bool) {
	r.heading(key)
	var cols []column
	if withItems {
		cols = []column{{r.l.L("c.step"), 22, ""}, {r.l.L("c.role"), 27, ""}, {r.l.L("c.items") + " / " + r.l.L("c.remark"), 55, ""},
			{r.l.L("c.approver"), 24, ""}, {r.l.L("c.decision"), 20, "C"}, {r.l.L("c.time"), contentW - 148, ""}}
	} else {
		cols = []column{{r.l.L("c.step"), 26, ""}, {r.l.L("c.role"), 34, ""}, {r.l.L("c.approver"), 26, ""}, {r.l.L("c.decision"), 22, "C"},
			{r.l.L("c.remark"), 38, ""}, {r.l.L("c.time"), contentW - 146, ""}}
	}
	head := func() { r.gridHead(cols) }
	head()
	for _, sec := range r.c.Approvals {
		label := sec.Name
		if sec.No > 0 && !sec.Inserted {
			label = strconv.Itoa(sec.No) + ". " + sec.Name
		}
		var rows [][][]block
		for _, row := range sec.Rows {
			dec := block{text: row.Decision, style: style{true, 8.2, green}}
			if !row.Approved {
				dec.style = style{false, 8.2, orange}
				if row.Approver == "" && row.Remark == "" {
					dec.style.color = grey
				}
			}
			approver := []block{{text: row.Approver, style: sCell}}
			if row.Handwriting != "" {
				approver = append(approver, block{style: sCell, image: row.Handwriting})
			}
			if row.Fingerprint != "" {
				approver = append(approver, block{text: row.Fingerprint[:9], style: sSmallCell})
			}
			var remark []block
			if withItems {
				for _, it := range row.Items {
					ans := it.Answer
					if ans == "" {
						ans = "□"
					}
					t := ans + "  " + it.Text
					if it.Remark != "" {
						t += "（" + it.Remark + "）"
					}
					st := style{false, 7.4, black}
					if it.Answer != "" && !it.Yes {
						st.color = red
					}
					remark = append(remark, block{text: t, style: st})
				}
			}
			if row.Remark != "" {
				remark = append(remark, block{text: r.label("c.remark") + row.Remark, style: style{false, 7.8, accent}})
			}
			for _, c := range row.Comments {
				remark = append(remark, block{text: r.commentHead(c), style: sSmallCell}, block{text: c.Text, style: style{false, 7.6, black}})
			}
			if withItems {
				rows = append(rows, [][]block{{{text: row.Role, style: sCell}}, remark, approver, {dec}, {{text: row.At, style: sCell}}})
			} else {
				rows = append(rows, [][]block{{{text: row.Role, style: sCell}}, approver, {dec}, remark, {{text: row.At, style: sCell}}})
			}
		}
		r.spanGroup(cols, block{text: label, style: sStrongCell}, rows, head)
	}
	r.f.SetY(r.f.GetY() + 2)
}

// commentHead is the line above an earlier comment on an approval slot:
// when, who and what they did ("2026-11-28 00:13 王芳 · 退回").
func (r *renderer) commentHead(c printable.CommentRow) string {
	return c.At + " " + c.By + " · " + c.Action
}

// gridHead draws a shaded header row for cols.
func (r *renderer) gridHead(cols []column) {
	h := lineH(sHead) + 2*cellPad
	r.ensure(h + 12)
	x, y := marginL, r.f.GetY()
	r.fill(light)
	r.draw(rule)
	r.f.SetLineWidth(0.2)
	for _, c := range cols {
		r.f.Rect(x, y, c.w, h, "FD")
		r.text(x+cellPad, y+cellPad, c.w-2*cellPad, []string{c.title}, sHead, alignOf(c))
		x += c.w
	}
	r.f.SetY(y + h)
}

// layoutBlocks wraps blocks to width w and returns them with the height.
func (r *renderer) layoutBlocks(bs []block, w float64) ([][]string, float64) {
	out := make([][]string, len(bs))
	h := 0.0
	for i, b := range bs {
		if b.image != "" {
			h += handH
			continue
		}
		r.setStyle(b.style)
		out[i] = r.wrap(b.text, w)
		h += float64(len(out[i])) * lineH(b.style)
	}
	return out, h
}

// spanGroup draws rows whose first column is one merged cell holding
// label. The group moves to a new page when it does not fit but would on
// an empty one; a longer group splits, repeating its label.
func (r *renderer) spanGroup(cols []column, label block, rows [][][]block, head func()) {
	type laid struct {
		lines [][][]string
		h     float64
	}
	var all []laid
	total := 0.0
	for _, row := range rows {
		var l laid
		for i, bs := range row {
			lines, h := r.layoutBlocks(bs, cols[i+1].w-2*cellPad)
			l.lines = append(l.lines, lines)
			l.h = max(l.h, h+2*cellPad)
		}
		all = append(all, l)
		total += l.h
	}
	labelLines, lh := r.layoutBlocks([]block{label}, cols[0].w-2*cellPad)
	total = max(total, lh+2*cellPad)
	if r.f.GetY()+total > bottomY && total <= bottomY-marginT-12 {
		r.f.AddPage()
		head()
	}
	start := 0
	for start < len(all) {
		// Rows that fit on this page.
		y0 := r.f.GetY()
		end, h := start, 0.0
		for end < len(all) && y0+h+all[end].h <= bottomY {
			h += all[end].h
			end++
		}
		if end == start { // not even one row: next page
			r.f.AddPage()
			head()
			continue
		}
		if end == len(all) {
			h = max(h, lh+2*cellPad)
		}
		r.draw(rule)
		r.f.SetLineWidth(0.2)
		r.fill(rgb{246, 247, 249})
		r.f.Rect(marginL, y0, cols[0].w, h, "FD")
		r.drawBlocks(marginL+cellPad, y0+cellPad, cols[0].w-2*cellPad, []block{label}, labelLines, "L")
		y := y0
		for k := start; k < end; k++ {
			x := marginL + cols[0].w
			rh := all[k].h
			if k == end-1 {
				rh = y0 + h - y
			}
			for i, bs := range rows[k] {
				c := cols[i+1]
				r.f.Rect(x, y, c.w, rh, "D")
				r.drawBlocks(x+cellPad, y+cellPad, c.w-2*cellPad, bs, all[k].lines[i], alignOf(c))
				x += c.w
			}
			y += rh
		}
		r.f.SetY(y0 + h)
		start = end
		if start < len(all) {
			r.f.AddPage()
			head()
		}
	}
}

func (r *renderer) drawBlocks(x, y, w float64, bs []block, lines [][]string, align string) {
	for i, b := range bs {
		if b.image != "" {
			r.handwriting(b.image, x, y, w, handH)
			y += handH
			continue
		}
		y += r.text(x, y, w, lines[i], b.style, align)
	}
}

func (r *renderer) history() {
	r.heading("sec.history")
	cols := []column{{r.l.L("c.time"), 27, ""}, {r.l.L("c.actor"), 30, ""}, {r.l.L("c.action"), 25, ""}, {r.l.L("c.step"), 30, ""},
		{r.l.L("c.detail"), contentW - 129, ""}, {r.l.L("c.event"), 17, ""}}
	var rows [][]cell
	for _, h := range r.c.History {
		var st *style
		switch {
		case h.Ignored:
			st = &style{false, 8.2, grey}
		case strings.Contains(h.Action, r.l.L("a.flow.decided.return")), strings.Contains(h.Action, r.l.L("a.flow.withdrawn")):
			st = &style{true, 8.2, red}
		case strings.Contains(h.Action, r.l.L("a.flow.transferred")):
			st = &style{true, 8.2, orange}
		}
		rows = append(rows, []cell{{text: h.At}, {text: h.Actor}, {text: h.Action, style: st}, {text: h.Step}, {text: h.Detail}, {text: h.Event, style: &sSmallCell}})
	}
	r.table(cols, rows)
}

func (r *renderer) attemptsSection(tests bool) {
	r.heading("sec.runbook")
	if len(r.c.Attempts) == 0 {
		r.paragraph(r.l.L("v.notyet"), sSmall)
	}
	for _, a := range r.c.Attempts {
		if len(r.c.Attempts) > 1 {
			r.paragraph(fmt.Sprintf(r.l.L("v.attempt"), a.No), sStrong)
		}
		cols := []column{{r.l.L("c.no"), 10, "C"}, {r.l.L("c.runstep"), 54, ""}, {r.l.L("c.planned"), 24, ""}, {r.l.L("c.started"), 24, ""},
			{r.l.L("c.ended"), 24, ""}, {r.l.L("c.operator"), 20, ""}, {r.l.L("c.result"), contentW - 156, "C"}}
		var rows [][]cell
		for _, s := range a.Runbook {
			rows = append(rows, []cell{{text: strconv.Itoa(s.No)}, {text: joinNonEmpty("\n", s.Action, s.Notes)}, {text: s.Planned}, {text: s.Started},
				{text: s.Ended}, {text: s.Operator}, {text: s.Result, style: resultStyle(s.Result, r.l.L("v.ok"))}})
		}
		if len(rows) > 0 {
			r.table(cols, rows)
		}
		var facts []pair
		add := func(key, v string, st *style) {
			if v != "" {
				facts = append(facts, pair{label: r.l.L(key), value: v, style: st, wide: true})
			}
		}
		add("s.package", a.Package, nil)
		add("s.override", a.Override, &style{true, 8.2, red})
		add("s.released", a.Released, nil)
		add("s.supervised", a.Supervised, nil)
		add("s.sameday", a.SameDay, nil)
		add("s.oncall", a.OnCall, nil)
		if len(facts) > 0 {
			r.grid(facts)
		}
		if tests || len(a.Tests) > 0 {
			r.testsTable(a)
		}
	}
}

func (r *renderer) testsTable(a printable.Attempt) {
	r.paragraph(r.l.L("sec.tests"), sStrong)
	if len(a.Tests) == 0 {
		r.paragraph(r.l.L("v.none"), sSmall)
		return
	}
	cols := []column{{r.l.L("c.no"), 10, "C"}, {r.l.L("c.test"), 50, ""}, {r.l.L("c.expected"), 44, ""}, {r.l.L("c.actual"), 44, ""}, {r.l.L("c.passed"), contentW - 148, "C"}}
	var rows [][]cell
	for i, t := range a.Tests {
		rows = append(rows, []cell{{text: strconv.Itoa(i + 1)}, {text: t.Name}, {text: t.Expected}, {text: t.Actual}, {text: t.Passed, style: resultStyle(t.Passed, r.l.L("v.passed"))}})
	}
	r.table(cols, rows)
}

func resultStyle(v, good string) *style {
	if v == good {
		return &style{true, 8.2, green}
	}
	return &style{true, 8.2, red}
}

func joinNonEmpty(sep string, parts ...string) string {
	var out []string
	for _, p := range parts {
		if strings.TrimSpace(p) != "" {
			out = append(out, p)
		}
	}
	return strings.Join(out, sep)
}

func (r *renderer) postponements() {
	if len(r.c.Postponements) == 0 {
		return
	}
	r.heading("sec.attempts")
	cols := []column{{r.l.L("c.no"), 12, "C"}, {r.l.L("c.actor"), 34, ""}, {r.l.L("c.planned"), 40, ""}, {r.l.L("c.detail"), contentW - 86, ""}}
	var rows [][]cell
	for _, p := range r.c.Postponements {
		rows = append(rows, []cell{{text: strconv.Itoa(p.Attempt)}, {text: p.By + "\n" + p.At}, {text: p.From + " →\n" + p.To}, {text: joinNonEmpty("\n", p.Reason, p.Plan)}})
	}
	r.table(cols, rows)
}

func (r *renderer) confirmation() {
	r.heading("sec.confirmation")
	c := r.c.Confirmation
	if c == nil {
		r.paragraph(r.l.L("v.notyet"), sSmall)
		return
	}
	st := &style{true, 9, green}
	if !c.Success {
		st = &style{true, 9, red}
	}
	pairs := []pair{{label: r.l.L("c.result"), value: c.Result, style: st}, {label: r.l.L("c.signer"), value: c.By + "（" + c.Role + "）· " + c.At}}
	if c.Rollback != "" {
		pairs = append(pairs, pair{label: r.l.L("d.rollback"), value: c.Rollback, wide: true})
	}
	if c.Comment != "" {
		pairs = append(pairs, pair{label: r.l.L("c.remark"), value: c.Comment, wide: true})
	}
	r.grid(pairs)
	if len(c.Items) > 0 {
		cols := []column{{r.l.L("c.no"), 10, "C"}, {r.l.L("c.item"), contentW - 70, ""}, {r.l.L("c.answer"), 16, "C"}, {r.l.L("c.remark"), 44, ""}}
		var rows [][]cell
		for i, it := range c.Items {
			rows = append(rows, []cell{{text: strconv.Itoa(i + 1)}, {text: it.Text}, {text: it.Answer, style: resultStyle(boolText(it.Yes), "y")}, {text: it.Remark}})
		}
		r.table(cols, rows)
	}
}

func boolText(b bool) string {
	if b {
		return "y"
	}
	return "n"
}

func (r *renderer) documents() {
	r.heading("sec.documents")
	cols := []column{{r.l.L("c.no"), 12, "C"}, {r.l.L("c.document"), 62, ""}, {r.l.L("c.status"), 22, "C"}, {r.l.L("c.remark"), contentW - 96, ""}}
	var rows [][]cell
	for _, d := range r.c.Documents {
		st := &style{true, 8.2, green}
		if !d.Present {
			st = &style{true, 8.2, orange}
		}
		rows = append(rows, []cell{{text: strconv.Itoa(d.No)}, {text: d.Name}, {text: d.Status, style: st}, {text: d.Note}})
	}
	r.table(cols, rows)
}

func (r *renderer) deliverables() { r.deliverablesSection("sec.deliverables") }

// deliverablesSection is deliverables under the heading key.
func (r *renderer) deliverablesSection(key string) {
	r.heading(key)
	cols := []column{{r.l.L("c.deliverable"), 38, ""}, {r.l.L("c.ver"), 10, "C"}, {r.l.L("c.file"), 36, ""}, {r.l.L("c.size"), 16, "R"},
		{r.l.L("c.sha"), 44, ""}, {r.l.L("c.by"), contentW - 144, ""}}
	var rows [][]cell
	sha := style{false, 6.6, black}
	for _, d := range r.c.Deliverables {
		name := d.Name
		if d.Step != "" {
			name += "\n" + d.Step
		}
		file := d.File
		if d.Note != "" {
			file += "\n" + d.Note
		}
		rows = append(rows, []cell{{text: name}, {text: "V" + strconv.Itoa(d.Version)}, {text: file}, {text: printable.Size(d.Size)},
			{text: d.SHA256, style: &sha}, {text: d.By + "\n" + d.At, style: &sSmallCell}})
	}
	if len(rows) == 0 {
		r.paragraph(r.l.L("v.none"), sSmall)
		return
	}
	r.table(cols, rows)
}

func (r *renderer) releaseSteps() {
	r.heading("sec.steps")
	var last *printable.Attempt
	if n := len(r.c.Attempts); n > 0 {
		last = &r.c.Attempts[n-1]
	}
	if last == nil || len(last.Runbook) == 0 {
		r.paragraph(r.l.L("v.notyet"), sSmall)
	} else {
		cols := []column{{r.l.L("c.no"), 10, "C"}, {r.l.L("c.runstep"), 90, ""}, {r.l.L("c.planned"), 30, ""}, {r.l.L("c.operator"), contentW - 130, ""}}
		var rows [][]cell
		for _, s := range last.Runbook {
			rows = append(rows, []cell{{text: strconv.Itoa(s.No)}, {text: joinNonEmpty("\n", s.Action, s.Notes)}, {text: s.Planned}, {text: s.Operator}})
		}
		r.table(cols, rows)
	}
	r.heading("sec.rollback")
	if last != nil && len(last.Tests) > 0 {
		cols := []column{{r.l.L("c.no"), 10, "C"}, {r.l.L("c.test"), 70, ""}, {r.l.L("c.expected"), contentW - 80, ""}}
		var rows [][]cell
		for i, t := range last.Tests {
			rows = append(rows, []cell{{text: strconv.Itoa(i + 1)}, {text: t.Name}, {text: t.Expected}})
		}
		r.table(cols, rows)
	} else {
		r.paragraph(r.l.L("v.notyet"), sSmall)
	}
}

func (r *renderer) plan() {
	r.grid([]pair{{label: r.l.L("f.year"), value: strconv.Itoa(r.c.Year)}, {label: r.l.L("c.window"), value: strconv.Itoa(len(r.c.Windows))}})
	r.heading("sec.windows")
	cols := []column{{r.l.L("c.date"), 24, ""}, {r.l.L("c.time"), 22, ""}, {r.l.L("c.window"), 34, ""}, {r.l.L("c.status"), 20, "C"}, {r.l.L("c.dossiers"), contentW - 100, ""}}
	var rows [][]cell
	for _, w := range r.c.Windows {
		var ds []string
		for _, d := range w.Dossiers {
			ds = append(ds, strings.TrimSpace(d.ID+" "+d.System+" "+d.Title))
		}
		rows = append(rows, []cell{{text: w.Date}, {text: w.Start + "–" + w.End}, {text: joinNonEmpty("\n", w.Name, strings.Join(w.Classes, ", "))},
			{text: w.Status}, {text: joinNonEmpty("\n", strings.Join(ds, "\n"), w.Note)}})
	}
	if len(rows) == 0 {
		r.paragraph(r.l.L("v.none"), sSmall)
		return
	}
	r.table(cols, rows)
}
