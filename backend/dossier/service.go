package dossier

import (
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base32"
	"strings"
	"sync"
	"time"

	"golive/backend/apperr"
	"golive/backend/blob"
	"golive/backend/ledger"
	"golive/backend/profile"
	"golive/backend/roster"
	"golive/backend/store"
	"golive/backend/system"
	"golive/backend/template"
	"golive/backend/workflow"
)

// Service creates and edits dossiers as signed events in a store.
type Service struct {
	st       *store.Store
	profiles *profile.Service
	systems  *system.Register
	// Template returns the template new dossiers pin.
	Template func() *template.Template
	// Resolve returns a pinned template by key.
	Resolve Resolver
	// Blobs holds attachment contents.
	Blobs *blob.Store
	// Windows resolves release windows; nil turns window checks off.
	Windows Windows
	// Roster gives the folder's organisation roster, which decides who may
	// act in which role; nil (or a roster with no version) takes the roles
	// events claim at their word.
	Roster Roster
	// Now is the clock.
	Now func() time.Time
	// MakeID returns the id of a new dossier created at now: NewID, or a
	// reproducible sequence for the sample data.
	MakeID func(now time.Time) string
	// Zone is the zone new dossiers store their times in.
	Zone *time.Location
	// Read, when set, is called after the service read much of the
	// folder: the whole list in the background (see Page's Pending), an
	// inbox that folded many dossiers.
	Read func()

	mu sync.Mutex
	// cache keeps the events and folded view of recently used dossiers.
	// The service is the folder's only writer (the store is locked to one
	// process), so the cache is refreshed on every write and never stale.
	// listed is the dossier list kept between reads (List).
	listed listed
	// inboxMemo keeps what the inbox's folds said (inbox).
	inboxMemo inboxMemo
	cacheMu   sync.Mutex
	cache     map[string]cached
	// others holds the ledger streams found not to be dossiers (window
	// plans, the roster), with the digest of their events then.
	others map[string][sha256.Size]byte
	// life ends at Stop: reads of the whole list in the background stop
	// with it.
	life context.Context
	quit context.CancelFunc
	// background counts the reads warm and Prefetch started.
	background sync.WaitGroup
	// prefetch is the pending Prefetch.
	prefetch prefetching
	// afterRead, when set (tests), runs in get between folding a dossier
	// read from the store and keeping the fold.
	afterRead func()
}

// cached is one dossier's events and view.
type cached struct {
	events []ledger.Event
	view   View
	// chain is the roster the view was folded under.
	chain *roster.Chain
}

// cacheSize bounds how many dossiers the cache holds.
const cacheSize = 64

// NewService returns a Service.
func NewService(st *store.Store, profiles *profile.Service, systems *system.Register, tpl func() *template.Template, resolve Resolver, zone *time.Location) *Service {
	life, quit := context.WithCancel(context.Background())
	return &Service{st: st, profiles: profiles, systems: systems, Template: tpl, Resolve: resolve, Now: time.Now, MakeID: NewID, Zone: zone,
		life: life, quit: quit}
}

// Stop ends the reads of the whole list and the prefetches running in the
// background and waits for them: the store may then close. The service must not be used
// after.
func (s *Service) Stop() {
	s.quit()
	s.stopPrefetch()
	s.background.Wait()
	s.listed.mu.Lock()
	ch := s.listed.loading
	s.listed.mu.Unlock()
	if ch != nil {
		<-ch
	}
}

// NewID returns a fresh dossier id such as "R26K3F9A1C2D".
func NewID(now time.Time) string {
	var b [6]byte
	_, _ = rand.Read(b[:])
	return "R" + now.Format("06") + base32.StdEncoding.WithPadding(base32.NoPadding).EncodeToString(b[:])[:9]
}

// signerFor returns the unlocked profile's signing key and the registered
// system code names (case ignored), as a new dossier needs them. Codes:
// profile.locked, system.not_found.
func (s *Service) signerFor(code string) (ed25519.PrivateKey, system.System, error) {
	_, key, err := s.profiles.Signer()
	if err != nil {
		return nil, system.System{}, err
	}
	sys, err := s.systems.Get(strings.TrimSpace(code))
	return key, sys, err
}

