package store

import (
	"bytes"
	"crypto/ed25519"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/dgraph-io/badger/v4"

	"golive/backend/apperr"
	"golive/backend/ledger"
)

// A checkpoint records, per ledger stream and per profile key, the heads of
// the stream (its events no other event names as parent) and how many
// events it held, as committed while that profile was unlocked on this
// device. It is written in the same transaction as the events, so events
// that were once stored and later vanish (a table restored from an older
// copy, a tool that deleted keys) are reported as missing instead of
// silently rolling a dossier back: an event deleted from the middle breaks
// its children's parents, one deleted from the end is a head a checkpoint
// still names.
//
// A checkpoint is sealed with the SHA-256 of its payload (version 2), not
// signed: a signature would only prove which profile wrote a record that
// whoever can edit the folder can delete together with the events, and it
// cost a second Ed25519 signature at every append. The sum tells a damaged
// record from a sound one. Records of version 1 (signed with the
// profile's Ed25519 key) are still read and verified as they were written.

// checkpointVersion is the "v" of the checkpoint records this version
// writes (2: sealed with a SHA-256).
const checkpointVersion = 2

// signedCheckpointVersion is the "v" of the checkpoints earlier versions
// wrote, signed with the profile's Ed25519 key.
const signedCheckpointVersion = 1

// Checkpoint is one checkpoint record.
type Checkpoint struct {
	// V is the record format version (2; 1 for the signed records of
	// earlier versions).
	V int `json:"v"`
	// Stream is the ledger stream (a dossier id, "roster", "plan-2027", …).
	Stream string `json:"stream"`
	// Key is the public key of the profile unlocked when the events were
	// committed, in lowercase hex.
	Key string `json:"key"`
	// Heads are the ids of the stream's heads, sorted.
	Heads []string `json:"heads"`
	// Count is how many events the stream held.
	Count int `json:"count"`
	// Sum is the SHA-256 of Payload in lowercase hex (version 2).
	Sum string `json:"sum,omitempty"`
	// Sig is the Ed25519 signature over Payload by Key, in lowercase hex
	// (version 1).
	Sig string `json:"sig,omitempty"`
}

func checkpointKey(stream, key string) []byte {
	return []byte(checkpointBucket + "/" + stream + "/" + key)
}

// Payload returns the bytes a checkpoint's sum (or signature) covers.
func (c Checkpoint) Payload() []byte { return c.appendPayload(nil) }

func (c Checkpoint) appendPayload(dst []byte) []byte {
	dst = append(dst, "golive-checkpoint\x00"...)
	dst = strconv.AppendInt(dst, int64(c.V), 10)
	dst = append(dst, 0)
	dst = append(dst, c.Stream...)
	dst = append(dst, 0)
	dst = append(dst, c.Key...)
	dst = append(dst, 0)
	dst = strconv.AppendInt(dst, int64(c.Count), 10)
	for _, h := range c.Heads {
		dst = append(dst, 0)
		dst = append(dst, h...)
	}
	return dst
}

// Valid reports whether the record is sound: its sum matches its payload
// (version 2), or its signature verifies under Key (version 1).
func (c Checkpoint) Valid() bool {
	pub, err := hex.DecodeString(c.Key)
	if err != nil || len(pub) != ed25519.PublicKeySize {
		return false
	}
	switch c.V {
	case checkpointVersion:
		return c.Sig == "" && c.Sum == c.seal()
	case signedCheckpointVersion:
		sig, err := hex.DecodeString(c.Sig)
		if err != nil || len(sig) != ed25519.SignatureSize || c.Sum != "" {
			return false
		}
		return ed25519.Verify(ed25519.PublicKey(pub), c.Payload(), sig)
	}
	return false
}

