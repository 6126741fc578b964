// Package profile manages the local profiles of a GoLive data folder: who
// the user is (name, department, roles), their Ed25519 key sealed under a
// passphrase, and the one profile currently unlocked for signing.
//
// Every profile's identity card (backend/identity), signed with its key, is
// also written to the "ident" bucket (cards.go), so that histories can name
// the author of an event by its public key long after the profile was
// switched; only cards that verify are ever read back.
//
// A profile moves to another computer as a key backup (backup.go): Export
// writes its key sealed exactly as stored, signed by that key; Import
// checks the file, opens the key with the passphrase and stores the
// profile in one commit, or writes nothing.
//
// A profile unlocked once stays unlocked in memory for the session: its key
// is held until Lock (which forgets every held key) or the end of the
// process, so Switch makes it current again at once, without its
// passphrase. Unlocking runs exactly one argon2id derivation: the
// profile's other secret, its PDF certificate key, is wrapped under the
// profile key itself (keys.Wrap), not sealed under the passphrase again.
package profile

import (
	"crypto/ed25519"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"sort"
	"strings"
	"sync"
	"time"

	"golive/backend/apperr"
	"golive/backend/keys"
	"golive/backend/ledger"
	"golive/backend/store"
)

const (
	bucketProfiles   = "prof"
	bucketIdentities = "ident"
	bucketSettings   = "set"
	keyDefault       = "default_profile"
)

// Identity is the public part of a profile: enough to name the author of an
// event and check its signature.
type Identity struct {
	// PublicKey is the Ed25519 public key in lowercase hex.
	PublicKey string `json:"public_key"`
	// Name is the person's name.
	Name string `json:"name"`
	// Department is the person's department.
	Department string `json:"department"`
	// Roles lists template role ids the person holds.
	Roles []string `json:"roles"`
}

// Summary is a profile as the UI lists it; it never holds key material.
type Summary struct {
	// ID is the first 16 hex digits of the SHA-256 of the public key.
	ID string `json:"id"`
	Identity
	// Fingerprint is keys.Fingerprint of the public key.
	Fingerprint string `json:"fingerprint"`
	// CreatedAt is when the profile was made, in its zone.
	CreatedAt time.Time `json:"created_at"`
	// Default marks the folder's default profile.
	Default bool `json:"default"`
	// Sample marks a profile made by the sample-data builder; its key is
	// not secret and what it signs is sample data.
	Sample bool `json:"sample"`
	// Unlocked marks, in Overview and Current, a profile whose key is held
	// in memory in this session: Switch makes it current without its
	// passphrase. It is never stored.
	Unlocked bool `json:"unlocked,omitempty"`
}

// CreateRequest is what a user enters to make a profile.
type CreateRequest struct {
	// Name is required, at most 64 characters.
	Name string `json:"name"`
	// Department is required.
	Department string `json:"department"`
	// Roles are template role ids; at least one.
	Roles []string `json:"roles"`
	// Passphrase protects the key; at least keys.MinPassphrase characters.
	Passphrase string `json:"passphrase"`
}

type record struct {
	Summary
	Sealed keys.Sealed `json:"sealed"`
}

// Service creates, lists and unlocks profiles, and holds the unlocked one.
type Service struct {
	st *store.Store
	// KDF is the key-derivation cost for new profiles.
	KDF keys.KDF
	// Now is the clock; tests replace it.
	Now func() time.Time
	// Zone is the zone stored with times.
	Zone *time.Location
	// KnownRole reports whether a role id exists in the current template.
	KnownRole func(id string) bool
	// RosterRoles, when set, gives the global roles the organisation
	// roster in force lets a public key hold, ok false when the folder
	// has no roster. With a roster, Current and Signer report those roles
	// instead of the ones the profile claimed when it was made.
	RosterRoles func(publicKey string) (roles []string, ok bool)
	// CardWritten, when set, runs after the service stored a profile's own
	// identity card (a profile made or restored, or unlocked while the
	// folder held no card of its key), so that views naming authors by
	// their cards can be read again; unlocking a profile whose card is
	// there already writes nothing and does not call it.
	CardWritten func()
	// Presign, when set (the app sets it), has each profile held unlocked
	// keep nonces made ahead for its key until Lock (ledger.Presign), so
	// that signing an event and its checkpoint takes microseconds.
	Presign bool

	// cards remembers which stored identity records verify (Cards).
	cards parsedCards

	mu      sync.RWMutex
	current *Summary
	key     ed25519.PrivateKey
	// held are the profiles unlocked in this session, by id (see Switch).
	held map[string]*heldProfile
}

