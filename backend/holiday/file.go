package holiday

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

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

// Limits of a holiday file. A file beyond one of them is refused with a
// code naming the limit, never cut short.
const (
	// MaxFileBytes is the largest holiday file (JSON or iCalendar) an
	// import reads (holiday.too_large, params max): a year takes about
	// two kilobytes.
	MaxFileBytes = 4 << 20
	// MaxEntries is the most holiday ranges, and the most make-up working
	// days, a JSON file may list (holiday.too_many, params field and max):
	// one per day of the year.
	MaxEntries = 366
	// MaxRangeDays is the longest holiday range, in days.
	MaxRangeDays = 61
	// MaxName is the longest holiday name, in characters
	// (holiday.bad_name).
	MaxName = 64
)

// maxFileText is MaxFileBytes as messages name it.
const maxFileText = "4 MiB"

// ReadFile reads a whole holiday file from r, reading at most
// MaxFileBytes+1 bytes, so that a larger file is refused without being
// read, never cut short and accepted. Codes: holiday.too_large (max),
// holiday.unreadable (file).
func ReadFile(r io.Reader, file string) ([]byte, error) {
	b, err := io.ReadAll(io.LimitReader(r, MaxFileBytes+1))
	if err != nil {
		return nil, apperr.Wrap(err, "holiday.unreadable", "file", file)
	}
	if len(b) > MaxFileBytes {
		return nil, tooLarge()
	}
	return b, nil
}

func tooLarge() error {
	return apperr.New("holiday.too_large", "max", maxFileText).
		WithDetail("the holiday file holds more than %d bytes", MaxFileBytes)
}

// ParseJSON reads a File strictly and returns the validated Year (Source
// SourceImported). It decodes one range or make-up day at a time and stops
// at the first over MaxEntries, so its work and memory are linear in the
// input and bounded by the limits. Codes: holiday.too_large (max),
// holiday.bad_json, holiday.unknown_field (field), holiday.too_many (field,
// max), holiday.bad_range (start, end) and the codes of Year.Validate.
func ParseJSON(b []byte) (Year, error) {
	if len(b) > MaxFileBytes {
		return Year{}, tooLarge()
	}
	f, err := decodeFile(b)
	if err != nil {
		return Year{}, err
	}
	return f.Expand()
}

// decodeFile reads the members of a File one by one: no member twice, no
// unknown member, nothing after the object.
func decodeFile(b []byte) (File, error) {
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	var f File
	if err := expectDelim(dec, '{'); err != nil {
		return File{}, err
	}
	seen := map[string]bool{}
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			return File{}, badJSON(err)
		}
		name, _ := tok.(string)
		if seen[name] {
			return File{}, apperr.New("holiday.bad_json").WithDetail("the member %q appears twice", clip(name))
		}
		seen[name] = true
		switch name {
		case "year":
			err = dec.Decode(&f.Year)
		case "holidays":
			f.Holidays, err = decodeList[Range](dec, name)
		case "workdays":
			f.Workdays, err = decodeList[Workday](dec, name)
		default:
			return File{}, apperr.New("holiday.unknown_field", "field", clip(name))
		}
		if err != nil {
			return File{}, badJSON(err)
		}
	}
	if err := expectDelim(dec, '}'); err != nil {
		return File{}, err
	}
	if _, err := dec.Token(); !errors.Is(err, io.EOF) {
		return File{}, apperr.New("holiday.bad_json").WithDetail("data after the year object")
	}
	return f, nil
}

// decodeList decodes a JSON array (or null) of T one element at a time,
// refusing more than MaxEntries of them.
func decodeList[T any](dec *json.Decoder, field string) ([]T, error) {
	tok, err := dec.Token()
	if err != nil {
		return nil, err
	}
	if tok == nil {
		return nil, nil
	}
	if tok != json.Delim('[') {
		return nil, apperr.New("holiday.bad_json").WithDetail("%s is not a list", field)
	}
	var out []T
	for dec.More() {
		if len(out) == MaxEntries {
			return nil, apperr.New("holiday.too_many", "field", field, "max", strconv.Itoa(MaxEntries))
		}
		var x T
		if err := dec.Decode(&x); err != nil {
			return nil, err
		}
		out = append(out, x)
	}
	if _, err := dec.Token(); err != nil { // the closing ']'
		return nil, err
	}
	return out, nil
}

func expectDelim(dec *json.Decoder, d json.Delim) error {
	tok, err := dec.Token()
	if err != nil {
		return badJSON(err)
	}
	if tok != d {
		return apperr.New("holiday.bad_json").WithDetail("expected %q", string(d))
	}
	return nil
}

