package dossier

import (
	"slices"
	"sort"
	"strings"
	"sync"
	"time"

	"golive/backend/apperr"
	"golive/backend/system"
	"golive/backend/template"
	"golive/backend/window"
	"golive/backend/workflow"
)

// Windows is what the dossier service needs from the release-window plans
// (window.Service provides it).
type Windows interface {
	ValidFor(id, class string) (window.Window, error)
	Window(id string) (window.Window, error)
	NextOpenWindow(class string, after time.Time) (window.Window, error)
	EmergencyWarnings(at time.Time) ([]window.Warning, error)
	Conflicts(assignments []window.Assignment, systems []system.System) ([]window.Warning, error)
}

// Dossier warning codes besides the window package's.
const (
	// WarnWindowChanged: the targeted window was moved, cancelled or
	// frozen after the dossier chose it (window, state, date).
	WarnWindowChanged = "dossier.window_changed"
)

// needsWindow reports whether a release of this type and mode must target
// a release window: planned releases do, except new systems, whose date
// the project team sets (process-spec §4); emergency releases never do.
func needsWindow(typ, mode string) bool { return mode == "planned" && typ != "new_system" }

// checkWindow validates f's window for a dossier of system code whose
// current type and mode are typ and mode, and sets the planned time from
// the window. Codes: dossier.window_required and the window package's
// window.not_found, window.wrong_class, window.cancelled, window.frozen.
func (s *Service) checkWindow(code, typ, mode string, f *Fields, creating bool) error {
	if s.Windows == nil {
		return nil
	}
	origType, origMode := typ, mode
	if f.Type != nil {
		typ = *f.Type
	}
	if f.Mode != nil {
		mode = *f.Mode
	}
	changed := (f.Type != nil && *f.Type != origType) || (f.Mode != nil && *f.Mode != origMode)
	if f.Window == nil || *f.Window == "" {
		if needsWindow(typ, mode) && (creating || f.Window != nil || changed) {
			return apperr.New("dossier.window_required")
		}
		return nil
	}
	sys, err := s.systems.Get(code)
	if err != nil {
		return err
	}
	w, err := s.Windows.ValidFor(*f.Window, sys.Class)
	if err != nil {
		return err
	}
	start, _ := w.Interval()
	at := start.Format(time.RFC3339)
	f.PlannedAt = &at
	return nil
}

// ProposePostponement returns the next open window of the dossier's
// system class after its current planned time (or now, if later): where
// a postponement (顺延) lands by default.
func (s *Service) ProposePostponement(id string) (window.Window, error) {
	if s.Windows == nil {
		return window.Window{}, apperr.New("window.unavailable")
	}
	v, err := s.Get(id)
	if err != nil {
		return window.Window{}, err
	}
	sys, err := s.systems.Get(v.State.SystemCode)
	if err != nil {
		return window.Window{}, err
	}
	after := v.State.PlannedAt
	if now := s.Now(); now.After(after) {
		after = now
	}
	return s.Windows.NextOpenWindow(sys.Class, after.Add(time.Minute))
}

// windowGone reports whether err says a dossier's window is not in the
// plan in force (window.not_found, or a year no plan can be made for):
// the dossier then carries a warning; any other error is a failure.
func windowGone(err error) bool {
	return apperr.HasCode(err, "window.not_found") || apperr.HasCode(err, "window.bad_year")
}

// withWindow fills the view's window and warnings and makes the planned
// time follow the window as the plan in force has it now. A window no
// longer in the plan is a warning (window.unknown_window); a plan, the
// register or the dossier index that cannot be read is an error.
func (s *Service) withWindow(v View) (View, error) {
	v.Warnings = []window.Warning{}
	if s.Windows == nil {
		return v, nil
	}
	st := v.State
	if st.Window != "" {
		w, err := s.Windows.Window(st.Window)
		switch {
		case err == nil:
			v.Window = &w
			start, _ := w.Interval()
			if !start.Equal(st.PlannedAt) || !w.Open() {
				v.Warnings = append(v.Warnings, window.Warning{Code: WarnWindowChanged,
					Params: map[string]string{"window": w.ID, "state": w.State, "date": w.Date}, Names: map[string]template.Text{"window": w.Name()}})
			}
			v.State.PlannedAt = start.In(zoneOf(st.Zone))
		case windowGone(err):
			v.Warnings = append(v.Warnings, window.Warning{Code: "window.unknown_window", Params: map[string]string{"window": st.Window, "dossier": st.ID}})
		default:
			return View{}, err
		}
		conflicts, err := s.conflictsOf(st.ID)
		if err != nil {
			return View{}, err
		}
		v.Warnings = append(v.Warnings, conflicts...)
	}
	if st.Mode == "emergency" && st.Flow != nil && !slices.Contains([]string{workflow.PhaseConfirmed, workflow.PhaseArchived}, st.Flow.Phase) {
		ws, err := s.Windows.EmergencyWarnings(v.State.PlannedAt)
		if err != nil {
			return View{}, err
		}
		v.Warnings = append(v.Warnings, ws...)
	}
	return v, nil
}

