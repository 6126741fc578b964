package app

import (
	"sort"

	"golive/backend/core"
	"golive/backend/profile"
)

// ProfileAPI manages local profiles.
type ProfileAPI struct{ c *core.Core }

// List returns every local profile.
func (p *ProfileAPI) List() ([]profile.Summary, error) { return result(p.c.Profiles.List()) }

// Create makes a profile and unlocks it.
func (p *ProfileAPI) Create(req profile.CreateRequest) (profile.Summary, error) {
	return result(p.c.CreateProfile(req))
}

// Unlock opens a profile with its passphrase and makes it current.
func (p *ProfileAPI) Unlock(id, passphrase string) (profile.Summary, error) {
	return result(p.c.Unlock(id, passphrase))
}

// Lock forgets the unlocked key.
func (p *ProfileAPI) Lock() { p.c.Lock() }

// Certificate returns the PDF-signing certificate of profile id (subject,
// fingerprint, validity), made the first time the profile unlocked.
func (p *ProfileAPI) Certificate(id string) (profile.Certificate, error) {
	return result(p.c.Profiles.Certificate(id))
}

// Current returns the unlocked profile, or null.
func (p *ProfileAPI) Current() *profile.Summary { return p.c.Profiles.Current() }

// Identities lists every known person (public key, name, department,
// roles), for naming a delegate and showing authors.
func (p *ProfileAPI) Identities() ([]profile.Identity, error) {
	ids, err := p.c.Profiles.Identities()
	if err != nil {
		return nil, fail(err)
	}
	out := make([]profile.Identity, 0, len(ids))
	for _, id := range ids {
		out = append(out, id)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out, nil
}
