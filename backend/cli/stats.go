package cli

import (
	"fmt"
	"io"
	"strconv"

	"golive/backend/apperr"
	"golive/backend/documents"
	"golive/backend/printable"
)

func init() {
	register("stats", "golive stats --year Y [--json] [--lang en] [--data DIR]  the year's release statistics (发布统计)", runStats)
}

// statsJSON is what stats --json prints: printable.Stats's buckets, whose
// field names the README documents, with the year and the step groups.
type statsJSON struct {
	Year int `json:"year"`
	// StepGroups name the keys of each row's step_hours.
	StepGroups   []printable.StepGroup    `json:"step_groups"`
	Total        printable.StatsRow       `json:"total"`
	ByMonth      []printable.StatsRow     `json:"by_month"`
	ByWindow     []printable.StatsRow     `json:"by_window"`
	BySystem     []printable.StatsRow     `json:"by_system"`
	ByClass      []printable.StatsRow     `json:"by_class"`
	ByDepartment []printable.StatsRow     `json:"by_department"`
	Dossiers     []printable.StatsDossier `json:"dossiers"`
}

// rows returns rs with every nil slice and map made empty, so that the
// JSON never holds null.
func rows(rs ...printable.StatsRow) []printable.StatsRow {
	out := make([]printable.StatsRow, 0, len(rs))
	for _, r := range rs {
		if r.StepHours == nil {
			r.StepHours = map[string]float64{}
		}
		if r.IDs == nil {
			r.IDs = []string{}
		}
		out = append(out, r)
	}
	return out
}

// statsOf is the year's statistics as stats prints them: the register's
// rows (documents.Service.RegisterContent) aggregated by
// printable.BuildStats, the numbers the statistics workbook holds.
func statsOf(reg printable.Register, year int) statsJSON {
	s := printable.BuildStats(reg)
	out := statsJSON{Year: year, StepGroups: append([]printable.StepGroup{}, s.Groups...), Total: rows(s.Total)[0],
		ByMonth: rows(s.ByMonth...), ByWindow: rows(s.ByWindow...), BySystem: rows(s.BySystem...), ByClass: rows(s.ByClass...),
		ByDepartment: rows(s.ByDepartment...), Dossiers: append([]printable.StatsDossier{}, s.Dossiers...)}
	return out
}

func runStats(args []string, out io.Writer) error {
	r := newReadCommand("stats")
	year := r.fs.String("year", "", "the year of the planned releases (required)")
	return r.run(args, out, func(rest []string) error {
		if err := r.noArgs(rest); err != nil {
			return err
		}
		if *year == "" {
			return usageErr(apperr.New("cli.needs_year"))
		}
		y, err := parseYear(*year)
		if err != nil {
			return err
		}
		c, err := openDataReadOnly(*r.dir)
		if err != nil {
			return err
		}
		defer c.Close()
		reg, err := c.Documents().RegisterContent(documents.RegisterFilter{Year: y, Lang: string(r.l.printable())})
		if err != nil {
			return err
		}
		s := statsOf(reg, y)
		if *r.asJSON {
			return printJSON(out, s)
		}
		printStats(out, r.l, s)
		return nil
	})
}

// printStats writes the statistics for people: the total, then one table
// per bucket.
func printStats(out io.Writer, l lang, s statsJSON) {
	fmt.Fprintln(out, l.sprintf("stats.title", s.Year))
	for _, sec := range []struct {
		key  string
		rows []printable.StatsRow
	}{
		{"stats.total", []printable.StatsRow{s.Total}}, {"stats.month", s.ByMonth}, {"stats.window", s.ByWindow},
		{"stats.system", s.BySystem}, {"stats.class", s.ByClass}, {"stats.dept", s.ByDepartment},
	} {
		fmt.Fprintf(out, "\n%s\n", l.L(sec.key))
		if len(sec.rows) == 0 {
			fmt.Fprintf(out, "  %s\n", l.L("stats.none"))
			continue
		}
		head := []string{"  " + l.L("stats.key"), l.L("stats.label"), l.L("stats.dossiers"), l.L("stats.released"),
			l.L("stats.emshare"), l.L("stats.postrate"), l.L("stats.cfr"), l.L("stats.lead")}
		var rows [][]string
		for _, r := range sec.rows {
			label := r.Label
			if label == r.Key {
				label = ""
			}
			rows = append(rows, []string{"  " + r.Key, label, strconv.Itoa(r.Dossiers), strconv.Itoa(r.Released),
				percent(r.EmergencyShare), percent(r.PostponementRate), percent(r.ChangeFailureRate), days(r.LeadTimeDays, r.LeadSamples)})
		}
		printTable(out, head, rows)
	}
}

// percent writes a share as a percentage with one decimal.
func percent(f float64) string { return strconv.FormatFloat(f*100, 'f', 1, 64) + "%" }

// days writes a mean number of days, "-" over no sample.
func days(f float64, samples int) string {
	if samples == 0 {
		return "-"
	}
	return strconv.FormatFloat(f, 'f', 1, 64)
}
