package holiday

import (
	"strings"
	"time"
)

// Calendar answers working-day questions for the years it holds.
type Calendar struct {
	years map[int]Year
	days  map[string]Day
}

// NewCalendar returns a Calendar over the given years.
func NewCalendar(years ...Year) *Calendar {
	c := &Calendar{years: map[int]Year{}, days: map[string]Day{}}
	for _, y := range years {
		c.years[y.Year] = y
		for _, d := range y.Days {
			c.days[d.Date] = d
		}
	}
	return c
}

// Year returns the schedule of year, if the calendar holds it.
func (c *Calendar) Year(year int) (Year, bool) {
	y, ok := c.years[year]
	return y, ok
}

// HasData reports whether the calendar holds a schedule for year.
func (c *Calendar) HasData(year int) bool {
	y, ok := c.years[year]
	return ok && y.HasData()
}

func key(d time.Time) string { return d.Format(time.DateOnly) }

// Holiday returns the day off on d's date, if it is one.
func (c *Calendar) Holiday(d time.Time) (Day, bool) {
	if x, ok := c.days[key(d)]; ok && !x.Work {
		return x, true
	}
	return Day{}, false
}

// MakeUp returns the make-up working day on d's date, if it is one.
func (c *Calendar) MakeUp(d time.Time) (Day, bool) {
	if x, ok := c.days[key(d)]; ok && x.Work {
		return x, true
	}
	return Day{}, false
}

// IsWorkingDay reports whether d's date is a working day: a make-up
// working day, or Monday to Friday and not a holiday. For a year without
// data only the weekday counts.
func (c *Calendar) IsWorkingDay(d time.Time) bool {
	if x, ok := c.days[key(d)]; ok {
		return x.Work
	}
	wd := d.Weekday()
	return wd != time.Saturday && wd != time.Sunday
}

// Break is a run of consecutive days off that holds at least one holiday.
type Break struct {
	// Name is the holidays' names in the run, joined by "、", e.g. 春节.
	Name string `json:"name"`
	// Start is the first day off, YYYY-MM-DD.
	Start string `json:"start"`
	// End is the last day off, YYYY-MM-DD.
	End string `json:"end"`
	// Days is the run's length in days.
	Days int `json:"days"`
}

// Breaks returns the runs of consecutive non-working days that contain at
// least one holiday and overlap [from, to] (dates; runs are followed past
// both ends), in date order.
func (c *Calendar) Breaks(from, to time.Time) []Break {
	from, to = dateOnly(from), dateOnly(to)
	var out []Break
	for d := from; !d.After(to); d = d.AddDate(0, 0, 1) {
		if _, ok := c.Holiday(d); !ok {
			continue
		}
		start := d
		for p := d.AddDate(0, 0, -1); !c.IsWorkingDay(p) && from.Sub(p) < 60*24*time.Hour; p = p.AddDate(0, 0, -1) {
			start = p
		}
		end := d
		var names []string
		for e := start; !c.IsWorkingDay(e) && e.Sub(start) < 60*24*time.Hour; e = e.AddDate(0, 0, 1) {
			end = e
			if h, ok := c.Holiday(e); ok && !contains(names, h.Name) {
				names = append(names, h.Name)
			}
		}
		out = append(out, Break{Name: strings.Join(names, "、"), Start: key(start), End: key(end), Days: int(end.Sub(start).Hours()/24) + 1})
		d = end
	}
	return out
}

func contains(xs []string, s string) bool {
	for _, x := range xs {
		if x == s {
			return true
		}
	}
	return false
}

func dateOnly(t time.Time) time.Time {
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
}
