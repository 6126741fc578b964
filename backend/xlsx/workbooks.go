package xlsx

import (
	"fmt"
	"io"
	"strings"

	"github.com/xuri/excelize/v2"

	"golive/backend/apperr"
	"golive/backend/printable"
)

func init() {
	for k, v := range map[string][2]string{
		"s.window":      {"按发布窗口", "By window"},
		"s.month":       {"按月份", "By month"},
		"s.system":      {"按系统", "By system"},
		"s.class":       {"按系统类别", "By system class"},
		"s.department":  {"按部门", "By department"},
		"s.total":       {"合计", "Total"},
		"s.key.class":   {"系统类别", "System class"},
		"s.key.dept":    {"部门", "Department"},
		"s.key.total":   {"范围", "Selection"},
		"s.all":         {"全部", "All"},
		"s.key.window":  {"发布窗口", "Window"},
		"s.key.month":   {"月份", "Month"},
		"s.key.system":  {"系统", "System"},
		"s.label":       {"名称", "Name"},
		"s.dossiers":    {"发布档案数", "Dossiers"},
		"s.released":    {"已发布", "Released"},
		"s.emergency":   {"紧急发布", "Emergency"},
		"s.emshare":     {"紧急占比", "Emergency share"},
		"s.postponed":   {"已顺延", "Postponed"},
		"s.postrate":    {"顺延率", "Postponement rate"},
		"s.confirms":    {"发布确认次数", "Confirmations"},
		"s.failures":    {"失败次数", "Failures"},
		"s.cfr":         {"变更失败率", "Change failure rate"},
		"s.lead":        {"平均前置时间（天，提交至发布）", "Lead time, days (submission to release)"},
		"s.hours":       {"平均审批时长（小时）", "mean hours pending"},
		"p.date":        {"日期", "Date"},
		"p.start":       {"开始", "Start"},
		"p.end":         {"结束", "End"},
		"p.name":        {"窗口", "Window"},
		"p.classes":     {"适用系统类别", "System classes"},
		"p.status":      {"状态", "Status"},
		"p.count":       {"发布档案数", "Dossiers"},
		"p.dossiers":    {"发布档案", "Dossiers"},
		"p.note":        {"备注", "Note"},
		"u.system":      {"系统名称", "System"},
		"u.version":     {"版本", "Version"},
		"u.dossier":     {"发布档案编号", "Dossier No."},
		"u.period":      {"测试周期", "Test period"},
		"u.lead":        {"测试负责人", "Test lead"},
		"u.scope":       {"测试范围", "Scope"},
		"u.no":          {"序号", "No."},
		"u.module":      {"测试模块/需求编号", "Module / requirement"},
		"u.case":        {"测试场景（用例）", "Test case"},
		"u.pre":         {"前置条件", "Preconditions"},
		"u.steps":       {"测试步骤", "Steps"},
		"u.expected":    {"预期结果", "Expected result"},
		"u.actual":      {"实际结果", "Actual result"},
		"u.pass":        {"是否通过", "Passed"},
		"u.defect":      {"缺陷编号", "Defect"},
		"u.tester":      {"测试人", "Tester"},
		"u.date":        {"测试日期", "Date"},
		"u.conclusion":  {"测试结论", "Conclusion"},
		"u.signoff":     {"签字确认", "Sign-off"},
		"u.user":        {"用户代表（需求部门）", "User representative"},
		"u.pm":          {"项目经理", "Project manager"},
		"u.owner":       {"应用部门系统所有人", "System owner"},
		"u.sign":        {"签字", "Signature"},
		"u.signdate":    {"日期", "Date"},
		"u.pass.yes":    {"通过", "Passed"},
		"u.pass.no":     {"不通过", "Failed"},
		"u.conclusion1": {"□ 通过，同意上线    □ 有条件通过    □ 不通过", "□ Passed, go-live agreed    □ Passed with conditions    □ Failed"},
	} {
		words[k] = v
	}
}

// words are the workbook texts not in backend/printable.
var words = map[string][2]string{}

