package window

import (
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"

	"golive/backend/apperr"
	"golive/backend/holiday"
	"golive/backend/system"
	"golive/backend/template"
)

// Input is what Generate builds a plan from.
type Input struct {
	// Year is the plan's year.
	Year int
	// Template is the key of the template the settings come from.
	Template string
	// Settings are the window rules.
	Settings template.WindowSettings
	// Calendar holds the holiday data of Year-1, Year and Year+1 (as far as
	// there is any); freezes and moves may reach across the year's ends.
	Calendar *holiday.Calendar
	// Edits are the window manager's adjustments, applied in order.
	Edits []Edit
}

// slot is a window while the plan is built.
type slot struct {
	w                  Window
	cancelled          bool
	ruleStart, ruleEnd string
}

type builder struct {
	in      Input
	slots   []*slot
	freezes []Freeze
	manual  int
	warns   []Warning
}

func itoa(n int) string { return strconv.Itoa(n) }

func day(s string) (time.Time, bool) {
	t, err := time.Parse(time.DateOnly, s)
	return t, err == nil
}

func fmtDay(t time.Time) string { return t.Format(time.DateOnly) }

// Generate builds the plan of in.Year: the rules' windows, moved or
// cancelled on holidays by each rule's policy, then the edits in order (an
// edit that no longer applies is skipped with a window.edit_skipped
// warning), then every window inside a freeze period marked frozen. No
// window is ever dropped: a cancelled or frozen one stays in the plan with
// its reason. A year without holiday data is planned on weekdays alone and
// carries the window.no_holiday_data warning.
func Generate(in Input) Plan {
	p, _ := build(in)
	return p
}

// build is Generate that also returns the error of each skipped edit, by
// edit index.
func build(in Input) (Plan, map[int]error) {
	if in.Calendar == nil {
		in.Calendar = holiday.NewCalendar()
	}
	b := &builder{in: in}
	hasData := in.Calendar.HasData(in.Year)
	source := holiday.SourceNone
	if y, ok := in.Calendar.Year(in.Year); ok && y.HasData() {
		source = y.Source
	}
	if !hasData {
		b.warn(WarnNoHolidayData, "year", itoa(in.Year))
	}
	for _, class := range system.Classes {
		r, ok := in.Settings.WindowRule(class)
		if !ok {
			b.warn(WarnNoRule, "class", class)
			continue
		}
		for _, n := range NominalDates(r, in.Year) {
			d := fmtDay(n.Date)
			s := &slot{w: Window{ID: d + "-" + class, Class: class, Date: d, Start: r.Start, End: r.End, Zone: r.Zone,
				Nominal: d, Week: n.Week, Capacity: r.Capacity, Adjustments: []Adjustment{}}, ruleStart: r.Start, ruleEnd: r.End}
			if hasData {
				b.holidayPolicy(s, r.HolidayPolicy)
			}
			b.slots = append(b.slots, s)
		}
	}
	failed := map[int]error{}
	for i, e := range in.Edits {
		if err := b.apply(e); err != nil {
			failed[i] = err
			b.warn(WarnEditSkipped, "op", e.Op, "window", e.Window, "index", itoa(i), "code", apperr.Code(err))
		}
	}
	b.ruleFreezes()
	b.rangeFreezes()
	sort.SliceStable(b.freezes, func(i, j int) bool { return b.freezes[i].Start < b.freezes[j].Start })

	p := Plan{Year: in.Year, Template: in.Template, HolidaySource: source, Windows: make([]Window, 0, len(b.slots)),
		Freezes: b.freezes, Edits: slices.Clone(in.Edits), Warnings: b.warns}
	if p.Freezes == nil {
		p.Freezes = []Freeze{}
	}
	if p.Edits == nil {
		p.Edits = []Edit{}
	}
	if p.Warnings == nil {
		p.Warnings = []Warning{}
	}
	for _, s := range b.slots {
		w := s.w
		switch {
		case s.cancelled:
			w.State = StateCancelled
		default:
			for _, f := range p.FreezeOn(w.Date) {
				w.Adjustments = append(w.Adjustments, frozenBy(f, in.Settings.Freeze.WorkingDaysBefore))
			}
			switch {
			case len(p.FreezeOn(w.Date)) > 0:
				w.State = StateFrozen
			case !w.Extra && (w.Date != w.Nominal || w.Start != s.ruleStart || w.End != s.ruleEnd):
				w.State = StateMoved
			case w.Extra && slices.ContainsFunc(w.Adjustments, func(a Adjustment) bool { return a.Kind == AdjustMoved }):
				w.State = StateMoved
			default:
				w.State = StateOpen
			}
		}
		p.Windows = append(p.Windows, w)
	}
	SortWindows(p.Windows)
	return p, failed
}

