package dossier

import (
	"slices"

	"golive/backend/profile"
	"golive/backend/workflow"
)

// The Check methods answer whether an action would be accepted now without
// recording anything: the event the action would make is built, signed and
// folded onto the dossier exactly as the action does, and the fold's
// verdict is returned (nil when it would count). The screens ask again
// after the dossier or the answers change, so that a refusal naming what is
// missing disappears as soon as the last missing thing is given; the rule
// stays the fold's alone.

// CheckSubmit is Submit with answers, judged and not recorded: nil, or the
// refusal (dossier.checklist_incomplete, workflow.incomplete, …).
func (s *Service) CheckSubmit(id string, answers map[string]workflow.Answer) error {
	return s.judge(id, workflow.KindSubmitted, submitBody(answers, ""))
}

// CheckDecide is Decide with r, judged and not recorded. A witnessed
// decision is judged as the profile's own (no image is stored).
func (s *Service) CheckDecide(id string, r DecideRequest) error {
	r.Witness = nil
	return s.judge(id, workflow.KindDecided, decideBody(r, nil))
}

// CheckConfirm is Confirm, judged and not recorded.
func (s *Service) CheckConfirm(id string, success bool, answers map[string]workflow.Answer, rollback string) error {
	return s.judge(id, workflow.KindConfirmed, confirmBody(success, answers, rollback, ""))
}

// judge folds the event body would make onto the dossier and returns why
// the fold would ignore it; nothing is written.
func (s *Service) judge(id, kind string, body func(State, profile.Summary) (any, error)) error {
	build, err := s.acting(kind, body)
	if err != nil {
		return err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	evs, e, err := s.next(id, build)
	if err != nil {
		return err
	}
	chain, err := s.chain()
	if err != nil {
		return err
	}
	_, _, ignored, _, err := fold(append(slices.Clone(evs), e), s.Resolve, chain)
	if err != nil {
		return err
	}
	return ignored[e.ID]
}
