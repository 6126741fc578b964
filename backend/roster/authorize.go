package roster

import (
	"slices"
	"strconv"
	"time"

	"golive/backend/apperr"
	"golive/backend/keys"
	"golive/backend/ledger"
	"golive/backend/template"
)

// Refusal codes of Authorize: why an event is 未授权.
const (
	// CodeUnknownVersion: the roster version the event claims is not in
	// the chain (params: version). The copy may simply not have it yet.
	CodeUnknownVersion = "roster.unknown_version"
	// CodeUnknownRole: the role is not one of the template's (params: role).
	CodeUnknownRole = "roster.unknown_role"
	// CodeUnknownKey: the claimed version lists nobody with the key
	// (params: key, fingerprint).
	CodeUnknownKey = "roster.unknown_key"
	// CodeRevoked: the key is revoked and the event is not among the events
	// the revocation keeps (params: key, fingerprint, revoked_in).
	CodeRevoked = "roster.revoked"
	// CodeKeyNotYetValid: the event claims a date before the key's first
	// day (params: key, fingerprint, from, date).
	CodeKeyNotYetValid = "roster.key_not_yet_valid"
	// CodeKeyExpired: the event claims a date after the key's last day
	// (params: key, fingerprint, until, date).
	CodeKeyExpired = "roster.key_expired"
	// CodeUnresolved: the claimed version cannot tell who holds the
	// dossier-relative role: no assignment for the system, no head for
	// the unit, unknown applicant (params: role, scope, missing, and system,
	// unit or person).
	CodeUnresolved = "roster.unresolved"
	// CodeNoRole: the key's owner holds the role neither himself nor by a
	// delegation in the claimed version (params: role, person).
	CodeNoRole = "roster.no_role"
	// CodeRoleRemoved: a later version took the authority away and the
	// event is not among the events its cutoff keeps (params: role, person,
	// ended_in).
	CodeRoleRemoved = "roster.role_removed"
	// CodeDelegationEnded: the event was made by delegation, a later
	// version ended the delegated authority and the event is not among the
	// events its cutoff keeps (params: role, person, for, delegation,
	// ended_in).
	CodeDelegationEnded = "roster.delegation_ended"
	// CodeDelegationNotStarted: the event claims a date before the
	// delegation's first day (params: role, person, for, delegation, start,
	// date).
	CodeDelegationNotStarted = "roster.delegation_not_started"
	// CodeDelegationExpired: the event claims a date after the delegation's
	// last day (params: role, person, for, delegation, end, date).
	CodeDelegationExpired = "roster.delegation_expired"
	// CodeDelegateUnknown: a transfer (转交) hands a decision to a key the
	// claimed version does not list (params: key, fingerprint).
	CodeDelegateUnknown = "roster.delegate_unknown"
)

// Act is what Authorize needs of a dossier event.
type Act struct {
	// Event is the event's id.
	Event string `json:"event"`
	// Key is the author's public key in lowercase hex.
	Key string `json:"key"`
	// At is the time the event claims, in the event's own zone.
	At time.Time `json:"at"`
	// Version is the event id of the roster version the event says it was
	// made under.
	Version string `json:"version"`
}

// ActOf returns the Act of a ledger event made under roster version.
func ActOf(e ledger.Event, version string) Act {
	return Act{Event: e.ID, Key: e.Author, At: e.Time, Version: version}
}

// Dossier is what Authorize knows about the dossier an event belongs to.
type Dossier struct {
	// Template is the dossier's pinned template; its roles' scopes say how
	// roles are resolved.
	Template *template.Template
	// System is the code of the dossier's system.
	System string
	// OwningDepartment is the department that owns the project; when it
	// is "", the owning unit is the system's unit in the roster version
	// being read.
	OwningDepartment string
	// OwningSubDepartment is the owning sub-department, if any.
	OwningSubDepartment string
	// Applicant is the person id of whoever submitted the dossier, "" if
	// nobody has yet.
	Applicant string
	// InPast reports whether event is in the causal past of any of heads
	// (their parents, transitively) in the dossier's event graph. Being one
	// of heads is checked before it is called; nil means "never".
	InPast func(event string, heads []string) bool
}

// kept reports whether event is one of heads or in their causal past.
func (d Dossier) kept(event string, heads []string) bool {
	return slices.Contains(heads, event) || (d.InPast != nil && len(heads) > 0 && d.InPast(event, heads))
}

