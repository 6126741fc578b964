package store

import (
	"context"
	"crypto/ed25519"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"runtime/debug"
	"sort"
	"strings"
	"sync"
	"syscall"

	"github.com/dgraph-io/badger/v4"
	"github.com/dgraph-io/badger/v4/options"

	"golive/backend/apperr"
	"golive/backend/internal/diskfree"
	"golive/backend/ledger"
)

// Store is an open GoLive data folder. It is safe for concurrent use.
type Store struct {
	db  *badger.DB
	dir string
	// readOnly is set by OpenReadOnly: every write is refused.
	readOnly bool
	// pass verifies every block in the background (OpenDeferred); nil
	// for every other open.
	pass *blockPass
	// room keeps diskfree.Reserve free on dir's disk (nil in memory).
	room *diskfree.Guard

	mu sync.Mutex
	// sealKey returns the key checkpoints are signed with (see
	// SetCheckpointKey).
	sealKey func() ed25519.PrivateKey
	// sealPub and sealPubHex are the public half of the last key sealKey
	// returned, raw and in lowercase hex.
	sealPub    [ed25519.PublicKeySize]byte
	sealPubHex string
	// tried holds the ids of the events made in this process
	// (ledger.Event.MadeHere) that a commit to this store has carried;
	// see unseen.
	tried map[[sha256.Size]byte]struct{}
	// written holds the checkpoints this process committed last, by
	// record key (see checkpointCache).
	written checkpointCache
	// streams serialize the commits that advance a stream's checkpoint,
	// by a hash of the stream's name (see lockStreams).
	streams [streamLocks]sync.Mutex
	// gens and floor make Generation (see there).
	gens  map[string]uint64
	clock uint64
	floor uint64
	// commits is held shared by every Commit and alone by Exclusive.
	commits sync.RWMutex
}

// EventsBucket is the name Generation knows the ledger's events by: it
// changes whenever a commit stores an event.
const EventsBucket = "ev"

// Exclusive runs fn while no commit runs: for work that must decide on
// what the ledger holds and act before anything is added (the sweep
// removing files no event references).
func (s *Store) Exclusive(fn func()) {
	s.commits.Lock()
	defer s.commits.Unlock()
	fn()
}

// Generation returns a number that changes whenever a record of bucket is
// written through this Store (or Invalidate is called), and only then: a
// service may keep what it read of bucket while the number stays the
// same. Read it before reading the bucket; a write between the two makes
// the next call differ, so a stale copy is never kept as current.
func (s *Store) Generation(bucket string) uint64 {
	s.mu.Lock()
	defer s.mu.Unlock()
	return max(s.gens[bucket], s.floor)
}

// Stamp changes whenever anything is written (any bucket, events
// included): for a view computed from several kinds of records.
func (s *Store) Stamp() uint64 {
	s.mu.Lock()
	defer s.mu.Unlock()
	return max(s.clock, s.floor)
}

// Invalidate changes every bucket's Generation and forgets the
// checkpoints Commit remembers (the next commit reads them as stored): for
// a caller that wrote through DB() rather than Commit.
func (s *Store) Invalidate() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.clock++
	s.floor = s.clock
	s.written = nil // forgetAll, under the same lock
}

// wrote advances the generation of the buckets a commit wrote.
func (s *Store) wrote(puts []Put) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.gens == nil {
		s.gens = map[string]uint64{}
	}
	for _, p := range puts {
		s.clock++
		s.gens[p.Bucket] = s.clock
	}
}

// Put is one JSON record written by Commit.
type Put struct {
	// Bucket groups records of one kind, e.g. "sys" for systems.
	Bucket string
	// Key identifies the record inside its bucket.
	Key string
	// Value is marshalled with encoding/json (a json.RawMessage is
	// checked and stored as it is); nil deletes the record.
	Value any
}

