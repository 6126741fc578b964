package dossier

import (
	"bytes"
	"crypto/sha256"
	"encoding/json"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"

	"golive/backend/apperr"
)

// listed is the dossier list kept in memory between reads: every
// dossier's summary as summaries() returned it, read again only when the
// index bucket was written by someone else than this service's commit
// (store.Generation), and brought up to date by each commit of one
// dossier (update). The store is the folder's only writer, so a list
// read at a generation is the list for as long as the generation stays.
type listed struct {
	mu sync.Mutex
	// gen is the generation of the index bucket rows were read at;
	// read is false until they were.
	gen  uint64
	read bool
	// rows are every dossier's summary, in id order, each with what the
	// free-text filter searches, lower-cased. A commit puts its dossier's
	// new row into a copy of the slice (readers keep the slice they got,
	// and the list's order is kept per slice): a slice of pointers, so
	// that copy is 8 bytes a dossier, not the whole summary.
	rows []*listedRow
	// byWindow indexes rows by the window they target (positions in id
	// order); nil until asked for after rows last changed.
	byWindow map[string][]int
	// loading is closed when the read of the whole list in flight ends;
	// nil while none runs. One read runs at a time; others wait for it.
	loading chan struct{}

	// ordering guards order, the kept rows in the list's order.
	ordering sync.Mutex
	order    *listOrder
}

// listOrder is the kept rows in the list's order: the latest planned time
// first, as the windows in force set it, ties by id (laterFirst). It is
// made for one slice of rows and one state of the store (Store.Stamp: the
// windows in force come from plans, templates and holidays, all stored),
// so that a page of the list filters rows already in order instead of
// sorting its hits and looking their windows up at every call.
type listOrder struct {
	rows  []*listedRow
	stamp uint64
	idx   []int32
}

// ordered returns the order of rows (listRows' slice), made again when
// the rows or anything stored changed.
func (s *Service) ordered(rows []*listedRow) (*listOrder, error) {
	x := &s.listed
	x.ordering.Lock()
	defer x.ordering.Unlock()
	stamp := s.st.Stamp()
	if o := x.order; o != nil && o.stamp == stamp && len(o.rows) == len(rows) && (len(rows) == 0 || &o.rows[0] == &rows[0]) {
		return o, nil
	}
	at := make([]time.Time, len(rows))
	starts := map[string]time.Time{}
	for i := range rows {
		sum := &rows[i].sum
		at[i] = sum.PlannedAt
		if sum.Window == "" || s.Windows == nil {
			continue
		}
		start, ok := starts[sum.Window]
		if !ok {
			w, err := s.Windows.Window(sum.Window)
			switch {
			case err == nil:
				start, _ = w.Interval()
			case !windowGone(err):
				return nil, err
			}
			starts[sum.Window] = start
		}
		if !start.IsZero() {
			at[i] = start
		}
	}
	idx := make([]int32, len(rows))
	for i := range idx {
		idx[i] = int32(i)
	}
	sort.Slice(idx, func(a, b int) bool {
		return laterFirst(at[idx[a]], rows[idx[a]].sum.ID, at[idx[b]], rows[idx[b]].sum.ID)
	})
	x.order = &listOrder{rows: rows, stamp: stamp, idx: idx}
	return x.order, nil
}

// listedRow is one dossier of the list and the text its filter searches
// (all but the system's name, which can change without the dossier).
type listedRow struct {
	sum Summary
	hay string
	// digest is the ledgerDigest of the events sum is the fold of.
	digest [sha256.Size]byte
}

func rowOf(sum Summary, digest [sha256.Size]byte) listedRow {
	parts := append([]string{sum.ID, sum.Title, sum.SystemCode, sum.Version}, sum.ContentRefs...)
	return listedRow{sum: sum, hay: strings.ToLower(strings.Join(parts, "\n")), digest: digest}
}

