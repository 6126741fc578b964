package dossier

import (
	"golive/backend/apperr"
	"golive/backend/workflow"
)

// Needs says what a decision on dossier id's slot step/row asks now, given
// the answers being prepared: which approval items are asked and which
// deliverables are required, by the template's conditions (see
// workflow.Needs). The confirmation step answers for a successful
// release. Codes: dossier.not_found, workflow.unknown_slot.
func (s *Service) Needs(id, step, row string, answers map[string]workflow.Answer) (workflow.Needs, error) {
	v, err := s.get(id)
	if err != nil {
		return workflow.Needs{}, err
	}
	st := v.State
	if st.Plan == nil || st.Flow == nil {
		return workflow.Needs{}, apperr.New("workflow.unknown_slot", "step", step, "row", row)
	}
	spec, ok := st.Plan.Slot(step, row)
	if c := st.Plan.Confirm(); !ok && c != nil && c.ID == step && row == "" {
		spec, ok = st.Plan.ConfirmSpec(true), true
	}
	if !ok {
		return workflow.Needs{}, apperr.New("workflow.unknown_slot", "step", step, "row", row)
	}
	return st.Flow.Needs(st.facts(), spec, answers), nil
}