func w(l printable.Lang, key string) string {
	if l == printable.En {
		return words[key][1]
	}
	return words[key][0]
}

// WriteStats writes the release statistics (发布统计): one sheet each by
// window, month, system, system class and department, and one with the
// whole selection's total, whose first column names the selection (the
// filter, else 全部). Code xlsx.write_failed.
func WriteStats(out io.Writer, s printable.Stats) error {
	l := lang(s.Lang)
	total := s.Total
	if total.Key = s.Filter; total.Key == "" {
		total.Key = w(l, "s.all")
	}
	f := excelize.NewFile()
	defer f.Close()
	st, err := newStyles(f)
	if err != nil {
		return err
	}
	sheets := []struct {
		name, key string
		rows      []printable.StatsRow
	}{{w(l, "s.window"), "s.key.window", s.ByWindow}, {w(l, "s.month"), "s.key.month", s.ByMonth}, {w(l, "s.system"), "s.key.system", s.BySystem},
		{w(l, "s.class"), "s.key.class", s.ByClass}, {w(l, "s.department"), "s.key.dept", s.ByDepartment}, {w(l, "s.total"), "s.key.total", []printable.StatsRow{total}}}
	for i, sh := range sheets {
		if i == 0 {
			if err := f.SetSheetName("Sheet1", sh.name); err != nil {
				return apperr.Wrap(err, "xlsx.write_failed")
			}
		} else if _, err := f.NewSheet(sh.name); err != nil {
			return apperr.Wrap(err, "xlsx.write_failed")
		}
		head := []string{w(l, sh.key), w(l, "s.label"), w(l, "s.dossiers"), w(l, "s.released"), w(l, "s.emergency"), w(l, "s.emshare"),
			w(l, "s.postponed"), w(l, "s.postrate"), w(l, "s.confirms"), w(l, "s.failures"), w(l, "s.cfr"), w(l, "s.lead")}
		for _, g := range s.Groups {
			head = append(head, g.Label+"·"+w(l, "s.hours"))
		}
		var rows [][]any
		for _, r := range sh.rows {
			row := []any{r.Key, r.Label, r.Dossiers, r.Released, r.Emergency, pct(r.EmergencyShare), r.Postponed, pct(r.PostponementRate),
				r.Confirmations, r.Failures, pct(r.ChangeFailureRate), dec(r.LeadTimeDays, r.LeadSamples > 0)}
			for _, g := range s.Groups {
				h, ok := r.StepHours[g.Key]
				row = append(row, dec(h, ok))
			}
			rows = append(rows, row)
		}
		if err := table(f, st, sh.name, head, rows); err != nil {
			return err
		}
	}
	props(f, printable.Zh.L("title.stats"))
	return write(f, out)
}

type pct float64
type dec2 struct {
	v  float64
	ok bool
}

func dec(v float64, ok bool) dec2 { return dec2{v, ok} }

// table writes a small sheet with a styled, frozen, filtered header.
func table(f *excelize.File, st styles, sheet string, head []string, rows [][]any) error {
	widths := make([]float64, len(head))
	for i, h := range head {
		widths[i] = min(max(displayWidth(h)+2, 9), 26)
	}
	for j, h := range head {
		if err := f.SetCellValue(sheet, cellName(j+1, 1), h); err != nil {
			return apperr.Wrap(err, "xlsx.write_failed")
		}
	}
	if err := f.SetCellStyle(sheet, "A1", cellName(len(head), 1), st.head); err != nil {
		return apperr.Wrap(err, "xlsx.write_failed")
	}
	for i, r := range rows {
		for j, v := range r {
			cell := cellName(j+1, i+2)
			style := st.text
			switch x := v.(type) {
			case pct:
				v, style = float64(x), st.pct
			case dec2:
				if !x.ok {
					continue
				}
				v, style = x.v, st.dec
			case int:
				style = st.num
			case string:
				widths[j] = max(widths[j], min(displayWidth(x)+2, 60))
			}
			if err := f.SetCellValue(sheet, cell, v); err != nil {
				return apperr.Wrap(err, "xlsx.write_failed")
			}
			if err := f.SetCellStyle(sheet, cell, cell, style); err != nil {
				return apperr.Wrap(err, "xlsx.write_failed")
			}
		}
	}
	for i, wd := range widths {
		if err := f.SetColWidth(sheet, colName(i+1), colName(i+1), wd); err != nil {
			return apperr.Wrap(err, "xlsx.write_failed")
		}
	}
	_ = f.SetRowHeight(sheet, 1, 32)
	if err := f.SetPanes(sheet, &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}); err != nil {
		return apperr.Wrap(err, "xlsx.write_failed")
	}
	if len(rows) > 0 {
		if err := f.AutoFilter(sheet, "A1:"+cellName(len(head), len(rows)+1), nil); err != nil {
			return apperr.Wrap(err, "xlsx.write_failed")
		}
	}
	return nil
}