// badJSON turns a decoding error into a coded one; coded errors pass.
func badJSON(err error) error {
	var e *apperr.Error
	if errors.As(err, &e) {
		return err
	}
	if field, ok := strings.CutPrefix(err.Error(), "json: unknown field "); ok {
		return apperr.Wrap(err, "holiday.unknown_field", "field", clip(strings.Trim(field, `"`)))
	}
	return apperr.Wrap(err, "holiday.bad_json")
}

// clip shortens s for an error message to at most 64 bytes.
func clip(s string) string {
	const max = 64
	if len(s) <= max {
		return s
	}
	i := max
	for i > 0 && !utf8.RuneStart(s[i]) {
		i--
	}
	return s[:i] + "…"
}

// Expand expands f into a validated Year (Source SourceImported): at most
// MaxEntries ranges of at most MaxRangeDays days and MaxEntries make-up
// days. Codes as ParseJSON.
func (f File) Expand() (Year, error) {
	y := Year{Year: f.Year, Source: SourceImported}
	if f.Year < MinYear || f.Year > MaxYear {
		return Year{}, apperr.New("holiday.bad_year", "year", strconv.Itoa(f.Year))
	}
	for _, c := range []struct {
		field string
		n     int
	}{{"holidays", len(f.Holidays)}, {"workdays", len(f.Workdays)}} {
		if c.n > MaxEntries {
			return Year{}, apperr.New("holiday.too_many", "field", c.field, "max", strconv.Itoa(MaxEntries))
		}
	}
	for _, r := range f.Holidays {
		end := r.End
		if end == "" {
			end = r.Start
		}
		s, err1 := time.Parse(time.DateOnly, r.Start)
		if err1 != nil {
			return Year{}, apperr.New("holiday.bad_date", "date", clip(r.Start))
		}
		e, err2 := time.Parse(time.DateOnly, end)
		if err2 != nil {
			return Year{}, apperr.New("holiday.bad_date", "date", clip(end))
		}
		if e.Before(s) || e.Sub(s) > (MaxRangeDays-1)*24*time.Hour {
			return Year{}, apperr.New("holiday.bad_range", "start", clip(r.Start), "end", clip(end))
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
// documentation for how make-up working days are marked). Each event adds
// at most the days of one year, and a day already taken by an earlier
// event is not added twice, so the work is linear in the number of events
// and the result at most a year of days. Codes: the ics package's codes,
// holiday.conflict (date), holiday.empty, and those of Year.Validate.
func ParseICS(year int, r io.Reader) (Year, error) {
	cal, err := ics.Parse(r, time.UTC)
	if err != nil {
		return Year{}, err
	}
	if year < MinYear || year > MaxYear {
		return Year{}, apperr.New("holiday.bad_year", "year", strconv.Itoa(year))
	}
	first := time.Date(year, 1, 1, 0, 0, 0, 0, time.UTC)
	days := int(time.Date(year+1, 1, 1, 0, 0, 0, 0, time.UTC).Sub(first).Hours() / 24)
	taken := make([]*Day, days) // by day of the year, from 0
	y := Year{Year: year, Source: SourceImported}
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
		name = strings.Trim(name, " -\u00b7()\uff08\uff09")
		if name == "" {
			name = "\u8282\u5047\u65e5"
			if work {
				name = "\u8c03\u4f11"
			}
		}
		from, n := span(e)
		// Day numbers within the year, as Unix days (no Duration overflow
		// for events centuries away).
		lo := int64(from.Unix()-first.Unix()) / 86400
		for i := max(lo, 0); i < min(lo+int64(n), int64(days)); i++ {
			// Every event's name is judged, also one whose day an earlier
			// event took, as Validate judges every day listed.
			if !goodName(name) {
				return Year{}, badName(first.AddDate(0, 0, int(i)).Format(time.DateOnly))
			}
			if d := taken[i]; d != nil {
				if d.Work != work {
					return Year{}, apperr.New("holiday.conflict", "date", d.Date)
				}
				continue
			}
			taken[i] = &Day{Date: first.AddDate(0, 0, int(i)).Format(time.DateOnly), Name: name, Work: work}
		}
	}
	for _, d := range taken {
		if d != nil {
			y.Days = append(y.Days, *d)
		}
	}
	if err := y.Validate(); err != nil {
		return Year{}, err
	}
	return y, nil
}

// span returns the first day an event covers and how many days, as
// ics.Event.Dates counts them (at most 366).
func span(e ics.Event) (time.Time, int) {
	from := time.Date(e.Start.Year(), e.Start.Month(), e.Start.Day(), 0, 0, 0, 0, time.UTC)
	if !e.AllDay {
		return from, 1
	}
	end := time.Date(e.End.Year(), e.End.Month(), e.End.Day(), 0, 0, 0, 0, time.UTC)
	if !end.After(from) {
		return from, 1
	}
	n := (end.Unix() - from.Unix()) / 86400
	return from, int(min(n, 366))
}
