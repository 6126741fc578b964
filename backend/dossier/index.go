package dossier

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"runtime"
	"sort"
	"sync"

	"golive/backend/apperr"
	"golive/backend/ledger"
)

// bucketIndex holds the dossier index: one indexRecord per dossier,
// written with each commit in the same transaction as its events.
//
// The index lives outside the signed ledger, so it is only a cache: List
// trusts a record only while its seal matches the dossier's events as
// stored now (read from the ledger's keys, without decoding them), and
// folds the dossier for a record that is missing, stale, edited or
// unreadable. A record whose dossier has no events is ignored. Nothing is
// written back when List repairs a summary: the store has no read-only
// mode to tell a reading command from the app, so the repaired summary
// lives in the service's memory until the dossier's next commit rewrites
// its record.
const bucketIndex = "dz"

// indexRecord is one dossier's entry in the index.
type indexRecord struct {
	// Summary is the dossier's Summary as JSON, exactly the bytes sealed.
	Summary json.RawMessage `json:"summary"`
	// Seal is sealOf the dossier id, its events' digest and Summary.
	Seal string `json:"seal"`
}

// raw returns the record as encoding/json writes it, by hand: the
// summary is already JSON and the seal hex, and the record is written at
// every append (store.Commit stores a json.RawMessage as it is).
func (r indexRecord) raw() json.RawMessage {
	b := make([]byte, 0, len(r.Summary)+len(r.Seal)+24)
	b = append(b, `{"summary":`...)
	b = append(b, r.Summary...)
	b = append(b, `,"seal":"`...)
	b = append(b, r.Seal...)
	return append(b, `"}`...)
}

// ledgerDigest is the SHA-256 of a dossier's event ids, sorted and
// unique, one per line: it changes whenever an event is added, removed or
// replaced in the stream.
func ledgerDigest(ids []string) [sha256.Size]byte {
	if !sort.StringsAreSorted(ids) {
		ids = append([]string(nil), ids...)
		sort.Strings(ids)
	}
	h := sha256.New()
	for i, id := range ids {
		if i > 0 && id == ids[i-1] {
			continue
		}
		h.Write([]byte(id))
		h.Write([]byte{'\n'})
	}
	var d [sha256.Size]byte
	h.Sum(d[:0])
	return d
}

// eventsDigest is ledgerDigest of the ids of evs.
func eventsDigest(evs []ledger.Event) [sha256.Size]byte {
	ids := make([]string, len(evs))
	for i, e := range evs {
		ids[i] = e.ID
	}
	sort.Strings(ids)
	return ledgerDigest(ids)
}

// sealOf binds a summary's bytes to the dossier id and the events it was
// folded from. It is not a signature: it catches a record that is stale,
// edited or moved to another key, not one forged by someone who rewrites
// the seal too (the ledger's signatures are what resist that).
func sealOf(id string, digest [sha256.Size]byte, summary []byte) string {
	h := sha256.New()
	h.Write([]byte("golive/dz/1\x00" + id + "\x00"))
	h.Write(digest[:])
	h.Write(summary)
	return hex.EncodeToString(h.Sum(nil))
}

// record returns the index record of a dossier folded to st from evs.
func (s *Service) record(st State, evs []ledger.Event) (indexRecord, error) {
	b, err := json.Marshal(s.summarize(st))
	if err != nil {
		return indexRecord{}, apperr.Wrap(err, apperr.Internal)
	}
	return indexRecord{Summary: b, Seal: sealOf(st.ID, eventsDigest(evs), b)}, nil
}

// summaries returns the summary of every dossier the ledger holds, in id
// order, each equal to the fold of its events: from the index where its
// record is sealed to the events stored now, else folded again; and the
// ledgerDigest of each one's events.
func (s *Service) summaries() ([]Summary, [][sha256.Size]byte, error) {
	// The ledger's keys and the index records are read side by side (a
	// commit between the two reads only makes a seal disagree, and that
	// dossier is folded again).
	var streams map[string][]string
	var idsErr error
	done := make(chan struct{})
	go func() {
		defer close(done)
		streams, idsErr = s.st.EventIDsContext(s.life)
	}()
	records := map[string]indexRecord{}
	err := s.st.EachContext(s.life, bucketIndex, func(key string, raw []byte) error {
		var rec indexRecord
		if json.Unmarshal(raw, &rec) == nil && rec.Seal != "" {
			records[key] = rec
		}
		return nil // an unreadable record is rebuilt like a missing one
	})
	<-done
	if err == nil {
		err = idsErr
	}
	if err != nil {
		return nil, nil, err
	}
	ids := make([]string, 0, len(streams))
	for id := range streams {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	// Check and decode the records on every core: what a large folder's
	// first list waits for.
	sums := make([]Summary, len(ids))
	good := make([]bool, len(ids))
	parallel(len(ids), 256, func(i int) {
		id := ids[i]
		if rec, ok := records[id]; ok && rec.Seal == sealOf(id, ledgerDigest(streams[id]), rec.Summary) {
			good[i] = json.Unmarshal(rec.Summary, &sums[i]) == nil && sums[i].ID == id
		}
	})
	out := make([]Summary, 0, len(ids))
	digests := make([][sha256.Size]byte, 0, len(ids))
	for i, id := range ids {
		if err := s.life.Err(); err != nil {
			return nil, nil, err
		}
		digest := ledgerDigest(streams[id])
		if good[i] {
			out = append(out, sums[i])
			digests = append(digests, digest)
			continue
		}
		sum, ok, err := s.rebuild(id, digest)
		if err != nil {
			return nil, nil, err
		}
		if ok {
			out = append(out, sum)
			digests = append(digests, digest)
		}
	}
	return out, digests, nil
}

// parallel calls fn(i) for every i below n, spread over the machine's
// cores, a core for every grain calls at most; it returns when all calls
// have.
func parallel(n, grain int, fn func(i int)) {
	workers := min(runtime.GOMAXPROCS(0), max(n/grain, 1))
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			for i := w; i < n; i += workers {
				fn(i)
			}
		}(w)
	}
	wg.Wait()
}

