package core

import (
	"sync"

	"golive/backend/apperr"
	"golive/backend/pdfsig"
	"golive/backend/profile"
)

// signing holds the PDF signer of the unlocked profile: the certificate
// key is sealed under the same passphrase as the profile key, so it is
// opened at unlock and forgotten at lock.
type signing struct {
	mu     sync.Mutex
	signer *pdfsig.Signer
}

// Unlock unlocks profile id with passphrase and opens its PDF signer
// (issuing its certificate the first time). Codes: profile.not_found,
// keys.wrong_passphrase (nothing changes then).
func (c *Core) Unlock(id, passphrase string) (profile.Summary, error) {
	s, err := pdfsig.Open(c.Profiles, id, passphrase, c.Template().Organisation.En, c.Now())
	if apperr.HasCode(err, "store.read_only") {
		// A damaged folder open read-only cannot store a first certificate:
		// the profile unlocks to read, without a PDF signer.
		return c.Profiles.Unlock(id, passphrase)
	}
	if err != nil {
		return profile.Summary{}, err
	}
	c.sign.mu.Lock()
	c.sign.signer = s
	c.sign.mu.Unlock()
	// Unlocking may have written the profile's identity card, which names
	// its events.
	c.Dossiers.ForgetViews()
	return s.Profile, nil
}

// CreateProfile makes a profile, unlocks it and opens its PDF signer.
func (c *Core) CreateProfile(req profile.CreateRequest) (profile.Summary, error) {
	sum, err := c.Profiles.Create(req)
	if err != nil {
		return profile.Summary{}, err
	}
	return c.Unlock(sum.ID, req.Passphrase)
}

// Lock forgets the unlocked profile's keys.
func (c *Core) Lock() {
	c.Profiles.Lock()
	c.sign.mu.Lock()
	c.sign.signer = nil
	c.sign.mu.Unlock()
}

// PDFSigner returns the unlocked profile's PDF signer. Code
// profile.locked when no profile is unlocked, or when the profile current
// now is not the one the signer was opened for.
func (c *Core) PDFSigner() (*pdfsig.Signer, error) {
	c.sign.mu.Lock()
	defer c.sign.mu.Unlock()
	cur := c.Profiles.Current()
	if c.sign.signer == nil || cur == nil || cur.ID != c.sign.signer.Profile.ID {
		return nil, apperr.New("profile.locked")
	}
	return c.sign.signer, nil
}
