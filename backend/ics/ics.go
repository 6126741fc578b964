package ics

import (
	"sort"
	"strings"
	"time"
)

// Event statuses (STATUS).
const (
	// StatusConfirmed marks an event that takes place.
	StatusConfirmed = "CONFIRMED"
	// StatusTentative marks an event that may not take place.
	StatusTentative = "TENTATIVE"
	// StatusCancelled marks a cancelled event; calendar apps strike it out.
	StatusCancelled = "CANCELLED"
)

// Calendar is one VCALENDAR.
type Calendar struct {
	// ProdID identifies the producer (PRODID), e.g. "-//GoLive//Release windows//ZH".
	ProdID string
	// Method is the iTIP method, "PUBLISH" for a published calendar; empty omits it.
	Method string
	// Name is the calendar's display name (X-WR-CALNAME); empty omits it.
	Name string
	// Events are the calendar's VEVENTs in order.
	Events []Event
}

// Event is one VEVENT.
type Event struct {
	// UID identifies the event across versions of the calendar.
	UID string
	// Stamp is DTSTAMP, when this version of the event was made.
	Stamp time.Time
	// Start is DTSTART; for an all-day event only its date counts.
	Start time.Time
	// End is DTEND; for an all-day event the first day after it (exclusive).
	End time.Time
	// AllDay writes and reads Start and End as DATE values.
	AllDay bool
	// Summary is the title (SUMMARY).
	Summary string
	// Description is the body text (DESCRIPTION); newlines are kept.
	Description string
	// Location is LOCATION, if any.
	Location string
	// Status is one of the Status constants, or "".
	Status string
	// Categories are the CATEGORIES values.
	Categories []string
	// Sequence is SEQUENCE, the revision of the event.
	Sequence int
	// Transparent marks an event that does not block time (TRANSP:TRANSPARENT).
	Transparent bool
	// Props holds other properties by upper-case name (e.g. "X-GOLIVE-WINDOW"),
	// unescaped; written after the standard ones in name order.
	Props map[string]string
}

// HasCategory reports whether e carries category c (case-insensitive).
func (e Event) HasCategory(c string) bool {
	for _, x := range e.Categories {
		if strings.EqualFold(strings.TrimSpace(x), c) {
			return true
		}
	}
	return false
}

// Dates returns the days an all-day event covers (End exclusive; a
// missing or non-later End means the one day of Start), as YYYY-MM-DD. For a
// timed event it returns Start's date.
func (e Event) Dates() []string {
	d := time.Date(e.Start.Year(), e.Start.Month(), e.Start.Day(), 0, 0, 0, 0, time.UTC)
	if !e.AllDay {
		return []string{d.Format(time.DateOnly)}
	}
	end := time.Date(e.End.Year(), e.End.Month(), e.End.Day(), 0, 0, 0, 0, time.UTC)
	if !end.After(d) {
		end = d.AddDate(0, 0, 1)
	}
	var out []string
	for ; d.Before(end) && len(out) < 366; d = d.AddDate(0, 0, 1) {
		out = append(out, d.Format(time.DateOnly))
	}
	return out
}

func sortedKeys(m map[string]string) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