// Create validates req and starts a dossier signed by the unlocked profile.
// Codes: profile.locked, system.not_found, dossier.* validation codes,
// the release date's (checkReleaseDate).
func (s *Service) Create(req CreateRequest) (View, error) {
	key, sys, err := s.signerFor(req.SystemCode)
	if err != nil {
		return View{}, err
	}
	req.SystemCode = sys.Code // codes ignore case: the system as registered
	tpl := s.Template()
	f := req.Fields
	if err := s.validateFields(tpl, &f, true); err != nil {
		return View{}, err
	}
	if err := s.checkWindow(strings.TrimSpace(req.SystemCode), "", "", &f, true); err != nil {
		return View{}, err
	}
	now := s.Now().In(s.Zone)
	late, err := checkCreateDates(f, req.LateRecord, now, s.Zone)
	if err != nil {
		return View{}, err
	}
	id := s.MakeID(now)
	web := sys.WebFacing
	body := createdBody{Template: tpl.Key(), SystemCode: strings.TrimSpace(req.SystemCode), Zone: s.Zone.String(), WebFacing: &web, Fields: f, LateRecord: late}
	e, err := ledger.New(id, nil, KindCreated, body, now, key)
	if err != nil {
		return View{}, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.commit(id, nil, e)
}

// Get returns the dossier with id and its history, with what the unlocked
// profile may do on it. Codes: dossier.not_found.
func (s *Service) Get(id string) (View, error) {
	v, err := s.get(id)
	if err != nil {
		return View{}, err
	}
	return s.present(v)
}

// present completes a view for whoever looks at it now: the window and
// warnings from the plan in force, and the actions the unlocked profile
// may take (none when no profile is unlocked). Neither is cached: plans
// change and profiles switch.
func (s *Service) present(v View) (View, error) {
	v, err := s.withWindow(v)
	if err != nil {
		return View{}, err
	}
	var me *workflow.Actor
	if p := s.profiles.Current(); p != nil {
		me = &workflow.Actor{PublicKey: p.PublicKey, Roles: p.Roles}
		if j := v.authority; j != nil {
			// With a roster, the roster decides what the profile holds,
			// by the fold's own rules, not the roles it claims.
			me.Roles = j.roles()
			me.Probe = j.probe(v.State, p.PublicKey, s.Now().In(zoneOf(v.State.Zone)))
		}
	}
	v.Actions = workflow.ActionsFor(v.State.Plan, v.State.Flow, me)
	v.Actions = withReleaseDates(v.Actions, v.State, s.Now)
	v.Actions.Witness = s.witnessSlots(v, s.profiles.Current())
	v.Trial = s.trialActions(v, s.profiles.Current())
	return v, nil
}

// get is Get without the calendar's window and warnings and the actions.
func (s *Service) get(id string) (View, error) {
	if c, ok := s.cached(id); ok {
		return c.view, nil
	}
	gen := s.eventsGeneration()
	evs, err := s.events(id)
	if err != nil {
		return View{}, err
	}
	chain, err := s.chain()
	if err != nil {
		return View{}, err
	}
	st, hist, _, j, err := fold(evs, s.Resolve, chain)
	if err != nil {
		return View{}, err
	}
	v, err := s.view(st, hist)
	if err != nil {
		return View{}, err
	}
	v.authority = j
	if s.afterRead != nil {
		s.afterRead()
	}
	s.rememberRead(id, gen, evs, v, chain)
	return v, nil
}

// peek is get without keeping the fold in the cache (for the inbox, which
// folds many dossiers once): the view and the events folded.
func (s *Service) peek(id string) (*View, []ledger.Event, error) {
	if c, ok := s.cached(id); ok {
		return &c.view, c.events, nil
	}
	evs, err := s.events(id)
	if err != nil {
		return nil, nil, err
	}
	chain, err := s.chain()
	if err != nil {
		return nil, nil, err
	}
	st, hist, _, j, err := fold(evs, s.Resolve, chain)
	if err != nil {
		return nil, nil, err
	}
	v := View{State: st, History: hist}
	v.authority = j
	return &v, evs, nil
}

func (s *Service) cached(id string) (cached, bool) {
	s.cacheMu.Lock()
	defer s.cacheMu.Unlock()
	c, ok := s.cache[id]
	if ok && s.Roster != nil {
		// A new roster version may change what every event counts for.
		if chain, err := s.Roster.Chain(); err != nil || chain != c.chain {
			return cached{}, false
		}
	}
	return c, ok
}

func (s *Service) remember(id string, evs []ledger.Event, v View, chain *roster.Chain) {
	s.cacheMu.Lock()
	defer s.cacheMu.Unlock()
	s.rememberLocked(id, evs, v, chain)
}

func (s *Service) rememberLocked(id string, evs []ledger.Event, v View, chain *roster.Chain) {
	if s.cache == nil {
		s.cache = map[string]cached{}
	}
	if _, ok := s.cache[id]; !ok && len(s.cache) >= cacheSize {
		for k := range s.cache {
			delete(s.cache, k)
			break
		}
	}
	s.cache[id] = cached{events: evs, view: v, chain: chain}
}

// eventsGeneration is the store's generation of events, read before a
// dossier's events are (see rememberRead).
func (s *Service) eventsGeneration() uint64 { return s.st.Generation(store.EventsBucket) }

// rememberRead is remember for a view folded from events read while the
// store's events were at generation gen: it is kept only if no event was
// written since. A read running beside a commit (a Get, a Prefetch) may
// have read the events before it; the writer remembers or forgets the
// dossier after the store counted its write, so a read kept while the
// generation still matched is replaced by the writer's, and one that
// finishes later is not kept.
func (s *Service) rememberRead(id string, gen uint64, evs []ledger.Event, v View, chain *roster.Chain) {
	s.cacheMu.Lock()
	defer s.cacheMu.Unlock()
	if s.eventsGeneration() != gen {
		return
	}
	s.rememberLocked(id, evs, v, chain)
}

func (s *Service) forget(id string) {
	s.cacheMu.Lock()
	defer s.cacheMu.Unlock()
	delete(s.cache, id)
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
		if err := s.checkWindow(st.SystemCode, st.Type, st.Mode, &patch, false); err != nil {
			return "", nil, err
		}
		patch = changedOnly(st, patch)
		if len(fieldNames(patch)) == 0 {
			return "", nil, apperr.New("dossier.nothing_changed")
		}
		if err := checkPatchDates(st, patch, s.Now()); err != nil {
			return "", nil, err
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
		if _, ok := tpl.ChecklistItem(item); !ok && !st.HasCondition(item) {
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
		cur, ok := st.Checklist[item]
		if ok && cur.Status == status && cur.Note == note {
			return "", nil, apperr.New("dossier.nothing_changed")
		}
		// The evidence linked or attached stays with the item.
		return KindChecklist, checklistBody{Item: item, Status: status, Note: note, Deliverable: cur.Deliverable, File: cur.File}, nil
	})
}

// Advance moves a dossier from planning to preparation by hand (a first
// checklist entry does it too). Later stages follow the workflow: submit,
// approvals, execution, confirmation, archive. Code: dossier.bad_stage.
func (s *Service) Advance(id, to, note string) (View, error) {
	return s.append(id, func(st State, tpl *template.Template) (string, any, error) {
		if st.Stage != StagePlanning || to != StagePreparation {
			return "", nil, apperr.New("dossier.bad_stage", "from", st.Stage, "to", to)
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

// HasSystem reports whether any dossier releases the system code; an
// index that cannot be read is an error, never "no".
func (s *Service) HasSystem(code string) (bool, error) {
	list, err := s.List(Filter{SystemCode: code})
	if err != nil {
		return false, err
	}
	return len(list) > 0, nil
}

// Import merges foreign events (already signed) into the store and
// refreshes the dossier indexes, judged under the stored roster (Ingest).
func (s *Service) Import(events []ledger.Event) error {
	chain, err := s.chain()
	if err != nil {
		return err
	}
	_, err = s.Ingest(events, chain, nil, nil, nil)
	return err
}

func (s *Service) append(id string, build func(State, *template.Template) (string, any, error)) (View, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	evs, e, err := s.next(id, build)
	if err != nil {
		return View{}, err
	}
	return s.commit(id, evs, e)
}

// next returns the dossier's events and the event build makes on it now,
// signed by the unlocked profile; the caller holds s.mu.
func (s *Service) next(id string, build func(State, *template.Template) (string, any, error)) ([]ledger.Event, ledger.Event, error) {
	_, key, err := s.profiles.Signer()
	if err != nil {
		return nil, ledger.Event{}, err
	}
	cur, err := s.get(id)
	if err != nil {
		return nil, ledger.Event{}, err
	}
	evs, err := s.events(id)
	if err != nil {
		return nil, ledger.Event{}, err
	}
	st := cur.State
	tpl, err := s.Resolve(st.Template)
	if err != nil {
		return nil, ledger.Event{}, err
	}
	kind, body, err := build(st, tpl)
	if err != nil {
		return nil, ledger.Event{}, err
	}
	now := s.Now().In(zoneOf(st.Zone))
	if !now.After(st.UpdatedAt) {
		now = st.UpdatedAt.Add(time.Millisecond).In(zoneOf(st.Zone))
	}
	e, err := ledger.New(id, st.Heads, kind, body, now, key)
	if err != nil {
		return nil, ledger.Event{}, err
	}
	return evs, e, nil
}

// commit folds e onto prior and writes it with the refreshed index, unless
// the fold would ignore it: then its reason is returned and nothing is
// written. The fold is the one place that decides what an event may do.
func (s *Service) commit(id string, prior []ledger.Event, e ledger.Event) (View, error) {
	all := append(append([]ledger.Event{}, prior...), e)
	chain, err := s.chain()
	if err != nil {
		return View{}, err
	}
	st, hist, ignored, j, err := fold(all, s.Resolve, chain)
	if err != nil {
		return View{}, err
	}
	if err := ignored[e.ID]; err != nil {
		return View{}, err
	}
	rec, err := s.record(st, all)
	if err != nil {
		return View{}, err
	}
	before := s.st.Generation(bucketIndex)
	if _, err := s.st.Commit([]ledger.Event{e}, store.Put{Bucket: bucketIndex, Key: id, Value: rec.raw()}); err != nil {
		s.forget(id)
		s.dropListed()
		return View{}, err
	}
	sum := s.summarize(st)
	s.updateListed(before, s.st.Generation(bucketIndex), sum, eventsDigest(all))
	v, err := s.view(st, hist)
	if err != nil {
		return View{}, err
	}
	v.authority = j
	s.remember(id, all, v, chain)
	return s.present(v)
}

func (s *Service) summarize(st State) Summary { return Summarize(st, s.checklistTotal()) }

// checklistTotal is the size of the current template's checklist.
func (s *Service) checklistTotal() int {
	if t := s.Template(); t != nil {
		return len(t.Checklist)
	}
	return 0
}

func (s *Service) events(id string) ([]ledger.Event, error) {
	if c, ok := s.cached(id); ok {
		return c.events, nil
	}
	evs, err := s.st.Events(id)
	if err != nil {
		return nil, err
	}
	if len(evs) == 0 {
		return nil, apperr.New("dossier.not_found", "id", id)
	}
	return evs, nil
}

// view names the authors of the history and the system released; a
// system no longer registered has no name, a store that cannot be read is
// an error.
func (s *Service) view(st State, hist []HistoryEntry) (View, error) {
	dir, err := s.People()
	if err != nil {
		return View{}, err
	}
	for i := range hist {
		hist[i].AuthorName = dir.Name(hist[i].Author)
	}
	v := View{State: st, History: hist, Progress: ChecklistProgress(st, s.checklistTotal()), EvidenceChoices: evidenceChoices(st)}

	sys, err := s.systems.Get(st.SystemCode)
	switch {
	case err == nil:
		v.SystemName = sys.Name
	case !apperr.HasCode(err, "system.not_found"):
		return View{}, err
	}
	return v, nil
}

// Roster is what the service needs of the organisation roster
// (roster.Service): its verified chain.
type Roster interface {
	Chain() (*roster.Chain, error)
}

// RosterChain returns the roster chain events are judged under (nil
// without a roster), for folds made elsewhere, such as a document at a
// past head.
func (s *Service) RosterChain() (*roster.Chain, error) { return s.chain() }

// chain returns the roster chain events are judged under; nil without a
// roster.
func (s *Service) chain() (*roster.Chain, error) {
	if s.Roster == nil {
		return nil, nil
	}
	return s.Roster.Chain()
}