// WritePlan writes the year's window plan (发布窗口计划) from rows (see
// printable.PlanRow). Code xlsx.write_failed.
func WritePlan(out io.Writer, year int, rows []printable.PlanRow, l printable.Lang) error {
	l = lang(l)
	f := excelize.NewFile()
	defer f.Close()
	st, err := newStyles(f)
	if err != nil {
		return err
	}
	sheet := fmt.Sprintf("%d %s", year, l.L("title.plan"))
	if err := f.SetSheetName("Sheet1", sheet); err != nil {
		return apperr.Wrap(err, "xlsx.write_failed")
	}
	head := []string{w(l, "p.date"), w(l, "p.start"), w(l, "p.end"), w(l, "p.name"), w(l, "p.classes"), w(l, "p.status"), w(l, "p.count"), w(l, "p.dossiers"), w(l, "p.note")}
	var data [][]any
	for _, r := range rows {
		var ds []string
		for _, d := range r.Dossiers {
			ds = append(ds, strings.TrimSpace(d.ID+" "+d.System+" "+d.Title))
		}
		data = append(data, []any{r.Date, r.Start, r.End, r.Name, strings.Join(r.Classes, ", "), r.Status, len(r.Dossiers), strings.Join(ds, "\n"), r.Note})
	}
	if err := table(f, st, sheet, head, data); err != nil {
		return err
	}
	props(f, sheet)
	return write(f, out)
}

// UserTest is what a user test report template is pre-filled with; every
// field may be empty.
type UserTest struct {
	Organisation, System, Version, Dossier string
	// Modules are suggested test modules, e.g. the release's CRs.
	Modules []string
	// Rows is the number of blank test case rows (default 20).
	Rows int
	Lang printable.Lang
}