// Verdict is Authorize's answer: whether an event counts, and as whose.
type Verdict struct {
	// OK is true when the event counts.
	OK bool `json:"ok"`
	// Code is the refusal's code when OK is false (see the Code
	// constants), "" otherwise.
	Code string `json:"code,omitempty"`
	// Params are the refusal's parameters.
	Params map[string]string `json:"params,omitempty"`
	// Event is the id of the event asked about.
	Event string `json:"event"`
	// Role is the role asked about.
	Role string `json:"role"`
	// Person is the id of the key's owner in the claimed version, when known.
	Person string `json:"person,omitempty"`
	// PersonName is that person's name.
	PersonName string `json:"person_name,omitempty"`
	// Delegated is true when Person acted for someone else (代 For 审批).
	Delegated bool `json:"delegated,omitempty"`
	// For is the id of the person delegated for.
	For string `json:"for,omitempty"`
	// ForName is that person's name.
	ForName string `json:"for_name,omitempty"`
	// Delegation is the id of the delegation used.
	Delegation string `json:"delegation,omitempty"`
	// Kept is true when the event counts only because a later version
	// named it among the events that stay valid (revocation or cutoff).
	Kept bool `json:"kept,omitempty"`
	// Witness is, for a witnessed act (在场签字), the id of the key's owner
	// who witnessed it; Person is then the approver who signed by hand.
	Witness string `json:"witness,omitempty"`
	// WitnessName is that person's name.
	WitnessName string `json:"witness_name,omitempty"`
}

// Err returns the refusal as a coded error, nil when the event counts.
func (v Verdict) Err() error {
	if v.OK {
		return nil
	}
	e := &apperr.Error{Code: v.Code, Params: map[string]string{}}
	for k, val := range v.Params {
		e.Params[k] = val
	}
	return e
}

// Deed returns the counted act for the separation-of-duties checks.
func (v Verdict) Deed() Deed {
	return Deed{Event: v.Event, Role: v.Role, Person: v.Person, For: v.For}
}

func (v Verdict) refuse(code string, kv ...string) Verdict {
	v.OK, v.Code = false, code
	v.Params = map[string]string{}
	for i := 0; i+1 < len(kv); i += 2 {
		v.Params[kv[i]] = kv[i+1]
	}
	return v
}

// Authorize decides whether an act counts as made in role on the dossier,
// by the rules in the package overview: the claimed version is in the
// chain, the key belongs to a person there, that person holds the role
// there (outright, relative to the dossier, or by a delegation), no later
// version ended what the act needs (or it is among the events that
// version keeps), and, while nothing ended it, the claimed date is within
// the key's and the delegation's dates. It reads nothing but its
// arguments.
func Authorize(c *Chain, d Dossier, a Act, role string) Verdict {
	return authorize(c, d, a, role, "")
}

// AuthorizeWitnessed decides whether a witnessed act (在场签字) counts as
// made in role on the dossier by approver, a person id: the act's key is
// the device owner's, who watched approver sign by hand. The rules are
// Authorize's with the person split in two (see the package overview):
// the key must be listed in the claimed version (roster.unknown_key) and
// its revocation and dates apply as for any act; approver must be listed
// there (roster.unknown_person, field "approver") and hold role on the dossier himself or by
// delegation, and the cutoffs and delegation dates apply to him. The
// Verdict's Person is the approver, Witness the device owner.
func AuthorizeWitnessed(c *Chain, d Dossier, a Act, approver, role string) Verdict {
	if approver == "" {
		out := Verdict{Event: a.Event, Role: role}
		return out.refuse(CodeUnknownPerson, "field", "approver", "person", approver)
	}
	return authorize(c, d, a, role, approver)
}

