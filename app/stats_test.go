package app

import (
	"bytes"
	"math"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"golive/backend/documents"
	"golive/backend/printable"
)

// TestDashboardNumbersEqualTheStatsWorkbook: what the dashboard shows for a
// selection is, number for number, what the 发布统计 workbook of the same
// selection prints — on every sheet (window, month, system, class,
// department, total): dossiers, released, emergency, postponed, the three
// rates, confirmations, failures, lead time and each approval step's
// waiting hours.
func TestDashboardNumbersEqualTheStatsWorkbook(t *testing.T) {
	api := sampleAPI(t)
	all, err := api.Stats.Dashboard(documents.RegisterFilter{})
	if err != nil {
		t.Fatal(err)
	}
	// The sample has something to count in every column, else the
	// comparison below would compare zeros.
	tot := all.Total
	if tot.Dossiers == 0 || tot.Released == 0 || tot.Emergency == 0 || tot.Postponed == 0 || tot.Confirmations == 0 || tot.Failures == 0 || tot.LeadSamples == 0 || len(tot.StepHours) == 0 {
		t.Fatalf("the sample leaves a column empty: %+v", tot)
	}
	// Every sample dossier's system is registered: the classes and the
	// departments share out the whole selection.
	for name, rows := range map[string][]printable.StatsRow{"class": all.ByClass, "department": all.ByDepartment, "system": all.BySystem} {
		n := 0
		for _, r := range rows {
			n += r.Dossiers
			if len(r.IDs) != r.Dossiers {
				t.Errorf("%s %s: %d ids for %d dossiers", name, r.Key, len(r.IDs), r.Dossiers)
			}
		}
		if n != tot.Dossiers {
			t.Errorf("by %s: %d dossiers, the total %d", name, n, tot.Dossiers)
		}
	}
	// The sample's busiest year and quarter (it is laid out around today).
	byYear, byQuarter := map[int]int{}, map[[2]int]int{}
	y, q := 0, 0
	for _, m := range all.ByMonth {
		yy, _ := strconv.Atoi(m.Key[:4])
		mm, _ := strconv.Atoi(m.Key[5:])
		byYear[yy] += m.Dossiers
		byQuarter[[2]int{yy, (mm-1)/3 + 1}] += m.Dossiers
	}
	for yy, n := range byYear {
		if n > byYear[y] {
			y = yy
		}
	}
	for k, n := range byQuarter {
		if k[0] == y && n > byQuarter[[2]int{y, q}] {
			q = k[1]
		}
	}
	for _, f := range []documents.RegisterFilter{{}, {Year: y}, {Year: y, Quarter: q}, {Year: y, Quarter: q%4 + 1, Lang: "zh"}} {
		st, err := api.Stats.Dashboard(f)
		if err != nil {
			t.Fatal(err)
		}
		if f.Quarter == q && st.Total.Dossiers != byQuarter[[2]int{y, q}] {
			t.Fatalf("%v selects %d dossiers, its months %d", f, st.Total.Dossiers, byQuarter[[2]int{y, q}])
		}
		compareWorkbook(t, api, f, st)
	}
	_, err = api.Stats.Dashboard(documents.RegisterFilter{Year: y, Quarter: 5})
	if err == nil || !strings.Contains(err.Error(), `"documents.bad_quarter"`) {
		t.Fatalf("quarter 5: %v", err)
	}
}

