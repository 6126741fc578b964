package core

import (
	"time"

	"golive/backend/apperr"
	"golive/backend/window"
)

// Clock is the current time as GoLive reads it: the wall date and instant
// in the folder's zone. The frontend takes "today" from here and never
// works out a date or a zone offset itself.
type Clock struct {
	// Today is the date in Zone, "YYYY-MM-DD".
	Today string `json:"today"`
	// Now is the current instant, RFC 3339 with Zone's offset.
	Now string `json:"now"`
	// Zone is the IANA name of the zone, e.g. "Asia/Shanghai".
	Zone string `json:"zone"`
}

// ClockAt is the Clock of instant t read in loc.
func ClockAt(t time.Time, loc *time.Location) Clock {
	t = t.In(loc)
	return Clock{Today: t.Format(time.DateOnly), Now: t.Format(time.RFC3339), Zone: loc.String()}
}

// ReadClock returns the Clock of Now in the folder's zone.
func (c *Core) ReadClock() Clock { return ClockAt(c.Now(), c.Zone) }

// NextOpenWindow returns the first open release window of class on a day
// after today (in the folder's zone) from the plans in force, the window
// service's answer that postponement uses too; a new planned release
// defaults to it. It returns nil when no plan has one. Codes:
// window.unknown_class, window.plan_corrupt.
func (c *Core) NextOpenWindow(class string) (*window.Window, error) {
	if _, ok := c.Template().WindowSettings().WindowRule(class); !ok {
		return nil, apperr.New("window.unknown_class", "class", class)
	}
	now := c.Now().In(c.Zone)
	endOfToday := time.Date(now.Year(), now.Month(), now.Day()+1, 0, 0, 0, 0, c.Zone).Add(-time.Nanosecond)
	w, err := c.Windows.NextOpenWindow(class, endOfToday)
	if apperr.HasCode(err, "window.none_open") {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	return &w, nil
}