// Options returns the Badger options GoLive uses for dir: synchronous writes
// and memory sized for a laptop.
func Options(dir string) badger.Options {
	return badger.DefaultOptions(dir).
		WithSyncWrites(true).
		WithMemTableSize(8 << 20).
		WithNumMemtables(2).
		WithBlockCacheSize(8 << 20).
		WithIndexCacheSize(4 << 20).
		WithNumLevelZeroTables(2).
		WithNumLevelZeroTablesStall(8).
		WithBaseTableSize(4 << 20).
		WithValueLogFileSize(64 << 20).
		WithNumCompactors(2).
		// Every block read is checked against its checksum, and so is every
		// value read from the value log: a flipped byte is an error, never
		// a silently different record. (Tables are verified whole by
		// Inspect before each open, or just after it for the app's
		// OpenDeferred: Badger's own check at table open would skip a
		// damaged table and carry on without its records.)
		WithChecksumVerificationMode(options.OnBlockRead).
		WithVerifyValueChecksum(true).
		WithLogger(nil)
}

// SoftMemoryLimit is the Go memory limit the app asks the runtime to keep
// under (debug.SetMemoryLimit): bulk work (an import of thousands of
// dossiers) has the collector run more often instead of letting the heap
// double past it. It lies well above what the app holds at work with a
// large folder (60-160 MB live while it checks the list and reads the
// inbox of 20,000 dossiers): at 100 MB the collector ran without a pause
// there (471 collections in 150 s of the perf test; the inbox took 32 s
// instead of 11, approvals waited for it). The memory the heap grew into
// is given back once the app rests (IdleTrim).
const SoftMemoryLimit = 256 << 20

// LimitMemory applies SoftMemoryLimit to this process unless GOMEMLIMIT is
// set in the environment.
func LimitMemory() {
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(SoftMemoryLimit)
	}
}

// Open opens (creating if needed) the data folder dir for reading and
// writing. A folder that holds database files is opened only when Inspect
// finds it whole (every table verified), so Badger never starts an empty
// store over tables it cannot see nor deletes them. It returns
// store.damaged (dir, file, problem) for a damaged folder, touching
// nothing; store.already_open when another process holds the folder; and
// store.open_failed for anything else, with the folder as parameter.
func Open(dir string) (*Store, error) {
	s, _, err := openWritable(dir, true)
	return s, err
}

// openWritable opens dir for reading and writing once Inspect (verifying
// every block when blocks) finds it whole, and returns the tables the
// MANIFEST listed before Badger opened.
func openWritable(dir string, blocks bool) (*Store, map[uint64]badger.TableManifest, error) {
	if abs, err := filepath.Abs(dir); err == nil {
		dir = abs
	}
	h, tables, err := inspect(dir, blocks)
	if err != nil {
		return nil, nil, err
	}
	if err := h.Err(dir); err != nil {
		return nil, nil, err
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, nil, openFailed(err, dir)
	}
	if err := removeEmptyLogs(dir, h.Leftovers); err != nil {
		return nil, nil, openFailed(err, dir)
	}
	db, err := badger.Open(Options(dir))
	if err != nil {
		if strings.Contains(err.Error(), "Cannot acquire directory lock") {
			return nil, nil, apperr.Wrap(err, "store.already_open", "dir", dir)
		}
		return nil, nil, openFailed(err, dir)
	}
	return &Store{db: db, dir: dir, room: diskfree.NewGuard(dir, diskfree.Reserve)}, tables, nil
}

// OpenReadOnly opens the existing data folder dir for reading only. It
// creates and writes nothing, not even the lock file: Badger's read-only
// mode takes a shared lock on the folder. A command that only reads uses
// it, so a missing or half-deleted folder is reported, never replaced by a
// fresh empty store. Codes: store.not_found (dir) when dir does not exist
// or holds no GoLive store; store.damaged (dir, file, problem) when Inspect
// finds damage; store.needs_recovery when a crash left tables that only a
// read-write open may clear; store.already_open when the app or a writing
// command holds the folder; store.open_failed otherwise — a store a crash
// left unclean needs one read-write open (the app) first.
func OpenReadOnly(dir string) (*Store, error) { return openInspected(dir, true) }

// OpenDamaged opens dir read-only after inspecting its files without
// verifying every block: for a folder whose only damage is data blocks
// that fail their checksum (Health.DamagedBlocksOnly), so the app can show
// what is still readable next to a banner saying what is wrong (reading a
// damaged block is an error), and for a caller that has just verified the
// blocks itself (golive check). Codes as OpenReadOnly.
func OpenDamaged(dir string) (*Store, error) { return openInspected(dir, false) }

