package roster

import (
	"crypto/ed25519"
	"encoding/hex"
	"errors"
	"slices"
	"strconv"
	"time"

	"golive/backend/apperr"
	"golive/backend/keys"
	"golive/backend/template"
)

// RolePMO is the template role whose holders a draft names as PMO (the
// workbook's and the editor's rule: PMO = the people holding it).
const RolePMO = "pmo"

// timeLayout is how the roster page's times are sent: RFC 3339 in the
// zone they were recorded in.
const timeLayout = time.RFC3339

// Overview is what the roster page (组织名册) shows: the folder's pinned
// PMO key, the version in force, the list of versions, the draft the PMO
// is preparing, and whether the unlocked profile may edit and publish.
type Overview struct {
	// Pinned is true when the folder pins a PMO key.
	Pinned bool `json:"pinned"`
	// PinnedFingerprint is the pinned key's fingerprint (grouped hex).
	PinnedFingerprint string `json:"pinned_fingerprint"`
	// PinnedAt is when the folder pinned it, RFC 3339.
	PinnedAt string `json:"pinned_at"`
	// InForce is the latest version; nil when none was published.
	InForce *Published `json:"in_force"`
	// Versions lists the chain's versions, oldest first.
	Versions []VersionInfo `json:"versions"`
	// Draft is the folder's draft; nil when there is none.
	Draft *DraftView `json:"draft"`
	// Keys describes every key the version in force or the draft lists,
	// by public key (hex): its fingerprint and, when the chain revoked it,
	// the revocation.
	Keys map[string]KeyInfo `json:"keys"`
	// MayEdit is true when the unlocked profile may import, edit and
	// publish the roster (see Service.Editor).
	MayEdit bool `json:"may_edit"`
	// Me is the person id the version in force lists the unlocked
	// profile's key for, or "".
	Me string `json:"me"`
	// AssignableRoles are the current template's roles a person may hold
	// outright (global roles), for the editor; delegations may name any
	// role of the template.
	AssignableRoles []string `json:"assignable_roles"`
}

// Published is a published version for display.
type Published struct {
	// Roster is the version's body.
	Roster Roster `json:"roster"`
	// Event is the id of the roster.published event.
	Event string `json:"event"`
	// PublishedAt is the event time, RFC 3339.
	PublishedAt string `json:"published_at"`
	// Publisher is the publisher's name, as the version he answers to lists him.
	Publisher string `json:"publisher"`
	// Fingerprint is the publisher key's fingerprint.
	Fingerprint string `json:"fingerprint"`
}

// DraftView is the folder's draft for display and editing.
type DraftView struct {
	// Roster is the draft as saved.
	Roster Roster `json:"roster"`
	// Source says where the draft came from (a workbook's file name, "edit").
	Source string `json:"source"`
	// SavedAt is when it was saved, RFC 3339.
	SavedAt string `json:"saved_at"`
	// Problem is why the draft cannot be published as the next version
	// now, nil when it can (the signer's own rights aside).
	Problem *Problem `json:"problem"`
}

// Problem is a coded reason, as the frontend translates it.
type Problem struct {
	// Code is the apperr code, e.g. roster.no_pmo.
	Code string `json:"code"`
	// Params are the code's parameters.
	Params map[string]string `json:"params"`
}

// KeyInfo describes a public key for display.
type KeyInfo struct {
	// Fingerprint is keys.Fingerprint of the key (grouped hex).
	Fingerprint string `json:"fingerprint"`
	// RevokedIn is the number of the version that revoked the key, 0 if none.
	RevokedIn int `json:"revoked_in"`
	// Reason is the revocation's reason.
	Reason string `json:"reason"`
}

// unlocked returns the unlocked profile's public key (hex) and roles.
func (s *Service) unlocked() (string, []string, error) {
	if s.Signer == nil {
		return "", nil, apperr.New("profile.locked")
	}
	sum, key, err := s.Signer()
	if err != nil {
		return "", nil, err
	}
	return hex.EncodeToString(key.Public().(ed25519.PublicKey)), sum.Roles, nil
}

// Editor checks that the unlocked profile may import, edit and publish
// the roster: a key the version in force names as PMO, or, before the
// first version, a profile holding the pmo role or whose key the draft
// names for a PMO. Codes: profile.locked, roster.not_pmo (version,
// fingerprint), the codes of Chain.
func (s *Service) Editor() error {
	pub, roles, err := s.unlocked()
	if err != nil {
		return err
	}
	c, err := s.Chain()
	if err != nil {
		return err
	}
	if tip, ok := c.Tip(); ok {
		if tip.IsPMO(pub) {
			return nil
		}
		return apperr.New(CodeNotPMO, "version", strconv.Itoa(tip.Version+1), "fingerprint", keys.FingerprintHex(pub))
	}
	if slices.Contains(roles, RolePMO) {
		return nil
	}
	if d, ok, err := s.Draft(); err != nil {
		return err
	} else if ok && (&Version{Roster: d.Roster}).IsPMO(pub) {
		return nil
	}
	return apperr.New(CodeNotPMO, "version", "1", "fingerprint", keys.FingerprintHex(pub))
}

