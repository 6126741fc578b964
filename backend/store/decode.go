package store

import (
	"runtime"
	"sync"

	"github.com/dgraph-io/badger/v4"

	"golive/backend/ledger"
)

// parallelFrom is the number of records from which checkAll shares their
// checks among the processor's cores: below it, starting goroutines costs
// more than it saves.
const parallelFrom = 8

// stored is one record as read from the store: its key and a copy of its
// value.
type stored struct {
	key string
	val []byte
}

// readPrefix copies every record under prefix, in key order.
func readPrefix(txn *badger.Txn, prefix string, prefetch int) ([]stored, error) {
	it := txn.NewIterator(badger.IteratorOptions{Prefix: []byte(prefix), PrefetchValues: true, PrefetchSize: prefetch})
	defer it.Close()
	var out []stored
	for it.Rewind(); it.Valid(); it.Next() {
		v, err := it.Item().ValueCopy(nil)
		if err != nil {
			return nil, err
		}
		out = append(out, stored{key: string(it.Item().Key()), val: v})
	}
	return out, nil
}

// checkAll decodes and verifies the events of stream (decodeEvent) and its
// checkpoints (parseCheckpoint), each in order. Verifying signatures is
// most of the work of a dossier's first read, so from parallelFrom records
// on the checks run on every core, each record checked exactly as alone.
// The error reported is that of the first failing record in key order
// (events before checkpoints), whatever order the checks finished in.
func checkAll(stream string, events, cks []stored) ([]ledger.Event, []Checkpoint, error) {
	out := make([]ledger.Event, len(events))
	cko := make([]Checkpoint, len(cks))
	errs := make([]error, len(events)+len(cks))
	check := func(i int) {
		if i < len(events) {
			out[i], errs[i] = decodeEvent(events[i].key, events[i].val)
			return
		}
		j := i - len(events)
		cko[j], errs[i] = parseCheckpoint(stream, cks[j].key, cks[j].val)
	}
	n := len(errs)
	workers := min(runtime.GOMAXPROCS(0), n/(parallelFrom/2))
	if n < parallelFrom || workers < 2 {
		for i := range n {
			if check(i); errs[i] != nil {
				return nil, nil, errs[i]
			}
		}
		return out, cko, nil
	}
	var wg sync.WaitGroup
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			// Interleaved, so that each worker gets as many old and new
			// events (known ones cost little) as the others.
			for i := w; i < n; i += workers {
				check(i)
			}
		}()
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return nil, nil, err
		}
	}
	return out, cko, nil
}

// missingAmong is missingFrom for a stream whose stored events are events.
func missingAmong(cks []Checkpoint, events []ledger.Event) (ids []string, short int) {
	have := make(map[string]bool, len(events))
	for _, e := range events {
		have[e.ID] = true
	}
	return missingFrom(cks, have)
}
