package dossier

import (
	"slices"
	"strings"
	"time"

	"golive/backend/apperr"
	"golive/backend/system"
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

// withWindow fills the view's window and warnings and makes the planned
// time follow the window as the plan in force has it now.
func (s *Service) withWindow(v View) View {
	v.Warnings = []window.Warning{}
	if s.Windows == nil {
		return v
	}
	st := v.State
	if st.Window != "" {
		if w, err := s.Windows.Window(st.Window); err == nil {
			v.Window = &w
			start, _ := w.Interval()
			if !start.Equal(st.PlannedAt) || !w.Open() {
				v.Warnings = append(v.Warnings, window.Warning{Code: WarnWindowChanged,
					Params: map[string]string{"window": w.ID, "state": w.State, "date": w.Date}})
			}
			v.State.PlannedAt = start.In(zoneOf(st.Zone))
		} else {
			v.Warnings = append(v.Warnings, window.Warning{Code: "window.unknown_window", Params: map[string]string{"window": st.Window, "dossier": st.ID}})
		}
		if list, err := s.List(Filter{}); err == nil {
			var as []window.Assignment
			for _, d := range list {
				if d.Window != "" {
					as = append(as, window.Assignment{Dossier: d.ID, System: d.SystemCode, Window: d.Window, State: d.Phase})
				}
			}
			systems, _ := s.systems.List()
			if ws, err := s.Windows.Conflicts(as, systems); err == nil {
				for _, w := range ws {
					if w.Params["dossier"] == st.ID || slices.Contains(strings.Split(w.Params["dossiers"], ", "), st.ID) {
						v.Warnings = append(v.Warnings, w)
					}
				}
			}
		}
	}
	if st.Mode == "emergency" && st.Flow != nil && !slices.Contains([]string{workflow.PhaseConfirmed, workflow.PhaseArchived}, st.Flow.Phase) {
		if ws, err := s.Windows.EmergencyWarnings(v.State.PlannedAt); err == nil {
			v.Warnings = append(v.Warnings, ws...)
		}
	}
	return v
}

// followWindows makes each summary's planned time follow its window, one
// plan lookup per window.
func (s *Service) followWindows(list []Summary) {
	if s.Windows == nil {
		return
	}
	seen := map[string]*window.Window{}
	for i := range list {
		id := list[i].Window
		if id == "" {
			continue
		}
		w, ok := seen[id]
		if !ok {
			if got, err := s.Windows.Window(id); err == nil {
				w = &got
			}
			seen[id] = w
		}
		if w != nil {
			start, _ := w.Interval()
			list[i].PlannedAt = start.In(zoneOf(list[i].Zone))
			list[i].WindowState = w.State
		}
	}
}