// openInspected opens dir read-only once Inspect (verifying every block
// when blocks) finds it a whole store that needs no recovery.
func openInspected(dir string, blocks bool) (*Store, error) {
	if abs, err := filepath.Abs(dir); err == nil {
		dir = abs
	}
	h, err := Inspect(dir, blocks)
	if err != nil {
		return nil, err
	}
	if !h.Store {
		return nil, apperr.New("store.not_found", "dir", dir)
	}
	if err := h.Err(dir); err != nil {
		return nil, err
	}
	if len(h.Leftovers) > 0 {
		return nil, apperr.New("store.needs_recovery", "dir", dir, "file", h.Leftovers[0])
	}
	return openReadOnly(dir)
}

func openReadOnly(dir string) (*Store, error) {
	db, err := badger.Open(Options(dir).WithReadOnly(true))
	if err != nil {
		if strings.Contains(err.Error(), "Cannot acquire directory lock") {
			return nil, apperr.Wrap(err, "store.already_open", "dir", dir)
		}
		if strings.Contains(err.Error(), "Log truncate required") {
			// A process was killed with writes in its memtable log: only a
			// read-write open replays it, which a read must not do.
			return nil, apperr.Wrap(err, "store.needs_recovery", "dir", dir, "file", "memtable log")
		}
		return nil, apperr.Wrap(err, "store.open_failed", "dir", dir)
	}
	return &Store{db: db, dir: dir, readOnly: true}, nil
}

// ReadOnly reports whether every write is refused (store.read_only): the
// store was opened read-only, or the background pass of OpenDeferred
// found a damaged block.
func (s *Store) ReadOnly() bool { return s.readOnly || s.pass.damaged() }

// OpenMemory opens a store held in memory only, for building data that is
// then copied into a real folder with CopyTo (the sample portfolio).
func OpenMemory() (*Store, error) {
	db, err := badger.Open(Options("").WithInMemory(true).WithSyncWrites(false))
	if err != nil {
		return nil, apperr.Wrap(err, "store.open_failed", "dir", ":memory:")
	}
	return &Store{db: db}, nil
}

// CopyTo writes every key of s into dst, in transactions of bounded size,
// and returns how many it copied. Keys already in dst are overwritten.
func (s *Store) CopyTo(dst *Store) (int, error) {
	if dst.ReadOnly() {
		return 0, apperr.New("store.read_only", "dir", dst.dir)
	}
	defer dst.Invalidate() // written past Commit
	n := 0
	batch := map[string][]byte{}
	flush := func() error {
		if len(batch) == 0 {
			return nil
		}
		err := dst.db.Update(func(txn *badger.Txn) error {
			for k, v := range batch {
				if err := txn.Set([]byte(k), v); err != nil {
					return err
				}
			}
			return nil
		})
		n += len(batch)
		batch = map[string][]byte{}
		return err
	}
	err := s.db.View(func(txn *badger.Txn) error {
		it := txn.NewIterator(badger.DefaultIteratorOptions)
		defer it.Close()
		size := 0
		for it.Rewind(); it.Valid(); it.Next() {
			v, err := it.Item().ValueCopy(nil)
			if err != nil {
				return err
			}
			batch[string(it.Item().KeyCopy(nil))] = v
			size += len(v)
			if len(batch) >= 200 || size > 512<<10 {
				if err := flush(); err != nil {
					return err
				}
				size = 0
			}
		}
		return flush()
	})
	if err != nil {
		return n, apperr.Wrap(err, "store.write_failed")
	}
	return n, nil
}

// Dir returns the absolute path of the data folder.
func (s *Store) Dir() string { return s.dir }

// Close stops the background pass of OpenDeferred if it still runs and
// waits for it, then flushes and closes the database.
func (s *Store) Close() error {
	s.pass.halt()
	if err := s.db.Close(); err != nil {
		return apperr.Wrap(err, "store.close_failed")
	}
	return nil
}

// checkpointRoom is what Commit counts for the checkpoints and Badger's
// own headers when it measures the room a write takes.
const checkpointRoom = 4 << 10

func eventKey(dossier, id string) []byte  { return []byte("ev/" + dossier + "/" + id) }
func recordKey(bucket, key string) []byte { return []byte(bucket + "/" + key) }

