package roster

import (
	"crypto/ed25519"
	"encoding/hex"
	"encoding/json"
	"strconv"
	"strings"
	"sync"
	"time"

	"golive/backend/apperr"
	"golive/backend/keys"
	"golive/backend/ledger"
	"golive/backend/profile"
	"golive/backend/store"
	"golive/backend/template"
)

// Codes of the Service besides those of Validate and VerifyChain.
const (
	// CodeFingerprintMismatch: the fingerprint the user confirmed is not
	// the key's (params: fingerprint, confirmed).
	CodeFingerprintMismatch = "roster.fingerprint_mismatch"
	// CodeAlreadyPinned: the folder already pins another PMO key (params: pinned).
	CodeAlreadyPinned = "roster.already_pinned"
	// CodeChainCorrupt: the stored roster events no longer form a valid
	// chain; the cause carries the reason.
	CodeChainCorrupt = "roster.chain_corrupt"
)

// bucket holds the folder's roster records: "roster/pin".
const (
	bucket = "roster"
	keyPin = "pin"
)

// Signer returns the unlocked profile and its key (profile.Service.Signer).
type Signer func() (profile.Summary, ed25519.PrivateKey, error)

// Pin is the PMO key a data folder trusts as the root of its roster chain.
type Pin struct {
	// PublicKey is the pinned Ed25519 public key in lowercase hex.
	PublicKey string `json:"public_key"`
	// Fingerprint is keys.Fingerprint of the key, as the user confirmed it.
	Fingerprint string `json:"fingerprint"`
	// PinnedAt is when the folder pinned it (a local record, never folded).
	PinnedAt time.Time `json:"pinned_at"`
}

// VersionInfo describes one version of the chain for lists.
type VersionInfo struct {
	// Version is 1, 2, …
	Version int `json:"version"`
	// Event is the id of the roster.published event.
	Event string `json:"event"`
	// PublishedAt is the event time, RFC 3339 in its zone.
	PublishedAt string `json:"published_at"`
	// PublishedBy is the publisher's public key, hex.
	PublishedBy string `json:"published_by"`
	// Fingerprint is the publisher key's fingerprint.
	Fingerprint string `json:"fingerprint"`
	// Publisher is the publisher's name, as the version it answers to names him.
	Publisher string `json:"publisher"`
	// Note is the publisher's note.
	Note string `json:"note"`
	// People counts the people listed.
	People int `json:"people"`
}

// ImportResult says what an Import added.
type ImportResult struct {
	// Added counts the versions that were new to the folder.
	Added int `json:"added"`
	// Versions is the length of the chain afterwards.
	Versions int `json:"versions"`
	// Tip is the event id of the version in force afterwards.
	Tip string `json:"tip"`
}

// Service keeps a data folder's roster chain and its pinned PMO key.
type Service struct {
	st *store.Store
	// Signer gives the unlocked profile; publishing needs a PMO key.
	Signer Signer
	// Template returns the current template; Publish checks role ids
	// against it when set.
	Template func() *template.Template
	// Now is the clock.
	Now func() time.Time
	// Zone is the zone publish times are stored in.
	Zone *time.Location

	mu    sync.Mutex
	chain *Chain
}

// NewService returns a Service over st.
func NewService(st *store.Store, signer Signer, tpl func() *template.Template, zone *time.Location) *Service {
	return &Service{st: st, Signer: signer, Template: tpl, Now: time.Now, Zone: zone}
}

// Pinned returns the folder's pinned PMO key, and false when none is
// pinned yet.
func (s *Service) Pinned() (Pin, bool, error) {
	var p Pin
	err := s.st.Get(bucket, keyPin, &p)
	if apperr.HasCode(err, "store.not_found") {
		return Pin{}, false, nil
	}
	if err != nil {
		return Pin{}, false, err
	}
	return p, true, nil
}

// normalFingerprint drops spaces and case so "3f2a91c0…" matches "3F2A 91C0 …".
func normalFingerprint(s string) string {
	return strings.ToUpper(strings.Join(strings.Fields(s), ""))
}

