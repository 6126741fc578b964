package roster

import (
	"slices"
	"strconv"
	"strings"
	"time"

	"golive/backend/apperr"
	"golive/backend/template"
)

// Codes of a roster version that is not well formed, or not a valid
// successor of its parent (Validate, VerifyChain, Service.Publish).
const (
	// CodeBadVersion: the version number does not follow the parent's (params: version, want).
	CodeBadVersion = "roster.bad_version"
	// CodeMissingField: a required value is empty (params: field, id).
	CodeMissingField = "roster.missing_field"
	// CodeDuplicateID: an id occurs twice (params: kind, id).
	CodeDuplicateID = "roster.duplicate_id"
	// CodeUnknownPerson: a person id names nobody in the version (params: field, person).
	CodeUnknownPerson = "roster.unknown_person"
	// CodeBadKey: a public key is not 64 lowercase hex digits (params: person, key).
	CodeBadKey = "roster.bad_key"
	// CodeDuplicateKey: a key is listed twice (params: key).
	CodeDuplicateKey = "roster.duplicate_key"
	// CodeBadDate: a date is not YYYY-MM-DD (params: field, value).
	CodeBadDate = "roster.bad_date"
	// CodeBadRange: a date range ends before it starts (params: field, from, until).
	CodeBadRange = "roster.bad_range"
	// CodeNoPMO: the version names no PMO, or a PMO without a key (params: person).
	CodeNoPMO = "roster.no_pmo"
	// CodeBadDelegation: a delegation to oneself or of no role (params: delegation, problem).
	CodeBadDelegation = "roster.bad_delegation"
	// CodeBadRevocation: a revocation names a key the parent did not list,
	// or one this version still lists (params: key).
	CodeBadRevocation = "roster.bad_revocation"
	// CodeBadHeads: a head is not an event id (params: value).
	CodeBadHeads = "roster.bad_heads"
	// CodeBadCutoff: a cutoff names a person the parent did not list, or
	// twice (params: person).
	CodeBadCutoff = "roster.bad_cutoff"
	// CodeKeyDropped: a key of the parent is neither listed nor revoked (params: key, person).
	CodeKeyDropped = "roster.key_dropped"
	// CodeKeyMoved: a key changed hands (params: key, from, to).
	CodeKeyMoved = "roster.key_moved"
	// CodeKeyReused: a key revoked by an earlier version is listed again (params: key).
	CodeKeyReused = "roster.key_reused"
	// CodeCutoffMissing: a person loses authority and the version names no
	// cutoff for him (params: person, lost). Publish only.
	CodeCutoffMissing = "roster.cutoff_missing"
	// CodeScopedRole: a role the template scopes to a dossier is granted
	// outright (params: person, role, scope). Publish only.
	CodeScopedRole = "roster.scoped_role"
)

// DateLayout is the layout of every date in a roster: YYYY-MM-DD.
const DateLayout = time.DateOnly

// Normalize trims every string, lower-cases keys and event ids, and sorts
// and de-duplicates role lists and heads, so that equal rosters have equal
// bodies. Publish normalizes a draft before it validates it.
func (r *Roster) Normalize() {
	trim := strings.TrimSpace
	lower := func(s string) string { return strings.ToLower(trim(s)) }
	set := func(in []string, f func(string) string) []string {
		out := make([]string, 0, len(in))
		for _, s := range in {
			if s = f(s); s != "" {
				out = append(out, s)
			}
		}
		slices.Sort(out)
		return slices.Compact(out)
	}
	r.Organisation, r.Note = trim(r.Organisation), trim(r.Note)
	r.PMO = set(r.PMO, trim)
	for i := range r.People {
		p := &r.People[i]
		p.ID, p.Name, p.Department, p.SubDepartment, p.Title = trim(p.ID), trim(p.Name), trim(p.Department), trim(p.SubDepartment), trim(p.Title)
		p.Roles = set(p.Roles, trim)
		for j := range p.Keys {
			k := &p.Keys[j]
			k.Public, k.From, k.Until = lower(k.Public), trim(k.From), trim(k.Until)
		}
	}
	for i := range r.Systems {
		a := &r.Systems[i]
		a.System, a.Department, a.SubDepartment = trim(a.System), trim(a.Department), trim(a.SubDepartment)
		a.Owner, a.DevLead, a.Supervisor = trim(a.Owner), trim(a.DevLead), trim(a.Supervisor)
	}
	for i := range r.Heads {
		h := &r.Heads[i]
		h.Department, h.SubDepartment, h.Person = trim(h.Department), trim(h.SubDepartment), trim(h.Person)
	}
	for i := range r.Delegations {
		d := &r.Delegations[i]
		d.ID, d.For, d.To, d.Start, d.End, d.Note = trim(d.ID), trim(d.For), trim(d.To), trim(d.Start), trim(d.End), trim(d.Note)
		d.Roles = set(d.Roles, trim)
	}
	for i := range r.Revocations {
		v := &r.Revocations[i]
		v.Key, v.Reason = lower(v.Key), trim(v.Reason)
		v.Heads = set(v.Heads, lower)
	}
	for i := range r.Cutoffs {
		c := &r.Cutoffs[i]
		c.Person = trim(c.Person)
		c.Heads = set(c.Heads, lower)
	}
}