// Commit writes events and records in one transaction: either all of them
// are on disk when it returns nil, or none. Each event is verified first
// (ledger codes on failure); an event already stored is skipped. It returns
// how many events were new.
func (s *Store) Commit(events []ledger.Event, puts ...Put) (int, error) {
	if s.ReadOnly() {
		return 0, apperr.New("store.read_only", "dir", s.dir)
	}
	size := int64(0)
	encoded := make([][]byte, len(events))
	for i, e := range events {
		b, err := ledger.Encode(e)
		if err != nil {
			return 0, err
		}
		encoded[i] = b
		size += int64(len(b))
	}
	records := make([][]byte, len(puts))
	for i, p := range puts {
		if p.Value == nil {
			continue
		}
		var b []byte
		var err error
		if raw, ok := p.Value.(json.RawMessage); ok {
			// Encoded by the caller (the dossier index, at every append):
			// checked, not encoded again.
			if !json.Valid(raw) {
				return 0, apperr.New(apperr.Internal).WithDetail("record %s/%s is not JSON", p.Bucket, p.Key)
			}
			b = raw
		} else if b, err = json.Marshal(p.Value); err != nil {
			return 0, apperr.Wrap(err, apperr.Internal)
		}
		records[i] = b
		size += int64(len(b))
	}
	// Badger writes through memory maps: on a full disk the process would
	// die of SIGBUS instead of getting an error. Refuse while the disk
	// is nearly full, so nothing acknowledged is ever at risk. (The write
	// is counted twice, for the log and the tables, plus its checkpoints.)
	if s.room != nil && s.room.Below(2*size+checkpointRoom) {
		return 0, apperr.New("store.disk_full", "dir", s.dir)
	}
	s.commits.RLock()
	defer s.commits.RUnlock()
	added := 0
	sealPub := s.checkpointPub()
	if sealPub != "" {
		// One commit at a time advances a stream's checkpoint (see
		// readCheckpoint).
		defer s.lockStreams(events)()
	}
	unseen := s.unseen(events)
	var sealed []sealedCheckpoint
	err := s.db.Update(func(txn *badger.Txn) error {
		var fresh []ledger.Event
		for i, e := range events {
			k := eventKey(e.Dossier, e.ID)
			// An unseen event is not stored: no lookup (a tenth of an append).
			if !unseen[i] {
				if _, err := txn.Get(k); err == nil {
					continue
				} else if !errors.Is(err, badger.ErrKeyNotFound) {
					return err
				}
			}
			if err := txn.Set(k, encoded[i]); err != nil {
				return err
			}
			added++
			fresh = append(fresh, e)
		}
		var err error
		if sealed, err = s.advanceCheckpoints(txn, fresh, sealPub); err != nil {
			return err
		}
		for i, p := range puts {
			k := recordKey(p.Bucket, p.Key)
			if records[i] == nil {
				if err := txn.Delete(k); err != nil {
					return err
				}
				continue
			}
			if err := txn.Set(k, records[i]); err != nil {
				return err
			}
		}
		return nil
	})
	// Even a failed transaction may have been applied in part before its
	// error (a sync that failed after the write): read again.
	s.wrote(puts)
	if added > 0 {
		s.wrote([]Put{{Bucket: EventsBucket}})
	}
	if err != nil {
		// What is stored is no longer known: the next commit reads it.
		s.forget(events, sealPub)
		if errors.Is(err, badger.ErrTxnTooBig) {
			return 0, apperr.Wrap(err, "store.too_big")
		}
		return 0, apperr.Wrap(err, "store.write_failed")
	}
	s.remember(sealed)
	for _, p := range puts {
		if p.Bucket == checkpointBucket {
			// A record written past advanceCheckpoints (a repair, a
			// test): read as stored from now on.
			s.forgetAll()
			break
		}
	}
	return added, nil
}

// triedCap bounds Store.tried (about 50 bytes an id): past it, every
// event is looked up before it is written, as any event not made here is.
const triedCap = 1 << 14

