// Package system keeps the register of application systems (应用系统) that
// releases are made for: code, name, owning department, owner, class,
// whether it faces the web, and which other systems it calls.
//
// System codes ignore case: CRM and crm are the same system. A new
// system is stored under its code in upper case (the canonical form,
// Canonical); every lookup (Get, the codes a system calls, updates,
// deletion) finds a system whatever the case typed, and an entry stored
// in another case before this rule keeps its code and stays readable.
package system

import (
	"encoding/json"
	"regexp"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"

	"golive/backend/apperr"
	"golive/backend/store"
	"golive/backend/template"
)

const bucket = "sys"

// Classes lists the system classes a system may have; release-window rules
// are kept per class. The list is written once, in the process template
// (template.SystemClasses), which must not depend on this register.
var Classes = template.SystemClasses()

// System is one application system in the register.
type System struct {
	// Code is the short unique code, e.g. "CRM"; letters, digits, '-' and
	// '_'; unique without regard to case, new codes in upper case.
	Code string `json:"code"`
	// Name is the system's display name.
	Name string `json:"name"`
	// Department is the owning department.
	Department string `json:"department"`
	// Owner is the system owner (系统所有人).
	Owner string `json:"owner"`
	// Class is one of Classes.
	Class string `json:"class"`
	// WebFacing marks systems reachable from the internet.
	WebFacing bool `json:"web_facing"`
	// Calls lists the codes of systems this one calls.
	Calls []string `json:"calls"`
	// UpdatedAt is when the entry last changed.
	UpdatedAt time.Time `json:"updated_at"`
}

