package roster

import (
	"bytes"
	"encoding/json"
	"errors"
	"slices"
	"strconv"

	"golive/backend/apperr"
	"golive/backend/keys"
	"golive/backend/ledger"
)

// Codes of a set of roster events that does not form a valid chain
// (VerifyChain, Service.Import), besides the ledger's own codes for an
// event whose id or signature does not verify (a tampered body).
const (
	// CodeBadEvent: an event is not a roster.published event of the roster
	// stream (params: event, problem).
	CodeBadEvent = "roster.bad_event"
	// CodeBadBody: an event's body is not a roster (params: event).
	CodeBadBody = "roster.bad_body"
	// CodeBrokenChain: a version names more than one parent, or a first
	// version is not version 1 (params: event, problem).
	CodeBrokenChain = "roster.broken_chain"
	// CodeMissingParent: a version's parent is not known (params: event, parent).
	CodeMissingParent = "roster.missing_parent"
	// CodeForeignRoot: the first version is not signed by the pinned key
	// (params: event, fingerprint, pinned).
	CodeForeignRoot = "roster.foreign_root"
	// CodeNotPMO: a version is not signed by a key its parent names as PMO,
	// or a first version by one it names itself (params: event, version,
	// fingerprint).
	CodeNotPMO = "roster.not_pmo"
	// CodeNotPinned: the folder has no pinned PMO key yet (params: key and
	// fingerprint of the key the chain is rooted in, when known).
	CodeNotPinned = "roster.not_pinned"
)

// Chain is a verified roster chain: versions 1, 2, … n, the first signed
// by the pinned key, each later one by a PMO of the one before. It is
// immutable; callers must not modify what it returns.
type Chain struct {
	versions []*Version
	byID     map[string]int
	revoked  map[string]revokedAt
}

// revokedAt is a key's revocation and the position of the version that
// made it.
type revokedAt struct {
	at  int
	rev *Revocation
}

// node is a verified roster event on its way into a chain.
type node struct {
	v        *Version
	parent   string
	children []string
	height   int
}

// decodeVersion verifies a roster event and decodes and validates its body.
func decodeVersion(e ledger.Event) (*Version, error) {
	if err := e.Verify(); err != nil {
		return nil, err
	}
	if e.Dossier != Stream {
		return nil, apperr.New(CodeBadEvent, "event", e.ID, "problem", "stream").WithDetail("stream %q is not %q", e.Dossier, Stream)
	}
	if e.Kind != KindPublished {
		return nil, apperr.New(CodeBadEvent, "event", e.ID, "problem", "kind").WithDetail("kind %q is not %q", e.Kind, KindPublished)
	}
	var r Roster
	dec := json.NewDecoder(bytes.NewReader(e.Body))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&r); err != nil {
		return nil, apperr.Wrap(err, CodeBadBody, "event", e.ID)
	}
	if err := r.Validate(); err != nil {
		return nil, withEvent(err, e.ID)
	}
	if len(e.Parents) > 1 {
		return nil, apperr.New(CodeBrokenChain, "event", e.ID, "problem", "parents")
	}
	if len(e.Parents) == 0 && r.Version != 1 {
		return nil, apperr.New(CodeBrokenChain, "event", e.ID, "problem", "root_version")
	}
	v := &Version{Roster: r, Event: e.ID, PublishedAt: e.Time, PublishedBy: e.Author}
	v.idx = newIndex(&v.Roster) // built now, so a chain is never written to once shared
	return v, nil
}

// withEvent adds the event's id to a coded error's parameters.
func withEvent(err error, id string) error {
	var e *apperr.Error
	if errors.As(err, &e) {
		if e.Params == nil {
			e.Params = map[string]string{}
		}
		e.Params["event"] = id
	}
	return err
}

