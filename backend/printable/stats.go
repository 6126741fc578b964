package printable

import (
	"sort"
	"time"
)

// StatsRow is one bucket of the release statistics (发布统计).
type StatsRow struct {
	// Key is the window, month ("2026-12") or system code.
	Key string
	// Label is Key for people (the system's name).
	Label string
	// Dossiers counts the dossiers planned in the bucket; Released those
	// released (at least once).
	Dossiers, Released int
	// Emergency counts emergency releases; EmergencyShare is
	// Emergency/Dossiers.
	Emergency      int
	EmergencyShare float64
	// Postponed counts dossiers postponed at least once; PostponementRate
	// is Postponed/Dossiers.
	Postponed        int
	PostponementRate float64
	// Confirmations and Failures count release confirmations;
	// ChangeFailureRate is Failures/Confirmations.
	Confirmations, Failures int
	ChangeFailureRate       float64
	// LeadTimeDays is the mean time from submission to release, in days,
	// over LeadSamples released dossiers.
	LeadTimeDays float64
	LeadSamples  int
	// StepHours is the mean time a decision was pending, in hours, by
	// StepGroup key.
	StepHours map[string]float64
}

// Stats are the release statistics by window, month and system.
type Stats struct {
	Groups   []StepGroup
	ByWindow []StatsRow
	ByMonth  []StatsRow
	BySystem []StatsRow
	Lang     Lang
}

// BuildStats aggregates the register's rows.
func BuildStats(reg Register) Stats {
	s := Stats{Groups: reg.Groups, Lang: reg.Lang}
	s.ByWindow = aggregate(reg, func(r RegisterRow) (string, string) { return r.WindowID, r.Window })
	s.ByMonth = aggregate(reg, func(r RegisterRow) (string, string) {
		if r.PlannedAt.IsZero() {
			return "", ""
		}
		m := r.PlannedAt.Format("2006-01")
		return m, m
	})
	s.BySystem = aggregate(reg, func(r RegisterRow) (string, string) { return r.SystemCode, r.SystemName })
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
