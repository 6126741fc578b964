package dossier

import (
	"sort"
	"strings"
	"time"

	"golive/backend/apperr"
	"golive/backend/keys"
	"golive/backend/ledger"
)

// StageOrder is the stage track in order.
var StageOrder = []string{StagePlanning, StagePreparation, StageApproval, StageExecution, StageConfirmation, StageArchive}

func stageIndex(s string) int {
	for i, v := range StageOrder {
		if v == s {
			return i
		}
	}
	return -1
}

// Fold computes a dossier's state and history from its events, in any
// order. It is pure: the same set of events always gives the same result.
// It returns dossier.empty for no events, dossier.no_creation when the log
// has no dossier.created root, and the ledger's errors for a broken DAG.
func Fold(events []ledger.Event) (State, []HistoryEntry, error) {
	if len(events) == 0 {
		return State{}, nil, apperr.New("dossier.empty")
	}
	ordered, err := ledger.Order(events)
	if err != nil {
		return State{}, nil, err
	}
	var st State
	hist := make([]HistoryEntry, 0, len(ordered))
	for i, e := range ordered {
		h := HistoryEntry{Event: e.ID, Kind: e.Kind, Author: e.Author, Fingerprint: keys.FingerprintHex(e.Author), At: e.Time, Params: map[string]string{}}
		if i == 0 {
			if e.Kind != KindCreated || len(e.Parents) != 0 {
				return State{}, nil, apperr.New("dossier.no_creation", "dossier", e.Dossier)
			}
		}
		h.Ignored = !apply(&st, e, h.Params)
		st.UpdatedAt = e.Time
		hist = append(hist, h)
	}
	st.Heads = ledger.Heads(ordered)
	st.Events = len(ordered)
	return st, hist, nil
}

// apply folds one event into st and fills the history params. It reports
// false when the event was recorded but not applied.
func apply(st *State, e ledger.Event, p map[string]string) bool {
	archived := st.Stage == StageArchive
	switch e.Kind {
	case KindCreated:
		var b createdBody
		if st.ID != "" || e.Decode(&b) != nil {
			return false
		}
		st.ID, st.Template, st.SystemCode, st.Zone = e.Dossier, b.Template, b.SystemCode, b.Zone
		st.Stage = StagePlanning
		st.Checklist = map[string]ChecklistEntry{}
		st.Content = []ContentItem{}
		st.CreatedAt, st.CreatedBy = e.Time, e.Author
		applyFields(st, b.Fields)
		p["title"], p["system"] = st.Title, st.SystemCode
	case KindUpdated:
		var f Fields
		if archived || e.Decode(&f) != nil {
			return false
		}
		p["fields"] = strings.Join(fieldNames(f), ",")
		applyFields(st, f)
	case KindChecklist:
		var b checklistBody
		if archived || e.Decode(&b) != nil {
			return false
		}
		p["item"], p["status"], p["note"] = b.Item, b.Status, b.Note
		st.Checklist[b.Item] = ChecklistEntry{Item: b.Item, Status: b.Status, Note: b.Note, By: e.Author, At: e.Time, Event: e.ID}
		if st.Stage == StagePlanning {
			st.Stage = StagePreparation
		}
	case KindStage:
		var b stageBody
		if e.Decode(&b) != nil {
			return false
		}
		p["from"], p["to"], p["note"] = b.From, b.To, b.Note
		if stageIndex(b.To) != stageIndex(st.Stage)+1 {
			return false
		}
		st.Stage = b.To
	case KindNote:
		var b noteBody
		if e.Decode(&b) != nil {
			return false
		}
		p["text"] = b.Text
		st.Notes++
	default:
		return false
	}
	return true
}

