package dossier

import (
	"crypto/rand"
	"encoding/base32"
	"sort"
	"strings"
	"sync"
	"time"

	"golive/backend/apperr"
	"golive/backend/ledger"
	"golive/backend/profile"
	"golive/backend/store"
	"golive/backend/system"
	"golive/backend/template"
)

const bucketIndex = "dz"

// Service creates and edits dossiers as signed events in a store.
type Service struct {
	st       *store.Store
	profiles *profile.Service
	systems  *system.Register
	// Template returns the template new dossiers pin and edits validate
	// against.
	Template func() *template.Template
	// Now is the clock.
	Now func() time.Time
	// Zone is the zone new dossiers store their times in.
	Zone *time.Location

	mu sync.Mutex
}

// NewService returns a Service.
func NewService(st *store.Store, profiles *profile.Service, systems *system.Register, tpl func() *template.Template, zone *time.Location) *Service {
	return &Service{st: st, profiles: profiles, systems: systems, Template: tpl, Now: time.Now, Zone: zone}
}

// NewID returns a fresh dossier id such as "R26K3F9A1C2D".
func NewID(now time.Time) string {
	var b [6]byte
	_, _ = rand.Read(b[:])
	return "R" + now.Format("06") + base32.StdEncoding.WithPadding(base32.NoPadding).EncodeToString(b[:])[:9]
}

