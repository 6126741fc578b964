package store_test

import (
	"crypto/ed25519"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/dgraph-io/badger/v4"

	"golive/backend/apperr"
	"golive/backend/ledger"
	"golive/backend/store"
)

// filledFolder writes a store of n events (one chain in dossier D1) and as
// many index records, closes it (so its tables are on disk) and returns
// its folder and the events' ids.
func filledFolder(t *testing.T, n int) (string, []string) {
	t.Helper()
	dir := t.TempDir()
	s := open(t, dir)
	s.SetCheckpointKey(testKey)
	var ids, parents []string
	for i := 0; i < n; i++ {
		e := event(t, "D1", parents, i)
		if _, err := s.Commit([]ledger.Event{e}, store.Put{Bucket: "dz", Key: "D1", Value: map[string]any{"system_code": "LOAN", "n": i}}); err != nil {
			t.Fatal(err)
		}
		parents = []string{e.ID}
		ids = append(ids, e.ID)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	return dir, ids
}

// hashes returns the SHA-256 of every file under dir, by relative path.
func hashes(t *testing.T, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	err := filepath.Walk(dir, func(p string, fi os.FileInfo, err error) error {
		if err != nil || fi.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		sum := sha256.Sum256(b)
		rel, _ := filepath.Rel(dir, p)
		out[rel] = hex.EncodeToString(sum[:])
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func sameFiles(t *testing.T, what string, before, after map[string]string) {
	t.Helper()
	var diff []string
	for k, v := range before {
		if after[k] != v {
			diff = append(diff, "changed or deleted "+k)
		}
	}
	for k := range after {
		if _, ok := before[k]; !ok {
			diff = append(diff, "created "+k)
		}
	}
	sort.Strings(diff)
	if len(diff) > 0 {
		t.Fatalf("%s touched the folder: %s", what, strings.Join(diff, "; "))
	}
}

func tableFile(t *testing.T, dir string) string {
	t.Helper()
	m, _ := filepath.Glob(filepath.Join(dir, "*.sst"))
	if len(m) == 0 {
		t.Fatalf("no table file in %s", dir)
	}
	return m[0]
}

// wantDamaged opens dir every way a command or the app does and checks that
// each refuses with store.damaged naming file, and that no file changed.
func wantDamaged(t *testing.T, dir, file, problem string) {
	t.Helper()
	before := hashes(t, dir)
	for name, open := range map[string]func(string) (*store.Store, error){
		"Open": store.Open, "OpenReadOnly": store.OpenReadOnly,
	} {
		s, err := open(dir)
		if err == nil {
			s.Close()
			t.Fatalf("%s opened a damaged folder", name)
		}
		if !apperr.HasCode(err, "store.damaged") {
			t.Fatalf("%s: want store.damaged, got %v", name, err)
		}
		var ae *apperr.Error
		if !errorsAs(err, &ae) || ae.Params["file"] != file || ae.Params["problem"] != problem || ae.Params["dir"] == "" {
			t.Fatalf("%s: want file %s problem %s, got %v", name, file, problem, ae.Params)
		}
	}
	sameFiles(t, "opening a damaged folder", before, hashes(t, dir))
}

func TestDeletedManifestIsReportedAndNothingChanges(t *testing.T) {
	dir, _ := filledFolder(t, 300)
	if err := os.Remove(filepath.Join(dir, "MANIFEST")); err != nil {
		t.Fatal(err)
	}
	wantDamaged(t, dir, "MANIFEST", store.ProblemManifestMissing)
}

func TestTruncatedManifestIsReportedAndNothingChanges(t *testing.T) {
	dir, _ := filledFolder(t, 300)
	p := filepath.Join(dir, "MANIFEST")
	fi, err := os.Stat(p)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.Truncate(p, fi.Size()/2); err != nil {
		t.Fatal(err)
	}
	wantDamaged(t, dir, "MANIFEST", store.ProblemManifestDamaged)
}

func TestFlippedByteInATableIsReported(t *testing.T) {
	dir, _ := filledFolder(t, 600)
	p := tableFile(t, dir)
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	// A byte in the first data block, where the records are.
	b[len(b)/4] ^= 0x20
	if err := os.WriteFile(p, b, 0o600); err != nil {
		t.Fatal(err)
	}
	wantDamaged(t, dir, filepath.Base(p), store.ProblemTableDamaged)
	h, err := store.Inspect(dir, true)
	if err != nil || !h.DamagedBlocksOnly {
		t.Fatalf("a flipped data byte should leave the index readable: %+v %v", h, err)
	}
	// The app may still show what is readable, read-only.
	before := hashes(t, dir)
	s, err := store.OpenDamaged(dir)
	if err != nil {
		t.Fatalf("OpenDamaged: %v", err)
	}
	if _, err := s.Commit(nil, store.Put{Bucket: "dz", Key: "x", Value: 1}); !apperr.HasCode(err, "store.read_only") {
		t.Fatalf("a write to a damaged folder: want store.read_only, got %v", err)
	}
	s.Close()
	sameFiles(t, "opening a damaged folder read-only", before, hashes(t, dir))
}

func TestHalfTruncatedTableIsReportedWithoutPanic(t *testing.T) {
	dir, _ := filledFolder(t, 300)
	p := tableFile(t, dir)
	fi, err := os.Stat(p)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.Truncate(p, fi.Size()/2); err != nil {
		t.Fatal(err)
	}
	wantDamaged(t, dir, filepath.Base(p), store.ProblemTableDamaged)
	if _, err := store.OpenDamaged(dir); !apperr.HasCode(err, "store.damaged") {
		t.Fatalf("a table without its index cannot be opened even read-only: got %v", err)
	}
}

func TestWholeFolderOpensAfterInspection(t *testing.T) {
	dir, ids := filledFolder(t, 300)
	h, err := store.Inspect(dir, true)
	if err != nil || !h.Whole() || !h.Store {
		t.Fatalf("a whole folder: %+v %v", h, err)
	}
	s, err := store.OpenReadOnly(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	evs, err := s.Events("D1")
	if err != nil || len(evs) != len(ids) {
		t.Fatalf("events: %d of %d, %v", len(evs), len(ids), err)
	}
}

// rawSet writes key=value straight into Badger, as a tool editing the
// folder would.
// rawSet writes key through DB(), as a repair would, and says so
// (Invalidate), as DB()'s writers must.
func rawSet(t *testing.T, s *store.Store, key string, value []byte) {
	t.Helper()
	if err := s.DB().Update(func(txn *badger.Txn) error { return txn.Set([]byte(key), value) }); err != nil {
		t.Fatal(err)
	}
	s.Invalidate()
}

func rawDelete(t *testing.T, s *store.Store, key string) {
	t.Helper()
	if err := s.DB().Update(func(txn *badger.Txn) error { return txn.Delete([]byte(key)) }); err != nil {
		t.Fatal(err)
	}
	s.Invalidate()
}

func TestEventUnderAnotherKeyIsCorrupt(t *testing.T) {
	s := open(t, t.TempDir())
	defer s.Close()
	a := event(t, "D1", nil, 1)
	if _, err := s.Commit([]ledger.Event{a}); err != nil {
		t.Fatal(err)
	}
	raw, err := ledger.Marshal(a)
	if err != nil {
		t.Fatal(err)
	}
	// The same bytes under another id of the same dossier.
	rawSet(t, s, "ev/D1/"+strings.Repeat("0", 64), raw)
	if _, err := s.Events("D1"); !apperr.HasCode(err, "store.corrupt") {
		t.Fatalf("an event under a key that is not its id: want store.corrupt, got %v", err)
	}
	// And under another dossier.
	rawSet(t, s, "ev/D2/"+a.ID, raw)
	if _, err := s.Events("D2"); !apperr.HasCode(err, "store.corrupt") {
		t.Fatalf("an event stored under another dossier: want store.corrupt, got %v", err)
	}
}

func TestDeletedNewestEventIsReportedMissing(t *testing.T) {
	s := open(t, t.TempDir())
	defer s.Close()
	s.SetCheckpointKey(testKey)
	var parents, ids []string
	for i := 0; i < 3; i++ {
		e := event(t, "D1", parents, i)
		if _, err := s.Commit([]ledger.Event{e}); err != nil {
			t.Fatal(err)
		}
		parents, ids = []string{e.ID}, append(ids, e.ID)
	}
	if _, err := s.Events("D1"); err != nil {
		t.Fatalf("whole stream: %v", err)
	}
	rawDelete(t, s, "ev/D1/"+ids[2])
	_, err := s.Events("D1")
	if !apperr.HasCode(err, "store.events_missing") {
		t.Fatalf("the newest event deleted: want store.events_missing, got %v", err)
	}
	missing, short, err := s.Missing("D1")
	if err != nil || len(missing) != 1 || missing[0] != ids[2] || short != 1 {
		t.Fatalf("Missing: %v short %d err %v", missing, short, err)
	}
	// check reads the stream as stored.
	if evs, err := s.EventsAsStored("D1"); err != nil || len(evs) != 2 {
		t.Fatalf("EventsAsStored: %d %v", len(evs), err)
	}
}

func TestCheckpointFollowsBranches(t *testing.T) {
	s := open(t, t.TempDir())
	defer s.Close()
	s.SetCheckpointKey(testKey)
	root := event(t, "D1", nil, 0)
	a := event(t, "D1", []string{root.ID}, 1)
	b := event(t, "D1", []string{root.ID}, 2)
	for _, batch := range [][]ledger.Event{{root}, {a, b}} {
		if _, err := s.Commit(batch); err != nil {
			t.Fatal(err)
		}
	}
	cks, err := s.Checkpoints("D1")
	if err != nil || len(cks) != 1 {
		t.Fatalf("checkpoints: %v %v", cks, err)
	}
	want := []string{a.ID, b.ID}
	sort.Strings(want)
	if strings.Join(cks[0].Heads, ",") != strings.Join(want, ",") || cks[0].Count != 3 {
		t.Fatalf("heads %v count %d, want %v and 3", cks[0].Heads, cks[0].Count, want)
	}
	merge := event(t, "D1", []string{a.ID, b.ID}, 3)
	if _, err := s.Commit([]ledger.Event{merge}); err != nil {
		t.Fatal(err)
	}
	cks, _ = s.Checkpoints("D1")
	if len(cks[0].Heads) != 1 || cks[0].Heads[0] != merge.ID || cks[0].Count != 4 {
		t.Fatalf("after the merge: %+v", cks[0])
	}
	// A commit without an unlocked key writes no checkpoint of its own
	// and leaves the others alone.
	s.SetCheckpointKey(nil)
	if _, err := s.Commit([]ledger.Event{event(t, "D2", nil, 9)}); err != nil {
		t.Fatal(err)
	}
	if cks, _ := s.Checkpoints("D2"); len(cks) != 0 {
		t.Fatalf("no key, no checkpoint: %v", cks)
	}
}

// TestCheckpointsOfACommitOverManyStreamsAndBranches: one commit over
// several dossiers advances each one's checkpoint by its own events, and
// a stream with many branches (past the few heads an append looks up in
// place) keeps the right heads.
func TestCheckpointsOfACommitOverManyStreamsAndBranches(t *testing.T) {
	s := open(t, t.TempDir())
	defer s.Close()
	s.SetCheckpointKey(testKey)
	r1, r2 := event(t, "D1", nil, 0), event(t, "D2", nil, 1)
	batch := []ledger.Event{r1}
	var branches []string
	for i := 0; i < 20; i++ {
		e := event(t, "D1", []string{r1.ID}, 10+i)
		branches = append(branches, e.ID)
		batch = append(batch, e)
		if i == 7 {
			batch = append(batch, r2)
		}
	}
	c2 := event(t, "D2", []string{r2.ID}, 2)
	batch = append(batch, c2)
	if _, err := s.Commit(batch); err != nil {
		t.Fatal(err)
	}
	check := func(stream string, heads []string, count int) {
		t.Helper()
		cks, err := s.Checkpoints(stream)
		if err != nil || len(cks) != 1 {
			t.Fatalf("%s: checkpoints %v %v", stream, cks, err)
		}
		want := slices.Sorted(slices.Values(heads))
		if !slices.Equal(cks[0].Heads, want) || cks[0].Count != count {
			t.Fatalf("%s: heads %v count %d, want %v and %d", stream, cks[0].Heads, cks[0].Count, want, count)
		}
	}
	check("D1", branches, 21)
	check("D2", []string{c2.ID}, 2)
	merge := event(t, "D1", branches[3:], 99)
	if _, err := s.Commit([]ledger.Event{merge}); err != nil {
		t.Fatal(err)
	}
	check("D1", append([]string{merge.ID}, branches[:3]...), 22)
	check("D2", []string{c2.ID}, 2)
}

// TestConcurrentCommitsToAStreamAreAllCounted: commits to one dossier
// from several goroutines at once all succeed and its checkpoint counts
// every event, with each branch's newest event as a head (the commits
// advance it one after the other, none from a record another just
// replaced).
func TestConcurrentCommitsToAStreamAreAllCounted(t *testing.T) {
	s, root := startStream(t, "D1")
	const branches, each = 6, 15
	chains := make([][]ledger.Event, branches)
	tips := make([]string, branches)
	for b := range chains {
		parent := root.ID
		for i := 0; i < each; i++ {
			e := event(t, "D1", []string{parent}, 1000*(b+1)+i)
			chains[b] = append(chains[b], e)
			parent = e.ID
		}
		tips[b] = parent
	}
	var wg sync.WaitGroup
	errs := make(chan error, branches*each)
	for b, chain := range chains {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i, e := range chain {
				if _, err := s.Commit([]ledger.Event{e}, store.Put{Bucket: "dz", Key: "D1", Value: map[string]int{"b": b, "i": i}}); err != nil {
					errs <- err
					return
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Fatalf("a concurrent commit failed: %v", err)
	}
	cks, err := s.Checkpoints("D1")
	if err != nil || len(cks) != 1 {
		t.Fatalf("checkpoints: %v %v", cks, err)
	}
	want := slices.Sorted(slices.Values(tips))
	if cks[0].Count != 1+branches*each || !slices.Equal(cks[0].Heads, want) {
		t.Fatalf("count %d heads %v, want %d and %v", cks[0].Count, cks[0].Heads, 1+branches*each, want)
	}
	nothingMissing(t, s, "D1")
}

// TestACheckpointPutThroughCommitIsReadAsStored: a checkpoint record
// written as a record of its bucket (a repair through the store) is what
// the next commit advances, not the one the store remembered.
func TestACheckpointPutThroughCommitIsReadAsStored(t *testing.T) {
	s, first := startStream(t, "D1")
	pub := hex.EncodeToString(testKey().Public().(ed25519.PublicKey))
	ck := store.Checkpoint{V: 1, Stream: "D1", Key: pub, Heads: []string{first.ID}, Count: 5}
	ck.Sig = hex.EncodeToString(ed25519.Sign(testKey(), ck.Payload()))
	if err := s.Put("ck", "D1/"+pub, ck); err != nil {
		t.Fatal(err)
	}
	next := event(t, "D1", []string{first.ID}, 1)
	if _, err := s.Commit([]ledger.Event{next}); err != nil {
		t.Fatal(err)
	}
	cks, err := s.Checkpoints("D1")
	if err != nil || len(cks) != 1 || cks[0].Count != 6 || !slices.Equal(cks[0].Heads, []string{next.ID}) {
		t.Fatalf("after the commit: %+v %v, want count 6 and [%s]", cks, err, next.ID)
	}
}

func TestTamperedCheckpointIsCorrupt(t *testing.T) {
	s := open(t, t.TempDir())
	defer s.Close()
	s.SetCheckpointKey(testKey)
	e := event(t, "D1", nil, 0)
	if _, err := s.Commit([]ledger.Event{e}); err != nil {
		t.Fatal(err)
	}
	cks, _ := s.Checkpoints("D1")
	// Lower the count a checkpoint recorded, without its key.
	key := "ck/D1/" + cks[0].Key
	var raw []byte
	_ = s.DB().View(func(txn *badger.Txn) error {
		item, err := txn.Get([]byte(key))
		if err == nil {
			raw, err = item.ValueCopy(nil)
		}
		return err
	})
	rawSet(t, s, key, []byte(strings.Replace(string(raw), `"count":1`, `"count":0`, 1)))
	if _, err := s.Events("D1"); !apperr.HasCode(err, "store.corrupt") {
		t.Fatalf("a checkpoint that does not verify: want store.corrupt, got %v", err)
	}
}

func errorsAs(err error, target **apperr.Error) bool { return errors.As(err, target) }

// TestSignedCheckpointsOfEarlierVersionsAreStillChecked: a folder written
// by a version that signed its checkpoints (v1) is read as it was: a sound
// signed record counts, one with its count lowered is store.corrupt, and
// the next commit carries the record forward sealed with its sum (v2).
func TestSignedCheckpointsOfEarlierVersionsAreStillChecked(t *testing.T) {
	s := open(t, t.TempDir())
	defer s.Close()
	first := event(t, "D1", nil, 0)
	if _, err := s.Commit([]ledger.Event{first}); err != nil {
		t.Fatal(err)
	}
	pub, signed, raw := signedCheckpoint(t, s, "D1", []string{first.ID}, 1)
	if cks, err := s.Checkpoints("D1"); err != nil || len(cks) != 1 || cks[0].V != 1 {
		t.Fatalf("a sound signed checkpoint: %+v %v", cks, err)
	}
	rawSet(t, s, "ck/D1/"+pub, []byte(strings.Replace(string(raw), `"count":1`, `"count":0`, 1)))
	if _, err := s.Events("D1"); !apperr.HasCode(err, "store.corrupt") {
		t.Fatalf("a signed checkpoint with its count lowered: want store.corrupt, got %v", err)
	}
	// A sum where a signature belongs (or both) is no sound record either.
	both := signed
	both.Sum = strings.Repeat("0", 64)
	raw2, _ := json.Marshal(both)
	rawSet(t, s, "ck/D1/"+pub, raw2)
	if _, err := s.Checkpoints("D1"); !apperr.HasCode(err, "store.corrupt") {
		t.Fatalf("a signed checkpoint with a sum beside: want store.corrupt, got %v", err)
	}
	rawSet(t, s, "ck/D1/"+pub, raw)
	s.SetCheckpointKey(testKey)
	next := event(t, "D1", []string{first.ID}, 1)
	if _, err := s.Commit([]ledger.Event{next}); err != nil {
		t.Fatal(err)
	}
	cks, err := s.Checkpoints("D1")
	if err != nil || len(cks) != 1 || cks[0].V != 2 || cks[0].Sig != "" || len(cks[0].Sum) != 64 || cks[0].Count != 2 {
		t.Fatalf("after the next commit: %+v %v", cks, err)
	}
}

// TestNextCommitAdvancesTheCheckpointAsStored replaces the checkpoint a
// commit wrote with another valid one (as a restore from another copy of
// the folder would) and checks that the next commit advances the stored
// record, not the one this process remembers writing.
func TestNextCommitAdvancesTheCheckpointAsStored(t *testing.T) {
	s := open(t, t.TempDir())
	defer s.Close()
	s.SetCheckpointKey(testKey)
	first := event(t, "D1", nil, 0)
	if _, err := s.Commit([]ledger.Event{first}); err != nil {
		t.Fatal(err)
	}
	signedCheckpoint(t, s, "D1", []string{first.ID}, 5)
	next := event(t, "D1", []string{first.ID}, 1)
	if _, err := s.Commit([]ledger.Event{next}); err != nil {
		t.Fatal(err)
	}
	cks, err := s.Checkpoints("D1")
	if err != nil || len(cks) != 1 {
		t.Fatalf("checkpoints: %v %v", cks, err)
	}
	if cks[0].Count != 6 || len(cks[0].Heads) != 1 || cks[0].Heads[0] != next.ID {
		t.Fatalf("after the commit: count %d heads %v, want 6 and [%s]", cks[0].Count, cks[0].Heads, next.ID)
	}
}

// signedCheckpoint stores, as an earlier version wrote them, the checkpoint
// of stream by testKey signed with it (v1), and returns the key's hex,
// the record and its bytes.
func signedCheckpoint(t *testing.T, s *store.Store, stream string, heads []string, count int) (string, store.Checkpoint, []byte) {
	t.Helper()
	pub := hex.EncodeToString(testKey().Public().(ed25519.PublicKey))
	ck := store.Checkpoint{V: 1, Stream: stream, Key: pub, Heads: heads, Count: count}
	ck.Sig = hex.EncodeToString(ed25519.Sign(testKey(), ck.Payload()))
	raw, err := json.Marshal(ck)
	if err != nil {
		t.Fatal(err)
	}
	rawSet(t, s, "ck/"+stream+"/"+pub, raw)
	return pub, ck, raw
}

// TestAnEventCommittedAgainIsCountedOnce: a commit need not look up an
// event made in this process that no commit to the store carried yet
// (store.unseen); the same event committed again, and the same event made
// again (same content, time and key: the same id), are looked up, stored
// once and counted once in the checkpoint, which Missing then finds
// whole.
func TestAnEventCommittedAgainIsCountedOnce(t *testing.T) {
	s := open(t, t.TempDir())
	defer s.Close()
	s.SetCheckpointKey(testKey)
	first := event(t, "D1", nil, 0)
	again := event(t, "D1", nil, 0) // made again: the same id
	if again.ID != first.ID {
		t.Fatal("the same content made twice should have the same id")
	}
	second := event(t, "D1", []string{first.ID}, 1)
	for i, c := range []struct {
		batch []ledger.Event
		added int
	}{{[]ledger.Event{first}, 1}, {[]ledger.Event{first}, 0}, {[]ledger.Event{again}, 0}, {[]ledger.Event{second, second, again}, 1}} {
		added, err := s.Commit(c.batch)
		if err != nil || added != c.added {
			t.Fatalf("commit %d: added %d (%v), want %d", i, added, err, c.added)
		}
	}
	cks, err := s.Checkpoints("D1")
	if err != nil || len(cks) != 1 || cks[0].Count != 2 || len(cks[0].Heads) != 1 || cks[0].Heads[0] != second.ID {
		t.Fatalf("checkpoint: %+v %v, want count 2 and head %s", cks, err, second.ID)
	}
	nothingMissing(t, s, "D1")
}

// startStream opens a store in a temporary folder (closed when t ends)
// with testKey unlocked, and commits the first event of stream.
func startStream(t *testing.T, stream string) (*store.Store, ledger.Event) {
	t.Helper()
	s := open(t, t.TempDir())
	t.Cleanup(func() { s.Close() })
	s.SetCheckpointKey(testKey)
	first := event(t, stream, nil, 0)
	if _, err := s.Commit([]ledger.Event{first}); err != nil {
		t.Fatal(err)
	}
	return s, first
}

// nothingMissing fails t unless Missing finds every event of stream that
// its checkpoints name.
func nothingMissing(t *testing.T, s *store.Store, stream string) {
	t.Helper()
	if ids, short, err := s.Missing(stream); err != nil || len(ids) != 0 || short != 0 {
		t.Fatalf("missing in %s: %v, %d short, %v; want none", stream, ids, short, err)
	}
}

// TestManyEventsAreCheckedInKeyOrder: a stream long enough for its
// events to be checked on several cores reads back whole and in key
// order, and with two bad records the error names the first in key order,
// every time, as a stream checked one event after the other would.
func TestManyEventsAreCheckedInKeyOrder(t *testing.T) {
	s := open(t, t.TempDir())
	defer s.Close()
	s.SetCheckpointKey(testKey)
	var parents []string
	var batch []ledger.Event
	for i := range 40 {
		e := event(t, "D1", parents, i)
		parents = []string{e.ID}
		batch = append(batch, e)
	}
	if _, err := s.Commit(batch); err != nil {
		t.Fatal(err)
	}
	evs, err := s.Events("D1")
	if err != nil || len(evs) != 40 {
		t.Fatalf("events: %d, %v", len(evs), err)
	}
	for i := 1; i < len(evs); i++ {
		if evs[i-1].ID >= evs[i].ID {
			t.Fatalf("event %d (%s) is not after %s: not in key order", i, evs[i].ID, evs[i-1].ID)
		}
	}
	// A signature byte flipped in the event last in key order, then the
	// bytes of another event under the first key of all.
	last := evs[len(evs)-1]
	raw, err := ledger.Marshal(last)
	if err != nil {
		t.Fatal(err)
	}
	i := strings.Index(string(raw), `"sig":"`) + len(`"sig":"`) + 3
	flipped := append([]byte{}, raw...)
	flipped[i] ^= 0x01
	rawSet(t, s, "ev/D1/"+last.ID, flipped)
	if _, err := s.Events("D1"); !apperr.HasCode(err, "store.corrupt") || !strings.Contains(err.Error(), last.ID) {
		t.Fatalf("a flipped signature byte: want store.corrupt naming %s, got %v", last.ID, err)
	}
	first := "ev/D1/" + strings.Repeat("0", 64)
	rawSet(t, s, first, raw)
	for range 20 {
		if _, err := s.Events("D1"); !apperr.HasCode(err, "store.corrupt") || !strings.Contains(err.Error(), first) {
			t.Fatalf("two bad events: want store.corrupt naming the first key %s, got %v", first, err)
		}
	}
}
