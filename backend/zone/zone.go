// Package zone holds GoLive's rules for times: every stored time keeps its
// zone, the default zone is Asia/Shanghai, and user-entered times are read
// strictly (an impossible date is an error, never normalised).
package zone

import (
	"strings"
	"sync"
	"time"

	"golive/backend/apperr"
)

// DefaultName is the zone GoLive stores times in unless told otherwise.
const DefaultName = "Asia/Shanghai"

// Default returns the Asia/Shanghai location (a fixed +08:00 named zone if
// the zone database is missing, which the binary embeds anyway).
func Default() *time.Location { return Load(DefaultName) }

// Load returns the named location, or Default for "" or an unknown name.
// Locations are loaded once and kept: time.LoadLocation reads the zone
// database on every call.
func Load(name string) *time.Location {
	if name == "" {
		name = DefaultName
	}
	if loc, ok := cache.Load(name); ok {
		return loc.(*time.Location)
	}
	loc, err := time.LoadLocation(name)
	if err != nil {
		if name != DefaultName {
			return Load(DefaultName)
		}
		loc = time.FixedZone(DefaultName, 8*3600)
	}
	cache.Store(name, loc)
	return loc
}

var cache sync.Map

// ParseTime reads RFC 3339, or "2006-01-02T15:04", "2006-01-02 15:04",
// "2006-01-02T15:04:05" in loc, and returns the time in loc. Impossible
// dates such as 2026-02-30 are refused with the code given as badCode
// (param "value").
func ParseTime(s string, loc *time.Location, badCode string) (time.Time, error) {
	s = strings.TrimSpace(s)
	if t, err := time.Parse(time.RFC3339, s); err == nil {
		return t.In(loc), nil
	}
	for _, layout := range []string{"2006-01-02T15:04", "2006-01-02 15:04", "2006-01-02T15:04:05"} {
		if t, err := time.ParseInLocation(layout, s, loc); err == nil {
			return t, nil
		}
	}
	return time.Time{}, apperr.New(badCode, "value", s)
}