// SortWindows orders windows by date, then class (in system.Classes
// order), then id.
func SortWindows(ws []Window) {
	sort.SliceStable(ws, func(i, j int) bool {
		a, b := ws[i], ws[j]
		if a.Date != b.Date {
			return a.Date < b.Date
		}
		if ca, cb := slices.Index(system.Classes, a.Class), slices.Index(system.Classes, b.Class); ca != cb {
			return ca < cb
		}
		return a.ID < b.ID
	})
}

func (b *builder) warn(code string, kv ...string) {
	b.warns = append(b.warns, Warning{Code: code, Params: params(kv...)})
}

func params(kv ...string) map[string]string {
	m := make(map[string]string, len(kv)/2)
	for i := 0; i+1 < len(kv); i += 2 {
		m[kv[i]] = kv[i+1]
	}
	return m
}

// holidayPolicy moves or cancels a window that falls on a holiday.
func (b *builder) holidayPolicy(s *slot, policy string) {
	d, _ := day(s.w.Date)
	h, ok := b.in.Calendar.Holiday(d)
	if !ok {
		return
	}
	if policy == template.PolicyCancel {
		s.cancelled = true
		s.w.Adjustments = append(s.w.Adjustments, Adjustment{Kind: AdjustCancelled, Code: ReasonHolidayCancelled, Params: params("holiday", h.Name, "date", s.w.Date)})
		return
	}
	step := -1
	if policy == template.PolicyNextWorkingDay {
		step = 1
	}
	monday := d.AddDate(0, 0, -((int(d.Weekday()) + 6) % 7))
	sunday := monday.AddDate(0, 0, 6)
	for t := d.AddDate(0, 0, step); !t.Before(monday) && !t.After(sunday) && t.Year() == b.in.Year; t = t.AddDate(0, 0, step) {
		if b.in.Calendar.IsWorkingDay(t) {
			s.w.Date = fmtDay(t)
			s.w.Adjustments = append(s.w.Adjustments, Adjustment{Kind: AdjustMoved, Code: ReasonHolidayMoved,
				Params: params("holiday", h.Name, "from", fmtDay(d), "to", s.w.Date, "policy", policy)})
			return
		}
	}
	s.cancelled = true
	s.w.Adjustments = append(s.w.Adjustments, Adjustment{Kind: AdjustCancelled, Code: ReasonHolidayNoWorkingDay,
		Params: params("holiday", h.Name, "date", fmtDay(d), "policy", policy)})
}

