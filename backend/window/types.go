package window

import (
	"slices"
	"strconv"
	"time"

	"golive/backend/template"
	"golive/backend/zone"
)

// Window states.
const (
	// StateOpen is a window on the date its rule gives, or an extra window.
	StateOpen = "open"
	// StateMoved is a window moved to another date or time (by the holiday
	// policy or by hand); it is open at its new date.
	StateMoved = "moved"
	// StateCancelled is a window that will not take place.
	StateCancelled = "cancelled"
	// StateFrozen is a window inside a freeze period (封网期): closed to
	// planned releases; emergency releases may still use it, with a warning.
	StateFrozen = "frozen"
)

// Adjustment kinds.
const (
	// AdjustMoved: the window's date or time changed.
	AdjustMoved = "moved"
	// AdjustCancelled: the window was cancelled.
	AdjustCancelled = "cancelled"
	// AdjustFrozen: the window lies in a freeze period.
	AdjustFrozen = "frozen"
	// AdjustAdded: the window was added by hand.
	AdjustAdded = "added"
)

// Reason codes of adjustments; the frontend translates them with Params.
const (
	// ReasonHolidayMoved: params holiday, from, to, policy.
	ReasonHolidayMoved = "window.reason.holiday_moved"
	// ReasonHolidayNoWorkingDay: the policy found no working day in that
	// week of the plan's year; params holiday, date, policy.
	ReasonHolidayNoWorkingDay = "window.reason.holiday_no_working_day"
	// ReasonHolidayCancelled: the cancel policy; params holiday, date.
	ReasonHolidayCancelled = "window.reason.holiday_cancelled"
	// ReasonManualMoved: params from, to, start, end, reason.
	ReasonManualMoved = "window.reason.manual_moved"
	// ReasonManualCancelled: params reason.
	ReasonManualCancelled = "window.reason.manual_cancelled"
	// ReasonManualAdded: params reason.
	ReasonManualAdded = "window.reason.manual_added"
	// ReasonFrozenHoliday: params holiday, start, end (the freeze), holiday_start,
	// holiday_end, days, before.
	ReasonFrozenHoliday = "window.reason.frozen_holiday"
	// ReasonFrozenRange: params name, start, end, reason.
	ReasonFrozenRange = "window.reason.frozen_range"
)

// Warning codes.
const (
	// WarnNoHolidayData: the plan's year has no holiday data, so holidays and
	// make-up days are not applied; params year.
	WarnNoHolidayData = "window.no_holiday_data"
	// WarnEditSkipped: a stored edit no longer applies; params op, window, code.
	WarnEditSkipped = "window.edit_skipped"
	// WarnNoRule: a system class has no window rule; params class.
	WarnNoRule = "window.no_rule"
	// WarnSameSystem: one system is released twice in one window; params
	// system, window, dossiers.
	WarnSameSystem = "window.same_system"
	// WarnCallingSystems: systems that call each other release in the same
	// window; params caller, callee, window, other_window, dossiers.
	WarnCallingSystems = "window.calling_systems"
	// WarnOverCapacity: a window holds more releases than its capacity;
	// params window, capacity, count, dossiers.
	WarnOverCapacity = "window.over_capacity"
	// WarnUnknownWindow: a dossier names a window the plan does not have;
	// params window, dossier.
	WarnUnknownWindow = "window.unknown_window"
	// WarnWindowNotOpen: a dossier is in a cancelled or frozen window;
	// params window, state, dossier.
	WarnWindowNotOpen = "window.not_open_assigned"
	// WarnEmergencyInFreeze: an emergency release falls in a freeze period;
	// params name, start, end, date.
	WarnEmergencyInFreeze = "window.emergency_in_freeze"
)

// Adjustment explains one way a window differs from its rule.
type Adjustment struct {
	// Kind is one of the Adjust constants.
	Kind string `json:"kind"`
	// Code is one of the Reason constants.
	Code string `json:"code"`
	// Params are the values Code's message interpolates.
	Params map[string]string `json:"params,omitempty"`
	// Manual marks an adjustment the window manager made by hand.
	Manual bool `json:"manual,omitempty"`
}

