package core

import (
	"sync"

	"golive/backend/apperr"
	"golive/backend/pdfsig"
	"golive/backend/profile"
)

// signing holds the PDF signers of the profiles unlocked in this session,
// by profile id: the certificate key is wrapped under the profile key, so
// a signer is opened at the profile's first unlock (or making), kept while
// the profile stays held (profile.Service.Switch), and forgotten at lock.
type signing struct {
	mu      sync.Mutex
	signers map[string]*pdfsig.Signer
}

// Unlock unlocks profile id with passphrase (one key derivation) and opens
// its PDF signer (issuing its certificate the first time). Codes:
// profile.not_found, keys.wrong_passphrase (nothing changes then).
func (c *Core) Unlock(id, passphrase string) (profile.Summary, error) {
	if _, err := c.Profiles.Unlock(id, passphrase); err != nil {
		return profile.Summary{}, err
	}
	return c.openSigner(id)
}

// Switch makes profile id current again without its passphrase when it
// was unlocked earlier in this session (profile.Service.Switch), with its
// PDF signer; it derives no key. Codes: profile.not_unlocked,
// profile.not_found.
func (c *Core) Switch(id string) (profile.Summary, error) {
	if _, err := c.Profiles.Switch(id); err != nil {
		return profile.Summary{}, err
	}
	return c.openSigner(id)
}

// CreateProfile makes a profile, unlocks it and opens its PDF signer; the
// passphrase is derived once, to seal the new key.
func (c *Core) CreateProfile(req profile.CreateRequest) (profile.Summary, error) {
	sum, err := c.Profiles.Create(req)
	if err != nil {
		return profile.Summary{}, err
	}
	return c.openSigner(sum.ID)
}

// openSigner opens the PDF signer of profile id, which the profile
// service holds unlocked, unless it is open already, and returns the
// profile.
func (c *Core) openSigner(id string) (profile.Summary, error) {
	sum, _, err := c.Profiles.Held(id)
	if err != nil {
		return profile.Summary{}, err
	}
	c.sign.mu.Lock()
	open := c.sign.signers[id] != nil
	c.sign.mu.Unlock()
	if open {
		return sum, nil
	}
	s, err := pdfsig.ForHeld(c.Profiles, id, c.Template().Organisation.En, c.Now())
	if apperr.HasCode(err, "store.read_only") {
		// A damaged folder open read-only cannot store a first certificate:
		// the profile unlocks to read, without a PDF signer.
		return sum, nil
	}
	if err != nil {
		return profile.Summary{}, err
	}
	c.sign.mu.Lock()
	if c.sign.signers == nil {
		c.sign.signers = map[string]*pdfsig.Signer{}
	}
	c.sign.signers[id] = s
	c.sign.mu.Unlock()
	return sum, nil
}

// Lock forgets every unlocked profile's keys.
func (c *Core) Lock() {
	c.Profiles.Lock()
	c.sign.mu.Lock()
	c.sign.signers = nil
	c.sign.mu.Unlock()
}

// PDFSigner returns the current profile's PDF signer. Code profile.locked
// when no profile is unlocked, or when none was opened for the current
// one.
func (c *Core) PDFSigner() (*pdfsig.Signer, error) {
	cur := c.Profiles.Current()
	c.sign.mu.Lock()
	defer c.sign.mu.Unlock()
	if cur == nil || c.sign.signers[cur.ID] == nil {
		return nil, apperr.New("profile.locked")
	}
	return c.sign.signers[cur.ID], nil
}
