package app

import (
	"context"
	"os"
	"strings"

	"golive/backend/apperr"
	"golive/backend/core"
	"golive/backend/identity"
	"golive/backend/people"
	"golive/backend/profile"
)

// ProfileAPI manages local profiles.
type ProfileAPI struct {
	c   *core.Core
	ctx context.Context
	// afterUnlock runs after a profile unlocked (the sync folder then
	// publishes what waited for a key).
	afterUnlock func()
}

// List returns every local profile, oldest first, with "unlocked" set for
// the profiles held unlocked in this session (Switch needs no passphrase
// for them).
func (p *ProfileAPI) List() ([]profile.Summary, error) { return result(p.c.Profiles.Overview()) }

// Create makes a profile and unlocks it.
func (p *ProfileAPI) Create(req profile.CreateRequest) (profile.Summary, error) {
	return p.signedIn(p.c.CreateProfile(req))
}

// Unlock opens a profile with its passphrase and makes it current; it
// stays unlocked in memory until Lock or the app closes.
func (p *ProfileAPI) Unlock(id, passphrase string) (profile.Summary, error) {
	return p.signedIn(p.c.Unlock(id, passphrase))
}

// Switch makes a profile unlocked earlier in this session current again,
// without its passphrase. Codes: profile.not_unlocked (ask for the
// passphrase and Unlock), profile.not_found.
func (p *ProfileAPI) Switch(id string) (profile.Summary, error) {
	return p.signedIn(p.c.Switch(id))
}

// signedIn answers a call that made profile sum current (marked
// unlocked), after telling the sync folder (afterUnlock).
func (p *ProfileAPI) signedIn(sum profile.Summary, err error) (profile.Summary, error) {
	if err != nil {
		return profile.Summary{}, fail(err)
	}
	if p.afterUnlock != nil {
		p.afterUnlock()
	}
	sum.Unlocked = true
	return sum, nil
}

// Lock forgets every key unlocked in this session.
func (p *ProfileAPI) Lock() { p.c.Lock() }

// Certificate returns the PDF-signing certificate of profile id (subject,
// fingerprint, validity), made the first time the profile unlocked.
func (p *ProfileAPI) Certificate(id string) (profile.Certificate, error) {
	return result(p.c.Profiles.Certificate(id))
}

// Current returns the unlocked profile, or null.
func (p *ProfileAPI) Current() *profile.Summary { return p.c.Profiles.Current() }

// Identities lists every person a signed source names (public key, name,
// department, roster roles, and source: "roster", or "card" for a name
// only the person's own identity card declares), by name, for naming a
// delegate and showing authors.
func (p *ProfileAPI) Identities() ([]people.Entry, error) {
	dir, err := p.c.People()
	if err != nil {
		return nil, fail(err)
	}
	return dir.All(), nil
}

// IdentityCardText returns the unlocked profile's identity card (身份卡),
// with the sub-department and title typed (both optional), as the text
// block to paste into a mail. Codes: profile.locked, identity.*.
func (p *ProfileAPI) IdentityCardText(subDepartment, title string) (string, error) {
	card, err := p.c.IdentityCard(subDepartment, title)
	if err != nil {
		return "", fail(err)
	}
	return card.Text(), nil
}

// SaveIdentityCard writes the unlocked profile's identity card file where
// the user picks in a save dialog, and returns its path ("" when the user
// cancels). Codes: profile.locked, identity.*, app.no_window,
// identity.write_failed.
func (p *ProfileAPI) SaveIdentityCard(subDepartment, title string) (string, error) {
	card, err := p.c.IdentityCard(subDepartment, title)
	if err != nil {
		return "", fail(err)
	}
	path, err := saveFile(p.ctx, p.c, dialogSaveIdentity, identityFileName(card))
	if err != nil || path == "" {
		return "", fail(err)
	}
	return p.writeCard(path, card)
}

// identityFileName proposes the card's file name: the name and the first
// group of the fingerprint, e.g. "陈思-3F2A.golive-id".
func identityFileName(card identity.Card) string {
	fp := card.Fingerprint
	if len(fp) > 4 {
		fp = fp[:4]
	}
	name := strings.Map(func(r rune) rune {
		if strings.ContainsRune(`/\:*?"<>|`, r) {
			return '_'
		}
		return r
	}, card.Name)
	return name + "-" + fp + identity.FileExt
}

// writeCard writes card's file to path. Code identity.write_failed.
func (p *ProfileAPI) writeCard(path string, card identity.Card) (string, error) {
	if err := os.WriteFile(path, card.File(), 0o644); err != nil {
		return "", fail(apperr.Wrap(err, "identity.write_failed", "path", path))
	}
	return path, nil
}
