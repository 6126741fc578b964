package window

import (
	"crypto/ed25519"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"

	"golive/backend/apperr"
	"golive/backend/holiday"
	"golive/backend/profile"
	"golive/backend/store"
	"golive/backend/template"
)

// bucketDraft holds each year's working edits: "wdraft/<year>".
const bucketDraft = "wdraft"

// Signer returns the unlocked profile and its key (profile.Service.Signer).
type Signer func() (profile.Summary, ed25519.PrivateKey, error)

// Service plans, adjusts and publishes the yearly window plans of a data
// folder.
type Service struct {
	st *store.Store
	// Holidays gives the holiday data.
	Holidays *holiday.Service
	// Template returns the current template, whose rules generate plans.
	Template func() *template.Template
	// Signer gives the unlocked profile; edits and publishing need the
	// template's window-manager role (template.Settings.WindowManager).
	Signer Signer
	// Authority gives the rule that decides whether a published plan
	// counts, and a key that changes whenever the rule's inputs (the
	// roster) change; nil, or a nil Judge, counts every published plan.
	Authority func() (Judge, string)
	// Now is the clock.
	Now func() time.Time
	// Zone is the zone edit and publish times are stored in.
	Zone *time.Location

	mu       sync.Mutex
	cache    map[int][]Plan // published versions by year, oldest first
	cacheKey string         // the Authority key the cache was read under

	genMu     sync.Mutex
	generated map[int]generated // plans Generate computed, by year
}

// generated is a computed plan and what it was computed from.
type generated struct {
	template string
	holidays uint64
	plan     Plan
}

// NewService returns a Service.
func NewService(st *store.Store, holidays *holiday.Service, tpl func() *template.Template, signer Signer, zone *time.Location) *Service {
	return &Service{st: st, Holidays: holidays, Template: tpl, Signer: signer, Now: time.Now, Zone: zone, cache: map[int][]Plan{}}
}

// draft is the stored working state of a year.
type draft struct {
	// Year is the plan's year.
	Year int `json:"year"`
	// Edits are the working edits, in order.
	Edits []Edit `json:"edits"`
	// Extras counts the windows ever added by hand, for their ids.
	Extras int `json:"extras"`
}

func checkYear(year int) error {
	if year < holiday.MinYear || year > holiday.MaxYear {
		return apperr.New("window.bad_year", "year", itoa(year))
	}
	return nil
}

func (s *Service) input(year int, edits []Edit) (Input, error) {
	cal, err := s.Holidays.Calendar(year-1, year, year+1)
	if err != nil {
		return Input{}, err
	}
	tpl := s.Template()
	return Input{Year: year, Template: tpl.Key(), Settings: tpl.WindowSettings(), Calendar: cal, Edits: edits}, nil
}

// Generate returns the plan the current template's rules give for year,
// without any edit. Codes: window.bad_year.
//
// The result is kept until the template or the holiday data change, so
// that dossier pages and lists, which look windows up often, do not
// regenerate the year each time. Callers must not modify it.
func (s *Service) Generate(year int) (Plan, error) {
	if err := checkYear(year); err != nil {
		return Plan{}, err
	}
	key, rev := s.Template().Key(), s.Holidays.Revision()
	s.genMu.Lock()
	g, ok := s.generated[year]
	s.genMu.Unlock()
	if ok && g.template == key && g.holidays == rev {
		return g.plan, nil
	}
	in, err := s.input(year, nil)
	if err != nil {
		return Plan{}, err
	}
	p := Generate(in)
	s.genMu.Lock()
	if s.generated == nil {
		s.generated = map[int]generated{}
	}
	s.generated[year] = generated{template: key, holidays: rev, plan: p}
	s.genMu.Unlock()
	return p, nil
}

func (s *Service) loadDraft(year int) (draft, error) {
	var d draft
	err := s.st.Get(bucketDraft, itoa(year), &d)
	if apperr.HasCode(err, "store.not_found") {
		d = draft{Year: year}
		versions, err := s.versions(year)
		if err != nil {
			return draft{}, err
		}
		if n := len(versions); n > 0 {
			d.Edits = slices.Clone(versions[n-1].Edits)
			d.Extras = countExtras(d.Edits)
		}
		return d, nil
	}
	return d, err
}

func countExtras(edits []Edit) int {
	n := 0
	for _, e := range edits {
		if e.Op == OpAdd {
			n++
		}
	}
	return n
}

// Draft returns the window manager's working plan of year: the rules' windows with the
// working edits (which start as the latest published version's). Codes:
// window.bad_year.
func (s *Service) Draft(year int) (Plan, error) {
	if err := checkYear(year); err != nil {
		return Plan{}, err
	}
	s.mu.Lock()
	d, err := s.loadDraft(year)
	s.mu.Unlock()
	if err != nil {
		return Plan{}, err
	}
	in, err := s.input(year, d.Edits)
	if err != nil {
		return Plan{}, err
	}
	return Generate(in), nil
}