// listRows returns every dossier's summary in id order; the caller must
// not change what the returned rows share (their slices). The first call
// (and the first after someone else wrote the index) reads and checks the
// whole index; calls made meanwhile wait for that read.
func (s *Service) listRows() ([]*listedRow, error) {
	x := &s.listed
	for {
		gen := s.st.Generation(bucketIndex)
		x.mu.Lock()
		if x.read && x.gen == gen {
			rows := x.rows
			x.mu.Unlock()
			return rows, nil
		}
		if ch := x.loading; ch != nil {
			x.mu.Unlock()
			<-ch
			if err := s.life.Err(); err != nil {
				return nil, apperr.Wrap(err, "store.closed")
			}
			continue // read again if that read failed or is already stale
		}
		ch := make(chan struct{})
		x.loading = ch
		x.mu.Unlock()
		rows, err := s.readRows()
		x.mu.Lock()
		if err == nil {
			x.rows, x.gen, x.read, x.byWindow = rows, gen, true, nil
		}
		x.loading = nil
		x.mu.Unlock()
		close(ch)
		return rows, err
	}
}

// readRows reads every dossier's summary (summaries) into list rows.
func (s *Service) readRows() ([]*listedRow, error) {
	sums, digests, err := s.summaries()
	if err != nil {
		if s.life.Err() != nil {
			return nil, apperr.Wrap(err, "store.closed")
		}
		return nil, err
	}
	packed := make([]listedRow, len(sums))
	for i, sum := range sums {
		packed[i] = rowOf(sum, digests[i])
	}
	compactRows(packed)
	rows := make([]*listedRow, len(packed))
	for i := range packed {
		rows[i] = &packed[i]
	}
	return rows, nil
}

// Ready waits until the whole list is read and checked (see Page's
// Pending) and returns what that read returned.
func (s *Service) Ready() error {
	_, err := s.listRows()
	return err
}

// listWindows returns listRows and, for each window, the positions of the
// rows targeting it.
func (s *Service) listWindows() ([]*listedRow, map[string][]int, error) {
	rows, err := s.listRows()
	if err != nil {
		return nil, nil, err
	}
	x := &s.listed
	x.mu.Lock()
	defer x.mu.Unlock()
	if x.byWindow != nil && len(x.rows) == len(rows) && (len(rows) == 0 || &x.rows[0] == &rows[0]) {
		return rows, x.byWindow, nil
	}
	by := map[string][]int{}
	for i, r := range rows {
		if w := r.sum.Window; w != "" {
			by[w] = append(by[w], i)
		}
	}
	if len(x.rows) == len(rows) && (len(rows) == 0 || &x.rows[0] == &rows[0]) {
		x.byWindow = by // still the kept rows
	}
	return rows, by, nil
}

// updateListed puts the summary of a dossier this service has just
// committed into the list, when the list was read at before, the index
// bucket's generation before that commit; the list is then as of after,
// the generation after it; digest is the ledgerDigest of its events. The
// caller holds s.mu, as every writer of the index does, so no other write
// came between. Otherwise the list is dropped and read again when next
// asked for.
func (s *Service) updateListed(before, after uint64, sum Summary, digest [sha256.Size]byte) {
	x := &s.listed
	x.mu.Lock()
	defer x.mu.Unlock()
	byWindow := x.byWindow
	x.byWindow = nil
	if !x.read || x.gen != before {
		x.read, x.rows = false, nil
		return
	}
	rows := make([]*listedRow, len(x.rows), len(x.rows)+1)
	copy(rows, x.rows)
	row := rowOf(sum, digest)
	i := sort.Search(len(rows), func(i int) bool { return rows[i].sum.ID >= sum.ID })
	if i < len(rows) && rows[i].sum.ID == sum.ID {
		// The rows keep their positions: the windows' positions stay
		// true but for this row's (every action's case; a new dossier
		// shifts the positions, and they are counted again when asked).
		if byWindow != nil {
			x.byWindow = movedTo(byWindow, i, rows[i].sum.Window, sum.Window)
		}
		rows[i] = &row
	} else {
		rows = append(rows, nil)
		copy(rows[i+1:], rows[i:])
		rows[i] = &row
	}
	x.rows, x.gen = rows, after
}

// movedTo returns byWindow (each window's row positions, ascending) with
// the row at position i moved from window from to window to ("" for
// none). The lists given out earlier are not changed: a changed map and
// changed lists are new.
func movedTo(byWindow map[string][]int, i int, from, to string) map[string][]int {
	if from == to {
		return byWindow
	}
	out := make(map[string][]int, len(byWindow)+1)
	for w, at := range byWindow {
		out[w] = at
	}
	if from != "" {
		out[from] = slices.DeleteFunc(slices.Clone(out[from]), func(k int) bool { return k == i })
		if len(out[from]) == 0 {
			delete(out, from)
		}
	}
	if to != "" {
		at := slices.Clone(out[to])
		k, _ := slices.BinarySearch(at, i)
		out[to] = slices.Insert(at, k, i)
	}
	return out
}