// Window is one release window of one system class.
type Window struct {
	// ID is stable across moves and versions: "2027-03-11-java" (the rule's
	// date and the class), or "2027-03-17-java-x1" for a window added by hand.
	ID string `json:"id"`
	// Class is the system class the window serves.
	Class string `json:"class"`
	// Date is the window's date, YYYY-MM-DD (after any move).
	Date string `json:"date"`
	// Start is the start time, "HH:MM", in Zone.
	Start string `json:"start"`
	// End is the end time, "HH:MM", in Zone, on the same day.
	End string `json:"end"`
	// Zone is the IANA zone of the times.
	Zone string `json:"zone"`
	// State is one of the State constants.
	State string `json:"state"`
	// Nominal is the date the rule gives; empty for an extra window.
	Nominal string `json:"nominal,omitempty"`
	// Week is the rule's week number for the window (0 for an extra one).
	Week int `json:"week,omitempty"`
	// Extra marks a window added by hand.
	Extra bool `json:"extra,omitempty"`
	// Capacity is the most releases it takes; 0 means unlimited.
	Capacity int `json:"capacity"`
	// Adjustments explain every difference from the rule, in order.
	Adjustments []Adjustment `json:"adjustments"`
}

// Open reports whether planned releases may use the window.
func (w Window) Open() bool { return w.State == StateOpen || w.State == StateMoved }

// Interval returns the window's start and end instants.
func (w Window) Interval() (time.Time, time.Time) {
	loc := zone.Load(w.Zone)
	d, _ := time.ParseInLocation(time.DateOnly, w.Date, loc)
	s, _ := template.ClockMinutes(w.Start)
	e, _ := template.ClockMinutes(w.End)
	return d.Add(time.Duration(s) * time.Minute), d.Add(time.Duration(e) * time.Minute)
}

// Year returns the year of a window id ("2027-…"), or 0.
func Year(id string) int {
	if len(id) < 5 || id[4] != '-' {
		return 0
	}
	y, err := strconv.Atoi(id[:4])
	if err != nil {
		return 0
	}
	return y
}

// Freeze is a freeze period (封网期), both dates included.
type Freeze struct {
	// ID is "holiday-<first day off>" for the rule's freezes, the template
	// range's id, or "manual-<n>" for one added to the plan by hand.
	ID string `json:"id"`
	// Kind is "holiday" (from the freeze rule), "range" (template) or "manual".
	Kind string `json:"kind"`
	// Name is the holiday's or the range's name.
	Name string `json:"name"`
	// Start is the first frozen day, YYYY-MM-DD.
	Start string `json:"start"`
	// End is the last frozen day, YYYY-MM-DD.
	End string `json:"end"`
	// HolidayStart is the first day off a rule freeze protects.
	HolidayStart string `json:"holiday_start,omitempty"`
	// HolidayEnd is the last day off a rule freeze protects.
	HolidayEnd string `json:"holiday_end,omitempty"`
	// HolidayDays is the length of that run of days off.
	HolidayDays int `json:"holiday_days,omitempty"`
	// Reason is the window manager's reason for a manual freeze.
	Reason string `json:"reason,omitempty"`
}

// Contains reports whether date (YYYY-MM-DD) lies in the freeze.
func (f Freeze) Contains(date string) bool { return f.Start <= date && date <= f.End }

// Warning is a coded observation about a plan or a set of assignments.
type Warning struct {
	// Code is one of the Warn constants.
	Code string `json:"code"`
	// Params are the values Code's message interpolates.
	Params map[string]string `json:"params,omitempty"`
	// Names are the display names, in both languages, of the windows that
	// Params give by id (params window and other_window): what a message
	// shows instead of the id, which Params keep for links and matching.
	Names map[string]template.Text `json:"names,omitempty"`
}

// Edit ops.
const (
	// OpMove moves a window to another date and/or time.
	OpMove = "move"
	// OpCancel cancels a window.
	OpCancel = "cancel"
	// OpAdd adds an extra window.
	OpAdd = "add"
	// OpFreeze adds a freeze period to the plan.
	OpFreeze = "freeze"
)

