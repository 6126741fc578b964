package core

import (
	"golive/backend/identity"
	"golive/backend/people"
)

// IdentityCard returns the unlocked profile's identity card (身份卡), made
// now and signed with its key, naming sub and title as the user typed
// them (both optional). It writes nothing. Codes: profile.locked,
// identity.* when the card cannot hold the texts.
func (c *Core) IdentityCard(sub, title string) (identity.Card, error) {
	sum, key, err := c.Profiles.Signer()
	if err != nil {
		return identity.Card{}, err
	}
	return identity.Make(identity.Person{Name: sum.Name, Department: sum.Department, SubDepartment: sub, Title: title},
		key, c.Now().In(c.Zone))
}

// ImportCard verifies the identity card in data (file or text block) and
// stores it, so that its key is named by the card where the roster does
// not name it (backend/people). Codes: those of identity.Parse (nothing is
// written then), store codes.
func (c *Core) ImportCard(data []byte) (identity.Card, error) {
	card, err := identity.Parse(data)
	if err != nil {
		return identity.Card{}, err
	}
	if card, err = c.Profiles.StoreCard(card); err != nil {
		return identity.Card{}, err
	}
	c.Dossiers.ForgetViews()
	return card, nil
}

// People returns who the folder's public keys are, from signed sources
// only: the roster chain, then verified identity cards (backend/people).
func (c *Core) People() (*people.Directory, error) { return c.Dossiers.People() }