// unseen reports, for each of events, whether it cannot be in the store
// yet, so that Commit need not look its key up: an event ledger.New made
// in this process (unchanged since) whose id no earlier commit to this
// store has carried. That id hashes the event's content with its time to
// the nanosecond and its author's key; the same id could only have come
// in another way as the same event made again, by the same key at the
// same nanosecond. The ids are recorded before the transaction runs, so
// a commit that carries one again (a retry after a failed commit, which
// may have been applied in part; the same event twice) looks it up, and
// an event is counted once in its checkpoints whatever happens.
func (s *Store) unseen(events []ledger.Event) []bool {
	out := make([]bool, len(events))
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.tried == nil {
		s.tried = map[[sha256.Size]byte]struct{}{}
	}
	for i, e := range events {
		var id [sha256.Size]byte
		if !e.MadeHere() || len(s.tried) >= triedCap {
			continue
		}
		if n, err := hex.Decode(id[:], []byte(e.ID)); err != nil || n != len(id) {
			continue
		}
		if _, ok := s.tried[id]; !ok {
			s.tried[id] = struct{}{}
			out[i] = true
		}
	}
	return out
}

// Events returns every stored event of dossier, verified, in key order
// (callers fold them through ledger.Order). It returns store.corrupt if a
// stored event fails verification or lies under a key that is not its
// own, and store.events_missing when a checkpoint names events of the
// stream that are gone (a rollback is never read as the current state).
func (s *Store) Events(dossier string) ([]ledger.Event, error) {
	return s.events(dossier, true)
}

// EventsAsStored is Events without the checkpoint comparison, for
// `golive check`, which reports missing events itself.
func (s *Store) EventsAsStored(dossier string) ([]ledger.Event, error) {
	return s.events(dossier, false)
}

func (s *Store) events(dossier string, checked bool) ([]ledger.Event, error) {
	var evs, cks []stored
	err := s.db.View(func(txn *badger.Txn) error {
		var err error
		if evs, err = readPrefix(txn, "ev/"+dossier+"/", 64); err != nil || !checked {
			return err
		}
		cks, err = readPrefix(txn, "ck/"+dossier+"/", 8)
		return err
	})
	if err != nil {
		return nil, asCoded(err)
	}
	// Events and checkpoints were read in one transaction: a head that is
	// none of the events read is gone (an event lies under its own key).
	out, ckl, err := checkAll(dossier, evs, cks)
	if err != nil {
		return nil, asCoded(err)
	}
	ids, short := missingAmong(ckl, out)
	if err := missingErr(dossier, ids, short); err != nil {
		return nil, asCoded(err)
	}
	return out, nil
}

// decodeEvent decodes and verifies the event stored under key, and checks
// that key is where that event belongs: its own dossier and id. An event
// copied under another key (another id, another dossier) is store.corrupt,
// like bytes that fail to decode or verify.
func decodeEvent(key string, v []byte) (ledger.Event, error) {
	e, err := ledger.Unmarshal(v)
	if err != nil {
		return ledger.Event{}, apperr.Wrap(err, "store.corrupt", "key", key)
	}
	if string(eventKey(e.Dossier, e.ID)) != key {
		return ledger.Event{}, apperr.New("store.corrupt", "key", key)
	}
	return e, nil
}

