package documents_test

import (
	"archive/zip"
	"bytes"
	"encoding/csv"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"golive/backend/documents"
	"golive/backend/dossier"
	"golive/backend/xlsx"
)

func TestRegisterWorkbook(t *testing.T) {
	c := openSample(t)
	svc := c.Documents()
	filter := documents.RegisterFilter{Year: 2026}
	reg, err := svc.RegisterContent(filter)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	n, err := svc.Register(filter, &buf)
	if err != nil {
		t.Fatal(err)
	}
	all, err := c.Dossiers.List(dossier.Filter{})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]bool{}
	for _, s := range all {
		if s.PlannedAt.Year() == 2026 {
			want[s.ID] = true
		}
	}
	if n != len(want) || n != len(reg.Rows) || n < 20 {
		t.Fatalf("rows = %d, register %d, dossiers planned in 2026 %d", n, len(reg.Rows), len(want))
	}
	f, err := excelize.OpenReader(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	const sheet = "审批登记簿"
	rows, err := f.GetRows(sheet)
	if err != nil {
		t.Fatal(err)
	}
	headers := xlsx.RegisterHeaders(reg)
	if len(rows) != n+1 || strings.Join(rows[0], "|") != strings.Join(headers, "|") || rows[0][0] != "编号" {
		t.Fatalf("%d rows, header %q", len(rows), rows[0])
	}
	for _, h := range []string{"系统名称", "发布类型", "发布方式", "发布窗口", "当前阶段", "计划发布时间", "部门审批·审批人", "部门审批·意见", "部门审批·时间", "会签·客户服务部总监·审批人"} {
		if !contains(headers, h) {
			t.Errorf("no header %q", h)
		}
	}
	for i, r := range rows[1:] {
		if !want[r[0]] || r[0] != reg.Rows[i].ID {
			t.Fatalf("row %d is %q", i+2, r[0])
		}
	}
	t.Run("RealDates", func(t *testing.T) {
		col := indexOf(headers, "计划发布时间") + 1
		for i, r := range reg.Rows {
			cell, _ := excelize.CoordinatesToCellName(col, i+2)
			raw, err := f.GetCellValue(sheet, cell, excelize.Options{RawCellValue: true})
			if err != nil || raw == "" || strings.ContainsAny(raw, "-:") {
				t.Fatalf("%s holds %q, want a serial date number", cell, raw)
			}
			shown, _ := f.GetCellValue(sheet, cell)
			if shown != r.PlannedAt.Format("2006-01-02 15:04") {
				t.Fatalf("%s shows %q, want %q", cell, shown, r.PlannedAt.Format("2006-01-02 15:04"))
			}
			id, _ := f.GetCellStyle(sheet, cell)
			st, err := f.GetStyle(id)
			if err != nil || st.CustomNumFmt == nil || *st.CustomNumFmt != xlsx.DateTimeFormat {
				t.Fatalf("%s has style %+v", cell, st)
			}
		}
	})
	t.Run("AutofilterAndFrozenHeader", func(t *testing.T) {
		xml := sheetXML(t, buf.Bytes())
		if !strings.Contains(xml, "<autoFilter ref=") || !strings.Contains(xml, `state="frozen"`) || !strings.Contains(xml, `ySplit="1"`) {
			t.Fatalf("sheet XML lacks the autofilter or the frozen header: %.400s", xml)
		}
		if !strings.Contains(xml, `customWidth="1"`) {
			t.Fatal("no column widths")
		}
	})
	t.Run("LibreOfficeReadsTheSameValues", func(t *testing.T) {
		got := libreOfficeCSV(t, buf.Bytes())
		if len(got) != len(rows) {
			t.Fatalf("LibreOffice sees %d rows, excelize %d", len(got), len(rows))
		}
		for i := range rows {
			for j := range got[i] {
				want := ""
				if j < len(rows[i]) {
					want = rows[i][j]
				}
				if got[i][j] != want {
					t.Fatalf("row %d column %d: LibreOffice %q, excelize %q", i+1, j+1, got[i][j], want)
				}
			}
		}
	})
	t.Run("Filters", func(t *testing.T) {
		sys := reg.Rows[0].SystemCode
		r, err := svc.RegisterContent(documents.RegisterFilter{System: sys})
		if err != nil || len(r.Rows) == 0 {
			t.Fatalf("system %s: %d rows, %v", sys, len(r.Rows), err)
		}
		for _, row := range r.Rows {
			if row.SystemCode != sys {
				t.Fatalf("system filter let %s through", row.SystemCode)
			}
		}
		win := reg.Rows[len(reg.Rows)/2].WindowID
		r, err = svc.RegisterContent(documents.RegisterFilter{Window: win})
		if err != nil || len(r.Rows) == 0 {
			t.Fatalf("window %s: %d rows, %v", win, len(r.Rows), err)
		}
		for _, row := range r.Rows {
			if row.WindowID != win && row.PlannedAt.Format("2006-01-02") != win {
				t.Fatalf("window filter let %s through", row.WindowID)
			}
		}
	})
	t.Run("StatsAndTemplates", func(t *testing.T) {
		var stats, ut, plan bytes.Buffer
		if err := svc.Stats(filter, &stats); err != nil {
			t.Fatal(err)
		}
		sf, err := excelize.OpenReader(&stats)
		if err != nil {
			t.Fatal(err)
		}
		if sheets := sf.GetSheetList(); strings.Join(sheets, ",") != "按发布窗口,按月份,按系统,按系统类别,按部门,合计" {
			t.Fatalf("sheets %v", sheets)
		}
		months, _ := sf.GetRows("按月份")
		if len(months) < 3 || months[0][0] != "月份" || !contains(months[0], "变更失败率") || !contains(months[0], "紧急占比") {
			t.Fatalf("months %v", months)
		}
		if err := svc.UserTestTemplate(reg.Rows[0].ID, "zh", &ut); err != nil {
			t.Fatal(err)
		}
		uf, err := excelize.OpenReader(&ut)
		if err != nil {
			t.Fatal(err)
		}
		if v, _ := uf.GetCellValue("用户测试报告", "F7"); v != "预期结果" {
			t.Fatalf("F7 = %q", v)
		}
		svc.Plans = nil
		if err := svc.PlanWorkbook(2026, "zh", &plan); err == nil {
			t.Fatal("a plan workbook without a plan source")
		}
		svc.Plans = fakePlan
		if err := svc.PlanWorkbook(2026, "zh", &plan); err != nil {
			t.Fatal(err)
		}
		pf, err := excelize.OpenReader(&plan)
		if err != nil {
			t.Fatal(err)
		}
		prow, _ := pf.GetRows("2026 发布窗口计划")
		if len(prow) != 25 || prow[1][0] != "2026-01-10" {
			t.Fatalf("plan rows %d: %v", len(prow), prow[:2])
		}
	})
}

