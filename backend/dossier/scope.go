package dossier

import (
	"strings"

	"golive/backend/apperr"
	"golive/backend/ledger"
	"golive/backend/profile"
	"golive/backend/template"
	"golive/backend/workflow"
)

// RecordOutOfScope puts on record, signed by the unlocked profile, a change
// the process excludes from its scope (guideline §1: a data-only change, a
// software or hardware upgrade or replacement, a configuration update
// without program code change): a dossier with no plan and no flow, which
// can never be submitted. Codes: profile.locked, system.not_found,
// dossier.title_required, dossier.title_too_long, dossier.entity_too_long,
// dossier.bad_exclusion (a kind the template does not list),
// dossier.out_of_scope_reason_required.
func (s *Service) RecordOutOfScope(req OutOfScopeRequest) (View, error) {
	key, sys, err := s.signerFor(req.SystemCode)
	if err != nil {
		return View{}, err
	}
	tpl := s.Template()
	title, entity := strings.TrimSpace(req.Title), strings.TrimSpace(req.Entity)
	f := Fields{Title: &title, Entity: &entity}
	if err := s.validateFields(tpl, &f, false); err != nil {
		return View{}, err
	}
	if title == "" {
		return View{}, apperr.New("dossier.title_required")
	}
	oos := OutOfScope{Kind: strings.TrimSpace(req.Kind), Reason: strings.TrimSpace(req.Reason)}
	if _, ok := exclusion(tpl, oos.Kind); !ok {
		return View{}, apperr.New("dossier.bad_exclusion", "kind", oos.Kind)
	}
	if oos.Reason == "" {
		return View{}, apperr.New("dossier.out_of_scope_reason_required")
	}
	now := s.Now().In(s.Zone)
	id := s.MakeID(now)
	web := sys.WebFacing
	body := createdBody{Template: tpl.Key(), SystemCode: sys.Code, Zone: s.Zone.String(), WebFacing: &web, Fields: f, OutOfScope: &oos}
	e, err := ledger.New(id, nil, KindCreated, body, now, key)
	if err != nil {
		return View{}, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.commit(id, nil, e)
}

// exclusion returns the template's exclusion with id.
func exclusion(tpl *template.Template, id string) (template.Exclusion, bool) {
	for _, x := range tpl.Exclusions {
		if x.ID == id && id != "" {
			return x, true
		}
	}
	return template.Exclusion{}, false
}

// PostReviewRequest is the post-release review (事后复盘) of a release.
type PostReviewRequest struct {
	// Findings are the problems found (发现的问题).
	Findings string `json:"findings"`
	// Actions are the improvement actions (改进措施).
	Actions string `json:"actions"`
	// Participants names who took part.
	Participants string `json:"participants"`
}

// RecordPostReview records the post-release review of a confirmed release
// whose mode asks for one (template Mode.PostReview), as one of the
// review's roles; the archive waits for it. Codes: workflow.no_post_review,
// workflow.bad_phase, workflow.not_permitted, roster.*,
// workflow.post_review_incomplete (naming the missing fields).
func (s *Service) RecordPostReview(id string, r PostReviewRequest) (View, error) {
	return s.act(id, workflow.KindPostReview, func(st State, me profile.Summary) (any, error) {
		var roles []string
		if st.Plan.PostReview != nil {
			roles = st.Plan.PostReview.Roles
		}
		return workflow.PostReviewBody{Role: s.claimOne(st, me, workflow.KindPostReview, roles),
			Findings: r.Findings, Actions: r.Actions, Participants: r.Participants}, nil
	})
}