// appendJSON appends the record as encoding/json writes it (the same
// bytes, without reflection: it is written at every append).
func (c Checkpoint) appendJSON(dst []byte) []byte {
	dst = append(dst, `{"v":`...)
	dst = strconv.AppendInt(dst, int64(c.V), 10)
	dst = append(dst, `,"stream":`...)
	dst = appendJSONString(dst, c.Stream)
	dst = append(dst, `,"key":`...)
	dst = appendJSONString(dst, c.Key)
	dst = append(dst, `,"heads":`...)
	if c.Heads == nil {
		dst = append(dst, `null`...)
	} else {
		dst = append(dst, '[')
		for i, h := range c.Heads {
			if i > 0 {
				dst = append(dst, ',')
			}
			dst = appendJSONString(dst, h)
		}
		dst = append(dst, ']')
	}
	dst = append(dst, `,"count":`...)
	dst = strconv.AppendInt(dst, int64(c.Count), 10)
	if c.Sum != "" {
		dst = append(dst, `,"sum":`...)
		dst = appendJSONString(dst, c.Sum)
	}
	if c.Sig != "" {
		dst = append(dst, `,"sig":`...)
		dst = appendJSONString(dst, c.Sig)
	}
	return append(dst, '}')
}

// appendJSONString appends s as encoding/json quotes it: letters, digits
// and the punctuation of ids, keys and stream names as they are; anything
// else (quotes, controls, <, >, &, non-ASCII) through encoding/json.
func appendJSONString(dst []byte, s string) []byte {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 || c >= 0x7f || c == '"' || c == '\\' || c == '<' || c == '>' || c == '&' {
			b, _ := json.Marshal(s)
			return append(dst, b...)
		}
	}
	dst = append(dst, '"')
	dst = append(dst, s...)
	return append(dst, '"')
}

// seal returns the SHA-256 of the payload in lowercase hex.
func (c Checkpoint) seal() string {
	var buf [256]byte // the payload of a stream with a head or two, on the stack
	sum := sha256.Sum256(c.appendPayload(buf[:0]))
	return hex.EncodeToString(sum[:])
}

// SetCheckpointKey sets the function that returns the private key of the
// unlocked profile (its public half names the checkpoints commits write),
// or nil when none is unlocked: commits then write no checkpoint.
func (s *Store) SetCheckpointKey(fn func() ed25519.PrivateKey) {
	s.mu.Lock()
	s.sealKey = fn
	s.mu.Unlock()
}

// checkpointPub returns the public key, in lowercase hex, that names the
// checkpoints of the unlocked profile, or "" when none is unlocked.
func (s *Store) checkpointPub() string {
	s.mu.Lock()
	fn := s.sealKey
	s.mu.Unlock()
	if fn == nil {
		return ""
	}
	key := fn()
	if len(key) != ed25519.PrivateKeySize {
		return ""
	}
	pub := key[ed25519.SeedSize:]
	s.mu.Lock()
	defer s.mu.Unlock()
	// Written at every append: encoded once per key.
	if !bytes.Equal(s.sealPub[:], pub) || s.sealPubHex == "" {
		copy(s.sealPub[:], pub)
		s.sealPubHex = hex.EncodeToString(pub)
	}
	return s.sealPubHex
}

// advanceCheckpoints updates, inside txn, the checkpoint of the key pub
// (lowercase hex; none when empty) for every stream fresh (events just
// stored) touches, and returns the records it wrote (for remember, once
// txn is committed).
func (s *Store) advanceCheckpoints(txn *badger.Txn, fresh []ledger.Event, pub string) ([]sealedCheckpoint, error) {
	if len(fresh) == 0 || pub == "" {
		return nil, nil
	}
	var out []sealedCheckpoint
	err := eachStream(fresh, func(stream string, events []ledger.Event) error {
		k := checkpointKey(stream, pub)
		ck, ok, err := s.readCheckpoint(txn, k, stream, pub)
		if err != nil {
			return err
		}
		if ok {
			ck.Count += len(events)
			ck.Heads = advanceHeads(ck.Heads, events)
		} else if ck, err = scanCheckpoint(txn, stream, pub); err != nil {
			return err
		}
		// A signed record read back is carried forward in the current
		// version.
		ck.V, ck.Sig = checkpointVersion, ""
		ck.Sum = ck.seal()
		b := ck.appendJSON(make([]byte, 0, 160+65*len(ck.Heads)+len(stream)))
		if err := txn.Set(k, b); err != nil {
			return err
		}
		out = append(out, sealedCheckpoint{key: string(k), ck: ck})
		return nil
	})
	return out, err
}

