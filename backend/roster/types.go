package roster

import (
	"time"
)

// Stream is the ledger stream holding the roster's versions; its events
// are stored under ev/roster/<event id>.
const Stream = "roster"

// KindPublished is the kind of the event that publishes a roster version;
// its body is the Roster.
const KindPublished = "roster.published"

// Roster is one version of the organisation roster (组织名册), the body of a
// roster.published event. Person ids, departments, sub-departments and
// system codes are the organisation's own strings; role ids are the
// process template's.
type Roster struct {
	// Version is 1 for the first version and one more than its parent's
	// for every later one.
	Version int `json:"version"`
	// Organisation is the organisation's display name.
	Organisation string `json:"organisation"`
	// Note is the publisher's note on what changed.
	Note string `json:"note,omitempty"`
	// PMO lists the ids of the people whose keys may sign the next version.
	PMO []string `json:"pmo"`
	// People are everyone who may sign dossier events.
	People []Person `json:"people"`
	// Systems assign each application system its owning unit and people.
	Systems []Assignment `json:"systems,omitempty"`
	// Heads name the head of each unit (department, or department and
	// sub-department).
	Heads []Head `json:"heads,omitempty"`
	// Delegations let one person act in another's roles for a while (代 X 审批).
	Delegations []Delegation `json:"delegations,omitempty"`
	// Revocations are the keys this version revokes, each with the events
	// of that key that stay valid. Earlier versions' revocations stay in
	// force; a revoked key is never listed again.
	Revocations []Revocation `json:"revocations,omitempty"`
	// Cutoffs name, for people who lose authority in this version, which
	// of their events made under earlier versions stay valid.
	Cutoffs []Cutoff `json:"cutoffs,omitempty"`
	// Adopted, in the first version only, names the heads of the dossiers
	// the folder held when the roster was first published: those events and
	// their causal past were made before any roster and count as they were
	// recorded (by the roles they claim). Every later event is judged by the
	// roster.
	Adopted []string `json:"adopted,omitempty"`
}

// Person is someone in the organisation.
type Person struct {
	// ID is the person's stable id, e.g. an employee number.
	ID string `json:"id"`
	// Name is the person's name.
	Name string `json:"name"`
	// Department is the department the person works in.
	Department string `json:"department"`
	// SubDepartment is the sub-department within Department, if any.
	SubDepartment string `json:"sub_department,omitempty"`
	// Title is the person's job title, for display.
	Title string `json:"title,omitempty"`
	// Keys are the person's Ed25519 public keys.
	Keys []Key `json:"keys"`
	// Roles are the template roles the person holds outright (global
	// roles: the CIO, the six directors, the PMO, …). Roles the template
	// scopes to a dossier are never held this way.
	Roles []string `json:"roles,omitempty"`
}

// Key is one of a person's public keys.
type Key struct {
	// Public is the Ed25519 public key in lowercase hex.
	Public string `json:"public"`
	// From is the first day the key may sign, YYYY-MM-DD, or "".
	From string `json:"from,omitempty"`
	// Until is the last day the key may sign, YYYY-MM-DD, or "".
	Until string `json:"until,omitempty"`
}

// Assignment gives an application system its owning unit and the people
// who own, develop and supervise it.
type Assignment struct {
	// System is the system's code, as in the system register.
	System string `json:"system"`
	// Department is the department that owns the system.
	Department string `json:"department"`
	// SubDepartment is the owning sub-department, if any.
	SubDepartment string `json:"sub_department,omitempty"`
	// Owner is the person id of the system owner (系统所有人), or "".
	Owner string `json:"owner,omitempty"`
	// DevLead is the person id of the development lead, who is the
	// release operator (系统发布岗), or "".
	DevLead string `json:"dev_lead,omitempty"`
	// Supervisor is the person id of the release supervisor; "" means the
	// head of the development lead's unit.
	Supervisor string `json:"supervisor,omitempty"`
}

// Head names the head of a unit: a department (SubDepartment "") or one
// of its sub-departments.
type Head struct {
	// Department is the unit's department.
	Department string `json:"department"`
	// SubDepartment is the unit's sub-department, "" for the department itself.
	SubDepartment string `json:"sub_department,omitempty"`
	// Person is the head's person id.
	Person string `json:"person"`
}