// Create validates req and starts a dossier signed by the unlocked profile.
// Codes: profile.locked, system.not_found, dossier.* validation codes.
func (s *Service) Create(req CreateRequest) (View, error) {
	_, key, err := s.profiles.Signer()
	if err != nil {
		return View{}, err
	}
	if _, err := s.systems.Get(strings.TrimSpace(req.SystemCode)); err != nil {
		return View{}, err
	}
	tpl := s.Template()
	f := req.Fields
	if err := s.validateFields(tpl, &f, true); err != nil {
		return View{}, err
	}
	now := s.Now().In(s.Zone)
	id := NewID(now)
	body := createdBody{Template: tpl.Key(), SystemCode: strings.TrimSpace(req.SystemCode), Zone: s.Zone.String(), Fields: f}
	e, err := ledger.New(id, nil, KindCreated, body, now, key)
	if err != nil {
		return View{}, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.commit(id, nil, e)
}

// Get returns the dossier with id and its history. Codes: dossier.not_found.
func (s *Service) Get(id string) (View, error) {
	evs, err := s.events(id)
	if err != nil {
		return View{}, err
	}
	return s.view(evs)
}

// List returns the dossiers passing f, latest planned first.
func (s *Service) List(f Filter) ([]Summary, error) {
	names := map[string]string{}
	if all, err := s.systems.List(); err == nil {
		for _, sys := range all {
			names[sys.Code] = sys.Name
		}
	}
	out := []Summary{}
	err := s.st.Each(bucketIndex, func(_ string, raw []byte) error {
		var sum Summary
		if err := jsonUnmarshal(raw, &sum); err != nil {
			return err
		}
		sum.SystemName = names[sum.SystemCode]
		loc := zoneOf(sum.Zone)
		sum.PlannedAt, sum.UpdatedAt = sum.PlannedAt.In(loc), sum.UpdatedAt.In(loc)
		if f.Match(sum) {
			out = append(out, sum)
		}
		return nil
	})
	sort.SliceStable(out, func(i, j int) bool {
		if !out[i].PlannedAt.Equal(out[j].PlannedAt) {
			return out[i].PlannedAt.After(out[j].PlannedAt)
		}
		return out[i].ID < out[j].ID
	})
	return out, err
}

// Update applies a patch of header fields. Codes: dossier.archived,
// dossier.nothing_changed and the field validation codes.
func (s *Service) Update(id string, patch Fields) (View, error) {
	return s.append(id, func(st State, tpl *template.Template) (string, any, error) {
		if st.Stage == StageArchive {
			return "", nil, apperr.New("dossier.archived", "id", id)
		}
		if patch.Subtype != nil && patch.Type == nil {
			cur := st.Type
			patch.Type = &cur
		}
		if err := validateFields(tpl, &patch, false, st.Zone); err != nil {
			return "", nil, err
		}
		patch = changedOnly(st, patch)
		if len(fieldNames(patch)) == 0 {
			return "", nil, apperr.New("dossier.nothing_changed")
		}
		return KindUpdated, patch, nil
	})
}

// SetChecklist records the status and evidence note of a preparation item,
// confirmed by the unlocked profile now. Codes: dossier.unknown_item,
// dossier.bad_status, dossier.archived.
func (s *Service) SetChecklist(id, item, status, note string) (View, error) {
	return s.append(id, func(st State, tpl *template.Template) (string, any, error) {
		if st.Stage == StageArchive {
			return "", nil, apperr.New("dossier.archived", "id", id)
		}
		if _, ok := tpl.ChecklistItem(item); !ok {
			return "", nil, apperr.New("dossier.unknown_item", "item", item)
		}
		switch status {
		case StatusNotStarted, StatusInProgress, StatusDone, StatusNotApplicable:
		default:
			return "", nil, apperr.New("dossier.bad_status", "status", status)
		}
		note = strings.TrimSpace(note)
		if len([]rune(note)) > 2000 {
			return "", nil, apperr.New("dossier.note_too_long", "max", "2000")
		}
		if status == StatusNotApplicable && note == "" {
			return "", nil, apperr.New("dossier.reason_required", "item", item)
		}
		if cur, ok := st.Checklist[item]; ok && cur.Status == status && cur.Note == note {
			return "", nil, apperr.New("dossier.nothing_changed")
		}
		return KindChecklist, checklistBody{Item: item, Status: status, Note: note}, nil
	})
}

// Advance moves the dossier to the next stage of the track. Entering
// approval needs every checklist item done or not applicable
// (dossier.checklist_incomplete with the count missing).
func (s *Service) Advance(id, to, note string) (View, error) {
	return s.append(id, func(st State, tpl *template.Template) (string, any, error) {
		if stageIndex(to) != stageIndex(st.Stage)+1 || stageIndex(to) < 0 {
			return "", nil, apperr.New("dossier.bad_stage", "from", st.Stage, "to", to)
		}
		if to == StageApproval {
			missing := 0
			for _, it := range tpl.Checklist {
				c := st.Checklist[it.ID]
				if c.Status != StatusDone && c.Status != StatusNotApplicable {
					missing++
				}
			}
			if missing > 0 {
				return "", nil, apperr.New("dossier.checklist_incomplete", "missing", itoa(missing))
			}
		}
		return KindStage, stageBody{From: st.Stage, To: to, Note: strings.TrimSpace(note)}, nil
	})
}

// AddNote appends a free note; allowed in every stage, archive included.
func (s *Service) AddNote(id, text string) (View, error) {
	text = strings.TrimSpace(text)
	return s.append(id, func(State, *template.Template) (string, any, error) {
		if text == "" {
			return "", nil, apperr.New("dossier.note_required")
		}
		if len([]rune(text)) > 2000 {
			return "", nil, apperr.New("dossier.note_too_long", "max", "2000")
		}
		return KindNote, noteBody{Text: text}, nil
	})
}

// HasSystem reports whether any dossier releases the system code.
func (s *Service) HasSystem(code string) bool {
	list, err := s.List(Filter{SystemCode: code})
	return err == nil && len(list) > 0
}

// Import merges foreign events (already signed) into the store and
// refreshes the dossier indexes; used by sample data and, later, exchange.
func (s *Service) Import(events []ledger.Event) error {
	by := map[string][]ledger.Event{}
	for _, e := range events {
		by[e.Dossier] = append(by[e.Dossier], e)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	for id, evs := range by {
		old, err := s.st.Events(id)
		if err != nil {
			return err
		}
		all := ledger.Merge(old, evs)
		st, _, err := Fold(all)
		if err != nil {
			return err
		}
		if _, err := s.st.Commit(evs, store.Put{Bucket: bucketIndex, Key: id, Value: s.summarize(st)}); err != nil {
			return err
		}
	}
	return nil
}

func (s *Service) append(id string, build func(State, *template.Template) (string, any, error)) (View, error) {
	_, key, err := s.profiles.Signer()
	if err != nil {
		return View{}, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	evs, err := s.events(id)
	if err != nil {
		return View{}, err
	}
	st, _, err := Fold(evs)
	if err != nil {
		return View{}, err
	}
	kind, body, err := build(st, s.Template())
	if err != nil {
		return View{}, err
	}
	now := s.Now().In(zoneOf(st.Zone))
	if !now.After(st.UpdatedAt) {
		now = st.UpdatedAt.Add(time.Millisecond).In(zoneOf(st.Zone))
	}
	e, err := ledger.New(id, st.Heads, kind, body, now, key)
	if err != nil {
		return View{}, err
	}
	return s.commit(id, evs, e)
}

func (s *Service) commit(id string, prior []ledger.Event, e ledger.Event) (View, error) {
	all := append(append([]ledger.Event{}, prior...), e)
	st, _, err := Fold(all)
	if err != nil {
		return View{}, err
	}
	if _, err := s.st.Commit([]ledger.Event{e}, store.Put{Bucket: bucketIndex, Key: id, Value: s.summarize(st)}); err != nil {
		return View{}, err
	}
	return s.view(all)
}

func (s *Service) summarize(st State) Summary {
	total := 0
	if t := s.Template(); t != nil {
		total = len(t.Checklist)
	}
	return Summarize(st, total)
}

func (s *Service) events(id string) ([]ledger.Event, error) {
	evs, err := s.st.Events(id)
	if err != nil {
		return nil, err
	}
	if len(evs) == 0 {
		return nil, apperr.New("dossier.not_found", "id", id)
	}
	return evs, nil
}

func (s *Service) view(evs []ledger.Event) (View, error) {
	st, hist, err := Fold(evs)
	if err != nil {
		return View{}, err
	}
	if ids, err := s.profiles.Identities(); err == nil {
		for i := range hist {
			hist[i].AuthorName = ids[hist[i].Author].Name
		}
	}
	v := View{State: st, History: hist}
	if sys, err := s.systems.Get(st.SystemCode); err == nil {
		v.SystemName = sys.Name
	}
	return v, nil
}
