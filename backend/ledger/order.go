package ledger

import (
	"slices"
	"strings"

	"golive/backend/apperr"
)

// Order returns the events in the package's deterministic total order:
// every parent before its children and, among the events whose parents are
// all placed, the one with the smallest (Time as an instant, then ID) next.
// Events with the same ID are collapsed to the first one given. The result
// depends only on the set of events, never on their input order.
//
// An event naming a parent that is not in the set fails with
// ledger.missing_parent (params event, parent; the smallest such event id and
// its smallest missing parent are reported); parents forming a cycle fail
// with ledger.cycle. Order does not verify signatures: pass it events
// obtained from New or Unmarshal. It runs in O(n log n) for n events with a
// bounded number of parents each.
func Order(events []Event) ([]Event, error) {
	uniq := dedupe(events)
	idx := make(map[string]int, len(uniq))
	for i, e := range uniq {
		idx[e.ID] = i
	}
	children := make([][]int, len(uniq))
	waiting := make([]int, len(uniq)) // parents not yet placed
	var missEvent, missParent string
	for i, e := range uniq {
		for _, p := range e.Parents {
			j, ok := idx[p]
			if !ok {
				// Report the smallest (event, parent) pair, whatever the input order.
				if missEvent == "" || e.ID < missEvent || (e.ID == missEvent && p < missParent) {
					missEvent, missParent = e.ID, p
				}
				continue
			}
			children[j] = append(children[j], i)
			waiting[i]++
		}
	}
	if missEvent != "" {
		return nil, apperr.New(CodeMissingParent, "event", missEvent, "parent", missParent)
	}
	h := readyHeap{ev: uniq}
	for i := range uniq {
		if waiting[i] == 0 {
			h.push(i)
		}
	}
	out := make([]Event, 0, len(uniq))
	for len(h.ix) > 0 {
		i := h.pop()
		out = append(out, uniq[i])
		for _, c := range children[i] {
			if waiting[c]--; waiting[c] == 0 {
				h.push(c)
			}
		}
	}
	if len(out) != len(uniq) {
		stuck := ""
		for i, e := range uniq {
			if waiting[i] > 0 && (stuck == "" || e.ID < stuck) {
				stuck = e.ID
			}
		}
		return nil, apperr.New(CodeCycle, "event", stuck)
	}
	return out, nil
}

// dedupe returns a new slice holding the first event of each ID.
func dedupe(events []Event) []Event {
	seen := make(map[string]struct{}, len(events))
	out := make([]Event, 0, len(events))
	for _, e := range events {
		if _, ok := seen[e.ID]; ok {
			continue
		}
		seen[e.ID] = struct{}{}
		out = append(out, e)
	}
	return out
}

// readyHeap is a binary min-heap of indices into ev, keyed by (Time, ID).
type readyHeap struct {
	ev []Event
	ix []int
}

func (h *readyHeap) less(a, b int) bool {
	ea, eb := &h.ev[h.ix[a]], &h.ev[h.ix[b]]
	if c := ea.Time.Compare(eb.Time); c != 0 {
		return c < 0
	}
	return ea.ID < eb.ID
}

func (h *readyHeap) push(i int) {
	h.ix = append(h.ix, i)
	for j := len(h.ix) - 1; j > 0; {
		p := (j - 1) / 2
		if !h.less(j, p) {
			break
		}
		h.ix[j], h.ix[p] = h.ix[p], h.ix[j]
		j = p
	}
}

func (h *readyHeap) pop() int {
	top := h.ix[0]
	n := len(h.ix) - 1
	h.ix[0] = h.ix[n]
	h.ix = h.ix[:n]
	for j := 0; ; {
		l, r, m := 2*j+1, 2*j+2, j
		if l < n && h.less(l, m) {
			m = l
		}
		if r < n && h.less(r, m) {
			m = r
		}
		if m == j {
			break
		}
		h.ix[j], h.ix[m] = h.ix[m], h.ix[j]
		j = m
	}
	return top
}

// Heads returns the sorted, unique ids of the events that no event in the
// set names as a parent: the tips a new event should name as its parents.
// Parents absent from the set are ignored. It never returns nil.
func Heads(events []Event) []string {
	named := make(map[string]struct{}, len(events))
	for _, e := range events {
		for _, p := range e.Parents {
			named[p] = struct{}{}
		}
	}
	heads := []string{}
	for _, e := range events {
		if _, ok := named[e.ID]; !ok {
			heads = append(heads, e.ID)
		}
	}
	slices.Sort(heads)
	return slices.Compact(heads)
}

// Merge returns the union of two copies of a log: every event of a and b
// once (the first seen for each ID, a before b), sorted by ID. It is
// commutative, associative and idempotent on verified events, never modifies
// its inputs and never returns nil. It does not verify events.
func Merge(a, b []Event) []Event {
	all := make([]Event, 0, len(a)+len(b))
	all = append(all, a...)
	all = append(all, b...)
	out := dedupe(all)
	slices.SortFunc(out, func(x, y Event) int { return strings.Compare(x.ID, y.ID) })
	return out
}