func contains(list []string, s string) bool { return indexOf(list, s) >= 0 }

func indexOf(list []string, s string) int {
	for i, x := range list {
		if x == s {
			return i
		}
	}
	return -1
}

func sheetXML(t *testing.T, b []byte) string {
	t.Helper()
	z, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatal(err)
	}
	rc, err := z.Open("xl/worksheets/sheet1.xml")
	if err != nil {
		t.Fatal(err)
	}
	defer rc.Close()
	x, _ := io.ReadAll(rc)
	return string(x)
}

// libreOfficeCSV converts the workbook's first sheet to CSV with
// LibreOffice headless, cells as shown, and parses it.
func libreOfficeCSV(t *testing.T, b []byte) [][]string {
	t.Helper()
	dir := t.TempDir()
	in := filepath.Join(dir, "register.xlsx")
	if err := os.WriteFile(in, b, 0o600); err != nil {
		t.Fatal(err)
	}
	// Fields: separator, quote, UTF-8, first line, formats, language,
	// quoted as text, detect numbers, save as shown, formulas, trim, sheet.
	filter := `csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,1`
	tool(t, "soffice", "-env:UserInstallation=file://"+filepath.Join(dir, "profile"), "--headless", "--convert-to", filter, "--outdir", dir, in)
	// LibreOffice 7.4 names the file after the sheet: register-审批登记簿.csv.
	found, _ := filepath.Glob(filepath.Join(dir, "register*.csv"))
	if len(found) != 1 {
		t.Fatalf("LibreOffice wrote %d CSV files", len(found))
	}
	f, err := os.Open(found[0])
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	r := csv.NewReader(f)
	r.FieldsPerRecord = -1
	rows, err := r.ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	return rows
}
