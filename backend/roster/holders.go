package roster

import (
	"slices"

	"golive/backend/template"
)

// Holder is a person who may act in a role on a dossier, as Holders finds
// him in one roster version.
type Holder struct {
	// Person is the person's id; Name, Department and SubDepartment are his.
	Person        string `json:"person"`
	Name          string `json:"name"`
	Department    string `json:"department"`
	SubDepartment string `json:"sub_department,omitempty"`
	// For is the id of the person he acts for when he holds the role by
	// delegation (代审批), "" when he holds it himself; ForName is that
	// person's name and Delegation the delegation's id.
	For        string `json:"for,omitempty"`
	ForName    string `json:"for_name,omitempty"`
	Delegation string `json:"delegation,omitempty"`
	// Key is his first key that is valid on the date and revoked nowhere
	// in the chain, "" when he has none.
	Key string `json:"key,omitempty"`
}

// Holders lists who may act in role on the dossier under the version
// published by event version, on date (YYYY-MM-DD, the act's calendar
// date): every person of the version, in its order, who holds the role
// himself or by a delegation whose dates contain date (the rules of
// Authorize's steps 3 and 6; holding the role himself wins, then the first
// delegation listed). It is what Authorize would accept of an act by that
// person made now under the last version, the key aside. An unknown
// version or role gives none.
func (c *Chain) Holders(version string, d Dossier, role, date string) []Holder {
	v := c.at(version)
	if v == nil || d.Template == nil {
		return nil
	}
	r, _ := d.Template.Role(role)
	if r == nil {
		return nil
	}
	ix := v.index()
	var out []Holder
	for i := range v.People {
		p := &v.People[i]
		h := Holder{Person: p.ID, Name: p.Name, Department: p.Department, SubDepartment: p.SubDepartment}
		if ok, _ := v.holds(p.ID, r, d); !ok {
			dl := v.delegationOn(p.ID, r, d, date)
			if dl == nil {
				continue
			}
			h.For, h.Delegation = dl.For, dl.ID
			h.ForName = ix.people[dl.For].Name
		}
		for _, k := range p.Keys {
			if _, revoked := c.revoked[k.Public]; revoked || (k.From != "" && date < k.From) || (k.Until != "" && date > k.Until) {
				continue
			}
			h.Key = k.Public
			break
		}
		out = append(out, h)
	}
	return out
}

// delegationOn returns the first delegation to person covering role r,
// whose grantor holds r on the dossier himself and whose dates contain
// date; nil when there is none.
func (v *Version) delegationOn(person string, r *template.Role, d Dossier, date string) *Delegation {
	for _, dl := range v.index().delegTo[person] {
		if !slices.Contains(dl.Roles, r.ID) || date < dl.Start || date > dl.End {
			continue
		}
		if ok, _ := v.holds(dl.For, r, d); ok {
			return dl
		}
	}
	return nil
}