// Delegation lets To act in some of For's roles (代 For 审批) between two
// dates.
type Delegation struct {
	// ID is the delegation's stable id; a later version that still lists
	// the delegation keeps its id.
	ID string `json:"id"`
	// For is the person id of the one whose roles are delegated.
	For string `json:"for"`
	// To is the person id of the delegate.
	To string `json:"to"`
	// Roles are the template role ids delegated.
	Roles []string `json:"roles"`
	// Start is the first day of the delegation, YYYY-MM-DD.
	Start string `json:"start"`
	// End is the last day of the delegation, YYYY-MM-DD.
	End string `json:"end"`
	// Note says why, for display.
	Note string `json:"note,omitempty"`
}

// Revocation revokes a key.
type Revocation struct {
	// Key is the revoked public key in lowercase hex.
	Key string `json:"key"`
	// Heads are the ids of the key's events that stay valid, with
	// everything in their causal past.
	Heads []string `json:"heads"`
	// Reason says why, for display.
	Reason string `json:"reason,omitempty"`
}

// Cutoff ends the authority a person loses in a version.
type Cutoff struct {
	// Person is the person's id.
	Person string `json:"person"`
	// Heads are the ids of the person's events that stay valid, with
	// everything in their causal past.
	Heads []string `json:"heads"`
}

// Version is a roster version as its chain holds it: the roster and the
// event that published it.
type Version struct {
	Roster
	// Event is the id of the roster.published event; dossier events name
	// the version they were made under by this id.
	Event string `json:"event"`
	// PublishedAt is the event's time, in its zone.
	PublishedAt time.Time `json:"published_at"`
	// PublishedBy is the publisher's public key in lowercase hex.
	PublishedBy string `json:"published_by"`

	idx *index
}

// unit is a department and sub-department.
type unit struct{ dept, sub string }

// index holds a version's lookups.
type index struct {
	people   map[string]*Person
	keyOwner map[string]string // public key → person id
	keys     map[string]*Key
	systems  map[string]*Assignment
	heads    map[unit]string
	cutoffs  map[string][]string
	delegTo  map[string][]*Delegation // delegate → delegations, in roster order
	revoked  map[string]*Revocation
}

func newIndex(r *Roster) *index {
	ix := &index{
		people:   map[string]*Person{},
		keyOwner: map[string]string{},
		keys:     map[string]*Key{},
		systems:  map[string]*Assignment{},
		heads:    map[unit]string{},
		cutoffs:  map[string][]string{},
		delegTo:  map[string][]*Delegation{},
		revoked:  map[string]*Revocation{},
	}
	for i := range r.People {
		p := &r.People[i]
		ix.people[p.ID] = p
		for j := range p.Keys {
			ix.keyOwner[p.Keys[j].Public] = p.ID
			ix.keys[p.Keys[j].Public] = &p.Keys[j]
		}
	}
	for i := range r.Systems {
		ix.systems[r.Systems[i].System] = &r.Systems[i]
	}
	for _, h := range r.Heads {
		ix.heads[unit{h.Department, h.SubDepartment}] = h.Person
	}
	for _, c := range r.Cutoffs {
		ix.cutoffs[c.Person] = c.Heads
	}
	for i := range r.Delegations {
		d := &r.Delegations[i]
		ix.delegTo[d.To] = append(ix.delegTo[d.To], d)
	}
	for i := range r.Revocations {
		ix.revoked[r.Revocations[i].Key] = &r.Revocations[i]
	}
	return ix
}

// index returns the version's lookups. A chain's versions have them from
// VerifyChain; a Version built by hand builds them on first use, so it
// must not be shared between goroutines before that.
func (v *Version) index() *index {
	if v.idx == nil {
		v.idx = newIndex(&v.Roster)
	}
	return v.idx
}

// Person returns the person with the given id.
func (v *Version) Person(id string) (Person, bool) {
	p, ok := v.index().people[id]
	if !ok {
		return Person{}, false
	}
	return *p, true
}

// KeyOwner returns the person a public key (lowercase hex) belongs to.
func (v *Version) KeyOwner(key string) (Person, bool) {
	id, ok := v.index().keyOwner[key]
	if !ok {
		return Person{}, false
	}
	return v.Person(id)
}

// IsPMO reports whether key belongs to one of the people the version
// names as PMO.
func (v *Version) IsPMO(key string) bool {
	id, ok := v.index().keyOwner[key]
	if !ok {
		return false
	}
	for _, p := range v.PMO {
		if p == id {
			return true
		}
	}
	return false
}
