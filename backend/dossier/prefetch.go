package dossier

import (
	"sync"
	"time"
)

// PrefetchAfter is how long Prefetch waits after its last call before it
// reads: the list asks a page at each keystroke of a search, and only the
// page the user stops at is worth reading.
const PrefetchAfter = 300 * time.Millisecond

// prefetching is the pending Prefetch: the ids of its last call and the
// timer that starts the reading.
type prefetching struct {
	mu    sync.Mutex
	ids   []string
	timer *time.Timer
	// calls counts the calls of Prefetch: a reading stops once another
	// was made.
	calls uint64
}

// Prefetch reads and folds, in the background, the dossiers of ids not in
// the cache yet, PrefetchAfter after the last call (a later call replaces
// the ids of an earlier one not started; a reading under way stops at the
// next dossier when a later one is asked or the service stops). The app
// calls it with the rows of the list page it shows, so that the dossier
// the user clicks is folded already: opening it then costs its
// presentation alone. Errors are left to the Get that opens the dossier.
func (s *Service) Prefetch(ids []string) {
	p := &s.prefetch
	p.mu.Lock()
	defer p.mu.Unlock()
	if s.life.Err() != nil {
		return
	}
	p.ids = append([]string(nil), ids...)
	p.calls++
	if p.timer != nil {
		p.timer.Stop()
	}
	p.timer = time.AfterFunc(PrefetchAfter, s.runPrefetch)
}

// runPrefetch reads the ids of the last Prefetch, one dossier at a time.
func (s *Service) runPrefetch() {
	p := &s.prefetch
	p.mu.Lock()
	if s.life.Err() != nil {
		p.mu.Unlock()
		return
	}
	ids, call := p.ids, p.calls
	s.background.Add(1) // under p.mu: Stop waits for it (stopPrefetch)
	p.mu.Unlock()
	defer s.background.Done()
	for _, id := range ids {
		p.mu.Lock()
		replaced := p.calls != call
		p.mu.Unlock()
		if replaced || s.life.Err() != nil {
			return
		}
		_, _ = s.get(id) // a dossier folded already is taken from the cache
	}
}

// stopPrefetch keeps a pending Prefetch from starting; one started already
// is counted in s.background (Stop waits for it).
func (s *Service) stopPrefetch() {
	p := &s.prefetch
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.timer != nil {
		p.timer.Stop()
	}
	p.ids = nil
	p.calls++
}
