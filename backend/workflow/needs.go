package workflow

import (
	"strings"

	"golive/backend/template"
)

// Needs is what one decision slot asks of a dossier now: which of its
// approval items are asked and which of its deliverables are required,
// after the template's conditions (When) have been read against the
// answers given so far and the dossier's facts. The screens show it as
// it is; the workflow refuses a decision by the same value.
type Needs struct {
	// Items are the slot's approval items in template order.
	Items []ItemNeed `json:"items"`
	// Deliverables are the slot's deliverables in template order.
	Deliverables []DeliverableNeed `json:"deliverables"`
}

// ItemNeed is one approval item of a slot.
type ItemNeed struct {
	// ID is the item's id.
	ID string `json:"id"`
	// Asked is false when the item's condition does not hold (the
	// interface test question after 否 to the interface-calls question).
	Asked bool `json:"asked"`
}

// DeliverableNeed is one deliverable of a slot.
type DeliverableNeed struct {
	// ID is the deliverable's id in the plan (for a shared document, the
	// id of the step that first asks for it).
	ID string `json:"id"`
	// Required is true when the decision cannot be taken without it: the
	// template requires it, it is not generated, and its condition holds.
	Required bool `json:"required"`
	// Waivable is true when the approver may mark it not applicable with
	// a reason instead.
	Waivable bool `json:"waivable"`
	// Applies is false when its condition does not hold (then it is
	// neither required nor asked for).
	Applies bool `json:"applies"`
	// Present is true when a version of it is attached.
	Present bool `json:"present"`
	// SharedFrom is the id of the step (or "step/row") that first asks for
	// the same document, when this slot only checks it; "" when the slot
	// is where it is given.
	SharedFrom string `json:"shared_from,omitempty"`
}

func (n Needs) deliverable(id string) (DeliverableNeed, bool) {
	for _, d := range n.Deliverables {
		if d.ID == id {
			return d, true
		}
	}
	return DeliverableNeed{}, false
}

// Needs reads spec's items and deliverables against the dossier: answers
// are those of the decision being prepared, which come before the answers
// already recorded on the dossier.
func (st *State) Needs(df DossierFacts, spec SlotSpec, answers map[string]Answer) Needs {
	out := Needs{Items: []ItemNeed{}, Deliverables: []DeliverableNeed{}}
	for _, it := range spec.Items {
		out.Items = append(out.Items, ItemNeed{ID: it.ID, Asked: st.holds(df, it.When, answers)})
	}
	origin := df.Plan.origins()
	for _, d := range spec.Deliverables {
		applies := st.holds(df, d.When, answers)
		n := DeliverableNeed{ID: d.ID, Applies: applies, Required: applies && d.Required && !d.Generated,
			Waivable: applies && d.Waivable, Present: st.Latest(d.ID) != nil}
		if o := origin[d.ID]; d.SameAs != "" && o != spec.Key() {
			n.SharedFrom = o
		}
		out.Deliverables = append(out.Deliverables, n)
	}
	return out
}

// holds reports whether condition c holds for the dossier: nil always
// does; an item condition fails only on a 否 answer (given now or
// recorded), a web-facing one only when the dossier records its system as
// not web-facing.
func (st *State) holds(df DossierFacts, c *template.Condition, answers map[string]Answer) bool {
	if c == nil {
		return true
	}
	if c.WebFacing && df.WebFacing != nil && !*df.WebFacing {
		return false
	}
	if c.Item != "" {
		if a, ok := answers[c.Item]; ok {
			return a.Yes
		}
		if a, ok := st.answered(c.Item); ok {
			return a.Yes
		}
	}
	return true
}

// answered finds the recorded answer to approval item id: in the current
// decision of a slot (the submission is slot 0's), else in the
// confirmation.
func (st *State) answered(id string) (Answer, bool) {
	for _, s := range st.Slots {
		if s.Decision != nil {
			if a, ok := s.Decision.Answers[id]; ok {
				return a, true
			}
		}
	}
	if st.Confirmation != nil {
		if a, ok := st.Confirmation.Answers[id]; ok {
			return a, true
		}
	}
	return Answer{}, false
}

// origins maps every deliverable id of the plan to the key of the slot
// (or step) that first asks for it.
func (p *Plan) origins() map[string]string {
	out := map[string]string{}
	note := func(key string, ds []template.Deliverable) {
		for _, d := range ds {
			if _, ok := out[d.ID]; !ok {
				out[d.ID] = key
			}
		}
	}
	for _, s := range p.Steps {
		note(s.ID, s.Deliverables)
		for _, r := range s.Rows {
			note(SlotKey(s.ID, r.ID), r.Deliverables)
		}
	}
	return out
}

// trimmed returns m with its values trimmed and empty ones dropped, or nil.
func trimmed(m map[string]string) map[string]string {
	var out map[string]string
	for k, v := range m {
		if v = strings.TrimSpace(v); v != "" {
			if out == nil {
				out = map[string]string{}
			}
			out[k] = v
		}
	}
	return out
}
