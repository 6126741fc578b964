package holiday

import (
	"encoding/json"
	"io"
	"strconv"
	"sync/atomic"
	"time"

	"golive/backend/apperr"
	"golive/backend/store"
)

const bucket = "hol"

// Service keeps the imported years of a data folder and answers with the
// imported year where there is one, else the built-in one.
type Service struct {
	st *store.Store
	// Now is the clock.
	Now func() time.Time
	// Zone is the zone stored with import times.
	Zone *time.Location

	rev atomic.Uint64
}

// Revision counts the changes made through this service, so that callers
// caching what they computed from holidays know when to recompute.
func (s *Service) Revision() uint64 { return s.rev.Load() }

// NewService returns a Service over st.
func NewService(st *store.Store, zone *time.Location) *Service {
	return &Service{st: st, Now: time.Now, Zone: zone}
}

func yearKey(year int) string { return strconv.Itoa(year) }

// Year returns the imported schedule of year, else the built-in one, else a
// Year with Source SourceNone.
func (s *Service) Year(year int) (Year, error) {
	var y Year
	err := s.st.Get(bucket, yearKey(year), &y)
	switch {
	case err == nil:
		return y, nil
	case apperr.HasCode(err, "store.not_found"):
		return Builtin(year), nil
	default:
		return Year{}, err
	}
}

// Calendar returns a Calendar over the given years.
func (s *Service) Calendar(years ...int) (*Calendar, error) {
	ys := make([]Year, 0, len(years))
	for _, year := range years {
		y, err := s.Year(year)
		if err != nil {
			return nil, err
		}
		ys = append(ys, y)
	}
	return NewCalendar(ys...), nil
}

// Save validates y and stores it as the year's imported schedule, which
// overrides the built-in one. by names who saved it. Codes as
// Year.Validate.
func (s *Service) Save(y Year, by string) (Year, error) {
	defer s.rev.Add(1)
	y.Source = SourceImported
	if err := y.Validate(); err != nil {
		return Year{}, err
	}
	y.ImportedAt = s.Now().In(s.Zone)
	y.ImportedBy = by
	if err := s.st.Put(bucket, yearKey(y.Year), y); err != nil {
		return Year{}, err
	}
	return y, nil
}

// ImportJSON reads a JSON file (see File) of at most MaxFileBytes and
// saves it. Codes: those of ReadFile, ParseJSON and Save.
func (s *Service) ImportJSON(r io.Reader, file, by string) (Year, error) {
	b, err := ReadFile(r, file)
	if err != nil {
		return Year{}, err
	}
	y, err := ParseJSON(b)
	if err != nil {
		return Year{}, err
	}
	y.File = file
	return s.Save(y, by)
}

// ImportICS reads the days of year from an .ics file of at most
// MaxFileBytes and saves them. Codes: those of ParseICS and Save,
// holiday.too_large.
func (s *Service) ImportICS(year int, r io.Reader, file, by string) (Year, error) {
	lr := &io.LimitedReader{R: r, N: MaxFileBytes + 1}
	y, err := ParseICS(year, lr)
	if lr.N <= 0 {
		return Year{}, tooLarge()
	}
	if err != nil {
		return Year{}, err
	}
	y.File = file
	return s.Save(y, by)
}

// Reset removes the imported schedule of year, so the built-in one (if
// any) applies again.
func (s *Service) Reset(year int) error {
	defer s.rev.Add(1)
	return s.st.Put(bucket, yearKey(year), nil)
}

// Imported returns the years with an imported schedule, ascending.
func (s *Service) Imported() ([]int, error) {
	var out []int
	err := s.st.Each(bucket, func(_ string, raw []byte) error {
		var y Year
		if err := json.Unmarshal(raw, &y); err != nil {
			return apperr.Wrap(err, "store.corrupt", "key", "holiday")
		}
		out = append(out, y.Year)
		return nil
	})
	return out, err
}
