package ledger_test

import (
	"math/rand/v2"
	"testing"
	"time"

	"golive/backend/ledger"
)

var benchBody = map[string]any{"title": "发布 R1", "owner": "ops", "n": 3, "tags": []string{"prod", "db"}}

func BenchmarkNew(b *testing.B) {
	key := seedKey(0)
	at := goldenTime(b)
	parents := []string{goldenID}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := ledger.New("d-1", parents, "release.planned", benchBody, at, key); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkVerify(b *testing.B) {
	e := mustNew(b, []string{goldenID}, "release.planned", benchBody, goldenTime(b), seedKey(0))
	b.ReportAllocs()
	for b.Loop() {
		if err := e.Verify(); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkOrder1000 orders a shuffled 1000-event log with several
// interleaved branches and occasional merges.
func BenchmarkOrder1000(b *testing.B) {
	key := seedKey(0)
	r := rand.New(rand.NewPCG(42, 42))
	events := []ledger.Event{mustNew(b, nil, "dossier.created", nil, t0, key)}
	for i := 1; i < 1000; i++ {
		parents := []string{events[len(events)-1-r.IntN(min(len(events), 8))].ID}
		if r.IntN(10) == 0 {
			parents = append(parents, events[r.IntN(len(events))].ID)
		}
		at := t0.Add(time.Duration(r.IntN(100000)) * time.Second)
		events = append(events, mustNew(b, parents, "field.set", map[string]int{"i": i}, at, key))
	}
	in := shuffled(events, 1)
	b.ReportAllocs()
	for b.Loop() {
		if out, err := ledger.Order(in); err != nil || len(out) != len(events) {
			b.Fatal(len(out), err)
		}
	}
}
