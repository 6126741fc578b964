package ledger

import (
	"bytes"
	"crypto/ed25519"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"io"
	"slices"
	"strconv"
	"sync"
	"sync/atomic"
	"time"
	"unicode/utf8"

	"golive/backend/apperr"
)

// Error codes returned by this package (see package apperr).
const (
	// CodeMalformed: an event or its encoding is not well formed (bad hex,
	// wrong lengths, unsorted or duplicate parents, empty kind or dossier,
	// body not canonical, bad time or zone, unknown fields, trailing data,
	// or bytes that are not the canonical wire form).
	CodeMalformed = "ledger.malformed"
	// CodeBadID: the id is not the SHA-256 of the event's canonical bytes.
	CodeBadID = "ledger.bad_id"
	// CodeBadSignature: the signature does not verify under the author key.
	CodeBadSignature = "ledger.bad_signature"
	// CodeLocalTime: New was given a time in time.Local; pass an explicit zone.
	CodeLocalTime = "ledger.local_time"
	// CodeBadZone: New was given a time whose location has no usable name.
	CodeBadZone = "ledger.bad_zone"
	// CodeBadKey: New was given a private key of the wrong length.
	CodeBadKey = "ledger.bad_key"
	// CodeInvalidJSON: CanonicalJSON (or New's body) got invalid JSON.
	CodeInvalidJSON = "ledger.invalid_json"
	// CodeBadBody: Decode could not decode the body into the given value.
	CodeBadBody = "ledger.bad_body"
	// CodeMissingParent: Order met an event whose parent is not in the set.
	CodeMissingParent = "ledger.missing_parent"
	// CodeCycle: Order met events whose parents form a cycle (only possible
	// with unverified events, since ids are hashes).
	CodeCycle = "ledger.cycle"
)

// FormatVersion is the value of "v" in the canonical layout.
const FormatVersion = 1

const (
	idHexLen  = 2 * sha256.Size           // 64
	keyHexLen = 2 * ed25519.PublicKeySize // 64
	sigHexLen = 2 * ed25519.SignatureSize // 128
)

// Event is one signed entry in a dossier's log.
type Event struct {
	ID      string          `json:"id"`      // lowercase hex SHA-256 of Canonical()
	Dossier string          `json:"dossier"` // dossier id (non-empty string)
	Parents []string        `json:"parents"` // sorted ascending, unique, lowercase-hex event ids (may be empty for the first event)
	Author  string          `json:"author"`  // lowercase hex of the 32-byte Ed25519 public key
	Time    time.Time       `json:"time"`    // keeps its zone (see encoding below)
	Kind    string          `json:"kind"`    // e.g. "dossier.created", non-empty
	Body    json.RawMessage `json:"body"`    // canonical JSON (see CanonicalJSON)
	Sig     string          `json:"sig"`     // lowercase hex Ed25519 signature over the 32 raw bytes of ID

	// made is set by New only (events decoded from bytes never have it):
	// the id and signature New made in this process.
	made *madeHere
}

// madeHere is what New made in this process, signing with a key whose
// public half it checked against the seed: the event's id, signature and
// content as New signed them (its own copy of the parents, and the body
// inside the wire bytes), and its Marshal encoding. While an event still
// carries exactly that id, signature and content, it is byte for byte
// what New signed and encoded: Verify, Marshal and Encode then need not
// hash, check or encode it again. Any change to the event (another body,
// even edited in place, parent, zone, author, signature or id) makes it
// an ordinary event, checked in full.
type madeHere struct {
	id, sig, dossier, kind, author string
	time                           time.Time
	parents                        []string
	// wire is the event's Marshal encoding, and body its body in it.
	wire, body []byte
}

// same reports whether e is still what New made.
func (m *madeHere) same(e Event) bool {
	// time.Time's == compares the instant, the monotonic reading (New
	// drops it) and the location pointer: equal only for the same zone.
	return m.id == e.ID && m.sig == e.Sig && m.dossier == e.Dossier && m.kind == e.Kind &&
		m.author == e.Author && m.time == e.Time && slices.Equal(m.parents, e.Parents) &&
		bytes.Equal(m.body, e.Body)
}

