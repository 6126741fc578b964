package workflow

import (
	"slices"
	"strings"

	"golive/backend/apperr"
	"golive/backend/template"
)

// Step is one step of a plan.
type Step struct {
	template.Step
	// Approval is true for start, sequential and countersign steps.
	Approval bool `json:"approval"`
	// Inserted marks a step the mode added (the emergency signature).
	Inserted bool `json:"inserted"`
}

// Plan is the effective flow of one dossier.
type Plan struct {
	// Flow is the template flow id.
	Flow string `json:"flow"`
	// Steps in order.
	Steps []Step `json:"steps"`
	// ConfirmationItems are the mode's extra confirmation items.
	ConfirmationItems []template.Item `json:"confirmation_items"`
	// SameDayTest requires the requesting side's same-day test.
	SameDayTest bool `json:"same_day_test"`
	// SameDayTestDocument, SameDayTestRoles and SameDayTestConfirmerRole
	// are the release type's settings of the same-day test (see
	// template.ReleaseType).
	SameDayTestDocument      string   `json:"same_day_test_document,omitempty"`
	SameDayTestRoles         []string `json:"same_day_test_roles,omitempty"`
	SameDayTestConfirmerRole string   `json:"same_day_test_confirmer_role,omitempty"`
	// NotFullyTested marks an emergency release.
	NotFullyTested bool `json:"not_fully_tested"`
	// PostReview is the mode's post-release review rule, nil for none.
	PostReview *template.PostReview `json:"post_review,omitempty"`
	// ReleaseMethodRequired asks for the release method (发布方式说明)
	// before submission (template ReleaseType.ReleaseMethodRequired).
	ReleaseMethodRequired bool `json:"release_method_required,omitempty"`
	// Settings are the template's workflow settings.
	Settings template.Settings `json:"settings"`
	// Documents are the standard documents needed to archive.
	Documents []template.Document `json:"documents"`
}

// NewPlan builds the plan for a release type and mode. Codes:
// workflow.no_flow, dossier.bad_type, dossier.bad_mode.
func NewPlan(tpl *template.Template, releaseType, mode string) (*Plan, error) {
	rt, ok := tpl.ReleaseType(releaseType)
	if !ok {
		return nil, apperr.New("dossier.bad_type", "type", releaseType)
	}
	m, ok := tpl.Mode(mode)
	if !ok {
		return nil, apperr.New("dossier.bad_mode", "mode", mode)
	}
	f, ok := tpl.Flow(rt.FlowID)
	if !ok || len(f.Steps) == 0 {
		return nil, apperr.New("workflow.no_flow", "type", releaseType)
	}
	p := &Plan{Flow: f.ID, ConfirmationItems: m.ConfirmationItems, SameDayTest: rt.SameDayTest,
		NotFullyTested: m.NotFullyTested, Settings: tpl.Settings, Documents: tpl.Documents}
	p.SameDayTestDocument, p.SameDayTestRoles = rt.SameDayTestDocument, rt.SameDayTestRoles
	p.SameDayTestConfirmerRole = rt.SameDayTestConfirmerRole
	p.PostReview, p.ReleaseMethodRequired = m.PostReview, rt.ReleaseMethodRequired
	for i, s := range f.Steps {
		p.Steps = append(p.Steps, Step{Step: s, Approval: isApproval(s.Kind)})
		if i == 0 && m.SignatureStep != nil {
			p.Steps = append(p.Steps, Step{Step: *m.SignatureStep, Approval: true, Inserted: true})
		}
	}
	p.share()
	return p, nil
}

// share gives every deliverable that is the same document as an earlier
// one (template SameAs) that one's id, name, document and kind, keeping its
// own Required, When and Waivable: one upload then serves every step that
// needs the document, and a new version of it stales every approval that
// saw it. The template's slices are copied, never changed.
func (p *Plan) share() {
	orig := map[string]template.Deliverable{}
	fix := func(ds []template.Deliverable) []template.Deliverable {
		if !slices.ContainsFunc(ds, func(d template.Deliverable) bool { return d.SameAs != "" }) {
			for _, d := range ds {
				orig[d.ID] = d
			}
			return ds
		}
		out := slices.Clone(ds)
		for i, d := range out {
			if o, ok := orig[d.SameAs]; ok && d.SameAs != "" {
				out[i].ID, out[i].Name, out[i].Document, out[i].HashOnly = o.ID, o.Name, o.Document, o.HashOnly
				continue
			}
			orig[d.ID] = d
		}
		return out
	}
	for i := range p.Steps {
		s := &p.Steps[i]
		s.Deliverables = fix(s.Deliverables)
		if len(s.Rows) == 0 {
			continue
		}
		s.Rows = slices.Clone(s.Rows)
		for k := range s.Rows {
			s.Rows[k].Deliverables = fix(s.Rows[k].Deliverables)
		}
	}
}