// dropListed forgets the list (after an import, which writes many
// dossiers).
func (s *Service) dropListed() {
	x := &s.listed
	x.mu.Lock()
	x.read, x.rows, x.byWindow = false, nil, nil
	x.mu.Unlock()
}

// List returns the dossiers passing f, latest planned first: every
// dossier the ledger holds, each as its events fold to (the index only
// saves the fold while it agrees with the ledger).
func (s *Service) List(f Filter) ([]Summary, error) {
	_, out, err := s.selection(f, 0, -1)
	return out, err
}

// systemNames maps each registered system's code onto its name, and onto
// its name lower-cased.
func (s *Service) systemNames() (names, lower map[string]string, err error) {
	all, err := s.systems.List()
	if err != nil {
		return nil, nil, err
	}
	names = make(map[string]string, len(all))
	lower = make(map[string]string, len(all))
	for _, sys := range all {
		names[sys.Code] = sys.Name
		lower[sys.Code] = strings.ToLower(sys.Name)
	}
	return names, lower, nil
}

// dress fills in a stored summary what the list shows beside it: its
// system's name (from names), its times in its zone.
func dress(sum *Summary, names map[string]string) {
	sum.SystemName = names[sum.SystemCode]
	loc := zoneOf(sum.Zone)
	sum.PlannedAt, sum.UpdatedAt = sum.PlannedAt.In(loc), sum.UpdatedAt.In(loc)
}

// sortLatestFirst orders the list: latest planned first, then by id.
func sortLatestFirst(out []Summary) {
	sort.Slice(out, func(i, j int) bool { return laterFirst(out[i].PlannedAt, out[i].ID, out[j].PlannedAt, out[j].ID) })
}

// laterFirst is the list's order: a dossier planned at a (id a) comes
// before one planned at b (id b) when it is planned later, or at the same
// time with the smaller id.
func laterFirst(a time.Time, idA string, b time.Time, idB string) bool {
	if !a.Equal(b) {
		return a.After(b)
	}
	return idA < idB
}

// hasWords reports whether every word is in hay or in name: what
// Filter.Match asks of the text, each word within one field.
func hasWords(hay, name string, words []string) bool {
	for _, w := range words {
		if !strings.Contains(hay, w) && !strings.Contains(name, w) {
			return false
		}
	}
	return true
}

// Page is one page of the dossier list: what the list screen shows.
type Page struct {
	// Total is how many dossiers pass the filter.
	Total int `json:"total"`
	// Offset is the position of the first row in the whole list.
	Offset int `json:"offset"`
	// Rows are the dossiers from Offset on, at most the limit asked.
	Rows []Summary `json:"rows"`
	// Pending is true for a page of the whole list served from the index
	// before the index was checked against the ledger (the first page of
	// a large folder, while it opens): Ready tells when the check is done,
	// and the page may then differ (a record found stale is folded again).
	Pending bool `json:"pending"`
}

// IDs returns the ids of the page's rows, in order.
func (p Page) IDs() []string {
	ids := make([]string, len(p.Rows))
	for i, r := range p.Rows {
		ids[i] = r.ID
	}
	return ids
}

// MaxPage is the most rows a Page returns.
const MaxPage = 500

// Page returns the rows offset to offset+limit of List(f) (limit at most
// MaxPage; an offset past the end gives no rows) and how many there are.
// Until the whole list was first read, a page of the list without a
// filter is served from the index records as stored, marked Pending, and
// the read starts in the background.
func (s *Service) Page(f Filter, offset, limit int) (Page, error) {
	limit = min(max(limit, 0), MaxPage)
	if f == (Filter{}) && !s.listFresh() {
		p, ok, err := s.pendingPage(offset, limit)
		if err != nil {
			return Page{}, err
		}
		if ok {
			s.warm()
			return p, nil
		}
	}
	offset = max(offset, 0)
	total, rows, err := s.selection(f, offset, limit)
	if err != nil {
		return Page{}, err
	}
	return Page{Total: total, Offset: min(offset, total), Rows: rows}, nil
}

