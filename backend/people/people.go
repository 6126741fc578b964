// Package people answers "who is this public key" for everything GoLive
// shows or prints: the authors of a dossier's history, the names in a PDF,
// the signer a verification reports, the people the app lists.
//
// # Only signed sources
//
// A name is taken only from something signed, so that nothing edited on
// disk can rename a signer in a document or a verification. A Directory
// asks, in this order:
//
//  1. The organisation roster (组织名册, backend/roster), signed by the PMO:
//     when any version of the chain lists the key (a revoked key
//     included, since old events stay signed by it), the answer is the
//     person the key is listed for, with the name, department and
//     sub-department of the newest version that lists that person. Source
//     "roster".
//  2. An identity card (身份卡, backend/identity) stored in the folder
//     whose signature verifies and whose key is the key asked about: a
//     profile's own card, written when it is made, restored or unlocked,
//     or a card the PMO imported (golive identity import). Source "card".
//     A card is self-declared: its signature proves that its maker holds
//     the key, not that the maker is who the card says, so a card never
//     outranks the roster and the UI marks its name as self-declared.
//  3. Nothing: no name. Documents and screens then show the key's
//     fingerprint.
//
// The unsigned profile records of the folder name nobody here; an old
// folder's unsigned identity records are ignored until the profile is
// unlocked, which writes its card.
//
// A Directory is a snapshot: it reads nothing after Load and never
// writes.
package people

import (
	"sort"

	"golive/backend/identity"
	"golive/backend/roster"
)

// Sources of an answer.
const (
	// SourceRoster: the roster chain lists the key.
	SourceRoster = "roster"
	// SourceCard: only a verified identity card names the key.
	SourceCard = "card"
)

// Entry is who a public key is.
type Entry struct {
	// PublicKey is the Ed25519 public key in lowercase hex.
	PublicKey string `json:"public_key"`
	// Name is the person's name.
	Name string `json:"name"`
	// Department is the person's department.
	Department string `json:"department"`
	// SubDepartment is the sub-department within Department, or "".
	SubDepartment string `json:"sub_department"`
	// Person is the roster's person id ("" when not from the roster).
	Person string `json:"person"`
	// Roles are the global role ids the newest version listing the person
	// gives him (roster only; empty for a card).
	Roles []string `json:"roles"`
	// Source is SourceRoster or SourceCard.
	Source string `json:"source"`
}

// CardSource holds the folder's identity cards (profile.Service).
type CardSource interface {
	// Cards returns the verified cards, keyed by public key hex.
	Cards() (map[string]identity.Card, error)
}

// Directory names public keys from the roster chain and verified cards.
type Directory struct {
	byKey map[string]Entry
}

// Load builds the directory of chain (nil or empty: no roster) and the
// verified cards src holds. Codes: those of src.
func Load(chain *roster.Chain, src CardSource) (*Directory, error) {
	var cards map[string]identity.Card
	if src != nil {
		var err error
		if cards, err = src.Cards(); err != nil {
			return nil, err
		}
	}
	return build(chain, cards, false), nil
}

// New builds the directory of chain (nil: no roster) and cards, keyed by
// public key hex. A card whose key is not its map key, or that does not
// verify, is left out.
func New(chain *roster.Chain, cards map[string]identity.Card) *Directory {
	return build(chain, cards, true)
}

// build is New; verify false trusts that the cards were verified already
// (a CardSource returns only cards that verify).
func build(chain *roster.Chain, cards map[string]identity.Card, verify bool) *Directory {
	d := &Directory{byKey: map[string]Entry{}}
	for k, c := range cards {
		if c.PublicKey != k {
			continue
		}
		if verify {
			if _, err := identity.Parse(c.File()); err != nil {
				continue
			}
		}
		d.byKey[k] = Entry{PublicKey: k, Name: c.Name, Department: c.Department, SubDepartment: c.SubDepartment, Roles: []string{}, Source: SourceCard}
	}
	// Newest version first: the first version met that lists a person
	// gives his name; the key's owner is the same in every version.
	var versions []roster.Version
	if chain != nil {
		versions = chain.Versions()
	}
	seen := map[string]bool{}
	for i := len(versions) - 1; i >= 0; i-- {
		for _, p := range versions[i].People {
			for _, k := range p.Keys {
				if seen[k.Public] {
					continue
				}
				seen[k.Public] = true
				newest := newestListing(versions[i:], p)
				d.byKey[k.Public] = Entry{PublicKey: k.Public, Name: newest.Name, Department: newest.Department,
					SubDepartment: newest.SubDepartment, Person: newest.ID, Roles: append([]string{}, newest.Roles...), Source: SourceRoster}
			}
		}
	}
	return d
}

// newestListing returns person p as the newest of versions (oldest first)
// that lists him.
func newestListing(versions []roster.Version, p roster.Person) roster.Person {
	for i := len(versions) - 1; i >= 0; i-- {
		if q, ok := versions[i].Person(p.ID); ok {
			return q
		}
	}
	return p
}

// Lookup returns who the key pub (hex) is, and false when no signed source
// names it.
func (d *Directory) Lookup(pub string) (Entry, bool) {
	if d == nil {
		return Entry{}, false
	}
	e, ok := d.byKey[pub]
	return e, ok
}

// Name returns the name of the key pub, "" when no signed source names it.
func (d *Directory) Name(pub string) string {
	e, _ := d.Lookup(pub)
	return e.Name
}

// Names returns every named key's name, keyed by public key hex.
func (d *Directory) Names() map[string]string {
	out := map[string]string{}
	if d == nil {
		return out
	}
	for k, e := range d.byKey {
		out[k] = e.Name
	}
	return out
}

// All returns every entry, by name and then by public key.
func (d *Directory) All() []Entry {
	out := []Entry{}
	if d == nil {
		return out
	}
	for _, e := range d.byKey {
		out = append(out, e)
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Name != out[j].Name {
			return out[i].Name < out[j].Name
		}
		return out[i].PublicKey < out[j].PublicKey
	})
	return out
}
