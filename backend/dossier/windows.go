package dossier

import (
	"slices"
	"sort"
	"strings"
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
	InForce(year int) (window.Plan, error)
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

// windowMates returns the assignments of every dossier whose window
// overlaps the window of dossier id (window.Overlap: its own, and the
// other classes' windows of the same evening), id's included; none when
// id targets no window. They come from the kept list (listRows), indexed
// by window, and the plan in force of the window's year.
func (s *Service) windowMates(id string) ([]window.Assignment, error) {
	rows, byWindow, err := s.listWindows()
	if err != nil {
		return nil, err
	}
	i := sort.Search(len(rows), func(i int) bool { return rows[i].sum.ID >= id })
	if i == len(rows) || rows[i].sum.ID != id || rows[i].sum.Window == "" {
		return nil, nil
	}
	own := rows[i].sum.Window
	windows := []string{own}
	if y := window.Year(own); y != 0 && s.Windows != nil {
		p, err := s.Windows.InForce(y)
		if err != nil && !windowGone(err) {
			return nil, err
		}
		if k := slices.IndexFunc(p.Windows, func(w window.Window) bool { return w.ID == own }); k >= 0 {
			for _, w := range p.Windows {
				if w.ID != own && len(byWindow[w.ID]) > 0 && window.Overlap(p.Windows[k], w) {
					windows = append(windows, w.ID)
				}
			}
		}
	}
	var out []window.Assignment
	for _, w := range windows {
		for _, m := range byWindow[w] {
			d := rows[m].sum
			out = append(out, window.Assignment{Dossier: d.ID, System: d.SystemCode, Window: d.Window, State: d.Phase})
		}
	}
	return out, nil
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