// eachStream calls fn with each stream that events touch and its events,
// in the order the streams first appear.
func eachStream(events []ledger.Event, fn func(stream string, events []ledger.Event) error) error {
	one := true
	for _, e := range events[1:] {
		one = one && e.Dossier == events[0].Dossier
	}
	if one {
		// An append: one event, or a dossier's events, of one stream.
		return fn(events[0].Dossier, events)
	}
	byStream := map[string][]ledger.Event{}
	var streams []string
	for _, e := range events {
		if _, ok := byStream[e.Dossier]; !ok {
			streams = append(streams, e.Dossier)
		}
		byStream[e.Dossier] = append(byStream[e.Dossier], e)
	}
	for _, stream := range streams {
		if err := fn(stream, byStream[stream]); err != nil {
			return err
		}
	}
	return nil
}

// checkpointCache remembers the checkpoint records this process committed
// last, so that the next commit to the same stream need not read, decode
// and verify its own record again. The store is this process's alone while
// open (Badger's lock), every commit that advances a stream's checkpoint
// holds the stream's lock (lockStreams), and everything else that writes
// to the store calls Invalidate, which empties the cache (as its contract
// asks of anyone writing through DB(): the dossiers' caches rely on it
// alike); a failed commit forgets its streams' records, and a commit that
// puts a record of the checkpoints' bucket forgets them all. So a record in
// the cache is the record stored. A stream not in it is read as stored.
type checkpointCache map[string]sealedCheckpoint

// checkpointBucket is the records' bucket, the prefix of their keys.
const checkpointBucket = "ck"

// streamLocks is how many locks serialize the commits to streams (a
// stream takes the one its name's hash picks; streams sharing one wait
// for each other, rarely, and harmlessly).
const streamLocks = 64

// lockStreams takes the locks of the streams events touch, in order, and
// returns the function that lets them go. Commits to one stream then
// advance its checkpoint one after the other, each from what the last
// committed: without a read of the record in the transaction, Badger
// would not refuse the second of two concurrent commits built on the same
// record, and one's events would go uncounted.
func (s *Store) lockStreams(events []ledger.Event) (unlock func()) {
	var idx []int
	for _, e := range events {
		// FNV-1a of the stream's name.
		h := uint32(2166136261)
		for i := 0; i < len(e.Dossier); i++ {
			h = (h ^ uint32(e.Dossier[i])) * 16777619
		}
		if i := int(h % streamLocks); !slices.Contains(idx, i) {
			idx = append(idx, i)
		}
	}
	slices.Sort(idx)
	for _, i := range idx {
		s.streams[i].Lock()
	}
	return func() {
		for _, i := range idx {
			s.streams[i].Unlock()
		}
	}
}

// forget drops the remembered checkpoints of pub for the streams events
// touch.
func (s *Store) forget(events []ledger.Event, pub string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, e := range events {
		delete(s.written, string(checkpointKey(e.Dossier, pub)))
	}
}

// forgetAll drops every remembered checkpoint.
func (s *Store) forgetAll() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.written = nil
}

// checkpointCacheCap bounds the cache (a commit to a stream not in it
// reads the record the ordinary way); when full it starts over.
const checkpointCacheCap = 1024

// sealedCheckpoint is one checkpoint record committed: its key and value.
type sealedCheckpoint struct {
	key string
	ck  Checkpoint
}