func applyFields(st *State, f Fields) {
	set := func(dst *string, v *string) {
		if v != nil {
			*dst = *v
		}
	}
	set(&st.Title, f.Title)
	set(&st.Type, f.Type)
	set(&st.Subtype, f.Subtype)
	set(&st.Mode, f.Mode)
	set(&st.Version, f.Version)
	set(&st.ProjectManager, f.ProjectManager)
	set(&st.SystemOwner, f.SystemOwner)
	if f.Content != nil {
		st.Content = append([]ContentItem{}, (*f.Content)...)
	}
	if f.PlannedAt != nil {
		if t, err := ParseTime(*f.PlannedAt, zoneOf(st.Zone)); err == nil {
			st.PlannedAt = t
		}
	}
}

func fieldNames(f Fields) []string {
	var n []string
	add := func(ok bool, name string) {
		if ok {
			n = append(n, name)
		}
	}
	add(f.Title != nil, "title")
	add(f.Type != nil, "type")
	add(f.Subtype != nil, "subtype")
	add(f.Mode != nil, "mode")
	add(f.Version != nil, "version")
	add(f.Content != nil, "content")
	add(f.PlannedAt != nil, "planned_at")
	add(f.ProjectManager != nil, "project_manager")
	add(f.SystemOwner != nil, "system_owner")
	return n
}

func zoneOf(name string) *time.Location {
	if loc, err := time.LoadLocation(name); err == nil && name != "" {
		return loc
	}
	return DefaultZone()
}

// DefaultZone is Asia/Shanghai, the zone GoLive stores times in by default.
func DefaultZone() *time.Location {
	loc, err := time.LoadLocation("Asia/Shanghai")
	if err != nil {
		return time.FixedZone("Asia/Shanghai", 8*3600)
	}
	return loc
}

// ParseTime reads RFC 3339, or "2006-01-02T15:04" / "2006-01-02 15:04" in
// loc, and returns the time in loc. Impossible dates (2026-02-30) are
// refused with dossier.bad_time.
func ParseTime(s string, loc *time.Location) (time.Time, error) {
	s = strings.TrimSpace(s)
	if t, err := time.Parse(time.RFC3339, s); err == nil {
		return t.In(loc), nil
	}
	for _, layout := range []string{"2006-01-02T15:04", "2006-01-02 15:04", "2006-01-02T15:04:05"} {
		if t, err := time.ParseInLocation(layout, s, loc); err == nil {
			return t, nil
		}
	}
	return time.Time{}, apperr.New("dossier.bad_time", "value", s)
}

// Summarize turns a state into its list row; total is the template's
// checklist size.
func Summarize(st State, total int) Summary {
	done := 0
	for _, c := range st.Checklist {
		if c.Status == StatusDone || c.Status == StatusNotApplicable {
			done++
		}
	}
	refs := make([]string, 0, len(st.Content))
	for _, c := range st.Content {
		refs = append(refs, c.Ref+" "+c.Title)
	}
	sort.Strings(refs)
	return Summary{
		ID: st.ID, Title: st.Title, SystemCode: st.SystemCode, Type: st.Type, Subtype: st.Subtype,
		Mode: st.Mode, Version: st.Version, Stage: st.Stage, Zone: st.Zone, PlannedAt: st.PlannedAt, UpdatedAt: st.UpdatedAt,
		ProjectManager: st.ProjectManager, ContentRefs: refs, ChecklistDone: done, ChecklistTotal: total,
	}
}

// Match reports whether s passes f; systemName is the system's name for the
// free-text search.
func (f Filter) Match(s Summary) bool {
	if (f.Stage != "" && f.Stage != s.Stage) || (f.SystemCode != "" && f.SystemCode != s.SystemCode) ||
		(f.Type != "" && f.Type != s.Type) || (f.Mode != "" && f.Mode != s.Mode) {
		return false
	}
	if f.Month != "" && (s.PlannedAt.IsZero() || s.PlannedAt.Format("2006-01") != f.Month) {
		return false
	}
	if q := strings.ToLower(strings.TrimSpace(f.Text)); q != "" {
		hay := strings.ToLower(strings.Join(append([]string{s.ID, s.Title, s.SystemCode, s.SystemName, s.Version}, s.ContentRefs...), "\n"))
		for _, w := range strings.Fields(q) {
			if !strings.Contains(hay, w) {
				return false
			}
		}
	}
	return true
}
