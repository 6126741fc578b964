package dossier

import (
	"golive/backend/apperr"
	"golive/backend/keys"
	"golive/backend/roster"
	"golive/backend/workflow"
)

// TransferTarget is a person a pending decision can be transferred to
// (转交): someone of the roster in force with a key valid today.
type TransferTarget struct {
	// Person is the roster person id; Name, Department and SubDepartment
	// are his.
	Person        string `json:"person"`
	Name          string `json:"name"`
	Department    string `json:"department"`
	SubDepartment string `json:"sub_department,omitempty"`
	// Key is his first key valid today and revoked nowhere in the chain
	// (lowercase hex): what the transfer names. Fingerprint is its
	// fingerprint, for the person to compare.
	Key         string `json:"key"`
	Fingerprint string `json:"fingerprint"`
}

// TransferTargets lists whom a pending decision of dossier id can be
// transferred to (转交): every person of the latest roster version, in its
// order, with a key valid on today's date in the dossier's zone and
// revoked by no version, except the unlocked profile's own person. Codes:
// dossier.not_found, roster.none (the folder has no roster: the caller
// then names a key itself).
func (s *Service) TransferTargets(id string) ([]TransferTarget, error) {
	v, err := s.get(id)
	if err != nil {
		return nil, err
	}
	chain, err := s.chain()
	if err != nil {
		return nil, err
	}
	if chain == nil {
		return nil, apperr.New(workflow.CodeNoRoster)
	}
	tip, ok := chain.Tip()
	if !ok {
		return nil, apperr.New(workflow.CodeNoRoster)
	}
	me := ""
	if p := s.profiles.Current(); p != nil {
		if owner, ok := tip.KeyOwner(p.PublicKey); ok {
			me = owner.ID
		}
	}
	date := s.Now().In(zoneOf(v.State.Zone)).Format(roster.DateLayout)
	out := []TransferTarget{}
	for _, p := range tip.People {
		if p.ID == me {
			continue
		}
		key := validKey(chain, p, date)
		if key == "" {
			continue
		}
		out = append(out, TransferTarget{Person: p.ID, Name: p.Name, Department: p.Department, SubDepartment: p.SubDepartment,
			Key: key, Fingerprint: keys.FingerprintHex(key)})
	}
	return out, nil
}

// validKey returns p's first key valid on date (YYYY-MM-DD) and revoked
// by no version of chain, "" when he has none.
func validKey(chain *roster.Chain, p roster.Person, date string) string {
	for _, k := range p.Keys {
		if _, _, revoked := chain.Revoked(k.Public); revoked {
			continue
		}
		if (k.From != "" && date < k.From) || (k.Until != "" && date > k.Until) {
			continue
		}
		return k.Public
	}
	return ""
}
