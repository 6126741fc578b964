package store_test

import (
	"fmt"
	"os"
	"testing"
	"time"

	"github.com/dgraph-io/badger/v4"

	"golive/backend/internal/procmem"
	"golive/backend/ledger"
	"golive/backend/store"
)

// BenchmarkPeakRSS200k measures the peak resident memory (VmHWM, as
// peak-MB) of a process that writes 200,000 signed events (batches of 1,000)
// and of a fresh process that opens the folder and reads every event back,
// each with Badger's default options (the baseline) and with GoLive's
// laptop options. Every measurement runs in its own process.
func BenchmarkPeakRSS200k(b *testing.B) {
	for _, opts := range []string{"badger-defaults", "golive"} {
		for _, phase := range []string{"write", "reopen-read"} {
			b.Run(opts+"/"+phase, func(b *testing.B) {
				for i := 0; i < b.N; i++ {
					dir := b.TempDir()
					if phase == "reopen-read" {
						probe(b, opts, "write", dir)
					}
					b.ReportMetric(float64(probe(b, opts, phase, dir))/1024, "peak-MB")
				}
			})
		}
	}
}

func probe(b *testing.B, opts, phase, dir string) int {
	out, kb, err := procmem.Child("^TestMemoryProbe$", "GOLIVE_MEMPROBE="+opts, "GOLIVE_MEMPROBE_PHASE="+phase, "GOLIVE_MEMPROBE_DIR="+dir)
	if err != nil {
		b.Fatalf("%v: %s", err, out)
	}
	return kb
}

// TestMemoryProbe is the child process of BenchmarkPeakRSS200k.
func TestMemoryProbe(t *testing.T) {
	which := os.Getenv("GOLIVE_MEMPROBE")
	if which == "" {
		t.Skip("run by BenchmarkPeakRSS200k")
	}
	dir := os.Getenv("GOLIVE_MEMPROBE_DIR")
	opts := store.Options(dir)
	if which == "golive" {
		store.LimitMemory()
	}
	if which == "badger-defaults" {
		opts = badger.DefaultOptions(dir).WithSyncWrites(true).WithLogger(nil)
	}
	db, err := badger.Open(opts)
	if err != nil {
		t.Fatal(err)
	}
	if os.Getenv("GOLIVE_MEMPROBE_PHASE") == "write" {
		writeEvents(t, db)
	} else {
		count := 0
		_ = db.View(func(txn *badger.Txn) error {
			it := txn.NewIterator(badger.DefaultIteratorOptions)
			defer it.Close()
			for it.Rewind(); it.Valid(); it.Next() {
				_ = it.Item().Value(func(v []byte) error {
					if _, err := ledger.Unmarshal(v); err != nil {
						return err
					}
					count++
					return nil
				})
			}
			return nil
		})
		if count != 200000 {
			t.Fatalf("read back %d events", count)
		}
	}
	db.Close()
	procmem.Report()
}

func writeEvents(t *testing.T, db *badger.DB) {
	key := testKey()
	at := time.Date(2026, 11, 26, 20, 0, 0, 0, zone)
	for batch := 0; batch < 200; batch++ {
		wb := db.NewWriteBatch()
		for i := 0; i < 1000; i++ {
			n := batch*1000 + i
			d := fmt.Sprintf("D%04d", n%5000)
			e, err := ledger.New(d, nil, "note.added", map[string]any{"n": n, "text": "发布档案事件：检查清单已完成，证据见附件"}, at.Add(time.Duration(n)*time.Second), key)
			if err != nil {
				t.Fatal(err)
			}
			v, _ := ledger.Marshal(e)
			if err := wb.Set([]byte("ev/"+d+"/"+e.ID), v); err != nil {
				t.Fatal(err)
			}
		}
		if err := wb.Flush(); err != nil {
			t.Fatal(err)
		}
	}
}
