package core

import (
	"io"
	"sort"

	"golive/backend/apperr"
	"golive/backend/dossier"
	"golive/backend/roster"
	"golive/backend/xlsx"
)

// PublishRoster publishes draft as the next roster version, signed by the
// unlocked profile (the PMO). The first version adopts the dossiers the
// folder already holds: their current heads are named in draft.Adopted,
// so everything recorded before the roster keeps counting as recorded and
// every later event is judged by the roster. Codes: those of
// roster.Service.Publish and of reading the dossiers.
func (c *Core) PublishRoster(draft roster.Roster) (roster.Version, error) {
	chain, err := c.Roster.Chain()
	if err != nil {
		return roster.Version{}, err
	}
	draft.Adopted = nil
	if chain.Len() == 0 {
		list, err := c.Dossiers.List(dossier.Filter{})
		if err != nil {
			return roster.Version{}, err
		}
		for _, s := range list {
			v, err := c.Dossiers.Get(s.ID)
			if err != nil {
				return roster.Version{}, err
			}
			draft.Adopted = append(draft.Adopted, v.State.Heads...)
		}
		sort.Strings(draft.Adopted)
	}
	return c.Roster.Publish(draft)
}

// rosterRoles returns the global roles the roster in force gives the
// owner of publicKey, and false when the folder has no roster (profiles
// then keep the roles they claimed). A key the roster does not list or
// revoked holds nothing, and so does every key while the stored roster
// cannot be read: authority fails closed.
func (c *Core) rosterRoles(publicKey string) ([]string, bool) {
	chain, err := c.Roster.Chain()
	if err != nil {
		return []string{}, true
	}
	tip, ok := chain.Tip()
	if !ok {
		return nil, false
	}
	if _, _, revoked := chain.Revoked(publicKey); revoked {
		return []string{}, true
	}
	p, ok := tip.KeyOwner(publicKey)
	if !ok {
		return []string{}, true
	}
	return append([]string{}, p.Roles...), true
}

// ImportRosterSheet reads a roster workbook (xlsx.ReadRoster: people,
// systems and heads sheets) into the folder's draft, noting source (the
// file's name), for the PMO to edit and publish; the organisation is the
// template's. Only someone who may edit the roster imports
// (roster.Service.Editor). A refused workbook changes nothing. Codes:
// profile.locked, roster.not_pmo, the roster.sheet_* codes of
// xlsx.ReadRoster, store codes.
func (c *Core) ImportRosterSheet(r io.Reader, source string) (roster.Draft, error) {
	if err := c.Roster.Editor(); err != nil {
		return roster.Draft{}, err
	}
	tpl := c.Template()
	draft, err := xlsx.ReadRoster(r, tpl)
	if err != nil {
		return roster.Draft{}, err
	}
	draft.Organisation = tpl.Organisation.Zh
	return c.Roster.SaveDraft(draft, source)
}

// PublishRosterDraft publishes the folder's draft with note as the next
// roster version (PublishRoster) and then drops the draft, so the roster
// page shows what is in force. Codes: roster.no_draft, those of
// PublishRoster.
func (c *Core) PublishRosterDraft(note string) (roster.Version, error) {
	d, ok, err := c.Roster.Draft()
	if err != nil {
		return roster.Version{}, err
	}
	if !ok {
		return roster.Version{}, apperr.New(roster.CodeNoDraft)
	}
	d.Roster.Note = note
	v, err := c.PublishRoster(d.Roster)
	if err != nil {
		return roster.Version{}, err
	}
	return v, c.Roster.DiscardDraft()
}

// DiscardRosterDraft drops the folder's roster draft; only someone who may
// edit the roster does (roster.Service.Editor). Codes: profile.locked,
// roster.not_pmo, store codes.
func (c *Core) DiscardRosterDraft() error {
	if err := c.Roster.Editor(); err != nil {
		return err
	}
	return c.Roster.DiscardDraft()
}