// MadeHere reports whether e was made by New in this process and is still
// exactly what New made: the same id, signature and content (an event
// decoded from bytes never is). Its id then hashes content that includes
// its time to the nanosecond and its author's key, so a store can tell
// that it has not seen it yet without looking it up (see store.Commit).
func (e Event) MadeHere() bool {
	return e.made != nil && e.made.same(e)
}

// New builds and signs an event of dossier with the given parents, kind and
// body at time at, authored by key.
//
// Parents are copied, sorted and de-duplicated; each must be a lowercase-hex
// event id. Body is canonicalized with CanonicalJSON (a nil body becomes
// null). at must carry an explicit, named location: a time in time.Local is
// refused with ledger.local_time (convert it with In first; UTC is fine), a
// location with an empty name or the name "Local" with ledger.bad_zone. The
// monotonic clock reading is dropped. key must be a 64-byte Ed25519 private
// key (ledger.bad_key otherwise). The id is a function of those alone; the
// signature is RFC 8032's deterministic one unless Presign is in force
// for key (see Sign).
func New(dossier string, parents []string, kind string, body any, at time.Time, key ed25519.PrivateKey) (Event, error) {
	if len(key) != ed25519.PrivateKeySize {
		return Event{}, apperr.New(CodeBadKey, "length", strconv.Itoa(len(key)))
	}
	if at.Location() == time.Local {
		return Event{}, apperr.New(CodeLocalTime).WithDetail("time %s is in time.Local; pass an explicit zone", at)
	}
	if name := at.Location().String(); name == "" || name == "Local" {
		return Event{}, apperr.New(CodeBadZone, "zone", name).WithDetail("the time's location needs an IANA name such as UTC or Asia/Shanghai")
	}
	ps := make([]string, len(parents))
	copy(ps, parents)
	slices.Sort(ps)
	ps = slices.Compact(ps)
	b, err := CanonicalJSON(body)
	if err != nil {
		return Event{}, err
	}
	author, consistent := keyAuthor(key)
	e := Event{
		Dossier: dossier,
		Parents: ps,
		Author:  author,
		Time:    at.Round(0),
		Kind:    kind,
		Body:    b,
	}
	if err := e.checkContent(false); err != nil {
		return Event{}, err
	}
	// The canonical bytes are written where the wire encoding wants
	// them, after room for the id: hashed, then turned into the wire
	// bytes in place (Marshal's layout is the canonical one with the id
	// first and the signature last), in one buffer.
	w := make([]byte, len(idHead)+idHexLen+len(idTail)-1, wireRoom+len(e.Body)+len(e.Dossier)+len(e.Kind)+(idHexLen+3)*len(ps))
	canon := len(w)
	w = e.appendCanonical(w)
	sum := sha256.Sum256(w[canon:])
	copy(w, idHead)
	hex.Encode(w[len(idHead):], sum[:])
	copy(w[len(idHead)+idHexLen:], idTail) // its comma replaces the canonical '{'
	w = w[:len(w)-1]                       // and the canonical '}' goes
	bodyAt := len(w) - len(e.Body)
	sig := Sign(key, sum[:])
	w = append(w, sigTail...)
	w = hex.AppendEncode(w, sig)
	w = append(w, wireEnd...)
	e.ID = string(w[len(idHead) : len(idHead)+idHexLen])
	e.Sig = string(w[len(w)-len(wireEnd)-sigHexLen : len(w)-len(wireEnd)])
	if consistent {
		e.made = &madeHere{id: e.ID, sig: e.Sig, dossier: e.Dossier, kind: e.Kind, author: e.Author,
			time: e.Time, parents: slices.Clone(e.Parents), wire: w, body: w[bodyAt : bodyAt+len(e.Body)]}
		verified.add(sigKey(e.ID, e.Sig))
	}
	return e, nil
}

// The members around the canonical ones in Marshal's layout.
const (
	idHead  = `{"id":"`
	idTail  = `",`
	sigTail = `,"sig":"`
	wireEnd = `"}`
)

