package app

import (
	"context"
	"os"
	"strconv"

	"golive/backend/apperr"
	"golive/backend/core"
	"golive/backend/holiday"
	"golive/backend/template"
	"golive/backend/window"
)

// WindowAPI exposes the yearly release-window plans (发布窗口计划) and the
// holiday schedules to the calendar screens.
type WindowAPI struct {
	c   *core.Core
	ctx context.Context
}

// YearView is everything the calendar shows for a year.
type YearView struct {
	// InForce is the latest published version, or the generated plan
	// (Version 0) when none is published.
	InForce window.Plan `json:"in_force"`
	// Draft is the window manager's working plan (the published or
	// generated plan with the pending edits applied).
	Draft window.Plan `json:"draft"`
	// Versions lists the published versions.
	Versions []window.VersionInfo `json:"versions"`
	// Holidays is the year's holiday schedule (Source "none" without data).
	Holidays holiday.Year `json:"holidays"`
	// Manager is the id of the role that manages the window plans under
	// the current template (template.Settings.WindowManager): the one
	// whose holders may edit and publish, named to those who may not.
	Manager string `json:"manager"`
}

// Year returns the calendar of year.
func (w *WindowAPI) Year(year int) (YearView, error) {
	var v YearView
	var err error
	if v.InForce, err = w.c.Windows.InForce(year); err != nil {
		return v, fail(err)
	}
	if v.Draft, err = w.c.Windows.Draft(year); err != nil {
		return v, fail(err)
	}
	if v.Versions, err = w.c.Windows.Versions(year); err != nil {
		return v, fail(err)
	}
	if v.Holidays, err = w.c.Holidays.Year(year); err != nil {
		return v, fail(err)
	}
	v.Manager = w.c.Template().Settings.WindowManager()
	return v, nil
}

// Move moves a window of the draft to another date or time, with a reason.
func (w *WindowAPI) Move(year int, id, date, start, end, reason string) (window.Plan, error) {
	return result(w.c.Windows.Move(year, id, date, start, end, reason))
}

// Cancel cancels a window of the draft, with a reason.
func (w *WindowAPI) Cancel(year int, id, reason string) (window.Plan, error) {
	return result(w.c.Windows.Cancel(year, id, reason))
}

// Add adds an extra window to the draft, with a reason.
func (w *WindowAPI) Add(year int, class, date, start, end, reason string) (window.Plan, error) {
	return result(w.c.Windows.Add(year, class, date, start, end, reason))
}

// AddFreeze adds a freeze period (封网期) to the draft, with a reason.
func (w *WindowAPI) AddFreeze(year int, name, start, end, reason string) (window.Plan, error) {
	return result(w.c.Windows.AddFreeze(year, name, start, end, reason))
}

// Undo removes the draft edit at index.
func (w *WindowAPI) Undo(year, index int) (window.Plan, error) {
	return result(w.c.Windows.Undo(year, index))
}

// DiscardDraft drops every pending edit of the year.
func (w *WindowAPI) DiscardDraft(year int) (window.Plan, error) {
	return result(w.c.Windows.DiscardDraft(year))
}

// Publish publishes the draft as the next signed version.
func (w *WindowAPI) Publish(year int, note string) (window.Plan, error) {
	return result(w.c.Windows.Publish(year, note))
}

// Version returns published version n of year.
func (w *WindowAPI) Version(year, n int) (window.Plan, error) {
	return result(w.c.Windows.Version(year, n))
}

// CompareReadings previews, for the rule of class, the months of year
// where "the 2nd and 4th week" read as nth weekday or as calendar week
// give different dates.
func (w *WindowAPI) CompareReadings(class string, year int) ([]window.ReadingDiff, error) {
	rule, ok := w.c.Template().WindowSettings().WindowRule(class)
	if !ok {
		return nil, fail(apperr.New("window.unknown_class", "class", class))
	}
	return result(window.CompareReadings(rule, year))
}

// CompareRuleReadings is CompareReadings for a rule as the template
// editor holds it, before it is saved: the months of year where its weeks
// read as nth weekday or as calendar week give different dates. Codes:
// template.invalid (the rule's own problems), window.bad_year.
func (w *WindowAPI) CompareRuleReadings(rule template.WindowRule, year int) ([]window.ReadingDiff, error) {
	return result(window.CompareReadings(rule, year))
}

// ImportHolidaysFromDialog imports a year's holidays from a JSON or .ics
// file the window manager picks.
func (w *WindowAPI) ImportHolidaysFromDialog(year int) (holiday.Year, error) {
	path, err := openFile(w.ctx, w.c, dialogImportHolidays)
	if err != nil || path == "" {
		return holiday.Year{}, fail(err)
	}
	return w.importHolidaysFrom(year, path)
}

// importHolidaysFrom imports a year's holidays from the file at path
// (tests, ImportHolidaysPath).
func (w *WindowAPI) importHolidaysFrom(year int, path string) (holiday.Year, error) {
	f, err := os.Open(path)
	if err != nil {
		return holiday.Year{}, fail(apperr.Wrap(err, "holiday.unreadable", "file", path))
	}
	defer f.Close()
	return result(w.c.Windows.ImportHolidays(year, path, f))
}

// SaveHolidays stores an edited holiday year.
func (w *WindowAPI) SaveHolidays(y holiday.Year) (holiday.Year, error) {
	return result(w.c.Windows.SaveHolidays(y))
}

// ResetHolidays drops a year's imported schedule (the built-in applies).
func (w *WindowAPI) ResetHolidays(year int) error { return fail(w.c.Windows.ResetHolidays(year)) }

// ExportICSToDialog writes the plan in force of year as an .ics file where
// the user picks; it returns the path, or "" when cancelled.
func (w *WindowAPI) ExportICSToDialog(year int) (string, error) {
	path, err := saveFile(w.ctx, w.c, dialogExportICS, "golive-release-windows-"+strconv.Itoa(year)+".ics")
	if err != nil || path == "" {
		return "", fail(err)
	}
	return path, w.exportICSTo(year, path)
}

// exportICSTo writes the plan in force of year as an .ics file at path
// (tests, ExportICSPath).
func (w *WindowAPI) exportICSTo(year int, path string) error {
	p, err := w.c.Windows.InForce(year)
	if err != nil {
		return fail(err)
	}
	f, err := os.Create(path)
	if err != nil {
		return fail(apperr.Wrap(err, "window.write_failed", "path", path))
	}
	if err := window.WriteICS(f, p, w.c.Now()); err != nil {
		f.Close()
		return fail(err)
	}
	return fail(f.Close())
}