func isLowerHex(s string, n int) bool {
	if len(s) != n {
		return false
	}
	for i := 0; i < len(s); i++ {
		if c := s[i]; (c < '0' || c > '9') && (c < 'a' || c > 'f') {
			return false
		}
	}
	return true
}

func checkDate(field, value string) error {
	if value == "" {
		return nil
	}
	if _, err := time.Parse(DateLayout, value); err != nil {
		return apperr.New(CodeBadDate, "field", field, "value", value)
	}
	return nil
}

// checkRange checks two optional dates and that until is not before from.
func checkRange(field, from, until string) error {
	if err := checkDate(field, from); err != nil {
		return err
	}
	if err := checkDate(field, until); err != nil {
		return err
	}
	if from != "" && until != "" && until < from {
		return apperr.New(CodeBadRange, "field", field, "from", from, "until", until)
	}
	return nil
}

func checkHeads(heads []string) error {
	for _, h := range heads {
		if !isLowerHex(h, 64) {
			return apperr.New(CodeBadHeads, "value", h)
		}
	}
	return nil
}

// Validate checks the version on its own and returns the first problem
// as a coded error: every id present and unique, every person reference
// known, keys well formed and unique, dates valid, at least one PMO with a
// key, delegations to someone else of at least one role, revoked keys no
// longer listed, heads well formed.
func (r *Roster) Validate() error {
	if r.Version < 1 {
		return apperr.New(CodeBadVersion, "version", strconv.Itoa(r.Version), "want", "1")
	}
	people := map[string]*Person{}
	keys := map[string]bool{}
	for i := range r.People {
		p := &r.People[i]
		switch {
		case p.ID == "":
			return apperr.New(CodeMissingField, "field", "people.id", "id", strconv.Itoa(i))
		case people[p.ID] != nil:
			return apperr.New(CodeDuplicateID, "kind", "person", "id", p.ID)
		case p.Name == "":
			return apperr.New(CodeMissingField, "field", "people.name", "id", p.ID)
		case p.Department == "":
			return apperr.New(CodeMissingField, "field", "people.department", "id", p.ID)
		}
		people[p.ID] = p
		for _, k := range p.Keys {
			if !isLowerHex(k.Public, 64) {
				return apperr.New(CodeBadKey, "person", p.ID, "key", k.Public)
			}
			if keys[k.Public] {
				return apperr.New(CodeDuplicateKey, "key", k.Public)
			}
			keys[k.Public] = true
			if err := checkRange("key", k.From, k.Until); err != nil {
				return err
			}
		}
	}
	known := func(field, id string) error {
		if id != "" && people[id] == nil {
			return apperr.New(CodeUnknownPerson, "field", field, "person", id)
		}
		return nil
	}
	if len(r.PMO) == 0 {
		return apperr.New(CodeNoPMO)
	}
	for _, id := range r.PMO {
		if err := known("pmo", id); err != nil {
			return err
		}
		if len(people[id].Keys) == 0 {
			return apperr.New(CodeNoPMO, "person", id)
		}
	}
	systems := map[string]bool{}
	for _, a := range r.Systems {
		switch {
		case a.System == "":
			return apperr.New(CodeMissingField, "field", "systems.system")
		case systems[a.System]:
			return apperr.New(CodeDuplicateID, "kind", "system", "id", a.System)
		case a.Department == "":
			return apperr.New(CodeMissingField, "field", "systems.department", "id", a.System)
		}
		systems[a.System] = true
		for _, f := range []struct{ field, id string }{{"systems.owner", a.Owner}, {"systems.dev_lead", a.DevLead}, {"systems.supervisor", a.Supervisor}} {
			if err := known(f.field, f.id); err != nil {
				return err
			}
		}
	}
	units := map[unit]bool{}
	for _, h := range r.Heads {
		u := unit{h.Department, h.SubDepartment}
		switch {
		case h.Department == "":
			return apperr.New(CodeMissingField, "field", "heads.department")
		case h.Person == "":
			return apperr.New(CodeMissingField, "field", "heads.person", "id", unitName(u))
		case units[u]:
			return apperr.New(CodeDuplicateID, "kind", "unit", "id", unitName(u))
		}
		units[u] = true
		if err := known("heads.person", h.Person); err != nil {
			return err
		}
	}
	delegations := map[string]bool{}
	for _, d := range r.Delegations {
		switch {
		case d.ID == "":
			return apperr.New(CodeMissingField, "field", "delegations.id")
		case delegations[d.ID]:
			return apperr.New(CodeDuplicateID, "kind", "delegation", "id", d.ID)
		case d.For == "" || d.To == "":
			return apperr.New(CodeMissingField, "field", "delegations.for", "id", d.ID)
		case d.For == d.To:
			return apperr.New(CodeBadDelegation, "delegation", d.ID, "problem", "self")
		case len(d.Roles) == 0:
			return apperr.New(CodeBadDelegation, "delegation", d.ID, "problem", "no_roles")
		case d.Start == "" || d.End == "":
			return apperr.New(CodeMissingField, "field", "delegations.start", "id", d.ID)
		}
		delegations[d.ID] = true
		for _, f := range []struct{ field, id string }{{"delegations.for", d.For}, {"delegations.to", d.To}} {
			if err := known(f.field, f.id); err != nil {
				return err
			}
		}
		if err := checkRange("delegation", d.Start, d.End); err != nil {
			return err
		}
	}
	revoked := map[string]bool{}
	for _, v := range r.Revocations {
		if !isLowerHex(v.Key, 64) || keys[v.Key] || revoked[v.Key] {
			return apperr.New(CodeBadRevocation, "key", v.Key)
		}
		revoked[v.Key] = true
		if err := checkHeads(v.Heads); err != nil {
			return err
		}
	}
	cut := map[string]bool{}
	for _, c := range r.Cutoffs {
		if c.Person == "" || cut[c.Person] {
			return apperr.New(CodeBadCutoff, "person", c.Person)
		}
		cut[c.Person] = true
		if err := checkHeads(c.Heads); err != nil {
			return err
		}
	}
	if len(r.Adopted) > 0 && r.Version != 1 {
		return apperr.New(CodeBadHeads, "value", "adopted").WithDetail("only the first version adopts earlier events")
	}
	return checkHeads(r.Adopted)
}

