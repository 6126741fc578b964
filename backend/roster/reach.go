package roster

import (
	"slices"

	"golive/backend/template"
)

// Reach is what one key can possibly act as under the last version of a
// chain, whatever the dossier's history: the people whose roles it may
// exercise (its owner's own, and those delegated to him) and the units
// they head. It answers, without folding a dossier, whether a role on a
// dossier of a given system could be the key's at all (MayHold): when it
// says no, Authorize refuses every act of the key in that role on any
// dossier of that system under the last version; when it says yes, only
// the dossier's fold can tell. The inbox asks it before folding.
type Reach struct {
	v *Version
	// people are the person ids whose roles the key may exercise, each
	// with the roles it may exercise for him.
	people map[string]grant
	// heads are those of them who head a unit.
	heads map[string]bool
	// none is true for a key the version does not list, or a revoked key.
	none bool
}

// grant is what a key may exercise of one person's roles: all of them
// (his own key), or those delegated to the key's owner.
type grant struct {
	own   bool
	roles []string
}

// Reach returns the reach of key under the chain's last version. A key
// the version does not list, or that the chain revoked, reaches nothing.
func (c *Chain) Reach(key string) Reach {
	tip := c.at(c.tipID())
	if tip == nil {
		return Reach{none: true}
	}
	if _, revoked := c.revoked[key]; revoked {
		return Reach{none: true}
	}
	ix := tip.index()
	owner, ok := ix.keyOwner[key]
	if !ok {
		return Reach{none: true}
	}
	r := Reach{v: tip, people: map[string]grant{owner: {own: true}}}
	for _, dl := range ix.delegTo[owner] {
		g := r.people[dl.For]
		g.roles = append(g.roles, dl.Roles...)
		r.people[dl.For] = g
	}
	r.heads = map[string]bool{}
	for _, h := range ix.heads {
		if _, ok := r.people[h]; ok {
			r.heads[h] = true
		}
	}
	return r
}

// tipID is the event id of the chain's last version, "" without one.
func (c *Chain) tipID() string {
	if v, ok := c.Tip(); ok {
		return v.Event
	}
	return ""
}

// MayHold reports whether the key could act in role on a dossier of
// system under the version Reach read: false only when no basis the
// roster knows (the role held outright, a system assignment, a unit's
// headship, a delegation of the role) could give it the role there.
func (r Reach) MayHold(tpl *template.Template, system, role string) bool {
	if r.none || tpl == nil {
		return false
	}
	rl, ok := tpl.Role(role)
	if !ok {
		return false
	}
	ix := r.v.index()
	for person, g := range r.people {
		if !g.own && !slices.Contains(g.roles, role) {
			continue
		}
		p := ix.people[person]
		if p == nil {
			continue
		}
		switch rl.Scope {
		case template.ScopeGlobal:
			if slices.Contains(p.Roles, role) {
				return true
			}
		case template.ScopeSystemOwner, template.ScopeSystemDevLead, template.ScopeSystemSupervisor:
			a := ix.systems[system]
			if a == nil {
				continue
			}
			holder := a.Owner
			switch rl.Scope {
			case template.ScopeSystemDevLead:
				holder = a.DevLead
			case template.ScopeSystemSupervisor:
				holder = ix.supervisor(a)
			}
			if holder == person {
				return true
			}
		case template.ScopeApplicantDeptHead, template.ScopeOwningSubdeptDirector:
			// The head of the applicant's or of the owning unit: which
			// unit, only the dossier tells.
			if r.heads[person] {
				return true
			}
		default:
			return true // a scope this code does not know: only the fold can tell
		}
	}
	return false
}