// ruleFreezes adds the freeze rule's periods touching the year: the N
// working days before every run of at least M days off that holds a
// holiday, and the run itself.
func (b *builder) ruleFreezes() {
	fr := b.in.Settings.Freeze
	if fr.WorkingDaysBefore <= 0 || !b.in.Calendar.HasData(b.in.Year) {
		return
	}
	jan1 := time.Date(b.in.Year, 1, 1, 0, 0, 0, 0, time.UTC)
	dec31 := time.Date(b.in.Year, 12, 31, 0, 0, 0, 0, time.UTC)
	for _, br := range b.in.Calendar.Breaks(jan1, dec31.AddDate(0, 1, 0)) {
		if br.Days < fr.MinHolidayDays {
			continue
		}
		start, _ := day(br.Start)
		first := start
		for n := 0; n < fr.WorkingDaysBefore; {
			first = first.AddDate(0, 0, -1)
			if b.in.Calendar.IsWorkingDay(first) {
				n++
			}
		}
		if fmtDay(first) > fmtDay(dec31) || br.End < fmtDay(jan1) {
			continue
		}
		b.freezes = append(b.freezes, Freeze{ID: "holiday-" + br.Start, Kind: "holiday", Name: br.Name, Start: fmtDay(first), End: br.End,
			HolidayStart: br.Start, HolidayEnd: br.End, HolidayDays: br.Days})
	}
}

// rangeFreezes adds the template's fixed ranges touching the year.
func (b *builder) rangeFreezes() {
	y := itoa(b.in.Year)
	for _, r := range b.in.Settings.FreezeRanges {
		if r.End < y+"-01-01" || r.Start > y+"-12-31" {
			continue
		}
		name := r.Name.Zh
		if name == "" {
			name = r.Name.En
		}
		b.freezes = append(b.freezes, Freeze{ID: r.ID, Kind: "range", Name: name, Start: r.Start, End: r.End})
	}
}

func frozenBy(f Freeze, before int) Adjustment {
	if f.Kind == "holiday" {
		return Adjustment{Kind: AdjustFrozen, Code: ReasonFrozenHoliday, Params: params("holiday", f.Name, "start", f.Start, "end", f.End,
			"holiday_start", f.HolidayStart, "holiday_end", f.HolidayEnd, "days", itoa(f.HolidayDays), "before", itoa(before))}
	}
	return Adjustment{Kind: AdjustFrozen, Code: ReasonFrozenRange, Params: params("name", f.Name, "start", f.Start, "end", f.End, "reason", f.Reason), Manual: f.Kind == "manual"}
}

func (b *builder) find(id string) *slot {
	for _, s := range b.slots {
		if s.w.ID == id {
			return s
		}
	}
	return nil
}

// checkDate validates a target date: in the plan's year and a working day.
func (b *builder) checkDate(date string) error {
	d, ok := day(date)
	if !ok || fmtDay(d) != date {
		return apperr.New("window.bad_date", "date", date)
	}
	if d.Year() != b.in.Year {
		return apperr.New("window.wrong_year", "date", date, "year", itoa(b.in.Year))
	}
	if !b.in.Calendar.IsWorkingDay(d) {
		return apperr.New("window.not_working_day", "date", date)
	}
	return nil
}

func checkTimes(start, end string) error {
	s, ok1 := template.ClockMinutes(start)
	if !ok1 {
		return apperr.New("window.bad_time", "value", start)
	}
	e, ok2 := template.ClockMinutes(end)
	if !ok2 {
		return apperr.New("window.bad_time", "value", end)
	}
	if e <= s {
		return apperr.New("window.end_before_start", "start", start, "end", end)
	}
	return nil
}

// taken reports another live window of class on date.
func (b *builder) taken(class, date, except string) *slot {
	for _, s := range b.slots {
		if s.w.Class == class && s.w.Date == date && !s.cancelled && s.w.ID != except {
			return s
		}
	}
	return nil
}

