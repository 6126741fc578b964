package core_test

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/dgraph-io/badger/v4"

	"golive/backend/core"
	"golive/backend/demo"
	"golive/backend/dossier"
	"golive/backend/exchange"
	"golive/backend/internal/budget"
	"golive/backend/internal/procmem"
	"golive/backend/store"
)

// benchFolder returns the portfolio the open budget reads:
// GOLIVE_BENCH_FOLDER, else build/bench/large, which scripts/bench.sh
// writes with `golive demo --scale large` when it is missing.
func benchFolder(b *testing.B) string {
	b.Helper()
	dir := os.Getenv("GOLIVE_BENCH_FOLDER")
	if dir == "" {
		dir = filepath.Join("..", "..", "build", "bench", "large")
	}
	if _, err := os.Stat(filepath.Join(dir, "MANIFEST")); err != nil {
		b.Skipf("no portfolio at %s (scripts/bench.sh builds it: golive demo --scale large --data %s)", dir, dir)
	}
	return dir
}

// BenchmarkBudgetOpenList opens a portfolio as the app does (OpenForApp,
// whose block check, whole-list check and sweep then run in the
// background) and reads the first page of the dossier list, against a
// raw Badger open of the same folder with the store's options and a scan
// of the keys that page reads: every index record with its value. Both
// close the folder. It also reports, once, the time from the open until
// the whole list is checked against the ledger (checked-ms: the first
// page's rows are marked pending until then, and filters wait for it).
func BenchmarkBudgetOpenList(b *testing.B) {
	dir := benchFolder(b)
	var total int
	ours := func() {
		c, err := core.OpenForApp(dir)
		if err != nil {
			b.Fatal(err)
		}
		p, err := c.Dossiers.Page(dossier.Filter{}, 0, 15)
		if err != nil || len(p.Rows) == 0 {
			b.Fatalf("first page: %d rows, %v", len(p.Rows), err)
		}
		total = p.Total
		if err := c.Close(); err != nil {
			b.Fatal(err)
		}
	}
	base := func() {
		db, err := badger.Open(store.Options(dir))
		if err != nil {
			b.Fatal(err)
		}
		n := 0
		err = db.View(func(txn *badger.Txn) error {
			it := txn.NewIterator(badger.IteratorOptions{Prefix: []byte("dz/"), PrefetchValues: true, PrefetchSize: 64})
			defer it.Close()
			for it.Rewind(); it.Valid(); it.Next() {
				if err := it.Item().Value(func(v []byte) error { n += 1 + len(v)&1; return nil }); err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil || n == 0 {
			b.Fatalf("scan: %d, %v", n, err)
		}
		if err := db.Close(); err != nil {
			b.Fatal(err)
		}
	}
	budget.Compare(b, ours, base)
	b.ReportMetric(float64(total), "dossiers")

	t0 := time.Now()
	c, err := core.OpenForApp(dir)
	if err != nil {
		b.Fatal(err)
	}
	defer c.Close()
	if err := c.Dossiers.Ready(); err != nil {
		b.Fatal(err)
	}
	b.ReportMetric(float64(time.Since(t0).Milliseconds()), "checked-ms")
}

// BenchmarkBudgetIdleMemory measures, in a child process, the resident
// memory of the Go process with the portfolio open as the app has it when
// idle: opened, the first page of the list read, the whole list checked,
// the largest inbox of the sample computed, the start-up sweep done, then
// left alone until the app's own trim has given the memory back and it
// rests (store.IdleTrim; nothing forced) (MB; anonMB is the part that is
// not pages of mapped files). Its baseline is a child holding a raw Badger
// open of the same folder with the store's options, after a scan of every
// event key, garbage collected three times.
func BenchmarkBudgetIdleMemory(b *testing.B) {
	dir, err := filepath.Abs(benchFolder(b))
	if err != nil {
		b.Fatal(err)
	}
	var ours, base, anon, baseAnon int
	for b.Loop() {
		ours, anon = childRSS(b, "app", dir)
		base, baseAnon = childRSS(b, "badger", dir)
	}
	b.ReportMetric(float64(ours)/1024, "MB")
	b.ReportMetric(float64(base)/1024, "base-MB")
	b.ReportMetric(float64(anon)/1024, "anonMB")
	b.ReportMetric(float64(baseAnon)/1024, "base-anonMB")
}

// childRSS runs job in a child and returns its resident memory when idle
// and the anonymous part of it (what is not pages of mapped files), in kB.
func childRSS(b *testing.B, job, dir string) (rss, anon int) {
	b.Helper()
	out, kb, err := procmem.Child("^$", "GOLIVE_BENCH_CHILD="+job, "GOLIVE_BENCH_FOLDER="+dir)
	if err != nil {
		b.Fatalf("%v\n%s", err, out)
	}
	for _, line := range strings.Split(string(out), "\n") {
		if v, ok := strings.CutPrefix(line, "GOLIVE_ANON_KB "); ok {
			anon, _ = strconv.Atoi(strings.TrimSpace(v))
		}
	}
	return kb, anon
}

// benchChild is a benchmark's child process: it opens dir as job says,
// settles, and reports its resident memory.
func benchChild(job, dir string) {
	var closeFn func() error
	var c *core.Core
	switch job {
	case "app":
		var err error
		c, err = core.OpenForApp(dir)
		if err != nil {
			panic(err)
		}
		if _, err := c.Dossiers.Page(dossier.Filter{}, 0, 15); err != nil {
			panic(err)
		}
		// What the window asks next: the whole list checked, and the
		// inbox of the profile unlocked (the sample's first, the project
		// manager, whose inbox is the largest).
		if err := c.Dossiers.Ready(); err != nil {
			panic(err)
		}
		people, err := c.Profiles.List()
		if err != nil || len(people) == 0 {
			panic(fmt.Sprint("profiles: ", err))
		}
		if _, err := c.Dossiers.InboxOf(people[0].ID); err != nil {
			panic(err)
		}
		c.Swept()
		closeFn = c.Close
	case "import", "copy":
		importChild(job, os.Getenv("GOLIVE_BENCH_FILE"))
		procmem.Report()
		return
	case "badger":
		db, err := badger.Open(store.Options(dir))
		if err != nil {
			panic(err)
		}
		_ = db.View(func(txn *badger.Txn) error {
			it := txn.NewIterator(badger.IteratorOptions{Prefix: []byte("ev/")})
			for it.Rewind(); it.Valid(); it.Next() {
			}
			it.Close()
			return nil
		})
		closeFn = db.Close
	default:
		panic("unknown bench child " + job)
	}
	if job == "app" {
		// As the app rests: its own trim gives the memory back
		// (store.IdleTrim), nothing forced here.
		idle := c.Idle
		end := time.Now().Add(4 * time.Minute)
		for idle.Trims() == 0 || !idle.Settled() {
			if time.Now().After(end) {
				panic(fmt.Sprintf("the app did not rest within four minutes: %d trims", idle.Trims()))
			}
			time.Sleep(100 * time.Millisecond)
		}
	} else {
		for i := 0; i < 3; i++ {
			runtime.GC()
			debug.FreeOSMemory()
			time.Sleep(300 * time.Millisecond)
		}
	}
	fmt.Printf("GOLIVE_ANON_KB %d\n", procmem.AnonKB())
	procmem.ReportRSS()
	_ = closeFn()
}

// BenchmarkBudgetImport imports the whole portfolio, from an exchange
// file of every dossier with its attachments (exported once into the
// benchmark's temporary folder), into an empty folder, in a child process
// (its time and peak memory), against a child copying the same file's
// bytes. A report, with no limit: ours-ms, base-ms, x-base, MB, base-MB.
func BenchmarkBudgetImport(b *testing.B) {
	dir, err := filepath.Abs(benchFolder(b))
	if err != nil {
		b.Fatal(err)
	}
	file := filepath.Join(b.TempDir(), "portfolio.golive")
	exportAll(b, dir, file)
	var tOurs, tBase time.Duration
	var ours, base, n int
	for b.Loop() {
		t0 := time.Now()
		ours = childPeak(b, "import", file)
		tOurs += time.Since(t0)
		t0 = time.Now()
		base = childPeak(b, "copy", file)
		tBase += time.Since(t0)
		n++
	}
	oursMS, baseMS := tOurs.Seconds()*1000/float64(n), tBase.Seconds()*1000/float64(n)
	b.ReportMetric(oursMS, "ours-ms")
	b.ReportMetric(baseMS, "base-ms")
	b.ReportMetric(oursMS/baseMS, "x-base")
	b.ReportMetric(float64(ours)/1024, "MB")
	b.ReportMetric(float64(base)/1024, "base-MB")
	if fi, err := os.Stat(file); err == nil {
		b.ReportMetric(float64(fi.Size())/(1<<20), "file-MB")
	}
}

// exportAll writes every dossier of dir, with its attachments, into the
// exchange file out, signed by the sample's default profile.
func exportAll(b *testing.B, dir, out string) {
	b.Helper()
	c, err := core.OpenForApp(dir)
	if err != nil {
		b.Fatal(err)
	}
	defer c.Close()
	profiles, err := c.Profiles.List()
	if err != nil {
		b.Fatal(err)
	}
	for _, p := range profiles {
		if p.Default {
			if _, err := c.Unlock(p.ID, demo.SamplePassphrase); err != nil {
				b.Fatal(err)
			}
		}
	}
	if _, err := c.Export(context.Background(), out, core.ExportRequest{Attachments: true, Kind: exchange.KindPack}, nil); err != nil {
		b.Fatal(err)
	}
}

func childPeak(b *testing.B, job, file string) int {
	b.Helper()
	out, kb, err := procmem.Child("^$", "GOLIVE_BENCH_CHILD="+job, "GOLIVE_BENCH_FILE="+file)
	if err != nil {
		b.Fatalf("%v\n%s", err, out)
	}
	return kb
}

// importChild imports file into a new folder (job "import"), or copies
// its bytes into one (job "copy"), and removes the folder.
func importChild(job, file string) {
	dir, err := os.MkdirTemp("", "golive-bench-import-*")
	if err != nil {
		panic(err)
	}
	defer os.RemoveAll(dir)
	if job == "copy" {
		in, err := os.Open(file)
		if err != nil {
			panic(err)
		}
		defer in.Close()
		out, err := os.Create(filepath.Join(dir, "copy"))
		if err != nil {
			panic(err)
		}
		if _, err := io.Copy(out, in); err != nil {
			panic(err)
		}
		if err := out.Sync(); err != nil {
			panic(err)
		}
		_ = out.Close()
		return
	}
	c, err := core.Open(filepath.Join(dir, "data"))
	if err != nil {
		panic(err)
	}
	defer c.Close()
	rep, err := c.ImportFile(file, core.ImportOptions{TrustNew: true})
	if err != nil {
		panic(err)
	}
	if rep.Events == 0 {
		panic("nothing imported")
	}
}
