package store_test

import (
	"bufio"
	"crypto/ed25519"
	"fmt"
	"os"
	"os/exec"
	"sort"
	"syscall"
	"testing"
	"time"

	"golive/backend/apperr"
	"golive/backend/ledger"
	"golive/backend/store"
)

var zone = time.FixedZone("Asia/Shanghai", 8*3600)

func testKey() ed25519.PrivateKey { return ed25519.NewKeyFromSeed(make([]byte, 32)) }

func open(t testing.TB, dir string) *store.Store {
	t.Helper()
	s, err := store.Open(dir)
	if err != nil {
		t.Fatalf("open %s: %v", dir, err)
	}
	return s
}

func event(t testing.TB, dossier string, parents []string, n int) ledger.Event {
	t.Helper()
	e, err := ledger.New(dossier, parents, "note.added", map[string]any{"n": n}, time.Date(2026, 11, 26, 20, 0, n, 0, zone), testKey())
	if err != nil {
		t.Fatal(err)
	}
	return e
}

func TestReopenKeepsEvents(t *testing.T) {
	dir := t.TempDir()
	s := open(t, dir)
	var want []string
	var parents []string
	for i := 0; i < 50; i++ {
		e := event(t, "D1", parents, i)
		if _, err := s.Commit([]ledger.Event{e}, store.Put{Bucket: "dz", Key: "D1", Value: map[string]int{"n": i}}); err != nil {
			t.Fatal(err)
		}
		parents = []string{e.ID}
		want = append(want, e.ID)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	s = open(t, dir)
	defer s.Close()
	got, err := s.Events("D1")
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != len(want) {
		t.Fatalf("after reopen %d events, want %d", len(got), len(want))
	}
	var idx map[string]int
	if err := s.Get("dz", "D1", &idx); err != nil || idx["n"] != 49 {
		t.Fatalf("index after reopen = %v, %v", idx, err)
	}
}

func TestCommit(t *testing.T) {
	s := open(t, t.TempDir())
	defer s.Close()
	e := event(t, "D1", nil, 1)
	t.Run("DuplicateIsNoOp", func(t *testing.T) {
		n1, err := s.Commit([]ledger.Event{e})
		if err != nil || n1 != 1 {
			t.Fatalf("first commit = %d, %v", n1, err)
		}
		n2, err := s.Commit([]ledger.Event{e})
		if err != nil || n2 != 0 {
			t.Fatalf("second commit = %d, %v; want 0 new", n2, err)
		}
	})
	t.Run("TamperedEventRefusedAndNothingWritten", func(t *testing.T) {
		bad := event(t, "D2", nil, 2)
		bad.Body = []byte(`{"n":3}`)
		good := event(t, "D2", nil, 4)
		if _, err := s.Commit([]ledger.Event{good, bad}, store.Put{Bucket: "dz", Key: "D2", Value: 1}); apperr.Code(err) != "ledger.bad_id" {
			t.Fatalf("code = %q, want ledger.bad_id", apperr.Code(err))
		}
		evs, _ := s.Events("D2")
		var v int
		if len(evs) != 0 || !apperr.HasCode(s.Get("dz", "D2", &v), "store.not_found") {
			t.Fatal("a refused commit wrote something")
		}
	})
	t.Run("NotFound", func(t *testing.T) {
		var v int
		if err := s.Get("sys", "nope", &v); apperr.Code(err) != "store.not_found" {
			t.Fatalf("code = %q", apperr.Code(err))
		}
	})
	t.Run("DossierIDs", func(t *testing.T) {
		ids, err := s.DossierIDs()
		if err != nil || len(ids) != 1 || ids[0] != "D1" {
			t.Fatalf("ids = %v, %v", ids, err)
		}
	})
	t.Run("EventIDsPerStream", func(t *testing.T) {
		plan := event(t, "plan-2027", nil, 1)
		if _, err := s.Commit([]ledger.Event{plan, event(t, "D1", []string{e.ID}, 5), event(t, "D1", []string{e.ID}, 6)}); err != nil {
			t.Fatal(err)
		}
		d1, err := s.Events("D1")
		if err != nil {
			t.Fatal(err)
		}
		streams, err := s.EventIDs()
		if err != nil {
			t.Fatal(err)
		}
		if len(streams) != 2 || len(streams["plan-2027"]) != 1 || streams["plan-2027"][0] != plan.ID {
			t.Fatalf("streams = %v", streams)
		}
		got := streams["D1"]
		if len(got) != 3 || len(got) != len(d1) || !sort.StringsAreSorted(got) {
			t.Fatalf("D1 has %d event ids (sorted: %v), the ledger %d events", len(got), sort.StringsAreSorted(got), len(d1))
		}
		for i, e := range d1 {
			if got[i] != e.ID {
				t.Fatalf("id %d is %s, the stored event %s", i, got[i], e.ID)
			}
		}
	})
}

func TestSecondOpenRefused(t *testing.T) {
	dir := t.TempDir()
	s := open(t, dir)
	defer s.Close()
	_, err := store.Open(dir)
	if apperr.Code(err) != "store.already_open" {
		t.Fatalf("second open: code %q (%v), want store.already_open", apperr.Code(err), err)
	}
}

// TestCrashKeepsAcknowledgedEvents starts a writer process that prints the
// id of every event after Commit returns, kills it with SIGKILL mid-stream,
// and checks that every printed id is in the store after reopening.
func TestCrashKeepsAcknowledgedEvents(t *testing.T) {
	if dir := os.Getenv("GOLIVE_CRASH_WRITER"); dir != "" {
		crashWriter(dir)
		return
	}
	if testing.Short() {
		t.Skip("crash test starts a process")
	}
	dir := t.TempDir()
	cmd := exec.Command(os.Args[0], "-test.run=^TestCrashKeepsAcknowledgedEvents$")
	cmd.Env = append(os.Environ(), "GOLIVE_CRASH_WRITER="+dir)
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	acked := map[string]bool{}
	sc := bufio.NewScanner(out)
	for sc.Scan() {
		var id string
		if _, err := fmt.Sscanf(sc.Text(), "ACK %s", &id); err == nil {
			acked[id] = true
		}
		if len(acked) == 300 {
			if err := cmd.Process.Signal(syscall.SIGKILL); err != nil {
				t.Fatal(err)
			}
			break
		}
	}
	_ = cmd.Wait()
	if len(acked) < 300 {
		t.Fatalf("writer acknowledged only %d events before it stopped", len(acked))
	}
	s := open(t, dir)
	defer s.Close()
	evs, err := s.Events("CRASH")
	if err != nil {
		t.Fatal(err)
	}
	found := map[string]bool{}
	for _, e := range evs {
		found[e.ID] = true
	}
	for id := range acked {
		if !found[id] {
			t.Fatalf("acknowledged event %s lost after SIGKILL (%d acked, %d found)", id, len(acked), len(evs))
		}
	}
	t.Logf("%d acknowledged, %d found after the kill", len(acked), len(evs))
}

func crashWriter(dir string) {
	s, err := store.Open(dir)
	if err != nil {
		fmt.Println("ERR", err)
		os.Exit(2)
	}
	var parents []string
	for i := 0; ; i++ {
		e, err := ledger.New("CRASH", parents, "note.added", map[string]any{"n": i, "pad": "上线发布档案事件"}, time.Date(2026, 11, 26, 20, 0, 0, i, zone), testKey())
		if err != nil {
			fmt.Println("ERR", err)
			os.Exit(2)
		}
		if _, err := s.Commit([]ledger.Event{e}); err != nil {
			fmt.Println("ERR", err)
			os.Exit(2)
		}
		parents = []string{e.ID}
		fmt.Printf("ACK %s\n", e.ID)
	}
}

// TestGeneration: a bucket's generation changes when a record of it is
// written or deleted (alone or in a commit with events), and after
// Invalidate; writing another bucket or only events leaves it.
func TestGeneration(t *testing.T) {
	s := open(t, t.TempDir())
	g0 := s.Generation("sys")
	if err := s.Put("other", "k", 1); err != nil {
		t.Fatal(err)
	}
	if g := s.Generation("sys"); g != g0 {
		t.Fatalf("another bucket's write moved sys: %d -> %d", g0, g)
	}
	if err := s.Put("sys", "A", 1); err != nil {
		t.Fatal(err)
	}
	g1 := s.Generation("sys")
	if g1 == g0 {
		t.Fatal("a write to sys left its generation")
	}
	if err := s.Put("sys", "A", nil); err != nil {
		t.Fatal(err)
	}
	g2 := s.Generation("sys")
	if g2 == g1 {
		t.Fatal("a delete in sys left its generation")
	}
	s.Invalidate()
	if g := s.Generation("sys"); g == g2 {
		t.Fatal("Invalidate left the generation")
	}
}