// VerifyChain checks a set of roster events against the pinned PMO key
// (lowercase hex) and returns the chain they form. Every event must
// verify (ledger codes), be a roster.published event of the roster stream
// whose body is a valid roster, and name at most one parent; every
// parent must be in the set. A first version must be signed by the pinned
// key and name that key's owner as PMO; every later version must be
// signed by a key its parent names as PMO and be a valid successor of it.
// One invalid event fails the whole set.
//
// When two valid versions share a parent (two PMO devices published at
// once), the chain follows the longer branch, and at equal length the
// version with the smaller event id, so every copy holding the same events
// picks the same chain. An empty set gives an empty chain.
func VerifyChain(events []ledger.Event, pin string) (*Chain, error) {
	if pin == "" {
		return nil, apperr.New(CodeNotPinned)
	}
	nodes := map[string]*node{}
	for _, e := range events {
		if nodes[e.ID] != nil {
			continue
		}
		v, err := decodeVersion(e)
		if err != nil {
			return nil, err
		}
		n := &node{v: v}
		if len(e.Parents) == 1 {
			n.parent = e.Parents[0]
		}
		nodes[e.ID] = n
	}
	var roots []string
	for _, id := range sortedNodeIDs(nodes) {
		n := nodes[id]
		if n.parent == "" {
			roots = append(roots, id)
			continue
		}
		p := nodes[n.parent]
		if p == nil {
			return nil, apperr.New(CodeMissingParent, "event", id, "parent", n.parent)
		}
		p.children = append(p.children, id)
	}
	// Check every tree from its root down, carrying the keys revoked on
	// the way.
	type item struct {
		id      string
		revoked map[string]bool
	}
	var stack []item
	for _, id := range roots {
		v := nodes[id].v
		if v.PublishedBy != pin {
			return nil, apperr.New(CodeForeignRoot, "event", id, "fingerprint", keys.FingerprintHex(v.PublishedBy), "pinned", keys.FingerprintHex(pin))
		}
		if !v.IsPMO(v.PublishedBy) {
			return nil, apperr.New(CodeNotPMO, "event", id, "version", "1", "fingerprint", keys.FingerprintHex(v.PublishedBy))
		}
		stack = append(stack, item{id, revokedBy(map[string]bool{}, v)})
	}
	for len(stack) > 0 {
		it := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		parent := nodes[it.id].v
		for _, cid := range nodes[it.id].children {
			child := nodes[cid].v
			if !parent.IsPMO(child.PublishedBy) {
				return nil, apperr.New(CodeNotPMO, "event", cid, "version", strconv.Itoa(child.Version), "fingerprint", keys.FingerprintHex(child.PublishedBy))
			}
			if err := checkSuccessor(parent, &child.Roster, it.revoked); err != nil {
				return nil, withEvent(err, cid)
			}
			stack = append(stack, item{cid, revokedBy(it.revoked, child)})
		}
	}
	return selectChain(nodes, roots), nil
}

// revokedBy returns before plus the keys v revokes.
func revokedBy(before map[string]bool, v *Version) map[string]bool {
	out := make(map[string]bool, len(before)+len(v.Revocations))
	for k := range before {
		out[k] = true
	}
	for _, r := range v.Revocations {
		out[r.Key] = true
	}
	return out
}

func sortedNodeIDs(nodes map[string]*node) []string {
	ids := make([]string, 0, len(nodes))
	for id := range nodes {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	return ids
}

// selectChain follows, from the best root, the child of greatest height,
// ties going to the smaller event id.
func selectChain(nodes map[string]*node, roots []string) *Chain {
	// Versions are numbered by depth, so deeper versions come first.
	order := sortedNodeIDs(nodes)
	slices.SortStableFunc(order, func(a, b string) int { return nodes[b].v.Version - nodes[a].v.Version })
	for _, id := range order {
		n := nodes[id]
		n.height = 1
		for _, c := range n.children {
			n.height = max(n.height, nodes[c].height+1)
		}
	}
	best := func(ids []string) string {
		pick := ""
		for _, id := range ids {
			if pick == "" || nodes[id].height > nodes[pick].height || (nodes[id].height == nodes[pick].height && id < pick) {
				pick = id
			}
		}
		return pick
	}
	c := &Chain{byID: map[string]int{}, revoked: map[string]revokedAt{}}
	for id := best(roots); id != ""; id = best(nodes[id].children) {
		v := nodes[id].v
		c.byID[id] = len(c.versions)
		for i := range v.Revocations {
			c.revoked[v.Revocations[i].Key] = revokedAt{at: len(c.versions), rev: &v.Revocations[i]}
		}
		c.versions = append(c.versions, v)
	}
	return c
}

// Len returns the number of versions.
func (c *Chain) Len() int {
	if c == nil {
		return 0
	}
	return len(c.versions)
}

// Versions returns the versions, oldest first.
func (c *Chain) Versions() []Version {
	out := make([]Version, c.Len())
	for i, v := range c.versions {
		out[i] = *v
	}
	return out
}

// Tip returns the latest version (the roster in force), and false for an
// empty chain.
func (c *Chain) Tip() (Version, bool) {
	if c.Len() == 0 {
		return Version{}, false
	}
	return *c.versions[len(c.versions)-1], true
}

// Version returns the version published by event id.
func (c *Chain) Version(id string) (Version, bool) {
	v := c.at(id)
	if v == nil {
		return Version{}, false
	}
	return *v, true
}

func (c *Chain) at(id string) *Version {
	if c.Len() == 0 {
		return nil
	}
	i, ok := c.byID[id]
	if !ok {
		return nil
	}
	return c.versions[i]
}

// PersonOf returns the person a key belongs to in the version published
// by event version (the submitter of a dossier, for Dossier.Applicant).
func (c *Chain) PersonOf(version, key string) (Person, bool) {
	v := c.at(version)
	if v == nil {
		return Person{}, false
	}
	return v.KeyOwner(key)
}

// Revoked returns a key's revocation and the number of the version that
// made it, and false when no version of the chain revokes the key.
func (c *Chain) Revoked(key string) (Revocation, int, bool) {
	if c.Len() == 0 {
		return Revocation{}, 0, false
	}
	r, ok := c.revoked[key]
	if !ok {
		return Revocation{}, 0, false
	}
	return *r.rev, c.versions[r.at].Version, true
}
