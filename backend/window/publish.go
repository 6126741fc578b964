package window

import (
	"slices"
	"time"

	"golive/backend/apperr"
	"golive/backend/ledger"
	"golive/backend/store"
)

// KindPublished is the event kind of a published plan version; its body is
// the Plan (without PublishedAt, PublishedBy and Event, which the event
// itself carries).
const KindPublished = "plan.published"

// Stream returns the ledger stream id of year's published versions,
// "plan-2027"; its events are stored under ev/plan-2027/<id>.
func Stream(year int) string { return "plan-" + itoa(year) }

// VersionInfo describes one published version.
type VersionInfo struct {
	// Version is 1, 2, …
	Version int `json:"version"`
	// Event is the id of the signed plan.published event.
	Event string `json:"event"`
	// PublishedAt is the event time, RFC 3339 in its zone.
	PublishedAt string `json:"published_at"`
	// PublishedBy is the publisher's public key, hex.
	PublishedBy string `json:"published_by"`
	// Note is the publisher's note.
	Note string `json:"note"`
	// Changes counts the window changes against the previous version.
	Changes int `json:"changes"`
}

// Judge decides whether a published plan version counts: nil when the
// author of its event e held the window-manager role (see the package
// documentation), else the reason, normally CodePlanNotManager. It must
// read nothing but its arguments and what was fixed when it was made, so
// that every copy holding the same events agrees.
type Judge func(e ledger.Event, p Plan) error

// CodePlanNotManager: a published plan's signer did not hold the
// window-manager role (params: event, year, key, role, name, signer).
const CodePlanNotManager = "window.plan_not_manager"

// versions loads, verifies and caches year's published versions, oldest
// first (see Versions), judged by the Authority in force. Code
// window.plan_corrupt (year) wraps any failure, with the ledger or store
// code as its cause.
func (s *Service) versions(year int) ([]Plan, error) {
	var judge Judge
	key := ""
	if s.Authority != nil {
		judge, key = s.Authority()
	}
	if key != s.cacheKey {
		s.cache, s.cacheKey = map[int][]Plan{}, key
	}
	if ps, ok := s.cache[year]; ok {
		return ps, nil
	}
	evs, err := s.st.Events(Stream(year))
	if err != nil {
		return nil, apperr.Wrap(err, "window.plan_corrupt", "year", itoa(year))
	}
	out, err := Versions(year, evs, judge)
	if err != nil {
		return nil, err
	}
	s.cache[year] = out
	return out, nil
}

// Versions returns the plan versions the events of year's stream publish,
// oldest first: every event verified (id and signature), of kind
// plan.published, and the ones that count together one chain 1, 2, …
// each naming the previous as its only parent. A version judge refuses
// does not count, and neither does any version built on it (they are
// left out; a nil judge counts every version). An import checks what it
// would store with it, so a folder never holds plans it cannot read. Code
// window.plan_corrupt (year, event) with the cause.
func Versions(year int, evs []ledger.Event, judge Judge) ([]Plan, error) {
	ordered, err := ledger.Order(evs)
	if err != nil {
		return nil, apperr.Wrap(err, "window.plan_corrupt", "year", itoa(year))
	}
	out := make([]Plan, 0, len(ordered))
	ignored := map[string]bool{}
	for _, e := range ordered {
		var p Plan
		if err := e.Verify(); err != nil {
			return nil, apperr.Wrap(err, "window.plan_corrupt", "year", itoa(year), "event", e.ID)
		}
		if e.Kind != KindPublished {
			return nil, apperr.New("window.plan_corrupt", "year", itoa(year), "event", e.ID).WithDetail("unexpected kind %q", e.Kind)
		}
		if err := e.Decode(&p); err != nil {
			return nil, apperr.Wrap(err, "window.plan_corrupt", "year", itoa(year), "event", e.ID)
		}
		if slices.ContainsFunc(e.Parents, func(id string) bool { return ignored[id] }) {
			ignored[e.ID] = true
			continue
		}
		if judge != nil && judge(e, p) != nil {
			ignored[e.ID] = true
			continue
		}
		want := []string{}
		if n := len(out); n > 0 {
			want = []string{out[n-1].Event}
		}
		if p.Version != len(out)+1 || p.Year != year || !slices.Equal(e.Parents, want) {
			return nil, apperr.New("window.plan_corrupt", "year", itoa(year), "event", e.ID).WithDetail("version %d is not the successor of version %d", p.Version, len(out))
		}
		p.PublishedAt, p.PublishedBy, p.Event = e.Time, e.Author, e.ID
		out = append(out, p)
	}
	return out, nil
}