// checkSuccessor checks next against its parent prev along a chain whose
// earlier versions revoked the keys in revokedBefore: numbering, and that
// every key keeps its owner until it is revoked and is never listed again
// after. Both versions passed Validate.
func checkSuccessor(prev *Version, next *Roster, revokedBefore map[string]bool) error {
	if next.Version != prev.Version+1 {
		return apperr.New(CodeBadVersion, "version", strconv.Itoa(next.Version), "want", strconv.Itoa(prev.Version+1))
	}
	pi, ni := prev.index(), newIndex(next)
	for key, owner := range ni.keyOwner {
		if revokedBefore[key] {
			return apperr.New(CodeKeyReused, "key", key)
		}
		if was, ok := pi.keyOwner[key]; ok && was != owner {
			return apperr.New(CodeKeyMoved, "key", key, "from", was, "to", owner)
		}
	}
	for _, p := range prev.People {
		for _, k := range p.Keys {
			if _, listed := ni.keyOwner[k.Public]; !listed && ni.revoked[k.Public] == nil {
				return apperr.New(CodeKeyDropped, "key", k.Public, "person", p.ID)
			}
		}
	}
	for _, v := range next.Revocations {
		if _, ok := pi.keyOwner[v.Key]; !ok {
			return apperr.New(CodeBadRevocation, "key", v.Key)
		}
	}
	for _, c := range next.Cutoffs {
		if pi.people[c.Person] == nil {
			return apperr.New(CodeBadCutoff, "person", c.Person)
		}
	}
	return nil
}

