package dossier

import (
	"sort"
	"strings"
	"sync"
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
	// free-text filter searches, lower-cased.
	rows []listedRow
	// byWindow indexes rows by the window they target (positions in id
	// order); nil until asked for after rows last changed.
	byWindow map[string][]int
}

// listedRow is one dossier of the list and the text its filter searches
// (all but the system's name, which can change without the dossier).
type listedRow struct {
	sum Summary
	hay string
}

func rowOf(sum Summary) listedRow {
	parts := append([]string{sum.ID, sum.Title, sum.SystemCode, sum.Version}, sum.ContentRefs...)
	return listedRow{sum: sum, hay: strings.ToLower(strings.Join(parts, "\n"))}
}

// listRows returns every dossier's summary in id order; the caller must
// not change what the returned rows share (their slices).
func (s *Service) listRows() ([]listedRow, error) {
	gen := s.st.Generation(bucketIndex)
	x := &s.listed
	x.mu.Lock()
	if x.read && x.gen == gen {
		rows := x.rows
		x.mu.Unlock()
		return rows, nil
	}
	x.mu.Unlock()
	sums, err := s.summaries()
	if err != nil {
		return nil, err
	}
	rows := make([]listedRow, len(sums))
	for i, sum := range sums {
		rows[i] = rowOf(sum)
	}
	x.mu.Lock()
	x.rows, x.gen, x.read, x.byWindow = rows, gen, true, nil
	x.mu.Unlock()
	return rows, nil
}

// listWindows returns listRows and, for each window, the positions of the
// rows targeting it.
func (s *Service) listWindows() ([]listedRow, map[string][]int, error) {
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
// the generation after it. The caller holds s.mu, as every writer of the
// index does, so no other write came between. Otherwise the list is
// dropped and read again when next asked for.
func (s *Service) updateListed(before, after uint64, sum Summary) {
	x := &s.listed
	x.mu.Lock()
	defer x.mu.Unlock()
	x.byWindow = nil
	if !x.read || x.gen != before {
		x.read, x.rows = false, nil
		return
	}
	rows := make([]listedRow, len(x.rows), len(x.rows)+1)
	copy(rows, x.rows)
	i := sort.Search(len(rows), func(i int) bool { return rows[i].sum.ID >= sum.ID })
	if i < len(rows) && rows[i].sum.ID == sum.ID {
		rows[i] = rowOf(sum)
	} else {
		rows = append(rows, listedRow{})
		copy(rows[i+1:], rows[i:])
		rows[i] = rowOf(sum)
	}
	x.rows, x.gen = rows, after
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
	rows, err := s.listRows()
	if err != nil {
		return nil, err
	}
	all, err := s.systems.List()
	if err != nil {
		return nil, err
	}
	names := make(map[string]string, len(all))
	lower := make(map[string]string, len(all))
	for _, sys := range all {
		names[sys.Code] = sys.Name
		lower[sys.Code] = strings.ToLower(sys.Name)
	}
	words := strings.Fields(strings.ToLower(strings.TrimSpace(f.Text)))
	text := f.Text
	f.Text = "" // matched below, against the rows' prepared text
	out := []Summary{}
	for _, r := range rows {
		sum := r.sum
		sum.SystemName = names[sum.SystemCode]
		loc := zoneOf(sum.Zone)
		sum.PlannedAt, sum.UpdatedAt = sum.PlannedAt.In(loc), sum.UpdatedAt.In(loc)
		if !f.Match(sum) || !hasWords(r.hay, lower[sum.SystemCode], words) {
			continue
		}
		out = append(out, sum)
	}
	f.Text = text
	if err := s.followWindows(out); err != nil {
		return nil, err
	}
	sort.SliceStable(out, func(i, j int) bool {
		if !out[i].PlannedAt.Equal(out[j].PlannedAt) {
			return out[i].PlannedAt.After(out[j].PlannedAt)
		}
		return out[i].ID < out[j].ID
	})
	return out, nil
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
}

// MaxPage is the most rows a Page returns.
const MaxPage = 500

// Page returns the rows offset to offset+limit of List(f) (limit at most
// MaxPage; an offset past the end gives no rows) and how many there are.
func (s *Service) Page(f Filter, offset, limit int) (Page, error) {
	list, err := s.List(f)
	if err != nil {
		return Page{}, err
	}
	limit = min(max(limit, 0), MaxPage)
	offset = min(max(offset, 0), len(list))
	end := min(offset+limit, len(list))
	return Page{Total: len(list), Offset: offset, Rows: append([]Summary{}, list[offset:end]...)}, nil
}