// authorize is Authorize, for approver when it is not "" (a witnessed
// act), else for the key's owner.
func authorize(c *Chain, d Dossier, a Act, role, approver string) Verdict {
	out := Verdict{Event: a.Event, Role: role}
	pos, ok := -1, false
	if c.Len() > 0 {
		pos, ok = c.byID[a.Version]
	}
	if !ok {
		return out.refuse(CodeUnknownVersion, "version", a.Version)
	}
	var r *template.Role
	if d.Template != nil {
		r, _ = d.Template.Role(role)
	}
	if r == nil {
		return out.refuse(CodeUnknownRole, "role", role)
	}
	v := c.versions[pos]
	fp := keys.FingerprintHex(a.Key)
	rev, revoked := c.revoked[a.Key]
	person := v.index().people[v.index().keyOwner[a.Key]]
	if person == nil {
		if revoked {
			return out.refuse(CodeRevoked, "key", a.Key, "fingerprint", fp, "revoked_in", strconv.Itoa(c.versions[rev.at].Version))
		}
		return out.refuse(CodeUnknownKey, "key", a.Key, "fingerprint", fp)
	}
	if approver != "" {
		out.Witness, out.WitnessName = person.ID, person.Name
		if person = v.index().people[approver]; person == nil {
			return out.refuse(CodeUnknownPerson, "field", "approver", "person", approver)
		}
	}
	out.Person, out.PersonName = person.ID, person.Name

	// The basis in the claimed version: the role itself, or a delegation.
	holds, unresolved := v.holds(person.ID, r, d)
	var via []*Delegation
	if !holds {
		for _, dl := range v.index().delegTo[person.ID] {
			if slices.Contains(dl.Roles, role) {
				if ok, _ := v.holds(dl.For, r, d); ok {
					via = append(via, dl)
				}
			}
		}
		if len(via) == 0 {
			if unresolved != nil {
				return out.refuse(CodeUnresolved, unresolved...)
			}
			return out.refuse(CodeNoRole, "role", role, "person", person.ID)
		}
	}
	date := a.At.Format(DateLayout)
	var dl *Delegation
	if !holds {
		dl = via[0]
		for _, cand := range via {
			if cand.Start <= date && date <= cand.End {
				dl = cand
				break
			}
		}
		out.Delegated, out.For, out.Delegation = true, dl.For, dl.ID
		out.ForName = v.index().people[dl.For].Name
	}

	// A revoked key: its revocation alone decides.
	if revoked {
		if d.kept(a.Event, rev.rev.Heads) {
			out.OK, out.Kept = true, true
			return out
		}
		return out.refuse(CodeRevoked, "key", a.Key, "fingerprint", fp, "revoked_in", strconv.Itoa(c.versions[rev.at].Version))
	}

	// The first later version in which the person may no longer act in
	// the role on this dossier decides, through its cutoff.
	for _, w := range c.versions[pos+1:] {
		if w.mayAct(person.ID, r, d) {
			continue
		}
		if heads, ok := w.index().cutoffs[person.ID]; ok && d.kept(a.Event, heads) {
			out.OK, out.Kept = true, true
			return out
		}
		ended := strconv.Itoa(w.Version)
		if dl != nil {
			return out.refuse(CodeDelegationEnded, "role", role, "person", person.ID, "for", dl.For, "delegation", dl.ID, "ended_in", ended)
		}
		return out.refuse(CodeRoleRemoved, "role", role, "person", person.ID, "ended_in", ended)
	}

	// Nothing ended it: the dates, a UI aid, apply.
	k := v.index().keys[a.Key]
	switch {
	case k.From != "" && date < k.From:
		return out.refuse(CodeKeyNotYetValid, "key", a.Key, "fingerprint", fp, "from", k.From, "date", date)
	case k.Until != "" && date > k.Until:
		return out.refuse(CodeKeyExpired, "key", a.Key, "fingerprint", fp, "until", k.Until, "date", date)
	case dl != nil && date < dl.Start:
		return out.refuse(CodeDelegationNotStarted, "role", role, "person", person.ID, "for", dl.For, "delegation", dl.ID, "start", dl.Start, "date", date)
	case dl != nil && date > dl.End:
		return out.refuse(CodeDelegationExpired, "role", role, "person", person.ID, "for", dl.For, "delegation", dl.ID, "end", dl.End, "date", date)
	}
	out.OK = true
	return out
}

// mayAct reports whether person may act in role r on the dossier in this
// version by any basis, whatever the dates.
func (v *Version) mayAct(person string, r *template.Role, d Dossier) bool {
	if ok, _ := v.holds(person, r, d); ok {
		return true
	}
	for _, dl := range v.index().delegTo[person] {
		if slices.Contains(dl.Roles, r.ID) {
			if ok, _ := v.holds(dl.For, r, d); ok {
				return true
			}
		}
	}
	return false
}

// holds reports whether person holds role r himself on the dossier in
// this version. When a relative role cannot be resolved it returns false
// and the refusal's parameters.
func (v *Version) holds(person string, r *template.Role, d Dossier) (bool, []string) {
	ix := v.index()
	p := ix.people[person]
	if p == nil {
		return false, nil
	}
	if r.Scope == template.ScopeGlobal {
		return slices.Contains(p.Roles, r.ID), nil
	}
	missing := func(what string, kv ...string) []string {
		return append([]string{"role", r.ID, "scope", r.Scope, "missing", what}, kv...)
	}
	headOf := func(u unit) (string, []string) {
		if h, ok := ix.heads[u]; ok {
			return h, nil
		}
		return "", missing("head", "unit", unitName(u))
	}
	var holder string
	var why []string
	switch r.Scope {
	case template.ScopeApplicantDeptHead:
		a := ix.people[d.Applicant]
		if a == nil {
			return false, missing("applicant", "person", d.Applicant)
		}
		holder, why = headOf(unit{a.Department, a.SubDepartment})
	case template.ScopeOwningSubdeptDirector:
		u := unit{d.OwningDepartment, d.OwningSubDepartment}
		if d.OwningDepartment == "" {
			a := ix.systems[d.System]
			if a == nil {
				return false, missing("system", "system", d.System)
			}
			u = unit{a.Department, a.SubDepartment}
		}
		holder, why = headOf(u)
	default:
		a := ix.systems[d.System]
		if a == nil {
			return false, missing("system", "system", d.System)
		}
		switch r.Scope {
		case template.ScopeSystemOwner:
			holder = a.Owner
		case template.ScopeSystemDevLead:
			holder = a.DevLead
		case template.ScopeSystemSupervisor:
			holder = ix.supervisor(a)
		}
		if holder == "" {
			why = missing(r.Scope, "system", d.System)
		}
	}
	return holder != "" && holder == person, why
}