func isApproval(kind string) bool {
	return kind == template.KindStart || kind == template.KindSequential || kind == template.KindCountersign
}

// StepIndex returns the index of step id, or -1.
func (p *Plan) StepIndex(id string) int {
	return slices.IndexFunc(p.Steps, func(s Step) bool { return s.ID == id })
}

// StepOfKind returns the first step of one of kinds, or nil.
func (p *Plan) StepOfKind(kinds ...string) *Step {
	for i := range p.Steps {
		if slices.Contains(kinds, p.Steps[i].Kind) {
			return &p.Steps[i]
		}
	}
	return nil
}

// Start returns the start step.
func (p *Plan) Start() *Step { return p.StepOfKind(template.KindStart) }

// Confirm returns the step that confirms the release.
func (p *Plan) Confirm() *Step {
	return p.StepOfKind(template.KindExecution, template.KindConfirmation)
}

// ConfirmSpec is what confirming the release asks: the confirmation step's
// items and the mode's confirmation items, and, for a success, the step's
// deliverables.
func (p *Plan) ConfirmSpec(success bool) SlotSpec {
	step := p.Confirm()
	spec := SlotSpec{Step: step.ID, Role: step.Role, Items: append(append([]template.Item(nil), step.Items...), p.ConfirmationItems...),
		StepIndex: p.StepIndex(step.ID)}
	if success {
		spec.Deliverables = step.Deliverables
	}
	return spec
}

// SlotSpec is one decision slot of an approval step.
type SlotSpec struct {
	Step         string                 `json:"step"`
	Row          string                 `json:"row,omitempty"`
	Role         string                 `json:"role"`
	Items        []template.Item        `json:"items"`
	Deliverables []template.Deliverable `json:"deliverables"`
	StepIndex    int                    `json:"step_index"`
}

// Key is "step" or "step/row".
func (s SlotSpec) Key() string { return SlotKey(s.Step, s.Row) }

// SlotKey joins a step and row id.
func SlotKey(step, row string) string {
	if row == "" {
		return step
	}
	return step + "/" + row
}

// Slots returns the decision slots of every approval step, in order.
func (p *Plan) Slots() []SlotSpec {
	var out []SlotSpec
	for i, s := range p.Steps {
		if !s.Approval {
			continue
		}
		if s.Kind == template.KindCountersign {
			for _, r := range s.Rows {
				out = append(out, SlotSpec{Step: s.ID, Row: r.ID, Role: r.Role, Items: r.Items, Deliverables: r.Deliverables, StepIndex: i})
			}
			continue
		}
		out = append(out, SlotSpec{Step: s.ID, Role: s.Role, Items: s.Items, Deliverables: s.Deliverables, StepIndex: i})
	}
	return out
}

// Slot returns the slot spec for step and row.
func (p *Plan) Slot(step, row string) (SlotSpec, bool) {
	for _, s := range p.Slots() {
		if s.Step == step && s.Row == row {
			return s, true
		}
	}
	return SlotSpec{}, false
}

// DocPrefix prefixes standard-document keys among deliverable keys.
const DocPrefix = "doc:"

// Deliverable finds a deliverable by key: a deliverable id of any step or
// row, or "doc:<document id>" for a standard document attached on its own.
func (p *Plan) Deliverable(key string) (template.Deliverable, bool) {
	if strings.HasPrefix(key, DocPrefix) {
		id := strings.TrimPrefix(key, DocPrefix)
		for _, d := range p.Documents {
			if d.ID == id {
				return template.Deliverable{ID: key, Name: d.Name, Document: d.ID}, true
			}
		}
		return template.Deliverable{}, false
	}
	for _, s := range p.Steps {
		for _, d := range s.Deliverables {
			if d.ID == key {
				return d, true
			}
		}
		for _, r := range s.Rows {
			for _, d := range r.Deliverables {
				if d.ID == key {
					return d, true
				}
			}
		}
	}
	return template.Deliverable{}, false
}

// Package returns the first hash-only deliverable (the release package).
func (p *Plan) Package() (template.Deliverable, bool) {
	for _, s := range p.Steps {
		for _, d := range s.Deliverables {
			if d.HashOnly {
				return d, true
			}
		}
		for _, r := range s.Rows {
			for _, d := range r.Deliverables {
				if d.HashOnly {
					return d, true
				}
			}
		}
	}
	return template.Deliverable{}, false
}