// heldProfile is a profile unlocked in this session.
type heldProfile struct {
	sum Summary
	key ed25519.PrivateKey
	// certSecret is the PDF certificate key's secret, once opened.
	certSecret []byte
	// release stops the key's supply of nonces (nil without Presign).
	release func()
}

// NewService returns a Service over st.
func NewService(st *store.Store, zone *time.Location, knownRole func(string) bool) *Service {
	return &Service{st: st, KDF: keys.DefaultKDF, Now: time.Now, Zone: zone, KnownRole: knownRole}
}

// IDFor returns the profile id of a public key.
func IDFor(pub ed25519.PublicKey) string {
	s := sha256.Sum256(pub)
	return hex.EncodeToString(s[:8])
}

// Create validates req, generates and seals a key pair, stores the profile
// and its identity card, and unlocks it. The first profile becomes the
// default. Codes: profile.name_required, profile.department_required,
// profile.roles_required, profile.unknown_role, keys.weak_passphrase, and
// identity.* when no card can hold the name or department.
func (s *Service) Create(req CreateRequest) (Summary, error) {
	req.Name = strings.TrimSpace(req.Name)
	req.Department = strings.TrimSpace(req.Department)
	switch {
	case req.Name == "":
		return Summary{}, apperr.New("profile.name_required")
	case len([]rune(req.Name)) > 64:
		return Summary{}, apperr.New("profile.name_too_long", "max", "64")
	case req.Department == "":
		return Summary{}, apperr.New("profile.department_required")
	case len(req.Roles) == 0:
		return Summary{}, apperr.New("profile.roles_required")
	}
	roles := uniqueSorted(req.Roles)
	for _, r := range roles {
		if s.KnownRole != nil && !s.KnownRole(r) {
			return Summary{}, apperr.New("profile.unknown_role", "role", r)
		}
	}
	pub, priv, err := keys.Generate()
	if err != nil {
		return Summary{}, err
	}
	sealed, err := keys.Seal(priv, req.Passphrase, s.KDF)
	if err != nil {
		return Summary{}, err
	}
	list, err := s.List()
	if err != nil {
		return Summary{}, err
	}
	sum := Summary{
		ID:          IDFor(pub),
		Identity:    Identity{PublicKey: hex.EncodeToString(pub), Name: req.Name, Department: req.Department, Roles: roles},
		Fingerprint: keys.Fingerprint(pub),
		CreatedAt:   s.Now().In(s.Zone),
		Default:     len(list) == 0,
	}
	card, err := s.cardPut(sum, priv)
	if err != nil {
		return Summary{}, err
	}
	puts := []store.Put{
		{Bucket: bucketProfiles, Key: sum.ID, Value: record{Summary: sum, Sealed: sealed}},
		card,
	}
	if sum.Default {
		puts = append(puts, store.Put{Bucket: bucketSettings, Key: keyDefault, Value: sum.ID})
	}
	if _, err := s.st.Commit(nil, puts...); err != nil {
		return Summary{}, err
	}
	s.cardWritten()
	s.setCurrent(sum, priv)
	return sum, nil
}

// cardWritten calls CardWritten, when set.
func (s *Service) cardWritten() {
	if s.CardWritten != nil {
		s.CardWritten()
	}
}

// defaultID returns the id of the folder's default profile, "" when none
// is set yet; a setting that cannot be read is an error.
func (s *Service) defaultID() (string, error) {
	var def string
	if err := s.st.Get(bucketSettings, keyDefault, &def); err != nil && !apperr.HasCode(err, "store.not_found") {
		return "", err
	}
	return def, nil
}

