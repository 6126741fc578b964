// Package system keeps the register of application systems (应用系统) that
// releases are made for: code, name, owning department, owner, class,
// whether it faces the web, and which other systems it calls.
package system

import (
	"encoding/json"
	"regexp"
	"sort"
	"strings"
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
	// Code is the short unique code, e.g. "CRM"; letters, digits, '-' and '_'.
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

// Validate checks s on its own. Codes: system.code_invalid,
// system.name_required, system.department_required, system.owner_required,
// system.class_invalid, system.calls_self.
func (s *System) Validate() error {
	s.Code = strings.TrimSpace(s.Code)
	s.Name = strings.TrimSpace(s.Name)
	s.Department = strings.TrimSpace(s.Department)
	s.Owner = strings.TrimSpace(s.Owner)
	switch {
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
		if c == "" || seen[c] {
			continue
		}
		if c == s.Code {
			return apperr.New("system.calls_self", "code", c)
		}
		seen[c] = true
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
}

// NewRegister returns a Register over st.
func NewRegister(st *store.Store, zone *time.Location) *Register {
	return &Register{st: st, Now: time.Now, Zone: zone}
}

// List returns every system ordered by code.
func (r *Register) List() ([]System, error) {
	out := []System{}
	err := r.st.Each(bucket, func(_ string, raw []byte) error {
		var s System
		if err := json.Unmarshal(raw, &s); err != nil {
			return apperr.Wrap(err, "store.corrupt", "key", "system")
		}
		out = append(out, s)
		return nil
	})
	return out, err
}

// Get returns the system with code, or system.not_found.
func (r *Register) Get(code string) (System, error) {
	var s System
	if err := r.st.Get(bucket, code, &s); err != nil {
		if apperr.HasCode(err, "store.not_found") {
			return System{}, apperr.New("system.not_found", "code", code)
		}
		return System{}, err
	}
	return s, nil
}

// Save validates and stores s. With create set, an existing code is refused
// with system.exists; otherwise the code must exist (system.not_found).
// Every called system must be registered (system.unknown_call).
func (r *Register) Save(s System, create bool) (System, error) {
	if err := s.Validate(); err != nil {
		return System{}, err
	}
	_, err := r.Get(s.Code)
	switch {
	case create && err == nil:
		return System{}, apperr.New("system.exists", "code", s.Code)
	case !create && err != nil:
		return System{}, err
	}
	for _, c := range s.Calls {
		if _, err := r.Get(c); err != nil {
			return System{}, apperr.New("system.unknown_call", "code", c)
		}
	}
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
	if _, err := r.Get(code); err != nil {
		return err
	}
	all, err := r.List()
	if err != nil {
		return err
	}
	for _, s := range all {
		for _, c := range s.Calls {
			if c == code {
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
		if err := s.Validate(); err != nil || seen[s.Code] {
			continue
		}
		seen[s.Code] = true
		if _, err := r.Get(s.Code); err == nil {
			continue
		} else if !apperr.HasCode(err, "system.not_found") {
			return nil, err
		}
		puts = append(puts, store.Put{Bucket: bucket, Key: s.Code, Value: s})
	}
	return puts, nil
}