// remember records the checkpoints a committed transaction wrote.
func (s *Store) remember(sealed []sealedCheckpoint) {
	if len(sealed) == 0 {
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.written == nil || len(s.written)+len(sealed) > checkpointCacheCap {
		s.written = checkpointCache{}
	}
	for _, c := range sealed {
		s.written[c.key] = c
	}
}

// advanceHeads returns heads with the fresh events added and their parents
// removed, sorted, in a new slice (heads is not changed).
func advanceHeads(heads []string, fresh []ledger.Event) []string {
	if len(heads)+len(fresh) > smallHeads {
		return advanceManyHeads(heads, fresh)
	}
	// A few ids (an append: one head, one event): looked up in place.
	named := func(id string) bool {
		for _, e := range fresh {
			if slices.Contains(e.Parents, id) {
				return true
			}
		}
		return false
	}
	out := make([]string, 0, len(heads)+len(fresh))
	for _, id := range heads {
		if !named(id) && !slices.Contains(out, id) {
			out = append(out, id)
		}
	}
	for _, e := range fresh {
		if !named(e.ID) && !slices.Contains(out, e.ID) {
			out = append(out, e.ID)
		}
	}
	slices.Sort(out)
	return out
}

// smallHeads is how many heads and fresh events advanceHeads looks up in
// place; past it, through a set (the lookups grow as its square).
const smallHeads = 16

// advanceManyHeads is advanceHeads through a set.
func advanceManyHeads(heads []string, fresh []ledger.Event) []string {
	set := make(map[string]bool, len(heads)+len(fresh))
	for _, h := range heads {
		set[h] = true
	}
	for _, e := range fresh {
		set[e.ID] = true
	}
	for _, e := range fresh {
		for _, p := range e.Parents {
			delete(set, p)
		}
	}
	out := make([]string, 0, len(set))
	for h := range set {
		out = append(out, h)
	}
	sort.Strings(out)
	return out
}

// readCheckpoint reads the checkpoint of stream by pub, stored under k;
// ok is false when there is none or it does not verify (it is then rebuilt
// from the events). A record this process committed last is taken from
// checkpointCache, neither read nor verified again; the caller holds the
// stream's lock (lockStreams).
func (s *Store) readCheckpoint(txn *badger.Txn, k []byte, stream, pub string) (Checkpoint, bool, error) {
	s.mu.Lock()
	c, known := s.written[string(k)]
	s.mu.Unlock()
	if known {
		return c.ck, true, nil
	}
	item, err := txn.Get(k)
	if errors.Is(err, badger.ErrKeyNotFound) {
		return Checkpoint{}, false, nil
	}
	if err != nil {
		return Checkpoint{}, false, err
	}
	var ck Checkpoint
	err = item.Value(func(v []byte) error { return json.Unmarshal(v, &ck) })
	if err != nil {
		return Checkpoint{}, false, nil
	}
	if !ck.Valid() || ck.Stream != stream || ck.Key != pub {
		return Checkpoint{}, false, nil
	}
	return ck, true, nil
}

// scanCheckpoint builds the checkpoint of stream from every event stored
// in txn (those written earlier in txn included).
func scanCheckpoint(txn *badger.Txn, stream, pub string) (Checkpoint, error) {
	ck := Checkpoint{V: checkpointVersion, Stream: stream, Key: pub}
	named := map[string]bool{}
	var ids []string
	prefix := []byte("ev/" + stream + "/")
	it := txn.NewIterator(badger.IteratorOptions{Prefix: prefix, PrefetchValues: true, PrefetchSize: 64})
	defer it.Close()
	for it.Rewind(); it.Valid(); it.Next() {
		key := string(it.Item().Key())
		err := it.Item().Value(func(v []byte) error {
			// Only the graph counts here: the id is the key's, the
			// parents are read off the layout (events were checked
			// when written; reading them checks them again).
			if parents, ok := ledger.WireParents(v); ok {
				ids = append(ids, key[len(prefix):])
				for _, p := range parents {
					named[p] = true
				}
				return nil
			}
			e, err := decodeEvent(key, v)
			if err != nil {
				return err
			}
			ids = append(ids, e.ID)
			for _, p := range e.Parents {
				named[p] = true
			}
			return nil
		})
		if err != nil {
			return ck, err
		}
	}
	ck.Count = len(ids)
	ck.Heads = []string{}
	for _, id := range ids {
		if !named[id] {
			ck.Heads = append(ck.Heads, id)
		}
	}
	sort.Strings(ck.Heads)
	return ck, nil
}

// Missing returns the ids of events of stream that a checkpoint says were
// stored here and that are gone, sorted; and how many events the stream
// lacks against the largest count a checkpoint recorded (0 when none).
// A checkpoint that does not verify is store.corrupt.
func (s *Store) Missing(stream string) (ids []string, short int, err error) {
	err = s.db.View(func(txn *badger.Txn) error {
		prefix := "ev/" + stream + "/"
		have := map[string]bool{}
		it := txn.NewIterator(badger.IteratorOptions{Prefix: []byte(prefix)})
		for it.Rewind(); it.Valid(); it.Next() {
			have[strings.TrimPrefix(string(it.Item().Key()), prefix)] = true
		}
		it.Close()
		cks, err := checkpointsIn(txn, stream)
		ids, short = missingFrom(cks, have)
		return err
	})
	return ids, short, asCoded(err)
}

// missingFrom returns the heads named by cks that are not among the ids of
// the events the stream holds (have), sorted, and by how many events the
// most any checkpoint counted exceeds len(have).
func missingFrom(cks []Checkpoint, have map[string]bool) (ids []string, short int) {
	gone := map[string]bool{}
	most := 0
	for _, ck := range cks {
		most = max(most, ck.Count)
		for _, h := range ck.Heads {
			if !have[h] && !gone[h] {
				gone[h] = true
				ids = append(ids, h)
			}
		}
	}
	sort.Strings(ids)
	return ids, max(0, most-len(have))
}

// missingErr is store.events_missing for stream when a checkpoint names
// events that are gone (params stream, count, first).
func missingErr(stream string, ids []string, short int) error {
	n := max(len(ids), short)
	if n == 0 {
		return nil
	}
	first := ""
	if len(ids) > 0 {
		first = ids[0]
	}
	return apperr.New("store.events_missing", "stream", stream, "count", strconv.Itoa(n), "first", first)
}

// Checkpoints returns every checkpoint of stream, verified (store.corrupt
// naming the record otherwise).
func (s *Store) Checkpoints(stream string) ([]Checkpoint, error) {
	var out []Checkpoint
	err := s.db.View(func(txn *badger.Txn) error {
		var err error
		out, err = checkpointsIn(txn, stream)
		return err
	})
	return out, asCoded(err)
}

func checkpointsIn(txn *badger.Txn, stream string) ([]Checkpoint, error) {
	var out []Checkpoint
	prefix := []byte("ck/" + stream + "/")
	it := txn.NewIterator(badger.IteratorOptions{Prefix: prefix, PrefetchValues: true, PrefetchSize: 8})
	defer it.Close()
	for it.Rewind(); it.Valid(); it.Next() {
		key := string(it.Item().Key())
		var ck Checkpoint
		err := it.Item().Value(func(v []byte) (err error) {
			ck, err = parseCheckpoint(stream, key, v)
			return err
		})
		if err != nil {
			return nil, err
		}
		out = append(out, ck)
	}
	return out, nil
}

// parseCheckpoint decodes and checks the checkpoint of stream stored under
// key: store.corrupt unless it decodes, its seal or signature holds, and it
// lies under its own key.
func parseCheckpoint(stream, key string, v []byte) (Checkpoint, error) {
	var ck Checkpoint
	err := json.Unmarshal(v, &ck)
	if err != nil || !ck.Valid() || ck.Stream != stream || key != string(checkpointKey(stream, ck.Key)) {
		return Checkpoint{}, apperr.New("store.corrupt", "key", key)
	}
	return ck, nil
}