// WriteUserTestTemplate writes a blank 用户测试报告: a header block, a test
// case table (module, case, preconditions, steps, expected and actual
// result, passed — a 通过/不通过 list —, defect, tester, date), the
// conclusion and the sign-off. Code xlsx.write_failed.
func WriteUserTestTemplate(out io.Writer, u UserTest) error {
	l := lang(u.Lang)
	f := excelize.NewFile()
	defer f.Close()
	st, err := newStyles(f)
	if err != nil {
		return err
	}
	sheet := l.L("title.usertest")
	if err := f.SetSheetName("Sheet1", sheet); err != nil {
		return apperr.Wrap(err, "xlsx.write_failed")
	}
	set := func(cell string, v any, style int) {
		if err == nil {
			err = f.SetCellValue(sheet, cell, v)
		}
		if err == nil && style != 0 {
			err = f.SetCellStyle(sheet, cell, cell, style)
		}
	}
	head := []string{w(l, "u.no"), w(l, "u.module"), w(l, "u.case"), w(l, "u.pre"), w(l, "u.steps"), w(l, "u.expected"), w(l, "u.actual"),
		w(l, "u.pass"), w(l, "u.defect"), w(l, "u.tester"), w(l, "u.date")}
	widths := []float64{6, 20, 28, 20, 32, 26, 26, 10, 12, 10, 12}
	last := colName(len(head))
	title := strings.TrimSpace(u.Organisation + " " + sheet)
	set("A1", title, st.title)
	_ = f.MergeCell(sheet, "A1", last+"1")
	info := [][2]string{{w(l, "u.system"), u.System}, {w(l, "u.version"), u.Version}, {w(l, "u.dossier"), u.Dossier}, {w(l, "u.period"), ""}, {w(l, "u.lead"), ""}, {w(l, "u.scope"), ""}}
	for i, kv := range info {
		row := 3 + i/2
		col := 1 + (i%2)*6
		set(cellName(col, row), kv[0], st.label)
		_ = f.MergeCell(sheet, cellName(col, row), cellName(col+1, row))
		set(cellName(col+2, row), kv[1], st.text)
		_ = f.MergeCell(sheet, cellName(col+2, row), cellName(col+4, row))
	}
	top := 7
	for j, h := range head {
		set(cellName(j+1, top), h, st.head)
	}
	n := u.Rows
	if n <= 0 {
		n = 20
	}
	for i := 0; i < n; i++ {
		r := top + 1 + i
		set(cellName(1, r), i+1, st.num)
		if i < len(u.Modules) {
			set(cellName(2, r), u.Modules[i], st.text)
		}
		set(cellName(11, r), nil, st.dateOnly)
	}
	if err != nil {
		return apperr.Wrap(err, "xlsx.write_failed")
	}
	dv := excelize.NewDataValidation(true)
	dv.Sqref = fmt.Sprintf("H%d:H%d", top+1, top+n)
	if err := dv.SetDropList([]string{w(l, "u.pass.yes"), w(l, "u.pass.no")}); err != nil {
		return apperr.Wrap(err, "xlsx.write_failed")
	}
	if err := f.AddDataValidation(sheet, dv); err != nil {
		return apperr.Wrap(err, "xlsx.write_failed")
	}
	dd := excelize.NewDataValidation(true)
	dd.Sqref = fmt.Sprintf("K%d:K%d", top+1, top+n)
	if err := dd.SetRange("2000-01-01", "2099-12-31", excelize.DataValidationTypeDate, excelize.DataValidationOperatorBetween); err == nil {
		_ = f.AddDataValidation(sheet, dd)
	}
	r := top + n + 2
	set(cellName(1, r), w(l, "u.conclusion"), st.label)
	_ = f.MergeCell(sheet, cellName(1, r), cellName(2, r))
	set(cellName(3, r), w(l, "u.conclusion1"), st.text)
	_ = f.MergeCell(sheet, cellName(3, r), cellName(len(head), r))
	r += 2
	set(cellName(1, r), w(l, "u.signoff"), st.head)
	_ = f.MergeCell(sheet, cellName(1, r), cellName(len(head), r))
	for i, who := range []string{w(l, "u.user"), w(l, "u.pm"), w(l, "u.owner")} {
		row := r + 1 + i
		set(cellName(1, row), who, st.label)
		_ = f.MergeCell(sheet, cellName(1, row), cellName(3, row))
		set(cellName(4, row), w(l, "u.sign"), st.label)
		_ = f.MergeCell(sheet, cellName(5, row), cellName(7, row))
		set(cellName(8, row), w(l, "u.signdate"), st.label)
		set(cellName(9, row), nil, st.dateOnly)
		_ = f.MergeCell(sheet, cellName(9, row), cellName(10, row))
		_ = f.SetRowHeight(sheet, row, 30)
	}
	if err != nil {
		return apperr.Wrap(err, "xlsx.write_failed")
	}
	for i, wd := range widths {
		_ = f.SetColWidth(sheet, colName(i+1), colName(i+1), wd)
	}
	_ = f.SetPanes(sheet, &excelize.Panes{Freeze: true, YSplit: top, TopLeftCell: cellName(1, top+1), ActivePane: "bottomLeft"})
	_ = f.SetPageLayout(sheet, &excelize.PageLayoutOptions{Orientation: strp("landscape")})
	props(f, sheet)
	return write(f, out)
}

func strp(s string) *string { return &s }
