// Package ledger is the append-only, signed, content-addressed event log
// that every GoLive release dossier is built on.
//
// # Events
//
// An Event names its dossier, its parent events, its author's Ed25519
// public key, the time it was made (with its zone), a kind such as
// "dossier.created" and a JSON body. Events are made with New, which
// canonicalizes the body, computes the id and signs it. Nothing in this
// package rewrites or deletes an event: an event's id is a hash of its
// content, so any change is a different event. A correction is a new event
// whose parents include the event it corrects.
//
// # Canonical bytes and id
//
// Event.Canonical returns the bytes an id hashes: a JSON object with a
// fixed member order, no whitespace, written by hand (format version 1):
//
//	{"v":1,"dossier":D,"parents":[P,…],"author":"A","time":"T","zone":Z,"kind":K,"body":B}
//
// where
//
//   - D, Z and K are JSON strings (the dossier id, the time's zone name and
//     the kind) in the string form below;
//   - each P is a parent id as a JSON string, ascending and unique,
//     separated by "," ("parents":[] when there are none);
//   - A is the author's public key: 64 lowercase hex digits;
//   - T is the time formatted with time.RFC3339Nano in the event's own
//     location (for example 2026-11-26T21:18:00.123+08:00, or …Z in UTC);
//   - Z is that location's name, loc.String(), for example "Asia/Shanghai"
//     or "UTC"; it is never empty and never "Local";
//   - B is the body in canonical JSON (see CanonicalJSON).
//
// For example (the golden vector of this package's tests; its id is
// 4f36b8edc2bf35e0c7137afb112fea51a2efb25f5b37a509d1bd1fc7bc040b74):
//
//	{"v":1,"dossier":"d-1","parents":[],"author":"03a107bff3ce10be1d70dd18e74bc09967e4d6309ba50d5f1ddc8664125531b8","time":"2026-11-26T21:18:00.123+08:00","zone":"Asia/Shanghai","kind":"dossier.created","body":{"n":1,"title":"发布 <R1> & co"}}
//
// The id is the lowercase hex SHA-256 of those bytes; the signature (Sig)
// is the lowercase hex Ed25519 signature by the author over the 32 raw
// bytes of the id. Verify checks well-formedness (ledger.malformed), then
// the id (ledger.bad_id), then the signature (ledger.bad_signature).
//
// # Canonical JSON
//
// Canonical JSON, used for bodies and for every string above, is JSON
// (RFC 8259) with no insignificant whitespace; object members sorted by key,
// comparing the keys' UTF-8 bytes; numbers exactly as written in the input
// (1.0, 1e3 and -0 are kept, so 1.0 and 1 are different bodies); literals
// true, false, null. A string is written between double quotes with '"' and
// '\' escaped as \" and \\, U+0008, U+0009, U+000A, U+000C and U+000D as
// \b, \t, \n, \f and \r, the other characters below U+0020 as \u00xx
// (lowercase hex), and every other character, including '<', '>', '&', '/',
// U+2028 and non-ASCII text such as 中文, as its own UTF-8 bytes. Input
// escapes are decoded first ("\u4e2d" becomes 中). Invalid JSON, invalid
// UTF-8, duplicate keys in one object and nesting deeper than 512 are
// rejected.
//
// # Storage encoding
//
// Marshal writes the canonical object with "id" first and "sig" last:
//
//	{"id":"<64 hex>","v":1,"dossier":D,…,"body":B,"sig":"<128 hex>"}
//
// Unmarshal accepts exactly those bytes, verifies the event and restores
// the time's location from the zone name (time.LoadLocation, or
// time.FixedZone(zone, offset) when the zone cannot be loaded or disagrees
// with the recorded offset), so the instant, the zone name and the id
// survive a round trip on any machine.
//
// # Order, merging and concurrent edits
//
// A dossier's state is a pure fold over its events in Order. Order is a
// topological order (every parent before its children) in which, among the
// events whose parents are all placed, the one with the earliest time (as an
// instant, whatever its zone) comes next, ties broken by the smaller id. It
// depends only on the set of events, never on the order they arrived in, so
// two copies holding the same events fold to the same state.
//
// Two copies of a dossier merge by the union of their events (Merge); Heads
// gives the tips that the next event should name as parents, which joins
// diverged branches.
//
// Concurrent edits are events on different branches (neither is an ancestor
// of the other). A fold applies them in Order, so when two concurrent events
// set the same field, the one later in Order wins: last writer wins by time,
// ties broken by the larger id. An event always comes after its ancestors
// whatever its timestamp, so an edit made after seeing another edit (having
// it as an ancestor) always overrides it, even with a skewed clock. Folds
// (for example the dossier package's) must depend only on this order.
package ledger
