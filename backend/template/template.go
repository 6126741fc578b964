package template

import (
	"bytes"
	"embed"
	"encoding/json"
	"errors"
	"io"
	"io/fs"
	"sort"
	"strings"
	"sync"

	"golive/backend/apperr"
)

//go:embed default.json
var defaultJSON []byte

// earlierFS holds the built-in templates of earlier GoLive builds, one file
// per key ("golive.release@2.4.json"). A built-in version never changes
// once shipped: dossiers pin it by key, so a build that changes the
// default's rules gives it a new version and keeps the earlier one here.
//
//go:embed earlier/*.json
var earlierFS embed.FS

var (
	earlierOnce sync.Once
	earlierTmpl []*Template
	earlierErr  error
)

// Earlier returns the built-in templates of earlier GoLive builds, parsed
// and validated, ordered by key; dossiers created under them fold under
// them. Each call returns independent deep copies.
func Earlier() ([]*Template, error) {
	earlierOnce.Do(func() {
		names, err := fs.Glob(earlierFS, "earlier/*.json")
		if err != nil {
			earlierErr = apperr.Wrap(err, apperr.Internal)
			return
		}
		for _, name := range names {
			raw, err := earlierFS.ReadFile(name)
			if err != nil {
				earlierErr = apperr.Wrap(err, apperr.Internal)
				return
			}
			t, err := Parse(raw)
			if err != nil {
				earlierErr = err
				return
			}
			earlierTmpl = append(earlierTmpl, t)
		}
		sort.Slice(earlierTmpl, func(i, j int) bool { return earlierTmpl[i].Key() < earlierTmpl[j].Key() })
	})
	if earlierErr != nil {
		return nil, earlierErr
	}
	out := make([]*Template, len(earlierTmpl))
	for i, t := range earlierTmpl {
		out[i] = t.Clone()
	}
	return out, nil
}

var (
	defaultOnce sync.Once
	defaultTmpl *Template
	defaultErr  error
)

// Default returns the embedded default template (the seed's V2.4 made
// into executable rules, version 2.4.3), parsed
// and validated. Each call returns an independent deep copy, so callers may
// modify the result freely.
func Default() (*Template, error) {
	defaultOnce.Do(func() {
		defaultTmpl, defaultErr = Parse(defaultJSON)
	})
	if defaultErr != nil {
		return nil, defaultErr
	}
	return defaultTmpl.Clone(), nil
}

// MustDefault is Default for callers that cannot proceed without the
// embedded template; it panics if the embedded copy is invalid.
func MustDefault() *Template {
	t, err := Default()
	if err != nil {
		panic("template: embedded default template is invalid: " + err.Error())
	}
	return t
}

// DefaultJSON returns a copy of the embedded default template's JSON.
func DefaultJSON() []byte { return bytes.Clone(defaultJSON) }

// Parse decodes a template from strict JSON — unknown fields and trailing
// data are rejected — and validates it. Decoding failures are coded
// "template.unknown_field", "template.trailing_data" or "template.bad_json";
// an inconsistent template returns a *ValidationError. Every step and
// countersign row shows its role's name (see alignRoleNames): a template
// saved with other labels reads with the roles' names.
func Parse(b []byte) (*Template, error) {
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	var t Template
	if err := dec.Decode(&t); err != nil {
		if field, ok := strings.CutPrefix(err.Error(), "json: unknown field "); ok {
			return nil, apperr.Wrap(err, "template.unknown_field", "field", strings.Trim(field, `"`))
		}
		return nil, apperr.Wrap(err, "template.bad_json")
	}
	if _, err := dec.Token(); !errors.Is(err, io.EOF) {
		return nil, apperr.New("template.trailing_data").WithDetail("unexpected data after the template object")
	}
	t.alignRoleNames()
	if err := t.Validate(); err != nil {
		return nil, err
	}
	return &t, nil
}