// compareWorkbook writes the statistics workbook of f and compares every
// sheet's rows with st.
func compareWorkbook(t *testing.T, api *API, f documents.RegisterFilter, st printable.Stats) {
	t.Helper()
	var b bytes.Buffer
	if err := api.Docs.c.Documents().Stats(f, &b); err != nil {
		t.Fatal(err)
	}
	x, err := excelize.OpenReader(&b)
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	want := map[string][]printable.StatsRow{"按发布窗口": st.ByWindow, "按月份": st.ByMonth, "按系统": st.BySystem, "按系统类别": st.ByClass, "按部门": st.ByDepartment, "合计": {st.Total}}
	if got := strings.Join(x.GetSheetList(), ","); got != "按发布窗口,按月份,按系统,按系统类别,按部门,合计" {
		t.Fatalf("%v: sheets %s", f, got)
	}
	for sheet, rows := range want {
		cells, err := x.GetRows(sheet, excelize.Options{RawCellValue: true})
		if err != nil {
			t.Fatal(err)
		}
		if len(cells) != len(rows)+1 {
			t.Fatalf("%v %s: %d rows, the dashboard %d", f, sheet, len(cells)-1, len(rows))
		}
		head := cells[0]
		col := func(name string) int {
			for i, h := range head {
				if h == name {
					return i
				}
			}
			t.Fatalf("%s: no column %q in %v", sheet, name, head)
			return -1
		}
		for i, r := range rows {
			line := cells[i+1]
			at := func(c int) string {
				if c < len(line) {
					return line[c]
				}
				return ""
			}
			what := f.String() + " " + sheet + " " + r.Key
			key := r.Key
			if sheet == "合计" { // the total row is named by the selection
				if key = f.String(); key == "" {
					key = "全部"
				}
			}
			if at(0) != key || at(1) != r.Label {
				t.Errorf("%s: key %q label %q, the dashboard %q %q", what, at(0), at(1), r.Key, r.Label)
			}
			for name, v := range map[string]int{"发布档案数": r.Dossiers, "已发布": r.Released, "紧急发布": r.Emergency, "已顺延": r.Postponed, "发布确认次数": r.Confirmations, "失败次数": r.Failures} {
				if got := at(col(name)); got != strconv.Itoa(v) {
					t.Errorf("%s %s: workbook %q, dashboard %d", what, name, got, v)
				}
			}
			nums := map[string]float64{"紧急占比": r.EmergencyShare, "顺延率": r.PostponementRate, "变更失败率": r.ChangeFailureRate}
			if r.LeadSamples > 0 {
				nums["平均前置时间（天，提交至发布）"] = r.LeadTimeDays
			} else if got := at(col("平均前置时间（天，提交至发布）")); got != "" {
				t.Errorf("%s: lead time %q without a released dossier", what, got)
			}
			for _, g := range st.Groups {
				name := g.Label + "·平均审批时长（小时）"
				if h, ok := r.StepHours[g.Key]; ok {
					nums[name] = h
				} else if got := at(col(name)); got != "" {
					t.Errorf("%s %s: %q where the dashboard has none", what, name, got)
				}
			}
			for name, v := range nums {
				got, err := strconv.ParseFloat(at(col(name)), 64)
				if err != nil || math.Abs(got-v) > 1e-9 {
					t.Errorf("%s %s: workbook %q, dashboard %v", what, name, at(col(name)), v)
				}
			}
		}
	}
}

// TestSaveChartPNGRefusesWhatIsNotAPNG: a chart image that is not a PNG
// data URL is refused before any dialog opens, and a PNG is decoded.
func TestSaveChartPNGRefusesWhatIsNotAPNG(t *testing.T) {
	api := sampleAPI(t)
	for _, bad := range []string{"", "data:image/jpeg;base64,/9j/4AAQ", "data:image/png;base64,!!!", "data:image/png;base64,aGVsbG8="} {
		if _, err := api.Stats.SaveChartPNG("x.png", bad); err == nil || !strings.Contains(err.Error(), `"app.bad_image"`) {
			t.Errorf("%q: %v", bad, err)
		}
	}
	png := "data:image/png;base64," + "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=="
	raw, err := decodePNG(png)
	if err != nil || !bytes.HasPrefix(raw, pngMagic) {
		t.Fatalf("a PNG: %v", err)
	}
	// Without a window the dialog cannot open: said so, nothing written.
	if _, err := api.Stats.SaveChartPNG("x.png", png); err == nil || !strings.Contains(err.Error(), `"app.no_window"`) {
		t.Fatalf("no window: %v", err)
	}
}