// rebuild folds the stream id, whose events have digest, into its summary.
// It reports false for a stream that is not a dossier (a window plan, the
// roster: no dossier.created root), and remembers that while the stream
// is unchanged. A dossier that cannot be folded is an error: hiding it
// would make the list lie.
func (s *Service) rebuild(id string, digest [sha256.Size]byte) (Summary, bool, error) {
	s.cacheMu.Lock()
	other, known := s.others[id]
	s.cacheMu.Unlock()
	if known && other == digest {
		return Summary{}, false, nil
	}
	if c, ok := s.cached(id); ok && eventsDigest(c.events) == digest {
		return s.summarize(c.view.State), true, nil
	}
	s.forget(id)
	v, err := s.get(id)
	switch {
	case apperr.HasCode(err, "dossier.no_creation"):
		s.cacheMu.Lock()
		if s.others == nil {
			s.others = map[string][sha256.Size]byte{}
		}
		s.others[id] = digest
		s.cacheMu.Unlock()
		return Summary{}, false, nil
	case apperr.HasCode(err, "dossier.not_found"):
		return Summary{}, false, nil // its events went between two reads
	case err != nil:
		return Summary{}, false, err
	}
	return s.summarize(v.State), true, nil
}

// IndexProblem is a dossier index record that disagrees with the ledger
// (found by CheckIndex).
type IndexProblem struct {
	// ID is the dossier (or the record's key, for a record of no dossier).
	ID string `json:"id"`
	// Problem is "missing" (a dossier without a record), "stale" (a record
	// sealed to other events than those stored), "unreadable", or
	// "orphan" (a record whose dossier has no events).
	Problem string `json:"problem"`
}

// CheckIndex compares every index record with the ledger's keys, without
// folding anything, and returns the records that disagree, in id order.
// List copes with each (it folds the dossier again); `golive check`
// reports them, since the index is written in the transaction of the
// events it describes and so only disagrees after the folder was edited.
func (s *Service) CheckIndex() (checked int, problems []IndexProblem, err error) {
	streams, err := s.st.EventIDs()
	if err != nil {
		return 0, nil, err
	}
	records := map[string]indexRecord{}
	present := map[string]bool{}
	err = s.st.Each(bucketIndex, func(key string, raw []byte) error {
		present[key] = true
		var rec indexRecord
		if json.Unmarshal(raw, &rec) != nil || rec.Seal == "" {
			checked++
			problems = append(problems, IndexProblem{ID: key, Problem: "unreadable"})
			return nil
		}
		records[key] = rec
		return nil
	})
	if err != nil {
		return 0, nil, err
	}
	for id, rec := range records {
		checked++
		ids, ok := streams[id]
		if !ok {
			problems = append(problems, IndexProblem{ID: id, Problem: "orphan"})
			continue
		}
		if rec.Seal != sealOf(id, ledgerDigest(ids), rec.Summary) {
			problems = append(problems, IndexProblem{ID: id, Problem: "stale"})
		}
	}
	for id := range streams {
		if present[id] {
			continue
		}
		// Streams that are not dossiers (the roster, window plans) have
		// no record; a dossier's first event is dossier.created.
		if s.isDossierStream(id) {
			problems = append(problems, IndexProblem{ID: id, Problem: "missing"})
		}
	}
	sort.Slice(problems, func(i, j int) bool { return problems[i].ID < problems[j].ID })
	return checked, problems, nil
}

// isDossierStream reports whether stream id holds a dossier.created event.
func (s *Service) isDossierStream(id string) bool {
	evs, err := s.st.EventsAsStored(id)
	if err != nil {
		return true // unreadable: the ledger check reports it
	}
	for _, e := range evs {
		if e.Kind == KindCreated {
			return true
		}
	}
	return false
}