// Overview gathers what the roster page shows. Codes: those of Chain and
// store codes.
func (s *Service) Overview() (Overview, error) {
	out := Overview{Keys: map[string]KeyInfo{}, Versions: []VersionInfo{}, AssignableRoles: []string{}}
	if s.Template != nil {
		if t := s.Template(); t != nil {
			for _, r := range t.Roles {
				if r.Scope == template.ScopeGlobal {
					out.AssignableRoles = append(out.AssignableRoles, r.ID)
				}
			}
		}
	}
	pin, pinned, err := s.Pinned()
	if err != nil {
		return Overview{}, err
	}
	if pinned {
		out.Pinned, out.PinnedFingerprint, out.PinnedAt = true, pin.Fingerprint, pin.PinnedAt.Format(timeLayout)
	}
	c, err := s.Chain()
	if err != nil {
		return Overview{}, err
	}
	if out.Versions, err = s.Versions(); err != nil {
		return Overview{}, err
	}
	addKeys := func(r *Roster) {
		for _, p := range r.People {
			for _, k := range p.Keys {
				info := KeyInfo{Fingerprint: keys.FingerprintHex(k.Public)}
				if rev, n, ok := c.Revoked(k.Public); ok {
					info.RevokedIn, info.Reason = n, rev.Reason
				}
				out.Keys[k.Public] = info
			}
		}
		for _, rev := range r.Revocations {
			if _, ok := out.Keys[rev.Key]; !ok {
				info := KeyInfo{Fingerprint: keys.FingerprintHex(rev.Key)}
				if _, n, ok := c.Revoked(rev.Key); ok {
					info.RevokedIn = n
				}
				info.Reason = rev.Reason
				out.Keys[rev.Key] = info
			}
		}
	}
	tip, has := c.Tip()
	if has {
		info := out.Versions[len(out.Versions)-1]
		out.InForce = &Published{Roster: tip.Roster, Event: tip.Event, PublishedAt: info.PublishedAt,
			Publisher: info.Publisher, Fingerprint: info.Fingerprint}
		addKeys(&tip.Roster)
	}
	d, hasDraft, err := s.Draft()
	if err != nil {
		return Overview{}, err
	}
	if hasDraft {
		view := &DraftView{Roster: d.Roster, Source: d.Source, SavedAt: d.SavedAt.Format(timeLayout)}
		next, err := cloneRoster(d.Roster)
		if err != nil {
			return Overview{}, err
		}
		next.Normalize()
		if err := s.checkNext(c, &next, ""); err != nil {
			view.Problem = problemOf(err)
		}
		out.Draft = view
		addKeys(&d.Roster)
	}
	if pub, _, err := s.unlocked(); err == nil {
		out.MayEdit = s.Editor() == nil
		if has {
			if p, ok := tip.KeyOwner(pub); ok {
				out.Me = p.ID
			}
		}
	}
	return out, nil
}

// problemOf returns err's code and parameters.
func problemOf(err error) *Problem {
	var e *apperr.Error
	if !errors.As(err, &e) {
		return &Problem{Code: apperr.Internal, Params: map[string]string{}}
	}
	p := &Problem{Code: e.Code, Params: e.Params}
	if p.Params == nil {
		p.Params = map[string]string{}
	}
	return p
}

// EditDraft replaces the folder's draft with r after the PMO edited it:
// r is normalized, its PMO are the people holding the pmo role, and it
// must be valid as the next version (see Publish) before it is saved; a
// refused edit changes nothing. An empty source keeps the old draft's.
// Codes: profile.locked, roster.not_pmo,
// the codes of Validate and of Publish's successor and template checks,
// store codes.
func (s *Service) EditDraft(r Roster, source string) (Draft, error) {
	if err := s.Editor(); err != nil {
		return Draft{}, err
	}
	next, err := cloneRoster(r)
	if err != nil {
		return Draft{}, err
	}
	next.Normalize()
	next.PMO = nil
	for _, p := range next.People {
		if slices.Contains(p.Roles, RolePMO) {
			next.PMO = append(next.PMO, p.ID)
		}
	}
	next.Normalize()
	c, err := s.Chain()
	if err != nil {
		return Draft{}, err
	}
	if err := s.checkNext(c, &next, ""); err != nil {
		return Draft{}, err
	}
	if source == "" {
		if old, ok, err := s.Draft(); err != nil {
			return Draft{}, err
		} else if ok {
			source = old.Source
		}
	}
	return s.SaveDraft(next, source)
}

// DiscardDraft drops the folder's draft (nothing happens when there is
// none); it does not ask who may (see Editor). Codes: store codes.
func (s *Service) DiscardDraft() error {
	return s.st.Put(bucket, keyDraft, nil)
}

// DraftFromInForce saves, as the folder's draft, the version in force
// ready to become the next one: the same organisation, people, systems,
// heads and delegations, without the revocations, cutoffs and note that
// belonged to that version. Codes: profile.locked, roster.not_pmo,
// roster.none when nothing was published, store codes.
func (s *Service) DraftFromInForce() (Draft, error) {
	if err := s.Editor(); err != nil {
		return Draft{}, err
	}
	tip, ok, err := s.InForce()
	if err != nil {
		return Draft{}, err
	}
	if !ok {
		return Draft{}, apperr.New(CodeNone)
	}
	r, err := cloneRoster(tip.Roster)
	if err != nil {
		return Draft{}, err
	}
	r.Note, r.Revocations, r.Cutoffs, r.Adopted = "", nil, nil, nil
	r.Version = tip.Version + 1
	return s.SaveDraft(r, "")
}
