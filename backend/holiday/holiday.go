package holiday

import (
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/6tail/lunar-go/HolidayUtil"

	"golive/backend/apperr"
)

// Sources of a Year.
const (
	// SourceBuiltin marks the schedule shipped with the app (lunar-go).
	SourceBuiltin = "builtin"
	// SourceImported marks a schedule the PMO imported or edited.
	SourceImported = "imported"
	// SourceNone marks a year without holiday data.
	SourceNone = "none"
)

// MinYear and MaxYear bound the years this package accepts.
const (
	MinYear = 2000
	MaxYear = 2100
)

// Day is one special day: a day off, or a make-up working day.
type Day struct {
	// Date is YYYY-MM-DD.
	Date string `json:"date"`
	// Name is the holiday's name, e.g. 春节; a make-up day carries the name
	// of the holiday it makes up for.
	Name string `json:"name"`
	// Work marks a make-up working day (调休上班); false is a day off.
	Work bool `json:"work"`
}

// Year is the holiday schedule of one year.
type Year struct {
	// Year is the calendar year.
	Year int `json:"year"`
	// Source is SourceBuiltin, SourceImported or SourceNone.
	Source string `json:"source"`
	// Days are the year's special days, by date.
	Days []Day `json:"days"`
	// File names the file it was imported from, if any.
	File string `json:"file,omitempty"`
	// ImportedAt is when it was imported or last edited.
	ImportedAt time.Time `json:"imported_at,omitzero"`
	// ImportedBy names who imported it (profile id).
	ImportedBy string `json:"imported_by,omitempty"`
}

// HasData reports whether y holds a schedule; a year without one must be
// reported, never read as holiday-free.
func (y Year) HasData() bool { return y.Source != SourceNone && len(y.Days) > 0 }

// Builtin returns the schedule lunar-go ships for year, or a Year with
// Source SourceNone when it has none (lunar-go returns an empty list,
// without error, for years it does not know).
func Builtin(year int) Year {
	y := Year{Year: year, Source: SourceNone, Days: []Day{}}
	if year < MinYear || year > MaxYear {
		return y
	}
	l := HolidayUtil.GetHolidaysByYear(year)
	prefix := strconv.Itoa(year) + "-"
	for e := l.Front(); e != nil; e = e.Next() {
		h, ok := e.Value.(*HolidayUtil.Holiday)
		if !ok || h == nil || len(h.GetDay()) != 10 || h.GetDay()[:5] != prefix {
			continue
		}
		y.Days = append(y.Days, Day{Date: h.GetDay(), Name: h.GetName(), Work: h.IsWork()})
	}
	if len(y.Days) > 0 {
		y.Source = SourceBuiltin
	}
	sortDays(y.Days)
	return y
}

func sortDays(days []Day) {
	sort.SliceStable(days, func(i, j int) bool { return days[i].Date < days[j].Date })
}

// badName is holiday.bad_name for the day date.
func badName(date string) error {
	return apperr.New("holiday.bad_name", "date", date, "max", strconv.Itoa(MaxName)).
		WithDetail("the name of %s is longer than %d characters or holds a control or bidirectional formatting character", date, MaxName)
}

// Validate checks y's days: dates inside the year, names present, no day
// both off and working, at least one day; a name is at most MaxName
// characters of plain text (no control character, no invisible formatting
// character such as a bidirectional override). It sorts the days and drops
// exact duplicates. Codes: holiday.bad_year, holiday.bad_date (date),
// holiday.wrong_year, holiday.name_required, holiday.bad_name (date, max),
// holiday.conflict, holiday.empty.
func (y *Year) Validate() error {
	if y.Year < MinYear || y.Year > MaxYear {
		return apperr.New("holiday.bad_year", "year", strconv.Itoa(y.Year))
	}
	seen := map[string]Day{}
	out := make([]Day, 0, len(y.Days))
	for _, d := range y.Days {
		t, err := time.Parse(time.DateOnly, d.Date)
		if err != nil {
			return apperr.New("holiday.bad_date", "date", clip(d.Date))
		}
		if t.Year() != y.Year {
			return apperr.New("holiday.wrong_year", "date", d.Date, "year", strconv.Itoa(y.Year))
		}
		if d.Name == "" {
			return apperr.New("holiday.name_required", "date", d.Date)
		}
		if !goodName(d.Name) {
			return badName(d.Date)
		}
		if prev, ok := seen[d.Date]; ok {
			if prev.Work != d.Work {
				return apperr.New("holiday.conflict", "date", d.Date)
			}
			continue
		}
		seen[d.Date] = d
		out = append(out, d)
	}
	if len(out) == 0 {
		return apperr.New("holiday.empty", "year", strconv.Itoa(y.Year))
	}
	sortDays(out)
	y.Days = out
	return nil
}

// goodName reports whether a holiday name is at most MaxName characters of
// valid UTF-8 without control or formatting (Cf: bidirectional overrides,
// zero-width characters) characters.
func goodName(s string) bool {
	if !utf8.ValidString(s) || utf8.RuneCountInString(s) > MaxName {
		return false
	}
	return strings.IndexFunc(s, func(r rune) bool { return unicode.IsControl(r) || unicode.Is(unicode.Cf, r) }) < 0
}
