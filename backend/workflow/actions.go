package workflow

import (
	"errors"

	"golive/backend/apperr"
)

// Actions is what one profile may do on a dossier now, as the dossier view
// offers it. Each field is decided by the same gates Apply checks an event
// with (phase, role, delegate, submitter), so the UI offers an action
// exactly when the workflow accepts it from this profile; the content of
// the request (answers, reasons, files) is still checked when it is made.
// JSON names are stable: the frontend reads them.
type Actions struct {
	// Submit: the dossier is a draft and the profile holds the start
	// step's role.
	Submit bool `json:"submit"`
	// Withdraw: the dossier is in approval, no one decided since the
	// submission, and the profile made the submission or holds the start
	// step's role.
	Withdraw bool `json:"withdraw"`
	// Decide lists, in plan order, the keys ("step" or "step/row") of the
	// pending slots the profile may approve or return: it is the slot's
	// delegate or holds its role. The start step's slot is never here.
	Decide []string `json:"decide"`
	// Transfer lists the pending slots the profile may hand to a delegate
	// (the same people who may decide them).
	Transfer []string `json:"transfer"`
	// Urge lists the pending slots the profile may remind the approver of:
	// those it may not decide itself.
	Urge []string `json:"urge"`
	// Witness lists the pending slots where the profile may record a
	// witnessed decision (在场签字) on its screen: the step allows it, an
	// organisation roster is in force and lists the profile's key. The
	// dossier service fills it (it knows the roster); ActionsFor leaves it
	// empty.
	Witness []string `json:"witness"`
	// Comment: the profile may comment on a step without deciding; any
	// profile may, in every phase, the archive included.
	Comment bool `json:"comment"`
	// Attach: the profile may attach a new version of a deliverable; any
	// profile may until the dossier is archived.
	Attach bool `json:"attach"`
	// File: the approved flow waits for filing (流程备案) and the profile
	// holds the filing step's role.
	File bool `json:"file"`
	// Runbook: the attempt is under way, not yet released, and the profile
	// holds the release operator role; it may edit the runbook and tests.
	Runbook bool `json:"runbook"`
	// PackageCheck: as Runbook; the profile may re-hash the deployed
	// package (refused with workflow.no_package while none is approved).
	PackageCheck bool `json:"package_check"`
	// Override: as Runbook, and the re-hashed package differs from the
	// approved one with no override recorded yet.
	Override bool `json:"override"`
	// Release: as Runbook; the profile may declare the release done.
	Release bool `json:"release"`
	// ReleaseBlocked is, when Release is true, the coded error the release
	// would be refused with now (workflow.runbook_incomplete,
	// workflow.package_unchecked, workflow.package_mismatch, with their
	// parameters); null when nothing blocks it.
	ReleaseBlocked *apperr.Error `json:"release_blocked"`
	// Supervise: the attempt is released, not yet supervised, and the
	// profile holds the supervisor role.
	Supervise bool `json:"supervise"`
	// SameDayTest: the plan needs the requesting side's same-day test, none
	// is recorded, and the attempt is released but not yet confirmed; any
	// profile may record it under a template without same-day test roles,
	// else a profile holding one of them (SameDayTestRoles).
	SameDayTest bool `json:"same_day_test"`
	// SameDayTestRoles are the roles in which the profile may record the
	// same-day test (the collecting roles, then the business confirmer
	// role); empty when SameDayTest is false or the template names none.
	SameDayTestRoles []string `json:"same_day_test_roles"`
	// Confirm: the supervised release waits for confirmation and the
	// profile holds the confirming step's role.
	Confirm bool `json:"confirm"`
	// Postpone: the release failed, or the attempt is under way and not
	// yet released, and the profile holds the postpone step's role.
	Postpone bool `json:"postpone"`
	// Archive: the release is confirmed and the profile holds one of the
	// archive roles.
	Archive bool `json:"archive"`
	// PostReview: the mode asks for a post-release review, the release is
	// confirmed, and the profile holds one of the review's roles; it may
	// record (or record again) the review.
	PostReview bool `json:"post_review"`
}

// ActionsFor returns what actor may do on a dossier with plan p and
// workflow state st. It is pure. A nil actor (no profile unlocked), plan or
// state allows nothing; the lists are then empty, never nil.
func ActionsFor(p *Plan, st *State, actor *Actor) Actions {
	out := Actions{Decide: []string{}, Transfer: []string{}, Urge: []string{}, Witness: []string{}}
	if p == nil || st == nil || actor == nil || len(p.Slots()) == 0 {
		return out
	}
	a := *actor
	ok := func(err error) bool { return err == nil }
	out.Comment = true
	if st.Phase == PhaseArchived {
		return out // an archived dossier takes comments only
	}
	out.Attach = true
	out.Submit = ok(st.gateSubmit(p, a.doing(KindSubmitted, "", "")))
	out.Withdraw = ok(st.gateWithdraw(p, a.doing(KindWithdrawn, "", "")))
	for _, s := range st.Slots {
		if _, err := st.pendingSlot(s.Step, s.Row); err != nil {
			continue
		}
		_, _, _, decide := st.gateDecide(p, s.Step, s.Row, a.doing(KindDecided, s.Step, s.Row))
		if ok(decide) {
			out.Decide = append(out.Decide, s.Key())
		} else {
			out.Urge = append(out.Urge, s.Key())
		}
		if _, err := st.gateTransfer(s.Step, s.Row, a.doing(KindTransferred, s.Step, s.Row)); ok(err) {
			out.Transfer = append(out.Transfer, s.Key())
		}
	}
	out.File = ok(st.gateFile(p, a.doing(KindFiled, "", "")))
	operator := ok(st.gateOperator(p, a.doing(KindReleased, "", ""), "release"))
	out.Runbook, out.PackageCheck, out.Release = operator, operator, operator
	out.Override = operator && ok(st.mismatch()) && st.Execution.Override == nil
	if operator {
		if err := st.releaseBlocker(p); err != nil {
			var coded *apperr.Error
			if !errors.As(err, &coded) {
				coded = apperr.Wrap(err, apperr.Internal)
			}
			out.ReleaseBlocked = coded
		}
	}
	out.Supervise = ok(st.gateSupervise(p, a.doing(KindSupervised, "", "")))
	out.SameDayTest = p.SameDayTest && st.Execution.SameDayTest == nil && ok(st.gateSameDayTest(p, a.doing(KindSameDayTest, "", "")))
	out.SameDayTestRoles = []string{}
	if out.SameDayTest {
		out.SameDayTestRoles = p.SameDayTestRolesFor(a)
	}
	out.Confirm = ok(st.gateConfirm(p, a.doing(KindConfirmed, "", "")))
	_, postpone := st.gatePostpone(p, a.doing(KindPostponed, "", ""))
	out.Postpone = ok(postpone)
	out.Archive = ok(st.gateArchive(p, a.doing(KindArchived, "", "")))
	out.PostReview = ok(st.gatePostReview(p, a.doing(KindPostReview, "", "")))
	return out
}