// Clone returns a deep copy of t.
func (t *Template) Clone() *Template {
	if t == nil {
		return nil
	}
	b, err := json.Marshal(t)
	if err != nil {
		panic("template: clone: " + err.Error())
	}
	var c Template
	if err := json.Unmarshal(b, &c); err != nil {
		panic("template: clone: " + err.Error())
	}
	return &c
}

// Key returns "id@version", the reference a dossier pins, e.g. "golive.release@2.4.2".
func (t *Template) Key() string { return t.ID + "@" + t.Version }

// Flow returns the flow with the given id.
func (t *Template) Flow(id string) (*Flow, bool) {
	for i := range t.Flows {
		if t.Flows[i].ID == id {
			return &t.Flows[i], true
		}
	}
	return nil, false
}

// FlowFor returns the flow a dossier of the given release type follows.
func (t *Template) FlowFor(releaseType string) (*Flow, bool) {
	rt, ok := t.ReleaseType(releaseType)
	if !ok {
		return nil, false
	}
	return t.Flow(rt.FlowID)
}

// ReleaseType returns the release type with the given id.
func (t *Template) ReleaseType(id string) (*ReleaseType, bool) {
	for i := range t.ReleaseTypes {
		if t.ReleaseTypes[i].ID == id {
			return &t.ReleaseTypes[i], true
		}
	}
	return nil, false
}

// Mode returns the release mode with the given id.
func (t *Template) Mode(id string) (*Mode, bool) {
	for i := range t.Modes {
		if t.Modes[i].ID == id {
			return &t.Modes[i], true
		}
	}
	return nil, false
}

// Role returns the role with the given id.
func (t *Template) Role(id string) (*Role, bool) {
	for i := range t.Roles {
		if t.Roles[i].ID == id {
			return &t.Roles[i], true
		}
	}
	return nil, false
}

// Department returns the department with the given id.
func (t *Template) Department(id string) (*Department, bool) {
	for i := range t.Departments {
		if t.Departments[i].ID == id {
			return &t.Departments[i], true
		}
	}
	return nil, false
}

// Document returns the standard document with the given id.
func (t *Template) Document(id string) (*Document, bool) {
	for i := range t.Documents {
		if t.Documents[i].ID == id {
			return &t.Documents[i], true
		}
	}
	return nil, false
}

// ChecklistItem returns the checklist item with the given id.
func (t *Template) ChecklistItem(id string) (*ChecklistItem, bool) {
	for i := range t.Checklist {
		if t.Checklist[i].ID == id {
			return &t.Checklist[i], true
		}
	}
	return nil, false
}

// ChecklistGroup returns the checklist items of one group in template order.
func (t *Template) ChecklistGroup(group string) []ChecklistItem {
	var out []ChecklistItem
	for _, c := range t.Checklist {
		if c.Group == group {
			out = append(out, c)
		}
	}
	return out
}

// Stage returns the stage with the given id.
func (t *Template) Stage(id string) (*Stage, bool) {
	for i := range t.Stages {
		if t.Stages[i].ID == id {
			return &t.Stages[i], true
		}
	}
	return nil, false
}

// StageIDs returns the stage ids in process order.
func (t *Template) StageIDs() []string {
	ids := make([]string, len(t.Stages))
	for i, s := range t.Stages {
		ids[i] = s.ID
	}
	return ids
}

// Step returns the step with the given id.
func (f *Flow) Step(id string) (*Step, bool) {
	for i := range f.Steps {
		if f.Steps[i].ID == id {
			return &f.Steps[i], true
		}
	}
	return nil, false
}

// Actors returns the role ids that act in the step: the Rows' roles for a
// countersign step, otherwise the step's Role (if set).
func (s *Step) Actors() []string {
	if s.Kind == KindCountersign {
		out := make([]string, 0, len(s.Rows))
		for _, r := range s.Rows {
			out = append(out, r.Role)
		}
		return out
	}
	if s.Role == "" {
		return nil
	}
	return []string{s.Role}
}