// wireRoom is the room New makes for an encoding's members besides its
// body, dossier, kind and parents: the id, signature, author, time (up to
// 35 bytes), zone (up to 30 or so) and the members' names take up to
// about 420 bytes.
const wireRoom = 448

// consistentKeys remembers (by SHA-256) the private keys whose public half
// matches their seed, with that half in lowercase hex; bounded, it starts
// over when full.
var (
	consistentMu   sync.Mutex
	consistentKeys = map[[sha256.Size]byte]string{}
)

const consistentCap = 64

// keyAuthor returns key's public half in lowercase hex (the author New
// writes) and whether it is the public key of key's seed: only then does
// a signature made with key verify under that author, which Verify relies
// on for the events New marks. Checked once per key.
func keyAuthor(key ed25519.PrivateKey) (author string, consistent bool) {
	h := sha256.Sum256(key)
	consistentMu.Lock()
	author, ok := consistentKeys[h]
	consistentMu.Unlock()
	if ok {
		return author, true
	}
	author = hex.EncodeToString(key[ed25519.SeedSize:])
	derived := ed25519.NewKeyFromSeed(key.Seed())
	if !bytes.Equal(derived[ed25519.SeedSize:], key[ed25519.SeedSize:]) {
		return author, false
	}
	consistentMu.Lock()
	if len(consistentKeys) >= consistentCap {
		consistentKeys = map[[sha256.Size]byte]string{}
	}
	consistentKeys[h] = author
	consistentMu.Unlock()
	return author, true
}

// Canonical returns the bytes an event's id hashes: every field except ID
// and Sig, in the layout documented in the package overview. It returns
// ledger.malformed if a field cannot be encoded unambiguously.
func (e Event) Canonical() ([]byte, error) {
	if err := e.checkContent(true); err != nil {
		return nil, err
	}
	return e.appendCanonical(nil), nil
}

// Verify checks that e is well formed (ledger.malformed), that its id is
// the SHA-256 of its canonical bytes (ledger.bad_id) and that its signature
// verifies under its author key (ledger.bad_signature), in that order.
//
// The id is recomputed every time; a signature that verified once is
// remembered (keyed by the SHA-256 of id and signature, so a changed
// signature or content is checked afresh), because reading a dossier
// verifies all its events and Ed25519 dominates that cost. So is the
// signature of every event New made in this process. An event New made,
// still exactly as it made it (MadeHere: compared field by field with
// what it signed), is not checked again: committing what the app has just
// signed neither hashes nor verifies it.
func (e Event) Verify() error {
	if e.MadeHere() {
		return nil
	}
	sum, err := e.checkID()
	if err != nil {
		return err
	}
	key := sigKey(e.ID, e.Sig)
	if verified.has(key) {
		return nil
	}
	sig, _ := hex.DecodeString(e.Sig)
	pub, _ := hex.DecodeString(e.Author)
	if !ed25519.Verify(pub, sum[:], sig) {
		return apperr.New(CodeBadSignature, "event", e.ID)
	}
	verified.add(key)
	return nil
}

// sigKey is the key of an event's signature in the verified set: the
// SHA-256 of its id and signature (in hex, as the event holds them).
func sigKey(id, sig string) [sha256.Size]byte {
	var buf [idHexLen + sigHexLen]byte
	return sha256.Sum256(append(append(buf[:0], id...), sig...))
}

// verifiedCap bounds the memory of the verified-signature set (about 5 MB).
const verifiedCap = 100_000

// sigSet is a bounded, concurrency-safe set of verified signatures; when it
// is full it starts over.
type sigSet struct {
	mu sync.Mutex
	m  map[[sha256.Size]byte]struct{}
}

var verified = &sigSet{m: map[[sha256.Size]byte]struct{}{}}

// wholeWire is the set of SHA-256 digests of the encodings Unmarshal
// accepted: id, signature and canonical form all checked.
var wholeWire = &sigSet{m: map[[sha256.Size]byte]struct{}{}}

