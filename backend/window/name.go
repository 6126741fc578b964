package window

import (
	"strings"
	"time"

	"golive/backend/template"
)

// weekdays name the days of the week, Sunday first, as the calendar
// screens do.
var (
	weekdaysZh = [...]string{"周日", "周一", "周二", "周三", "周四", "周五", "周六"}
	weekdaysEn = [...]string{"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"}
)

// Label names a window for people, in both languages, the way the
// calendar shows it: its date with the weekday, its time range and its
// system class, "2026-12-10 周四 19:00–23:00 · Java" and
// "2026-12-10 Thursday 19:00–23:00 · Java". date is YYYY-MM-DD, start and
// end "HH:MM" (an empty end leaves the range open: "19:00–"), class a
// system class (see ClassName).
func Label(date, start, end, class string) template.Text {
	label := func(weekday, class string) string {
		parts := []string{date}
		if weekday != "" {
			parts = append(parts, weekday)
		}
		if start != "" {
			parts = append(parts, start+"–"+end)
		}
		s := strings.Join(parts, " ")
		if class != "" {
			s += " · " + class
		}
		return s
	}
	var zh, en string
	if d, err := time.Parse(time.DateOnly, date); err == nil {
		zh, en = weekdaysZh[d.Weekday()], weekdaysEn[d.Weekday()]
	}
	return template.Text{Zh: label(zh, ClassName(class, "zh")), En: label(en, ClassName(class, "en"))}
}

// Name is the window's Label: what screens, warnings and documents call
// it instead of its id.
func (w Window) Name() template.Text { return Label(w.Date, w.Start, w.End, w.Class) }

// ClassOf returns the system class a window id names: "java" for
// "2027-03-11-java" and for an added window's "2027-03-17-java-x1"; ""
// when id is not a window id.
func ClassOf(id string) string {
	if len(id) < 12 || id[10] != '-' {
		return ""
	}
	if _, err := time.Parse(time.DateOnly, id[:10]); err != nil {
		return ""
	}
	class := id[11:]
	if i := strings.LastIndex(class, "-x"); i > 0 {
		class = class[:i]
	}
	return class
}

// named adds to each warning the names (Window.Name) of the windows its
// params window and other_window give by id, from byID.
func named(ws []Warning, byID map[string]Window) []Warning {
	for i := range ws {
		for _, k := range []string{"window", "other_window"} {
			w, ok := byID[ws[i].Params[k]]
			if !ok {
				continue
			}
			if ws[i].Names == nil {
				ws[i].Names = map[string]template.Text{}
			}
			ws[i].Names[k] = w.Name()
		}
	}
	return ws
}