// DossierIDs returns the ids of every dossier that has at least one event,
// sorted.
func (s *Store) DossierIDs() ([]string, error) {
	seen := map[string]bool{}
	err := s.db.View(func(txn *badger.Txn) error {
		it := txn.NewIterator(badger.IteratorOptions{Prefix: []byte("ev/")})
		defer it.Close()
		for it.Rewind(); it.Valid(); it.Next() {
			rest := strings.TrimPrefix(string(it.Item().Key()), "ev/")
			if i := strings.IndexByte(rest, '/'); i > 0 {
				seen[rest[:i]] = true
			}
		}
		return nil
	})
	if err != nil {
		return nil, asCoded(err)
	}
	ids := make([]string, 0, len(seen))
	for id := range seen {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	return ids, nil
}

// HasEvents reports which of the events named by id, each in its stream
// (id → stream), are stored, looking up those keys only: for an import,
// whose work must not grow with the size of the folder.
func (s *Store) HasEvents(ids map[string]string) (map[string]bool, error) {
	out := make(map[string]bool, len(ids))
	err := s.db.View(func(txn *badger.Txn) error {
		for id, stream := range ids {
			_, err := txn.Get(eventKey(stream, id))
			switch {
			case err == nil:
				out[id] = true
			case !errors.Is(err, badger.ErrKeyNotFound):
				return err
			}
		}
		return nil
	})
	if err != nil {
		return nil, asCoded(err)
	}
	return out, nil
}

// EventIDs returns, for every ledger stream (a dossier, and the other
// streams such as "plan-2027" and "roster"), the ids of its stored events
// in ascending order. It reads keys only: nothing is decoded or verified,
// so it is a cheap way to tell what the ledger holds.
func (s *Store) EventIDs() (map[string][]string, error) {
	return s.EventIDsContext(context.Background())
}

// Get decodes the record bucket/key into v. It returns store.not_found when
// there is no such record.
func (s *Store) Get(bucket, key string, v any) error {
	err := s.db.View(func(txn *badger.Txn) error {
		item, err := txn.Get(recordKey(bucket, key))
		if err != nil {
			return err
		}
		return item.Value(func(b []byte) error { return json.Unmarshal(b, v) })
	})
	if errors.Is(err, badger.ErrKeyNotFound) {
		return apperr.New("store.not_found", "bucket", bucket, "key", key)
	}
	return asCoded(err)
}

// Put writes one record; a nil value deletes it.
func (s *Store) Put(bucket, key string, v any) error {
	_, err := s.Commit(nil, Put{Bucket: bucket, Key: key, Value: v})
	return err
}

// Each calls fn with the key and raw JSON of every record in bucket, in key
// order. The bytes are valid only during the call.
func (s *Store) Each(bucket string, fn func(key string, raw []byte) error) error {
	prefix := []byte(bucket + "/")
	err := s.db.View(func(txn *badger.Txn) error {
		it := txn.NewIterator(badger.IteratorOptions{Prefix: prefix, PrefetchValues: true, PrefetchSize: 64})
		defer it.Close()
		for it.Rewind(); it.Valid(); it.Next() {
			key := strings.TrimPrefix(string(it.Item().Key()), string(prefix))
			if err := it.Item().Value(func(v []byte) error { return fn(key, v) }); err != nil {
				return err
			}
		}
		return nil
	})
	return asCoded(err)
}

// Empty reports whether the folder holds no dossier and no system yet.
func (s *Store) Empty() (bool, error) {
	empty := true
	err := s.db.View(func(txn *badger.Txn) error {
		for _, p := range []string{"ev/", "sys/"} {
			it := txn.NewIterator(badger.IteratorOptions{Prefix: []byte(p)})
			it.Rewind()
			if it.Valid() {
				empty = false
			}
			it.Close()
		}
		return nil
	})
	return empty, asCoded(err)
}

// DB exposes the Badger handle for benchmarks and maintenance tools.
//
// A caller that writes through it checks ReadOnly first and calls
// Invalidate afterwards.
func (s *Store) DB() *badger.DB { return s.db }

func asCoded(err error) error {
	if err == nil {
		return nil
	}
	var ae *apperr.Error
	if errors.As(err, &ae) {
		return err
	}
	return apperr.Wrap(err, "store.read_failed")
}

// removeEmptyLogs removes the empty log files (*.mem, *.vlog) among
// leftovers (Health.Leftovers): a process killed between creating and
// sizing one leaves it, Badger refuses to open a folder holding one, and
// an empty log never held a write.
func removeEmptyLogs(dir string, leftovers []string) error {
	for _, name := range leftovers {
		if !strings.HasSuffix(name, ".mem") && !strings.HasSuffix(name, ".vlog") {
			continue
		}
		p := filepath.Join(dir, name)
		if fi, err := os.Stat(p); err != nil || fi.Size() != 0 {
			continue
		}
		if err := os.Remove(p); err != nil {
			return err
		}
	}
	return nil
}

// openFailed words a failed read-write open: store.not_writable (dir) when
// the folder or its disk refuses writes (read-only, no permission),
// store.open_failed otherwise.
func openFailed(err error, dir string) error {
	msg := strings.ToLower(err.Error())
	if errors.Is(err, os.ErrPermission) || errors.Is(err, syscall.EROFS) ||
		strings.Contains(msg, "read-only file system") || strings.Contains(msg, "permission denied") {
		return apperr.Wrap(err, "store.not_writable", "dir", dir)
	}
	return apperr.Wrap(err, "store.open_failed", "dir", dir)
}
