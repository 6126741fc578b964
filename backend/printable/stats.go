package printable

import (
	"sort"
	"time"
)

// StatsRow is one bucket of the release statistics (发布统计).
type StatsRow struct {
	// Key is the window, month ("2026-12"), system code, system class,
	// department, or "total" for the whole selection.
	Key string `json:"key"`
	// Label is Key for people (the system's or class's name).
	Label string `json:"label"`
	// Dossiers counts the dossiers planned in the bucket; Released those
	// released (at least once).
	Dossiers int `json:"dossiers"`
	Released int `json:"released"`
	// Emergency counts emergency releases; EmergencyShare is
	// Emergency/Dossiers.
	Emergency      int     `json:"emergency"`
	EmergencyShare float64 `json:"emergency_share"`
	// Postponed counts dossiers postponed at least once; PostponementRate
	// is Postponed/Dossiers.
	Postponed        int     `json:"postponed"`
	PostponementRate float64 `json:"postponement_rate"`
	// Confirmations and Failures count release confirmations;
	// ChangeFailureRate is Failures/Confirmations.
	Confirmations     int     `json:"confirmations"`
	Failures          int     `json:"failures"`
	ChangeFailureRate float64 `json:"change_failure_rate"`
	// LeadTimeDays is the mean time from submission to release, in days,
	// over LeadSamples released dossiers.
	LeadTimeDays float64 `json:"lead_time_days"`
	LeadSamples  int     `json:"lead_samples"`
	// StepHours is the mean time a decision was pending, in hours, by
	// StepGroup key; a group no decision of the bucket waited in is absent.
	StepHours map[string]float64 `json:"step_hours"`
	// IDs are the bucket's dossiers, in register order (the dashboard
	// lists them; the workbook does not print them).
	IDs []string `json:"dossier_ids"`
}

// StatsDossier is one dossier of the statistics, as a list of a bucket's
// dossiers shows it.
type StatsDossier struct {
	// ID is the dossier id.
	ID string `json:"id"`
	// SystemCode and SystemName name the system released.
	SystemCode string `json:"system"`
	SystemName string `json:"system_name"`
	// Title is the release's name.
	Title string `json:"title"`
	// Window names the release window or planned day (RegisterRow.Window).
	Window string `json:"window"`
	// Emergency marks an emergency release; Released one released.
	Emergency bool `json:"emergency"`
	Released  bool `json:"released"`
}

// Stats are the release statistics by window, month, system, system class
// and department, and for the whole selection.
type Stats struct {
	// Filter describes the selection, e.g. "2026 · Q4".
	Filter string `json:"filter"`
	// Groups are the approval step groups StepHours is keyed by, with the
	// template's names (who holds things up).
	Groups       []StepGroup `json:"groups"`
	ByWindow     []StatsRow  `json:"by_window"`
	ByMonth      []StatsRow  `json:"by_month"`
	BySystem     []StatsRow  `json:"by_system"`
	ByClass      []StatsRow  `json:"by_class"`
	ByDepartment []StatsRow  `json:"by_department"`
	// Total is the whole selection in one row (key "total").
	Total StatsRow `json:"total"`
	// Dossiers are the selection's dossiers, in register order.
	Dossiers []StatsDossier `json:"dossiers"`
	Lang     Lang           `json:"lang"`
}

// BuildStats aggregates the register's rows.
func BuildStats(reg Register) Stats {
	s := Stats{Filter: reg.Filter, Groups: reg.Groups, Lang: reg.Lang, Dossiers: []StatsDossier{}}
	if s.Groups == nil {
		s.Groups = []StepGroup{}
	}
	s.ByWindow = aggregate(reg, func(r RegisterRow) (string, string) { return r.WindowID, r.Window })
	s.ByMonth = aggregate(reg, func(r RegisterRow) (string, string) {
		if r.PlannedAt.IsZero() {
			return "", ""
		}
		m := r.PlannedAt.Format("2006-01")
		return m, m
	})
	s.BySystem = aggregate(reg, func(r RegisterRow) (string, string) { return r.SystemCode, r.SystemName })
	s.ByClass = aggregate(reg, func(r RegisterRow) (string, string) { return r.Class, r.ClassName })
	s.ByDepartment = aggregate(reg, func(r RegisterRow) (string, string) { return r.Department, r.Department })
	total := reg.Lang.L("s.total")
	if all := aggregate(reg, func(RegisterRow) (string, string) { return "total", total }); len(all) == 1 {
		s.Total = all[0]
	} else {
		s.Total = StatsRow{Key: "total", Label: total, StepHours: map[string]float64{}, IDs: []string{}}
	}
	for _, r := range reg.Rows {
		s.Dossiers = append(s.Dossiers, StatsDossier{ID: r.ID, SystemCode: r.SystemCode, SystemName: r.SystemName, Title: r.Title,
			Window: r.Window, Emergency: r.Emergency, Released: !r.ReleasedAt.IsZero()})
	}
	return s
}

type acc struct {
	row      StatsRow
	lead     time.Duration
	stepSum  map[string]time.Duration
	stepSeen map[string]int
}

func aggregate(reg Register, key func(RegisterRow) (string, string)) []StatsRow {
	by := map[string]*acc{}
	for _, r := range reg.Rows {
		k, label := key(r)
		if k == "" {
			continue
		}
		a := by[k]
		if a == nil {
			a = &acc{row: StatsRow{Key: k, Label: label, StepHours: map[string]float64{}}, stepSum: map[string]time.Duration{}, stepSeen: map[string]int{}}
			by[k] = a
		}
		a.row.Dossiers++
		a.row.IDs = append(a.row.IDs, r.ID)
		if !r.ReleasedAt.IsZero() {
			a.row.Released++
			if !r.SubmittedAt.IsZero() && r.ReleasedAt.After(r.SubmittedAt) {
				a.lead += r.ReleasedAt.Sub(r.SubmittedAt)
				a.row.LeadSamples++
			}
		}
		if r.Emergency {
			a.row.Emergency++
		}
		if r.Postponements > 0 {
			a.row.Postponed++
		}
		a.row.Confirmations += r.Confirmations
		a.row.Failures += r.Failures
		for g, c := range r.Steps {
			if c.Waited > 0 {
				a.stepSum[g] += c.Waited
				a.stepSeen[g]++
			}
		}
	}
	out := make([]StatsRow, 0, len(by))
	for _, a := range by {
		r := a.row
		r.EmergencyShare = ratio(r.Emergency, r.Dossiers)
		r.PostponementRate = ratio(r.Postponed, r.Dossiers)
		r.ChangeFailureRate = ratio(r.Failures, r.Confirmations)
		if r.LeadSamples > 0 {
			r.LeadTimeDays = a.lead.Hours() / 24 / float64(r.LeadSamples)
		}
		for g, d := range a.stepSum {
			r.StepHours[g] = d.Hours() / float64(a.stepSeen[g])
		}
		out = append(out, r)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Key < out[j].Key })
	return out
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}
