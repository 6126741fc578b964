package window

import (
	"io"
	"path/filepath"
	"strings"

	"golive/backend/apperr"
	"golive/backend/holiday"
	"golive/backend/system"
)

// ImportHolidays imports the holiday schedule in file (read from r) as the
// window manager: a name ending in .ics is read as iCalendar for year, anything else
// as the JSON format of package holiday (whose own year must equal year).
// The import overrides the built-in data for that year. A file over
// holiday.MaxFileBytes is refused (holiday.too_large), never cut short.
// Codes: profile.locked, window.not_permitted, window.bad_year,
// holiday.wrong_year (a JSON file for another year), and the holiday and
// ics codes.
func (s *Service) ImportHolidays(year int, file string, r io.Reader) (holiday.Year, error) {
	if err := checkYear(year); err != nil {
		return holiday.Year{}, err
	}
	sum, _, err := s.manager()
	if err != nil {
		return holiday.Year{}, err
	}
	name := filepath.Base(file)
	if strings.EqualFold(filepath.Ext(name), ".ics") {
		return s.Holidays.ImportICS(year, r, name, sum.ID)
	}
	b, err := holiday.ReadFile(r, name)
	if err != nil {
		return holiday.Year{}, err
	}
	y, err := holiday.ParseJSON(b)
	if err != nil {
		return holiday.Year{}, err
	}
	if y.Year != year {
		return holiday.Year{}, apperr.New("holiday.wrong_year", "date", itoa(y.Year), "year", itoa(year))
	}
	y.File = name
	return s.Holidays.Save(y, sum.ID)
}

// SaveHolidays stores an edited holiday year as the window manager. Codes:
// profile.locked, window.not_permitted, and those of holiday.Year.Validate.
func (s *Service) SaveHolidays(y holiday.Year) (holiday.Year, error) {
	sum, _, err := s.manager()
	if err != nil {
		return holiday.Year{}, err
	}
	return s.Holidays.Save(y, sum.ID)
}

// ResetHolidays removes year's imported schedule as the window manager, so the
// built-in one (if any) applies again. Codes: profile.locked,
// window.not_permitted.
func (s *Service) ResetHolidays(year int) error {
	if _, _, err := s.manager(); err != nil {
		return err
	}
	return s.Holidays.Reset(year)
}

// Conflicts checks assignments against the plans in force for their
// windows' years and the system register (see the package function
// Conflicts). Codes: window.plan_corrupt.
func (s *Service) Conflicts(assignments []Assignment, systems []system.System) ([]Warning, error) {
	var windows []Window
	loaded := map[int]bool{}
	named := map[string]bool{}
	for _, a := range assignments {
		named[a.Window] = true
	}
	for _, a := range assignments {
		y := Year(a.Window)
		if y == 0 || loaded[y] || checkYear(y) != nil {
			continue
		}
		loaded[y] = true
		p, err := s.InForce(y)
		if err != nil {
			return nil, err
		}
		// Warnings are per window: only the windows named count.
		for _, w := range p.Windows {
			if named[w.ID] {
				windows = append(windows, w)
			}
		}
	}
	return Conflicts(windows, assignments, systems), nil
}
