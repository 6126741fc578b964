package store_test

import (
	"crypto/rand"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/dgraph-io/badger/v4/table"

	"golive/backend/apperr"
	"golive/backend/ledger"
	"golive/backend/store"
)

// holdPass makes the background pass of the next OpenDeferred wait, once
// started, until the returned release is called (at the latest when the
// test ends); started is closed when the pass reaches the hook.
func holdPass(t *testing.T) (started <-chan struct{}, release func()) {
	t.Helper()
	s, r := make(chan struct{}), make(chan struct{})
	var once sync.Once
	release = func() { once.Do(func() { close(r) }) }
	store.SetPassStarted(func() {
		close(s)
		<-r
	})
	t.Cleanup(func() {
		release()
		store.SetPassStarted(nil)
	})
	return s, release
}

// waitVerified waits for the background pass of s to end.
func waitVerified(t *testing.T, s *store.Store) {
	t.Helper()
	select {
	case <-s.Verified():
	case <-time.After(30 * time.Second):
		t.Fatal("the background verification never ended")
	}
}

// flipDataByte flips a byte in the first data block of the table file p.
func flipDataByte(t *testing.T, p string) {
	t.Helper()
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	b[len(b)/4] ^= 0x20
	if err := os.WriteFile(p, b, 0o600); err != nil {
		t.Fatal(err)
	}
}