// selection returns how many dossiers pass f and those of them from offset
// on, at most limit (all for a negative limit), latest planned first. The
// rows passing f are ordered by their planned time as the windows in
// force set it (one lookup per window); only those returned are copied
// and dressed.
func (s *Service) selection(f Filter, offset, limit int) (int, []Summary, error) {
	rows, err := s.listRows()
	if err != nil {
		return 0, nil, err
	}
	names, lower, err := s.systemNames()
	if err != nil {
		return 0, nil, err
	}
	words := strings.Fields(strings.ToLower(strings.TrimSpace(f.Text)))
	f.Text = "" // matched below, against the rows' prepared text
	ord, err := s.ordered(rows)
	if err != nil {
		return 0, nil, err
	}
	// The rows in the list's order: count the matches, keep the page's.
	total := 0
	var out []Summary
	for _, i := range ord.idx {
		sum := &rows[i].sum
		if !f.matchAt(sum, true) || !hasWords(rows[i].hay, lower[sum.SystemCode], words) {
			continue
		}
		if total >= offset && (limit < 0 || len(out) < limit) {
			dressed := *sum
			dress(&dressed, names)
			out = append(out, dressed)
		}
		total++
	}
	if out == nil {
		out = []Summary{}
	}
	if err := s.followWindows(out); err != nil {
		return 0, nil, err
	}
	return total, out, nil
}

// listFresh reports whether the whole list is read and still current.
func (s *Service) listFresh() bool {
	gen := s.st.Generation(bucketIndex)
	x := &s.listed
	x.mu.Lock()
	defer x.mu.Unlock()
	return x.read && x.gen == gen
}

// warm starts reading the whole list in the background, unless a read
// runs; Stop waits for it.
func (s *Service) warm() {
	x := &s.listed
	x.mu.Lock()
	busy := x.loading != nil
	x.mu.Unlock()
	if busy || s.life.Err() != nil {
		return
	}
	s.background.Add(1)
	go func() {
		defer s.background.Done()
		if s.life.Err() != nil {
			return
		}
		if _, err := s.listRows(); err == nil && s.Read != nil && s.life.Err() == nil {
			s.Read()
		}
	}()
}

// plannedKey opens the planned time in a stored summary's JSON. Inside a
// string a quote is escaped, so these bytes only occur as the field.
var plannedKey = []byte(`"planned_at":"`)

// pendingPage serves rows offset to offset+limit of the whole list from
// the index records as stored, unchecked, reading of each record only its
// planned time but for the rows shown, without the windows' states
// (WindowState ""): reading the plans in force means verifying them under
// the roster, which the check does. ok is false when a record does not
// lend itself (unreadable): the caller then waits for the whole list.
func (s *Service) pendingPage(offset, limit int) (Page, bool, error) {
	type entry struct {
		id string
		at time.Time
	}
	var all []entry
	unfit := false
	err := s.st.EachContext(s.life, bucketIndex, func(key string, raw []byte) error {
		i := bytes.Index(raw, plannedKey)
		if i < 0 {
			unfit = true
			return nil
		}
		rest := raw[i+len(plannedKey):]
		j := bytes.IndexByte(rest, '"')
		if j < 0 {
			unfit = true
			return nil
		}
		at, err := time.Parse(time.RFC3339Nano, string(rest[:j]))
		if err != nil {
			unfit = true
			return nil
		}
		all = append(all, entry{id: key, at: at})
		return nil
	})
	if err != nil || unfit {
		return Page{}, false, err
	}
	sort.Slice(all, func(i, j int) bool { return laterFirst(all[i].at, all[i].id, all[j].at, all[j].id) })
	offset = min(max(offset, 0), len(all))
	end := min(offset+limit, len(all))
	names, _, err := s.systemNames()
	if err != nil {
		return Page{}, false, err
	}
	rows := make([]Summary, 0, end-offset)
	for _, e := range all[offset:end] {
		var rec indexRecord
		var sum Summary
		if err := s.st.Get(bucketIndex, e.id, &rec); err != nil || json.Unmarshal(rec.Summary, &sum) != nil || sum.ID != e.id {
			return Page{}, false, nil
		}
		dress(&sum, names)
		rows = append(rows, sum)
	}
	return Page{Total: len(all), Offset: offset, Rows: rows, Pending: true}, true, nil
}