// manager returns the unlocked profile if it holds the template's
// window-manager role (template.Settings.WindowManager: the editor role in
// templates without one). Its roles are the roster's when the folder has
// a roster (profile.Service.RosterRoles). Codes: profile.locked,
// window.not_permitted (role).
func (s *Service) manager() (profile.Summary, ed25519.PrivateKey, error) {
	if s.Signer == nil {
		return profile.Summary{}, nil, apperr.New("profile.locked")
	}
	sum, key, err := s.Signer()
	if err != nil {
		return profile.Summary{}, nil, err
	}
	if set := s.Template().Settings; !set.MayPlanWindows(sum.Roles) {
		return profile.Summary{}, nil, apperr.New("window.not_permitted", "role", set.WindowManager())
	}
	return sum, key, nil
}

// edit appends e to year's working edits if it applies, and returns the
// new working plan.
func (s *Service) edit(year int, e Edit) (Plan, error) {
	if err := checkYear(year); err != nil {
		return Plan{}, err
	}
	sum, _, err := s.manager()
	if err != nil {
		return Plan{}, err
	}
	e.Reason = strings.TrimSpace(e.Reason)
	e.By = sum.ID
	e.At = s.Now().In(s.Zone)
	s.mu.Lock()
	defer s.mu.Unlock()
	d, err := s.loadDraft(year)
	if err != nil {
		return Plan{}, err
	}
	if e.Op == OpAdd {
		d.Extras++
		e.Window = e.Date + "-" + e.Class + "-x" + itoa(d.Extras)
	}
	d.Edits = append(d.Edits, e)
	in, err := s.input(year, d.Edits)
	if err != nil {
		return Plan{}, err
	}
	p, failed := build(in)
	if err := failed[len(d.Edits)-1]; err != nil {
		return Plan{}, err
	}
	if err := s.st.Put(bucketDraft, itoa(year), d); err != nil {
		return Plan{}, err
	}
	return p, nil
}

// Move moves window id of year to date (YYYY-MM-DD; "" keeps it) and
// times ("" keeps them), for reason. A move keeps the window's id. Codes:
// profile.locked, window.not_permitted, and those of an edit:
// window.reason_required, window.not_found, window.bad_date,
// window.wrong_year, window.not_working_day, window.bad_time,
// window.end_before_start, window.duplicate, window.no_change.
func (s *Service) Move(year int, id, date, start, end, reason string) (Plan, error) {
	return s.edit(year, Edit{Op: OpMove, Window: id, Date: date, Start: start, End: end, Reason: reason})
}

// Cancel cancels window id of year for reason. Codes: as Move, and
// window.already_cancelled.
func (s *Service) Cancel(year int, id, reason string) (Plan, error) {
	return s.edit(year, Edit{Op: OpCancel, Window: id, Reason: reason})
}

// Add adds an extra window of class on date (times "" take the rule's) for
// reason; its id is "<date>-<class>-x<n>". Codes: as Move, and
// window.unknown_class.
func (s *Service) Add(year int, class, date, start, end, reason string) (Plan, error) {
	return s.edit(year, Edit{Op: OpAdd, Class: class, Date: date, Start: start, End: end, Reason: reason})
}

// AddFreeze adds a freeze period named name from start to end (both
// included) to year's plan, for reason. Codes: as Move, and
// window.name_required, window.bad_range.
func (s *Service) AddFreeze(year int, name, start, end, reason string) (Plan, error) {
	return s.edit(year, Edit{Op: OpFreeze, Name: name, Date: start, EndDate: end, Reason: reason})
}