func (s *sigSet) has(k [sha256.Size]byte) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	_, ok := s.m[k]
	return ok
}

func (s *sigSet) add(k [sha256.Size]byte) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if len(s.m) >= verifiedCap {
		s.m = map[[sha256.Size]byte]struct{}{}
	}
	s.m[k] = struct{}{}
}

// checkID checks well-formedness and the id, returning the raw id.
func (e Event) checkID() ([sha256.Size]byte, error) {
	var sum [sha256.Size]byte
	if !isLowerHex(e.ID, idHexLen) {
		return sum, e.malformed("id is not %d lowercase hex digits", idHexLen)
	}
	if !isLowerHex(e.Sig, sigHexLen) {
		return sum, e.malformed("sig is not %d lowercase hex digits", sigHexLen)
	}
	if e.MadeHere() {
		// What New hashed and signed, unchanged.
		_, _ = hex.Decode(sum[:], []byte(e.ID))
		return sum, nil
	}
	if err := e.checkContent(true); err != nil {
		return sum, err
	}
	sum = sha256.Sum256(e.appendCanonical(nil))
	if hex.EncodeToString(sum[:]) != e.ID {
		return sum, apperr.New(CodeBadID, "event", e.ID)
	}
	return sum, nil
}

func (e Event) malformed(format string, args ...any) error {
	var err *apperr.Error
	if e.ID != "" {
		err = apperr.New(CodeMalformed, "event", e.ID)
	} else {
		err = apperr.New(CodeMalformed)
	}
	return err.WithDetail(format, args...)
}

// checkContent checks every field covered by the canonical bytes. The body
// is re-canonicalized only if checkBody is set.
func (e Event) checkContent(checkBody bool) error {
	if e.Dossier == "" || !utf8.ValidString(e.Dossier) {
		return e.malformed("dossier is empty or not UTF-8")
	}
	if e.Kind == "" || !utf8.ValidString(e.Kind) {
		return e.malformed("kind is empty or not UTF-8")
	}
	for i, p := range e.Parents {
		if !isLowerHex(p, idHexLen) {
			return e.malformed("parent %d is not %d lowercase hex digits", i, idHexLen)
		}
		if i > 0 && e.Parents[i-1] >= p {
			return e.malformed("parents are not sorted and unique")
		}
	}
	if !isLowerHex(e.Author, keyHexLen) {
		return e.malformed("author is not %d lowercase hex digits", keyHexLen)
	}
	loc := e.Time.Location()
	if name := loc.String(); loc == time.Local || name == "" || name == "Local" || !utf8.ValidString(name) {
		return e.malformed("time has no explicit named zone")
	}
	if y := e.Time.Year(); y < 0 || y > 9999 {
		return e.malformed("year %d outside 0000-9999", y)
	}
	if _, off := e.Time.Zone(); off%60 != 0 {
		// RFC 3339 writes offsets in whole minutes: such a time would be
		// signed as another instant than the one it holds (local mean
		// times before 1900 have offsets like +00:09:21).
		return e.malformed("the zone's offset at %s is %d s, not a whole number of minutes", e.Time.UTC().Format(time.RFC3339), off)
	}
	if len(e.Body) == 0 {
		return e.malformed("body is empty")
	}
	if checkBody {
		c, err := canonicalize(e.Body, true) // compared, not kept
		if err != nil || !bytes.Equal(c, e.Body) {
			return e.malformed("body is not canonical JSON")
		}
	}
	return nil
}

// appendFields writes the canonical members without the enclosing braces.
// The event must have passed checkContent.
func (e Event) appendFields(dst []byte) []byte {
	dst = append(dst, `"v":1,"dossier":`...)
	dst = appendString(dst, e.Dossier)
	dst = append(dst, `,"parents":[`...)
	for i, p := range e.Parents {
		if i > 0 {
			dst = append(dst, ',')
		}
		dst = append(dst, '"')
		dst = append(dst, p...)
		dst = append(dst, '"')
	}
	dst = append(dst, `],"author":"`...)
	dst = append(dst, e.Author...)
	dst = append(dst, `","time":"`...)
	dst = e.Time.AppendFormat(dst, time.RFC3339Nano)
	dst = append(dst, `","zone":`...)
	dst = appendString(dst, e.Time.Location().String())
	dst = append(dst, `,"kind":`...)
	dst = appendString(dst, e.Kind)
	dst = append(dst, `,"body":`...)
	return append(dst, e.Body...)
}

