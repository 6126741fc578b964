package store

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime/debug"
	"sort"
	"sync"
	"sync/atomic"
	"time"

	"github.com/dgraph-io/badger/v4"
	"github.com/dgraph-io/badger/v4/options"
	"github.com/dgraph-io/badger/v4/table"
)

// OpenDeferred opens dir for reading and writing as Open does, without
// verifying every data block first: the desktop app, whose window must
// show a large folder at once. It inspects the MANIFEST and every table's
// index (Inspect without blocks) and refuses as Open does, then opens the
// store and verifies every block of the tables the MANIFEST listed in a
// background pass: at once those a compaction reads first (level 0 and
// the first level below it that holds tables), the others after wait
// (leaving the machine to what the folder was opened for), or as soon as
// VerifyNow asks. Verified says when the pass has ended; when it found a
// damaged block, Damage says where and the store refuses every write from
// then on (ReadOnly, store.read_only). Meanwhile every read is still
// checked block by block (Options: OnBlockRead).
//
// Commands keep Open and OpenReadOnly, which verify every block before
// anything is opened.
func OpenDeferred(dir string, wait time.Duration) (*Store, error) {
	s, tables, err := openWritable(dir, false)
	if err != nil {
		return nil, err
	}
	s.pass = startPass(s.dir, tables, wait)
	return s, nil
}

// VerifyNow ends the wait of the background pass of OpenDeferred: it
// verifies the remaining tables now. Nothing for a store opened any other
// way.
func (s *Store) VerifyNow() { s.pass.hurry() }

// closedChan is the channel Verified returns for a store without a pass.
var closedChan = func() chan struct{} {
	c := make(chan struct{})
	close(c)
	return c
}()

// Verified returns a channel that is closed once the background pass of
// OpenDeferred has ended: every block verified, or Close stopped it. It
// is closed from the start for a store opened any other way.
func (s *Store) Verified() <-chan struct{} {
	if s.pass == nil {
		return closedChan
	}
	return s.pass.done
}

// Damage returns the damaged blocks the background pass of OpenDeferred
// found, by table file (problem table_damaged); nil while it runs, when
// every block is whole, and for a store opened any other way (Open and
// OpenReadOnly refuse a damaged folder; see Inspect).
func (s *Store) Damage() []Damage {
	if s.pass == nil {
		return nil
	}
	if d := s.pass.found.Load(); d != nil {
		return append([]Damage(nil), (*d)...)
	}
	return nil
}

// blockPass is the background verification of every block of the tables
// a store had when it was opened (OpenDeferred).
type blockPass struct {
	// done is closed when the pass ends.
	done chan struct{}
	// now ends the pass's wait (VerifyNow, Close).
	now     chan struct{}
	nowOnce sync.Once
	// stop asks the pass to end before the next table (Close).
	stop atomic.Bool
	// found holds what the pass found damaged, once it found something.
	found atomic.Pointer[[]Damage]
}

// hurry ends the pass's wait (nothing for a store without a pass).
func (p *blockPass) hurry() {
	if p != nil {
		p.nowOnce.Do(func() { close(p.now) })
	}
}

// damaged reports whether the pass found a damaged block (false for a
// store without a pass).
func (p *blockPass) damaged() bool { return p != nil && p.found.Load() != nil }

// halt stops the pass and waits for it to end (nothing for a store
// without a pass).
func (p *blockPass) halt() {
	if p == nil {
		return
	}
	p.stop.Store(true)
	p.hurry()
	<-p.done
}

// passTable is one table the pass verifies.
type passTable struct {
	id uint64
	tm badger.TableManifest
}

// passStarted and passWaiting, when set (tests), run in the pass before
// it reads its first table, and when it starts to wait.
var passStarted, passWaiting func()