// TestDeferredOpenFindsADamagedBlockAfterOpening: the app's open of a
// folder with a damaged data block does not wait for the blocks (the
// store is open and writable while the pass has not started); the pass
// then reports the block as store.damaged and every write is refused
// with store.read_only, changing nothing. Open, which commands use, still
// refuses the folder up front.
func TestDeferredOpenFindsADamagedBlockAfterOpening(t *testing.T) {
	dir, ids := filledFolder(t, 600)
	p := tableFile(t, dir)
	flipDataByte(t, p)
	_, release := holdPass(t)
	s, err := store.OpenDeferred(dir, 0)
	if err != nil {
		t.Fatalf("OpenDeferred of a folder whose only damage is a data block: %v", err)
	}
	select {
	case <-s.Verified():
		t.Fatal("the open waited for the blocks")
	default:
	}
	if s.ReadOnly() || s.Damage() != nil {
		t.Fatalf("damage reported before any block was read: %v %v", s.ReadOnly(), s.Damage())
	}
	release()
	waitVerified(t, s)
	d := s.Damage()
	if len(d) != 1 || d[0].File != filepath.Base(p) || d[0].Problem != store.ProblemTableDamaged || d[0].Detail == "" {
		t.Fatalf("damage found by the pass: %+v", d)
	}
	if !s.ReadOnly() {
		t.Fatal("a damaged folder stays writable")
	}
	e := event(t, "D2", nil, 0)
	if _, err := s.Commit([]ledger.Event{e}, store.Put{Bucket: "dz", Key: "D2", Value: map[string]int{"n": 1}}); !apperr.HasCode(err, "store.read_only") {
		t.Fatalf("a commit to a damaged folder: want store.read_only, got %v", err)
	}
	if err := s.Put("dz", "x", 1); !apperr.HasCode(err, "store.read_only") {
		t.Fatalf("a put to a damaged folder: want store.read_only, got %v", err)
	}
	mem, err := store.OpenMemory()
	if err != nil {
		t.Fatal(err)
	}
	defer mem.Close()
	if _, err := mem.CopyTo(s); !apperr.HasCode(err, "store.read_only") {
		t.Fatalf("a copy into a damaged folder: want store.read_only, got %v", err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	if _, err := store.Open(dir); !apperr.HasCode(err, "store.damaged") {
		t.Fatalf("Open (commands) must still refuse the folder up front: %v", err)
	}
	r, err := store.OpenDamaged(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	got, err := r.EventIDs()
	if err != nil {
		t.Fatal(err)
	}
	if len(got["D2"]) != 0 || len(got["D1"]) != len(ids) {
		t.Fatalf("the refused writes changed the ledger: %d events of D2, %d of D1 (want 0, %d)", len(got["D2"]), len(got["D1"]), len(ids))
	}
	var v any
	if err := r.Get("dz", "x", &v); !apperr.HasCode(err, "store.not_found") {
		t.Fatalf("a refused put was stored: %v %v", v, err)
	}
}

// bulkWrite overwrites 128 records of 64 KiB (random bytes, which do not
// compress) in batches of 8: 8 MiB, a memtable's worth, so every call makes
// Badger flush a table and, the keys being the same each time, compact
// the tables before it.
func bulkWrite(t *testing.T, s *store.Store, round int) {
	t.Helper()
	for batch := 0; batch < 16; batch++ {
		var puts []store.Put
		for i := 0; i < 8; i++ {
			v := make([]byte, 64<<10)
			if _, err := rand.Read(v); err != nil {
				t.Fatal(err)
			}
			puts = append(puts, store.Put{Bucket: "bulk", Key: fmt.Sprintf("k%03d", batch*8+i), Value: map[string]any{"round": round, "v": v}})
		}
		if _, err := s.Commit(nil, puts...); err != nil {
			t.Fatal(err)
		}
	}
}

// TestDeferredPassIgnoresTablesCompactedAway: while the pass runs, the
// app writes and Badger flushes and compacts, deleting tables the pass
// was to read: a table that went that way is not damage, and a folder
// being written by the app is never reported damaged.
func TestDeferredPassIgnoresTablesCompactedAway(t *testing.T) {
	dir := t.TempDir()
	s := open(t, dir)
	for round := 0; round < 3; round++ {
		bulkWrite(t, s, round)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	listed, _ := filepath.Glob(filepath.Join(dir, "*.sst"))
	if len(listed) == 0 {
		t.Fatal("no table written")
	}
	gone := func() int {
		n := 0
		for _, p := range listed {
			if _, err := os.Stat(p); os.IsNotExist(err) {
				n++
			}
		}
		return n
	}
	started, release := holdPass(t)
	s, err := store.OpenDeferred(dir, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	<-started
	deadline := time.Now().Add(60 * time.Second)
	for round := 3; gone() == 0; round++ {
		if time.Now().After(deadline) {
			t.Fatal("no table was compacted away")
		}
		bulkWrite(t, s, round)
	}
	// The pass goes on while the writes (and compactions) do.
	release()
	for round := 100; ; round++ {
		select {
		case <-s.Verified():
		default:
			bulkWrite(t, s, round)
			continue
		}
		break
	}
	if d := s.Damage(); d != nil || s.ReadOnly() {
		t.Fatalf("a folder written during the pass was reported damaged: %+v", d)
	}
	t.Logf("%d of %d tables listed at the open were compacted away", gone(), len(listed))
	if err := s.Put("bulk", "after", 1); err != nil {
		t.Fatalf("a write after a whole pass: %v", err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	// Every block of what was written is whole (the full check commands make).
	s = open(t, dir)
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
}

// TestVerifyTableFileLeavesDeletedTablesAlone: Badger deletes a table by
// cutting it to nothing, then removing it; the pass reads it as gone,
// not damaged. A damaged block is reported.
func TestVerifyTableFileLeavesDeletedTablesAlone(t *testing.T) {
	dir, _ := filledFolder(t, 600)
	p := tableFile(t, dir)
	id, _ := table.ParseFileID(filepath.Base(p))
	if err := store.VerifyTableFile(p, id); err != nil {
		t.Fatalf("a whole table: %v", err)
	}
	flipDataByte(t, p)
	if err := store.VerifyTableFile(p, id); err == nil {
		t.Fatal("a damaged block was not found")
	}
	if err := os.Truncate(p, 0); err != nil {
		t.Fatal(err)
	}
	if err := store.VerifyTableFile(p, id); err != nil {
		t.Fatalf("a table cut to nothing (being deleted): %v", err)
	}
	if err := os.Remove(p); err != nil {
		t.Fatal(err)
	}
	if err := store.VerifyTableFile(p, id); err != nil {
		t.Fatalf("a table deleted: %v", err)
	}
}

// TestCloseStopsTheDeferredPass: closing the store while the pass runs
// stops it before its next table and returns cleanly; a store closed
// right after the open does too.
func TestCloseStopsTheDeferredPass(t *testing.T) {
	dir, _ := filledFolder(t, 600)
	flipDataByte(t, tableFile(t, dir))
	started, release := holdPass(t)
	s, err := store.OpenDeferred(dir, 0)
	if err != nil {
		t.Fatal(err)
	}
	<-started
	closed := make(chan error, 1)
	go func() { closed <- s.Close() }()
	// Close asks the pass to stop, then waits for it: let the pass go on
	// once Close has asked.
	time.Sleep(200 * time.Millisecond)
	select {
	case err := <-closed:
		t.Fatalf("Close returned while the pass still ran: %v", err)
	default:
	}
	release()
	select {
	case err := <-closed:
		if err != nil {
			t.Fatalf("Close: %v", err)
		}
	case <-time.After(30 * time.Second):
		t.Fatal("Close never returned")
	}
	waitVerified(t, s)
	if d := s.Damage(); d != nil {
		t.Fatalf("the pass read on after Close: %+v", d)
	}
	store.SetPassStarted(nil)
	for _, wait := range []time.Duration{0, time.Hour} {
		s, err := store.OpenDeferred(dir, wait)
		if err != nil {
			t.Fatal(err)
		}
		t0 := time.Now()
		if err := s.Close(); err != nil {
			t.Fatalf("Close right after the open: %v", err)
		}
		if time.Since(t0) > 10*time.Second {
			t.Fatalf("Close waited %v for the pass (wait %v)", time.Since(t0), wait)
		}
	}
}

// TestDeferredPassWaitsBeforeTheDeeperLevels: the pass verifies level 0
// and the first level below it at once, then waits before the deeper
// levels until its wait ends or VerifyNow asks; Close ends the wait too.
func TestDeferredPassWaitsBeforeTheDeeperLevels(t *testing.T) {
	dir := t.TempDir()
	s := open(t, dir)
	for round := 0; round < 3; round++ {
		bulkWrite(t, s, round)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	files, _ := filepath.Glob(filepath.Join(dir, "*.sst"))
	if len(files) < 3 {
		t.Fatalf("want 3 tables or more, got %d", len(files))
	}
	// The first table at level 0, the second at level 5, the others at
	// level 6, damaged: found only after the wait.
	levels := map[uint64]uint8{}
	for i, p := range files {
		id, _ := table.ParseFileID(filepath.Base(p))
		levels[id] = []uint8{0, 5}[min(i, 1)]
		if i >= 2 {
			levels[id] = 6
			flipDataByte(t, p)
		}
	}
	waiting := make(chan struct{})
	store.SetPassWaiting(func() { close(waiting) })
	t.Cleanup(func() { store.SetPassWaiting(nil) })
	p, halt := store.PassOver(dir, levels, time.Hour)
	defer halt()
	select {
	case <-waiting:
	case <-time.After(30 * time.Second):
		t.Fatal("the pass never came to its wait")
	}
	if d := p.Damage(); d != nil || p.ReadOnly() {
		t.Fatalf("damage in the first levels, which are whole: %+v", d)
	}
	select {
	case <-p.Verified():
		t.Fatal("the pass did not wait before the deeper levels")
	case <-time.After(100 * time.Millisecond):
	}
	p.VerifyNow()
	waitVerified(t, p)
	if d := p.Damage(); len(d) != len(files)-2 || !p.ReadOnly() {
		t.Fatalf("damage in the deeper levels after VerifyNow: %+v", d)
	}

	// Close during the wait: the pass ends without reading on.
	store.SetPassWaiting(nil)
	waiting = make(chan struct{})
	store.SetPassWaiting(func() { close(waiting) })
	p, halt = store.PassOver(dir, levels, time.Hour)
	<-waiting
	t0 := time.Now()
	halt()
	if time.Since(t0) > 10*time.Second || p.Damage() != nil {
		t.Fatalf("closing during the wait: %v, damage %+v", time.Since(t0), p.Damage())
	}
}