// Edit is one adjustment the window manager made by hand; a plan is its rules'
// windows with the edits applied in order.
type Edit struct {
	// Op is one of the Op constants.
	Op string `json:"op"`
	// Window is the window moved or cancelled, or the id of the window added.
	Window string `json:"window,omitempty"`
	// Class is the class of an added window.
	Class string `json:"class,omitempty"`
	// Date is the new date (move, add) or the freeze's first day.
	Date string `json:"date,omitempty"`
	// EndDate is a freeze's last day.
	EndDate string `json:"end_date,omitempty"`
	// Start is the new start time, "HH:MM"; empty keeps it (move) or takes
	// the rule's (add).
	Start string `json:"start,omitempty"`
	// End is the new end time, like Start.
	End string `json:"end,omitempty"`
	// Name names a freeze.
	Name string `json:"name,omitempty"`
	// Reason is why, in the window manager's words; required.
	Reason string `json:"reason"`
	// By is the profile id of who made the edit.
	By string `json:"by"`
	// At is when.
	At time.Time `json:"at"`
}

// Slot is where and in what state a window was in one version.
type Slot struct {
	// Date is YYYY-MM-DD.
	Date string `json:"date"`
	// Start is "HH:MM".
	Start string `json:"start"`
	// End is "HH:MM".
	End string `json:"end"`
	// State is one of the State constants.
	State string `json:"state"`
}

// Change kinds.
const (
	// ChangeAdded: a window new in this version.
	ChangeAdded = "added"
	// ChangeRemoved: a window the previous version had and this one lacks.
	ChangeRemoved = "removed"
	// ChangeMoved: a window whose date or time changed (its state may too).
	ChangeMoved = "moved"
	// ChangeState: a window whose state alone changed.
	ChangeState = "state"
)

// Change is one difference of a published version from the previous one.
type Change struct {
	// Window is the window's id.
	Window string `json:"window"`
	// Class is its class.
	Class string `json:"class"`
	// Kind is one of the Change constants.
	Kind string `json:"kind"`
	// Before is the window in the previous version (nil when added).
	Before *Slot `json:"before,omitempty"`
	// After is the window in this version (nil when removed).
	After *Slot `json:"after,omitempty"`
}

// Plan is the release-window plan of one year: generated from the rules,
// adjusted by hand, and published as signed versions.
type Plan struct {
	// Year is the plan's year.
	Year int `json:"year"`
	// Version is the published version, 1, 2, …; 0 for a plan not published.
	Version int `json:"version"`
	// Template is the key of the template whose rules generated it.
	Template string `json:"template"`
	// HolidaySource is the plan year's holiday data: builtin, imported or none.
	HolidaySource string `json:"holiday_source"`
	// Windows are the windows by date, then class.
	Windows []Window `json:"windows"`
	// Freezes are the freeze periods touching the year, by start.
	Freezes []Freeze `json:"freezes"`
	// Edits are the window manager's adjustments, in order.
	Edits []Edit `json:"edits"`
	// Warnings are plan-level observations (no holiday data, skipped edits).
	Warnings []Warning `json:"warnings"`
	// Changes are the differences from the previous version (published only).
	Changes []Change `json:"changes,omitempty"`
	// Note is the publisher's note.
	Note string `json:"note,omitempty"`
	// PublishedAt is when the version was published (zero if not).
	PublishedAt time.Time `json:"published_at,omitzero"`
	// PublishedBy is the publisher's public key, hex.
	PublishedBy string `json:"published_by,omitempty"`
	// Event is the id of the signed event holding the version.
	Event string `json:"event,omitempty"`
}

// Window returns the window with id.
func (p *Plan) Window(id string) (Window, bool) {
	for _, w := range p.Windows {
		if w.ID == id {
			return w, true
		}
	}
	return Window{}, false
}

// NextOpen returns the first open (open or moved) window of class that
// starts after after.
func (p *Plan) NextOpen(class string, after time.Time) (Window, bool) {
	var best Window
	var bestStart time.Time
	found := false
	for _, w := range p.Windows {
		if w.Class != class || !w.Open() {
			continue
		}
		s, _ := w.Interval()
		if !s.After(after) {
			continue
		}
		if !found || s.Before(bestStart) {
			best, bestStart, found = w, s, true
		}
	}
	return best, found
}

// FreezeOn returns the freeze periods containing date (YYYY-MM-DD).
func (p *Plan) FreezeOn(date string) []Freeze {
	var out []Freeze
	for _, f := range p.Freezes {
		if f.Contains(date) {
			out = append(out, f)
		}
	}
	return out
}

// HasNoHolidayData reports whether the plan carries the no-holiday-data warning.
func (p *Plan) HasNoHolidayData() bool {
	return slices.ContainsFunc(p.Warnings, func(w Warning) bool { return w.Code == WarnNoHolidayData })
}
