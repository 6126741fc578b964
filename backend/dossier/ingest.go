package dossier

import (
	"encoding/json"
	"sort"

	"golive/backend/apperr"
	"golive/backend/ledger"
	"golive/backend/roster"
	"golive/backend/store"
)

// Arrived is what an import brought to one dossier.
type Arrived struct {
	// ID is the dossier's id.
	ID string `json:"id"`
	// New counts the events the dossier gained.
	New int `json:"new"`
	// Created is true when the folder did not hold the dossier before.
	Created bool `json:"created"`
	// Before is the dossier's summary before the import (nil when it is
	// new); After after it.
	Before *Summary `json:"before"`
	After  Summary  `json:"after"`
	// Moved is true when the folder held the dossier before and its phase
	// or its open tasks changed: someone acted on a dossier this folder
	// follows.
	Moved bool `json:"moved"`
	// Ignored lists the new events the fold does not count, with the
	// rule that refused each (they stay in the history, marked).
	Ignored []IgnoredEvent `json:"ignored"`
}

// IgnoredEvent is an event the fold does not count and why.
type IgnoredEvent struct {
	Event  string `json:"event"`
	Author string `json:"author"`
	Kind   string `json:"kind"`
	// Code is the error code of the rule that refused it.
	Code string `json:"code"`
}

// batchBytes bounds what one transaction of an import writes (Badger
// refuses a transaction beyond 15% of its memtable; store.Options sets
// 8 MiB).
const batchBytes = 512 << 10

// Ingest stores events received from other folders, with other (events of
// other streams, such as the roster and the window plans, already checked
// by the caller): the dossiers' events are folded, with those already
// stored, under chain (the roster chain as it will be once other is
// stored), and their index records written with them. Events the fold
// ignores are stored all the same (every copy must hold the same events);
// Arrived says which and why. Events already stored change nothing.
//
// Nothing is written until every dossier folded. When everything fits in
// one transaction (an exchange file of a few dossiers) it is written in
// one, with first and last; otherwise first and other go first, then the
// dossiers, whole, a batch of dossiers per transaction, then last: an
// interruption leaves whole dossiers only, and the same import again
// completes it. Codes: the fold's and the store's.
func (s *Service) Ingest(events []ledger.Event, chain *roster.Chain, other []ledger.Event, first, last []store.Put) ([]Arrived, error) {
	by := map[string][]ledger.Event{}
	for _, e := range events {
		by[e.Dossier] = append(by[e.Dossier], e)
	}
	ids := make([]string, 0, len(by))
	for id := range by {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	s.mu.Lock()
	defer s.mu.Unlock()
	defer func() {
		for _, id := range ids {
			s.forget(id)
		}
	}()
	var out []Arrived
	type batch struct {
		events []ledger.Event
		puts   []store.Put
		size   int
	}
	head := batch{events: append([]ledger.Event(nil), other...), puts: append([]store.Put(nil), first...)}
	for _, e := range other {
		head.size += eventSize(e)
	}
	var batches []batch
	cur := batch{}
	for _, id := range ids {
		old, err := s.st.Events(id)
		if err != nil {
			return nil, err
		}
		a := Arrived{ID: id, Created: len(old) == 0, Ignored: []IgnoredEvent{}}
		have := make(map[string]bool, len(old))
		for _, e := range old {
			have[e.ID] = true
		}
		var fresh []ledger.Event
		size := 0
		for _, e := range by[id] {
			if !have[e.ID] {
				have[e.ID] = true
				fresh = append(fresh, e)
				size += eventSize(e)
			}
		}
		if len(fresh) == 0 {
			continue
		}
		if len(old) > 0 {
			before, _, err := Fold(old, s.Resolve, chain)
			if err != nil {
				return nil, err
			}
			sum := s.summarize(before)
			a.Before = &sum
		}
		merged := ledger.Merge(old, fresh)
		st, _, ignored, _, err := fold(merged, s.Resolve, chain)
		if err != nil {
			return nil, err
		}
		for _, e := range fresh {
			if why := ignored[e.ID]; why != nil {
				a.Ignored = append(a.Ignored, IgnoredEvent{Event: e.ID, Author: e.Author, Kind: e.Kind, Code: apperr.Code(why)})
			}
		}
		rec, err := s.record(st, merged)
		if err != nil {
			return nil, err
		}
		a.New, a.After = len(fresh), s.summarize(st)
		if a.Before != nil {
			bt, _ := json.Marshal(a.Before.Tasks)
			at, _ := json.Marshal(a.After.Tasks)
			a.Moved = a.Before.Phase != a.After.Phase || string(bt) != string(at)
		}
		if cur.size > 0 && cur.size+size > batchBytes {
			batches = append(batches, cur)
			cur = batch{}
		}
		cur.events = append(cur.events, fresh...)
		cur.puts = append(cur.puts, store.Put{Bucket: bucketIndex, Key: id, Value: rec.raw()})
		cur.size += size + len(rec.Summary)
		out = append(out, a)
	}
	if cur.size > 0 {
		batches = append(batches, cur)
	}
	total := head.size
	for _, b := range batches {
		total += b.size
	}
	if total <= batchBytes {
		// One transaction: all or nothing.
		all := head
		for _, b := range batches {
			all.events = append(all.events, b.events...)
			all.puts = append(all.puts, b.puts...)
		}
		all.puts = append(all.puts, last...)
		if len(all.events) == 0 && len(all.puts) == 0 {
			return out, nil
		}
		_, err := s.st.Commit(all.events, all.puts...)
		s.dropListed()
		if err != nil {
			return nil, err
		}
		return out, nil
	}
	for _, b := range append(append([]batch{head}, batches...), batch{puts: last}) {
		if len(b.events) == 0 && len(b.puts) == 0 {
			continue
		}
		_, err := s.st.Commit(b.events, b.puts...)
		s.dropListed()
		if err != nil {
			return nil, err
		}
	}
	return out, nil
}

// eventSize estimates what an event weighs in a transaction.
func eventSize(e ledger.Event) int { return len(e.Body) + len(e.Parents)*65 + 512 }
