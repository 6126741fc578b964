package app

import (
	"golive/backend/core"
	"golive/backend/window"
)

// Clock returns today's date and the current instant in the folder's
// zone; the frontend takes every "today" from here.
func (a *AppAPI) Clock() (core.Clock, error) {
	if a.openErr != nil {
		return core.Clock{}, fail(a.openErr)
	}
	return a.c.ReadClock(), nil
}

// NextOpen returns the first open release window of class on a day after
// today (where a new planned release defaults to), or null when no plan in
// force has one. Code window.unknown_class.
func (w *WindowAPI) NextOpen(class string) (*window.Window, error) {
	return result(w.c.NextOpenWindow(class))
}

// Targets lists, in time order, the windows of class that a planned
// release may target in the plans in force of years (the window picker's
// choices). Code window.plan_corrupt.
func (w *WindowAPI) Targets(class string, years []int) ([]window.Window, error) {
	return result(w.c.Windows.Targets(class, years))
}