var codePattern = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9_-]{0,31}$`)

// Canonical returns code in the form a new system is stored under: without
// surrounding spaces, in upper case.
func Canonical(code string) string { return strings.ToUpper(strings.TrimSpace(code)) }

// Validate checks s on its own. Codes: system.code_required,
// system.code_invalid, system.name_required, system.department_required,
// system.owner_required, system.class_invalid, system.calls_self.
func (s *System) Validate() error {
	s.Code = strings.TrimSpace(s.Code)
	s.Name = strings.TrimSpace(s.Name)
	s.Department = strings.TrimSpace(s.Department)
	s.Owner = strings.TrimSpace(s.Owner)
	switch {
	case s.Code == "":
		return apperr.New("system.code_required")
	case !codePattern.MatchString(s.Code):
		return apperr.New("system.code_invalid", "code", s.Code)
	case s.Name == "":
		return apperr.New("system.name_required")
	case s.Department == "":
		return apperr.New("system.department_required")
	case s.Owner == "":
		return apperr.New("system.owner_required")
	}
	known := false
	for _, c := range Classes {
		known = known || c == s.Class
	}
	if !known {
		return apperr.New("system.class_invalid", "class", s.Class)
	}
	seen := map[string]bool{}
	calls := make([]string, 0, len(s.Calls))
	for _, c := range s.Calls {
		c = strings.TrimSpace(c)
		if c == "" || seen[Canonical(c)] {
			continue
		}
		if strings.EqualFold(c, s.Code) {
			return apperr.New("system.calls_self", "code", c)
		}
		seen[Canonical(c)] = true
		calls = append(calls, c)
	}
	sort.Strings(calls)
	s.Calls = calls
	return nil
}

// Register stores systems in a data folder.
type Register struct {
	st *store.Store
	// Now is the clock.
	Now func() time.Time
	// Zone is the zone stored with times.
	Zone *time.Location

	// mu guards read, the systems List read last at generation gen of
	// the bucket (store.Generation): views name systems on every read.
	mu   sync.Mutex
	read []System
	gen  uint64
}

// clone returns a copy of s sharing nothing with it.
func (s System) clone() System {
	s.Calls = slices.Clone(s.Calls)
	return s
}

// NewRegister returns a Register over st.
func NewRegister(st *store.Store, zone *time.Location) *Register {
	return &Register{st: st, Now: time.Now, Zone: zone}
}

// List returns every system ordered by code.
func (r *Register) List() ([]System, error) {
	all, err := r.all()
	out := make([]System, len(all))
	for i, s := range all {
		out[i] = s.clone()
	}
	return out, err
}

// all returns every system ordered by code, read again only when the
// bucket was written since; the caller must not change them.
func (r *Register) all() ([]System, error) {
	gen := r.st.Generation(bucket)
	r.mu.Lock()
	if r.read != nil && r.gen == gen {
		defer r.mu.Unlock()
		return r.read, nil
	}
	r.mu.Unlock()
	out := []System{}
	err := r.st.Each(bucket, func(_ string, raw []byte) error {
		var s System
		if err := json.Unmarshal(raw, &s); err != nil {
			return apperr.Wrap(err, "store.corrupt", "key", "system")
		}
		out = append(out, s)
		return nil
	})
	if err != nil {
		return out, err
	}
	r.mu.Lock()
	r.read, r.gen = out, gen
	r.mu.Unlock()
	return out, nil
}

// Get returns the system with code, whatever its case (the entry stored
// under code itself first, then under its canonical form, then any whose
// code differs only in case), or system.not_found.
func (r *Register) Get(code string) (System, error) {
	code = strings.TrimSpace(code)
	all, err := r.all()
	if err != nil {
		return System{}, err
	}
	// Ordered by code as stored; the keys are the codes.
	for _, key := range []string{code, Canonical(code)} {
		if i, ok := slices.BinarySearchFunc(all, key, func(s System, k string) int { return strings.Compare(s.Code, k) }); ok {
			return all[i].clone(), nil
		}
	}
	for _, s := range all {
		if strings.EqualFold(s.Code, code) {
			return s.clone(), nil
		}
	}
	return System{}, apperr.New("system.not_found", "code", code)
}

// Save validates and stores s. With create set, a code registered in
// any case is refused with system.exists (params code, as typed, and
// existing, as registered) and a new one is stored in upper case;
// otherwise the code must exist in some case (system.not_found) and the
// entry keeps the code it is stored under. Every called system must be
// registered (system.unknown_call); calls name them as registered.
func (r *Register) Save(s System, create bool) (System, error) {
	if err := s.Validate(); err != nil {
		return System{}, err
	}
	old, err := r.Get(s.Code)
	switch {
	case create && err == nil:
		return System{}, apperr.New("system.exists", "code", s.Code, "existing", old.Code)
	case create && !apperr.HasCode(err, "system.not_found"):
		return System{}, err
	case create:
		s.Code = Canonical(s.Code)
	case err != nil:
		return System{}, err
	default:
		s.Code = old.Code
	}
	for i, c := range s.Calls {
		called, err := r.Get(c)
		if apperr.HasCode(err, "system.not_found") {
			return System{}, apperr.New("system.unknown_call", "code", c)
		}
		if err != nil {
			return System{}, err
		}
		s.Calls[i] = called.Code
	}
	sort.Strings(s.Calls)
	s.UpdatedAt = r.Now().In(r.Zone)
	if err := r.st.Put(bucket, s.Code, s); err != nil {
		return System{}, err
	}
	return s, nil
}

// Delete removes the system with code. It refuses with system.in_use when
// another system calls it or inUse reports dossiers for it, and with
// inUse's error when that cannot be told.
func (r *Register) Delete(code string, inUse func(code string) (bool, error)) error {
	sys, err := r.Get(code)
	if err != nil {
		return err
	}
	code = sys.Code
	all, err := r.List()
	if err != nil {
		return err
	}
	for _, s := range all {
		for _, c := range s.Calls {
			if strings.EqualFold(c, code) {
				return apperr.New("system.in_use", "code", code, "by", s.Code)
			}
		}
	}
	if inUse != nil {
		used, err := inUse(code)
		if err != nil {
			return err
		}
		if used {
			return apperr.New("system.in_use", "code", code, "by", "dossier")
		}
	}
	return r.st.Put(bucket, code, nil)
}

// Adopt returns the records that add the systems of list this register
// does not hold (received with dossiers from another folder), for the
// caller to commit with them, and how many they are. Systems it holds
// keep their entries; an entry that does not validate is skipped.
func (r *Register) Adopt(list []System) ([]store.Put, error) {
	var puts []store.Put
	seen := map[string]bool{}
	for _, s := range list {
		if err := s.Validate(); err != nil || seen[Canonical(s.Code)] {
			continue
		}
		seen[Canonical(s.Code)] = true
		if _, err := r.Get(s.Code); err == nil {
			continue
		} else if !apperr.HasCode(err, "system.not_found") {
			return nil, err
		}
		puts = append(puts, store.Put{Bucket: bucket, Key: s.Code, Value: s})
	}
	return puts, nil
}
