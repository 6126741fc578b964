package window

import (
	"slices"
	"sort"
	"strconv"
	"strings"

	"golive/backend/system"
)

// Assignment is a dossier's claim on a window.
type Assignment struct {
	// Dossier is the dossier id.
	Dossier string `json:"dossier"`
	// System is the code of the system released.
	System string `json:"system"`
	// Window is the window id the dossier targets.
	Window string `json:"window"`
	// State is the dossier's state (workflow phase); see InactiveStates.
	State string `json:"state"`
}

// InactiveStates are dossier states (workflow phases) that no longer hold
// a place in a window, because the release is behind them; Conflicts
// ignores assignments in them. A postponed dossier holds its new window.
var InactiveStates = []string{"failed", "confirmed", "archived"}

// Conflicts checks assignments against windows and the system register and
// returns the warnings, in a stable order:
//
//   - window.unknown_window: the window is not in the plan (window, dossier);
//   - window.not_open_assigned: the window is cancelled or frozen (window,
//     state, dossier);
//   - window.same_system: two dossiers release one system in one window
//     (system, window, dossiers);
//   - window.calling_systems: two systems of which one calls the other (in
//     either direction, from the register's Calls) release in windows that
//     overlap in time — the java and web windows of one evening count as one
//     (caller, callee, window, other_window, dossiers);
//   - window.over_capacity: more dossiers than the window's capacity
//     (window, capacity, count, dossiers).
//
// dossiers params are the dossier ids joined by ", ". Each warning about
// a window of the plan names it (Warning.Names) for the messages.
func Conflicts(windows []Window, assignments []Assignment, systems []system.System) []Warning {
	byID := make(map[string]Window, len(windows))
	for _, w := range windows {
		byID[w.ID] = w
	}
	calls := map[[2]string]bool{}
	for _, s := range systems {
		for _, c := range s.Calls {
			calls[[2]string{s.Code, c}] = true
		}
	}
	out := []Warning{}
	var active []Assignment
	for _, a := range assignments {
		if slices.Contains(InactiveStates, a.State) {
			continue
		}
		w, ok := byID[a.Window]
		if !ok {
			out = append(out, Warning{Code: WarnUnknownWindow, Params: params("window", a.Window, "dossier", a.Dossier)})
			continue
		}
		if !w.Open() {
			out = append(out, Warning{Code: WarnWindowNotOpen, Params: params("window", a.Window, "state", w.State, "dossier", a.Dossier)})
		}
		active = append(active, a)
	}
	sort.SliceStable(active, func(i, j int) bool {
		if active[i].Window != active[j].Window {
			return active[i].Window < active[j].Window
		}
		return active[i].Dossier < active[j].Dossier
	})

	// Same system twice, and capacity, per window.
	perWindow := map[string][]Assignment{}
	var order []string
	for _, a := range active {
		if _, ok := perWindow[a.Window]; !ok {
			order = append(order, a.Window)
		}
		perWindow[a.Window] = append(perWindow[a.Window], a)
	}
	for _, id := range order {
		as := perWindow[id]
		bySystem := map[string][]string{}
		var systemsSeen []string
		for _, a := range as {
			if _, ok := bySystem[a.System]; !ok {
				systemsSeen = append(systemsSeen, a.System)
			}
			bySystem[a.System] = append(bySystem[a.System], a.Dossier)
		}
		for _, sys := range systemsSeen {
			if ds := bySystem[sys]; len(ds) > 1 {
				out = append(out, Warning{Code: WarnSameSystem, Params: params("system", sys, "window", id, "dossiers", strings.Join(ds, ", "))})
			}
		}
		if c := byID[id].Capacity; c > 0 && len(as) > c {
			out = append(out, Warning{Code: WarnOverCapacity, Params: params("window", id, "capacity", strconv.Itoa(c), "count", strconv.Itoa(len(as)), "dossiers", dossiers(as))})
		}
	}

	// Calling systems in overlapping windows.
	seen := map[string]bool{}
	for i := 0; i < len(active); i++ {
		for j := i + 1; j < len(active); j++ {
			a, b := active[i], active[j]
			if a.System == b.System || !Overlap(byID[a.Window], byID[b.Window]) {
				continue
			}
			for _, pair := range [][2]Assignment{{a, b}, {b, a}} {
				caller, callee := pair[0], pair[1]
				if !calls[[2]string{caller.System, callee.System}] {
					continue
				}
				key := caller.System + ">" + callee.System + "@" + caller.Window + "|" + callee.Window
				if seen[key] {
					continue
				}
				seen[key] = true
				out = append(out, Warning{Code: WarnCallingSystems, Params: params("caller", caller.System, "callee", callee.System,
					"window", caller.Window, "other_window", callee.Window, "dossiers", caller.Dossier+", "+callee.Dossier)})
			}
		}
	}
	return named(out, byID)
}

func dossiers(as []Assignment) string {
	ds := make([]string, len(as))
	for i, a := range as {
		ds[i] = a.Dossier
	}
	return strings.Join(ds, ", ")
}

// Overlap reports whether two windows share some time (a window always
// overlaps itself): the rule of window.calling_systems.
func Overlap(a, b Window) bool {
	if a.ID == b.ID {
		return true
	}
	as, ae := a.Interval()
	bs, be := b.Interval()
	return as.Before(be) && bs.Before(ae)
}
