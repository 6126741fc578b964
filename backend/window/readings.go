package window

import (
	"slices"
	"time"

	"golive/backend/apperr"
	"golive/backend/template"
)

// Nominal is one date a rule gives.
type Nominal struct {
	// Date is the date at midnight UTC (only its calendar date counts).
	Date time.Time
	// Week is the rule's week number that gave it.
	Week int
}

// NominalDates returns the dates rule gives in year, in date order, under
// the rule's week reading. Under calendar_week, a week whose weekday falls
// outside the month (week 1 of a month starting after the weekday, or week
// 5 of a short month) gives no date: that month simply has fewer windows,
// and CompareReadings lists it. Under nth_weekday a 5th occurrence that
// does not exist gives no date either. The rule is assumed valid.
func NominalDates(rule template.WindowRule, year int) []Nominal {
	wd, _ := template.Weekday(rule.Weekday)
	weeks := slices.Clone(rule.Weeks)
	slices.Sort(weeks)
	var out []Nominal
	for m := time.January; m <= time.December; m++ {
		for _, n := range weeks {
			if d, ok := dateFor(year, m, wd, n, rule.WeekReading); ok {
				out = append(out, Nominal{Date: d, Week: n})
			}
		}
	}
	return out
}

// dateFor returns the weekday of week n of month m under reading.
func dateFor(year int, m time.Month, wd time.Weekday, n int, reading string) (time.Time, bool) {
	first := time.Date(year, m, 1, 0, 0, 0, 0, time.UTC)
	var d time.Time
	if reading == template.ReadingCalendarWeek {
		// Monday-start weeks; week 1 holds the 1st.
		monday := first.AddDate(0, 0, -((int(first.Weekday()) + 6) % 7))
		d = monday.AddDate(0, 0, 7*(n-1)+(int(wd)+6)%7)
	} else {
		d = first.AddDate(0, 0, (int(wd)-int(first.Weekday())+7)%7+7*(n-1))
	}
	return d, d.Month() == m && d.Year() == year
}

// ReadingDiff is one month in which the two week readings give different
// dates.
type ReadingDiff struct {
	// Month is 1-12.
	Month int `json:"month"`
	// NthWeekday are the dates under nth_weekday (YYYY-MM-DD).
	NthWeekday []string `json:"nth_weekday"`
	// CalendarWeek are the dates under calendar_week.
	CalendarWeek []string `json:"calendar_week"`
	// MissingWeeks are the rule's weeks that have no such weekday in the
	// month under calendar_week (so no window).
	MissingWeeks []int `json:"missing_weeks,omitempty"`
}

// CompareReadings returns the months of year in which rule's weeks give
// different dates under the two readings, for the window manager to see before saving
// (the rule's own reading does not matter). Code template.invalid for an
// invalid rule.
func CompareReadings(rule template.WindowRule, year int) ([]ReadingDiff, error) {
	if err := template.ValidateWindowRule(rule); err != nil {
		return nil, err
	}
	if year < 1900 || year > 2200 {
		return nil, apperr.New("window.bad_year", "year", itoa(year))
	}
	wd, _ := template.Weekday(rule.Weekday)
	weeks := slices.Clone(rule.Weeks)
	slices.Sort(weeks)
	out := []ReadingDiff{}
	for m := time.January; m <= time.December; m++ {
		d := ReadingDiff{Month: int(m), NthWeekday: []string{}, CalendarWeek: []string{}}
		for _, n := range weeks {
			if t, ok := dateFor(year, m, wd, n, template.ReadingNthWeekday); ok {
				d.NthWeekday = append(d.NthWeekday, t.Format(time.DateOnly))
			}
			if t, ok := dateFor(year, m, wd, n, template.ReadingCalendarWeek); ok {
				d.CalendarWeek = append(d.CalendarWeek, t.Format(time.DateOnly))
			} else {
				d.MissingWeeks = append(d.MissingWeeks, n)
			}
		}
		if !slices.Equal(d.NthWeekday, d.CalendarWeek) {
			out = append(out, d)
		}
	}
	return out, nil
}