// Undo removes the working edit at index. Codes: profile.locked,
// window.not_permitted, window.no_edit (index).
func (s *Service) Undo(year, index int) (Plan, error) {
	if err := checkYear(year); err != nil {
		return Plan{}, err
	}
	if _, _, err := s.manager(); err != nil {
		return Plan{}, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	d, err := s.loadDraft(year)
	if err != nil {
		return Plan{}, err
	}
	if index < 0 || index >= len(d.Edits) {
		return Plan{}, apperr.New("window.no_edit", "index", itoa(index))
	}
	d.Edits = slices.Delete(d.Edits, index, index+1)
	if err := s.st.Put(bucketDraft, itoa(year), d); err != nil {
		return Plan{}, err
	}
	in, err := s.input(year, d.Edits)
	if err != nil {
		return Plan{}, err
	}
	return Generate(in), nil
}

// DiscardDraft drops the working edits, going back to the latest
// published version's edits (or none). Codes: profile.locked,
// window.not_permitted.
func (s *Service) DiscardDraft(year int) (Plan, error) {
	if err := checkYear(year); err != nil {
		return Plan{}, err
	}
	if _, _, err := s.manager(); err != nil {
		return Plan{}, err
	}
	s.mu.Lock()
	err := s.st.Put(bucketDraft, itoa(year), nil)
	s.mu.Unlock()
	if err != nil {
		return Plan{}, err
	}
	return s.Draft(year)
}

// InForce returns the plan in force for year: the latest published
// version, else the generated plan (Version 0; callers must say it is not
// published). Codes: window.bad_year, window.plan_corrupt.
func (s *Service) InForce(year int) (Plan, error) {
	p, ok, err := s.Published(year)
	if err != nil || ok {
		return p, err
	}
	return s.Generate(year)
}

// ValidFor checks that a planned release of a system of class may target
// window id, and returns the window. Codes: window.not_found (window),
// window.wrong_class (window, class, want), window.cancelled (window),
// window.frozen (window), window.plan_corrupt.
func (s *Service) ValidFor(id, class string) (Window, error) {
	year := Year(id)
	if year == 0 {
		return Window{}, apperr.New("window.not_found", "window", id)
	}
	p, err := s.InForce(year)
	if err != nil {
		return Window{}, err
	}
	w, ok := p.Window(id)
	switch {
	case !ok:
		return Window{}, apperr.New("window.not_found", "window", id)
	case w.Class != class:
		return w, apperr.New("window.wrong_class", "window", id, "class", class, "want", w.Class)
	case w.State == StateCancelled:
		return w, apperr.New("window.cancelled", "window", id)
	case w.State == StateFrozen:
		return w, apperr.New("window.frozen", "window", id)
	}
	return w, nil
}

// Targets lists, in time order, the windows of class that a planned
// release may target (ValidFor accepts each) in the plans in force of
// years; a year without holiday data or out of range is skipped. Code
// window.plan_corrupt.
func (s *Service) Targets(class string, years []int) ([]Window, error) {
	out := []Window{}
	for _, year := range years {
		if checkYear(year) != nil {
			continue
		}
		p, err := s.InForce(year)
		if err != nil {
			return nil, err
		}
		for _, w := range p.Windows {
			if w.Class == class && w.Open() {
				out = append(out, w)
			}
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Date+out[i].Start < out[j].Date+out[j].Start })
	return out, nil
}

// Window returns window id from the plan in force for its year. Codes:
// window.not_found, window.plan_corrupt.
func (s *Service) Window(id string) (Window, error) {
	year := Year(id)
	if year == 0 {
		return Window{}, apperr.New("window.not_found", "window", id)
	}
	p, err := s.InForce(year)
	if err != nil {
		return Window{}, err
	}
	w, ok := p.Window(id)
	if !ok {
		return Window{}, apperr.New("window.not_found", "window", id)
	}
	return w, nil
}

// NextOpenWindow returns the first open window of class starting after
// after, looking through the plans in force of after's year and the next
// one (for postponement, 顺延). Codes: window.none_open (class, after),
// window.plan_corrupt.
func (s *Service) NextOpenWindow(class string, after time.Time) (Window, error) {
	y := after.In(s.Zone).Year()
	for _, year := range []int{y, y + 1} {
		if checkYear(year) != nil {
			continue
		}
		p, err := s.InForce(year)
		if err != nil {
			return Window{}, err
		}
		if w, ok := p.NextOpen(class, after); ok {
			return w, nil
		}
	}
	return Window{}, apperr.New("window.none_open", "class", class, "after", after.In(s.Zone).Format(time.RFC3339))
}

// EmergencyWarnings returns a window.emergency_in_freeze warning for each
// freeze period of the plan in force containing at's date: an emergency
// release may go ahead, and approvers see the warning.
func (s *Service) EmergencyWarnings(at time.Time) ([]Warning, error) {
	at = at.In(s.Zone)
	if checkYear(at.Year()) != nil {
		return []Warning{}, nil
	}
	p, err := s.InForce(at.Year())
	if err != nil {
		return nil, err
	}
	date := at.Format(time.DateOnly)
	out := []Warning{}
	for _, f := range p.FreezeOn(date) {
		out = append(out, Warning{Code: WarnEmergencyInFreeze, Params: params("name", f.Name, "start", f.Start, "end", f.End, "date", date)})
	}
	return out, nil
}

// Reload forgets the published plans read so far: the next read takes
// them from the store again. Call it after plan events were stored other
// than through Publish (an import).
func (s *Service) Reload() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.cache = map[int][]Plan{}
}