func (e Event) appendCanonical(dst []byte) []byte {
	dst = append(dst, '{')
	dst = e.appendFields(dst)
	return append(dst, '}')
}

func (e Event) appendWire(dst []byte) []byte {
	dst = append(dst, `{"id":"`...)
	dst = append(dst, e.ID...)
	dst = append(dst, `",`...)
	dst = e.appendFields(dst)
	dst = append(dst, `,"sig":"`...)
	dst = append(dst, e.Sig...)
	return append(dst, `"}`...)
}

// WireParents returns the parents of the event Marshal encoded as b,
// read from its layout without decoding or checking the rest: for a store
// walking the graph of events it checked when it wrote them. ok is false
// when b is not in that layout (the caller then decodes it in full).
func WireParents(b []byte) (parents []string, ok bool) {
	const field = `,"parents":[`
	i := bytes.Index(b, []byte(field))
	if !bytes.HasPrefix(b, []byte(`{"id":"`)) || i < 0 {
		return nil, false
	}
	// Nothing before the field (id, v, dossier) can hold an unescaped
	// quote, so its first occurrence is the field itself.
	rest := b[i+len(field):]
	parents = []string{}
	for len(rest) > 0 && rest[0] != ']' {
		if len(parents) > 0 {
			if rest[0] != ',' {
				return nil, false
			}
			rest = rest[1:]
		}
		if len(rest) < idHexLen+2 || rest[0] != '"' || rest[idHexLen+1] != '"' || !isLowerHex(string(rest[1:idHexLen+1]), idHexLen) {
			return nil, false
		}
		parents = append(parents, string(rest[1:idHexLen+1]))
		rest = rest[idHexLen+2:]
	}
	if len(rest) == 0 {
		return nil, false
	}
	return parents, true
}

// Marshal returns the storage and wire encoding of e: the canonical layout
// with "id" added first and "sig" last (see the package overview). It is
// deterministic. Marshal refuses a malformed event (ledger.malformed) or one
// whose id does not match its content (ledger.bad_id); it does not check the
// signature, which is Verify's job.
func Marshal(e Event) ([]byte, error) {
	if _, err := e.checkID(); err != nil {
		return nil, err
	}
	return e.appendWire(make([]byte, 0, 512+len(e.Body))), nil
}

// Encode verifies e (see Verify for the codes) and returns its Marshal
// encoding, checking its well-formedness and id once: what a store does
// with an event before writing it. For an event New made, still exactly
// as it made it (MadeHere), it checks nothing and returns the bytes New
// wrote, shared with the event: the caller must not change them.
func Encode(e Event) ([]byte, error) {
	if e.MadeHere() {
		return e.made.wire, nil
	}
	if err := e.Verify(); err != nil {
		return nil, err
	}
	return e.appendWire(make([]byte, 0, 512+len(e.Body))), nil
}

type wireEvent struct {
	ID      string          `json:"id"`
	V       int             `json:"v"`
	Dossier string          `json:"dossier"`
	Parents []string        `json:"parents"`
	Author  string          `json:"author"`
	Time    string          `json:"time"`
	Zone    string          `json:"zone"`
	Kind    string          `json:"kind"`
	Body    json.RawMessage `json:"body"`
	Sig     string          `json:"sig"`
}