// conflictsOf returns the calendar's conflict warnings that concern
// dossier id. Conflicts are per window, so only the dossiers of id's
// window are compared (from the window index, not a list of every
// dossier).
func (s *Service) conflictsOf(id string) ([]window.Warning, error) {
	as, err := s.windowMates(id)
	if err != nil || len(as) == 0 {
		return nil, err
	}
	// Only the systems in the window can conflict with each other.
	var systems []system.System
	seen := map[string]bool{}
	for _, a := range as {
		if seen[a.System] {
			continue
		}
		seen[a.System] = true
		sys, err := s.systems.Get(a.System)
		if apperr.HasCode(err, "system.not_found") {
			continue
		}
		if err != nil {
			return nil, err
		}
		systems = append(systems, sys)
	}
	ws, err := s.Windows.Conflicts(as, systems)
	if err != nil {
		return nil, err
	}
	var out []window.Warning
	for _, w := range ws {
		if w.Params["dossier"] == id || slices.Contains(strings.Split(w.Params["dossiers"], ", "), id) {
			out = append(out, w)
		}
	}
	return out, nil
}

// windowIndex holds, in memory, which dossiers target which window: read
// once from the dossier index, then kept up to date by every commit of
// this service (noteWindow) and dropped after an import (dropWindows).
type windowIndex struct {
	mu sync.Mutex
	// of maps a dossier id to its assignment; nil until loaded.
	of map[string]window.Assignment
	// in maps a window id to the dossiers targeting it.
	in map[string]map[string]bool
}

// windowMates returns the assignments of every dossier in the window of
// dossier id (id's included); none when id targets no window.
func (s *Service) windowMates(id string) ([]window.Assignment, error) {
	x := &s.windows
	x.mu.Lock()
	loaded := x.of != nil
	x.mu.Unlock()
	if !loaded {
		sums, err := s.summaries()
		if err != nil {
			return nil, err
		}
		of := make(map[string]window.Assignment, len(sums))
		in := map[string]map[string]bool{}
		for _, d := range sums {
			if d.Window != "" {
				of[d.ID] = window.Assignment{Dossier: d.ID, System: d.SystemCode, Window: d.Window, State: d.Phase}
				if in[d.Window] == nil {
					in[d.Window] = map[string]bool{}
				}
				in[d.Window][d.ID] = true
			}
		}
		x.mu.Lock()
		if x.of == nil {
			x.of, x.in = of, in
		}
		x.mu.Unlock()
	}
	x.mu.Lock()
	defer x.mu.Unlock()
	a, ok := x.of[id]
	if !ok {
		return nil, nil
	}
	mates := make([]string, 0, len(x.in[a.Window]))
	for m := range x.in[a.Window] {
		mates = append(mates, m)
	}
	sort.Strings(mates)
	out := make([]window.Assignment, 0, len(mates))
	for _, m := range mates {
		out = append(out, x.of[m])
	}
	return out, nil
}

// noteWindow records the window of a dossier just committed as sum.
func (s *Service) noteWindow(sum Summary) {
	x := &s.windows
	x.mu.Lock()
	defer x.mu.Unlock()
	if x.of == nil {
		return // read whole on first use
	}
	if old, ok := x.of[sum.ID]; ok {
		delete(x.in[old.Window], sum.ID)
		delete(x.of, sum.ID)
	}
	if sum.Window == "" {
		return
	}
	x.of[sum.ID] = window.Assignment{Dossier: sum.ID, System: sum.SystemCode, Window: sum.Window, State: sum.Phase}
	if x.in[sum.Window] == nil {
		x.in[sum.Window] = map[string]bool{}
	}
	x.in[sum.Window][sum.ID] = true
}

// dropWindows forgets the window index (after an import wrote many
// dossiers): the next use reads it again.
func (s *Service) dropWindows() {
	s.windows.mu.Lock()
	s.windows.of, s.windows.in = nil, nil
	s.windows.mu.Unlock()
}

// followWindows makes each summary's planned time follow its window, one
// plan lookup per window. A window no longer in the plan leaves the
// summary as it is; a plan that cannot be read is an error.
func (s *Service) followWindows(list []Summary) error {
	if s.Windows == nil {
		return nil
	}
	seen := map[string]*window.Window{}
	for i := range list {
		id := list[i].Window
		if id == "" {
			continue
		}
		w, ok := seen[id]
		if !ok {
			got, err := s.Windows.Window(id)
			switch {
			case err == nil:
				w = &got
			case !windowGone(err):
				return err
			}
			seen[id] = w
		}
		if w != nil {
			start, _ := w.Interval()
			list[i].PlannedAt = start.In(zoneOf(list[i].Zone))
			list[i].WindowState = w.State
		}
	}
	return nil
}