// startPass starts verifying, in the background, every block of tables
// (the tables dir's MANIFEST listed before Badger opened), from level 0
// down: first the tables a compaction reads first, which the app's own
// writes may make Badger compact (and delete) at any time, then, after
// wait or VerifyNow, the others.
func startPass(dir string, tables map[uint64]badger.TableManifest, wait time.Duration) *blockPass {
	p := &blockPass{done: make(chan struct{}), now: make(chan struct{})}
	list := make([]passTable, 0, len(tables))
	for id, tm := range tables {
		list = append(list, passTable{id: id, tm: tm})
	}
	sort.Slice(list, func(i, j int) bool {
		if list[i].tm.Level != list[j].tm.Level {
			return list[i].tm.Level < list[j].tm.Level
		}
		return list[i].id < list[j].id
	})
	// first: level 0 and the first level below it that holds tables.
	first := 0
	for first < len(list) && list[first].tm.Level == 0 {
		first++
	}
	if first < len(list) {
		base := list[first].tm.Level
		for first < len(list) && list[first].tm.Level == base {
			first++
		}
	}
	go func() {
		defer close(p.done)
		if passStarted != nil {
			passStarted()
		}
		v := verifier{dir: dir, pass: p}
		v.run(list[:first])
		if first < len(list) && wait > 0 {
			if passWaiting != nil {
				passWaiting()
			}
			timer := time.NewTimer(wait)
			select {
			case <-timer.C:
			case <-p.now:
				timer.Stop()
			}
		}
		v.run(list[first:])
		if v.read >= passReturnsMemory && !p.stop.Load() {
			// The tables were read through the heap (a table and its
			// decompressed blocks at a time): give that memory back to
			// the system now rather than over the next minutes, so an
			// idle app stays small.
			v.buf = nil
			debug.FreeOSMemory()
		}
	}()
	return p
}

// verifier verifies tables for a pass, keeping what it found.
type verifier struct {
	dir   string
	pass  *blockPass
	found []Damage
	// buf holds the table being verified (kept for the next one).
	buf []byte
	// read counts the bytes of tables read.
	read int64
}

// run verifies the tables of list in order until the pass is stopped.
func (v *verifier) run(list []passTable) {
	for _, t := range list {
		if v.pass.stop.Load() {
			return
		}
		name := table.IDToFilename(t.id)
		n, err := verifyTableFile(filepath.Join(v.dir, name), t.id, t.tm, &v.buf)
		v.read += n
		if err != nil {
			v.found = append(v.found, Damage{File: name, Problem: ProblemTableDamaged, Detail: err.Error()})
			// Writes are refused from the first damaged table on.
			d := append([]Damage(nil), v.found...)
			v.pass.found.Store(&d)
		}
	}
}

// passReturnsMemory is how many bytes of tables the pass reads before it
// returns the memory it used to the system at its end.
const passReturnsMemory = 64 << 20

// verifyTableFile verifies every block of the table file path, read into
// *buf (grown as needed and kept for the next table), never mapped: the
// pass leaves no page of the folder's tables in the process's memory.
// The store is open meanwhile, so its compactions may delete the table:
// Badger then cuts the file to nothing before removing it (whose pages a
// mapping would fault on). A table file that is gone or cut short while
// it is read was deleted that way, not damaged, and is left alone (nil):
// every table the MANIFEST listed was found whole and of its full length
// by the inspection of the open.
func verifyTableFile(path string, id uint64, tm badger.TableManifest, buf *[]byte) (read int64, err error) {
	f, err := openShared(path)
	if err != nil {
		if errors.Is(err, os.ErrNotExist) {
			return 0, nil
		}
		return 0, err
	}
	fi, err := f.Stat()
	if err != nil {
		_ = f.Close()
		return 0, err
	}
	size := fi.Size()
	if size == 0 {
		_ = f.Close()
		return 0, nil
	}
	if int64(cap(*buf)) < size {
		*buf = make([]byte, size)
	}
	data := (*buf)[:size]
	n, rerr := f.ReadAt(data, 0)
	_ = f.Close()
	if int64(n) < size {
		if rerr == nil || errors.Is(rerr, io.EOF) {
			return int64(n), nil
		}
		return int64(n), rerr
	}
	read = size
	defer func() {
		if r := recover(); r != nil {
			// Badger's error path panics before it can name the block.
			err = fmt.Errorf("a data block fails its checksum: %s", firstLine(fmt.Sprint(r)))
		}
	}()
	opt := table.Options{BlockSize: Options("").BlockSize, Compression: tm.Compression, ChkMode: options.NoVerification}
	// An in-memory table over the bytes read: closing it unmaps nothing.
	t, err := table.OpenInMemoryTable(data, id, &opt)
	if err != nil {
		return read, err
	}
	return read, verifyBlocks(t)
}
