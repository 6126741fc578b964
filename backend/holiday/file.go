package holiday

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"strconv"
	"strings"
	"time"

	"golive/backend/apperr"
	"golive/backend/ics"
)

// File is the JSON form of a year the PMO imports, exports and edits (see
// the package documentation).
type File struct {
	// Year is the calendar year.
	Year int `json:"year"`
	// Holidays are the ranges of days off.
	Holidays []Range `json:"holidays"`
	// Workdays are the make-up working days.
	Workdays []Workday `json:"workdays"`
}

// Range is a run of days off, both dates included.
type Range struct {
	// Name is the holiday's name, e.g. 国庆节.
	Name string `json:"name"`
	// Start is the first day off, YYYY-MM-DD.
	Start string `json:"start"`
	// End is the last day off, YYYY-MM-DD; empty means Start.
	End string `json:"end,omitempty"`
}

// Workday is one make-up working day.
type Workday struct {
	// Name is the holiday it makes up for, e.g. 春节.
	Name string `json:"name"`
	// Date is YYYY-MM-DD.
	Date string `json:"date"`
}

// ParseJSON reads a File strictly and returns the validated Year (Source
// SourceImported). Codes: holiday.bad_json, holiday.unknown_field (field),
// holiday.bad_range (start, end) and the codes of Year.Validate.
func ParseJSON(b []byte) (Year, error) {
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	var f File
	if err := dec.Decode(&f); err != nil {
		if field, ok := strings.CutPrefix(err.Error(), "json: unknown field "); ok {
			return Year{}, apperr.Wrap(err, "holiday.unknown_field", "field", strings.Trim(field, `"`))
		}
		return Year{}, apperr.Wrap(err, "holiday.bad_json")
	}
	if _, err := dec.Token(); !errors.Is(err, io.EOF) {
		return Year{}, apperr.New("holiday.bad_json").WithDetail("data after the year object")
	}
	return f.Expand()
}

// Expand expands f into a validated Year (Source SourceImported). Codes as
// ParseJSON.
func (f File) Expand() (Year, error) {
	y := Year{Year: f.Year, Source: SourceImported}
	if f.Year < MinYear || f.Year > MaxYear {
		return Year{}, apperr.New("holiday.bad_year", "year", strconv.Itoa(f.Year))
	}
	for _, r := range f.Holidays {
		end := r.End
		if end == "" {
			end = r.Start
		}
		s, err1 := time.Parse(time.DateOnly, r.Start)
		if err1 != nil {
			return Year{}, apperr.New("holiday.bad_date", "date", r.Start)
		}
		e, err2 := time.Parse(time.DateOnly, end)
		if err2 != nil {
			return Year{}, apperr.New("holiday.bad_date", "date", end)
		}
		if e.Before(s) || e.Sub(s) > 60*24*time.Hour {
			return Year{}, apperr.New("holiday.bad_range", "start", r.Start, "end", end)
		}
		for d := s; !d.After(e); d = d.AddDate(0, 0, 1) {
			y.Days = append(y.Days, Day{Date: d.Format(time.DateOnly), Name: strings.TrimSpace(r.Name)})
		}
	}
	for _, w := range f.Workdays {
		y.Days = append(y.Days, Day{Date: w.Date, Name: strings.TrimSpace(w.Name), Work: true})
	}
	if err := y.Validate(); err != nil {
		return Year{}, err
	}
	return y, nil
}

// ToFile returns y in the JSON file form: consecutive days off of one name
// become one range.
func (y Year) ToFile() File {
	f := File{Year: y.Year, Holidays: []Range{}, Workdays: []Workday{}}
	for _, d := range y.Days {
		if d.Work {
			f.Workdays = append(f.Workdays, Workday{Name: d.Name, Date: d.Date})
			continue
		}
		if n := len(f.Holidays); n > 0 {
			last := &f.Holidays[n-1]
			prev, _ := time.Parse(time.DateOnly, last.End)
			if last.Name == d.Name && prev.AddDate(0, 0, 1).Format(time.DateOnly) == d.Date {
				last.End = d.Date
				continue
			}
		}
		f.Holidays = append(f.Holidays, Range{Name: d.Name, Start: d.Date, End: d.Date})
	}
	return f
}

// JSON returns y's File as indented JSON.
func (y Year) JSON() []byte {
	b, _ := json.MarshalIndent(y.ToFile(), "", "  ")
	return append(b, '\n')
}

// workdayMarkers are the words that make an .ics event a make-up working day.
var workdayMarkers = []string{"补班", "上班"}

// ParseICS reads the days of year from an iCalendar file (see the package
// documentation for how make-up working days are marked). Codes: the ics
// package's codes, holiday.empty, and those of Year.Validate.
func ParseICS(year int, r io.Reader) (Year, error) {
	cal, err := ics.Parse(r, time.UTC)
	if err != nil {
		return Year{}, err
	}
	y := Year{Year: year, Source: SourceImported}
	prefix := strconv.Itoa(year) + "-"
	for _, e := range cal.Events {
		if e.Status == ics.StatusCancelled {
			continue
		}
		work := strings.EqualFold(e.Props["X-GOLIVE-DAYTYPE"], "WORKDAY") || e.HasCategory("WORKDAY")
		name := strings.TrimSpace(e.Summary)
		for _, m := range workdayMarkers {
			if e.HasCategory(m) || strings.Contains(name, m) {
				work = true
			}
			name = strings.TrimSpace(strings.ReplaceAll(name, m, ""))
		}
		name = strings.Trim(name, " -·()（）")
		if name == "" {
			name = "节假日"
			if work {
				name = "调休"
			}
		}
		for _, d := range e.Dates() {
			if strings.HasPrefix(d, prefix) {
				y.Days = append(y.Days, Day{Date: d, Name: name, Work: work})
			}
		}
	}
	if err := y.Validate(); err != nil {
		return Year{}, err
	}
	return y, nil
}