// apply applies one edit. Codes: window.reason_required, window.not_found,
// window.bad_date, window.wrong_year, window.not_working_day,
// window.bad_time, window.end_before_start, window.duplicate,
// window.no_change, window.already_cancelled, window.unknown_class,
// window.duplicate_id, window.name_required, window.bad_range, window.bad_op.
func (b *builder) apply(e Edit) error {
	if strings.TrimSpace(e.Reason) == "" {
		return apperr.New("window.reason_required")
	}
	switch e.Op {
	case OpMove:
		s := b.find(e.Window)
		if s == nil {
			return apperr.New("window.not_found", "window", e.Window)
		}
		start, end := e.Start, e.End
		if start == "" {
			start = s.w.Start
		}
		if end == "" {
			end = s.w.End
		}
		date := e.Date
		if date == "" {
			date = s.w.Date
		}
		if err := b.checkDate(date); err != nil {
			return err
		}
		if err := checkTimes(start, end); err != nil {
			return err
		}
		if date == s.w.Date && start == s.w.Start && end == s.w.End && !s.cancelled {
			return apperr.New("window.no_change", "window", e.Window)
		}
		if o := b.taken(s.w.Class, date, s.w.ID); o != nil {
			return apperr.New("window.duplicate", "window", o.w.ID, "date", date)
		}
		s.w.Adjustments = append(s.w.Adjustments, Adjustment{Kind: AdjustMoved, Code: ReasonManualMoved, Manual: true,
			Params: params("from", s.w.Date, "to", date, "start", start, "end", end, "reason", e.Reason)})
		s.w.Date, s.w.Start, s.w.End, s.cancelled = date, start, end, false
	case OpCancel:
		s := b.find(e.Window)
		if s == nil {
			return apperr.New("window.not_found", "window", e.Window)
		}
		if s.cancelled {
			return apperr.New("window.already_cancelled", "window", e.Window)
		}
		s.cancelled = true
		s.w.Adjustments = append(s.w.Adjustments, Adjustment{Kind: AdjustCancelled, Code: ReasonManualCancelled, Manual: true, Params: params("reason", e.Reason)})
	case OpAdd:
		r, ok := b.in.Settings.WindowRule(e.Class)
		if !ok {
			return apperr.New("window.unknown_class", "class", e.Class)
		}
		if e.Window == "" || b.find(e.Window) != nil {
			return apperr.New("window.duplicate_id", "window", e.Window)
		}
		start, end := e.Start, e.End
		if start == "" {
			start = r.Start
		}
		if end == "" {
			end = r.End
		}
		if err := b.checkDate(e.Date); err != nil {
			return err
		}
		if err := checkTimes(start, end); err != nil {
			return err
		}
		if o := b.taken(e.Class, e.Date, ""); o != nil {
			return apperr.New("window.duplicate", "window", o.w.ID, "date", e.Date)
		}
		b.slots = append(b.slots, &slot{w: Window{ID: e.Window, Class: e.Class, Date: e.Date, Start: start, End: end, Zone: r.Zone,
			Extra: true, Capacity: r.Capacity, Adjustments: []Adjustment{{Kind: AdjustAdded, Code: ReasonManualAdded, Manual: true, Params: params("reason", e.Reason)}}},
			ruleStart: start, ruleEnd: end})
	case OpFreeze:
		if strings.TrimSpace(e.Name) == "" {
			return apperr.New("window.name_required")
		}
		s, ok1 := day(e.Date)
		en, ok2 := day(e.EndDate)
		if !ok1 || fmtDay(s) != e.Date {
			return apperr.New("window.bad_date", "date", e.Date)
		}
		if !ok2 || fmtDay(en) != e.EndDate {
			return apperr.New("window.bad_date", "date", e.EndDate)
		}
		if en.Before(s) {
			return apperr.New("window.bad_range", "start", e.Date, "end", e.EndDate)
		}
		if en.Year() < b.in.Year || s.Year() > b.in.Year {
			return apperr.New("window.wrong_year", "date", e.Date, "year", itoa(b.in.Year))
		}
		b.manual++
		b.freezes = append(b.freezes, Freeze{ID: "manual-" + itoa(b.manual), Kind: "manual", Name: strings.TrimSpace(e.Name), Start: e.Date, End: e.EndDate, Reason: e.Reason})
	default:
		return apperr.New("window.bad_op", "op", e.Op)
	}
	return nil
}