// List returns every profile, oldest first.
func (s *Service) List() ([]Summary, error) {
	def, err := s.defaultID()
	if err != nil {
		return nil, err
	}
	var out []Summary
	err = s.st.Each(bucketProfiles, func(_ string, raw []byte) error {
		var r record
		if err := json.Unmarshal(raw, &r); err != nil {
			return apperr.Wrap(err, "store.corrupt", "key", "profile")
		}
		r.Summary.Default = r.ID == def
		out = append(out, r.Summary)
		return nil
	})
	sort.Slice(out, func(i, j int) bool { return out[i].CreatedAt.Before(out[j].CreatedAt) })
	return out, err
}

// Overview is List as the profile menu shows it, with Unlocked set for
// the profiles held in memory in this session (Switch needs no passphrase
// for them). Roles are the ones each profile stated when it was made.
func (s *Service) Overview() ([]Summary, error) {
	list, err := s.List()
	if err != nil {
		return nil, err
	}
	s.mu.RLock()
	defer s.mu.RUnlock()
	for i := range list {
		_, list[i].Unlocked = s.held[list[i].ID]
	}
	return list, nil
}

// Unlock opens profile id's key with passphrase (one argon2id
// derivation), makes it current and holds it for the session (Switch).
// When the folder holds no valid identity card of the profile's key (a
// folder from before cards, or a record damaged on disk) it writes the
// card again; a certificate key stored by an older GoLive under the
// passphrase is opened with it this once and wrapped under the profile
// key (certificate.go). Codes: profile.not_found, keys.wrong_passphrase,
// store.read_failed (nothing changes then), store.write_failed.
func (s *Service) Unlock(id, passphrase string) (Summary, error) {
	var r record
	if err := s.st.Get(bucketProfiles, id, &r); err != nil {
		if apperr.HasCode(err, "store.not_found") {
			return Summary{}, apperr.New("profile.not_found", "id", id)
		}
		return Summary{}, err
	}
	priv, err := keys.Open(r.Sealed, passphrase)
	if err != nil {
		return Summary{}, err
	}
	def, err := s.defaultID()
	if err != nil {
		return Summary{}, err
	}
	r.Summary.Default = r.ID == def
	if err := s.ensureCard(r.Summary, priv); err != nil {
		return Summary{}, err
	}
	certSecret, err := s.upgradeCertificate(id, passphrase, priv)
	if err != nil {
		return Summary{}, err
	}
	s.setCurrent(r.Summary, priv)
	if certSecret != nil {
		s.holdCertSecret(id, certSecret)
	}
	return r.Summary, nil
}

// Switch makes profile id current again without its passphrase, when it
// was unlocked (or made) earlier in this session and is still held in
// memory; it derives no key. Codes: profile.not_unlocked (params id and
// name: ask for the passphrase and Unlock), profile.not_found.
func (s *Service) Switch(id string) (Summary, error) {
	s.mu.Lock()
	h, ok := s.held[id]
	var sum Summary
	if ok {
		sum = h.sum
		cur := sum
		s.current, s.key = &cur, h.key
	}
	s.mu.Unlock()
	if !ok {
		return Summary{}, s.notUnlocked(id)
	}
	return sum, nil
}

// notUnlocked is the error for profile id, which is not held: the code
// profile.not_unlocked naming it, or profile.not_found.
func (s *Service) notUnlocked(id string) error {
	var r record
	if err := s.st.Get(bucketProfiles, id, &r); err != nil {
		if apperr.HasCode(err, "store.not_found") {
			return apperr.New("profile.not_found", "id", id)
		}
		return err
	}
	return apperr.New("profile.not_unlocked", "id", id, "name", r.Name)
}

// Held returns profile id and its key when it is held unlocked in this
// session (made current or not), with the roles it claimed. Codes:
// profile.not_unlocked, profile.not_found.
func (s *Service) Held(id string) (Summary, ed25519.PrivateKey, error) {
	s.mu.RLock()
	h, ok := s.held[id]
	var sum Summary
	var key ed25519.PrivateKey
	if ok {
		sum, key = h.sum, h.key
	}
	s.mu.RUnlock()
	if !ok {
		return Summary{}, nil, s.notUnlocked(id)
	}
	return sum, key, nil
}

// Lock forgets every key held in this session: no profile is current and
// each one needs its passphrase again.
func (s *Service) Lock() {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, h := range s.held {
		if h.release != nil {
			h.release()
		}
	}
	s.current, s.key, s.held = nil, nil, nil
}