// Pin pins publicKey (lowercase hex) as the folder's PMO key after the
// user confirmed its fingerprint (keys.Fingerprint's grouped hex; spaces
// and case do not matter). Pinning the pinned key again changes nothing.
// Codes: roster.bad_key, roster.fingerprint_mismatch,
// roster.already_pinned, store codes.
func (s *Service) Pin(publicKey, confirmed string) (Pin, error) {
	publicKey = strings.ToLower(strings.TrimSpace(publicKey))
	fp := keys.FingerprintHex(publicKey)
	if fp == "" {
		return Pin{}, apperr.New(CodeBadKey, "key", publicKey)
	}
	if normalFingerprint(confirmed) != normalFingerprint(fp) {
		return Pin{}, apperr.New(CodeFingerprintMismatch, "fingerprint", fp, "confirmed", confirmed)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	old, ok, err := s.Pinned()
	if err != nil {
		return Pin{}, err
	}
	if ok {
		if old.PublicKey != publicKey {
			return Pin{}, apperr.New(CodeAlreadyPinned, "pinned", old.Fingerprint)
		}
		return old, nil
	}
	p := Pin{PublicKey: publicKey, Fingerprint: fp, PinnedAt: s.Now().In(s.Zone)}
	if err := s.st.Put(bucket, keyPin, p); err != nil {
		return Pin{}, err
	}
	s.chain = nil
	return p, nil
}

// Chain returns the folder's verified roster chain (empty when none was
// published or imported). Codes: roster.not_pinned when events are stored
// but no key is pinned, roster.chain_corrupt wrapping the reason when the
// stored events no longer form a valid chain, store codes.
func (s *Service) Chain() (*Chain, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.loadChain()
}

func (s *Service) loadChain() (*Chain, error) {
	if s.chain != nil {
		return s.chain, nil
	}
	evs, err := s.st.Events(Stream)
	if err != nil {
		return nil, apperr.Wrap(err, CodeChainCorrupt)
	}
	if len(evs) == 0 {
		s.chain = &Chain{byID: map[string]int{}, revoked: map[string]revokedAt{}}
		return s.chain, nil
	}
	pin, ok, err := s.Pinned()
	if err != nil {
		return nil, err
	}
	if !ok {
		return nil, apperr.New(CodeNotPinned)
	}
	c, err := VerifyChain(evs, pin.PublicKey)
	if err != nil {
		return nil, apperr.Wrap(err, CodeChainCorrupt, "code", apperr.Code(err))
	}
	s.chain = c
	return c, nil
}

// InForce returns the latest version of the chain, and false when there
// is none. Codes: those of Chain.
func (s *Service) InForce() (Version, bool, error) {
	c, err := s.Chain()
	if err != nil {
		return Version{}, false, err
	}
	v, ok := c.Tip()
	return v, ok, nil
}

// Versions lists the chain's versions, oldest first. Codes: those of Chain.
func (s *Service) Versions() ([]VersionInfo, error) {
	c, err := s.Chain()
	if err != nil {
		return nil, err
	}
	out := make([]VersionInfo, c.Len())
	for i, v := range c.versions {
		answers := v
		if i > 0 {
			answers = c.versions[i-1]
		}
		p, _ := answers.KeyOwner(v.PublishedBy)
		out[i] = VersionInfo{Version: v.Version, Event: v.Event, PublishedAt: v.PublishedAt.Format(time.RFC3339),
			PublishedBy: v.PublishedBy, Fingerprint: keys.FingerprintHex(v.PublishedBy), Publisher: p.Name,
			Note: v.Note, People: len(v.People)}
	}
	return out, nil
}

// Publish signs draft as the next version of the chain with the unlocked
// profile's key and stores it as a roster.published event whose parent is
// the version in force. The draft is normalized and its Version set; it
// must be valid (Validate), a valid successor of the version in force
// (keys keep their owner until revoked; a cutoff for everyone who loses
// authority) and agree with the current template's roles. The key must be
// one the version in force names as PMO; the first version must name its
// signer's owner as PMO, and is pinned as the folder's root unless the
// folder pins another key. Codes: profile.locked, roster.not_pmo,
// roster.foreign_root, roster.cutoff_missing, roster.unknown_role,
// roster.scoped_role, the codes of Validate, ledger and store codes.
func (s *Service) Publish(draft Roster) (Version, error) {
	if s.Signer == nil {
		return Version{}, apperr.New("profile.locked")
	}
	_, key, err := s.Signer()
	if err != nil {
		return Version{}, err
	}
	pub := hex.EncodeToString(key.Public().(ed25519.PublicKey))
	r, err := cloneRoster(draft)
	if err != nil {
		return Version{}, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	c, err := s.loadChain()
	if err != nil {
		return Version{}, err
	}
	tip, has := c.Tip()
	var parents []string
	var puts []store.Put
	r.Normalize()
	if has {
		if !tip.IsPMO(pub) {
			return Version{}, apperr.New(CodeNotPMO, "version", strconv.Itoa(tip.Version+1), "fingerprint", keys.FingerprintHex(pub))
		}
		parents = []string{tip.Event}
	} else {
		pin, pinned, err := s.Pinned()
		if err != nil {
			return Version{}, err
		}
		if pinned && pin.PublicKey != pub {
			return Version{}, apperr.New(CodeForeignRoot, "fingerprint", keys.FingerprintHex(pub), "pinned", pin.Fingerprint)
		}
		if !pinned {
			puts = append(puts, store.Put{Bucket: bucket, Key: keyPin, Value: Pin{PublicKey: pub, Fingerprint: keys.FingerprintHex(pub), PinnedAt: s.Now().In(s.Zone)}})
		}
	}
	if err := s.checkNext(c, &r, pub); err != nil {
		return Version{}, err
	}
	e, err := ledger.New(Stream, parents, KindPublished, r, s.Now().In(s.Zone), key)
	if err != nil {
		return Version{}, err
	}
	if _, err := s.st.Commit([]ledger.Event{e}, puts...); err != nil {
		return Version{}, err
	}
	s.chain = nil
	return Version{Roster: r, Event: e.ID, PublishedAt: e.Time, PublishedBy: e.Author}, nil
}

// checkNext numbers r as the version after the chain's tip and checks it
// as that version: Validate; after a tip, a valid successor of it with a
// cutoff for everyone who loses authority; a first version must name the
// owner of signer (a public key, hex; "" skips this) as PMO; and every
// role must be one the current template grants outright. r must be
// normalized. Codes: those of Publish after its signer checks.
func (s *Service) checkNext(c *Chain, r *Roster, signer string) error {
	tip, has := c.Tip()
	r.Version = 1
	if has {
		r.Version = tip.Version + 1
	}
	if err := r.Validate(); err != nil {
		return err
	}
	if has {
		revoked := map[string]bool{}
		for k := range c.revoked {
			revoked[k] = true
		}
		if err := checkSuccessor(&tip, r, revoked); err != nil {
			return err
		}
		if err := checkCutoffs(&tip, r); err != nil {
			return err
		}
	} else if self := (&Version{Roster: *r}); signer != "" && !self.IsPMO(signer) {
		return apperr.New(CodeNotPMO, "version", "1", "fingerprint", keys.FingerprintHex(signer))
	}
	if s.Template != nil {
		if t := s.Template(); t != nil {
			if err := r.CheckTemplate(t); err != nil {
				return err
			}
		}
	}
	return nil
}

// cloneRoster deep-copies a draft, so normalizing it leaves the caller's alone.
func cloneRoster(r Roster) (Roster, error) {
	b, err := json.Marshal(r)
	if err != nil {
		return Roster{}, apperr.Wrap(err, apperr.Internal)
	}
	var out Roster
	if err := json.Unmarshal(b, &out); err != nil {
		return Roster{}, apperr.Wrap(err, apperr.Internal)
	}
	return out, nil
}

// Import adds roster events received from another folder, all or
// nothing: together with the stored ones they must form a valid chain
// rooted in the pinned key (see VerifyChain: a foreign root, a missing
// parent, a version not signed by a PMO of its parent, an invalid
// successor or a tampered event refuses the whole import). Events already
// stored are skipped. Codes: roster.not_pinned (key, fingerprint of the
// root the events bring, for the user to confirm before Pin), the codes
// of VerifyChain, store codes.
func (s *Service) Import(events []ledger.Event) (ImportResult, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	pin, ok, err := s.Pinned()
	if err != nil {
		return ImportResult{}, err
	}
	if !ok {
		for _, e := range events {
			if len(e.Parents) == 0 && e.Dossier == Stream {
				return ImportResult{}, apperr.New(CodeNotPinned, "key", e.Author, "fingerprint", keys.FingerprintHex(e.Author))
			}
		}
		return ImportResult{}, apperr.New(CodeNotPinned)
	}
	stored, err := s.st.Events(Stream)
	if err != nil {
		return ImportResult{}, apperr.Wrap(err, CodeChainCorrupt)
	}
	all := append(append([]ledger.Event(nil), stored...), events...)
	c, err := VerifyChain(all, pin.PublicKey)
	if err != nil {
		return ImportResult{}, err
	}
	added, err := s.st.Commit(events)
	if err != nil {
		return ImportResult{}, err
	}
	s.chain = c
	res := ImportResult{Added: added, Versions: c.Len()}
	if tip, ok := c.Tip(); ok {
		res.Tip = tip.Event
	}
	return res, nil
}

// Reload forgets the chain read so far: the next read verifies the stored
// events again. Call it after the store was written other than through
// this service (a sample portfolio copied in).
func (s *Service) Reload() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.chain = nil
}

// PinRecord returns the record that pins publicKey once the user
// confirmed its fingerprint, for the caller to commit with the roster
// events it roots (an import into a folder that pins nothing yet). Codes:
// roster.bad_key, roster.fingerprint_mismatch.
func (s *Service) PinRecord(publicKey, confirmed string) (store.Put, error) {
	publicKey = strings.ToLower(strings.TrimSpace(publicKey))
	fp := keys.FingerprintHex(publicKey)
	if fp == "" {
		return store.Put{}, apperr.New(CodeBadKey, "key", publicKey)
	}
	if normalFingerprint(confirmed) != normalFingerprint(fp) {
		return store.Put{}, apperr.New(CodeFingerprintMismatch, "fingerprint", fp, "confirmed", confirmed)
	}
	return store.Put{Bucket: bucket, Key: keyPin, Value: Pin{PublicKey: publicKey, Fingerprint: fp, PinnedAt: s.Now().In(s.Zone)}}, nil
}