// Published returns the latest published version of year, and false when
// none was published. Codes: window.bad_year, window.plan_corrupt.
func (s *Service) Published(year int) (Plan, bool, error) {
	if err := checkYear(year); err != nil {
		return Plan{}, false, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	vs, err := s.versions(year)
	if err != nil || len(vs) == 0 {
		return Plan{}, false, err
	}
	return vs[len(vs)-1], true, nil
}

// Version returns published version n of year. Codes: window.bad_year,
// window.no_version (year, version), window.plan_corrupt.
func (s *Service) Version(year, n int) (Plan, error) {
	if err := checkYear(year); err != nil {
		return Plan{}, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	vs, err := s.versions(year)
	if err != nil {
		return Plan{}, err
	}
	if n < 1 || n > len(vs) {
		return Plan{}, apperr.New("window.no_version", "year", itoa(year), "version", itoa(n))
	}
	return vs[n-1], nil
}

// Versions lists year's published versions, oldest first. Codes:
// window.bad_year, window.plan_corrupt.
func (s *Service) Versions(year int) ([]VersionInfo, error) {
	if err := checkYear(year); err != nil {
		return nil, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	vs, err := s.versions(year)
	if err != nil {
		return nil, err
	}
	out := make([]VersionInfo, len(vs))
	for i, p := range vs {
		out[i] = VersionInfo{Version: p.Version, Event: p.Event, PublishedAt: p.PublishedAt.Format(time.RFC3339), PublishedBy: p.PublishedBy, Note: p.Note, Changes: len(p.Changes)}
	}
	return out, nil
}

// Publish signs the working plan of year as its next version (1, 2, …)
// with the unlocked window manager's key and stores it as a plan.published event in
// stream Stream(year), whose parent is the previous version's event. The
// version records its Changes against the previous one. Codes:
// profile.locked, window.not_permitted, window.bad_year,
// window.edit_skipped (index, code) when a working edit no longer applies,
// window.nothing_changed, window.plan_corrupt, window.plan_not_manager
// (the version would not count, see Judge), ledger and store codes.
func (s *Service) Publish(year int, note string) (Plan, error) {
	if err := checkYear(year); err != nil {
		return Plan{}, err
	}
	_, key, err := s.manager()
	if err != nil {
		return Plan{}, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	vs, err := s.versions(year)
	if err != nil {
		return Plan{}, err
	}
	d, err := s.loadDraft(year)
	if err != nil {
		return Plan{}, err
	}
	in, err := s.input(year, d.Edits)
	if err != nil {
		return Plan{}, err
	}
	p, failed := build(in)
	for i := range d.Edits {
		if err, ok := failed[i]; ok {
			return Plan{}, apperr.Wrap(err, "window.edit_skipped", "index", itoa(i), "code", apperr.Code(err))
		}
	}
	p.Version = len(vs) + 1
	p.Note = note
	var parents []string
	if n := len(vs); n > 0 {
		prev := vs[n-1]
		p.Changes = Diff(prev, p)
		if len(p.Changes) == 0 && slices.Equal(prev.Freezes, p.Freezes) {
			return Plan{}, apperr.New("window.nothing_changed", "year", itoa(year), "version", itoa(prev.Version))
		}
		parents = []string{prev.Event}
	}
	e, err := ledger.New(Stream(year), parents, KindPublished, p, s.Now().In(s.Zone), key)
	if err != nil {
		return Plan{}, err
	}
	if s.Authority != nil {
		if judge, _ := s.Authority(); judge != nil {
			if err := judge(e, p); err != nil {
				return Plan{}, err // it would not count: publish nothing
			}
		}
	}
	if _, err := s.st.Commit([]ledger.Event{e}, store.Put{Bucket: bucketDraft, Key: itoa(year), Value: d}); err != nil {
		return Plan{}, err
	}
	p.PublishedAt, p.PublishedBy, p.Event = e.Time, e.Author, e.ID
	delete(s.cache, year)
	return p, nil
}

func slotOf(w Window) *Slot { return &Slot{Date: w.Date, Start: w.Start, End: w.End, State: w.State} }

// Diff lists how cur's windows differ from prev's, in cur's window order
// followed by the removed ones.
func Diff(prev, cur Plan) []Change {
	old := make(map[string]Window, len(prev.Windows))
	for _, w := range prev.Windows {
		old[w.ID] = w
	}
	var out []Change
	seen := map[string]bool{}
	for _, w := range cur.Windows {
		seen[w.ID] = true
		o, ok := old[w.ID]
		switch {
		case !ok:
			out = append(out, Change{Window: w.ID, Class: w.Class, Kind: ChangeAdded, After: slotOf(w)})
		case o.Date != w.Date || o.Start != w.Start || o.End != w.End:
			out = append(out, Change{Window: w.ID, Class: w.Class, Kind: ChangeMoved, Before: slotOf(o), After: slotOf(w)})
		case o.State != w.State:
			out = append(out, Change{Window: w.ID, Class: w.Class, Kind: ChangeState, Before: slotOf(o), After: slotOf(w)})
		}
	}
	for _, w := range prev.Windows {
		if !seen[w.ID] {
			out = append(out, Change{Window: w.ID, Class: w.Class, Kind: ChangeRemoved, Before: slotOf(w)})
		}
	}
	return out
}