// Unmarshal decodes an event written by Marshal and verifies it (see
// Verify for the codes). Unknown fields, trailing data, an unknown format
// version, a bad time or zone, and any byte sequence other than exactly what
// Marshal would write for the decoded event are rejected with
// ledger.malformed. The time's location is restored with time.LoadLocation
// of the zone name, or time.FixedZone(zone, offset) when that location is
// unavailable or disagrees with the recorded offset, so the instant, the zone
// name and the canonical bytes always round-trip.
func Unmarshal(b []byte) (Event, error) {
	// Bytes that passed every check below once are the same event again:
	// decoded, but neither re-verified nor re-encoded (reading a dossier
	// decodes all its events, and the checks cost twice the decoding).
	whole := sha256.Sum256(b)
	known := wholeWire.has(whole)
	var w wireEvent
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&w); err != nil {
		return Event{}, apperr.Wrap(err, CodeMalformed)
	}
	if _, err := dec.Token(); !errors.Is(err, io.EOF) {
		return Event{}, apperr.New(CodeMalformed, "event", w.ID).WithDetail("trailing data after event")
	}
	if w.V != FormatVersion {
		return Event{}, apperr.New(CodeMalformed, "event", w.ID, "version", strconv.Itoa(w.V)).WithDetail("unsupported format version")
	}
	t, err := restoreTime(w.Time, w.Zone)
	if err != nil {
		return Event{}, apperr.Wrap(err, CodeMalformed, "event", w.ID)
	}
	if w.Parents == nil {
		w.Parents = []string{}
	}
	e := Event{ID: w.ID, Dossier: w.Dossier, Parents: w.Parents, Author: w.Author, Time: t, Kind: w.Kind, Body: w.Body, Sig: w.Sig}
	if known {
		return e, nil
	}
	if err := e.Verify(); err != nil {
		return Event{}, err
	}
	if !bytes.Equal(e.appendWire(make([]byte, 0, len(b))), b) {
		return Event{}, e.malformed("not in canonical wire form")
	}
	wholeWire.add(whole)
	return e, nil
}

// restoreTime parses an RFC3339Nano time written in zone.
func restoreTime(s, zone string) (time.Time, error) {
	if zone == "" || zone == "Local" {
		return time.Time{}, errors.New("zone must be a non-empty name other than Local")
	}
	t, err := time.Parse(time.RFC3339Nano, s)
	if err != nil {
		return time.Time{}, err
	}
	if loc := loadZone(zone); loc != nil {
		if tt := t.In(loc); tt.Format(time.RFC3339Nano) == s {
			return tt, nil
		}
	}
	_, off := t.Zone()
	tt := t.In(time.FixedZone(zone, off))
	if tt.Format(time.RFC3339Nano) != s {
		return time.Time{}, errors.New("time is not in canonical RFC3339Nano form")
	}
	return tt, nil
}

var (
	zoneCache  sync.Map // name -> *time.Location (nil if it cannot be loaded)
	zoneCached atomic.Int64
)

const maxCachedZones = 256

// loadZone is time.LoadLocation with a small cache; nil if unavailable.
func loadZone(name string) *time.Location {
	if v, ok := zoneCache.Load(name); ok {
		return v.(*time.Location)
	}
	loc, err := time.LoadLocation(name)
	if err != nil || loc == time.Local {
		loc = nil
	}
	if zoneCached.Add(1) <= maxCachedZones {
		zoneCache.Store(name, loc)
	}
	return loc
}

// AuthorKey returns the author's Ed25519 public key (ledger.malformed if
// Author is not 64 lowercase hex digits).
func (e Event) AuthorKey() (ed25519.PublicKey, error) {
	if !isLowerHex(e.Author, keyHexLen) {
		return nil, e.malformed("author is not %d lowercase hex digits", keyHexLen)
	}
	b, _ := hex.DecodeString(e.Author)
	return ed25519.PublicKey(b), nil
}

// Decode JSON-decodes the event's body into v (ledger.bad_body on failure).
func (e Event) Decode(v any) error {
	if err := json.Unmarshal(e.Body, v); err != nil {
		return apperr.Wrap(err, CodeBadBody, "event", e.ID, "kind", e.Kind)
	}
	return nil
}

func isLowerHex(s string, n int) bool {
	if len(s) != n {
		return false
	}
	for i := 0; i < len(s); i++ {
		if c := s[i]; (c < '0' || c > '9') && (c < 'a' || c > 'f') {
			return false
		}
	}
	return true
}
