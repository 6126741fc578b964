package xlsx_test

import (
	"fmt"
	"io"
	"os"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"golive/backend/internal/budget"
	"golive/backend/internal/procmem"
	"golive/backend/printable"
	"golive/backend/template"
	"golive/backend/xlsx"
)

// The register benchmark writes 20,000 dossiers (19 columns plus 13 step
// groups of three: 58 columns) with WriteRegister, against a bare
// StreamWriter writing the same values without styles, widths, panes or
// filter; the peak resident memory of each is measured in a child process.

const benchRows = 20000

func TestMain(m *testing.M) {
	if job := os.Getenv("GOLIVE_BENCH_CHILD"); job != "" {
		reg := synthetic(benchRows)
		var err error
		switch job {
		case "register":
			err = xlsx.WriteRegister(io.Discard, reg)
		case "bare":
			err = bare(io.Discard, reg)
		case "data": // the synthetic rows alone, for scale
		}
		if err != nil {
			panic(err)
		}
		procmem.Report()
		return
	}
	os.Exit(m.Run())
}

// synthetic makes a register of n dossiers with every step decided.
func synthetic(n int) printable.Register {
	tpl := template.MustDefault()
	reg := printable.Register{Title: "审批登记簿", Groups: printable.StepGroups(tpl, printable.Zh), Lang: printable.Zh, Rows: make([]printable.RegisterRow, n)}
	loc := time.FixedZone("CST", 8*3600)
	people := []string{"张伟", "李娜", "王芳", "刘洋", "陈静", "杨帆"}
	systems := []string{"CRM", "RISK", "LEASE", "FIN", "HR", "OA"}
	for i := range reg.Rows {
		at := time.Date(2026, 1, 1, 9, 0, 0, 0, loc).Add(time.Duration(i) * 37 * time.Minute)
		r := printable.RegisterRow{ID: fmt.Sprintf("R26%09d", i), SystemCode: systems[i%6], SystemName: systems[i%6] + " 系统",
			Title: systems[i%6] + " 需求变更发布", Type: "系统升级上线发布·CR", Mode: "计划内发布", Version: fmt.Sprintf("1.%d.%d", i%10, i%7),
			Window: at.AddDate(0, 1, 0).Format("2006-01-02"), Stage: "归档", Phase: "已归档", Result: "发布成功",
			PlannedAt: at.AddDate(0, 1, 0), CreatedAt: at, SubmittedAt: at.Add(time.Hour), ApprovedAt: at.Add(30 * time.Hour),
			ReleasedAt: at.AddDate(0, 1, 0), ConfirmedAt: at.AddDate(0, 1, 0).Add(2 * time.Hour), ArchivedAt: at.AddDate(0, 1, 3),
			Steps: map[string]printable.StepCell{}}
		for j, g := range reg.Groups {
			r.Steps[g.Key] = printable.StepCell{Approver: people[(i+j)%6], Decision: "同意", At: at.Add(time.Duration(j+1) * time.Hour)}
		}
		reg.Rows[i] = r
	}
	return reg
}

// bare writes the same cells with nothing but a StreamWriter.
func bare(w io.Writer, reg printable.Register) error {
	f := excelize.NewFile()
	defer f.Close()
	sw, err := f.NewStreamWriter("Sheet1")
	if err != nil {
		return err
	}
	head := xlsx.RegisterHeaders(reg)
	row := make([]any, len(head))
	for i, h := range head {
		row[i] = h
	}
	if err := sw.SetRow("A1", row); err != nil {
		return err
	}
	for i := range reg.Rows {
		for j, v := range xlsx.RegisterValues(reg, &reg.Rows[i]) {
			if t, ok := v.(time.Time); ok {
				v = t.Format("2006-01-02 15:04")
			}
			row[j] = v
		}
		cell, _ := excelize.CoordinatesToCellName(1, i+2)
		if err := sw.SetRow(cell, row); err != nil {
			return err
		}
	}
	if err := sw.Flush(); err != nil {
		return err
	}
	_, err = f.WriteTo(w)
	return err
}

// BenchmarkBudgetRegister20000 writes the 20,000-row register workbook
// with WriteRegister against a bare StreamWriter writing the same values,
// and reports the peak resident memory of each in a child process.
func BenchmarkBudgetRegister20000(b *testing.B) {
	reg := synthetic(benchRows)
	budget.Compare(b, func() {
		if err := xlsx.WriteRegister(io.Discard, reg); err != nil {
			b.Fatal(err)
		}
	}, func() {
		if err := bare(io.Discard, reg); err != nil {
			b.Fatal(err)
		}
	})
	b.ReportMetric(float64(len(xlsx.RegisterHeaders(reg))), "columns")
	b.ReportMetric(childPeak(b, "register"), "MB")
	b.ReportMetric(childPeak(b, "bare"), "base-MB")
	b.ReportMetric(childPeak(b, "data"), "rows-only-MB")
}

func childPeak(b *testing.B, job string) float64 {
	b.Helper()
	out, kb, err := procmem.Child("^$", "GOLIVE_BENCH_CHILD="+job)
	if err != nil {
		b.Fatalf("%v\n%s", err, out)
	}
	return float64(kb) / 1024
}
