package store_test

import (
	"fmt"
	"testing"

	"github.com/dgraph-io/badger/v4"

	"golive/backend/ledger"
	"golive/backend/store"
)

// BenchmarkAppendSignedEvent signs one event, verifies and commits it with
// its index record: what every edit in the app costs.
func BenchmarkAppendSignedEvent(b *testing.B) {
	s := open(b, b.TempDir())
	defer s.Close()
	var parents []string
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		e := event(b, "BENCH", parents, i)
		if _, err := s.Commit([]ledger.Event{e}, store.Put{Bucket: "dz", Key: "BENCH", Value: map[string]int{"n": i}}); err != nil {
			b.Fatal(err)
		}
		parents = []string{e.ID}
	}
}

// BenchmarkRawBadgerTxn is the baseline: one Badger transaction with
// SyncWrites writing the same bytes, without signing or verifying.
func BenchmarkRawBadgerTxn(b *testing.B) {
	dir := b.TempDir()
	db, err := badger.Open(store.Options(dir))
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	e := event(b, "BENCH", nil, 0)
	val, _ := ledger.Marshal(e)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		err := db.Update(func(txn *badger.Txn) error {
			if err := txn.Set([]byte(fmt.Sprintf("ev/BENCH/%064d", i)), val); err != nil {
				return err
			}
			return txn.Set([]byte("dz/BENCH"), []byte(`{"n":1}`))
		})
		if err != nil {
			b.Fatal(err)
		}
	}
}
