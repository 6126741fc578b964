package core

import (
	"sort"

	"golive/backend/dossier"
	"golive/backend/roster"
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