// checkCutoffs is Publish's safety net: every person who keeps a key
// from prev in next (so that key is not revoked) but loses any standing he
// had in prev (see standing) must have a cutoff in next, or his events
// made under earlier versions would all become unauthorised.
func checkCutoffs(prev *Version, next *Roster) error {
	pi, ni := prev.index(), newIndex(next)
	for _, p := range next.People {
		if _, ok := ni.cutoffs[p.ID]; ok || !slices.ContainsFunc(p.Keys, func(k Key) bool { return pi.keyOwner[k.Public] == p.ID }) {
			continue
		}
		now := standing(ni, p.ID)
		for _, item := range sortedKeys(standing(pi, p.ID)) {
			if !now[item] {
				return apperr.New(CodeCutoffMissing, "person", p.ID, "lost", item)
			}
		}
	}
	return nil
}

// standing lists what a person may act as in a version, independent of
// the template: more than Authorize ever asks, never less. Dates do not
// count.
func standing(ix *index, person string) map[string]bool {
	out := direct(ix, person)
	for _, d := range ix.delegTo[person] {
		for _, r := range d.Roles {
			out["delegation:"+d.ID+":"+r] = true
		}
		for item := range direct(ix, d.For) {
			out["via:"+d.ID+":"+item] = true
		}
	}
	return out
}

// direct is standing without delegations.
func direct(ix *index, person string) map[string]bool {
	out := map[string]bool{}
	p := ix.people[person]
	if p == nil {
		return out
	}
	for _, r := range p.Roles {
		out["role:"+r] = true
	}
	for code, a := range ix.systems {
		if a.Owner == person {
			out["owner:"+code] = true
		}
		if a.DevLead == person {
			out["dev_lead:"+code] = true
		}
		if ix.supervisor(a) == person {
			out["supervisor:"+code] = true
		}
		if ix.heads[unit{a.Department, a.SubDepartment}] == person {
			out["owning:"+code] = true
		}
	}
	for u, h := range ix.heads {
		if h == person {
			out["head:"+unitName(u)] = true
		}
	}
	for id, other := range ix.people {
		if ix.heads[unit{other.Department, other.SubDepartment}] == person {
			out["applicant:"+id] = true
		}
	}
	return out
}

// supervisor resolves a system's supervisor: the one assigned, or the
// head of the development lead's unit; "" when neither is known.
func (ix *index) supervisor(a *Assignment) string {
	if a.Supervisor != "" {
		return a.Supervisor
	}
	lead := ix.people[a.DevLead]
	if lead == nil {
		return ""
	}
	return ix.heads[unit{lead.Department, lead.SubDepartment}]
}

func unitName(u unit) string {
	if u.sub == "" {
		return u.dept
	}
	return u.dept + "/" + u.sub
}

func sortedKeys(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}

// CheckTemplate checks the roster's role ids against a process template:
// every role granted outright or delegated is one of its roles
// (roster.unknown_role, params person or delegation, role), and no role
// the template scopes to a dossier is granted outright
// (roster.scoped_role). Publish runs it against the current template;
// the chain does not, since templates change independently.
func (r *Roster) CheckTemplate(t *template.Template) error {
	for _, p := range r.People {
		for _, id := range p.Roles {
			role, ok := t.Role(id)
			if !ok {
				return apperr.New(CodeUnknownRole, "person", p.ID, "role", id)
			}
			if role.Scope != template.ScopeGlobal {
				return apperr.New(CodeScopedRole, "person", p.ID, "role", id, "scope", role.Scope)
			}
		}
	}
	for _, d := range r.Delegations {
		for _, id := range d.Roles {
			if _, ok := t.Role(id); !ok {
				return apperr.New(CodeUnknownRole, "delegation", d.ID, "role", id)
			}
		}
	}
	return nil
}