// Current returns the unlocked profile (marked Unlocked, with its roles
// as the roster gives them), or nil.
func (s *Service) Current() *Summary {
	s.mu.RLock()
	if s.current == nil {
		s.mu.RUnlock()
		return nil
	}
	c := *s.current
	s.mu.RUnlock()
	c.Unlocked = true
	s.rostered(&c)
	return &c
}

// rostered replaces sum's roles with the roster's, when a roster is in
// force (RosterRoles). It runs outside s.mu: the roster reads the store.
func (s *Service) rostered(sum *Summary) {
	if s.RosterRoles == nil {
		return
	}
	if roles, ok := s.RosterRoles(sum.PublicKey); ok {
		sum.Roles = roles
	}
}

// Signer returns the unlocked profile and its private key, or
// profile.locked when no profile is unlocked.
func (s *Service) Signer() (Summary, ed25519.PrivateKey, error) {
	s.mu.RLock()
	if s.current == nil {
		s.mu.RUnlock()
		return Summary{}, nil, apperr.New("profile.locked")
	}
	sum, key := *s.current, s.key
	s.mu.RUnlock()
	s.rostered(&sum)
	return sum, key, nil
}

// Rostered returns profile id as Signer would once it is unlocked, without
// its key: its roles are the roster's when a roster is in force. Codes:
// profile.not_found.
func (s *Service) Rostered(id string) (Summary, error) {
	list, err := s.List()
	if err != nil {
		return Summary{}, err
	}
	for _, p := range list {
		if p.ID == id {
			s.rostered(&p)
			return p, nil
		}
	}
	return Summary{}, apperr.New("profile.not_found", "id", id)
}

// UnlockedKey returns the private key of the unlocked profile, or nil when
// none is unlocked (the store signs its checkpoints with it).
func (s *Service) UnlockedKey() ed25519.PrivateKey {
	s.mu.RLock()
	defer s.mu.RUnlock()
	if s.current == nil {
		return nil
	}
	return s.key
}

// ImportSample stores a sample profile (made by the sample-data builder)
// whose private key is known, sealed under passphrase with kdf. With
// makeDefault it becomes the folder's default profile.
func (s *Service) ImportSample(sum Summary, priv ed25519.PrivateKey, passphrase string, kdf keys.KDF, makeDefault bool) error {
	sealed, err := keys.Seal(priv, passphrase, kdf)
	if err != nil {
		return err
	}
	sum.Sample = true
	card, err := s.cardPut(sum, priv)
	if err != nil {
		return err
	}
	puts := []store.Put{
		{Bucket: bucketProfiles, Key: sum.ID, Value: record{Summary: sum, Sealed: sealed}},
		card,
	}
	if makeDefault {
		puts = append(puts, store.Put{Bucket: bucketSettings, Key: keyDefault, Value: sum.ID})
	}
	_, err = s.st.Commit(nil, puts...)
	return err
}

// ActAs makes sum current with the private key priv the caller already
// holds, without a passphrase: for the sample-data builder, whose keys are
// derived from public seeds, and for tests.
func (s *Service) ActAs(sum Summary, priv ed25519.PrivateKey) { s.setCurrent(sum, priv) }

// setCurrent makes sum current with its key priv, and holds it for the
// session.
func (s *Service) setCurrent(sum Summary, priv ed25519.PrivateKey) {
	s.mu.Lock()
	defer s.mu.Unlock()
	sum.Unlocked = false
	s.current, s.key = &sum, priv
	if s.held == nil {
		s.held = map[string]*heldProfile{}
	}
	h, ok := s.held[sum.ID]
	if ok && h.key.Equal(priv) {
		h.sum = sum
		return
	}
	if ok && h.release != nil {
		h.release()
	}
	h = &heldProfile{sum: sum, key: priv}
	if s.Presign {
		h.release = ledger.Presign(priv)
	}
	s.held[sum.ID] = h
}

func uniqueSorted(in []string) []string {
	m := map[string]bool{}
	var out []string
	for _, v := range in {
		v = strings.TrimSpace(v)
		if v != "" && !m[v] {
			m[v] = true
			out = append(out, v)
		}
	}
	sort.Strings(out)
	return out
}
